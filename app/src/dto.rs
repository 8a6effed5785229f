//! What server functions and the browser send each other: plain data, nothing internal.
use kernel::{Currency, Money, Role};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionUser {
    pub name: String,
    pub email: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomTypeView {
    pub code: String,
    pub name: String,
    pub description: String,
    pub max_adults: u8,
    pub max_children: u8,
    pub nightly: Money,
    pub beds: String,
    pub size_m2: u16,
    pub amenities: Vec<String>,
    /// Flexible features as label and value, e.g. ("view", "sea").
    pub features: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingView {
    pub id: String,
    pub reference: String,
    pub room_type: String,
    pub room_number: String,
    pub check_in: chrono::NaiveDate,
    pub check_out: chrono::NaiveDate,
    pub nights: i64,
    pub adults: u8,
    pub children: u8,
    pub total: Money,
    pub status: String,
    /// Whether the lifecycle still allows cancelling; decided by the bookings service.
    pub can_cancel: bool,
    pub can_modify: bool,
    pub room_type_code: String,
    /// Night by night as sold; `None` for bookings made before prices were explained.
    pub price: Option<PriceView>,
    pub promo_code: Option<String>,
    pub terms: TermsView,
    /// What cancelling would cost right now.
    pub fee_now: Money,
    /// What cancelling cost, once cancelled.
    pub cancellation_fee: Option<Money>,
    /// Money moved for it, oldest first (filled only on the booking's own page).
    pub payments: Vec<PaymentView>,
    /// Invoices and credit notes, to download as PDF.
    pub documents: Vec<DocumentView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentView {
    /// e.g. "Paid by card •••• 4242" or "Refunded to card •••• 4242".
    pub label: String,
    pub amount: Money,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentView {
    /// "Invoice 2026-000001" or "Credit note CN-2026-000001".
    pub title: String,
    pub url: String,
}

impl BookingView {
    pub fn currency(&self) -> Currency {
        self.total.currency()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AvailabilityView {
    pub code: String,
    pub name: String,
    pub description: String,
    pub nights: i64,
    pub nightly: Money,
    /// The whole stay with taxes; `None` when a restriction refuses the dates.
    pub total: Option<Money>,
    /// Which rule refuses these dates, in the guest's words.
    pub refusal: Option<String>,
    pub rooms_free: usize,
}

/// A priced stay as a bill shows it: every night with the rules that priced it, then the
/// discounts and taxes of the whole stay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriceView {
    pub nights: Vec<NightView>,
    pub lines: Vec<PriceLineView>,
    pub total: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NightView {
    pub date: chrono::NaiveDate,
    pub amount: Money,
    /// e.g. "Summer 2027 · Weekend +15% · 1 extra adult"
    pub rules: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriceLineView {
    pub label: String,
    pub amount: Money,
}

/// Cancellation terms in the hotel's local time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermsView {
    /// e.g. "2027-03-01 15:00 (Europe/Berlin)"; `None` when cancelling is always free.
    pub free_until: Option<String>,
    pub late_fee: Money,
}

impl TermsView {
    /// The policy in one sentence.
    pub fn summary(&self) -> String {
        match &self.free_until {
            None => "Free cancellation.".to_owned(),
            Some(until) => format!("Free cancellation until {until}; after that, cancelling costs {}.", self.late_fee),
        }
    }
}

/// A change of a booking before it is confirmed: the new price, the terms it keeps and what
/// happens to the guest's money, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangePreviewView {
    pub quote: QuoteView,
    pub was: Money,
    pub money: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteView {
    pub nights: i64,
    pub price: PriceView,
    pub terms: TermsView,
}

/// A change of a booking as the change form posts it, flat: `id`, `room_type`, `check_in`,
/// `check_out`, `adults`, `children`. Both the change and its preview take it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeForm {
    pub id: String,
    pub room_type: String,
    pub check_in: String,
    pub check_out: String,
    #[serde(deserialize_with = "count")]
    pub adults: u8,
    #[serde(deserialize_with = "count")]
    pub children: u8,
}

/// A count from a form post. Flattened into a server function's arguments, the fields reach
/// serde as text, which it no longer parses into a number by itself.
fn count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Count {
        Number(u8),
        Text(String),
    }
    match Count::deserialize(d)? {
        Count::Number(n) => Ok(n),
        Count::Text(s) => s.parse().map_err(serde::de::Error::custom),
    }
}

pub mod admin;
pub mod desk;
pub mod desk_folio;
pub mod desk_rack;
pub mod desk_walk_in;
pub mod housekeeping;
pub mod maintenance;
pub mod rates;
