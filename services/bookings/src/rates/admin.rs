//! Writing a room type's rules: what a manager (and the demo hotel) sets. The database's
//! constraints hold the invariants (seasons never overlap, one price per season, sane values);
//! a refused rule comes back as [`RatesError`] naming it.
use crate::cancellation::{CancellationPolicy, LateFee};
use crate::pricing::{BasisPoints, SeasonPrice};
use crate::restrictions::{Restriction, Rule};
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

pub type RestrictionInput = Restriction;

/// A rule the database refused, said to the manager.
#[derive(Debug, thiserror::Error)]
pub enum RatesError {
    #[error("season '{0}' overlaps another season of this room type")]
    OverlappingSeason(String),
    #[error("this rule is not valid: {0}")]
    Invalid(&'static str),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<sqlx::Error> for RatesError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Database(db) if db.constraint() == Some("seasons_no_overlap") => {
                Self::OverlappingSeason(String::new())
            }
            sqlx::Error::Database(db) if db.constraint().is_some() || db.is_check_violation() => {
                Self::Invalid("a value is out of range")
            }
            _ => Self::Unexpected(anyhow::Error::new(e).context("bookings rates")),
        }
    }
}

impl BookingsService {
    /// Creates or replaces the settings of `room_type`'s rate plan.
    pub async fn set_rate_plan(&self, room_type: &RoomTypeCode, s: &RatePlanSettings) -> Result<(), RatesError> {
        let (fee, bp) = match s.cancellation.late_fee {
            LateFee::None => ("none", 0),
            LateFee::FirstNight => ("first_night", 0),
            LateFee::Percent(bp) => ("percent", bp.get()),
        };
        sqlx::query(
            "INSERT INTO bookings.rate_plans (room_type, included_adults, included_children, extra_adult_minor,
                 extra_child_minor, vat_bp, city_tax_minor, city_tax_max_nights, free_cancellation_days,
                 late_cancellation_fee, late_cancellation_bp)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
             ON CONFLICT (room_type) DO UPDATE SET included_adults = $2, included_children = $3,
                 extra_adult_minor = $4, extra_child_minor = $5, vat_bp = $6, city_tax_minor = $7,
                 city_tax_max_nights = $8, free_cancellation_days = $9, late_cancellation_fee = $10,
                 late_cancellation_bp = $11",
        )
        .bind(room_type.as_str())
        .bind(i16::from(s.included_adults))
        .bind(i16::from(s.included_children))
        .bind(s.extra_adult_minor)
        .bind(s.extra_child_minor)
        .bind(s.vat_bp)
        .bind(s.city_tax_minor)
        .bind(i32::try_from(s.city_tax_max_nights).map_err(|_| RatesError::Invalid("too many nights"))?)
        .bind(i32::try_from(s.cancellation.free_days).map_err(|_| RatesError::Invalid("too many days"))?)
        .bind(fee)
        .bind(bp)
        .execute(self.pool())
        .await?;
        self.rates_changed();
        Ok(())
    }

    pub async fn add_season(&self, room_type: &RoomTypeCode, s: &SeasonInput) -> Result<(), RatesError> {
        sqlx::query(
            "INSERT INTO bookings.seasons (room_type, name, starts, ends, fixed_minor, adjust_bp)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(room_type.as_str())
        .bind(&s.name)
        .bind(s.starts)
        .bind(s.ends)
        .bind(s.fixed_minor)
        .bind(s.adjust_bp)
        .execute(self.pool())
        .await
        .map_err(|e| match RatesError::from(e) {
            RatesError::OverlappingSeason(_) => RatesError::OverlappingSeason(s.name.clone()),
            other => other,
        })?;
        self.rates_changed();
        Ok(())
    }

    /// Sets the adjustment of each of `isodows` (1 = Monday … 7 = Sunday), replacing any before.
    pub async fn set_weekday_adjustment(
        &self,
        room_type: &RoomTypeCode,
        name: &str,
        isodows: &[u32],
        bp: BasisPoints,
    ) -> Result<(), RatesError> {
        for d in isodows {
            sqlx::query(
                "INSERT INTO bookings.weekday_adjustments (room_type, name, isodow, adjust_bp) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (room_type, isodow) DO UPDATE SET name = $2, adjust_bp = $4",
            )
            .bind(room_type.as_str())
            .bind(name)
            .bind(i16::try_from(*d).map_err(|_| RatesError::Invalid("a weekday is 1 to 7"))?)
            .bind(bp.get())
            .execute(self.pool())
            .await?;
        }
        self.rates_changed();
        Ok(())
    }

    pub async fn set_stay_discount(&self, room_type: &RoomTypeCode, min_nights: u32, bp: BasisPoints) -> Result<(), RatesError> {
        sqlx::query(
            "INSERT INTO bookings.stay_discounts (room_type, min_nights, discount_bp) VALUES ($1, $2, $3)
             ON CONFLICT (room_type, min_nights) DO UPDATE SET discount_bp = $3",
        )
        .bind(room_type.as_str())
        .bind(i32::try_from(min_nights).map_err(|_| RatesError::Invalid("too many nights"))?)
        .bind(bp.get())
        .execute(self.pool())
        .await?;
        self.rates_changed();
        Ok(())
    }

    pub async fn add_restriction(&self, room_type: &RoomTypeCode, r: &Restriction) -> Result<(), RatesError> {
        let (rule, value) = match r.rule() {
            Rule::MinStay { nights } => ("min_stay", Some(nights)),
            Rule::MaxStay { nights } => ("max_stay", Some(nights)),
            Rule::ClosedToArrival => ("closed_to_arrival", None),
            Rule::ClosedToDeparture => ("closed_to_departure", None),
            Rule::MinLeadDays { days } => ("min_lead_days", Some(days)),
            Rule::MaxAdvanceDays { days } => ("max_advance_days", Some(days)),
        };
        let value = value.map(i32::try_from).transpose().map_err(|_| RatesError::Invalid("value too large"))?;
        sqlx::query("INSERT INTO bookings.restrictions (room_type, starts, ends, rule, value) VALUES ($1, $2, $3, $4, $5)")
            .bind(room_type.as_str())
            .bind(r.from())
            .bind(r.to())
            .bind(rule)
            .bind(value)
            .execute(self.pool())
            .await?;
        self.rates_changed();
        Ok(())
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
        .bind(i32::try_from(min_nights).map_err(|_| RatesError::Invalid("too many nights"))?)
        .execute(self.pool())
        .await?;
        Ok(())
    }
}
