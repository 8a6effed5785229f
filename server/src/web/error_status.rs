//! A server function's error answers with its HTTP status (400, 401, 403, 404, 409, 500), not
//! the 500 that `server_fn` gives every error, so logs and monitoring tell a typo from an outage.
//!
//! This is the one place that does it: `server_fn` marks an error answer with its
//! `serverfnerror` header and writes the [`AppError`] as JSON; this layer reads that body back
//! and sets the status the error names. The body is left as it was, and the WASM client reads
//! any 4xx or 5xx answer as the error, so the page still shows the message. A plain form post
//! (no JavaScript) is answered with a redirect instead and is left alone.
use app::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;

/// An error body is a short JSON message; anything longer is not one of ours.
const MAX_ERROR_BYTES: usize = 16 * 1024;

pub async fn server_fn_error_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR || !response.headers().contains_key(SERVER_FN_ERROR_HEADER) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_ERROR_BYTES).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::error!(error = %e, "could not read a server function's error");
            return Response::from_parts(parts, Body::from("\"Internal\""));
        }
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status();
    }
    Response::from_parts(parts, Body::from(bytes))
}
