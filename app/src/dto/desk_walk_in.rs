//! What the desk's walk-in page receives: the guests a search found.
use serde::{Deserialize, Serialize};

/// The languages the hotel writes to a guest in, as the profile form offers them.
pub const LANGUAGES: [(&str, &str); 2] = [("en", "English"), ("de", "Deutsch")];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuestMatchView {
    pub id: String,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    /// `en` or `de`, as in [`LANGUAGES`].
    pub language: String,
    /// Whether the guest has signed in; a profile made at the desk has no account until then.
    pub has_account: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuestMatchesView {
    pub guests: Vec<GuestMatchView>,
    /// More guests matched than are shown: the search should be narrower.
    pub more: bool,
}
