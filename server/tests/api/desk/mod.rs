//! The front desk's console: its server functions against the real stack.
mod folio;
mod folio_events;
mod folio_turns;
mod rooms;
mod lifecycle;
mod pages;
mod rack;
mod stay;
mod today;
mod walk_in;
