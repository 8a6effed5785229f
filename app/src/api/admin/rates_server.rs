//! The rates editor's form fields read into the bookings service's rules, and its answers shown.
use super::TryStay;
use crate::dto::rates::*;
use crate::error::AppError;
use bookings::{BasisPoints, CancellationPolicy, LateFee, PromoDiscount, RateChange, RatePlanSettings, RatesError, Restriction, RestrictionRule as Rule, SeasonInput};
use chrono::{Datelike, Duration, NaiveDate};
use kernel::hotel::HOTEL;
use kernel::{Money, Party, RoomTypeCode, Stay, UserId};
pub use crate::api::admin::rooms::server::number;

pub async fn page(room_type: &str, month: &str, past: bool) -> Result<RatesPageView, AppError> {
    let state = crate::state::state()?;
    // The room types as stored now, not the search's snapshot: one added a second ago is here.
    let on_sale = state.rooms.room_types().await.map_err(crate::state::internal)?;
    let types: Vec<(String, String)> = on_sale.iter().map(|t| (t.code.to_string(), t.name.clone())).collect();
    let chosen = match room_type.trim() {
        "" => on_sale.first(),
        c => on_sale.iter().find(|t| t.code.as_str() == c),
    }
    .ok_or_else(|| AppError::NotFound("there is no such room type on sale".into()))?;
    let today = state.bookings.today();
    let first = match month.trim() {
        "" => today.with_day(1).expect("the first of a month"),
        m => NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").map_err(|_| AppError::Invalid("a month such as 2027-01".into()))?,
    };
    let mut rules = state.bookings.rate_rules(&chosen.code).await.map_err(rates_error)?;
    let calendar = state.bookings.rate_calendar(&chosen.code, first).await.map_err(crate::api::bookings::server::app_error)?;
    let mut promos = state.bookings.promo_codes().await.map_err(rates_error)?;
    // What has ended is kept (bookings were sold under it) but listed only when asked for: the
    // lists would otherwise grow by every year's seasons.
    let mut past_hidden = 0;
    if !past {
        let promos_before = promos.len();
        promos.retain(|p| !p.has_ended(today));
        past_hidden = (rules.drop_ended(today) + promos_before - promos.len()) as u32;
    }
    let ym = |d: NaiveDate| d.format("%Y-%m").to_string();
    Ok(RatesPageView {
        types,
        room_type: chosen.code.to_string(),
        base_price: chosen.base_price,
        month: ym(first),
        month_label: first.format("%B %Y").to_string(),
        previous_month: ym((first - Duration::days(1)).with_day(1).expect("a month")),
        next_month: ym(first + Duration::days(32)),
        plan: plan_view(&rules.settings),
        seasons: rules.seasons.iter().map(|(id, s)| season_view(*id, s)).collect(),
        weekdays: rules
            .weekdays
            .iter()
            .map(|(name, d, bp)| WeekdayView { isodow: *d, day: weekday(*d).into(), name: name.clone(), adjust: bp.signed() })
            .collect(),
        stay_discounts: rules.stay_discounts.iter().map(|(n, bp)| StayDiscountView { min_nights: *n, discount: bp.to_string() }).collect(),
        restrictions: rules
            .restrictions
            .iter()
            .map(|(id, r)| RestrictionView { id: *id, first: r.from(), last: r.to() - Duration::days(1), rule: rule_label(r.rule()) })
            .collect(),
        promos: promos.iter().map(promo_view).collect(),
        calendar: calendar
            .into_iter()
            .map(|n| NightView {
                date: n.date,
                price: n.price,
                rules: n.rules.into_iter().filter(|r| r != "Base rate").collect(),
                restrictions: n.restrictions.into_iter().filter(|r| !matches!(r, Rule::MaxAdvanceDays { .. })).map(rule_label).collect(),
            })
            .collect(),
        today,
        past,
        past_hidden,
    })
}

/// Saves `change`, or with `intent` "preview" prices `try_stay` before and after it.
pub async fn answer(room_type: &str, change: RateChange, intent: &str, try_stay: &TryStay, by: UserId) -> Result<RateAnswer, AppError> {
    let state = crate::state::state()?;
    let code = RoomTypeCode::parse(room_type.trim()).map_err(|_| AppError::NotFound("there is no such room type".into()))?;
    if intent != "preview" {
        state.bookings.change_rates(&code, &change, by).await.map_err(rates_error)?;
        return Ok(RateAnswer { saved: Some(saved(&change)), preview: None });
    }
    let (stay, party) = stay(try_stay, state.bookings.today())?;
    let p = state.bookings.preview_rates(&code, &change, &stay, &party).await.map_err(rates_error)?;
    let what = format!(
        "{} from {}, {} adult{}{}",
        plural(stay.nights(), "night"),
        stay.check_in(),
        party.adults(),
        if party.adults() == 1 { "" } else { "s" },
        match party.children() { 0 => String::new(), c => format!(", {c} child{}", if c == 1 { "" } else { "ren" }) },
    );
    Ok(RateAnswer { saved: None, preview: Some(PreviewView { stay: what, now: priced(p.now), with_change: priced(p.with_change) }) })
}

fn saved(change: &RateChange) -> String {
    match change {
        RateChange::Plan(_) => "Saved the plan's guests, taxes and cancellation policy".into(),
        RateChange::AddSeason(s) => format!("Added the season {}", s.name.trim()),
        RateChange::ChangeSeason(_, s) => format!("Saved the season {}", s.name.trim()),
        RateChange::RemoveSeason(_) => "Removed the season".into(),
        RateChange::Weekday { name, .. } => format!("Saved the weekday adjustment {}", name.trim()),
        RateChange::RemoveWeekday(d) => format!("Removed the adjustment on {}", weekday(*d)),
        RateChange::StayDiscount { min_nights, bp } => format!("Stays of {min_nights} nights or more now get {bp} off"),
        RateChange::RemoveStayDiscount(n) => format!("Removed the discount from {n} nights"),
        RateChange::AddRestriction(r) => format!("Added the restriction: {}", rule_label(r.rule())),
        RateChange::RemoveRestriction(_) => "Removed the restriction".into(),
    }
}

fn priced(offer: Result<bookings::Offer, String>) -> PricedView {
    match offer {
        Ok(o) => {
            let nights = o.priced.nights().iter().map(|n| (format!("{} · {}", n.date.format("%a %-d %b"), n.rules.join(", ")), n.amount));
            let lines = nights.chain(o.priced.stay_lines().iter().map(|l| (l.label.clone(), l.amount))).collect();
            PricedView { total: Some(o.priced.total()), lines, refused: None }
        }
        Err(why) => PricedView { total: None, lines: Vec::new(), refused: Some(why) },
    }
}

pub fn rates_error(e: RatesError) -> AppError {
    match e {
        RatesError::Invalid { field, message } => AppError::field(field, message),
        RatesError::OverlappingSeason(_) => AppError::field("starts", e.to_string()),
        RatesError::NotFound(_) => AppError::NotFound(e.to_string()),
        RatesError::Unexpected(e) => crate::state::internal(e),
    }
}

fn date(field: &str, s: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| AppError::field(field, "a date such as 2027-01-31"))
}

pub fn percent(field: &str, s: &str, what: &str) -> Result<BasisPoints, AppError> {
    BasisPoints::parse_percent(s).ok_or_else(|| AppError::field(field, what))
}

fn money(field: &str, s: &str) -> Result<Money, AppError> {
    Money::parse_entered(s, HOTEL.currency).ok_or_else(|| AppError::field(field, "an amount such as 25.00"))
}

/// `last_night` is the season's last night, as a manager says it; stored as the day after.
pub fn season(name: String, starts: &str, last_night: &str, kind: &str, amount: &str) -> Result<SeasonInput, AppError> {
    let starts = date("starts", starts)?;
    let ends = date("last_night", last_night)? + Duration::days(1);
    if ends <= starts {
        return Err(AppError::field("last_night", "a last night on or after the first"));
    }
    let (fixed_minor, adjust_bp) = match kind {
        "fixed" => (Some(money("amount", amount)?.minor()), None),
        _ => (None, Some(percent("amount", amount, "a percentage on the base price such as 20 or -15")?.get())),
    };
    Ok(SeasonInput { name, starts, ends, fixed_minor, adjust_bp })
}

pub fn restriction(rule: &str, first: &str, last: &str, value: &str) -> Result<Restriction, AppError> {
    let (from, to) = (date("first", first)?, date("last", last)? + Duration::days(1));
    let n = |what| number::<u32>("value", value, what);
    let rule = match rule {
        "min_stay" => Rule::MinStay { nights: n("a number of nights such as 2")? },
        "max_stay" => Rule::MaxStay { nights: n("a number of nights such as 14")? },
        "closed_to_arrival" => Rule::ClosedToArrival,
        "closed_to_departure" => Rule::ClosedToDeparture,
        "min_lead_days" => Rule::MinLeadDays { days: n("a number of days such as 3")? },
        "max_advance_days" => Rule::MaxAdvanceDays { days: n("a number of days such as 365")? },
        _ => return Err(AppError::field("rule", "one of the rules listed")),
    };
    Restriction::new(from, to, rule).map_err(|e| AppError::field(if to <= from { "last" } else { "value" }, e.to_string()))
}

pub struct PlanForm {
    pub included_adults: String,
    pub included_children: String,
    pub extra_adult: String,
    pub extra_child: String,
    pub vat: String,
    pub city_tax: String,
    pub city_tax_max_nights: String,
    pub free_days: String,
    pub late_fee: String,
    pub late_percent: String,
}

pub fn plan(f: PlanForm) -> Result<RatePlanSettings, AppError> {
    let late_fee = match f.late_fee.as_str() {
        "none" => LateFee::None,
        "first_night" => LateFee::FirstNight,
        "percent" => LateFee::Percent(percent("late_percent", &f.late_percent, "a share of the stay such as 50")?),
        _ => return Err(AppError::field("late_fee", "one of the fees listed")),
    };
    Ok(RatePlanSettings {
        included_adults: number("included_adults", &f.included_adults, "1 to 12 adults").and_then(|n: u8| {
            if (1..=12).contains(&n) { Ok(n) } else { Err(AppError::field("included_adults", "1 to 12 adults")) }
        })?,
        included_children: number("included_children", &f.included_children, "0 to 12 children")?,
        extra_adult_minor: money("extra_adult", &f.extra_adult)?.minor(),
        extra_child_minor: money("extra_child", &f.extra_child)?.minor(),
        vat_bp: percent("vat", &f.vat, "a VAT rate such as 7")?.get(),
        city_tax_minor: money("city_tax", &f.city_tax)?.minor(),
        city_tax_max_nights: number("city_tax_max_nights", &f.city_tax_max_nights, "a number of nights such as 7")?,
        cancellation: CancellationPolicy { free_days: number("free_days", &f.free_days, "a number of days such as 2")?, late_fee },
    })
}

pub fn promo(code: String, kind: &str, amount: &str, first: &str, last: &str, min_nights: &str) -> Result<bookings::PromoCodeRule, AppError> {
    let discount = match kind {
        "fixed" => PromoDiscount::Fixed(money("amount", amount)?),
        _ => PromoDiscount::Percent(percent("amount", amount, "a discount such as 10")?),
    };
    Ok(bookings::PromoCodeRule {
        code,
        discount,
        valid_from: date("first", first)?,
        valid_to: date("last", last)? + Duration::days(1),
        min_nights: number("min_nights", min_nights, "a number of nights such as 1")?,
    })
}

/// The preview's stay: by default two nights a fortnight ahead, for two adults.
fn stay(t: &TryStay, today: NaiveDate) -> Result<(Stay, Party), AppError> {
    let arrival = match t.arrival.trim() {
        "" => today + Duration::days(14),
        s => date("arrival", s)?,
    };
    let departure = match t.departure.trim() {
        "" => arrival + Duration::days(2),
        s => date("departure", s)?,
    };
    let stay = Stay::new(arrival, departure).map_err(|e| AppError::field("departure", e.to_string()))?;
    let count = |field, s: &str, default: u8| match s.trim() {
        "" => Ok(default),
        s => number::<u8>(field, s, "a number of guests"),
    };
    let party = Party::new(count("adults", &t.adults, 2)?, count("children", &t.children, 0)?).map_err(|e| AppError::field("adults", e.to_string()))?;
    Ok((stay, party))
}

fn plan_view(s: &RatePlanSettings) -> PlanView {
    let amount = |minor| Money::from_minor(minor, HOTEL.currency).to_decimal_string();
    let bp = |bp| BasisPoints::new(bp).to_string().trim_end_matches('%').to_owned();
    let (late_fee, late_percent, fee) = match s.cancellation.late_fee {
        LateFee::None => ("none", String::new(), "nothing".to_owned()),
        LateFee::FirstNight => ("first_night", String::new(), "the first night".to_owned()),
        LateFee::Percent(p) => ("percent", bp(p.get()), format!("{p} of the stay")),
    };
    let summary = match s.cancellation.late_fee {
        LateFee::None => "Free to cancel up to arrival".to_owned(),
        _ => format!("Free to cancel up to {} before arrival; later it costs {fee}", plural(i64::from(s.cancellation.free_days), "day")),
    };
    PlanView {
        included_adults: s.included_adults,
        included_children: s.included_children,
        extra_adult: amount(s.extra_adult_minor),
        extra_child: amount(s.extra_child_minor),
        vat: bp(s.vat_bp),
        city_tax: amount(s.city_tax_minor),
        city_tax_max_nights: s.city_tax_max_nights,
        free_days: s.cancellation.free_days,
        late_fee: late_fee.into(),
        late_percent,
        summary,
    }
}

fn season_view(id: i64, s: &SeasonInput) -> SeasonView {
    let (kind, amount, label) = match (s.fixed_minor, s.adjust_bp) {
        (Some(minor), _) => {
            let m = Money::from_minor(minor, HOTEL.currency);
            ("fixed", m.to_decimal_string(), format!("{m} a night"))
        }
        (None, bp) => {
            let bp = BasisPoints::new(bp.unwrap_or(0));
            ("percent", bp.to_string().trim_end_matches('%').to_owned(), format!("{} on the base price", bp.signed()))
        }
    };
    SeasonView { id, name: s.name.clone(), starts: s.starts, last_night: s.ends - Duration::days(1), kind: kind.into(), amount, label }
}

fn promo_view(p: &bookings::PromoCodeRule) -> PromoView {
    let discount = match p.discount {
        PromoDiscount::Percent(bp) => format!("{bp} off the room"),
        PromoDiscount::Fixed(m) => format!("{m} off the room"),
    };
    PromoView { code: p.code.clone(), discount, first: p.valid_from, last: p.valid_to - Duration::days(1), min_nights: p.min_nights }
}

pub fn rule_label(rule: Rule) -> String {
    match rule {
        Rule::MinStay { nights } => format!("at least {}", plural(i64::from(nights), "night")),
        Rule::MaxStay { nights } => format!("at most {}", plural(i64::from(nights), "night")),
        Rule::ClosedToArrival => "closed to arrival".into(),
        Rule::ClosedToDeparture => "closed to departure".into(),
        Rule::MinLeadDays { days } => format!("booked {} ahead or more", plural(i64::from(days), "day")),
        Rule::MaxAdvanceDays { days } => format!("booked {} ahead at most", plural(i64::from(days), "day")),
    }
}

fn weekday(isodow: u32) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].get(isodow.saturating_sub(1) as usize).copied().unwrap_or("?")
}

fn plural(n: i64, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}
