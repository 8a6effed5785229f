//! The stay's card money of many bookings at once, for the desk's lists: what the hotel has
//! kept of it and what the hold will still take, read in one query.
use crate::domain::{Ledger, Payment};
use crate::store::{self, COLUMNS};
use crate::{PaymentError, PaymentsService};
use kernel::{BookingId, Money};
use std::collections::HashMap;

/// One booking's stay money on its card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StayCard {
    /// Captured less refunded.
    pub kept: Money,
    /// What the stay's hold will still take of what the stay is due, at check-in or check-out.
    pub pending: Money,
}

/// Of what the stay is `due`, what its holds will still take: never more than they hold.
pub(crate) fn pending(ledger: &Ledger<'_>, due: i64) -> i64 {
    (due - ledger.kept()).clamp(0, ledger.held())
}

#[derive(sqlx::FromRow)]
struct DueRow {
    #[sqlx(flatten)]
    payment: store::Row,
    /// The booking's due as `store::due` reads it; `None` without one.
    due_minor: Option<i64>,
}

impl PaymentsService {
    /// The stay's card money of each of `ids` that has any; a booking without a card movement
    /// is left out (nothing kept, nothing pending).
    #[tracing::instrument(skip(self, ids), fields(bookings = ids.len()))]
    pub async fn stay_cards(
        &self,
        ids: &[BookingId],
    ) -> Result<HashMap<BookingId, StayCard>, PaymentError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let ids: Vec<uuid::Uuid> = ids.iter().map(|b| b.as_uuid()).collect();
        let rows: Vec<DueRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS},
                 (SELECT GREATEST(d.due_minor - d.credited_minor, 0) FROM payments.booking_dues d
                  WHERE d.booking_id = p.booking_id) AS due_minor
             FROM payments.payments p WHERE p.booking_id = ANY($1) AND p.purpose = 'stay'
             ORDER BY p.booking_id, p.created_at, p.id"
        )))
        .bind(&ids)
        .fetch_all(self.pool())
        .await?;
        let mut by_booking: HashMap<BookingId, (Option<i64>, Vec<Payment>)> = HashMap::new();
        for row in rows {
            let payment = Payment::try_from(row.payment)?;
            let entry = by_booking.entry(payment.booking_id).or_default();
            entry.0 = row.due_minor;
            entry.1.push(payment);
        }
        Ok(by_booking
            .into_iter()
            .map(|(booking, (due, rows))| {
                let currency = rows[0].amount.currency();
                let ledger = Ledger(&rows);
                let pending = due.map_or(0, |due| pending(&ledger, due));
                let card = StayCard {
                    kept: Money::from_minor(ledger.kept(), currency),
                    pending: Money::from_minor(pending, currency),
                };
                (booking, card)
            })
            .collect())
    }
}
