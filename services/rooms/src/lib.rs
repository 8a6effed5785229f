//! The rooms service: room types, rooms and their state. Owns the MongoDB collections
//! `room_types` and `rooms`.
pub mod demo;
mod domain;
mod error;
mod inventory;
mod service;
mod store;

pub use mongodb::bson;
pub use domain::{Housekeeping, Occupancy, Room, RoomType};
pub use error::RoomsError;
pub use inventory::Inventory;
pub use service::RoomsService;
