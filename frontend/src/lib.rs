#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Lazy: the desk's routes are WASM chunks of their own (see app::pages::desk::routes).
    leptos::mount::hydrate_lazy(app::App);
}
