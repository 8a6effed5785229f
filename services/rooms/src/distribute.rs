//! Sharing the day's rooms among the attendants on shift, without I/O.
//!
//! Two steps, so that balance and floors do not fight: first each attendant is given a number
//! of rooms of each kind of work, heaviest kind first, always to whoever has least work so far
//! (their existing assignments count); then the actual rooms are dealt out floor by floor, each
//! attendant taking its share from the floors it already works on, else the lowest floors left.
//! Rooms of one kind weigh the same, so the second step never changes anyone's total.
use kernel::{RoomId, UserId};
use std::collections::{BTreeSet, HashMap};

/// A room whose guest leaves today, or has left and the room is still dirty: a full clean.
pub const DEPARTURE_WEIGHT: u32 = 3;
/// An occupied room whose guest stays on: towels, bed, bins.
pub const STAY_OVER_WEIGHT: u32 = 1;
/// A vacant clean room someone arrives in today: a check that it is ready.
pub const ARRIVAL_CHECK_WEIGHT: u32 = 1;

/// What a room needs on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WorkKind {
    Departure,
    StayOver,
    ArrivalCheck,
}

impl WorkKind {
    /// Heaviest first: the order the shares are given out in.
    pub const ALL: [WorkKind; 3] = [
        WorkKind::Departure,
        WorkKind::StayOver,
        WorkKind::ArrivalCheck,
    ];

    pub fn weight(self) -> u32 {
        match self {
            WorkKind::Departure => DEPARTURE_WEIGHT,
            WorkKind::StayOver => STAY_OVER_WEIGHT,
            WorkKind::ArrivalCheck => ARRIVAL_CHECK_WEIGHT,
        }
    }
}

/// One room to service, with what the distribution needs to know of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomWork {
    pub room: RoomId,
    pub number: String,
    pub floor: i32,
    pub kind: WorkKind,
}

/// A room someone already has; `weight` is what it counts towards their day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub room: RoomId,
    pub attendant: UserId,
    pub floor: i32,
    pub weight: u32,
}

/// The new assignments for every room of `work` that nobody holds, in floor and room order.
/// Rooms held by anyone (on shift or not) stay theirs; with no attendant, nothing is assigned.
/// The same input always gives the same answer, whatever order it comes in.
pub fn distribute(
    work: &[RoomWork],
    attendants: &[UserId],
    held: &[Held],
) -> Vec<(RoomId, UserId)> {
    let attendants = ordered(attendants, held);
    if attendants.is_empty() {
        return Vec::new();
    }
    let taken: BTreeSet<RoomId> = held.iter().map(|h| h.room).collect();
    let mut open: Vec<&RoomWork> = work.iter().filter(|w| !taken.contains(&w.room)).collect();
    open.sort_by(|a, b| (a.floor, &a.number, a.room).cmp(&(b.floor, &b.number, b.room)));
    open.dedup_by_key(|w| w.room);
    let shares = shares(&open, &attendants, held);
    let mut floors: Vec<BTreeSet<i32>> = attendants
        .iter()
        .map(|a| {
            held.iter()
                .filter(|h| h.attendant == *a)
                .map(|h| h.floor)
                .collect()
        })
        .collect();
    let mut assigned = Vec::with_capacity(open.len());
    for (i, attendant) in attendants.iter().enumerate() {
        for kind in WorkKind::ALL {
            for _ in 0..shares[i].get(&kind).copied().unwrap_or(0) {
                let pick = open
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| w.kind == kind)
                    .min_by_key(|(_, w)| (!floors[i].contains(&w.floor), w.floor))
                    .map(|(at, _)| at)
                    .expect("a share never exceeds the rooms of its kind");
                let room = open.remove(pick);
                floors[i].insert(room.floor);
                assigned.push((room, *attendant));
            }
        }
    }
    assigned
        .sort_by(|(a, _), (b, _)| (a.floor, &a.number, a.room).cmp(&(b.floor, &b.number, b.room)));
    assigned.into_iter().map(|(w, a)| (w.room, a)).collect()
}

/// Attendants without repeats, those already on a floor first (lowest floor first), then by
/// id: whoever is already upstairs takes the upper rooms' share before others reach them.
fn ordered(attendants: &[UserId], held: &[Held]) -> Vec<UserId> {
    let lowest = |a: &UserId| {
        held.iter()
            .filter(|h| h.attendant == *a)
            .map(|h| h.floor)
            .min()
    };
    let mut ordered: Vec<UserId> = attendants.to_vec();
    ordered.sort_by_key(|a| (lowest(a).is_none(), lowest(a), *a));
    ordered.dedup();
    ordered
}

/// How many rooms of each kind each attendant gets: heaviest kind first, each room to whoever
/// has least work so far, the earlier attendant on a tie.
fn shares(
    open: &[&RoomWork],
    attendants: &[UserId],
    held: &[Held],
) -> Vec<HashMap<WorkKind, usize>> {
    let mut load: Vec<u32> = attendants
        .iter()
        .map(|a| {
            held.iter()
                .filter(|h| h.attendant == *a)
                .map(|h| h.weight)
                .sum()
        })
        .collect();
    let mut shares = vec![HashMap::new(); attendants.len()];
    for kind in WorkKind::ALL {
        for _ in open.iter().filter(|w| w.kind == kind) {
            let least = (0..attendants.len())
                .min_by_key(|i| (load[*i], *i))
                .expect("there is an attendant");
            load[least] += kind.weight();
            *shares[least].entry(kind).or_insert(0) += 1;
        }
    }
    shares
}

#[cfg(test)]
#[path = "distribute_tests.rs"]
mod tests;
