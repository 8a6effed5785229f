//! A page's heading with "Distribute evenly" (the board's and the assign page's): shares
//! today's rooms that need work and nobody has, and says how many, or why not.
use crate::api::housekeeping::assign::DistributeRooms;
use crate::components::staff::toast::use_toasts;
use crate::error::ErrorNotice;
use leptos::prelude::*;

#[component]
pub fn DistributeHeading(title: &'static str, distribute: ServerAction<DistributeRooms>) -> impl IntoView {
    let toasts = use_toasts();
    Effect::new(move || {
        if let Some(Ok(n)) = distribute.value().get() {
            toasts.say(format!("{n} rooms shared out"));
        }
    });
    view! {
        <div class="mb-4 flex flex-wrap items-center justify-between gap-3">
            <h1 class="text-2xl font-semibold">{title}</h1>
            <ActionForm action=distribute>
                <button type="submit" class="min-h-11 rounded-lg bg-teal-800 px-4 text-white active:bg-teal-900">"Distribute evenly"</button>
            </ActionForm>
        </div>
        {move || distribute.value().get().and_then(Result::err).map(|e| view! { <ErrorNotice error=e/> })}
    }
}
