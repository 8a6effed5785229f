use super::*;
use WorkKind::*;

fn room(floor: i32, n: usize, kind: WorkKind) -> RoomWork {
    RoomWork {
        room: RoomId::from_uuid(uuid::Uuid::from_u128((floor as u128) << 16 | n as u128)),
        number: format!("{floor}{n:02}"),
        floor,
        kind,
    }
}

fn attendants(n: u128) -> Vec<UserId> {
    (1..=n)
        .map(|i| UserId::from_uuid(uuid::Uuid::from_u128(i)))
        .collect()
}

/// Total weight per attendant, counting what they held before.
fn loads(work: &[RoomWork], given: &[(RoomId, UserId)], held: &[Held], who: &[UserId]) -> Vec<u32> {
    who.iter()
        .map(|a| {
            let new: u32 = given
                .iter()
                .filter(|(_, b)| b == a)
                .map(|(r, _)| work.iter().find(|w| w.room == *r).unwrap().kind.weight())
                .sum();
            new + held
                .iter()
                .filter(|h| h.attendant == *a)
                .map(|h| h.weight)
                .sum::<u32>()
        })
        .collect()
}

fn floors_of(work: &[RoomWork], given: &[(RoomId, UserId)], a: UserId) -> BTreeSet<i32> {
    given
        .iter()
        .filter(|(_, b)| *b == a)
        .map(|(r, _)| work.iter().find(|w| w.room == *r).unwrap().floor)
        .collect()
}

fn spread(loads: &[u32]) -> u32 {
    loads.iter().max().unwrap() - loads.iter().min().unwrap()
}

#[test]
fn floors_of_equal_work_go_one_to_each_attendant() {
    let work: Vec<RoomWork> = (1..=3)
        .flat_map(|f| {
            [
                room(f, 1, Departure),
                room(f, 2, Departure),
                room(f, 3, StayOver),
                room(f, 4, StayOver),
            ]
        })
        .collect();
    let who = attendants(3);
    let given = distribute(&work, &who, &[]);
    assert_eq!(given.len(), 12);
    assert_eq!(loads(&work, &given, &[], &who), vec![8, 8, 8]);
    for a in &who {
        assert_eq!(floors_of(&work, &given, *a).len(), 1, "one floor each");
    }
}

#[test]
fn uneven_floors_still_even_out_within_one_unit() {
    let work = vec![
        room(1, 1, Departure),
        room(1, 2, Departure),
        room(1, 3, Departure),
        room(1, 4, Departure),
        room(2, 1, Departure),
        room(2, 2, Departure),
        room(2, 3, StayOver),
        room(2, 4, StayOver),
        room(3, 1, StayOver),
        room(3, 2, StayOver),
        room(3, 3, StayOver),
        room(3, 4, ArrivalCheck),
    ];
    let who = attendants(3);
    let given = distribute(&work, &who, &[]);
    let loads = loads(&work, &given, &[], &who);
    assert!(spread(&loads) <= 1, "{loads:?}");
    for a in &who {
        assert!(
            floors_of(&work, &given, *a).len() <= 2,
            "at most two floors each"
        );
    }
}

#[test]
fn held_rooms_stay_and_count_and_draw_their_attendant_to_their_floor() {
    let work: Vec<RoomWork> = (1..=3)
        .flat_map(|f| {
            [
                room(f, 1, Departure),
                room(f, 2, Departure),
                room(f, 3, StayOver),
                room(f, 4, StayOver),
            ]
        })
        .collect();
    let who = attendants(3);
    let held = [Held {
        room: work[8].room,
        attendant: who[0],
        floor: 3,
        weight: Departure.weight(),
    }];
    let given = distribute(&work, &who, &held);
    assert_eq!(given.len(), 11);
    assert!(
        given.iter().all(|(r, _)| *r != work[8].room),
        "a held room is never reassigned"
    );
    assert_eq!(loads(&work, &given, &held, &who), vec![8, 8, 8]);
    assert_eq!(
        floors_of(&work, &given, who[0]),
        BTreeSet::from([3]),
        "the attendant already upstairs stays there"
    );
}

#[test]
fn the_same_input_in_any_order_gives_the_same_answer() {
    let work: Vec<RoomWork> = (1..=4)
        .flat_map(|f| {
            (1..=5).map(move |n| room(f, n, if n % 2 == 0 { Departure } else { StayOver }))
        })
        .collect();
    let who = attendants(3);
    let first = distribute(&work, &who, &[]);
    let mut reversed_work = work.clone();
    reversed_work.reverse();
    let mut reversed_who = who.clone();
    reversed_who.reverse();
    assert_eq!(distribute(&reversed_work, &reversed_who, &[]), first);
    assert!(spread(&loads(&work, &first, &[], &who)) <= 1);
}

#[test]
fn nothing_is_assigned_without_attendants_or_open_rooms() {
    let work = vec![room(1, 1, Departure)];
    assert!(distribute(&work, &[], &[]).is_empty());
    let who = attendants(2);
    let held = [Held {
        room: work[0].room,
        attendant: UserId::new(),
        floor: 1,
        weight: 3,
    }];
    assert!(
        distribute(&work, &who, &held).is_empty(),
        "a room held by someone off shift stays theirs"
    );
}

#[test]
fn a_room_listed_twice_is_assigned_once() {
    let work = vec![room(1, 1, Departure), room(1, 1, Departure)];
    assert_eq!(distribute(&work, &attendants(2), &[]).len(), 1);
}
