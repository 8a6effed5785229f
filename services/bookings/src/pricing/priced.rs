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

impl PricedStay {
    /// Each night's room revenue: its price less its share of the stay's discounts (length of
    /// stay, promo), shared in proportion to the nights' prices; the cents left over go to the
    /// largest remainders, first nights first, so the nights add up to the stay's exactly.
    /// Taxes are not room revenue.
    pub fn net_nights(&self) -> Vec<(NaiveDate, Money)> {
        let currency = self.total.currency();
        let discount: i64 = self
            .stay_lines
            .iter()
            .filter(|l| matches!(l.kind, StayLineKind::LengthOfStay | StayLineKind::Promo))
            .map(|l| l.amount.minor())
            .sum();
        let gross: i64 = self.nights.iter().map(|n| n.amount.minor()).sum();
        if self.nights.is_empty() || discount == 0 || gross == 0 {
            return self.nights.iter().map(|n| (n.date, n.amount)).collect();
        }
        let (gross, discount) = (i128::from(gross), i128::from(discount));
        let shares: Vec<(i128, i128)> = self
            .nights
            .iter()
            .map(|n| {
                let exact = i128::from(n.amount.minor()) * discount;
                (exact.div_euclid(gross), exact.rem_euclid(gross))
            })
            .collect();
        let mut left = discount - shares.iter().map(|s| s.0).sum::<i128>();
        let mut order: Vec<usize> = (0..shares.len()).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(shares[i].1), i));
        let mut share: Vec<i128> = shares.iter().map(|s| s.0).collect();
        for i in order {
            if left == 0 {
                break;
            }
            share[i] += 1;
            left -= 1;
        }
        self.nights
            .iter()
            .zip(share)
            .map(|(n, s)| (n.date, Money::from_minor(n.amount.minor() + s as i64, currency)))
            .collect()
    }
}

#[cfg(test)]
mod net_nights_tests {
    use super::*;

    fn stay(nights: &[i64], discounts: &[i64]) -> PricedStay {
        let eur = Currency::EUR;
        let day = |i: usize| NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + chrono::Duration::days(i as i64);
        let nights = nights.iter().enumerate().map(|(i, m)| NightLine { date: day(i), amount: Money::from_minor(*m, eur), rules: vec![] }).collect();
        let mut lines: Vec<StayLine> =
            discounts.iter().map(|m| StayLine { kind: StayLineKind::Promo, label: "promo".into(), amount: Money::from_minor(*m, eur) }).collect();
        lines.push(StayLine { kind: StayLineKind::Vat, label: "VAT".into(), amount: Money::from_minor(700, eur) });
        PricedStay::new(eur, nights, lines).unwrap()
    }

    fn minors(s: &PricedStay) -> Vec<i64> {
        s.net_nights().iter().map(|(_, m)| m.minor()).collect()
    }

    #[test]
    fn discounts_are_shared_by_price_and_the_nights_add_up_to_the_stay_without_tax() {
        let s = stay(&[10_000, 10_000, 10_000], &[-1_000]);
        assert_eq!(minors(&s).iter().sum::<i64>(), 29_000);
        assert_eq!(minors(&s), vec![9_667, 9_667, 9_666], "the leftover cent of the equal remainders goes to the first nights");
        let s = stay(&[20_000, 10_000], &[-300]);
        assert_eq!(minors(&s), vec![19_800, 9_900], "in proportion to the price");
        assert_eq!(minors(&stay(&[12_345], &[])), vec![12_345], "no discount, no change; VAT is not room revenue");
    }
}
