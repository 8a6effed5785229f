use crate::api::bookings::Book;
use crate::api::rooms::room_type;
use crate::api::session::whoami;
use crate::dto::RoomTypeView;
use crate::error::ErrorNotice;
use kernel::{Money, Stay};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A room type's page with the booking form.
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
    let check_in = RwSignal::new(String::new());
    let check_out = RwSignal::new(String::new());
    let nightly = room.nightly;
    // Recomputed in the browser as the dates change; proves the page is hydrated.
    let total = move || live_total(&check_in.get(), &check_out.get(), nightly);
    let key = uuid::Uuid::new_v4().to_string();
    let login = format!("/auth/login?return_to=/rooms/{}", room.code);
    let code = room.code.clone();
    let (max_adults, max_children) = (room.max_adults, room.max_children);
    view! {
        <h1 class="text-3xl font-semibold">{room.name.clone()}</h1>
        <p class="mt-2 text-stone-600">{room.description.clone()}</p>
        <p class="mt-1 text-sm text-stone-500">{format!("{} per night · up to {} adults and {} children", room.nightly, room.max_adults, room.max_children)}</p>
        {(!signed_in).then(|| view! {
            <p class="mt-6"><a href=login rel="external" class="text-teal-800 underline">"Sign in to book this room"</a></p>
        })}
        {signed_in.then(|| view! {
            <ActionForm action=book attr:class="mt-6 grid max-w-md gap-4 rounded-lg border bg-white p-4">
                <input type="hidden" name="room_type" value=code.clone()/>
                <input type="hidden" name="idempotency_key" value=key.clone()/>
                <label class="grid gap-1">"Check-in"
                    <input type="date" name="check_in" required class="rounded border px-2 py-1"
                        on:input=move |ev| check_in.set(event_target_value(&ev))/>
                </label>
                <label class="grid gap-1">"Check-out"
                    <input type="date" name="check_out" required class="rounded border px-2 py-1"
                        on:input=move |ev| check_out.set(event_target_value(&ev))/>
                </label>
                <div class="flex gap-4">
                    <label class="grid gap-1">"Adults"
                        <select name="adults" class="rounded border px-2 py-1">
                            {(1..=max_adults).map(|n| view! { <option value=n.to_string() selected=n == 2.min(max_adults)>{n}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="grid gap-1">"Children"
                        <select name="children" class="rounded border px-2 py-1">
                            {(0..=max_children).map(|n| view! { <option value=n.to_string()>{n}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
                <p data-testid="live-total" class="font-medium">{total}</p>
                <button type="submit" class="rounded bg-teal-700 px-4 py-2 text-white hover:bg-teal-800 disabled:opacity-50"
                    disabled=move || book.pending().get()>
                    {move || if book.pending().get() { "Booking…" } else { "Book now" }}
                </button>
                {move || book.value().get().and_then(|r| r.err()).map(|e| view! { <ErrorNotice error=e/> })}
            </ActionForm>
        })}
    }
}

fn live_total(check_in: &str, check_out: &str, nightly: Money) -> String {
    if check_in.is_empty() || check_out.is_empty() {
        return "Choose your dates to see the total".into();
    }
    // The server refuses past dates; here only the arithmetic of the dates matters.
    match Stay::parse(check_in, check_out, chrono::NaiveDate::MIN) {
        Ok(stay) => match nightly.times(stay.nights()) {
            Some(total) => format!("{} nights × {} = {}", stay.nights(), nightly, total),
            None => "Choose your dates to see the total".into(),
        },
        Err(e) => e.to_string(),
    }
}
