//! The `housekeeping_assignments` collection: one document per business date and room, with
//! its audit trail (`history`, only ever pushed to) and, like a room, an `outbox` of events not
//! yet on Kafka (see `crate::outbox`), so a change, its audit line and its event are one write.
use crate::assignment::{Assignment, AssignmentChange};
use crate::ticket_store::{now, to_bson};
use chrono::{DateTime, NaiveDate, Utc};
use kernel::{RoomId, UserId};
use mongodb::bson::{self, doc, Document};
use mongodb::options::IndexOptions;
use mongodb::{Collection, Database, IndexModel};
use serde::{Deserialize, Serialize};

pub const COLLECTION: &str = "housekeeping_assignments";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AssignmentDoc {
    /// `<date>/<room id>`: derived, so the lock and the relay name a document without reading it.
    #[serde(rename = "_id")]
    pub id: String,
    /// `YYYY-MM-DD`, which sorts as the date does.
    pub date: String,
    pub room_id: String,
    pub room_number: String,
    pub floor: i32,
    /// `None` once the room was taken back; the document stays for its history.
    pub attendant: Option<String>,
    pub updated_by: String,
    pub updated_at: bson::DateTime,
    pub history: Vec<ChangeDoc>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChangeDoc {
    pub from: Option<String>,
    pub to: Option<String>,
    pub by: String,
    pub at: bson::DateTime,
}

pub fn assignments(db: &Database) -> Collection<AssignmentDoc> {
    db.collection(COLLECTION)
}

pub fn id_of(date: NaiveDate, room: RoomId) -> String {
    format!("{date}/{room}")
}

/// Reads leave the pending events out.
pub fn fields() -> Document {
    doc! { "outbox": 0, "outbox_pending": 0 }
}

/// One room has at most one assignment a day; lists are per day, per attendant and day, and
/// the relay looks for pending events.
pub async fn ensure_indexes(db: &Database) -> mongodb::error::Result<()> {
    let unique = IndexOptions::builder().unique(true).build();
    assignments(db)
        .create_index(
            IndexModel::builder()
                .keys(doc! { "date": 1, "room_id": 1 })
                .options(unique)
                .build(),
        )
        .await?;
    assignments(db)
        .create_index(
            IndexModel::builder()
                .keys(doc! { "date": 1, "attendant": 1 })
                .build(),
        )
        .await?;
    let sparse = IndexOptions::builder().sparse(true).build();
    assignments(db)
        .create_index(
            IndexModel::builder()
                .keys(doc! { crate::outbox::PENDING: 1 })
                .options(sparse)
                .build(),
        )
        .await?;
    Ok(())
}

/// The audit line for a change made now.
pub fn change(from: Option<UserId>, to: Option<UserId>, by: UserId) -> (ChangeDoc, DateTime<Utc>) {
    let at = now();
    let line = ChangeDoc {
        from: from.map(|u| u.to_string()),
        to: to.map(|u| u.to_string()),
        by: by.to_string(),
        at: to_bson(at),
    };
    (line, at)
}

fn time(t: bson::DateTime) -> anyhow::Result<DateTime<Utc>> {
    DateTime::from_timestamp_millis(t.timestamp_millis())
        .ok_or_else(|| anyhow::anyhow!("time out of range: {t}"))
}

fn user(s: &Option<String>) -> anyhow::Result<Option<UserId>> {
    Ok(s.as_deref().map(str::parse).transpose()?)
}

impl AssignmentDoc {
    /// The assignment it holds; `None` when the room is nobody's.
    pub fn assignment(&self) -> anyhow::Result<Option<Assignment>> {
        let Some(attendant) = user(&self.attendant)? else {
            return Ok(None);
        };
        Ok(Some(Assignment {
            date: self.date.parse()?,
            room_id: self.room_id.parse()?,
            room_number: self.room_number.clone(),
            floor: self.floor,
            attendant,
            assigned_by: self.updated_by.parse()?,
            assigned_at: time(self.updated_at)?,
        }))
    }

    /// Its audit trail, oldest first.
    pub fn changes(&self) -> anyhow::Result<Vec<AssignmentChange>> {
        let (date, room_id) = (self.date.parse()?, self.room_id.parse()?);
        self.history
            .iter()
            .map(|c| {
                Ok(AssignmentChange {
                    date,
                    room_id,
                    room_number: self.room_number.clone(),
                    from: user(&c.from)?,
                    to: user(&c.to)?,
                    by: c.by.parse()?,
                    at: time(c.at)?,
                })
            })
            .collect()
    }
}
