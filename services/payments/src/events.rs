//! What payments does when a stay moves on: money follows what the booking costs now (a
//! change holds and captures the difference or refunds it), capture at check-in or check-out
//! stops at what is due and releases the rest, and a cancellation leaves the hotel exactly the
//! fee. Booking events travel on several topics with no order between them, so what a booking
//! is due is kept with the version of the event that said it, and an older event never
//! overrides a newer one. Each step uses an idempotency key derived from the event, so a
//! redelivery (even to two consumers at once) moves no money twice; handled events are
//! remembered and skipped.
use crate::domain::{parse_decimal, CancellationPlan, CapturePolicy, DuePlan, Ledger, Payment};
use crate::idempotency::{self, Operation};
use crate::service::{Hold, Source};
use crate::{store, PaymentError, PaymentsService};
use eventbus::Handler;
use futures::future::BoxFuture;
use kernel::events::{
    BookingCancelled, BookingCheckedIn, BookingCheckedOut, BookingCreated, BookingModified, Envelope, BOOKING_CANCELLED,
    BOOKING_CHECKED_IN, BOOKING_CHECKED_OUT, BOOKING_CREATED, BOOKING_MODIFIED,
};
use kernel::{BookingId, Currency, EventId, UserId};
use uuid::Uuid;

/// Feeds the booking events payments listens to into the service.
pub struct PaymentsConsumer(pub PaymentsService);

impl PaymentsConsumer {
    pub const GROUP: &'static str = "payments";
    pub const TOPICS: [&'static str; 5] = [BOOKING_CREATED, BOOKING_MODIFIED, BOOKING_CHECKED_IN, BOOKING_CHECKED_OUT, BOOKING_CANCELLED];
}

impl Handler for PaymentsConsumer {
    fn handle<'a>(&'a self, topic: &'a str, payload: &'a [u8]) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let service = &self.0;
            match topic {
                BOOKING_CREATED => match parse(payload) {
                    Ok(event) => service.on_created(&event).await,
                    Err(e) => skip(topic, e),
                },
                BOOKING_MODIFIED => match parse(payload) {
                    Ok(event) => service.on_modified(&event).await,
                    Err(e) => skip(topic, e),
                },
                BOOKING_CHECKED_IN => match parse(payload) {
                    Ok(event) => service.on_checked_in(&event).await,
                    Err(e) => skip(topic, e),
                },
                BOOKING_CHECKED_OUT => match parse(payload) {
                    Ok(event) => service.on_checked_out(&event).await,
                    Err(e) => skip(topic, e),
                },
                BOOKING_CANCELLED => match parse(payload) {
                    Ok(event) => service.on_cancelled(&event).await,
                    Err(e) => skip(topic, e),
                },
                _ => Ok(()),
            }
        })
    }
}

fn parse<P: serde::de::DeserializeOwned>(payload: &[u8]) -> serde_json::Result<Envelope<P>> {
    serde_json::from_slice(payload)
}

/// A malformed event will never parse; retrying it would stall the partition.
fn skip(topic: &str, e: serde_json::Error) -> anyhow::Result<()> {
    tracing::error!(error = %e, topic, "skipping an event that does not match its schema");
    Ok(())
}

impl PaymentsService {
    /// Remembers what the booking costs as booked (the hold was for the quote).
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id))]
    pub async fn on_created(&self, event: &Envelope<BookingCreated>) -> anyhow::Result<()> {
        let b = &event.payload;
        self.on_price(event.event_id, BOOKING_CREATED, b.booking_id, b.user_id, &b.currency, &b.total_amount, b.version).await
    }

    /// Money follows the change: the difference is held (and captured when the hotel captures
    /// at booking) on the card of the first hold, or a surplus already captured is refunded.
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id))]
    pub async fn on_modified(&self, event: &Envelope<BookingModified>) -> anyhow::Result<()> {
        let b = &event.payload;
        self.on_price(event.event_id, BOOKING_MODIFIED, b.booking_id, b.user_id, &b.currency, &b.total_amount, b.version).await
    }

    #[allow(clippy::too_many_arguments)]
    async fn on_price(&self, id: EventId, topic: &str, booking: BookingId, user: UserId, currency: &str, total: &str, version: i64) -> anyhow::Result<()> {
        if self.handled(id).await? {
            return Ok(());
        }
        let Some(amount) = Currency::parse(currency).and_then(|c| parse_decimal(total, c)) else {
            tracing::error!(total, currency, "a booking total that is not an amount: left for staff");
            return self.mark_handled(id, topic).await;
        };
        let due = store::Due { booking, amount, version, capture_at: None };
        let newer = store::set_due(&mut *self.pool().acquire().await?, &due).await?;
        // Money is moved only for a booking this service has taken money for; an event older
        // than one already applied changes nothing.
        if newer && !self.for_booking(booking).await?.is_empty() {
            let capture = self.policy_for(booking).await? == CapturePolicy::Booking;
            self.follow_due(booking, user, id, capture).await?;
        }
        self.mark_handled(id, topic).await
    }

    /// Captures what is due, unless the hotel captures only at check-out.
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id))]
    pub async fn on_checked_in(&self, event: &Envelope<BookingCheckedIn>) -> anyhow::Result<()> {
        if self.handled(event.event_id).await? {
            return Ok(());
        }
        if self.policy_for(event.payload.booking_id).await? != CapturePolicy::CheckOut {
            self.follow_due(event.payload.booking_id, event.payload.user_id, event.event_id, true).await?;
        }
        self.mark_handled(event.event_id, BOOKING_CHECKED_IN).await
    }

    /// Captures what is due, whatever the policy, and releases the rest: the stay is over.
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id))]
    pub async fn on_checked_out(&self, event: &Envelope<BookingCheckedOut>) -> anyhow::Result<()> {
        if self.handled(event.event_id).await? {
            return Ok(());
        }
        self.follow_due(event.payload.booking_id, event.payload.user_id, event.event_id, true).await?;
        self.mark_handled(event.event_id, BOOKING_CHECKED_OUT).await
    }

    /// Leaves the hotel holding exactly the cancellation fee: a hold pays the fee and the rest is
    /// released; money already captured beyond the fee is refunded.
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id))]
    pub async fn on_cancelled(&self, event: &Envelope<BookingCancelled>) -> anyhow::Result<()> {
        if self.handled(event.event_id).await? {
            return Ok(());
        }
        let b = &event.payload;
        let fee = Currency::parse(&b.currency).and_then(|c| parse_decimal(&b.cancellation_fee, c));
        let Some(fee) = fee else {
            tracing::error!(fee = %b.cancellation_fee, currency = %b.currency, "a cancellation fee that is not an amount: left for staff");
            return self.mark_handled(event.event_id, BOOKING_CANCELLED).await;
        };
        let due = store::Due { booking: b.booking_id, amount: fee, version: b.version, capture_at: None };
        store::set_due(&mut *self.pool().acquire().await?, &due).await?;
        let rows = self.for_booking(b.booking_id).await?;
        let plan = CancellationPlan::for_fee(&Ledger(&rows), fee);
        let id = event.event_id;
        if let Some(amount) = plan.capture {
            settle(self.capture(b.booking_id, Some(amount), step_key(id, 1)).await)?;
        }
        if plan.void {
            settle(self.void(b.booking_id, step_key(id, 2)).await)?;
        }
        for (n, (capture, amount)) in plan.refunds.into_iter().enumerate() {
            settle(self.refund_capture(b.booking_id, capture, amount, step_key(id, 3 + n as u128)).await)?;
        }
        self.mark_handled(event.event_id, BOOKING_CANCELLED).await
    }

    /// Moves the booking's money to what it is due now (everything held, for a booking made
    /// before dues were kept): a surplus captured is refunded; a shortfall is held on the card
    /// of the first hold as one new hold of all still to pay, replacing the older ones; with
    /// `capture`, what is due is taken and whatever stays held is released. Every step is keyed
    /// by the event, so a redelivery repeats none.
    ///
    /// The ledger is read once: each step adds the row it recorded to that read, so the capture
    /// and the release are planned from the same ledger a new read would show after the steps
    /// before them (each movement still checks the stored ledger before the gateway is asked).
    async fn follow_due(
        &self,
        booking: BookingId,
        user: UserId,
        event: EventId,
        capture: bool,
    ) -> anyhow::Result<()> {
        let mut rows = self.for_booking(booking).await?;
        if rows.is_empty() {
            return Ok(());
        }
        let due = store::due(&mut *self.pool().acquire().await?, booking)
            .await?
            .map(|d| d.amount);
        let Some(plan) = DuePlan::for_due(&Ledger(&rows), due) else {
            return Ok(());
        };
        let mut steps = (1u128..).map(|n| step_key(event, n));
        let mut next = || steps.next().expect("unbounded");
        for (capture, amount) in &plan.refunds {
            recorded(
                &mut rows,
                self.refund_capture(booking, *capture, *amount, next())
                    .await,
            )?;
        }
        if let Some(older) = &plan.hold_anew {
            let Some(card) = store::kept_card(&mut *self.pool().acquire().await?, booking).await?
            else {
                tracing::warn!(%booking, "no card on file to hold the difference: the balance is due at the desk");
                return Ok(());
            };
            let hold = Hold {
                booking_id: booking,
                user_id: user,
                amount: plan.needed,
                source: Source::Kept(card),
                beside: true,
                purpose: crate::domain::Purpose::Stay,
            };
            let request = format!("hold {} more for booking {booking}", plan.needed);
            let placed = idempotency::once(
                self.ask(next(), Operation::Authorise, request, booking),
                |a| self.hold(hold, a),
            )
            .await;
            if !recorded(&mut rows, placed)? {
                return Ok(());
            }
            for auth in older {
                recorded(&mut rows, self.void_of(booking, *auth, next()).await)?;
            }
        }
        if !capture {
            return Ok(());
        }
        if let Some(amount) = plan.capture(&Ledger(&rows)) {
            recorded(&mut rows, self.capture(booking, Some(amount), next()).await)?;
        }
        for (auth, _) in Ledger(&rows).holds() {
            settle(self.void_of(booking, auth.id, next()).await)?;
        }
        Ok(())
    }

    async fn handled(&self, event: EventId) -> anyhow::Result<bool> {
        Ok(store::is_processed(&mut *self.pool().acquire().await?, event).await?)
    }

    async fn mark_handled(&self, event: EventId, topic: &str) -> anyhow::Result<()> {
        Ok(store::mark_processed(&mut *self.pool().acquire().await?, event, topic).await?)
    }
}

/// A transient failure is returned so the consumer retries the event later; any other refusal
/// (nothing held, a declined refund) would fail the same way again, so it is logged and left.
fn settle<T>(result: Result<T, PaymentError>) -> anyhow::Result<()> {
    settled(result).map(|_| ())
}

/// Like `settled`, adding the row the step recorded to `rows` (once: a replayed step answers
/// with a row that may be there already).
fn recorded(
    rows: &mut Vec<Payment>,
    result: Result<Payment, PaymentError>,
) -> anyhow::Result<bool> {
    if let Ok(payment) = &result {
        if !rows.iter().any(|r| r.id == payment.id) {
            rows.push(payment.clone());
        }
    }
    settled(result)
}

/// Like `settle`, answering whether the step moved the money.
fn settled<T>(result: Result<T, PaymentError>) -> anyhow::Result<bool> {
    match result {
        Ok(_) => Ok(true),
        Err(PaymentError::NothingHeld) => Ok(false),
        Err(e) if e.is_transient() => Err(anyhow::Error::new(e).context("moving money for a booking event")),
        Err(e) => {
            tracing::warn!(error = %e, "a booking event's payment step was refused; left for staff");
            Ok(false)
        }
    }
}

/// The idempotency key of one step of handling an event: the same on every redelivery.
fn step_key(event: EventId, step: u128) -> Uuid {
    const PAYMENTS_STEPS: u128 = 0x7061_796d_656e_7473 << 64;
    Uuid::from_u128(event.as_uuid().as_u128() ^ (PAYMENTS_STEPS | step))
}
