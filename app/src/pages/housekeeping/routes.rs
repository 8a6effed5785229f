//! The tablet's pages as lazy routes: their code is a WASM chunk of its own (`--split`).
use super::{assign::AssignPage, board::BoardPage, inspect::InspectPage, maintenance::MaintenancePage, mine::MyRoomsPage, report::ReportPage};
use crate::pages::staff_area::lazy_page;

lazy_page!(BoardRoute, BoardPage);
lazy_page!(MyRoomsRoute, MyRoomsPage);
lazy_page!(InspectRoute, InspectPage);
lazy_page!(MaintenanceRoute, MaintenancePage);
lazy_page!(ReportRoute, ReportPage);
lazy_page!(AssignRoute, AssignPage);
