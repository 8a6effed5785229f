//! The audit log: every staff action the services keep, newest first, narrowed by person,
//! dates and booking. The filters are a plain GET form and the pages links, so they work
//! before hydration and can be shared.
use crate::components::staff::form::INPUT;
use crate::api::admin::audit_log::audit_log;
use crate::components::staff::table::{EmptyRow, HeadRow};
use crate::dto::admin::AuditLogView;
use crate::error::ErrorNotice;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |k: &str| query.read().get(k).unwrap_or_default();
    let page = Resource::new(
        move || (get("person"), get("from"), get("to"), get("booking"), get("before")),
        |(person, from, to, booking, before)| audit_log(person, from, to, booking, before),
    );
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Audit log"</h1>
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Reading the services' records…"</p> }>
            {move || page.get().map(|answer| match answer {
                Ok(p) => view! { <Filters page=p.clone()/><Entries page=p/> }.into_any(),
                Err(e) => view! { <Filters page=AuditLogView { entries: vec![], next: None, people: vec![], person: get("person"), from: get("from"), to: get("to"), booking: get("booking") }/><ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Filters(page: AuditLogView) -> impl IntoView {
    view! {
        <form method="get" class="mb-4 flex flex-wrap items-end gap-3 text-sm" data-testid="audit-filters">
            <label class="grid gap-1">"Person"
                <select name="person" class=INPUT>
                    <option value="" selected=page.person.is_empty()>"Everyone"</option>
                    {page.people.iter().map(|(id, name)| view! { <option value=id.clone() selected=*id == page.person>{name.clone()}</option> }).collect_view()}
                </select>
            </label>
            <label class="grid gap-1">"From"<input type="date" name="from" value=page.from.clone() class=INPUT/></label>
            <label class="grid gap-1">"To (inclusive)"<input type="date" name="to" value=page.to.clone() class=INPUT/></label>
            <label class="grid gap-1">"Booking reference"
                <input name="booking" value=page.booking.clone() class=INPUT placeholder="3F2A9C1B" autocomplete="off"/>
            </label>
            <button type="submit" class="min-h-10 rounded bg-sky-800 px-4 font-medium text-white hover:bg-sky-900">"Show"</button>
            <a href="/admin/audit" class="min-h-10 content-center rounded border border-slate-400 px-3 hover:bg-slate-100">"Clear"</a>
        </form>
    }
}

#[component]
fn Entries(page: AuditLogView) -> impl IntoView {
    let older = page.next.clone().map(|cursor| {
        let q = [("person", &page.person), ("from", &page.from), ("to", &page.to), ("booking", &page.booking), ("before", &cursor)]
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", crate::components::query::encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        format!("/admin/audit?{q}")
    });
    view! {
        <table class="w-full rounded-lg bg-white text-sm ring-1 ring-slate-200" data-testid="audit-log">
            <HeadRow columns=&["When (hotel time)", "Who", "Area", "What", "About", "Booking"]/>
            <tbody>
                {page.entries.is_empty().then(|| view! { <EmptyRow columns=6 text="Nothing recorded for these filters."/> })}
                {page.entries.into_iter().map(|e| view! {
                    <tr class="border-t border-slate-200 align-top" data-testid="audit-entry">
                        <td class="whitespace-nowrap px-3 py-2 font-mono text-xs">{e.at}</td>
                        <td class="px-3 py-2">{e.by}</td>
                        <td class="px-3 py-2">{e.area}</td>
                        <td class="px-3 py-2" data-testid="audit-action">{e.action}</td>
                        <td class="px-3 py-2">{e.subject}</td>
                        <td class="px-3 py-2 font-mono text-xs">{e.booking.map(|(_, reference)| reference)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <nav aria-label="Pages of the log" class="mt-3 flex gap-3 text-sm">
            {older.map(|href| view! { <a href=href class="rounded border border-slate-400 px-3 py-1.5 hover:bg-slate-100">"Older →"</a> })}
        </nav>
    }
}

