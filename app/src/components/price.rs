//! A priced stay as a bill: every night with the rules that priced it, then discounts and taxes.
use crate::dto::PriceView;
use leptos::prelude::*;

#[component]
pub fn PriceTable(price: PriceView) -> impl IntoView {
    view! {
        <table data-testid="price-table" class="mt-3 w-full text-sm">
            <tbody>
                {price.nights.into_iter().map(|n| view! {
                    <tr class="border-b border-stone-100">
                        <td class="py-1 pr-3 whitespace-nowrap">{n.date.format("%a %Y-%m-%d").to_string()}</td>
                        <td class="py-1 pr-3 text-stone-500">{n.rules}</td>
                        <td class="py-1 text-right whitespace-nowrap">{n.amount.to_string()}</td>
                    </tr>
                }).collect_view()}
                {price.lines.into_iter().map(|l| view! {
                    <tr class="border-b border-stone-100">
                        <td class="py-1 pr-3" colspan="2">{l.label}</td>
                        <td class="py-1 text-right whitespace-nowrap">{l.amount.to_string()}</td>
                    </tr>
                }).collect_view()}
                <tr class="font-semibold">
                    <td class="py-1 pr-3" colspan="2">"Total"</td>
                    <td class="py-1 text-right whitespace-nowrap" data-testid="price-total">{price.total.to_string()}</td>
                </tr>
            </tbody>
        </table>
    }
}
