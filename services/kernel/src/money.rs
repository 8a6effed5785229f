use serde::{Deserialize, Serialize};
use std::fmt;

/// The hotel's one currency. Amounts are whole minor units (cents); there is no float anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    EUR,
    USD,
    GBP,
}

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::EUR => "EUR",
            Currency::USD => "USD",
            Currency::GBP => "GBP",
        }
    }
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::EUR => "€",
            Currency::USD => "$",
            Currency::GBP => "£",
        }
    }
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "EUR" => Some(Currency::EUR),
            "USD" => Some(Currency::USD),
            "GBP" => Some(Currency::GBP),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

impl Money {
    pub fn from_minor(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }
    pub fn zero(currency: Currency) -> Self {
        Self::from_minor(0, currency)
    }
    pub fn minor(&self) -> i64 {
        self.minor
    }
    pub fn currency(&self) -> Currency {
        self.currency
    }
    /// `None` on overflow: a price that large is a data error, never a real stay.
    pub fn times(&self, n: i64) -> Option<Self> {
        self.minor.checked_mul(n).map(|minor| Self { minor, ..*self })
    }
    /// `None` when currencies differ or the sum overflows.
    pub fn plus(&self, other: Money) -> Option<Self> {
        if self.currency != other.currency {
            return None;
        }
        self.minor.checked_add(other.minor).map(|minor| Self { minor, ..*self })
    }
    /// Decimal string such as `129.50`, as events and invoices carry amounts.
    pub fn to_decimal_string(&self) -> String {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Money {
    /// An amount as staff type it: `18`, `18.5`, `18,50`, `€ 18.50`; more than zero, at most
    /// two decimals, never more than a million.
    pub fn parse_entered(s: &str, currency: Currency) -> Option<Money> {
        let s = s.trim().trim_start_matches(currency.symbol()).trim().replace(',', ".");
        let (whole, fraction) = s.split_once('.').unwrap_or((&s, ""));
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || whole.len() > 7 || fraction.len() > 2 || !digits(whole) || !digits(fraction) {
            return None;
        }
        let minor = whole.parse::<i64>().ok()? * 100 + format!("{fraction:0<2}").parse::<i64>().ok()?;
        (minor > 0 && minor <= 100_000_000).then_some(Money::from_minor(minor, currency))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.currency.symbol(), self.to_decimal_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_minor_units_as_decimal() {
        assert_eq!(Money::from_minor(12950, Currency::EUR).to_string(), "€129.50");
        assert_eq!(Money::from_minor(-5, Currency::EUR).to_decimal_string(), "-0.05");
    }

    #[test]
    fn reads_amounts_as_staff_type_them() {
        let eur = |minor| Some(Money::from_minor(minor, Currency::EUR));
        assert_eq!(Money::parse_entered("18", Currency::EUR), eur(1800));
        assert_eq!(Money::parse_entered(" 18,5 ", Currency::EUR), eur(1850));
        assert_eq!(Money::parse_entered("€ 18.05", Currency::EUR), eur(1805));
        for bad in ["", "0", "0.00", "-5", "1.234", "1e3", "abc", "10000000"] {
            assert_eq!(Money::parse_entered(bad, Currency::EUR), None, "{bad}");
        }
    }

    #[test]
    fn refuses_mixed_currencies_and_overflow() {
        let eur = Money::from_minor(1, Currency::EUR);
        assert!(eur.plus(Money::from_minor(1, Currency::USD)).is_none());
        assert!(Money::from_minor(i64::MAX, Currency::EUR).times(2).is_none());
    }
}
