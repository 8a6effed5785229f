//! Values every part of the hotel speaks in. Compiles to WASM, so forms check input with the
//! same code the server uses.
pub mod audit_trail;
pub mod email;
pub mod events;
pub mod hotel;
pub mod ids;
pub mod money;
pub mod party;
pub mod role;
pub mod stay;

pub use email::Email;
pub use ids::{BookingId, CreditNoteId, EventId, InvoiceId, PaymentId, RoomId, RoomTypeCode, TicketId, UserId};
pub use money::{Currency, Money};
pub use party::Party;
pub use role::Role;
pub use stay::Stay;
