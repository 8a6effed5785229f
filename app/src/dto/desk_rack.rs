//! What the room rack receives: rooms by type, and on each room its stays and out-of-order
//! spells already placed on the rack's half-days.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Days the rack shows at a time.
pub const RACK_DAYS: u64 = 14;
/// Rooms on one page of the rack: enough for most hotels on one, few enough to draw at once.
pub const RACK_ROOMS_PER_PAGE: u32 = 120;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RackView {
    /// The first day shown.
    pub from: NaiveDate,
    /// The hotel's business date.
    pub today: NaiveDate,
    /// Every room type of the hotel as (code, name), for the rack's filter.
    pub room_types: Vec<(String, String)>,
    /// The page's rooms in runs of one type.
    pub groups: Vec<RackGroupView>,
    /// Rooms the rack holds over every page.
    pub total_rooms: u64,
    pub page: u32,
    pub per_page: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RackGroupView {
    pub code: String,
    pub name: String,
    pub rooms: Vec<RackRoomView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RackRoomView {
    pub number: String,
    /// "clean", "dirty", "out of order"…
    pub housekeeping: String,
    /// Why a guest who needs a room tonight would not walk into this one ("Room 204 is
    /// dirty"); `None` when it is ready.
    pub not_ready: Option<String>,
    pub bars: Vec<RackBarView>,
    pub out_of_order: Vec<RackSpellView>,
}

/// How a stay stands at the desk today; the bar's colour and words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BarState {
    Confirmed,
    Arriving,
    InHouse,
    Departing,
    CheckedOut,
}

impl BarState {
    pub fn label(self) -> &'static str {
        match self {
            BarState::Confirmed => "confirmed",
            BarState::Arriving => "arriving",
            BarState::InHouse => "in house",
            BarState::Departing => "departing",
            BarState::CheckedOut => "checked out",
        }
    }
}

/// Where a bar sits: in half-days from the first morning shown, and whether it runs on past
/// either edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RackPlace {
    pub start: u32,
    pub span: u32,
    pub before: bool,
    pub after: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RackBarView {
    pub booking_id: String,
    pub reference: String,
    pub guest_name: String,
    pub room_number: String,
    pub state: BarState,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub place: RackPlace,
    /// Whether the stay's status still allows a move.
    pub can_move: bool,
    /// Whether the guest sleeps in the room tonight, so a move needs a ready room.
    pub tonight: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RackSpellView {
    pub why: String,
    pub from: NaiveDate,
    /// The day it ends (not included); `None` until further notice.
    pub until: Option<NaiveDate>,
    pub place: RackPlace,
}
