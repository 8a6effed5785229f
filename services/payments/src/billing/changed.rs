//! `folio.changed`: what staff did to a folio, with the balance it left, written to the payments
//! outbox by the transaction that did it, so another desk hears of every change and of no
//! change that was rolled back.
use super::{balances, store};
use chrono::Utc;
use kernel::events::{Envelope, FolioChange, FolioChanged};
use kernel::{BookingId, Money, UserId};
use sqlx::PgConnection;

/// Locks the booking's folio, when it has one, so a change made outside billing (cash) takes
/// its turn with postings and the balance its event tells is the one it left.
pub(crate) async fn lock(conn: &mut PgConnection, booking: BookingId) -> anyhow::Result<()> {
    store::lock(conn, booking).await.map(|_| ())
}

/// Enqueues the event for `amount` (its sign is ignored: `change` says which way it went), with
/// the balance as this transaction sees it after the change.
pub(crate) async fn enqueue(
    conn: &mut PgConnection,
    booking: BookingId,
    change: FolioChange,
    amount: Money,
    by: UserId,
) -> anyhow::Result<()> {
    let balance = balances::of_one(conn, booking, amount.currency()).await?;
    let now = Utc::now();
    let event = FolioChanged {
        booking_id: booking,
        change,
        amount: Money::from_minor(amount.minor().abs(), amount.currency()).to_decimal_string(),
        currency: amount.currency().code().to_owned(),
        by,
        balance: balance.to_decimal_string(),
        timestamp: now,
    };
    eventbus::enqueue(conn, crate::OUTBOX, &Envelope::new(event, now)).await?;
    Ok(())
}
