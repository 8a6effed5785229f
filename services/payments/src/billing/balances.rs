//! Balances of many folios in one query, for lists (the desk's day) and for the event a change
//! writes. The same rule as `domain::balance`: charges minus captures plus refunds, card and
//! cash; authorisations and voids never count.
use super::domain;
use super::{BillingError, BillingService};
use kernel::{BookingId, Currency, Money};
use sqlx::PgConnection;
use std::collections::HashMap;
use uuid::Uuid;

/// Every signed amount of the bookings, summed by booking and currency, beside the folio's own
/// currency (`None` for a booking without a folio).
const BALANCES: &str = "
    WITH moved AS (
        SELECT booking_id, currency::text AS currency, amount_minor AS signed
        FROM payments.folio_charges WHERE booking_id = ANY($1)
        UNION ALL
        SELECT booking_id, currency::text, CASE kind WHEN 'capture' THEN -amount_minor ELSE amount_minor END
        FROM payments.payments
        WHERE booking_id = ANY($1) AND status = 'succeeded' AND kind IN ('capture', 'refund')
        UNION ALL
        SELECT booking_id, currency::text, CASE kind WHEN 'receipt' THEN -amount_minor ELSE amount_minor END
        FROM payments.cash_movements WHERE booking_id = ANY($1)
    )
    SELECT ids.id, f.currency::text, m.currency, SUM(m.signed)::int8
    FROM unnest($1::uuid[]) AS ids(id)
    LEFT JOIN payments.folios f ON f.booking_id = ids.id
    LEFT JOIN moved m ON m.booking_id = ids.id
    GROUP BY ids.id, f.currency, m.currency";

type Row = (Uuid, Option<String>, Option<String>, Option<i64>);

/// What one booking's ledger adds up to.
struct Sums {
    folio: Option<Currency>,
    amounts: Vec<Money>,
}

fn currency(code: &str) -> anyhow::Result<Currency> {
    Currency::parse(code.trim()).ok_or_else(|| anyhow::anyhow!("unknown currency {code}"))
}

async fn sums(
    conn: &mut PgConnection,
    ids: &[BookingId],
) -> anyhow::Result<HashMap<BookingId, Sums>> {
    let ids: Vec<Uuid> = ids.iter().map(|b| b.as_uuid()).collect();
    let rows: Vec<Row> = sqlx::query_as(BALANCES).bind(&ids).fetch_all(conn).await?;
    let mut out: HashMap<BookingId, Sums> = HashMap::new();
    for (id, folio, moved, sum) in rows {
        let entry = out.entry(BookingId::from_uuid(id)).or_insert(Sums {
            folio: None,
            amounts: Vec::new(),
        });
        entry.folio = folio.as_deref().map(currency).transpose()?;
        if let (Some(code), Some(sum)) = (moved, sum) {
            entry.amounts.push(Money::from_minor(sum, currency(&code)?));
        }
    }
    Ok(out)
}

/// The balances of those of `ids` that have a folio, in its currency.
pub(crate) async fn of_folios(
    conn: &mut PgConnection,
    ids: &[BookingId],
) -> Result<HashMap<BookingId, Money>, BillingError> {
    let mut out = HashMap::new();
    for (booking, sums) in sums(conn, ids).await? {
        if let Some(folio) = sums.folio {
            out.insert(booking, domain::sum(folio, sums.amounts)?);
        }
    }
    Ok(out)
}

/// The booking's balance; without a folio, in `currency`, of the money moved alone.
pub(crate) async fn of_one(
    conn: &mut PgConnection,
    booking: BookingId,
    currency: Currency,
) -> anyhow::Result<Money> {
    let sums = sums(conn, &[booking]).await?.remove(&booking);
    let Some(sums) = sums else {
        return Ok(Money::zero(currency));
    };
    Ok(domain::sum(sums.folio.unwrap_or(currency), sums.amounts)?)
}

impl BillingService {
    /// The balances of the folios of `ids`, as `folio` would give each; a booking without a
    /// folio yet is left out.
    #[tracing::instrument(skip(self, ids), fields(bookings = ids.len()))]
    pub async fn balances(
        &self,
        ids: &[BookingId],
    ) -> Result<HashMap<BookingId, Money>, BillingError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        of_folios(&mut *self.pool().acquire().await?, ids).await
    }
}
