//! What can be sold for a stay: per room type, rooms that fit the party, minus rooms held by an
//! overlapping live booking, minus rooms out of order or out of service; each priced, or refused
//! by the restriction that forbids the stay.
use crate::{store, BookingError, BookingsService, Offer, Refusal};
use kernel::{Party, Stay};
use rooms::RoomType;

#[derive(Debug, Clone)]
pub struct Availability {
    pub room_type: RoomType,
    pub rooms_free: usize,
    /// The price and terms, or the restriction that refuses these dates.
    pub offer: Result<Offer, Refusal>,
}

impl BookingsService {
    /// Room types that fit `party` and have a free room for every night of `stay`: bookable
    /// ones cheapest first, then those a restriction refuses. One query on live stays, over
    /// short-lived snapshots of the inventory and the rates. An unknown or inapplicable promo
    /// code refuses the whole search.
    #[tracing::instrument(skip(self))]
    pub async fn availability(
        &self,
        stay: &Stay,
        party: &Party,
        promo: Option<&str>,
    ) -> Result<Vec<Availability>, BookingError> {
        let promo = self.promo(promo).await?;
        let (inventory, rates) = futures::try_join!(
            async { self.rooms().inventory().await.map_err(BookingError::from) },
            self.rates()
        )?;
        let mut conn = self.pool().acquire().await?;
        let taken = store::rooms_taken_any(&mut conn, stay).await?;
        drop(conn);
        let mut result = Vec::new();
        for t in inventory.room_types.iter().filter(|t| t.fits(party)) {
            let free = inventory.sellable.get(&t.code).map_or(0, |rooms| {
                rooms.iter().filter(|r| !taken.contains(&r.id.as_uuid())).count()
            });
            if free == 0 {
                continue;
            }
            let offer = match self.offer(t, rates.of(&t.code), stay, party, promo.as_ref()) {
                Ok(offer) => Ok(offer),
                Err(BookingError::Restricted(refusal)) => Err(refusal),
                Err(e) => return Err(e),
            };
            result.push(Availability { room_type: t.clone(), rooms_free: free, offer });
        }
        result.sort_by_key(|a| match &a.offer {
            Ok(o) => (0, o.priced.total().minor()),
            Err(_) => (1, a.room_type.base_price.minor()),
        });
        Ok(result)
    }
}
