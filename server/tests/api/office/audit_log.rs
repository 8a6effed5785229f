//! The audit log: staff actions kept by different services (rates in bookings, extras in
//! payments, a stay's note, a room's status, assignment and maintenance ticket in the rooms
//! service) come back in one list, newest
//! first, filtered by person and booking; the cursor pages through without losing or repeating
//! an action; other staff are refused (office::access).
use crate::helpers::{account_id, add_guest, add_room_type, post, request, sign_in, spawn_app, stay, unique};
use kernel::audit_trail::AuditQuery;
use reqwest::StatusCode;

fn sources(app: &crate::helpers::TestApp) -> office::AuditSources<'_> {
    office::AuditSources {
        bookings: &app.state.bookings,
        rooms: &app.state.rooms,
        billing: &app.state.billing,
        users: &app.state.users,
        notifications: &app.state.notifications,
    }
}

#[tokio::test]
async fn actions_kept_by_four_services_come_back_in_one_log_by_person_booking_and_page() {
    let app = spawn_app().await;
    let started = chrono::Utc::now() - chrono::Duration::seconds(1);
    let manager = sign_in(&app, "manager@hotel.test", "manager").await;
    let manager_id = account_id(&app, "manager@hotel.test").await;
    let desk_id = account_id(&app, "frontdesk@hotel.test").await;
    let t = add_room_type(&app, 1).await;
    let code = t.code.to_string();

    let season = |name: &str, days: i64| {
        let s = stay(200 + days * 20, 3);
        vec![
            ("room_type", code.clone()), ("name", name.to_owned()), ("starts", s.check_in().to_string()),
            ("last_night", s.check_out().to_string()), ("kind", "percent".into()), ("amount", "10".into()),
        ]
    };
    for (i, name) in ["First", "Second", "Third"].iter().enumerate() {
        assert_eq!(post(&manager, &app, "admin/save_season", &season(name, i as i64)).await.0, StatusCode::OK);
    }
    let extra = unique("x").to_lowercase();
    let (status, _) = post(&manager, &app, "admin/save_extra", &[
        ("code", extra.clone()), ("name", "Audit test bike".into()), ("price", "9.00".into()), ("vat", "19".into()), ("active", "on".into()),
    ]).await;
    assert_eq!(status, StatusCode::OK);
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &t, stay(30, 2))).await.unwrap();
    app.state.bookings.add_note(booking.id, &bookings::NoteText::parse("Late arrival, keep the room").unwrap(), desk_id).await.unwrap();
    app.state.rooms.set_out_of_service(booking.room_id, Some(rooms::Note::parse("audit test").unwrap()), desk_id).await.unwrap();

    let sources = || sources(&app);
    // Other tests act as the same demo staff meanwhile: assert on this test's own actions.
    let mine = AuditQuery { by: Some(manager_id), from: Some(started), limit: 2, ..AuditQuery::default() };
    let mut seen = Vec::new();
    let mut query = mine.clone();
    for _ in 0..100 {
        let page = office::audit_log(sources(), &query).await.unwrap();
        assert!(page.actions.len() <= 2);
        seen.extend(page.actions);
        match page.next {
            Some(cursor) => query.before = Some(cursor),
            None => break,
        }
    }
    assert!(seen.windows(2).all(|w| (w[0].at, &w[0].key) > (w[1].at, &w[1].key)), "newest first, none twice");
    assert!(seen.iter().all(|a| a.by == Some(manager_id)), "only the manager's");
    let rates: Vec<&str> = seen.iter().filter(|a| a.area == "Rates" && a.subject == code).map(|a| a.action.as_str()).collect();
    assert_eq!(rates, ["season added"; 3]);
    assert!(seen.iter().any(|a| a.area == "Extras" && a.action == "added an extra" && a.subject == "Audit test bike"));

    let about = AuditQuery { booking: Some(booking.id), limit: 50, ..AuditQuery::default() };
    let on_booking = office::audit_log(sources(), &about).await.unwrap();
    assert_eq!(on_booking.actions.len(), 1, "{:?}", on_booking.actions);
    assert_eq!((on_booking.actions[0].area.as_str(), on_booking.actions[0].action.as_str(), on_booking.actions[0].by), ("Stay", "add note", Some(desk_id)));

    let desk = AuditQuery { by: Some(desk_id), from: Some(started), limit: 50, ..AuditQuery::default() };
    let room = format!("room {}", booking.room_number);
    let by_desk = office::audit_log(sources(), &desk).await.unwrap();
    assert!(by_desk.actions.iter().any(|a| a.area == "Housekeeping" && a.subject == room && a.action.contains("out of service")), "{:?}", by_desk.actions);

    let reference = payments::billing::booking_reference(booking.id);
    let (status, page) = post(&manager, &app, "admin/audit_log", &[("booking", reference.clone())]).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let entries = page["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{page}");
    assert_eq!(entries[0]["booking"][1].as_str(), Some(reference.as_str()));
    assert!(entries[0]["by"].as_str().unwrap().starts_with("Frank") || entries[0]["by"].as_str().unwrap().contains("front_desk"), "{page}");
    for (bad, field) in [(("booking", "nope".to_owned()), "booking"), (("from", "soon".to_owned()), "from"), (("person", "someone".to_owned()), "person")] {
        let (status, error) = post(&manager, &app, "admin/audit_log", &[bad]).await;
        assert_eq!((status, error["InvalidField"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some(field)), "{error}");
    }
}

#[tokio::test]
async fn rooms_given_to_attendants_and_maintenance_tickets_are_in_the_log_with_whom_they_went_to() {
    let app = spawn_app().await;
    let started = chrono::Utc::now() - chrono::Duration::seconds(1);
    let manager = sign_in(&app, "manager@hotel.test", "manager").await;
    let manager_id = account_id(&app, "manager@hotel.test").await;
    let attendant = account_id(&app, "housekeeping@hotel.test").await;
    let t = add_room_type(&app, 1).await;
    let booking = app.state.bookings.book(request(add_guest(&app).await.id, &t, stay(40, 1))).await.unwrap();
    let rooms = &app.state.rooms;
    let day = app.state.bookings.business_date().await.unwrap().date;
    rooms.assign(day, booking.room_id, attendant, manager_id).await.unwrap();
    rooms.unassign(day, booking.room_id, manager_id).await.unwrap();
    let new = rooms::NewTicket {
        id: kernel::TicketId::new(),
        room_id: booking.room_id,
        problem: rooms::Problem::parse("audit test: loose handle").unwrap(),
        priority: rooms::Priority::Normal,
        reporter: manager_id,
        takes_room_out_of_order: false,
        out_of_order_until: None,
        photo: None,
    };
    let ticket = rooms.open_ticket(new).await.unwrap();
    rooms.assign_ticket(ticket.id, attendant, manager_id).await.unwrap();
    rooms.resolve_ticket(ticket.id, attendant).await.unwrap();

    let room = format!("room {}", booking.room_number);
    let q = AuditQuery { from: Some(started), limit: 500, ..AuditQuery::default() };
    let found = office::audit_log(sources(&app), &q).await.unwrap();
    let mine: Vec<_> = found.actions.iter().filter(|a| a.subject == room).map(|a| (a.area.as_str(), a.action.as_str(), a.by, a.whom)).collect();
    let problem = "“audit test: loose handle”";
    assert_eq!(
        mine,
        [
            ("Maintenance", format!("resolved the ticket {problem}").as_str(), Some(attendant), None),
            ("Maintenance", format!("gave the ticket {problem} to").as_str(), Some(manager_id), Some(attendant)),
            ("Maintenance", format!("opened a normal ticket {problem}").as_str(), Some(manager_id), None),
            ("Housekeeping", format!("taken back for {day} from").as_str(), Some(manager_id), Some(attendant)),
            ("Housekeeping", format!("assigned for {day} to").as_str(), Some(manager_id), Some(attendant)),
        ],
        "newest first"
    );

    // The page names the person each went to.
    let (status, page) = post(&manager, &app, "admin/audit_log", &[("person", manager_id.to_string()), ("from", day.to_string())]).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let given = page["entries"].as_array().unwrap().iter().find(|e| e["subject"] == room.as_str() && e["action"].as_str().unwrap().starts_with("assigned for"));
    let given = given.and_then(|e| e["action"].as_str()).unwrap_or_default();
    assert!(given.starts_with(&format!("assigned for {day} to ")) && given.ends_with("(housekeeping)"), "{given:?}: {page}");
}
