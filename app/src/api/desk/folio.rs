//! The folio at the desk: read it, post charges and allowances, take or give back money (the
//! check-out that settles it is `check_out_booking`). Each function checks the role and calls one desk use case; every
//! money-moving form carries its idempotency key.
use crate::dto::desk_folio::FolioView;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "desk/folio")]
pub async fn desk_folio(id: String) -> Result<FolioView, AppError> {
    super::access::require_desk().await?;
    let state = crate::state::state()?;
    server::folio_view(&state, server::booking(&id)?).await
}

/// Posts `quantity` of one of the hotel's extras.
#[server(endpoint = "desk/post_extra")]
pub async fn desk_post_extra(id: String, extra: String, quantity: String, key: String) -> Result<String, AppError> {
    let user = super::access::require_desk().await?;
    let state = crate::state::state()?;
    let extra = extra.parse().map_err(|_| AppError::field("extra", "choose an extra from the list"))?;
    let quantity = quantity
        .trim()
        .parse()
        .ok()
        .and_then(payments::billing::Quantity::new)
        .ok_or_else(|| AppError::field("quantity", "a quantity from 1 to 99"))?;
    let posted = state.desk.post_extra(server::booking(&id)?, extra, quantity, user.user_id, server::key(&key)?).await.map_err(server::folio_error)?;
    Ok(posted.charge.description)
}

/// Posts a charge the list does not have, or with `allowance` an amount off for a reason: the
/// words, the gross amount and its VAT rate.
#[server(endpoint = "desk/post_charge")]
pub async fn desk_post_charge(
    id: String,
    text: String,
    amount: String,
    vat: String,
    key: String,
    #[server(default)] allowance: bool,
) -> Result<String, AppError> {
    let user = super::access::require_desk().await?;
    let state = crate::state::state()?;
    let missing = match allowance {
        true => "give the reason for the allowance (at most 200 characters)",
        false => "say what the charge is for (at most 200 characters)",
    };
    let text = payments::billing::ChargeText::parse(&text).ok_or_else(|| AppError::field("text", missing))?;
    let (id, amount, vat, key) = (server::booking(&id)?, server::amount(&amount)?, server::vat(&vat)?, server::key(&key)?);
    let posted = match allowance {
        true => state.desk.post_allowance(id, &text, amount, vat, user.user_id, key).await,
        false => state.desk.post_charge(id, &text, amount, vat, user.user_id, key).await,
    }
    .map_err(server::folio_error)?;
    Ok(posted.charge.description)
}

/// Takes a payment: `tender` is `card_on_file`, `card` (with the card's fields) or `cash`.
#[server(endpoint = "desk/take_payment")]
#[allow(clippy::too_many_arguments)]
pub async fn desk_take_payment(
    id: String,
    amount: String,
    tender: String,
    key: String,
    #[server(default)] card_number: String,
    #[server(default)] card_month: String,
    #[server(default)] card_year: String,
    #[server(default)] card_cvc: String,
) -> Result<(), AppError> {
    let user = super::access::require_desk().await?;
    let state = crate::state::state()?;
    let amount = server::amount(&amount)?;
    let card = match tender.as_str() {
        "card" => Some(
            payments::CardDetails::parse(&card_number, &card_month, &card_year, &card_cvc, state.bookings.today())
                .map_err(|e| AppError::field("card_number", e.to_string()))?,
        ),
        _ => None,
    };
    let tender = server::tender(&tender, card.as_ref())?;
    state.desk.take_payment(server::booking(&id)?, amount, tender, user.user_id, server::key(&key)?).await.map_err(server::folio_error)
}

/// Gives money back: `tender` is `card` (to the card it came from) or `cash`.
#[server(endpoint = "desk/refund")]
pub async fn desk_refund(id: String, amount: String, tender: String, key: String) -> Result<(), AppError> {
    let user = super::access::require_desk().await?;
    let state = crate::state::state()?;
    let amount = server::amount(&amount)?;
    let tender = match tender.as_str() {
        "cash" => desk::Tender::Cash,
        "card" => desk::Tender::CardOnFile,
        _ => return Err(AppError::field("tender", "choose card or cash")),
    };
    state.desk.refund(server::booking(&id)?, amount, tender, user.user_id, server::key(&key)?).await.map_err(server::folio_error)
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    pub use super::super::folio_view::folio_view;
    use crate::dto::desk_folio::InvoiceLinkView;
    use crate::error::AppError;
    use kernel::{BookingId, Money};
    use payments::billing::{Invoice, VatRate};

    pub fn booking(id: &str) -> Result<BookingId, AppError> {
        id.trim().parse().map_err(|_| AppError::NotFound("booking not found".into()))
    }

    pub fn key(key: &str) -> Result<uuid::Uuid, AppError> {
        key.parse().map_err(|_| AppError::Invalid("the form has expired; reload the page".into()))
    }

    pub fn amount(s: &str) -> Result<Money, AppError> {
        Money::parse_entered(s, kernel::hotel::HOTEL.currency)
            .ok_or_else(|| AppError::field("amount", format!("an amount in {} such as 18.50", kernel::hotel::HOTEL.currency.code())))
    }

    pub fn vat(s: &str) -> Result<VatRate, AppError> {
        s.trim()
            .parse()
            .ok()
            .and_then(VatRate::from_bp)
            .filter(|r| VatRate::OFFERED.contains(r))
            .ok_or_else(|| AppError::field("vat", "choose a VAT rate from the list"))
    }

    pub fn tender<'a>(tender: &str, card: Option<&'a payments::CardDetails>) -> Result<desk::Tender<'a>, AppError> {
        match (tender, card) {
            ("cash", _) => Ok(desk::Tender::Cash),
            ("card_on_file", _) => Ok(desk::Tender::CardOnFile),
            ("card", Some(card)) => Ok(desk::Tender::Card(card)),
            _ => Err(AppError::field("tender", "choose how the guest pays")),
        }
    }

    pub fn invoice_link(i: &Invoice) -> InvoiceLinkView {
        InvoiceLinkView { number: i.number.clone(), href: format!("/invoices/{}/pdf", i.id) }
    }

    pub fn folio_error(e: desk::FolioError) -> AppError {
        match e {
            desk::FolioError::Refused(message) => AppError::Conflict(message),
            desk::FolioError::Booking(e) => crate::api::bookings::server::app_error(e),
            desk::FolioError::Payment(e) => crate::api::checkout::server::payment_error(e),
            desk::FolioError::Billing(payments::billing::BillingError::AllowanceTooLarge(most)) => {
                AppError::field("amount", format!("an allowance can be at most the {most} charged"))
            }
            desk::FolioError::Billing(e) => crate::api::checkout::server::billing_error(e),
            desk::FolioError::Unexpected(e) => crate::state::internal(e),
        }
    }
}
