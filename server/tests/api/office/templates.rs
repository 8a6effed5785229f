//! Email templates on a hotel of its own (the shared one's mails are other tests' evidence): a
//! draft that does not render is refused beside its field and stores nothing; a saved one is
//! kept with who changed it and is what the next guest receives; a test reaches Mailpit.
use crate::helpers::{account_id, add_guest, add_room_type, eventually, mailpit_search, post, request, sign_in, stay, unique, OwnHotel};
use kernel::events::{BookingCreated, Envelope};
use reqwest::StatusCode;

fn draft(subject: &str, html: &str) -> Vec<(&'static str, String)> {
    vec![
        ("event", "booking.created".into()),
        ("language", "en".into()),
        ("subject", subject.into()),
        ("body_text", "Dear {{ guest_name }}, booking {{ reference }}.".into()),
        ("body_html", html.into()),
    ]
}

#[tokio::test]
async fn a_manager_edits_a_template_checked_before_it_is_saved_and_the_next_guest_gets_it() {
    let own = OwnHotel::fresh("templates").await;
    let app = own.spawn().await;
    let manager = sign_in(&app, "manager@hotel.test", "manager").await;
    let (status, list) = post(&manager, &app, "admin/templates", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list.as_array().map(Vec::len), Some(8), "four messages in two languages: {list}");

    let (status, error) = post(&manager, &app, "admin/preview_template", &draft("Booking {{ refrence }}", "<p>x</p>")).await;
    assert_eq!((status, error["InvalidField"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("subject")), "{error}");
    assert!(error["InvalidField"]["message"].as_str().unwrap().starts_with("line 1"), "{error}");
    let (status, error) = post(&manager, &app, "admin/save_template", &draft("Fine", "<p>\n{% if fee %}</p>")).await;
    assert_eq!((status, error["InvalidField"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("body_html")), "{error}");
    let stored: String = sqlx::query_scalar("SELECT subject FROM notifications.templates WHERE event = 'booking.created' AND language = 'en'")
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert!(stored.contains("is confirmed"), "a refused draft stores nothing: {stored}");

    let token = unique("T");
    let subject = format!("{token}: see you soon, {{{{ guest_name }}}}");
    let (status, preview) = post(&manager, &app, "admin/preview_template", &draft(&subject, "<p>{{ total }}</p>")).await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    assert_eq!(preview["subject"], format!("{token}: see you soon, Alex Example"));
    assert_eq!(preview["html"], "<p>€389.00</p>");
    let (status, saved) = post(&manager, &app, "admin/save_template", &draft(&subject, "<p>{{ total }}</p>")).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (by, before): (uuid::Uuid, serde_json::Value) =
        sqlx::query_as("SELECT changed_by, before FROM notifications.template_changes WHERE event = 'booking.created' AND language = 'en'")
            .fetch_one(&app.deps.pg)
            .await
            .unwrap();
    assert_eq!(by, account_id(&app, "manager@hotel.test").await.as_uuid());
    assert_eq!(before["subject"], stored);

    let mut test = draft(&subject, "<p>{{ total }}</p>");
    test.push(("send", "on".into()));
    let (status, sent) = post(&manager, &app, "admin/preview_template", &test).await;
    assert_eq!((status, sent["sent_to"].as_str()), (StatusCode::OK, Some("manager@hotel.test")), "{sent}");
    let found = eventually("the test email in Mailpit", std::time::Duration::from_secs(30), || async {
        mailpit_search(&format!("subject:\"[Test] {token}\"")).await.filter(|r| r["messages_count"].as_u64() > Some(0))
    })
    .await;
    assert_eq!(found["messages"][0]["To"][0]["Address"], "manager@hotel.test");

    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(40, 2))).await.unwrap();
    let created: Envelope<BookingCreated> = serde_json::from_value(
        sqlx::query_scalar("SELECT payload FROM bookings.outbox WHERE topic = 'booking.created' AND key = $1")
            .bind(booking.id.to_string())
            .fetch_one(&app.deps.pg)
            .await
            .unwrap(),
    )
    .unwrap();
    app.state.notifications.on_booking_created(&created).await.unwrap();
    let queued: String = sqlx::query_scalar("SELECT subject FROM notifications.deliveries WHERE user_id = $1")
        .bind(guest.id.as_uuid())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(queued, format!("{token}: see you soon, Test Guest"), "the next guest gets the edited message");

    let (status, german) = post(&manager, &app, "admin/template", &[("event", "payment.failed".into()), ("language", "de".into())]).await;
    assert_eq!(status, StatusCode::OK, "{german}");
    let html = german["body_html"].as_str().unwrap().to_owned();
    assert!(html.len() > 1_000, "a real template is long: {} bytes", html.len());
    let whole = [
        ("event", "payment.failed".to_owned()),
        ("language", "de".to_owned()),
        ("subject", german["subject"].as_str().unwrap().to_owned()),
        ("body_text", german["body_text"].as_str().unwrap().to_owned()),
        ("body_html", html),
    ];
    let (status, saved) = post(&manager, &app, "admin/save_template", &whole).await;
    assert_eq!(status, StatusCode::OK, "the whole of a real template saves: {saved}");

    let keeper = sign_in(&app, "housekeeping@hotel.test", "housekeeping").await;
    let (status, _) = post(&keeper, &app, "admin/save_template", &draft("Hacked", "<p>x</p>")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
