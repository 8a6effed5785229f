use crate::outcome::Decided;
use crate::rates::RatesCache;
use crate::store::{self, InsertError};
use crate::{BookRequest, Booking, BookingError, BookingStatus, HotelClock, Offer};
use chrono::{SubsecRound, Utc};
use kernel::events::{BookingCreated, Envelope};
use kernel::{BookingId, UserId};
use rooms::RoomsService;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;

/// How stale a search's or booking's view of the rates may be; changes made by other processes
/// show after at most this long.
const RATES_TTL: Duration = Duration::from_secs(2);

#[derive(Clone)]
pub struct BookingsService {
    pool: PgPool,
    rooms: RoomsService,
    /// Check-in and check-out times are a manager's to change: reloaded with the rates snapshot.
    clock: Arc<std::sync::RwLock<HotelClock>>,
    rates: Arc<RatesCache>,
}

impl BookingsService {
    /// Reads the hotel's clock from `bookings.hotel`; fails start-up if it is missing or invalid.
    pub async fn new(pool: PgPool, rooms: RoomsService) -> anyhow::Result<Self> {
        let clock = crate::rates::clock(&mut *pool.acquire().await?).await?;
        Ok(Self { pool, rooms, clock: Arc::new(std::sync::RwLock::new(clock)), rates: Arc::new(RatesCache::new(RATES_TTL)) })
    }

    /// The hotel's today, against which stays in the past are refused.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock().today_at(Utc::now())
    }

    /// The hotel's clock as of the latest rates snapshot.
    pub fn clock(&self) -> HotelClock {
        *self.clock.read().expect("clock lock")
    }

    pub(crate) fn set_clock(&self, clock: HotelClock) {
        *self.clock.write().expect("clock lock") = clock;
    }

    pub(crate) fn pool(&self) -> &PgPool {
        &self.pool
    }

    pub(crate) fn rooms(&self) -> &RoomsService {
        &self.rooms
    }

    pub(crate) fn rates_cache(&self) -> &RatesCache {
        &self.rates
    }

    /// Books a room of the requested type, holding a concrete room from the start. The first
    /// sellable room free for the stay is picked and inserted in one statement; the exclusion
    /// constraint settles every race, so a room lost to a concurrent booking only means picking
    /// again. A retried request (same idempotency key) answers with the first booking.
    #[tracing::instrument(skip(self, req), fields(room_type = %req.room_type, user = %req.user_id))]
    pub async fn book(&self, req: BookRequest) -> Result<Booking, BookingError> {
        self.book_by(req, None).await
    }

    /// [`Self::book`] for the guest by a member of staff, `by`, who is recorded in the booking's
    /// history as its maker in the booking's own transaction; `None` is the guest booking.
    #[tracing::instrument(skip(self, req), fields(room_type = %req.room_type, user = %req.user_id))]
    pub async fn book_by(&self, req: BookRequest, by: Option<UserId>) -> Result<Booking, BookingError> {
        let inventory = self.rooms.inventory().await?;
        let room_type = self.room_type_in(&inventory, &req.room_type).await?;
        crate::offer::fits(&room_type, &req.party)?;
        let promo = self.promo(req.promo_code.as_deref()).await?;
        let rates = self.rates().await?;
        let offer = self.offer(&room_type, rates.of(&req.room_type), &req.stay, &req.party, promo.as_ref())?;
        let mut candidates: Vec<_> = inventory
            .sellable
            .get(&req.room_type)
            .map(|rooms| rooms.iter().map(|r| (r.id.as_uuid(), r.number.clone())).collect())
            .unwrap_or_default();
        // Concurrent guests start from different rooms, so they rarely race for the same one.
        if !candidates.is_empty() {
            let start = (uuid::Uuid::new_v4().as_u128() % candidates.len() as u128) as usize;
            candidates.rotate_left(start);
        }
        let mut booking = new_booking(&req, offer, promo.map(|p| p.code().to_owned()));
        // Bookings of one room type take turns for the moment of choosing a room: racing
        // inserts on the exclusion constraint deadlock, and their victims can lose round after
        // round while rooms stay free. Only a staff move into the type can still take the room
        // chosen, and each such loss is a room gone, so the rounds are bounded by the rooms.
        for _ in 0..=candidates.len() {
            let mut tx = self.pool.begin().await?;
            store::lock_room_type(&mut tx, &req.room_type).await?;
            match crate::outcome::claim(&mut tx, req.user_id, req.idempotency_key, Decided::Booked).await? {
                None => {}
                Some(Decided::Booked) => break,
                // Its checkout lost the room and gave the money back: this key books nothing.
                Some(Decided::Abandoned) => return Err(BookingError::NoLongerAvailable),
            }
            match store::insert_into_free_room(&mut tx, &booking, &candidates, req.idempotency_key).await {
                Ok(Some((room_id, number))) => {
                    booking.room_id = kernel::RoomId::from_uuid(room_id);
                    booking.room_number = number;
                    enqueue_created(&mut tx, &booking).await?;
                    if let Some(actor) = by {
                        crate::audit::record(&mut tx, booked_at_desk(&booking, actor)).await?;
                    }
                    tx.commit().await?;
                    return Ok(booking);
                }
                Ok(None) => {
                    tracing::debug!("no candidate room is free");
                    break;
                }
                Err(InsertError::RoomTaken) => {
                    tracing::debug!("lost a room to a concurrent booking; trying again");
                    continue;
                }
                Err(InsertError::DuplicateKey) => break,
                Err(InsertError::Other(e)) => return Err(e.into()),
            }
        }
        // Full, or a retry: a booking made earlier with this key is the answer either way.
        let mut conn = self.pool.acquire().await?;
        match store::find_by_key(&mut conn, req.user_id, req.idempotency_key).await? {
            Some(existing) => Ok(existing),
            None => Err(BookingError::NoLongerAvailable),
        }
    }

    /// One page of the guest's bookings, latest arrival first.
    pub async fn for_user(&self, user: UserId, page: u32, per_page: u32) -> Result<Vec<Booking>, BookingError> {
        let mut conn = self.pool.acquire().await?;
        let per_page = per_page.clamp(1, 100) as i64;
        Ok(store::for_user(&mut conn, user, per_page, page as i64 * per_page).await?)
    }

    /// A booking as its guest sees it; someone else's booking is simply not found.
    pub async fn find_for_user(&self, id: BookingId, user: UserId) -> Result<Booking, BookingError> {
        let mut conn = self.pool.acquire().await?;
        store::find(&mut conn, id).await?.filter(|b| b.user_id == user).ok_or(BookingError::NotFound)
    }

    /// Any booking, for staff.
    pub async fn find(&self, id: BookingId) -> Result<Booking, BookingError> {
        let mut conn = self.pool.acquire().await?;
        store::find(&mut conn, id).await?.ok_or(BookingError::NotFound)
    }
}

async fn enqueue_created(tx: &mut sqlx::PgConnection, booking: &Booking) -> Result<(), BookingError> {
    let event = BookingCreated {
        booking_id: booking.id,
        user_id: booking.user_id,
        room_id: booking.room_id,
        room_number: booking.room_number.clone(),
        room_type: booking.room_type.to_string(),
        check_in: booking.stay.check_in(),
        check_out: booking.stay.check_out(),
        adults: booking.party.adults(),
        children: booking.party.children(),
        total_amount: booking.total.to_decimal_string(),
        currency: booking.total.currency().code().to_owned(),
        timestamp: booking.created_at,
        version: store::version(tx, booking.id).await?,
        lines: crate::front_desk::charge_lines(booking),
    };
    eventbus::enqueue(tx, store::OUTBOX, &Envelope::new(event, booking.created_at)).await?;
    Ok(())
}

fn new_booking(req: &BookRequest, offer: Offer, promo_code: Option<String>) -> Booking {
    Booking {
        id: crate::booking_id_for(req.user_id, req.idempotency_key),
        user_id: req.user_id,
        room_id: kernel::RoomId::new(),
        room_number: String::new(),
        room_type: req.room_type.clone(),
        stay: req.stay,
        party: req.party,
        total: offer.priced.total(),
        status: BookingStatus::Confirmed,
        // What PostgreSQL keeps, so a booking read back equals the one returned.
        created_at: Utc::now().trunc_subsecs(6),
        price: Some(offer.priced),
        promo_code,
        terms: offer.terms,
        cancellation_fee: None,
    }
}

fn booked_at_desk(booking: &Booking, actor: UserId) -> crate::audit::Entry<'_> {
    crate::audit::Entry {
        booking_id: booking.id,
        actor,
        action: crate::AuditAction::Book,
        before: None,
        after: Some(booking),
        reason: Some("Booked at the desk"),
    }
}
