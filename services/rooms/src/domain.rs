use crate::{GuestService, RoomStatus};
use chrono::NaiveDate;
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
    /// An attendant is cleaning it now.
    Cleaning,
    Inspected,
    /// Not sellable until put back (a room only flagged out of service stays sellable).
    OutOfOrder,
}

impl Housekeeping {
    pub const ALL: [Housekeeping; 5] =
        [Housekeeping::Dirty, Housekeeping::Cleaning, Housekeeping::Clean, Housekeeping::Inspected, Housekeeping::OutOfOrder];

    /// Out-of-order rooms leave the sellable inventory.
    pub fn sellable(self) -> bool {
        self != Housekeeping::OutOfOrder
    }

    /// Ready for a guest: cleaned, and inspected where the hotel asks for it.
    pub fn ready(self, inspection_required: bool) -> bool {
        match self {
            Housekeeping::Inspected => true,
            Housekeeping::Clean => !inspection_required,
            _ => false,
        }
    }

    /// The stored and published name, e.g. `out_of_order`.
    pub fn as_str(self) -> &'static str {
        match self {
            Housekeeping::Clean => "clean",
            Housekeeping::Dirty => "dirty",
            Housekeeping::Cleaning => "cleaning",
            Housekeeping::Inspected => "inspected",
            Housekeeping::OutOfOrder => "out_of_order",
        }
    }
}

impl std::fmt::Display for Housekeeping {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.as_str().replace('_', " "))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Occupancy {
    Vacant,
    Occupied,
}

impl Occupancy {
    /// The stored and published name.
    pub fn as_str(self) -> &'static str {
        match self {
            Occupancy::Vacant => "vacant",
            Occupancy::Occupied => "occupied",
        }
    }
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
    pub guest_service: GuestService,
    /// Sellable but flagged (a broken minibar, a stained carpet): the desk sells it last.
    pub out_of_service: bool,
    /// The last day an out-of-order room stays out; the start of the day after puts it back.
    pub out_of_order_until: Option<NaiveDate>,
    /// What housekeeping saw at the door today, when it says so.
    pub reported: Option<Occupancy>,
    /// The business day whose start this room has been through (see `RoomStatus::start_of_day`).
    pub business_day: Option<NaiveDate>,
    /// Why the last change of state was made, as staff wrote it.
    pub status_note: Option<String>,
    pub notes: String,
}

impl Room {
    pub fn status(&self) -> RoomStatus {
        RoomStatus {
            housekeeping: self.housekeeping,
            occupancy: self.occupancy,
            guest_service: self.guest_service,
            out_of_service: self.out_of_service,
            out_of_order_until: self.out_of_order_until,
            reported: self.reported,
            business_day: self.business_day,
        }
    }

    pub fn with_status(self, s: RoomStatus) -> Room {
        Room {
            housekeeping: s.housekeeping,
            occupancy: s.occupancy,
            guest_service: s.guest_service,
            out_of_service: s.out_of_service,
            out_of_order_until: s.out_of_order_until,
            reported: s.reported,
            business_day: s.business_day,
            ..self
        }
    }
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
            guest_service: GuestService::None,
            out_of_service: false,
            out_of_order_until: None,
            reported: None,
            business_day: None,
            status_note: None,
            notes: String::new(),
        }
    }
}

/// Why a room's status was changed, as staff wrote it: trimmed, 1 to 500 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a note is 1 to {max} characters", max = Note::MAX)]
pub struct InvalidNote;

impl Note {
    pub const MAX: usize = 500;

    pub fn parse(s: &str) -> Result<Self, InvalidNote> {
        let s = s.trim();
        let ok = !s.is_empty() && s.chars().count() <= Self::MAX;
        ok.then(|| Self(s.to_owned())).ok_or(InvalidNote)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<Note> for String {
    fn from(n: Note) -> String {
        n.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_match_serde() {
        for h in Housekeeping::ALL {
            assert_eq!(serde_json::to_value(h).unwrap(), h.as_str());
        }
        for o in [Occupancy::Vacant, Occupancy::Occupied] {
            assert_eq!(serde_json::to_value(o).unwrap(), o.as_str());
        }
        for g in GuestService::ALL {
            assert_eq!(serde_json::to_value(g).unwrap(), g.as_str());
        }
        assert_eq!(Housekeeping::OutOfOrder.to_string(), "out of order");
    }

    #[test]
    fn notes_are_trimmed_and_bounded() {
        assert_eq!(Note::parse("  leaking tap ").unwrap().as_str(), "leaking tap");
        assert_eq!(Note::parse("   "), Err(InvalidNote));
        assert!(Note::parse(&"é".repeat(Note::MAX)).is_ok());
        assert_eq!(Note::parse(&"x".repeat(Note::MAX + 1)), Err(InvalidNote));
    }
}
