use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
fn stay(from: &str, to: &str) -> Stay {
    Stay::new(d(from), d(to)).unwrap()
}
/// Christmas to New Year: arrivals 2026-12-20 up to and including 2027-01-02.
fn holidays(rule: Rule) -> Restriction {
    Restriction::new(d("2026-12-20"), d("2027-01-03"), rule).unwrap()
}
fn today() -> NaiveDate {
    d("2026-11-25")
}

#[test]
fn minimum_stay_applies_by_the_arrival_date() {
    let r = [holidays(Rule::MinStay { nights: 3 })];
    let refusal = check(&r, &stay("2026-12-20", "2026-12-22"), today()).unwrap_err();
    assert_eq!(
        refusal.to_string(),
        "This room needs a stay of at least 3 nights for arrivals between 2026-12-20 and 2027-01-02"
    );
    assert!(check(&r, &stay("2027-01-02", "2027-01-04"), today()).is_err(), "last day of the range");
    assert_eq!(check(&r, &stay("2026-12-20", "2026-12-23"), today()), Ok(()));
    // Arriving the day before the range, a short stay reaching into it is fine.
    assert_eq!(check(&r, &stay("2026-12-19", "2026-12-21"), today()), Ok(()));
    assert_eq!(check(&r, &stay("2027-01-03", "2027-01-04"), today()), Ok(()), "the range's end is exclusive");
}

#[test]
fn maximum_stay_applies_by_the_arrival_date() {
    let r = [holidays(Rule::MaxStay { nights: 7 })];
    let refusal = check(&r, &stay("2026-12-24", "2027-01-01"), today()).unwrap_err();
    assert_eq!(refusal, Refusal::MaxStay { max: 7, first: d("2026-12-20"), last: d("2027-01-02") });
    assert!(refusal.to_string().starts_with("This room can be booked for at most 7 nights for arrivals"));
    assert_eq!(check(&r, &stay("2026-12-24", "2026-12-31"), today()), Ok(()));
    assert_eq!(check(&r, &stay("2026-12-10", "2026-12-30"), today()), Ok(()));
}

#[test]
fn closed_to_arrival_looks_at_the_check_in_only() {
    let r = [Restriction::new(d("2026-12-24"), d("2026-12-25"), Rule::ClosedToArrival).unwrap()];
    let refusal = check(&r, &stay("2026-12-24", "2026-12-27"), today()).unwrap_err();
    assert_eq!(refusal.to_string(), "Arrivals on 2026-12-24 are not possible for this room");
    assert_eq!(check(&r, &stay("2026-12-23", "2026-12-27"), today()), Ok(()), "staying through is fine");
    assert_eq!(check(&r, &stay("2026-12-22", "2026-12-24"), today()), Ok(()), "leaving that day is fine");
}

#[test]
fn closed_to_departure_looks_at_the_check_out_only() {
    let r = [Restriction::new(d("2027-01-01"), d("2027-01-02"), Rule::ClosedToDeparture).unwrap()];
    let refusal = check(&r, &stay("2026-12-29", "2027-01-01"), today()).unwrap_err();
    assert_eq!(refusal.to_string(), "Departures on 2027-01-01 are not possible for this room");
    assert_eq!(check(&r, &stay("2027-01-01", "2027-01-03"), today()), Ok(()), "arriving that day is fine");
    assert_eq!(check(&r, &stay("2026-12-30", "2027-01-02"), today()), Ok(()));
}

#[test]
fn minimum_lead_time_counts_days_before_arrival() {
    let r = [holidays(Rule::MinLeadDays { days: 2 })];
    let on = |t: &str| check(&r, &stay("2026-12-22", "2026-12-25"), d(t));
    assert_eq!(on("2026-12-20"), Ok(()));
    let refusal = on("2026-12-21").unwrap_err();
    assert_eq!(
        refusal.to_string(),
        "This room must be booked at least 2 days before arrival for arrivals between 2026-12-20 and 2027-01-02"
    );
    assert!(on("2026-12-22").is_err(), "same-day booking");
}

#[test]
fn maximum_advance_counts_days_before_arrival() {
    let r = [holidays(Rule::MaxAdvanceDays { days: 30 })];
    let on = |t: &str| check(&r, &stay("2026-12-22", "2026-12-25"), d(t));
    assert_eq!(on("2026-11-22"), Ok(()), "exactly 30 days ahead");
    assert_eq!(on("2026-11-21"), Err(Refusal::TooEarly { max: 30, first: d("2026-12-20"), last: d("2027-01-02") }));
    assert!(on("2026-11-21").unwrap_err().to_string().contains("at most 30 days before arrival"));
}

#[test]
fn the_first_restriction_that_refuses_is_reported() {
    let r = [
        holidays(Rule::MaxStay { nights: 10 }),
        holidays(Rule::MinStay { nights: 3 }),
        Restriction::new(d("2026-12-20"), d("2026-12-21"), Rule::ClosedToArrival).unwrap(),
    ];
    let refusal = check(&r, &stay("2026-12-20", "2026-12-21"), today()).unwrap_err();
    assert!(matches!(refusal, Refusal::MinStay { min: 3, .. }));
    assert_eq!(check(&[], &stay("2026-12-20", "2026-12-21"), today()), Ok(()));
}

#[test]
fn singular_words_for_one_night_or_day() {
    let r = [holidays(Rule::MinLeadDays { days: 1 })];
    let refusal = check(&r, &stay("2026-12-22", "2026-12-23"), d("2026-12-22")).unwrap_err();
    assert!(refusal.to_string().contains("at least 1 day before"));
    let r = [holidays(Rule::MaxStay { nights: 1 })];
    let refusal = check(&r, &stay("2026-12-22", "2026-12-24"), today()).unwrap_err();
    assert!(refusal.to_string().contains("at most 1 night for"));
}

#[test]
fn a_restriction_refuses_nonsense() {
    assert_eq!(
        Restriction::new(d("2026-12-20"), d("2026-12-20"), Rule::ClosedToArrival),
        Err(InvalidRestriction::EmptyRange)
    );
    assert_eq!(
        Restriction::new(d("2026-12-20"), d("2026-12-21"), Rule::MinStay { nights: 0 }),
        Err(InvalidRestriction::ZeroNights)
    );
}

mod properties {
    use super::*;
    use chrono::Days;
    use proptest::prelude::*;

    fn rule() -> impl Strategy<Value = Rule> {
        prop_oneof![
            (1u32..15).prop_map(|nights| Rule::MinStay { nights }),
            (1u32..15).prop_map(|nights| Rule::MaxStay { nights }),
            Just(Rule::ClosedToArrival),
            Just(Rule::ClosedToDeparture),
            (0u32..30).prop_map(|days| Rule::MinLeadDays { days }),
            (0u32..400).prop_map(|days| Rule::MaxAdvanceDays { days }),
        ]
    }

    fn restriction() -> impl Strategy<Value = Restriction> {
        (0u64..120, 1u64..30, rule()).prop_map(|(start, len, rule)| {
            let from = today() + Days::new(start);
            Restriction::new(from, from + Days::new(len), rule).unwrap()
        })
    }

    fn a_stay() -> impl Strategy<Value = Stay> {
        (0u64..120, 1u64..=30).prop_map(|(start, nights)| {
            let from = today() + Days::new(start);
            Stay::new(from, from + Days::new(nights)).unwrap()
        })
    }

    proptest! {
        #[test]
        fn the_order_of_restrictions_changes_only_which_refusal_is_named(rs in prop::collection::vec(restriction(), 0..6), stay in a_stay()) {
            let mut reversed = rs.clone();
            reversed.reverse();
            prop_assert_eq!(check(&rs, &stay, today()).is_ok(), check(&reversed, &stay, today()).is_ok());
        }

        #[test]
        fn a_stay_is_refused_only_by_a_restriction_covering_its_arrival_or_departure(r in restriction(), stay in a_stay()) {
            if check(&[r], &stay, today()).is_err() {
                prop_assert!(r.covers(stay.check_in()) || r.covers(stay.check_out()));
            }
        }

        #[test]
        fn a_refusal_names_the_dates_a_guest_can_check(r in restriction(), stay in a_stay()) {
            if let Err(refusal) = check(&[r], &stay, today()) {
                let words = refusal.to_string();
                prop_assert!(words.contains(&r.from.to_string()) || words.contains(&stay.check_in().to_string()) || words.contains(&stay.check_out().to_string()));
            }
        }
    }
}
