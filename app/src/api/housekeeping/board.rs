//! The board (a supervisor's every room, filtered and paged on the server), one room of it (what
//! a tablet fetches when a change to that room is pushed) and an attendant's own rooms, all for
//! the hotel's business date.
use crate::dto::housekeeping::{BoardRoomView, BoardView};
use crate::error::AppError;
use leptos::prelude::*;

/// Rooms on one page of the board.
pub const BOARD_PER_PAGE: u32 = 50;

/// One page of the rooms the filters keep, most urgent first, with the counts of every room
/// and the attendants rooms can be given to. An empty filter keeps every room; `attendant` is
/// an attendant's id or `nobody`.
#[server(endpoint = "housekeeping/board")]
pub async fn housekeeping_board(
    #[server(default)] floor: String,
    #[server(default)] condition: String,
    #[server(default)] attendant: String,
    #[server(default)] page: u32,
) -> Result<BoardView, AppError> {
    super::access::require_supervisor().await?;
    let filter = server::filter(&floor, &condition, &attendant)?;
    let board = server::today().await?;
    Ok(server::view(&board, &filter, page))
}

/// One room as the board shows it now.
#[server(endpoint = "housekeeping/room")]
pub async fn housekeeping_room(room: String) -> Result<BoardRoomView, AppError> {
    super::access::require_housekeeping().await?;
    server::one(&room).await
}

/// The rooms given to the signed-in attendant today, most urgent first.
#[server(endpoint = "housekeeping/mine")]
pub async fn my_rooms() -> Result<Vec<BoardRoomView>, AppError> {
    let me = super::access::require_housekeeping().await?;
    let state = crate::state::state()?;
    let date = state.bookings.today();
    let given = state.rooms.rooms_of(date, me.user_id).await.map_err(|e| crate::api::desk::server::desk_error(e.into()))?;
    let ids: Vec<kernel::RoomId> = given.iter().map(|a| a.room_id).collect();
    server::rooms(&ids).await
}

/// Rooms cleaned and waiting for a supervisor's inspection.
#[server(endpoint = "housekeeping/to_inspect")]
pub async fn rooms_to_inspect() -> Result<Vec<BoardRoomView>, AppError> {
    super::access::require_supervisor().await?;
    let state = crate::state::state()?;
    let ids = state.rooms.rooms_in(rooms::Housekeeping::Clean).await.map_err(super::server::housekeeping_error)?;
    server::rooms(&ids).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::BOARD_PER_PAGE;
    use crate::dto::housekeeping::{AttendantView, BoardRoomView, BoardView};
    use crate::error::AppError;
    use desk::BoardFilter;
    use rooms::Housekeeping;

    /// The board of the hotel's business date.
    pub async fn today() -> Result<desk::Board, AppError> {
        let state = crate::state::state()?;
        state.desk.housekeeping_board(state.bookings.today()).await.map_err(crate::api::desk::server::desk_error)
    }

    /// These rooms of today's board, in its order.
    pub async fn rooms(ids: &[kernel::RoomId]) -> Result<Vec<BoardRoomView>, AppError> {
        let state = crate::state::state()?;
        let found = state.desk.board_rooms(state.bookings.today(), ids).await.map_err(crate::api::desk::server::desk_error)?;
        Ok(found.iter().map(room).collect())
    }

    /// One room of today's board, named by its id as a form sends it.
    pub async fn one(id: &str) -> Result<BoardRoomView, AppError> {
        let state = crate::state::state()?;
        let id = id.trim().parse().map_err(|_| AppError::NotFound("there is no such room".into()))?;
        let found = state.desk.board_room(state.bookings.today(), id).await.map_err(crate::api::desk::server::desk_error)?;
        Ok(room(&found))
    }

    pub fn filter(floor: &str, condition: &str, attendant: &str) -> Result<BoardFilter, AppError> {
        let floor = match floor.trim() {
            "" => None,
            f => Some(f.parse().map_err(|_| AppError::field("floor", "a floor is a whole number"))?),
        };
        let condition = match condition.trim() {
            "" => None,
            c => Some(
                Housekeeping::ALL
                    .into_iter()
                    .find(|h| h.as_str() == c)
                    .ok_or_else(|| AppError::field("condition", format!("'{c}' is not a room's condition")))?,
            ),
        };
        let attendant = match attendant.trim() {
            "" => None,
            "nobody" => Some(None),
            a => Some(Some(a.parse().map_err(|_| AppError::field("attendant", "choose an attendant from the list"))?)),
        };
        Ok(BoardFilter { floor, condition, attendant })
    }

    pub fn view(b: &desk::Board, filter: &BoardFilter, page: u32) -> BoardView {
        let kept: Vec<&desk::BoardRoom> = b.rooms.iter().filter(|r| filter.keeps(r)).collect();
        let per_page = BOARD_PER_PAGE as usize;
        BoardView {
            date: b.date.to_string(),
            inspection_required: b.inspection_required,
            counts: Housekeeping::ALL.iter().map(|h| (h.as_str().to_owned(), b.count(*h))).collect(),
            waiting: b.waiting(),
            floors: b.floors(),
            total: kept.len() as u64,
            page,
            rooms: kept.into_iter().skip(page as usize * per_page).take(per_page).map(room).collect(),
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
            arrival_note: r.arrival_note.clone(),
        }
    }
}
