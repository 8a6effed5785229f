//! One change to a room type's rules, as a manager makes it: written on a connection, so the
//! same write saves it (with its audit record) or previews it in a transaction rolled back.
use super::admin::{RatePlanSettings, RatesError, SeasonInput};
use crate::cancellation::LateFee;
use crate::pricing::BasisPoints;
use crate::restrictions::{Restriction, Rule};
use kernel::RoomTypeCode;
use serde_json::Value;
use sqlx::PgConnection;

#[derive(Debug, Clone, PartialEq)]
pub enum RateChange {
    Plan(RatePlanSettings),
    AddSeason(SeasonInput),
    ChangeSeason(i64, SeasonInput),
    RemoveSeason(i64),
    /// Sets the adjustment of each ISO weekday (1 = Monday … 7 = Sunday), replacing any before.
    Weekday { name: String, isodows: Vec<u32>, bp: BasisPoints },
    RemoveWeekday(u32),
    StayDiscount { min_nights: u32, bp: BasisPoints },
    RemoveStayDiscount(u32),
    AddRestriction(Restriction),
    RemoveRestriction(i64),
}

impl RateChange {
    /// How the audit log names it.
    pub fn action(&self) -> &'static str {
        match self {
            Self::Plan(_) => "plan_set",
            Self::AddSeason(_) => "season_added",
            Self::ChangeSeason(..) => "season_changed",
            Self::RemoveSeason(_) => "season_removed",
            Self::Weekday { .. } => "weekday_set",
            Self::RemoveWeekday(_) => "weekday_removed",
            Self::StayDiscount { .. } => "stay_discount_set",
            Self::RemoveStayDiscount(_) => "stay_discount_removed",
            Self::AddRestriction(_) => "restriction_added",
            Self::RemoveRestriction(_) => "restriction_removed",
        }
    }

    /// Refuses what the database would refuse, with the field to show it beside.
    fn check(&self) -> Result<(), RatesError> {
        let invalid = |field, message: &str| Err(RatesError::Invalid { field, message: message.into() });
        match self {
            Self::AddSeason(s) | Self::ChangeSeason(_, s) => {
                if s.name.trim().is_empty() || s.name.chars().count() > 60 {
                    return invalid("name", "a name of 1 to 60 characters");
                }
                if s.ends <= s.starts {
                    return invalid("ends", "a last night on or after the first");
                }
                if s.fixed_minor.is_some_and(|m| m < 0) || s.adjust_bp.is_some_and(|bp| bp < -10_000) {
                    return invalid("price", "a price of 0 or more, or an adjustment above −100%");
                }
                Ok(())
            }
            Self::Weekday { name, isodows, bp } => {
                if name.trim().is_empty() || name.chars().count() > 60 {
                    return invalid("name", "a name of 1 to 60 characters");
                }
                if isodows.is_empty() || isodows.iter().any(|d| !(1..=7).contains(d)) {
                    return invalid("days", "at least one day of the week");
                }
                if bp.get() < -10_000 {
                    return invalid("adjust", "an adjustment above −100%");
                }
                Ok(())
            }
            Self::StayDiscount { min_nights, bp } => {
                if *min_nights < 2 || *min_nights > 365 {
                    return invalid("min_nights", "a stay of 2 to 365 nights");
                }
                if !(1..=10_000).contains(&bp.get()) {
                    return invalid("discount", "a discount from 0.01 to 100 percent");
                }
                Ok(())
            }
            Self::Plan(s) => {
                if !(0..=10_000).contains(&s.vat_bp) {
                    return invalid("vat", "a VAT rate from 0 to 100 percent");
                }
                if let LateFee::Percent(bp) = s.cancellation.late_fee {
                    if !(1..=10_000).contains(&bp.get()) {
                        return invalid("late_fee", "a fee from 0.01 to 100 percent of the stay");
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// Writes `change` on `conn`; the id of a season or restriction it adds.
pub(crate) async fn write(conn: &mut PgConnection, room_type: &RoomTypeCode, change: &RateChange) -> Result<Option<i64>, RatesError> {
    change.check()?;
    let code = room_type.as_str();
    let gone = |what| RatesError::NotFound(what);
    match change {
        RateChange::Plan(s) => {
            write_plan(conn, code, s).await?;
            Ok(None)
        }
        RateChange::AddSeason(s) => {
            let id = sqlx::query_scalar(
                "INSERT INTO bookings.seasons (room_type, name, starts, ends, fixed_minor, adjust_bp)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(code)
            .bind(s.name.trim())
            .bind(s.starts)
            .bind(s.ends)
            .bind(s.fixed_minor)
            .bind(s.adjust_bp)
            .fetch_one(&mut *conn)
            .await
            .map_err(|e| RatesError::from(e).naming(&s.name))?;
            Ok(Some(id))
        }
        RateChange::ChangeSeason(id, s) => {
            one(sqlx::query(
                "UPDATE bookings.seasons SET name = $3, starts = $4, ends = $5, fixed_minor = $6, adjust_bp = $7
                 WHERE id = $1 AND room_type = $2",
            )
            .bind(id)
            .bind(code)
            .bind(s.name.trim())
            .bind(s.starts)
            .bind(s.ends)
            .bind(s.fixed_minor)
            .bind(s.adjust_bp)
            .execute(&mut *conn)
            .await
            .map_err(|e| RatesError::from(e).naming(&s.name))?, "that season")
        }
        RateChange::RemoveSeason(id) => {
            one(sqlx::query("DELETE FROM bookings.seasons WHERE id = $1 AND room_type = $2")
                .bind(id)
                .bind(code)
                .execute(&mut *conn)
                .await?, "that season")
        }
        RateChange::Weekday { name, isodows, bp } => {
            for d in isodows {
                sqlx::query(
                    "INSERT INTO bookings.weekday_adjustments (room_type, name, isodow, adjust_bp) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (room_type, isodow) DO UPDATE SET name = $2, adjust_bp = $4",
                )
                .bind(code)
                .bind(name.trim())
                .bind(i16::try_from(*d).map_err(|_| RatesError::invalid("days", "a weekday is 1 to 7"))?)
                .bind(bp.get())
                .execute(&mut *conn)
                .await?;
            }
            Ok(None)
        }
        RateChange::RemoveWeekday(isodow) => {
            let isodow = i16::try_from(*isodow).map_err(|_| gone("that day's adjustment"))?;
            one(sqlx::query("DELETE FROM bookings.weekday_adjustments WHERE room_type = $1 AND isodow = $2")
                .bind(code)
                .bind(isodow)
                .execute(&mut *conn)
                .await?, "that day's adjustment")
        }
        RateChange::StayDiscount { min_nights, bp } => {
            sqlx::query(
                "INSERT INTO bookings.stay_discounts (room_type, min_nights, discount_bp) VALUES ($1, $2, $3)
                 ON CONFLICT (room_type, min_nights) DO UPDATE SET discount_bp = $3",
            )
            .bind(code)
            .bind(nights(*min_nights)?)
            .bind(bp.get())
            .execute(&mut *conn)
            .await?;
            Ok(None)
        }
        RateChange::RemoveStayDiscount(min_nights) => {
            one(sqlx::query("DELETE FROM bookings.stay_discounts WHERE room_type = $1 AND min_nights = $2")
                .bind(code)
                .bind(nights(*min_nights)?)
                .execute(&mut *conn)
                .await?, "that stay discount")
        }
        RateChange::AddRestriction(r) => {
            let (rule, value) = stored_rule(r.rule());
            let value = value.map(nights).transpose()?;
            let id = sqlx::query_scalar(
                "INSERT INTO bookings.restrictions (room_type, starts, ends, rule, value) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(code)
            .bind(r.from())
            .bind(r.to())
            .bind(rule)
            .bind(value)
            .fetch_one(&mut *conn)
            .await?;
            Ok(Some(id))
        }
        RateChange::RemoveRestriction(id) => {
            one(sqlx::query("DELETE FROM bookings.restrictions WHERE id = $1 AND room_type = $2")
                .bind(id)
                .bind(code)
                .execute(&mut *conn)
                .await?, "that restriction")
        }
    }
}

async fn write_plan(conn: &mut PgConnection, code: &str, s: &RatePlanSettings) -> Result<(), RatesError> {
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
    .bind(code)
    .bind(i16::from(s.included_adults))
    .bind(i16::from(s.included_children))
    .bind(s.extra_adult_minor)
    .bind(s.extra_child_minor)
    .bind(s.vat_bp)
    .bind(s.city_tax_minor)
    .bind(nights(s.city_tax_max_nights)?)
    .bind(i32::try_from(s.cancellation.free_days).map_err(|_| RatesError::invalid("free_days", "fewer days"))?)
    .bind(fee)
    .bind(bp)
    .execute(conn)
    .await?;
    Ok(())
}

fn nights(n: u32) -> Result<i32, RatesError> {
    i32::try_from(n).map_err(|_| RatesError::invalid("value", "a smaller number"))
}

pub(crate) fn stored_rule(rule: Rule) -> (&'static str, Option<u32>) {
    match rule {
        Rule::MinStay { nights } => ("min_stay", Some(nights)),
        Rule::MaxStay { nights } => ("max_stay", Some(nights)),
        Rule::ClosedToArrival => ("closed_to_arrival", None),
        Rule::ClosedToDeparture => ("closed_to_departure", None),
        Rule::MinLeadDays { days } => ("min_lead_days", Some(days)),
        Rule::MaxAdvanceDays { days } => ("max_advance_days", Some(days)),
    }
}

/// The stored rows `change` touches, as JSON, for the audit log's before and after.
pub(crate) async fn touched(conn: &mut PgConnection, room_type: &RoomTypeCode, change: &RateChange, added: Option<i64>) -> Result<Value, RatesError> {
    let (sql, id) = match change {
        RateChange::Plan(_) => ("SELECT to_jsonb(r) FROM bookings.rate_plans r WHERE room_type = $1 AND $2::bigint IS NULL", None),
        RateChange::AddSeason(_) | RateChange::ChangeSeason(..) | RateChange::RemoveSeason(_) => (
            "SELECT to_jsonb(r) FROM bookings.seasons r WHERE room_type = $1 AND id = $2",
            added.or(match change { RateChange::ChangeSeason(id, _) | RateChange::RemoveSeason(id) => Some(*id), _ => None }),
        ),
        RateChange::Weekday { .. } | RateChange::RemoveWeekday(_) => (
            "SELECT jsonb_agg(to_jsonb(r) ORDER BY isodow) FROM bookings.weekday_adjustments r WHERE room_type = $1 AND $2::bigint IS NULL",
            None,
        ),
        RateChange::StayDiscount { .. } | RateChange::RemoveStayDiscount(_) => (
            "SELECT jsonb_agg(to_jsonb(r) ORDER BY min_nights) FROM bookings.stay_discounts r WHERE room_type = $1 AND $2::bigint IS NULL",
            None,
        ),
        RateChange::AddRestriction(_) | RateChange::RemoveRestriction(_) => (
            "SELECT to_jsonb(r) FROM bookings.restrictions r WHERE room_type = $1 AND id = $2",
            added.or(match change { RateChange::RemoveRestriction(id) => Some(*id), _ => None }),
        ),
    };
    let found: Option<Option<Value>> = sqlx::query_scalar(sql).bind(room_type.as_str()).bind(id).fetch_optional(conn).await?;
    Ok(found.flatten().unwrap_or(Value::Null))
}

/// `Ok(None)` when the statement touched a row, else the rule `what` is no longer there.
fn one(done: sqlx::postgres::PgQueryResult, what: &'static str) -> Result<Option<i64>, RatesError> {
    if done.rows_affected() == 0 {
        return Err(RatesError::NotFound(what));
    }
    Ok(None)
}
