//! Billing's use cases on folios: reading one, and staff posting extras during the stay.
use super::domain::{self, ChargeKind, Folio, FolioCharge};
use super::store::{self, NewCharge};
use super::{invoice_store, BillingError};
use kernel::{BookingId, Money, UserId};
use sqlx::PgPool;
use uuid::Uuid;

/// Folios, invoices and credit notes. Cheap to clone.
#[derive(Clone)]
pub struct BillingService {
    pool: PgPool,
}

impl BillingService {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }

    pub(crate) fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// The booking's folio: standing charges, every posting, the money moved and the balance.
    #[tracing::instrument(skip(self))]
    pub async fn folio(&self, booking_id: BookingId) -> Result<Folio, BillingError> {
        let mut tx = self.pool.begin().await?;
        // One snapshot for all reads, so the balance matches the lists beside it.
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").execute(&mut *tx).await?;
        let head = store::find(&mut tx, booking_id).await?.ok_or(BillingError::NoFolio)?;
        let postings = store::postings(&mut tx, booking_id).await?;
        let payments = store::payments(&mut tx, booking_id).await?;
        let invoices = invoice_store::invoice_ids(&mut tx, booking_id).await?;
        tx.commit().await?;
        let balance = domain::balance(head.currency, &postings, &payments)?;
        Ok(Folio {
            booking_id,
            user_id: head.user_id,
            currency: head.currency,
            charges: domain::standing(&postings),
            postings,
            payments,
            balance,
            invoices,
        })
    }

    /// Posts an extra (minibar, breakfast…) that a member of staff `by` adds during the stay.
    /// A retry with the same `idempotency_key` answers with the first posting.
    #[tracing::instrument(skip(self))]
    pub async fn post_extra(
        &self,
        booking_id: BookingId,
        description: &str,
        amount: Money,
        by: UserId,
        idempotency_key: Uuid,
    ) -> Result<FolioCharge, BillingError> {
        let description = description.trim();
        if description.is_empty() || description.chars().count() > 200 {
            return Err(BillingError::InvalidDescription);
        }
        if amount.minor() <= 0 {
            return Err(BillingError::NotPositive);
        }
        let mut tx = self.pool.begin().await?;
        let head = store::lock(&mut tx, booking_id).await?.ok_or(BillingError::NoFolio)?;
        if amount.currency() != head.currency {
            return Err(BillingError::WrongCurrency { folio: head.currency.code(), given: amount.currency().code() });
        }
        let charge = NewCharge {
            kind: ChargeKind::Extra,
            night: None,
            description,
            amount,
            reverses: None,
            source_event_id: None,
            posted_by: Some(by),
            idempotency_key: Some(idempotency_key),
            credit_note_id: None,
        };
        let posted = match store::post(&mut tx, booking_id, &charge).await? {
            Some(posted) => posted,
            None => store::by_key(&mut tx, booking_id, idempotency_key)
                .await?
                .ok_or_else(|| anyhow::anyhow!("a posting's idempotency key conflicted, then vanished"))?,
        };
        tx.commit().await?;
        Ok(posted)
    }
}
