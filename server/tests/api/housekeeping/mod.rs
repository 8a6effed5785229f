//! Housekeeping assignments: rooms given to attendants per business date, shared out evenly.
mod assignments;
mod board;
mod distribute;
mod maintenance;
mod states;
mod tablet;

use crate::helpers::{unique, TestApp};
use chrono::NaiveDate;
use kernel::{Currency, Money, RoomTypeCode};
use rooms::{Room, RoomType};

/// A business date no other test uses, so each test's assignments are its own.
pub fn a_date_of_its_own() -> NaiveDate {
    let offset = (uuid::Uuid::new_v4().as_u128() % 200_000) as u64;
    NaiveDate::from_ymd_opt(2100, 1, 1).unwrap() + chrono::Days::new(offset)
}

/// `per_floor` rooms on each of floors 1 to `floors`, of a room type of the test's own.
pub async fn rooms_on_floors(app: &TestApp, floors: i32, per_floor: usize) -> Vec<Room> {
    let code = RoomTypeCode::parse(&unique("H")).unwrap();
    let room_type = RoomType {
        code: code.clone(),
        name: format!("Housekeeping Test {code}"),
        description: "Rooms made by a housekeeping test".into(),
        max_adults: 2,
        max_children: 0,
        base_price: Money::from_minor(10_000, Currency::EUR),
        beds: "1 double".into(),
        size_m2: 18,
        amenities: vec![],
        features: rooms::bson::doc! {},
    };
    let rooms: Vec<Room> = (1..=floors)
        .flat_map(|f| (1..=per_floor).map(move |i| (f, i)))
        .map(|(f, i)| Room::new(format!("{code}-{f}{i:02}"), f, code.clone()))
        .collect();
    app.state.rooms.add(&room_type, &rooms).await.unwrap();
    rooms
}
