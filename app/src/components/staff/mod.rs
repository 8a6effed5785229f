//! The pieces every staff area shares, so desk, housekeeping and the manager's office look and
//! behave alike: the frame with its navigation, badges, tables that page and sort.
pub mod badge;
pub mod layout;
pub mod table;
