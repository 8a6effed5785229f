//! The hotel's promo codes, as a manager lists, adds and withdraws them; each change audited.
use super::editor::record;
use super::RatesError;
use crate::pricing::{BasisPoints, PromoDiscount};
use chrono::NaiveDate;
use kernel::{Currency, Money, UserId};
use serde_json::Value;

/// A promo code as stored: what it takes off, when it can be used, from how many nights.
#[derive(Debug, Clone, PartialEq)]
pub struct PromoCodeRule {
    pub code: String,
    pub discount: PromoDiscount,
    pub valid_from: NaiveDate,
    /// The first date it no longer applies to.
    pub valid_to: NaiveDate,
    pub min_nights: u32,
}

impl PromoCodeRule {
    /// No arrival from `today` on can use it any more.
    pub fn has_ended(&self, today: NaiveDate) -> bool {
        self.valid_to <= today
    }
}

/// code, percent, fixed amount, currency, valid from, valid to, minimum nights
type Row = (String, Option<i32>, Option<i64>, String, NaiveDate, NaiveDate, i32);

impl crate::BookingsService {
    /// Every promo code, the latest to expire first.
    pub async fn promo_codes(&self) -> Result<Vec<PromoCodeRule>, RatesError> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT code, percent_bp, fixed_minor, currency, valid_from, valid_to, min_nights
             FROM bookings.promo_codes ORDER BY valid_to DESC, code",
        )
        .fetch_all(self.pool())
        .await?;
        rows.into_iter().map(rule).collect()
    }

    /// Adds a promo code, upper-cased; refused by name when it exists.
    pub async fn add_promo(&self, p: &PromoCodeRule, by: UserId) -> Result<(), RatesError> {
        let code = p.code.trim().to_uppercase();
        if !(3..=20).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(RatesError::invalid("code", "3 to 20 letters or digits, such as SPRING10"));
        }
        if p.valid_to <= p.valid_from {
            return Err(RatesError::invalid("valid_to", "a last day on or after the first"));
        }
        if p.min_nights < 1 {
            return Err(RatesError::invalid("min_nights", "at least one night"));
        }
        let (percent, fixed) = match p.discount {
            PromoDiscount::Percent(bp) if (1..=10_000).contains(&bp.get()) => (Some(bp.get()), None),
            PromoDiscount::Fixed(m) if m.minor() > 0 => (None, Some(m.minor())),
            _ => return Err(RatesError::invalid("discount", "a discount from 0.01 to 100 percent, or an amount above 0")),
        };
        let currency = match p.discount {
            PromoDiscount::Fixed(m) => m.currency(),
            PromoDiscount::Percent(_) => kernel::hotel::HOTEL.currency,
        };
        let mut tx = self.pool().begin().await?;
        let added: Option<Value> = sqlx::query_scalar(
            "INSERT INTO bookings.promo_codes (code, percent_bp, fixed_minor, currency, valid_from, valid_to, min_nights)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING RETURNING to_jsonb(promo_codes)",
        )
        .bind(&code)
        .bind(percent)
        .bind(fixed)
        .bind(currency.code())
        .bind(p.valid_from)
        .bind(p.valid_to)
        .bind(i32::try_from(p.min_nights).map_err(|_| RatesError::invalid("min_nights", "fewer nights"))?)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(after) = added else {
            return Err(RatesError::Invalid { field: "code", message: format!("there is already a promo code {code}") });
        };
        record(&mut tx, &code, "promo_added", by, Value::Null, after).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Withdraws a promo code: guests can no longer use it; stays booked with it keep their price.
    pub async fn remove_promo(&self, code: &str, by: UserId) -> Result<(), RatesError> {
        let mut tx = self.pool().begin().await?;
        let before: Option<Value> =
            sqlx::query_scalar("DELETE FROM bookings.promo_codes WHERE code = upper($1) RETURNING to_jsonb(promo_codes)")
                .bind(code.trim())
                .fetch_optional(&mut *tx)
                .await?;
        let Some(before) = before else { return Err(RatesError::NotFound("that promo code")) };
        record(&mut tx, &code.trim().to_uppercase(), "promo_removed", by, before, Value::Null).await?;
        tx.commit().await?;
        Ok(())
    }
}

fn rule((code, percent, fixed, currency, valid_from, valid_to, min_nights): Row) -> Result<PromoCodeRule, RatesError> {
    let currency = Currency::parse(currency.trim()).ok_or_else(|| anyhow::anyhow!("promo {code}: stored currency"))?;
    let discount = match (percent, fixed) {
        (Some(bp), _) => PromoDiscount::Percent(BasisPoints::new(bp)),
        (None, Some(minor)) => PromoDiscount::Fixed(Money::from_minor(minor, currency)),
        (None, None) => return Err(anyhow::anyhow!("promo {code} has no discount").into()),
    };
    let min_nights = u32::try_from(min_nights).map_err(|_| anyhow::anyhow!("promo {code}: stored nights"))?;
    Ok(PromoCodeRule { code, discount, valid_from, valid_to, min_nights })
}
