//! The manager's office: its pages' server functions. Each checks the role again.
pub mod access;
pub mod audit_log;
pub mod extras;
pub mod night_audit;
pub mod rates;
pub mod reports;
pub mod rooms;
pub mod settings;
pub mod staff;
pub mod templates;
