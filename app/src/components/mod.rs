pub mod header;
pub mod live;
pub mod price;
pub mod staff;
pub mod stay;
