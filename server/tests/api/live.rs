//! The staff screens' live streams (`GET /live/{area}`): fed from the services' Kafka events,
//! open to the staff of their area only.
use crate::helpers::{
    add_guest, add_room_type, browser, request, sign_in, spawn_app, spawn_app_with_workers, TestApp,
};
use crate::rooms_events::from_hotel_today;
use app::live::{LiveEvent, READY, RESYNC};
use kernel::events::{BOOKING_CHECKED_IN, BOOKING_CREATED, ROOM_STATUS_CHANGED};
use reqwest::StatusCode;
use std::time::{Duration, Instant};

/// Generous: an event goes outbox → relay → Kafka → the feed's consumer on a busy machine.
const WAIT: Duration = Duration::from_secs(60);

/// An open stream, read message by message as `EventSource` would.
pub(crate) struct LiveStream {
    response: reqwest::Response,
    buffer: String,
    area: &'static str,
}

impl LiveStream {
    pub(crate) async fn open(client: &reqwest::Client, app: &TestApp, area: &'static str) -> Self {
        let response = get(client, app, area, None).await;
        assert_eq!(response.status(), StatusCode::OK, "the {area} stream opens");
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            content_type.starts_with("text/event-stream"),
            "{content_type}"
        );
        Self {
            response,
            buffer: String::new(),
            area,
        }
    }

    /// The next message's data, skipping keep-alive comments.
    pub(crate) async fn next(&mut self) -> LiveEvent {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let data: Vec<&str> = block
                    .lines()
                    .filter_map(|l| l.strip_prefix("data:"))
                    .map(str::trim_start)
                    .collect();
                if !data.is_empty() {
                    return serde_json::from_str(&data.join("\n"))
                        .unwrap_or_else(|e| panic!("{e}: {block}"));
                }
                continue;
            }
            let chunk = self
                .response
                .chunk()
                .await
                .unwrap()
                .unwrap_or_else(|| panic!("the {} stream ended", self.area));
            self.buffer.push_str(std::str::from_utf8(&chunk).unwrap());
        }
    }

    /// Reads until a message matches; returns it and every message read before it.
    pub(crate) async fn until(
        &mut self,
        what: &str,
        matches: impl Fn(&LiveEvent) -> bool,
    ) -> (LiveEvent, Vec<LiveEvent>) {
        let mut before = Vec::new();
        let found = tokio::time::timeout(WAIT, async {
            loop {
                let event = self.next().await;
                if matches(&event) {
                    return event;
                }
                before.push(event);
            }
        })
        .await
        .unwrap_or_else(|_| panic!("no {what} on the {} stream within {WAIT:?}", self.area));
        (found, before)
    }
}

async fn get(
    client: &reqwest::Client,
    app: &TestApp,
    area: &str,
    last_event_id: Option<&str>,
) -> reqwest::Response {
    let mut request = client
        .get(format!("{}/live/{area}", app.address))
        .timeout(WAIT * 3);
    if let Some(id) = last_event_id {
        request = request.header("last-event-id", id);
    }
    request.send().await.unwrap()
}

fn about(topic: &'static str, booking: kernel::BookingId) -> impl Fn(&LiveEvent) -> bool {
    let booking = booking.to_string();
    move |e| e.topic == topic && e.booking_id.as_deref() == Some(booking.as_str())
}

#[tokio::test]
async fn the_desk_hears_of_a_booking_and_its_check_in() {
    let app = spawn_app_with_workers().await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let mut stream = LiveStream::open(&desk, &app, "desk").await;
    assert_eq!(
        stream.next().await.topic,
        READY,
        "a new stream starts with ready, once the feed listens"
    );

    let room_type = add_room_type(&app, 1).await;
    let (guest, clerk) = (add_guest(&app).await, add_guest(&app).await);
    let booking = app
        .state
        .bookings
        .book(request(guest.id, &room_type, from_hotel_today(&app, 0, 2)))
        .await
        .unwrap();
    let (created, _) = stream
        .until("booking.created", about(BOOKING_CREATED, booking.id))
        .await;
    assert_eq!(
        created.room_number.as_deref(),
        Some(booking.room_number.as_str())
    );

    let checking_in = Instant::now();
    app.state
        .bookings
        .check_in(booking.id, clerk.id)
        .await
        .unwrap();
    let (checked_in, _) = stream
        .until("booking.checked_in", about(BOOKING_CHECKED_IN, booking.id))
        .await;
    eprintln!(
        "live: check-in to booking.checked_in on the desk stream in {:?}",
        checking_in.elapsed()
    );
    assert_eq!(
        checked_in.room_id.as_deref(),
        Some(booking.room_id.to_string().as_str())
    );
}

#[tokio::test]
async fn housekeeping_hears_of_room_changes_and_not_of_bookings() {
    let app = spawn_app_with_workers().await;
    let housekeeper = sign_in(&app, "housekeeping@hotel.test", "housekeeping").await;
    assert_eq!(
        get(&housekeeper, &app, "desk", None).await.status(),
        StatusCode::FORBIDDEN,
        "the desk feed is not theirs"
    );
    let mut rooms = LiveStream::open(&housekeeper, &app, "housekeeping").await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let mut bookings = LiveStream::open(&desk, &app, "desk").await;
    assert_eq!(rooms.next().await.topic, READY);
    assert_eq!(bookings.next().await.topic, READY);

    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let booking = app
        .state
        .bookings
        .book(request(guest.id, &room_type, from_hotel_today(&app, 3, 2)))
        .await
        .unwrap();
    // Both streams read one broadcast in order: once the desk has the booking, housekeeping passed it over.
    bookings
        .until("booking.created", about(BOOKING_CREATED, booking.id))
        .await;
    app.state
        .rooms
        .set_housekeeping(booking.room_id, rooms::Housekeeping::Dirty, guest.id, None)
        .await
        .unwrap();

    let room = booking.room_id.to_string();
    let (changed, before) = rooms
        .until("room.status.changed", |e| {
            e.room_id.as_deref() == Some(room.as_str())
        })
        .await;
    assert_eq!(changed.topic, ROOM_STATUS_CHANGED);
    assert_eq!(
        changed.room_number.as_deref(),
        Some(booking.room_number.as_str())
    );
    let heard: Vec<&str> = before
        .iter()
        .chain([&changed])
        .map(|e| e.topic.as_str())
        .collect();
    assert!(
        heard.iter().all(|t| *t == ROOM_STATUS_CHANGED),
        "housekeeping heard {heard:?}"
    );
}

#[tokio::test]
async fn the_streams_are_for_staff_only_and_a_stranger_id_means_resync() {
    let app = spawn_app().await;
    for area in ["desk", "housekeeping"] {
        assert_eq!(
            get(&browser(), &app, area, None).await.status(),
            StatusCode::UNAUTHORIZED,
            "{area}, signed out"
        );
    }
    let guest = sign_in(&app, "guest@hotel.test", "guest").await;
    for area in ["desk", "housekeeping"] {
        assert_eq!(
            get(&guest, &app, area, None).await.status(),
            StatusCode::FORBIDDEN,
            "{area}, as a guest"
        );
    }

    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    assert_eq!(
        get(&desk, &app, "kitchen", None).await.status(),
        StatusCode::NOT_FOUND
    );
    let response = get(&desk, &app, "desk", Some("another-instance.42")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let mut stream = LiveStream {
        response,
        buffer: String::new(),
        area: "desk",
    };
    assert_eq!(
        stream.next().await.topic,
        RESYNC,
        "what another process numbered may have been missed here"
    );
}
