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
use crate::components::staff::layout::{StaffFrame, StaffRefusal};
use crate::dto::SessionUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::Outlet;

/// The console over its page, or why it does not open.
///
/// On the server the answer is in the request before the page is drawn (see
/// `StaffViewer`), and it travels with the page for hydration, so the page is made once: a
/// `Suspense` over the `Outlet` would run its children, and so make the page and its resources,
/// several times on the server, each serialised into the HTML. Only a console opened by a
/// client-side navigation (from the guests' site) asks the server first, under a `Suspense`.
#[component]
pub fn DeskArea() -> impl IntoView {
    let known = SharedValue::new(viewer_of_request).into_inner();
    match known {
        Some(answer) => frame_or_refusal(answer),
        None => {
            let access = Resource::new(|| (), |_| desk_access());
            view! {
                <Suspense fallback=|| ()>
                    {move || access.get().map(frame_or_refusal)}
                </Suspense>
            }
            .into_any()
        }
    }
}

/// Who asks, as the server found before rendering; never known in the browser.
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
        Ok(user) => view! {
            <StaffFrame area="Front desk" user=user links=vec![("/desk", "Today"), ("/desk/rack", "Room rack"), ("/desk/new", "New booking")]>
                <Outlet/>
            </StaffFrame>
        }
        .into_any(),
        Err(e) => view! { <StaffRefusal error=e/> }.into_any(),
    }
}
