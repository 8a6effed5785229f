//! An attendant's rooms for today, most urgent first, each a card of large touch targets: start,
//! finish, the guest's request, what was found at the door. Presses go through the tablet's
//! queue, so they survive a dead spot; the list follows changes made anywhere.
use super::queue::{QueueNotice, Queue};
use super::room_card::RoomState;
use crate::api::housekeeping::board::my_rooms;
use crate::components::live::use_live;
use crate::dto::housekeeping::BoardRoomView;
use crate::error::ErrorNotice;
use crate::live::Area;
use leptos::prelude::*;

const BUTTON: &str = "min-h-12 min-w-28 rounded-lg px-4 py-2 text-base font-medium focus:outline-none focus-visible:ring-4 focus-visible:ring-teal-400";
const PRIMARY: &str = "bg-teal-800 text-white active:bg-teal-900";
const SECONDARY: &str = "border border-slate-400 bg-white text-slate-900 active:bg-slate-100";

#[component]
pub fn MyRoomsPage() -> impl IntoView {
    let queue = Queue::new();
    let live = use_live(Area::Housekeeping);
    let rooms = Resource::new(move || (live.changes.get(), queue.sent.get()), |_| my_rooms());
    // The list as it is now is what an offline reload shows (public/housekeeping-sw.js).
    Effect::new(move || {
        if rooms.with(|r| matches!(r, Some(Ok(_)))) {
            keep_for_offline();
        }
    });
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"My rooms"</h1>
        <QueueNotice queue=queue/>
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading your rooms…"</p> }>
            {move || rooms.get().map(|answer| match answer {
                Ok(list) if list.is_empty() => Some(view! {
                    <p class="rounded-lg bg-white p-6 text-slate-700 ring-1 ring-slate-200" data-testid="no-rooms">
                        "No rooms are given to you today. Your supervisor assigns them on the board."
                    </p>
                }.into_any()),
                Ok(_) => None,
                Err(e) => Some(view! { <ErrorNotice error=e/> }.into_any()),
            })}
            <ul class="grid gap-3 md:grid-cols-2" data-testid="my-rooms">
                // Keyed by the room and its state, outside the closure above: a card is redrawn
                // when its room changes, not whenever the list is fetched again.
                <For each=move || rooms.get().and_then(Result::ok).unwrap_or_default() key=super::room_card::state_key let:room>
                    <RoomCardActions room=room queue=queue/>
                </For>
            </ul>
        </Transition>
    }
}

/// What can be done now, as `(action, label, primary)`.
fn buttons(room: &BoardRoomView) -> Vec<(&'static str, &'static str, bool)> {
    let make_up = room.guest_service == "make_up_requested";
    let keeps_out = matches!(room.guest_service.as_str(), "do_not_disturb" | "refused_service");
    let mut b = Vec::new();
    if !keeps_out {
        match room.condition.as_str() {
            "dirty" => b.extend([("start", "Start cleaning", true), ("finish", "Finished", false)]),
            "cleaning" => b.push(("finish", "Finished", true)),
            "clean" | "inspected" if make_up => b.push(("start", "Start cleaning", true)),
            _ => {}
        }
    }
    if room.occupancy == "occupied" {
        if room.guest_service == "none" {
            b.extend([("do_not_disturb", "Do not disturb", false), ("refused_service", "Refused service", false)]);
        } else {
            b.push(("no_request", "Request over", false));
        }
        b.push(("found_vacant", "Found empty", false));
    } else {
        b.push(("found_occupied", "Found slept in", false));
    }
    b
}

#[component]
fn RoomCardActions(room: BoardRoomView, queue: Queue) -> impl IntoView {
    let id = room.id.clone();
    let number = room.number.clone();
    let waiting = {
        let id = id.clone();
        move || queue.waiting.with(|w| w.iter().filter(|p| p.room == id).map(|p| p.label.clone()).collect::<Vec<_>>())
    };
    let heading = format!("Room {}", room.number);
    view! {
        <li class="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="room-card" data-room=room.number.clone() data-condition=room.condition.clone()>
            <div class="mb-2 flex items-baseline justify-between gap-3">
                <h2 class="text-xl font-semibold">{heading}</h2>
                <span class="text-sm text-slate-600">{format!("Floor {}", room.floor)}</span>
            </div>
            <RoomState room=room.clone()/>
            {room.arriving.clone().map(|p| view! { <p class="mt-2 text-sm text-slate-700">{format!("Arriving today: {p}")}</p> })}
            {room.arrival_note.clone().map(|n| view! { <p class="mt-1 text-sm text-slate-700" data-testid="arrival-note">{format!("The desk says: {n}")}</p> })}
            {room.note.clone().map(|n| view! { <p class="mt-2 text-sm text-slate-700">{format!("Note: {n}")}</p> })}
            {move || {
                let w = waiting();
                (!w.is_empty()).then(|| view! { <p class="mt-2 text-sm font-medium text-amber-900" data-testid="card-waiting">{format!("Waiting to send: {}", w.join(", "))}</p> })
            }}
            <div class="mt-3 flex flex-wrap gap-2">
                {buttons(&room).into_iter().map(|(action, label, primary)| {
                    let (id, number) = (id.clone(), number.clone());
                    let class = format!("{BUTTON} {}", if primary { PRIMARY } else { SECONDARY });
                    view! {
                        <button type="button" class=class data-action=action
                            on:click=move |_| queue.press(&id, &number, action, label, String::new())>
                            {label}
                        </button>
                    }
                }).collect_view()}
                <a href=format!("/housekeeping/report?room={id}") class=format!("{BUTTON} {SECONDARY} inline-flex items-center")
                    aria-label=format!("Report a problem in room {number}")>"Report a problem"</a>
            </div>
        </li>
    }
}

fn keep_for_offline() {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::{JsCast, JsValue};
        use leptos::web_sys::js_sys::{Function, Reflect};
        let Some(window) = leptos::web_sys::window() else { return };
        let keep = Reflect::get(&window, &JsValue::from_str("hotelOffline"))
            .and_then(|o| Reflect::get(&o, &JsValue::from_str("keep")))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        if let Some(keep) = keep {
            let _ = keep.call0(&JsValue::NULL);
        }
    }
}
