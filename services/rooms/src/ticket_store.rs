//! The `maintenance_tickets` collection and its mapping to [`Ticket`].
use crate::ticket::{Priority, Problem, Ticket, TicketStatus};
use chrono::{DateTime, Utc};
use mongodb::bson::{self, doc};
use mongodb::{Collection, Database, IndexModel};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TicketDoc {
    #[serde(rename = "_id")]
    pub id: String,
    pub room_id: String,
    pub room_number: String,
    pub problem: String,
    pub priority: Priority,
    /// `priority` as a number, so a sort puts urgent before high (names sort alphabetically).
    pub priority_rank: i32,
    pub status: TicketStatus,
    pub reporter: String,
    pub assignee: Option<String>,
    pub takes_room_out_of_order: bool,
    #[serde(default)]
    pub has_photo: bool,
    pub created_at: bson::DateTime,
    pub updated_at: bson::DateTime,
    pub resolved_at: Option<bson::DateTime>,
    #[serde(default)]
    pub resolved_by: Option<String>,
}

pub fn tickets(db: &Database) -> Collection<TicketDoc> {
    db.collection("maintenance_tickets")
}

/// Lists filter on status, on room (with or without status), or on nothing, and all sort by
/// priority then age; "other unresolved tickets of this room" uses the room index too.
pub async fn ensure_indexes(db: &Database) -> mongodb::error::Result<()> {
    let keys = [
        doc! { "status": 1, "priority_rank": -1, "created_at": 1 },
        doc! { "room_id": 1, "status": 1, "priority_rank": -1, "created_at": 1 },
        doc! { "priority_rank": -1, "created_at": 1 },
    ];
    // One at a time: FerretDB 1.24 panics on a multi-index createIndexes when some exist.
    for k in keys {
        tickets(db).create_index(IndexModel::builder().keys(k).build()).await?;
    }
    Ok(())
}

/// Timestamps are stored to the millisecond; a ticket gets exactly the time it will read back.
pub fn now() -> DateTime<Utc> {
    let at = Utc::now();
    DateTime::from_timestamp_millis(at.timestamp_millis()).unwrap_or(at)
}

pub fn to_bson(t: DateTime<Utc>) -> bson::DateTime {
    bson::DateTime::from_millis(t.timestamp_millis())
}

pub(crate) fn from_bson(t: bson::DateTime) -> anyhow::Result<DateTime<Utc>> {
    DateTime::from_timestamp_millis(t.timestamp_millis()).ok_or_else(|| anyhow::anyhow!("time out of range: {t}"))
}

impl TryFrom<TicketDoc> for Ticket {
    type Error = anyhow::Error;
    fn try_from(d: TicketDoc) -> anyhow::Result<Self> {
        Ok(Ticket {
            id: d.id.parse()?,
            room_id: d.room_id.parse()?,
            room_number: d.room_number,
            problem: Problem::parse(&d.problem)?,
            priority: d.priority,
            status: d.status,
            reporter: d.reporter.parse()?,
            assignee: d.assignee.map(|a| a.parse()).transpose()?,
            takes_room_out_of_order: d.takes_room_out_of_order,
            has_photo: d.has_photo,
            created_at: from_bson(d.created_at)?,
            updated_at: from_bson(d.updated_at)?,
            resolved_at: d.resolved_at.map(from_bson).transpose()?,
            resolved_by: d.resolved_by.map(|a| a.parse()).transpose()?,
        })
    }
}

impl From<&Ticket> for TicketDoc {
    fn from(t: &Ticket) -> Self {
        TicketDoc {
            id: t.id.to_string(),
            room_id: t.room_id.to_string(),
            room_number: t.room_number.clone(),
            problem: t.problem.as_str().to_owned(),
            priority: t.priority,
            priority_rank: t.priority.rank(),
            status: t.status,
            reporter: t.reporter.to_string(),
            assignee: t.assignee.map(|a| a.to_string()),
            takes_room_out_of_order: t.takes_room_out_of_order,
            has_photo: t.has_photo,
            created_at: to_bson(t.created_at),
            updated_at: to_bson(t.updated_at),
            resolved_at: t.resolved_at.map(to_bson),
            resolved_by: t.resolved_by.map(|a| a.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel::{RoomId, TicketId, UserId};

    #[test]
    fn a_ticket_survives_the_round_trip_through_its_document() {
        let at = now();
        let ticket = Ticket {
            id: TicketId::new(),
            room_id: RoomId::new(),
            room_number: "204".into(),
            problem: Problem::parse("shower drips").unwrap(),
            priority: Priority::High,
            status: TicketStatus::InProgress,
            reporter: UserId::new(),
            assignee: Some(UserId::new()),
            takes_room_out_of_order: true,
            has_photo: true,
            created_at: at,
            updated_at: at,
            resolved_at: None,
            resolved_by: Some(UserId::new()),
        };
        let stored = bson::to_document(&TicketDoc::from(&ticket)).unwrap();
        assert_eq!(stored.get_str("status").unwrap(), "in_progress");
        assert_eq!(stored.get_i32("priority_rank").unwrap(), 2);
        let read: TicketDoc = bson::from_document(stored).unwrap();
        assert_eq!(Ticket::try_from(read).unwrap(), ticket);
    }
}
