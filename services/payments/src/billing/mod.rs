//! Billing: each booking's folio (charges posted by booking events and by staff, money moved
//! from the payments ledger, the balance), invoices and credit notes with gapless numbers, and
//! their PDFs. Owns the billing tables of the `payments` schema.
mod balances;
mod catalogue;
pub(crate) mod changed;
mod domain;
mod error;
mod events;
mod extra;
mod extras_store;
mod hotel;
mod invoice;
mod invoice_store;
mod issue;
mod nights;
mod pdf;
mod postings;
mod refunds;
mod service;
mod staff;
mod staff_actions;
mod store;

pub use catalogue::ExtraInput;
pub use domain::{ChargeKind, Folio, FolioCharge, FolioPayment, MovementKind, Tender};
pub use error::BillingError;
pub use events::BillingConsumer;
pub use extra::{ChargeText, Extra, Quantity, VatRate};
pub use hotel::{Hotel, HotelCalendar, HOTEL};
pub use invoice::{booking_reference, CreditNote, Invoice, InvoiceLine};
pub use issue::{issue_credit_note_in, issue_invoice_in};
pub use pdf::{render_credit_note, render_invoice};
pub use refunds::credit_for_refund;
pub use service::BillingService;
pub use staff::Posted;
