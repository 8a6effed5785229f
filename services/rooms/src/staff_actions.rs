//! What staff did to rooms, for the audit log: the catalogue's changes, each room status a member
//! of staff set, each room given to or taken from an attendant, and each maintenance ticket
//! opened, given, started and resolved. FerretDB has no multi-document transactions, so a
//! record follows its change; a crash between the two loses the record, never the change.
use crate::ticket_store::{from_bson, to_bson};
use crate::{Room, RoomStatus, RoomsService};
use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use kernel::audit_trail::{AuditCursor, AuditQuery, StaffAction};
use kernel::UserId;
use mongodb::bson::{doc, Document};

const STATUS_CHANGES: &str = "status_changes";
const TICKET_CHANGES: &str = "ticket_changes";
/// The log's collections and the area each one's records belong to.
const SOURCES: [(&str, &str); 3] = [("catalogue_changes", "Rooms"), (STATUS_CHANGES, "Housekeeping"), (TICKET_CHANGES, "Maintenance")];

/// Pages of the log read each collection newest first.
pub(crate) async fn ensure_indexes(db: &mongodb::Database) -> mongodb::error::Result<()> {
    for (collection, _) in SOURCES {
        db.collection::<Document>(collection).create_index(mongodb::IndexModel::builder().keys(doc! { "at": -1, "_id": -1 }).build()).await?;
    }
    Ok(())
}

pub(crate) async fn record_status(s: &RoomsService, room: &Room, from: RoomStatus, to: RoomStatus, by: UserId, reason: Option<&str>, at: DateTime<Utc>) {
    let mut parts = Vec::new();
    if from.housekeeping != to.housekeeping {
        parts.push(format!("{} → {}", from.housekeeping.as_str(), to.housekeeping.as_str()));
    }
    if from.occupancy != to.occupancy {
        parts.push(format!("{} → {}", from.occupancy.as_str(), to.occupancy.as_str()));
    }
    if from.guest_service != to.guest_service {
        parts.push(format!("service {} → {}", from.guest_service.as_str(), to.guest_service.as_str()));
    }
    if from.out_of_service != to.out_of_service {
        parts.push(if to.out_of_service { "out of service".into() } else { "back in service".into() });
    }
    if from.out_of_order_until != to.out_of_order_until {
        parts.push(match to.out_of_order_until { Some(d) => format!("out of order until {d}"), None => "back in order".into() });
    }
    if from.reported != to.reported {
        parts.push(match to.reported { Some(o) => format!("reported {}", o.as_str()), None => "report cleared".into() });
    }
    let action = match reason {
        Some(r) => format!("{} ({r})", parts.join(", ")),
        None => parts.join(", "),
    };
    record(s, STATUS_CHANGES, &room.number, action, None, by, at).await;
}

/// `by` gave room `room` to `to` (or took it from `from`) for `date`.
pub(crate) async fn record_assignment(s: &RoomsService, room: &str, date: chrono::NaiveDate, from: Option<UserId>, to: Option<UserId>, by: UserId, at: DateTime<Utc>) {
    let (action, whom) = match to {
        Some(to) => (format!("assigned for {date} to"), Some(to)),
        None => (format!("taken back for {date} from"), from),
    };
    record(s, STATUS_CHANGES, room, action, whom, by, at).await;
}

/// `by` did `action` to a maintenance ticket of `room`; `whom` is who it was given to.
pub(crate) async fn record_ticket(s: &RoomsService, room: &str, action: String, whom: Option<UserId>, by: UserId, at: DateTime<Utc>) {
    record(s, TICKET_CHANGES, room, action, whom, by, at).await;
}

/// `whom` is the person the action was about, named by the log after `action`.
async fn record(s: &RoomsService, collection: &str, room: &str, action: String, whom: Option<UserId>, by: UserId, at: DateTime<Utc>) {
    let mut record = doc! {
        "_id": uuid::Uuid::new_v4().to_string(), "at": to_bson(at), "by": by.to_string(),
        "room": room, "action": action,
    };
    if let Some(whom) = whom {
        record.insert("whom", whom.to_string());
    }
    if let Err(e) = s.db.collection::<Document>(collection).insert_one(record).await {
        tracing::error!(room, collection, error = %e, "a change to a room was made but its audit record was not kept");
    }
}

impl RoomsService {
    /// Catalogue changes, status changes, assignments and tickets matching `q`, newest first.
    pub async fn staff_actions(&self, q: &AuditQuery) -> anyhow::Result<Vec<StaffAction>> {
        if q.booking.is_some() {
            return Ok(Vec::new());
        }
        let mut found = Vec::new();
        for (collection, area) in SOURCES {
            let docs: Vec<Document> =
                self.db.collection::<Document>(collection).find(filter(q, collection)).sort(doc! { "at": -1, "_id": -1 }).limit(i64::from(q.limit)).await?.try_collect().await?;
            for d in docs {
                let subject = match area {
                    "Rooms" => format!("{} {}", d.get_str("kind").unwrap_or(""), d.get_str("subject").unwrap_or("")),
                    _ => format!("room {}", d.get_str("room").unwrap_or("?")),
                };
                found.push(action(&d, collection, area, d.get_str("action").unwrap_or("").replace('_', " "), subject)?);
            }
        }
        found.retain(|a| q.admits(a));
        found.sort_by(kernel::audit_trail::newest_first);
        found.truncate(q.limit as usize);
        Ok(found)
    }
}

fn filter(q: &AuditQuery, collection: &str) -> Document {
    let mut f = doc! {};
    if let Some(c) = &q.before {
        f.insert("$or", before(c, &format!("rooms.{collection}:")));
    }
    let mut at = doc! {};
    if let Some(from) = q.from {
        at.insert("$gte", to_bson(from));
    }
    if let Some(until) = q.until {
        at.insert("$lt", to_bson(until));
    }
    if !at.is_empty() {
        f.insert("at", at);
    }
    if let Some(by) = q.by {
        f.insert("by", by.to_string());
    }
    f
}

/// What comes after the cursor `c` in a collection whose keys are `prefix` and the `_id`:
/// earlier, or at the same instant with a smaller key, exactly as [`AuditCursor::precedes`]
/// orders, so a page cut inside one millisecond neither repeats nor skips a record.
fn before(c: &AuditCursor, prefix: &str) -> Vec<Document> {
    let ms = to_bson(c.at);
    if c.at.timestamp_subsec_nanos() % 1_000_000 != 0 {
        // The cursor is between two milliseconds (a PostgreSQL source's): all at or before it.
        return vec![doc! { "at": { "$lte": ms } }];
    }
    let earlier = doc! { "at": { "$lt": ms } };
    match c.key.strip_prefix(prefix) {
        Some(id) => vec![earlier, doc! { "at": ms, "_id": { "$lt": id } }],
        None if c.key.as_str() > prefix => vec![doc! { "at": { "$lte": ms } }],
        None => vec![earlier],
    }
}

fn action(d: &Document, collection: &str, area: &str, action: String, subject: String) -> anyhow::Result<StaffAction> {
    let at = from_bson(*d.get_datetime("at")?)?;
    Ok(StaffAction {
        at,
        by: d.get_str("by").ok().and_then(|b| b.parse().ok()),
        area: area.into(),
        action,
        subject,
        booking: None,
        whom: d.get_str("whom").ok().and_then(|w| w.parse().ok()),
        key: format!("rooms.{collection}:{}", d.get_str("_id")?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cursor(at: &str, key: &str) -> AuditCursor {
        AuditCursor { at: at.parse().unwrap(), key: key.into() }
    }

    #[test]
    fn a_cursor_inside_this_collection_continues_by_id_within_its_millisecond() {
        let prefix = "rooms.status_changes:";
        let ms = to_bson("2026-12-02T10:00:00.123Z".parse().unwrap());
        assert_eq!(
            before(&cursor("2026-12-02T10:00:00.123Z", "rooms.status_changes:b7"), prefix),
            vec![doc! { "at": { "$lt": ms } }, doc! { "at": ms, "_id": { "$lt": "b7" } }]
        );
        // Another source's key: the same instant is all before it, or all after it.
        assert_eq!(before(&cursor("2026-12-02T10:00:00.123Z", "users.staff:1"), prefix), vec![doc! { "at": { "$lte": ms } }]);
        assert_eq!(before(&cursor("2026-12-02T10:00:00.123Z", "bookings.audit:1"), prefix), vec![doc! { "at": { "$lt": ms } }]);
        // A PostgreSQL source's microseconds: every record of that millisecond is earlier.
        assert_eq!(before(&cursor("2026-12-02T10:00:00.123456Z", "bookings.audit:1"), prefix), vec![doc! { "at": { "$lte": ms } }]);
    }
}
