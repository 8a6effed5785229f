//! What a staff page says after an action went through ("Moved to room 204"): one polite live
//! region per staff area, provided by the staff frame, so every page says it the same way and
//! a screen reader reads it out without focus moving. Refusals are not toasts: they stay beside
//! the control that was refused.
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The staff area's toast region, to say something in.
#[derive(Debug, Clone, Copy)]
pub struct Toasts(RwSignal<Option<String>>);

impl Toasts {
    /// Shows `text`, in place of whatever was said before; it stays until the next message, a
    /// dismissal or another page.
    pub fn say(self, text: impl Into<String>) {
        self.0.set(Some(text.into()));
    }

    pub fn clear(self) {
        self.0.set(None);
    }
}

/// Makes the toasts reachable from everything rendered below; the staff frame calls it once.
pub fn provide_toasts() -> Toasts {
    let toasts = Toasts(RwSignal::new(None));
    provide_context(toasts);
    toasts
}

/// The toasts of the staff area the page is in.
pub fn use_toasts() -> Toasts {
    use_context().expect("staff pages are rendered inside the StaffFrame, which provides toasts")
}

/// Where toasts appear. The region stays in the page while its text changes, so each message
/// is read out once; what a page said is cleared when another page opens.
#[component]
pub fn ToastRegion(toasts: Toasts) -> impl IntoView {
    let location = use_location();
    Effect::new(move |shown: Option<String>| {
        let path = location.pathname.get();
        if shown.is_some_and(|p| p != path) {
            toasts.clear();
        }
        path
    });
    view! {
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="toasts">
            {move || toasts.0.get().map(|text| view! {
                <p class="mb-3 inline-flex items-center gap-3 rounded bg-emerald-50 px-3 py-1.5 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-300">
                    <span data-testid="toast">{text}</span>
                    <button type="button" aria-label="Dismiss" on:click=move |_| toasts.clear()
                        class="rounded px-1 leading-none text-emerald-900 hover:bg-emerald-100">"×"</button>
                </p>
            })}
        </div>
    }
}
