//! Loading every room type's rules: five small queries, run once per snapshot.
use super::{RatePlanSettings, Rates, RoomTypeRates, SeasonInput};
use crate::cancellation::{CancellationPolicy, LateFee};
use crate::pricing::{BasisPoints, PromoCode, PromoDiscount};
use crate::restrictions::{Restriction, Rule};
use anyhow::Context;
use chrono::NaiveDate;
use kernel::{Currency, Money, RoomTypeCode};
use sqlx::PgConnection;

#[derive(sqlx::FromRow)]
struct PlanRow {
    room_type: String,
    included_adults: i16,
    included_children: i16,
    extra_adult_minor: i64,
    extra_child_minor: i64,
    vat_bp: i32,
    city_tax_minor: i64,
    city_tax_max_nights: i32,
    free_cancellation_days: i32,
    late_cancellation_fee: String,
    late_cancellation_bp: i32,
}

/// room type, name, starts, ends, fixed price, adjustment
type SeasonRow = (String, String, NaiveDate, NaiveDate, Option<i64>, Option<i32>);
/// code, percent, fixed amount, currency, valid from, valid to, minimum nights
type PromoRow = (String, Option<i32>, Option<i64>, String, NaiveDate, NaiveDate, i32);

pub(crate) async fn load(conn: &mut PgConnection) -> anyhow::Result<Rates> {
    let mut rates = Rates::default();
    let plans: Vec<PlanRow> = sqlx::query_as("SELECT * FROM bookings.rate_plans").fetch_all(&mut *conn).await?;
    for p in plans {
        let late_fee = match p.late_cancellation_fee.as_str() {
            "first_night" => LateFee::FirstNight,
            "percent" => LateFee::Percent(BasisPoints::new(p.late_cancellation_bp)),
            _ => LateFee::None,
        };
        entry(&mut rates, &p.room_type)?.settings = Some(RatePlanSettings {
            included_adults: u8::try_from(p.included_adults)?,
            included_children: u8::try_from(p.included_children)?,
            extra_adult_minor: p.extra_adult_minor,
            extra_child_minor: p.extra_child_minor,
            vat_bp: p.vat_bp,
            city_tax_minor: p.city_tax_minor,
            city_tax_max_nights: u32::try_from(p.city_tax_max_nights)?,
            cancellation: CancellationPolicy { free_days: u32::try_from(p.free_cancellation_days)?, late_fee },
        });
    }
    let seasons: Vec<SeasonRow> = sqlx::query_as(
        "SELECT room_type, name, starts, ends, fixed_minor, adjust_bp FROM bookings.seasons ORDER BY starts",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (code, name, starts, ends, fixed_minor, adjust_bp) in seasons {
        entry(&mut rates, &code)?.seasons.push(SeasonInput { name, starts, ends, fixed_minor, adjust_bp });
    }
    let weekdays: Vec<(String, String, i16, i32)> =
        sqlx::query_as("SELECT room_type, name, isodow, adjust_bp FROM bookings.weekday_adjustments ORDER BY isodow")
            .fetch_all(&mut *conn)
            .await?;
    for (code, name, isodow, bp) in weekdays {
        entry(&mut rates, &code)?.weekdays.push((name, u32::try_from(isodow)?, bp));
    }
    let discounts: Vec<(String, i32, i32)> =
        sqlx::query_as("SELECT room_type, min_nights, discount_bp FROM bookings.stay_discounts")
            .fetch_all(&mut *conn)
            .await?;
    for (code, nights, bp) in discounts {
        entry(&mut rates, &code)?.stay_discounts.push((u32::try_from(nights)?, bp));
    }
    let restrictions: Vec<(String, NaiveDate, NaiveDate, String, Option<i32>)> =
        sqlx::query_as("SELECT room_type, starts, ends, rule, value FROM bookings.restrictions ORDER BY starts, id")
            .fetch_all(&mut *conn)
            .await?;
    for (code, starts, ends, rule, value) in restrictions {
        let n = || u32::try_from(value.unwrap_or(0)).context("restriction value");
        let rule = match rule.as_str() {
            "min_stay" => Rule::MinStay { nights: n()? },
            "max_stay" => Rule::MaxStay { nights: n()? },
            "closed_to_arrival" => Rule::ClosedToArrival,
            "closed_to_departure" => Rule::ClosedToDeparture,
            "min_lead_days" => Rule::MinLeadDays { days: n()? },
            "max_advance_days" => Rule::MaxAdvanceDays { days: n()? },
            other => anyhow::bail!("unknown restriction rule {other}"),
        };
        entry(&mut rates, &code)?.restrictions.push(Restriction::new(starts, ends, rule)?);
    }
    Ok(rates)
}

fn entry<'a>(rates: &'a mut Rates, code: &str) -> anyhow::Result<&'a mut RoomTypeRates> {
    Ok(rates.by_type.entry(RoomTypeCode::parse(code).context("stored room type")?).or_default())
}

/// A promo code by what the guest typed, case-insensitively; `None` when there is no such code.
pub(crate) async fn promo(conn: &mut PgConnection, typed: &str) -> anyhow::Result<Option<PromoCode>> {
    let row: Option<PromoRow> = sqlx::query_as(
        "SELECT code, percent_bp, fixed_minor, currency, valid_from, valid_to, min_nights
         FROM bookings.promo_codes WHERE code = upper($1)",
    )
    .bind(typed.trim())
    .fetch_optional(conn)
    .await?;
    let Some((code, percent, fixed, currency, from, to, min_nights)) = row else { return Ok(None) };
    let currency = Currency::parse(currency.trim()).context("promo currency")?;
    let discount = match (percent, fixed) {
        (Some(bp), _) => PromoDiscount::Percent(BasisPoints::new(bp)),
        (None, Some(minor)) => PromoDiscount::Fixed(Money::from_minor(minor, currency)),
        (None, None) => anyhow::bail!("promo code {code} has no discount"),
    };
    Ok(Some(PromoCode::new(&code, discount, from, to, u32::try_from(min_nights)?)?))
}

/// The hotel's clock: its zone from `kernel::hotel`, checked against `bookings.hotel`, and the
/// check-in and check-out times kept there.
pub(crate) async fn clock(conn: &mut PgConnection) -> anyhow::Result<crate::HotelClock> {
    let (tz, check_in, check_out): (String, chrono::NaiveTime, chrono::NaiveTime) =
        sqlx::query_as("SELECT time_zone, check_in_time, check_out_time FROM bookings.hotel")
            .fetch_one(conn)
            .await
            .context("the hotel's settings (bookings.hotel)")?;
    crate::HotelClock::of_hotel(&tz, check_in, check_out)
}
