//! Guests the front desk registers before they have an account: a walk-in at the counter, a
//! booking taken on the phone. A later sign-in with the same verified email takes the profile
//! over (see `UsersService::sign_in`).
use crate::{Language, User};
use kernel::Email;

/// A person's name as the desk types it: trimmed, 1 to [`PersonName::MAX_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

/// A telephone number as people write it: digits with spaces, dashes, dots, slashes,
/// parentheses and a leading `+`, 5 to 20 digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidProfile {
    #[error("enter the guest's name (at most 200 characters)")]
    Name,
    #[error("a phone number of 5 to 20 digits, such as +49 30 1234567")]
    Phone,
}

impl PersonName {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(s: &str) -> Result<Self, InvalidProfile> {
        let s = s.trim();
        let fits = (1..=Self::MAX_CHARS).contains(&s.chars().count());
        (fits && !s.chars().any(char::is_control))
            .then(|| Self(s.to_owned()))
            .ok_or(InvalidProfile::Name)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Phone {
    pub fn parse(s: &str) -> Result<Self, InvalidProfile> {
        let s = s.trim();
        let digits = s.chars().filter(char::is_ascii_digit).count();
        let body = s.strip_prefix('+').unwrap_or(s);
        let allowed = body
            .chars()
            .all(|c| c.is_ascii_digit() || " -./()".contains(c));
        (allowed && (5..=20).contains(&digits) && s.len() <= 32)
            .then(|| Self(s.to_owned()))
            .ok_or(InvalidProfile::Phone)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the desk knows of a guest it registers.
#[derive(Debug, Clone)]
pub struct NewProfile {
    pub name: PersonName,
    pub email: Email,
    pub language: Language,
    pub phone: Option<Phone>,
}

/// A person as the desk's guest search shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub user: User,
    pub phone: Option<String>,
    /// Whether they have signed in; a profile the desk made has no account until then.
    pub has_account: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_never_empty() {
        assert_eq!(
            PersonName::parse("  Ada Lovelace ").unwrap().as_str(),
            "Ada Lovelace"
        );
        assert_eq!(PersonName::parse("   "), Err(InvalidProfile::Name));
        assert_eq!(
            PersonName::parse(&"a".repeat(201)),
            Err(InvalidProfile::Name)
        );
        assert_eq!(
            PersonName::parse("Ada\nLovelace"),
            Err(InvalidProfile::Name)
        );
    }

    #[test]
    fn a_phone_number_is_digits_written_as_people_write_them() {
        assert_eq!(
            Phone::parse(" +49 (30) 123-4567 ").unwrap().as_str(),
            "+49 (30) 123-4567"
        );
        assert!(Phone::parse("030/1234.56").is_ok());
        assert_eq!(Phone::parse("1234"), Err(InvalidProfile::Phone));
        assert_eq!(Phone::parse("call me"), Err(InvalidProfile::Phone));
        assert_eq!(Phone::parse("49+301234567"), Err(InvalidProfile::Phone));
        assert_eq!(Phone::parse(&"1".repeat(21)), Err(InvalidProfile::Phone));
    }
}
