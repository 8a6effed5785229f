//! A refund after invoicing: the money went back, so the invoice is credited by as much of it
//! as the guest had paid for invoiced charges.
use super::domain::{self, FolioPayment};
use super::issue::{issue_credit_note_in, pending_reduction};
use super::{invoice_store, store, BillingService};
use kernel::events::{Envelope, Event, PaymentCompleted};
use kernel::{Currency, Money};

impl BillingService {
    /// Issues a credit note for a refund on an invoiced booking, once per refund.
    #[tracing::instrument(skip(self, event), fields(booking = %event.payload.booking_id, kind = %event.payload.kind))]
    pub async fn on_payment_completed(&self, event: &Envelope<PaymentCompleted>) -> anyhow::Result<()> {
        let p = &event.payload;
        let mut tx = self.pool().begin().await?;
        if !store::first_time(&mut tx, event.event_id.as_uuid(), PaymentCompleted::TYPE).await? || p.kind != "refund" {
            tx.commit().await?;
            return Ok(());
        }
        let Some(folio) = store::lock(&mut tx, p.booking_id).await? else {
            tx.commit().await?;
            return Ok(());
        };
        let refund = Currency::parse(&p.currency).and_then(|c| domain::parse_amount(&p.amount, c));
        let Some(refund) = refund.filter(|r| r.currency() == folio.currency && r.minor() > 0) else {
            tracing::error!(amount = %p.amount, currency = %p.currency, "skipping a refund billing cannot read");
            tx.commit().await?;
            return Ok(());
        };
        let noted = invoice_store::credit_note_for_payment(&mut tx, p.payment_id).await?.is_some();
        let invoiced = !invoice_store::invoice_ids(&mut tx, p.booking_id).await?.is_empty();
        if noted || !invoiced {
            tx.commit().await?;
            return Ok(());
        }
        let postings = store::postings(&mut tx, p.booking_id).await?;
        // The ledger may or may not show this refund yet; count it exactly once.
        let others: Vec<FolioPayment> =
            store::payments(&mut tx, p.booking_id).await?.into_iter().filter(|m| m.id != p.payment_id).collect();
        let owed_before = match domain::balance(folio.currency, &postings, &others) {
            Ok(owed) => owed,
            Err(e) => {
                tracing::error!(error = %e, "skipping a refund on a folio billing cannot add up");
                tx.commit().await?;
                return Ok(());
            }
        };
        let creditable = invoice_store::creditable(&mut tx, p.booking_id).await?;
        let reduction = pending_reduction(folio.currency, &store::uncovered(&mut tx, p.booking_id).await?)?;
        let amount = credit_for_refund(owed_before, refund, reduction.minor(), creditable);
        if amount.minor() < reduction.minor() {
            // Only when earlier credit notes already used up what the invoices hold.
            tracing::warn!(%reduction, %amount, "the invoices cannot be credited by the changes since: left for staff");
        } else if amount.minor() > 0 {
            let card = p.card_last4.as_deref().map(|l| format!(" to the card ending {l}")).unwrap_or_default();
            let reason = format!("Refund of {refund}{card}");
            issue_credit_note_in(&mut tx, p.booking_id, amount, &reason, None, Some(p.payment_id)).await?;
        } else {
            tracing::info!("refund of an overpayment: nothing to credit");
        }
        tx.commit().await?;
        Ok(())
    }
}

/// What a refund's credit note credits: the reduction the folio already shows since the last
/// invoice (a stay shortened or cancelled after invoicing), plus the part of the refund that
/// would otherwise leave the guest owing for charges they had paid (a refund of an overpayment
/// adds nothing); never more than the invoices still hold.
pub fn credit_for_refund(owed_before: Money, refund: Money, reduction_minor: i64, creditable_minor: i64) -> Money {
    let owed_after = owed_before.minor().saturating_add(refund.minor());
    let goodwill = owed_after.clamp(0, refund.minor());
    let minor = reduction_minor.max(0).saturating_add(goodwill).min(creditable_minor.max(0));
    Money::from_minor(minor, refund.currency())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::billing::domain::MovementKind;

    fn eur(minor: i64) -> Money {
        Money::from_minor(minor, Currency::EUR)
    }

    #[test]
    fn a_refund_of_paid_charges_is_credited_in_full() {
        assert_eq!(credit_for_refund(eur(0), eur(5_000), 0, 30_000), eur(5_000));
    }

    #[test]
    fn a_refund_of_an_overpayment_credits_only_what_was_paid_for_charges() {
        assert_eq!(credit_for_refund(eur(-10_000), eur(10_000), 0, 30_000), eur(0), "all of it was overpaid");
        assert_eq!(credit_for_refund(eur(-3_000), eur(10_000), 0, 30_000), eur(7_000));
    }

    #[test]
    fn after_a_cancellation_the_note_credits_the_reversed_stay_whatever_was_refunded() {
        // Invoiced and paid 300, cancelled (−300 posted since), refunded in full or in part.
        assert_eq!(credit_for_refund(eur(-30_000), eur(30_000), 30_000, 30_000), eur(30_000));
        assert_eq!(credit_for_refund(eur(-30_000), eur(20_000), 30_000, 30_000), eur(30_000));
        // A late fee of 100 kept: the note credits the 200 the stay lost.
        assert_eq!(credit_for_refund(eur(-20_000), eur(20_000), 20_000, 30_000), eur(20_000));
    }

    #[test]
    fn never_more_than_the_invoices_still_hold() {
        assert_eq!(credit_for_refund(eur(0), eur(5_000), 0, 2_000), eur(2_000));
        assert_eq!(credit_for_refund(eur(0), eur(5_000), 0, -100), eur(0));
    }

    #[test]
    fn movement_kinds_parse_as_the_ledger_writes_them() {
        assert_eq!(MovementKind::parse("refund"), Some(MovementKind::Refund));
        assert_eq!(MovementKind::parse("chargeback"), None);
    }
}
