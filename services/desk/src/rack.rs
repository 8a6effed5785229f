//! The room rack: the hotel's rooms by type down the side, days across, and on each room its
//! stays and the spells it was out of order. One query per service for a page of rooms over the
//! whole window, so a hotel of 500 rooms costs what one of 50 does, bar the rows.
//!
//! Every booking holds a room from the moment it is made (the bookings table cannot store one
//! without), so the rack has no stays waiting for a room.
use crate::rack_place::{Place, Spell, StayState};
use crate::{Desk, DeskError};
use bookings::Booking;
use chrono::{DateTime, Days, NaiveDate, Utc};
use kernel::{RoomId, RoomTypeCode, Stay, UserId};
use rooms::{Room, RoomType, Ticket};
use std::collections::HashMap;

/// Which rooms over which days.
#[derive(Debug, Clone)]
pub struct RackQuery {
    pub window: Stay,
    /// Only this type's rooms; every room when `None`.
    pub room_type: Option<RoomTypeCode>,
    /// Pages of rooms count from 0, in the rack's order (by type, cheapest first, then number).
    pub page: u32,
    pub per_page: u32,
}

/// The rack for one window of days and one page of rooms.
#[derive(Debug, Clone)]
pub struct Rack {
    pub window: Stay,
    pub today: NaiveDate,
    /// Every room type of the hotel, cheapest first, whichever the rack shows.
    pub room_types: Vec<RoomType>,
    /// The page's rooms, by type; a type may go on over the next page.
    pub groups: Vec<RackGroup>,
    /// Rooms the query matches, over every page.
    pub total_rooms: u64,
    /// Whether a clean room waits for inspection before it is ready (the hotel's setting).
    pub inspection_required: bool,
}

#[derive(Debug, Clone)]
pub struct RackGroup {
    pub code: RoomTypeCode,
    pub name: String,
    pub rooms: Vec<RackRoom>,
}

#[derive(Debug, Clone)]
pub struct RackRoom {
    pub room: Room,
    pub stays: Vec<RackStay>,
    pub out_of_order: Vec<RackSpell>,
}

#[derive(Debug, Clone)]
pub struct RackStay {
    pub booking: Booking,
    pub guest_name: Option<String>,
    pub state: StayState,
    pub place: Place,
}

#[derive(Debug, Clone)]
pub struct RackSpell {
    pub spell: Spell,
    pub place: Place,
}

impl Desk {
    /// The rack `q` asks for: rooms from rooms, stays from bookings, guests' names from users.
    #[tracing::instrument(skip(self))]
    pub async fn rack(&self, q: &RackQuery) -> Result<Rack, DeskError> {
        // A day's margin either side covers any time zone; spells are cut to the window below.
        let instant = |d: NaiveDate| DateTime::<Utc>::from_naive_utc_and_offset(d.into(), Utc);
        let (from, to) = (
            instant(q.window.check_in() - Days::new(1)),
            instant(q.window.check_out() + Days::new(1)),
        );
        let (room_types, rooms, tickets, settings) = futures::try_join!(
            async { Ok::<_, DeskError>(self.rooms.room_types().await?) },
            async { Ok(self.rooms.all_rooms(q.room_type.as_ref()).await?) },
            async { Ok(self.rooms.out_of_order_tickets(from, to).await?) },
            async { Ok(self.rooms.housekeeping_settings().await?) },
        )?;
        if let Some(code) = q
            .room_type
            .as_ref()
            .filter(|c| !room_types.iter().any(|t| &t.code == *c))
        {
            return Err(DeskError::NotFound(format!(
                "there is no room type '{code}'"
            )));
        }
        let total_rooms = rooms.len() as u64;
        let rooms = page(rooms, &room_types, q.page, q.per_page);
        let ids: Vec<RoomId> = rooms.iter().map(|r| r.id).collect();
        let bookings = self.bookings.stays_on_rack(q.window, Some(&ids)).await?;
        let mut guest_ids: Vec<UserId> = bookings.iter().map(|b| b.user_id).collect();
        guest_ids.sort_by_key(|id| id.as_uuid());
        guest_ids.dedup();
        let guests = self
            .users
            .find_many(&guest_ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        let plan = Plan {
            window: q.window,
            today: self.bookings.today(),
            clock: self.bookings.clock(),
            guests,
        };
        let groups = plan.groups(&room_types, rooms, tickets, bookings);
        Ok(Rack {
            window: q.window,
            today: plan.today,
            room_types,
            groups,
            total_rooms,
            inspection_required: settings.inspection_required,
        })
    }
}

/// The rooms of page `page`, in the rack's order: by type as `types` lists them, then number.
fn page(mut rooms: Vec<Room>, types: &[RoomType], page: u32, per_page: u32) -> Vec<Room> {
    let rank: HashMap<&RoomTypeCode, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (&t.code, i))
        .collect();
    let key = |r: &Room| {
        (
            rank.get(&r.room_type).copied().unwrap_or(usize::MAX),
            r.number.len(),
            r.number.clone(),
        )
    };
    rooms.sort_by_cached_key(key);
    let skip = page as usize * per_page as usize;
    rooms
        .into_iter()
        .skip(skip)
        .take(per_page as usize)
        .collect()
}

/// What laying the rack out needs besides the rows.
struct Plan {
    window: Stay,
    today: NaiveDate,
    clock: bookings::HotelClock,
    guests: HashMap<UserId, String>,
}

impl Plan {
    /// The rooms (in rack order) in runs of one type, each with its stays and spells.
    fn groups(
        &self,
        types: &[RoomType],
        rooms: Vec<Room>,
        tickets: Vec<Ticket>,
        bookings: Vec<Booking>,
    ) -> Vec<RackGroup> {
        let mut stays: HashMap<RoomId, Vec<RackStay>> = HashMap::new();
        for stay in bookings.into_iter().filter_map(|b| self.stay(b)) {
            stays.entry(stay.booking.room_id).or_default().push(stay);
        }
        let mut tickets_of: HashMap<RoomId, Vec<Ticket>> = HashMap::new();
        for t in tickets {
            tickets_of.entry(t.room_id).or_default().push(t);
        }
        let mut groups: Vec<RackGroup> = Vec::new();
        for room in rooms {
            let out_of_order = self.spells(&room, tickets_of.remove(&room.id).unwrap_or_default());
            let line = RackRoom {
                stays: stays.remove(&room.id).unwrap_or_default(),
                out_of_order,
                room,
            };
            match groups.last_mut() {
                Some(g) if g.code == line.room.room_type => g.rooms.push(line),
                _ => {
                    let code = line.room.room_type.clone();
                    let name = types
                        .iter()
                        .find(|t| t.code == code)
                        .map_or_else(|| code.to_string(), |t| t.name.clone());
                    groups.push(RackGroup {
                        code,
                        name,
                        rooms: vec![line],
                    });
                }
            }
        }
        groups
    }

    fn stay(&self, booking: Booking) -> Option<RackStay> {
        let place = Place::of_stay(booking.stay, self.window)?;
        Some(RackStay {
            guest_name: self.guests.get(&booking.user_id).cloned(),
            state: StayState::of(&booking, self.today),
            place,
            booking,
        })
    }

    /// A ticket that took the room out of order keeps it so from the day it was opened until the
    /// day it was resolved; unresolved, until further notice, unless staff have since put the
    /// room back. A room out of order or service that no open ticket explains is so from today.
    fn spells(&self, room: &Room, tickets: Vec<Ticket>) -> Vec<RackSpell> {
        let date = |t: DateTime<Utc>| self.clock.today_at(t);
        let out_now = !room.housekeeping.sellable();
        let mut spells: Vec<Spell> = tickets
            .iter()
            .filter(|t| t.resolved_at.is_some() || out_now)
            .map(|t| {
                Spell::days(
                    date(t.created_at),
                    t.resolved_at.map(date),
                    format!("out of order: {}", t.problem.as_str()),
                )
            })
            .collect();
        if out_now && !tickets.iter().any(|t| t.resolved_at.is_none()) {
            spells.push(Spell::days(self.today, None, room.housekeeping.to_string()));
        }
        Spell::merged(spells)
            .into_iter()
            .filter_map(|spell| {
                Some(RackSpell {
                    place: Place::of_days(spell.from, spell.until, self.window)?,
                    spell,
                })
            })
            .collect()
    }
}
