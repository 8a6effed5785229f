//! The guest of a new booking: found by name or email, a few at a time, or registered with a
//! profile of their own (no account needed). An email someone already has is refused beside the
//! field, and the search shows who has it, to book for them instead.
use super::folio_forms::{described, Answer, FieldError, FormError, INPUT, SUBMIT};
use super::stay::{CARD, H2};
use super::walk_in::{focus, Chosen};
use crate::api::desk::walk_in::{DeskCreateGuest, DeskFindGuests};
use crate::components::staff::badge::{Badge, Tone};
use crate::dto::desk_walk_in::{GuestMatchView, GuestMatchesView, LANGUAGES};
use crate::error::AppError;
use leptos::prelude::*;

const QUIET: &str = "rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100";

/// Where the keyboard goes once the guest is chosen: the stay's first field.
const STAY_START: &str = "[data-testid=walk-in-book] input[name=check_in]";

#[component]
pub(super) fn GuestStep(chosen: Chosen) -> impl IntoView {
    let find = ServerAction::<DeskFindGuests>::new();
    let create = ServerAction::<DeskCreateGuest>::new();
    let searched = RwSignal::new(String::new());
    // The register form's email: what was searched for is often the new guest's address.
    let email = RwSignal::new(String::new());
    Effect::new(move |_| {
        let text = searched.get();
        if text.contains('@') {
            email.set(text);
        }
    });
    Effect::new(move |_| match create.value().get() {
        Some(Ok(guest)) => {
            chosen.set(Some(guest));
            focus(STAY_START);
        }
        // Taken: the search shows whose it is, with the button to book for them.
        Some(Err(e))
            if e.for_field("email")
                .is_some_and(|m| m.contains("already has a profile")) =>
        {
            find.dispatch(DeskFindGuests {
                text: email.get_untracked(),
            });
        }
        _ => {}
    });
    view! {
        <section class=CARD aria-labelledby="walk-in-guest">
            <h2 id="walk-in-guest" class=H2>"1. Guest"</h2>
            <ChosenGuest chosen/>
            <ActionForm action=find attr:role="search" attr:class="flex items-end gap-2" attr:data-testid="find-guest">
                <label class="grid flex-1 gap-1 text-sm">"Name or email"
                    <input type="search" name="text" maxlength="100" autocomplete="off" required class=INPUT
                        aria-describedby=described("find", "text") on:input=move |ev| searched.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class=SUBMIT disabled=move || find.pending().get()>"Find"</button>
            </ActionForm>
            <FieldError answer=unit(find) form="find" name="text"/>
            <div aria-live="polite">
                {move || find.value().get().and_then(Result::ok).map(|found| view! { <Found found chosen/> })}
            </div>
            <RegisterForm create email/>
        </section>
    }
}

/// What a form's answer says about its fields, whatever it returns on success.
fn unit<S>(action: ServerAction<S>) -> Answer
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().map(|r| r.map(|_| ())))
}

#[component]
fn ChosenGuest(chosen: Chosen) -> impl IntoView {
    move || {
        match chosen.get() {
        Some(g) => view! {
            <div class="mb-3 flex items-center justify-between gap-2 rounded bg-emerald-50 px-3 py-2" data-testid="chosen-guest">
                <p class="text-sm">"Booking for " <strong>{g.name.clone()}</strong> " · " {g.email.clone()}</p>
                <button type="button" class=QUIET on:click=move |_| chosen.set(None)>"Change guest"</button>
            </div>
        }
        .into_any(),
        None => view! { <p class="mb-3 text-sm text-slate-700">"Find the guest, or register them if they are new."</p> }.into_any(),
    }
    }
}

#[component]
fn Found(found: GuestMatchesView, chosen: Chosen) -> impl IntoView {
    if found.guests.is_empty() {
        return view! { <p class="py-2 text-sm" data-testid="no-guest">"No guest matches. Register them below."</p> }.into_any();
    }
    view! {
        <ul class="my-2 divide-y divide-slate-100 rounded border border-slate-200" aria-label="Guests found">
            {found.guests.into_iter().map(|g| view! { <GuestLine g chosen/> }).collect_view()}
        </ul>
        {found.more.then(|| view! {
            <p class="text-sm text-amber-900" data-testid="refine">"More guests match than are shown: refine your search."</p>
        })}
    }
    .into_any()
}

#[component]
fn GuestLine(g: GuestMatchView, chosen: Chosen) -> impl IntoView {
    let label = format!("Book for {}", g.name);
    let contact = match &g.phone {
        Some(phone) => format!("{} · {phone}", g.email),
        None => g.email.clone(),
    };
    let guest = g.clone();
    view! {
        <li class="flex items-center justify-between gap-2 px-3 py-2 text-sm" data-testid="guest-found">
            <div>
                <p class="font-medium">{g.name.clone()} " "
                    {(!g.has_account).then(|| view! { <Badge tone=Tone::Neutral label="no account yet"/> })}
                </p>
                <p class="text-slate-700">{contact}</p>
            </div>
            <button type="button" class=QUIET on:click=move |_| {
                chosen.set(Some(guest.clone()));
                focus(STAY_START);
            }>{label}</button>
        </li>
    }
}

#[component]
fn RegisterForm(create: ServerAction<DeskCreateGuest>, email: RwSignal<String>) -> impl IntoView {
    let answer = unit(create);
    view! {
        <ActionForm action=create attr:class="mt-4 grid gap-2 border-t border-slate-200 pt-3" attr:aria-labelledby="register-title" attr:data-testid="register-guest">
            <h3 id="register-title" class="font-medium">"Register a new guest"</h3>
            <label class="grid gap-1 text-sm">"Name"
                <input type="text" name="name" maxlength="200" required autocomplete="off" class=INPUT aria-describedby=described("guest", "name")/>
            </label>
            <FieldError answer form="guest" name="name"/>
            <label class="grid gap-1 text-sm">"Email"
                <input type="email" name="email" maxlength="254" required autocomplete="off" class=INPUT prop:value=email
                    on:input=move |ev| email.set(event_target_value(&ev)) aria-describedby=described("guest", "email")/>
            </label>
            <FieldError answer form="guest" name="email"/>
            <div class="flex gap-2">
                <label class="grid gap-1 text-sm">"Language"
                    <select name="language" class=INPUT aria-describedby=described("guest", "language")>
                        {LANGUAGES.iter().map(|(code, name)| view! { <option value=*code>{*name}</option> }).collect_view()}
                    </select>
                </label>
                <label class="grid flex-1 gap-1 text-sm">"Phone (optional)"
                    <input type="tel" name="phone" maxlength="32" autocomplete="off" class=INPUT aria-describedby=described("guest", "phone")/>
                </label>
            </div>
            <FieldError answer form="guest" name="language"/>
            <FieldError answer form="guest" name="phone"/>
            <div><button type="submit" class=SUBMIT disabled=move || create.pending().get()>"Register guest"</button></div>
            <FormError answer/>
        </ActionForm>
    }
}
