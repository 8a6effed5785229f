pub mod header;
pub mod price;
pub mod stay;
