//! The supervisor's board: counts at the top, one page of the rooms the filters keep (the
//! server filters and pages), most urgent first (a guest waiting for a room not ready leads);
//! each room can be given to an attendant here, or all of them shared out at once. A change
//! pushed for one room redraws that room alone (`patches.rs`).
use super::board_filters::Summary;
use super::distribute::DistributeHeading;
use super::patches::RoomPatches;
use super::room_card::RoomState;
use crate::api::housekeeping::act::RoomAct;
use crate::api::housekeeping::assign::{AssignRoom, DistributeRooms};
use crate::api::housekeeping::board::{housekeeping_board, BOARD_PER_PAGE};
use crate::components::staff::table::{EmptyRow, HeadRow, Pager};
use crate::dto::housekeeping::{AttendantView, BoardRoomView, BoardView};
use crate::error::{AppError, ErrorNotice};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BoardPage() -> impl IntoView {
    let assign = ServerAction::<AssignRoom>::new();
    let distribute = ServerAction::<DistributeRooms>::new();
    let act = ServerAction::<RoomAct>::new();
    let patches = RoomPatches::new();
    let query = use_query_map();
    let filters = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        (get("floor"), get("condition"), get("attendant"), get("page").parse::<u32>().unwrap_or(0))
    };
    let board = Resource::new(
        move || (filters(), patches.changes.get(), assign.version().get(), distribute.version().get()),
        |((floor, condition, attendant, page), ..)| housekeeping_board(floor, condition, attendant, page),
    );
    Effect::new(move || {
        if board.with(|b| matches!(b, Some(Ok(_)))) {
            patches.forget();
        }
    });
    Effect::new(move || {
        if let Some(Ok(room)) = act.value().get() {
            patches.put(room);
        }
    });
    view! {
        <DistributeHeading title="Board" distribute=distribute/>
        {move || assign.value().get().and_then(Result::err).map(|e| view! { <ErrorNotice error=e/> })}
        {move || act.value().get().and_then(Result::err).map(|e| view! { <ErrorNotice error=e/> })}
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading the board…"</p> }>
            {move || board.get().map(|answer| match answer {
                Ok(view) => view! { <Summary view=view/> }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
            <Rows board=board patches=patches assign=assign act=act/>
        </Transition>
    }
}

/// The page's rooms. Keyed by the room and its state outside the closure that draws each
/// answer: a row (and an attendant being chosen in it) stays while the board is fetched again,
/// and is redrawn only when its room changes.
#[component]
fn Rows(
    board: Resource<Result<BoardView, AppError>>,
    patches: RoomPatches,
    assign: ServerAction<AssignRoom>,
    act: ServerAction<RoomAct>,
) -> impl IntoView {
    let answer = move || board.get().and_then(Result::ok);
    let rows = move || patches.apply(answer().map(|v| v.rooms).unwrap_or_default());
    let pager = move || {
        answer().map(|v| view! { <Pager page=v.page per_page=BOARD_PER_PAGE total=v.total/> })
    };
    let attendants = move || board.get_untracked().and_then(Result::ok).map(|v| v.attendants).unwrap_or_default();
    view! {
        <table class="w-full border-collapse rounded-lg bg-white text-left ring-1 ring-slate-200" data-testid="board">
            <caption class="sr-only">"Rooms, most urgent first"</caption>
            <HeadRow columns=&["Room", "State", "Attendant"]/>
            <tbody>
                {move || answer().is_some_and(|v| v.total == 0).then(|| view! { <EmptyRow columns=3 text="No room matches these filters."/> })}
                <For each=rows key=super::room_card::state_key let:r>
                    <BoardRow room=r attendants=attendants() assign=assign act=act/>
                </For>
            </tbody>
        </table>
        {pager}
    }
}

#[component]
fn BoardRow(room: BoardRoomView, attendants: Vec<AttendantView>, assign: ServerAction<AssignRoom>, act: ServerAction<RoomAct>) -> impl IntoView {
    let label = format!("Attendant for room {}", room.number);
    let can_redo = matches!(room.condition.as_str(), "clean" | "inspected");
    let (redo_room, redo_label) = (room.id.clone(), format!("Room {} needs cleaning", room.number));
    let current = room.attendant_id.clone().unwrap_or_default();
    let (report, report_label) = (format!("/housekeeping/report?room={}", room.id), format!("Report a problem in room {}", room.number));
    view! {
        <tr class="border-t border-slate-200 align-top" data-testid="board-row" data-room=room.number.clone() data-condition=room.condition.clone()>
            <th scope="row" class="px-3 py-2 text-lg font-semibold">{room.number.clone()}<span class="block text-xs font-normal text-slate-600">{format!("Floor {} · {}", room.floor, room.room_type)}</span></th>
            <td class="px-3 py-2">
                <RoomState room=room.clone()/>
                {room.note.clone().map(|n| view! { <p class="mt-1 text-sm text-slate-700">{n}</p> })}
                {room.arrival_note.clone().map(|n| view! { <p class="mt-1 text-sm text-slate-700">{format!("The desk says: {n}")}</p> })}
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
                <a href=report aria-label=report_label class="mt-2 inline-flex min-h-11 items-center text-sm underline">"Report a problem"</a>
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
