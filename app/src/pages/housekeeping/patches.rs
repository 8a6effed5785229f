//! A pushed change to one room redraws that room at once from a fetch of it alone; the whole
//! page (its counts and order) follows at most every few seconds, whatever the traffic. At 500
//! rooms a board fetched again for every press on every tablet would cost each open board a
//! full read per press.
use crate::api::housekeeping::board::housekeeping_room;
use crate::components::live::{use_live_where, Live};
use crate::dto::housekeeping::BoardRoomView;
use crate::live::Area;
use leptos::prelude::*;
use std::collections::HashMap;
use std::time::Duration;

/// How long the whole page may lag behind its rooms.
const WHOLE_PAGE_AFTER: Duration = Duration::from_secs(3);

#[derive(Clone, Copy)]
pub struct RoomPatches {
    rooms: RwSignal<HashMap<String, BoardRoomView>>,
    /// Ticks for a change naming no room, after a gap, and a while after room changes.
    pub changes: Signal<u64>,
}

impl RoomPatches {
    pub fn new() -> Self {
        let rooms = RwSignal::new(HashMap::new());
        let (later, set_later) = signal(0_u64);
        let pending = StoredValue::new(false);
        let Live { changes } = use_live_where(Area::Housekeeping, move |event| {
            let Some(id) = event.room_id.clone() else { return true };
            refetch(id, rooms);
            if !pending.get_value() {
                pending.set_value(true);
                set_timeout(
                    move || {
                        pending.set_value(false);
                        set_later.update(|n| *n += 1);
                    },
                    WHOLE_PAGE_AFTER,
                );
            }
            false
        });
        let changes = Signal::derive(move || changes.get() + later.get());
        Self { rooms, changes }
    }

    /// A room as an answer (a press's) says it is now.
    pub fn put(&self, room: BoardRoomView) {
        self.rooms.update(|m| {
            m.insert(room.id.clone(), room);
        });
    }

    /// The page's rooms with what was learnt of them since it was fetched.
    pub fn apply(&self, rooms: Vec<BoardRoomView>) -> Vec<BoardRoomView> {
        self.rooms.with(|m| rooms.into_iter().map(|r| m.get(&r.id).cloned().unwrap_or(r)).collect())
    }

    /// A new page knows everything learnt before it.
    pub fn forget(&self) {
        self.rooms.update(HashMap::clear);
    }
}

fn refetch(id: String, rooms: RwSignal<HashMap<String, BoardRoomView>>) {
    leptos::task::spawn_local(async move {
        if let Ok(room) = housekeeping_room(id).await {
            rooms.update(|m| {
                m.insert(room.id.clone(), room);
            });
        }
    });
}
