//! What each message may say: one small typed context per event, built from the event's payload
//! and the guest. Templates see exactly these fields and nothing else. Pure, no I/O.
use anyhow::{anyhow, bail, Context};
use chrono::NaiveDate;
use kernel::events::{
    BookingCancelled, BookingCreated, PaymentCompleted, PaymentFailed, BOOKING_CANCELLED, BOOKING_CREATED,
    PAYMENT_COMPLETED, PAYMENT_FAILED,
};
use kernel::{BookingId, Currency, Money};
use serde::Serialize;
use users::Language;

/// The variables of one kind of message.
pub trait MessageContext: Serialize {
    /// The event type whose templates render it.
    const EVENT: &'static str;
    /// The name the delivery log and `notification.sent` carry.
    const TEMPLATE: &'static str;
}

/// Who the message is for, as the templates greet them.
pub struct Guest<'a> {
    pub name: &'a str,
    pub language: Language,
}

#[derive(Debug, Serialize)]
pub struct BookingConfirmation {
    pub guest_name: String,
    pub reference: String,
    pub room_type: String,
    pub room_number: String,
    pub check_in: String,
    pub check_out: String,
    pub nights: i64,
    pub adults: u8,
    pub children: u8,
    pub total: String,
}

impl MessageContext for BookingConfirmation {
    const EVENT: &'static str = BOOKING_CREATED;
    const TEMPLATE: &'static str = "booking_confirmation";
}

impl BookingConfirmation {
    pub fn new(b: &BookingCreated, guest: &Guest) -> anyhow::Result<Self> {
        Ok(Self {
            guest_name: guest.name.to_owned(),
            reference: reference(b.booking_id),
            room_type: b.room_type.clone(),
            room_number: b.room_number.clone(),
            check_in: date(b.check_in, guest.language),
            check_out: date(b.check_out, guest.language),
            nights: (b.check_out - b.check_in).num_days(),
            adults: b.adults,
            children: b.children,
            total: money(&b.total_amount, &b.currency)?.to_string(),
        })
    }
}

#[derive(Debug, Serialize)]
pub struct BookingCancellation {
    pub guest_name: String,
    pub reference: String,
    pub check_in: String,
    pub check_out: String,
    /// `None` when the cancellation is free of charge.
    pub fee: Option<String>,
    pub reason: Option<String>,
}

impl MessageContext for BookingCancellation {
    const EVENT: &'static str = BOOKING_CANCELLED;
    const TEMPLATE: &'static str = "booking_cancellation";
}

impl BookingCancellation {
    pub fn new(b: &BookingCancelled, guest: &Guest) -> anyhow::Result<Self> {
        let fee = money(&b.cancellation_fee, &b.currency)?;
        Ok(Self {
            guest_name: guest.name.to_owned(),
            reference: reference(b.booking_id),
            check_in: date(b.check_in, guest.language),
            check_out: date(b.check_out, guest.language),
            fee: (fee.minor() > 0).then(|| fee.to_string()),
            reason: match b.reason.as_deref().map(str::trim) {
                // The desk's word for it, not the guest's.
                Some(kernel::events::NO_SHOW) => Some(no_show(guest.language).to_owned()),
                Some("") | None => None,
                Some(reason) => Some(reason.to_owned()),
            },
        })
    }
}

fn no_show(language: Language) -> &'static str {
    match language {
        Language::En => "you did not arrive on the day of arrival",
        Language::De => "Sie sind am Anreisetag nicht angereist",
    }
}

/// What moved on the guest's card; the templates word each differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PaymentKind {
    Authorisation,
    Capture,
    Refund,
    Void,
}

impl PaymentKind {
    fn parse(kind: &str) -> anyhow::Result<Self> {
        Ok(match kind {
            "authorisation" => Self::Authorisation,
            "capture" => Self::Capture,
            "refund" => Self::Refund,
            "void" => Self::Void,
            other => bail!("unknown payment kind {other:?}"),
        })
    }
}

#[derive(Debug, Serialize)]
pub struct PaymentReceipt {
    pub guest_name: String,
    pub reference: String,
    pub kind: PaymentKind,
    pub amount: String,
    pub card_last4: Option<String>,
}

impl MessageContext for PaymentReceipt {
    const EVENT: &'static str = PAYMENT_COMPLETED;
    const TEMPLATE: &'static str = "payment_receipt";
}

impl PaymentReceipt {
    pub fn new(p: &PaymentCompleted, guest: &Guest) -> anyhow::Result<Self> {
        Ok(Self {
            guest_name: guest.name.to_owned(),
            reference: reference(p.booking_id),
            kind: PaymentKind::parse(&p.kind)?,
            amount: money(&p.amount, &p.currency)?.to_string(),
            card_last4: p.card_last4.clone(),
        })
    }
}

#[derive(Debug, Serialize)]
pub struct PaymentFailure {
    pub guest_name: String,
    pub reference: String,
    pub kind: PaymentKind,
    pub amount: String,
    pub card_last4: Option<String>,
    /// `declined`, `insufficient_funds`, `gateway_error` or `timeout`; templates fall back to
    /// `message` for anything else.
    pub reason: String,
    /// What the payments service told the guest.
    pub message: String,
}

impl MessageContext for PaymentFailure {
    const EVENT: &'static str = PAYMENT_FAILED;
    const TEMPLATE: &'static str = "payment_failed";
}

impl PaymentFailure {
    pub fn new(p: &PaymentFailed, guest: &Guest) -> anyhow::Result<Self> {
        Ok(Self {
            guest_name: guest.name.to_owned(),
            reference: reference(p.booking_id),
            kind: PaymentKind::parse(&p.kind)?,
            amount: money(&p.amount, &p.currency)?.to_string(),
            card_last4: p.card_last4.clone(),
            reason: p.reason.clone(),
            message: p.message.clone(),
        })
    }
}

/// The short booking reference guests see: the id's first eight hex digits.
pub fn reference(id: BookingId) -> String {
    id.to_string()[..8].to_uppercase()
}

fn date(d: NaiveDate, language: Language) -> String {
    match language {
        Language::En => d.format("%-d %B %Y").to_string(),
        Language::De => d.format("%d.%m.%Y").to_string(),
    }
}

/// An event's decimal string (`"389.00"`, `"-5.5"`) and currency code as Money.
pub fn money(amount: &str, currency: &str) -> anyhow::Result<Money> {
    let currency = Currency::parse(currency).ok_or_else(|| anyhow!("unknown currency {currency:?}"))?;
    let bad = || anyhow!("{amount:?} is not a decimal amount");
    let (negative, digits) = match amount.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, amount),
    };
    let (whole, cents) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || cents.len() > 2 || !all_digits(whole) || !all_digits(cents) {
        return Err(bad());
    }
    let whole: i64 = whole.parse().with_context(bad)?;
    let cents: i64 = format!("{cents:0<2}").parse().with_context(bad)?;
    let minor = whole.checked_mul(100).and_then(|w| w.checked_add(cents)).ok_or_else(bad)?;
    Ok(Money::from_minor(if negative { -minor } else { minor }, currency))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_become_money_shown_with_symbol_and_two_decimals() {
        assert_eq!(money("389.00", "EUR").unwrap().to_string(), "€389.00");
        assert_eq!(money("5.5", "GBP").unwrap().to_string(), "£5.50");
        assert_eq!(money("12", "USD").unwrap().to_string(), "$12.00");
        assert_eq!(money("-0.05", "EUR").unwrap().to_string(), "€-0.05");
    }

    #[test]
    fn malformed_amounts_and_unknown_currencies_are_refused() {
        for bad in ["", "1.234", "1,00", "abc", ".5", "1.-5", "99999999999999999999"] {
            assert!(money(bad, "EUR").is_err(), "{bad:?}");
        }
        assert!(money("1.00", "XYZ").is_err());
    }

    #[test]
    fn dates_follow_the_guest_language() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(date(d, Language::En), "4 December 2026");
        assert_eq!(date(d, Language::De), "04.12.2026");
    }

    #[test]
    fn a_zero_fee_is_free_of_charge() {
        let cancelled = BookingCancelled {
            booking_id: BookingId::new(),
            user_id: kernel::UserId::new(),
            room_id: kernel::RoomId::new(),
            check_in: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            check_out: NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
            cancelled_by: kernel::UserId::new(),
            reason: Some(" ".into()),
            cancellation_fee: "0.00".into(),
            currency: "EUR".into(),
            timestamp: chrono::Utc::now(),
            version: 2,
        };
        let guest = Guest { name: "Ada", language: Language::En };
        let free = BookingCancellation::new(&cancelled, &guest).unwrap();
        assert_eq!((free.fee, free.reason), (None, None));
        let charged = BookingCancelled { cancellation_fee: "25.00".into(), ..cancelled };
        assert_eq!(BookingCancellation::new(&charged, &guest).unwrap().fee.as_deref(), Some("€25.00"));
        let no_show = BookingCancelled { reason: Some("no_show".into()), ..charged };
        let said = BookingCancellation::new(&no_show, &Guest { name: "Ada", language: Language::De }).unwrap();
        assert_eq!(said.reason.as_deref(), Some("Sie sind am Anreisetag nicht angereist"), "in words, not the code");
    }
}
