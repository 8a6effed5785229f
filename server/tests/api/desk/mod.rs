//! The front desk's console: its server functions against the real stack.
mod folio;
mod rooms;
mod lifecycle;
mod rack;
mod stay;
mod today;
