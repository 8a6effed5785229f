//! What staff post to a folio besides the stay: the hotel's extras, free-text charges and
//! allowances, each with its VAT. Pure.
use kernel::Money;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A VAT rate in basis points (700 is 7 %), between 0 and 100 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct VatRate(u16);

impl VatRate {
    /// The rates a hotel in Germany charges: none, reduced (lodging) and standard.
    pub const OFFERED: [VatRate; 3] = [VatRate(0), VatRate(700), VatRate(1900)];

    pub fn from_bp(bp: i64) -> Option<Self> {
        u16::try_from(bp).ok().filter(|bp| *bp <= 10_000).map(Self)
    }

    pub fn bp(self) -> u16 {
        self.0
    }

    /// A rate as a person types it in percent: `19`, `7.5`, `7,5` or `7.5 %`, at most two decimals.
    pub fn parse_percent(s: &str) -> Option<Self> {
        let s = s.trim().trim_end_matches('%').trim().replace(',', ".");
        let (whole, part) = s.split_once('.').unwrap_or((&s, ""));
        let digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || part.len() > 2 || !(part.is_empty() || digits(part)) {
            return None;
        }
        Self::from_bp(whole.parse::<i64>().ok()?.checked_mul(100)? + format!("{part:0<2}").parse::<i64>().ok()?)
    }

    /// The net and VAT parts of `gross`, which add up to it exactly; the net is rounded half
    /// away from zero, so a correction splits as the charge it mirrors.
    pub fn split(self, gross: Money) -> (Money, Money) {
        let (g, bp) = (i128::from(gross.minor().unsigned_abs()), i128::from(self.0));
        let net = (g * 10_000 * 2 + (10_000 + bp)) / ((10_000 + bp) * 2);
        let net = i64::try_from(net).expect("no larger than the gross") * gross.minor().signum();
        let currency = gross.currency();
        (Money::from_minor(net, currency), Money::from_minor(gross.minor() - net, currency))
    }
}

impl std::fmt::Display for VatRate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.0 / 100, self.0 % 100) {
            (whole, 0) => write!(f, "{whole}%"),
            (whole, part) => write!(f, "{whole}.{}%", format!("{part:02}").trim_end_matches('0')),
        }
    }
}

/// One of the hotel's extras, as staff pick it from the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extra {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    /// What the guest pays for one, VAT included.
    pub price: Money,
    pub vat: VatRate,
    pub active: bool,
}

/// How many of an extra are posted at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity(u8);

impl Quantity {
    pub const MAX: u8 = 99;

    pub fn new(n: i64) -> Option<Self> {
        u8::try_from(n).ok().filter(|n| (1..=Self::MAX).contains(n)).map(Self)
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// What a charge or allowance says on the folio and the invoice: 1–200 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChargeText(String);

impl ChargeText {
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        (!s.is_empty() && s.chars().count() <= 200).then(|| Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel::Currency;

    fn eur(minor: i64) -> Money {
        Money::from_minor(minor, Currency::EUR)
    }

    #[test]
    fn a_rate_typed_in_percent_reads_as_its_display() {
        for (typed, shown) in [("19", "19%"), ("7.5", "7.5%"), ("7,5 %", "7.5%"), ("0", "0%"), ("100", "100%")] {
            assert_eq!(VatRate::parse_percent(typed).map(|r| r.to_string()).as_deref(), Some(shown), "{typed}");
        }
        for bad in ["", "x", "120", "7.555", "-1", ".5"] {
            assert_eq!(VatRate::parse_percent(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_gross_price_splits_into_net_and_vat_that_add_up() {
        let standard = VatRate::from_bp(1900).unwrap();
        assert_eq!(standard.split(eur(1800)), (eur(1513), eur(287)));
        assert_eq!(standard.split(eur(-1800)), (eur(-1513), eur(-287)), "an allowance mirrors the charge");
        assert_eq!(VatRate::from_bp(0).unwrap().split(eur(999)), (eur(999), eur(0)));
        for gross in [1, 2, 3, 99, 350, 1_000_001] {
            let (net, vat) = VatRate::from_bp(700).unwrap().split(eur(gross));
            assert_eq!(net.minor() + vat.minor(), gross);
        }
    }

    #[test]
    fn rates_quantities_and_texts_have_their_bounds() {
        assert_eq!(VatRate::from_bp(10_001), None);
        assert_eq!(VatRate::from_bp(-1), None);
        assert_eq!(VatRate::from_bp(1900).unwrap().to_string(), "19%");
        assert_eq!(VatRate::from_bp(750).unwrap().to_string(), "7.5%");
        assert_eq!(Quantity::new(0), None);
        assert_eq!(Quantity::new(100), None);
        assert_eq!(Quantity::new(3).map(Quantity::get), Some(3));
        assert_eq!(ChargeText::parse("   "), None);
        assert_eq!(ChargeText::parse(&"x".repeat(201)), None);
        assert_eq!(ChargeText::parse("  Room service ").unwrap().as_str(), "Room service");
    }
}
