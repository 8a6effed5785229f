//! Writing a room type's rules: what a manager (and the demo hotel) sets. The database's
//! constraints hold the invariants (seasons never overlap, one price per season, sane values);
//! a refused rule comes back as [`RatesError`] naming it.
use super::changes::{self, RateChange};
use crate::cancellation::CancellationPolicy;
use crate::pricing::{BasisPoints, SeasonPrice};
use crate::restrictions::Restriction;
use crate::BookingsService;
use chrono::NaiveDate;
use kernel::{Currency, Money, RoomTypeCode};

/// Per room type: who the price includes, surcharges, taxes and the cancellation policy.
#[derive(Debug, Clone, PartialEq)]
pub struct RatePlanSettings {
    pub included_adults: u8,
    pub included_children: u8,
    pub extra_adult_minor: i64,
    pub extra_child_minor: i64,
    pub vat_bp: i32,
    pub city_tax_minor: i64,
    pub city_tax_max_nights: u32,
    pub cancellation: CancellationPolicy,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeasonInput {
    pub name: String,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    pub fixed_minor: Option<i64>,
    pub adjust_bp: Option<i32>,
}

impl SeasonInput {
    pub(crate) fn price(&self, currency: Currency) -> SeasonPrice {
        match (self.fixed_minor, self.adjust_bp) {
            (Some(minor), _) => SeasonPrice::Fixed(Money::from_minor(minor, currency)),
            (None, bp) => SeasonPrice::Adjust(BasisPoints::new(bp.unwrap_or(0))),
        }
    }
}

/// A rule the database refused, or one refused before it got there, said to the manager.
#[derive(Debug, thiserror::Error)]
pub enum RatesError {
    #[error("season '{0}' overlaps another season of this room type")]
    OverlappingSeason(String),
    /// A value the field beside it should hold instead.
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: String },
    #[error("{0} is no longer there")]
    NotFound(&'static str),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl RatesError {
    pub(crate) fn invalid(field: &'static str, message: &str) -> Self {
        Self::Invalid { field, message: message.into() }
    }
    /// An overlap refused by the database, named by the season being saved.
    pub(crate) fn naming(self, season: &str) -> Self {
        match self {
            Self::OverlappingSeason(_) => Self::OverlappingSeason(season.trim().to_owned()),
            other => other,
        }
    }
}

impl From<sqlx::Error> for RatesError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Database(db) if db.constraint() == Some("seasons_no_overlap") => {
                Self::OverlappingSeason(String::new())
            }
            sqlx::Error::Database(db) if db.constraint().is_some() || db.is_check_violation() => {
                Self::invalid("value", "a value is out of range")
            }
            _ => Self::Unexpected(anyhow::Error::new(e).context("bookings rates")),
        }
    }
}

/// The demo's and the tests' way in: the same writes as the editor's, unaudited.
impl BookingsService {
    async fn write_rates(&self, room_type: &RoomTypeCode, change: RateChange) -> Result<(), RatesError> {
        let mut conn = self.pool().acquire().await?;
        changes::write(&mut conn, room_type, &change).await?;
        self.rates_changed();
        Ok(())
    }

    /// Creates or replaces the settings of `room_type`'s rate plan.
    pub async fn set_rate_plan(&self, room_type: &RoomTypeCode, s: &RatePlanSettings) -> Result<(), RatesError> {
        self.write_rates(room_type, RateChange::Plan(s.clone())).await
    }

    pub async fn add_season(&self, room_type: &RoomTypeCode, s: &SeasonInput) -> Result<(), RatesError> {
        self.write_rates(room_type, RateChange::AddSeason(s.clone())).await
    }

    /// Sets the adjustment of each of `isodows` (1 = Monday … 7 = Sunday), replacing any before.
    pub async fn set_weekday_adjustment(&self, room_type: &RoomTypeCode, name: &str, isodows: &[u32], bp: BasisPoints) -> Result<(), RatesError> {
        self.write_rates(room_type, RateChange::Weekday { name: name.to_owned(), isodows: isodows.to_vec(), bp }).await
    }

    pub async fn set_stay_discount(&self, room_type: &RoomTypeCode, min_nights: u32, bp: BasisPoints) -> Result<(), RatesError> {
        self.write_rates(room_type, RateChange::StayDiscount { min_nights, bp }).await
    }

    pub async fn add_restriction(&self, room_type: &RoomTypeCode, r: &Restriction) -> Result<(), RatesError> {
        self.write_rates(room_type, RateChange::AddRestriction(*r)).await
    }

    /// Adds a promo code: a percentage (`percent_bp`) or a fixed amount off the room.
    pub async fn add_promo_code(
        &self,
        code: &str,
        discount: crate::PromoDiscount,
        currency: Currency,
        valid: (NaiveDate, NaiveDate),
        min_nights: u32,
    ) -> Result<(), RatesError> {
        let (percent, fixed) = match discount {
            crate::PromoDiscount::Percent(bp) => (Some(bp.get()), None),
            crate::PromoDiscount::Fixed(m) => (None, Some(m.minor())),
        };
        sqlx::query(
            "INSERT INTO bookings.promo_codes (code, percent_bp, fixed_minor, currency, valid_from, valid_to, min_nights)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(code)
        .bind(percent)
        .bind(fixed)
        .bind(currency.code())
        .bind(valid.0)
        .bind(valid.1)
        .bind(i32::try_from(min_nights).map_err(|_| RatesError::invalid("min_nights", "fewer nights"))?)
        .execute(self.pool())
        .await?;
        Ok(())
    }
}
