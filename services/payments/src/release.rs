//! Giving a checkout's money back when it could not book the room. The decision is written
//! down first, then every hold is voided and every capture refunded, so the booking's ledger
//! nets to zero; a release the gateway refused for now is retried by `retry_releases` until done.
//! A void costs the guest nothing and leaves no trace on their statement, which is why the
//! checkout captures only after the room is theirs and a refund is only the fallback here.
use crate::domain::Ledger;
use crate::{PaymentError, PaymentsService};
use kernel::{BookingId, Money};
use uuid::Uuid;

impl PaymentsService {
    /// Gives back everything the booking's money moved: holds voided, captures refunded.
    #[tracing::instrument(skip(self))]
    pub async fn release(&self, booking: BookingId, reason: &str) -> Result<(), PaymentError> {
        sqlx::query("INSERT INTO payments.releases (booking_id, reason) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(booking.as_uuid())
            .bind(reason)
            .execute(self.pool())
            .await?;
        self.give_back(booking).await
    }

    /// Releases left open by a gateway outage or a crash, oldest first; answers how many are done.
    pub async fn retry_releases(&self) -> Result<usize, PaymentError> {
        let open: Vec<Uuid> = sqlx::query_scalar(
            "SELECT booking_id FROM payments.releases WHERE released_at IS NULL ORDER BY created_at LIMIT 100",
        )
        .fetch_all(self.pool())
        .await?;
        let mut done = 0;
        for booking in open {
            match self.give_back(BookingId::from_uuid(booking)).await {
                Ok(()) => done += 1,
                Err(e) => tracing::warn!(error = %e, %booking, "a checkout's money could not be given back yet"),
            }
        }
        Ok(done)
    }

    async fn give_back(&self, booking: BookingId) -> Result<(), PaymentError> {
        // Keys derived from the booking: the checkout and every later retry make the same steps.
        let key = |step: &[u8], id: Uuid| Uuid::new_v5(&booking.as_uuid(), &[step, id.as_bytes()].concat());
        let rows = self.for_booking(booking).await?;
        let ledger = Ledger(&rows);
        for (auth, _) in ledger.holds() {
            self.void_of(booking, auth.id, key(b"release-void", auth.id.as_uuid())).await?;
        }
        for (capture, left) in ledger.refundable() {
            self.refund_capture(booking, capture.id, left, key(b"release-refund", capture.id.as_uuid())).await?;
        }
        sqlx::query("UPDATE payments.releases SET released_at = now() WHERE booking_id = $1 AND released_at IS NULL")
            .bind(booking.as_uuid())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Whether the booking's money covers `amount`: held or captured and not refunded.
    pub async fn covers(&self, booking: BookingId, amount: kernel::Money) -> Result<bool, PaymentError> {
        let rows = self.for_booking(booking).await?;
        let ledger = Ledger(&rows);
        Ok(ledger.held() + ledger.kept() >= amount.minor())
    }

    /// Takes what the checkout held, when the hotel captures at booking; the room is the guest's.
    pub async fn capture_booked(&self, booking: BookingId, key: Uuid) -> Result<(), PaymentError> {
        if self.policy_for(booking).await? != crate::CapturePolicy::Booking {
            return Ok(());
        }
        self.capture(booking, None, key).await.map(|_| ())
    }
}

/// What a change of a booking's price would do to the guest's money, before they confirm it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyChange {
    Nothing,
    /// Charged to the card now (the hotel captures at booking).
    Charge(Money),
    /// Held on the card now, taken at check-in or check-out.
    HoldMore(Money),
    /// Given back to the card.
    Refund(Money),
    /// Less will be taken from what is held.
    HoldLess(Money),
}

impl PaymentsService {
    /// What moving the booking's price to `total` would do to its money, and the card's last
    /// four digits. Mirrors what the consumer of `booking.modified` then does.
    pub async fn preview_change(&self, booking: BookingId, total: Money) -> Result<(MoneyChange, Option<String>), PaymentError> {
        let rows = self.for_booking(booking).await?;
        let ledger = Ledger(&rows);
        let (kept, held) = (ledger.kept(), ledger.held());
        let last4 = rows.iter().rev().find(|p| p.succeeded()).and_then(|p| p.card_last4.clone());
        let money = |minor| Money::from_minor(minor, total.currency());
        let needed = total.minor() - kept;
        let change = if rows.iter().all(|p| !p.succeeded()) {
            MoneyChange::Nothing
        } else if needed < 0 {
            MoneyChange::Refund(money(-needed))
        } else if self.policy_for(booking).await? == crate::CapturePolicy::Booking {
            if needed > 0 { MoneyChange::Charge(money(needed)) } else { MoneyChange::Nothing }
        } else if needed > held {
            MoneyChange::HoldMore(money(needed - held))
        } else if needed < held {
            MoneyChange::HoldLess(money(held - needed))
        } else {
            MoneyChange::Nothing
        };
        Ok((change, last4))
    }
}

impl PaymentsService {
    /// Retries open releases every half minute until `shutdown` says stop.
    pub async fn run_releases(self, mut shutdown: tokio::sync::watch::Receiver<bool>) {
        loop {
            tokio::select! {
                _ = shutdown.changed() => return,
                _ = tokio::time::sleep(std::time::Duration::from_secs(30)) => {}
            }
            if let Err(e) = self.retry_releases().await {
                tracing::warn!(error = %e, "could not retry the open releases");
            }
        }
    }
}
