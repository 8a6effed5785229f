//! Changing a booking: new dates, party or room type, re-priced and re-checked in one
//! transaction; and staff moving a stay to another room.
use crate::audit::{self, AuditAction};
use crate::lifecycle::Action;
use crate::offer::fits;
use crate::store::{self, InsertError};
use crate::{Booking, BookingError, BookingsService, ModifyRequest};
use chrono::Utc;
use kernel::events::{BookingModified, Envelope};
use kernel::{BookingId, RoomId, UserId};
use sqlx::Connection;

impl BookingsService {
    /// Changes the stay, party or room type of a booking. The booking is locked while the new
    /// stay is checked against the restrictions, re-priced (with its promo code, if it had one)
    /// and given a room: its own room when it is still free, else the first free room of the
    /// type. Either everything changes, with a `booking.modified` event, or nothing does.
    #[tracing::instrument(skip(self, req), fields(booking = %req.booking_id, by = %req.by))]
    pub async fn modify(&self, req: ModifyRequest) -> Result<Booking, BookingError> {
        let inventory = self.rooms().inventory().await?;
        let room_type = self.room_type_in(&inventory, &req.room_type).await?;
        fits(&room_type, &req.party)?;
        let rates = self.rates().await?;
        let mut tx = self.pool().begin().await?;
        let before = store::find_for_update(&mut tx, req.booking_id)
            .await?
            .filter(|b| req.is_staff || b.user_id == req.by)
            .ok_or(BookingError::NotFound)?;
        before.status.transition(Action::Modify)?;
        if (&before.room_type, before.stay, before.party) == (&req.room_type, req.stay, req.party) {
            return Ok(before);
        }
        let promo = self.promo(before.promo_code.as_deref()).await?;
        let offer = self.offer(&room_type, rates.of(&req.room_type), &req.stay, &req.party, promo.as_ref())?;
        let mut candidates: Vec<&rooms::Room> = inventory.sellable.get(&req.room_type).map(|r| r.iter().collect()).unwrap_or_default();
        candidates.sort_by_key(|r| r.id != before.room_id);
        let ids: Vec<uuid::Uuid> = candidates.iter().map(|r| r.id.as_uuid()).collect();
        store::lock_room_type(&mut tx, &req.room_type).await?;
        for _ in 0..=ids.len() {
            let Some(room_id) = store::first_free(&mut tx, &ids, &req.stay, before.id).await? else { break };
            let room = candidates.iter().find(|r| r.id.as_uuid() == room_id).expect("a candidate");
            let after = Booking {
                room_id: room.id,
                room_number: room.number.clone(),
                room_type: req.room_type.clone(),
                stay: req.stay,
                party: req.party,
                total: offer.priced.total(),
                price: Some(offer.priced.clone()),
                terms: offer.terms.stricter(&before.terms, offer.priced.total()),
                ..before.clone()
            };
            let mut attempt = tx.begin().await?;
            match store::update(&mut attempt, &after).await {
                Ok(()) => attempt.commit().await?,
                Err(InsertError::RoomTaken) => {
                    attempt.rollback().await?;
                    continue;
                }
                Err(InsertError::DuplicateKey) => return Err(anyhow::anyhow!("an update changed no key").into()),
                Err(InsertError::Other(e)) => return Err(e.into()),
            }
            let entry = audit::Entry {
                booking_id: before.id,
                actor: req.by,
                action: AuditAction::Modify,
                before: Some(&before),
                after: Some(&after),
                reason: None,
            };
            audit::record(&mut tx, entry).await?;
            enqueue_modified(&mut tx, &before, &after, "modified", req.by).await?;
            tx.commit().await?;
            return Ok(after);
        }
        Err(BookingError::NoLongerAvailable)
    }

    /// What `req` would make of the booking, without changing it: the booking as it is, and
    /// the new price with the terms the change would keep (the stricter of old and new).
    pub async fn preview_modify(&self, req: &ModifyRequest) -> Result<(Booking, crate::Offer), BookingError> {
        let room_type = self.room_type(&req.room_type).await?;
        fits(&room_type, &req.party)?;
        let mut conn = self.pool().acquire().await?;
        let before = store::find(&mut conn, req.booking_id)
            .await?
            .filter(|b| req.is_staff || b.user_id == req.by)
            .ok_or(BookingError::NotFound)?;
        drop(conn);
        before.status.transition(Action::Modify)?;
        let promo = self.promo(before.promo_code.as_deref()).await?;
        let rates = self.rates().await?;
        let mut offer = self.offer(&room_type, rates.of(&req.room_type), &req.stay, &req.party, promo.as_ref())?;
        offer.terms = offer.terms.stricter(&before.terms, offer.priced.total());
        Ok((before, offer))
    }

    /// Moves a stay to room `number`, at the price it was sold at: the room must be sellable,
    /// of a type that fits the party, and free for every night of the stay. Staff only.
    #[tracing::instrument(skip(self), fields(booking = %id, by = %by))]
    pub async fn move_room(&self, id: BookingId, number: &str, by: UserId) -> Result<Booking, BookingError> {
        let inventory = self.rooms().inventory().await?;
        let unsuitable = |why| BookingError::RoomUnsuitable { room: number.to_owned(), why };
        let room = inventory
            .sellable
            .values()
            .flatten()
            .find(|r| r.number == number)
            .ok_or_else(|| unsuitable("it does not exist or is out of order"))?;
        let room_type = inventory.room_types.iter().find(|t| t.code == room.room_type).ok_or_else(|| unsuitable("it has no room type"))?;
        let mut tx = self.pool().begin().await?;
        let before = store::find_for_update(&mut tx, id).await?.ok_or(BookingError::NotFound)?;
        before.status.transition(Action::MoveRoom)?;
        if before.room_id == room.id {
            return Ok(before);
        }
        if !room_type.fits(&before.party) {
            return Err(unsuitable("it is too small for this party"));
        }
        let after = Booking { room_id: RoomId::from_uuid(room.id.as_uuid()), room_number: room.number.clone(), ..before.clone() };
        match store::update(&mut tx, &after).await {
            Ok(()) => {}
            Err(InsertError::RoomTaken) => return Err(unsuitable("it is booked on some of these nights")),
            Err(InsertError::DuplicateKey) => return Err(anyhow::anyhow!("an update changed no key").into()),
            Err(InsertError::Other(e)) => return Err(e.into()),
        }
        let entry = audit::Entry {
            booking_id: id,
            actor: by,
            action: AuditAction::MoveRoom,
            before: Some(&before),
            after: Some(&after),
            reason: None,
        };
        audit::record(&mut tx, entry).await?;
        enqueue_modified(&mut tx, &before, &after, "room_moved", by).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Which of `candidates` booking `b` could move to, in the order given: free on every night
    /// of its stay, since a move changes the room of the whole stay, nights slept included.
    #[tracing::instrument(skip(self, candidates), fields(booking = %b.id, candidates = candidates.len()))]
    pub async fn free_for_move(&self, b: &Booking, candidates: &[RoomId]) -> Result<Vec<RoomId>, BookingError> {
        let ids: Vec<uuid::Uuid> = candidates.iter().map(|r| r.as_uuid()).collect();
        let mut conn = self.pool().acquire().await?;
        let free = store::all_free(&mut conn, &ids, &b.stay, b.id).await?;
        Ok(free.into_iter().map(RoomId::from_uuid).collect())
    }
}

async fn enqueue_modified(
    tx: &mut sqlx::PgConnection,
    before: &Booking,
    after: &Booking,
    change: &str,
    by: UserId,
) -> Result<(), BookingError> {
    let now = Utc::now();
    let event = BookingModified {
        booking_id: after.id,
        user_id: after.user_id,
        change: change.to_owned(),
        changed_by: by,
        room_id: after.room_id,
        room_number: after.room_number.clone(),
        room_type: after.room_type.to_string(),
        check_in: after.stay.check_in(),
        check_out: after.stay.check_out(),
        adults: after.party.adults(),
        children: after.party.children(),
        total_amount: after.total.to_decimal_string(),
        currency: after.total.currency().code().to_owned(),
        previous_room_id: before.room_id,
        previous_check_in: before.stay.check_in(),
        previous_check_out: before.stay.check_out(),
        previous_total_amount: before.total.to_decimal_string(),
        status: Some(after.status.as_str().to_owned()),
        timestamp: now,
        version: store::version(tx, after.id).await?,
        lines: crate::front_desk::charge_lines(after),
    };
    eventbus::enqueue(tx, store::OUTBOX, &Envelope::new(event, now)).await?;
    Ok(())
}
