//! Moving a stay from the rack: drag its bar onto another room, or focus it, press M, choose a
//! room with the arrow keys and press Enter (Escape cancels). The rack listens once for all its
//! bars (events bubble to it), so 500 rooms add no handlers. The move is the booking's own
//! `move_booking`; a guest who needs the room tonight goes into one not ready only after a yes.
use crate::api::booking_actions::MoveBooking;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{DragEvent, Element, Event, HtmlElement, KeyboardEvent};

/// A room row of the rack as a move needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct RowInfo {
    pub number: String,
    pub type_name: String,
    pub not_ready: Option<String>,
}

/// The stay being moved and the row it would go to.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub booking_id: String,
    pub reference: String,
    pub from_row: usize,
    pub target: usize,
    pub tonight: bool,
    pub dragging: bool,
}

/// A move asked of a room that is not ready, waiting for the staff's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub booking_id: String,
    pub room: String,
    pub why: String,
}

#[derive(Clone, Copy)]
pub struct Mover {
    pub action: ServerAction<MoveBooking>,
    pub held: RwSignal<Option<Held>>,
    /// What the rack says while a move is under way, read out as it changes.
    pub said: RwSignal<String>,
    pub question: RwSignal<Option<Question>>,
    pub asking: RwSignal<bool>,
    /// The bar that takes the focus back once the rack is drawn again.
    pub refocus: RwSignal<Option<String>>,
    pub rows: StoredValue<Vec<RowInfo>>,
}

impl Mover {
    pub fn new() -> Self {
        Self {
            action: ServerAction::new(),
            held: RwSignal::new(None),
            said: RwSignal::new(String::new()),
            question: RwSignal::new(None),
            asking: RwSignal::new(false),
            refocus: RwSignal::new(None),
            rows: StoredValue::new(Vec::new()),
        }
    }

    pub fn is_target(self, row: usize) -> bool {
        self.held
            .with(|h| h.as_ref().is_some_and(|h| h.target == row))
    }

    pub fn on_key(self, ev: KeyboardEvent) {
        let Some(bar) = closest(&ev, "[data-booking]") else {
            return;
        };
        let held = self
            .held
            .get_untracked()
            .filter(|h| bar.get_attribute("data-booking").as_ref() == Some(&h.booking_id));
        match (held, ev.key().as_str()) {
            (None, "m" | "M") if !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() => {
                if self.pick(&bar, false) {
                    ev.prevent_default();
                }
            }
            (Some(h), key @ ("ArrowDown" | "ArrowUp")) => {
                ev.prevent_default();
                let last = self.rows.with_value(Vec::len).saturating_sub(1);
                let target = if key == "ArrowDown" {
                    (h.target + 1).min(last)
                } else {
                    h.target.saturating_sub(1)
                };
                self.aim(h, target);
                scroll_to_row(target);
            }
            (Some(h), "Enter") => {
                ev.prevent_default();
                self.put_down(h);
            }
            (Some(_), "Escape" | "Tab") => self.cancel(),
            _ => {}
        }
    }

    pub fn on_drag_start(self, ev: DragEvent) {
        if let Some(bar) = closest(&ev, "[data-booking]") {
            self.pick(&bar, true);
        }
    }

    pub fn on_drag_over(self, ev: DragEvent) {
        let Some(h) = self.held.get_untracked().filter(|h| h.dragging) else {
            return;
        };
        if let Some(row) = row_of(&ev) {
            ev.prevent_default();
            if row != h.target {
                self.aim(h, row);
            }
        }
    }

    pub fn on_drop(self, ev: DragEvent) {
        let Some(h) = self.held.get_untracked().filter(|h| h.dragging) else {
            return;
        };
        ev.prevent_default();
        match row_of(&ev) {
            Some(row) => self.put_down(Held { target: row, ..h }),
            None => self.cancel(),
        }
    }

    pub fn on_drag_end(self) {
        if self
            .held
            .with_untracked(|h| h.as_ref().is_some_and(|h| h.dragging))
        {
            self.cancel();
        }
    }

    /// The staff said yes to a room that is not ready.
    pub fn confirmed(self) {
        if let Some(q) = self.question.get_untracked() {
            self.send(q.booking_id, q.room, true);
        }
    }

    fn pick(self, bar: &Element, dragging: bool) -> bool {
        let attr = |name| bar.get_attribute(name).unwrap_or_default();
        if attr("data-movable") != "true" {
            self.said
                .set(format!("Stay {} can no longer be moved.", attr("data-ref")));
            return false;
        }
        let Ok(from_row) = attr("data-row").parse::<usize>() else {
            return false;
        };
        let reference = attr("data-ref");
        let room = self.room(from_row).map(|r| r.number).unwrap_or_default();
        self.said.set(match dragging {
            true => format!("Moving stay {reference} from room {room}: drop it on another room."),
            false => format!("Moving stay {reference} from room {room}: choose a room with the up and down arrows, Enter to move it there, Escape to cancel."),
        });
        let tonight = attr("data-tonight") == "true";
        let booking_id = attr("data-booking");
        self.held.set(Some(Held {
            booking_id,
            reference,
            from_row,
            target: from_row,
            tonight,
            dragging,
        }));
        true
    }

    fn aim(self, h: Held, target: usize) {
        if let Some(room) = self.room(target) {
            let here = if target == h.from_row {
                " (where it is now)"
            } else {
                ""
            };
            self.said
                .set(format!("Room {}, {}{here}", room.number, room.type_name));
        }
        self.held.set(Some(Held { target, ..h }));
    }

    fn put_down(self, h: Held) {
        self.held.set(None);
        let Some(room) = self.room(h.target) else {
            return self.cancel();
        };
        if h.target == h.from_row {
            self.said.set(format!(
                "Stay {} stays in room {}.",
                h.reference, room.number
            ));
            return;
        }
        if !h.dragging {
            self.refocus.set(Some(h.booking_id.clone()));
        }
        match room.not_ready.filter(|_| h.tonight) {
            Some(why) => {
                self.said.set(String::new());
                self.question.set(Some(Question {
                    booking_id: h.booking_id,
                    room: room.number,
                    why,
                }));
                self.asking.set(true);
            }
            None => self.send(h.booking_id, room.number, false),
        }
    }

    fn send(self, id: String, room_number: String, confirm_not_ready: bool) {
        self.said
            .set(format!("Moving the stay to room {room_number}…"));
        self.action.dispatch(MoveBooking {
            id,
            room_number,
            confirm_not_ready,
        });
    }

    pub fn cancel(self) {
        if self.held.get_untracked().is_some() {
            self.held.set(None);
            self.said.set("Move cancelled.".into());
        }
    }

    fn room(self, row: usize) -> Option<RowInfo> {
        self.rows.with_value(|rows| rows.get(row).cloned())
    }

    /// Gives the focus back to the bar a move or a redraw took it from.
    pub fn restore_focus(self) {
        let wanted = self.refocus.get_untracked().or_else(|| {
            self.held
                .get_untracked()
                .filter(|h| !h.dragging)
                .map(|h| h.booking_id)
        });
        let Some(id) = wanted else { return };
        let bar = document()
            .query_selector(&format!("[data-booking=\"{id}\"]"))
            .ok()
            .flatten();
        if let Some(bar) = bar.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
            let _ = bar.focus();
        }
        if !self.action.pending().get_untracked() {
            self.refocus.set(None);
        }
    }
}

fn closest(ev: &Event, selector: &str) -> Option<Element> {
    ev.target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()?
}

fn row_of(ev: &Event) -> Option<usize> {
    closest(ev, "[data-row]")?
        .get_attribute("data-row")?
        .parse()
        .ok()
}

/// Brings the chosen row into sight when the arrows take it off the screen.
fn scroll_to_row(row: usize) {
    let Some(el) = document()
        .query_selector(&format!("li[data-row=\"{row}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let (mut top, mut at) = (0, Some(el.clone()));
    while let Some(e) = at {
        top += e.offset_top();
        at = e
            .offset_parent()
            .and_then(|p| p.dyn_into::<HtmlElement>().ok());
    }
    let win = window();
    let seen_from = win.scroll_y().unwrap_or(0.0) as i32;
    let seen_to = seen_from
        + win
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0) as i32;
    if top < seen_from + 40 {
        el.scroll_into_view_with_bool(true);
    } else if top + el.offset_height() > seen_to {
        el.scroll_into_view_with_bool(false);
    }
}
