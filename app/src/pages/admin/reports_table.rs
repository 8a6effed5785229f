//! The report's tables, and what each figure means.
use crate::api::admin::reports::PERIODS_PER_PAGE;
use crate::components::staff::table::Pager;
use crate::dto::admin::{PickupView, ReportRowView, ReportView};
use kernel::Money;
use leptos::prelude::*;

const HEAD: [&str; 13] = [
    "Period", "Rooms available", "Rooms sold", "Occupancy", "Room revenue", "Other revenue", "ADR", "RevPAR", "TRevPAR",
    "Arrivals", "ALOS", "Cancellations", "No-shows",
];

fn money(m: Option<Money>) -> String {
    m.map(|m| m.to_string()).unwrap_or_else(|| "—".into())
}

#[component]
pub fn ReportTable(view: ReportView) -> impl IntoView {
    view! {
        <div class="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
            <table class="w-full text-sm tabular-nums" data-testid="report-table">
                <caption class="sr-only">"The report's figures by period, with the total of the range"</caption>
                <thead class="bg-slate-100 text-slate-700">
                    <tr>{HEAD.map(|h| view! { <th scope="col" class="px-2 py-2 text-right font-medium first:text-left">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {view.rows.into_iter().map(|r| view! { <Row row=r total=false/> }).collect_view()}
                </tbody>
                <tfoot class="border-t-2 border-slate-300 font-semibold"><Row row=view.total total=true/></tfoot>
            </table>
        </div>
        <Pager page=view.page per_page=PERIODS_PER_PAGE total=view.periods/>
    }
}

#[component]
fn Row(row: ReportRowView, total: bool) -> impl IntoView {
    let cell = "px-2 py-1.5 text-right";
    let occupancy = if row.occupancy.is_empty() { "—".into() } else { format!("{} %", row.occupancy) };
    let alos = if row.alos.is_empty() { "—".into() } else { row.alos.clone() };
    view! {
        <tr class="border-t border-slate-200" data-testid=if total { "report-total" } else { "report-row" } data-period=row.label.clone()>
            <th scope="row" class="px-2 py-1.5 text-left font-medium">{row.label.clone()}</th>
            <td class=cell>{row.rooms_available}</td>
            <td class=cell>{row.rooms_sold}</td>
            <td class=cell data-testid="occupancy">{occupancy}</td>
            <td class=cell data-testid="room-revenue">{row.room_revenue.to_string()}</td>
            <td class=cell>{money(row.other_revenue)}</td>
            <td class=cell data-testid="adr">{money(row.adr)}</td>
            <td class=cell data-testid="revpar">{money(row.revpar)}</td>
            <td class=cell>{money(row.trevpar)}</td>
            <td class=cell>{row.arrivals}</td>
            <td class=cell>{alos}</td>
            <td class=cell>{row.cancellations}</td>
            <td class=cell>{row.no_shows}</td>
        </tr>
    }
}

#[component]
pub fn PickupTable(pickup: PickupView, days: i64) -> impl IntoView {
    let head = ["Period", "Rooms on the books now", "Then", "Pickup", "Room revenue now", "Then", "Pickup"];
    let pick = |now: Money, then: Money| Money::from_minor(now.minor() - then.minor(), now.currency()).to_string();
    view! {
        <section class="mt-6" aria-labelledby="pickup-title">
            <h2 id="pickup-title" class="mb-1 text-lg font-semibold">"Pickup"</h2>
            <p class="mb-2 text-sm text-slate-700">
                {format!("On the books now for the nights from today, against the night audit of {} ({days} days ago).", pickup.taken_on)}
                {(!pickup.snapshot_exists).then_some(" That audit has not run, so there is nothing to compare with yet.")}
            </p>
            <div class="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
                <table class="w-full text-sm tabular-nums" data-testid="pickup-table">
                    <thead class="bg-slate-100 text-slate-700">
                        <tr>{head.map(|h| view! { <th scope="col" class="px-2 py-2 text-right font-medium first:text-left">{h}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {pickup.rows.into_iter().take(PERIODS_PER_PAGE as usize).map(|r| view! {
                            <tr class="border-t border-slate-200">
                                <th scope="row" class="px-2 py-1.5 text-left font-medium">{r.label.clone()}</th>
                                <td class="px-2 py-1.5 text-right">{r.rooms_now}</td>
                                <td class="px-2 py-1.5 text-right">{r.rooms_then}</td>
                                <td class="px-2 py-1.5 text-right">{r.rooms_now - r.rooms_then}</td>
                                <td class="px-2 py-1.5 text-right">{r.revenue_now.to_string()}</td>
                                <td class="px-2 py-1.5 text-right">{r.revenue_then.to_string()}</td>
                                <td class="px-2 py-1.5 text-right">{pick(r.revenue_now, r.revenue_then)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
pub fn Definitions() -> impl IntoView {
    let terms = [
        ("Rooms available", "Physical rooms minus those out of order, each night: as the night audit counted them on nights it closed, as they are now on nights to come."),
        ("Rooms sold", "Room nights of stays confirmed, in the house or checked out; cancelled bookings and no-shows are not sold."),
        ("Occupancy", "Rooms sold ÷ rooms available."),
        ("Room revenue", "What the nights sold cost after discounts (shared over a stay's nights by price), without VAT and city tax."),
        ("Other revenue", "Extras posted to folios that day, without VAT; not kept by room type."),
        ("ADR", "Room revenue ÷ rooms sold."),
        ("RevPAR", "Room revenue ÷ rooms available."),
        ("TRevPAR", "(Room revenue + other revenue) ÷ rooms available."),
        ("ALOS", "Nights of the stays arriving in the period ÷ those stays."),
        ("Cancellations, no-shows", "Bookings due to arrive in the period that were cancelled, or whose guest never came."),
        ("Rounding", "Every figure is worked out from whole rooms and cents and rounded once, half up: percentages to hundredths, money to the cent."),
    ];
    view! {
        <section class="mt-6 max-w-4xl" aria-labelledby="definitions-title">
            <h2 id="definitions-title" class="mb-2 text-lg font-semibold">"What the figures mean"</h2>
            <dl class="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-1 text-sm">
                {terms.map(|(term, meaning)| view! { <dt class="font-medium">{term}</dt><dd>{meaning}</dd> }).collect_view()}
            </dl>
        </section>
    }
}
