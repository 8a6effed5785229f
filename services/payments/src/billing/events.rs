//! The events billing listens to: booking changes post to the folio, refunds credit invoices.
use super::BillingService;
use eventbus::Handler;
use futures::future::BoxFuture;
use kernel::events::{Envelope, BOOKING_CANCELLED, BOOKING_CREATED, BOOKING_MODIFIED, PAYMENT_COMPLETED};
use serde::de::DeserializeOwned;

/// Feeds booking and payment events into billing.
pub struct BillingConsumer(pub BillingService);

impl BillingConsumer {
    pub const GROUP: &'static str = "billing";
    pub const TOPICS: [&'static str; 4] = [BOOKING_CREATED, BOOKING_MODIFIED, BOOKING_CANCELLED, PAYMENT_COMPLETED];
}

/// A malformed event will never parse; retrying it would stall the partition.
fn parse<P: DeserializeOwned>(topic: &str, payload: &[u8]) -> Option<Envelope<P>> {
    serde_json::from_slice(payload)
        .map_err(|e| tracing::error!(error = %e, topic, "skipping an event that does not match its schema"))
        .ok()
}

impl Handler for BillingConsumer {
    fn handle<'a>(&'a self, topic: &'a str, payload: &'a [u8]) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            match topic {
                BOOKING_CREATED => match parse(topic, payload) {
                    Some(event) => self.0.on_booking_created(&event).await,
                    None => Ok(()),
                },
                BOOKING_MODIFIED => match parse(topic, payload) {
                    Some(event) => self.0.on_booking_modified(&event).await,
                    None => Ok(()),
                },
                BOOKING_CANCELLED => match parse(topic, payload) {
                    Some(event) => self.0.on_booking_cancelled(&event).await,
                    None => Ok(()),
                },
                PAYMENT_COMPLETED => match parse(topic, payload) {
                    Some(event) => self.0.on_payment_completed(&event).await,
                    None => Ok(()),
                },
                _ => Ok(()),
            }
        })
    }
}
