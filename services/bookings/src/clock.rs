//! The hotel's clock. "Today", arrival and departure are the hotel's, wherever the server runs.
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use kernel::hotel::HOTEL;

/// The hotel's time zone and its check-in and check-out times.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HotelClock {
    pub time_zone: Tz,
    pub check_in: NaiveTime,
    pub check_out: NaiveTime,
}

impl HotelClock {
    /// The hotel's date at `now`: a guest booking at 00:30 in Berlin books for Berlin's today.
    pub fn today_at(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.time_zone).date_naive()
    }

    /// The instant a guest may check in on `date`. A check-in time that a DST change skips
    /// becomes the first valid instant after it; one that occurs twice, the first of the two.
    pub fn check_in_on(&self, date: NaiveDate) -> DateTime<Utc> {
        self.local(date.and_time(self.check_in))
    }

    pub fn check_out_on(&self, date: NaiveDate) -> DateTime<Utc> {
        self.local(date.and_time(self.check_out))
    }

    /// The instant the hotel's `date` begins.
    pub fn start_of(&self, date: NaiveDate) -> DateTime<Utc> {
        self.local(date.and_time(NaiveTime::MIN))
    }

    fn local(&self, at: chrono::NaiveDateTime) -> DateTime<Utc> {
        (0..=3)
            .find_map(|h| self.time_zone.from_local_datetime(&(at + chrono::Duration::hours(h))).earliest())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|| Utc.from_utc_datetime(&at))
    }
}

impl HotelClock {
    /// The clock of the hotel with the check-in and check-out times `bookings.hotel` keeps.
    ///
    /// The time zone is the hotel's identity, so it has one source, `kernel::hotel`, which
    /// billing dates invoices by as well: a zone tuned in the database could date a stay by one
    /// calendar and its invoice by another. The table's `time_zone` column (from before
    /// `kernel::hotel`) is only checked: `stored_zone` must name the same zone, else start-up
    /// stops with an error saying so, rather than quietly ignoring what an operator set.
    pub fn of_hotel(
        stored_zone: &str,
        check_in: NaiveTime,
        check_out: NaiveTime,
    ) -> anyhow::Result<Self> {
        let zone = HOTEL.time_zone;
        anyhow::ensure!(
            stored_zone == zone,
            "bookings.hotel names the time zone '{stored_zone}', but the hotel (kernel::hotel) is in '{zone}'; \
             the zone is set in kernel::hotel only, so make bookings.hotel.time_zone say '{zone}'"
        );
        let time_zone = zone
            .parse()
            .map_err(|_| anyhow::anyhow!("kernel::hotel names an unknown time zone '{zone}'"))?;
        Ok(Self {
            time_zone,
            check_in,
            check_out,
        })
    }
}

impl Default for HotelClock {
    /// The hotel's zone, check-in at 15:00 and check-out at 11:00 (the defaults of `bookings.hotel`).
    fn default() -> Self {
        let at = |hour| NaiveTime::from_hms_opt(hour, 0, 0).expect("a valid time");
        Self::of_hotel(HOTEL.time_zone, at(15), at(11))
            .expect("kernel::hotel names a known time zone (unit-tested)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin() -> HotelClock {
        HotelClock { check_in: NaiveTime::from_hms_opt(2, 30, 0).unwrap(), ..HotelClock::default() }
    }
    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_zone_is_the_hotels_and_a_database_naming_another_stops_start_up() {
        let (check_in, check_out) = (
            HotelClock::default().check_in,
            HotelClock::default().check_out,
        );
        assert_eq!(
            HotelClock::of_hotel("Europe/Berlin", check_in, check_out)
                .unwrap()
                .time_zone,
            chrono_tz::Europe::Berlin
        );
        let err = HotelClock::of_hotel("Asia/Tokyo", check_in, check_out)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("'Asia/Tokyo'") && err.contains("kernel::hotel"),
            "{err}"
        );
    }

    #[test]
    fn today_is_the_hotels_date_not_utcs() {
        let clock = HotelClock::default();
        assert_eq!(clock.today_at(utc("2026-11-25T23:30:00Z")), date("2026-11-26"), "00:30 in Berlin");
        assert_eq!(clock.today_at(utc("2026-07-01T21:59:00Z")), date("2026-07-01"), "23:59 in summer");
        let tokyo = HotelClock { time_zone: chrono_tz::Asia::Tokyo, ..clock };
        assert_eq!(tokyo.today_at(utc("2026-11-25T15:00:00Z")), date("2026-11-26"));
    }

    #[test]
    fn check_in_follows_summer_and_winter_time() {
        let clock = HotelClock::default();
        assert_eq!(clock.check_in_on(date("2026-01-10")), utc("2026-01-10T14:00:00Z"));
        assert_eq!(clock.check_in_on(date("2026-07-10")), utc("2026-07-10T13:00:00Z"));
        assert_eq!(clock.check_out_on(date("2026-07-10")), utc("2026-07-10T09:00:00Z"));
    }

    #[test]
    fn a_check_in_time_skipped_or_repeated_by_dst_still_has_one_instant() {
        // 29 March 2026: Berlin jumps from 02:00 to 03:00, so 02:30 does not exist.
        assert_eq!(berlin().check_in_on(date("2026-03-29")), utc("2026-03-29T01:30:00Z"));
        // 25 October 2026: 02:30 happens twice; the first (summer time) counts.
        assert_eq!(berlin().check_in_on(date("2026-10-25")), utc("2026-10-25T00:30:00Z"));
    }
}
