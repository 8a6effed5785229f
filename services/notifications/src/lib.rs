//! The notifications service: turns events into messages for guests. Owns the
//! `notifications` schema (delivery log) and sends email over SMTP.
mod events;
mod mailer;
mod service;
mod store;
mod templates;

pub use events::NotificationsConsumer;
pub use mailer::{Mailer, MailerConfig};
pub use service::NotificationsService;
pub use store::OUTBOX;
