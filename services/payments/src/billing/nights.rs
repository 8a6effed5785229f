//! Which folios carry one night's room charge: what the night audit checks of in-house stays.
use super::{BillingError, BillingService};
use chrono::NaiveDate;
use kernel::BookingId;
use std::collections::HashSet;
use uuid::Uuid;

impl BillingService {
    /// The bookings of `ids` whose folio carries a room charge for `night` that stands (posted
    /// and not reversed): every night is posted when its stay is booked or changed.
    #[tracing::instrument(skip(self, ids), fields(bookings = ids.len()))]
    pub async fn nights_posted(&self, night: NaiveDate, ids: &[BookingId]) -> Result<HashSet<BookingId>, BillingError> {
        if ids.is_empty() {
            return Ok(HashSet::new());
        }
        let ids: Vec<Uuid> = ids.iter().map(|id| id.as_uuid()).collect();
        let posted: Vec<Uuid> = sqlx::query_scalar(
            "SELECT c.booking_id FROM payments.folio_charges c \
             WHERE c.kind = 'room_night' AND c.night = $1 AND c.booking_id = ANY($2) AND c.reverses IS NULL \
               AND NOT EXISTS (SELECT 1 FROM payments.folio_charges r WHERE r.reverses = c.id) \
             GROUP BY c.booking_id",
        )
        .bind(night)
        .bind(&ids)
        .fetch_all(self.pool())
        .await?;
        Ok(posted.into_iter().map(BookingId::from_uuid).collect())
    }
}
