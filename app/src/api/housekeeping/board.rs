//! The board (a supervisor's every room) and an attendant's own rooms, both for today.
use crate::dto::housekeeping::{BoardRoomView, BoardView};
use crate::error::AppError;
use leptos::prelude::*;

/// Every room, most urgent first, with the attendants rooms can be given to.
#[server(endpoint = "housekeeping/board")]
pub async fn housekeeping_board() -> Result<BoardView, AppError> {
    super::access::require_supervisor().await?;
    let board = server::today().await?;
    Ok(server::view(&board))
}

/// The rooms given to the signed-in attendant today, most urgent first.
#[server(endpoint = "housekeeping/mine")]
pub async fn my_rooms() -> Result<Vec<BoardRoomView>, AppError> {
    let me = super::access::require_housekeeping().await?;
    let board = server::today().await?;
    Ok(board.rooms.iter().filter(|r| r.attendant.as_ref().is_some_and(|(id, _)| *id == me.user_id)).map(server::room).collect())
}

/// Rooms cleaned and waiting for a supervisor's inspection.
#[server(endpoint = "housekeeping/to_inspect")]
pub async fn rooms_to_inspect() -> Result<Vec<BoardRoomView>, AppError> {
    super::access::require_supervisor().await?;
    let board = server::today().await?;
    Ok(board.rooms.iter().filter(|r| r.room.housekeeping == rooms::Housekeeping::Clean).map(server::room).collect())
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::dto::housekeeping::{AttendantView, BoardRoomView, BoardView};
    use crate::error::AppError;

    /// The board of the hotel's business date, as every tablet function reads it.
    pub async fn today() -> Result<desk::Board, AppError> {
        let state = crate::state::state()?;
        state.desk.housekeeping_board(state.bookings.today()).await.map_err(crate::api::desk::server::desk_error)
    }

    pub fn view(b: &desk::Board) -> BoardView {
        BoardView {
            date: b.date.to_string(),
            inspection_required: b.inspection_required,
            rooms: b.rooms.iter().map(room).collect(),
            attendants: b.attendants.iter().map(|(id, name)| AttendantView { id: id.to_string(), name: name.clone() }).collect(),
        }
    }

    pub fn room(r: &desk::BoardRoom) -> BoardRoomView {
        BoardRoomView {
            id: r.room.id.to_string(),
            number: r.room.number.clone(),
            floor: r.room.floor,
            room_type: r.room.room_type.to_string(),
            condition: r.room.housekeeping.as_str().to_owned(),
            occupancy: r.room.occupancy.as_str().to_owned(),
            front_office: r.front_office.as_str().to_owned(),
            guest_service: r.room.guest_service.as_str().to_owned(),
            out_of_service: r.room.out_of_service,
            out_of_order_until: r.room.out_of_order_until.map(|d| d.to_string()),
            discrepancy: r.discrepancy.map(|d| d.as_str().to_owned()),
            attendant: r.attendant.as_ref().map(|(_, name)| name.clone()),
            attendant_id: r.attendant.as_ref().map(|(id, _)| id.to_string()),
            guest_waiting: r.guest_waiting,
            priority: r.priority(),
            note: r.room.status_note.clone(),
            arriving: r.arriving.map(|p| crate::components::stay::party(p.adults(), p.children())),
        }
    }
}
