use super::{a_date_of_its_own, rooms_on_floors};
use crate::helpers::{add_guest, request, spawn_app};
use kernel::{RoomId, Stay, UserId};
use rooms::{AssignmentError, Housekeeping, WorkKind};
use std::collections::{BTreeSet, HashMap};

/// 12 rooms on 3 floors, each floor two departures and two stay-overs (8 units of work); one
/// departure upstairs already given to the third attendant.
#[tokio::test]
async fn the_days_rooms_are_shared_evenly_floor_by_floor_keeping_what_was_given() {
    let app = spawn_app().await;
    let rooms = &app.state.rooms;
    let date = a_date_of_its_own();
    let hotel = rooms_on_floors(&app, 3, 4).await;
    let work: Vec<(RoomId, WorkKind)> = hotel
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (
                r.id,
                if i % 4 < 2 {
                    WorkKind::Departure
                } else {
                    WorkKind::StayOver
                },
            )
        })
        .collect();
    let attendants = [UserId::new(), UserId::new(), UserId::new()];
    let (supervisor, upstairs) = (UserId::new(), hotel[8].id);
    rooms
        .assign(date, upstairs, attendants[2], supervisor)
        .await
        .unwrap();

    let made = rooms
        .distribute(date, &attendants, &work, supervisor)
        .await
        .unwrap();
    assert_eq!(made.len(), 11, "every room but the one given already");
    assert!(made
        .iter()
        .all(|a| a.room_id != upstairs && a.assigned_by == supervisor));
    let all = rooms.assignments(date).await.unwrap();
    assert_eq!(all.len(), 12);
    assert_eq!(
        all.iter()
            .find(|a| a.room_id == upstairs)
            .unwrap()
            .attendant,
        attendants[2],
        "what was given stays"
    );

    let kinds: HashMap<RoomId, WorkKind> = work.iter().copied().collect();
    for attendant in attendants {
        let theirs = rooms.rooms_of(date, attendant).await.unwrap();
        let load: u32 = theirs.iter().map(|a| kinds[&a.room_id].weight()).sum();
        assert!(
            (7..=9).contains(&load),
            "equal work within one unit: {attendant} has {load}"
        );
        let floors: BTreeSet<i32> = theirs.iter().map(|a| a.floor).collect();
        assert_eq!(
            floors.len(),
            1,
            "each attendant keeps to one floor: {floors:?}"
        );
    }
    assert_eq!(
        rooms.rooms_of(date, attendants[2]).await.unwrap()[0].floor,
        3,
        "the third stays upstairs"
    );

    let history = rooms.assignment_history(date).await.unwrap().len();
    assert!(
        rooms
            .distribute(date, &attendants, &work, supervisor)
            .await
            .unwrap()
            .is_empty(),
        "a second run changes nothing"
    );
    assert_eq!(rooms.assignments(date).await.unwrap(), all);
    assert_eq!(rooms.assignment_history(date).await.unwrap().len(), history);
}

#[tokio::test]
async fn distributing_needs_attendants_and_known_rooms() {
    let app = spawn_app().await;
    let date = a_date_of_its_own();
    let room = rooms_on_floors(&app, 1, 1).await.remove(0);
    let work = [
        (room.id, WorkKind::Departure),
        (RoomId::new(), WorkKind::StayOver),
    ];
    let by = UserId::new();
    let refused = app
        .state
        .rooms
        .distribute(date, &[UserId::new()], &work, by)
        .await
        .unwrap_err();
    assert!(
        matches!(refused, AssignmentError::UnknownRoom(_)),
        "{refused:?}"
    );
    let refused = app
        .state
        .rooms
        .distribute(date, &[], &work[..1], by)
        .await
        .unwrap_err();
    assert!(
        matches!(refused, AssignmentError::NoAttendants),
        "{refused:?}"
    );
    assert!(
        app.state.rooms.assignments(date).await.unwrap().is_empty(),
        "nothing was assigned"
    );
}

/// The desk's lists say what a room needs: a guest arriving today in a clean room is a check,
/// in a dirty one a full clean.
#[tokio::test]
async fn todays_arrivals_make_the_work_the_desk_reports() {
    let app = spawn_app().await;
    let room_type = crate::helpers::add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let today = app.state.bookings.today();
    let stay = Stay::new(today, today + chrono::Days::new(2)).unwrap();
    let booking = app
        .state
        .bookings
        .book(request(guest.id, &room_type, stay))
        .await
        .unwrap();
    let work = app.state.desk.housekeeping_work(today).await.unwrap();
    assert!(
        work.contains(&(booking.room_id, WorkKind::ArrivalCheck)),
        "{work:?}"
    );
    app.state
        .rooms
        .set_housekeeping(booking.room_id, Housekeeping::Dirty, UserId::new(), None)
        .await
        .unwrap();
    let work = app.state.desk.housekeeping_work(today).await.unwrap();
    assert!(
        work.contains(&(booking.room_id, WorkKind::Departure)),
        "{work:?}"
    );
}
