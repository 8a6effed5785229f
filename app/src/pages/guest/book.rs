use crate::api::checkout::Book;
use crate::api::rooms::room_type;
use crate::api::session::whoami;
use crate::components::stay::{LiveQuote, StayFields, StayInputs};
use crate::dto::RoomTypeView;
use crate::error::ErrorNotice;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// A room type's page with the booking form. Dates, party and promo code can come from the
/// search through the query string.
#[component]
pub fn BookPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let room = Resource::new(code, room_type);
    let me = Resource::new(|| (), |_| whoami());
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let signed_in = matches!(me.await, Ok(Some(_)));
                match room.await {
                    Ok(room) => view! { <RoomDetail room signed_in/> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RoomDetail(room: RoomTypeView, signed_in: bool) -> impl IntoView {
    let book = ServerAction::<Book>::new();
    let query = use_query_map().get_untracked();
    let get = |k: &str| query.get(k).unwrap_or_default();
    let adults = get("adults").parse().unwrap_or(2).clamp(1, room.max_adults.max(1));
    let children = get("children").parse().unwrap_or(0).min(room.max_children);
    let inputs = StayInputs::new(get("check_in"), get("check_out"), adults, children);
    let promo = RwSignal::new(get("promo"));
    let key = uuid::Uuid::new_v4().to_string();
    let login = format!("/auth/login?return_to=/rooms/{}", room.code);
    let code = room.code.clone();
    let code_signal = Signal::stored(room.code.clone());
    let (max_adults, max_children) = (Signal::stored(room.max_adults), Signal::stored(room.max_children));
    view! {
        <h1 class="text-3xl font-semibold">{room.name.clone()}</h1>
        <p class="mt-2 text-stone-600">{room.description.clone()}</p>
        <p class="mt-1 text-sm text-stone-500">{format!("{} per night · up to {} adults and {} children", room.nightly, room.max_adults, room.max_children)}</p>
        {(!signed_in).then(|| view! {
            <p class="mt-6"><a href=login rel="external" class="text-teal-800 underline">"Sign in to book this room"</a></p>
        })}
        {signed_in.then(|| view! {
            <ActionForm action=book attr:class="mt-6 grid max-w-xl gap-4 rounded-lg border bg-white p-4">
                <input type="hidden" name="room_type" value=code.clone()/>
                <input type="hidden" name="idempotency_key" value=key.clone()/>
                <StayFields inputs max_adults max_children/>
                <label class="grid gap-1">"Promo code (optional)"
                    <input type="text" name="promo" class="rounded border px-2 py-1 uppercase" prop:value=promo
                        on:change=move |ev| promo.set(event_target_value(&ev))/>
                </label>
                <LiveQuote room_type=code_signal inputs promo=promo.into()/>
                <CardFields/>
                <button type="submit" class="rounded bg-teal-700 px-4 py-2 text-white hover:bg-teal-800 disabled:opacity-50"
                    disabled=move || book.pending().get()>
                    {move || if book.pending().get() { "Booking and paying…" } else { "Book now" }}
                </button>
                {move || book.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorNotice error=e/> })}
            </ActionForm>
        })}
    }
}

/// The card to pay with. Only sent to the server, which keeps a token and the last four digits.
#[component]
fn CardFields() -> impl IntoView {
    view! {
        <fieldset class="grid gap-2 rounded border p-3">
            <legend class="px-1 text-sm font-medium">"Card"</legend>
            <label class="grid gap-1">"Card number"
                <input type="text" name="card_number" inputmode="numeric" autocomplete="cc-number" required
                    class="rounded border px-2 py-1" placeholder="4242 4242 4242 4242"/>
            </label>
            <div class="flex gap-3">
                <label class="grid gap-1">"Month"
                    <input type="text" name="card_month" inputmode="numeric" autocomplete="cc-exp-month" required
                        class="w-16 rounded border px-2 py-1" placeholder="12"/>
                </label>
                <label class="grid gap-1">"Year"
                    <input type="text" name="card_year" inputmode="numeric" autocomplete="cc-exp-year" required
                        class="w-20 rounded border px-2 py-1" placeholder="2030"/>
                </label>
                <label class="grid gap-1">"CVC"
                    <input type="text" name="card_cvc" inputmode="numeric" autocomplete="cc-csc" required
                        class="w-16 rounded border px-2 py-1" placeholder="123"/>
                </label>
            </div>
            <p class="text-xs text-stone-500">"Demo hotel: no real card is charged. Test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined."</p>
        </fieldset>
    }
}
