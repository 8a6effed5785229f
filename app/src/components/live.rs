//! `use_live`: a staff page hears of changes by server push (`GET /live/<area>`, server-sent
//! events) and re-fetches what it shows; it never polls.
//!
//! The browser's `EventSource` reconnects by itself after a dropped connection and tells the
//! server the last message it saw, so the server answers `ready` (nothing missed) or `resync`.
//! When the browser gives a connection up for good (a 401, a 502 during a deploy), a new one is
//! opened after a pause (`leptos-use`); that one names no last message, so the hook itself
//! counts it as a change. On the server (SSR) nothing is opened.
use crate::live::{Area, LiveEvent};
use codee::string::JsonSerdeCodec;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys;
use leptos_use_event_source::{
    use_event_source_with_options, UseEventSourceMessage, UseEventSourceOnEventReturn,
    UseEventSourceOptions,
};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// How long to wait before opening a new connection after the browser gave one up.
const REOPEN_AFTER_MS: u64 = 10_000;

/// What a page reads from its area's stream.
#[derive(Debug, Clone, Copy)]
pub struct Live {
    /// Ticks on every change the area hears of, and after a gap: a `Resource` source.
    pub changes: ReadSignal<u64>,
}

/// Opens the area's stream for as long as the calling component lives.
pub fn use_live(area: Area) -> Live {
    use_live_where(area, |_| true)
}

/// Like [`use_live`], ticking only for the changes `concerns` keeps (a page of one stay: see
/// [`LiveEvent::concerns_booking`]); a gap still ticks.
pub fn use_live_where(
    area: Area,
    concerns: impl Fn(&LiveEvent) -> bool + Send + Sync + 'static,
) -> Live {
    let (changes, set_changes) = signal(0_u64);
    let reopened = Arc::new(AtomicBool::new(false));
    let after_gap = reopened.clone();
    let on_event = move |e: &web_sys::Event| {
        match e.type_().as_str() {
            "error" if given_up(e) => reopened.store(true, Ordering::Relaxed),
            "message" => {
                if let Ok(message) =
                    UseEventSourceMessage::<LiveEvent, JsonSerdeCodec>::try_from(e.clone())
                {
                    let gap = reopened.swap(false, Ordering::Relaxed);
                    if gap || (!message.data.is_ready() && concerns(&message.data)) {
                        set_changes.update(|n| *n += 1);
                    }
                }
            }
            _ => {}
        }
        // Decoded here already; the hook's own message signal is not used.
        UseEventSourceOnEventReturn::IgnoreProcessingMessage
    };
    let options = UseEventSourceOptions::default()
        .reconnect_limit(leptos_use_core::ReconnectLimit::Infinite)
        .reconnect_interval(REOPEN_AFTER_MS)
        .on_event(on_event);
    let source = use_event_source_with_options::<LiveEvent, JsonSerdeCodec>(area.path(), options);
    // Back from a dead spot: a new stream at once, not at the browser's next retry, and the
    // page re-fetches what changed while it was away.
    #[cfg(feature = "hydrate")]
    {
        let handle = window_event_listener(leptos::ev::online, move |_| {
            after_gap.store(true, Ordering::Relaxed);
            (source.open)();
        });
        on_cleanup(move || handle.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (source, after_gap);
    Live { changes }
}

/// The browser closed the stream and will not reconnect it by itself.
fn given_up(e: &web_sys::Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::EventSource>().ok())
        .is_some_and(|source| source.ready_state() == web_sys::EventSource::CLOSED)
}
