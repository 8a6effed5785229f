//! The supervisor's board: counts at the top, every room most urgent first (a guest waiting for
//! a room not ready leads), filtered by floor, condition and attendant through the address and
//! paged; each room can be given to an attendant here, or all of them shared out at once.
use super::room_card::{words, RoomState};
use crate::api::housekeeping::act::RoomAct;
use crate::api::housekeeping::assign::{AssignRoom, DistributeRooms};
use crate::api::housekeeping::board::housekeeping_board;
use crate::components::live::use_live;
use crate::components::staff::table::{href_with, EmptyRow, Pager};
use crate::components::staff::toast::use_toasts;
use crate::dto::housekeeping::{AttendantView, BoardRoomView, BoardView};
use crate::error::{AppError, ErrorNotice};
use crate::live::Area;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const PER_PAGE: usize = 50;
const CONDITIONS: [&str; 5] = ["dirty", "cleaning", "clean", "inspected", "out_of_order"];

#[component]
pub fn BoardPage() -> impl IntoView {
    let assign = ServerAction::<AssignRoom>::new();
    let distribute = ServerAction::<DistributeRooms>::new();
    let act = ServerAction::<RoomAct>::new();
    let live = use_live(Area::Housekeeping);
    let board = Resource::new(
        move || (live.changes.get(), assign.version().get(), distribute.version().get(), act.version().get()),
        |_| housekeeping_board(),
    );
    let toasts = use_toasts();
    Effect::new(move || {
        if let Some(Ok(n)) = distribute.value().get() {
            toasts.say(format!("{n} rooms shared out"));
        }
    });
    view! {
        <div class="mb-4 flex flex-wrap items-center justify-between gap-3">
            <h1 class="text-2xl font-semibold">"Board"</h1>
            <ActionForm action=distribute>
                <button type="submit" class="min-h-11 rounded-lg bg-teal-800 px-4 text-white active:bg-teal-900">"Distribute evenly"</button>
            </ActionForm>
        </div>
        {move || distribute.value().get().and_then(Result::err).map(|e| view! { <ErrorNotice error=e/> })}
        {move || assign.value().get().and_then(Result::err).map(|e| view! { <ErrorNotice error=e/> })}
        {move || act.value().get().and_then(Result::err).map(|e| view! { <ErrorNotice error=e/> })}
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading the board…"</p> }>
            {move || board.get().map(|answer| match answer {
                Ok(view) => view! { <Summary view=view/> }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
            <Rows board=board assign=assign act=act/>
        </Transition>
    }
}

/// The counts and the filters, drawn again with every answer.
#[component]
fn Summary(view: BoardView) -> impl IntoView {
    let counts = CONDITIONS.map(|c| (c, view.count(c)));
    let waiting = view.rooms.iter().filter(|r| r.guest_waiting).count();
    let mut floors: Vec<i32> = view.rooms.iter().map(|r| r.floor).collect();
    floors.sort_unstable();
    floors.dedup();
    view! {
        <ul class="mb-4 flex flex-wrap gap-2" aria-label="Rooms by condition" data-testid="counts">
            <li class="rounded-lg bg-rose-50 px-3 py-2 text-rose-950 ring-1 ring-rose-200" data-count="waiting">{format!("Guest waiting {waiting}")}</li>
            {counts.into_iter().map(|(c, n)| view! {
                <li class="rounded-lg bg-white px-3 py-2 ring-1 ring-slate-200" data-count=c>{format!("{} {n}", words(c))}</li>
            }).collect_view()}
        </ul>
        <Filters floors=floors attendants=view.attendants.clone()/>
    }
}

/// The rooms the filters keep, a page of them. Keyed by the room and its state outside the
/// closure that draws each answer: a row (and an attendant being chosen in it) stays while the
/// board is fetched again, and is redrawn only when its room changes.
#[component]
fn Rows(board: Resource<Result<BoardView, AppError>>, assign: ServerAction<AssignRoom>, act: ServerAction<RoomAct>) -> impl IntoView {
    let query = use_query_map();
    let get = move |k: &str| query.read().get(k).unwrap_or_default();
    let shown = move || {
        let (floor, condition, attendant) = (get("floor"), get("condition"), get("attendant"));
        let rooms = board.get().and_then(Result::ok).map(|v| v.rooms).unwrap_or_default();
        rooms
            .into_iter()
            .filter(|r| floor.is_empty() || r.floor.to_string() == floor)
            .filter(|r| condition.is_empty() || r.condition == condition)
            .filter(|r| attendant.is_empty() || r.attendant_id.as_deref() == Some(attendant.as_str()) || (attendant == "nobody" && r.attendant_id.is_none()))
            .collect::<Vec<BoardRoomView>>()
    };
    let page = move || get("page").parse::<usize>().unwrap_or(0);
    let page_rows = move || shown().into_iter().skip(page() * PER_PAGE).take(PER_PAGE).collect::<Vec<_>>();
    let pager = move || {
        let (page, total) = (page() as u32, shown().len() as u64);
        view! { <Pager page=page per_page=PER_PAGE as u32 total=total/> }
    };
    let attendants = move || board.get_untracked().and_then(Result::ok).map(|v| v.attendants).unwrap_or_default();
    view! {
        <table class="w-full border-collapse rounded-lg bg-white text-left ring-1 ring-slate-200" data-testid="board">
            <caption class="sr-only">"Rooms, most urgent first"</caption>
            <thead class="bg-slate-100 text-sm">
                <tr>
                    <th scope="col" class="px-3 py-2">"Room"</th>
                    <th scope="col" class="px-3 py-2">"State"</th>
                    <th scope="col" class="px-3 py-2">"Attendant"</th>
                </tr>
            </thead>
            <tbody>
                {move || shown().is_empty().then(|| view! { <EmptyRow columns=3 text="No room matches these filters."/> })}
                <For each=page_rows key=super::room_card::state_key let:r>
                    <BoardRow room=r attendants=attendants() assign=assign act=act/>
                </For>
            </tbody>
        </table>
        {pager}
    }
}

/// Plain GET selects: a filtered board is an address like any other.
#[component]
fn Filters(floors: Vec<i32>, attendants: Vec<AttendantView>) -> impl IntoView {
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
                    {CONDITIONS.map(|c| view! { <option value=c>{words(c)}</option> }).collect_view()}
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

#[component]
fn BoardRow(room: BoardRoomView, attendants: Vec<AttendantView>, assign: ServerAction<AssignRoom>, act: ServerAction<RoomAct>) -> impl IntoView {
    let label = format!("Attendant for room {}", room.number);
    let can_redo = matches!(room.condition.as_str(), "clean" | "inspected");
    let (redo_room, redo_label) = (room.id.clone(), format!("Room {} needs cleaning", room.number));
    let current = room.attendant_id.clone().unwrap_or_default();
    view! {
        <tr class="border-t border-slate-200 align-top" data-testid="board-row" data-room=room.number.clone() data-condition=room.condition.clone()>
            <th scope="row" class="px-3 py-2 text-lg font-semibold">{room.number.clone()}<span class="block text-xs font-normal text-slate-600">{format!("Floor {} · {}", room.floor, room.room_type)}</span></th>
            <td class="px-3 py-2">
                <RoomState room=room.clone()/>
                {room.note.clone().map(|n| view! { <p class="mt-1 text-sm text-slate-700">{n}</p> })}
                {can_redo.then(|| view! {
                    <ActionForm action=act attr:class="mt-2">
                        <input type="hidden" name="room" value=redo_room.clone()/>
                        <input type="hidden" name="action" value="needs_cleaning"/>
                        <input type="hidden" name="note" value=""/>
                        <input type="hidden" name="until" value=""/>
                        <input type="hidden" name="key" value=uuid::Uuid::new_v4().to_string()/>
                        <button type="submit" aria-label=redo_label.clone() class="min-h-11 rounded-lg border border-slate-400 bg-white px-3 text-sm">"Needs cleaning"</button>
                    </ActionForm>
                })}
            </td>
            <td class="px-3 py-2">
                <ActionForm action=assign attr:class="flex items-center gap-2">
                    <input type="hidden" name="room" value=room.id.clone()/>
                    <select name="attendant" aria-label=label class="min-h-11 rounded-lg border border-slate-400 bg-white px-2" prop:value=current.clone()>
                        <option value="">"Nobody yet"</option>
                        {attendants.into_iter().map(|a| view! { <option value=a.id.clone() selected=a.id == current>{a.name}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="min-h-11 rounded-lg border border-slate-400 bg-white px-3">"Give"</button>
                </ActionForm>
            </td>
        </tr>
    }
}
