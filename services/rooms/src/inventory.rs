//! A short-lived snapshot of what the hotel sells, for availability searches. Room types and
//! room states change a few times a day, searches run many times a second; reading the snapshot
//! saves two MongoDB round trips per search or booking. A booking picks its candidate rooms from
//! it (a room taken out of order by another process may be offered for up to the TTL); the
//! bookings table's exclusion constraint has the last word on every night sold.
use crate::{Room, RoomType};
use kernel::RoomTypeCode;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::RwLock;

/// Room types (cheapest first) and their sellable rooms.
#[derive(Debug, Default)]
pub struct Inventory {
    pub room_types: Vec<RoomType>,
    pub sellable: HashMap<RoomTypeCode, Vec<Room>>,
}

pub(crate) struct InventoryCache {
    ttl: Duration,
    slot: RwLock<Option<(Instant, Arc<Inventory>)>>,
    /// One reload at a time: when the snapshot expires under load, one request reloads it and
    /// the others wait for that instead of each querying MongoDB.
    pub(crate) reloading: tokio::sync::Mutex<()>,
}

impl InventoryCache {
    pub(crate) fn new(ttl: Duration) -> Self {
        Self { ttl, slot: RwLock::new(None), reloading: tokio::sync::Mutex::new(()) }
    }

    pub(crate) async fn fresh(&self) -> Option<Arc<Inventory>> {
        match &*self.slot.read().await {
            Some((at, inv)) if at.elapsed() < self.ttl => Some(inv.clone()),
            _ => None,
        }
    }

    pub(crate) async fn store(&self, loaded_at: Instant, inventory: Inventory) -> Arc<Inventory> {
        let inventory = Arc::new(inventory);
        *self.slot.write().await = Some((loaded_at, inventory.clone()));
        inventory
    }

    /// Called after every write through this service, so its own changes show at once.
    pub(crate) async fn invalidate(&self) {
        *self.slot.write().await = None;
    }
}
