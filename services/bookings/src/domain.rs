use chrono::{DateTime, Utc};
use kernel::{BookingId, Money, Party, RoomId, RoomTypeCode, Stay, UserId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Pending,
    Confirmed,
    CheckedIn,
    CheckedOut,
    Cancelled,
    NoShow,
}

impl BookingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Confirmed => "confirmed",
            Self::CheckedIn => "checked_in",
            Self::CheckedOut => "checked_out",
            Self::Cancelled => "cancelled",
            Self::NoShow => "no_show",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Pending, Self::Confirmed, Self::CheckedIn, Self::CheckedOut, Self::Cancelled, Self::NoShow]
            .into_iter()
            .find(|st| st.as_str() == s)
    }
}

/// A guest's request to book. The idempotency key comes from the form, so a double click or a
/// retried request returns the first booking instead of making a second.
#[derive(Debug, Clone)]
pub struct BookRequest {
    pub user_id: UserId,
    pub room_type: RoomTypeCode,
    pub stay: Stay,
    pub party: Party,
    pub idempotency_key: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Booking {
    pub id: BookingId,
    pub user_id: UserId,
    pub room_id: RoomId,
    pub room_number: String,
    pub room_type: RoomTypeCode,
    pub stay: Stay,
    pub party: Party,
    pub total: Money,
    pub status: BookingStatus,
    pub created_at: DateTime<Utc>,
}
