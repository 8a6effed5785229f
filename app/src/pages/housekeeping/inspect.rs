//! The supervisor's round: rooms cleaned and waiting for inspection; pass, or fail with the
//! reason the attendant will read.
use super::room_card::RoomState;
use crate::api::housekeeping::act::RoomAct;
use crate::api::housekeeping::board::rooms_to_inspect;
use crate::components::live::use_live;
use crate::components::staff::toast::use_toasts;
use crate::dto::housekeeping::BoardRoomView;
use crate::error::ErrorNotice;
use crate::live::Area;
use leptos::prelude::*;

#[component]
pub fn InspectPage() -> impl IntoView {
    let done = RwSignal::new(0_u64);
    let live = use_live(Area::Housekeeping);
    let rooms = Resource::new(move || (live.changes.get(), done.get()), |_| rooms_to_inspect());
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Inspect"</h1>
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading the rooms to inspect…"</p> }>
            {move || rooms.get().map(|answer| match answer {
                Ok(list) if list.is_empty() => Some(view! {
                    <p class="rounded-lg bg-white p-6 text-slate-700 ring-1 ring-slate-200" data-testid="none-to-inspect">"No room is waiting for inspection."</p>
                }.into_any()),
                Ok(_) => None,
                Err(e) => Some(view! { <ErrorNotice error=e/> }.into_any()),
            })}
            <ul class="grid gap-3 md:grid-cols-2" data-testid="to-inspect">
                // Outside the closure above and keyed by the room and its state: a card, and what
                // its action answered, stay while the list around it is fetched again.
                <For each=move || rooms.get().and_then(Result::ok).unwrap_or_default() key=super::room_card::state_key let:room>
                    <InspectCard room=room done=done/>
                </For>
            </ul>
        </Transition>
    }
}

#[component]
fn InspectCard(room: BoardRoomView, done: RwSignal<u64>) -> impl IntoView {
    let act = ServerAction::<RoomAct>::new();
    let toasts = use_toasts();
    Effect::new(move || {
        if let Some(Ok(room)) = act.value().get() {
            toasts.say(format!("Room {} is {}", room.number, room.condition.replace('_', " ")));
            done.update(|n| *n += 1);
        }
    });
    let (pass_room, fail_room) = (room.id.clone(), room.id.clone());
    let reason_id = format!("reason-{}", room.number);
    let (label_for, error_id) = (reason_id.clone(), format!("reason-error-{}", room.number));
    let described_by = error_id.clone();
    let field_error = move || act.value().get().and_then(Result::err).and_then(|e| e.for_field("note"));
    let other_error = move || act.value().get().and_then(Result::err).filter(|e| e.for_field("note").is_none());
    let key = || uuid::Uuid::new_v4().to_string();
    let button = "min-h-12 min-w-28 rounded-lg px-4 text-base font-medium focus-visible:ring-4 focus-visible:ring-teal-400";
    view! {
        <li class="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="inspect-card" data-room=room.number.clone()>
            <h2 class="mb-2 text-xl font-semibold">{format!("Room {}", room.number)}</h2>
            <RoomState room=room.clone()/>
            {room.attendant.clone().map(|a| view! { <p class="mt-2 text-sm text-slate-700">{format!("Cleaned by {a}")}</p> })}
            <div class="mt-3 flex flex-wrap items-end gap-2">
                <ActionForm action=act>
                    <input type="hidden" name="room" value=pass_room.clone()/>
                    <input type="hidden" name="action" value="pass"/>
                    <input type="hidden" name="note" value=""/>
                    <input type="hidden" name="until" value=""/>
                    <input type="hidden" name="key" value=key()/>
                    <button type="submit" class=format!("{button} bg-teal-800 text-white")>"Pass"</button>
                </ActionForm>
                <ActionForm action=act attr:class="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="room" value=fail_room.clone()/>
                    <input type="hidden" name="action" value="fail"/>
                    <input type="hidden" name="until" value=""/>
                    <input type="hidden" name="key" value=key()/>
                    <label for=label_for.clone() class="flex flex-col text-sm">"Why it fails"
                        <input id=reason_id.clone() name="note" type="text" maxlength="500" class="min-h-11 rounded-lg border border-slate-400 px-3"
                            aria-describedby=described_by.clone()/>
                    </label>
                    <button type="submit" class=format!("{button} border border-rose-400 bg-white text-rose-900")>"Fail"</button>
                    <p id=error_id.clone() class="w-full text-sm text-rose-800" data-testid="reason-error">{field_error}</p>
                </ActionForm>
            </div>
            {move || other_error().map(|e| view! { <ErrorNotice error=e/> })}
        </li>
    }
}
