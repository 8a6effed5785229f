//! The front desk's use cases that read or change more than one service: each service keeps
//! its own data; this crate only puts their answers together for the people at the desk.
mod board;
mod board_filter;
mod business_day;
mod error;
mod folio;
mod folio_error;
mod folio_panel;
mod housekeeping;
mod rack;
mod rack_place;
mod rooms;
mod stay;
mod today;
mod walk_in;
mod workload;

pub use board::{Board, BoardRoom, FrontOffice};
pub use board_filter::BoardFilter;
pub use business_day::THE_SYSTEM;
pub use error::DeskError;
pub use folio::{Settlement, Tender};
pub use folio_error::FolioError;
pub use folio_panel::FolioPanel;
pub use housekeeping::work_of;
pub use workload::{AttendantLoad, Workload};
pub use rack::{Rack, RackGroup, RackQuery, RackRoom, RackSpell, RackStay};
pub use rack_place::{Place, Spell, StayState};
pub use rooms::{FreeRoom, NotReady};
pub use stay::{StayDetail, StayMoney};
pub use today::{DayRow, DayRows, Desk};
pub use walk_in::{GuestMatches, WalkIn, WalkInError, GUESTS_SHOWN};
