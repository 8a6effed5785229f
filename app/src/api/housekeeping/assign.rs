//! A supervisor gives today's rooms to attendants: one by one, or shared out evenly.
use crate::dto::housekeeping::WorkloadView;
use crate::error::AppError;
use leptos::prelude::*;

/// How today's work is shared among the attendants, the most loaded first.
#[server(endpoint = "housekeeping/workload")]
pub async fn housekeeping_workload() -> Result<WorkloadView, AppError> {
    super::access::require_supervisor().await?;
    let state = crate::state::state()?;
    let load = state.desk.housekeeping_workload(state.bookings.today()).await.map_err(crate::api::desk::server::desk_error)?;
    let kind = |k: Option<rooms::WorkKind>| match k {
        Some(rooms::WorkKind::Departure) => "departure",
        Some(rooms::WorkKind::StayOver) => "stay_over",
        Some(rooms::WorkKind::ArrivalCheck) => "arrival_check",
        None => "none",
    };
    Ok(WorkloadView {
        date: load.date.to_string(),
        attendants: load
            .attendants
            .into_iter()
            .map(|a| crate::dto::housekeeping::AttendantLoadView {
                id: a.attendant.to_string(),
                name: a.name,
                rooms: a.rooms.into_iter().map(|(n, k)| (n, kind(k).to_owned())).collect(),
                weight: a.weight,
            })
            .collect(),
        unassigned: load.unassigned,
    })
}

/// Gives `room` to `attendant` (housekeeping staff) for today.
#[server(endpoint = "housekeeping/assign")]
pub async fn assign_room(room: String, attendant: String) -> Result<(), AppError> {
    let me = super::access::require_supervisor().await?;
    let state = crate::state::state()?;
    let room = room.trim().parse().map_err(|_| AppError::NotFound("there is no such room".into()))?;
    let attendant = attendant.trim().parse().map_err(|_| AppError::field("attendant", "choose an attendant"))?;
    let today = state.bookings.today();
    state.desk.assign_attendant(today, room, attendant, me.user_id).await.map_err(crate::api::desk::server::desk_error)?;
    Ok(())
}

/// Shares today's rooms that need work and nobody has among all housekeeping staff; returns
/// how many rooms were given.
#[server(endpoint = "housekeeping/distribute")]
pub async fn distribute_rooms() -> Result<usize, AppError> {
    let me = super::access::require_supervisor().await?;
    let state = crate::state::state()?;
    let staff = state.users.with_role(kernel::Role::Housekeeping, users::MAX_STAFF_LISTED).await.map_err(crate::state::internal)?;
    let ids: Vec<kernel::UserId> = staff.iter().map(|u| u.id).collect();
    let today = state.bookings.today();
    let given = state.desk.distribute_housekeeping(today, &ids, me.user_id).await.map_err(crate::api::desk::server::desk_error)?;
    Ok(given.len())
}
