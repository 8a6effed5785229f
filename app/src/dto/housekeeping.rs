//! What the housekeeping tablet shows: the board's rooms and their counts.
use serde::{Deserialize, Serialize};

/// One room as housekeeping sees it today. States are the rooms service's snake_case names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardRoomView {
    pub id: String,
    pub number: String,
    pub floor: i32,
    pub room_type: String,
    /// `dirty`, `cleaning`, `clean`, `inspected`, `out_of_order`.
    pub condition: String,
    /// `vacant`, `occupied`.
    pub occupancy: String,
    /// `arrival`, `due_out`, `stay_over`, `departed`, `vacant`.
    pub front_office: String,
    /// `none`, `do_not_disturb`, `refused_service`, `make_up_requested`.
    pub guest_service: String,
    pub out_of_service: bool,
    pub out_of_order_until: Option<String>,
    /// `skip` or `sleep`.
    pub discrepancy: Option<String>,
    pub attendant: Option<String>,
    pub attendant_id: Option<String>,
    pub guest_waiting: bool,
    /// 0 (a guest waiting) to 4; lower first.
    pub priority: u8,
    /// Why the last change was made (a failed inspection's reason).
    pub note: Option<String>,
    /// The party arriving today ("2 adults").
    pub arriving: Option<String>,
    /// The front desk's latest note on that arrival ("arrives 14:00, cot needed").
    pub arrival_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendantView {
    pub id: String,
    pub name: String,
}

/// One page of the board, with what describes every room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardView {
    /// The business date, `YYYY-MM-DD`.
    pub date: String,
    pub inspection_required: bool,
    /// Every room's condition counted, in the rooms service's order.
    pub counts: Vec<(String, usize)>,
    /// Arrivals waiting for a room not ready.
    pub waiting: usize,
    pub floors: Vec<i32>,
    /// The page's rooms, most urgent first.
    pub rooms: Vec<BoardRoomView>,
    /// How many rooms the filters keep, over every page.
    pub total: u64,
    pub page: u32,
    pub attendants: Vec<AttendantView>,
}

/// One attendant's share of the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendantLoadView {
    pub id: String,
    pub name: String,
    /// Room numbers with the work each needs (`departure`, `stay_over`, `arrival_check`, or
    /// `none`).
    pub rooms: Vec<(String, String)>,
    pub weight: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkloadView {
    pub date: String,
    pub attendants: Vec<AttendantLoadView>,
    pub unassigned: usize,
}
