//! Everything a server function may reach, handed to it through Leptos context.
use axum::extract::FromRef;
use bookings::BookingsService;
use leptos::prelude::*;
use payments::billing::BillingService;
use payments::PaymentsService;
use rooms::RoomsService;
use users::{SessionGuard, UsersService};

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub users: UsersService,
    pub rooms: RoomsService,
    pub bookings: BookingsService,
    pub payments: PaymentsService,
    /// Folios, invoices and credit notes.
    pub billing: BillingService,
    /// Re-checks signed-in sessions against the identity provider.
    pub sessions: SessionGuard,
    /// The front desk's use cases across services.
    pub desk: desk::Desk,
    /// The manager's office: the night audit.
    pub office: office::Office,
    /// The staff in Keycloak, for the office's staff page.
    pub staff: users::StaffDirectory,
    /// Email templates, for the office's editor.
    pub notifications: notifications::NotificationsService,
}

/// The state of the running app; present in every server function.
pub fn state() -> Result<AppState, crate::error::AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the server function context");
        crate::error::AppError::Internal
    })
}

/// Logs an unexpected error with its whole chain and gives the person a plain message.
pub fn internal(e: impl std::fmt::Debug) -> crate::error::AppError {
    tracing::error!(error = ?e, "unexpected error in a server function");
    crate::error::AppError::Internal
}
