//! A period's counts and the figures made of them, each computed from whole numbers and rounded
//! once, half up: a percentage to hundredths, money to the cent.
use kernel::{Currency, Money};

/// What was counted over one period (or the whole range).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub rooms_available: i64,
    pub rooms_sold: i64,
    pub room_revenue_minor: i64,
    /// `None` when the report is of one room type: extras are not kept by room type.
    pub other_revenue_minor: Option<i64>,
    /// Stays arriving in the period (not cancelled, not no-shows) and their nights.
    pub stays: i64,
    pub stay_nights: i64,
    pub cancellations: i64,
    pub no_shows: i64,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.rooms_available += other.rooms_available;
        self.rooms_sold += other.rooms_sold;
        self.room_revenue_minor += other.room_revenue_minor;
        self.other_revenue_minor = match (self.other_revenue_minor, other.other_revenue_minor) {
            (Some(a), Some(b)) => Some(a + b),
            _ => None,
        };
        self.stays += other.stays;
        self.stay_nights += other.stay_nights;
        self.cancellations += other.cancellations;
        self.no_shows += other.no_shows;
    }
}

/// `numerator ÷ denominator`, half up; `None` for nothing to divide by.
fn ratio(numerator: i64, denominator: i64) -> Option<i64> {
    (denominator > 0).then(|| {
        let (n, d) = (i128::from(numerator), i128::from(denominator));
        let q = (2 * n.abs() + d) / (2 * d);
        (if n < 0 { -q } else { q }) as i64
    })
}

/// Hundredths as `"81.25"`.
fn hundredths(h: i64) -> String {
    format!("{}{}.{:02}", if h < 0 { "-" } else { "" }, h.abs() / 100, h.abs() % 100)
}

/// The figures of a period, as shown and exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub counts: Counts,
    /// Percent with two decimals, e.g. `"81.25"`; empty when no room was available.
    pub occupancy: String,
    pub adr: Option<Money>,
    pub revpar: Option<Money>,
    pub trevpar: Option<Money>,
    /// Nights per stay with two decimals; empty without stays.
    pub alos: String,
}

impl Figures {
    pub fn of(counts: Counts, currency: Currency) -> Self {
        let money = |minor: Option<i64>| minor.map(|m| Money::from_minor(m, currency));
        let total = counts.other_revenue_minor.map(|o| counts.room_revenue_minor + o);
        Self {
            occupancy: ratio(counts.rooms_sold * 10_000, counts.rooms_available).map(hundredths).unwrap_or_default(),
            adr: money(ratio(counts.room_revenue_minor, counts.rooms_sold)),
            revpar: money(ratio(counts.room_revenue_minor, counts.rooms_available)),
            trevpar: money(total.and_then(|t| ratio(t, counts.rooms_available))),
            alos: ratio(counts.stay_nights * 100, counts.stays).map(hundredths).unwrap_or_default(),
            counts,
        }
    }

    /// The occupancy as a number, for a chart.
    pub fn occupancy_value(&self) -> f32 {
        self.occupancy.parse().unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_round_once_half_up_from_whole_numbers() {
        let counts = Counts {
            rooms_available: 30,
            rooms_sold: 7,
            room_revenue_minor: 100_001,
            other_revenue_minor: Some(5_000),
            stays: 3,
            stay_nights: 7,
            ..Counts::default()
        };
        let f = Figures::of(counts, Currency::EUR);
        assert_eq!(f.occupancy, "23.33", "7 ÷ 30 = 23.333…%");
        assert_eq!(f.adr.map(|m| m.minor()), Some(14_286), "1000.01 ÷ 7 = 142.858…");
        assert_eq!(f.revpar.map(|m| m.minor()), Some(3_333), "1000.01 ÷ 30 = 33.3336…");
        assert_eq!(f.trevpar.map(|m| m.minor()), Some(3_500), "1050.01 ÷ 30 = 35.0003…");
        assert_eq!(f.alos, "2.33");
        assert_eq!(ratio(1, 2), Some(1), "a half rounds up");
        assert_eq!(ratio(5, 0), None);
        let empty = Figures::of(Counts::default(), Currency::EUR);
        assert_eq!((empty.occupancy.as_str(), empty.adr, empty.alos.as_str()), ("", None, ""));
    }
}
