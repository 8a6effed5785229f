//! The night audit page: the business date, running its audit, and the audits run.
use crate::dto::admin::{NightAuditPageView, NightAuditRunView};
use crate::error::AppError;
use leptos::prelude::*;

/// Audits on one page of the list.
pub const RUNS_PER_PAGE: u32 = 10;

#[server(endpoint = "admin/night_audit")]
pub async fn night_audit_page(#[server(default)] page: u32) -> Result<NightAuditPageView, AppError> {
    super::access::require_manager().await?;
    let state = crate::state::state()?;
    let open = state.bookings.business_date().await.map_err(crate::state::internal)?;
    let (runs, total) = state.bookings.night_audits(page + 1, RUNS_PER_PAGE).await.map_err(crate::state::internal)?;
    let calendar_date = state.bookings.today();
    let not_yet = open.not_yet(calendar_date).map(|refusal| refusal.to_string());
    Ok(NightAuditPageView {
        business_date: open.date,
        calendar_date,
        night_audit_time: open.night_audit_time.format("%H:%M").to_string(),
        not_yet,
        runs: server::views(&runs).await?,
        total,
        page,
    })
}

/// Closes `date`, the business date the manager saw as open.
#[server(endpoint = "admin/run_night_audit")]
pub async fn run_night_audit(date: String) -> Result<NightAuditRunView, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let date = chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::Invalid("the business date to close was not sent; reload the page".into()))?;
    let run = state
        .office
        .run_night_audit(me.user_id, bookings::night_audit::Trigger::Manager, Some(date))
        .await
        .map_err(server::night_audit_error)?;
    tracing::info!(date = %run.business_date, by = %me.user_id, "night audit run by a manager");
    Ok(server::views(&[run]).await?.remove(0))
}

#[cfg(feature = "ssr")]
mod server {
    use crate::dto::admin::{NightAuditRunView, NoShowView};
    use crate::error::AppError;
    use bookings::night_audit::{NightAuditRefusal, NightAuditRun, Trigger};
    use kernel::UserId;
    use std::collections::HashMap;

    pub fn night_audit_error(e: office::NightAuditError) -> AppError {
        match e {
            office::NightAuditError::Refused(NightAuditRefusal::Unexpected(e)) => crate::state::internal(e),
            office::NightAuditError::Refused(refusal) => AppError::Conflict(refusal.to_string()),
            e @ office::NightAuditError::Step { .. } => crate::state::internal(e),
        }
    }

    pub async fn views(runs: &[NightAuditRun]) -> Result<Vec<NightAuditRunView>, AppError> {
        let state = crate::state::state()?;
        let people: Vec<UserId> = runs.iter().map(|r| r.run_by).collect();
        let names: HashMap<UserId, String> =
            state.users.find_many(&people).await.map_err(crate::state::internal)?.into_iter().map(|u| (u.id, u.name)).collect();
        let clock = state.bookings.clock();
        Ok(runs
            .iter()
            .map(|run| {
                let r = &run.report;
                NightAuditRunView {
                    business_date: run.business_date,
                    run_by: match run.trigger {
                        Trigger::Scheduled => "schedule".to_owned(),
                        Trigger::Manager => names.get(&run.run_by).cloned().unwrap_or_else(|| "a manager".to_owned()),
                    },
                    scheduled: run.trigger == Trigger::Scheduled,
                    finished: crate::api::desk::stay::server::local(run.finished_at, &clock),
                    took_ms: (run.finished_at - run.started_at).num_milliseconds(),
                    no_shows: r
                        .no_shows
                        .iter()
                        .map(|n| NoShowView {
                            booking_id: n.booking_id.to_string(),
                            room_number: n.room_number.clone(),
                            arrival: n.arrival,
                            fee: n.fee,
                        })
                        .collect(),
                    no_show_fees: r.no_show_fees,
                    in_house: r.in_house,
                    room_revenue: r.room_revenue,
                    nights_not_on_folio: r.nights_not_on_folio.clone(),
                    rooms_for_service: r.rooms_for_service,
                    pickup_stay_dates: r.pickup.stay_dates,
                    pickup_room_nights: r.pickup.room_nights,
                    pickup_revenue: r.pickup.revenue,
                }
            })
            .collect())
    }
}
