//! A folio as the desk's panel shows it.
use crate::dto::desk_folio::{ExtraView, FolioEntryView, FolioMoneyView, FolioView};
use crate::error::AppError;
use crate::state::AppState;
use bookings::BookingStatus;
use kernel::BookingId;
use payments::billing::{MovementKind, Tender, VatRate};

pub async fn folio_view(state: &AppState, id: BookingId) -> Result<FolioView, AppError> {
    let panel = state.desk.folio_panel(id).await.map_err(super::folio::server::folio_error)?;
    let (booking, settlement, people) = (&panel.booking, &panel.settlement, &panel.people);
    let clock = state.bookings.clock();
    let local = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&clock.time_zone).format("%Y-%m-%d %H:%M").to_string();
    let f = &settlement.folio;
    let name = |id| people.iter().find(|u| u.id == id).map_or_else(|| "staff".to_owned(), |u| u.name.clone());
    let card_on_file = panel
        .ledger
        .iter()
        .rev()
        .find(|p| p.succeeded() && p.kind == payments::PaymentKind::Authorisation)
        .and_then(|p| p.card_last4.as_ref().map(|l| format!("{} •••• {l}", p.card_brand.as_deref().unwrap_or("Card"))));
    let open = matches!(booking.status, BookingStatus::Confirmed | BookingStatus::CheckedIn);
    Ok(FolioView {
        booking_id: id.to_string(),
        lines: f
            .charges
            .iter()
            .map(|c| FolioEntryView {
                kind: c.kind.as_str().to_owned(),
                night: c.night,
                description: c.description.clone(),
                amount: c.amount,
                posted: c.posted_by.map(|by| format!("{} · {}", name(by), local(c.posted_at))),
            })
            .collect(),
        payments: f
            .payments
            .iter()
            .filter_map(|p| {
                let what = match (p.kind, p.tender) {
                    (MovementKind::Capture, Tender::Card) => "Card payment",
                    (MovementKind::Refund, Tender::Card) => "Card refund",
                    (MovementKind::Capture, Tender::Cash) => "Cash received",
                    (MovementKind::Refund, Tender::Cash) => "Cash paid out",
                    _ => return None,
                };
                let card = p.card_last4.as_ref().map(|l| format!(" •••• {l}")).unwrap_or_default();
                Some(FolioMoneyView { what: format!("{what}{card}"), amount: p.amount, at: local(p.at) })
            })
            .collect(),
        balance: f.balance,
        on_card: settlement.on_card,
        to_settle: settlement.to_settle,
        card_on_file,
        invoices: panel.invoices.iter().map(super::folio::server::invoice_link).collect(),
        open,
        can_check_out: booking.status == BookingStatus::CheckedIn,
        extras: panel
            .extras
            .iter()
            .map(|e| ExtraView { id: e.id.to_string(), name: e.name.clone(), price: e.price, vat: e.vat.to_string() })
            .collect(),
        vat_rates: VatRate::OFFERED.iter().map(|r| (r.bp(), r.to_string())).collect(),
    })
}
