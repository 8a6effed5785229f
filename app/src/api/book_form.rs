//! The booking form as the guest site's room page and the desk's walk-in page both send it: the
//! stay's fields and the card's, parsed in one place. Each refusal names the field it is about;
//! a form that shows its refusal above the fields instead makes it [`unfielded`].
use crate::error::AppError;
use chrono::NaiveDate;
use kernel::{Party, RoomTypeCode, Stay, UserId};

/// The stay's fields as the form sent them.
pub struct StayFields<'a> {
    pub room_type: &'a str,
    pub check_in: &'a str,
    pub check_out: &'a str,
    pub adults: u8,
    pub children: u8,
    pub idempotency_key: &'a str,
    pub promo: &'a str,
}

/// The card's fields as the form sent them.
pub struct CardFields<'a> {
    pub number: &'a str,
    pub month: &'a str,
    pub year: &'a str,
    pub cvc: &'a str,
}

/// The request to book the stay of `form` for `user_id`; its dates are checked against the
/// hotel's `today`. A blank promo code is no code.
pub fn request(
    user_id: UserId,
    form: StayFields<'_>,
    today: NaiveDate,
) -> Result<bookings::BookRequest, AppError> {
    Ok(bookings::BookRequest {
        user_id,
        room_type: RoomTypeCode::parse(form.room_type).map_err(beside("room_type"))?,
        stay: Stay::parse(form.check_in, form.check_out, today).map_err(beside("check_in"))?,
        party: Party::new(form.adults, form.children).map_err(beside("adults"))?,
        idempotency_key: super::desk::folio::server::key(form.idempotency_key)?,
        promo_code: Some(form.promo.to_owned()).filter(|p| !p.trim().is_empty()),
    })
}

/// The card of `form`; one that has expired by the hotel's `today` is refused.
pub fn card(form: CardFields<'_>, today: NaiveDate) -> Result<payments::CardDetails, AppError> {
    payments::CardDetails::parse(form.number, form.month, form.year, form.cvc, today)
        .map_err(beside("card_number"))
}

/// The refusal of a form that shows it above its fields rather than beside one.
pub fn unfielded(e: AppError) -> AppError {
    match e {
        AppError::InvalidField { message, .. } => AppError::Invalid(message),
        other => other,
    }
}

/// A parse error as the message beside the form field `field`.
fn beside<E: std::fmt::Display>(field: &'static str) -> impl FnOnce(E) -> AppError {
    move |e| AppError::field(field, e.to_string())
}
