//! The manager's rates editor: one room type's rules with their ids, a change saved with its
//! audit record or previewed on a stay without being saved, and a month's nightly prices.
use super::changes::{self, RateChange};
use super::{RatePlanSettings, RatesError, SeasonInput};
use crate::cancellation::{CancellationPolicy, LateFee};
use crate::pricing::{price, BasisPoints};
use crate::restrictions::{Restriction, Rule};
use crate::{BookingError, BookingsService, Offer};
use anyhow::Context;
use chrono::{Datelike, Duration, NaiveDate};
use kernel::{Money, Party, RoomTypeCode, Stay, UserId};

/// One room type's stored rules, each with what names it for a change or removal.
#[derive(Debug, Clone, PartialEq)]
pub struct RateRules {
    /// The stored plan, or the defaults a type without one sells under.
    pub settings: RatePlanSettings,
    pub seasons: Vec<(i64, SeasonInput)>,
    /// (name, ISO weekday, basis points)
    pub weekdays: Vec<(String, u32, BasisPoints)>,
    /// (min nights, discount)
    pub stay_discounts: Vec<(u32, BasisPoints)>,
    pub restrictions: Vec<(i64, Restriction)>,
}

/// One night of the month view: what it sells at for the plan's included guests, the rules that
/// made that price, and the restrictions on it.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarNight {
    pub date: NaiveDate,
    pub price: Money,
    pub rules: Vec<String>,
    pub restrictions: Vec<Rule>,
}

/// A stay priced under the rules as saved and as they would be with the change; a refusal
/// (a restriction, a party too big) is said in the guest's words.
#[derive(Debug, Clone, PartialEq)]
pub struct RatePreview {
    pub now: Result<Offer, String>,
    pub with_change: Result<Offer, String>,
}

impl RateRules {
    /// Drops the seasons and restrictions that ended before `today`; answers how many.
    pub fn drop_ended(&mut self, today: NaiveDate) -> usize {
        let before = self.seasons.len() + self.restrictions.len();
        self.seasons.retain(|(_, s)| s.ends > today);
        self.restrictions.retain(|(_, r)| r.to() > today);
        before - self.seasons.len() - self.restrictions.len()
    }
}

impl RatePlanSettings {
    /// What a room type without a stored plan sells under: two adults, no tax, free to cancel.
    pub fn unset() -> Self {
        Self {
            included_adults: 2,
            included_children: 0,
            extra_adult_minor: 0,
            extra_child_minor: 0,
            vat_bp: 0,
            city_tax_minor: 0,
            city_tax_max_nights: 0,
            cancellation: CancellationPolicy { free_days: 0, late_fee: LateFee::None },
        }
    }
}

impl BookingsService {
    /// `room_type`'s rules as stored now (not the search's snapshot).
    pub async fn rate_rules(&self, room_type: &RoomTypeCode) -> Result<RateRules, RatesError> {
        // One snapshot for the three reads, so the ids line up with the rules `load` read.
        let mut conn = self.pool().begin().await?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").execute(&mut *conn).await?;
        let rates = super::load(&mut conn).await?;
        let of = rates.of(room_type);
        let code = room_type.as_str();
        let season_ids: Vec<(i64, NaiveDate)> =
            sqlx::query_as("SELECT id, starts FROM bookings.seasons WHERE room_type = $1 ORDER BY starts").bind(code).fetch_all(&mut *conn).await?;
        let restriction_ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM bookings.restrictions WHERE room_type = $1 ORDER BY starts, id")
            .bind(code)
            .fetch_all(&mut *conn)
            .await?;
        if season_ids.len() != of.seasons.len() || restriction_ids.len() != of.restrictions.len() {
            return Err(anyhow::anyhow!("the rules of {room_type} were read twice and differ").into());
        }
        let mut discounts: Vec<(u32, BasisPoints)> = of.stay_discounts.iter().map(|(n, bp)| (*n, BasisPoints::new(*bp))).collect();
        discounts.sort();
        Ok(RateRules {
            settings: of.settings.clone().unwrap_or_else(RatePlanSettings::unset),
            seasons: season_ids.into_iter().map(|(id, _)| id).zip(of.seasons.iter().cloned()).collect(),
            weekdays: of.weekdays.iter().map(|(n, d, bp)| (n.clone(), *d, BasisPoints::new(*bp))).collect(),
            stay_discounts: discounts,
            restrictions: restriction_ids.into_iter().zip(of.restrictions.iter().copied()).collect(),
        })
    }

    /// Saves `change` to `room_type`'s rules with who made it, before and after; searches see
    /// it at once in this process and within the snapshot's two seconds in others.
    #[tracing::instrument(skip(self, change), fields(action = change.action()))]
    pub async fn change_rates(&self, room_type: &RoomTypeCode, change: &RateChange, by: UserId) -> Result<(), RatesError> {
        let mut tx = self.pool().begin().await?;
        let before = changes::touched(&mut tx, room_type, change, None).await?;
        let added = changes::write(&mut tx, room_type, change).await?;
        let after = changes::touched(&mut tx, room_type, change, added).await?;
        record(&mut tx, room_type.as_str(), change.action(), by, before, after).await?;
        tx.commit().await?;
        self.rates_changed();
        Ok(())
    }

    /// What `stay` for `party` costs now and with `change`, which is written in a transaction
    /// that is rolled back: the database refuses it exactly as it would refuse saving it.
    pub async fn preview_rates(
        &self,
        room_type: &RoomTypeCode,
        change: &RateChange,
        stay: &Stay,
        party: &Party,
    ) -> Result<RatePreview, RatesError> {
        let t = self.room_type(room_type).await.map_err(anyhow::Error::from)?;
        let mut tx = self.pool().begin().await?;
        let now = super::load(&mut tx).await?;
        changes::write(&mut tx, room_type, change).await?;
        let then = super::load(&mut tx).await?;
        tx.rollback().await?;
        let quote = |rates: &super::Rates| -> Result<Offer, String> {
            super::super::offer::fits(&t, party).map_err(|e| e.to_string())?;
            self.offer(&t, rates.of(room_type), stay, party, None).map_err(|e: BookingError| e.to_string())
        };
        Ok(RatePreview { now: quote(&now), with_change: quote(&then) })
    }

    /// Each night of the month starting `first` (a first of a month), priced for the plan's
    /// included guests from the current snapshot of the rules.
    pub async fn rate_calendar(&self, room_type: &RoomTypeCode, first: NaiveDate) -> Result<Vec<CalendarNight>, BookingError> {
        let t = self.room_type(room_type).await?;
        let rates = self.rates().await?;
        let of = rates.of(room_type);
        let plan = of.plan(t.base_price).with_context(|| format!("the stored rate plan of {room_type} is invalid"))?;
        let adults = of.settings.as_ref().map_or(2, |s| s.included_adults);
        let party = Party::new(adults, 0).context("the plan's included guests")?;
        let mut nights = Vec::new();
        let mut date = first.with_day(1).context("a month")?;
        while date.month() == first.month() {
            let stay = Stay::new(date, date + Duration::days(1)).context("one night")?;
            let priced = price(&plan, &stay, &party, None)?;
            let night = priced.nights().first().context("a priced night")?;
            let restrictions = of.restrictions().iter().filter(|r| r.from() <= date && date < r.to()).map(|r| r.rule()).collect();
            nights.push(CalendarNight { date, price: night.amount, rules: night.rules.clone(), restrictions });
            date += Duration::days(1);
        }
        Ok(nights)
    }
}

/// Keeps who changed which rule, before and after, in `bookings.rate_changes`.
pub(crate) async fn record(
    conn: &mut sqlx::PgConnection,
    subject: &str,
    action: &str,
    by: UserId,
    before: serde_json::Value,
    after: serde_json::Value,
) -> Result<(), RatesError> {
    sqlx::query("INSERT INTO bookings.rate_changes (subject, action, changed_by, before, after) VALUES ($1, $2, $3, $4, $5)")
        .bind(subject)
        .bind(action)
        .bind(by.as_uuid())
        .bind(before)
        .bind(after)
        .execute(conn)
        .await?;
    Ok(())
}
