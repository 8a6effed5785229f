//! A new booking at the desk, for a guest at the counter or on the phone: find the guest or
//! register them (left), then book their stay with the guest site's availability and prices, the
//! card taken now or the balance left for check-out (right). The booking opens on its stay page,
//! where the guest is checked in.
use super::walk_in_book::BookStep;
use super::walk_in_guest::GuestStep;
use crate::api::desk::walk_in::desk_hotel_today;
use crate::api::search::search;
use crate::components::stay::StayInputs;
use crate::dto::desk_walk_in::GuestMatchView;
use crate::dto::AvailabilityView;
use crate::error::AppError;
use leptos::prelude::*;

/// The guest the booking is for, once found or registered.
pub(super) type Chosen = RwSignal<Option<GuestMatchView>>;

/// The room types free for the stay as typed; `None` until both dates are there.
pub(super) type Free = Resource<Option<Result<Vec<AvailabilityView>, AppError>>>;

#[component]
pub fn WalkInPage() -> impl IntoView {
    let chosen: Chosen = RwSignal::new(None);
    let inputs = StayInputs::new(String::new(), String::new(), 1, 0);
    let promo = RwSignal::new(String::new());
    let today = Resource::new(|| (), |_| desk_hotel_today());
    // Tonight unless the receptionist says otherwise: most walk-ins sleep here today.
    Effect::new(move |_| {
        if let Some(Ok(day)) = today.get() {
            if inputs.check_in.get_untracked().is_empty() {
                inputs.check_in.set(day.to_string());
                inputs
                    .check_out
                    .set((day + chrono::Days::new(1)).to_string());
            }
        }
    });
    let free: Free = Resource::new(
        move || {
            (
                inputs.check_in.get(),
                inputs.check_out.get(),
                inputs.adults.get(),
                inputs.children.get(),
                promo.get(),
            )
        },
        |(check_in, check_out, adults, children, promo)| async move {
            if check_in.is_empty() || check_out.is_empty() {
                return None;
            }
            Some(search(check_in, check_out, adults, children, promo).await)
        },
    );
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"New booking"</h1>
        <div class="grid grid-cols-5 items-start gap-4">
            <div class="col-span-2"><GuestStep chosen/></div>
            <div class="col-span-3"><BookStep chosen inputs promo free/></div>
        </div>
    }
}

/// Moves the keyboard's focus to the first element matching `selector`, once it is drawn.
pub(super) fn focus(selector: &'static str) {
    #[cfg(feature = "hydrate")]
    request_animation_frame(move || {
        use leptos::wasm_bindgen::JsCast;
        let found = document().query_selector(selector).ok().flatten();
        if let Some(el) = found.and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = selector;
}
