use chrono::{DateTime, Utc};
use crate::{CancellationTerms, PricedStay};
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
    /// As the guest typed it; unknown or inapplicable codes are refused, never ignored.
    pub promo_code: Option<String>,
}

/// A change of dates, party or room type. Staff may change any booking, a guest only their own.
#[derive(Debug, Clone)]
pub struct ModifyRequest {
    pub booking_id: BookingId,
    pub by: UserId,
    pub is_staff: bool,
    pub room_type: RoomTypeCode,
    pub stay: Stay,
    pub party: Party,
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
    /// Night by night with the rule that priced each, as sold; `None` for bookings made
    /// before prices were explained.
    pub price: Option<PricedStay>,
    pub promo_code: Option<String>,
    pub terms: CancellationTerms,
    /// What cancelling cost, once cancelled.
    pub cancellation_fee: Option<Money>,
}
