//! Narrowing and counting the housekeeping board, on the server: a tablet gets one page.
use crate::{Board, BoardRoom};
use kernel::UserId;

/// Which rooms of the board to show: `None` keeps every room; `attendant: Some(None)` keeps
/// the rooms nobody has yet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardFilter {
    pub floor: Option<i32>,
    pub condition: Option<rooms::Housekeeping>,
    pub attendant: Option<Option<UserId>>,
}

impl BoardFilter {
    pub fn keeps(&self, r: &BoardRoom) -> bool {
        self.floor.is_none_or(|f| r.room.floor == f)
            && self.condition.is_none_or(|c| r.room.housekeeping == c)
            && self.attendant.is_none_or(|a| r.attendant.as_ref().map(|(id, _)| *id) == a)
    }
}

impl Board {
    /// The floors the hotel has rooms on, lowest first.
    pub fn floors(&self) -> Vec<i32> {
        let mut floors: Vec<i32> = self.rooms.iter().map(|r| r.room.floor).collect();
        floors.sort_unstable();
        floors.dedup();
        floors
    }

    /// How many rooms are in `condition`.
    pub fn count(&self, condition: rooms::Housekeeping) -> usize {
        self.rooms.iter().filter(|r| r.room.housekeeping == condition).count()
    }

    /// How many arrivals wait for a room not ready.
    pub fn waiting(&self) -> usize {
        self.rooms.iter().filter(|r| r.guest_waiting).count()
    }
}
