//! The housekeeping tablet: attendants' own rooms and problems reported, and for supervisors the
//! board, the inspections and maintenance; laid out for a 768×1024 touch tablet (targets of at least 44 px, nothing only
//! on hover). The server functions behind the pages check the role again.
pub mod assign;
pub mod board;
mod board_filters;
mod distribute;
pub mod inspect;
pub mod maintenance;
pub mod mine;
mod patches;
mod queue;
pub mod report;
mod room_card;
pub mod routes;

use crate::api::housekeeping::access::{housekeeping_access, supervises};
use crate::components::staff::layout::StaffFrame;
use leptos::prelude::*;
use leptos_router::components::Outlet;

/// The tablet's frame over its page, or why it does not open (see `staff_area`).
#[component]
pub fn HousekeepingArea() -> impl IntoView {
    super::staff_area::staff_area(housekeeping_access, |user| {
        let links = if supervises(user.role) {
            vec![
                ("/housekeeping", "Board"),
                ("/housekeeping/assign", "Assign"),
                ("/housekeeping/inspect", "Inspect"),
                ("/housekeeping/maintenance", "Maintenance"),
                ("/housekeeping/mine", "My rooms"),
            ]
        } else {
            vec![("/housekeeping/mine", "My rooms")]
        };
        // Pages ask it whether to offer a supervisor's fields.
        provide_context(user.clone());
        view! {
            <StaffFrame area="Housekeeping" user=user links=links>
                <Outlet/>
            </StaffFrame>
            <script src="/housekeeping-offline.js" defer=true></script>
            <script src="/housekeeping-photo.js" defer=true></script>
        }
        .into_any()
    })
}
