//! The night audit page: the open business date, running its audit (asked first, with what it
//! will do), and the audits run with their reports.
use super::night_audit_runs::RunsTable;
use crate::api::admin::night_audit::{night_audit_page, RunNightAudit};
use crate::components::staff::dialog::ConfirmDialog;
use crate::components::staff::toast::use_toasts;
use crate::dto::admin::NightAuditPageView;
use crate::error::ErrorNotice;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn NightAuditPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(0);
    let run = ServerAction::<RunNightAudit>::new();
    let audit = Resource::new(move || (page(), run.version().get()), |(page, _)| night_audit_page(page));
    let toasts = use_toasts();
    Effect::new(move || {
        if let Some(Ok(r)) = run.value().get() {
            let next = r.business_date + chrono::Duration::days(1);
            toasts.say(format!(
                "Night audit of {} done: {} no-show(s), business date now {}",
                long(r.business_date),
                r.no_shows.len(),
                long(next)
            ));
        }
    });
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Night audit"</h1>
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading the business date…"</p> }>
            {move || audit.get().map(|answer| match answer {
                Ok(view) => view! { <OpenDate view=view.clone() run=run/><RunsTable view=view/> }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
    }
}

/// "Wednesday 2 December 2026".
pub(super) fn long(date: chrono::NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

#[component]
fn OpenDate(view: NightAuditPageView, run: ServerAction<RunNightAudit>) -> impl IntoView {
    let ask = RwSignal::new(false);
    let date = view.business_date;
    let question = format!(
        "Close {}? Arrivals who have not checked in become no-shows at their booking's fee, the in-house stays' \
         folios are checked for the night, occupied rooms are set for their stay-over service, the rooms on the \
         books for the next 365 days are kept for pickup, and the business date moves to the next day. It cannot \
         be undone.",
        long(date)
    );
    let blocked = view.not_yet.clone();
    let can_run = blocked.is_none();
    view! {
        <section class="mb-6 max-w-3xl rounded-lg bg-white p-5 ring-1 ring-slate-200" aria-labelledby="open-date">
            <h2 id="open-date" class="text-sm font-medium uppercase tracking-wide text-slate-600">"Business date"</h2>
            <p class="mt-1 text-2xl font-semibold" data-testid="business-date" data-date=date.to_string()>{long(date)}</p>
            <p class="mt-1 text-sm text-slate-700">
                {format!("The audit runs by itself at {} hotel time on the next day; the hotel's calendar says {}.",
                    view.night_audit_time, long(view.calendar_date))}
            </p>
            <div class="mt-4 flex flex-wrap items-center gap-3">
                <button type="button" data-testid="run-night-audit" aria-describedby="night-audit-why"
                    disabled=move || !can_run || run.pending().get() on:click=move |_| ask.set(true)
                    class="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 disabled:opacity-50">
                    {format!("Run the night audit for {}…", date.format("%-d %B"))}
                </button>
                <p id="night-audit-why" class="text-sm text-slate-700" role="status" data-testid="night-audit-status">
                    {move || if run.pending().get() {
                        Some("Running the night audit… this takes a few seconds for a full house.".to_owned())
                    } else {
                        blocked.clone()
                    }}
                </p>
            </div>
            {move || run.value().get().and_then(Result::err).map(|e| view! { <div class="mt-3"><ErrorNotice error=e/></div> })}
        </section>
        <ConfirmDialog id="night-audit-confirm" open=ask title=format!("Run the night audit for {}?", long(date))
            message=question confirm_label="Run the night audit"
            on_confirm=move |_| { run.dispatch(RunNightAudit { date: date.to_string() }); }/>
    }
}
