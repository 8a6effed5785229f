//! What can be sold for a stay: per room type, rooms that fit the party, minus rooms held by an
//! overlapping live booking, minus rooms out of order or out of service.
use crate::{pricing, store, BookingError, BookingsService, Quote};
use kernel::{Party, Stay};
use rooms::RoomType;

#[derive(Debug, Clone)]
pub struct Availability {
    pub room_type: RoomType,
    pub rooms_free: usize,
    pub quote: Quote,
}

impl BookingsService {
    /// Room types that fit `party` and have at least one free room for every night of `stay`,
    /// cheapest first. One query on live stays, over the rooms service's inventory snapshot.
    #[tracing::instrument(skip(self))]
    pub async fn availability(&self, stay: &Stay, party: &Party) -> Result<Vec<Availability>, BookingError> {
        let inventory = self.rooms().inventory().await?;
        let mut conn = self.pool().acquire().await?;
        let taken = store::rooms_taken_any(&mut conn, stay).await?;
        let mut result: Vec<Availability> = inventory
            .room_types
            .iter()
            .filter(|t| t.fits(party))
            .filter_map(|t| {
                let free = inventory.sellable.get(&t.code)?.iter().filter(|r| !taken.contains(&r.id.as_uuid())).count();
                (free > 0).then(|| Availability { quote: pricing::quote(t, stay, party), rooms_free: free, room_type: t.clone() })
            })
            .collect();
        result.sort_by_key(|a| a.quote.total.minor());
        Ok(result)
    }
}
