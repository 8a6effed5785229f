use serde::{Deserialize, Serialize};
use std::fmt;

/// What a signed-in person may do. Comes from the identity provider's realm roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Guest,
    Housekeeping,
    FrontDesk,
    Manager,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Guest, Role::Housekeeping, Role::FrontDesk, Role::Manager, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Guest => "guest",
            Role::Housekeeping => "housekeeping",
            Role::FrontDesk => "front_desk",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    /// Front desk, managers and admins act on any guest's booking.
    pub fn manages_bookings(self) -> bool {
        matches!(self, Role::FrontDesk | Role::Manager | Role::Admin)
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// A person with several realm roles acts with the most powerful one.
    pub fn highest<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<Self> {
        names.into_iter().filter_map(Self::parse).max()
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highest_role_wins_and_unknown_names_are_ignored() {
        assert_eq!(Role::highest(["offline_access", "guest", "manager"]), Some(Role::Manager));
        assert_eq!(Role::highest(["uma_authorization"]), None);
    }
}
