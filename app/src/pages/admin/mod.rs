//! The manager's office, for managers and admins on a laptop: the night audit and the
//! reports; the editors are to follow. The server functions behind the pages check the role again.
pub mod extras;
pub mod night_audit;
mod night_audit_runs;
pub mod reports;
mod reports_table;
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
            <StaffFrame area="Manager's office" user=user links=vec![("/admin", "Night audit"), ("/admin/reports", "Reports"), ("/admin/extras", "Extras"), ("/admin/templates", "Email templates")]>
                <Outlet/>
            </StaffFrame>
        }
        .into_any()
    })
}
