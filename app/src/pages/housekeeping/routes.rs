//! The tablet's pages as lazy routes: their code is a WASM chunk of its own (`--split`).
use super::{board::BoardPage, inspect::InspectPage, mine::MyRoomsPage};
use crate::pages::staff_area::lazy_page;

lazy_page!(BoardRoute, BoardPage);
lazy_page!(MyRoomsRoute, MyRoomsPage);
lazy_page!(InspectRoute, InspectPage);
