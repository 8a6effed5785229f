use crate::templates::{Rendered, Template, FALLBACK_LANGUAGE};
use eventbus::OutboxTable;
use kernel::{EventId, UserId};
use sqlx::PgConnection;
use std::time::Duration;
use uuid::Uuid;

pub const OUTBOX: OutboxTable = OutboxTable("notifications.outbox");
/// After this many failed attempts a delivery is marked failed and left for a person to look at.
pub const MAX_ATTEMPTS: i32 = 8;

/// Who a delivery is for and why; at most one per `(cause, template)`.
pub struct NewDelivery<'a> {
    pub cause: EventId,
    pub template: &'a str,
    pub user: UserId,
    pub recipient: &'a str,
}

/// Queues the rendered message; a second call for the same cause and template changes nothing.
pub async fn enqueue(conn: &mut PgConnection, d: &NewDelivery<'_>, message: &Rendered) -> sqlx::Result<()> {
    insert(conn, d, message, "queued", None).await
}

/// Logs a message that could not be rendered as failed, for a person to look at; never sent.
pub async fn enqueue_unrenderable(conn: &mut PgConnection, d: &NewDelivery<'_>, language: &str, error: &str) -> sqlx::Result<()> {
    let blank = Rendered { language: language.into(), subject: String::new(), text: String::new(), html: String::new() };
    insert(conn, d, &blank, "failed", Some(error)).await
}

async fn insert(
    conn: &mut PgConnection,
    d: &NewDelivery<'_>,
    message: &Rendered,
    status: &str,
    error: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO notifications.deliveries
           (id, cause_event_id, template, user_id, recipient, language, subject, body_text, body_html, status, last_error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (cause_event_id, template) DO NOTHING",
    )
    .bind(Uuid::new_v4())
    .bind(d.cause.as_uuid())
    .bind(d.template)
    .bind(d.user.as_uuid())
    .bind(d.recipient)
    .bind(&message.language)
    .bind(&message.subject)
    .bind(&message.text)
    .bind(&message.html)
    .bind(status)
    .bind(error)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether `(cause, template)` is in the log already: a redelivered event has nothing to render.
pub async fn logged(conn: &mut PgConnection, cause: EventId, template: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM notifications.deliveries WHERE cause_event_id = $1 AND template = $2)",
    )
    .bind(cause.as_uuid())
    .bind(template)
    .fetch_one(conn)
    .await
}

/// The event's templates in `language` and in the fallback language.
pub async fn templates(conn: &mut PgConnection, event: &str, language: &str) -> sqlx::Result<Vec<Template>> {
    sqlx::query_as(
        "SELECT event, language, subject, body_text, body_html FROM notifications.templates
         WHERE event = $1 AND language IN ($2, $3)",
    )
    .bind(event)
    .bind(language)
    .bind(FALLBACK_LANGUAGE)
    .fetch_all(conn)
    .await
}

#[derive(sqlx::FromRow)]
pub struct Due {
    pub id: Uuid,
    pub cause_event_id: Uuid,
    pub template: String,
    pub user_id: Uuid,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub attempts: i32,
}

/// Locks up to `limit` deliveries that are due; other workers skip them until this transaction ends.
pub async fn lock_due(conn: &mut PgConnection, limit: i64) -> sqlx::Result<Vec<Due>> {
    sqlx::query_as(
        "SELECT id, cause_event_id, template, user_id, recipient, subject, body_text, body_html, attempts
         FROM notifications.deliveries WHERE status = 'queued' AND next_attempt_at <= now()
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED",
    )
    .bind(limit)
    .fetch_all(conn)
    .await
}

pub async fn mark_sent(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE notifications.deliveries SET status = 'sent', sent_at = now(), last_attempt_at = now(),
         attempts = attempts + 1, last_error = NULL WHERE id = $1",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records a failed attempt and schedules the next one with exponential backoff.
pub async fn mark_attempt_failed(conn: &mut PgConnection, due: &Due, error: &str) -> sqlx::Result<()> {
    let attempts = due.attempts + 1;
    let status = if attempts >= MAX_ATTEMPTS { "failed" } else { "queued" };
    sqlx::query(
        "UPDATE notifications.deliveries SET status = $2, attempts = $3, last_error = $4,
         last_attempt_at = now(), next_attempt_at = now() + $5 WHERE id = $1",
    )
    .bind(due.id)
    .bind(status)
    .bind(attempts)
    .bind(error)
    .bind(backoff(attempts))
    .execute(conn)
    .await?;
    Ok(())
}

/// 10 s, 20 s, 40 s … capped at one hour.
pub fn backoff(attempts: i32) -> Duration {
    Duration::from_secs(10u64.saturating_mul(1 << attempts.clamp(1, 12).saturating_sub(1)).min(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1), Duration::from_secs(10));
        assert_eq!(backoff(2), Duration::from_secs(20));
        assert_eq!(backoff(4), Duration::from_secs(80));
        assert_eq!(backoff(30), Duration::from_secs(3600));
    }
}
