//! What staff did, as every service reports it from the records it keeps: one shape, so the
//! manager's audit log merges them by time and pages through them with one cursor.
use crate::{BookingId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One thing a member of staff (or the night audit's schedule) did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAction {
    pub at: DateTime<Utc>,
    /// `None` for the hotel's own schedule.
    pub by: Option<UserId>,
    /// The part of the hotel it touched, e.g. "Stay", "Rates", "Staff".
    pub area: String,
    /// What was done, in words, e.g. "checked in", "season changed".
    pub action: String,
    /// What it was done to, e.g. a room type's code, a template, a person's email.
    pub subject: String,
    pub booking: Option<BookingId>,
    /// The person the action was about (given a room, a ticket), named after `action`.
    pub whom: Option<UserId>,
    /// Unique across every source and ordered within one: ties on `at` are broken by it.
    pub key: String,
}

/// Where a page of the log ends: the next page holds what comes before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditCursor {
    pub at: DateTime<Utc>,
    pub key: String,
}

impl AuditCursor {
    /// `at|key`, as a link carries it.
    pub fn encode(&self) -> String {
        format!("{}|{}", self.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true), self.key)
    }

    pub fn decode(s: &str) -> Option<Self> {
        let (at, key) = s.split_once('|')?;
        Some(Self { at: DateTime::parse_from_rfc3339(at).ok()?.with_timezone(&Utc), key: key.to_owned() })
    }

    /// Whether `a` comes after this cursor, newest first: earlier, or as early with a smaller key.
    pub fn precedes(&self, a: &StaffAction) -> bool {
        (a.at, a.key.as_str()) < (self.at, self.key.as_str())
    }
}

/// Which actions a page shows: by whom, in which time range, about which booking, and before
/// which cursor; at most `limit`, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuditQuery {
    pub by: Option<UserId>,
    pub from: Option<DateTime<Utc>>,
    /// The first moment no longer shown.
    pub until: Option<DateTime<Utc>>,
    pub booking: Option<BookingId>,
    pub before: Option<AuditCursor>,
    pub limit: u32,
}

impl AuditQuery {
    /// Whether `a` belongs on the page, for sources that filter in memory.
    pub fn admits(&self, a: &StaffAction) -> bool {
        self.by.is_none_or(|by| a.by == Some(by))
            && self.from.is_none_or(|from| a.at >= from)
            && self.until.is_none_or(|until| a.at < until)
            && self.booking.is_none_or(|b| a.booking == Some(b))
            && self.before.as_ref().is_none_or(|c| c.precedes(a))
    }
}

/// A page of a PostgreSQL source, as one static SQL string: the literal `union` selects `at, by,
/// area, action, subject, booking, key` from the service's own records; the page binds `$1` by,
/// `$2` from, `$3` until, `$4` booking, `$5` and `$6` the cursor's `at` and key, `$7` the limit
/// ([`AuditQuery::binds`]). Keys compare bytewise (`COLLATE "C"`), as Rust's and MongoDB's do.
#[macro_export]
macro_rules! audit_page_sql {
    ($union:literal) => {
        concat!(
            "SELECT at, by, area, action, subject, booking, key FROM (", $union, ") AS trail
             WHERE ($1::uuid IS NULL OR by = $1) AND ($2::timestamptz IS NULL OR at >= $2)
               AND ($3::timestamptz IS NULL OR at < $3) AND ($4::uuid IS NULL OR booking = $4)
               AND ($5::timestamptz IS NULL OR at < $5 OR (at = $5 AND key COLLATE \"C\" < $6))
             ORDER BY at DESC, key COLLATE \"C\" DESC LIMIT $7"
        )
    };
}

/// Runs an [`audit_page_sql!`] page for `q` on `executor` and answers its actions. A macro so
/// that the kernel stays free of I/O: `sqlx` is the calling service's.
#[macro_export]
macro_rules! audit_page {
    ($executor:expr, $sql:expr, $q:expr) => {{
        let (by, from, until, booking, at, key, limit) = $q.binds();
        let rows: Vec<$crate::audit_trail::AuditRow> = sqlx::query_as($sql)
            .bind(by).bind(from).bind(until).bind(booking).bind(at).bind(key).bind(limit)
            .fetch_all($executor)
            .await?;
        rows.into_iter().map($crate::audit_trail::StaffAction::from).collect::<Vec<_>>()
    }};
}

/// A row of [`audit_page_sql!`].
pub type AuditRow = (DateTime<Utc>, Option<uuid::Uuid>, String, String, String, Option<uuid::Uuid>, String);

/// [`audit_page_sql!`]'s parameters, in order.
pub type AuditBinds = (Option<uuid::Uuid>, Option<DateTime<Utc>>, Option<DateTime<Utc>>, Option<uuid::Uuid>, Option<DateTime<Utc>>, Option<String>, i64);

impl AuditQuery {
    pub fn binds(&self) -> AuditBinds {
        (
            self.by.map(|u| u.as_uuid()),
            self.from,
            self.until,
            self.booking.map(|b| b.as_uuid()),
            self.before.as_ref().map(|c| c.at),
            self.before.as_ref().map(|c| c.key.clone()),
            i64::from(self.limit),
        )
    }
}

impl From<AuditRow> for StaffAction {
    fn from((at, by, area, action, subject, booking, key): AuditRow) -> Self {
        Self { at, by: by.map(UserId::from_uuid), area, action, subject, booking: booking.map(BookingId::from_uuid), whom: None, key }
    }
}

/// Newest first, then by key, as every page is ordered.
pub fn newest_first(a: &StaffAction, b: &StaffAction) -> std::cmp::Ordering {
    (b.at, &b.key).cmp(&(a.at, &a.key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(at: &str, key: &str) -> StaffAction {
        StaffAction {
            at: at.parse().unwrap(),
            by: None,
            area: "Test".into(),
            action: "did".into(),
            subject: "it".into(),
            booking: None,
            whom: None,
            key: key.into(),
        }
    }

    #[test]
    fn a_cursor_survives_its_link_and_orders_ties_by_key() {
        let c = AuditCursor { at: "2026-12-02T10:00:00.123456Z".parse().unwrap(), key: "b:00000000000000000042".into() };
        assert_eq!(AuditCursor::decode(&c.encode()), Some(c.clone()));
        assert!(c.precedes(&action("2026-12-02T10:00:00.123456Z", "b:00000000000000000041")));
        assert!(!c.precedes(&action("2026-12-02T10:00:00.123456Z", "b:00000000000000000042")));
        assert!(c.precedes(&action("2026-12-02T09:59:59Z", "z")));
        assert!(!c.precedes(&action("2026-12-02T10:00:01Z", "a")));
        assert_eq!(AuditCursor::decode("nonsense"), None);
    }
}
