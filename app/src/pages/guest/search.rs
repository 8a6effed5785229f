use crate::api::search::search;
use crate::error::ErrorNotice;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The stay search: a plain GET form, so it works before the WASM loads and results can be linked.
#[component]
pub fn SearchForm() -> impl IntoView {
    let query = use_query_map();
    let value = move |k: &str| query.read().get(k).unwrap_or_default();
    view! {
        <form method="get" action="/search" data-testid="search-form"
            class="mb-8 flex flex-wrap items-end gap-3 rounded-lg border bg-white p-4">
            <label class="grid gap-1 text-sm">"Check-in"
                <input type="date" name="check_in" required value=value("check_in") class="rounded border px-2 py-1"/>
            </label>
            <label class="grid gap-1 text-sm">"Check-out"
                <input type="date" name="check_out" required value=value("check_out") class="rounded border px-2 py-1"/>
            </label>
            <label class="grid gap-1 text-sm">"Adults"
                <input type="number" name="adults" min="1" max="12" required class="w-20 rounded border px-2 py-1"
                    value=move || { let a = value("adults"); if a.is_empty() { "2".to_owned() } else { a } }/>
            </label>
            <label class="grid gap-1 text-sm">"Children"
                <input type="number" name="children" min="0" max="11" class="w-20 rounded border px-2 py-1"
                    value=move || { let c = value("children"); if c.is_empty() { "0".to_owned() } else { c } }/>
            </label>
            <label class="grid gap-1 text-sm">"Promo code"
                <input type="text" name="promo" value=value("promo") class="w-32 rounded border px-2 py-1 uppercase"/>
            </label>
            <button type="submit" class="rounded bg-teal-700 px-4 py-2 text-white hover:bg-teal-800">"Search"</button>
        </form>
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let results = Resource::new(
        move || {
            let q = query.get();
            let get = |k: &str| q.get(k).unwrap_or_default();
            (get("check_in"), get("check_out"), get("adults").parse().unwrap_or(0), get("children").parse().unwrap_or(0), get("promo"))
        },
        |(check_in, check_out, adults, children, promo)| search(check_in, check_out, adults, children, promo),
    );
    // Carries the search into the room page, so its form and quote start from it.
    let carry = move || {
        let q = query.get_untracked();
        ["check_in", "check_out", "adults", "children", "promo"]
            .iter()
            .filter_map(|k| q.get(k).map(|v| format!("{k}={}", urlencoding(&v))))
            .collect::<Vec<_>>()
            .join("&")
    };
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Find a room"</h1>
        <SearchForm/>
        <Suspense fallback=|| view! { <p>"Searching…"</p> }>
            {move || results.get().map(|r| match r {
                Ok(list) if list.is_empty() => view! {
                    <p role="status">"No room fits your party for those dates. Try other dates or fewer guests per room."</p>
                }.into_any(),
                Ok(list) => {
                    let carried = carry();
                    view! {
                    <ul class="grid gap-3" data-testid="search-results">
                        {list.into_iter().map(|a| {
                            let href = format!("/rooms/{}?{}", a.code, carried);
                            view! {
                            <li class="flex items-center justify-between rounded-lg border bg-white p-4" data-code=a.code.clone()>
                                <div>
                                    <h2 class="text-lg font-medium">{a.name.clone()}</h2>
                                    <p class="text-sm text-stone-600">{format!("{} nights · from {} a night · {} left", a.nights, a.nightly, a.rooms_free)}</p>
                                    {a.refusal.clone().map(|r| view! { <p data-testid="refusal" class="mt-1 text-sm text-amber-800">{r}</p> })}
                                </div>
                                {a.total.map(|total| view! {
                                    <div class="text-right">
                                        <p class="text-lg font-semibold" data-testid="stay-total">{total.to_string()}</p>
                                        <p class="text-xs text-stone-500">"taxes included"</p>
                                        <a href=href.clone() class="text-teal-800 underline">"Choose"</a>
                                    </div>
                                })}
                            </li>
                        }}).collect_view()}
                    </ul>
                    }.into_any()
                }
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Suspense>
    }
}

/// Enough escaping for dates, numbers and promo codes in a query string.
fn urlencoding(v: &str) -> String {
    v.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}
