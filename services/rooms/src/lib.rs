//! The rooms service: room types, rooms and their state, maintenance tickets. Owns the MongoDB
//! collections `room_types`, `rooms` and `maintenance_tickets`, and publishes
//! `room.status.changed` through an outbox inside each room document; follows the front desk's
//! `booking.checked_in`, `booking.checked_out` and `booking.cancelled` (`RoomsConsumer`).
mod actions;
mod arrivals;
mod assignment;
mod assignment_error;
mod assignment_store;
mod assignment_reads;
mod assignments;
mod catalogue;
pub mod features;
pub mod demo;
mod distribute;
mod domain;
mod error;
mod events;
mod flags;
mod settings;
mod day;
mod housekeeping;
mod inventory;
mod lock;
mod maintenance;
mod occupant;
mod outbox;
mod photo;
mod rack;
mod relay;
mod service;
mod status;
mod staff_actions;
mod store;
mod ticket;
mod ticket_store;

pub use mongodb::bson;
pub use catalogue::{CatalogueError, CatalogueRoom, CatalogueType, RoomInput, RoomPage, ROOMS_PER_PAGE};
pub use assignment::{Assignment, AssignmentChange};
pub use assignment_error::AssignmentError;
pub use distribute::{distribute, Held, RoomWork, WorkKind, ARRIVAL_CHECK_WEIGHT, DEPARTURE_WEIGHT, STAY_OVER_WEIGHT};
pub use domain::{Housekeeping, InvalidNote, Note, Occupancy, Room, RoomType};
pub use actions::RoomAction;
pub use error::{HousekeepingError, RoomsError};
pub use flags::{Discrepancy, GuestService};
pub use settings::HousekeepingSettings;
pub use events::RoomsConsumer;
pub use housekeeping::StatusUpdate;
pub use inventory::Inventory;
pub use maintenance::MAX_PER_PAGE;
pub use photo::{InvalidPhoto, Photo, PhotoKind};
pub use relay::RoomRelay;
pub use service::RoomsService;
pub use status::{RoomStatus, StatusRefused};
pub use ticket::{
    IllegalTicketTransition, InvalidProblem, LastDay, NewTicket, Priority, Problem, Ticket, TicketAction, TicketFilter,
    TicketPage, TicketStatus,
};
