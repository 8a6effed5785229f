//! What every staff list shares: paging and sorting that live in the page's address (so a
//! list can be linked, reloaded and walked with the browser's back button), and the states
//! of a list that is empty or failed.
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

/// The current address with `changes` applied to its query (an empty value removes the key).
pub fn href_with(
    changes: &[(&str, String)],
) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let query = use_query_map();
    let location = use_location();
    let changes: Vec<(String, String)> = changes
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    move || {
        let mut pairs: Vec<(String, String)> = query
            .get()
            .into_iter()
            .map(|(k, v)| (k.into_owned(), v))
            .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
            .collect();
        pairs.extend(changes.iter().filter(|(_, v)| !v.is_empty()).cloned());
        let encoded: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        format!("{}?{}", location.pathname.get(), encoded.join("&"))
    }
}

fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// "21–40 of 132" with links to the pages before and after.
#[component]
pub fn Pager(
    page: u32,
    per_page: u32,
    total: u64,
    #[prop(default = "page")] key: &'static str,
) -> impl IntoView {
    let first = u64::from(page) * u64::from(per_page);
    let last = (first + u64::from(per_page)).min(total);
    let previous = href_with(&[(key, page.saturating_sub(1).to_string())]);
    let next = href_with(&[(key, (page + 1).to_string())]);
    let link = "rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100";
    view! {
        <nav class="mt-3 flex items-center gap-3 text-sm" aria-label="Pages">
            <span data-testid="pager-range">
                {if total == 0 { "none".to_owned() } else { format!("{}–{} of {}", first + 1, last, total) }}
            </span>
            {(page > 0).then(|| view! { <a class=link href=previous rel="prev">"Previous"</a> })}
            {(last < total).then(|| view! { <a class=link href=next rel="next">"Next"</a> })}
        </nav>
    }
}

/// A row across the table saying there is nothing to show, and why.
#[component]
pub fn EmptyRow(columns: u8, #[prop(into)] text: String) -> impl IntoView {
    view! {
        <tr><td colspan=columns class="px-3 py-6 text-center text-slate-500" data-testid="empty">{text}</td></tr>
    }
}

/// Table head cell that sorts by `key` when followed; `aria-sort` marks the current one.
#[component]
pub fn SortHeader(label: &'static str, key: &'static str, current: String) -> impl IntoView {
    let href = href_with(&[("sort", key.to_owned()), ("page", String::new())]);
    let sorted = current == key;
    view! {
        <th scope="col" class="px-3 py-2 text-left font-medium" aria-sort=sorted.then_some("ascending")>
            <a href=href class="hover:underline">{label}{sorted.then_some(" ▲")}</a>
        </th>
    }
}

/// A table's plain head row, one column header per label: the same look on every staff table.
#[component]
pub fn HeadRow(columns: &'static [&'static str]) -> impl IntoView {
    view! {
        <thead class="bg-slate-100 text-sm text-slate-700">
            <tr>{columns.iter().map(|label| view! { <th scope="col" class="px-3 py-2 text-left font-medium">{*label}</th> }).collect_view()}</tr>
        </thead>
    }
}
