//! One stay at the desk: everything about it on one page, and the staff's notes on it. The
//! actions (check in, check out, move) are the booking's own server functions.
use crate::dto::desk::{StayNoteView, StayView};
use crate::error::AppError;
use leptos::prelude::*;

/// The stay `id` with its guest, room, money, folio, notes and history.
#[server(endpoint = "desk/stay")]
pub async fn desk_stay(id: String) -> Result<StayView, AppError> {
    let user = super::access::require_desk().await?;
    let state = crate::state::state()?;
    let stay = state
        .desk
        .stay(server::booking_id(&id)?)
        .await
        .map_err(super::server::desk_error)?;
    let mut view = server::view(&stay, state.bookings.today(), &state.bookings.clock());
    view.can_waive = view.can_cancel && bookings::may_waive_fees(user.role);
    Ok(view)
}

/// Adds a note to the stay, signed by the member of staff writing it.
#[server(endpoint = "desk/add_note")]
pub async fn desk_add_note(id: String, text: String) -> Result<StayNoteView, AppError> {
    let user = super::access::require_desk().await?;
    let state = crate::state::state()?;
    let text = bookings::NoteText::parse(&text).map_err(|e| AppError::Invalid(e.to_string()))?;
    let note = state
        .bookings
        .add_note(server::booking_id(&id)?, &text, user.user_id)
        .await
        .map_err(crate::api::bookings::server::app_error)?;
    Ok(StayNoteView {
        author: user.view().name,
        at: server::local(note.at, &state.bookings.clock()),
        text: note.text,
    })
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::api::quote::server::terms_view;
    use crate::dto::desk::{
        FolioLineView, HistoryLineView, StayMoneyView, StayNoteView, StayPaymentView, StayView,
    };
    use crate::error::AppError;
    use bookings::lifecycle::Action;
    use bookings::{AuditAction, AuditEntry, HotelClock, Snapshot};
    use chrono::{DateTime, NaiveDate, Utc};
    use kernel::{BookingId, UserId};
    use payments::PaymentKind;

    pub fn booking_id(id: &str) -> Result<BookingId, AppError> {
        id.trim()
            .parse()
            .map_err(|_| AppError::NotFound("booking not found".into()))
    }

    pub fn local(at: DateTime<Utc>, clock: &HotelClock) -> String {
        at.with_timezone(&clock.time_zone)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    pub fn view(s: &desk::StayDetail, today: NaiveDate, clock: &HotelClock) -> StayView {
        let b = &s.booking;
        let name = |id: &UserId| {
            s.people
                .get(id)
                .map(|u| format!("{} ({})", u.name, u.role.as_str().replace('_', " ")))
                .unwrap_or_else(|| "someone no longer known".into())
        };
        let money = &s.money;
        StayView {
            booking_id: b.id.to_string(),
            reference: b.id.to_string()[..8].to_uppercase(),
            status: b.status.as_str().replace('_', " "),
            guest_name: s.guest.as_ref().map(|g| g.name.clone()).unwrap_or_default(),
            guest_email: s
                .guest
                .as_ref()
                .map(|g| g.email.to_string())
                .unwrap_or_default(),
            check_in: b.stay.check_in(),
            check_out: b.stay.check_out(),
            nights: b.stay.nights(),
            adults: b.party.adults(),
            children: b.party.children(),
            room_type: b.room_type.to_string(),
            room_number: b.room_number.clone(),
            housekeeping: s.room.as_ref().map(|r| r.housekeeping.to_string()),
            occupancy: s.room.as_ref().map(|r| r.occupancy.as_str().to_owned()),
            total: b.total,
            terms: terms_view(&b.terms, clock),
            fee_now: b.terms.fee_at(Utc::now()),
            money: StayMoneyView {
                held: money.held,
                taken: money.taken,
                refunded: money.refunded,
                balance: money.balance,
            },
            payments: s.payments.iter().map(|p| payment_view(p, clock)).collect(),
            folio: s
                .folio
                .iter()
                .flat_map(|f| &f.charges)
                .map(|c| FolioLineView {
                    night: c.night,
                    description: c.description.clone(),
                    amount: c.amount,
                })
                .collect(),
            folio_balance: s.folio.as_ref().map(|f| f.balance),
            notes: s
                .notes
                .iter()
                .map(|n| StayNoteView {
                    author: name(&n.author),
                    at: local(n.at, clock),
                    text: n.text.clone(),
                })
                .collect(),
            history: s
                .history
                .iter()
                .map(|h| HistoryLineView {
                    who: name(&h.actor),
                    at: local(h.at, clock),
                    action: h.action.as_str().to_owned(),
                    what: what(h),
                })
                .collect(),
            can_check_in: b.status.allows(Action::CheckIn)
                && b.stay.check_in() <= today
                && today < b.stay.check_out(),
            can_check_out: b.status.allows(Action::CheckOut),
            can_move: b.status.allows(Action::MoveRoom),
            can_no_show: b.no_show_on(today),
            no_show_fee: b.no_show_fee(clock),
            can_cancel: b.cancellable_on(today),
            can_waive: false,
            can_revert_check_in: b.check_in_revertible(checked_in_at(&s.history), clock, today),
        }
    }

    fn payment_view(p: &payments::Payment, clock: &HotelClock) -> StayPaymentView {
        let kind = match p.kind {
            PaymentKind::Authorisation => "Held",
            PaymentKind::Capture => "Taken",
            PaymentKind::Refund => "Refunded",
            PaymentKind::Void => "Hold released",
        };
        let card = match (&p.card_brand, &p.card_last4) {
            (brand, Some(last4)) => format!("{} •••• {last4}", brand.as_deref().unwrap_or("Card")),
            _ => String::new(),
        };
        StayPaymentView {
            kind: kind.into(),
            amount: p.amount,
            card,
            at: local(p.created_at, clock),
            failure: p.failure.map(|f| f.message()),
        }
    }

    /// An audit entry in words, from the booking before and after.
    fn what(h: &AuditEntry) -> String {
        let (before, after) = (h.before.as_ref(), h.after.as_ref());
        match h.action {
            AuditAction::CheckIn => format!(
                "Checked in{}",
                after
                    .map(|a| format!(" to room {}", a.room_number))
                    .unwrap_or_default()
            ),
            AuditAction::CheckOut => match (before, after) {
                (Some(b), Some(a)) if a.check_out < b.check_out => {
                    format!("Checked out early: the stay now ends {}", a.check_out)
                }
                _ => "Checked out".into(),
            },
            AuditAction::MoveRoom => match (before, after) {
                (Some(b), Some(a)) => format!(
                    "Moved from room {} to room {}",
                    b.room_number, a.room_number
                ),
                _ => "Moved to another room".into(),
            },
            AuditAction::Modify => match (before, after) {
                (Some(b), Some(a)) => format!("Changed: {}", changes(b, a).join("; ")),
                _ => "Changed".into(),
            },
            AuditAction::Cancel => "Cancelled".into(),
            AuditAction::AddNote => "Added a note".into(),
            AuditAction::NoShow => match after.and_then(|a| a.cancellation_fee) {
                Some(fee) => format!("Marked as a no-show (fee {fee})"),
                None => "Marked as a no-show".into(),
            },
            AuditAction::CancelFeeWaived => format!(
                "Cancelled, fee waived: {}",
                h.reason.as_deref().unwrap_or("no reason given")
            ),
            AuditAction::RevertCheckIn => "Check-in reverted".into(),
            AuditAction::Book => h.reason.clone().unwrap_or_else(|| "Booked".into()),
        }
    }

    /// When the stay was last checked in, from its history.
    fn checked_in_at(history: &[AuditEntry]) -> Option<DateTime<Utc>> {
        history
            .iter()
            .rev()
            .find(|h| h.action == AuditAction::CheckIn)
            .map(|h| h.at)
    }

    fn changes(b: &Snapshot, a: &Snapshot) -> Vec<String> {
        let mut out = Vec::new();
        if (b.check_in, b.check_out) != (a.check_in, a.check_out) {
            out.push(format!(
                "dates {} – {} to {} – {}",
                b.check_in, b.check_out, a.check_in, a.check_out
            ));
        }
        if (b.adults, b.children) != (a.adults, a.children) {
            out.push(format!(
                "party {} + {} to {} + {}",
                b.adults, b.children, a.adults, a.children
            ));
        }
        if b.room_type != a.room_type {
            out.push(format!("room type {} to {}", b.room_type, a.room_type));
        }
        if b.room_number != a.room_number {
            out.push(format!("room {} to {}", b.room_number, a.room_number));
        }
        if b.total != a.total {
            out.push(format!("total {} to {}", b.total, a.total));
        }
        if out.is_empty() {
            out.push("nothing the desk sees".into());
        }
        out
    }
}
