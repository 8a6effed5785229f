//! What the rooms service publishes.
use super::*;
use crate::{RoomId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A room's housekeeping or occupancy status changed: cleaned, taken out of order, checked into.
/// Statuses are the rooms service's snake_case names (`out_of_order`, `occupied`…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomStatusChanged {
    pub room_id: RoomId,
    pub room_number: String,
    pub housekeeping_from: String,
    pub housekeeping_to: String,
    pub occupancy_from: String,
    pub occupancy_to: String,
    /// Whether the room may be sold after the change (not out of order or out of service).
    pub sellable: bool,
    pub changed_by: UserId,
    pub reason: Option<String>,
    pub timestamp: DateTime<Utc>,
}

impl Event for RoomStatusChanged {
    const TYPE: &'static str = ROOM_STATUS_CHANGED;
    fn key(&self) -> String {
        self.room_id.to_string()
    }
}
