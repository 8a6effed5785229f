//! The stay page's notes (with the form to add one) and its history: who did what, when.
use super::stay::{CARD, H2};
use crate::api::desk::stay::DeskAddNote;
use crate::dto::desk::{HistoryLineView, StayNoteView, NOTE_MAX_CHARS};
use leptos::html::Form;
use leptos::prelude::*;

#[component]
pub fn Notes(
    id: String,
    notes: Vec<StayNoteView>,
    add_note: ServerAction<DeskAddNote>,
    form: NodeRef<Form>,
) -> impl IntoView {
    let error = move || {
        add_note
            .value()
            .get()
            .and_then(|r| r.err())
            .map(|e| e.to_string())
    };
    view! {
        <section class=CARD aria-labelledby="stay-notes" data-testid="notes">
            <h2 id="stay-notes" class=H2>"Notes"</h2>
            {if notes.is_empty() {
                view! { <p class="text-sm text-slate-700">"No notes yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="mb-3 grid gap-2">
                        {notes.into_iter().map(|n| view! {
                            <li class="rounded bg-slate-50 px-3 py-2" data-testid="note">
                                <p class="whitespace-pre-wrap">{n.text}</p>
                                <p class="mt-1 text-xs text-slate-700">{n.author} " · " {n.at}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <ActionForm action=add_note node_ref=form attr:class="grid gap-2">
                <input type="hidden" name="id" value=id/>
                <label for="stay-note-text" class="text-sm font-medium">"New note"</label>
                <div class="flex items-start gap-3">
                    <textarea id="stay-note-text" name="text" rows="3" required maxlength=NOTE_MAX_CHARS.to_string()
                        aria-describedby="stay-note-hint stay-note-error" aria-invalid=move || error().is_some().then_some("true")
                        class="w-full rounded border border-slate-400 px-2 py-1.5" data-testid="note-text"></textarea>
                    <p id="stay-note-error" class="w-56 shrink-0 text-sm text-rose-800" data-testid="note-error">
                        {move || error().map(|e| format!("Not saved: {e}"))}
                    </p>
                </div>
                <p id="stay-note-hint" class="text-xs text-slate-700">{format!("Seen by all staff; at most {NOTE_MAX_CHARS} characters.")}</p>
                <div>
                    <button type="submit" disabled=move || add_note.pending().get()
                        class="rounded bg-slate-800 px-4 py-1.5 text-white hover:bg-slate-700 disabled:opacity-50">"Add note"</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn History(lines: Vec<HistoryLineView>) -> impl IntoView {
    view! {
        <section class=CARD aria-labelledby="stay-history">
            <h2 id="stay-history" class=H2>"History"</h2>
            <table class="w-full text-sm" data-testid="history">
                <caption class="sr-only">"Everything done to this booking, oldest first"</caption>
                <thead><tr class="text-left text-slate-700">
                    <th scope="col" class="py-1 font-medium">"When"</th>
                    <th scope="col" class="py-1 font-medium">"Who"</th>
                    <th scope="col" class="py-1 font-medium">"What"</th>
                </tr></thead>
                <tbody>
                    {lines.is_empty().then(|| view! {
                        <tr><td colspan="3" class="py-2 text-slate-700">"Nothing has been done to this booking since it was made."</td></tr>
                    })}
                    {lines.into_iter().map(|h| view! {
                        <tr class="border-t border-slate-100 align-top" data-testid="history-line" data-action=h.action>
                            <td class="whitespace-nowrap py-1 pr-3 tabular-nums">{h.at}</td>
                            <td class="py-1 pr-3">{h.who}</td>
                            <td class="py-1">{h.what}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
