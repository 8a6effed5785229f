//! Quoting: what a stay of one room type costs a party, night by night, and on what terms it
//! can be cancelled, or which restriction refuses it.
use crate::rates::{self, Rates, RoomTypeRates};
use crate::{check_restrictions, price, BookingError, BookingsService, CancellationTerms, PricedStay, PromoCode};
use anyhow::Context;
use kernel::{Party, RoomTypeCode, Stay};
use rooms::{Inventory, RoomType};
use std::sync::Arc;
use std::time::Instant;

/// A priced stay and the cancellation terms that would come with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub priced: PricedStay,
    pub terms: CancellationTerms,
}

impl BookingsService {
    /// What `stay` in `code` costs `party`, with `promo` if given.
    #[tracing::instrument(skip(self))]
    pub async fn quote(
        &self,
        code: &RoomTypeCode,
        stay: &Stay,
        party: &Party,
        promo: Option<&str>,
    ) -> Result<Offer, BookingError> {
        let room_type = self.room_type(code).await?;
        fits(&room_type, party)?;
        let promo = self.promo(promo).await?;
        let rates = self.rates().await?;
        self.offer(&room_type, rates.of(code), stay, party, promo.as_ref())
    }

    /// Restrictions first (a refused stay has no price), then the price, then the terms.
    pub(crate) fn offer(
        &self,
        room_type: &RoomType,
        rates: &RoomTypeRates,
        stay: &Stay,
        party: &Party,
        promo: Option<&PromoCode>,
    ) -> Result<Offer, BookingError> {
        check_restrictions(rates.restrictions(), stay, self.today())?;
        let plan = rates
            .plan(room_type.base_price)
            .with_context(|| format!("the stored rate plan of {} is invalid", room_type.code))?;
        let priced = price(&plan, stay, party, promo)?;
        let terms = rates.cancellation().terms(&priced, &self.clock(), stay.check_in());
        Ok(Offer { priced, terms })
    }

    /// The room type from the rooms service's short-lived snapshot.
    pub(crate) async fn room_type(&self, code: &RoomTypeCode) -> Result<RoomType, BookingError> {
        let inventory = self.rooms().inventory().await?;
        self.room_type_in(&inventory, code).await
    }

    /// The room type from a snapshot already in hand; one added since is asked of the service.
    pub(crate) async fn room_type_in(&self, inventory: &Inventory, code: &RoomTypeCode) -> Result<RoomType, BookingError> {
        match inventory.room_types.iter().find(|t| &t.code == code) {
            Some(t) => Ok(t.clone()),
            None => Ok(self.rooms().room_type(code).await?),
        }
    }

    /// Every room type's rules, as of at most two seconds ago.
    pub(crate) async fn rates(&self) -> Result<Arc<Rates>, BookingError> {
        if let Some(rates) = self.rates_cache().fresh() {
            return Ok(rates);
        }
        let _reload = self.rates_cache().reloading.lock().await;
        if let Some(rates) = self.rates_cache().fresh() {
            return Ok(rates);
        }
        let loaded_at = Instant::now();
        let mut conn = self.pool().acquire().await?;
        let rates = rates::load(&mut conn).await?;
        self.set_clock(rates::clock(&mut conn).await?);
        Ok(self.rates_cache().store(loaded_at, rates))
    }

    pub(crate) fn rates_changed(&self) {
        self.rates_cache().invalidate();
    }

    /// The promo code the guest typed; a code that does not exist is refused by name.
    pub(crate) async fn promo(&self, typed: Option<&str>) -> Result<Option<PromoCode>, BookingError> {
        let Some(typed) = typed.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
        let mut conn = self.pool().acquire().await?;
        match rates::promo(&mut conn, typed).await? {
            Some(code) => Ok(Some(code)),
            None => Err(BookingError::UnknownPromo(typed.to_uppercase())),
        }
    }
}

pub(crate) fn fits(room_type: &RoomType, party: &Party) -> Result<(), BookingError> {
    if room_type.fits(party) {
        Ok(())
    } else {
        Err(BookingError::PartyDoesNotFit { max_adults: room_type.max_adults, max_children: room_type.max_children })
    }
}
