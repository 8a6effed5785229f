//! The manager's office: who may open it, and the night audit.
mod access;
mod audit_log;
mod extras;
mod night_audit;
mod rates;
mod reports;
mod rooms;
mod settings;
mod staff;
mod templates;
