use leptos::prelude::*;

/// How a state reads at a glance; the words always say it too, never the colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Neutral,
    Good,
    Warn,
    Bad,
    Info,
}

impl Tone {
    fn classes(self) -> &'static str {
        match self {
            Tone::Neutral => "bg-slate-100 text-slate-800 ring-slate-300",
            Tone::Good => "bg-emerald-50 text-emerald-900 ring-emerald-300",
            Tone::Warn => "bg-amber-50 text-amber-900 ring-amber-300",
            Tone::Bad => "bg-rose-50 text-rose-900 ring-rose-300",
            Tone::Info => "bg-sky-50 text-sky-900 ring-sky-300",
        }
    }
}

#[component]
pub fn Badge(tone: Tone, #[prop(into)] label: String) -> impl IntoView {
    view! {
        <span class=format!("inline-flex items-center rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset {}", tone.classes())>
            {label}
        </span>
    }
}

/// A room's housekeeping state ("clean", "dirty", "inspected", "out of order"…); `None` when the
/// room has left the inventory.
#[component]
pub fn HousekeepingBadge(#[prop(into)] state: Option<String>) -> impl IntoView {
    let tone = match state.as_deref() {
        Some("clean") => Tone::Info,
        Some("inspected") => Tone::Good,
        Some("dirty") => Tone::Warn,
        Some("cleaning") => Tone::Info,
        _ => Tone::Bad,
    };
    view! { <Badge tone=tone label=state.unwrap_or_else(|| "no room".into())/> }
}

/// A booking's status as the desk reads it ("confirmed", "checked in", "checked out"…).
#[component]
pub fn StatusBadge(#[prop(into)] status: String) -> impl IntoView {
    let tone = match status.as_str() {
        "checked in" => Tone::Good,
        "checked out" => Tone::Neutral,
        "cancelled" | "no show" => Tone::Bad,
        _ => Tone::Info,
    };
    view! { <Badge tone=tone label=status/> }
}
