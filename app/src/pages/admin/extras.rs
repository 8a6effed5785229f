//! The extras catalogue: the list the front desk posts from, paged; a form beside it adds an
//! extra or changes the one chosen (name, price with VAT, VAT rate, on the desk's list or not).
use crate::api::admin::extras::{extras_page, SaveExtra, EXTRAS_PER_PAGE};
use crate::components::staff::badge::{Badge, Tone};
use crate::components::staff::table::{EmptyRow, HeadRow, Pager};
use crate::components::staff::toast::use_toasts;
use crate::dto::admin::ExtraView;
use crate::error::{AppError, ErrorNotice};
use crate::components::staff::form::{beside, INPUT};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ExtrasPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(0);
    let save = ServerAction::<SaveExtra>::new();
    let editing = RwSignal::new(None::<ExtraView>);
    let list = Resource::new(move || (page(), save.version().get()), |(page, _)| extras_page(page));
    let toasts = use_toasts();
    Effect::new(move || {
        if let Some(Ok(e)) = save.value().get() {
            toasts.say(format!("Saved: {} at {}{}", e.name, e.price, if e.active { "" } else { " (off the desk's list)" }));
            editing.set(None);
        }
    });
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Extras"</h1>
        <div class="grid grid-cols-[1fr_24rem] items-start gap-6">
            <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading the extras…"</p> }>
                {move || list.get().map(|answer| match answer {
                    Ok(page) => view! {
                        <div>
                            <table class="w-full rounded-lg bg-white text-sm ring-1 ring-slate-200" data-testid="extras">
                                <HeadRow columns=&["Extra", "Code", "Price (VAT incl.)", "VAT", "On the desk's list", "Action"]/>
                                <tbody>
                                    {page.extras.is_empty().then(|| view! { <EmptyRow columns=6 text="No extra yet."/> })}
                                    {page.extras.into_iter().map(|e| view! { <ExtraRow extra=e editing=editing/> }).collect_view()}
                                </tbody>
                            </table>
                            <Pager page=page.page per_page=EXTRAS_PER_PAGE total=page.total/>
                        </div>
                    }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                })}
            </Transition>
            {move || view! { <ExtraForm extra=editing.get() save=save editing=editing/> }}
        </div>
    }
}

#[component]
fn ExtraRow(extra: ExtraView, editing: RwSignal<Option<ExtraView>>) -> impl IntoView {
    let label = format!("Change {}", extra.name);
    let chosen = extra.clone();
    view! {
        <tr class="border-t border-slate-200" data-testid="extra" data-code=extra.code.clone()>
            <th scope="row" class="px-3 py-2 text-left font-medium">{extra.name.clone()}</th>
            <td class="px-3 py-2 font-mono text-xs">{extra.code.clone()}</td>
            <td class="px-3 py-2" data-testid="extra-price">{extra.price.to_string()}</td>
            <td class="px-3 py-2">{format!("{} %", extra.vat_percent)}</td>
            <td class="px-3 py-2">
                {if extra.active { view! { <Badge tone=Tone::Good label="on the list"/> } } else { view! { <Badge tone=Tone::Neutral label="off the list"/> } }}
            </td>
            <td class="px-3 py-2">
                <button type="button" aria-label=label on:click=move |_| editing.set(Some(chosen.clone()))
                    class="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">"Change"</button>
            </td>
        </tr>
    }
}

#[component]
fn ExtraForm(extra: Option<ExtraView>, save: ServerAction<SaveExtra>, editing: RwSignal<Option<ExtraView>>) -> impl IntoView {
    let error = move || save.value().get().and_then(Result::err);
    let beside = move |field: &'static str| beside(error, field, "");
    let other = move || error().filter(|e| !matches!(e, AppError::InvalidField { .. }));
    let new = extra.is_none();
    let e = extra.unwrap_or(ExtraView { id: String::new(), code: String::new(), name: String::new(), price: kernel::Money::zero(kernel::hotel::HOTEL.currency), vat_percent: "19".into(), active: true });
    let price = if new { String::new() } else { e.price.to_decimal_string() };
    let input = INPUT;
    view! {
        <section class="rounded-lg bg-white p-4 ring-1 ring-slate-200" aria-labelledby="extra-form-title">
            <h2 id="extra-form-title" class="mb-3 text-lg font-semibold">{if new { "Add an extra".to_owned() } else { format!("Change {}", e.name) }}</h2>
            <ActionForm action=save attr:class="grid gap-3" attr:data-testid="extra-form">
                <input type="hidden" name="id" value=e.id.clone()/>
                <label class="grid gap-1 text-sm">"Code (fixed once added)"
                    <input name="code" value=e.code.clone() readonly=!new class=input aria-describedby="code-error" autocomplete="off"/>
                    {beside("code")}
                </label>
                <label class="grid gap-1 text-sm">"Name on the folio"
                    <input name="name" value=e.name.clone() class=input aria-describedby="name-error" required=true/>
                    {beside("name")}
                </label>
                <label class="grid gap-1 text-sm">{format!("Price, VAT included ({})", kernel::hotel::HOTEL.currency.code())}
                    <input name="price" value=price inputmode="decimal" class=input aria-describedby="price-error" required=true/>
                    {beside("price")}
                </label>
                <label class="grid gap-1 text-sm">"VAT rate (%)"
                    <input name="vat" value=e.vat_percent.clone() inputmode="decimal" class=input aria-describedby="vat-error" required=true/>
                    {beside("vat")}
                </label>
                <label class="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="active" checked=e.active/>"On the desk's list"
                </label>
                {move || other().map(|e| view! { <ErrorNotice error=e/> })}
                <div class="flex gap-2">
                    <button type="submit" disabled=move || save.pending().get()
                        class="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 disabled:opacity-50">
                        {if new { "Add the extra" } else { "Save the change" }}
                    </button>
                    {(!new).then(|| view! {
                        <button type="button" on:click=move |_| editing.set(None) class="rounded border border-slate-400 px-4 py-2 hover:bg-slate-100">"Cancel"</button>
                    })}
                </div>
            </ActionForm>
        </section>
    }
}
