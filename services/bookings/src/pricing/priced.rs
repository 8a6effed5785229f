//! A priced stay that explains itself, line by line.
use chrono::NaiveDate;
use kernel::{Currency, Money};
use serde::{Deserialize, Serialize};

/// One night of the stay: its date, its price and the rules that made that price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NightLine {
    pub date: NaiveDate,
    pub amount: Money,
    /// In the order applied, e.g. `["Winter season", "Weekend +15%", "1 extra adult"]`.
    pub rules: Vec<String>,
}

/// What a stay-level line is, so a bill can group or style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StayLineKind {
    LengthOfStay,
    Promo,
    Vat,
    CityTax,
}

/// A line for the whole stay: a discount (negative) or a tax (positive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StayLine {
    pub kind: StayLineKind,
    pub label: String,
    pub amount: Money,
}

/// The price of a stay. Its total is the sum of its night and stay lines, by construction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PricedStay {
    nights: Vec<NightLine>,
    stay_lines: Vec<StayLine>,
    total: Money,
}

impl PricedStay {
    /// `None` when the sum overflows or a line is in another currency.
    pub(super) fn new(currency: Currency, nights: Vec<NightLine>, stay_lines: Vec<StayLine>) -> Option<Self> {
        let amounts = nights.iter().map(|n| n.amount).chain(stay_lines.iter().map(|l| l.amount));
        let total = sum(currency, amounts)?;
        Some(Self { nights, stay_lines, total })
    }
    pub fn nights(&self) -> &[NightLine] {
        &self.nights
    }
    pub fn stay_lines(&self) -> &[StayLine] {
        &self.stay_lines
    }
    pub fn total(&self) -> Money {
        self.total
    }
    /// The nights alone, before any discount or tax.
    pub fn nights_total(&self) -> Money {
        sum(self.total.currency(), self.nights.iter().map(|n| n.amount))
            .expect("a part of a total that did not overflow")
    }
    /// The line of one kind, if the stay has it.
    pub fn line(&self, kind: StayLineKind) -> Option<&StayLine> {
        self.stay_lines.iter().find(|l| l.kind == kind)
    }
}

fn sum(currency: Currency, mut amounts: impl Iterator<Item = Money>) -> Option<Money> {
    amounts.try_fold(Money::zero(currency), |acc, m| acc.plus(m))
}
