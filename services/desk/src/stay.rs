//! One stay as the desk sees it: the booking with its guest, the room as it is now, the money
//! (held, taken, refunded, still to pay), the folio, the staff's notes and everything done to it.
use crate::{Desk, DeskError};
use bookings::{AuditEntry, Booking, BookingError, StayNote};
use kernel::{BookingId, Money, UserId};
use payments::billing::{BillingError, Folio};
use payments::{Ledger, Payment, PaymentKind, Purpose};
use rooms::{HousekeepingError, Room};
use std::collections::HashMap;
use users::User;

/// A stay with everything the desk shows beside it.
#[derive(Debug, Clone)]
pub struct StayDetail {
    pub booking: Booking,
    pub guest: Option<User>,
    /// The assigned room as it is now; `None` if it has left the inventory.
    pub room: Option<Room>,
    /// The payments ledger's rows for the booking (the stay's and the desk's), oldest first,
    /// failures included.
    pub payments: Vec<Payment>,
    pub money: StayMoney,
    /// The folio's charges and balance; `None` until billing has opened one.
    pub folio: Option<Folio>,
    /// Of the folio's balance, what the card hold takes by itself and what the desk must settle.
    pub on_card: Money,
    pub notes: Vec<StayNote>,
    /// Oldest first.
    pub history: Vec<AuditEntry>,
    /// The authors of the notes and the actors of the history, by id.
    pub people: HashMap<UserId, User>,
}

/// The stay's money as the payments ledger has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StayMoney {
    /// Authorised on the card and not yet taken or released.
    pub held: Money,
    /// Captured, in all.
    pub taken: Money,
    /// Given back, in all.
    pub refunded: Money,
    /// The booking's total less what the hotel kept (taken less refunded); never below zero.
    pub balance: Money,
}

impl StayMoney {
    pub fn of(booking: &Booking, rows: &[Payment]) -> Self {
        let currency = booking.total.currency();
        let sum = |kind| {
            rows.iter()
                .filter(|p| p.succeeded() && p.kind == kind)
                .map(|p| p.amount.minor())
                .sum::<i64>()
        };
        let ledger = Ledger(rows);
        Self {
            held: Money::from_minor(ledger.held(), currency),
            taken: Money::from_minor(sum(PaymentKind::Capture), currency),
            refunded: Money::from_minor(sum(PaymentKind::Refund), currency),
            balance: Money::from_minor((booking.total.minor() - ledger.kept()).max(0), currency),
        }
    }
}

impl Desk {
    /// The stay `id` with its guest, room, money, folio, notes and history.
    #[tracing::instrument(skip(self))]
    pub async fn stay(&self, id: BookingId) -> Result<StayDetail, DeskError> {
        let booking = self.bookings.find(id).await.map_err(not_found)?;
        let (guest, room, payments, folio, notes, history) = futures::try_join!(
            async { Ok::<_, DeskError>(self.users.find(booking.user_id).await?) },
            async {
                match self.rooms.room(booking.room_id).await {
                    Ok(room) => Ok(Some(room)),
                    Err(HousekeepingError::RoomNotFound(_)) => Ok(None),
                    Err(e) => Err(DeskError::from(e)),
                }
            },
            async { Ok(self.payments.ledger_of(id).await?) },
            async {
                match self.billing.folio(id).await {
                    Ok(folio) => Ok(Some(folio)),
                    Err(BillingError::NoFolio) => Ok(None),
                    Err(e) => Err(DeskError::from(e)),
                }
            },
            async { Ok(self.bookings.notes(id).await?) },
            async { Ok(self.bookings.history(id).await?) },
        )?;
        let mut ids: Vec<UserId> = notes
            .iter()
            .map(|n| n.author)
            .chain(history.iter().map(|h| h.actor))
            .collect();
        ids.sort_by_key(|id| id.as_uuid());
        ids.dedup();
        let people = self
            .users
            .find_many(&ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let currency = booking.total.currency();
        let on_card = self.payments.pending_on_card(id, currency).await?;
        let stay_rows: Vec<Payment> = payments.iter().filter(|p| p.purpose == Purpose::Stay).cloned().collect();
        Ok(StayDetail {
            on_card,
            money: StayMoney::of(&booking, &stay_rows),
            booking,
            guest,
            room,
            payments,
            folio,
            notes,
            history,
            people,
        })
    }
}

fn not_found(e: BookingError) -> DeskError {
    match e {
        BookingError::NotFound => DeskError::NotFound("booking not found".into()),
        e => e.into(),
    }
}
