//! The live feed's messages, as the server sends them and the staff pages read them: "booking X
//! was checked in", "room 204 changed". They name what changed, never who; a page re-fetches
//! what it shows when one arrives.
use chrono::{DateTime, Utc};
use kernel::events::{ALL_TOPICS, FOLIO_CHANGED, HOUSEKEEPING_ASSIGNED, NOTIFICATION_SENT, PAYMENT_COMPLETED, PAYMENT_FAILED, ROOM_STATUS_CHANGED, USER_REGISTERED};
use kernel::Role;
use serde::{Deserialize, Serialize};

/// The first message of every stream once the feed is listening, when nothing was missed.
pub const READY: &str = "ready";
/// Changes may have been missed (a lagging connection, a reconnect after a gap): re-fetch all.
pub const RESYNC: &str = "resync";

/// Every service topic the feed passes on, to one area or another: all but who registered and
/// which mail went out, which change nothing a staff page shows.
pub fn topics() -> Vec<&'static str> {
    ALL_TOPICS.into_iter().filter(|t| ![USER_REGISTERED, NOTIFICATION_SENT].contains(t)).collect()
}

/// One change, or one of the feed's own [`READY`] and [`RESYNC`] messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveEvent {
    /// The service's topic (`booking.checked_in`, `room.status.changed`), [`READY`] or [`RESYNC`].
    pub topic: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_number: Option<String>,
    /// When the change happened (for the feed's own messages: when they were sent).
    pub at: DateTime<Utc>,
}

impl LiveEvent {
    /// A message of the feed itself, naming nothing.
    pub fn notice(topic: &str, at: DateTime<Utc>) -> Self {
        Self {
            topic: topic.to_owned(),
            booking_id: None,
            room_id: None,
            room_number: None,
            at,
        }
    }

    pub fn is_ready(&self) -> bool {
        self.topic == READY
    }

    /// Whether a page showing `booking` must re-fetch: a change of it (a booking event, its
    /// folio or its card money), or a [`RESYNC`].
    pub fn concerns_booking(&self, booking: &str) -> bool {
        let of_a_stay = self.topic.starts_with("booking.")
            || [FOLIO_CHANGED, PAYMENT_COMPLETED, PAYMENT_FAILED].contains(&self.topic.as_str());
        self.topic == RESYNC || (of_a_stay && self.booking_id.as_deref() == Some(booking))
    }
}

/// A staff area with its own stream: who may open it and what it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// Front desk and room rack: bookings, payments and rooms.
    Desk,
    /// The housekeeping tablet: rooms only.
    Housekeeping,
}

impl Area {
    pub const ALL: [Area; 2] = [Area::Desk, Area::Housekeeping];

    pub fn as_str(self) -> &'static str {
        match self {
            Area::Desk => "desk",
            Area::Housekeeping => "housekeeping",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// Where the browser opens the area's stream.
    pub fn path(self) -> String {
        format!("/live/{}", self.as_str())
    }

    pub fn admits(self, role: Role) -> bool {
        match self {
            Area::Desk => role.manages_bookings(),
            Area::Housekeeping => role.manages_bookings() || role == Role::Housekeeping,
        }
    }

    /// Whether a message on `topic` is news for this area ([`RESYNC`] is for every area).
    pub fn carries(self, topic: &str) -> bool {
        topic == RESYNC
            || match self {
                Area::Desk => topics().contains(&topic),
                Area::Housekeeping => [ROOM_STATUS_CHANGED, HOUSEKEEPING_ASSIGNED].contains(&topic),
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel::events::{BOOKING_CHECKED_IN, BOOKING_CHECK_IN_REVERTED, BOOKING_MODIFIED};

    #[test]
    fn housekeeping_hears_of_rooms_only_and_admits_its_own_staff() {
        assert!(Area::Housekeeping.carries(ROOM_STATUS_CHANGED));
        assert!(Area::Housekeeping.carries(HOUSEKEEPING_ASSIGNED));
        assert!(!Area::Housekeeping.carries(BOOKING_CHECKED_IN));
        assert!(Area::Desk.carries(BOOKING_CHECKED_IN) && Area::Desk.carries(PAYMENT_FAILED));
        assert!(!Area::Desk.carries("user.registered"));
        assert!(Area::ALL
            .iter()
            .all(|a| a.carries(RESYNC) && !a.carries(READY)));
        assert!(
            Area::Housekeeping.admits(Role::Housekeeping) && !Area::Desk.admits(Role::Housekeeping)
        );
        assert!(!Area::Desk.admits(Role::Guest) && !Area::Housekeeping.admits(Role::Guest));
        assert_eq!(
            Area::parse("housekeeping").map(Area::path).as_deref(),
            Some("/live/housekeeping")
        );
    }

    #[test]
    fn a_stay_page_hears_of_its_own_booking_folio_and_money_only() {
        let about = |topic: &str, booking: &str| LiveEvent {
            booking_id: Some(booking.into()),
            ..LiveEvent::notice(topic, Utc::now())
        };
        assert!(Area::Desk.carries(FOLIO_CHANGED));
        let topics = [FOLIO_CHANGED, PAYMENT_COMPLETED, BOOKING_MODIFIED, BOOKING_CHECK_IN_REVERTED];
        for topic in topics {
            assert!(about(topic, "b1").concerns_booking("b1"), "{topic}");
            assert!(!about(topic, "b2").concerns_booking("b1"), "{topic}");
        }
        assert!(!about(ROOM_STATUS_CHANGED, "b1").concerns_booking("b1"));
        assert!(LiveEvent::notice(RESYNC, Utc::now()).concerns_booking("b1"));
        assert!(!LiveEvent::notice(READY, Utc::now()).concerns_booking("b1"));
    }
}
