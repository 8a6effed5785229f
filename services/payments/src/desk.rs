//! Money at the front desk: a card charged there and then (held and taken at once, paying the
//! folio rather than the stay), a refund, and the whole ledger for staff to read.
use crate::domain::{Ledger, Payment, Purpose};
use crate::idempotency::{self, Operation};
use crate::movements::Move;
use crate::service::{Hold, Source};
use crate::{store, CardDetails, PaymentError, PaymentsService};
use kernel::{BookingId, Money, UserId};
use uuid::Uuid;

/// The card the desk charges.
pub enum DeskCard<'a> {
    /// The card of the booking's latest hold, as the gateway keeps it.
    OnFile,
    /// A card the guest hands over.
    New(&'a CardDetails),
}

/// The key of one step of a desk request: the same on every retry of the form.
fn step(key: Uuid, name: &str) -> Uuid {
    Uuid::new_v5(&key, name.as_bytes())
}

impl PaymentsService {
    /// Every row of the booking's ledger, the desk's payments included, oldest first.
    pub async fn ledger_of(&self, booking: BookingId) -> Result<Vec<Payment>, PaymentError> {
        Ok(store::for_booking_all(&mut *self.pool().acquire().await?, booking).await?)
    }

    /// Takes `amount` on a card at the desk: held and captured at once. A retry of the form
    /// (same `key`) answers with the first capture and charges nothing more.
    #[tracing::instrument(skip(self, card))]
    pub async fn charge_at_desk(&self, booking: BookingId, guest: UserId, amount: Money, card: DeskCard<'_>, key: Uuid) -> Result<Payment, PaymentError> {
        if amount.minor() <= 0 {
            return Err(PaymentError::NotPositive);
        }
        let (source, which) = match card {
            DeskCard::OnFile => {
                let kept = store::kept_card(&mut *self.pool().acquire().await?, booking).await?.ok_or(PaymentError::NoCardOnFile)?;
                let which = format!("the card on file ending {}", kept.last4);
                (Source::Kept(kept), which)
            }
            DeskCard::New(card) => (Source::Card(card), format!("the card ending {}", card.number().last4())),
        };
        let request = format!("charge {} at the desk for booking {booking} on {which}", amount.to_decimal_string());
        let hold = Hold { booking_id: booking, user_id: guest, amount, source, beside: true, purpose: Purpose::Folio };
        let ask = self.ask(step(key, "hold"), Operation::Authorise, request, booking);
        let held = idempotency::once(ask, |attempt| self.hold(hold, attempt)).await?;
        let request = format!("take the desk's hold {} for booking {booking}", held.id);
        let ask = self.ask(step(key, "take"), Operation::Capture, request, booking);
        idempotency::once(ask, |attempt| self.movement(booking, Move::CaptureOf(held.id, amount), attempt)).await
    }

    /// Gives `amount` back to a card: from the desk's own card payments first, else from the
    /// stay's (which then is due that much less), from one payment that still has that much.
    #[tracing::instrument(skip(self))]
    pub async fn refund_at_desk(&self, booking: BookingId, amount: Money, key: Uuid) -> Result<Payment, PaymentError> {
        let request = format!("refund {} at the desk for booking {booking}", amount.to_decimal_string());
        let ask = self.ask(step(key, "refund"), Operation::Refund, request, booking);
        idempotency::once(ask, |attempt| self.movement(booking, Move::DeskRefund(amount), attempt)).await
    }

    /// What the stay's card hold will still take of what the stay is due: counted as settled
    /// by the desk, since it is taken at check-in or check-out.
    pub async fn pending_on_card(&self, booking: BookingId, currency: kernel::Currency) -> Result<Money, PaymentError> {
        let mut conn = self.pool().acquire().await?;
        let rows = store::for_booking(&mut conn, booking).await?;
        let Some(due) = store::due(&mut conn, booking).await? else { return Ok(Money::zero(currency)) };
        let pending = crate::stay_cards::pending(&Ledger(&rows), due.amount.minor());
        Ok(Money::from_minor(pending, currency))
    }

    /// Takes now what the stay's hold would take at check-out, so the desk sees the money in
    /// before the guest leaves; nothing when nothing is pending. Keyed by the booking: a retried
    /// check-out takes nothing twice.
    pub async fn take_pending(&self, booking: BookingId, currency: kernel::Currency) -> Result<(), PaymentError> {
        let pending = self.pending_on_card(booking, currency).await?;
        if pending.minor() == 0 {
            return Ok(());
        }
        let key = Uuid::new_v5(&booking.as_uuid(), format!("desk-check-out {}", pending.minor()).as_bytes());
        self.capture(booking, Some(pending), key).await.map(|_| ())
    }

    /// Whether a desk form's `key` already moved money (card or cash): its retry is answered
    /// by the first outcome, whatever the balance says now.
    pub async fn desk_key_used(&self, key: Uuid) -> Result<bool, PaymentError> {
        let card = [step(key, "take"), step(key, "refund")];
        Ok(sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM payments.idempotency WHERE key = ANY($1) AND state = 'succeeded')
                 OR EXISTS (SELECT 1 FROM payments.cash_movements WHERE idempotency_key = $2)",
        )
        .bind(&card[..])
        .bind(key)
        .fetch_one(self.pool())
        .await?)
    }
}
