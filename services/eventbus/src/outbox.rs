use kernel::events::{Envelope, Event};
use sqlx::PgConnection;

/// The outbox of one service, e.g. `bookings.outbox`. Each service's migration creates its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxTable(pub &'static str);

/// Records `envelope` for publishing. Call it inside the transaction that makes the change.
pub async fn enqueue<E: Event>(
    conn: &mut PgConnection,
    table: OutboxTable,
    envelope: &Envelope<E>,
) -> sqlx::Result<()> {
    let payload = serde_json::to_value(envelope).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    // The table name is a compile-time constant of the calling service, never user input.
    let sql = format!(
        "INSERT INTO {} (event_id, topic, key, payload) VALUES ($1, $2, $3, $4)",
        table.0
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(envelope.event_id.as_uuid())
        .bind(E::TYPE)
        .bind(envelope.payload.key())
        .bind(payload)
        .execute(conn)
        .await?;
    Ok(())
}
