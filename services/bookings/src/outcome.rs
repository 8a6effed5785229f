//! A checkout's outcome, claimed once per guest and key: booked, or abandoned because the room
//! was lost and the money goes back. Whichever commits first wins (the primary key decides), so
//! a retried submit can never book after its checkout was abandoned, and a checkout is never
//! abandoned once it booked.
use crate::{store, Booking, BookingError, BookingsService};
use kernel::UserId;
use sqlx::PgConnection;
use uuid::Uuid;

/// What a checkout's key is already decided as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decided {
    Booked,
    Abandoned,
}

/// Claims `outcome` for the key; `None` when this claim won, else what the key was decided as.
pub(crate) async fn claim(conn: &mut PgConnection, user: UserId, key: Uuid, outcome: Decided) -> sqlx::Result<Option<Decided>> {
    let word = |d: Decided| if d == Decided::Booked { "booked" } else { "abandoned" };
    let won = sqlx::query(
        "INSERT INTO bookings.checkout_outcomes (user_id, idempotency_key, outcome) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(user.as_uuid())
    .bind(key)
    .bind(word(outcome))
    .execute(&mut *conn)
    .await?;
    if won.rows_affected() == 1 {
        return Ok(None);
    }
    let existing: String =
        sqlx::query_scalar("SELECT outcome FROM bookings.checkout_outcomes WHERE user_id = $1 AND idempotency_key = $2")
            .bind(user.as_uuid())
            .bind(key)
            .fetch_one(conn)
            .await?;
    Ok(Some(if existing == "booked" { Decided::Booked } else { Decided::Abandoned }))
}

/// How abandoning a checkout ended.
#[derive(Debug)]
pub enum Abandon {
    /// No booking can be made with this key any more: give the money back.
    Abandoned,
    /// It booked after all (a concurrent retry won the room): keep the money.
    Booked(Box<Booking>),
}

impl BookingsService {
    /// Gives up the checkout of `user` with `key`, unless it has booked.
    pub async fn abandon_checkout(&self, user: UserId, key: Uuid) -> Result<Abandon, BookingError> {
        let mut conn = self.pool().acquire().await?;
        match claim(&mut conn, user, key, Decided::Abandoned).await? {
            None | Some(Decided::Abandoned) => Ok(Abandon::Abandoned),
            Some(Decided::Booked) => {
                let booking = store::find_by_key(&mut conn, user, key).await?.ok_or(BookingError::NoLongerAvailable)?;
                Ok(Abandon::Booked(Box::new(booking)))
            }
        }
    }
}
