//! What the staff areas' forms share: the input's look and the message beside a field.
use crate::error::AppError;
use leptos::prelude::*;

pub const INPUT: &str = "min-h-10 rounded border border-slate-400 bg-white px-2";

/// The message beside `field` when the last answer was about it; its id is `{prefix}{field}-error`,
/// which the field names in `aria-describedby`.
pub fn beside(error: impl Fn() -> Option<AppError> + Copy + Send + Sync + 'static, field: &'static str, prefix: &'static str) -> impl IntoView {
    view! { <span id=format!("{prefix}{field}-error") class="text-sm text-rose-800" role="alert">{move || error().and_then(|e| e.for_field(field))}</span> }
}
