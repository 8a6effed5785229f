//! Arrivals and departures: the front desk checks guests in and out, each change published so
//! rooms (occupancy, housekeeping) and payments (capture policy) can follow.
use crate::lifecycle::Action;
use crate::{store, Booking, BookingError, BookingsService};
use chrono::{DateTime, Utc};
use kernel::events::{BookingCheckedIn, BookingCheckedOut, Envelope, Event};
use kernel::{BookingId, UserId};

/// Why the desk cannot do this today.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeskRefusal {
    #[error("this guest arrives on {0}: check-in opens that day")]
    TooEarly(chrono::NaiveDate),
    #[error("this stay ended on {0}: mark it as a no-show instead")]
    StayOver(chrono::NaiveDate),
}

impl BookingsService {
    /// Checks a guest in, from their arrival day until the last night of the stay.
    #[tracing::instrument(skip(self), fields(booking = %id, by = %by))]
    pub async fn check_in(&self, id: BookingId, by: UserId) -> Result<Booking, BookingError> {
        let today = self.today();
        let opens = |b: &Booking| {
            if today < b.stay.check_in() {
                Err(DeskRefusal::TooEarly(b.stay.check_in()))
            } else if today >= b.stay.check_out() {
                Err(DeskRefusal::StayOver(b.stay.check_out()))
            } else {
                Ok(())
            }
        };
        self.at_the_desk(id, Action::CheckIn, opens, |b, now| BookingCheckedIn {
            booking_id: b.id,
            user_id: b.user_id,
            room_id: b.room_id,
            room_number: b.room_number.clone(),
            check_in: b.stay.check_in(),
            check_out: b.stay.check_out(),
            by,
            timestamp: now,
        })
        .await
    }

    /// Checks a guest out, on any day of an in-house stay (an early departure too).
    #[tracing::instrument(skip(self), fields(booking = %id, by = %by))]
    pub async fn check_out(&self, id: BookingId, by: UserId) -> Result<Booking, BookingError> {
        self.at_the_desk(id, Action::CheckOut, |_| Ok(()), |b, now| BookingCheckedOut {
            booking_id: b.id,
            user_id: b.user_id,
            room_id: b.room_id,
            room_number: b.room_number.clone(),
            check_in: b.stay.check_in(),
            check_out: b.stay.check_out(),
            by,
            timestamp: now,
        })
        .await
    }

    /// The lifecycle's step, the desk's own rule, the status and its event in one transaction.
    async fn at_the_desk<E: Event>(
        &self,
        id: BookingId,
        action: Action,
        allowed_today: impl FnOnce(&Booking) -> Result<(), DeskRefusal>,
        event: impl FnOnce(&Booking, DateTime<Utc>) -> E,
    ) -> Result<Booking, BookingError> {
        let mut tx = self.pool().begin().await?;
        let mut b = store::find_for_update(&mut tx, id).await?.ok_or(BookingError::NotFound)?;
        b.status = b.status.transition(action)?;
        allowed_today(&b)?;
        store::set_status(&mut tx, id, b.status, None).await?;
        let now = Utc::now();
        eventbus::enqueue(&mut tx, store::OUTBOX, &Envelope::new(event(&b, now), now)).await?;
        tx.commit().await?;
        Ok(b)
    }
}

/// The lines of a priced stay as events carry them to the folio.
pub(crate) fn charge_lines(b: &Booking) -> Vec<kernel::events::ChargeLine> {
    use crate::StayLineKind::*;
    let Some(price) = &b.price else { return Vec::new() };
    let nights = price.nights().iter().map(|n| kernel::events::ChargeLine {
        kind: "room_night".into(),
        date: Some(n.date),
        description: n.rules.join(" · "),
        amount: n.amount.to_decimal_string(),
    });
    let stay = price.stay_lines().iter().map(|l| kernel::events::ChargeLine {
        kind: match l.kind {
            LengthOfStay => "length_of_stay",
            Promo => "promo",
            Vat => "vat",
            CityTax => "city_tax",
        }
        .into(),
        date: None,
        description: l.label.clone(),
        amount: l.amount.to_decimal_string(),
    });
    nights.chain(stay).collect()
}
