//! The checkout's money against the real stack: no charge without a room under any capture
//! policy, a retried submit never books without money held, and slow card payments never
//! starve the site's database connections.
use crate::helpers::{add_guest, add_room_type, request, spawn_app, stay, TestApp};
use crate::payments::{config, pay};
use bookings::checkout::{checkout, CheckoutError};
use bookings::{BookRequest, BookingError};
use futures::future::join_all;
use kernel::{BookingId, RoomTypeCode};
use payments::{
    test_cards, Backoff, CapturePolicy, CardDetails, GatewayError, GatewayRef, Ledger, Lookup, PaymentGateway, PaymentsConfig,
    PaymentsService, TestGateway, Tokenised,
};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn card(number: &str) -> CardDetails {
    pay(number, 1).card
}

fn payments(app: &TestApp, config: PaymentsConfig) -> PaymentsService {
    PaymentsService::new(app.deps.pg.clone(), Arc::new(TestGateway::new(Duration::from_secs(60))), config)
}

/// The test gateway, except that its first `n` authorisations wait for each other: every racer
/// has passed the availability check and holds money before any of them books, as on a busy
/// night, instead of whenever the machine's scheduling happens to allow it.
struct Gathering {
    inner: TestGateway,
    arrived: AtomicUsize,
    n: usize,
    barrier: tokio::sync::Barrier,
}

impl Gathering {
    fn new(n: usize) -> Self {
        Gathering { inner: TestGateway::new(Duration::from_secs(60)), arrived: AtomicUsize::new(0), n, barrier: tokio::sync::Barrier::new(n) }
    }
}

#[async_trait::async_trait]
impl PaymentGateway for Gathering {
    async fn tokenise(&self, card: &CardDetails) -> Result<Tokenised, GatewayError> {
        self.inner.tokenise(card).await
    }
    async fn authorise(&self, token: &str, amount: kernel::Money, reference: &str) -> Result<GatewayRef, GatewayError> {
        if self.arrived.fetch_add(1, Ordering::SeqCst) < self.n {
            self.barrier.wait().await;
        }
        self.inner.authorise(token, amount, reference).await
    }
    async fn capture(&self, authorisation: &GatewayRef, amount: kernel::Money, reference: &str) -> Result<GatewayRef, GatewayError> {
        self.inner.capture(authorisation, amount, reference).await
    }
    async fn refund(&self, capture: &GatewayRef, amount: kernel::Money, reference: &str) -> Result<GatewayRef, GatewayError> {
        self.inner.refund(capture, amount, reference).await
    }
    async fn void(&self, authorisation: &GatewayRef, reference: &str) -> Result<GatewayRef, GatewayError> {
        self.inner.void(authorisation, reference).await
    }
    async fn lookup(&self, reference: &str) -> Result<Lookup, GatewayError> {
        self.inner.lookup(reference).await
    }
}

/// (held, kept) of a booking's ledger, in cents.
async fn money(payments: &PaymentsService, booking: BookingId) -> (i64, i64, usize) {
    let rows = payments.for_booking(booking).await.unwrap();
    let ledger = Ledger(&rows);
    (ledger.held(), ledger.kept(), rows.len())
}

async fn bookings_of(app: &TestApp, code: &RoomTypeCode) -> Vec<(uuid::Uuid, i64)> {
    sqlx::query_as("SELECT id, total_minor FROM bookings.bookings WHERE room_type = $1 AND status <> 'cancelled'")
        .bind(code.as_str())
        .fetch_all(&app.deps.pg)
        .await
        .unwrap()
}

#[tokio::test]
async fn fifty_guests_racing_for_the_last_room_leave_one_booking_and_every_loser_whole() {
    let app = spawn_app().await;
    for policy in [CapturePolicy::Booking, CapturePolicy::CheckIn, CapturePolicy::CheckOut] {
        // Long enough for fifty to gather at the gateway on a busy machine.
        let patient = PaymentsConfig { call_timeout: Duration::from_secs(30), ..config(policy) };
        let payments = PaymentsService::new(app.deps.pg.clone(), Arc::new(Gathering::new(50)), patient);
        let room_type = add_room_type(&app, 1).await;
        let guests = join_all((0..50).map(|_| add_guest(&app))).await;
        let requests: Vec<BookRequest> = guests.iter().map(|g| request(g.id, &room_type, stay(300, 2))).collect();
        let answers = join_all(requests.iter().map(|r| checkout(&app.state.bookings, &payments, r.clone(), card(test_cards::SUCCEEDS)))).await;

        let winners: Vec<_> = answers.iter().filter_map(|a| a.as_ref().ok()).collect();
        assert_eq!(winners.len(), 1, "{policy:?}: one guest gets the room");
        assert_eq!(bookings_of(&app, &room_type.code).await.len(), 1, "{policy:?}: one booking stored");
        let winner = winners[0];
        let (held, kept, _) = money(&payments, winner.id).await;
        // Under the later policies only the sum is certain: the consumers of tests running beside
        // this one follow the database's policy (capture at booking) and may take the hold.
        assert_eq!(held + kept, winner.total.minor(), "{policy:?}: the winner's money is held or taken in full");
        if policy == CapturePolicy::Booking {
            assert_eq!(kept, winner.total.minor(), "{policy:?}: taken at booking");
        }

        let mut released = 0;
        for (req, answer) in requests.iter().zip(&answers) {
            let Err(e) = answer else { continue };
            assert!(matches!(e, CheckoutError::Booking(BookingError::NoLongerAvailable)), "{policy:?}: {e:?}");
            let (held, kept, rows) = money(&payments, bookings::booking_id_for(req.user_id, req.idempotency_key)).await;
            assert_eq!((held, kept), (0, 0), "{policy:?}: a loser's ledger nets to zero");
            released += usize::from(rows > 0);
        }
        assert_eq!(released, 49, "{policy:?}: every loser was held and given its money back (the race this test is for)");
        let open: i64 = sqlx::query_scalar("SELECT count(*) FROM payments.releases WHERE released_at IS NULL AND booking_id = ANY($1)")
            .bind(requests.iter().map(|r| bookings::booking_id_for(r.user_id, r.idempotency_key).as_uuid()).collect::<Vec<_>>())
            .fetch_one(&app.deps.pg)
            .await
            .unwrap();
        assert_eq!(open, 0, "{policy:?}: every release is done and recorded");

        // The room comes free again; every loser's browser retries its submit.
        app.state.bookings.cancel(winner.id, winner.user_id, true).await.unwrap();
        let retries = join_all(requests.iter().map(|r| checkout(&app.state.bookings, &payments, r.clone(), card(test_cards::SUCCEEDS)))).await;
        for (req, retry) in requests.iter().zip(&retries) {
            let id = bookings::booking_id_for(req.user_id, req.idempotency_key);
            // The winner's retry answers its cancelled booking, refunded by then.
            if id == winner.id {
                continue;
            }
            if let Ok(b) = retry {
                let (held, kept, _) = money(&payments, id).await;
                assert!(held + kept >= b.total.minor(), "{policy:?}: a retried submit booked without money held");
            }
        }
        for (id, total) in bookings_of(&app, &room_type.code).await {
            let (held, kept, _) = money(&payments, BookingId::from_uuid(id)).await;
            assert!(held + kept >= total, "{policy:?}: booking {id} has no money behind it");
        }
    }
}

#[tokio::test]
async fn a_retry_of_a_checkout_that_lost_its_room_books_nothing_even_when_the_room_is_free_again() {
    let app = spawn_app().await;
    let payments = payments(&app, config(CapturePolicy::Booking));
    let room_type = add_room_type(&app, 1).await;
    let (me, other) = (add_guest(&app).await, add_guest(&app).await);
    let mine = request(me.id, &room_type, stay(310, 2));
    let id = bookings::booking_id_for(me.id, mine.idempotency_key);
    // What a lost race leaves: the hold was placed, the room went, the checkout was abandoned
    // and its money given back.
    let mut hold = pay(test_cards::SUCCEEDS, 2 * 12_345);
    (hold.booking_id, hold.user_id, hold.idempotency_key) = (id, me.id, mine.idempotency_key);
    payments.authorise(hold).await.unwrap();
    let theirs = app.state.bookings.book(request(other.id, &room_type, stay(310, 2))).await.unwrap();
    assert!(matches!(app.state.bookings.abandon_checkout(me.id, mine.idempotency_key).await.unwrap(), bookings::Abandon::Abandoned));
    payments.release(id, "lost the room").await.unwrap();
    app.state.bookings.cancel(theirs.id, other.id, false).await.unwrap();

    let retry = checkout(&app.state.bookings, &payments, mine.clone(), card(test_cards::SUCCEEDS)).await.unwrap_err();
    assert!(matches!(retry, CheckoutError::Booking(BookingError::NoLongerAvailable)), "{retry:?}");
    let err = app.state.bookings.book(mine).await.unwrap_err();
    assert!(matches!(err, BookingError::NoLongerAvailable), "even booking directly with the key is refused: {err:?}");
    assert!(bookings_of(&app, &room_type.code).await.is_empty());
    let (held, kept, _) = money(&payments, id).await;
    assert_eq!((held, kept), (0, 0));
}

#[tokio::test]
async fn an_unknown_room_type_is_not_found_not_sold_out() {
    let app = spawn_app().await;
    let payments = payments(&app, config(CapturePolicy::Booking));
    let guest = add_guest(&app).await;
    let room_type = add_room_type(&app, 1).await;
    let mut req = request(guest.id, &room_type, stay(320, 2));
    req.room_type = RoomTypeCode::parse("NOSUCH").unwrap();
    let err = checkout(&app.state.bookings, &payments, req, card(test_cards::SUCCEEDS)).await.unwrap_err();
    assert!(matches!(err, CheckoutError::Booking(BookingError::UnknownRoomType(_))), "{err:?}");
    assert_eq!(err.to_string(), "there is no room type 'NOSUCH'");
}

/// Forty guests paying with a card whose gateway answers late hold no database connection
/// while they wait, so the guests behind them search and book as usual: every one of those
/// finishes before the first slow payment does.
#[tokio::test]
async fn slow_card_payments_never_starve_the_other_guests() {
    let app = spawn_app().await;
    let slow_config = PaymentsConfig {
        call_timeout: Duration::from_secs(2),
        retry: Backoff { attempts: 3, base: Duration::from_millis(1), max: Duration::from_millis(5) },
        ..config(CapturePolicy::Booking)
    };
    let slow_payments = payments(&app, slow_config);
    let fast_payments = payments(&app, config(CapturePolicy::Booking));
    let (slow_rooms, fast_rooms) = (add_room_type(&app, 60).await, add_room_type(&app, 30).await);
    let slow_guests = join_all((0..40).map(|_| add_guest(&app))).await;
    let fast_guests = join_all((0..20).map(|_| add_guest(&app))).await;
    let started = Instant::now();

    let slow = slow_guests.iter().map(|g| {
        let (bookings, payments, req) = (app.state.bookings.clone(), slow_payments.clone(), request(g.id, &slow_rooms, stay(330, 2)));
        tokio::spawn(async move {
            let answer = checkout(&bookings, &payments, req, card(test_cards::SLOW)).await;
            (answer.map(|_| ()).map_err(|e| e.to_string()), Instant::now())
        })
    });
    let slow: Vec<_> = slow.collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let fast = fast_guests.iter().map(|g| {
        let (bookings, payments, req) = (app.state.bookings.clone(), fast_payments.clone(), request(g.id, &fast_rooms, stay(330, 2)));
        tokio::spawn(async move {
            let party = req.party;
            bookings.availability(&req.stay, &party, None).await.expect("a search answers");
            let answer = checkout(&bookings, &payments, req, card(test_cards::SUCCEEDS)).await;
            (answer.is_ok(), Instant::now())
        })
    });
    let fast: Vec<_> = join_all(fast.collect::<Vec<_>>()).await.into_iter().map(Result::unwrap).collect();
    let slow: Vec<_> = join_all(slow).await.into_iter().map(Result::unwrap).collect();

    assert!(fast.iter().all(|(ok, _)| *ok), "every other guest booked");
    let failed: Vec<_> = slow.iter().filter_map(|(r, _)| r.clone().err()).collect();
    assert!(failed.is_empty(), "the slow payments go through too, once the gateway is asked: {failed:?}");
    let last_fast = fast.iter().map(|(_, at)| *at).max().unwrap();
    let first_slow = slow.iter().map(|(_, at)| *at).min().unwrap();
    assert!(
        last_fast < first_slow,
        "the other guests waited for slow payments: last fast at {:?}, first slow at {:?}",
        last_fast - started,
        first_slow - started
    );
}
