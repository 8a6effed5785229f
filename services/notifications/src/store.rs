use eventbus::OutboxTable;
use kernel::{EventId, UserId};
use sqlx::PgConnection;
use uuid::Uuid;

pub const OUTBOX: OutboxTable = OutboxTable("notifications.outbox");

/// Records the delivery for `(cause, template)` once; returns its id and whether it was already sent.
pub async fn claim(
    conn: &mut PgConnection,
    cause: EventId,
    template: &str,
    user: UserId,
    recipient: &str,
) -> sqlx::Result<(Uuid, bool)> {
    sqlx::query(
        "INSERT INTO notifications.deliveries (id, cause_event_id, template, user_id, recipient)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (cause_event_id, template) DO NOTHING",
    )
    .bind(Uuid::new_v4())
    .bind(cause.as_uuid())
    .bind(template)
    .bind(user.as_uuid())
    .bind(recipient)
    .execute(&mut *conn)
    .await?;
    sqlx::query_as(
        "SELECT id, status = 'sent' FROM notifications.deliveries WHERE cause_event_id = $1 AND template = $2",
    )
    .bind(cause.as_uuid())
    .bind(template)
    .fetch_one(conn)
    .await
}

pub async fn mark_sent(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE notifications.deliveries SET status = 'sent', sent_at = now(), attempts = attempts + 1,
         last_error = NULL WHERE id = $1",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn mark_failed(conn: &mut PgConnection, id: Uuid, error: &str) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE notifications.deliveries SET status = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1",
    )
    .bind(id)
    .bind(error)
    .execute(conn)
    .await?;
    Ok(())
}
