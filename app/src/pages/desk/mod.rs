//! The front desk's console: one layout that checks the role and carries the navigation, over
//! the desk's pages. The server functions behind the pages check the role again.
pub mod rack;
mod rack_bar;
mod rack_grid;
mod rack_move;
pub mod routes;
mod folio;
mod folio_forms;
pub mod stay;
mod stay_end;
mod stay_log;
mod stay_room;
pub mod today;
pub mod walk_in;
mod walk_in_book;
mod walk_in_guest;

use crate::api::desk::access::desk_access;
use crate::components::staff::layout::StaffFrame;
use leptos::prelude::*;
use leptos_router::components::Outlet;

/// The console over its page, or why it does not open (see `staff_area`).
#[component]
pub fn DeskArea() -> impl IntoView {
    super::staff_area::staff_area(desk_access, |user| {
        view! {
            <StaffFrame area="Front desk" user=user links=vec![("/desk", "Today"), ("/desk/rack", "Room rack"), ("/desk/new", "New booking")]>
                <Outlet/>
            </StaffFrame>
        }
        .into_any()
    })
}
