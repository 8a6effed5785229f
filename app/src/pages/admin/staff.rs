//! The staff: who works here and with which role, as the sign-in server (Keycloak) keeps them.
//! A new role or a disabled account takes effect at the person's next request.
use crate::components::staff::form::{beside, INPUT};
use crate::api::admin::staff::{role_label, staff_page, InviteStaff, SetStaffEnabled, SetStaffRole, STAFF_PER_PAGE};
use crate::components::staff::badge::{Badge, Tone};
use crate::components::staff::dialog::ConfirmDialog;
use crate::components::staff::table::{EmptyRow, HeadRow, Pager};
use crate::components::staff::toast::use_toasts;
use crate::dto::admin::StaffView;
use crate::error::{AppError, ErrorNotice};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StaffPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(0);
    let invite = ServerAction::<InviteStaff>::new();
    let set_role = ServerAction::<SetStaffRole>::new();
    let set_enabled = ServerAction::<SetStaffEnabled>::new();
    // A refused invitation keeps what was typed: only one that worked reloads the list and form.
    let invited = RwSignal::new(0u32);
    Effect::new(move || if matches!(invite.value().get(), Some(Ok(_))) { invited.update(|n| *n += 1) });
    let changes = move || (invited.get(), set_role.version().get(), set_enabled.version().get());
    let list = Resource::new(move || (page(), changes()), |(page, _)| staff_page(page));
    let toasts = use_toasts();
    Effect::new(move || match set_role.value().get() {
        Some(Ok(m)) => toasts.say(format!("{} is now {}", m.name, role_label(&m.role))),
        Some(Err(e)) => toasts.say(e.to_string()),
        None => {}
    });
    Effect::new(move || match set_enabled.value().get() {
        Some(Ok(m)) => toasts.say(format!("{}'s account is {}", m.name, if m.enabled { "enabled" } else { "disabled; they are signed out" })),
        Some(Err(e)) => toasts.say(e.to_string()),
        None => {}
    });
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Staff"</h1>
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Asking the sign-in server for the staff…"</p> }>
            {move || list.get().map(|answer| match answer {
                Ok(p) => view! {
                    <div class="grid grid-cols-[1fr_24rem] items-start gap-6">
                        <div>
                            <StaffTable staff=p.staff roles=p.roles.clone() set_role=set_role set_enabled=set_enabled/>
                            <Pager page=p.page per_page=STAFF_PER_PAGE total=p.total/>
                        </div>
                        <InviteForm roles=p.roles invite=invite/>
                    </div>
                }.into_any(),
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn StaffTable(staff: Vec<StaffView>, roles: Vec<(String, String)>, set_role: ServerAction<SetStaffRole>, set_enabled: ServerAction<SetStaffEnabled>) -> impl IntoView {
    let asking = RwSignal::new(false);
    let chosen = RwSignal::new(None::<StaffView>);
    let title = Signal::derive(move || chosen.get().map(|m| format!("Disable {}'s account?", m.name)).unwrap_or_default());
    view! {
        <table class="w-full rounded-lg bg-white text-sm ring-1 ring-slate-200" data-testid="staff">
            <HeadRow columns=&["Name", "Email", "Role", "Account", "Actions"]/>
            <tbody>
                {staff.is_empty().then(|| view! { <EmptyRow columns=5 text="Nobody holds a staff role yet."/> })}
                {staff.into_iter().map(|m| {
                    let select_id = format!("role-{}", m.id);
                    let ask = m.clone();
                    let id = m.id.clone();
                    let givable = roles.iter().any(|(r, _)| *r == m.role);
                    let options = roles.clone();
                    let (label, give) = (format!("Role of {}", m.name), format!("Give {} this role", m.name));
                    view! {
                        <tr class="border-t border-slate-200" data-testid="staff-member" data-email=m.email.clone()>
                            <th scope="row" class="px-3 py-2 text-left font-medium">{m.name.clone()}</th>
                            <td class="px-3 py-2">{m.email.clone()}</td>
                            <td class="px-3 py-2">
                                {if givable {
                                    view! {
                                        <ActionForm action=set_role attr:class="flex items-center gap-2">
                                            <input type="hidden" name="id" value=m.id.clone()/>
                                            <label class="sr-only" for=select_id.clone()>{label}</label>
                                            <select id=select_id name="role" class=INPUT>
                                                {options.into_iter().map(|(value, label)| { let selected = value == m.role; view! { <option value=value selected=selected>{label}</option> } }).collect_view()}
                                            </select>
                                            <button type="submit" class="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100" aria-label=give>"Give"</button>
                                        </ActionForm>
                                    }.into_any()
                                } else {
                                    view! { <span>{role_label(&m.role)}" (only an admin changes this)"</span> }.into_any()
                                }}
                            </td>
                            <td class="px-3 py-2">
                                {if m.enabled { view! { <Badge tone=Tone::Good label="enabled"/> } } else { view! { <Badge tone=Tone::Bad label="disabled"/> } }}
                            </td>
                            <td class="px-3 py-2">
                                {if m.enabled {
                                    view! {
                                        <button type="button" aria-label=format!("Disable {}", m.name) on:click=move |_| { chosen.set(Some(ask.clone())); asking.set(true); }
                                            class="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">"Disable"</button>
                                    }.into_any()
                                } else {
                                    view! {
                                        <button type="button" aria-label=format!("Enable {}", m.name)
                                            on:click=move |_| { set_enabled.dispatch(SetStaffEnabled { id: id.clone(), enabled: Some("on".into()) }); }
                                            class="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100">"Enable"</button>
                                    }.into_any()
                                }}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <ConfirmDialog id="disable-staff" open=asking title=title
            message="They are signed out at once and cannot sign in until an account is enabled again. Nothing they did is removed."
            confirm_label="Disable the account"
            on_confirm=move |_| if let Some(m) = chosen.get_untracked() { set_enabled.dispatch(SetStaffEnabled { id: m.id, enabled: None }); }/>
    }
}

#[component]
fn InviteForm(roles: Vec<(String, String)>, invite: ServerAction<InviteStaff>) -> impl IntoView {
    let error = move || invite.value().get().and_then(Result::err);
    let other = move || error().filter(|e| !matches!(e, AppError::InvalidField { .. }));
    let done = move || invite.value().get().and_then(Result::ok);
    let text = move |label: &'static str, name: &'static str, kind: &'static str, auto: &'static str| view! {
        <label class="grid gap-1 text-sm">{label}
            <input name=name type=kind class=INPUT aria-describedby=format!("s-{name}-error") autocomplete=auto required=true/>
            {beside(error, name, "s-")}
        </label>
    };
    view! {
        <section class="rounded-lg bg-white p-4 ring-1 ring-slate-200" aria-labelledby="invite-title">
            <h2 id="invite-title" class="mb-3 text-lg font-semibold">"Invite someone"</h2>
            <ActionForm action=invite attr:class="grid gap-3" attr:data-testid="invite-form">
                {text("Email", "email", "email", "off")}
                {text("First name", "first_name", "text", "off")}
                {text("Last name", "last_name", "text", "off")}
                <label class="grid gap-1 text-sm">"Role"
                    <select name="role" class=INPUT aria-describedby="s-role-error">
                        {roles.iter().filter(|(r, _)| r != "guest").map(|(value, label)| view! { <option value=value.clone()>{label.clone()}</option> }).collect_view()}
                    </select>
                    {beside(error, "role", "s-")}
                </label>
                <fieldset class="grid gap-1 text-sm">
                    <legend class="mb-1">"Their first sign-in"</legend>
                    <label class="flex items-center gap-2"><input type="radio" name="how" value="email" checked=true/>"Email them a link to choose a password"</label>
                    <label class="flex items-center gap-2"><input type="radio" name="how" value="password"/>"Make a temporary password to hand them"</label>
                    {beside(error, "password", "s-")}
                </fieldset>
                {move || other().map(|e| view! { <ErrorNotice error=e/> })}
                <button type="submit" disabled=move || invite.pending().get()
                    class="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 disabled:opacity-50">
                    {move || if invite.pending().get() { "Inviting…" } else { "Invite" }}
                </button>
            </ActionForm>
            {move || done().map(|d| view! {
                <div role="status" class="mt-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="invited">
                    <p>{format!("{} is invited as {}.", d.member.name, role_label(&d.member.role))}</p>
                    {match d.temporary_password {
                        Some(p) => view! { <p>"Temporary password, shown only now: " <code class="font-mono font-semibold" data-testid="temporary-password">{p}</code></p> }.into_any(),
                        None => view! { <p>"They have an email with a link to choose a password."</p> }.into_any(),
                    }}
                </div>
            })}
        </section>
    }
}
