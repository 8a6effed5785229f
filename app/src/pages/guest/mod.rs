pub mod book;
pub mod booking;
pub mod change;
pub mod home;
pub mod my_bookings;
pub mod search;
