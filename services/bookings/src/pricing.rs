//! Prices a stay. Today every night costs the room type's base price; seasons, day-of-week
//! rules and taxes will refine `quote` without changing its callers.
use chrono::NaiveDate;
use kernel::{Money, Party, Stay};
use rooms::RoomType;

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub nights: Vec<(NaiveDate, Money)>,
    pub total: Money,
}

pub fn quote(room_type: &RoomType, stay: &Stay, _party: &Party) -> Quote {
    let nightly = room_type.base_price;
    let nights: Vec<_> = stay.check_in().iter_days().take(stay.nights() as usize).map(|d| (d, nightly)).collect();
    let total = nights
        .iter()
        .try_fold(Money::zero(nightly.currency()), |sum, (_, m)| sum.plus(*m))
        .expect("a stay of at most 30 nights cannot overflow i64 cents");
    Quote { nights, total }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_is_the_sum_of_the_nights() {
        let rt = rooms::demo::room_types().remove(0);
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let stay = Stay::new(d("2026-12-30"), d("2027-01-02")).unwrap();
        let q = quote(&rt, &stay, &Party::new(2, 0).unwrap());
        assert_eq!(q.nights.len(), 3);
        assert_eq!(q.nights[2].0, d("2027-01-01"));
        assert_eq!(q.total.minor(), rt.base_price.minor() * 3);
    }
}
