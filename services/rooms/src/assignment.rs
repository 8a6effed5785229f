//! Who cleans which room on a business date: the types, without I/O.
use chrono::{DateTime, NaiveDate, Utc};
use kernel::{RoomId, UserId};

/// A room given to one attendant for one of the hotel's business dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub date: NaiveDate,
    pub room_id: RoomId,
    pub room_number: String,
    pub floor: i32,
    pub attendant: UserId,
    pub assigned_by: UserId,
    pub assigned_at: DateTime<Utc>,
}

/// One line of an assignment's audit trail: who moved the room from whom to whom, and when.
/// `None` is nobody: `from: None` a first assignment, `to: None` the room taken back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentChange {
    pub date: NaiveDate,
    pub room_id: RoomId,
    pub room_number: String,
    pub from: Option<UserId>,
    pub to: Option<UserId>,
    pub by: UserId,
    pub at: DateTime<Utc>,
}
