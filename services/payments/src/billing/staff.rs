//! What staff post to a folio during the stay: an extra from the hotel's list, a free-text
//! charge, an allowance. Each is the net posting and its VAT line, written together under the
//! form's idempotency key, so a double click or a retried request posts once.
use super::domain::{self, ChargeKind, FolioCharge};
use super::extra::{ChargeText, Extra, Quantity, VatRate};
use super::store::{self, NewCharge};
use super::{extras_store, BillingError, BillingService};
use kernel::events::FolioChange;
use kernel::{BookingId, Money, UserId};
use uuid::Uuid;

/// A posting and its VAT line (none at 0 %).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posted {
    pub charge: FolioCharge,
    pub vat: Option<FolioCharge>,
}

impl Posted {
    /// What the guest pays for it, VAT included.
    pub fn gross(&self) -> Money {
        let vat = self.vat.as_ref().map_or(0, |v| v.amount.minor());
        Money::from_minor(self.charge.amount.minor() + vat, self.charge.amount.currency())
    }
}

/// One posting to make: kind, words, the gross amount (negative for an allowance), its VAT.
struct Line<'a> {
    kind: ChargeKind,
    description: &'a str,
    gross: Money,
    vat: VatRate,
    extra_id: Option<Uuid>,
    /// What its `folio.changed` says.
    change: FolioChange,
}

impl BillingService {
    /// The extras staff can post now.
    pub async fn extras(&self) -> Result<Vec<Extra>, BillingError> {
        Ok(extras_store::active(&mut *self.pool().acquire().await?).await?)
    }

    /// Posts `quantity` of one of the hotel's extras at its price now.
    #[tracing::instrument(skip(self))]
    pub async fn post_extra(&self, booking: BookingId, extra: Uuid, quantity: Quantity, by: UserId, key: Uuid) -> Result<Posted, BillingError> {
        let extra = extras_store::find(&mut *self.pool().acquire().await?, extra)
            .await?
            .filter(|e| e.active)
            .ok_or(BillingError::UnknownExtra)?;
        let gross = extra.price.minor().checked_mul(quantity.get().into()).ok_or(BillingError::NotPositive)?;
        let description = match quantity.get() {
            1 => extra.name.clone(),
            n => format!("{} × {n}", extra.name),
        };
        let gross = Money::from_minor(gross, extra.price.currency());
        let line = Line { kind: ChargeKind::Extra, description: &description, gross, vat: extra.vat, extra_id: Some(extra.id), change: FolioChange::ExtraPosted };
        self.post_line(booking, line, by, key).await
    }

    /// Posts a charge the list does not have, at a gross price and VAT rate staff give.
    #[tracing::instrument(skip(self))]
    pub async fn post_charge(&self, booking: BookingId, text: &ChargeText, gross: Money, vat: VatRate, by: UserId, key: Uuid) -> Result<Posted, BillingError> {
        if gross.minor() <= 0 {
            return Err(BillingError::NotPositive);
        }
        let line = Line { kind: ChargeKind::Extra, description: text.as_str(), gross, vat, extra_id: None, change: FolioChange::ChargePosted };
        self.post_line(booking, line, by, key).await
    }

    /// Gives the guest `amount` (VAT included) off what the folio charges, for `reason`; never
    /// more than the charges standing.
    #[tracing::instrument(skip(self))]
    pub async fn post_allowance(&self, booking: BookingId, reason: &ChargeText, amount: Money, vat: VatRate, by: UserId, key: Uuid) -> Result<Posted, BillingError> {
        if amount.minor() <= 0 {
            return Err(BillingError::NotPositive);
        }
        let description = format!("Allowance: {}", reason.as_str());
        let line = Line { kind: ChargeKind::Allowance, description: &description, gross: domain::negate(amount), vat, extra_id: None, change: FolioChange::AllowancePosted };
        self.post_line(booking, line, by, key).await
    }

    async fn post_line(&self, booking: BookingId, line: Line<'_>, by: UserId, key: Uuid) -> Result<Posted, BillingError> {
        let mut tx = self.pool().begin().await?;
        let head = store::lock(&mut tx, booking).await?.ok_or(BillingError::NoFolio)?;
        if line.gross.currency() != head.currency {
            return Err(BillingError::WrongCurrency { folio: head.currency.code(), given: line.gross.currency().code() });
        }
        let (net, vat) = line.vat.split(line.gross);
        if let Some(first) = store::by_key(&mut tx, booking, key).await? {
            let vat_line = extras_store::vat_line(&mut tx, first.id).await?;
            let posted = Posted { charge: first, vat: vat_line };
            return match posted.charge.description == line.description && posted.gross() == line.gross {
                true => Ok(posted),
                false => Err(BillingError::KeyReused),
            };
        }
        if line.kind == ChargeKind::Allowance {
            let standing = domain::standing(&store::postings(&mut tx, booking).await?);
            let charged = domain::sum(head.currency, standing.iter().map(|c| c.amount))?;
            if charged.minor() + line.gross.minor() < 0 {
                return Err(BillingError::AllowanceTooLarge(Money::from_minor(charged.minor().max(0), head.currency)));
            }
        }
        let mut charge = NewCharge {
            kind: line.kind,
            night: None,
            description: line.description,
            amount: net,
            reverses: None,
            source_event_id: None,
            posted_by: Some(by),
            idempotency_key: Some(key),
            credit_note_id: None,
            extra_id: line.extra_id,
            vat_of: None,
        };
        let posted = store::post(&mut tx, booking, &charge).await?.ok_or_else(|| anyhow::anyhow!("a posting's key conflicted under the folio's lock"))?;
        let vat_line = match vat.minor() {
            0 => None,
            _ => {
                let description = format!("VAT {} on {}", line.vat, line.description);
                charge = NewCharge { kind: ChargeKind::ExtraVat, description: &description, amount: vat, idempotency_key: None, extra_id: None, vat_of: Some(posted.id), ..charge };
                store::post(&mut tx, booking, &charge).await?
            }
        };
        let posted = Posted { charge: posted, vat: vat_line };
        super::changed::enqueue(&mut tx, booking, line.change, posted.gross(), by).await?;
        tx.commit().await?;
        Ok(posted)
    }
}
