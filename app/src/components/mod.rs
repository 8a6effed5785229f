pub mod header;
pub mod live;
pub mod price;
pub mod query;
pub mod staff;
pub mod stay;
