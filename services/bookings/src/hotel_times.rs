//! The hotel's times a manager sets: check-in, check-out and the night audit's. Each change is
//! kept with who made it; this process's clock follows at once, others' with their next rates
//! snapshot (two seconds).
use crate::BookingsService;
use chrono::NaiveTime;
use kernel::UserId;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HotelTimes {
    pub check_in: NaiveTime,
    pub check_out: NaiveTime,
    pub night_audit: NaiveTime,
}

#[derive(Debug, thiserror::Error)]
pub enum HotelTimesError {
    /// The database's `hotel_turnover`: a room is left before it is taken again.
    #[error("check-out must be before check-in, so rooms can be turned over")]
    Turnover,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<sqlx::Error> for HotelTimesError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Database(db) if db.constraint() == Some("hotel_turnover") => Self::Turnover,
            _ => Self::Unexpected(anyhow::Error::new(e).context("bookings.hotel")),
        }
    }
}

const TIMES: &str = "SELECT jsonb_build_object('check_in', check_in_time, 'check_out', check_out_time, 'night_audit', night_audit_time) FROM bookings.hotel";
const TIMES_LOCKED: &str =
    "SELECT jsonb_build_object('check_in', check_in_time, 'check_out', check_out_time, 'night_audit', night_audit_time) FROM bookings.hotel FOR UPDATE";

impl BookingsService {
    pub async fn hotel_times(&self) -> Result<HotelTimes, HotelTimesError> {
        let (check_in, check_out, night_audit): (NaiveTime, NaiveTime, NaiveTime) =
            sqlx::query_as("SELECT check_in_time, check_out_time, night_audit_time FROM bookings.hotel").fetch_one(self.pool()).await?;
        Ok(HotelTimes { check_in, check_out, night_audit })
    }

    #[tracing::instrument(skip(self))]
    pub async fn set_hotel_times(&self, t: HotelTimes, by: UserId) -> Result<(), HotelTimesError> {
        let mut tx = self.pool().begin().await?;
        let before: Value = sqlx::query_scalar(TIMES_LOCKED).fetch_one(&mut *tx).await?;
        sqlx::query("UPDATE bookings.hotel SET check_in_time = $1, check_out_time = $2, night_audit_time = $3")
            .bind(t.check_in)
            .bind(t.check_out)
            .bind(t.night_audit)
            .execute(&mut *tx)
            .await?;
        let after: Value = sqlx::query_scalar(TIMES).fetch_one(&mut *tx).await?;
        sqlx::query("INSERT INTO bookings.hotel_changes (changed_by, before, after) VALUES ($1, $2, $3)")
            .bind(by.as_uuid())
            .bind(before)
            .bind(after)
            .execute(&mut *tx)
            .await?;
        let clock = crate::rates::clock(&mut tx).await?;
        tx.commit().await?;
        self.set_clock(clock);
        Ok(())
    }
}
