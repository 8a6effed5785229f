use crate::domain::{BookingCancellation, BookingConfirmation, Guest, MessageContext, PaymentFailure, PaymentReceipt};
use crate::error::NotificationsError;
use crate::mailer::{Email, Mailer};
use crate::store::{self, NewDelivery};
use crate::templates;
use anyhow::Context;
use chrono::Utc;
use kernel::events::{BookingCancelled, BookingCreated, Envelope, NotificationSent, PaymentCompleted, PaymentFailed};
use kernel::{EventId, UserId};
use sqlx::PgPool;
use std::time::Duration;
use tokio::sync::watch;
use users::UsersService;

const BATCH: i64 = 10;

#[derive(Clone)]
pub struct NotificationsService {
    pool: PgPool,
    mailer: Mailer,
    users: UsersService,
}

impl NotificationsService {
    pub(crate) fn pool(&self) -> &PgPool {
        &self.pool
    }

    pub(crate) fn mailer(&self) -> &Mailer {
        &self.mailer
    }

    pub fn new(pool: PgPool, mailer: Mailer, users: UsersService) -> Self {
        Self { pool, mailer, users }
    }

    /// Queues the booking confirmation, once per event: a redelivered event queues nothing new.
    /// Sending happens in `send_due`, so a slow or failing SMTP server never stalls the consumer.
    #[tracing::instrument(skip_all, fields(event = %event.event_id, booking = %event.payload.booking_id))]
    pub async fn on_booking_created(&self, event: &Envelope<BookingCreated>) -> Result<(), NotificationsError> {
        self.queue(event.event_id, event.payload.user_id, |g| BookingConfirmation::new(&event.payload, g)).await
    }

    /// Queues the cancellation notice, with its fee or "free of charge".
    #[tracing::instrument(skip_all, fields(event = %event.event_id, booking = %event.payload.booking_id))]
    pub async fn on_booking_cancelled(&self, event: &Envelope<BookingCancelled>) -> Result<(), NotificationsError> {
        self.queue(event.event_id, event.payload.user_id, |g| BookingCancellation::new(&event.payload, g)).await
    }

    /// Queues the receipt for an authorisation, capture, refund or released hold.
    #[tracing::instrument(skip_all, fields(event = %event.event_id, payment = %event.payload.payment_id))]
    pub async fn on_payment_completed(&self, event: &Envelope<PaymentCompleted>) -> Result<(), NotificationsError> {
        self.queue(event.event_id, event.payload.user_id, |g| PaymentReceipt::new(&event.payload, g)).await
    }

    /// Queues the note saying what went wrong with a payment and what to do.
    #[tracing::instrument(skip_all, fields(event = %event.event_id, payment = %event.payload.payment_id))]
    pub async fn on_payment_failed(&self, event: &Envelope<PaymentFailed>) -> Result<(), NotificationsError> {
        self.queue(event.event_id, event.payload.user_id, |g| PaymentFailure::new(&event.payload, g)).await
    }

    /// Renders `C`'s template for the guest and logs the delivery. A message that cannot be
    /// rendered is logged as failed rather than returned as an error: redelivering the event
    /// cannot fix a template, and holding the partition would stop every later message.
    async fn queue<C: MessageContext>(
        &self,
        cause: EventId,
        user_id: UserId,
        context: impl FnOnce(&Guest) -> anyhow::Result<C>,
    ) -> Result<(), NotificationsError> {
        let Some(user) = self.users.find(user_id).await.context("looking up the guest")? else {
            // Retrying cannot make an unknown guest appear, so this one is logged and left.
            tracing::warn!(user = %user_id, template = C::TEMPLATE, "message for an unknown user: nothing queued");
            return Ok(());
        };
        let mut conn = self.pool.acquire().await?;
        if store::logged(&mut conn, cause, C::TEMPLATE).await? {
            return Ok(());
        }
        let language = user.language.as_str();
        let delivery = NewDelivery { cause, template: C::TEMPLATE, user: user.id, recipient: user.email.as_str() };
        let available = store::templates(&mut conn, C::EVENT, language).await?;
        let guest = Guest { name: &user.name, language: user.language };
        let rendered = context(&guest)
            .map_err(NotificationsError::from)
            .and_then(|ctx| templates::render(&available, language, &ctx));
        match rendered {
            Ok(message) => store::enqueue(&mut conn, &delivery, &message).await?,
            Err(e) => {
                tracing::error!(error = ?e, template = C::TEMPLATE, language, "message not rendered; logged as failed");
                store::enqueue_unrenderable(&mut conn, &delivery, language, &format!("{e:#}")).await?;
            }
        }
        Ok(())
    }

    /// Sends what is due, each delivery locked for the length of its SMTP call so no two workers
    /// send it; emits `notification.sent` with the status change. Returns how many were attempted.
    pub async fn send_due(&self) -> anyhow::Result<usize> {
        let mut tx = self.pool.begin().await?;
        let due = store::lock_due(&mut tx, BATCH).await?;
        for d in &due {
            let email = Email { to: d.recipient.clone(), subject: d.subject.clone(), text: d.body_text.clone(), html: d.body_html.clone() };
            match self.mailer.send(email).await {
                Ok(()) => {
                    store::mark_sent(&mut tx, d.id).await?;
                    let sent = NotificationSent {
                        notification_id: d.id,
                        cause_event_id: EventId::from_uuid(d.cause_event_id),
                        user_id: UserId::from_uuid(d.user_id),
                        channel: "email".into(),
                        template: d.template.clone(),
                        recipient: d.recipient.clone(),
                        timestamp: Utc::now(),
                    };
                    eventbus::enqueue(&mut tx, store::OUTBOX, &Envelope::new(sent, Utc::now())).await?;
                }
                Err(e) => {
                    tracing::warn!(error = ?e, delivery = %d.id, attempt = d.attempts + 1, "email not sent; will retry");
                    store::mark_attempt_failed(&mut tx, d, &format!("{e:#}")).await?;
                }
            }
        }
        tx.commit().await?;
        Ok(due.len())
    }

    /// Sends due deliveries until `shutdown` flips.
    pub async fn run_sender(self, mut shutdown: watch::Receiver<bool>) {
        loop {
            let pause = match self.send_due().await {
                Ok(0) => Duration::from_millis(200),
                Ok(_) => Duration::ZERO,
                Err(e) => {
                    tracing::warn!(error = ?e, "the email sender failed; retrying");
                    Duration::from_secs(2)
                }
            };
            tokio::select! {
                _ = tokio::time::sleep(pause) => {}
                _ = shutdown.changed() => return,
            }
        }
    }
}
