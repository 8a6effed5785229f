//! Room types and rooms: what the hotel sells and where guests sleep. Two lists, each with its
//! form beside it; a retired type or room leaves sales, housekeeping and the desk but is kept
//! for the stays that name it. Retiring asks first.
use crate::api::admin::rooms::{rooms_page, RetireRoom, RetireRoomType, SaveRoom, SaveRoomType};
use crate::components::staff::badge::{Badge, Tone};
use crate::components::staff::dialog::ConfirmDialog;
use crate::components::staff::table::{EmptyRow, HeadRow};
use crate::components::staff::toast::use_toasts;
use crate::dto::admin::{FeatureView, RoomTypeAdminView};
use crate::error::ErrorNotice;
use super::room_list::RoomList;
use super::room_type_form::RoomTypeForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RoomsPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(0);
    let room_type = move || query.read().get("type").unwrap_or_default();
    let save_type = ServerAction::<SaveRoomType>::new();
    let retire_type = ServerAction::<RetireRoomType>::new();
    let save_room = ServerAction::<SaveRoom>::new();
    let retire_room = ServerAction::<RetireRoom>::new();
    // Only a save that worked reloads the lists (and the forms with them): a refused one keeps
    // what was typed, with the error beside its field.
    let saved = RwSignal::new(0u32);
    let changes = move || (saved.get(), retire_type.version().get(), retire_room.version().get());
    let list = Resource::new(move || (page(), room_type(), changes()), |(page, t, _)| rooms_page(page, t));
    let editing = RwSignal::new(None::<RoomTypeAdminView>);
    let toasts = use_toasts();
    Effect::new(move || {
        if let Some(Ok(t)) = save_type.value().get() {
            toasts.say(format!("Saved room type {}: {} at {} a night", t.code, t.name, t.base_price));
            editing.set(None);
            saved.update(|n| *n += 1);
        }
    });
    Effect::new(move || {
        if let Some(Ok(r)) = save_room.value().get() {
            toasts.say(format!("Saved room {} ({}, floor {})", r.number, r.room_type, r.floor));
            saved.update(|n| *n += 1);
        }
    });
    Effect::new(move || match retire_type.value().get() {
        Some(Ok(())) => toasts.say("The room type's sale state is changed"),
        Some(Err(e)) => toasts.say(e.to_string()),
        None => {}
    });
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Rooms"</h1>
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading the rooms…"</p> }>
            {move || list.get().map(|answer| match answer {
                Ok(p) => {
                    let codes: Vec<String> = p.types.iter().filter(|t| !t.retired).map(|t| t.code.clone()).collect();
                    view! {
                        <section aria-labelledby="types-title" class="mb-8">
                            <h2 id="types-title" class="mb-2 text-lg font-semibold">"Room types"</h2>
                            <div class="grid grid-cols-[1fr_26rem] items-start gap-6">
                                <TypeTable types=p.types.clone() editing=editing retire=retire_type/>
                                {move || view! { <RoomTypeForm room_type=editing.get() save=save_type editing=editing/> }}
                            </div>
                        </section>
                        <RoomList page=p codes=codes save=save_room retire=retire_room/>
                    }.into_any()
                }
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn TypeTable(types: Vec<RoomTypeAdminView>, editing: RwSignal<Option<RoomTypeAdminView>>, retire: ServerAction<RetireRoomType>) -> impl IntoView {
    let asking = RwSignal::new(false);
    let chosen = RwSignal::new(None::<RoomTypeAdminView>);
    let title = Signal::derive(move || chosen.get().map(|t| format!("Take {} off sale?", t.name)).unwrap_or_default());
    view! {
        <table class="w-full rounded-lg bg-white text-sm ring-1 ring-slate-200" data-testid="room-types">
            <HeadRow columns=&["Room type", "Code", "Sleeps", "Base price a night", "Rooms", "Features", "Sale", "Actions"]/>
            <tbody>
                {types.is_empty().then(|| view! { <EmptyRow columns=8 text="No room type yet."/> })}
                {types.into_iter().map(|t| {
                    let change = t.clone();
                    let ask = t.clone();
                    let code = t.code.clone();
                    view! {
                        <tr class="border-t border-slate-200 align-top" data-testid="room-type" data-code=t.code.clone()>
                            <th scope="row" class="px-3 py-2 text-left font-medium">{t.name.clone()}</th>
                            <td class="px-3 py-2 font-mono text-xs">{t.code.clone()}</td>
                            <td class="px-3 py-2">{format!("{} adults, {} children", t.max_adults, t.max_children)}</td>
                            <td class="px-3 py-2" data-testid="type-price">{t.base_price.to_string()}</td>
                            <td class="px-3 py-2">{t.rooms}</td>
                            <td class="px-3 py-2"><Features features=t.features.clone()/></td>
                            <td class="px-3 py-2">
                                {if t.retired { view! { <Badge tone=Tone::Neutral label="retired"/> } } else { view! { <Badge tone=Tone::Good label="on sale"/> } }}
                            </td>
                            <td class="flex gap-2 px-3 py-2">
                                <button type="button" aria-label=format!("Change {}", t.name) on:click=move |_| editing.set(Some(change.clone()))
                                    class="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">"Change"</button>
                                {if t.retired {
                                    view! {
                                        <button type="button" aria-label=format!("Put back {} on sale", t.name)
                                            on:click=move |_| { retire.dispatch(RetireRoomType { code: code.clone(), retire: None }); }
                                            class="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">"Put back"</button>
                                    }.into_any()
                                } else {
                                    view! {
                                        <button type="button" aria-label=format!("Retire {}", t.name)
                                            on:click=move |_| { chosen.set(Some(ask.clone())); asking.set(true); }
                                            class="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">"Retire"</button>
                                    }.into_any()
                                }}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <ConfirmDialog id="retire-type" open=asking title=title
            message="Guests can no longer book it. Its past and booked stays are kept. Only a type without rooms can be retired."
            confirm_label="Retire the room type"
            on_confirm=move |_| if let Some(t) = chosen.get_untracked() { retire.dispatch(RetireRoomType { code: t.code, retire: Some("on".into()) }); }/>
    }
}

/// A room's or room type's features, each with its kind.
#[component]
pub fn Features(features: Vec<FeatureView>) -> impl IntoView {
    view! {
        <ul class="flex flex-wrap gap-1">
            {features.into_iter().map(|f| view! {
                <li class="rounded bg-slate-100 px-2 py-0.5 text-xs" title=f.kind.clone()>
                    {format!("{}: {}", f.key.replace('_', " "), f.value)}
                </li>
            }).collect_view()}
        </ul>
    }
}
