//! The hotel's settings: who it is, as installed, and the times and rules a manager sets.
use crate::components::staff::form::{beside, INPUT};
use crate::api::admin::settings::{settings_page, SaveSettings};
use crate::components::staff::toast::use_toasts;
use crate::dto::admin::SettingsView;
use crate::error::{AppError, ErrorNotice};
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let save = ServerAction::<SaveSettings>::new();
    let saved = RwSignal::new(0u32);
    let toasts = use_toasts();
    Effect::new(move || {
        if let Some(Ok(_)) = save.value().get() {
            toasts.say("Saved the hotel's settings");
            saved.update(|n| *n += 1);
        }
    });
    let page = Resource::new(move || saved.get(), |_| settings_page());
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Hotel settings"</h1>
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading the settings…"</p> }>
            {move || page.get().map(|answer| match answer {
                Ok(s) => view! {
                    <div class="grid grid-cols-[1fr_28rem] items-start gap-6">
                        <SettingsForm settings=s.clone() save=save/>
                        <Identity settings=s/>
                    </div>
                }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn SettingsForm(settings: SettingsView, save: ServerAction<SaveSettings>) -> impl IntoView {
    let error = move || save.value().get().and_then(Result::err);
    let other = move || error().filter(|e| !matches!(e, AppError::InvalidField { .. }));
    let time = move |label: &'static str, name: &'static str, value: String, hint: &'static str| view! {
        <label class="grid gap-1 text-sm">{label}
            <input type="time" name=name value=value class=INPUT aria-describedby=format!("st-{name}-error st-{name}-hint") required=true/>
            <span id=format!("st-{name}-hint") class="text-xs text-slate-600">{hint}</span>
            {beside(error, name, "st-")}
        </label>
    };
    let capture = settings.capture.clone();
    view! {
        <ActionForm action=save attr:class="grid gap-4 rounded-lg bg-white p-4 ring-1 ring-slate-200" attr:data-testid="settings-form">
            <h2 class="text-lg font-semibold">"Times and rules"</h2>
            <div class="grid grid-cols-3 gap-3">
                {time("Check-in from", "check_in", settings.check_in.clone(), "Guests' rooms are ready, and free cancellation ends, at this time.")}
                {time("Check-out by", "check_out", settings.check_out.clone(), "Before check-in, so rooms can be turned over.")}
                {time("Night audit at", "night_audit", settings.night_audit.clone(), "On the morning after the business date.")}
            </div>
            <label class="grid gap-1 text-sm">"Cards are charged"
                <select name="capture" class=INPUT aria-describedby="st-capture-error" disabled=settings.capture_fixed>
                    <option value="booking" selected=capture == "booking">"when the guest books"</option>
                    <option value="check_in" selected=capture == "check_in">"at check-in"</option>
                    <option value="check_out" selected=capture == "check_out">"at check-out"</option>
                </select>
                {settings.capture_fixed.then(|| view! {
                    <input type="hidden" name="capture" value=settings.capture.clone()/>
                    <span class="text-xs text-slate-600">"Set by this installation's configuration."</span>
                })}
                <span class="text-xs text-slate-600">"Bookings already made keep the terms they were made under."</span>
                {beside(error, "capture", "st-")}
            </label>
            <label class="flex items-center gap-2 text-sm">
                <input type="checkbox" name="inspection" checked=settings.inspection_required/>
                "A supervisor inspects each cleaned room before it is ready"
            </label>
            <p class="text-sm text-slate-700">"VAT and city tax are set per room type on the " <a href="/admin/rates" class="underline">"Rates"</a> " page."</p>
            {move || other().map(|e| view! { <ErrorNotice error=e/> })}
            <button type="submit" disabled=move || save.pending().get()
                class="justify-self-start rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 disabled:opacity-50">
                {move || if save.pending().get() { "Saving…" } else { "Save the settings" }}
            </button>
        </ActionForm>
    }
}

#[component]
fn Identity(settings: SettingsView) -> impl IntoView {
    let row = |term: &'static str, value: String| view! {
        <div class="grid grid-cols-[9rem_1fr] gap-2"><dt class="text-slate-600">{term}</dt><dd>{value}</dd></div>
    };
    view! {
        <section class="rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200" aria-labelledby="identity-title" data-testid="identity">
            <h2 id="identity-title" class="mb-3 text-lg font-semibold">"Who the hotel is"</h2>
            <dl class="grid gap-2">
                {row("Name", settings.name)}
                {row("Address", settings.address.join(", "))}
                {row("VAT number", settings.vat_id)}
                {row("Time zone", settings.time_zone)}
                {row("Currency", settings.currency)}
                {row("Guests' mail from", settings.reservations_email)}
            </dl>
            <p class="mt-3 text-xs text-slate-600">
                "Set when the hotel was installed: its invoices, prices and dates depend on them, so they are not changed here. Ask your administrator."
            </p>
        </section>
    }
}
