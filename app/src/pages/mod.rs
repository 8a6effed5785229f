pub mod desk;
pub mod guest;
