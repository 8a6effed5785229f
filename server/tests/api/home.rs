use crate::helpers::{add_room_type, spawn_app};

#[tokio::test]
async fn home_page_is_server_rendered_with_room_types_from_mongodb() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;

    let response = reqwest::get(&app.address).await.unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains(&room_type.name), "the page lists {}", room_type.name);
    assert!(html.contains("€123.45"), "with its nightly price");
    assert!(html.contains(&format!("/rooms/{}", room_type.code)), "and a link to book it");
}
