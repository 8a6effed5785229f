pub mod admin;
pub mod desk;
pub mod guest;
pub mod housekeeping;
mod staff_area;
