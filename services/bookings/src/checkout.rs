//! The guest checkout, one use case for every door (the booking page, the front desk, the REST
//! API): price the stay, hold the money, book the room, then take the money.
//!
//! The order is the one card processors recommend for goods that can sell out (Stripe's "place a
//! hold, fulfil, capture"): a hold that is voided costs the guest nothing and never shows as a
//! charge, while a capture that must be refunded takes days to reach their statement and costs
//! the hotel fees. So nothing is captured until the room is the guest's, and a checkout that
//! loses the room to a racer is abandoned (so no retry of it can ever book) and its money given
//! back in full, recorded in payments until the gateway confirms.
use crate::{booking_id_for, Abandon, BookRequest, Booking, BookingError, BookingsService, ModifyRequest, Offer};
use payments::{AuthoriseRequest, CardDetails, MoneyChange, PaymentError, PaymentsService};

#[derive(Debug, thiserror::Error)]
pub enum CheckoutError {
    #[error(transparent)]
    Booking(#[from] BookingError),
    #[error(transparent)]
    Payment(#[from] PaymentError),
}

/// Books and pays for `req` with `card`. A retried request (same guest and key) answers with
/// the booking it made, or as it ended; it never holds money twice.
pub async fn checkout(bookings: &BookingsService, payments: &PaymentsService, req: BookRequest, card: CardDetails) -> Result<Booking, CheckoutError> {
    checkout_by(bookings, payments, req, card, None).await
}

/// [`checkout`] by a member of staff, `by`, for the guest: the booking's history names `by` as
/// the one who booked it (see [`BookingsService::book_by`]).
#[tracing::instrument(skip_all, fields(room_type = %req.room_type, user = %req.user_id))]
pub async fn checkout_by(
    bookings: &BookingsService,
    payments: &PaymentsService,
    req: BookRequest,
    card: CardDetails,
    by: Option<kernel::UserId>,
) -> Result<Booking, CheckoutError> {
    let id = booking_id_for(req.user_id, req.idempotency_key);
    if let Ok(done) = bookings.find_for_user(id, req.user_id).await {
        return Ok(done);
    }
    bookings.room_type(&req.room_type).await?;
    let found = bookings.availability(&req.stay, &req.party, req.promo_code.as_deref()).await?;
    let offer = match found.into_iter().find(|a| a.room_type.code == req.room_type) {
        None => return Err(BookingError::NoLongerAvailable.into()),
        Some(a) => a.offer.map_err(BookingError::from)?,
    };
    let amount = offer.priced.total();
    let hold = AuthoriseRequest { booking_id: id, user_id: req.user_id, amount, card, idempotency_key: req.idempotency_key };
    payments.authorise(hold).await?;
    // A retry of a checkout whose room was lost replays its authorisation, whose hold is gone.
    if !payments.covers(id, amount).await? {
        return Err(BookingError::NoLongerAvailable.into());
    }
    let lost = match bookings.book_by(req.clone(), by).await {
        Ok(booking) => return Ok(captured(payments, booking, &req).await),
        Err(lost) => lost,
    };
    match bookings.abandon_checkout(req.user_id, req.idempotency_key).await? {
        Abandon::Booked(booking) => Ok(captured(payments, *booking, &req).await),
        Abandon::Abandoned => {
            if let Err(e) = payments.release(id, &format!("the checkout could not book: {lost}")).await {
                // Recorded in payments.releases: retried until the gateway confirms.
                tracing::error!(error = %e, booking = %id, "the hold of a checkout that lost its room is not released yet");
            }
            Err(lost.into())
        }
    }
}

/// The booking, with its money taken when the hotel captures at booking. A capture the gateway
/// refuses leaves the hold standing: it is captured at check-in or check-out at the latest.
async fn captured(payments: &PaymentsService, booking: Booking, req: &BookRequest) -> Booking {
    let key = uuid::Uuid::new_v5(&req.idempotency_key, b"capture");
    if let Err(e) = payments.capture_booked(booking.id, key).await {
        tracing::warn!(error = %e, booking = %booking.id, "capturing at booking failed; the hold stands");
    }
    booking
}

/// A change of a booking as the guest sees it before confirming: the new price and terms, and
/// what it does to their money.
#[derive(Debug, Clone)]
pub struct ChangePreview {
    pub before: Booking,
    pub offer: Offer,
    pub money: MoneyChange,
    pub card_last4: Option<String>,
}

/// Prices `req` and tells what it would move, changing nothing.
pub async fn preview_change(bookings: &BookingsService, payments: &PaymentsService, req: &ModifyRequest) -> Result<ChangePreview, CheckoutError> {
    let (before, offer) = bookings.preview_modify(req).await?;
    let (money, card_last4) = payments.preview_change(before.id, offer.priced.total()).await?;
    Ok(ChangePreview { before, offer, money, card_last4 })
}
