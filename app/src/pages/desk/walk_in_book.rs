//! The stay of a new booking and how it is paid: dates and party, the room types free for them
//! at the guest site's prices, the chosen one's quote night by night, then the card now or the
//! balance at check-out. The form's key is kept while an answer may still come and renewed
//! after a refusal, so a retried submit books once; the booking opens on its stay page.
use super::folio_forms::{described, Answer, FieldError, FormError, INPUT, SUBMIT};
use super::stay::{CARD, H2};
use super::walk_in::{Chosen, Free};
use crate::api::desk::walk_in::DeskBook;
use crate::components::stay::{nights, LiveQuote, StayFields, StayInputs};
use crate::dto::AvailabilityView;
use crate::error::{AppError, ErrorNotice};
use leptos::prelude::*;

#[component]
pub(super) fn BookStep(
    chosen: Chosen,
    inputs: StayInputs,
    promo: RwSignal<String>,
    free: Free,
) -> impl IntoView {
    let book = ServerAction::<DeskBook>::new();
    let answer: Answer = Signal::derive(move || book.value().get().map(|r| r.map(|_| ())));
    let key = RwSignal::new(uuid::Uuid::new_v4().to_string());
    Effect::new(move |_| {
        if let Some(Err(e)) = book.value().get() {
            if !matches!(e, AppError::Network | AppError::Internal) {
                key.set(uuid::Uuid::new_v4().to_string());
            }
        }
    });
    let room_type = RwSignal::new(String::new());
    let card = RwSignal::new(false);
    let guest_id = move || chosen.get().map(|g| g.id).unwrap_or_default();
    view! {
        <ActionForm action=book attr:class=format!("{CARD} grid gap-3") attr:aria-labelledby="walk-in-stay" attr:data-testid="walk-in-book">
            <h2 id="walk-in-stay" class=H2>"2. Stay and payment"</h2>
            <input type="hidden" name="guest" prop:value=guest_id/>
            <input type="hidden" name="idempotency_key" prop:value=key/>
            <FieldError answer form="book" name="guest"/>
            <div class="flex flex-wrap items-end gap-4 text-sm">
                <StayFields inputs max_adults=Signal::stored(4) max_children=Signal::stored(3)/>
                <label class="grid gap-1">"Promo code (optional)"
                    <input type="text" name="promo" maxlength="40" autocomplete="off" class=format!("{INPUT} uppercase") prop:value=promo
                        on:change=move |ev| promo.set(event_target_value(&ev)) aria-describedby=described("book", "promo")/>
                </label>
            </div>
            <FieldError answer form="book" name="check_in"/>
            <FieldError answer form="book" name="adults"/>
            <FieldError answer form="book" name="promo"/>
            <RoomTypes free room_type/>
            <FieldError answer form="book" name="room_type"/>
            <Show when=move || !room_type.get().is_empty()>
                <div class="rounded bg-slate-50 p-3 text-sm" data-testid="walk-in-quote">
                    <LiveQuote room_type=room_type.into() inputs promo=promo.into()/>
                </div>
            </Show>
            <Payment card/>
            <FieldError answer form="book" name="payment"/>
            <FieldError answer form="book" name="card_number"/>
            <div class="flex items-center gap-3">
                <button type="submit" class=SUBMIT disabled=move || chosen.get().is_none() || book.pending().get()>
                    {move || if book.pending().get() { "Booking…" } else { "Book" }}
                </button>
                {move || chosen.get().is_none().then(|| view! { <span class="text-sm text-slate-700">"Choose the guest first."</span> })}
            </div>
            <FormError answer/>
        </ActionForm>
    }
}

/// The room types for the stay as typed, each with its price for the whole stay, or why not.
#[component]
fn RoomTypes(free: Free, room_type: RwSignal<String>) -> impl IntoView {
    view! {
        <fieldset class="grid gap-1 text-sm" aria-describedby=described("book", "room_type")>
            <legend class="mb-1 font-medium">"Room type"</legend>
            <Transition fallback=|| view! { <p class="text-slate-700">"Looking for free rooms…"</p> }>
                {move || free.get().map(|found| match found {
                    None => view! { <p class="text-slate-700">"Choose the dates to see the free rooms."</p> }.into_any(),
                    Some(Ok(types)) if types.is_empty() => view! { <p>"No room type fits this party."</p> }.into_any(),
                    Some(Ok(types)) => types.into_iter().map(|a| view! { <RoomTypeChoice a room_type/> }).collect_view().into_any(),
                    Some(Err(e)) => view! { <ErrorNotice error=e/> }.into_any(),
                })}
            </Transition>
        </fieldset>
    }
}

#[component]
fn RoomTypeChoice(a: AvailabilityView, room_type: RwSignal<String>) -> impl IntoView {
    let bookable = a.total.is_some() && a.rooms_free > 0;
    let words = match (&a.total, &a.refusal) {
        _ if a.rooms_free == 0 => "fully booked".to_owned(),
        (Some(total), _) => format!("{total} for {} · {} free", nights(a.nights), a.rooms_free),
        (None, Some(why)) => why.clone(),
        (None, None) => "not bookable for these dates".to_owned(),
    };
    let code = a.code.clone();
    let value = a.code.clone();
    view! {
        <label class="flex items-center gap-2 rounded px-2 py-1 has-[:checked]:bg-slate-100" data-testid="room-type-choice">
            <input type="radio" name="room_type" value=a.code.clone() required disabled=!bookable
                prop:checked=move || room_type.get() == code on:change=move |_| room_type.set(value.clone())/>
            <span class="font-medium">{a.name.clone()}</span>
            <span class=if bookable { "text-slate-700" } else { "text-slate-600 line-through" }>{words}</span>
        </label>
    }
}

/// The card now, or the balance left on the folio for check-out.
#[component]
fn Payment(card: RwSignal<bool>) -> impl IntoView {
    view! {
        <fieldset class="grid gap-2 text-sm" aria-describedby=described("book", "payment")>
            <legend class="mb-1 font-medium">"Payment"</legend>
            <div class="flex gap-4">
                <label class="flex items-center gap-1"><input type="radio" name="payment" value="later"
                    prop:checked=move || !card.get() on:change=move |_| card.set(false)/>"At check-out"</label>
                <label class="flex items-center gap-1"><input type="radio" name="payment" value="card"
                    prop:checked=card on:change=move |_| card.set(true)/>"Card now"</label>
            </div>
            <Show when=move || card.get()>
                <div class="flex flex-wrap gap-2">
                    <label class="grid gap-1">"Card number"
                        <input type="text" name="card_number" inputmode="numeric" autocomplete="off" required class=INPUT
                            aria-describedby=described("book", "card_number")/>
                    </label>
                    <label class="grid w-16 gap-1">"Month"<input type="text" name="card_month" inputmode="numeric" required class=INPUT placeholder="12"/></label>
                    <label class="grid w-20 gap-1">"Year"<input type="text" name="card_year" inputmode="numeric" required class=INPUT placeholder="2030"/></label>
                    <label class="grid w-16 gap-1">"CVC"<input type="text" name="card_cvc" inputmode="numeric" autocomplete="off" required class=INPUT/></label>
                </div>
            </Show>
        </fieldset>
    }
}
