//! The one way a staff area asks "are you sure?". The browser's modal `<dialog>` (`showModal`)
//! already moves focus in, keeps it there, makes the page behind inert and cancels on Escape;
//! leptos-use has no dialog hook to add to that, so it is driven through web-sys directly.
use leptos::html::Dialog;
use leptos::prelude::*;

/// A modal question with a confirm and a cancel button. Set `open` to ask; the dialog sets it
/// back when answered and calls `on_confirm` only on a yes (Cancel and Escape call `on_cancel`).
/// Focus starts on Cancel, the answer that changes nothing, and goes back to whatever had it.
///
/// ```ignore
/// let ask = RwSignal::new(false);
/// view! {
///     <button on:click=move |_| ask.set(true)>"Mark as no-show"</button>
///     <ConfirmDialog id="no-show" open=ask title="Mark as no-show?"
///         message="The guest is charged the first night." confirm_label="Mark as no-show"
///         on_confirm=move |_| { no_show.dispatch(..); }/>
/// }
/// ```
#[component]
pub fn ConfirmDialog(
    /// Unique on the page; names the title (`{id}-title`) and the message (`{id}-message`).
    id: &'static str,
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] message: Signal<String>,
    #[prop(into, default = "Confirm".into())] confirm_label: Signal<String>,
    #[prop(into, default = "Cancel".into())] cancel_label: Signal<String>,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into, optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    // The opener is marked in the page rather than held here: a browser object kept by the
    // component would be dropped on the server too, on whichever thread ends the render.
    let mark = format!("[data-dialog-opener=\"{id}\"]");
    Effect::new(move |_| {
        let (Some(d), wanted) = (dialog.get(), open.get()) else {
            return;
        };
        if wanted && !d.open() {
            if let Some(focused) = document().active_element() {
                let _ = focused.set_attribute("data-dialog-opener", id);
            }
            d.set_return_value("");
            if let Err(e) = d.show_modal() {
                leptos::logging::error!("the dialog {id} could not open: {e:?}");
                open.set(false);
            }
        } else if !wanted && d.open() {
            d.close();
        }
    });
    // Both buttons submit the `method="dialog"` form, which closes the dialog with the
    // button's value; Escape closes it with none.
    let closed = move |_| {
        let confirmed = dialog
            .get_untracked()
            .is_some_and(|d| d.return_value() == "confirm");
        open.set(false);
        if let Ok(Some(opener)) = document().query_selector(&mark) {
            use leptos::wasm_bindgen::JsCast;
            let _ = opener.remove_attribute("data-dialog-opener");
            if let Some(opener) = opener.dyn_ref::<leptos::web_sys::HtmlElement>() {
                let _ = opener.focus();
            }
        }
        if confirmed {
            on_confirm.run(());
        } else if let Some(cancel) = on_cancel {
            cancel.run(());
        }
    };
    let button = "rounded px-4 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-offset-2";
    view! {
        <dialog node_ref=dialog on:close=closed aria-labelledby=format!("{id}-title")
            aria-describedby=format!("{id}-message") data-testid="confirm-dialog"
            class="w-full max-w-md rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40">
            <form method="dialog" class="grid gap-4 p-5">
                <h2 id=format!("{id}-title") class="text-lg font-semibold">{title}</h2>
                <p id=format!("{id}-message")>{message}</p>
                <div class="flex justify-end gap-2">
                    <button type="submit" value="cancel" autofocus
                        class=format!("{button} border border-slate-400 bg-white hover:bg-slate-100 focus-visible:ring-slate-500")>
                        {cancel_label}
                    </button>
                    <button type="submit" value="confirm"
                        class=format!("{button} bg-sky-800 text-white hover:bg-sky-900 focus-visible:ring-sky-700")>
                        {confirm_label}
                    </button>
                </div>
            </form>
        </dialog>
    }
}
