//! What every staff area (desk, housekeeping) does before its pages: the frame over the page,
//! or why it does not open, and its pages as lazy routes.
//!
//! On the server the answer is in the request before the page is drawn (see `StaffViewer`), and
//! it travels with the page for hydration, so the page is made once: a `Suspense` over the
//! `Outlet` would run its children, and so make the page and its resources, several times on
//! the server, each serialised into the HTML. Only an area opened by a client-side navigation
//! (from the guests' site) asks the server first, under a `Suspense`.
use crate::components::staff::layout::StaffRefusal;
use crate::dto::SessionUser;
use crate::error::AppError;
use leptos::prelude::*;
use std::future::Future;

/// `frame(user)` for a member of the area's staff, the refusal for anyone else; `access` is the
/// area's server function saying which.
pub fn staff_area<Fut>(access: fn() -> Fut, frame: fn(SessionUser) -> AnyView) -> AnyView
where
    Fut: Future<Output = Result<SessionUser, AppError>> + Send + 'static,
{
    let draw = move |answer: Result<SessionUser, AppError>| match answer {
        Ok(user) => frame(user),
        Err(e) => view! { <StaffRefusal error=e/> }.into_any(),
    };
    match SharedValue::new(viewer_of_request).into_inner() {
        Some(answer) => draw(answer),
        None => {
            let asked = Resource::new(|| (), move |_| access());
            view! {
                <Suspense fallback=|| ()>
                    {move || asked.get().map(draw)}
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

/// `lazy_page!(TodayRoute, TodayPage)`: a lazy route drawing the page. Built with
/// `cargo leptos --split`, its code is a WASM chunk of its own that the browser fetches on the
/// first visit, so a guest's download carries none of it.
macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        pub struct $route;

        #[leptos_router::lazy_route]
        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> leptos::prelude::AnyView {
                leptos::prelude::IntoAny::into_any(leptos::prelude::view! { <$page/> })
            }
        }
    };
}
pub(crate) use lazy_page;
