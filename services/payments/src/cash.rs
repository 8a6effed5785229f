//! Cash at the desk: received or paid out, recorded by the member of staff who handled it. No
//! gateway is asked; the row is the record, and it is never changed.
use crate::PaymentError;
use crate::PaymentsService;
use chrono::{DateTime, Utc};
use kernel::events::FolioChange;
use kernel::{BookingId, Currency, Money, UserId};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CashKind {
    Receipt,
    Refund,
}

impl CashKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Receipt => "receipt",
            Self::Refund => "refund",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Receipt, Self::Refund].into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CashMovement {
    pub id: Uuid,
    pub booking_id: BookingId,
    pub kind: CashKind,
    pub amount: Money,
    pub taken_by: UserId,
    pub at: DateTime<Utc>,
}

type Row = (Uuid, Uuid, String, i64, String, Uuid, DateTime<Utc>);

fn movement(r: Row) -> anyhow::Result<CashMovement> {
    let currency = Currency::parse(r.4.trim()).ok_or_else(|| anyhow::anyhow!("currency {}", r.4))?;
    Ok(CashMovement {
        id: r.0,
        booking_id: BookingId::from_uuid(r.1),
        kind: CashKind::parse(&r.2).ok_or_else(|| anyhow::anyhow!("cash kind {}", r.2))?,
        amount: Money::from_minor(r.3, currency),
        taken_by: UserId::from_uuid(r.5),
        at: r.6,
    })
}

const COLUMNS: &str = "id, booking_id, kind, amount_minor, currency::text, taken_by, created_at";

impl PaymentsService {
    /// Records cash `kind` of `amount` for the booking, handled by `by`, with its `folio.changed`
    /// in the same transaction. A retry with the same `key` answers with the first record and
    /// tells of nothing again; the key used for other cash is refused.
    #[tracing::instrument(skip(self))]
    pub async fn record_cash(&self, booking: BookingId, kind: CashKind, amount: Money, by: UserId, key: Uuid) -> Result<CashMovement, PaymentError> {
        if amount.minor() <= 0 {
            return Err(PaymentError::NotPositive);
        }
        let mut tx = self.pool().begin().await?;
        crate::billing::changed::lock(&mut tx, booking).await?;
        let inserted: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "INSERT INTO payments.cash_movements (id, booking_id, kind, amount_minor, currency, taken_by, idempotency_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING {COLUMNS}"
        )))
        .bind(Uuid::new_v4())
        .bind(booking.as_uuid())
        .bind(kind.as_str())
        .bind(amount.minor())
        .bind(amount.currency().code())
        .bind(by.as_uuid())
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        let row = match inserted {
            Some(row) => {
                let change = match kind {
                    CashKind::Receipt => FolioChange::CashReceived,
                    CashKind::Refund => FolioChange::CashRefunded,
                };
                crate::billing::changed::enqueue(&mut tx, booking, change, amount, by).await?;
                row
            }
            None => sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM payments.cash_movements WHERE idempotency_key = $1")))
                .bind(key)
                .fetch_one(&mut *tx)
                .await?,
        };
        tx.commit().await?;
        let cash = movement(row)?;
        match (cash.booking_id, cash.kind, cash.amount) == (booking, kind, amount) {
            true => Ok(cash),
            false => Err(PaymentError::KeyReused),
        }
    }

    /// The booking's cash, oldest first.
    pub async fn cash_for(&self, booking: BookingId) -> Result<Vec<CashMovement>, PaymentError> {
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM payments.cash_movements WHERE booking_id = $1 ORDER BY created_at, id"
        )))
        .bind(booking.as_uuid())
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(movement).collect::<anyhow::Result<_>>()?)
    }
}
