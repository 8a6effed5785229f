//! The housekeeping board: every room with its state, what the front desk has in it today, who
//! cleans it and how urgent it is. It reads rooms, bookings, assignments and staff names, so it
//! lives here with the other use cases that span services.
use crate::{Desk, DeskError};
use bookings::{Booking, BookingStatus};
use chrono::NaiveDate;
use kernel::{BookingId, Party, Role, RoomId, UserId};
use rooms::{Discrepancy, GuestService, Room};
use std::collections::HashMap;

/// What the front office has in the room on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FrontOffice {
    /// A guest arrives today.
    Arrival,
    /// The guest in the room leaves today.
    DueOut,
    /// The guest stays on tonight.
    StayOver,
    /// The guest left today.
    Departed,
    Vacant,
}

impl FrontOffice {
    pub fn as_str(self) -> &'static str {
        match self {
            FrontOffice::Arrival => "arrival",
            FrontOffice::DueOut => "due_out",
            FrontOffice::StayOver => "stay_over",
            FrontOffice::Departed => "departed",
            FrontOffice::Vacant => "vacant",
        }
    }
}

/// One room on the board.
#[derive(Debug, Clone)]
pub struct BoardRoom {
    pub room: Room,
    pub front_office: FrontOffice,
    /// The party arriving today, when one does.
    pub arriving: Option<Party>,
    /// The front desk's latest note on that arrival.
    pub arrival_note: Option<String>,
    pub attendant: Option<(UserId, String)>,
    /// Arrives today and the room is not ready: the first to do.
    pub guest_waiting: bool,
    pub discrepancy: Option<Discrepancy>,
}

impl BoardRoom {
    /// Lower is sooner: a waiting guest, a make-up asked for, a departure, a stay-over, the rest.
    pub fn priority(&self) -> u8 {
        match (self.guest_waiting, self.room.guest_service, self.front_office) {
            (true, _, _) => 0,
            (_, GuestService::MakeUpRequested, _) => 1,
            (_, _, FrontOffice::Departed | FrontOffice::DueOut) => 2,
            (_, _, FrontOffice::StayOver) => 3,
            _ => 4,
        }
    }
}

/// The board of one business date.
#[derive(Debug, Clone)]
pub struct Board {
    pub date: NaiveDate,
    pub inspection_required: bool,
    /// Most urgent first, then by floor and number.
    pub rooms: Vec<BoardRoom>,
    /// The housekeeping staff rooms can be given to, by name.
    pub attendants: Vec<(UserId, String)>,
}

impl Desk {
    /// Every room as housekeeping sees it on `date`.
    #[tracing::instrument(skip(self))]
    pub async fn housekeeping_board(&self, date: NaiveDate) -> Result<Board, DeskError> {
        let (rooms, settings, assignments, staff, bookings) = futures::try_join!(
            async { Ok::<_, DeskError>(self.rooms.all_rooms(None).await?) },
            async { Ok(self.rooms.housekeeping_settings().await?) },
            async { Ok(self.rooms.assignments(date).await?) },
            async { Ok(self.users.with_role(Role::Housekeeping, users::MAX_STAFF_LISTED).await?) },
            async { Ok(self.bookings.on_day(date, None).await?) },
        )?;
        let day = self.front_desk_day(date, bookings, settings.inspection_required).await?;
        let attendants: Vec<(UserId, String)> = staff.into_iter().map(|u| (u.id, u.name)).collect();
        let names: HashMap<UserId, &String> = attendants.iter().map(|(id, name)| (*id, name)).collect();
        let given: HashMap<RoomId, UserId> = assignments.iter().map(|a| (a.room_id, a.attendant)).collect();
        let mut board: Vec<BoardRoom> = rooms
            .into_iter()
            .map(|room| {
                let attendant = given.get(&room.id).map(|id| (*id, names.get(id).map_or_else(|| SOMEONE.to_owned(), |n| (*n).clone())));
                BoardRoom::of(&day, room, attendant)
            })
            .collect();
        board.sort_by(|a, b| a.order().cmp(&b.order()));
        Ok(Board { date, inspection_required: settings.inspection_required, rooms: board, attendants })
    }

    /// Some rooms of the board, read on their own: a tablet's answer after a press, a live
    /// change, an attendant's list, without the whole board. In the board's order.
    #[tracing::instrument(skip(self, ids), fields(rooms = ids.len()))]
    pub async fn board_rooms(&self, date: NaiveDate, ids: &[RoomId]) -> Result<Vec<BoardRoom>, DeskError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let (found, settings, assignments, bookings) = futures::try_join!(
            async { Ok::<_, DeskError>(self.rooms.rooms(ids).await?) },
            async { Ok(self.rooms.housekeeping_settings().await?) },
            async { Ok(self.rooms.assignments_of(date, ids).await?) },
            async { Ok(self.bookings.on_day(date, Some(ids)).await?) },
        )?;
        let day = self.front_desk_day(date, bookings, settings.inspection_required).await?;
        let given: HashMap<RoomId, UserId> = assignments.iter().map(|a| (a.room_id, a.attendant)).collect();
        let people: Vec<UserId> = found.iter().filter_map(|r| given.get(&r.id).copied()).collect();
        let names: HashMap<UserId, String> = self.users.find_many(&people).await?.into_iter().map(|u| (u.id, u.name)).collect();
        let mut board: Vec<BoardRoom> = found
            .into_iter()
            .map(|room| {
                let attendant = given.get(&room.id).map(|id| (*id, names.get(id).cloned().unwrap_or_else(|| SOMEONE.to_owned())));
                BoardRoom::of(&day, room, attendant)
            })
            .collect();
        board.sort_by(|a, b| a.order().cmp(&b.order()));
        Ok(board)
    }

    /// One room of the board (see [`Desk::board_rooms`]).
    pub async fn board_room(&self, date: NaiveDate, room: RoomId) -> Result<BoardRoom, DeskError> {
        self.board_rooms(date, &[room])
            .await?
            .pop()
            .ok_or_else(|| DeskError::NotFound("there is no such room".into()))
    }
}

/// What the front desk has on the day: its bookings and the arrivals' latest notes.
struct Day {
    date: NaiveDate,
    bookings: Vec<Booking>,
    notes: HashMap<BookingId, String>,
    inspection_required: bool,
}

impl Desk {
    async fn front_desk_day(&self, date: NaiveDate, bookings: Vec<Booking>, inspection_required: bool) -> Result<Day, DeskError> {
        let arriving: Vec<BookingId> = bookings
            .iter()
            .filter(|b| b.status == BookingStatus::Confirmed && b.stay.check_in() == date)
            .map(|b| b.id)
            .collect();
        let notes = self.bookings.latest_notes(&arriving).await?;
        Ok(Day { date, bookings, notes, inspection_required })
    }
}

/// An attendant the users service no longer knows by name.
const SOMEONE: &str = "someone";

impl BoardRoom {
    fn of(day: &Day, room: Room, attendant: Option<(UserId, String)>) -> Self {
        let (front_office, arriving) = front_office(day.date, &room, &day.bookings);
        let guest_waiting = front_office == FrontOffice::Arrival && !room.housekeeping.ready(day.inspection_required);
        let discrepancy = Discrepancy::of(room.reported, room.occupancy);
        let arrival_note = arriving.and_then(|b| day.notes.get(&b.id).cloned());
        BoardRoom { room, front_office, arriving: arriving.map(|b| b.party), arrival_note, attendant, guest_waiting, discrepancy }
    }

    /// The board's order: most urgent first, then by floor and number.
    pub fn order(&self) -> (u8, i32, &str) {
        (self.priority(), self.room.floor, &self.room.number)
    }
}

/// The room's front-office status on `date` from the day's bookings of it; an arrival wins
/// over a departure (the room must be ready tonight).
fn front_office<'a>(date: NaiveDate, room: &Room, bookings: &'a [Booking]) -> (FrontOffice, Option<&'a Booking>) {
    let mut status = FrontOffice::Vacant;
    let mut arriving = None;
    for b in bookings.iter().filter(|b| b.room_id == room.id) {
        let (arrives, leaves) = (b.stay.check_in(), b.stay.check_out());
        let this = match b.status {
            BookingStatus::Confirmed if arrives == date => {
                arriving = Some(b);
                FrontOffice::Arrival
            }
            BookingStatus::CheckedIn if leaves == date => FrontOffice::DueOut,
            BookingStatus::CheckedIn if leaves > date => FrontOffice::StayOver,
            BookingStatus::CheckedOut if leaves == date => FrontOffice::Departed,
            _ => continue,
        };
        status = status.min(this);
    }
    if status == FrontOffice::Vacant && room.occupancy == rooms::Occupancy::Occupied {
        status = FrontOffice::StayOver;
    }
    (status, arriving)
}
