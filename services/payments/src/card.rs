//! Card details as a guest types them, checked before any gateway sees them. Pure (no I/O, no
//! tokio, no sqlx) so these types can move to the kernel and check a form in the browser.
//! Nothing here is stored or logged: `Debug` shows at most the last four digits, and there is
//! deliberately no `Serialize`.
use chrono::{Datelike, NaiveDate};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    #[error("a card number is 12 to 19 digits")]
    NumberLength,
    #[error("that card number is not valid; please check it")]
    Checksum,
    #[error("enter the expiry as a month (1 to 12) and a year")]
    BadExpiry,
    #[error("this card has expired")]
    Expired,
    #[error("the security code is the 3 or 4 digits on the card")]
    BadCvc,
}

/// A card number that passed the Luhn check.
#[derive(Clone, PartialEq, Eq)]
pub struct CardNumber(String);

impl CardNumber {
    /// Spaces and dashes between digits are allowed, as people type them.
    pub fn parse(s: &str) -> Result<Self, CardError> {
        let digits: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        if !(12..=19).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CardError::NumberLength);
        }
        if !luhn(&digits) {
            return Err(CardError::Checksum);
        }
        Ok(Self(digits))
    }

    pub fn last4(&self) -> &str {
        &self.0[self.0.len() - 4..]
    }

    pub fn brand(&self) -> CardBrand {
        CardBrand::of(&self.0)
    }

    /// The full number, for a gateway adapter to send to its gateway and nowhere else.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CardNumber(**** {})", self.last4())
    }
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .map(|b| u32::from(b - b'0'))
        .enumerate()
        .map(|(i, d)| if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d })
        .sum();
    sum.is_multiple_of(10)
}

/// The card scheme, read from the number's first digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardBrand {
    Visa,
    Mastercard,
    Amex,
    Other,
}

impl CardBrand {
    fn of(digits: &str) -> Self {
        let prefix = |n: usize| digits[..n].parse::<u32>().unwrap_or(0);
        if digits.starts_with('4') {
            Self::Visa
        } else if (51..=55).contains(&prefix(2)) || (2221..=2720).contains(&prefix(4)) {
            Self::Mastercard
        } else if matches!(prefix(2), 34 | 37) {
            Self::Amex
        } else {
            Self::Other
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Visa => "visa",
            Self::Mastercard => "mastercard",
            Self::Amex => "amex",
            Self::Other => "other",
        }
    }
}

/// The last month a card can be used in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expiry {
    year: i32,
    month: u32,
}

impl Expiry {
    /// A month of 1–12 and a year of two (`27`) or four (`2027`) digits.
    pub fn parse(month: &str, year: &str) -> Result<Self, CardError> {
        let month: u32 = month.trim().parse().map_err(|_| CardError::BadExpiry)?;
        let year = year.trim();
        let year: i32 = match year.len() {
            2 => 2000 + year.parse::<i32>().map_err(|_| CardError::BadExpiry)?,
            4 => year.parse().map_err(|_| CardError::BadExpiry)?,
            _ => return Err(CardError::BadExpiry),
        };
        if !(1..=12).contains(&month) {
            return Err(CardError::BadExpiry);
        }
        Ok(Self { year, month })
    }

    /// A card works until the end of its expiry month.
    pub fn is_valid_on(&self, today: NaiveDate) -> bool {
        (self.year, self.month) >= (today.year(), today.month())
    }

    pub fn month(&self) -> u32 {
        self.month
    }

    pub fn year(&self) -> i32 {
        self.year
    }
}

/// The 3 or 4 digit security code.
#[derive(Clone, PartialEq, Eq)]
pub struct Cvc(String);

impl Cvc {
    pub fn parse(s: &str) -> Result<Self, CardError> {
        let s = s.trim();
        let ok = (3..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| Self(s.to_owned())).ok_or(CardError::BadCvc)
    }

    /// For a gateway adapter only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Cvc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Cvc(***)")
    }
}

/// A card that can be offered to the gateway: valid number, not expired, a plausible code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardDetails {
    number: CardNumber,
    expiry: Expiry,
    cvc: Cvc,
}

impl CardDetails {
    /// `today` is the hotel's date: an expired card is refused before the gateway is asked.
    pub fn parse(number: &str, month: &str, year: &str, cvc: &str, today: NaiveDate) -> Result<Self, CardError> {
        let number = CardNumber::parse(number)?;
        let expiry = Expiry::parse(month, year)?;
        if !expiry.is_valid_on(today) {
            return Err(CardError::Expired);
        }
        Ok(Self { number, expiry, cvc: Cvc::parse(cvc)? })
    }

    pub fn number(&self) -> &CardNumber {
        &self.number
    }

    pub fn expiry(&self) -> Expiry {
        self.expiry
    }

    pub fn cvc(&self) -> &Cvc {
        &self.cvc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_documented_test_cards_pass_the_luhn_check() {
        for n in ["4242 4242 4242 4242", "4000000000000002", "4000-0000-0000-9995", "4000000000000119", "4000000000003063"] {
            assert!(CardNumber::parse(n).is_ok(), "{n}");
        }
        assert_eq!(CardNumber::parse("5555555555554444").unwrap().brand(), CardBrand::Mastercard);
        assert_eq!(CardNumber::parse("378282246310005").unwrap().brand(), CardBrand::Amex);
    }

    #[test]
    fn a_mistyped_number_is_refused() {
        assert_eq!(CardNumber::parse("4242 4242 4242 4241"), Err(CardError::Checksum));
        assert_eq!(CardNumber::parse("4242"), Err(CardError::NumberLength));
        assert_eq!(CardNumber::parse("4242 4242 4242 424x"), Err(CardError::NumberLength));
        assert_eq!(CardNumber::parse("42424242424242424242"), Err(CardError::NumberLength));
    }

    #[test]
    fn debug_never_shows_the_number_or_the_code() {
        let card = CardDetails::parse("4242424242424242", "12", "2030", "123", day(2026, 11, 25)).unwrap();
        let shown = format!("{card:?}");
        assert!(!shown.contains("424242424242") && !shown.contains("123"), "{shown}");
        assert!(shown.contains("4242"));
        assert_eq!(card.number().last4(), "4242");
    }

    #[test]
    fn a_card_works_until_the_end_of_its_expiry_month() {
        let expiry = Expiry::parse("11", "26").unwrap();
        assert!(expiry.is_valid_on(day(2026, 11, 30)));
        assert!(!expiry.is_valid_on(day(2026, 12, 1)));
        assert_eq!(
            CardDetails::parse("4242424242424242", "10", "2026", "123", day(2026, 11, 1)),
            Err(CardError::Expired)
        );
        assert_eq!(Expiry::parse("13", "2027"), Err(CardError::BadExpiry));
        assert_eq!(Expiry::parse("1", "202"), Err(CardError::BadExpiry));
    }

    #[test]
    fn a_security_code_is_three_or_four_digits() {
        assert!(Cvc::parse("123").is_ok() && Cvc::parse("1234").is_ok());
        assert_eq!(Cvc::parse("12"), Err(CardError::BadCvc));
        assert_eq!(Cvc::parse("12a"), Err(CardError::BadCvc));
    }
}
