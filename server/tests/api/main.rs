//! Integration tests against the real local stack (`scripts/stack up`): PostgreSQL, FerretDB,
//! Redis, Kafka, Keycloak and Mailpit. One binary, so the app is linked once.
mod availability;
mod billing;
mod billing_order;
mod booking;
mod checkout;
mod checkout_money;
mod events;
mod front_desk;
mod health;
mod helpers;
mod home;
mod lifecycle;
mod modify;
mod modify_money;
mod notifications;
mod payments;
mod rates;
mod roles;
mod rooms;
mod rooms_events;
mod rooms_moves;
mod schemas;
mod security;
mod sign_in;
