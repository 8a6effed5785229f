//! The room rack: every room by type down the side, fourteen days across from the hotel's
//! business date (or `?from=`), a bar for each stay and each out-of-order spell. A stay opens
//! from its bar and moves by drag or keyboard (see `rack_move`); refusals are read out by the
//! rack. It follows the hotel's events as they happen.
use super::rack_grid::RackGrid;
use super::rack_move::Mover;
use crate::api::desk::rack::desk_rack;
use crate::components::live::use_live;
use crate::components::staff::dialog::ConfirmDialog;
use crate::components::staff::table::{href_with, Pager};
use crate::components::staff::toast::use_toasts;
use crate::dto::desk_rack::{RackView, RACK_DAYS};
use crate::error::{AppError, ErrorNotice};
use crate::live::Area;
use chrono::Days;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RackPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |k: &str| query.read().get(k).unwrap_or_default();
    let live = use_live(Area::Desk);
    let mover = Mover::new();
    let toasts = use_toasts();
    let refused = RwSignal::new(None::<AppError>);
    Effect::new(move |_| match mover.action.value().get() {
        Some(Ok(b)) => {
            mover.said.set(String::new());
            refused.set(None);
            toasts.say(format!(
                "Moved stay {} to room {}",
                b.reference, b.room_number
            ));
        }
        Some(Err(e)) => {
            mover.said.set(String::new());
            refused.set(Some(e));
        }
        None => {}
    });
    let rack = Resource::new(
        move || {
            let page = get("page").parse::<u32>().unwrap_or(0);
            (
                get("from"),
                get("type"),
                page,
                live.changes.get(),
                mover.action.version().get(),
            )
        },
        |(from, room_type, page, _, _)| desk_rack(Some(from), Some(room_type), Some(page)),
    );
    let question = move || {
        mover
            .question
            .get()
            .map(|q| format!("{}. Move the guest there anyway?", q.why))
            .unwrap_or_default()
    };
    let title = move || {
        mover
            .question
            .get()
            .map(|q| format!("Move to room {}?", q.room))
            .unwrap_or_default()
    };
    view! {
        <div class="mb-2">
            <h1 class="text-2xl font-semibold">"Room rack"</h1>
            <p id="rack-help" class="text-sm text-slate-700">
                "Enter or a click opens a stay. To move one, drag it onto another room, or focus it, press M, \
                 choose a room with the up and down arrows and press Enter; Escape cancels."
            </p>
        </div>
        <div aria-live="polite" class="min-h-9 py-1 text-sm" data-testid="rack-outcome">
            {move || refused.get().map(|e| view! { <ErrorNotice error=e/> })}
            <p data-testid="rack-said">{move || mover.said.get()}</p>
        </div>
        <Transition fallback=|| view! { <p class="py-6 text-slate-700">"Loading the rack…"</p> }>
            {move || rack.get().map(|answer| match answer {
                Ok(view) => view! {
                    <RackControls view=&view/>
                    <RackGrid view=view mover=mover/>
                }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
        <ConfirmDialog id="rack-move-confirm" open=mover.asking title=Signal::derive(title) message=Signal::derive(question)
            confirm_label="Move the guest" on_confirm=move |_| mover.confirmed()
            on_cancel=move |_| mover.said.set("Move cancelled.".into())/>
    }
}

/// Fourteen days back and on, back to today, one room type or all, and the pages of rooms.
#[component]
fn RackControls<'a>(view: &'a RackView) -> impl IntoView {
    let shift = |days: i64| {
        let from = match days {
            d if d < 0 => view.from - Days::new(d.unsigned_abs()),
            d => view.from + Days::new(d as u64),
        };
        href_with(&[("from", from.to_string()), ("page", String::new())])
    };
    let (earlier, later) = (shift(-(RACK_DAYS as i64)), shift(RACK_DAYS as i64));
    let today = href_with(&[("from", String::new()), ("page", String::new())]);
    let last = view.from + Days::new(RACK_DAYS - 1);
    let query = use_query_map();
    let chosen = query.read_untracked().get("type").unwrap_or_default();
    let link = "rounded border border-slate-400 bg-white px-3 py-1 hover:bg-slate-100";
    let from = (view.from != view.today).then(|| view.from.to_string());
    view! {
        <div class="mb-2 flex flex-wrap items-end justify-between gap-3">
            <nav aria-label="Rack dates" class="flex items-center gap-2 text-sm">
                <a class=link href=earlier data-testid="rack-earlier">"← Previous 14 days"</a>
                <a class=link href=today aria-current=(view.from == view.today).then_some("date")>"Today"</a>
                <a class=link href=later data-testid="rack-later">"Next 14 days →"</a>
                <span class="ml-2 font-medium" data-testid="rack-range">
                    {format!("{} – {}", super::rack_bar::day(view.from), super::rack_bar::day(last))}
                </span>
            </nav>
            <form method="get" class="flex items-end gap-2 text-sm">
                {from.map(|f| view! { <input type="hidden" name="from" value=f/> })}
                <label class="grid gap-1">
                    <span>"Room type"</span>
                    <select name="type" class="rounded border border-slate-400 bg-white px-2 py-1" data-testid="rack-type">
                        <option value="" selected=chosen.is_empty()>"All room types"</option>
                        {view.room_types.iter().map(|(code, name)| view! {
                            <option value=code.clone() selected=*code == chosen>{name.clone()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="rounded bg-slate-800 px-3 py-1 text-white hover:bg-slate-700">"Show"</button>
            </form>
        </div>
        {(view.total_rooms > u64::from(view.per_page)).then(|| view! {
            <Pager page=view.page per_page=view.per_page total=view.total_rooms/>
        })}
    }
}
