//! What the rooms service publishes about who cleans which room.
use super::*;
use crate::{RoomId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A room's attendant for one business date changed: assigned, handed to another, or taken
/// back (`attendant` is `None`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HousekeepingAssigned {
    /// The hotel's business date the assignment is for.
    pub date: NaiveDate,
    pub room_id: RoomId,
    pub room_number: String,
    pub floor: i32,
    pub attendant: Option<UserId>,
    pub previous: Option<UserId>,
    pub changed_by: UserId,
    pub timestamp: DateTime<Utc>,
}

impl Event for HousekeepingAssigned {
    const TYPE: &'static str = HOUSEKEEPING_ASSIGNED;
    fn key(&self) -> String {
        self.room_id.to_string()
    }
}
