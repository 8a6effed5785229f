//! Where things sit on a room rack, without I/O. The rack counts in half-days from the window's
//! first morning: a stay fills the afternoon of its arrival to the morning of its departure (so a
//! guest leaving on the first day still shows), an out-of-order spell whole days.
use bookings::{Booking, BookingStatus};
use chrono::{Days, NaiveDate};
use kernel::Stay;

/// A bar's place: `start` and `span` in half-days, and whether it goes on before or after the
/// window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub start: u32,
    pub span: u32,
    pub before: bool,
    pub after: bool,
}

impl Place {
    /// Where the stay's bar sits; `None` if it does not reach the window.
    pub fn of_stay(stay: Stay, window: Stay) -> Option<Place> {
        let day = |d| half_days(window, d);
        Self::clipped(day(stay.check_in()) + 1, day(stay.check_out()) + 1, window)
    }

    /// Where a spell from `from` until the day `until` (not included; `None` when it has no end
    /// yet) sits.
    pub fn of_days(from: NaiveDate, until: Option<NaiveDate>, window: Stay) -> Option<Place> {
        let end = until.map_or(i64::MAX / 2, |u| half_days(window, u));
        Self::clipped(half_days(window, from), end, window)
    }

    fn clipped(start: i64, end: i64, window: Stay) -> Option<Place> {
        let width = 2 * window.nights();
        let (s, e) = (start.max(0), end.min(width));
        (s < e).then(|| Place {
            start: s as u32,
            span: (e - s) as u32,
            before: start < 0,
            after: end > width,
        })
    }
}

fn half_days(window: Stay, d: NaiveDate) -> i64 {
    2 * (d - window.check_in()).num_days()
}

/// What a stay is at the desk on the hotel's `today`; the rack colours its bar by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StayState {
    /// Booked, arriving on a later day.
    Confirmed,
    /// Booked, the stay begun (due today or late): still to check in.
    Arriving,
    InHouse,
    /// Checked in and due to leave today (or overdue).
    Departing,
    CheckedOut,
}

impl StayState {
    pub fn of(b: &Booking, today: NaiveDate) -> Self {
        match b.status {
            BookingStatus::CheckedOut | BookingStatus::Cancelled | BookingStatus::NoShow => {
                Self::CheckedOut
            }
            BookingStatus::CheckedIn if b.stay.check_out() <= today => Self::Departing,
            BookingStatus::CheckedIn => Self::InHouse,
            _ if b.stay.check_in() <= today && today < b.stay.check_out() => Self::Arriving,
            _ => Self::Confirmed,
        }
    }
}

/// A room out of order from `from` until `until` (not included; `None`: until further notice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spell {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
    pub why: String,
}

impl Spell {
    /// Spells of one room that touch or overlap made one, their reasons joined.
    pub fn merged(mut spells: Vec<Spell>) -> Vec<Spell> {
        spells.sort_by_key(|s| s.from);
        let mut out: Vec<Spell> = Vec::with_capacity(spells.len());
        for s in spells {
            match out.last_mut() {
                Some(last) if last.until.is_none_or(|u| s.from <= u) => {
                    last.until = last.until.zip(s.until).map(|(a, b)| a.max(b));
                    if !last.why.contains(&s.why) {
                        last.why = format!("{}; {}", last.why, s.why);
                    }
                }
                _ => out.push(s),
            }
        }
        out
    }

    /// A spell from `from` until the day `until`, at least the day it began.
    pub fn days(from: NaiveDate, until: Option<NaiveDate>, why: String) -> Self {
        let until = until.map(|u| u.max(from + Days::new(1)));
        Self { from, until, why }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }
    fn stay(from: u32, to: u32) -> Stay {
        Stay::new(day(from), day(to)).unwrap()
    }

    #[test]
    fn a_stay_fills_the_afternoon_of_arrival_to_the_morning_of_departure() {
        let window = stay(10, 24);
        let place = |s| Place::of_stay(s, window);
        let inside = Place {
            start: 5,
            span: 4,
            before: false,
            after: false,
        };
        assert_eq!(place(stay(12, 14)), Some(inside));
        assert_eq!(
            place(stay(8, 10)),
            Some(Place {
                start: 0,
                span: 1,
                before: true,
                after: false
            }),
            "leaving on the first day"
        );
        assert_eq!(place(stay(7, 9)), None, "gone before the window");
        assert_eq!(
            place(stay(23, 26)),
            Some(Place {
                start: 27,
                span: 1,
                before: false,
                after: true
            })
        );
        assert_eq!(place(stay(24, 25)), None, "arriving after the window");
    }

    #[test]
    fn a_spell_fills_whole_days_and_an_open_one_runs_to_the_end() {
        let window = stay(10, 24);
        assert_eq!(
            Place::of_days(day(11), Some(day(12)), window),
            Some(Place {
                start: 2,
                span: 2,
                before: false,
                after: false
            })
        );
        assert_eq!(
            Place::of_days(day(1), None, window),
            Some(Place {
                start: 0,
                span: 28,
                before: true,
                after: true
            })
        );
        assert_eq!(Place::of_days(day(1), Some(day(10)), window), None);
    }

    #[test]
    fn overlapping_spells_of_a_room_are_one() {
        let spell = |f, u: Option<u32>, why: &str| Spell {
            from: day(f),
            until: u.map(day),
            why: why.into(),
        };
        let merged = Spell::merged(vec![
            spell(5, Some(8), "leak"),
            spell(1, Some(3), "paint"),
            spell(7, None, "boiler"),
        ]);
        assert_eq!(
            merged,
            vec![spell(1, Some(3), "paint"), spell(5, None, "leak; boiler")]
        );
        assert_eq!(
            Spell::days(day(4), Some(day(4)), "quick".into()).until,
            Some(day(5)),
            "at least the day it began"
        );
    }
}
