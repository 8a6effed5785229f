use crate::NotificationsService;
use eventbus::Handler;
use futures::future::BoxFuture;
use kernel::events::{Envelope, BOOKING_CANCELLED, BOOKING_CREATED, PAYMENT_COMPLETED, PAYMENT_FAILED};
use serde::de::DeserializeOwned;

pub const GROUP: &str = "notifications";
pub const TOPICS: [&str; 4] = [BOOKING_CREATED, BOOKING_CANCELLED, PAYMENT_COMPLETED, PAYMENT_FAILED];

/// Feeds the events notifications listens to into the service.
pub struct NotificationsConsumer(pub NotificationsService);

impl NotificationsConsumer {
    pub const GROUP: &'static str = GROUP;
    pub const TOPICS: [&'static str; 4] = TOPICS;
}

/// `None` for an event that does not match its schema: it will never parse, and retrying it
/// would stall the partition, so it is logged and skipped.
fn parse<T: DeserializeOwned>(topic: &str, payload: &[u8]) -> Option<Envelope<T>> {
    serde_json::from_slice(payload)
        .map_err(|e| tracing::error!(error = %e, topic, "skipping an event that does not match its schema"))
        .ok()
}

impl Handler for NotificationsConsumer {
    fn handle<'a>(&'a self, topic: &'a str, payload: &'a [u8]) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let service = &self.0;
            match topic {
                BOOKING_CREATED => {
                    if let Some(event) = parse(topic, payload) {
                        service.on_booking_created(&event).await?;
                    }
                }
                BOOKING_CANCELLED => {
                    if let Some(event) = parse(topic, payload) {
                        service.on_booking_cancelled(&event).await?;
                    }
                }
                PAYMENT_COMPLETED => {
                    if let Some(event) = parse(topic, payload) {
                        service.on_payment_completed(&event).await?;
                    }
                }
                PAYMENT_FAILED => {
                    if let Some(event) = parse(topic, payload) {
                        service.on_payment_failed(&event).await?;
                    }
                }
                _ => {}
            }
            Ok(())
        })
    }
}
