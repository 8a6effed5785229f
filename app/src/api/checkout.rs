//! Booking with payment: the card is authorised for the quoted stay before the room is taken,
//! and the hold is released if the room went meanwhile. The booking's id comes from the guest
//! and the form's key, so a retried submit finds the booking (or the payment) it already made.
use crate::error::AppError;
use leptos::prelude::*;

/// Books and pays. On success the browser is sent to the booking's page.
#[server(endpoint = "book")]
#[allow(clippy::too_many_arguments)]
pub async fn book(
    room_type: String,
    check_in: String,
    check_out: String,
    adults: u8,
    children: u8,
    idempotency_key: String,
    #[server(default)] promo: String,
    card_number: String,
    card_month: String,
    card_year: String,
    card_cvc: String,
) -> Result<String, AppError> {
    use super::book_form::{self, CardFields, StayFields};
    use kernel::Role;
    let user = super::session::server::require(&[Role::Guest, Role::FrontDesk, Role::Manager, Role::Admin]).await?;
    let state = crate::state::state()?;
    let today = state.bookings.today();
    let stay = StayFields { room_type: &room_type, check_in: &check_in, check_out: &check_out, adults, children, idempotency_key: &idempotency_key, promo: &promo };
    let request = book_form::request(user.user_id, stay, today).map_err(book_form::unfielded)?;
    let card = CardFields { number: &card_number, month: &card_month, year: &card_year, cvc: &card_cvc };
    let card = book_form::card(card, today).map_err(book_form::unfielded)?;
    let booking = bookings::checkout::checkout(&state.bookings, &state.payments, request, card)
        .await
        .map_err(server::checkout_error)?;
    let id = booking.id.to_string();
    leptos_axum::redirect(&format!("/bookings/{id}"));
    Ok(id)
}

/// Issues (or finds) the invoice of a booking and answers where to download it.
#[server(endpoint = "request_invoice")]
pub async fn request_invoice(id: String) -> Result<String, AppError> {
    let user = super::session::server::require(&kernel::Role::ALL).await?;
    let state = crate::state::state()?;
    let id = id.parse().map_err(|_| AppError::NotFound("booking not found".into()))?;
    let b = match user.role.manages_bookings() {
        true => state.bookings.find(id).await,
        false => state.bookings.find_for_user(id, user.user_id).await,
    }
    .map_err(super::bookings::server::app_error)?;
    let invoice = state.billing.invoice(b.id, user.user_id).await.map_err(server::billing_error)?;
    Ok(format!("/invoices/{}/pdf", invoice.id))
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::api::bookings::server::app_error;
    use crate::dto::{BookingView, DocumentView, PaymentView};
    use crate::error::AppError;
    use crate::state::AppState;
    use bookings::checkout::CheckoutError;
    use payments::billing::BillingError;
    use payments::{PaymentError, PaymentKind};

    pub fn checkout_error(e: CheckoutError) -> AppError {
        match e {
            CheckoutError::Booking(e) => app_error(e),
            CheckoutError::Payment(e) => payment_error(e),
        }
    }

    pub fn payment_error(e: PaymentError) -> AppError {
        match e {
            PaymentError::Declined
            | PaymentError::InsufficientFunds
            | PaymentError::KeyReused
            | PaymentError::NotPositive
            | PaymentError::WrongCurrency { .. } => AppError::Invalid(e.to_string()),
            PaymentError::Unexpected(e) => crate::state::internal(e),
            other => AppError::Conflict(other.to_string()),
        }
    }

    pub fn billing_error(e: BillingError) -> AppError {
        match e {
            BillingError::InvoiceNotFound | BillingError::CreditNoteNotFound => AppError::NotFound(e.to_string()),
            BillingError::NoFolio => AppError::Conflict("the bill is still being prepared; please try again in a moment".into()),
            BillingError::InvalidExtra { field, message } => AppError::field(field, message),
            BillingError::Unexpected(e) => crate::state::internal(e),
            other => AppError::Conflict(other.to_string()),
        }
    }

    /// The payments and documents of a booking, for its page.
    pub async fn add_money(state: &AppState, view: &mut BookingView, id: kernel::BookingId) -> Result<(), AppError> {
        let zone = state.bookings.clock().time_zone;
        let moved = state.payments.for_booking(id).await.map_err(payment_error)?;
        view.payments = moved
            .iter()
            .filter(|p| p.succeeded())
            .map(|p| {
                let card = p.card_last4.as_deref().map(|l| format!(" •••• {l}")).unwrap_or_default();
                let label = match p.kind {
                    PaymentKind::Authorisation => format!("Held on card{card}"),
                    PaymentKind::Capture => format!("Paid by card{card}"),
                    PaymentKind::Refund => format!("Refunded to card{card}"),
                    PaymentKind::Void => format!("Hold released on card{card}"),
                };
                PaymentView { label, amount: p.amount, at: p.created_at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string() }
            })
            .collect();
        let invoices = state.billing.invoices_for_booking(id).await.map_err(billing_error)?;
        let notes = state.billing.credit_notes_for_booking(id).await.map_err(billing_error)?;
        view.documents = invoices
            .iter()
            .map(|i| DocumentView { title: format!("Invoice {}", i.number), url: format!("/invoices/{}/pdf", i.id) })
            .chain(notes.iter().map(|n| DocumentView {
                title: format!("Credit note {}", n.number),
                url: format!("/credit-notes/{}/pdf", n.id),
            }))
            .collect();
        Ok(())
    }
}
