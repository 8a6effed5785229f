//! What the users service publishes.
use super::*;
use crate::UserId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRegistered {
    pub user_id: UserId,
    pub email: String,
    pub name: String,
    pub role: String,
    pub timestamp: DateTime<Utc>,
}

impl Event for UserRegistered {
    const TYPE: &'static str = USER_REGISTERED;
    fn key(&self) -> String {
        self.user_id.to_string()
    }
}
