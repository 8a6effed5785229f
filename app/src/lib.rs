//! The hotel's web UI: pages and components, and the server functions they call.
#![recursion_limit = "256"]
pub mod api;
mod components;
pub mod dto;
pub mod error;
pub mod live;
mod pages;
#[cfg(feature = "ssr")]
pub mod state;

use components::header::Header;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{path, SsrMode};
use leptos_router::Lazy;
use pages::admin::routes::{AuditLogRoute, ExtrasRoute, NightAuditRoute, RatesRoute, ReportsRoute, RoomsRoute, SettingsRoute, StaffRoute, TemplatesRoute};
use pages::admin::AdminArea;
use pages::desk::routes::{RackRoute, StayRoute, TodayRoute, WalkInRoute};
use pages::housekeeping::routes::{AssignRoute, BoardRoute, InspectRoute, MaintenanceRoute, MyRoomsRoute, ReportRoute};
use pages::housekeeping::HousekeepingArea;
use pages::desk::DeskArea;
use pages::guest::{
    book::BookPage, booking::BookingPage, change::ChangeBookingPage, home::HomePage, my_bookings::MyBookingsPage,
    search::SearchPage,
};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body class="min-h-screen bg-stone-50 text-stone-900">
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="leptos" href="/pkg/hotel.css"/>
        <Title text=kernel::hotel::HOTEL.name/>
        <Router>
            <Routes fallback=|| view! { <Header/><main class="mx-auto max-w-5xl px-4 py-8"><p>"Page not found."</p></main> }>
                <ParentRoute path=path!("/desk") view=DeskArea ssr=SsrMode::Async>
                    <Route path=path!("") view={Lazy::<TodayRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/stays/:id") view={Lazy::<StayRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/rack") view={Lazy::<RackRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/new") view={Lazy::<WalkInRoute>::new()} ssr=SsrMode::Async/>
                </ParentRoute>
                <ParentRoute path=path!("/admin") view=AdminArea ssr=SsrMode::Async>
                    <Route path=path!("") view={Lazy::<NightAuditRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/reports") view={Lazy::<ReportsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/extras") view={Lazy::<ExtrasRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/rooms") view={Lazy::<RoomsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/staff") view={Lazy::<StaffRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/rates") view={Lazy::<RatesRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/audit") view={Lazy::<AuditLogRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/templates") view={Lazy::<TemplatesRoute>::new()} ssr=SsrMode::Async/>
                </ParentRoute>
                <ParentRoute path=path!("/housekeeping") view=HousekeepingArea ssr=SsrMode::Async>
                    <Route path=path!("") view={Lazy::<BoardRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/mine") view={Lazy::<MyRoomsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/inspect") view={Lazy::<InspectRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/maintenance") view={Lazy::<MaintenanceRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/assign") view={Lazy::<AssignRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/report") view={Lazy::<ReportRoute>::new()} ssr=SsrMode::Async/>
                </ParentRoute>
                <ParentRoute path=path!("") view=GuestArea ssr=SsrMode::Async>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/rooms/:code") view=BookPage ssr=SsrMode::Async/>
                    <Route path=path!("/bookings") view=MyBookingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/bookings/:id") view=BookingPage ssr=SsrMode::Async/>
                    <Route path=path!("/bookings/:id/change") view=ChangeBookingPage ssr=SsrMode::Async/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The guests' site: the hotel's header over its pages.
#[component]
fn GuestArea() -> impl IntoView {
    view! {
        <Header/>
        <main class="mx-auto max-w-5xl px-4 py-8">
            <Outlet/>
        </main>
    }
}
