//! The demo hotel: six room types over six floors, 64 rooms.
use crate::{Room, RoomType};
use kernel::{Currency, Money, RoomTypeCode};
use mongodb::bson::{doc, Document};

struct Spec {
    code: &'static str,
    name: &'static str,
    description: &'static str,
    adults: u8,
    children: u8,
    price_eur: i64,
    beds: &'static str,
    size_m2: u16,
    amenities: &'static [&'static str],
    /// (floors, rooms of this type per floor)
    floors: &'static [i32],
    per_floor: usize,
}

const SPECS: [Spec; 6] = [
    Spec { code: "STD", name: "Standard Double", description: "A quiet double room facing the courtyard.",
        adults: 2, children: 1, price_eur: 119, beds: "1 double", size_m2: 18,
        amenities: &["wifi", "shower", "desk"], floors: &[1, 2], per_floor: 10 },
    Spec { code: "TWN", name: "Twin Room", description: "Two single beds, ideal for friends or colleagues.",
        adults: 2, children: 0, price_eur: 124, beds: "2 singles", size_m2: 19,
        amenities: &["wifi", "shower", "desk"], floors: &[1, 2], per_floor: 4 },
    Spec { code: "SUP", name: "Superior King", description: "A king-size bed and a sitting corner with city views.",
        adults: 2, children: 2, price_eur: 159, beds: "1 king", size_m2: 24,
        amenities: &["wifi", "bathtub", "coffee machine", "minibar"], floors: &[3, 4], per_floor: 8 },
    Spec { code: "DLX", name: "Deluxe Balcony", description: "Sea-view room with a private balcony.",
        adults: 3, children: 2, price_eur: 199, beds: "1 king + sofa bed", size_m2: 30,
        amenities: &["wifi", "bathtub", "coffee machine", "minibar", "balcony"], floors: &[4, 5], per_floor: 4 },
    Spec { code: "FAM", name: "Family Room", description: "Two connected rooms for families, with a bunk bed.",
        adults: 4, children: 3, price_eur: 229, beds: "1 queen + bunk + sofa bed", size_m2: 38,
        amenities: &["wifi", "bathtub", "microwave", "cot on request"], floors: &[3, 5], per_floor: 3 },
    Spec { code: "STE", name: "Junior Suite", description: "A separate living room, a terrace and the best view in town.",
        adults: 2, children: 2, price_eur: 329, beds: "1 king", size_m2: 52,
        amenities: &["wifi", "bathtub", "espresso machine", "minibar", "terrace", "bathrobes"], floors: &[6], per_floor: 6 },
];

fn features(code: &str) -> Document {
    match code {
        "STD" | "TWN" => doc! { "view": "courtyard", "wifi_mbps": 100 },
        "SUP" => doc! { "view": "city", "wifi_mbps": 300, "smart_tv": true },
        "DLX" => doc! { "view": "sea", "balcony": true, "wifi_mbps": 300 },
        "FAM" => doc! { "view": "garden", "connecting_rooms": true, "wifi_mbps": 300 },
        _ => doc! { "view": "sea", "terrace_m2": 12, "wifi_mbps": 1000, "butler": false },
    }
}

pub fn room_types() -> Vec<RoomType> {
    SPECS
        .iter()
        .map(|s| RoomType {
            code: RoomTypeCode::parse(s.code).expect("demo codes are valid"),
            name: s.name.into(),
            description: s.description.into(),
            max_adults: s.adults,
            max_children: s.children,
            base_price: Money::from_minor(s.price_eur * 100, Currency::EUR),
            beds: s.beds.into(),
            size_m2: s.size_m2,
            amenities: s.amenities.iter().map(|a| a.to_string()).collect(),
            features: features(s.code),
        })
        .collect()
}

/// Rooms are numbered floor-first (`304` is on floor 3) in the order the types are listed.
pub fn rooms() -> Vec<Room> {
    let mut next_on_floor = std::collections::HashMap::<i32, i32>::new();
    let mut rooms = Vec::new();
    for spec in &SPECS {
        for &floor in spec.floors {
            for _ in 0..spec.per_floor {
                let n = next_on_floor.entry(floor).or_insert(1);
                let code = RoomTypeCode::parse(spec.code).expect("demo codes are valid");
                let mut room = Room::new(format!("{floor}{:02}", n), floor, code);
                if *n == 1 {
                    room.features = doc! { "corner": true };
                }
                rooms.push(room);
                *n += 1;
            }
        }
    }
    rooms
}

#[cfg(test)]
mod tests {
    #[test]
    fn demo_hotel_has_six_types_and_unique_room_numbers() {
        let rooms = super::rooms();
        assert_eq!(super::room_types().len(), 6);
        assert!(rooms.len() >= 60, "{} rooms", rooms.len());
        let numbers: std::collections::HashSet<_> = rooms.iter().map(|r| &r.number).collect();
        assert_eq!(numbers.len(), rooms.len());
    }
}
