//! What an attendant pressed, kept on the tablet until the server has it: a Wi-Fi dead spot
//! loses nothing. Each press is queued in `localStorage` with the key made when it was pressed,
//! sent in order, and sent again after a failure that says nothing of the press itself (no
//! network, the server away); the server applies a key once however often it arrives. A press
//! the server refuses (the supervisor took the room out of order meanwhile) leaves the queue
//! and is shown to the attendant with why.
use crate::api::housekeeping::act::room_act;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "hydrate")]
const STORAGE_KEY: &str = "hotel.housekeeping.queue";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Press {
    pub key: String,
    pub room: String,
    pub number: String,
    pub action: String,
    /// What the button said ("Finished"), for the list of what waits.
    pub label: String,
    pub note: String,
}

/// The tablet's queue, shared by the page's cards.
#[derive(Debug, Clone, Copy)]
pub struct Queue {
    pub waiting: RwSignal<Vec<Press>>,
    pub refused: RwSignal<Vec<(Press, String)>>,
    /// Ticks when a press reached the server: the page re-fetches its rooms.
    pub sent: RwSignal<u64>,
    sending: RwSignal<bool>,
}

impl Queue {
    /// The queue as the tablet kept it, sent at once and again whenever the network returns.
    pub fn new() -> Self {
        let queue = Queue {
            waiting: RwSignal::new(Vec::new()),
            refused: RwSignal::new(Vec::new()),
            sent: RwSignal::new(0),
            sending: RwSignal::new(false),
        };
        #[cfg(feature = "hydrate")]
        {
            let handle = window_event_listener(leptos::ev::online, move |_| queue.send());
            on_cleanup(move || handle.remove());
            // After hydration: the server drew the page without what this tablet keeps.
            Effect::new(move |_| {
                queue.waiting.set(stored());
                queue.send();
            });
        }
        queue
    }

    /// Queues a press of `label` (`action` on `room`) and tries to send it.
    pub fn press(self, room: &str, number: &str, action: &str, label: &str, note: String) {
        let press = Press {
            key: uuid::Uuid::new_v4().to_string(),
            room: room.to_owned(),
            number: number.to_owned(),
            action: action.to_owned(),
            label: label.to_owned(),
            note,
        };
        self.waiting.update(|w| w.push(press));
        self.save();
        self.send();
    }

    /// Sends what waits, oldest first, stopping at the first press that could not reach the server.
    pub fn send(self) {
        if self.sending.get_untracked() || self.waiting.with_untracked(Vec::is_empty) {
            return;
        }
        self.sending.set(true);
        leptos::task::spawn_local(async move {
            while let Some(next) = self.waiting.with_untracked(|w| w.first().cloned()) {
                let answer = room_act(next.room.clone(), next.action.clone(), next.note.clone(), String::new(), next.key.clone()).await;
                match answer {
                    Err(AppError::Network | AppError::Internal | AppError::SignInRequired) => break,
                    Ok(_) => {}
                    Err(e) => self.refused.update(|r| r.push((next.clone(), e.to_string()))),
                }
                self.waiting.update(|w| w.retain(|p| p.key != next.key));
                self.save();
                self.sent.update(|n| *n += 1);
            }
            self.sending.set(false);
        });
    }

    fn save(self) {
        #[cfg(feature = "hydrate")]
        if let Some(storage) = storage() {
            let text = serde_json::to_string(&self.waiting.get_untracked()).unwrap_or_default();
            let _ = storage.set_item(STORAGE_KEY, &text);
        }
    }
}

#[cfg(feature = "hydrate")]
fn storage() -> Option<leptos::web_sys::Storage> {
    leptos::web_sys::window()?.local_storage().ok()?
}

#[cfg(feature = "hydrate")]
fn stored() -> Vec<Press> {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// What waits to be sent, and what the server refused, for the attendant to see.
#[component]
pub fn QueueNotice(queue: Queue) -> impl IntoView {
    view! {
        <div data-testid="queue">
            {move || {
                let waiting = queue.waiting.get();
                (!waiting.is_empty()).then(|| view! {
                    <div class="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950" role="status" data-testid="waiting">
                        <p class="font-medium">{format!("Waiting to send ({}): no connection yet", waiting.len())}</p>
                        <ul class="mt-1 text-sm">
                            {waiting.into_iter().map(|p| view! { <li>{format!("Room {}: {}", p.number, p.label)}</li> }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            {move || {
                let refused = queue.refused.get();
                (!refused.is_empty()).then(|| view! {
                    <div class="mb-4 rounded-lg border border-rose-300 bg-rose-50 p-3 text-rose-950" role="alert" data-testid="refused">
                        <p class="font-medium">"Not done: the room changed while you were offline"</p>
                        <ul class="mt-1 text-sm">
                            {refused.into_iter().map(|(p, why)| view! { <li>{format!("Room {}: {}: {}", p.number, p.label, why)}</li> }).collect_view()}
                        </ul>
                        <button type="button" class="mt-2 min-h-11 rounded border border-rose-400 px-4" on:click=move |_| queue.refused.set(Vec::new())>
                            "Understood"
                        </button>
                    </div>
                })
            }}
        </div>
    }
}
