use super::*;
use GuestService::{DoNotDisturb, MakeUpRequested, RefusedService};
use Housekeeping::*;
use Occupancy::*;

fn status(housekeeping: Housekeeping, occupancy: Occupancy) -> RoomStatus {
    RoomStatus::new(housekeeping, occupancy)
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

#[test]
fn the_same_status_again_changes_nothing() {
    for h in Housekeeping::ALL {
        for o in [Vacant, Occupied] {
            assert_eq!(status(h, o).with_housekeeping(h), Ok(None));
            assert_eq!(status(h, o).with_occupancy(o), Ok(None));
        }
    }
    assert_eq!(status(Dirty, Vacant).with_out_of_service(false), Ok(None));
}

#[test]
fn only_a_clean_room_can_be_inspected() {
    assert_eq!(status(Clean, Occupied).with_housekeeping(Inspected), Ok(Some(status(Inspected, Occupied))));
    assert_eq!(status(Clean, Vacant).pass_inspection(), Ok(Some(status(Inspected, Vacant))));
    for h in [Dirty, Cleaning, OutOfOrder] {
        assert_eq!(status(h, Vacant).with_housekeeping(Inspected), Err(StatusRefused::InspectBeforeClean(h)));
        assert_eq!(status(h, Vacant).pass_inspection(), Err(StatusRefused::InspectBeforeClean(h)));
    }
}

#[test]
fn cleaning_goes_dirty_cleaning_clean_and_inspected_only_when_the_hotel_inspects() {
    let started = status(Dirty, Vacant).start_cleaning().unwrap().unwrap();
    assert_eq!(started, status(Cleaning, Vacant));
    assert_eq!(started.start_cleaning(), Ok(None), "starting twice changes nothing");
    assert_eq!(started.finish_cleaning(true), Ok(Some(status(Clean, Vacant))));
    assert_eq!(started.finish_cleaning(false), Ok(Some(status(Inspected, Vacant))));
    assert_eq!(status(Dirty, Vacant).finish_cleaning(true), Ok(Some(status(Clean, Vacant))), "start not tapped");
    assert_eq!(status(Clean, Vacant).finish_cleaning(true), Ok(None));
}

#[test]
fn a_supervisor_sends_any_room_but_an_out_of_order_one_back_to_be_cleaned() {
    assert_eq!(status(Inspected, Occupied).needs_cleaning(), Ok(Some(status(Dirty, Occupied))));
    assert_eq!(status(Dirty, Vacant).needs_cleaning(), Ok(None));
    assert_eq!(status(OutOfOrder, Vacant).needs_cleaning(), Err(StatusRefused::OutOfOrder));
}

#[test]
fn a_failed_inspection_sends_the_room_back_to_dirty() {
    assert_eq!(status(Clean, Vacant).fail_inspection(), Ok(Some(status(Dirty, Vacant))));
    assert_eq!(status(Inspected, Vacant).fail_inspection(), Ok(Some(status(Dirty, Vacant))));
    for h in [Dirty, Cleaning, OutOfOrder] {
        assert_eq!(status(h, Vacant).fail_inspection(), Err(StatusRefused::NothingToFail(h)));
    }
}

#[test]
fn a_guest_who_keeps_housekeeping_out_is_not_cleaned() {
    for asked in [DoNotDisturb, RefusedService] {
        let room = status(Dirty, Occupied).with_guest_service(asked).unwrap().unwrap();
        assert_eq!(room.start_cleaning(), Err(StatusRefused::GuestKeepsOut(asked)));
        assert_eq!(room.finish_cleaning(true), Err(StatusRefused::GuestKeepsOut(asked)));
    }
    assert_eq!(status(Dirty, Vacant).with_guest_service(DoNotDisturb), Err(StatusRefused::NoGuest));
    assert_eq!(status(OutOfOrder, Vacant).start_cleaning(), Err(StatusRefused::OutOfOrder));
}

#[test]
fn a_make_up_request_reopens_a_clean_room_and_ends_when_it_is_done() {
    let asked = RoomStatus { guest_service: MakeUpRequested, ..status(Inspected, Occupied) };
    let cleaning = asked.start_cleaning().unwrap().unwrap();
    assert_eq!(cleaning.housekeeping, Cleaning);
    let done = cleaning.finish_cleaning(false).unwrap().unwrap();
    assert_eq!(done, status(Inspected, Occupied));
}

#[test]
fn out_of_service_is_a_flag_the_room_is_still_sold_and_checked_into() {
    let flagged = status(Clean, Vacant).with_out_of_service(true).unwrap().unwrap();
    assert!(flagged.out_of_service && flagged.housekeeping.sellable());
    assert_eq!(flagged.with_occupancy(Occupied).unwrap().unwrap().occupancy, Occupied);
}

#[test]
fn out_of_order_has_an_end_date_that_cannot_have_passed() {
    let out = status(Clean, Vacant).take_out_of_order(day(5), day(3)).unwrap().unwrap();
    assert_eq!((out.housekeeping, out.out_of_order_until), (OutOfOrder, Some(day(5))));
    assert_eq!(status(Clean, Vacant).take_out_of_order(day(2), day(3)), Err(StatusRefused::UntilInThePast));
    assert_eq!(out.with_occupancy(Occupied), Err(StatusRefused::NotSellable(OutOfOrder)));
    assert_eq!(out.back_in_order(), Ok(Some(status(Dirty, Vacant))));
    assert_eq!(status(Clean, Vacant).back_in_order(), Ok(None));
}

#[test]
fn a_departure_leaves_the_room_dirty_and_ends_the_guests_requests() {
    let asked = RoomStatus { guest_service: DoNotDisturb, reported: Some(Vacant), ..status(Inspected, Occupied) };
    assert_eq!(asked.with_occupancy(Vacant), Ok(Some(status(Dirty, Vacant))));
    assert_eq!(status(OutOfOrder, Occupied).with_occupancy(Vacant), Ok(Some(status(OutOfOrder, Vacant))));
}

#[test]
fn the_start_of_the_day_dirties_stay_overs_once_and_brings_rooms_back_in_order() {
    let stay_over = RoomStatus { guest_service: DoNotDisturb, ..status(Inspected, Occupied) };
    let next = stay_over.start_of_day(day(2)).unwrap().unwrap();
    assert_eq!(next, RoomStatus { business_day: Some(day(2)), ..status(Dirty, Occupied) });
    assert_eq!(RoomStatus { housekeeping: Clean, ..next }.start_of_day(day(2)), Ok(None), "once a day");
    let vacant_clean = status(Inspected, Vacant).start_of_day(day(2)).unwrap().unwrap();
    assert_eq!(vacant_clean.housekeeping, Inspected, "an empty clean room stays ready");

    let out = status(Clean, Vacant).take_out_of_order(day(3), day(1)).unwrap().unwrap();
    assert_eq!(out.start_of_day(day(3)).unwrap().unwrap().housekeeping, OutOfOrder, "out through its last day");
    let back = out.start_of_day(day(4)).unwrap().unwrap();
    assert_eq!((back.housekeeping, back.out_of_order_until), (Dirty, None));
}

#[test]
fn housekeepings_report_shows_a_skip_or_a_sleep() {
    use crate::Discrepancy;
    let skip = status(Dirty, Occupied).with_report(Vacant).unwrap().unwrap();
    assert_eq!(Discrepancy::of(skip.reported, skip.occupancy), Some(Discrepancy::Skip));
    let sleep = status(Dirty, Vacant).with_report(Occupied).unwrap().unwrap();
    assert_eq!(Discrepancy::of(sleep.reported, sleep.occupancy), Some(Discrepancy::Sleep));
    assert_eq!(Discrepancy::of(Some(Occupied), Occupied), None);
}
