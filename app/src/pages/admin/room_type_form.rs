//! Adds a room type or changes the one chosen; errors show beside their fields.
use crate::api::admin::rooms::SaveRoomType;
use crate::dto::admin::RoomTypeAdminView;
use crate::error::{AppError, ErrorNotice};
use crate::components::staff::form::{beside, INPUT};
use leptos::prelude::*;

#[component]
pub fn RoomTypeForm(room_type: Option<RoomTypeAdminView>, save: ServerAction<SaveRoomType>, editing: RwSignal<Option<RoomTypeAdminView>>) -> impl IntoView {
    let error = move || save.value().get().and_then(Result::err);
    let other = move || error().filter(|e| !matches!(e, AppError::InvalidField { .. }));
    let new = room_type.is_none();
    let t = room_type.unwrap_or(RoomTypeAdminView {
        code: String::new(), name: String::new(), description: String::new(), max_adults: 2, max_children: 0,
        base_price: kernel::Money::zero(kernel::hotel::HOTEL.currency), beds: String::new(), size_m2: 20,
        amenities: String::new(), features_text: String::new(), features: Vec::new(), retired: false, rooms: 0,
    });
    let price = if new { String::new() } else { t.base_price.to_decimal_string() };
    let field = move |label: String, name: &'static str, value: String, extra: &'static str| {
        view! {
            <label class="grid gap-1 text-sm">{label}
                <input name=name value=value class=INPUT aria-describedby=format!("t-{name}-error") inputmode=extra autocomplete="off"/>
                {beside(error, name, "t-")}
            </label>
        }
    };
    view! {
        <section class="rounded-lg bg-white p-4 ring-1 ring-slate-200" aria-labelledby="type-form-title">
            <h3 id="type-form-title" class="mb-3 text-lg font-semibold">{if new { "Add a room type".to_owned() } else { format!("Change {}", t.name) }}</h3>
            <ActionForm action=save attr:class="grid gap-3" attr:data-testid="room-type-form">
                {new.then(|| view! { <input type="hidden" name="adding" value="on"/> })}
                <label class="grid gap-1 text-sm">"Code (2 to 8 capitals or digits, fixed once added)"
                    <input name="code" value=t.code.clone() readonly=!new class=INPUT aria-describedby="t-code-error" autocomplete="off"/>
                    {beside(error, "code", "t-")}
                </label>
                {field("Name guests see".into(), "name", t.name.clone(), "text")}
                <label class="grid gap-1 text-sm">"Description"
                    <textarea name="description" rows="2" class="rounded border border-slate-400 px-2 py-1" aria-describedby="t-description-error">{t.description.clone()}</textarea>
                    {beside(error, "description", "t-")}
                </label>
                <div class="grid grid-cols-2 gap-3">
                    {field("Adults at most".into(), "max_adults", t.max_adults.to_string(), "numeric")}
                    {field("Children at most".into(), "max_children", t.max_children.to_string(), "numeric")}
                    {field(format!("Base price a night ({})", kernel::hotel::HOTEL.currency.code()), "base_price", price, "decimal")}
                    {field("Size (m²)".into(), "size_m2", t.size_m2.to_string(), "numeric")}
                </div>
                {field("Beds".into(), "beds", t.beds.clone(), "text")}
                {field("Amenities, separated by commas".into(), "amenities", t.amenities.clone(), "text")}
                <label class="grid gap-1 text-sm">"Features, one a line as key: value (yes/no, a number or text)"
                    <textarea name="features" rows="4" class="rounded border border-slate-400 px-2 py-1 font-mono text-xs" aria-describedby="t-features-error">{t.features_text.clone()}</textarea>
                    {beside(error, "features", "t-")}
                </label>
                {move || other().map(|e| view! { <ErrorNotice error=e/> })}
                <div class="flex gap-2">
                    <button type="submit" disabled=move || save.pending().get()
                        class="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 disabled:opacity-50">
                        {if new { "Add the room type" } else { "Save the change" }}
                    </button>
                    {(!new).then(|| view! {
                        <button type="button" on:click=move |_| editing.set(None) class="rounded border border-slate-400 px-4 py-2 hover:bg-slate-100">"Cancel"</button>
                    })}
                </div>
            </ActionForm>
        </section>
    }
}
