use kernel::{Email, Role, UserId};
use serde::{Deserialize, Serialize};

/// Who the identity provider says signed in.
#[derive(Debug, Clone)]
pub struct Identity {
    pub subject: String,
    pub email: Email,
    /// Whether the provider checked that the person holds `email`: only then may a sign-in take
    /// over a profile the desk made for that address.
    pub email_verified: bool,
    pub name: String,
    pub role: Role,
    /// From the provider's `locale` claim; `None` keeps the language already stored (English
    /// for a new user).
    pub language: Option<Language>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub name: String,
    pub role: Role,
    /// The language the hotel writes to this person in.
    #[serde(default)]
    pub language: Language,
}

/// The languages the hotel writes messages in (the CHECK on `users.users.language`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    De,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "en" => Some(Language::En),
            "de" => Some(Language::De),
            _ => None,
        }
    }

    /// The primary subtag of a locale such as `de`, `de-AT` or `en_GB`; `None` for a language
    /// the hotel does not write in.
    pub fn from_locale(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Self::parse(&primary.trim().to_ascii_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_names_its_language_by_the_primary_subtag() {
        assert_eq!(Language::from_locale("de"), Some(Language::De));
        assert_eq!(Language::from_locale("de-AT"), Some(Language::De));
        assert_eq!(Language::from_locale("EN_gb"), Some(Language::En));
        assert_eq!(Language::from_locale("fr-CA"), None);
        assert_eq!(Language::from_locale(""), None);
    }
}
