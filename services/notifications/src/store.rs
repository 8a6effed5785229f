use eventbus::OutboxTable;
use kernel::{EventId, UserId};
use sqlx::PgConnection;
use uuid::Uuid;

pub const OUTBOX: OutboxTable = OutboxTable("notifications.outbox");

/// Who may send a delivery now.
pub enum Claim {
    /// This worker holds the delivery and must send it.
    Mine(Uuid),
    AlreadySent,
    /// Another worker claimed it moments ago; ask again later.
    InFlight,
}

/// Records the delivery for `(cause, template)` once, then claims it atomically: only one
/// worker can move it to `sending`, so a redelivered or doubly consumed event sends one email.
pub async fn claim(
    conn: &mut PgConnection,
    cause: EventId,
    template: &str,
    user: UserId,
    recipient: &str,
) -> sqlx::Result<Claim> {
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
    let claimed: Option<Uuid> = sqlx::query_scalar(
        "UPDATE notifications.deliveries SET status = 'sending', claimed_at = now()
         WHERE cause_event_id = $1 AND template = $2
           AND (status IN ('queued', 'failed') OR (status = 'sending' AND claimed_at < now() - interval '5 minutes'))
         RETURNING id",
    )
    .bind(cause.as_uuid())
    .bind(template)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = claimed {
        return Ok(Claim::Mine(id));
    }
    let status: String = sqlx::query_scalar(
        "SELECT status FROM notifications.deliveries WHERE cause_event_id = $1 AND template = $2",
    )
    .bind(cause.as_uuid())
    .bind(template)
    .fetch_one(conn)
    .await?;
    Ok(if status == "sent" { Claim::AlreadySent } else { Claim::InFlight })
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
