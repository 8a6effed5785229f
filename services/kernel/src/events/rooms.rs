//! What the rooms service publishes.
use super::*;
use crate::{RoomId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
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
    /// Whether the room may be sold after the change (not out of order).
    pub sellable: bool,
    /// Since v2: the guest's request (`none`, `do_not_disturb`, `refused_service`,
    /// `make_up_requested`) before and after.
    #[serde(default)]
    pub guest_service_from: String,
    #[serde(default)]
    pub guest_service_to: String,
    /// Since v2: sellable but flagged.
    #[serde(default)]
    pub out_of_service: bool,
    /// Since v2: the last day an out-of-order room stays out.
    #[serde(default)]
    pub out_of_order_until: Option<NaiveDate>,
    /// Since v2: what housekeeping found at the door today (`vacant`, `occupied`), and whether
    /// that disagrees with the desk (`skip`: found empty, in house; `sleep`: found slept in, vacant).
    #[serde(default)]
    pub reported: Option<String>,
    #[serde(default)]
    pub discrepancy: Option<String>,
    pub changed_by: UserId,
    pub reason: Option<String>,
    pub timestamp: DateTime<Utc>,
}

impl Event for RoomStatusChanged {
    const TYPE: &'static str = ROOM_STATUS_CHANGED;
    const VERSION: u32 = 2;
    fn key(&self) -> String {
        self.room_id.to_string()
    }
}
