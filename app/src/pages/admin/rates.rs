//! Rates: what each room type sells at and on which terms. A month of nights with their price
//! and restrictions, the rules that make them, and a form for each kind of rule.
use super::rate_forms::{PlanForm, PromoForm, RestrictionForm, SeasonForm, StayDiscountForm, WeekdayForm};
use crate::components::staff::form::INPUT;
use crate::api::admin::rates::{rates_page, AddPromo, AddRestriction, RemovePromo, RemoveRateRule, SaveRatePlan, SaveSeason, SaveStayDiscount, SaveWeekday};
use crate::components::staff::dialog::ConfirmDialog;
use crate::components::staff::table::{EmptyRow, HeadRow};
use crate::components::staff::toast::use_toasts;
use crate::dto::rates::{NightView, RatesPageView, SeasonView};
use crate::error::ErrorNotice;
use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// What a removal names: (kind, key, what the dialog says).
type Removal = (String, String, String);

#[component]
pub fn RatesPage() -> impl IntoView {
    let query = use_query_map();
    let room_type = move || query.read().get("type").unwrap_or_default();
    let month = move || query.read().get("month").unwrap_or_default();
    let past = move || query.read().get("past").unwrap_or_default();
    let season = ServerAction::<SaveSeason>::new();
    let plan = ServerAction::<SaveRatePlan>::new();
    let weekday = ServerAction::<SaveWeekday>::new();
    let discount = ServerAction::<SaveStayDiscount>::new();
    let restriction = ServerAction::<AddRestriction>::new();
    let remove = ServerAction::<RemoveRateRule>::new();
    let promo = ServerAction::<AddPromo>::new();
    let remove_promo = ServerAction::<RemovePromo>::new();
    // Only a save reloads the page's rules (and resets its forms); a preview or a refusal keeps
    // what was typed.
    let saved = RwSignal::new(0u32);
    let editing = RwSignal::new(None::<SeasonView>);
    let toasts = use_toasts();
    let said = move |text: String| {
        toasts.say(text);
        editing.set(None);
        saved.update(|n| *n += 1);
    };
    // A form's refusal shows beside it; a removal's, having no form, in a toast.
    let forms = [(season.value(), false), (plan.value(), false), (weekday.value(), false), (discount.value(), false), (restriction.value(), false), (remove.value(), true)];
    for (value, toast_refusal) in forms {
        Effect::new(move || match value.get() {
            Some(Ok(answer)) => {
                if let Some(text) = answer.saved {
                    said(text);
                }
            }
            Some(Err(e)) if toast_refusal => toasts.say(e.to_string()),
            _ => {}
        });
    }
    for (value, toast_refusal) in [(promo.value(), false), (remove_promo.value(), true)] {
        Effect::new(move || match value.get() {
            Some(Ok(text)) => said(text),
            Some(Err(e)) if toast_refusal => toasts.say(e.to_string()),
            _ => {}
        });
    }
    let page = Resource::new(move || (room_type(), month(), past(), saved.get()), |(t, m, past, _)| rates_page(t, m, past));
    let asking = RwSignal::new(false);
    let chosen = RwSignal::new(None::<Removal>);
    let title = Signal::derive(move || chosen.get().map(|(_, _, what)| format!("Remove {what}?")).unwrap_or_default());
    let room = Memo::new(move |_| page.get().and_then(Result::ok).map(|p| p.room_type).unwrap_or_default());
    view! {
        <h1 class="mb-4 text-2xl font-semibold">"Rates"</h1>
        <Transition fallback=|| view! { <p class="py-6 text-slate-600">"Loading the rates…"</p> }>
            {move || page.get().map(|answer| match answer {
                Ok(p) => {
                    let (code, today) = (p.room_type.clone(), p.today);
                    view! {
                    <Chooser page=p.clone()/>
                    <Calendar page=p.clone()/>
                    <div class="mt-6 grid grid-cols-2 items-start gap-6">
                        <div class="grid gap-6">
                            <Seasons page=p.clone() editing=editing chosen=chosen asking=asking/>
                            {move || view! { <SeasonForm room_type=code.clone() season=editing.get() today=today save=season editing=editing/> }}
                            <Rules page=p.clone() chosen=chosen asking=asking/>
                            <PromoCodes page=p.clone() chosen=chosen asking=asking/>
                            <PromoForm today=p.today save=promo/>
                        </div>
                        <div class="grid gap-6">
                            <PlanForm room_type=p.room_type.clone() plan=p.plan.clone() today=p.today save=plan/>
                            <WeekdayForm room_type=p.room_type.clone() today=p.today save=weekday/>
                            <StayDiscountForm room_type=p.room_type.clone() today=p.today save=discount/>
                            <RestrictionForm room_type=p.room_type.clone() today=p.today save=restriction/>
                        </div>
                    </div>
                    }.into_any()
                }
                Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
            })}
        </Transition>
        <ConfirmDialog id="remove-rule" open=asking title=title
            message="Stays already booked keep the price and terms they were sold at; new searches follow at once. The change is kept in the audit log."
            confirm_label="Remove it"
            on_confirm=move |_| match chosen.get_untracked() {
                Some((kind, code, _)) if kind == "promo" => { remove_promo.dispatch(RemovePromo { code }); }
                Some((kind, key, _)) => { remove.dispatch(RemoveRateRule { room_type: room.get_untracked(), kind, key }); }
                None => {}
            }/>
    }
}

/// The room type and month shown: a plain GET form and links, so they work before hydration.
#[component]
fn Chooser(page: RatesPageView) -> impl IntoView {
    let past = if page.past { "&past=on" } else { "" };
    let link = |month: &str| format!("/admin/rates?type={}&month={month}{past}", page.room_type);
    let toggle = if page.past {
        (format!("/admin/rates?type={}&month={}", page.room_type, page.month), "Hide the rules that have ended".to_owned())
    } else {
        (format!("/admin/rates?type={}&month={}&past=on", page.room_type, page.month), format!("Show the {} rules that have ended", page.past_hidden))
    };
    view! {
        <div class="mb-4 flex flex-wrap items-end gap-4">
            <form method="get" class="flex items-end gap-2 text-sm">
                <label class="grid gap-1" for="rates-type">"Room type"</label>
                <select id="rates-type" name="type" class=INPUT>
                    {page.types.iter().map(|(code, name)| view! { <option value=code.clone() selected=*code == page.room_type>{format!("{name} ({code})")}</option> }).collect_view()}
                </select>
                <input type="hidden" name="month" value=page.month.clone()/>
                {page.past.then(|| view! { <input type="hidden" name="past" value="on"/> })}
                <button type="submit" class="min-h-10 rounded border border-slate-400 px-3 hover:bg-slate-100">"Show"</button>
            </form>
            <nav aria-label="Month" class="flex items-center gap-3 text-sm">
                <a class="rounded border border-slate-400 px-3 py-1.5 hover:bg-slate-100" href=link(&page.previous_month)>"← Previous month"</a>
                <span class="font-medium" data-testid="calendar-month">{page.month_label.clone()}</span>
                <a class="rounded border border-slate-400 px-3 py-1.5 hover:bg-slate-100" href=link(&page.next_month)>"Next month →"</a>
            </nav>
            <p class="text-sm text-slate-700">{format!("Base price {} a night, from the room type", page.base_price)}</p>
            {(page.past || page.past_hidden > 0).then(|| view! { <a href=toggle.0.clone() class="text-sm underline" data-testid="past-rules">{toggle.1.clone()}</a> })}
        </div>
    }
}

/// The month as weeks from Monday: each night's price for the plan's included guests, the
/// rules that moved it and the restrictions on it.
#[component]
fn Calendar(page: RatesPageView) -> impl IntoView {
    let lead = page.calendar.first().map_or(0, |n| n.date.weekday().num_days_from_monday() as usize);
    let mut cells: Vec<Option<NightView>> = vec![None; lead];
    cells.extend(page.calendar.into_iter().map(Some));
    while cells.len() % 7 != 0 {
        cells.push(None);
    }
    let weeks: Vec<Vec<Option<NightView>>> = cells.chunks(7).map(<[_]>::to_vec).collect();
    view! {
        <table class="w-full table-fixed rounded-lg bg-white text-sm ring-1 ring-slate-200" data-testid="rate-calendar">
            <caption class="sr-only">{format!("Prices a night in {}, for the plan's included guests", page.month_label)}</caption>
            <HeadRow columns=&["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]/>
            <tbody>
                {weeks.into_iter().map(|week| view! {
                    <tr class="border-t border-slate-200 align-top">
                        {week.into_iter().map(|night| match night {
                            None => view! { <td class="bg-slate-50 px-2 py-2"></td> }.into_any(),
                            Some(n) => view! {
                                <td class="h-24 px-2 py-2" data-testid="night" data-date=n.date.to_string()>
                                    <div class="flex justify-between">
                                        <span class="text-xs text-slate-600">{n.date.day()}</span>
                                        <span class="font-semibold" data-testid="night-price">{n.price.to_string()}</span>
                                    </div>
                                    <ul class="mt-1 grid gap-0.5 text-xs">
                                        {n.rules.into_iter().map(|r| view! { <li class="text-sky-900">{r}</li> }).collect_view()}
                                        {n.restrictions.into_iter().map(|r| view! { <li class="text-amber-900">{r}</li> }).collect_view()}
                                    </ul>
                                </td>
                            }.into_any(),
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

const BUTTON: &str = "rounded border border-slate-400 px-3 py-1 hover:bg-slate-100";

#[component]
fn Seasons(page: RatesPageView, editing: RwSignal<Option<SeasonView>>, chosen: RwSignal<Option<Removal>>, asking: RwSignal<bool>) -> impl IntoView {
    view! {
        <section aria-labelledby="seasons-title">
            <h2 id="seasons-title" class="mb-2 text-lg font-semibold">"Seasons"</h2>
            <table class="w-full rounded-lg bg-white text-sm ring-1 ring-slate-200" data-testid="seasons">
                <HeadRow columns=&["Season", "First night", "Last night", "Price", "Actions"]/>
                <tbody>
                    {page.seasons.is_empty().then(|| view! { <EmptyRow columns=5 text="No season: every night starts from the base price."/> })}
                    {page.seasons.into_iter().map(|s| {
                        let change = s.clone();
                        let ask = (String::from("season"), s.id.to_string(), format!("the season {}", s.name));
                        view! {
                            <tr class="border-t border-slate-200" data-testid="season" data-name=s.name.clone()>
                                <th scope="row" class="px-3 py-2 text-left font-medium">{s.name.clone()}</th>
                                <td class="px-3 py-2">{s.starts.to_string()}</td>
                                <td class="px-3 py-2">{s.last_night.to_string()}</td>
                                <td class="px-3 py-2" data-testid="season-price">{s.label.clone()}</td>
                                <td class="flex gap-2 px-3 py-2">
                                    <button type="button" class=BUTTON aria-label=format!("Change {}", s.name) on:click=move |_| editing.set(Some(change.clone()))>"Change"</button>
                                    <button type="button" class=BUTTON aria-label=format!("Remove {}", s.name) on:click=move |_| { chosen.set(Some(ask.clone())); asking.set(true); }>"Remove"</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// Weekday adjustments, long-stay discounts and restrictions, each removable.
#[component]
fn Rules(page: RatesPageView, chosen: RwSignal<Option<Removal>>, asking: RwSignal<bool>) -> impl IntoView {
    let row = move |label: String, detail: String, removal: Removal| {
        let aria = format!("Remove {}", removal.2);
        view! {
            <tr class="border-t border-slate-200" data-testid="rule">
                <th scope="row" class="px-3 py-2 text-left font-medium">{label}</th>
                <td class="px-3 py-2">{detail}</td>
                <td class="px-3 py-2">
                    <button type="button" class=BUTTON aria-label=aria on:click=move |_| { chosen.set(Some(removal.clone())); asking.set(true); }>"Remove"</button>
                </td>
            </tr>
        }
    };
    let empty = page.weekdays.is_empty() && page.stay_discounts.is_empty() && page.restrictions.is_empty();
    view! {
        <section aria-labelledby="rules-title">
            <h2 id="rules-title" class="mb-2 text-lg font-semibold">"Weekdays, long stays and restrictions"</h2>
            <table class="w-full rounded-lg bg-white text-sm ring-1 ring-slate-200" data-testid="rules">
                <HeadRow columns=&["Rule", "What it does", "Action"]/>
                <tbody>
                    {empty.then(|| view! { <EmptyRow columns=3 text="No rule beyond the seasons."/> })}
                    {page.weekdays.into_iter().map(|w| row(
                        format!("{} ({})", w.name, w.day), format!("{} on nights starting on a {}", w.adjust, w.day),
                        ("weekday".into(), w.isodow.to_string(), format!("the adjustment on {}", w.day)),
                    )).collect_view()}
                    {page.stay_discounts.into_iter().map(|d| row(
                        format!("From {} nights", d.min_nights), format!("{} off the room", d.discount),
                        ("stay_discount".into(), d.min_nights.to_string(), format!("the discount from {} nights", d.min_nights)),
                    )).collect_view()}
                    {page.restrictions.into_iter().map(|r| row(
                        r.rule.clone(), format!("for arrivals {} to {}", r.first, r.last),
                        ("restriction".into(), r.id.to_string(), format!("the restriction {} from {}", r.rule, r.first)),
                    )).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn PromoCodes(page: RatesPageView, chosen: RwSignal<Option<Removal>>, asking: RwSignal<bool>) -> impl IntoView {
    view! {
        <section aria-labelledby="promos-title">
            <h2 id="promos-title" class="mb-2 text-lg font-semibold">"Promo codes (every room type)"</h2>
            <table class="w-full rounded-lg bg-white text-sm ring-1 ring-slate-200" data-testid="promos">
                <HeadRow columns=&["Code", "Discount", "Arrivals", "From", "Action"]/>
                <tbody>
                    {page.promos.is_empty().then(|| view! { <EmptyRow columns=5 text="No promo code."/> })}
                    {page.promos.into_iter().map(|p| {
                        let ask = (String::from("promo"), p.code.clone(), format!("the promo code {}", p.code));
                        view! {
                            <tr class="border-t border-slate-200" data-testid="promo" data-code=p.code.clone()>
                                <th scope="row" class="px-3 py-2 text-left font-mono font-medium">{p.code.clone()}</th>
                                <td class="px-3 py-2">{p.discount.clone()}</td>
                                <td class="px-3 py-2">{format!("{} to {}", p.first, p.last)}</td>
                                <td class="px-3 py-2">{format!("{} nights", p.min_nights)}</td>
                                <td class="px-3 py-2">
                                    <button type="button" class=BUTTON aria-label=format!("Withdraw {}", p.code)
                                        on:click=move |_| { chosen.set(Some(ask.clone())); asking.set(true); }>"Withdraw"</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
