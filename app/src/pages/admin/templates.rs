//! The email templates: each event's message in each language. Opening one shows its variables
//! with the sample values; the preview follows the typing (half a second after it stops), a
//! draft that does not render is refused beside its field, and "Send me a test" mails the draft
//! to the signed-in manager.
use crate::api::admin::templates::{preview_template, templates_list, PreviewTemplate, SaveTemplate};
use crate::components::staff::toast::use_toasts;
use crate::dto::admin::TemplateView;
use crate::error::{AppError, ErrorNotice};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TemplatesPage() -> impl IntoView {
    let query = use_query_map();
    let chosen = move || {
        let q = query.read();
        q.get("event").zip(q.get("language"))
    };
    let list = Resource::new(|| (), |_| templates_list());
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Email templates"</h1>
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading the templates…"</p> }>
            {move || list.get().map(|answer| match answer {
                Ok(all) => {
                    let open = chosen().and_then(|(e, l)| all.iter().find(|t| t.event == e && t.language == l).cloned());
                    view! {
                        <div class="grid grid-cols-[16rem_1fr] items-start gap-6">
                            <nav aria-label="Templates" class="rounded-lg bg-white p-2 ring-1 ring-slate-200">
                                <ul class="grid gap-1 text-sm">
                                    {all.iter().map(|t| {
                                        let href = format!("/admin/templates?event={}&language={}", t.event, t.language);
                                        let here = open.as_ref().is_some_and(|o| o.event == t.event && o.language == t.language);
                                        view! { <li><a href=href aria-current=here.then_some("page")
                                            class="block rounded px-2 py-1.5 hover:bg-slate-100 aria-[current=page]:bg-sky-100">
                                            {format!("{} ({})", t.title, t.language)}</a></li> }
                                    }).collect_view()}
                                </ul>
                            </nav>
                            {match open {
                                Some(t) => view! { <Editor template=t/> }.into_any(),
                                None => view! { <p class="text-slate-700">"Choose a message to edit it."</p> }.into_any(),
                            }}
                        </div>
                    }.into_any()
                }
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Editor(template: TemplateView) -> impl IntoView {
    let (event, language) = (template.event.clone(), template.language.clone());
    let subject = RwSignal::new(template.subject.clone());
    let body_text = RwSignal::new(template.body_text.clone());
    let body_html = RwSignal::new(template.body_html.clone());
    // What the preview shows: the draft as it stood half a second after the last key.
    let settled = RwSignal::new((subject.get_untracked(), body_text.get_untracked(), body_html.get_untracked()));
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let typed = move || {
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        let handle = set_timeout_with_handle(
            move || settled.set((subject.get_untracked(), body_text.get_untracked(), body_html.get_untracked())),
            std::time::Duration::from_millis(500),
        );
        timer.set_value(handle.ok());
    };
    let (e, l) = (event.clone(), language.clone());
    let preview = Resource::new(move || settled.get(), move |(s, t, h)| preview_template(e.clone(), l.clone(), s, t, h, None));
    let save = ServerAction::<SaveTemplate>::new();
    let test = ServerAction::<PreviewTemplate>::new();
    let toasts = use_toasts();
    Effect::new(move || {
        if let Some(Ok(t)) = save.value().get() {
            toasts.say(format!("Saved: {} ({})", t.title, t.language));
        }
    });
    Effect::new(move || {
        if let Some(Ok(p)) = test.value().get() {
            toasts.say(format!("Test sent to {}", p.sent_to.unwrap_or_default()));
        }
    });
    let error = move || {
        save.value().get().and_then(Result::err).or_else(|| test.value().get().and_then(Result::err)).or_else(|| preview.get().and_then(Result::err))
    };
    let beside = move |part: &'static str| view! {
        <span id=format!("{part}-error") class="text-sm text-rose-800" role="alert" data-testid=format!("{part}-error")>
            {move || error().and_then(|e| e.for_field(part))}
        </span>
    };
    let other = move || error().filter(|e| !matches!(e, AppError::InvalidField { .. }));
    let input = "rounded border border-slate-400 bg-white px-2 py-1.5 font-mono text-sm";
    let (e1, l1, e2, l2) = (event.clone(), language.clone(), event.clone(), language.clone());
    view! {
        <div class="grid grid-cols-2 gap-6">
            <section aria-labelledby="editor-title" class="grid gap-3">
                <h2 id="editor-title" class="text-lg font-semibold">{format!("{} ({})", template.title, template.language)}</h2>
                <label class="grid gap-1 text-sm">"Subject"
                    <input class=input prop:value=subject aria-describedby="subject-error" data-testid="subject"
                        on:input=move |ev| { subject.set(event_target_value(&ev)); typed(); }/>
                    {beside("subject")}
                </label>
                <label class="grid gap-1 text-sm">"Text body"
                    <textarea rows="10" class=input prop:value=body_text aria-describedby="body_text-error" data-testid="body-text"
                        on:input=move |ev| { body_text.set(event_target_value(&ev)); typed(); }></textarea>
                    {beside("body_text")}
                </label>
                <label class="grid gap-1 text-sm">"HTML body"
                    <textarea rows="10" class=input prop:value=body_html aria-describedby="body_html-error" data-testid="body-html"
                        on:input=move |ev| { body_html.set(event_target_value(&ev)); typed(); }></textarea>
                    {beside("body_html")}
                </label>
                {move || other().map(|e| view! { <ErrorNotice error=e/> })}
                <div class="flex gap-2">
                    <button type="button" disabled=move || save.pending().get() data-testid="save-template"
                        class="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 disabled:opacity-50"
                        on:click=move |_| { save.dispatch(SaveTemplate { event: e1.clone(), language: l1.clone(),
                            subject: subject.get_untracked(), body_text: body_text.get_untracked(), body_html: body_html.get_untracked() }); }>
                        "Save"
                    </button>
                    <button type="button" disabled=move || test.pending().get() data-testid="send-test"
                        class="rounded border border-slate-400 px-4 py-2 hover:bg-slate-100 disabled:opacity-50"
                        on:click=move |_| { test.dispatch(PreviewTemplate { event: e2.clone(), language: l2.clone(),
                            subject: subject.get_untracked(), body_text: body_text.get_untracked(), body_html: body_html.get_untracked(),
                            send: Some("on".into()) }); }>
                        "Send me a test"
                    </button>
                </div>
                <details class="text-sm">
                    <summary class="cursor-pointer">"Variables this message can use"</summary>
                    <dl class="mt-2 grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 font-mono text-xs">
                        {template.variables.iter().map(|(k, v)| view! { <dt>{format!("{{{{ {k} }}}}")}</dt><dd>{v.clone()}</dd> }).collect_view()}
                    </dl>
                </details>
            </section>
            <section aria-labelledby="preview-title" class="grid content-start gap-2">
                <h2 id="preview-title" class="text-lg font-semibold">"Preview with sample data"</h2>
                <Transition fallback=|| view! { <p role="status">"Rendering…"</p> }>
                    {move || preview.get().map(|answer| match answer {
                        Ok(p) => view! {
                            <p class="text-sm" data-testid="preview-subject"><span class="text-slate-600">"Subject: "</span>{p.subject.clone()}</p>
                            <pre class="whitespace-pre-wrap rounded bg-white p-3 text-sm ring-1 ring-slate-200" data-testid="preview-text">{p.text.clone()}</pre>
                            <iframe title="The HTML body, as the guest's mail program shows it" sandbox="" srcdoc=p.html.clone()
                                class="h-72 w-full rounded bg-white ring-1 ring-slate-200"></iframe>
                        }.into_any(),
                        Err(_) => view! { <p class="text-sm text-slate-700">"The preview waits until the draft renders."</p> }.into_any(),
                    })}
                </Transition>
            </section>
        </div>
    }
}
