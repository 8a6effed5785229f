//! The board's counts and filters, drawn again with every answer. Plain GET selects: a
//! filtered board is an address like any other.
use super::room_card::words;
use crate::components::staff::table::href_with;
use crate::dto::housekeeping::{AttendantView, BoardView};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Summary(view: BoardView) -> impl IntoView {
    let conditions: Vec<String> = view.counts.iter().map(|(c, _)| c.clone()).collect();
    view! {
        <ul class="mb-4 flex flex-wrap gap-2" aria-label="Rooms by condition" data-testid="counts">
            <li class="rounded-lg bg-rose-50 px-3 py-2 text-rose-950 ring-1 ring-rose-200" data-count="waiting">{format!("Guest waiting {}", view.waiting)}</li>
            {view.counts.into_iter().map(|(c, n)| view! {
                <li class="rounded-lg bg-white px-3 py-2 ring-1 ring-slate-200" data-count=c.clone()>{format!("{} {n}", words(&c))}</li>
            }).collect_view()}
        </ul>
        <Filters floors=view.floors conditions=conditions attendants=view.attendants/>
    }
}

#[component]
fn Filters(floors: Vec<i32>, conditions: Vec<String>, attendants: Vec<AttendantView>) -> impl IntoView {
    let query = use_query_map();
    let get = move |k: &str| query.read_untracked().get(k).unwrap_or_default();
    let select = "min-h-11 rounded-lg border border-slate-400 bg-white px-3";
    view! {
        <form method="get" class="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the board">
            <label class="flex flex-col text-sm">"Floor"
                <select name="floor" class=select prop:value=get("floor")>
                    <option value="">"All floors"</option>
                    {floors.into_iter().map(|f| view! { <option value=f.to_string()>{format!("Floor {f}")}</option> }).collect_view()}
                </select>
            </label>
            <label class="flex flex-col text-sm">"Condition"
                <select name="condition" class=select prop:value=get("condition")>
                    <option value="">"Any"</option>
                    {conditions.into_iter().map(|c| view! { <option value=c.clone()>{words(&c)}</option> }).collect_view()}
                </select>
            </label>
            <label class="flex flex-col text-sm">"Attendant"
                <select name="attendant" class=select prop:value=get("attendant")>
                    <option value="">"Anyone"</option>
                    <option value="nobody">"Nobody yet"</option>
                    {attendants.into_iter().map(|a| view! { <option value=a.id>{a.name}</option> }).collect_view()}
                </select>
            </label>
            <button type="submit" class="min-h-11 rounded-lg border border-slate-400 bg-white px-4">"Show"</button>
            <a href=href_with(&[("floor", String::new()), ("condition", String::new()), ("attendant", String::new()), ("page", String::new())])
                class="min-h-11 content-center px-2 underline">"Clear"</a>
        </form>
    }
}
