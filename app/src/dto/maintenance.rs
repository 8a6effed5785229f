//! Maintenance tickets as the tablet shows them.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketView {
    pub id: String,
    pub room_id: String,
    pub room_number: String,
    pub problem: String,
    /// `low`, `normal`, `high`, `urgent`.
    pub priority: String,
    /// `open`, `in_progress`, `resolved`.
    pub status: String,
    pub reporter: String,
    pub assignee: Option<String>,
    pub takes_room_out_of_order: bool,
    /// Where the photo is, when there is one.
    pub photo: Option<String>,
    /// The hotel's local time, `YYYY-MM-DD HH:MM`.
    pub opened: String,
    pub resolved: Option<String>,
    pub resolved_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketPageView {
    pub tickets: Vec<TicketView>,
    pub total: u64,
    /// From 0, as the pager counts.
    pub page: u32,
}
