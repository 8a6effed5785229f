//! The manager's office: who may open it, and the night audit.
mod access;
mod extras;
mod night_audit;
mod reports;
mod rooms;
mod staff;
mod templates;
