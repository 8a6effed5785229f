use crate::store::{self, RoomDoc, RoomTypeDoc};
use crate::inventory::{Inventory, InventoryCache};
use crate::{Room, RoomType, RoomsError};
use std::sync::Arc;
use std::time::{Duration, Instant};
use anyhow::Context;
use futures::TryStreamExt;
use kernel::RoomTypeCode;
use mongodb::bson::doc;
use mongodb::Database;

/// How stale a search's view of the inventory may be; changes made by other processes show
/// after at most this long.
const INVENTORY_TTL: Duration = Duration::from_secs(2);

#[derive(Clone)]
pub struct RoomsService {
    pub(crate) db: Database,
    pub(crate) inventory: Arc<InventoryCache>,
}

impl RoomsService {
    pub fn new(db: Database) -> Self {
        Self { db, inventory: Arc::new(InventoryCache::new(INVENTORY_TTL)) }
    }

    /// Room types and sellable rooms as of at most two seconds ago.
    pub async fn inventory(&self) -> Result<Arc<Inventory>, RoomsError> {
        if let Some(inventory) = self.inventory.fresh().await {
            return Ok(inventory);
        }
        let _reload = self.inventory.reloading.lock().await;
        if let Some(inventory) = self.inventory.fresh().await {
            return Ok(inventory);
        }
        let loaded_at = Instant::now();
        let (room_types, sellable) = futures::try_join!(self.room_types(), self.sellable_rooms_by_type())?;
        Ok(self.inventory.store(loaded_at, Inventory { room_types, sellable }).await)
    }

    pub async fn ensure_indexes(&self) -> Result<(), RoomsError> {
        Ok(store::ensure_indexes(&self.db).await?)
    }

    /// Every room type on sale, cheapest first.
    #[tracing::instrument(skip(self))]
    pub async fn room_types(&self) -> Result<Vec<RoomType>, RoomsError> {
        let docs: Vec<RoomTypeDoc> = store::room_types(&self.db)
            .find(store::in_service(doc! {}))
            .sort(doc! { "base_price_minor": 1, "_id": 1 })
            .await?
            .try_collect()
            .await?;
        docs.into_iter()
            .map(|d| RoomType::try_from(d).context("a stored room type is invalid").map_err(RoomsError::from))
            .collect()
    }

    #[tracing::instrument(skip(self))]
    pub async fn room_type(&self, code: &RoomTypeCode) -> Result<RoomType, RoomsError> {
        let doc = store::room_types(&self.db)
            .find_one(doc! { "_id": code.as_str() })
            .await?
            .ok_or_else(|| RoomsError::UnknownRoomType(code.to_string()))?;
        Ok(RoomType::try_from(doc).context("a stored room type is invalid")?)
    }

    /// Rooms of `code` that may be sold: out-of-order and out-of-service rooms are left out.
    #[tracing::instrument(skip(self))]
    pub async fn sellable_rooms(&self, code: &RoomTypeCode) -> Result<Vec<Room>, RoomsError> {
        let docs: Vec<RoomDoc> = store::rooms(&self.db)
            .find(store::in_service(doc! {
                "room_type": code.as_str(),
                "housekeeping": { "$ne": "out_of_order" },
            }))
            .projection(store::room_fields())
            .sort(doc! { "number": 1 })
            .await?
            .try_collect()
            .await?;
        docs.into_iter()
            .map(|d| Room::try_from(d).context("a stored room is invalid").map_err(RoomsError::from))
            .collect()
    }

    /// Loads the demo hotel once; a second call changes nothing.
    pub async fn seed_demo(&self) -> Result<bool, RoomsError> {
        let first = crate::demo::room_types().remove(0).code;
        if store::room_types(&self.db).find_one(doc! { "_id": first.as_str() }).await?.is_some() {
            return Ok(false);
        }
        let types: Vec<RoomTypeDoc> = crate::demo::room_types().iter().map(RoomTypeDoc::from).collect();
        store::room_types(&self.db).insert_many(types).await?;
        let rooms: Vec<RoomDoc> = crate::demo::rooms().iter().map(RoomDoc::from).collect();
        store::rooms(&self.db).insert_many(rooms).await?;
        self.inventory.invalidate().await;
        Ok(true)
    }

    /// Adds one room type and its rooms; used by tests that need a hotel of their own.
    pub async fn add(&self, room_type: &RoomType, rooms: &[Room]) -> Result<(), RoomsError> {
        store::room_types(&self.db).insert_one(RoomTypeDoc::from(room_type)).await?;
        if !rooms.is_empty() {
            store::rooms(&self.db).insert_many(rooms.iter().map(RoomDoc::from)).await?;
        }
        self.inventory.invalidate().await;
        Ok(())
    }
}

impl RoomsService {
    /// Every sellable room, grouped by room type: one query for a whole availability search.
    #[tracing::instrument(skip(self))]
    async fn sellable_rooms_by_type(&self) -> Result<std::collections::HashMap<RoomTypeCode, Vec<Room>>, RoomsError> {
        let docs: Vec<RoomDoc> = store::rooms(&self.db)
            .find(store::in_service(doc! { "housekeeping": { "$ne": "out_of_order" } }))
            .projection(store::room_fields())
            .await?
            .try_collect()
            .await?;
        let mut by_type = std::collections::HashMap::<RoomTypeCode, Vec<Room>>::new();
        for d in docs {
            let room = Room::try_from(d).context("a stored room is invalid")?;
            by_type.entry(room.room_type.clone()).or_default().push(room);
        }
        Ok(by_type)
    }
}
