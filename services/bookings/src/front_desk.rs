//! Arrivals and departures: the front desk checks guests in and out, each change published so
//! rooms (occupancy, housekeeping) and payments (capture policy) can follow.
use crate::audit::{self, AuditAction};
use crate::lifecycle::Action;
use crate::{store, Booking, BookingError, BookingsService};
use chrono::{DateTime, Days, NaiveDate, Utc};
use kernel::events::{BookingCheckedIn, BookingCheckedOut, Envelope, Event};
use kernel::{BookingId, Stay, UserId};

/// Why the desk cannot do this today.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeskRefusal {
    #[error("this guest arrives on {0}: check-in opens that day")]
    TooEarly(chrono::NaiveDate),
    #[error("this stay ended on {0}: mark it as a no-show instead")]
    StayOver(chrono::NaiveDate),
    #[error("this guest arrives on {0}: a no-show can be marked from the day after")]
    NoShowTooEarly(chrono::NaiveDate),
    /// When the check-in was made, on the hotel's calendar (`None`: there is no record of it).
    #[error("{}", crate::revert::too_late(*.0))]
    RevertTooLate(Option<chrono::NaiveDate>),
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
        self.at_the_desk(
            id,
            by,
            Action::CheckIn,
            |b| opens(b),
            |b, now, version| BookingCheckedIn {
                booking_id: b.id,
                user_id: b.user_id,
                room_id: b.room_id,
                room_number: b.room_number.clone(),
                check_in: b.stay.check_in(),
                check_out: b.stay.check_out(),
                by,
                timestamp: now,
                version,
            },
        )
        .await
    }

    /// Checks a guest out, on any day of an in-house stay. An early departure ends the stay today
    /// (see [`departure`]), so the nights left are free for new bookings and `booking.checked_out`
    /// carries the dates the guest really stayed. The money for the unused nights is left as
    /// booked: the folio keeps the priced stay, and any refund is the hotel's decision, made
    /// through the folio, not a side effect of leaving early.
    #[tracing::instrument(skip(self), fields(booking = %id, by = %by))]
    pub async fn check_out(&self, id: BookingId, by: UserId) -> Result<Booking, BookingError> {
        let today = self.today();
        let leaves = |b: &mut Booking| {
            b.stay = departure(b.stay, today);
            Ok(())
        };
        self.at_the_desk(id, by, Action::CheckOut, leaves, |b, now, version| {
            BookingCheckedOut {
                booking_id: b.id,
                user_id: b.user_id,
                room_id: b.room_id,
                room_number: b.room_number.clone(),
                check_in: b.stay.check_in(),
                check_out: b.stay.check_out(),
                by,
                timestamp: now,
                version,
            }
        })
        .await
    }

    /// The lifecycle's step, the desk's own rule for today (which may end the stay earlier), the
    /// status, its event and its audit entry (by `by`), at the booking's new version, in one
    /// transaction.
    async fn at_the_desk<E: Event>(
        &self,
        id: BookingId,
        by: UserId,
        action: Action,
        today: impl FnOnce(&mut Booking) -> Result<(), DeskRefusal>,
        event: impl FnOnce(&Booking, DateTime<Utc>, i64) -> E,
    ) -> Result<Booking, BookingError> {
        let mut tx = self.pool().begin().await?;
        let mut b = store::find_for_update(&mut tx, id)
            .await?
            .ok_or(BookingError::NotFound)?;
        let before = b.clone();
        let booked = b.stay;
        b.status = b.status.transition(action)?;
        today(&mut b)?;
        store::set_status(&mut tx, id, b.status, None).await?;
        if b.stay != booked {
            store::end_stay(&mut tx, id, b.stay.check_out()).await?;
        }
        let done = match action {
            Action::CheckIn => AuditAction::CheckIn,
            _ => AuditAction::CheckOut,
        };
        let entry = audit::Entry {
            booking_id: id,
            actor: by,
            action: done,
            before: Some(&before),
            after: Some(&b),
            reason: None,
        };
        audit::record(&mut tx, entry).await?;
        let (now, version) = (Utc::now(), store::version(&mut tx, id).await?);
        eventbus::enqueue(&mut tx, store::OUTBOX, &Envelope::new(event(&b, now, version), now)).await?;
        tx.commit().await?;
        Ok(b)
    }
}

/// The stay as it ends when the guest leaves on `today`: on the booked day or later, as booked;
/// earlier, it ends today, but never before its first night (a guest leaving on the arrival day
/// had the room for that night).
fn departure(stay: Stay, today: NaiveDate) -> Stay {
    let ends = today.max(stay.check_in() + Days::new(1));
    if ends >= stay.check_out() {
        return stay;
    }
    Stay::new(stay.check_in(), ends).expect("a shorter stay of at least one night")
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

#[cfg(test)]
mod tests {
    use super::*;

    fn stay(from: u32, to: u32) -> Stay {
        let day = |d| NaiveDate::from_ymd_opt(2027, 3, d).unwrap();
        Stay::new(day(from), day(to)).unwrap()
    }

    #[test]
    fn an_early_departure_ends_the_stay_today_but_keeps_its_first_night() {
        let today = |d| NaiveDate::from_ymd_opt(2027, 3, d).unwrap();
        assert_eq!(departure(stay(10, 15), today(12)), stay(10, 12));
        assert_eq!(departure(stay(10, 15), today(10)), stay(10, 11), "leaving on the arrival day");
        assert_eq!(departure(stay(10, 15), today(15)), stay(10, 15), "on the booked day");
        assert_eq!(departure(stay(10, 15), today(16)), stay(10, 15), "late, as booked");
        assert_eq!(departure(stay(10, 11), today(10)), stay(10, 11));
    }
}
