//! The front desk's use cases that read or change more than one service: each service keeps
//! its own data; this crate only puts their answers together for the people at the desk.
mod error;
mod stay;
mod today;

pub use error::DeskError;
pub use stay::{StayDetail, StayMoney};
pub use today::{DayRow, DayRows, Desk};
