//! The extras catalogue as a manager keeps it: add an extra, change its name, price or VAT, take
//! it off the desk's list (never delete it: folios name it). Each change is kept with who made
//! it, before and after, in its transaction.
use super::extra::{Extra, VatRate};
use super::{BillingError, BillingService};
use kernel::{Money, UserId};
use serde_json::json;
use uuid::Uuid;

/// What the form says an extra is; `code` is fixed once the extra exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraInput {
    pub code: String,
    pub name: String,
    pub price: Money,
    pub vat: VatRate,
    pub active: bool,
}

const CODE_TAKEN: &str = "extras_code_key";

fn snapshot(e: &Extra) -> serde_json::Value {
    json!({ "code": e.code, "name": e.name, "price": e.price, "vat_bp": e.vat.bp(), "active": e.active })
}

impl ExtraInput {
    fn check(&self) -> Result<(), BillingError> {
        let invalid = |field, message: &str| Err(BillingError::InvalidExtra { field, message: message.to_owned() });
        let code_ok = (2..=40).contains(&self.code.len()) && self.code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !code_ok {
            return invalid("code", "2 to 40 lower-case letters, digits or _");
        }
        if !(1..=100).contains(&self.name.trim().chars().count()) {
            return invalid("name", "a name of 1 to 100 characters");
        }
        if self.price.minor() <= 0 {
            return invalid("price", "a price above zero");
        }
        Ok(())
    }
}

impl BillingService {
    /// Every extra, those off the list too, in the hotel's order.
    pub async fn catalogue(&self) -> Result<Vec<Extra>, BillingError> {
        Ok(super::extras_store::all(&mut *self.pool().acquire().await?).await?)
    }

    /// Adds the extra (`id` none) or changes it; the code of an existing extra stays.
    #[tracing::instrument(skip(self, input), fields(code = %input.code, by = %by))]
    pub async fn save_extra(&self, id: Option<Uuid>, input: ExtraInput, by: UserId) -> Result<Extra, BillingError> {
        input.check()?;
        let mut tx = self.pool().begin().await?;
        let before = match id {
            Some(id) => Some(super::extras_store::find_for_update(&mut tx, id).await?.ok_or(BillingError::UnknownExtra)?),
            None => None,
        };
        let id = id.unwrap_or_else(Uuid::new_v4);
        let code = before.as_ref().map_or(input.code.clone(), |b| b.code.clone());
        let saved = sqlx::query(
            "INSERT INTO payments.extras (id, code, name, price_minor, currency, vat_bp, active, sort, updated_by, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT coalesce(max(sort), 0) + 1 FROM payments.extras), $8, now()) \
             ON CONFLICT (id) DO UPDATE SET name = $3, price_minor = $4, currency = $5, vat_bp = $6, active = $7, \
                 updated_by = $8, updated_at = now()",
        )
        .bind(id)
        .bind(&code)
        .bind(input.name.trim())
        .bind(input.price.minor())
        .bind(input.price.currency().code())
        .bind(i32::from(input.vat.bp()))
        .bind(input.active)
        .bind(by.as_uuid())
        .execute(&mut *tx)
        .await;
        if let Err(sqlx::Error::Database(db)) = &saved {
            if db.constraint() == Some(CODE_TAKEN) {
                return Err(BillingError::InvalidExtra { field: "code", message: format!("another extra has the code '{code}'") });
            }
        }
        saved?;
        let after = super::extras_store::find(&mut tx, id).await?.ok_or(BillingError::UnknownExtra)?;
        sqlx::query("INSERT INTO payments.extra_changes (extra_id, changed_by, before, after) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(by.as_uuid())
            .bind(before.as_ref().map(snapshot))
            .bind(snapshot(&after))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        tracing::info!(extra = %id, "extra saved");
        Ok(after)
    }
}
