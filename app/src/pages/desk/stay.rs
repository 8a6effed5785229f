//! One stay at the desk: the guest, the stay and its room, the rate and its terms, the money, the
//! staff's notes and everything done to it; and the actions its state allows. After an action
//! succeeds the page asks for the stay again and the staff area's toast says what was done; a
//! refusal is read out beside the actions.
use crate::api::booking_actions::{CheckInBooking, CheckOutBooking, MoveBooking};
use crate::api::desk::stay::{desk_stay, DeskAddNote};
use crate::components::staff::badge::{HousekeepingBadge, StatusBadge};
use crate::components::live::use_live_where;
use crate::components::staff::toast::use_toasts;
use crate::dto::desk::StayView;
use crate::dto::BookingView;
use crate::error::{AppError, ErrorNotice};
use crate::live::Area;
use leptos::html::Form;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

/// What the last action said: done (in words, shown as a toast) or refused (shown here).
type Outcome = RwSignal<Option<Result<String, AppError>>>;

#[component]
pub fn StayPage() -> impl IntoView {
    let params = use_params_map();
    let check_in = ServerAction::<CheckInBooking>::new();
    let check_out = ServerAction::<CheckOutBooking>::new();
    let move_room = ServerAction::<MoveBooking>::new();
    let add_note = ServerAction::<DeskAddNote>::new();
    let outcome: Outcome = RwSignal::new(None);
    // Bumped on success only: a refused form keeps what was typed in it.
    let refresh = RwSignal::new(0u32);
    provide_context(super::stay_end::StayReload { refresh, outcome });
    // Another desk's change to this stay (booking, folio, card money) reloads it too.
    let live = use_live_where(Area::Desk, move |e| {
        params.read_untracked().get("id").is_some_and(|id| e.concerns_booking(&id))
    });
    Effect::new(move |seen: Option<u64>| {
        let changes = live.changes.get();
        if seen.is_some_and(|seen| seen != changes) {
            refresh.update(|n| *n += 1);
        }
        changes
    });
    // Reloading redraws the stay in place, so a form keeps what was typed unless it is reset.
    let note_form = NodeRef::<Form>::new();
    follow(check_in, outcome, refresh, |b| {
        format!("Checked in: room {}", b.room_number)
    });
    follow(check_out, outcome, refresh, |b| {
        format!("Checked out of room {}", b.room_number)
    });
    // A refused move is read out beside its control (stay_room), not here.
    Effect::new(move |_| {
        if let Some(Ok(b)) = move_room.value().get() {
            outcome.set(Some(Ok(format!("Moved to room {}", b.room_number))));
            refresh.update(|n| *n += 1);
        }
    });
    let toasts = use_toasts();
    Effect::new(move |_| {
        if let Some(Ok(said)) = outcome.get() {
            toasts.say(said);
        }
    });
    Effect::new(move |_| {
        if add_note.value().with(|v| matches!(v, Some(Ok(_)))) {
            outcome.set(Some(Ok("Note added".into())));
            note_form.get_untracked().inspect(|f| f.reset());
            refresh.update(|n| *n += 1);
        }
    });
    let stay = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), refresh.get()),
        |(id, _)| desk_stay(id),
    );
    // Made here with the stay's, not inside the stay's view, so the server and the hydrating
    // browser create the page's resources in the same order.
    let free_rooms = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), refresh.get()),
        |(id, _)| crate::api::desk::rooms::desk_free_rooms(id),
    );
    let folio = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), refresh.get()),
        |(id, _)| crate::api::desk::folio::desk_folio(id),
    );
    let actions = Actions {
        check_in,
        check_out,
        move_room,
        add_note,
        note_form,
        free_rooms,
        folio,
    };
    view! {
        <p class="mb-2 text-sm"><a href="/desk" class="text-slate-700 underline underline-offset-2">"← Today"</a></p>
        // Outside the stay, which is drawn anew on each reload, so what it says is read out once.
        <div aria-live="polite" class="min-h-10" data-testid="stay-outcome">
            {move || outcome.get().and_then(Result::err).map(|e| view! { <div class="mb-2"><ErrorNotice error=e/></div> })}
        </div>
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading the stay…"</p> }>
            {move || stay.get().map(|answer| match answer {
                Ok(s) => view! { <Stay s=s actions=actions/> }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
    }
}

/// The page's actions, made once so their answers outlive each reload of the stay.
#[derive(Clone, Copy)]
struct Actions {
    check_in: ServerAction<CheckInBooking>,
    check_out: ServerAction<CheckOutBooking>,
    move_room: ServerAction<MoveBooking>,
    add_note: ServerAction<DeskAddNote>,
    note_form: NodeRef<Form>,
    free_rooms: super::stay_room::FreeRooms,
    folio: super::folio::FolioResource,
}

/// Says what an action did, or why it was refused; reloads the stay when it succeeded.
fn follow<S>(
    action: ServerAction<S>,
    outcome: Outcome,
    refresh: RwSignal<u32>,
    done: fn(&BookingView) -> String,
) where
    S: ServerFn<Output = BookingView, Error = AppError> + Clone + Send + Sync + 'static,
{
    Effect::new(move |_| match action.value().get() {
        Some(Ok(b)) => {
            outcome.set(Some(Ok(done(&b))));
            refresh.update(|n| *n += 1);
        }
        Some(Err(e)) => outcome.set(Some(Err(e))),
        None => {}
    });
}

pub(super) const CARD: &str = "rounded border border-slate-200 bg-white p-4 shadow-sm";
pub(super) const H2: &str = "mb-2 text-sm font-semibold uppercase tracking-wide text-slate-700";

#[component]
fn Stay(s: StayView, actions: Actions) -> impl IntoView {
    let party = crate::components::stay::party(s.adults, s.children);
    let fee_now = match s.fee_now.minor() {
        0 => "Cancelling now is free.".to_owned(),
        _ => format!("Cancelling now costs {}.", s.fee_now),
    };
    view! {
        <div class="mb-4 flex items-center gap-3">
            <h1 class="text-2xl font-semibold">{format!("{} · {}", s.guest_name, s.reference)}</h1>
            <span data-testid="stay-status"><StatusBadge status=s.status.clone()/></span>
        </div>
        <div class="grid grid-cols-3 gap-4">
            <section class=CARD aria-labelledby="stay-guest">
                <h2 id="stay-guest" class=H2>"Guest"</h2>
                <p class="font-medium" data-testid="guest-name">{s.guest_name.clone()}</p>
                <p><a href=format!("mailto:{}", s.guest_email) class="text-slate-800 underline">{s.guest_email.clone()}</a></p>
            </section>
            <section class=CARD aria-labelledby="stay-dates">
                <h2 id="stay-dates" class=H2>"Stay"</h2>
                <p>{format!("{} → {}", s.check_in.format("%a %-d %b %Y"), s.check_out.format("%a %-d %b %Y"))}</p>
                <p>{format!("{} · {party}", crate::components::stay::nights(s.nights))}</p>
            </section>
            <section class=CARD aria-labelledby="stay-room">
                <h2 id="stay-room" class=H2>"Room"</h2>
                <p><span class="font-medium" data-testid="room-number">{format!("Room {}", s.room_number)}</span> " · " {s.room_type.clone()}</p>
                <p class="mt-1 flex items-center gap-2" data-testid="housekeeping">
                    "Housekeeping:" <HousekeepingBadge state=s.housekeeping.clone()/>
                    {s.occupancy.clone().map(|o| view! { <span class="text-sm text-slate-700">{o}</span> })}
                </p>
            </section>
            <section class=CARD aria-labelledby="stay-rate">
                <h2 id="stay-rate" class=H2>"Rate"</h2>
                <p>"Total " <span class="font-medium tabular-nums" data-testid="total">{s.total.to_string()}</span></p>
                <p class="mt-1 text-sm text-slate-700" data-testid="terms">{s.terms.summary()}</p>
                <p class="text-sm text-slate-700">{fee_now}</p>
            </section>
            <Money s=s.clone()/>
        </div>
        <StayActions s=s.clone() actions=actions/>
        <super::folio::FolioPanel folio=actions.folio/>
        <div class="mt-4 grid grid-cols-2 gap-4">
            <super::stay_log::Notes id=s.booking_id.clone() notes=s.notes.clone() add_note=actions.add_note form=actions.note_form/>
            <super::stay_log::History lines=s.history.clone()/>
        </div>
    }
}

#[component]
fn Money(s: StayView) -> impl IntoView {
    let m = s.money;
    view! {
        <section class=format!("{CARD} col-span-2") aria-labelledby="stay-money">
            <h2 id="stay-money" class=H2>"Payments"</h2>
            <dl class="grid grid-cols-3 gap-2 text-sm">
                <div><dt class="text-slate-700">"Held"</dt><dd class="tabular-nums" data-testid="held">{m.held.to_string()}</dd></div>
                <div><dt class="text-slate-700">"Taken"</dt><dd class="tabular-nums" data-testid="taken">{m.taken.to_string()}</dd></div>
                <div><dt class="text-slate-700">"Refunded"</dt><dd class="tabular-nums" data-testid="refunded">{m.refunded.to_string()}</dd></div>
            </dl>
            {(!s.payments.is_empty()).then(|| view! {
                <table class="mt-3 w-full text-sm" data-testid="payments">
                    <caption class="sr-only">"Card movements"</caption>
                    <thead><tr class="text-left text-slate-700">
                        <th scope="col" class="font-medium">"When"</th><th scope="col" class="font-medium">"What"</th>
                        <th scope="col" class="font-medium">"Card"</th><th scope="col" class="text-right font-medium">"Amount"</th>
                    </tr></thead>
                    <tbody>
                        {s.payments.iter().map(|p| view! {
                            <tr class="border-t border-slate-100">
                                <td>{p.at.clone()}</td>
                                <td>{p.kind.clone()}{p.failure.clone().map(|f| format!(" — failed: {f}"))}</td>
                                <td>{p.card.clone()}</td>
                                <td class="text-right tabular-nums">{p.amount.to_string()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </section>
    }
}

#[component]
fn StayActions(s: StayView, actions: Actions) -> impl IntoView {
    let Actions {
        check_in,
        check_out,
        move_room,
        free_rooms,
        ..
    } = actions;
    let busy =
        move || check_in.pending().get() || check_out.pending().get() || move_room.pending().get();
    let button = "rounded px-4 py-1.5 text-white disabled:opacity-50";
    let (id_in, id_out, id_move) = (
        s.booking_id.clone(),
        s.booking_id.clone(),
        s.booking_id.clone(),
    );
    let none = !(s.can_check_in || s.can_check_out || s.can_move);
    view! {
        <section class=format!("{CARD} mt-4") aria-labelledby="stay-actions">
            <h2 id="stay-actions" class=H2>"Actions"</h2>
            <div class="flex flex-wrap items-end gap-3">
                {s.can_check_in.then(|| view! {
                    <button type="button" class=format!("{button} bg-emerald-700 hover:bg-emerald-800") disabled=busy
                        on:click=move |_| { check_in.dispatch(CheckInBooking { id: id_in.clone() }); }>"Check in"</button>
                })}
                {s.can_check_out.then(|| view! {
                    <button type="button" class=format!("{button} bg-slate-800 hover:bg-slate-700") disabled=busy
                        on:click=move |_| { check_out.dispatch(CheckOutBooking { id: id_out.clone() }); }>"Check out"</button>
                })}
                {s.can_move.then(|| view! {
                    <super::stay_room::MoveRoom booking_id=id_move rooms=free_rooms move_room=move_room busy=Signal::derive(busy)/>
                })}
                <super::stay_end::StayEnd s=s.clone()/>
                {none.then(|| view! { <p class="text-sm text-slate-700">"Nothing more can be done to this stay at the desk."</p> })}
            </div>
        </section>
    }
    // Erased, so the stay's view type stays within the compiler's depth limit.
    .into_any()
}
