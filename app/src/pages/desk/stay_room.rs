//! The stay page's move to another room: the rooms the stay could go to, each with its type
//! and housekeeping state; a question first when the guest would sleep tonight in a room that
//! is not ready (the server decides which, and refuses the move without the answer). A refusal
//! is read out beside the control; a move done is said by the page's toast.
use crate::api::booking_actions::MoveBooking;
use crate::components::staff::badge::HousekeepingBadge;
use crate::components::staff::dialog::ConfirmDialog;
use crate::dto::desk::FreeRoomView;
use crate::error::{AppError, ErrorNotice};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// The rooms the stay could move to, as the stay page loads them.
pub type FreeRooms = Resource<Result<Vec<FreeRoomView>, AppError>>;

#[component]
pub fn MoveRoom(
    booking_id: String,
    rooms: FreeRooms,
    move_room: ServerAction<MoveBooking>,
    #[prop(into)] busy: Signal<bool>,
) -> impl IntoView {
    let id = StoredValue::new(booking_id);
    let chosen = RwSignal::new(None::<FreeRoomView>);
    let ask = RwSignal::new(false);
    // The stay is drawn anew after every action: only refusals of moves asked from here show.
    let asked_from = move_room.version().get_untracked();
    let refused = move || {
        (move_room.version().get() > asked_from)
            .then(|| move_room.value().get().and_then(Result::err))
            .flatten()
    };
    // A refusal may mean the list was stale (the room was just taken or dirtied): read it again.
    Effect::new(move |_| {
        if refused().is_some() {
            rooms.refetch();
        }
    });
    let send = move |confirm_not_ready: bool| {
        if let Some(room) = chosen.get_untracked() {
            move_room.dispatch(MoveBooking {
                id: id.get_value(),
                room_number: room.number,
                confirm_not_ready,
            });
        }
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match chosen.get_untracked() {
            Some(room) if room.confirm.is_some() => ask.set(true),
            Some(_) => send(false),
            None => {}
        }
    };
    let question = move || chosen.get().and_then(|r| r.confirm).unwrap_or_default();
    let title = move || {
        chosen
            .get()
            .map(|r| format!("Move to room {}?", r.number))
            .unwrap_or_default()
    };
    view! {
        <form on:submit=submit class="grid w-full gap-2" data-testid="move-room">
            <fieldset class="grid gap-2" aria-describedby="move-room-refused">
                <legend class="mb-1 text-sm font-medium">"Move to another room"</legend>
                <Transition fallback=|| view! { <p class="text-sm text-slate-700">"Finding free rooms…"</p> }>
                    {move || rooms.get().map(|answer| match answer {
                        Ok(list) if list.is_empty() => view! {
                            <p class="text-sm text-slate-700">"No other room is free for every night of this stay."</p>
                        }.into_any(),
                        Ok(list) => view! { <RoomChoices list=list chosen=chosen/> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    })}
                </Transition>
            </fieldset>
            <div class="flex items-center gap-3">
                <button type="submit" disabled=move || busy.get() || chosen.with(Option::is_none)
                    class="rounded bg-sky-800 px-4 py-1.5 text-white hover:bg-sky-900 disabled:opacity-50">"Move room"</button>
            </div>
            <div id="move-room-refused" data-testid="move-refused">
                {move || refused().map(|e| view! { <ErrorNotice error=e/> })}
            </div>
        </form>
        <ConfirmDialog id="move-room-confirm" open=ask title=Signal::derive(title) message=Signal::derive(question)
            confirm_label="Move the guest" on_confirm=move |_| send(true)/>
    }
    // Erased: the stay page's view type is deep enough already for the compiler's limits.
    .into_any()
}

/// One radio button per free room: its number, type, housekeeping state and, when someone is
/// still in it, that too.
#[component]
fn RoomChoices(list: Vec<FreeRoomView>, chosen: RwSignal<Option<FreeRoomView>>) -> impl IntoView {
    view! {
        <ul class="grid max-h-64 grid-cols-3 gap-1 overflow-y-auto rounded border border-slate-200 p-1" data-testid="free-rooms">
            {list.into_iter().map(|room| {
                let number = room.number.clone();
                let checked = move || chosen.with(|c| c.as_ref().is_some_and(|c| c.number == number));
                let occupied = (room.occupancy == "occupied").then_some("occupied");
                let (label, kind, housekeeping) = (format!("Room {}", room.number), room.room_type.clone(), room.housekeeping.clone());
                view! {
                    <li>
                        <label class="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50 has-[:checked]:bg-sky-50" data-testid="free-room">
                            <input type="radio" name="room_number" value=room.number.clone() prop:checked=checked
                                    data-housekeeping=housekeeping.clone()
                                on:change=move |_| chosen.set(Some(room.clone()))/>
                            <span class="font-medium">{label}</span>
                            <span class="text-slate-700">{kind}</span>
                            <HousekeepingBadge state=Some(housekeeping)/>
                            {occupied.map(|o| view! { <span class="text-slate-700">{o}</span> })}
                        </label>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
