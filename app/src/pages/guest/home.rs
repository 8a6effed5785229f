use crate::api::rooms::list_room_types;
use crate::dto::RoomTypeView;
use crate::error::ErrorNotice;
use leptos::prelude::*;

/// The front page: every room type with its price from.
#[component]
pub fn HomePage() -> impl IntoView {
    let types = Resource::new(|| (), |_| list_room_types());
    view! {
        <h1 class="mb-6 text-3xl font-semibold">"Stay with us"</h1>
        <super::search::SearchForm/>
        <Suspense fallback=|| view! { <p>"Loading rooms…"</p> }>
            {move || types.get().map(|r| match r {
                Ok(types) => view! {
                    <ul class="grid gap-4 sm:grid-cols-2" data-testid="room-types">
                        {types.into_iter().map(|t| view! { <RoomTypeCard room_type=t/> }).collect_view()}
                    </ul>
                }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn RoomTypeCard(room_type: RoomTypeView) -> impl IntoView {
    let href = format!("/rooms/{}", room_type.code);
    view! {
        <li class="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <h2 class="text-xl font-medium">{room_type.name.clone()}</h2>
            <p class="text-stone-600">{room_type.description.clone()}</p>
            <p class="mt-2 text-sm text-stone-500">
                {format!("{} · {} m² · up to {} adults, {} children", room_type.beds, room_type.size_m2, room_type.max_adults, room_type.max_children)}
            </p>
            <p class="mt-2 text-sm">
                {room_type.features.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join(" · ")}
            </p>
            <div class="mt-4 flex items-center justify-between">
                <span class="text-lg font-semibold">{format!("from {} / night", room_type.nightly)}</span>
                <a href=href class="rounded bg-teal-700 px-4 py-2 text-white hover:bg-teal-800">"Book"</a>
            </div>
        </li>
    }
}
