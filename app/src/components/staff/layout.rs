use crate::dto::SessionUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A staff area's frame: its name, its pages, who is signed in; the page below.
#[component]
pub fn StaffFrame(
    area: &'static str,
    user: SessionUser,
    links: Vec<(&'static str, &'static str)>,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let toasts = super::toast::provide_toasts();
    view! {
        <div class="min-h-screen bg-slate-50 text-slate-900" data-area=area>
            <a href="#staff-main" class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
                "Skip to content"
            </a>
            <header class="border-b border-slate-200 bg-slate-900 text-white">
                <nav class="flex items-center gap-6 px-6 py-3" aria-label=area>
                    <a href="/" class="font-semibold tracking-tight">{kernel::hotel::HOTEL.name}</a>
                    <span class="text-sm text-slate-300">{area}</span>
                    <ul class="flex gap-1 text-sm">
                        {links.into_iter().map(|(href, label)| {
                            let current = move || location.pathname.get() == href;
                            view! {
                                <li>
                                    <a href=href
                                        class="rounded px-3 py-1.5 hover:bg-slate-700 aria-[current=page]:bg-slate-700"
                                        aria-current=move || current().then_some("page")>
                                        {label}
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <span class="ml-auto text-sm text-slate-300" data-testid="staff-user">{user.name.clone()} " · " {user.role.to_string()}</span>
                    <form method="post" action="/auth/logout">
                        <button type="submit" class="rounded border border-slate-500 px-3 py-1 text-sm hover:bg-slate-700">"Sign out"</button>
                    </form>
                </nav>
            </header>
            <main id="staff-main" class="px-6 py-5"><super::toast::ToastRegion toasts=toasts/>{children()}</main>
        </div>
    }
}

/// Why the area does not open: sign in first (with a way to), or this role may not (403).
#[component]
pub fn StaffRefusal(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        let status = match error {
            AppError::SignInRequired => axum::http::StatusCode::UNAUTHORIZED,
            AppError::Forbidden => axum::http::StatusCode::FORBIDDEN,
            _ => axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        };
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(status);
        }
    }
    let location = use_location();
    // Back to the very page, its query too (a report's range, the rates' room type and month).
    let login = move || {
        let search = location.search.get();
        let query = if search.is_empty() { String::new() } else { format!("?{}", search.trim_start_matches('?')) };
        format!("/auth/login?return_to={}", crate::components::query::encode(&format!("{}{query}", location.pathname.get())))
    };
    view! {
        <main class="mx-auto max-w-xl px-4 py-16" data-testid="staff-refused">
            <h1 class="mb-4 text-2xl font-semibold">
                {match error { AppError::SignInRequired => "Staff sign-in", AppError::Forbidden => "Staff only", _ => "Something went wrong" }}
            </h1>
            {match error {
                AppError::SignInRequired => view! {
                    <p class="mb-6">"Please sign in with your staff account."</p>
                    <a href=login rel="external" class="rounded bg-teal-700 px-4 py-2 text-white hover:bg-teal-800">"Sign in"</a>
                }.into_any(),
                AppError::Forbidden => view! {
                    <p>"Your account does not open this area. Ask a manager if you need it."</p>
                    <p class="mt-4"><a href="/" class="underline">"Back to the hotel's site"</a></p>
                }.into_any(),
                e => view! { <p role="alert">{e.to_string()}</p> }.into_any(),
            }}
        </main>
    }
}

