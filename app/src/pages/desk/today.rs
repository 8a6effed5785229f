//! The desk's day: how many arrive, stay and leave, and one of those lists at a time, searched,
//! sorted and paged through the address; it follows the hotel's events as they happen.
use crate::api::booking_actions::CheckInBooking;
use crate::api::desk::today::{desk_day, desk_day_counts};
use crate::components::live::use_live;
use crate::components::staff::badge::{HousekeepingBadge, StatusBadge};
use crate::components::staff::table::{href_with, EmptyRow, Pager, SortHeader};
use crate::dto::desk::{DayListView, DayRowView, DAY_LISTS};
use crate::error::ErrorNotice;
use crate::live::Area;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TodayPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |k: &str| query.read().get(k).unwrap_or_default();
    let list = move || {
        Some(get("list"))
            .filter(|l| DAY_LISTS.iter().any(|(n, _)| n == l))
            .unwrap_or_else(|| "arrivals".into())
    };
    let check_in = ServerAction::<CheckInBooking>::new();
    // Another receptionist's check-in, a payment, a room cleaned: the lists follow.
    let live = use_live(Area::Desk);
    let changed = move || (check_in.version().get(), live.changes.get());
    let counts = Resource::new(
        move || (get("date"), get("q"), changed()),
        |(date, q, _)| desk_day_counts(Some(date), q),
    );
    let rows = Resource::new(
        move || {
            (
                list(),
                get("date"),
                get("q"),
                get("sort"),
                get("page").parse::<u32>().unwrap_or(0),
                changed(),
            )
        },
        |(list, date, q, sort, page, _)| desk_day(list, Some(date), q, sort, page),
    );
    view! {
        <div class="mb-4 flex flex-wrap items-end justify-between gap-4">
            <div>
                <h1 class="text-2xl font-semibold">"Today"</h1>
                <Suspense fallback=|| view! { <p class="h-5 text-sm text-slate-500">"…"</p> }>
                    {move || counts.get().map(|c| c.ok().map(|c| view! {
                        <p class="h-5 text-sm text-slate-600" data-testid="business-date">{c.date.format("%A %-d %B %Y").to_string()}</p>
                    }))}
                </Suspense>
            </div>
            <SearchBox/>
        </div>
        <Tabs counts=counts current=Signal::derive(list)/>
        <CheckInOutcome action=check_in/>
        <Transition fallback=|| view! { <p class="py-6 text-slate-500">"Loading the list…"</p> }>
            {move || rows.get().map(|answer| match answer {
                Ok(view) => view! { <DayTable view=view list=list() check_in=check_in/> }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
    }
}

/// A plain GET form, so a search is an address like any other; `/` jumps to it.
#[component]
fn SearchBox() -> impl IntoView {
    let query = use_query_map();
    let input = NodeRef::<leptos::html::Input>::new();
    #[cfg(feature = "hydrate")]
    {
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            let typing = ev
                .target()
                .and_then(|t| {
                    leptos::wasm_bindgen::JsCast::dyn_into::<leptos::web_sys::HtmlElement>(t).ok()
                })
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
            if ev.key() == "/" && !typing {
                ev.prevent_default();
                if let Some(input) = input.get() {
                    let _ = input.focus();
                }
            }
        });
        on_cleanup(move || handle.remove());
    }
    view! {
        <form method="get" role="search" class="flex items-end gap-2">
            <input type="hidden" name="list" value=move || query.read().get("list").unwrap_or_default()/>
            <label class="grid gap-1 text-sm">
                <span>"Guest, email or reference " <kbd class="rounded border px-1 text-xs">"/"</kbd></span>
                <input node_ref=input type="search" name="q" maxlength="100" autocomplete="off"
                    value=move || query.read().get("q").unwrap_or_default()
                    class="w-72 rounded border border-slate-300 px-2 py-1.5" data-testid="desk-search"/>
            </label>
            <button type="submit" class="rounded bg-slate-800 px-4 py-1.5 text-white hover:bg-slate-700">"Search"</button>
        </form>
    }
}

#[component]
fn Tabs(
    counts: Resource<Result<crate::dto::desk::DayCountsView, crate::error::AppError>>,
    current: Signal<String>,
) -> impl IntoView {
    view! {
        <nav aria-label="The day's lists" class="mb-3 flex gap-2 border-b border-slate-200">
            {DAY_LISTS.iter().map(|(name, label)| {
                let href = href_with(&[("list", (*name).to_owned()), ("page", String::new()), ("sort", String::new())]);
                let count = move || counts.get().and_then(|c| c.ok()).and_then(|c| c.counts.iter().find(|(n, _)| n == name).map(|(_, n)| *n));
                view! {
                    <a href=href data-testid=format!("tab-{name}")
                        aria-current=move || (current.get() == *name).then_some("page")
                        class="-mb-px border-b-2 border-transparent px-4 py-2 text-sm font-medium aria-[current=page]:border-slate-900">
                        {*label} " "
                        <span class="inline-block min-w-6 rounded bg-slate-200 px-1.5 text-center text-xs" data-testid=format!("count-{name}")>
                            <Suspense fallback=|| "·">{move || count().map(|n| n.to_string())}</Suspense>
                        </span>
                    </a>
                }
            }).collect_view()}
        </nav>
    }
}

#[component]
fn CheckInOutcome(action: ServerAction<CheckInBooking>) -> impl IntoView {
    view! {
        <div aria-live="polite" class="min-h-8">
            {move || action.value().get().map(|answer| match answer {
                Ok(b) => view! {
                    <p class="rounded bg-emerald-50 px-3 py-1.5 text-sm text-emerald-900" data-testid="toast">
                        {format!("Checked in: room {}", b.room_number)}
                    </p>
                }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn DayTable(
    view: DayListView,
    list: String,
    check_in: ServerAction<CheckInBooking>,
) -> impl IntoView {
    let query = use_query_map();
    let sort = query
        .read_untracked()
        .get("sort")
        .unwrap_or_else(|| "room".into());
    let arrivals = list == "arrivals";
    let empty = match list.as_str() {
        "arrivals" => "No arrivals on this day.",
        "in_house" => "Nobody is in the house.",
        _ => "No departures on this day.",
    };
    let rows = view.rows;
    view! {
        <table class="w-full border-collapse bg-white text-sm shadow-sm" data-testid=format!("list-{list}")>
            <thead class="bg-slate-100">
                <tr>
                    <SortHeader label="Room" key="room" current=sort.clone()/>
                    <th scope="col" class="px-3 py-2 text-left font-medium">"Guest"</th>
                    <th scope="col" class="px-3 py-2 text-left font-medium">"Party"</th>
                    <th scope="col" class="px-3 py-2 text-left font-medium">"Type"</th>
                    <SortHeader label="Arrival" key="arrival" current=sort.clone()/>
                    <SortHeader label="Departure" key="departure" current=sort.clone()/>
                    <th scope="col" class="px-3 py-2 text-left font-medium">"Housekeeping"</th>
                    <th scope="col" class="px-3 py-2 text-left font-medium">"Status"</th>
                    <th scope="col" class="px-3 py-2 text-right font-medium">"Balance"</th>
                    <th scope="col" class="px-3 py-2 text-left font-medium"><span class="sr-only">"Actions"</span></th>
                </tr>
            </thead>
            <tbody>
                {if rows.is_empty() { Some(view! { <EmptyRow columns=10 text=empty/> }) } else { None }}
                {rows.into_iter().map(|r| view! { <DayRow row=r arrivals=arrivals check_in=check_in/> }).collect_view()}
            </tbody>
        </table>
        <Pager page=view.page per_page=view.per_page total=view.total/>
    }
}

#[component]
fn DayRow(
    row: DayRowView,
    arrivals: bool,
    check_in: ServerAction<CheckInBooking>,
) -> impl IntoView {
    let stay_href = format!("/desk/stays/{}", row.booking_id);
    let id = row.booking_id.clone();
    let party = if row.children > 0 {
        format!("{} + {}", row.adults, row.children)
    } else {
        row.adults.to_string()
    };
    let label = format!("Check in {} to room {}", row.guest_name, row.room_number);
    let pending = check_in.pending();
    view! {
        <tr class="border-t border-slate-200" data-testid="day-row" data-booking=row.booking_id.clone()>
            <td class="px-3 py-2 font-medium">{row.room_number.clone()}</td>
            <td class="px-3 py-2">
                <a href=stay_href class="font-medium text-slate-900 underline-offset-2 hover:underline">{row.guest_name.clone()}</a>
                <div class="text-xs text-slate-500">{row.guest_email.clone()} " · " {row.reference.clone()}</div>
            </td>
            <td class="px-3 py-2">{party}</td>
            <td class="px-3 py-2">{row.room_type.clone()}</td>
            <td class="px-3 py-2">{row.check_in.format("%a %-d %b").to_string()}</td>
            <td class="px-3 py-2">{row.check_out.format("%a %-d %b").to_string()} " (" {row.nights_left} " left)"</td>
            <td class="px-3 py-2"><HousekeepingBadge state=row.housekeeping.clone()/></td>
            <td class="px-3 py-2"><StatusBadge status=row.status.clone()/></td>
            <td class="px-3 py-2 text-right tabular-nums" data-testid="balance">{row.balance.to_string()}</td>
            <td class="px-3 py-2">
                {(arrivals && row.can_check_in).then(|| view! {
                    <button type="button" aria-label=label disabled=move || pending.get()
                        class="rounded bg-emerald-700 px-3 py-1 text-white hover:bg-emerald-800 disabled:opacity-50"
                        on:click=move |_| { check_in.dispatch(CheckInBooking { id: id.clone() }); }>
                        "Check in"
                    </button>
                })}
            </td>
        </tr>
    }
}
