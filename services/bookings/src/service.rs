use crate::store::{self, InsertError};
use crate::{pricing, BookRequest, Booking, BookingError, BookingStatus};
use chrono::Utc;
use kernel::events::{BookingCreated, Envelope};
use kernel::{BookingId, UserId};
use rooms::{Room, RoomsService};
use sqlx::PgPool;

#[derive(Clone)]
pub struct BookingsService {
    pool: PgPool,
    rooms: RoomsService,
}

impl BookingsService {
    pub fn new(pool: PgPool, rooms: RoomsService) -> Self {
        Self { pool, rooms }
    }

    /// The hotel's today, against which stays in the past are refused. UTC until the hotel's
    /// time zone is configured.
    pub fn today(&self) -> chrono::NaiveDate {
        Utc::now().date_naive()
    }

    pub(crate) fn pool(&self) -> &PgPool {
        &self.pool
    }

    pub(crate) fn rooms(&self) -> &RoomsService {
        &self.rooms
    }

    /// Books a room of the requested type, holding a concrete room from the start. Rooms free at
    /// the time of the check are tried in order; the exclusion constraint settles every race, so
    /// a room lost to a concurrent booking only moves us on to the next one.
    #[tracing::instrument(skip(self, req), fields(room_type = %req.room_type, user = %req.user_id))]
    pub async fn book(&self, req: BookRequest) -> Result<Booking, BookingError> {
        let room_type = self.rooms.room_type(&req.room_type).await?;
        if !room_type.fits(&req.party) {
            return Err(BookingError::PartyDoesNotFit {
                max_adults: room_type.max_adults,
                max_children: room_type.max_children,
            });
        }
        let mut conn = self.pool.acquire().await?;
        if let Some(existing) = store::find_by_key(&mut conn, req.user_id, req.idempotency_key).await? {
            return Ok(existing);
        }
        let taken = store::rooms_taken(&mut conn, &req.room_type, &req.stay).await?;
        drop(conn);
        let quote = pricing::quote(&room_type, &req.stay, &req.party);
        let candidates = self.rooms.sellable_rooms(&req.room_type).await?;
        for room in candidates.iter().filter(|r| !taken.contains(&r.id.as_uuid())) {
            let booking = new_booking(&req, room, quote.total);
            match self.insert_with_event(&booking, req.idempotency_key).await? {
                Inserted::Yes => return Ok(booking),
                Inserted::RoomTaken => continue,
                Inserted::ByConcurrentRetry => {
                    let mut conn = self.pool.acquire().await?;
                    return store::find_by_key(&mut conn, req.user_id, req.idempotency_key)
                        .await?
                        .ok_or_else(|| anyhow::anyhow!("a concurrent retry's booking vanished").into());
                }
            }
        }
        Err(BookingError::NoLongerAvailable)
    }

    /// Writes the booking and its `booking.created` event in one transaction.
    async fn insert_with_event(&self, booking: &Booking, key: uuid::Uuid) -> Result<Inserted, BookingError> {
        let mut tx = self.pool.begin().await?;
        match store::insert(&mut tx, booking, key).await {
            Ok(()) => {}
            Err(InsertError::RoomTaken) => return Ok(Inserted::RoomTaken),
            Err(InsertError::DuplicateKey) => return Ok(Inserted::ByConcurrentRetry),
            Err(InsertError::Other(e)) => return Err(e.into()),
        }
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
        };
        eventbus::enqueue(&mut tx, store::OUTBOX, &Envelope::new(event, booking.created_at)).await?;
        tx.commit().await?;
        Ok(Inserted::Yes)
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
}

enum Inserted {
    Yes,
    /// The exclusion constraint refused: someone else holds this room on one of the nights.
    RoomTaken,
    /// A retry with the same idempotency key won the race; its booking is the answer.
    ByConcurrentRetry,
}

fn new_booking(req: &BookRequest, room: &Room, total: kernel::Money) -> Booking {
    Booking {
        id: BookingId::new(),
        user_id: req.user_id,
        room_id: room.id,
        room_number: room.number.clone(),
        room_type: req.room_type.clone(),
        stay: req.stay,
        party: req.party,
        total,
        status: BookingStatus::Confirmed,
        created_at: Utc::now(),
    }
}
