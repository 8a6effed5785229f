//! The manager's office, for managers and admins on a laptop: the night audit and the
//! reports, rooms, extras, staff and email templates. The server functions behind the pages check the role again.
pub mod audit_log;
pub mod extras;
pub mod night_audit;
mod night_audit_runs;
pub mod reports;
mod rate_forms;
pub mod rates;
mod reports_table;
mod room_list;
mod room_type_form;
pub mod rooms;
pub mod settings;
pub mod staff;
pub mod routes;
pub mod templates;

use crate::api::admin::access::admin_access;
use crate::components::staff::layout::StaffFrame;
use leptos::prelude::*;
use leptos_router::components::Outlet;

/// The office's frame over its page, or why it does not open (see `staff_area`).
#[component]
pub fn AdminArea() -> impl IntoView {
    super::staff_area::staff_area(admin_access, |user| {
        view! {
            <StaffFrame area="Manager's office" user=user links=vec![("/admin", "Night audit"), ("/admin/reports", "Reports"), ("/admin/rooms", "Rooms"), ("/admin/rates", "Rates"), ("/admin/extras", "Extras"), ("/admin/staff", "Staff"), ("/admin/templates", "Email templates"), ("/admin/settings", "Settings"), ("/admin/audit", "Audit log")]>
                <Outlet/>
            </StaffFrame>
        }
        .into_any()
    })
}
