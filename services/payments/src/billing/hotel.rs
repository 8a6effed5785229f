//! Who issues the documents. One hotel for now; numbering is already kept per hotel code.
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;

pub struct Hotel {
    /// Keys the numbering sequences.
    pub code: &'static str,
    pub name: &'static str,
    pub address: [&'static str; 3],
    pub vat_id: &'static str,
    /// Documents are dated on the hotel's calendar, wherever the server runs.
    pub time_zone: Tz,
}

pub const HOTEL: Hotel = Hotel {
    code: "AURORA",
    name: "Hotel Aurora",
    address: ["Auroraplatz 1", "10117 Berlin", "Germany"],
    vat_id: "DE 123 456 789",
    time_zone: chrono_tz::Europe::Berlin,
};

impl Hotel {
    /// The hotel's date at `at`: an invoice issued at 00:30 on 1 January in Berlin belongs to
    /// the new year's sequence.
    pub fn date_at(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.time_zone).date_naive()
    }

    pub fn year_at(&self, at: DateTime<Utc>) -> i32 {
        self.date_at(at).year()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_turns_at_midnight_in_berlin_not_utc() {
        assert_eq!(HOTEL.year_at("2026-12-31T23:30:00Z".parse().unwrap()), 2027);
        assert_eq!(HOTEL.year_at("2026-12-31T22:59:59Z".parse().unwrap()), 2026);
    }
}
