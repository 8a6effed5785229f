//! What the notifications service publishes.
use super::*;
use crate::{EventId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotificationSent {
    pub notification_id: uuid::Uuid,
    /// The event that caused this message.
    pub cause_event_id: EventId,
    pub user_id: UserId,
    pub channel: String,
    pub template: String,
    pub recipient: String,
    pub timestamp: DateTime<Utc>,
}

impl Event for NotificationSent {
    const TYPE: &'static str = NOTIFICATION_SENT;
    fn key(&self) -> String {
        self.user_id.to_string()
    }
}
