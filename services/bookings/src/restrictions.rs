//! Which stays a room type can be booked for, whatever the price: minimum and maximum stays,
//! days closed to arrival or departure, and how far ahead a guest may or must book. Pure: the
//! caller passes the restrictions of one room type and the hotel's `today`.
use chrono::NaiveDate;
use kernel::Stay;

/// One rule on the dates `[from, to)` of one room type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Restriction {
    from: NaiveDate,
    to: NaiveDate,
    rule: Rule,
}

/// What a restriction demands. Stay lengths and lead times apply by the arrival date;
/// closed-to-arrival by the check-in date; closed-to-departure by the check-out date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    MinStay {
        nights: u32,
    },
    MaxStay {
        nights: u32,
    },
    ClosedToArrival,
    ClosedToDeparture,
    /// Book at least this many days before arrival.
    MinLeadDays {
        days: u32,
    },
    /// Book at most this many days before arrival.
    MaxAdvanceDays {
        days: u32,
    },
}

/// A restriction that cannot be saved, said to the manager entering it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidRestriction {
    #[error("a restriction must end after it starts")]
    EmptyRange,
    #[error("a stay is at least one night")]
    ZeroNights,
}

/// Why a stay cannot be booked, in words a guest understands. `first` and `last` are the
/// inclusive dates of the restriction that refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("This room needs a stay of at least {} for arrivals between {first} and {last}", nights(*.min))]
    MinStay { min: u32, first: NaiveDate, last: NaiveDate },
    #[error("This room can be booked for at most {} for arrivals between {first} and {last}", nights(*.max))]
    MaxStay { max: u32, first: NaiveDate, last: NaiveDate },
    #[error("Arrivals on {date} are not possible for this room")]
    ClosedToArrival { date: NaiveDate },
    #[error("Departures on {date} are not possible for this room")]
    ClosedToDeparture { date: NaiveDate },
    #[error("This room must be booked at least {} before arrival for arrivals between {first} and {last}", days(*.min))]
    TooLate { min: u32, first: NaiveDate, last: NaiveDate },
    #[error("This room can be booked at most {} before arrival for arrivals between {first} and {last}", days(*.max))]
    TooEarly { max: u32, first: NaiveDate, last: NaiveDate },
}

impl Restriction {
    pub fn new(from: NaiveDate, to: NaiveDate, rule: Rule) -> Result<Self, InvalidRestriction> {
        if to <= from {
            return Err(InvalidRestriction::EmptyRange);
        }
        if matches!(rule, Rule::MinStay { nights: 0 } | Rule::MaxStay { nights: 0 }) {
            return Err(InvalidRestriction::ZeroNights);
        }
        Ok(Self { from, to, rule })
    }
    pub fn rule(&self) -> Rule {
        self.rule
    }
    pub fn from(&self) -> NaiveDate {
        self.from
    }
    /// The first date no longer covered.
    pub fn to(&self) -> NaiveDate {
        self.to
    }
    fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && date < self.to
    }
    fn last(&self) -> NaiveDate {
        self.to.pred_opt().unwrap_or(self.to)
    }

    /// `Some(refusal)` when this restriction forbids `stay` booked on `today`.
    fn refuses(&self, stay: &Stay, today: NaiveDate) -> Option<Refusal> {
        let (arrival, departure) = (stay.check_in(), stay.check_out());
        let (first, last) = (self.from, self.last());
        let lead = (arrival - today).num_days();
        match self.rule {
            Rule::MinStay { nights } if self.covers(arrival) && stay.nights() < i64::from(nights) => {
                Some(Refusal::MinStay { min: nights, first, last })
            }
            Rule::MaxStay { nights } if self.covers(arrival) && stay.nights() > i64::from(nights) => {
                Some(Refusal::MaxStay { max: nights, first, last })
            }
            Rule::ClosedToArrival if self.covers(arrival) => Some(Refusal::ClosedToArrival { date: arrival }),
            Rule::ClosedToDeparture if self.covers(departure) => Some(Refusal::ClosedToDeparture { date: departure }),
            Rule::MinLeadDays { days } if self.covers(arrival) && lead < i64::from(days) => {
                Some(Refusal::TooLate { min: days, first, last })
            }
            Rule::MaxAdvanceDays { days } if self.covers(arrival) && lead > i64::from(days) => {
                Some(Refusal::TooEarly { max: days, first, last })
            }
            _ => None,
        }
    }
}

/// Refuses `stay` by the first of `restrictions` (of one room type) that forbids it.
pub fn check(restrictions: &[Restriction], stay: &Stay, today: NaiveDate) -> Result<(), Refusal> {
    match restrictions.iter().find_map(|r| r.refuses(stay, today)) {
        Some(refusal) => Err(refusal),
        None => Ok(()),
    }
}

fn nights(n: u32) -> String {
    if n == 1 {
        "1 night".to_owned()
    } else {
        format!("{n} nights")
    }
}

fn days(n: u32) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

#[cfg(test)]
#[path = "restrictions_tests.rs"]
mod tests;
