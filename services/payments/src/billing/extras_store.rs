//! The hotel's extras as the `payments.extras` table keeps them, and the VAT line of a posting.
use super::domain::FolioCharge;
use super::extra::{Extra, VatRate};
use kernel::{Currency, Money};
use sqlx::PgConnection;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct ExtraRow {
    id: Uuid,
    code: String,
    name: String,
    price_minor: i64,
    currency: String,
    vat_bp: i32,
    active: bool,
}

impl TryFrom<ExtraRow> for Extra {
    type Error = anyhow::Error;
    fn try_from(r: ExtraRow) -> anyhow::Result<Self> {
        let currency = Currency::parse(r.currency.trim()).ok_or_else(|| anyhow::anyhow!("currency {}", r.currency))?;
        Ok(Extra {
            id: r.id,
            code: r.code,
            name: r.name,
            price: Money::from_minor(r.price_minor, currency),
            vat: VatRate::from_bp(r.vat_bp.into()).ok_or_else(|| anyhow::anyhow!("VAT rate {}", r.vat_bp))?,
            active: r.active,
        })
    }
}

const COLUMNS: &str = "id, code, name, price_minor, currency::text AS currency, vat_bp, active";

/// The extras staff can post now, in the hotel's order.
pub async fn active(conn: &mut PgConnection) -> anyhow::Result<Vec<Extra>> {
    let rows: Vec<ExtraRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM payments.extras WHERE active ORDER BY sort, name")))
            .fetch_all(conn)
            .await?;
    rows.into_iter().map(Extra::try_from).collect()
}

/// Every extra, those off the list too.
pub async fn all(conn: &mut PgConnection) -> anyhow::Result<Vec<Extra>> {
    let rows: Vec<ExtraRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM payments.extras ORDER BY sort, name")))
            .fetch_all(conn)
            .await?;
    rows.into_iter().map(Extra::try_from).collect()
}

/// The extra, locked until the transaction ends: two managers saving it change it in turn.
pub async fn find_for_update(conn: &mut PgConnection, id: Uuid) -> anyhow::Result<Option<Extra>> {
    let row: Option<ExtraRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM payments.extras WHERE id = $1 FOR UPDATE")))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(Extra::try_from).transpose()
}

pub async fn find(conn: &mut PgConnection, id: Uuid) -> anyhow::Result<Option<Extra>> {
    let row: Option<ExtraRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM payments.extras WHERE id = $1")))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.map(Extra::try_from).transpose()
}

/// The VAT line posted with `charge`, if it had VAT.
pub async fn vat_line(conn: &mut PgConnection, charge: Uuid) -> anyhow::Result<Option<FolioCharge>> {
    let id: Option<Uuid> = sqlx::query_scalar("SELECT id FROM payments.folio_charges WHERE vat_of = $1")
        .bind(charge)
        .fetch_optional(&mut *conn)
        .await?;
    match id {
        Some(id) => super::store::charge(conn, id).await,
        None => Ok(None),
    }
}
