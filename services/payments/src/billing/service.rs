//! Billing's use cases on folios: reading one (staff post to it in `staff`).
use super::domain::{self, Folio};
use super::store;
use super::{invoice_store, BillingError};
use kernel::BookingId;
use sqlx::PgPool;

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
}
