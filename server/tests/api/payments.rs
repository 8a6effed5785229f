//! Card payments against the real PostgreSQL: idempotency under concurrency, every gateway
//! failure path, the circuit breaker, and the amounts captures, refunds and voids move. Each
//! test builds its own service around a TestGateway with tiny delays and timeouts.
use crate::helpers::{spawn_app, TestApp};
use crate::schemas::assert_valid;
use kernel::{BookingId, Currency, Money, UserId};
use payments::{
    test_cards, AuthoriseRequest, Backoff, BreakerConfig, CapturePolicy, CardDetails, PaymentError, PaymentKind, PaymentsConfig,
    PaymentsService, TestGateway,
};
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

mod claims;
mod consumer;

pub fn config(policy: CapturePolicy) -> PaymentsConfig {
    PaymentsConfig {
        call_timeout: Duration::from_millis(250),
        retry: Backoff { attempts: 3, base: Duration::from_millis(1), max: Duration::from_millis(5) },
        breaker: BreakerConfig { threshold: 1000, cool_down: Duration::from_secs(600) },
        claim_wait: Duration::from_secs(30),
        lease: Duration::from_secs(60),
        capture_policy: Some(policy),
    }
}

/// A payments service of the test's own; the slow card answers long after the call timeout.
pub fn service(app: &TestApp, config: PaymentsConfig) -> (PaymentsService, Arc<TestGateway>) {
    let gateway = Arc::new(TestGateway::new(Duration::from_secs(10)));
    (PaymentsService::new(app.deps.pg.clone(), gateway.clone(), config), gateway)
}

pub fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

/// A fresh booking and guest paying `minor` cents with `number`.
pub fn pay(number: &str, minor: i64) -> AuthoriseRequest {
    let today = chrono::Utc::now().date_naive();
    AuthoriseRequest {
        booking_id: BookingId::new(),
        user_id: UserId::new(),
        amount: eur(minor),
        card: CardDetails::parse(number, "12", "2030", "123", today).unwrap(),
        idempotency_key: Uuid::new_v4(),
    }
}

/// The booking's ledger as (kind, status, amount in cents), oldest first.
pub async fn ledger(app: &TestApp, booking: BookingId) -> Vec<(String, String, i64)> {
    sqlx::query_as("SELECT kind, status, amount_minor FROM payments.payments WHERE booking_id = $1 ORDER BY created_at, id")
        .bind(booking.as_uuid())
        .fetch_all(&app.deps.pg)
        .await
        .unwrap()
}

pub fn row(kind: &str, status: &str, minor: i64) -> (String, String, i64) {
    (kind.to_owned(), status.to_owned(), minor)
}

/// The booking's events in the payments outbox, oldest first.
pub async fn events(app: &TestApp, topic: &str, booking: BookingId) -> Vec<serde_json::Value> {
    sqlx::query_scalar("SELECT payload FROM payments.outbox WHERE key = $1 AND topic = $2 ORDER BY id")
        .bind(booking.to_string())
        .bind(topic)
        .fetch_all(&app.deps.pg)
        .await
        .unwrap()
}

#[tokio::test]
async fn one_key_sent_ten_times_at_once_charges_once_and_answers_alike() {
    let app = spawn_app().await;
    let (payments, gateway) = service(&app, config(CapturePolicy::Booking));
    let req = pay(test_cards::SUCCEEDS, 38_900);
    let tries = (0..10).map(|_| {
        let (payments, req) = (payments.clone(), req.clone());
        tokio::spawn(async move { payments.authorise(req).await })
    });
    let answers: Vec<_> = futures::future::join_all(tries).await.into_iter().map(|a| a.unwrap().unwrap()).collect();
    assert!(answers.iter().all(|a| *a == answers[0]), "ten identical answers");
    assert!(answers[0].succeeded() && answers[0].amount == eur(38_900));
    assert_eq!(ledger(&app, req.booking_id).await, [row("authorisation", "succeeded", 38_900)], "held, not captured before a room is booked");
    assert_eq!((gateway.calls(), gateway.holds()), (2, 1), "one tokenise, one authorise");
    let completed = events(&app, "payment.completed", req.booking_id).await;
    assert_eq!(completed.len(), 1);
    completed.iter().for_each(|e| assert_valid("payment.completed", e));
}

#[tokio::test]
async fn a_key_used_again_for_another_amount_is_refused() {
    let app = spawn_app().await;
    let (payments, _) = service(&app, config(CapturePolicy::CheckIn));
    let req = pay(test_cards::SUCCEEDS, 20_000);
    payments.authorise(req.clone()).await.unwrap();
    let other = AuthoriseRequest { amount: eur(25_000), ..req.clone() };
    let err = payments.authorise(other).await.unwrap_err();
    assert!(matches!(err, PaymentError::KeyReused), "{err:?}");
    assert_eq!(err.to_string(), "this request was already used for a different payment");
    assert_eq!(ledger(&app, req.booking_id).await, [row("authorisation", "succeeded", 20_000)]);
}

/// Each refusal leaves no succeeded payment, one failed row and a valid `payment.failed`
/// carrying the message the guest saw.
#[tokio::test]
async fn declines_gateway_errors_and_timeouts_charge_nothing_and_say_why() {
    let app = spawn_app().await;
    let cases = [
        (test_cards::DECLINED, "declined", "your card was declined; please use another card", 2),
        (test_cards::INSUFFICIENT_FUNDS, "insufficient_funds", "your card has insufficient funds; please use another card", 2),
        // Three attempts, then the gateway is asked what became of them.
        (test_cards::GATEWAY_ERROR, "gateway_error", "the payment provider had a problem and nothing was charged; please try again", 5),
    ];
    for (card, reason, message, calls) in cases {
        let (payments, gateway) = service(&app, config(CapturePolicy::Booking));
        let req = pay(card, 15_000);
        let err = payments.authorise(req.clone()).await.unwrap_err();
        assert_eq!(err.to_string(), message);
        assert_eq!(gateway.calls(), calls, "{reason}: declines are not retried, transient failures are (3 attempts and a lookup)");
        assert_eq!(ledger(&app, req.booking_id).await, [row("authorisation", "failed", 15_000)], "{reason}");
        let failed = events(&app, "payment.failed", req.booking_id).await;
        assert_eq!(failed.len(), 1, "{reason}");
        assert_valid("payment.failed", &failed[0]);
        assert_eq!((failed[0]["payload"]["reason"].as_str(), failed[0]["payload"]["message"].as_str()), (Some(reason), Some(message)));
        assert!(events(&app, "payment.completed", req.booking_id).await.is_empty());
    }
}

#[tokio::test]
async fn an_open_circuit_fails_fast_until_the_gateway_may_be_tried_again() {
    let app = spawn_app().await;
    let breaker = BreakerConfig { threshold: 3, cool_down: Duration::from_secs(600) };
    let (payments, gateway) = service(&app, PaymentsConfig { breaker, ..config(CapturePolicy::Booking) });
    let err = payments.authorise(pay(test_cards::GATEWAY_ERROR, 10_000)).await.unwrap_err();
    assert!(matches!(err, PaymentError::GatewayError), "{err:?}");
    let calls = gateway.calls();

    let req = pay(test_cards::SUCCEEDS, 10_000);
    let err = payments.authorise(req.clone()).await.unwrap_err();
    assert!(matches!(err, PaymentError::Unavailable), "{err:?}");
    assert_eq!(err.to_string(), "card payments are unavailable right now; please try again in a few minutes");
    assert_eq!(gateway.calls(), calls, "the gateway was not asked");
    assert_eq!(ledger(&app, req.booking_id).await, [row("authorisation", "failed", 10_000)]);
    let failed = events(&app, "payment.failed", req.booking_id).await;
    assert_valid("payment.failed", &failed[0]);
    assert_eq!(failed[0]["payload"]["reason"], "unavailable");
}

#[tokio::test]
async fn a_failed_attempt_leaves_its_key_free_for_another_card() {
    let app = spawn_app().await;
    let (payments, _) = service(&app, config(CapturePolicy::CheckIn));
    let declined = pay(test_cards::DECLINED, 12_000);
    payments.authorise(declined.clone()).await.unwrap_err();
    let today = chrono::Utc::now().date_naive();
    let card = CardDetails::parse(test_cards::SUCCEEDS, "12", "2030", "123", today).unwrap();
    let charge = payments.authorise(AuthoriseRequest { card, ..declined.clone() }).await.unwrap();
    assert!(charge.succeeded());
    assert_eq!(
        ledger(&app, declined.booking_id).await,
        [row("authorisation", "failed", 12_000), row("authorisation", "succeeded", 12_000)]
    );
}

#[tokio::test]
async fn captures_refunds_and_voids_move_exactly_what_the_hold_allows() {
    let app = spawn_app().await;
    let (payments, _) = service(&app, config(CapturePolicy::CheckIn));
    let req = pay(test_cards::SUCCEEDS, 30_000);
    let booking = req.booking_id;
    assert!(payments.authorise(req).await.unwrap().succeeded());

    let key = Uuid::new_v4();
    let captured = payments.capture(booking, Some(eur(10_000)), key).await.unwrap();
    assert_eq!(payments.capture(booking, Some(eur(10_000)), key).await.unwrap(), captured, "a retry answers alike");
    let err = payments.capture(booking, Some(eur(25_000)), Uuid::new_v4()).await.unwrap_err();
    assert_eq!(err.to_string(), "that is more than the €200.00 available");
    payments.refund(booking, eur(3_000), Uuid::new_v4()).await.unwrap();
    let err = payments.refund(booking, eur(8_000), Uuid::new_v4()).await.unwrap_err();
    assert_eq!(err.to_string(), "that is more than the €70.00 available");
    let void = payments.void(booking, Uuid::new_v4()).await.unwrap();
    assert_eq!((void.kind, void.amount), (PaymentKind::Void, eur(20_000)));
    let err = payments.capture(booking, None, Uuid::new_v4()).await.unwrap_err();
    assert!(matches!(err, PaymentError::NothingHeld), "{err:?}");

    assert_eq!(
        ledger(&app, booking).await,
        [
            row("authorisation", "succeeded", 30_000),
            row("capture", "succeeded", 10_000),
            row("refund", "succeeded", 3_000),
            row("void", "succeeded", 20_000),
        ]
    );
    let kinds: Vec<_> = payments.for_booking(booking).await.unwrap().iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [PaymentKind::Authorisation, PaymentKind::Capture, PaymentKind::Refund, PaymentKind::Void]);
    let completed = events(&app, "payment.completed", booking).await;
    assert_eq!(completed.len(), 4);
    completed.iter().for_each(|e| assert_valid("payment.completed", e));
    assert_eq!(completed[2]["payload"]["amount"], "30.00");
}

/// The ledger holds its own invariants even against a write that skips the service.
#[tokio::test]
async fn the_database_refuses_a_capture_above_its_authorisation() {
    let app = spawn_app().await;
    let (payments, _) = service(&app, config(CapturePolicy::CheckIn));
    let req = pay(test_cards::SUCCEEDS, 5_000);
    let auth = payments.authorise(req.clone()).await.unwrap();
    let err = sqlx::query(
        "INSERT INTO payments.payments (id, booking_id, user_id, kind, parent_id, status, amount_minor, currency, gateway_reference)
         VALUES ($1, $2, $3, 'capture', $4, 'succeeded', 5001, 'EUR', 'forged')",
    )
    .bind(Uuid::new_v4())
    .bind(req.booking_id.as_uuid())
    .bind(req.user_id.as_uuid())
    .bind(auth.id.as_uuid())
    .execute(&app.deps.pg)
    .await
    .unwrap_err();
    let constraint = err.as_database_error().and_then(|e| e.constraint().map(str::to_owned));
    assert_eq!(constraint.as_deref(), Some("payments_capture_within_authorisation"), "{err}");
}
