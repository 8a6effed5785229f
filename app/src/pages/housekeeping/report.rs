//! Reporting a problem in a room, opened from the room's card or the board: what is wrong, how
//! urgent, a photo (shrunk on the tablet by `/housekeeping-photo.js`), and whether the room can
//! still be sold; a supervisor may give the last day out of order. Sent once whatever the
//! retries: the form's key is the ticket's id.
use super::room_card::RoomState;
use crate::api::housekeeping::access::supervises;
use crate::api::housekeeping::board::housekeeping_room;
use crate::api::housekeeping::maintenance::ReportProblem;
use crate::dto::SessionUser;
use crate::error::{AppError, ErrorNotice};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const FIELD: &str = "min-h-11 rounded-lg border border-slate-400 bg-white px-3";

#[component]
pub fn ReportPage() -> impl IntoView {
    let query = use_query_map();
    let room_id = move || query.read().get("room").unwrap_or_default();
    let room = Resource::new(room_id, |id| async move {
        if id.is_empty() {
            Err(AppError::NotFound("open the report from a room on the board or in My rooms".into()))
        } else {
            housekeeping_room(id).await
        }
    });
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Report a problem"</h1>
        <Suspense fallback=|| view! { <p class="py-6 text-slate-600">"Loading the room…"</p> }>
            {move || room.get().map(|answer| match answer {
                Ok(room) => view! {
                    <div class="mb-4 rounded-xl bg-white p-4 ring-1 ring-slate-200">
                        <h2 class="mb-2 text-xl font-semibold">{format!("Room {}", room.number)}</h2>
                        <RoomState room=room.clone()/>
                    </div>
                    <ReportForm room=room.id.clone()/>
                }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn ReportForm(room: String) -> impl IntoView {
    let report = ServerAction::<ReportProblem>::new();
    let supervisor = use_context::<SessionUser>().is_some_and(|u| supervises(u.role));
    let key = uuid::Uuid::new_v4().to_string();
    let error = move |field: &'static str| move || report.value().get().and_then(Result::err).and_then(|e| e.for_field(field));
    let other = move || {
        report.value().get().and_then(Result::err).filter(|e| ["problem", "priority", "until", "photo"].iter().all(|f| e.for_field(f).is_none()))
    };
    let sent = move || report.value().get().and_then(Result::ok);
    let (back, back_label) = if supervisor { ("/housekeeping", "Back to the board") } else { ("/housekeeping/mine", "Back to my rooms") };
    view! {
        {move || sent().map(|t| view! {
            <div role="status" class="mb-4 rounded-lg bg-teal-50 p-4 text-teal-950 ring-1 ring-teal-300" data-testid="reported">
                {format!("Reported: room {} has a new {} ticket{}.", t.room_number, t.priority, if t.takes_room_out_of_order { " and is out of order" } else { "" })}
                " " <a href=back class="underline">{back_label}</a>
            </div>
        })}
        {move || other().map(|e| view! { <ErrorNotice error=e/> })}
        <ActionForm action=report attr:class="grid max-w-2xl gap-4 rounded-xl bg-white p-4 ring-1 ring-slate-200" attr:data-testid="report-form">
            <input type="hidden" name="room" value=room/>
            <input type="hidden" name="key" value=key/>
            <input type="hidden" name="photo" id="photo-data" value=""/>
            <label for="problem" class="flex flex-col gap-1 font-medium">"What is wrong"
                <textarea id="problem" name="problem" rows="3" maxlength="1000" required=true class="rounded-lg border border-slate-400 p-3 font-normal"
                    aria-describedby="problem-error"></textarea>
            </label>
            <p id="problem-error" class="-mt-3 text-sm text-rose-800">{error("problem")}</p>
            <label for="priority" class="flex flex-col gap-1 font-medium">"How urgent"
                <select id="priority" name="priority" class=FIELD aria-describedby="priority-error">
                    <option value="low">"Low"</option>
                    <option value="normal" selected=true>"Normal"</option>
                    <option value="high">"High"</option>
                    <option value="urgent">"Urgent"</option>
                </select>
            </label>
            <p id="priority-error" class="-mt-3 text-sm text-rose-800">{error("priority")}</p>
            <label class="flex min-h-11 items-center gap-3">
                <input type="checkbox" name="out_of_order" class="h-6 w-6"/>
                "The room cannot be sold until this is fixed (out of order)"
            </label>
            {supervisor.then(|| view! {
                <label for="until" class="flex flex-col gap-1 font-medium">"Last day out of order, if known"
                    <input id="until" name="until" type="date" class=FIELD aria-describedby="until-error"/>
                </label>
                <p id="until-error" class="-mt-3 text-sm text-rose-800">{error("until")}</p>
            })}
            <label for="photo-file" class="flex flex-col gap-1 font-medium">"Photo (optional)"
                <input id="photo-file" type="file" accept="image/*" capture="environment" data-photo-into="photo-data"
                    class="min-h-11 font-normal" aria-describedby="photo-data-status photo-error"/>
            </label>
            <p id="photo-data-status" class="-mt-3 text-sm text-slate-700" aria-live="polite"></p>
            <img id="photo-data-preview" hidden=true alt="The photo to be sent" class="max-h-48 w-auto rounded-lg ring-1 ring-slate-300"/>
            <p id="photo-error" class="-mt-3 text-sm text-rose-800">{error("photo")}</p>
            <button type="submit" class="min-h-12 rounded-lg bg-teal-800 px-4 text-base font-medium text-white active:bg-teal-900 disabled:opacity-60"
                disabled=move || report.pending().get() || sent().is_some()>
                {move || if report.pending().get() { "Sending…" } else { "Send the report" }}
            </button>
        </ActionForm>
    }
}
