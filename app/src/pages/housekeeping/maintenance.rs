//! The supervisor's maintenance list: tickets by status, most urgent first, paged; each with
//! who reported it, its photo, and what can be done next (start, resolve). Resolving the last
//! ticket that keeps a room out of order puts the room back, to be cleaned.
use super::room_card::words;
use crate::api::housekeeping::maintenance::{maintenance_tickets, WorkTicket, TICKETS_PER_PAGE};
use crate::components::live::use_live;
use crate::components::staff::badge::{Badge, Tone};
use crate::components::staff::table::Pager;
use crate::components::staff::toast::use_toasts;
use crate::dto::maintenance::TicketView;
use crate::error::ErrorNotice;
use crate::live::Area;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const STATUSES: [(&str, &str); 4] = [("open", "Open"), ("in_progress", "In progress"), ("resolved", "Resolved"), ("", "All")];

#[component]
pub fn MaintenancePage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        (q.get("status").unwrap_or_else(|| "open".into()), q.get("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(0))
    };
    let work = ServerAction::<WorkTicket>::new();
    let live = use_live(Area::Housekeeping);
    let tickets = Resource::new(move || (filter(), work.version().get(), live.changes.get()), |((status, page), ..)| maintenance_tickets(status, page));
    let toasts = use_toasts();
    Effect::new(move || {
        if let Some(Ok(t)) = work.value().get() {
            toasts.say(format!("Room {}: ticket {}", t.room_number, words(&t.status)));
        }
    });
    let chosen = move || query.read_untracked().get("status").unwrap_or_else(|| "open".into());
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Maintenance"</h1>
        <form method="get" class="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the tickets">
            <label class="flex flex-col text-sm">"Status"
                <select name="status" class="min-h-11 rounded-lg border border-slate-400 bg-white px-3" prop:value=chosen>
                    {STATUSES.map(|(v, label)| view! { <option value=v>{label}</option> }).collect_view()}
                </select>
            </label>
            <button type="submit" class="min-h-11 rounded-lg border border-slate-400 bg-white px-4">"Show"</button>
        </form>
        <p class="mb-4 text-sm text-slate-700">"To report a new problem, open the room from the board."</p>
        {move || work.value().get().and_then(Result::err).map(|e| view! { <ErrorNotice error=e/> })}
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading the tickets…"</p> }>
            {move || tickets.get().map(|answer| match answer {
                Ok(page) => view! {
                    {page.tickets.is_empty().then(|| view! {
                        <p class="rounded-lg bg-white p-6 text-slate-700 ring-1 ring-slate-200" data-testid="no-tickets">"No ticket matches."</p>
                    })}
                    <ul class="grid gap-3" data-testid="tickets">
                        {page.tickets.into_iter().map(|t| view! { <TicketCard ticket=t work=work/> }).collect_view()}
                    </ul>
                    <Pager page=page.page per_page=TICKETS_PER_PAGE total=page.total/>
                }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn TicketCard(ticket: TicketView, work: ServerAction<WorkTicket>) -> impl IntoView {
    let priority = match ticket.priority.as_str() {
        "urgent" => Tone::Bad,
        "high" => Tone::Warn,
        _ => Tone::Neutral,
    };
    let status = if ticket.status == "resolved" { Tone::Good } else { Tone::Info };
    let button = |action: &'static str, label: &'static str, room: &str, id: &str| {
        let (aria, id) = (format!("{label}: room {room}"), id.to_owned());
        view! {
            <ActionForm action=work>
                <input type="hidden" name="ticket" value=id/>
                <input type="hidden" name="action" value=action/>
                <button type="submit" aria-label=aria class="min-h-11 rounded-lg border border-slate-400 bg-white px-4 font-medium active:bg-slate-100">{label}</button>
            </ActionForm>
        }
    };
    let (room, id) = (ticket.room_number.clone(), ticket.id.clone());
    view! {
        <li class="rounded-xl bg-white p-4 ring-1 ring-slate-200" data-testid="ticket" data-room=ticket.room_number.clone() data-status=ticket.status.clone()>
            <div class="flex flex-wrap items-start justify-between gap-3">
                <div>
                    <h2 class="text-lg font-semibold">{format!("Room {}", ticket.room_number)}</h2>
                    <p class="mt-1">{ticket.problem.clone()}</p>
                    <p class="mt-2 flex flex-wrap gap-1.5">
                        <Badge tone=priority label=ticket.priority.clone()/>
                        <Badge tone=status label=words(&ticket.status)/>
                        {ticket.takes_room_out_of_order.then(|| view! { <Badge tone=Tone::Bad label="room out of order"/> })}
                    </p>
                    <p class="mt-2 text-sm text-slate-700">
                        {format!("Reported by {} on {}", ticket.reporter, ticket.opened)}
                        {ticket.assignee.clone().map(|a| format!(" · with {a}"))}
                        {ticket.resolved.clone().map(|r| format!(" · resolved {r}"))}
                        {ticket.resolved_by.clone().map(|by| format!(" by {by}"))}
                    </p>
                </div>
                {ticket.photo.clone().map(|src| view! {
                    <a href=src.clone() class="block" aria-label=format!("The photo of room {}'s problem, full size", ticket.room_number)>
                        <img src=src.clone() alt=format!("Photo of the problem in room {}", ticket.room_number) class="h-24 w-32 rounded-lg object-cover ring-1 ring-slate-300"/>
                    </a>
                })}
            </div>
            <div class="mt-3 flex flex-wrap gap-2">
                {(ticket.status == "open").then(|| button("start", "Start work", &room, &id))}
                {(ticket.status != "resolved").then(|| button("resolve", "Resolved", &room, &id))}
            </div>
        </li>
    }
}
