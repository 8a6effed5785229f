use crate::dto::AvailabilityView;
use crate::error::AppError;
use leptos::prelude::*;

/// Room types free for a stay and party, with the price of the whole stay. Public.
#[server(endpoint = "search")]
pub async fn search(check_in: String, check_out: String, adults: u8, children: u8) -> Result<Vec<AvailabilityView>, AppError> {
    use kernel::{Party, Stay};
    let bookings = crate::state::state()?.bookings;
    let stay = Stay::parse(&check_in, &check_out, bookings.today()).map_err(|e| AppError::Invalid(e.to_string()))?;
    let party = Party::new(adults, children).map_err(|e| AppError::Invalid(e.to_string()))?;
    let found = bookings.availability(&stay, &party).await.map_err(crate::state::internal)?;
    Ok(found
        .into_iter()
        .map(|a| AvailabilityView {
            code: a.room_type.code.to_string(),
            name: a.room_type.name.clone(),
            description: a.room_type.description.clone(),
            nights: stay.nights(),
            nightly: a.room_type.base_price,
            total: a.quote.total,
            rooms_free: a.rooms_free,
        })
        .collect())
}
