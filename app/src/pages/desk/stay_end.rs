//! The end of a stay's life at the desk: no-show, cancel (at the terms' fee, or waived by a
//! manager with a reason) and taking back a check-in. Each asks first, in words that say what it
//! costs, and reads out the server's refusal beside its button; one that succeeds reloads the
//! stay through [`StayReload`], which the stay page provides.
use crate::api::desk::lifecycle::{DeskCancel, DeskNoShow, DeskRevertCheckIn};
use crate::dto::desk::{StayView, WAIVER_REASON_CHARS};
use crate::dto::BookingView;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// How a part of the stay page reloads the stay and says what was done.
#[derive(Clone, Copy)]
pub struct StayReload {
    pub refresh: RwSignal<u32>,
    pub outcome: RwSignal<Option<Result<String, AppError>>>,
}

const BUTTON: &str = "rounded px-4 py-1.5 disabled:opacity-50";
const DANGER: &str = "bg-rose-800 text-white hover:bg-rose-900";
const QUIET: &str = "border border-slate-500 text-slate-900 hover:bg-slate-100";

#[component]
pub fn StayEnd(s: StayView) -> impl IntoView {
    let (no_show, cancel, waive, revert) = (
        ServerAction::<DeskNoShow>::new(),
        ServerAction::<DeskCancel>::new(),
        ServerAction::<DeskCancel>::new(),
        ServerAction::<DeskRevertCheckIn>::new(),
    );
    let (reason, reason_touched) = (RwSignal::new(String::new()), RwSignal::new(false));
    let fee_words = |fee: kernel::Money, what: &str| match fee.minor() {
        0 => format!("{what} is free under the booking's terms."),
        _ => format!("{what} costs {fee} under the booking's terms; the rest of the money is released."),
    };
    let no_show_fee = s.no_show_fee;
    reloads(no_show, move |_| format!("Marked as a no-show: {no_show_fee} charged"));
    reloads(cancel, |b| match b.cancellation_fee {
        Some(fee) if fee.minor() > 0 => format!("Cancelled: {fee} charged"),
        _ => "Cancelled at no charge".into(),
    });
    reloads(waive, |_| "Cancelled, fee waived".into());
    reloads(revert, |b| format!("Check-in reverted: room {} is vacant again", b.room_number));
    let id = s.booking_id.clone();
    let (no_show_id, cancel_id, waive_id, revert_id) = (id.clone(), id.clone(), id.clone(), id);
    let waive_question = format!(
        "Cancel at no charge? The {} the terms charge now is waived. Say why: it is kept in the stay's history, \
         and the guest reads it in the cancellation email.",
        s.fee_now
    );
    view! {
        {s.can_no_show.then(|| view! {
            <Ask name="no-show" label="No-show…" yes="Mark as a no-show" pending=no_show.pending().into() error=refusal(no_show)
                question=format!("Mark this booking as a no-show? {} The room is free again for the nights left.",
                    fee_words(s.no_show_fee, "A no-show"))
                on_yes=Callback::new(move |_| { no_show.dispatch(DeskNoShow { id: no_show_id.clone() }); })/>
        })}
        {s.can_cancel.then(|| view! {
            <Ask name="cancel" label="Cancel…" yes="Cancel the booking" pending=cancel.pending().into() error=refusal(cancel)
                question=format!("Cancel this booking? {}", fee_words(s.fee_now, "Cancelling now"))
                on_yes=Callback::new(move |_| {
                    cancel.dispatch(DeskCancel { id: cancel_id.clone(), waive: false, reason: String::new() });
                })/>
        })}
        {(s.can_waive && s.fee_now.minor() > 0).then(|| view! {
            <Ask name="waive" label="Cancel and waive fee…" yes="Cancel at no charge" pending=waive.pending().into()
                error=refusal(waive) question=waive_question
                on_yes=Callback::new(move |_| {
                    let reason = reason.get_untracked();
                    reason_touched.set(true);
                    if WAIVER_REASON_CHARS.contains(&reason.trim().chars().count()) {
                        waive.dispatch(DeskCancel { id: waive_id.clone(), waive: true, reason });
                    }
                })>
                <WaiverReason reason=reason touched=reason_touched/>
            </Ask>
        })}
        {s.can_revert_check_in.then(|| view! {
            <Ask name="revert" label="Revert check-in…" yes="Revert the check-in" pending=revert.pending().into()
                error=refusal(revert)
                question=format!("Take back this check-in? The booking is confirmed again and room {} vacant again, \
                    as it was. Money already taken stays taken.", s.room_number)
                on_yes=Callback::new(move |_| { revert.dispatch(DeskRevertCheckIn { id: revert_id.clone() }); })/>
        })}
    }
}

/// A button that first asks `question`, then does `on_yes`; `children` (a field) go with the
/// question. The refusal is read out beside the button.
#[component]
fn Ask(
    name: &'static str,
    label: &'static str,
    question: String,
    yes: &'static str,
    pending: Signal<bool>,
    error: Signal<Option<String>>,
    on_yes: Callback<()>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let confirm = NodeRef::<leptos::html::Button>::new();
    let open = NodeRef::<leptos::html::Button>::new();
    // The question takes the focus when it opens, and gives it back when it closes.
    Effect::new(move |was: Option<bool>| {
        let now = asking.get();
        let target = if now { confirm.get() } else { open.get() };
        if was.is_some() {
            if let Some(button) = target {
                let _ = button.focus();
            }
        }
        now
    });
    let (question_id, error_id) = (format!("stay-{name}-question"), format!("stay-{name}-error"));
    let (described, labelled) = (error_id.clone(), question_id.clone());
    view! {
        <div class="grid gap-2" data-testid=format!("stay-{name}")>
            <div class="flex items-center gap-3">
                <button type="button" node_ref=open class=format!("{BUTTON} {QUIET}") aria-expanded=move || asking.get().to_string()
                    aria-describedby=described disabled=move || pending.get() on:click=move |_| asking.update(|a| *a = !*a)>
                    {label}
                </button>
                <p id=error_id role="alert" class="max-w-sm text-sm text-rose-800" data-testid=format!("stay-{name}-refusal")>
                    {move || error.get()}
                </p>
            </div>
            <div role="group" aria-labelledby=labelled hidden=move || !asking.get()
                class="grid max-w-xl gap-2 rounded border border-rose-200 bg-rose-50 p-3">
                <p id=question_id class="text-sm text-slate-900">{question}</p>
                {children.map(|c| c())}
                <div class="flex gap-2">
                    <button type="button" node_ref=confirm class=format!("{BUTTON} {DANGER}") disabled=move || pending.get()
                        on:click=move |_| on_yes.run(())>{yes}</button>
                    <button type="button" class=format!("{BUTTON} {QUIET}") on:click=move |_| asking.set(false)>"Keep the booking as it is"</button>
                </div>
            </div>
        </div>
    }
}

/// The reason for a waiver, checked as it is typed against the limits the server keeps.
#[component]
fn WaiverReason(reason: RwSignal<String>, touched: RwSignal<bool>) -> impl IntoView {
    let (min, max) = (*WAIVER_REASON_CHARS.start(), *WAIVER_REASON_CHARS.end());
    let problem = move || {
        let n = reason.with(|r| r.trim().chars().count());
        (touched.get() && !WAIVER_REASON_CHARS.contains(&n))
            .then(|| format!("Say why in {min} to {max} characters (now {n})."))
    };
    view! {
        <label for="stay-waive-reason" class="text-sm font-medium">"Why is the fee waived?"</label>
        <div class="flex items-start gap-3">
            <textarea id="stay-waive-reason" rows="2" required maxlength=max.to_string() data-testid="waive-reason"
                aria-describedby="stay-waive-reason-error" aria-invalid=move || problem().is_some().then_some("true")
                class="w-full rounded border border-slate-400 px-2 py-1.5"
                prop:value=move || reason.get()
                on:input=move |ev| { touched.set(true); reason.set(event_target_value(&ev)); }></textarea>
            <p id="stay-waive-reason-error" class="w-56 shrink-0 text-sm text-rose-800">{problem}</p>
        </div>
    }
}

/// What the server said no with, if it did.
fn refusal<S>(action: ServerAction<S>) -> Signal<Option<String>>
where
    S: ServerFn<Output = BookingView, Error = AppError> + Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err).map(|e| e.to_string()))
}

/// Reloads the stay and says `done` once `action` succeeds.
fn reloads<S>(action: ServerAction<S>, done: impl Fn(&BookingView) -> String + Send + Sync + 'static)
where
    S: ServerFn<Output = BookingView, Error = AppError> + Clone + Send + Sync + 'static,
{
    let Some(reload) = use_context::<StayReload>() else {
        return;
    };
    Effect::new(move |_| {
        if let Some(Ok(b)) = action.value().get() {
            reload.outcome.set(Some(Ok(done(&b))));
            reload.refresh.update(|n| *n += 1);
        }
    });
}
