//! The audits run, newest first, paged; each row opens its report.
use super::night_audit::long;
use crate::api::admin::night_audit::RUNS_PER_PAGE;
use crate::components::staff::badge::{Badge, Tone};
use crate::components::staff::table::{EmptyRow, HeadRow, Pager};
use crate::dto::admin::{NightAuditPageView, NightAuditRunView};
use leptos::prelude::*;

const HEAD: [&str; 7] = ["Business date", "Run by", "Finished", "No-shows", "In house", "Room revenue", "Report"];

#[component]
pub fn RunsTable(view: NightAuditPageView) -> impl IntoView {
    view! {
        <section aria-labelledby="runs-title">
            <h2 id="runs-title" class="mb-2 text-lg font-semibold">"Audits run"</h2>
            <div class="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
                <table class="w-full text-sm" data-testid="night-audits">
                    <HeadRow columns=&HEAD/>
                    <tbody>
                        {view.runs.is_empty().then(|| view! { <EmptyRow columns=7 text="No night audit has run yet."/> })}
                        {view.runs.into_iter().map(|run| view! { <RunRow run=run/> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <Pager page=view.page per_page=RUNS_PER_PAGE total=view.total/>
        </section>
    }
}

#[component]
fn RunRow(run: NightAuditRunView) -> impl IntoView {
    let cell = "px-3 py-2 align-top";
    let by = if run.scheduled { view! { <Badge tone=Tone::Neutral label="schedule"/> }.into_any() } else { run.run_by.clone().into_any() };
    let no_shows = format!("{} ({})", run.no_shows.len(), run.no_show_fees);
    let date = run.business_date;
    let (finished, took, in_house, revenue) =
        (run.finished.clone(), format!("took {:.1} s", run.took_ms as f64 / 1000.0), run.in_house, run.room_revenue.to_string());
    view! {
        <tr class="border-t border-slate-200" data-testid="night-audit-run" data-date=date.to_string()>
            <th scope="row" class=format!("{cell} text-left font-medium")>{long(date)}</th>
            <td class=cell>{by}</td>
            <td class=cell>{finished}<span class="block text-xs text-slate-600">{took}</span></td>
            <td class=cell data-testid="run-no-shows">{no_shows}</td>
            <td class=cell>{in_house}</td>
            <td class=cell data-testid="run-room-revenue">{revenue}</td>
            <td class=cell><Report run=run/></td>
        </tr>
    }
}

#[component]
fn Report(run: NightAuditRunView) -> impl IntoView {
    let missing = run.nights_not_on_folio.clone();
    view! {
        <details data-testid="run-report">
            <summary class="cursor-pointer text-sky-800 underline">"Report"</summary>
            <dl class="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt class="text-slate-600">"No-shows"</dt>
                <dd>
                    {if run.no_shows.is_empty() { "none".into_any() } else {
                        view! { <ul>{run.no_shows.iter().map(|n| view! {
                            <li><a class="underline" href=format!("/desk/stays/{}", n.booking_id)>{format!("Room {}", n.room_number)}</a>
                                {format!(", due {}, fee {}", n.arrival.format("%-d %b"), n.fee)}</li>
                        }).collect_view()}</ul> }.into_any()
                    }}
                </dd>
                <dt class="text-slate-600">"Nights not on a folio"</dt>
                <dd data-testid="run-missing-nights">
                    {if missing.is_empty() { "none: every in-house stay's folio carries the night".to_owned() }
                     else { format!("rooms {}", missing.join(", ")) }}
                </dd>
                <dt class="text-slate-600">"Rooms set for stay-over service"</dt>
                <dd>{run.rooms_for_service}</dd>
                <dt class="text-slate-600">"Kept for pickup"</dt>
                <dd data-testid="run-pickup">{format!("{} room nights over {} stay dates, {}", run.pickup_room_nights, run.pickup_stay_dates, run.pickup_revenue)}</dd>
            </dl>
        </details>
    }
}
