//! The booking's audit trail: every change of a booking, and every note on it, recorded with who
//! made it and the booking before and after, in the transaction of the change (so a change that
//! rolls back leaves no entry, and no change goes unrecorded).
//!
//! Guests' own changes and cancellations are recorded too, with the guest as the actor: they run
//! through the same code as the desk's, and a history with gaps would show the desk a stay whose
//! dates changed with nobody to say who changed them.
use crate::{Booking, BookingError, BookingStatus, BookingsService};
use chrono::{DateTime, NaiveDate, Utc};
use kernel::{BookingId, Money, UserId};
use serde::{Deserialize, Serialize};
use sqlx::PgConnection;

/// What was done (the CHECK on `bookings.audit_log.action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    CheckIn,
    CheckOut,
    MoveRoom,
    Modify,
    Cancel,
    AddNote,
    NoShow,
    /// Cancelled by a manager with the fee waived; the entry's `reason` says why.
    CancelFeeWaived,
    RevertCheckIn,
    /// Booked by a member of staff for the guest (a walk-in, a call); a guest's own booking on
    /// the site has no entry of its own: the booking's creation says it.
    Book,
}

const ACTIONS: [AuditAction; 10] = [
    AuditAction::CheckIn,
    AuditAction::CheckOut,
    AuditAction::MoveRoom,
    AuditAction::Modify,
    AuditAction::Cancel,
    AuditAction::AddNote,
    AuditAction::NoShow,
    AuditAction::CancelFeeWaived,
    AuditAction::RevertCheckIn,
    AuditAction::Book,
];

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CheckIn => "check_in",
            Self::CheckOut => "check_out",
            Self::MoveRoom => "move_room",
            Self::Modify => "modify",
            Self::Cancel => "cancel",
            Self::AddNote => "add_note",
            Self::NoShow => "no_show",
            Self::CancelFeeWaived => "cancel_fee_waived",
            Self::RevertCheckIn => "revert_check_in",
            Self::Book => "book",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        ACTIONS.into_iter().find(|a| a.as_str() == s)
    }
}

/// The booking as an audit entry keeps it: what the desk compares before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub status: BookingStatus,
    pub room_number: String,
    pub room_type: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub adults: u8,
    pub children: u8,
    pub total: Money,
    /// What ending the booking cost, once cancelled or a no-show; absent in older entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancellation_fee: Option<Money>,
}

impl From<&Booking> for Snapshot {
    fn from(b: &Booking) -> Self {
        Self {
            status: b.status,
            room_number: b.room_number.clone(),
            room_type: b.room_type.to_string(),
            check_in: b.stay.check_in(),
            check_out: b.stay.check_out(),
            adults: b.party.adults(),
            children: b.party.children(),
            total: b.total,
            cancellation_fee: b.cancellation_fee,
        }
    }
}

/// One line of a booking's history.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub id: i64,
    pub booking_id: BookingId,
    pub actor: UserId,
    pub action: AuditAction,
    pub at: DateTime<Utc>,
    pub before: Option<Snapshot>,
    pub after: Option<Snapshot>,
    pub reason: Option<String>,
}

/// What a change records; `before`/`after` are the booking around the change.
pub(crate) struct Entry<'a> {
    pub booking_id: BookingId,
    pub actor: UserId,
    pub action: AuditAction,
    pub before: Option<&'a Booking>,
    pub after: Option<&'a Booking>,
    pub reason: Option<&'a str>,
}

/// Records `entry` on `tx`, the transaction of the change it describes.
pub(crate) async fn record(tx: &mut PgConnection, entry: Entry<'_>) -> Result<(), BookingError> {
    let json = |b: Option<&Booking>| {
        b.map(|b| serde_json::to_value(Snapshot::from(b)))
            .transpose()
    };
    sqlx::query("INSERT INTO bookings.audit_log (booking_id, actor, action, before, after, reason) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(entry.booking_id.as_uuid())
        .bind(entry.actor.as_uuid())
        .bind(entry.action.as_str())
        .bind(json(entry.before).map_err(anyhow::Error::from)?)
        .bind(json(entry.after).map_err(anyhow::Error::from)?)
        .bind(entry.reason)
        .execute(tx)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: i64,
    booking_id: uuid::Uuid,
    actor: uuid::Uuid,
    action: String,
    at: DateTime<Utc>,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
    reason: Option<String>,
}

impl TryFrom<AuditRow> for AuditEntry {
    type Error = anyhow::Error;

    fn try_from(r: AuditRow) -> anyhow::Result<Self> {
        let snapshot =
            |v: Option<serde_json::Value>| v.map(serde_json::from_value::<Snapshot>).transpose();
        Ok(Self {
            id: r.id,
            booking_id: BookingId::from_uuid(r.booking_id),
            actor: UserId::from_uuid(r.actor),
            action: AuditAction::parse(&r.action)
                .ok_or_else(|| anyhow::anyhow!("unknown audit action {}", r.action))?,
            at: r.at,
            before: snapshot(r.before)?,
            after: snapshot(r.after)?,
            reason: r.reason,
        })
    }
}

/// When `action` was last done to the booking, as `tx` sees it.
pub(crate) async fn last_at(
    tx: &mut PgConnection,
    id: BookingId,
    action: AuditAction,
) -> Result<Option<DateTime<Utc>>, BookingError> {
    Ok(sqlx::query_scalar(
        "SELECT at FROM bookings.audit_log WHERE booking_id = $1 AND action = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(id.as_uuid())
    .bind(action.as_str())
    .fetch_optional(tx)
    .await?)
}

impl BookingsService {
    /// Everything done to the booking, oldest first.
    #[tracing::instrument(skip(self))]
    pub async fn history(&self, id: BookingId) -> Result<Vec<AuditEntry>, BookingError> {
        let rows: Vec<AuditRow> = sqlx::query_as(
            "SELECT id, booking_id, actor, action, at, before, after, reason FROM bookings.audit_log \
             WHERE booking_id = $1 ORDER BY at, id",
        )
        .bind(id.as_uuid())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(AuditEntry::try_from)
            .collect::<anyhow::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_as_itself() {
        for a in ACTIONS {
            assert_eq!(AuditAction::parse(a.as_str()), Some(a));
        }
        assert_eq!(AuditAction::parse("delete"), None);
    }
}
