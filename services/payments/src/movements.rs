//! Captures, refunds and voids: each acts on an earlier payment of the booking. What the
//! ledger allows is decided before the gateway is called and recorded after it, with no
//! transaction open in between; the claim of the request's key keeps a second movement of the
//! same booking from running meanwhile.
use crate::domain::{Ledger, Payment, PaymentKind};
use crate::gateway::GatewayRef;
use crate::guarded::Settled;
use crate::idempotency::{Attempt, Outcome};
use crate::service::{failure_of, now, succeeded, try_outcome};
use crate::{store, PaymentError, PaymentsService};
use anyhow::Context;
use kernel::{BookingId, Money, PaymentId};

#[derive(Debug, Clone, Copy)]
pub(crate) enum Move {
    /// Some of what the hold has, or all of it.
    Capture(Option<Money>),
    /// From the latest capture that still has this much.
    Refund(Money),
    RefundOf(PaymentId, Money),
    Void,
    /// What one given authorisation still holds.
    VoidOf(PaymentId),
    /// Some of what one given authorisation holds (the desk's hold, taken at once).
    CaptureOf(PaymentId, Money),
    /// A refund the desk gives, from the desk's own card money first; given from the stay's
    /// money, it lowers what the stay is due.
    DeskRefund(Money),
}

impl Move {
    /// The desk's moves and those naming their payment act on any row; the others on the stay's.
    fn names_its_payment(self) -> bool {
        matches!(self, Self::RefundOf(..) | Self::VoidOf(_) | Self::CaptureOf(..) | Self::DeskRefund(_))
    }
}

impl PaymentsService {
    /// Asks the gateway for `m` and records the outcome with its event. A gateway failure is a
    /// payment carrying its `failure`; a request the ledger does not allow records nothing.
    pub(crate) async fn movement(&self, booking: BookingId, m: Move, attempt: Attempt) -> Outcome<Payment> {
        let id = attempt.payment_id;
        let mut conn = try_outcome!(self.pool().acquire().await);
        if attempt.resumed {
            if let Some(done) = try_outcome!(store::payment(&mut conn, id).await) {
                return Outcome::Done(succeeded(done));
            }
        }
        let rows = match m.names_its_payment() {
            true => try_outcome!(store::for_booking_all(&mut conn, booking).await),
            false => try_outcome!(store::for_booking(&mut conn, booking).await),
        };
        drop(conn);
        let (kind, parent, amount) = try_outcome!(plan(&Ledger(&rows), m));
        let on = GatewayRef(try_outcome!(parent.gateway_reference.clone().context("a succeeded payment without a gateway reference")));
        let reference = id.to_string();
        let gateway = self.gateway();
        let settled = gateway
            .settled(&reference, attempt.resumed, || async {
                match kind {
                    PaymentKind::Capture => gateway.capture(&on, amount, &reference).await,
                    PaymentKind::Refund => gateway.refund(&on, amount, &reference).await,
                    PaymentKind::Void => gateway.void(&on, &reference).await,
                    PaymentKind::Authorisation => unreachable!("plan never authorises"),
                }
            })
            .await;
        let (gateway_reference, failure) = match settled {
            Settled::Known(Ok(r)) => (Some(r.0), None),
            Settled::Known(Err(e)) => (None, Some(failure_of(e))),
            Settled::Unknown(e) => return Outcome::Unknown(PaymentError::from_failure(failure_of(e))),
        };
        let payment = Payment {
            id,
            booking_id: parent.booking_id,
            user_id: parent.user_id,
            kind,
            parent_id: Some(parent.id),
            failure,
            amount,
            card_last4: parent.card_last4.clone(),
            card_brand: parent.card_brand.clone(),
            gateway_reference,
            created_at: now(),
            purpose: parent.purpose,
        };
        let credit = matches!(m, Move::DeskRefund(_)) && parent.purpose == crate::domain::Purpose::Stay;
        self.record_with(payment, None, None, credit).await
    }
}

/// What `m` means for this ledger: the kind of row, the payment it acts on and the amount.
fn plan<'a>(ledger: &Ledger<'a>, m: Move) -> Result<(PaymentKind, &'a Payment, Money), PaymentError> {
    match m {
        Move::Capture(amount) => {
            let (auth, held) = ledger.holding().ok_or(PaymentError::NothingHeld)?;
            Ok((PaymentKind::Capture, auth, within(amount.unwrap_or(held), held)?))
        }
        Move::Void => {
            let (auth, held) = ledger.holding().ok_or(PaymentError::NothingHeld)?;
            Ok((PaymentKind::Void, auth, held))
        }
        Move::VoidOf(id) => {
            let (auth, held) = ledger.holds().into_iter().find(|(a, _)| a.id == id).ok_or(PaymentError::NothingHeld)?;
            Ok((PaymentKind::Void, auth, held))
        }
        Move::Refund(amount) => {
            let captures = ledger.refundable();
            let most = captures.iter().map(|(_, left)| *left).max_by_key(|m| m.minor()).ok_or(PaymentError::NothingToRefund)?;
            within(amount, most)?;
            let (capture, _) = captures.into_iter().find(|(_, left)| left.minor() >= amount.minor()).expect("the largest fits");
            Ok((PaymentKind::Refund, capture, amount))
        }
        Move::CaptureOf(id, amount) => {
            let (auth, held) = ledger.holds().into_iter().find(|(a, _)| a.id == id).ok_or(PaymentError::NothingHeld)?;
            Ok((PaymentKind::Capture, auth, within(amount, held)?))
        }
        Move::DeskRefund(amount) => {
            let mut captures = ledger.refundable();
            captures.sort_by_key(|(c, _)| (c.purpose != crate::domain::Purpose::Folio, std::cmp::Reverse(c.created_at)));
            let most = captures.iter().map(|(_, left)| *left).max_by_key(|m| m.minor()).ok_or(PaymentError::NothingToRefund)?;
            within(amount, most)?;
            let (capture, _) = captures.into_iter().find(|(_, left)| left.minor() >= amount.minor()).expect("the largest fits");
            Ok((PaymentKind::Refund, capture, amount))
        }
        Move::RefundOf(id, amount) => {
            let (capture, left) = ledger.refundable().into_iter().find(|(c, _)| c.id == id).ok_or(PaymentError::NothingToRefund)?;
            Ok((PaymentKind::Refund, capture, within(amount, left)?))
        }
    }
}

/// `amount`, if it is positive, in the right currency and no more than `available`.
fn within(amount: Money, available: Money) -> Result<Money, PaymentError> {
    if amount.currency() != available.currency() {
        return Err(PaymentError::WrongCurrency { expected: available.currency(), given: amount.currency() });
    }
    if amount.minor() <= 0 {
        return Err(PaymentError::NotPositive);
    }
    if amount.minor() > available.minor() {
        return Err(PaymentError::TooMuch(available));
    }
    Ok(amount)
}
