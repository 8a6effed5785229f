//! The tablet's pages as lazy routes: their code is a WASM chunk of its own (`--split`).
use super::{board::BoardPage, inspect::InspectPage, mine::MyRoomsPage};
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    };
}

lazy_page!(BoardRoute, BoardPage);
lazy_page!(MyRoomsRoute, MyRoomsPage);
lazy_page!(InspectRoute, InspectPage);
