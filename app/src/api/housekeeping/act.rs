//! One thing done to a room from the tablet. Each carries the key the tablet made when the
//! button was pressed, so a press replayed after a dead spot is applied once.
use crate::dto::housekeeping::BoardRoomView;
use crate::error::AppError;
use leptos::prelude::*;

/// `action` is one of `start`, `finish`, `do_not_disturb`, `refused_service`,
/// `make_up_requested`, `no_request`, `found_vacant`, `found_occupied` (anyone on the tablet),
/// and `pass`, `needs_cleaning`, `fail` (with a `note`), `out_of_service` (with a `note`), `in_service`,
/// `out_of_order` (with a `note` and `until`, a date), `back_in_order` (a supervisor).
#[server(endpoint = "housekeeping/act")]
pub async fn room_act(room: String, action: String, note: String, until: String, key: String) -> Result<BoardRoomView, AppError> {
    let me = super::access::require_housekeeping().await?;
    let state = crate::state::state()?;
    let room_id = room.trim().parse().map_err(|_| AppError::NotFound("there is no such room".into()))?;
    let key = crate::api::desk::folio::server::key(&key)?;
    let action = server::action(&action, &note, &until, state.bookings.today())?;
    if action.needs_supervisor() && !super::access::supervises(me.role) {
        return Err(AppError::NotAllowed("only a housekeeping supervisor (manager or admin) may do this".into()));
    }
    let key = key.to_string();
    state.rooms.act(room_id, action, me.user_id, Some(&key)).await.map_err(super::server::housekeeping_error)?;
    tracing::info!(room = %room_id, by = %me.user_id, "housekeeping action");
    super::board::server::one(&room).await
}

#[cfg(feature = "ssr")]
mod server {
    use crate::error::AppError;
    use chrono::NaiveDate;
    use rooms::{GuestService, Note, Occupancy, RoomAction};

    pub fn action(name: &str, note: &str, until: &str, today: NaiveDate) -> Result<RoomAction, AppError> {
        let reason = || Note::parse(note).map_err(|e| AppError::field("note", e.to_string()));
        Ok(match name {
            "start" => RoomAction::StartCleaning,
            "finish" => RoomAction::FinishCleaning,
            "do_not_disturb" => RoomAction::GuestService(GuestService::DoNotDisturb),
            "refused_service" => RoomAction::GuestService(GuestService::RefusedService),
            "make_up_requested" => RoomAction::GuestService(GuestService::MakeUpRequested),
            "no_request" => RoomAction::GuestService(GuestService::None),
            "found_vacant" => RoomAction::Report(Occupancy::Vacant),
            "found_occupied" => RoomAction::Report(Occupancy::Occupied),
            "pass" => RoomAction::PassInspection,
            "needs_cleaning" => RoomAction::NeedsCleaning,
            "fail" => RoomAction::FailInspection(reason()?),
            "out_of_service" => RoomAction::OutOfService(Some(reason()?)),
            "in_service" => RoomAction::OutOfService(None),
            "out_of_order" => {
                let until = NaiveDate::parse_from_str(until.trim(), "%Y-%m-%d")
                    .map_err(|_| AppError::field("until", "the last day out of order, as a date"))?;
                RoomAction::OutOfOrder { until, today, reason: reason()? }
            }
            "back_in_order" => RoomAction::BackInOrder,
            other => return Err(AppError::Invalid(format!("'{other}' is not something housekeeping does to a room"))),
        })
    }
}
