//! The housekeeping tablet: attendants' own rooms, and for supervisors the board and the
//! inspections; laid out for a 768×1024 touch tablet (targets of at least 44 px, nothing only
//! on hover). The server functions behind the pages check the role again.
pub mod board;
pub mod inspect;
pub mod mine;
mod queue;
mod room_card;
pub mod routes;

use crate::api::housekeeping::access::{housekeeping_access, supervises};
use crate::components::staff::layout::{StaffFrame, StaffRefusal};
use crate::dto::SessionUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::Outlet;

/// The tablet's frame over its page, or why it does not open; like the desk's `DeskArea`, the
/// server knows who asks before it draws the page (see `StaffViewer`).
#[component]
pub fn HousekeepingArea() -> impl IntoView {
    let known = SharedValue::new(viewer_of_request).into_inner();
    match known {
        Some(answer) => frame_or_refusal(answer),
        None => {
            let access = Resource::new(|| (), |_| housekeeping_access());
            view! {
                <Suspense fallback=|| ()>
                    {move || access.get().map(frame_or_refusal)}
                </Suspense>
            }
            .into_any()
        }
    }
}

fn viewer_of_request() -> Option<Result<SessionUser, AppError>> {
    #[cfg(feature = "ssr")]
    {
        crate::api::staff::StaffViewer::of_request()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

fn frame_or_refusal(answer: Result<SessionUser, AppError>) -> AnyView {
    match answer {
        Ok(user) => {
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
        }
        Err(e) => view! { <StaffRefusal error=e/> }.into_any(),
    }
}
