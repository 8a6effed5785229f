//! The supervisor's view of how the day is shared: each attendant's rooms and the weight of their
//! work (a departure 3, a stay-over 1), the rooms nobody has yet, and "Distribute evenly" for
//! them. A room changes hands on the board, filtered to the attendant.
use super::distribute::DistributeHeading;
use super::room_card::words;
use crate::api::housekeeping::assign::{housekeeping_workload, DistributeRooms};
use crate::components::live::use_live;
use crate::dto::housekeeping::AttendantLoadView;
use crate::error::ErrorNotice;
use crate::live::Area;
use crate::components::staff::table::HeadRow;
use leptos::prelude::*;

#[component]
pub fn AssignPage() -> impl IntoView {
    let distribute = ServerAction::<DistributeRooms>::new();
    let live = use_live(Area::Housekeeping);
    let load = Resource::new(move || (live.changes.get(), distribute.version().get()), |_| housekeeping_workload());
    view! {
        <DistributeHeading title="Assign" distribute=distribute/>
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading the day's work…"</p> }>
            {move || load.get().map(|answer| match answer {
                Ok(day) => view! {
                    <p class="mb-4 rounded-lg bg-white px-4 py-3 ring-1 ring-slate-200" data-testid="unassigned">
                        {match day.unassigned {
                            0 => "Every room that needs work today has an attendant.".to_owned(),
                            1 => "1 room that needs work today has nobody yet.".to_owned(),
                            n => format!("{n} rooms that need work today have nobody yet."),
                        }}
                        " " <a href="/housekeeping?attendant=nobody" class="underline">"Show them on the board"</a>
                    </p>
                    <table class="w-full border-collapse rounded-lg bg-white text-left ring-1 ring-slate-200" data-testid="workload">
                        <caption class="sr-only">"Each attendant's rooms today, the most work first"</caption>
                        <HeadRow columns=&["Attendant", "Work", "Rooms"]/>
                        <tbody>
                            {day.attendants.into_iter().map(|a| view! { <LoadRow load=a/> }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn LoadRow(load: AttendantLoadView) -> impl IntoView {
    let rooms = if load.rooms.is_empty() {
        "none yet".to_owned()
    } else {
        load.rooms.iter().map(|(n, k)| if k == "none" { n.clone() } else { format!("{n} ({})", words(k)) }).collect::<Vec<_>>().join(", ")
    };
    let board = format!("/housekeeping?attendant={}", load.id);
    let label = format!("{}'s rooms on the board", load.name);
    view! {
        <tr class="border-t border-slate-200 align-top" data-testid="load-row" data-attendant=load.name.clone()>
            <th scope="row" class="px-3 py-2 font-semibold">{load.name.clone()}</th>
            <td class="px-3 py-2">{format!("{} rooms, weight {}", load.rooms.len(), load.weight)}</td>
            <td class="px-3 py-2">{rooms}" " <a href=board aria-label=label class="inline-flex min-h-11 items-center underline">"On the board"</a></td>
        </tr>
    }
}
