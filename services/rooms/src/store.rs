//! MongoDB documents and their mapping to domain types. Every write is single-document:
//! FerretDB 1.x, used in development, has no multi-document transactions.
//!
//! A room document may also hold `outbox` (events not yet on Kafka) and `outbox_pending`; see
//! `crate::outbox`. `RoomDoc` leaves both out: reads project them away with [`room_fields`].
use crate::{GuestService, Housekeeping, Occupancy, Room, RoomStatus, RoomType};
use chrono::NaiveDate;
use mongodb::bson::Bson;
use kernel::{Currency, Money, RoomId, RoomTypeCode};
use mongodb::bson::{doc, Document};
use mongodb::options::IndexOptions;
use mongodb::{Collection, Database, IndexModel};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RoomTypeDoc {
    #[serde(rename = "_id")]
    pub code: String,
    pub name: String,
    pub description: String,
    pub max_adults: i32,
    pub max_children: i32,
    pub base_price_minor: i64,
    pub currency: String,
    pub beds: String,
    pub size_m2: i32,
    pub amenities: Vec<String>,
    pub features: Document,
    /// Taken off sale for good (see `crate::catalogue`); kept for the stays that name it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RoomDoc {
    #[serde(rename = "_id")]
    pub id: String,
    pub number: String,
    pub floor: i32,
    pub room_type: String,
    pub features: Document,
    pub housekeeping: Housekeeping,
    pub occupancy: Occupancy,
    #[serde(default)]
    pub guest_service: GuestService,
    #[serde(default)]
    pub out_of_service: bool,
    #[serde(default)]
    pub out_of_order_until: Option<NaiveDate>,
    #[serde(default)]
    pub reported: Option<Occupancy>,
    #[serde(default)]
    pub business_day: Option<NaiveDate>,
    #[serde(default)]
    pub status_note: Option<String>,
    /// Bumped by every change of state: what a writer compares before it writes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_seq: Option<i64>,
    /// The idempotency keys of the latest keyed changes (see `RoomsService::act`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub action_keys: Vec<String>,
    pub notes: String,
    /// Out of the hotel's inventory for good; kept for the stays that name it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
}

/// The `$set` of a change of state to `s`, and the filter that matches the room only while it
/// is still at `seq`, the sequence number read with it.
pub fn state_change(id: RoomId, seq: Option<i64>, s: &RoomStatus, note: Option<&str>) -> (Document, Document) {
    let date = |d: Option<NaiveDate>| d.map_or(Bson::Null, |d| Bson::String(d.to_string()));
    let set = doc! {
        "housekeeping": s.housekeeping.as_str(),
        "occupancy": s.occupancy.as_str(),
        "guest_service": s.guest_service.as_str(),
        "out_of_service": s.out_of_service,
        "out_of_order_until": date(s.out_of_order_until),
        "reported": s.reported.map_or(Bson::Null, |o| Bson::String(o.as_str().to_owned())),
        "business_day": date(s.business_day),
        "status_note": note.map_or(Bson::Null, |n| Bson::String(n.to_owned())),
        STATE_SEQ: seq.unwrap_or(0) + 1,
    };
    let mut filter = doc! { "_id": id.to_string() };
    filter.insert(STATE_SEQ, seq.map_or_else(|| doc! { "$exists": false }.into(), Bson::Int64));
    (set, filter)
}

pub const STATE_SEQ: &str = "state_seq";

/// `filter`, narrowed to rooms or room types still in the inventory: every list of rooms the
/// hotel works with (sales, housekeeping, the desk, the night audit) reads through this.
pub fn in_service(mut filter: Document) -> Document {
    filter.insert("retired", doc! { "$ne": true });
    filter
}

pub fn room_types(db: &Database) -> Collection<RoomTypeDoc> {
    db.collection("room_types")
}

pub fn rooms(db: &Database) -> Collection<RoomDoc> {
    db.collection("rooms")
}

/// Projection for reading a room without its pending events or its last presses' keys (a
/// hundred of them would make the board's read of every room many times larger).
pub fn room_fields() -> Document {
    doc! { "outbox": 0, "outbox_pending": 0, "action_keys": 0 }
}

/// [`room_fields`] with the keys: what a keyed change compares.
pub fn room_fields_with_keys() -> Document {
    doc! { "outbox": 0, "outbox_pending": 0 }
}

/// Indexes for every query the service makes.
pub async fn ensure_indexes(db: &Database) -> mongodb::error::Result<()> {
    let unique = IndexOptions::builder().unique(true).build();
    rooms(db)
        .create_index(IndexModel::builder().keys(doc! { "number": 1 }).options(unique).build())
        .await?;
    rooms(db)
        .create_index(IndexModel::builder().keys(doc! { "room_type": 1, "housekeeping": 1 }).build())
        .await?;
    let sparse = IndexOptions::builder().sparse(true).build();
    rooms(db)
        .create_index(IndexModel::builder().keys(doc! { crate::outbox::PENDING: 1 }).options(sparse).build())
        .await?;
    // Before out of service became a flag it was a condition; such a room still needs cleaning.
    rooms(db)
        .update_many(
            doc! { "housekeeping": "out_of_service" },
            doc! { "$set": { "housekeeping": "dirty", "out_of_service": true } },
        )
        .await?;
    crate::assignment_store::ensure_indexes(db).await?;
    crate::staff_actions::ensure_indexes(db).await?;
    crate::ticket_store::ensure_indexes(db).await
}

impl TryFrom<RoomTypeDoc> for RoomType {
    type Error = anyhow::Error;
    fn try_from(d: RoomTypeDoc) -> anyhow::Result<Self> {
        let currency = Currency::parse(&d.currency).ok_or_else(|| anyhow::anyhow!("unknown currency {}", d.currency))?;
        Ok(RoomType {
            code: RoomTypeCode::parse(&d.code)?,
            name: d.name,
            description: d.description,
            max_adults: u8::try_from(d.max_adults)?,
            max_children: u8::try_from(d.max_children)?,
            base_price: Money::from_minor(d.base_price_minor, currency),
            beds: d.beds,
            size_m2: u16::try_from(d.size_m2)?,
            amenities: d.amenities,
            features: d.features,
        })
    }
}

impl From<&RoomType> for RoomTypeDoc {
    fn from(t: &RoomType) -> Self {
        RoomTypeDoc {
            code: t.code.to_string(),
            name: t.name.clone(),
            description: t.description.clone(),
            max_adults: t.max_adults.into(),
            max_children: t.max_children.into(),
            base_price_minor: t.base_price.minor(),
            currency: t.base_price.currency().code().to_owned(),
            beds: t.beds.clone(),
            size_m2: t.size_m2.into(),
            amenities: t.amenities.clone(),
            features: t.features.clone(),
            retired: false,
        }
    }
}

impl TryFrom<RoomDoc> for Room {
    type Error = anyhow::Error;
    fn try_from(d: RoomDoc) -> anyhow::Result<Self> {
        Ok(Room {
            id: d.id.parse::<RoomId>()?,
            number: d.number,
            floor: d.floor,
            room_type: RoomTypeCode::parse(&d.room_type)?,
            features: d.features,
            housekeeping: d.housekeeping,
            occupancy: d.occupancy,
            guest_service: d.guest_service,
            out_of_service: d.out_of_service,
            out_of_order_until: d.out_of_order_until,
            reported: d.reported,
            business_day: d.business_day,
            status_note: d.status_note,
            notes: d.notes,
        })
    }
}

impl From<&Room> for RoomDoc {
    fn from(r: &Room) -> Self {
        RoomDoc {
            id: r.id.to_string(),
            number: r.number.clone(),
            floor: r.floor,
            room_type: r.room_type.to_string(),
            features: r.features.clone(),
            housekeeping: r.housekeeping,
            occupancy: r.occupancy,
            guest_service: r.guest_service,
            out_of_service: r.out_of_service,
            out_of_order_until: r.out_of_order_until,
            reported: r.reported,
            business_day: r.business_day,
            status_note: r.status_note.clone(),
            state_seq: None,
            action_keys: Vec::new(),
            notes: r.notes.clone(),
            retired: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_room_with_pending_events_still_reads() {
        let stored = doc! {
            "_id": RoomId::new().to_string(), "number": "101", "floor": 1, "room_type": "STD",
            "features": {}, "housekeeping": "out_of_order", "occupancy": "vacant", "notes": "",
            "outbox": [{ "event_id": "e", "topic": "room.status.changed", "key": "k", "payload": "{}" }],
            "outbox_pending": true,
        };
        let room = Room::try_from(mongodb::bson::from_document::<RoomDoc>(stored).unwrap()).unwrap();
        assert_eq!(room.housekeeping, Housekeeping::OutOfOrder);
        let written = mongodb::bson::to_document(&RoomDoc::from(&room)).unwrap();
        assert!(!written.contains_key("outbox"), "inserting a room never touches its outbox");
    }
}
