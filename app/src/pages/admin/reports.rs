//! The revenue report: a range of nights by day, week or month, for every room type or one; the
//! occupancy chart, the figures' table (paged by period), pickup against an earlier night audit,
//! the definitions, and the CSV of exactly these figures.
use super::reports_table::{Definitions, PickupTable, ReportTable};
use crate::api::admin::reports::report;
use crate::dto::admin::ReportView;
use crate::error::{AppError, ErrorNotice};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const FIELDS: [&str; 5] = ["first", "last", "by", "room_type", "pickup_days"];

#[component]
pub fn ReportsPage() -> impl IntoView {
    let query = use_query_map();
    let asked = move || {
        let q = query.read();
        let field = |k: &str| q.get(k).unwrap_or_default();
        (FIELDS.map(field), q.get("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(0))
    };
    let answer = Resource::new(asked, |([first, last, by, room_type, pickup_days], page)| {
        report(first, last, by, room_type, pickup_days, page)
    });
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Reports"</h1>
        <Transition fallback=|| view! { <p class="py-6 text-slate-600" role="status">"Counting the nights…"</p> }>
            {move || answer.get().map(|answer| match answer {
                Ok(view) => view! {
                    <Filters view=Some(view.clone()) error=None/>
                    <Shown view=view/>
                }.into_any(),
                Err(e @ AppError::InvalidField { .. }) => view! { <Filters view=None error=Some(e)/> }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
        <Definitions/>
    }
}

/// The report's fields, as a GET form: the address says what is shown, so it can be linked.
#[component]
fn Filters(view: Option<ReportView>, error: Option<AppError>) -> impl IntoView {
    let query = use_query_map();
    let asked = move |k: &str| query.read_untracked().get(k).unwrap_or_default();
    let value = |k: &str, shown: Option<String>| shown.unwrap_or_else(|| asked(k));
    let v = view.as_ref();
    let first = value("first", v.map(|v| v.first.to_string()));
    let last = value("last", v.map(|v| v.last.to_string()));
    let by = value("by", v.map(|v| v.by.clone()));
    let room_type = value("room_type", v.map(|v| v.room_type.clone()));
    let pickup_days = value("pickup_days", v.map(|v| v.pickup_days.to_string()));
    let types = v.map(|v| v.room_types.clone()).unwrap_or_default();
    let field_error = move |name: &'static str| {
        let message = error.as_ref().and_then(|e| e.for_field(name));
        view! { <span id=format!("{name}-error") class="text-sm text-rose-800" role="alert">{message}</span> }
    };
    let input = "min-h-10 rounded border border-slate-400 bg-white px-2";
    view! {
        <form method="get" class="mb-5 flex flex-wrap items-start gap-4" aria-label="What the report covers">
            <label class="flex flex-col text-sm">"First night"
                <input type="date" name="first" value=first class=input aria-describedby="first-error"/>
                {field_error("first")}
            </label>
            <label class="flex flex-col text-sm">"Last night"
                <input type="date" name="last" value=last class=input aria-describedby="last-error"/>
                {field_error("last")}
            </label>
            <label class="flex flex-col text-sm">"By"
                <select name="by" class=input prop:value=by aria-describedby="by-error">
                    <option value="day">"Day"</option>
                    <option value="week">"Week"</option>
                    <option value="month">"Month"</option>
                </select>
                {field_error("by")}
            </label>
            <label class="flex flex-col text-sm">"Room type"
                <select name="room_type" class=input prop:value=room_type aria-describedby="room_type-error">
                    <option value="">"All room types"</option>
                    {types.into_iter().map(|(code, name)| view! { <option value=code>{name}</option> }).collect_view()}
                </select>
                {field_error("room_type")}
            </label>
            <label class="flex flex-col text-sm">"Pickup against (days ago)"
                <input type="number" name="pickup_days" min="1" max="365" value=pickup_days class=format!("{input} w-28") aria-describedby="pickup_days-error"/>
                {field_error("pickup_days")}
            </label>
            <button type="submit" class="mt-5 min-h-10 rounded bg-sky-800 px-4 font-medium text-white hover:bg-sky-900">"Show"</button>
        </form>
    }
}

#[component]
fn Shown(view: ReportView) -> impl IntoView {
    let title = format!("Occupancy by {}, {} to {}", view.by, view.first, view.last);
    view! {
        <p class="mb-3 text-sm">
            <a href=view.csv_href.clone() rel="external" download="" class="font-medium text-sky-800 underline" data-testid="report-csv">
                "Download these figures (CSV)"
            </a>
        </p>
        <figure class="mb-5 overflow-x-auto rounded-lg bg-white p-3 ring-1 ring-slate-200" aria-labelledby="chart-caption">
            <div role="img" aria-label=title.clone() data-testid="occupancy-chart" inner_html=view.chart_svg.clone()></div>
            <figcaption id="chart-caption" class="mt-1 text-sm text-slate-700">{title}" — the table below gives every figure."</figcaption>
        </figure>
        <ReportTable view=view.clone()/>
        {view.pickup.clone().map(|p| view! { <PickupTable pickup=p days=view.pickup_days/> })}
    }
}
