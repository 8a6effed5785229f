#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Lazy: the desk's routes are WASM chunks of their own (see app::pages::desk::routes), so a
    // page is interactive only once its chunk has loaded and hydrated. Tests and people on slow
    // connections can tell from the body's data-hydrated when that is.
    wasm_bindgen_futures::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else { return };
        leptos::mount::hydrate_from_async(body.clone(), app::App).await.forget();
        let _ = body.set_attribute("data-hydrated", "true");
    });
}
