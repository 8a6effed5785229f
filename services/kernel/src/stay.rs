use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Nights from `check_in` up to, not including, `check_out`: the half-open range `[check_in, check_out)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stay {
    check_in: NaiveDate,
    check_out: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidStay {
    #[error("enter a date as YYYY-MM-DD")]
    BadDate,
    #[error("check-out must be after check-in")]
    NotAfter,
    #[error("a stay can be at most {max} nights")]
    TooLong { max: i64 },
    #[error("check-in cannot be in the past")]
    InThePast,
}

impl Stay {
    pub const MAX_NIGHTS: i64 = 30;

    pub fn new(check_in: NaiveDate, check_out: NaiveDate) -> Result<Self, InvalidStay> {
        let nights = (check_out - check_in).num_days();
        if nights < 1 {
            return Err(InvalidStay::NotAfter);
        }
        if nights > Self::MAX_NIGHTS {
            return Err(InvalidStay::TooLong { max: Self::MAX_NIGHTS });
        }
        Ok(Self { check_in, check_out })
    }

    /// Parses form input and refuses stays that begin before the hotel's `today`.
    pub fn parse(check_in: &str, check_out: &str, today: NaiveDate) -> Result<Self, InvalidStay> {
        let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| InvalidStay::BadDate);
        let stay = Self::new(date(check_in)?, date(check_out)?)?;
        if stay.check_in < today {
            return Err(InvalidStay::InThePast);
        }
        Ok(stay)
    }

    pub fn check_in(&self) -> NaiveDate {
        self.check_in
    }
    pub fn check_out(&self) -> NaiveDate {
        self.check_out
    }
    pub fn nights(&self) -> i64 {
        (self.check_out - self.check_in).num_days()
    }
    pub fn overlaps(&self, other: &Stay) -> bool {
        self.check_in < other.check_out && other.check_in < self.check_out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn parses_and_counts_nights() {
        let stay = Stay::parse("2026-12-01", "2026-12-04", d("2026-11-25")).unwrap();
        assert_eq!(stay.nights(), 3);
    }

    #[test]
    fn refuses_bad_stays_with_a_reason() {
        let today = d("2026-11-25");
        assert_eq!(Stay::parse("2026-12-04", "2026-12-04", today), Err(InvalidStay::NotAfter));
        assert_eq!(Stay::parse("2026-11-01", "2026-11-04", today), Err(InvalidStay::InThePast));
        assert_eq!(Stay::parse("tomorrow", "2026-11-04", today), Err(InvalidStay::BadDate));
        assert!(matches!(Stay::parse("2026-12-01", "2027-02-01", today), Err(InvalidStay::TooLong { .. })));
    }

    #[test]
    fn back_to_back_stays_do_not_overlap() {
        let a = Stay::new(d("2026-12-01"), d("2026-12-03")).unwrap();
        let b = Stay::new(d("2026-12-03"), d("2026-12-05")).unwrap();
        let c = Stay::new(d("2026-12-02"), d("2026-12-04")).unwrap();
        assert!(!a.overlaps(&b));
        assert!(a.overlaps(&c) && c.overlaps(&b));
    }
}
