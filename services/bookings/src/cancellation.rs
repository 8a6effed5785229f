//! A rate's cancellation policy and the terms it gives one booking. Pure.
use crate::pricing::{BasisPoints, PricedStay};
use crate::HotelClock;
use chrono::{DateTime, NaiveDate, Utc};
use kernel::Money;
use serde::{Deserialize, Serialize};

/// Free until `free_days` days before arrival (at the hotel's check-in time), then `late_fee`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CancellationPolicy {
    pub free_days: u32,
    pub late_fee: LateFee,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LateFee {
    /// Cancelling is free up to arrival.
    #[default]
    None,
    FirstNight,
    /// A share of the whole stay, taxes included.
    Percent(BasisPoints),
}

/// What cancelling one booking costs, fixed when it is booked or modified so later changes to
/// the rate never change a guest's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancellationTerms {
    pub free_until: DateTime<Utc>,
    pub late_fee: Money,
}

impl CancellationPolicy {
    /// The terms for `priced`, arriving on `arrival`: free until the hotel's check-in time
    /// `free_days` days before, on the hotel's calendar (so a DST change never shifts it).
    pub fn terms(&self, priced: &PricedStay, clock: &HotelClock, arrival: NaiveDate) -> CancellationTerms {
        let total = priced.total();
        let fee_minor = match self.late_fee {
            LateFee::None => 0,
            LateFee::FirstNight => priced.nights().first().map_or(0, |n| n.amount.minor()),
            LateFee::Percent(bp) => {
                i64::try_from(bp.share_of(i128::from(total.minor()))).expect("a share of an i64 fits an i64")
            }
        };
        CancellationTerms {
            free_until: clock.check_in_on(arrival - chrono::Duration::days(i64::from(self.free_days))),
            late_fee: Money::from_minor(fee_minor.clamp(0, total.minor().max(0)), total.currency()),
        }
    }
}

impl CancellationTerms {
    /// What cancelling at `now` costs.
    pub fn fee_at(&self, now: DateTime<Utc>) -> Money {
        if now < self.free_until {
            Money::zero(self.late_fee.currency())
        } else {
            self.late_fee
        }
    }

    /// The stricter of these terms and the ones `before` a change: the earlier deadline and the
    /// larger fee, at most the new `total`. Moving a stay never loosens its terms, or a guest
    /// inside the fee window could move the arrival out, cancel free and book again.
    pub fn stricter(self, before: &CancellationTerms, total: Money) -> Self {
        let fee = self.late_fee.minor().max(before.late_fee.minor()).min(total.minor().max(0));
        Self { free_until: self.free_until.min(before.free_until), late_fee: Money::from_minor(fee, self.late_fee.currency()) }
    }

    /// Free terms, for bookings made before rates had policies.
    pub fn free(currency: kernel::Currency) -> Self {
        Self { free_until: DateTime::<Utc>::MAX_UTC, late_fee: Money::zero(currency) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::{price, RatePlan, Taxes};
    use kernel::{Currency, Party, Stay};

    fn priced() -> PricedStay {
        let plan = RatePlan::new(Money::from_minor(10_000, Currency::EUR))
            .unwrap()
            .with_taxes(Taxes::new(BasisPoints::percent(7), None).unwrap())
            .unwrap();
        let stay = Stay::new("2026-12-01".parse().unwrap(), "2026-12-04".parse().unwrap()).unwrap();
        price(&plan, &stay, &Party::new(2, 0).unwrap(), None).unwrap()
    }
    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn free_until_the_deadline_then_the_first_night() {
        let policy = CancellationPolicy { free_days: 2, late_fee: LateFee::FirstNight };
        let terms = policy.terms(&priced(), &HotelClock::default(), "2026-12-01".parse().unwrap());
        assert_eq!(terms.free_until, at("2026-11-29T14:00:00Z"), "15:00 in Berlin");
        assert_eq!(terms.fee_at(at("2026-11-29T13:59:59Z")).minor(), 0);
        assert_eq!(terms.fee_at(at("2026-11-29T14:00:00Z")).minor(), 10_000);
    }

    #[test]
    fn a_percentage_is_of_the_whole_stay_with_taxes_rounded_once() {
        let policy = CancellationPolicy { free_days: 0, late_fee: LateFee::Percent(BasisPoints::new(3333)) };
        let terms = policy.terms(&priced(), &HotelClock::default(), "2026-12-01".parse().unwrap());
        // 3 × 100.00 + 7 % VAT = 321.00; 33.33 % of it is 106.9893 → 106.99.
        assert_eq!(terms.late_fee.minor(), 10_699);
    }

    #[test]
    fn the_deadline_keeps_the_check_in_time_across_a_dst_change() {
        let policy = CancellationPolicy { free_days: 2, late_fee: LateFee::FirstNight };
        // Berlin leaves summer time on 25 October 2026: arrival on the 26th, deadline on the 24th.
        let terms = policy.terms(&priced(), &HotelClock::default(), "2026-10-26".parse().unwrap());
        assert_eq!(terms.free_until, at("2026-10-24T13:00:00Z"), "15:00 summer time, not 14:00");
    }

    #[test]
    fn a_change_keeps_the_stricter_terms() {
        let eur = |m| Money::from_minor(m, Currency::EUR);
        let old = CancellationTerms { free_until: at("2026-11-29T14:00:00Z"), late_fee: eur(10_000) };
        let moved_out = CancellationTerms { free_until: at("2027-01-10T14:00:00Z"), late_fee: eur(8_000) };
        let kept = moved_out.stricter(&old, eur(50_000));
        assert_eq!(kept, CancellationTerms { free_until: old.free_until, late_fee: eur(10_000) });
        let shorter = moved_out.stricter(&old, eur(6_000));
        assert_eq!(shorter.late_fee, eur(6_000), "never more than the stay costs now");
        let earlier = CancellationTerms { free_until: at("2026-11-20T14:00:00Z"), late_fee: eur(12_000) };
        assert_eq!(earlier.stricter(&old, eur(50_000)), earlier);
    }

    #[test]
    fn without_a_late_fee_cancelling_is_always_free() {
        let terms = CancellationPolicy::default().terms(&priced(), &HotelClock::default(), "2026-12-01".parse().unwrap());
        assert_eq!(terms.fee_at(at("2026-12-03T00:00:00Z")).minor(), 0);
    }
}
