use crate::dto::AvailabilityView;
use crate::error::AppError;
use leptos::prelude::*;

/// Room types free for a stay and party, with the price of the whole stay or the rule that
/// refuses it. Public.
#[server(endpoint = "search")]
pub async fn search(
    check_in: String,
    check_out: String,
    adults: u8,
    children: u8,
    #[server(default)] promo: String,
) -> Result<Vec<AvailabilityView>, AppError> {
    use kernel::{Party, Stay};
    let bookings = crate::state::state()?.bookings;
    let stay = Stay::parse(&check_in, &check_out, bookings.today()).map_err(|e| AppError::Invalid(e.to_string()))?;
    let party = Party::new(adults, children).map_err(|e| AppError::Invalid(e.to_string()))?;
    let found = bookings.availability(&stay, &party, Some(&promo)).await.map_err(super::bookings::server::app_error)?;
    Ok(found
        .into_iter()
        .map(|a| AvailabilityView {
            code: a.room_type.code.to_string(),
            name: a.room_type.name.clone(),
            description: a.room_type.description.clone(),
            nights: stay.nights(),
            nightly: a.room_type.base_price,
            total: a.offer.as_ref().ok().map(|o| o.priced.total()),
            refusal: a.offer.as_ref().err().map(|r| r.to_string()),
            rooms_free: a.rooms_free,
        })
        .collect())
}
