//! The stay's folio at the desk: what was charged (nights, extras and their VAT, allowances),
//! what was paid, and what is left to settle before the guest leaves; with the forms that post
//! to it and take or give back money (`folio_forms`).
use super::folio_forms::{ChargeForm, ExtraForm, PaymentForm, RefundForm};
use super::stay::{CARD, H2};
use crate::dto::desk_folio::FolioView;
use crate::error::{AppError, ErrorNotice};
use leptos::prelude::*;

pub type FolioResource = Resource<Result<FolioView, AppError>>;

#[component]
pub fn FolioPanel(folio: FolioResource) -> impl IntoView {
    view! {
        <section class=format!("{CARD} mt-4") aria-labelledby="stay-folio" data-testid="folio">
            <h2 id="stay-folio" class=H2>"Folio"</h2>
            <Transition fallback=|| view! { <p class="min-h-24 text-slate-600">"Loading the folio…"</p> }>
                {move || folio.get().map(|answer| match answer {
                    Ok(f) => view! { <FolioBody f=f/> }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn FolioBody(f: FolioView) -> impl IntoView {
    let settle = f.to_settle.minor();
    let settle_words = match settle {
        0 => "Nothing to settle".to_owned(),
        s if s > 0 => "To pay at the desk".to_owned(),
        _ => "To give back to the guest".to_owned(),
    };
    let shown_settle = kernel::Money::from_minor(settle.abs(), f.to_settle.currency());
    view! {
        <div class="grid grid-cols-3 gap-6">
            <div class="col-span-2">
                <table class="w-full text-sm" data-testid="folio-lines">
                    <caption class="sr-only">"Charges on the folio"</caption>
                    <thead><tr class="text-left text-slate-700">
                        <th scope="col" class="font-medium">"Night"</th>
                        <th scope="col" class="font-medium">"Charge"</th>
                        <th scope="col" class="font-medium">"Posted"</th>
                        <th scope="col" class="text-right font-medium">"Amount"</th>
                    </tr></thead>
                    <tbody>
                        {f.lines.iter().map(|l| view! {
                            <tr class="border-t border-slate-100" data-kind=l.kind.clone()>
                                <td class="whitespace-nowrap">{l.night.map(|n| n.format("%a %-d %b").to_string()).unwrap_or_default()}</td>
                                <td>{l.description.clone()}</td>
                                <td class="text-xs text-slate-700">{l.posted.clone().unwrap_or_default()}</td>
                                <td class="text-right tabular-nums">{l.amount.to_string()}</td>
                            </tr>
                        }).collect_view()}
                        {f.payments.iter().map(|p| view! {
                            <tr class="border-t border-slate-100 text-emerald-900" data-kind="payment">
                                <td class="whitespace-nowrap text-xs">{p.at.clone()}</td>
                                <td colspan="2">{p.what.clone()}</td>
                                <td class="text-right tabular-nums">{kernel::Money::from_minor(-p.amount.minor(), p.amount.currency()).to_string()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                {(f.lines.is_empty() && f.payments.is_empty()).then(|| view! { <p class="py-2 text-sm text-slate-700">"Nothing charged yet."</p> })}
            </div>
            <div>
                <dl class="grid gap-1 text-sm">
                    <div class="flex justify-between"><dt>"Balance"</dt><dd class="tabular-nums" data-testid="folio-balance">{f.balance.to_string()}</dd></div>
                    {(f.on_card.minor() > 0).then(|| view! {
                        <div class="flex justify-between"><dt>{format!("Held on {}", f.card_on_file.clone().unwrap_or_else(|| "the card".into()))}</dt>
                            <dd class="tabular-nums" data-testid="on-card">{f.on_card.to_string()}</dd></div>
                        <p class="text-xs text-slate-700">"Taken by itself at check-out."</p>
                    })}
                    <div class="mt-1 flex justify-between border-t border-slate-200 pt-1 font-semibold">
                        <dt>{settle_words}</dt><dd class="tabular-nums" data-testid="to-settle">{shown_settle.to_string()}</dd>
                    </div>
                </dl>
                {(!f.invoices.is_empty()).then(|| view! {
                    <ul class="mt-3 grid gap-1 text-sm" aria-label="Invoices" data-testid="invoices">
                        {f.invoices.iter().map(|i| view! {
                            <li><a href=i.href.clone() rel="external" class="text-slate-800 underline underline-offset-2">{format!("Invoice {} (PDF)", i.number)}</a></li>
                        }).collect_view()}
                    </ul>
                })}
            </div>
        </div>
        {f.open.then(|| view! {
            <div class="mt-4 grid grid-cols-2 gap-4 border-t border-slate-200 pt-4">
                <ExtraForm f=f.clone()/>
                {(settle > 0).then(|| view! { <PaymentForm f=f.clone()/> })}
                {(settle < 0).then(|| view! { <RefundForm f=f.clone()/> })}
                <ChargeForm f=f.clone()/>
                <ChargeForm f=f.clone() allowance=true/>
            </div>
        })}
    }
}
