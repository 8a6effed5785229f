//! Percentages as whole basis points, and the one place where money is rounded.
use std::fmt;

/// A percentage in hundredths of a percent: `1500` is 15 %, `-1000` is −10 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct BasisPoints(i32);

impl BasisPoints {
    /// 100 %.
    pub const WHOLE: BasisPoints = BasisPoints(10_000);
    pub const ZERO: BasisPoints = BasisPoints(0);

    pub const fn new(bp: i32) -> Self {
        Self(bp)
    }
    /// Whole percent, for readable rules: `BasisPoints::percent(15)` is 15 %.
    pub const fn percent(p: i32) -> Self {
        Self(p * 100)
    }
    pub const fn get(self) -> i32 {
        self.0
    }
    /// The multiplier of an adjustment, `10_000 + self`, as a numerator over [`Self::WHOLE`].
    pub(crate) fn factor(self) -> i128 {
        i128::from(Self::WHOLE.0) + i128::from(self.0)
    }
    /// `self` of `amount` minor units, rounded by [`round_half_up`].
    pub(crate) fn share_of(self, amount: i128) -> i128 {
        round_half_up(amount * i128::from(self.0), i128::from(Self::WHOLE.0))
    }
    /// A percentage as a manager types it: `15`, `+15`, `-10`, `−12.5`, `7,5 %`; at most two
    /// decimals.
    pub fn parse_percent(s: &str) -> Option<Self> {
        let s = s.trim().trim_end_matches('%').trim().replace(',', ".").replace('−', "-");
        let (negative, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest.trim()),
            None => (false, s.strip_prefix('+').unwrap_or(&s).trim()),
        };
        let (whole, part) = s.split_once('.').unwrap_or((s, ""));
        let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || whole.len() > 6 || !digits(whole) || part.len() > 2 || !digits(part) {
            return None;
        }
        let bp = whole.parse::<i32>().ok()?.checked_mul(100)?.checked_add(format!("{part:0<2}").parse::<i32>().ok()?)?;
        Some(Self(if negative { -bp } else { bp }))
    }
    /// With an explicit sign, as adjustments read on a bill: "+15%", "−10%", "+12.5%".
    pub fn signed(self) -> String {
        if self.0 < 0 {
            format!("−{}", BasisPoints(-self.0))
        } else {
            format!("+{self}")
        }
    }
}

impl fmt::Display for BasisPoints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sign, abs) = if self.0 < 0 { ("-", self.0.unsigned_abs()) } else { ("", self.0.unsigned_abs()) };
        let (whole, frac) = (abs / 100, abs % 100);
        match (frac, frac % 10) {
            (0, _) => write!(f, "{sign}{whole}%"),
            (_, 0) => write!(f, "{sign}{whole}.{}%", frac / 10),
            _ => write!(f, "{sign}{whole}.{frac:02}%"),
        }
    }
}

/// `numerator / denominator` rounded to a whole minor unit, half away from zero (commercial
/// rounding: 0.5 ct → 1 ct, −0.5 ct → −1 ct). Every rounding of money in pricing goes through
/// here, so a bill never disagrees with itself by a cent.
pub(crate) fn round_half_up(numerator: i128, denominator: i128) -> i128 {
    assert!(denominator > 0, "rounding needs a positive denominator");
    let magnitude = (numerator.unsigned_abs() * 2 + denominator.unsigned_abs()) / (denominator.unsigned_abs() * 2);
    let magnitude = magnitude as i128;
    if numerator < 0 {
        -magnitude
    } else {
        magnitude
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round_half_up(5, 10), 1);
        assert_eq!(round_half_up(4, 10), 0);
        assert_eq!(round_half_up(15, 10), 2);
        assert_eq!(round_half_up(25, 10), 3, "not banker's rounding");
        assert_eq!(round_half_up(-5, 10), -1);
        assert_eq!(round_half_up(-4, 10), 0);
        assert_eq!(round_half_up(0, 7), 0);
        assert_eq!(round_half_up(20, 10), 2);
    }

    #[test]
    fn takes_a_share_of_an_amount() {
        assert_eq!(BasisPoints::percent(10).share_of(12_345), 1_235);
        assert_eq!(BasisPoints::new(1_900).share_of(10_050), 1_910); // 1909.5 rounds up
        assert_eq!(BasisPoints::new(-1_500).share_of(333), -50); // -49.95
    }

    #[test]
    fn reads_as_a_percentage() {
        assert_eq!(BasisPoints::percent(15).signed(), "+15%");
        assert_eq!(BasisPoints::percent(-10).signed(), "−10%");
        assert_eq!(BasisPoints::new(1_250).to_string(), "12.5%");
        assert_eq!(BasisPoints::new(705).to_string(), "7.05%");
        assert_eq!(BasisPoints::new(-5).to_string(), "-0.05%");
    }
}
