//! The day's lists with what the desk needs beside each booking: the guest, the room's
//! housekeeping state, the balance still to pay.
use crate::DeskError;
use bookings::{Booking, BookingsService, DayFilter, DayList, DayQuery};
use futures::future::try_join_all;
use kernel::{BookingId, Money, RoomId, UserId};
use payments::billing::BillingService;
use payments::{PaymentsService, StayCard};
use rooms::{Room, RoomsService};
use std::collections::HashMap;
use users::{User, UsersService};

/// The services the desk reads and drives.
#[derive(Clone)]
pub struct Desk {
    pub bookings: BookingsService,
    pub rooms: RoomsService,
    pub users: UsersService,
    pub payments: PaymentsService,
    /// Folios: what the stay has been charged.
    pub billing: BillingService,
}

/// A booking as a line of the desk's lists.
#[derive(Debug, Clone)]
pub struct DayRow {
    pub booking: Booking,
    pub guest: Option<User>,
    /// The assigned room as it is now; `None` if it has left the inventory.
    pub room: Option<Room>,
    /// What the desk still has to settle, as [`Desk::settlement`] says: the folio's balance less
    /// what the stay's card hold takes by itself (negative: what the guest is owed). Before
    /// billing has opened the folio, the booking's total less what the card took.
    pub balance: Money,
}

#[derive(Debug, Clone)]
pub struct DayRows {
    pub rows: Vec<DayRow>,
    pub total: u64,
}

/// At most this many guests match one search; a longer list means the text was too short.
const SEARCH_GUESTS: u32 = 200;

impl Desk {
    /// One page of one of the day's lists, narrowed by `search` (a guest's name or email, or
    /// the start of a booking reference) when given.
    #[tracing::instrument(skip(self))]
    pub async fn day(
        &self,
        mut query: DayQuery,
        search: Option<&str>,
    ) -> Result<DayRows, DeskError> {
        query.filter = self.filter(search).await?;
        let page = self.bookings.day_list(&query).await?;
        let rows = self.rows(page.bookings).await?;
        Ok(DayRows {
            rows,
            total: page.total,
        })
    }

    /// How many bookings each of the day's lists holds under `search`.
    pub async fn day_counts(
        &self,
        date: chrono::NaiveDate,
        search: Option<&str>,
    ) -> Result<Vec<(DayList, u64)>, DeskError> {
        let filter = self.filter(search).await?;
        let counts = try_join_all(DayList::ALL.into_iter().map(|list| {
            let query = DayQuery {
                date,
                list,
                filter: filter.clone(),
                sort: Default::default(),
                page: 0,
                per_page: 1,
            };
            async move { Ok::<_, DeskError>((list, self.bookings.day_count(&query).await?)) }
        }))
        .await?;
        Ok(counts)
    }

    async fn filter(&self, search: Option<&str>) -> Result<Option<DayFilter>, DeskError> {
        let Some(text) = search.map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        let guests = self.users.search(text, SEARCH_GUESTS).await?;
        let reference = looks_like_reference(text).then(|| text.to_lowercase());
        Ok(Some(DayFilter { guests, reference }))
    }

    async fn rows(&self, bookings: Vec<Booking>) -> Result<Vec<DayRow>, DeskError> {
        let guest_ids: Vec<UserId> = bookings.iter().map(|b| b.user_id).collect();
        let room_ids: Vec<RoomId> = bookings.iter().map(|b| b.room_id).collect();
        let ids: Vec<BookingId> = bookings.iter().map(|b| b.id).collect();
        let (guests, rooms, folios, cards) = futures::try_join!(
            async { Ok::<_, DeskError>(self.users.find_many(&guest_ids).await?) },
            async { Ok::<_, DeskError>(self.rooms.rooms(&room_ids).await?) },
            async { Ok::<_, DeskError>(self.billing.balances(&ids).await?) },
            async { Ok::<_, DeskError>(self.payments.stay_cards(&ids).await?) },
        )?;
        let guests: HashMap<UserId, User> = guests.into_iter().map(|u| (u.id, u)).collect();
        let rooms: HashMap<RoomId, Room> = rooms.into_iter().map(|r| (r.id, r)).collect();
        Ok(bookings
            .into_iter()
            .map(|booking| DayRow {
                guest: guests.get(&booking.user_id).cloned(),
                room: rooms.get(&booking.room_id).cloned(),
                balance: to_settle(&booking, folios.get(&booking.id), cards.get(&booking.id)),
                booking,
            })
            .collect())
    }
}

/// What the desk still has to settle on `booking`, given its folio's balance and its card money.
fn to_settle(booking: &Booking, folio: Option<&Money>, card: Option<&StayCard>) -> Money {
    let (kept, pending) = card.map_or((0, 0), |c| (c.kept.minor(), c.pending.minor()));
    match folio {
        Some(balance) => Money::from_minor(balance.minor() - pending, balance.currency()),
        None => Money::from_minor((booking.total.minor() - kept).max(0), booking.total.currency()),
    }
}

/// Booking references are UUIDs: hex digits and dashes. Four characters are enough to find one
/// read over the phone.
fn looks_like_reference(text: &str) -> bool {
    text.len() >= 4 && text.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_reference_is_hex_and_dashes_and_a_name_is_not() {
        assert!(super::looks_like_reference("3f2a-9c"));
        assert!(!super::looks_like_reference("Ada Lovelace"));
        assert!(!super::looks_like_reference("3f2"));
    }
}
