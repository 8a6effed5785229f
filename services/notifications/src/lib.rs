//! The notifications service: turns events into messages for guests. Owns the
//! `notifications` schema (templates per event and language, delivery log) and sends email
//! over SMTP.
mod domain;
pub mod editor;
mod error;
mod events;
mod mailer;
mod service;
mod staff_actions;
mod store;
mod templates;

pub use error::NotificationsError;
pub use events::NotificationsConsumer;
pub use mailer::{Mailer, MailerConfig};
pub use service::NotificationsService;
pub use templates::{Rendered, Template};
pub use store::{MAX_ATTEMPTS, OUTBOX};
