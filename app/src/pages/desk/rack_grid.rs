//! The rack itself: a header of days, then each room type's rooms as rows of one CSS grid of 28
//! half-days, bars placed on it by column; the rows hold only what is booked or out of order,
//! never a cell per day, so 500 rooms stay a page the browser draws at once.
use super::rack_bar::{day, Bar, Spell, COL_START};
use super::rack_move::{Mover, RowInfo};
use crate::dto::desk_rack::{RackGroupView, RackRoomView, RackView, RACK_DAYS};
use chrono::{Days, NaiveDate};
use leptos::prelude::*;

/// Room numbers in a first column, then 28 half-days; the day lines are the grid's background.
const GRID: &str = "grid grid-cols-[4.5rem_repeat(28,minmax(0,1fr))]";
const LINES: &str = "bg-[linear-gradient(to_right,var(--color-slate-200)_1px,transparent_1px)] \
                     bg-[length:calc((100%_-_4.5rem)/14)_100%] bg-[position:4.5rem_0]";
/// Every row's look, set once on its list rather than on each of hundreds of rows.
const ROWS: &str =
    "*:col-span-full *:grid *:min-h-8 *:grid-cols-subgrid *:border-t *:border-slate-100 \
                    *:data-[target=true]:bg-sky-50 *:data-[target=true]:outline-2 \
                    *:data-[target=true]:-outline-offset-2 *:data-[target=true]:outline-sky-700";

#[component]
pub fn RackGrid(view: RackView, mover: Mover) -> impl IntoView {
    let rows: Vec<RowInfo> = view
        .groups
        .iter()
        .flat_map(|g| {
            g.rooms.iter().map(|r| RowInfo {
                number: r.number.clone(),
                type_name: g.name.clone(),
                not_ready: r.not_ready.clone(),
            })
        })
        .collect();
    mover.rows.set_value(rows);
    // Drawn anew after a move or a live change: the bar being moved keeps the focus.
    Effect::new(move |_| mover.restore_focus());
    let mut first_row = 0;
    let groups = view
        .groups
        .into_iter()
        .map(|group| {
            let first = first_row;
            first_row += group.rooms.len();
            view! { <Group group=group first_row=first mover=mover/> }
        })
        .collect_view();
    view! {
        <div class="rounded border border-slate-300 bg-white text-sm shadow-sm" data-testid="rack"
            on:keydown=move |ev| mover.on_key(ev)
            on:dragstart=move |ev| mover.on_drag_start(ev)
            on:dragover=move |ev| mover.on_drag_over(ev)
            on:drop=move |ev| mover.on_drop(ev)
            on:dragend=move |_| mover.on_drag_end()>
            <Days from=view.from today=view.today/>
            {groups}
            <section aria-labelledby="rack-unassigned" class="border-t border-slate-300">
                <h2 id="rack-unassigned" class="bg-slate-100 px-2 py-1 font-semibold">"Unassigned"</h2>
                <p class="px-2 py-2 text-slate-700" data-testid="rack-unassigned">
                    "No stay is waiting for a room: every booking is given one when it is made."
                </p>
            </section>
        </div>
    }
}

/// The days across the top; it stays in sight while the rooms scroll under it.
#[component]
fn Days(from: NaiveDate, today: NaiveDate) -> impl IntoView {
    view! {
        <div class=format!("{GRID} sticky top-0 z-20 rounded-t border-b border-slate-300 bg-white py-1 text-xs") aria-hidden="true">
            <span class="col-start-1 row-start-1 px-2 font-medium">"Room"</span>
            {(0..RACK_DAYS).map(|i| {
                let date = from + Days::new(i);
                let is_today = date == today;
                let class = format!(
                    "{} col-span-2 row-start-1 mx-px rounded text-center {}",
                    COL_START[2 * i as usize],
                    if is_today { "bg-slate-800 font-semibold text-white" } else { "text-slate-700" },
                );
                view! { <span class=class data-today=is_today.then_some("true")>{day(date)}</span> }
            }).collect_view()}
        </div>
    }
}

#[component]
fn Group(group: RackGroupView, first_row: usize, mover: Mover) -> impl IntoView {
    let (heading, labelled_by) = (
        format!("rack-type-{}", group.code),
        format!("rack-type-{}", group.code),
    );
    let count = match group.rooms.len() {
        1 => "1 room".to_owned(),
        n => format!("{n} rooms"),
    };
    view! {
        <section aria-labelledby=labelled_by data-testid="rack-group" data-type=group.code.clone()>
            <h2 id=heading class="border-t border-slate-300 bg-slate-100 px-2 py-1 font-semibold">
                {group.name.clone()} " " <span class="text-xs font-normal text-slate-700">{count}</span>
            </h2>
            <ul class=format!("{GRID} {LINES} {ROWS} {}", super::rack_bar::BARS)>
                {group.rooms.into_iter().enumerate().map(|(i, room)| view! {
                    <Row room=room row=first_row + i mover=mover/>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Row(room: RackRoomView, row: usize, mover: Mover) -> impl IntoView {
    let empty = room.bars.is_empty() && room.out_of_order.is_empty();
    let target = move || mover.is_target(row).then_some("true");
    view! {
        <li data-testid="rack-row" data-row=row data-room=room.number.clone() data-target=target>
            <span class="col-start-1 row-start-1 flex items-center bg-white px-2 font-medium">
                {room.number.clone()}<span class="sr-only">{format!(", {}", room.housekeeping)}{empty.then_some(", free")}</span>
            </span>
            {room.out_of_order.into_iter().map(|spell| view! { <Spell spell=spell/> }).collect_view()}
            {room.bars.into_iter().map(|bar| view! { <Bar bar=bar row=row held=mover.held/> }).collect_view()}
        </li>
    }
}
