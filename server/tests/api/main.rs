//! Integration tests against the real local stack (`scripts/stack up`): PostgreSQL, FerretDB,
//! Redis, Kafka, Keycloak and Mailpit. One binary, so the app is linked once.
mod availability;
mod billing;
mod booking;
mod checkout;
mod events;
mod front_desk;
mod health;
mod helpers;
mod home;
mod lifecycle;
mod modify;
mod notifications;
mod payments;
mod rates;
mod rooms;
mod rooms_events;
mod schemas;
mod sign_in;
