use crate::NotificationsService;
use eventbus::Handler;
use futures::future::BoxFuture;
use kernel::events::{Envelope, BOOKING_CREATED};

pub const GROUP: &str = "notifications";
pub const TOPICS: [&str; 1] = [BOOKING_CREATED];

/// Feeds the events notifications listens to into the service.
pub struct NotificationsConsumer(pub NotificationsService);

impl NotificationsConsumer {
    pub const GROUP: &'static str = GROUP;
    pub const TOPICS: [&'static str; 1] = TOPICS;
}

impl Handler for NotificationsConsumer {
    fn handle<'a>(&'a self, topic: &'a str, payload: &'a [u8]) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            match topic {
                BOOKING_CREATED => match serde_json::from_slice::<Envelope<_>>(payload) {
                    Ok(event) => self.0.on_booking_created(&event).await,
                    // A malformed event will never parse; retrying it would stall the partition.
                    Err(e) => {
                        tracing::error!(error = %e, topic, "skipping an event that does not match its schema");
                        Ok(())
                    }
                },
                _ => Ok(()),
            }
        })
    }
}
