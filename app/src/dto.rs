//! What server functions send to the browser: plain data, nothing internal.
use kernel::{Currency, Money, Role};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionUser {
    pub name: String,
    pub email: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomTypeView {
    pub code: String,
    pub name: String,
    pub description: String,
    pub max_adults: u8,
    pub max_children: u8,
    pub nightly: Money,
    pub beds: String,
    pub size_m2: u16,
    pub amenities: Vec<String>,
    /// Flexible features as label and value, e.g. ("view", "sea").
    pub features: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingView {
    pub id: String,
    pub reference: String,
    pub room_type: String,
    pub room_number: String,
    pub check_in: chrono::NaiveDate,
    pub check_out: chrono::NaiveDate,
    pub nights: i64,
    pub adults: u8,
    pub children: u8,
    pub total: Money,
    pub status: String,
    /// Whether the lifecycle still allows cancelling; decided by the bookings service.
    pub can_cancel: bool,
}

impl BookingView {
    pub fn currency(&self) -> Currency {
        self.total.currency()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AvailabilityView {
    pub code: String,
    pub name: String,
    pub description: String,
    pub nights: i64,
    pub nightly: Money,
    pub total: Money,
    pub rooms_free: usize,
}
