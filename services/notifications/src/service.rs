use crate::mailer::Mailer;
use crate::{store, templates};
use chrono::Utc;
use kernel::events::{BookingCreated, Envelope, NotificationSent};
use sqlx::PgPool;
use users::UsersService;

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

    /// Sends the booking confirmation once per event: a redelivered event finds its delivery
    /// sent or being sent and sends nothing. A failed send is logged and returned, so the
    /// consumer retries. A crash between the SMTP call and `mark_sent` leaves a stale claim
    /// that is retried after five minutes: the one case that can send twice.
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id))]
    pub async fn on_booking_created(&self, event: &Envelope<BookingCreated>) -> anyhow::Result<()> {
        let b = &event.payload;
        let Some(user) = self.users.find(b.user_id).await? else {
            // Retrying cannot make an unknown guest appear; holding the partition would stop
            // every later confirmation, so this one is logged and left.
            tracing::warn!(user = %b.user_id, "booking for an unknown user: no confirmation sent");
            return Ok(());
        };
        let template = templates::BOOKING_CONFIRMATION;
        let mut conn = self.pool.acquire().await?;
        let delivery = match store::claim(&mut conn, event.event_id, template, user.id, user.email.as_str()).await? {
            store::Claim::Mine(id) => id,
            store::Claim::AlreadySent => return Ok(()),
            // Failing makes the consumer retry later, when the other worker has finished.
            store::Claim::InFlight => anyhow::bail!("another worker is sending this confirmation"),
        };
        let email = templates::booking_confirmation(user.email.as_str(), &user.name, b);
        if let Err(e) = self.mailer.send(email).await {
            store::mark_failed(&mut conn, delivery, &format!("{e:#}")).await?;
            return Err(e);
        }
        drop(conn);
        let mut tx = self.pool.begin().await?;
        store::mark_sent(&mut tx, delivery).await?;
        let sent = NotificationSent {
            notification_id: delivery,
            cause_event_id: event.event_id,
            user_id: user.id,
            channel: "email".into(),
            template: template.into(),
            recipient: user.email.to_string(),
            timestamp: Utc::now(),
        };
        eventbus::enqueue(&mut tx, store::OUTBOX, &Envelope::new(sent, Utc::now())).await?;
        tx.commit().await?;
        Ok(())
    }
}
