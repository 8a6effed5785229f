//! The hotel's calendar, which dates and numbers its documents. Who the hotel is (the issuer
//! printed on them, its code for the numbering) is `kernel::hotel`, re-exported here.
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
pub use kernel::hotel::{Hotel, HOTEL};

/// Documents are dated on the hotel's calendar, wherever the server runs.
pub trait HotelCalendar {
    fn zone(&self) -> Tz;

    /// The hotel's date at `at`: an invoice issued at 00:30 on 1 January in Berlin belongs to
    /// the new year's sequence.
    fn date_at(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.zone()).date_naive()
    }

    fn year_at(&self, at: DateTime<Utc>) -> i32 {
        self.date_at(at).year()
    }
}

impl HotelCalendar for Hotel {
    fn zone(&self) -> Tz {
        self.time_zone
            .parse()
            .expect("kernel::hotel names a time zone chrono-tz knows (unit-tested)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hotel_names_a_known_time_zone() {
        assert_eq!(HOTEL.time_zone.parse::<Tz>(), Ok(chrono_tz::Europe::Berlin));
    }

    #[test]
    fn the_year_turns_at_midnight_in_berlin_not_utc() {
        assert_eq!(HOTEL.year_at("2026-12-31T23:30:00Z".parse().unwrap()), 2027);
        assert_eq!(HOTEL.year_at("2026-12-31T22:59:59Z".parse().unwrap()), 2026);
    }
}
