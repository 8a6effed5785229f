//! How a room reads on the tablet: its number, condition, what the desk has in it, the guest's
//! request and the flags, in words (colour only repeats them).
use crate::components::staff::badge::{Badge, HousekeepingBadge, Tone};
use crate::dto::housekeeping::BoardRoomView;
use leptos::prelude::*;

/// Names a room in one state: a list keyed by it redraws a room whose state changed, and only that.
pub fn state_key(room: &BoardRoomView) -> String {
    format!("{room:?}")
}

pub fn words(s: &str) -> String {
    s.replace('_', " ")
}

/// The badges of a room's state.
#[component]
pub fn RoomState(room: BoardRoomView) -> impl IntoView {
    let front = match room.front_office.as_str() {
        "vacant" => None,
        f => Some(words(f)),
    };
    let request = (room.guest_service != "none").then(|| words(&room.guest_service));
    let until = room.out_of_order_until.clone().map(|d| format!("out of order until {d}"));
    view! {
        <span class="flex flex-wrap items-center gap-1.5">
            <HousekeepingBadge state=Some(words(&room.condition))/>
            {front.map(|f| view! { <Badge tone=Tone::Neutral label=f/> })}
            {room.guest_waiting.then(|| view! { <Badge tone=Tone::Bad label="guest waiting"/> })}
            {request.map(|r| view! { <Badge tone=Tone::Warn label=r/> })}
            {room.out_of_service.then(|| view! { <Badge tone=Tone::Warn label="out of service"/> })}
            {until.map(|u| view! { <Badge tone=Tone::Bad label=u/> })}
            {room.discrepancy.clone().map(|d| view! { <Badge tone=Tone::Bad label=format!("{d}: the desk disagrees")/> })}
        </span>
    }
}
