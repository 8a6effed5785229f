use kernel::{Money, Party, RoomId, RoomTypeCode};
use mongodb::bson::Document;
use serde::{Deserialize, Serialize};

/// What is sold. `features` is free-form so a hotel can add keys (view, balcony, bathtub…)
/// without a migration.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomType {
    pub code: RoomTypeCode,
    pub name: String,
    pub description: String,
    pub max_adults: u8,
    pub max_children: u8,
    pub base_price: Money,
    pub beds: String,
    pub size_m2: u16,
    pub amenities: Vec<String>,
    pub features: Document,
}

impl RoomType {
    pub fn fits(&self, party: &Party) -> bool {
        party.fits(self.max_adults, self.max_children)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Housekeeping {
    Clean,
    Dirty,
    Inspected,
    OutOfOrder,
    OutOfService,
}

impl Housekeeping {
    /// Out-of-order and out-of-service rooms leave the sellable inventory.
    pub fn sellable(self) -> bool {
        !matches!(self, Housekeeping::OutOfOrder | Housekeeping::OutOfService)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Occupancy {
    Vacant,
    Occupied,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Room {
    pub id: RoomId,
    pub number: String,
    pub floor: i32,
    pub room_type: RoomTypeCode,
    /// Overrides of the type's features for this one room (a corner room with two views, say).
    pub features: Document,
    pub housekeeping: Housekeeping,
    pub occupancy: Occupancy,
    pub notes: String,
}

impl Room {
    /// A new room as it joins the inventory: clean, vacant, no overrides, no notes.
    pub fn new(number: String, floor: i32, room_type: RoomTypeCode) -> Self {
        Room {
            id: RoomId::new(),
            number,
            floor,
            room_type,
            features: Document::new(),
            housekeeping: Housekeeping::Clean,
            occupancy: Occupancy::Vacant,
            notes: String::new(),
        }
    }
}
