use crate::mailer::{Email, Mailer};
use crate::{store, templates};
use chrono::Utc;
use kernel::events::{BookingCreated, Envelope, NotificationSent};
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
    pub fn new(pool: PgPool, mailer: Mailer, users: UsersService) -> Self {
        Self { pool, mailer, users }
    }

    /// Queues the booking confirmation, once per event: a redelivered event queues nothing new.
    /// Sending happens in `send_due`, so a slow or failing SMTP server never stalls the consumer.
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id))]
    pub async fn on_booking_created(&self, event: &Envelope<BookingCreated>) -> anyhow::Result<()> {
        let b = &event.payload;
        let Some(user) = self.users.find(b.user_id).await? else {
            // Retrying cannot make an unknown guest appear; holding the partition would stop
            // every later confirmation, so this one is logged and left.
            tracing::warn!(user = %b.user_id, "booking for an unknown user: no confirmation queued");
            return Ok(());
        };
        let email = templates::booking_confirmation(user.email.as_str(), &user.name, b);
        let mut conn = self.pool.acquire().await?;
        store::enqueue(&mut conn, event.event_id, templates::BOOKING_CONFIRMATION, user.id, &email).await?;
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
