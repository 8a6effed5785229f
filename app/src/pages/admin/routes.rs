//! The office's pages as lazy routes: their code is a WASM chunk of its own (`--split`).
use super::{audit_log::AuditLogPage, extras::ExtrasPage, night_audit::NightAuditPage, rates::RatesPage, reports::ReportsPage, rooms::RoomsPage, settings::SettingsPage, staff::StaffPage, templates::TemplatesPage};
use crate::pages::staff_area::lazy_page;

lazy_page!(NightAuditRoute, NightAuditPage);
lazy_page!(ReportsRoute, ReportsPage);
lazy_page!(ExtrasRoute, ExtrasPage);
lazy_page!(TemplatesRoute, TemplatesPage);
lazy_page!(RoomsRoute, RoomsPage);
lazy_page!(StaffRoute, StaffPage);
lazy_page!(RatesRoute, RatesPage);
lazy_page!(AuditLogRoute, AuditLogPage);
lazy_page!(SettingsRoute, SettingsPage);
