//! The housekeeping tablet: attendants' own rooms, and for supervisors the board and the
//! inspections; laid out for a 768×1024 touch tablet (targets of at least 44 px, nothing only
//! on hover). The server functions behind the pages check the role again.
pub mod board;
mod board_filters;
pub mod inspect;
pub mod mine;
mod patches;
mod queue;
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
            vec![("/housekeeping", "Board"), ("/housekeeping/inspect", "Inspect"), ("/housekeeping/mine", "My rooms")]
        } else {
            vec![("/housekeeping/mine", "My rooms")]
        };
        view! {
            <StaffFrame area="Housekeeping" user=user links=links>
                <Outlet/>
            </StaffFrame>
            <script src="/housekeeping-offline.js" defer=true></script>
        }
        .into_any()
    })
}
