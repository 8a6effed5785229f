use crate::api::booking_actions::CancelBooking;
use crate::api::checkout::RequestInvoice;
use crate::api::bookings::booking;
use crate::components::price::PriceTable;
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
    let cancel = ServerAction::<CancelBooking>::new();
    // The booking as the last successful cancel returned it, else as the page loaded it.
    let loaded = b.clone();
    let current = Memo::new(move |_| cancel.value().get().and_then(Result::ok).unwrap_or_else(|| loaded.clone()));
    let status = move || current.read().status.clone();
    let is_cancelled = move || current.read().status == "cancelled";
    // The lifecycle lets a booking be cancelled until the guest has checked in.
    let cancellable = move || current.read().can_cancel;
    let just_cancelled = move || cancel.value().get().is_some_and(|r| r.is_ok());
    let id = b.id.clone();
    let change = format!("/bookings/{}/change", b.id);
    let can_modify = move || current.read().can_modify;
    let fee_now = move || {
        let b = current.read();
        match b.fee_now.minor() {
            0 => "Cancelling now is free.".to_owned(),
            _ => format!("Cancelling now costs {}.", b.fee_now),
        }
    };
    let fee_charged = move || current.read().cancellation_fee.map(|f| format!("Cancellation fee: {f}"));
    let price = b.price.clone();
    let payments = b.payments.clone();
    let documents = b.documents.clone();
    let invoice = ServerAction::<RequestInvoice>::new();
    let booking_id = b.id.clone();
    let terms = b.terms.summary();
    view! {
        <section data-testid="confirmation" class="max-w-lg rounded-lg border bg-white p-6">
            <h1 class="text-2xl font-semibold">
                {move || if is_cancelled() { "Booking cancelled" } else { "Booking confirmed" }}
            </h1>
            {move || (!is_cancelled()).then(|| view! {
                <p class="mt-1 text-stone-600">"A confirmation email is on its way."</p>
            })}
            {move || just_cancelled().then(|| view! {
                <p role="status" class="mt-3 rounded-md border border-teal-300 bg-teal-50 px-4 py-3 text-teal-900">
                    "Your booking is cancelled"
                </p>
            })}
            <dl class="mt-4 grid grid-cols-2 gap-2">
                <dt>"Reference"</dt><dd data-testid="reference">{b.reference.clone()}</dd>
                <dt>"Room"</dt><dd>{format!("{} · room {}", b.room_type, b.room_number)}</dd>
                <dt>"Check-in"</dt><dd>{b.check_in.to_string()}</dd>
                <dt>"Check-out"</dt><dd>{b.check_out.to_string()}</dd>
                <dt>"Guests"</dt><dd>{format!("{} adults, {} children", b.adults, b.children)}</dd>
                <dt>"Total"</dt><dd data-testid="total">{b.total.to_string()}</dd>
                <dt>"Status"</dt><dd data-testid="status">{status}</dd>
            </dl>
            {price.map(|price| view! { <PriceTable price/> })}
            {b.promo_code.clone().map(|code| view! { <p class="mt-1 text-sm text-stone-600">{format!("Promo code {code}")}</p> })}
            <p data-testid="terms" class="mt-3 text-sm text-stone-600">{terms}</p>
            {(!payments.is_empty()).then(|| view! {
                <ul data-testid="payments" class="mt-3 grid gap-1 text-sm">
                    {payments.into_iter().map(|p| view! {
                        <li class="flex justify-between"><span>{format!("{} · {}", p.label, p.at)}</span><span>{p.amount.to_string()}</span></li>
                    }).collect_view()}
                </ul>
            })}
            <div data-testid="documents" class="mt-3 flex flex-wrap items-center gap-3 text-sm">
                {documents.into_iter().map(|d| view! {
                    <a href=d.url rel="external" download class="text-teal-800 underline">{d.title}</a>
                }).collect_view()}
                <ActionForm action=invoice>
                    <input type="hidden" name="id" value=booking_id/>
                    <button type="submit" class="rounded border px-3 py-1 hover:bg-stone-50">"Get the invoice"</button>
                </ActionForm>
                {move || invoice.value().get().map(|r| match r {
                    Ok(url) => view! { <a href=url rel="external" download data-testid="new-invoice" class="text-teal-800 underline">"Download the invoice (PDF)"</a> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                })}
            </div>
            {move || fee_charged().map(|f| view! { <p data-testid="cancellation-fee" class="mt-2 font-medium">{f}</p> })}
            {move || can_modify().then(|| view! {
                <a href=change.clone() class="mt-4 inline-block rounded border border-teal-700 px-4 py-2 text-teal-800 hover:bg-teal-50">
                    "Change dates or guests"
                </a>
            })}
            {move || cancellable().then(|| view! { <p data-testid="fee-now" class="mt-4 text-sm">{fee_now()}</p> })}
            {move || {
                let id = id.clone();
                cancellable().then(move || view! {
                    <ActionForm action=cancel attr:class="mt-2">
                        <input type="hidden" name="id" value=id/>
                        <button type="submit" class="rounded border border-red-700 px-4 py-2 text-red-800 hover:bg-red-50 disabled:opacity-50"
                            disabled=move || cancel.pending().get()>
                            {move || if cancel.pending().get() { "Cancelling…" } else { "Cancel booking" }}
                        </button>
                    </ActionForm>
                })
            }}
            {move || cancel.value().get().and_then(|r| r.err()).map(|e| view! { <div class="mt-3"><ErrorNotice error=e/></div> })}
            <a href="/bookings" class="mt-4 inline-block text-teal-800 underline">"All my bookings"</a>
        </section>
    }
}
