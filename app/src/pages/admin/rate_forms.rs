//! The rates editor's forms. Each has a stay to try and two buttons: "Preview" prices that
//! stay before and after the change without saving it; "Save" saves it.
use crate::components::staff::form::{beside, INPUT};
use crate::api::admin::rates::{AddPromo, AddRestriction, SaveRatePlan, SaveSeason, SaveStayDiscount, SaveWeekday};
use crate::dto::rates::{PlanView, PreviewView, PricedView, RateAnswer, SeasonView};
use crate::error::{AppError, ErrorNotice};
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;

type Answer = Signal<Option<Result<RateAnswer, AppError>>>;

fn errors(answer: Answer) -> impl Fn() -> Option<AppError> + Copy + Send + Sync + 'static {
    move || answer.get().and_then(Result::err)
}

/// The stay the preview prices, prefilled with two nights a fortnight ahead for two adults.
#[component]
fn TryStay(prefix: &'static str, today: NaiveDate, answer: Answer) -> impl IntoView {
    let error = errors(answer);
    let field = move |label: &'static str, name: &'static str, value: String, kind: &'static str| view! {
        <label class="grid gap-1 text-xs">{label}
            <input name=format!("try_stay[{name}]") type=kind value=value class=INPUT aria-describedby=format!("{prefix}{name}-error")/>
            {beside(error, name, prefix)}
        </label>
    };
    view! {
        <fieldset class="grid grid-cols-4 gap-2 rounded border border-slate-200 p-2">
            <legend class="px-1 text-xs text-slate-700">"A stay to preview"</legend>
            {field("Arrival", "arrival", (today + Duration::days(14)).to_string(), "date")}
            {field("Departure", "departure", (today + Duration::days(16)).to_string(), "date")}
            {field("Adults", "adults", "2".into(), "number")}
            {field("Children", "children", "0".into(), "number")}
        </fieldset>
    }
}

/// Preview and save, and what came back: the stay before and after, or a refusal.
#[component]
fn Buttons(save_label: &'static str, pending: Signal<bool>, answer: Answer, testid: &'static str) -> impl IntoView {
    let other = move || answer.get().and_then(Result::err).filter(|e| !matches!(e, AppError::InvalidField { .. }));
    let preview = move || answer.get().and_then(Result::ok).and_then(|a| a.preview);
    view! {
        <div class="flex gap-2">
            <button type="submit" name="intent" value="preview" disabled=move || pending.get()
                class="rounded border border-sky-800 px-3 py-1.5 text-sky-900 hover:bg-sky-50 disabled:opacity-50">"Preview the cost"</button>
            <button type="submit" name="intent" value="save" disabled=move || pending.get()
                class="rounded bg-sky-800 px-3 py-1.5 font-medium text-white hover:bg-sky-900 disabled:opacity-50">
                {move || if pending.get() { "Working…" } else { save_label }}
            </button>
        </div>
        {move || other().map(|e| view! { <ErrorNotice error=e/> })}
        {move || preview().map(|p| view! { <Preview preview=p testid=testid/> })}
    }
}

#[component]
fn Preview(preview: PreviewView, testid: &'static str) -> impl IntoView {
    view! {
        <div role="status" class="rounded border border-sky-200 bg-sky-50 p-3 text-sm" data-testid=testid>
            <p class="mb-2 font-medium">{format!("{}: not saved yet", preview.stay)}</p>
            <div class="grid grid-cols-2 gap-3">
                <Priced title="As saved now" priced=preview.now testid="preview-now"/>
                <Priced title="With this change" priced=preview.with_change testid="preview-after"/>
            </div>
        </div>
    }
}

#[component]
fn Priced(title: &'static str, priced: PricedView, testid: &'static str) -> impl IntoView {
    view! {
        <section data-testid=testid>
            <h4 class="font-medium">{title}</h4>
            {match (priced.total, priced.refused) {
                (Some(total), _) => view! {
                    <p class="text-lg font-semibold" data-testid="preview-total">{total.to_string()}</p>
                    <ul class="text-xs text-slate-700">
                        {priced.lines.into_iter().map(|(label, amount)| view! { <li>{format!("{label}: {amount}")}</li> }).collect_view()}
                    </ul>
                }.into_any(),
                (None, refused) => view! { <p class="text-rose-800">{refused.unwrap_or_default()}</p> }.into_any(),
            }}
        </section>
    }
}

const CARD: &str = "grid gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200";

#[component]
pub fn SeasonForm(room_type: String, season: Option<SeasonView>, today: NaiveDate, save: ServerAction<SaveSeason>, editing: RwSignal<Option<SeasonView>>) -> impl IntoView {
    let answer: Answer = save.value().into();
    let error = errors(answer);
    let new = season.is_none();
    let s = season.unwrap_or(SeasonView {
        id: 0, name: String::new(), starts: today, last_night: today, kind: "percent".into(), amount: String::new(), label: String::new(),
    });
    let percent = s.kind != "fixed";
    view! {
        <ActionForm action=save attr:class=CARD attr:data-testid="season-form">
            <h3 class="text-lg font-semibold">{if new { "Add a season".to_owned() } else { format!("Change {}", s.name) }}</h3>
            <input type="hidden" name="room_type" value=room_type/>
            <input type="hidden" name="id" value=if new { String::new() } else { s.id.to_string() }/>
            <label class="grid gap-1 text-sm">"Name"
                <input name="name" value=s.name.clone() class=INPUT aria-describedby="se-name-error" required=true/>
                {beside(error, "name", "se-")}
            </label>
            <div class="grid grid-cols-2 gap-3">
                <label class="grid gap-1 text-sm">"First night"
                    <input name="starts" type="date" value=if new { String::new() } else { s.starts.to_string() } class=INPUT aria-describedby="se-starts-error" required=true/>
                    {beside(error, "starts", "se-")}
                </label>
                <label class="grid gap-1 text-sm">"Last night"
                    <input name="last_night" type="date" value=if new { String::new() } else { s.last_night.to_string() } class=INPUT aria-describedby="se-last_night-error" required=true/>
                    {beside(error, "last_night", "se-")}
                </label>
            </div>
            <div class="grid grid-cols-2 gap-3">
                <label class="grid gap-1 text-sm">"Priced as"
                    <select name="kind" class=INPUT>
                        <option value="percent" selected=percent>"a percentage on the base price"</option>
                        <option value="fixed" selected=!percent>"a fixed price a night"</option>
                    </select>
                </label>
                <label class="grid gap-1 text-sm">"Percentage or price"
                    <input name="amount" value=s.amount.clone() class=INPUT aria-describedby="se-amount-error" required=true autocomplete="off"/>
                    {beside(error, "amount", "se-")}
                </label>
            </div>
            <TryStay prefix="se-" today=today answer=answer/>
            <Buttons save_label=if new { "Add the season" } else { "Save the season" } pending=save.pending().into() answer=answer testid="season-preview"/>
            {(!new).then(|| view! {
                <button type="button" on:click=move |_| editing.set(None) class="justify-self-start rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100">"Cancel the change"</button>
            })}
        </ActionForm>
    }
}

#[component]
pub fn PlanForm(room_type: String, plan: PlanView, today: NaiveDate, save: ServerAction<SaveRatePlan>) -> impl IntoView {
    let answer: Answer = save.value().into();
    let error = errors(answer);
    let text = move |label: &'static str, name: &'static str, value: String| view! {
        <label class="grid gap-1 text-sm">{label}
            <input name=name value=value class=INPUT aria-describedby=format!("pl-{name}-error") required=true autocomplete="off"/>
            {beside(error, name, "pl-")}
        </label>
    };
    let fee = plan.late_fee.clone();
    view! {
        <ActionForm action=save attr:class=CARD attr:data-testid="plan-form">
            <h3 class="text-lg font-semibold">"Guests, taxes and cancellation"</h3>
            <p class="text-sm text-slate-700">{plan.summary.clone()}</p>
            <input type="hidden" name="room_type" value=room_type/>
            <div class="grid grid-cols-2 gap-3">
                {text("Adults in the price", "included_adults", plan.included_adults.to_string())}
                {text("Children in the price", "included_children", plan.included_children.to_string())}
                {text("Each extra adult a night", "extra_adult", plan.extra_adult.clone())}
                {text("Each extra child a night", "extra_child", plan.extra_child.clone())}
                {text("VAT (%)", "vat", plan.vat.clone())}
                {text("City tax a guest a night", "city_tax", plan.city_tax.clone())}
                {text("City tax for at most (nights)", "city_tax_max_nights", plan.city_tax_max_nights.to_string())}
                {text("Free to cancel until (days before)", "free_days", plan.free_days.to_string())}
                <label class="grid gap-1 text-sm">"Later, cancelling costs"
                    <select name="late_fee" class=INPUT aria-describedby="pl-late_fee-error">
                        <option value="none" selected=fee == "none">"nothing"</option>
                        <option value="first_night" selected=fee == "first_night">"the first night"</option>
                        <option value="percent" selected=fee == "percent">"a share of the stay"</option>
                    </select>
                    {beside(error, "late_fee", "pl-")}
                </label>
                <label class="grid gap-1 text-sm">"Share of the stay (%)"
                    <input name="late_percent" value=plan.late_percent.clone() class=INPUT aria-describedby="pl-late_percent-error" autocomplete="off"/>
                    {beside(error, "late_percent", "pl-")}
                </label>
            </div>
            <TryStay prefix="pl-" today=today answer=answer/>
            <Buttons save_label="Save the plan" pending=save.pending().into() answer=answer testid="plan-preview"/>
        </ActionForm>
    }
}

#[component]
pub fn WeekdayForm(room_type: String, today: NaiveDate, save: ServerAction<SaveWeekday>) -> impl IntoView {
    let answer: Answer = save.value().into();
    let error = errors(answer);
    let days = [("mon", "Mon"), ("tue", "Tue"), ("wed", "Wed"), ("thu", "Thu"), ("fri", "Fri"), ("sat", "Sat"), ("sun", "Sun")];
    view! {
        <ActionForm action=save attr:class=CARD attr:data-testid="weekday-form">
            <h3 class="text-lg font-semibold">"Set a weekday adjustment"</h3>
            <input type="hidden" name="room_type" value=room_type/>
            <div class="grid grid-cols-2 gap-3">
                <label class="grid gap-1 text-sm">"Name"
                    <input name="name" class=INPUT aria-describedby="wd-name-error" required=true placeholder="Weekend"/>
                    {beside(error, "name", "wd-")}
                </label>
                <label class="grid gap-1 text-sm">"Adjustment (%)"
                    <input name="adjust" class=INPUT aria-describedby="wd-adjust-error" required=true autocomplete="off" placeholder="15"/>
                    {beside(error, "adjust", "wd-")}
                </label>
            </div>
            <fieldset class="text-sm" aria-describedby="wd-days-error">
                <legend class="mb-1">"Nights starting on"</legend>
                <div class="flex flex-wrap gap-3">
                    {days.into_iter().map(|(key, label)| view! {
                        <label class="flex items-center gap-1"><input type="checkbox" name=format!("days[{key}]")/>{label}</label>
                    }).collect_view()}
                </div>
                {beside(error, "days", "wd-")}
            </fieldset>
            <TryStay prefix="wd-" today=today answer=answer/>
            <Buttons save_label="Save the adjustment" pending=save.pending().into() answer=answer testid="weekday-preview"/>
        </ActionForm>
    }
}

#[component]
pub fn StayDiscountForm(room_type: String, today: NaiveDate, save: ServerAction<SaveStayDiscount>) -> impl IntoView {
    let answer: Answer = save.value().into();
    let error = errors(answer);
    view! {
        <ActionForm action=save attr:class=CARD attr:data-testid="stay-discount-form">
            <h3 class="text-lg font-semibold">"Set a long-stay discount"</h3>
            <input type="hidden" name="room_type" value=room_type/>
            <div class="grid grid-cols-2 gap-3">
                <label class="grid gap-1 text-sm">"From (nights)"
                    <input name="min_nights" inputmode="numeric" class=INPUT aria-describedby="sd-min_nights-error" required=true autocomplete="off"/>
                    {beside(error, "min_nights", "sd-")}
                </label>
                <label class="grid gap-1 text-sm">"Discount (%)"
                    <input name="discount" class=INPUT aria-describedby="sd-discount-error" required=true autocomplete="off"/>
                    {beside(error, "discount", "sd-")}
                </label>
            </div>
            <TryStay prefix="sd-" today=today answer=answer/>
            <Buttons save_label="Save the discount" pending=save.pending().into() answer=answer testid="stay-discount-preview"/>
        </ActionForm>
    }
}

#[component]
pub fn RestrictionForm(room_type: String, today: NaiveDate, save: ServerAction<AddRestriction>) -> impl IntoView {
    let answer: Answer = save.value().into();
    let error = errors(answer);
    let rules = [
        ("min_stay", "at least … nights"), ("max_stay", "at most … nights"), ("closed_to_arrival", "closed to arrival"),
        ("closed_to_departure", "closed to departure"), ("min_lead_days", "booked … days ahead or more"), ("max_advance_days", "booked … days ahead at most"),
    ];
    view! {
        <ActionForm action=save attr:class=CARD attr:data-testid="restriction-form">
            <h3 class="text-lg font-semibold">"Add a restriction"</h3>
            <input type="hidden" name="room_type" value=room_type/>
            <div class="grid grid-cols-2 gap-3">
                <label class="grid gap-1 text-sm">"Rule"
                    <select name="rule" class=INPUT aria-describedby="re-rule-error">
                        {rules.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                    </select>
                    {beside(error, "rule", "re-")}
                </label>
                <label class="grid gap-1 text-sm">"Nights or days (…)"
                    <input name="value" inputmode="numeric" class=INPUT aria-describedby="re-value-error" autocomplete="off"/>
                    {beside(error, "value", "re-")}
                </label>
                <label class="grid gap-1 text-sm">"For arrivals from"
                    <input name="first" type="date" class=INPUT aria-describedby="re-first-error" required=true/>
                    {beside(error, "first", "re-")}
                </label>
                <label class="grid gap-1 text-sm">"Until (inclusive)"
                    <input name="last" type="date" class=INPUT aria-describedby="re-last-error" required=true/>
                    {beside(error, "last", "re-")}
                </label>
            </div>
            <TryStay prefix="re-" today=today answer=answer/>
            <Buttons save_label="Add the restriction" pending=save.pending().into() answer=answer testid="restriction-preview"/>
        </ActionForm>
    }
}

#[component]
pub fn PromoForm(today: NaiveDate, save: ServerAction<AddPromo>) -> impl IntoView {
    let error = move || save.value().get().and_then(Result::err);
    let other = move || error().filter(|e| !matches!(e, AppError::InvalidField { .. }));
    view! {
        <ActionForm action=save attr:class=CARD attr:data-testid="promo-form">
            <h3 class="text-lg font-semibold">"Add a promo code"</h3>
            <div class="grid grid-cols-2 gap-3">
                <label class="grid gap-1 text-sm">"Code"
                    <input name="code" class=INPUT aria-describedby="pr-code-error" required=true autocomplete="off" placeholder="SPRING10"/>
                    {beside(error, "code", "pr-")}
                </label>
                <label class="grid gap-1 text-sm">"From (nights)"
                    <input name="min_nights" value="1" inputmode="numeric" class=INPUT aria-describedby="pr-min_nights-error" required=true/>
                    {beside(error, "min_nights", "pr-")}
                </label>
                <label class="grid gap-1 text-sm">"Takes off"
                    <select name="kind" class=INPUT>
                        <option value="percent">"a percentage of the room"</option>
                        <option value="fixed">"an amount once a stay"</option>
                    </select>
                </label>
                <label class="grid gap-1 text-sm">"Percentage or amount"
                    <input name="amount" class=INPUT aria-describedby="pr-amount-error" required=true autocomplete="off"/>
                    {beside(error, "amount", "pr-")}
                </label>
                <label class="grid gap-1 text-sm">"Valid for arrivals from"
                    <input name="first" type="date" value=today.to_string() class=INPUT aria-describedby="pr-first-error" required=true/>
                    {beside(error, "first", "pr-")}
                </label>
                <label class="grid gap-1 text-sm">"Until (inclusive)"
                    <input name="last" type="date" class=INPUT aria-describedby="pr-last-error" required=true/>
                    {beside(error, "last", "pr-")}
                </label>
            </div>
            {move || other().map(|e| view! { <ErrorNotice error=e/> })}
            <button type="submit" disabled=move || save.pending().get()
                class="justify-self-start rounded bg-sky-800 px-3 py-1.5 font-medium text-white hover:bg-sky-900 disabled:opacity-50">"Add the promo code"</button>
        </ActionForm>
    }
}
