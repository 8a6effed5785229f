/// What billing refuses, in words a guest or a member of staff can act on.
#[derive(Debug, thiserror::Error)]
pub enum BillingError {
    #[error("this booking has no folio yet")]
    NoFolio,
    #[error("invoice not found")]
    InvoiceNotFound,
    #[error("credit note not found")]
    CreditNoteNotFound,
    #[error("there is nothing new to invoice on this booking")]
    NothingToInvoice,
    #[error("this booking has no invoice to credit")]
    NotInvoiced,
    #[error("an amount must be more than zero")]
    NotPositive,
    #[error("the folio is kept in {folio}, not {given}")]
    WrongCurrency { folio: &'static str, given: &'static str },
    #[error("at most {0} can still be credited on this booking")]
    ExceedsInvoiced(kernel::Money),
    /// Reversals since the last invoice outweigh new charges: that is a credit, not an invoice.
    #[error("the changes since the last invoice reduce it by {0}: issue a credit note for them")]
    NetReduction(kernel::Money),
    #[error("the changes since the last invoice already reduce it by {0}: credit at least that")]
    CreditTooSmall(kernel::Money),
    #[error("a description is required (at most 200 characters)")]
    InvalidDescription,
    #[error("that extra is not on the hotel's list")]
    UnknownExtra,
    /// A field of an extra a manager is saving is wrong: `field` names it.
    #[error("{message}")]
    InvalidExtra { field: &'static str, message: String },
    #[error("this form was already used for a different posting; reload the page and try again")]
    KeyReused,
    #[error("an allowance can be at most the {0} charged")]
    AllowanceTooLarge(kernel::Money),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<sqlx::Error> for BillingError {
    fn from(e: sqlx::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("billing database"))
    }
}

impl From<super::domain::FolioError> for BillingError {
    fn from(e: super::domain::FolioError) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("folio sums"))
    }
}
