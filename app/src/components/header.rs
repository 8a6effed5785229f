use crate::api::session::whoami;
use kernel::hotel::HOTEL;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Top bar: the hotel's name, and who is signed in with a way in or out.
#[component]
pub fn Header() -> impl IntoView {
    let me = Resource::new(|| (), |_| whoami());
    let location = use_location();
    let login_href = move || format!("/auth/login?return_to={}", location.pathname.get());
    view! {
        <header class="border-b border-stone-200 bg-white">
            <nav class="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
                <a href="/" class="text-lg font-semibold tracking-tight">{HOTEL.name}</a>
                <Suspense fallback=|| ()>
                    {move || me.get().map(|me| match me.ok().flatten() {
                        Some(user) => view! {
                            <div class="flex items-center gap-4 text-sm">
                                {user.role.manages_bookings().then(|| view! { <a href="/desk" class="hover:underline">"Front desk"</a> })}
                                <a href="/bookings" class="hover:underline">"My bookings"</a>
                                <span data-testid="signed-in-as">{user.name.clone()} " · " {user.role.to_string()}</span>
                                <form method="post" action="/auth/logout">
                                    <button type="submit" class="rounded border px-3 py-1 hover:bg-stone-100">"Sign out"</button>
                                </form>
                            </div>
                        }.into_any(),
                        None => view! {
                            <a href=login_href rel="external" class="rounded bg-teal-700 px-3 py-1 text-sm text-white hover:bg-teal-800">
                                "Sign in"
                            </a>
                        }.into_any(),
                    })}
                </Suspense>
            </nav>
        </header>
    }
}
