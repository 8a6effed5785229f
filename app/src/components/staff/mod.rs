//! The pieces every staff area shares, so desk, housekeeping and the manager's office look and
//! behave alike: the frame with its navigation, badges, tables that page and sort, the
//! confirmation dialog and the toasts that say an action went through.
pub mod badge;
pub mod dialog;
pub mod form;
pub mod layout;
pub mod table;
pub mod toast;
