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
            <button type="submit" class="rounded bg-teal-700 px-4 py-2 text-white hover:bg-teal-800">"Search"</button>
        </form>
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let results = Resource::new(
        move || {
            let q = query.read();
            let get = |k: &str| q.get(k).unwrap_or_default();
            (get("check_in"), get("check_out"), get("adults").parse().unwrap_or(0), get("children").parse().unwrap_or(0))
        },
        |(check_in, check_out, adults, children)| search(check_in, check_out, adults, children),
    );
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Find a room"</h1>
        <SearchForm/>
        <Suspense fallback=|| view! { <p>"Searching…"</p> }>
            {move || results.get().map(|r| match r {
                Ok(list) if list.is_empty() => view! {
                    <p role="status">"No room fits your party for those dates. Try other dates or fewer guests per room."</p>
                }.into_any(),
                Ok(list) => view! {
                    <ul class="grid gap-3" data-testid="search-results">
                        {list.into_iter().map(|a| view! {
                            <li class="flex items-center justify-between rounded-lg border bg-white p-4">
                                <div>
                                    <h2 class="text-lg font-medium">{a.name.clone()}</h2>
                                    <p class="text-sm text-stone-600">{format!("{} nights × {} · {} left", a.nights, a.nightly, a.rooms_free)}</p>
                                </div>
                                <div class="text-right">
                                    <p class="text-lg font-semibold" data-testid="stay-total">{a.total.to_string()}</p>
                                    <a href=format!("/rooms/{}", a.code) class="text-teal-800 underline">"Choose"</a>
                                </div>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Suspense>
    }
}
