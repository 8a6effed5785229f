use crate::api::bookings::my_bookings;
use crate::error::ErrorNotice;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The signed-in person's bookings, 20 a page.
#[component]
pub fn MyBookingsPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(0);
    let list = Resource::new(page, my_bookings);
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"My bookings"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || list.get().map(|r| match r {
                Ok(list) if list.is_empty() && page() == 0 => view! { <p>"You have no bookings yet."</p> }.into_any(),
                Ok(list) => {
                    let more = list.len() == 20;
                    view! {
                        <table class="w-full border-collapse bg-white text-left" data-testid="my-bookings">
                            <thead><tr><th>"Reference"</th><th>"Room"</th><th>"Dates"</th><th>"Total"</th><th>"Status"</th></tr></thead>
                            <tbody>
                                {list.into_iter().map(|b| view! {
                                    <tr class="border-t">
                                        <td><a class="underline" href=format!("/bookings/{}", b.id)>{b.reference.clone()}</a></td>
                                        <td>{format!("{} · {}", b.room_type, b.room_number)}</td>
                                        <td>{format!("{} → {}", b.check_in, b.check_out)}</td>
                                        <td>{b.total.to_string()}</td>
                                        <td>{b.status.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <nav class="mt-4 flex gap-4">
                            {(page() > 0).then(|| view! { <a class="underline" href=format!("/bookings?page={}", page() - 1)>"← Newer"</a> })}
                            {more.then(|| view! { <a class="underline" href=format!("/bookings?page={}", page() + 1)>"Older →"</a> })}
                        </nav>
                    }.into_any()
                }
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Suspense>
    }
}
