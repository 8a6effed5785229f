//! Live updates for the staff screens: the services' Kafka events about bookings, payments and
//! rooms, cut down to small [`app::live::LiveEvent`]s ([`LiveFeed`]) and pushed to the browser
//! as server-sent events, one stream per staff area ([`LiveRoutes`]). Pages re-fetch what they
//! show when one arrives (`app/src/components/live.rs`).
mod feed;
mod routes;

pub use feed::{Listener, LiveFeed};
pub use routes::LiveRoutes;
