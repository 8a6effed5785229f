//! The price of a stay before booking it, night by night, with its cancellation terms.
use crate::dto::QuoteView;
use crate::error::AppError;
use leptos::prelude::*;

/// What a stay in `room_type` costs, or which rule refuses it. Public: anyone may ask.
#[server(endpoint = "quote")]
pub async fn quote(
    room_type: String,
    check_in: String,
    check_out: String,
    adults: u8,
    children: u8,
    promo: String,
) -> Result<QuoteView, AppError> {
    use kernel::{Party, RoomTypeCode, Stay};
    let bookings = crate::state::state()?.bookings;
    let invalid = |e: &dyn std::fmt::Display| AppError::Invalid(e.to_string());
    let code = RoomTypeCode::parse(&room_type).map_err(|e| invalid(&e))?;
    let stay = Stay::parse(&check_in, &check_out, bookings.today()).map_err(|e| invalid(&e))?;
    let party = Party::new(adults, children).map_err(|e| invalid(&e))?;
    let offer = bookings.quote(&code, &stay, &party, Some(&promo)).await.map_err(super::bookings::server::app_error)?;
    Ok(QuoteView {
        nights: stay.nights(),
        price: server::price_view(&offer.priced),
        terms: server::terms_view(&offer.terms, &bookings.clock()),
    })
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::dto::{NightView, PriceLineView, PriceView, TermsView};
    use bookings::{CancellationTerms, HotelClock, PricedStay};

    pub fn price_view(p: &PricedStay) -> PriceView {
        PriceView {
            nights: p
                .nights()
                .iter()
                .map(|n| NightView { date: n.date, amount: n.amount, rules: n.rules.join(" · ") })
                .collect(),
            lines: p.stay_lines().iter().map(|l| PriceLineView { label: l.label.clone(), amount: l.amount }).collect(),
            total: p.total(),
        }
    }

    pub fn terms_view(t: &CancellationTerms, clock: &HotelClock) -> TermsView {
        let always_free = t.late_fee.minor() == 0 || t.free_until == chrono::DateTime::<chrono::Utc>::MAX_UTC;
        TermsView {
            free_until: (!always_free).then(|| {
                let local = t.free_until.with_timezone(&clock.time_zone);
                format!("{} ({})", local.format("%Y-%m-%d %H:%M"), clock.time_zone)
            }),
            late_fee: t.late_fee,
        }
    }
}
