use crate::helpers::{add_guest, add_room_type, request, spawn_app, stay};
use kernel::Party;

#[tokio::test]
async fn availability_counts_free_rooms_and_drops_full_or_too_small_types() {
    let app = spawn_app().await;
    let two_rooms = add_room_type(&app, 2).await;
    let one_room = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let wanted = stay(120, 3);
    app.state.bookings.book(request(guest.id, &two_rooms, wanted)).await.unwrap();
    app.state.bookings.book(request(guest.id, &one_room, wanted)).await.unwrap();

    let found = app.state.bookings.availability(&wanted, &Party::new(2, 0).unwrap(), None).await.unwrap();
    let mine: Vec<_> = found.iter().filter(|a| a.room_type.code == two_rooms.code || a.room_type.code == one_room.code).collect();
    assert_eq!(mine.len(), 1, "the full one-room type is not offered");
    assert_eq!(mine[0].room_type.code, two_rooms.code);
    assert_eq!(mine[0].rooms_free, 1);
    assert_eq!(mine[0].offer.as_ref().unwrap().priced.total().minor(), 3 * 12_345);

    let later = app.state.bookings.availability(&stay(123, 1), &Party::new(2, 0).unwrap(), None).await.unwrap();
    assert!(later.iter().any(|a| a.room_type.code == one_room.code), "free again from the check-out day");

    let too_many = app.state.bookings.availability(&wanted, &Party::new(3, 0).unwrap(), None).await.unwrap();
    assert!(!too_many.iter().any(|a| a.room_type.code == two_rooms.code), "a party of 3 adults does not fit");
}

#[tokio::test]
async fn the_search_page_lists_free_room_types_and_explains_bad_dates() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let check_in = chrono::Utc::now().date_naive() + chrono::Days::new(150);
    let check_out = check_in + chrono::Days::new(2);
    let url = format!("{}/search?check_in={check_in}&check_out={check_out}&adults=2&children=0", app.address);
    let html = crate::helpers::browser().get(url).send().await.unwrap().text().await.unwrap();
    assert!(html.contains(&room_type.name), "the search lists {}", room_type.name);
    assert!(html.contains("€246.90"), "with the price of the whole stay");

    let url = format!("{}/search?check_in={check_out}&check_out={check_in}&adults=2&children=0", app.address);
    let html = crate::helpers::browser().get(url).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("check-out must be after check-in"), "a clear refusal");
}

#[tokio::test]
async fn a_room_type_added_through_the_service_is_searchable_at_once() {
    let app = spawn_app().await;
    let wanted = stay(130, 2);
    let party = Party::new(1, 0).unwrap();
    app.state.bookings.availability(&wanted, &party, None).await.unwrap();
    let added = add_room_type(&app, 1).await;
    let found = app.state.bookings.availability(&wanted, &party, None).await.unwrap();
    assert!(found.iter().any(|a| a.room_type.code == added.code), "the inventory snapshot was refreshed by the write");
}
