//! The users service: who signs in, with which role. Owns the `users` schema.
mod directory;
mod domain;
mod error;
mod oidc;
mod profile;
mod profile_store;
mod service;
mod session;
mod staff;
mod staff_actions;
mod store;

pub use directory::{DirectoryConfig, FirstSignIn, Invite, StaffDirectory, StaffError, StaffMember, STAFF_PER_PAGE, STAFF_ROLES};
pub use domain::{Identity, Language, User};
pub use error::UsersError;
pub use profile::{InvalidProfile, NewProfile, PersonName, Phone, Profile};
pub use oidc::{Oidc, OidcConfig, PendingLogin, SignedIn};
pub use service::UsersService;
pub use staff::MAX_STAFF_LISTED;
pub use session::{Grant, RefreshToken, SessionGuard, SessionPolicy, Verdict};
pub use store::OUTBOX;
