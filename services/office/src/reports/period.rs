//! How a report's range is cut: by day, by ISO week (Monday to Sunday) or by calendar month,
//! the first and last periods cut at the range's ends.
use chrono::{Datelike, Duration, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grain {
    Day,
    Week,
    Month,
}

impl Grain {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "day" => Some(Self::Day),
            "week" => Some(Self::Week),
            "month" => Some(Self::Month),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
        }
    }

    /// The first night of the period `night` is in.
    fn start(self, night: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => night,
            Self::Week => night - Duration::days(i64::from(night.weekday().num_days_from_monday())),
            Self::Month => night.with_day(1).expect("every month has a first"),
        }
    }

    /// The period's name: `2026-03-01`, `2026-W10`, `2026-03`.
    fn label(self, start: NaiveDate) -> String {
        match self {
            Self::Day => start.to_string(),
            Self::Week => format!("{}-W{:02}", start.iso_week().year(), start.iso_week().week()),
            Self::Month => start.format("%Y-%m").to_string(),
        }
    }
}

/// One period of a range: its name and its nights, first to last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub label: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// The periods covering the nights `first..=last`.
pub fn spans(grain: Grain, first: NaiveDate, last: NaiveDate) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut night = first;
    while night <= last {
        let start = grain.start(night);
        match spans.last_mut() {
            Some(span) if grain.start(span.first) == start => span.last = night,
            _ => spans.push(Span { label: grain.label(start), first: night, last: night }),
        }
        night += Duration::days(1);
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weeks_and_months_are_cut_at_the_range_ends() {
        let weeks = spans(Grain::Week, d("2026-03-04"), d("2026-03-16"));
        let cut: Vec<_> = weeks.iter().map(|s| (s.label.as_str(), s.first, s.last)).collect();
        assert_eq!(
            cut,
            vec![("2026-W10", d("2026-03-04"), d("2026-03-08")), ("2026-W11", d("2026-03-09"), d("2026-03-15")), ("2026-W12", d("2026-03-16"), d("2026-03-16"))]
        );
        let months = spans(Grain::Month, d("2026-01-31"), d("2026-03-01"));
        assert_eq!(months.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(), vec!["2026-01", "2026-02", "2026-03"]);
        assert_eq!(spans(Grain::Day, d("2026-12-31"), d("2027-01-01")).len(), 2);
    }
}
