//! The folio's forms: post an extra, a charge or an allowance, take a payment, give money back.
//! Each carries its own idempotency key, kept while an answer may still come and renewed after a
//! refusal; a success reloads the stay, which draws the forms anew with fresh keys, and the toast
//! names what the server posted. A wrong field
//! is named beside it; any other refusal under the form.
use super::stay_end::StayReload;
use crate::api::desk::folio::{DeskPostCharge, DeskPostExtra, DeskRefund, DeskTakePayment};
use crate::dto::desk_folio::FolioView;
use crate::error::{AppError, ErrorNotice};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

pub(super) const INPUT: &str = "rounded border border-slate-400 px-2 py-1";
/// An amount in a narrow label: as wide as the label, never past it over its neighbour.
const AMOUNT: &str = "w-full min-w-0 rounded border border-slate-400 px-2 py-1";
pub(super) const SUBMIT: &str = "rounded bg-slate-800 px-4 py-1.5 text-white hover:bg-slate-700 disabled:opacity-50";
const BOX: &str = "grid content-start gap-2 rounded border border-slate-200 p-3";

pub(super) type Answer = Signal<Option<Result<(), AppError>>>;

/// The form's key, renewed when the server refused what was sent; says `done` with the server's
/// answer and reloads the stay when it went through.
fn follow<S>(action: ServerAction<S>, done: impl Fn(&S::Output) -> String + Send + Sync + 'static) -> RwSignal<String>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let key = RwSignal::new(uuid::Uuid::new_v4().to_string());
    let reload = use_context::<StayReload>();
    Effect::new(move |_| match action.value().get() {
        Some(Ok(said)) => {
            if let Some(reload) = reload {
                reload.outcome.set(Some(Ok(done(&said))));
                reload.refresh.update(|n| *n += 1);
            }
        }
        Some(Err(AppError::Network | AppError::Internal)) | None => {}
        Some(Err(_)) => key.set(uuid::Uuid::new_v4().to_string()),
    });
    key
}

/// Whether the form went through, for the fields' errors.
fn answer_of<S>(action: ServerAction<S>) -> Answer
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().map(|r| r.map(|_| ())))
}

/// The server's word on field `name`, beside it.
#[component]
pub(super) fn FieldError(answer: Answer, form: &'static str, name: &'static str) -> impl IntoView {
    view! {
        <p id=format!("{form}-{name}-error") class="text-sm text-rose-800" aria-live="polite">
            {move || answer.get().and_then(Result::err).and_then(|e| e.for_field(name))}
        </p>
    }
}

/// A refusal that names no field.
#[component]
pub(super) fn FormError(answer: Answer) -> impl IntoView {
    move || {
        answer.get().and_then(Result::err).filter(|e| !matches!(e, AppError::InvalidField { .. })).map(|e| view! { <ErrorNotice error=e/> })
    }
}

pub(super) fn described(form: &'static str, name: &'static str) -> String {
    format!("{form}-{name}-error")
}

#[component]
pub fn ExtraForm(f: FolioView) -> impl IntoView {
    let action = ServerAction::<DeskPostExtra>::new();
    let answer = answer_of(action);
    // Named by the server's answer: what the form showed may have been redrawn since.
    let key = follow(action, |posted: &String| format!("{posted} posted"));
    view! {
        <ActionForm action=action attr:class=BOX attr:aria-labelledby="post-extra-title" attr:data-testid="post-extra">
            <h3 id="post-extra-title" class="font-medium">"Post an extra"</h3>
            <input type="hidden" name="id" value=f.booking_id.clone()/>
            <input type="hidden" name="key" prop:value=key/>
            <div class="flex items-end gap-2">
                <label class="grid flex-1 gap-1 text-sm">"Extra"
                    <select name="extra" class=INPUT aria-describedby=described("extra", "extra")>
                        {f.extras.iter().map(|e| view! {
                            <option value=e.id.clone()>{format!("{} — {} (VAT {})", e.name, e.price, e.vat)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="grid w-20 gap-1 text-sm">"Quantity"
                    <input type="number" name="quantity" min="1" max="99" value="1" required class=INPUT aria-describedby=described("extra", "quantity")/>
                </label>
                <button type="submit" class=SUBMIT disabled=move || action.pending().get()>"Post"</button>
            </div>
            <FieldError answer form="extra" name="extra"/>
            <FieldError answer form="extra" name="quantity"/>
            <FormError answer/>
        </ActionForm>
    }
}

/// The VAT rates to choose from, the standard one first.
fn vat_options(f: &FolioView) -> impl IntoView {
    f.vat_rates.iter().rev().map(|(bp, label)| view! { <option value=bp.to_string()>{format!("VAT {label}")}</option> }).collect_view()
}

/// A charge the list does not have, or with `allowance` an amount off for a reason.
#[component]
pub fn ChargeForm(f: FolioView, #[prop(optional)] allowance: bool) -> impl IntoView {
    let action = ServerAction::<DeskPostCharge>::new();
    let answer = answer_of(action);
    let key = follow(action, move |posted: &String| format!("{} posted: {posted}", if allowance { "Allowance" } else { "Charge" }));
    let (form, title, text, button) = match allowance {
        true => ("allowance", "Allowance", "Reason", "Give allowance"),
        false => ("charge", "Another charge", "What for", "Post charge"),
    };
    view! {
        <ActionForm action=action attr:class=BOX attr:aria-labelledby=format!("post-{form}-title") attr:data-testid=format!("post-{form}")>
            <h3 id=format!("post-{form}-title") class="font-medium">{title}</h3>
            <input type="hidden" name="id" value=f.booking_id.clone()/>
            <input type="hidden" name="key" prop:value=key/>
            <input type="hidden" name="allowance" value=allowance.to_string()/>
            <label class="grid gap-1 text-sm">{text}
                <input type="text" name="text" maxlength="200" required class=INPUT aria-describedby=described(form, "text")/>
            </label>
            <FieldError answer form name="text"/>
            <div class="flex items-end gap-2">
                <label class="grid w-32 gap-1 text-sm">"Amount (VAT incl.)"
                    <input type="text" name="amount" inputmode="decimal" required class=AMOUNT aria-describedby=described(form, "amount")/>
                </label>
                <label class="grid gap-1 text-sm">"VAT"
                    <select name="vat" class=INPUT aria-describedby=described(form, "vat")>{vat_options(&f)}</select>
                </label>
                <button type="submit" class=SUBMIT disabled=move || action.pending().get()>{button}</button>
            </div>
            <FieldError answer form name="amount"/>
            <FieldError answer form name="vat"/>
            <FormError answer/>
        </ActionForm>
    }
}

#[component]
pub fn PaymentForm(f: FolioView) -> impl IntoView {
    let action = ServerAction::<DeskTakePayment>::new();
    let answer = answer_of(action);
    let tender = RwSignal::new(if f.card_on_file.is_some() { "card_on_file" } else { "card" }.to_owned());
    let key = follow(action, |_| "Payment taken".into());
    view! {
        <ActionForm action=action attr:class=BOX attr:aria-labelledby="take-payment-title" attr:data-testid="take-payment">
            <h3 id="take-payment-title" class="font-medium">"Take a payment"</h3>
            <input type="hidden" name="id" value=f.booking_id.clone()/>
            <input type="hidden" name="key" prop:value=key/>
            <label class="grid w-32 gap-1 text-sm">"Amount"
                <input type="text" name="amount" inputmode="decimal" required class=AMOUNT value=f.to_settle.to_decimal_string()
                    aria-describedby=described("payment", "amount")/>
            </label>
            <FieldError answer form="payment" name="amount"/>
            <fieldset class="flex flex-wrap gap-4 text-sm" aria-describedby=described("payment", "tender")>
                <legend class="sr-only">"How the guest pays"</legend>
                {f.card_on_file.clone().map(|card| view! {
                    <label class="flex items-center gap-1"><input type="radio" name="tender" value="card_on_file"
                        prop:checked=move || tender.get() == "card_on_file" on:change=move |_| tender.set("card_on_file".into())/>{format!("Card on file ({card})")}</label>
                })}
                <label class="flex items-center gap-1"><input type="radio" name="tender" value="card"
                    prop:checked=move || tender.get() == "card" on:change=move |_| tender.set("card".into())/>"Another card"</label>
                <label class="flex items-center gap-1"><input type="radio" name="tender" value="cash"
                    prop:checked=move || tender.get() == "cash" on:change=move |_| tender.set("cash".into())/>"Cash"</label>
            </fieldset>
            <FieldError answer form="payment" name="tender"/>
            <Show when=move || tender.get() == "card">
                <div class="flex flex-wrap gap-2 text-sm">
                    <label class="grid gap-1">"Card number"
                        <input type="text" name="card_number" inputmode="numeric" autocomplete="off" class=INPUT aria-describedby=described("payment", "card_number")/>
                    </label>
                    <label class="grid w-16 gap-1">"Month"<input type="text" name="card_month" inputmode="numeric" class=INPUT placeholder="12"/></label>
                    <label class="grid w-20 gap-1">"Year"<input type="text" name="card_year" inputmode="numeric" class=INPUT placeholder="2030"/></label>
                    <label class="grid w-16 gap-1">"CVC"<input type="text" name="card_cvc" inputmode="numeric" autocomplete="off" class=INPUT/></label>
                </div>
                <FieldError answer form="payment" name="card_number"/>
            </Show>
            <div><button type="submit" class=SUBMIT disabled=move || action.pending().get()>
                {move || if action.pending().get() { "Taking the payment…" } else { "Take payment" }}
            </button></div>
            <FormError answer/>
        </ActionForm>
    }
}

#[component]
pub fn RefundForm(f: FolioView) -> impl IntoView {
    let action = ServerAction::<DeskRefund>::new();
    let answer = answer_of(action);
    let key = follow(action, |_| "Refund given".into());
    let owed = kernel::Money::from_minor(-f.to_settle.minor(), f.to_settle.currency());
    view! {
        <ActionForm action=action attr:class=BOX attr:aria-labelledby="refund-title" attr:data-testid="refund">
            <h3 id="refund-title" class="font-medium">"Give money back"</h3>
            <input type="hidden" name="id" value=f.booking_id.clone()/>
            <input type="hidden" name="key" prop:value=key/>
            <label class="grid w-32 gap-1 text-sm">"Amount"
                <input type="text" name="amount" inputmode="decimal" required class=AMOUNT value=owed.to_decimal_string() aria-describedby=described("refund", "amount")/>
            </label>
            <FieldError answer form="refund" name="amount"/>
            <label class="grid gap-1 text-sm">"To"
                <select name="tender" class=INPUT aria-describedby=described("refund", "tender")>
                    <option value="card">"The card it was paid with"</option>
                    <option value="cash">"Cash"</option>
                </select>
            </label>
            <FieldError answer form="refund" name="tender"/>
            <div><button type="submit" class=SUBMIT disabled=move || action.pending().get()>"Refund"</button></div>
            <FormError answer/>
        </ActionForm>
    }
}
