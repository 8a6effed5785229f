//! What sits on a rack's room row: a stay's bar (a link to the stay, its words for screen
//! readers beside the name shown) and an out-of-order spell. Both are placed by grid column on
//! the row's half-days; the class tables spell every column out so Tailwind finds them.
use crate::dto::desk_rack::{BarState, RackBarView, RackPlace, RackSpellView};
use chrono::NaiveDate;
use leptos::prelude::*;

/// `grid-column-start` of half-day `n` (the room's number takes the first column).
pub const COL_START: [&str; 28] = [
    "col-start-2",
    "col-start-3",
    "col-start-4",
    "col-start-5",
    "col-start-6",
    "col-start-7",
    "col-start-8",
    "col-start-9",
    "col-start-10",
    "col-start-11",
    "col-start-12",
    "col-start-13",
    "col-start-14",
    "col-start-15",
    "col-start-16",
    "col-start-17",
    "col-start-18",
    "col-start-19",
    "col-start-20",
    "col-start-21",
    "col-start-22",
    "col-start-23",
    "col-start-24",
    "col-start-25",
    "col-start-26",
    "col-start-27",
    "col-start-28",
    "col-start-29",
];

/// `grid-column` span of `n + 1` half-days.
const COL_SPAN: [&str; 28] = [
    "col-span-1",
    "col-span-2",
    "col-span-3",
    "col-span-4",
    "col-span-5",
    "col-span-6",
    "col-span-7",
    "col-span-8",
    "col-span-9",
    "col-span-10",
    "col-span-11",
    "col-span-12",
    "col-span-13",
    "col-span-14",
    "col-span-15",
    "col-span-16",
    "col-span-17",
    "col-span-18",
    "col-span-19",
    "col-span-20",
    "col-span-21",
    "col-span-22",
    "col-span-23",
    "col-span-24",
    "col-span-25",
    "col-span-26",
    "col-span-27",
    "col-span-28",
];

/// Every bar's look, set once on the room list (`[&_a]` reaches the bars in its rows).
pub const BARS: &str = "[&_a]:row-start-1 [&_a]:z-10 [&_a]:my-1 [&_a]:truncate [&_a]:rounded [&_a]:px-1.5 \
                        [&_a]:py-0.5 [&_a]:text-xs [&_a]:font-medium [&_a]:ring-1 [&_a]:ring-inset \
                        [&_a]:focus:outline-2 [&_a]:focus:outline-offset-1 [&_a]:focus:outline-slate-900 \
                        [&_a]:data-[held=true]:outline-dashed";

fn tone(state: BarState) -> &'static str {
    match state {
        BarState::Confirmed => "bg-sky-100 text-sky-950 ring-sky-400",
        BarState::Arriving => "bg-sky-300 text-sky-950 ring-sky-700",
        BarState::InHouse => "bg-emerald-200 text-emerald-950 ring-emerald-700",
        BarState::Departing => "bg-amber-200 text-amber-950 ring-amber-700",
        BarState::CheckedOut => "bg-slate-200 text-slate-800 ring-slate-400",
    }
}

fn placed(place: RackPlace) -> String {
    let last = COL_START.len() - 1;
    let start = COL_START[(place.start as usize).min(last)];
    let span = COL_SPAN[(place.span as usize).clamp(1, COL_SPAN.len()) - 1];
    let before = if place.before { " rounded-l-none!" } else { "" };
    let after = if place.after { " rounded-r-none!" } else { "" };
    format!("{start} {span}{before}{after}")
}

pub fn day(d: NaiveDate) -> String {
    d.format("%a %-d %b").to_string()
}

#[component]
pub fn Bar(
    bar: RackBarView,
    row: usize,
    held: RwSignal<Option<super::rack_move::Held>>,
) -> impl IntoView {
    let dates = format!("{} to {}", day(bar.check_in), day(bar.check_out));
    let shown = format!("{} · {}", bar.guest_name, bar.reference);
    let said = format!(", {}, room {}, {dates}", bar.state.label(), bar.room_number);
    let title = format!("{shown}{said}");
    let id = bar.booking_id.clone();
    let is_held = move || {
        held.with(|h| h.as_ref().is_some_and(|h| h.booking_id == id))
            .then_some("true")
    };
    view! {
        <a href=format!("/desk/stays/{}", bar.booking_id) class=format!("{} {}", tone(bar.state), placed(bar.place))
            title=title draggable=if bar.can_move { "true" } else { "false" }
            aria-describedby=bar.can_move.then_some("rack-help") data-testid="rack-bar" data-state=bar.state.label()
            data-booking=bar.booking_id.clone() data-ref=bar.reference.clone() data-row=row
            data-movable=bar.can_move.then_some("true") data-tonight=bar.tonight.then_some("true") data-held=is_held>
            {shown}<span class="sr-only">{said}</span>
        </a>
    }
}

#[component]
pub fn Spell(spell: RackSpellView) -> impl IntoView {
    let until = spell.until.map_or_else(
        || "until further notice".to_owned(),
        |u| format!("until {}", day(u)),
    );
    let when = format!(", from {} {until}", day(spell.from));
    let mut why = spell.why.clone();
    if let Some(first) = why.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    let title = format!("{why}{when}");
    view! {
        <span class=format!("row-start-1 my-1 truncate rounded bg-rose-100 px-1.5 py-0.5 text-xs text-rose-950 ring-1 ring-inset ring-rose-500 {}", placed(spell.place))
            title=title data-testid="rack-out-of-order">
            {why}<span class="sr-only">{when}</span>
        </span>
    }
}
