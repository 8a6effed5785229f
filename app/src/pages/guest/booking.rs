use crate::api::bookings::booking;
use crate::dto::BookingView;
use crate::error::ErrorNotice;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A booking's confirmation page.
#[component]
pub fn BookingPage() -> impl IntoView {
    let params = use_params_map();
    let b = Resource::new(move || params.read().get("id").unwrap_or_default(), booking);
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || b.get().map(|r| match r {
                Ok(b) => view! { <Confirmation b/> }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Confirmation(b: BookingView) -> impl IntoView {
    view! {
        <section data-testid="confirmation" class="max-w-lg rounded-lg border bg-white p-6">
            <h1 class="text-2xl font-semibold">"Booking confirmed"</h1>
            <p class="mt-1 text-stone-600">"A confirmation email is on its way."</p>
            <dl class="mt-4 grid grid-cols-2 gap-2">
                <dt>"Reference"</dt><dd data-testid="reference">{b.reference.clone()}</dd>
                <dt>"Room"</dt><dd>{format!("{} · room {}", b.room_type, b.room_number)}</dd>
                <dt>"Check-in"</dt><dd>{b.check_in.to_string()}</dd>
                <dt>"Check-out"</dt><dd>{b.check_out.to_string()}</dd>
                <dt>"Guests"</dt><dd>{format!("{} adults, {} children", b.adults, b.children)}</dd>
                <dt>"Total"</dt><dd data-testid="total">{b.total.to_string()}</dd>
                <dt>"Status"</dt><dd>{b.status.clone()}</dd>
            </dl>
            <a href="/bookings" class="mt-4 inline-block text-teal-800 underline">"All my bookings"</a>
        </section>
    }
}
