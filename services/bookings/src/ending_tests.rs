use super::*;
use crate::CancellationTerms;
use kernel::{Currency, Party, RoomId, RoomTypeCode, Stay};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
}

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

/// A stay of 10–13 March 2027, free to cancel until two days before arrival, then €100.
pub(crate) fn booking(status: BookingStatus) -> Booking {
    Booking {
        id: BookingId::new(),
        user_id: UserId::new(),
        room_id: RoomId::new(),
        room_number: "204".into(),
        room_type: RoomTypeCode::parse("STD").unwrap(),
        stay: Stay::new(day(10), day(13)).unwrap(),
        party: Party::new(2, 0).unwrap(),
        total: eur(36_000),
        status,
        created_at: Utc::now(),
        price: None,
        promo_code: None,
        terms: CancellationTerms { free_until: HotelClock::default().check_in_on(day(8)), late_fee: eur(10_000) },
        cancellation_fee: None,
    }
}

#[test]
fn a_no_show_is_marked_from_the_day_after_arrival_and_only_for_a_confirmed_booking() {
    let b = booking(BookingStatus::Confirmed);
    for today in [day(9), day(10)] {
        let err = Ending::NoShow.check(&b, today).unwrap_err();
        assert_eq!(err.to_string(), "this guest arrives on 2027-03-10: a no-show can be marked from the day after");
        assert!(!b.no_show_on(today));
    }
    assert_eq!(Ending::NoShow.check(&b, day(11)).unwrap(), BookingStatus::NoShow);
    assert!(b.no_show_on(day(20)), "after the stay too");
    for status in [BookingStatus::CheckedIn, BookingStatus::Cancelled, BookingStatus::Pending] {
        let err = Ending::NoShow.check(&booking(status), day(11)).unwrap_err();
        assert!(matches!(err, BookingError::IllegalTransition(_)), "{status:?}: {err}");
    }
}

#[test]
fn a_no_show_costs_what_cancelling_at_check_in_time_on_arrival_would() {
    let clock = HotelClock::default();
    let mut b = booking(BookingStatus::Confirmed);
    assert_eq!(b.no_show_fee(&clock), eur(10_000));
    b.terms.free_until = clock.check_in_on(day(10));
    assert_eq!(b.no_show_fee(&clock), eur(10_000), "free until arrival is not free at arrival");
    b.terms = CancellationTerms::free(Currency::EUR);
    assert_eq!(b.no_show_fee(&clock), eur(0), "terms without a fee");
}

#[test]
fn a_cancellation_is_refused_once_the_stay_is_over_and_a_waiver_costs_nothing() {
    let b = booking(BookingStatus::Confirmed);
    assert!(b.cancellable_on(day(12)));
    assert!(!b.cancellable_on(day(13)), "ended this morning: a no-show");
    let why = WaiverReason::parse("flight cancelled").unwrap();
    assert!(matches!(Ending::Waive(&why).check(&b, day(13)), Err(BookingError::Desk(DeskRefusal::StayOver(_)))));
    let now = Utc::now();
    assert_eq!(Ending::Waive(&why).fee(&b, &HotelClock::default(), now), eur(0));
    assert_eq!(Ending::Waive(&why).reason(), Some("flight cancelled"));
    assert_eq!(Ending::NoShow.reason(), Some(NO_SHOW_REASON));
    assert!(!booking(BookingStatus::CheckedIn).cancellable_on(day(11)));
}

#[test]
fn asking_again_is_a_retry_except_a_waiver_of_a_fee_already_charged() {
    let why = WaiverReason::parse("goodwill").unwrap();
    let mut cancelled = booking(BookingStatus::Cancelled);
    cancelled.cancellation_fee = Some(eur(10_000));
    assert!(Ending::Cancel.done(&cancelled));
    assert!(!Ending::Waive(&why).done(&cancelled), "the fee was charged: refused, not silently kept");
    cancelled.cancellation_fee = Some(eur(0));
    assert!(Ending::Waive(&why).done(&cancelled));
    assert!(Ending::NoShow.done(&booking(BookingStatus::NoShow)));
    assert!(!Ending::NoShow.done(&cancelled));
}
