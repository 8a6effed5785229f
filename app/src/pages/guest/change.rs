use crate::api::booking_actions::{preview_change, ModifyBooking};
use crate::api::bookings::booking;
use crate::api::rooms::list_room_types;
use crate::components::stay::{live_answer, LiveQuote, StayFields, StayInputs};
use crate::dto::{BookingView, ChangeForm, RoomTypeView};
use crate::error::ErrorNotice;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Changing a booking's dates, party or room type, with the new price before confirming.
#[component]
pub fn ChangeBookingPage() -> impl IntoView {
    let params = use_params_map();
    let b = Resource::new(move || params.read().get("id").unwrap_or_default(), booking);
    let types = Resource::new(|| (), |_| list_room_types());
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match (b.await, types.await) {
                    (Ok(b), Ok(types)) if b.can_modify => view! { <ChangeForm b types/> }.into_any(),
                    (Ok(b), Ok(_)) => view! {
                        <p role="alert" class="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800">
                            {format!("A {} booking can no longer be changed.", b.status)}
                        </p>
                    }.into_any(),
                    (Err(e), _) | (_, Err(e)) => view! { <ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChangeForm(b: BookingView, types: Vec<RoomTypeView>) -> impl IntoView {
    let modify = ServerAction::<ModifyBooking>::new();
    let inputs = StayInputs::new(b.check_in.to_string(), b.check_out.to_string(), b.adults, b.children);
    let room_type = RwSignal::new(b.room_type_code.clone());
    let types = StoredValue::new(types);
    let limit = move |f: fn(&RoomTypeView) -> u8| {
        Signal::derive(move || types.with_value(|t| t.iter().find(|t| t.code == room_type.get()).map_or(1, f)))
    };
    let promo = b.promo_code.clone().unwrap_or_default();
    let back = format!("/bookings/{}", b.id);
    view! {
        <h1 class="text-2xl font-semibold">{format!("Change booking {}", b.reference)}</h1>
        <p class="mt-1 text-stone-600">{format!("Now: {} · {} to {} · {}", b.room_type, b.check_in, b.check_out, b.total)}</p>
        <ActionForm action=modify attr:class="mt-6 grid max-w-xl gap-4 rounded-lg border bg-white p-4">
            <input type="hidden" name="id" value=b.id.clone()/>
            <label class="grid gap-1">"Room type"
                <select name="room_type" class="rounded border px-2 py-1" on:change=move |ev| room_type.set(event_target_value(&ev))>
                    {types.get_value().into_iter().map(|t| {
                        let code = t.code.clone();
                        view! { <option value=t.code.clone() selected=move || room_type.get() == code>{t.name.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <StayFields inputs max_adults=limit(|t| t.max_adults) max_children=limit(|t| t.max_children)/>
            <LiveQuote room_type=room_type.into() inputs promo=Signal::stored(promo)/>
            <MoneyNotice id=b.id.clone() room_type=room_type.into() inputs/>
            <button type="submit" class="rounded bg-teal-700 px-4 py-2 text-white hover:bg-teal-800 disabled:opacity-50"
                disabled=move || modify.pending().get()>
                {move || if modify.pending().get() { "Saving…" } else { "Save changes" }}
            </button>
            {move || modify.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorNotice error=e/> })}
        </ActionForm>
        <a href=back class="mt-4 inline-block text-teal-800 underline">"Keep the booking as it is"</a>
    }
}

/// What the change does to the guest's money and the cancellation terms it keeps, re-asked of
/// the server as the form changes.
#[component]
fn MoneyNotice(id: String, room_type: Signal<String>, inputs: StayInputs) -> impl IntoView {
    let id = StoredValue::new(id);
    live_answer(
        room_type,
        inputs,
        move || id.get_value(),
        |s, id| {
            let form = ChangeForm {
                id,
                room_type: s.room_type,
                check_in: s.check_in,
                check_out: s.check_out,
                adults: s.adults,
                children: s.children,
            };
            preview_change(form)
        },
        ViewFnOnce::from(|| ()),
        |answer| {
            answer.and_then(Result::ok).map(|p| view! {
                <div>
                    <p data-testid="money-change" class="font-medium text-stone-800">{p.money}</p>
                    <p data-testid="change-terms" class="text-sm text-stone-600">
                        {format!("After the change: {}", p.quote.terms.summary())}
                    </p>
                </div>
            }).into_any()
        },
    )
}
