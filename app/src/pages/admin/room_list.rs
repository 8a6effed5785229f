//! The rooms, paged and narrowed to one type, with the form that adds or changes one.
use crate::components::staff::form::{beside, INPUT};
use super::rooms::Features;
use crate::api::admin::rooms::{RetireRoom, SaveRoom, ROOMS_PER_PAGE};
use crate::components::staff::badge::{Badge, HousekeepingBadge, Tone};
use crate::components::staff::dialog::ConfirmDialog;
use crate::components::staff::table::{EmptyRow, HeadRow, Pager};
use crate::components::staff::toast::use_toasts;
use crate::dto::admin::{RoomAdminView, RoomsAdminPageView};
use crate::error::{AppError, ErrorNotice};
use leptos::prelude::*;

#[component]
pub fn RoomList(page: RoomsAdminPageView, codes: Vec<String>, save: ServerAction<SaveRoom>, retire: ServerAction<RetireRoom>) -> impl IntoView {
    let editing = RwSignal::new(None::<RoomAdminView>);
    let asking = RwSignal::new(false);
    let chosen = RwSignal::new(None::<RoomAdminView>);
    let toasts = use_toasts();
    Effect::new(move || match retire.value().get() {
        Some(Ok(r)) => toasts.say(if r.retired { format!("Room {} is retired", r.number) } else { format!("Room {} is back in the inventory", r.number) }),
        Some(Err(e)) => toasts.say(e.to_string()),
        None => {}
    });
    let title = Signal::derive(move || chosen.get().map(|r| format!("Retire room {}?", r.number)).unwrap_or_default());
    let filter_codes = codes.clone();
    view! {
        <section aria-labelledby="rooms-title">
            <h2 id="rooms-title" class="mb-2 text-lg font-semibold">"Rooms"</h2>
            <form method="get" class="mb-3 flex items-end gap-2 text-sm">
                <label class="grid gap-1">"Room type"
                    <select name="type" class=INPUT>
                        <option value="" selected=page.room_type.is_empty()>"Every type"</option>
                        {filter_codes.into_iter().map(|c| view! { <option value=c.clone() selected=c == page.room_type>{c.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="min-h-10 rounded border border-slate-400 px-3 hover:bg-slate-100">"Show"</button>
            </form>
            <div class="grid grid-cols-[1fr_26rem] items-start gap-6">
                <div>
                    <table class="w-full rounded-lg bg-white text-sm ring-1 ring-slate-200" data-testid="rooms">
                        <HeadRow columns=&["Room", "Floor", "Type", "Features", "State", "Actions"]/>
                        <tbody>
                            {page.rooms.is_empty().then(|| view! { <EmptyRow columns=6 text="No room here yet."/> })}
                            {page.rooms.into_iter().map(|r| view! { <RoomRow room=r editing=editing chosen=chosen asking=asking retire=retire/> }).collect_view()}
                        </tbody>
                    </table>
                    <Pager page=page.page per_page=ROOMS_PER_PAGE total=page.total/>
                </div>
                {move || view! { <RoomForm room=editing.get() codes=codes.clone() save=save editing=editing/> }}
            </div>
            <ConfirmDialog id="retire-room" open=asking title=title
                message="It leaves sales, housekeeping and the desk for good; its past stays are kept. A room with stays ahead, or with a guest in it, cannot be retired."
                confirm_label="Retire the room"
                on_confirm=move |_| if let Some(r) = chosen.get_untracked() { retire.dispatch(RetireRoom { id: r.id, retire: Some("on".into()) }); }/>
        </section>
    }
}

#[component]
fn RoomRow(room: RoomAdminView, editing: RwSignal<Option<RoomAdminView>>, chosen: RwSignal<Option<RoomAdminView>>, asking: RwSignal<bool>, retire: ServerAction<RetireRoom>) -> impl IntoView {
    let change = room.clone();
    let ask = room.clone();
    let id = room.id.clone();
    let state = if room.retired {
        view! { <Badge tone=Tone::Neutral label="retired"/> }.into_any()
    } else {
        view! { <HousekeepingBadge state=Some(room.state.clone())/> }.into_any()
    };
    view! {
        <tr class="border-t border-slate-200 align-top" data-testid="room" data-number=room.number.clone()>
            <th scope="row" class="px-3 py-2 text-left font-medium">{room.number.clone()}</th>
            <td class="px-3 py-2">{room.floor}</td>
            <td class="px-3 py-2 font-mono text-xs">{room.room_type.clone()}</td>
            <td class="px-3 py-2"><Features features=room.features.clone()/></td>
            <td class="px-3 py-2">{state}{room.occupied.then(|| view! { <span class="ml-1"><Badge tone=Tone::Info label="occupied"/></span> })}</td>
            <td class="flex gap-2 px-3 py-2">
                <button type="button" aria-label=format!("Change room {}", room.number) on:click=move |_| editing.set(Some(change.clone()))
                    class="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">"Change"</button>
                {if room.retired {
                    view! {
                        <button type="button" aria-label=format!("Put back room {}", room.number)
                            on:click=move |_| { retire.dispatch(RetireRoom { id: id.clone(), retire: None }); }
                            class="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">"Put back"</button>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" aria-label=format!("Retire room {}", room.number)
                            on:click=move |_| { chosen.set(Some(ask.clone())); asking.set(true); }
                            class="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">"Retire"</button>
                    }.into_any()
                }}
            </td>
        </tr>
    }
}

#[component]
fn RoomForm(room: Option<RoomAdminView>, codes: Vec<String>, save: ServerAction<SaveRoom>, editing: RwSignal<Option<RoomAdminView>>) -> impl IntoView {
    let error = move || save.value().get().and_then(Result::err);
    let other = move || error().filter(|e| !matches!(e, AppError::InvalidField { .. }));
    let new = room.is_none();
    let r = room.unwrap_or(RoomAdminView {
        id: String::new(), number: String::new(), floor: 1, room_type: codes.first().cloned().unwrap_or_default(),
        features_text: String::new(), features: Vec::new(), notes: String::new(), state: String::new(), occupied: false, retired: false,
    });
    view! {
        <section class="rounded-lg bg-white p-4 ring-1 ring-slate-200" aria-labelledby="room-form-title">
            <h3 id="room-form-title" class="mb-3 text-lg font-semibold">{if new { "Add a room".to_owned() } else { format!("Change room {}", r.number) }}</h3>
            <ActionForm action=save attr:class="grid gap-3" attr:data-testid="room-form">
                <input type="hidden" name="id" value=r.id.clone()/>
                <div class="grid grid-cols-2 gap-3">
                    <label class="grid gap-1 text-sm">"Number"
                        <input name="number" value=r.number.clone() class=INPUT aria-describedby="r-number-error" autocomplete="off" required=true/>
                        {beside(error, "number", "r-")}
                    </label>
                    <label class="grid gap-1 text-sm">"Floor"
                        <input name="floor" value=r.floor.to_string() inputmode="numeric" class=INPUT aria-describedby="r-floor-error" required=true/>
                        {beside(error, "floor", "r-")}
                    </label>
                </div>
                <label class="grid gap-1 text-sm">"Room type"
                    <select name="room_type" class=INPUT aria-describedby="r-room_type-error">
                        {codes.iter().map(|c| view! { <option value=c.clone() selected=*c == r.room_type>{c.clone()}</option> }).collect_view()}
                    </select>
                    {beside(error, "room_type", "r-")}
                </label>
                <label class="grid gap-1 text-sm">"Features of this room, over its type's (key: value a line)"
                    <textarea name="features" rows="3" class="rounded border border-slate-400 px-2 py-1 font-mono text-xs" aria-describedby="r-features-error">{r.features_text.clone()}</textarea>
                    {beside(error, "features", "r-")}
                </label>
                <label class="grid gap-1 text-sm">"Notes for staff"
                    <textarea name="notes" rows="2" class="rounded border border-slate-400 px-2 py-1" aria-describedby="r-notes-error">{r.notes.clone()}</textarea>
                    {beside(error, "notes", "r-")}
                </label>
                {move || other().map(|e| view! { <ErrorNotice error=e/> })}
                <div class="flex gap-2">
                    <button type="submit" disabled=move || save.pending().get()
                        class="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 disabled:opacity-50">
                        {move || if save.pending().get() { "Saving… (a room with stays is checked twice)" } else if new { "Add the room" } else { "Save the change" }}
                    </button>
                    {(!new).then(|| view! {
                        <button type="button" on:click=move |_| editing.set(None) class="rounded border border-slate-400 px-4 py-2 hover:bg-slate-100">"Cancel"</button>
                    })}
                </div>
            </ActionForm>
        </section>
    }
}
