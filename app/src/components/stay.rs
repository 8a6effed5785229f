//! The fields of a stay (dates and party) and its live quote, shared by booking and changing a
//! booking. The quote is asked of the server as the fields change, so it needs the WASM.
use crate::api::quote::quote;
use crate::components::price::PriceTable;
use crate::error::ErrorNotice;
use leptos::prelude::*;

pub const CHOOSE_DATES: &str = "Choose your dates to see the total";

/// What the guest has typed so far.
#[derive(Clone, Copy)]
pub struct StayInputs {
    pub check_in: RwSignal<String>,
    pub check_out: RwSignal<String>,
    pub adults: RwSignal<u8>,
    pub children: RwSignal<u8>,
}

impl StayInputs {
    pub fn new(check_in: String, check_out: String, adults: u8, children: u8) -> Self {
        Self {
            check_in: RwSignal::new(check_in),
            check_out: RwSignal::new(check_out),
            adults: RwSignal::new(adults),
            children: RwSignal::new(children),
        }
    }
}

#[component]
pub fn StayFields(inputs: StayInputs, max_adults: Signal<u8>, max_children: Signal<u8>) -> impl IntoView {
    let StayInputs { check_in, check_out, adults, children } = inputs;
    view! {
        <label class="grid gap-1">"Check-in"
            <input type="date" name="check_in" required class="rounded border px-2 py-1" prop:value=check_in
                on:input=move |ev| check_in.set(event_target_value(&ev))/>
        </label>
        <label class="grid gap-1">"Check-out"
            <input type="date" name="check_out" required class="rounded border px-2 py-1" prop:value=check_out
                on:input=move |ev| check_out.set(event_target_value(&ev))/>
        </label>
        <div class="flex gap-4">
            <label class="grid gap-1">"Adults"
                <select name="adults" class="rounded border px-2 py-1"
                    on:change=move |ev| adults.set(event_target_value(&ev).parse().unwrap_or(1))>
                    {move || (1..=max_adults.get()).map(|n| view! {
                        <option value=n.to_string() selected=move || adults.get() == n>{n}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="grid gap-1">"Children"
                <select name="children" class="rounded border px-2 py-1"
                    on:change=move |ev| children.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {move || (0..=max_children.get()).map(|n| view! {
                        <option value=n.to_string() selected=move || children.get() == n>{n}</option>
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// The stay as typed, with its room type: what a live answer is asked about.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedStay {
    pub room_type: String,
    pub check_in: String,
    pub check_out: String,
    pub adults: u8,
    pub children: u8,
}

/// What the server answers about the stay as typed (and what `more` reads), asked again as
/// either changes; the last answer stays on screen while the next is on its way. `show` gets
/// `None` until both dates are chosen.
pub fn live_answer<M, T, Fut>(
    room_type: Signal<String>,
    inputs: StayInputs,
    more: impl Fn() -> M + Send + Sync + 'static,
    ask: impl Fn(TypedStay, M) -> Fut + Send + Sync + 'static,
    fallback: ViewFnOnce,
    show: impl Fn(Option<T>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView
where
    M: Clone + PartialEq + Send + Sync + 'static,
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    let StayInputs {
        check_in,
        check_out,
        adults,
        children,
    } = inputs;
    let typed = move || TypedStay {
        room_type: room_type.get(),
        check_in: check_in.get(),
        check_out: check_out.get(),
        adults: adults.get(),
        children: children.get(),
    };
    let answer = Resource::new(
        move || (typed(), more()),
        move |(stay, more)| {
            let asked =
                (!stay.check_in.is_empty() && !stay.check_out.is_empty()).then(|| ask(stay, more));
            async move {
                match asked {
                    Some(answer) => Some(answer.await),
                    None => None,
                }
            }
        },
    );
    view! { <Transition fallback>{move || answer.get().map(&show)}</Transition> }
}

/// The price of what is typed, night by night, with the cancellation terms; or why not.
#[component]
pub fn LiveQuote(
    room_type: Signal<String>,
    inputs: StayInputs,
    promo: Signal<String>,
) -> impl IntoView {
    live_answer(
        room_type,
        inputs,
        move || promo.get(),
        |s, promo| {
            quote(
                s.room_type,
                s.check_in,
                s.check_out,
                s.adults,
                s.children,
                promo,
            )
        },
        ViewFnOnce::from(|| view! { <p data-testid="live-total">"Pricing…"</p> }),
        |answer| {
            match answer {
            None => view! { <p data-testid="live-total" class="font-medium">{CHOOSE_DATES}</p> }.into_any(),
            Some(Ok(q)) => view! {
                <div>
                    <p data-testid="live-total" class="font-medium">
                        {format!("{} · {} in total", nights(q.nights), q.price.total)}
                    </p>
                    <PriceTable price=q.price/>
                    <p data-testid="terms" class="mt-2 text-sm text-stone-600">{q.terms.summary()}</p>
                </div>
            }.into_any(),
            Some(Err(e)) => view! {
                <div data-testid="live-total"><ErrorNotice error=e/></div>
            }.into_any(),
        }
        },
    )
}

pub fn nights(n: i64) -> String {
    if n == 1 { "1 night".to_owned() } else { format!("{n} nights") }
}

/// "2 adults", "1 adult, 1 child", "2 adults, 3 children".
pub fn party(adults: u8, children: u8) -> String {
    let adults = if adults == 1 { "1 adult".to_owned() } else { format!("{adults} adults") };
    match children {
        0 => adults,
        1 => format!("{adults}, 1 child"),
        c => format!("{adults}, {c} children"),
    }
}
