//! The desk's pages as lazy routes: built with `cargo leptos --split`, their code is a WASM
//! chunk of its own that the browser fetches on the first visit to the desk, so a guest's
//! download carries none of it.
use super::{rack::RackPage, stay::StayPage, today::TodayPage, walk_in::WalkInPage};
use crate::pages::staff_area::lazy_page;

lazy_page!(TodayRoute, TodayPage);
lazy_page!(RackRoute, RackPage);
lazy_page!(StayRoute, StayPage);
lazy_page!(WalkInRoute, WalkInPage);
