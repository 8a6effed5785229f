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

impl BillingService {
    /// Extras posted to folios per day in `zone` (the hotel's), from `from` up to `to`, net of
    /// reversals and without their VAT: a report's other revenue.
    pub async fn extras_by_day(&self, from: NaiveDate, to: NaiveDate, zone: &str) -> Result<std::collections::BTreeMap<NaiveDate, i64>, BillingError> {
        let rows: Vec<(NaiveDate, i64)> = sqlx::query_as(
            "SELECT (posted_at AT TIME ZONE $3)::date, sum(amount_minor)::bigint FROM payments.folio_charges \
             WHERE kind = 'extra' AND (posted_at AT TIME ZONE $3)::date >= $1 AND (posted_at AT TIME ZONE $3)::date < $2 \
             GROUP BY 1",
        )
        .bind(from)
        .bind(to)
        .bind(zone)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().collect())
    }
}
