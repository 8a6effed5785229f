//! The rooms a stay could move to, for the stay page's move. The move itself is the booking's
//! own `move_booking`, which asks the same desk use case and so refuses what this list warns of.
use crate::dto::desk::FreeRoomView;
use crate::error::AppError;
use leptos::prelude::*;

/// The rooms stay `id` could move to: its own room type's first, then the types that fit its
/// party; free on all its nights, each with its housekeeping state.
#[server(endpoint = "desk/free_rooms")]
pub async fn desk_free_rooms(id: String) -> Result<Vec<FreeRoomView>, AppError> {
    super::access::require_desk().await?;
    let state = crate::state::state()?;
    let id = id
        .trim()
        .parse()
        .map_err(|_| AppError::NotFound("booking not found".into()))?;
    let rooms = state
        .desk
        .free_rooms(id)
        .await
        .map_err(super::server::desk_error)?;
    Ok(rooms.iter().map(server::view).collect())
}

#[cfg(feature = "ssr")]
mod server {
    use crate::dto::desk::FreeRoomView;

    pub fn view(r: &desk::FreeRoom) -> FreeRoomView {
        FreeRoomView {
            number: r.room.number.clone(),
            room_type: r.room_type.name.clone(),
            housekeeping: r.room.housekeeping.to_string(),
            occupancy: r.room.occupancy.as_str().to_owned(),
            confirm: r
                .not_ready
                .as_ref()
                .map(|n| format!("{n}. Move the guest there anyway?")),
        }
    }
}
