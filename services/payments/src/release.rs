//! Giving a checkout's money back when it could not book the room. The decision is written
//! down first, then every hold is voided and every capture refunded, so the booking's ledger
//! nets to zero; a release the gateway refused for now is retried by `retry_releases` until done.
//! A void costs the guest nothing and leaves no trace on their statement, which is why the
//! checkout captures only after the room is theirs and a refund is only the fallback here.
use crate::domain::Ledger;
use crate::{PaymentError, PaymentsService};
use kernel::BookingId;
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
