//! An unknown outcome is not a failure: a retried or taken-over authorisation asks the gateway
//! about the reference it was sent with, and never holds the guest's card twice.
use super::{config, events, ledger, pay, row};
use crate::helpers::spawn_app;
use payments::{test_cards, CapturePolicy, PaymentError, PaymentsConfig, PaymentsService, TestGateway};
use std::sync::Arc;
use std::time::Duration;

#[tokio::test]
async fn a_timed_out_authorisation_retried_with_its_key_holds_the_card_once() {
    let app = spawn_app().await;
    let gateway = Arc::new(TestGateway::new(Duration::from_secs(10)));
    let payments = PaymentsService::new(app.deps.pg.clone(), gateway.clone(), config(CapturePolicy::CheckIn));
    let req = pay(test_cards::SLOW, 21_000);
    // Every attempt times out, and so does the question about them (three tries of it).
    gateway.fail_lookups(3);

    let err = payments.authorise(req.clone()).await.unwrap_err();
    assert!(matches!(err, PaymentError::Timeout), "{err:?}");
    assert_eq!(gateway.holds(), 1, "the gateway held the money although it never answered");
    assert!(ledger(&app, req.booking_id).await.is_empty(), "an unknown outcome is not recorded as a failure");
    assert!(events(&app, "payment.failed", req.booking_id).await.is_empty(), "nobody is told it failed");

    let retried = payments.authorise(req.clone()).await.unwrap();
    assert!(retried.succeeded());
    assert_eq!(gateway.holds(), 1, "the retry asked the gateway instead of holding the card again");
    assert_eq!(ledger(&app, req.booking_id).await, [row("authorisation", "succeeded", 21_000)]);
    assert_eq!(payments.authorise(req.clone()).await.unwrap(), retried, "later retries replay the answer");
}

#[tokio::test]
async fn a_claim_left_pending_by_a_crash_is_taken_over_after_its_lease() {
    let app = spawn_app().await;
    let gateway = Arc::new(TestGateway::new(Duration::from_secs(30)));
    let crashing = PaymentsConfig { lease: Duration::from_secs(1), ..config(CapturePolicy::CheckIn) };
    let payments = PaymentsService::new(app.deps.pg.clone(), gateway.clone(), crashing);
    let req = pay(test_cards::SLOW, 17_500);

    // The process dies while the gateway is still holding the money without having answered.
    let first = tokio::spawn({
        let (payments, req) = (payments.clone(), req.clone());
        async move { payments.authorise(req).await }
    });
    tokio::time::sleep(Duration::from_millis(400)).await;
    first.abort();
    assert_eq!(gateway.holds(), 1);
    let state: String = sqlx::query_scalar("SELECT state FROM payments.idempotency WHERE key = $1")
        .bind(req.idempotency_key)
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(state, "pending", "the dead request's claim is left behind");

    let taken_over = payments.authorise(req.clone()).await.unwrap();
    assert!(taken_over.succeeded());
    assert_eq!(gateway.holds(), 1, "the hold the dead request made is the one recorded");
    assert_eq!(ledger(&app, req.booking_id).await, [row("authorisation", "succeeded", 17_500)]);
    let card: Option<String> = sqlx::query_scalar("SELECT card_token FROM payments.payments WHERE booking_id = $1")
        .bind(req.booking_id.as_uuid())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert!(card.is_some_and(|t| t.starts_with("tok_test_slow_")), "the card token the dead request got is kept");
}
