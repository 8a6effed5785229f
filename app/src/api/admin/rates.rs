//! The rates editor: one room type's rules and a month of its nights; each rule form saves or,
//! with `intent=preview`, prices the stay in `try_stay` before and after the change unsaved.
use crate::dto::rates::{RateAnswer, RatesPageView};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The stay a form's preview prices; empty fields take the page's defaults.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TryStay {
    #[serde(default)]
    pub arrival: String,
    #[serde(default)]
    pub departure: String,
    #[serde(default)]
    pub adults: String,
    #[serde(default)]
    pub children: String,
}

/// The weekday boxes of the weekday form, ticked (`on`) or not.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Days {
    pub mon: Option<String>,
    pub tue: Option<String>,
    pub wed: Option<String>,
    pub thu: Option<String>,
    pub fri: Option<String>,
    pub sat: Option<String>,
    pub sun: Option<String>,
}

impl Days {
    pub fn isodows(&self) -> Vec<u32> {
        [&self.mon, &self.tue, &self.wed, &self.thu, &self.fri, &self.sat, &self.sun]
            .iter()
            .zip(1..)
            .filter_map(|(d, n)| d.is_some().then_some(n))
            .collect()
    }
}

/// `past` (`on`) lists the seasons, restrictions and promo codes that have ended too.
#[server(endpoint = "admin/rates")]
pub async fn rates_page(#[server(default)] room_type: String, #[server(default)] month: String, #[server(default)] past: String) -> Result<RatesPageView, AppError> {
    super::access::require_manager().await?;
    server::page(&room_type, &month, past == "on").await
}

#[allow(clippy::too_many_arguments)]
#[server(endpoint = "admin/save_season")]
pub async fn save_season(
    room_type: String,
    #[server(default)] id: String,
    name: String,
    starts: String,
    last_night: String,
    kind: String,
    amount: String,
    #[server(default)] intent: String,
    #[server(default)] try_stay: TryStay,
) -> Result<RateAnswer, AppError> {
    let me = super::access::require_manager().await?;
    let season = server::season(name, &starts, &last_night, &kind, &amount)?;
    let change = match id.trim() {
        "" => bookings::RateChange::AddSeason(season),
        id => bookings::RateChange::ChangeSeason(id.parse().map_err(|_| AppError::NotFound("that season is no longer there".into()))?, season),
    };
    server::answer(&room_type, change, &intent, &try_stay, me.user_id).await
}

#[server(endpoint = "admin/save_weekday")]
pub async fn save_weekday(
    room_type: String,
    name: String,
    #[server(default)] days: Days,
    adjust: String,
    #[server(default)] intent: String,
    #[server(default)] try_stay: TryStay,
) -> Result<RateAnswer, AppError> {
    let me = super::access::require_manager().await?;
    let change = bookings::RateChange::Weekday { name, isodows: days.isodows(), bp: server::percent("adjust", &adjust, "a percentage such as 15 or -10")? };
    server::answer(&room_type, change, &intent, &try_stay, me.user_id).await
}

#[server(endpoint = "admin/save_stay_discount")]
pub async fn save_stay_discount(
    room_type: String,
    min_nights: String,
    discount: String,
    #[server(default)] intent: String,
    #[server(default)] try_stay: TryStay,
) -> Result<RateAnswer, AppError> {
    let me = super::access::require_manager().await?;
    let change = bookings::RateChange::StayDiscount {
        min_nights: server::number("min_nights", &min_nights, "a number of nights such as 7")?,
        bp: server::percent("discount", &discount, "a discount such as 10")?,
    };
    server::answer(&room_type, change, &intent, &try_stay, me.user_id).await
}

/// `rule` is one of min_stay, max_stay, closed_to_arrival, closed_to_departure, min_lead_days,
/// max_advance_days; `value` the nights or days where the rule has one.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "admin/add_restriction")]
pub async fn add_restriction(
    room_type: String,
    rule: String,
    first: String,
    last: String,
    #[server(default)] value: String,
    #[server(default)] intent: String,
    #[server(default)] try_stay: TryStay,
) -> Result<RateAnswer, AppError> {
    let me = super::access::require_manager().await?;
    let change = bookings::RateChange::AddRestriction(server::restriction(&rule, &first, &last, &value)?);
    server::answer(&room_type, change, &intent, &try_stay, me.user_id).await
}

#[allow(clippy::too_many_arguments)]
#[server(endpoint = "admin/save_rate_plan")]
pub async fn save_rate_plan(
    room_type: String,
    included_adults: String,
    included_children: String,
    extra_adult: String,
    extra_child: String,
    vat: String,
    city_tax: String,
    city_tax_max_nights: String,
    free_days: String,
    late_fee: String,
    #[server(default)] late_percent: String,
    #[server(default)] intent: String,
    #[server(default)] try_stay: TryStay,
) -> Result<RateAnswer, AppError> {
    let me = super::access::require_manager().await?;
    let settings = server::plan(server::PlanForm {
        included_adults, included_children, extra_adult, extra_child, vat, city_tax, city_tax_max_nights, free_days, late_fee, late_percent,
    })?;
    server::answer(&room_type, bookings::RateChange::Plan(settings), &intent, &try_stay, me.user_id).await
}

/// Removes a season (`kind=season`, `key` its id), a weekday's adjustment (`weekday`, 1–7), a
/// stay discount (`stay_discount`, its nights) or a restriction (`restriction`, its id).
#[server(endpoint = "admin/remove_rate_rule")]
pub async fn remove_rate_rule(room_type: String, kind: String, key: String) -> Result<RateAnswer, AppError> {
    let me = super::access::require_manager().await?;
    let gone = || AppError::NotFound("that rule is no longer there".into());
    let change = match kind.as_str() {
        "season" => bookings::RateChange::RemoveSeason(key.parse().map_err(|_| gone())?),
        "weekday" => bookings::RateChange::RemoveWeekday(key.parse().map_err(|_| gone())?),
        "stay_discount" => bookings::RateChange::RemoveStayDiscount(key.parse().map_err(|_| gone())?),
        "restriction" => bookings::RateChange::RemoveRestriction(key.parse().map_err(|_| gone())?),
        _ => return Err(AppError::Invalid("there is no such kind of rule".into())),
    };
    server::answer(&room_type, change, "save", &TryStay::default(), me.user_id).await
}

/// Adds a promo code; `kind` is `percent` or `fixed`, `last` its last valid day.
#[server(endpoint = "admin/add_promo")]
pub async fn add_promo(code: String, kind: String, amount: String, first: String, last: String, min_nights: String) -> Result<String, AppError> {
    let me = super::access::require_manager().await?;
    let promo = server::promo(code, &kind, &amount, &first, &last, &min_nights)?;
    let state = crate::state::state()?;
    state.bookings.add_promo(&promo, me.user_id).await.map_err(server::rates_error)?;
    Ok(format!("Promo code {} added", promo.code.trim().to_uppercase()))
}

#[server(endpoint = "admin/remove_promo")]
pub async fn remove_promo(code: String) -> Result<String, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    state.bookings.remove_promo(&code, me.user_id).await.map_err(server::rates_error)?;
    Ok(format!("Promo code {} withdrawn", code.trim().to_uppercase()))
}

#[cfg(feature = "ssr")]
#[path = "rates_server.rs"]
mod server;
