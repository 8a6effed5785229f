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

/// The id a booking request gets: the same guest and key always name the same booking, so a
/// retried request (or a payment taken for it first) finds the booking it is about.
pub fn booking_id_for(user: UserId, idempotency_key: uuid::Uuid) -> BookingId {
    const NAMESPACE: uuid::Uuid = uuid::uuid!("6f1c3a52-9d2e-4b7a-8c41-5e0d2f7b9a13");
    let name = [user.as_uuid().as_bytes().as_slice(), idempotency_key.as_bytes().as_slice()].concat();
    BookingId::from_uuid(uuid::Uuid::new_v5(&NAMESPACE, &name))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_guest_and_key_always_name_one_booking_and_nobody_elses() {
        let (guest, other, key) = (UserId::new(), UserId::new(), uuid::Uuid::new_v4());
        assert_eq!(booking_id_for(guest, key), booking_id_for(guest, key));
        assert_ne!(booking_id_for(guest, key), booking_id_for(other, key));
        assert_ne!(booking_id_for(guest, key), booking_id_for(guest, uuid::Uuid::new_v4()));
    }
}
