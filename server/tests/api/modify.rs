//! Changing bookings: re-priced and re-checked atomically, never onto a held room, and racing
//! new bookings without ever overlapping.
use crate::helpers::{
    add_guest, add_room_type, book_form, call, request, sign_in, spawn_app, stay, TestApp,
};
use bookings::{Booking, BookingError, ModifyRequest};
use futures::future::join_all;
use kernel::{Party, Stay, UserId};

fn change(b: &Booking, by: UserId, stay: Stay) -> ModifyRequest {
    ModifyRequest { booking_id: b.id, by, is_staff: false, room_type: b.room_type.clone(), stay, party: b.party }
}

async fn modified_events(app: &TestApp, b: &Booking) -> Vec<serde_json::Value> {
    sqlx::query_scalar("SELECT payload FROM bookings.outbox WHERE key = $1 AND topic = 'booking.modified' ORDER BY id")
        .bind(b.id.to_string())
        .fetch_all(&app.deps.pg)
        .await
        .unwrap()
}

#[tokio::test]
async fn longer_dates_are_repriced_keep_the_room_and_emit_booking_modified() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 3).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(200, 3))).await.unwrap();

    let after = app.state.bookings.modify(change(&booking, guest.id, stay(200, 4))).await.unwrap();
    assert_eq!(after.total.minor(), 4 * 12_345);
    assert_eq!(after.room_id, booking.room_id, "the guest keeps their room when it is free");
    assert_eq!(app.state.bookings.find(booking.id).await.unwrap(), after);

    let events = modified_events(&app, &booking).await;
    assert_eq!(events.len(), 1);
    let p = &events[0]["payload"];
    assert_eq!((p["change"].as_str(), p["total_amount"].as_str(), p["previous_total_amount"].as_str()), (Some("modified"), Some("493.80"), Some("370.35")));
    let path = format!("{}/../docs/events/booking.modified.v1.schema.json", env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let errors: Vec<String> = jsonschema::validator_for(&schema).unwrap().iter_errors(&events[0]).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "booking.modified does not match its schema: {errors:?}");

    let same = app.state.bookings.modify(change(&after, guest.id, after.stay)).await.unwrap();
    assert_eq!(same, after);
    assert_eq!(modified_events(&app, &booking).await.len(), 1, "an unchanged booking emits nothing");
}

#[tokio::test]
async fn a_change_onto_held_nights_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let (guest, other) = (add_guest(&app).await, add_guest(&app).await);
    let mine = app.state.bookings.book(request(guest.id, &room_type, stay(210, 3))).await.unwrap();
    app.state.bookings.book(request(other.id, &room_type, stay(213, 2))).await.unwrap();

    let err = app.state.bookings.modify(change(&mine, guest.id, stay(210, 4))).await.unwrap_err();
    assert!(matches!(err, BookingError::NoLongerAvailable), "{err:?}");
    assert_eq!(app.state.bookings.find(mine.id).await.unwrap(), mine, "nothing changed");
    assert!(modified_events(&app, &mine).await.is_empty());

    let bigger = ModifyRequest { party: Party::new(5, 0).unwrap(), ..change(&mine, guest.id, mine.stay) };
    let err = app.state.bookings.modify(bigger).await.unwrap_err();
    assert_eq!(err.to_string(), "this room sleeps at most 2 adults and 1 children");
}

#[tokio::test]
async fn only_the_guest_or_staff_may_change_a_booking_and_never_a_cancelled_one() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let (guest, stranger) = (add_guest(&app).await, add_guest(&app).await);
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(220, 2))).await.unwrap();

    let err = app.state.bookings.modify(change(&booking, stranger.id, stay(220, 3))).await.unwrap_err();
    assert!(matches!(err, BookingError::NotFound), "{err:?}");
    let staff = ModifyRequest { is_staff: true, ..change(&booking, stranger.id, stay(220, 3)) };
    app.state.bookings.modify(staff).await.expect("staff may change any booking");

    app.state.bookings.cancel(booking.id, guest.id, false).await.unwrap();
    let err = app.state.bookings.modify(change(&booking, guest.id, stay(221, 3))).await.unwrap_err();
    assert_eq!(err.to_string(), "a cancelled booking cannot be changed");
}

#[tokio::test]
async fn staff_move_a_stay_to_a_free_room_but_never_onto_a_held_one() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 3).await;
    let (guest, other) = (add_guest(&app).await, add_guest(&app).await);
    let first = app.state.bookings.book(request(guest.id, &room_type, stay(230, 2))).await.unwrap();
    let second = app.state.bookings.book(request(other.id, &room_type, stay(230, 2))).await.unwrap();
    let free = (0..3)
        .map(|i| format!("{}-{i}", room_type.code))
        .find(|n| *n != first.room_number && *n != second.room_number)
        .unwrap();

    let err = app.state.bookings.move_room(first.id, &second.room_number, guest.id).await.unwrap_err();
    assert_eq!(err.to_string(), format!("room {} cannot take this stay: it is booked on some of these nights", second.room_number));
    let moved = app.state.bookings.move_room(first.id, &free, guest.id).await.unwrap();
    assert_eq!((moved.room_number.as_str(), moved.total), (free.as_str(), first.total), "moved at the price sold");
    let events = modified_events(&app, &first).await;
    assert_eq!(events[0]["payload"]["change"], "room_moved");
    let err = app.state.bookings.move_room(first.id, "NO-SUCH", guest.id).await.unwrap_err();
    assert!(err.to_string().contains("does not exist or is out of order"), "{err}");
}

/// Five rooms, each held for nights 300–302 by a booking that wants to stay until 306, while 40
/// new bookings want 302–306. Every room's nights 302–306 go to exactly one of them.
#[tokio::test]
async fn changes_racing_new_bookings_never_overlap_and_losers_change_nothing() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 5).await;
    let guest = add_guest(&app).await;
    let mut held = Vec::new();
    for _ in 0..5 {
        held.push(app.state.bookings.book(request(guest.id, &room_type, stay(300, 2))).await.unwrap());
    }
    let svc = app.state.bookings.clone();
    let changes = held.iter().map(|b| {
        let svc = svc.clone();
        let req = change(b, guest.id, stay(300, 6));
        tokio::spawn(async move { svc.modify(req).await })
    });
    let newcomers = (0..40).map(|_| {
        let svc = svc.clone();
        let req = request(guest.id, &room_type, stay(302, 4));
        tokio::spawn(async move { svc.book(req).await })
    });
    let (changed, booked) = futures::join!(join_all(changes), join_all(newcomers));
    let changed: Vec<_> = changed.into_iter().map(Result::unwrap).collect();
    let booked: Vec<_> = booked.into_iter().map(Result::unwrap).collect();
    let wins = changed.iter().filter(|r| r.is_ok()).count() + booked.iter().filter(|r| r.is_ok()).count();
    assert_eq!(wins, 5, "each room's last four nights sold exactly once");
    for r in changed.iter().chain(booked.iter()) {
        if let Err(e) = r {
            assert!(matches!(e, BookingError::NoLongerAvailable), "every loser hears 'no longer available': {e:?}");
        }
    }
    for (before, result) in held.iter().zip(&changed) {
        if result.is_err() {
            assert_eq!(&app.state.bookings.find(before.id).await.unwrap(), before, "a lost change left the booking as it was");
        }
    }
    let overlaps: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM bookings.bookings a JOIN bookings.bookings b
           ON a.room_id = b.room_id AND a.id < b.id
          AND daterange(a.check_in, a.check_out) && daterange(b.check_in, b.check_out)
         WHERE a.room_type = $1 AND a.status NOT IN ('cancelled', 'no_show') AND b.status NOT IN ('cancelled', 'no_show')",
    )
    .bind(room_type.code.as_str())
    .fetch_one(&app.deps.pg)
    .await
    .unwrap();
    assert_eq!(overlaps, 0);
}

/// The change page posts flat fields (`id`, `room_type`, `check_in`, `check_out`, `adults`,
/// `children`) to both the preview and the change; both read them the same way.
#[tokio::test]
async fn the_change_form_fields_preview_and_then_save_a_change() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let client = sign_in(&app, "guest@hotel.test", "guest").await;
    let booked = book_form(&room_type, 95, 2);
    let id = call(&client, &app, "book", &booked)
        .await
        .as_str()
        .unwrap()
        .to_owned();
    let check_in = booked
        .iter()
        .find(|(k, _)| *k == "check_in")
        .unwrap()
        .1
        .clone();
    let check_out =
        (check_in.parse::<chrono::NaiveDate>().unwrap() + chrono::Days::new(3)).to_string();
    let form = [
        ("id", id.clone()),
        ("room_type", room_type.code.to_string()),
        ("check_in", check_in),
        ("check_out", check_out),
        ("adults", "2".into()),
        ("children", "0".into()),
    ];

    let preview = call(&client, &app, "preview_change", &form).await;
    assert_eq!(preview["quote"]["nights"], 3, "{preview}");
    assert!(
        preview["money"]
            .as_str()
            .is_some_and(|m| m.contains("more")),
        "{preview}"
    );

    let saved = client
        .post(format!("{}/api/modify_booking", app.address))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert!(
        saved.status().is_success() || saved.status().is_redirection(),
        "{}",
        saved.status()
    );
    let changed = call(&client, &app, "booking", &[("id", &id)]).await;
    assert_eq!(
        (changed["nights"].as_i64(), changed["adults"].as_i64()),
        (Some(3), Some(2)),
        "{changed}"
    );

    let mut unparsable = form.clone();
    unparsable[4].1 = "two".into();
    let refused = client
        .post(format!("{}/api/preview_change", app.address))
        .form(&unparsable)
        .send()
        .await
        .unwrap();
    assert!(
        refused.status().is_client_error() || refused.status().is_server_error(),
        "{}",
        refused.status()
    );
}
