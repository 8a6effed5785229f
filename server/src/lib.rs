//! The hotel's one process: configuration, start-up, the web routes that are not pages
//! (sign-in, health), and the background workers.
pub mod auth;
pub mod config;
pub mod documents;
pub mod health;
pub mod startup;
pub mod telemetry;
