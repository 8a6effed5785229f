use serde::{Deserialize, Serialize};
use std::fmt;

/// An address with one `@`, something before it and a dot-separated domain after it, at most
/// [`Email::MAX_LEN`] characters long.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an email address")]
pub struct InvalidEmail(pub String);

impl Email {
    /// The longest address SMTP can carry (RFC 5321: a 256-octet path less its angle brackets).
    pub const MAX_LEN: usize = 254;

    pub fn parse(s: &str) -> Result<Self, InvalidEmail> {
        let s = s.trim();
        if s.chars().count() > Self::MAX_LEN {
            return Err(InvalidEmail(format!("{}…", s.chars().take(40).collect::<String>())));
        }
        let ok = match s.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
                    && !s.chars().any(char::is_whitespace)
            }
            None => false,
        };
        ok.then(|| Self(s.to_owned())).ok_or_else(|| InvalidEmail(s.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = InvalidEmail;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> Self {
        e.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_addresses_only() {
        assert!(Email::parse("guest@hotel.test").is_ok());
        for bad in ["", "guest", "@hotel.test", "guest@hotel", "a b@hotel.test", "a@b@hotel.test"] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        let longest = format!("{}@hotel.test", "a".repeat(Email::MAX_LEN - 11));
        assert!(Email::parse(&longest).is_ok());
        assert!(Email::parse(&format!("a{longest}")).is_err(), "one character too long");
    }
}
