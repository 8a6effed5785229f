//! What payments does when a stay moves on: capture at check-in or check-out as the hotel's
//! policy says, and settle a cancellation so the hotel keeps exactly the fee. Each step uses an
//! idempotency key derived from the event, so a redelivery (even to two consumers at once)
//! moves no money twice; handled events are remembered and skipped.
use crate::domain::{parse_decimal, CancellationPlan, CapturePolicy, Ledger};
use crate::{store, PaymentError, PaymentsService};
use eventbus::Handler;
use futures::future::BoxFuture;
use kernel::events::{
    BookingCancelled, BookingCheckedIn, BookingCheckedOut, Envelope, BOOKING_CANCELLED, BOOKING_CHECKED_IN, BOOKING_CHECKED_OUT,
};
use kernel::{BookingId, Currency, EventId};
use uuid::Uuid;

/// Feeds the booking events payments listens to into the service.
pub struct PaymentsConsumer(pub PaymentsService);

impl PaymentsConsumer {
    pub const GROUP: &'static str = "payments";
    pub const TOPICS: [&'static str; 3] = [BOOKING_CHECKED_IN, BOOKING_CHECKED_OUT, BOOKING_CANCELLED];
}

impl Handler for PaymentsConsumer {
    fn handle<'a>(&'a self, topic: &'a str, payload: &'a [u8]) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            let service = &self.0;
            match topic {
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
    /// Captures what the hold still has, unless the hotel captures only at check-out.
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id))]
    pub async fn on_checked_in(&self, event: &Envelope<BookingCheckedIn>) -> anyhow::Result<()> {
        if self.handled(event.event_id).await? {
            return Ok(());
        }
        if self.capture_policy().await? != CapturePolicy::CheckOut {
            self.capture_rest(event.payload.booking_id, event.event_id).await?;
        }
        self.mark_handled(event.event_id, BOOKING_CHECKED_IN).await
    }

    /// Captures what the hold still has, whatever the policy: the stay is over.
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id))]
    pub async fn on_checked_out(&self, event: &Envelope<BookingCheckedOut>) -> anyhow::Result<()> {
        if self.handled(event.event_id).await? {
            return Ok(());
        }
        self.capture_rest(event.payload.booking_id, event.event_id).await?;
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

    /// Most bookings have no hold left by now; they are skipped without claiming a key.
    async fn capture_rest(&self, booking: BookingId, event: EventId) -> anyhow::Result<()> {
        if Ledger(&self.for_booking(booking).await?).holding().is_none() {
            return Ok(());
        }
        settle(self.capture(booking, None, step_key(event, 1)).await)
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
    match result {
        Ok(_) | Err(PaymentError::NothingHeld) => Ok(()),
        Err(e) if e.is_transient() => Err(anyhow::Error::new(e).context("moving money for a booking event")),
        Err(e) => {
            tracing::warn!(error = %e, "a booking event's payment step was refused; left for staff");
            Ok(())
        }
    }
}

/// The idempotency key of one step of handling an event: the same on every redelivery.
fn step_key(event: EventId, step: u128) -> Uuid {
    const PAYMENTS_STEPS: u128 = 0x7061_796d_656e_7473 << 64;
    Uuid::from_u128(event.as_uuid().as_u128() ^ (PAYMENTS_STEPS | step))
}
