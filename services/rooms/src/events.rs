//! What the rooms service consumes: the front desk's check-ins (and check-ins taken back),
//! check-outs, room moves and cancellations.
//! It publishes `room.status.changed` through the room documents' outbox (`crate::outbox`).
use crate::{HousekeepingError, RoomsService};
use eventbus::Handler;
use futures::future::BoxFuture;
use kernel::events::{
    Envelope, BOOKING_CANCELLED, BOOKING_CHECKED_IN, BOOKING_CHECKED_OUT, BOOKING_CHECK_IN_REVERTED, BOOKING_MODIFIED,
};
use serde::de::DeserializeOwned;

pub const GROUP: &str = "rooms";
pub const TOPICS: [&str; 5] =
    [BOOKING_CHECKED_IN, BOOKING_CHECKED_OUT, BOOKING_CANCELLED, BOOKING_MODIFIED, BOOKING_CHECK_IN_REVERTED];

/// Feeds the booking events rooms follow into the service.
pub struct RoomsConsumer(pub RoomsService);

impl RoomsConsumer {
    pub const GROUP: &'static str = GROUP;
    pub const TOPICS: [&'static str; 5] = TOPICS;
}

/// `None` for an event that does not match its schema: it will never parse, and retrying it
/// would stall the partition, so it is logged and skipped.
fn parse<T: DeserializeOwned>(topic: &str, payload: &[u8]) -> Option<Envelope<T>> {
    serde_json::from_slice(payload)
        .map_err(|e| tracing::error!(error = %e, topic, "skipping an event that does not match its schema"))
        .ok()
}

impl Handler for RoomsConsumer {
    fn handle<'a>(&'a self, topic: &'a str, payload: &'a [u8]) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let rooms = &self.0;
            let applied = match topic {
                BOOKING_CHECKED_IN => match parse(topic, payload) {
                    Some(event) => rooms.on_booking_checked_in(&event).await.map(drop),
                    None => return Ok(()),
                },
                BOOKING_CHECKED_OUT => match parse(topic, payload) {
                    Some(event) => rooms.on_booking_checked_out(&event).await.map(drop),
                    None => return Ok(()),
                },
                BOOKING_CANCELLED => match parse(topic, payload) {
                    Some(event) => rooms.on_booking_cancelled(&event).await.map(drop),
                    None => return Ok(()),
                },
                BOOKING_MODIFIED => match parse(topic, payload) {
                    Some(event) => rooms.on_booking_modified(&event).await.map(drop),
                    None => return Ok(()),
                },
                BOOKING_CHECK_IN_REVERTED => match parse(topic, payload) {
                    Some(event) => rooms.on_booking_check_in_reverted(&event).await.map(drop),
                    None => return Ok(()),
                },
                _ => return Ok(()),
            };
            match applied {
                Ok(_) => Ok(()),
                // The room will not appear by waiting (a booking from another hotel's data, a
                // room removed): retrying would stall the partition.
                Err(HousekeepingError::RoomNotFound(room)) => {
                    tracing::warn!(%room, topic, "skipping a booking event for a room that does not exist");
                    Ok(())
                }
                // Busy or the database unreachable: the consumer retries with backoff.
                Err(e) => Err(anyhow::Error::new(e).context(format!("applying {topic} to its room"))),
            }
        })
    }
}
