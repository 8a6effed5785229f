//! The rooms service: room types, rooms and their state, maintenance tickets. Owns the MongoDB
//! collections `room_types`, `rooms` and `maintenance_tickets`, and publishes
//! `room.status.changed` through an outbox inside each room document; follows the front desk's
//! `booking.checked_in`, `booking.checked_out` and `booking.cancelled` (`RoomsConsumer`).
mod arrivals;
pub mod demo;
mod domain;
mod error;
mod events;
mod housekeeping;
mod inventory;
mod lock;
mod maintenance;
mod occupant;
mod outbox;
mod rack;
mod relay;
mod service;
mod status;
mod store;
mod ticket;
mod ticket_store;

pub use mongodb::bson;
pub use domain::{Housekeeping, InvalidNote, Note, Occupancy, Room, RoomType};
pub use error::{HousekeepingError, RoomsError};
pub use events::RoomsConsumer;
pub use housekeeping::StatusUpdate;
pub use inventory::Inventory;
pub use maintenance::MAX_PER_PAGE;
pub use relay::RoomRelay;
pub use service::RoomsService;
pub use status::{RoomStatus, StatusRefused};
pub use ticket::{
    IllegalTicketTransition, InvalidProblem, NewTicket, Priority, Problem, Ticket, TicketAction, TicketFilter,
    TicketPage, TicketStatus,
};
