//! Invoices and credit notes as PDF downloads, for the guest they belong to and for staff;
//! maintenance tickets' photos, for housekeeping; the revenue report as CSV, for managers.
use app::api::session::server::Signed;
use app::state::AppState;
use axum::extract::{Path, Query, State};
use std::collections::HashMap;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use payments::billing::BillingError;
use tower_sessions::Session;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/invoices/{id}/pdf", get(invoice))
        .route("/credit-notes/{id}/pdf", get(credit_note))
        .route("/housekeeping/tickets/{id}/photo", get(ticket_photo))
        .route("/admin/reports.csv", get(report_csv))
}

/// The figures of the report page for the same fields, every period, as CSV.
async fn report_csv(State(state): State<AppState>, session: Session, Query(q): Query<HashMap<String, String>>) -> Response {
    let Some(user) = signed_in(&state, &session).await else { return StatusCode::UNAUTHORIZED.into_response() };
    if !app::api::admin::access::ADMIN_ROLES.contains(&user.role) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let field = |k: &str| q.get(k).map(String::as_str).unwrap_or("");
    let query = app::api::admin::reports::server::query(
        field("first"),
        field("last"),
        field("by"),
        field("room_type"),
        field("pickup_days"),
        state.bookings.today(),
    );
    let report = match query {
        Ok(query) => state.office.report(query).await.map_err(app::api::admin::reports::server::report_error),
        Err(e) => Err(e),
    };
    match report {
        Ok(report) => {
            let name = format!("report-{}-{}-{}.csv", report.query.first, report.query.last, report.query.grain.as_str());
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
                ],
                office::reports::to_csv(&report),
            )
                .into_response()
        }
        Err(e) => (e.status(), e.to_string()).into_response(),
    }
}

async fn invoice(State(state): State<AppState>, session: Session, Path(id): Path<String>) -> Response {
    let Some(user) = signed_in(&state, &session).await else { return StatusCode::UNAUTHORIZED.into_response() };
    let Ok(id) = id.parse() else { return StatusCode::NOT_FOUND.into_response() };
    let found = state.billing.invoice_for(id, user.user_id, user.role.manages_bookings()).await;
    match found {
        Ok(invoice) => pdf(state.billing.invoice_pdf(invoice.id).await, &format!("invoice-{}.pdf", invoice.number)),
        Err(e) => refused(e),
    }
}

async fn credit_note(State(state): State<AppState>, session: Session, Path(id): Path<String>) -> Response {
    let Some(user) = signed_in(&state, &session).await else { return StatusCode::UNAUTHORIZED.into_response() };
    let Ok(id) = id.parse() else { return StatusCode::NOT_FOUND.into_response() };
    let found = state.billing.credit_note_for(id, user.user_id, user.role.manages_bookings()).await;
    match found {
        Ok(note) => pdf(state.billing.credit_note_pdf(note.id).await, &format!("credit-note-{}.pdf", note.number)),
        Err(e) => refused(e),
    }
}

async fn ticket_photo(State(state): State<AppState>, session: Session, Path(id): Path<String>) -> Response {
    let Some(user) = signed_in(&state, &session).await else { return StatusCode::UNAUTHORIZED.into_response() };
    if !app::api::housekeeping::access::HOUSEKEEPING_ROLES.contains(&user.role) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let Ok(id) = id.parse() else { return StatusCode::NOT_FOUND.into_response() };
    match state.rooms.ticket_photo(id).await {
        Ok(Some(photo)) => (
            [(header::CONTENT_TYPE, photo.kind().content_type()), (header::CACHE_CONTROL, "private, max-age=86400")],
            photo.bytes().to_vec(),
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = ?e, "a ticket's photo could not be served");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Through the same session guard as the server functions, so a removed role or an ended
/// session cannot still download.
async fn signed_in(state: &AppState, session: &Session) -> Option<Signed> {
    app::api::session::server::signed_in(session, &state.sessions).await.ok().flatten()
}

fn pdf(bytes: Result<Vec<u8>, BillingError>, filename: &str) -> Response {
    match bytes {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => refused(e),
    }
}

/// Someone else's document is simply not found.
fn refused(e: BillingError) -> Response {
    match e {
        BillingError::InvoiceNotFound | BillingError::CreditNoteNotFound => StatusCode::NOT_FOUND.into_response(),
        e => {
            tracing::error!(error = ?e, "a document could not be served");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
