//! Whose turn it is to move money on a folio: the check of the open balance and the movement
//! that follows it happen for one desk at a time, across every instance of the app.
use crate::{PaymentError, PaymentsService};
use kernel::BookingId;
use uuid::Uuid;

/// Longer than a card payment may take with its retries; a turn left by a crash ends then.
const LEASE_SECONDS: f64 = 120.0;

impl PaymentsService {
    /// Takes the folio's turn for the form sent with `key`; false while another form has it. The
    /// same form sent again takes it again, so a retried request is not refused by itself.
    pub async fn take_folio_turn(&self, booking: BookingId, key: Uuid) -> Result<bool, PaymentError> {
        let taken = sqlx::query_scalar::<_, Uuid>(
            "INSERT INTO payments.folio_turns (booking_id, key, until)
             VALUES ($1, $2, now() + make_interval(secs => $3))
             ON CONFLICT (booking_id) DO UPDATE SET key = EXCLUDED.key, until = EXCLUDED.until
               WHERE payments.folio_turns.until < now() OR payments.folio_turns.key = EXCLUDED.key
             RETURNING booking_id",
        )
        .bind(booking.as_uuid())
        .bind(key)
        .bind(LEASE_SECONDS)
        .fetch_optional(self.pool())
        .await?;
        Ok(taken.is_some())
    }

    /// Ends the turn taken with `key`, if it still is its turn.
    pub async fn end_folio_turn(&self, booking: BookingId, key: Uuid) -> Result<(), PaymentError> {
        sqlx::query("DELETE FROM payments.folio_turns WHERE booking_id = $1 AND key = $2")
            .bind(booking.as_uuid())
            .bind(key)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
