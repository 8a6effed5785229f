//! Payments owns the `payments` schema. Charging, refunds, folios and invoices are not built
//! yet; until then no other service writes money movements anywhere.
use eventbus::OutboxTable;

pub const OUTBOX: OutboxTable = OutboxTable("payments.outbox");
