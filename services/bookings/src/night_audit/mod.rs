//! The hotel's business date and what the bookings service does in the night audit that closes
//! it. The audit itself spans services (`office::NightAudit`); here are its lock, the reads it
//! works from and its last step: the pickup snapshot, the report, the rolled date and
//! `night_audit.completed`, all in the transaction that holds the lock.
mod report;
mod store;

pub use report::{NightAuditReport, NightAuditRun, NoShowLine, PickupTotals, RoomCount, Trigger};

use crate::BookingsService;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use kernel::{BookingId, Money};
use sqlx::{Postgres, Transaction};

/// How far ahead each audit snapshots the rooms on the books.
pub const PICKUP_DAYS: i64 = 365;

/// Why a night audit does not start.
#[derive(Debug, thiserror::Error)]
pub enum NightAuditRefusal {
    #[error("the night audit is running already; its report will be here when it ends")]
    Running,
    #[error("the night audit of {0} has run already")]
    AlreadyRan(NaiveDate),
    #[error("the night audit of {date} can run from midnight, when {next} begins at the hotel")]
    NotYet { date: NaiveDate, next: NaiveDate },
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<sqlx::Error> for NightAuditRefusal {
    fn from(e: sqlx::Error) -> Self {
        Self::Unexpected(e.into())
    }
}

/// The open business date and when its audit runs by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BusinessDate {
    pub date: NaiveDate,
    pub night_audit_time: NaiveTime,
}

impl BusinessDate {
    /// The day after: its audit may run once the hotel's calendar has reached it.
    pub fn next(&self) -> NaiveDate {
        self.date + Duration::days(1)
    }

    /// Why its audit cannot run on the hotel's calendar date `today`, if it cannot.
    pub fn not_yet(&self, today: NaiveDate) -> Option<NightAuditRefusal> {
        (today < self.next()).then(|| NightAuditRefusal::NotYet { date: self.date, next: self.next() })
    }

    /// Whether the schedule runs it at `now`, the hotel's local time: its audit time on the next day.
    pub fn due_at(&self, now: chrono::NaiveDateTime) -> bool {
        now >= self.next().and_time(self.night_audit_time)
    }
}

/// The lock on one business date's audit: while it is held no other instance can start one, and
/// the audit's last step commits in its transaction.
pub struct NightAuditLease {
    tx: Transaction<'static, Postgres>,
    date: NaiveDate,
    started_at: DateTime<Utc>,
}

impl NightAuditLease {
    /// Lets the lock go now. A transaction merely dropped is rolled back only when its
    /// connection is next used, and until then every other audit would be told one is running.
    pub async fn release(self) -> sqlx::Result<()> {
        self.tx.rollback().await
    }

    /// The business date being closed.
    pub fn date(&self) -> NaiveDate {
        self.date
    }
}

/// A stay in the house on the night being closed, with what that night costs.
#[derive(Debug, Clone, PartialEq)]
pub struct InHouse {
    pub booking_id: BookingId,
    pub room_number: String,
    pub night: Option<Money>,
}

impl BookingsService {
    /// The date the next night audit closes. The first read (a new hotel) opens the hotel's
    /// calendar date.
    pub async fn business_date(&self) -> Result<BusinessDate, NightAuditRefusal> {
        let mut conn = self.pool().acquire().await?;
        Ok(store::business_date(&mut conn, self.today()).await?)
    }

    /// Takes the lock of the open date's audit. `expected` is the date the person saw: a second
    /// press, or a page left open over a night, cannot close the next date by mistake.
    pub async fn begin_night_audit(&self, expected: Option<NaiveDate>) -> Result<NightAuditLease, NightAuditRefusal> {
        self.business_date().await?;
        let mut tx = self.pool().begin().await?;
        let Some(open) = store::lock_business_date(&mut tx).await? else {
            return Err(NightAuditRefusal::Running);
        };
        let date = open.date;
        let refusal = match expected {
            Some(expected) if expected != date => Some(NightAuditRefusal::AlreadyRan(expected)),
            _ => open.not_yet(self.today()),
        };
        let lease = NightAuditLease { tx, date, started_at: Utc::now() };
        match refusal {
            Some(refusal) => {
                lease.release().await?;
                Err(refusal)
            }
            None => Ok(lease),
        }
    }

    /// Confirmed bookings due on or before `date` whose guest has not checked in.
    pub async fn not_arrived_by(&self, date: NaiveDate) -> Result<Vec<BookingId>, NightAuditRefusal> {
        let mut conn = self.pool().acquire().await?;
        Ok(store::not_arrived_by(&mut conn, date).await?)
    }

    /// Every checked-in stay on the night of `date`, with that night's price.
    pub async fn in_house_on(&self, date: NaiveDate) -> Result<Vec<InHouse>, NightAuditRefusal> {
        let mut conn = self.pool().acquire().await?;
        Ok(store::in_house_on(&mut conn, date).await?)
    }

    /// The audit's last step: the pickup snapshot, the report kept, the date rolled and the event
    /// written, at once; then the lock is let go.
    pub async fn finish_night_audit(
        &self,
        mut lease: NightAuditLease,
        by: kernel::UserId,
        trigger: Trigger,
        mut report: NightAuditReport,
    ) -> Result<NightAuditRun, NightAuditRefusal> {
        let (date, started_at) = (lease.date, lease.started_at);
        let written = async {
            let tx = &mut lease.tx;
            report.pickup = store::snapshot_pickup(tx, date, PICKUP_DAYS).await?;
            store::keep_rooms(tx, date, &report.rooms).await?;
            let run = store::keep_report(tx, date, by, trigger, started_at, &report).await?;
            store::roll(tx, date).await?;
            let event = kernel::events::Envelope::new(run.event(), run.finished_at);
            eventbus::enqueue(tx, crate::store::OUTBOX, &event).await?;
            Ok::<_, NightAuditRefusal>(run)
        }
        .await;
        match written {
            Ok(run) => {
                lease.tx.commit().await?;
                Ok(run)
            }
            Err(e) => {
                lease.release().await?;
                Err(e)
            }
        }
    }

    /// Whether the audit of `date` has run.
    pub async fn night_audits_on(&self, date: NaiveDate) -> anyhow::Result<bool> {
        Ok(sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM bookings.night_audits WHERE business_date = $1)")
            .bind(date)
            .fetch_one(self.pool())
            .await?)
    }

    /// The audits run, newest first: a page of `per_page`, and how many there are.
    pub async fn night_audits(&self, page: u32, per_page: u32) -> Result<(Vec<NightAuditRun>, u64), NightAuditRefusal> {
        let mut conn = self.pool().acquire().await?;
        Ok(store::runs(&mut conn, page, per_page).await?)
    }
}
