//! The hotel's one process: configuration, start-up, the web routes that are not pages
//! (sign-in, health), the web door every request passes (`web`), the staff screens' live feed
//! (`live`), and the background workers.
pub mod auth;
pub mod config;
pub mod documents;
pub mod health;
pub mod live;
pub mod sessions;
pub mod startup;
pub mod telemetry;
pub mod web;
