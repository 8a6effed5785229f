//! Room types and rooms as a manager keeps them: added, changed, retired (never deleted: stays
//! name them), each change recorded in `catalogue_changes` with who made it, before and after.
//! FerretDB has no multi-document transactions, so the record is written right after the change
//! it describes; a crash between the two loses the record, never the change.
use crate::store::{self, RoomDoc, RoomTypeDoc};
use crate::{Room, RoomType, RoomsService};
use anyhow::Context;
use futures::TryStreamExt;
use kernel::{RoomId, RoomTypeCode, UserId};
use mongodb::bson::{self, doc, Bson, Document};
use mongodb::Collection;

/// Rooms on one page of the editor's list.
pub const ROOMS_PER_PAGE: u32 = 50;

#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// One field of the form is wrong: shown beside `field`.
    #[error("{message}")]
    Invalid { field: &'static str, message: String },
    #[error("there is no room type '{0}'")]
    UnknownRoomType(RoomTypeCode),
    #[error("that room is not in the hotel's inventory")]
    UnknownRoom,
    #[error("room type '{0}' is retired; put it back on sale first")]
    RoomTypeRetired(RoomTypeCode),
    /// A room type is retired only once it has no room left.
    #[error("room type '{code}' still has {rooms} rooms; retire them or move them to another type first")]
    RoomTypeHasRooms { code: RoomTypeCode, rooms: u64 },
    #[error("a guest is in room {0}; retire it once they have left")]
    Occupied(String),
    #[error("pages are numbered from 1")]
    InvalidPage,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<mongodb::error::Error> for CatalogueError {
    fn from(e: mongodb::error::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("rooms database"))
    }
}

fn invalid<T>(field: &'static str, message: impl Into<String>) -> Result<T, CatalogueError> {
    Err(CatalogueError::Invalid { field, message: message.into() })
}

/// A room type as the form gives it, checked and trimmed: what is stored.
fn checked(t: RoomType) -> Result<RoomType, CatalogueError> {
    let chars = |s: &str| s.trim().chars().count();
    if !(1..=80).contains(&chars(&t.name)) {
        return invalid("name", "a name of 1 to 80 characters");
    }
    if chars(&t.description) > 2000 {
        return invalid("description", "at most 2,000 characters");
    }
    if !(1..=12).contains(&t.max_adults) {
        return invalid("max_adults", "1 to 12 adults");
    }
    if t.max_children > 12 {
        return invalid("max_children", "0 to 12 children");
    }
    if t.base_price.minor() <= 0 {
        return invalid("base_price", "a price per night above zero");
    }
    if !(1..=80).contains(&chars(&t.beds)) {
        return invalid("beds", "the beds, such as 1 king, in up to 80 characters");
    }
    if !(1..=2000).contains(&t.size_m2) {
        return invalid("size_m2", "a size of 1 to 2,000 m²");
    }
    if t.amenities.len() > 30 || t.amenities.iter().any(|a| !(1..=40).contains(&chars(a))) {
        return invalid("amenities", "up to 30 amenities of 1 to 40 characters, separated by commas");
    }
    let trim = |s: String| s.trim().to_owned();
    Ok(RoomType {
        name: trim(t.name),
        description: trim(t.description),
        beds: trim(t.beds),
        amenities: t.amenities.into_iter().map(trim).collect(),
        ..t
    })
}

/// What the room form says.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomInput {
    pub number: String,
    pub floor: i32,
    pub room_type: RoomTypeCode,
    pub features: Document,
    pub notes: String,
}

impl RoomInput {
    fn check(&self) -> Result<(), CatalogueError> {
        let n = self.number.trim();
        if !(1..=10).contains(&n.len()) || !n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return invalid("number", "a room number of 1 to 10 letters, digits or -");
        }
        if !(-5..=200).contains(&self.floor) {
            return invalid("floor", "a floor from -5 to 200");
        }
        if self.notes.chars().count() > 2000 {
            return invalid("notes", "at most 2,000 characters");
        }
        Ok(())
    }
}

/// A room type with whether it is retired and how many rooms of it are in the inventory.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueType {
    pub room_type: RoomType,
    pub retired: bool,
    pub rooms: u64,
}

/// A room as the editor lists it: retired ones too.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueRoom {
    pub room: Room,
    pub retired: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoomPage {
    pub rooms: Vec<CatalogueRoom>,
    pub total: u64,
}

fn changes(s: &RoomsService) -> Collection<Document> {
    s.db.collection("catalogue_changes")
}

/// The fields of a room a manager edits, as recorded before and after a change.
fn room_snapshot(d: &RoomDoc) -> Document {
    doc! { "number": &d.number, "floor": d.floor, "room_type": &d.room_type, "features": d.features.clone(), "notes": &d.notes, "retired": d.retired }
}

impl RoomsService {
    pub(crate) async fn record(&self, subject: (&str, String), action: &str, by: UserId, before: Option<Document>, after: Document) -> mongodb::error::Result<()> {
        changes(self)
            .insert_one(doc! {
                "_id": uuid::Uuid::new_v4().to_string(), "at": bson::DateTime::now(),
                "by": by.to_string(), "kind": subject.0, "subject": subject.1, "action": action,
                "before": before.map_or(Bson::Null, Bson::Document), "after": after,
            })
            .await?;
        Ok(())
    }

    /// Every room type, retired ones too, cheapest first, with its rooms in the inventory.
    #[tracing::instrument(skip(self))]
    pub async fn catalogue_types(&self) -> Result<Vec<CatalogueType>, CatalogueError> {
        let docs: Vec<RoomTypeDoc> =
            store::room_types(&self.db).find(doc! {}).sort(doc! { "base_price_minor": 1, "_id": 1 }).await?.try_collect().await?;
        let rooms: Vec<Document> = self
            .db
            .collection::<Document>("rooms")
            .find(store::in_service(doc! {}))
            .projection(doc! { "room_type": 1 })
            .await?
            .try_collect()
            .await?;
        let mut out = Vec::with_capacity(docs.len());
        for d in docs {
            let count = rooms.iter().filter(|r| r.get_str("room_type") == Ok(d.code.as_str())).count() as u64;
            let retired = d.retired;
            let room_type = RoomType::try_from(d).context("a stored room type is invalid")?;
            out.push(CatalogueType { room_type, retired, rooms: count });
        }
        Ok(out)
    }

    /// Adds a room type (`adding`) or changes the one with the input's code.
    #[tracing::instrument(skip(self, input), fields(code = %input.code))]
    pub async fn save_room_type(&self, adding: bool, input: RoomType, by: UserId) -> Result<RoomType, CatalogueError> {
        let room_type = checked(input)?;
        let code = room_type.code.clone();
        let doc = RoomTypeDoc::from(&room_type);
        let before = store::room_types(&self.db).find_one(doc! { "_id": code.as_str() }).await?;
        let fields = bson::to_document(&doc).context("a room type as BSON")?;
        match (&before, adding) {
            (Some(_), true) => return invalid("code", format!("there is already a room type '{code}'")),
            (None, false) => return Err(CatalogueError::UnknownRoomType(code)),
            (None, true) => match store::room_types(&self.db).insert_one(&doc).await {
                Err(e) if crate::lock::is_duplicate_key(&e) => return invalid("code", format!("there is already a room type '{code}'")),
                r => drop(r?),
            },
            (Some(_), false) => {
                let mut set = fields.clone();
                set.remove("_id");
                store::room_types(&self.db).update_one(doc! { "_id": code.as_str() }, doc! { "$set": set }).await?;
            }
        }
        let before = before.map(|b| bson::to_document(&b)).transpose().context("a room type as BSON")?;
        self.record(("room_type", code.to_string()), if adding { "added" } else { "changed" }, by, before, fields).await?;
        self.inventory.invalidate().await;
        tracing::info!(%code, adding, "room type saved");
        Ok(room_type)
    }

    /// Takes a room type off sale for good once none of its rooms is left; `retired: false`
    /// puts it back on sale.
    #[tracing::instrument(skip(self))]
    pub async fn set_room_type_retired(&self, code: &RoomTypeCode, retired: bool, by: UserId) -> Result<(), CatalogueError> {
        if retired {
            let rooms = store::rooms(&self.db).count_documents(store::in_service(doc! { "room_type": code.as_str() })).await?;
            if rooms > 0 {
                return Err(CatalogueError::RoomTypeHasRooms { code: code.clone(), rooms });
            }
        }
        let found = store::room_types(&self.db).update_one(doc! { "_id": code.as_str() }, doc! { "$set": { "retired": retired } }).await?;
        if found.matched_count == 0 {
            return Err(CatalogueError::UnknownRoomType(code.clone()));
        }
        let action = if retired { "retired" } else { "reinstated" };
        self.record(("room_type", code.to_string()), action, by, None, doc! { "retired": retired }).await?;
        self.inventory.invalidate().await;
        Ok(())
    }

    /// One page (from 1) of the rooms, retired ones too, of `room_type` when given, by floor and number.
    #[tracing::instrument(skip(self))]
    pub async fn catalogue_rooms(&self, room_type: Option<&RoomTypeCode>, page: u32) -> Result<RoomPage, CatalogueError> {
        if page == 0 {
            return Err(CatalogueError::InvalidPage);
        }
        let filter = room_type.map_or(doc! {}, |c| doc! { "room_type": c.as_str() });
        let total = store::rooms(&self.db).count_documents(filter.clone()).await?;
        let docs: Vec<RoomDoc> = store::rooms(&self.db)
            .find(filter)
            .projection(store::room_fields())
            .sort(doc! { "floor": 1, "number": 1 })
            .skip(u64::from(page - 1) * u64::from(ROOMS_PER_PAGE))
            .limit(i64::from(ROOMS_PER_PAGE))
            .await?
            .try_collect()
            .await?;
        let rooms = docs
            .into_iter()
            .map(|d| {
                let retired = d.retired;
                Ok(CatalogueRoom { room: Room::try_from(d).context("a stored room is invalid")?, retired })
            })
            .collect::<Result<_, CatalogueError>>()?;
        Ok(RoomPage { rooms, total })
    }

    /// One room, retired or not.
    pub async fn catalogue_room(&self, id: RoomId) -> Result<CatalogueRoom, CatalogueError> {
        let d = self.room_doc(id).await?;
        let retired = d.retired;
        Ok(CatalogueRoom { room: Room::try_from(d).context("a stored room is invalid")?, retired })
    }

    async fn room_doc(&self, id: RoomId) -> Result<RoomDoc, CatalogueError> {
        store::rooms(&self.db)
            .find_one(doc! { "_id": id.to_string() })
            .projection(store::room_fields())
            .await?
            .ok_or(CatalogueError::UnknownRoom)
    }

    /// Adds a room (`id` none: clean and vacant) or changes one's number, floor, type, features
    /// and notes; its state is housekeeping's and stays as it is. The type must be on sale.
    #[tracing::instrument(skip(self, input), fields(number = %input.number))]
    pub async fn save_room(&self, id: Option<RoomId>, input: RoomInput, by: UserId) -> Result<Room, CatalogueError> {
        input.check()?;
        let number = input.number.trim().to_owned();
        match store::room_types(&self.db).find_one(doc! { "_id": input.room_type.as_str() }).await? {
            None => return invalid("room_type", format!("there is no room type '{}'", input.room_type)),
            Some(t) if t.retired => return invalid("room_type", format!("room type '{}' is retired", input.room_type)),
            Some(_) => {}
        }
        let taken = |_| CatalogueError::Invalid { field: "number", message: format!("there is already a room {number}") };
        let (before, id) = match id {
            None => {
                let mut room = Room::new(number.clone(), input.floor, input.room_type.clone());
                room.features = input.features.clone();
                room.notes = input.notes.clone();
                match store::rooms(&self.db).insert_one(RoomDoc::from(&room)).await {
                    Err(e) if crate::lock::is_duplicate_key(&e) => return Err(taken(())),
                    r => drop(r?),
                }
                (None, room.id)
            }
            Some(id) => {
                let before = self.room_doc(id).await?;
                let set = doc! { "number": &number, "floor": input.floor, "room_type": input.room_type.as_str(), "features": input.features.clone(), "notes": &input.notes };
                match store::rooms(&self.db).update_one(doc! { "_id": id.to_string() }, doc! { "$set": set }).await {
                    Err(e) if crate::lock::is_duplicate_key(&e) => return Err(taken(())),
                    r => drop(r?),
                }
                (Some(room_snapshot(&before)), id)
            }
        };
        let after = self.room_doc(id).await?;
        let action = if before.is_none() { "added" } else { "changed" };
        self.record(("room", id.to_string()), action, by, before, room_snapshot(&after)).await?;
        self.inventory.invalidate().await;
        tracing::info!(room = %id, action, "room saved");
        Ok(Room::try_from(after).context("a stored room is invalid")?)
    }

    /// Takes a vacant room out of the inventory for good (`retired`) or puts it back: it leaves
    /// sales, housekeeping, the desk and the night audit's counts, and is kept for its stays.
    #[tracing::instrument(skip(self))]
    pub async fn set_room_retired(&self, id: RoomId, retired: bool, by: UserId) -> Result<Room, CatalogueError> {
        let before = self.room_doc(id).await?;
        if !retired {
            if let Some(t) = store::room_types(&self.db).find_one(doc! { "_id": &before.room_type }).await? {
                if t.retired {
                    return Err(CatalogueError::RoomTypeRetired(RoomTypeCode::parse(&t.code).context("a stored code")?));
                }
            }
        }
        let mut filter = doc! { "_id": id.to_string() };
        if retired {
            filter.insert("occupancy", crate::Occupancy::Vacant.as_str());
        }
        if store::rooms(&self.db).update_one(filter, doc! { "$set": { "retired": retired } }).await?.matched_count == 0 {
            return Err(CatalogueError::Occupied(before.number));
        }
        let after = self.room_doc(id).await?;
        self.record(("room", id.to_string()), if retired { "retired" } else { "reinstated" }, by, Some(room_snapshot(&before)), room_snapshot(&after)).await?;
        self.inventory.invalidate().await;
        Ok(Room::try_from(after).context("a stored room is invalid")?)
    }
}
