//! The rates editor as its page shows it: one room type's rules, a month of its nights, the
//! hotel's promo codes, and a stay priced before and after a change.
use chrono::NaiveDate;
use kernel::Money;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatesPageView {
    /// (code, name) of every room type on sale.
    pub types: Vec<(String, String)>,
    pub room_type: String,
    pub base_price: Money,
    /// `YYYY-MM` of the calendar, and the months before and after it.
    pub month: String,
    pub month_label: String,
    pub previous_month: String,
    pub next_month: String,
    pub plan: PlanView,
    pub seasons: Vec<SeasonView>,
    pub weekdays: Vec<WeekdayView>,
    pub stay_discounts: Vec<StayDiscountView>,
    pub restrictions: Vec<RestrictionView>,
    pub promos: Vec<PromoView>,
    pub calendar: Vec<NightView>,
    /// The hotel's today, for the preview stay's default dates.
    pub today: NaiveDate,
    /// Whether rules that have ended are listed, and how many are not.
    pub past: bool,
    pub past_hidden: u32,
}

/// The plan's values as a form shows them again (money `12.50`, percentages `7`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    pub included_adults: u8,
    pub included_children: u8,
    pub extra_adult: String,
    pub extra_child: String,
    pub vat: String,
    pub city_tax: String,
    pub city_tax_max_nights: u32,
    pub free_days: u32,
    /// `none`, `first_night` or `percent`.
    pub late_fee: String,
    pub late_percent: String,
    /// The policy in a sentence.
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeasonView {
    pub id: i64,
    pub name: String,
    pub starts: NaiveDate,
    /// The season's last night (the day before its stored end).
    pub last_night: NaiveDate,
    /// `fixed` or `percent`, and the amount as typed: `149.00` or `-15`.
    pub kind: String,
    pub amount: String,
    /// "€149.00 a night" or "−15% on the base price".
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekdayView {
    pub isodow: u32,
    pub day: String,
    pub name: String,
    pub adjust: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StayDiscountView {
    pub min_nights: u32,
    pub discount: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RestrictionView {
    pub id: i64,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromoView {
    pub code: String,
    pub discount: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub min_nights: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NightView {
    pub date: NaiveDate,
    pub price: Money,
    /// The rules past the base rate, e.g. "Summer 2026 +20%".
    pub rules: Vec<String>,
    pub restrictions: Vec<String>,
}

/// What a form answers: saved, or a stay priced before and after the change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RateAnswer {
    /// What was saved, in a sentence for the toast; `None` for a preview.
    pub saved: Option<String>,
    pub preview: Option<PreviewView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviewView {
    /// "2 nights from 2027-01-08, 2 adults"
    pub stay: String,
    pub now: PricedView,
    pub with_change: PricedView,
}

/// A total with its lines, or why the stay could not be booked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PricedView {
    pub total: Option<Money>,
    /// (label, amount) of each night and stay line.
    pub lines: Vec<(String, Money)>,
    pub refused: Option<String>,
}
