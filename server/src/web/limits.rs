//! How much a request may carry: 64 KiB of body at most (413 beyond; a problem reported with its
//! photo may carry 1 MiB), and for the server functions' forms, a length limit on every field
//! (400, naming the field).
//!
//! Limits sit at the door so every server function gets them, also one added later: a field
//! this table does not know still has [`DEFAULT_FIELD_CHARS`]. The newtypes behind the fields
//! (dates, room type codes, card numbers) then check the shape.
use super::refuse;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use futures::StreamExt;

/// Far above any form of this app (a booking is under 1 KiB), far below what hurts the server.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The forms that carry more: a maintenance report's photo (at most `rooms::Photo::MAX_BYTES`,
/// sent base64 in a data URL: a third larger) and an email template.
const LARGER_BODIES: &[(&str, usize)] = &[
    ("/api/housekeeping/report", 1024 * 1024),
    // An email template's two bodies, URL-encoded (markup encodes to about three times its size).
    ("/api/admin/preview_template", 512 * 1024),
    ("/api/admin/save_template", 512 * 1024),
];

/// For a form field this table does not name.
pub const DEFAULT_FIELD_CHARS: usize = 200;

/// Each field a server function takes: its name, what the person calls it, its longest value.
const FIELDS: &[(&str, &str, usize)] = &[
    ("id", "the booking", 36),
    ("idempotency_key", "the form's key", 36),
    ("room_type", "the room type", 16),
    ("code", "the code", 40),
    ("room_number", "the room number", 16),
    ("check_in", "the check-in date", 10),
    ("check_out", "the check-out date", 10),
    ("adults", "the number of adults", 3),
    ("children", "the number of children", 3),
    ("page", "the page number", 6),
    ("promo", "the promo code", 32),
    ("card_number", "the card number", 23),
    ("card_month", "the card's expiry month", 2),
    ("card_year", "the card's expiry year", 4),
    ("card_cvc", "the card's security code", 4),
    ("text", "the note", 2000),
    ("problem", "the problem", 1000),
    ("photo", "the photo", 850_000),
    ("subject", "the subject", 300),
    ("body_text", "the text body", 20_000),
    ("body_html", "the HTML body", 50_000),
];

fn body_limit(path: &str) -> usize {
    LARGER_BODIES.iter().find(|(p, _)| *p == path).map_or(MAX_BODY_BYTES, |(_, n)| *n)
}

/// Refuses a body over [`MAX_BODY_BYTES`] (413) and, under `/api/`, a form field over its
/// length (400 with `AppError::Invalid` naming the field), before any handler runs.
pub async fn limit_input(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let limit = body_limit(&path);
    let declared = request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return too_large(&path, limit);
    }
    let (parts, body) = request.into_parts();
    let bytes = match read_at_most(body, limit).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return too_large(&path, limit),
        Err(e) => {
            tracing::info!(error = %e, path = %path, "could not read a request body");
            return refuse(&path, StatusCode::BAD_REQUEST, "the request could not be read; please try again".into());
        }
    };
    if path.starts_with("/api/") && is_form(&parts.headers) {
        if let Some(message) = too_long_field(&bytes) {
            return refuse(&path, StatusCode::BAD_REQUEST, message);
        }
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

fn too_large(path: &str, limit: usize) -> Response {
    let message = format!("the form is too large for the hotel's server (at most {} KiB)", limit / 1024);
    refuse(path, StatusCode::PAYLOAD_TOO_LARGE, message)
}

/// The whole body, or `None` as soon as it passes `limit` (a chunked body declares no length).
async fn read_at_most(body: Body, limit: usize) -> Result<Option<Bytes>, axum::Error> {
    let mut stream = body.into_data_stream();
    let mut buf = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if buf.len() + chunk.len() > limit {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(Some(buf.into()))
}

fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

/// The person's message for the first field longer than it may be.
fn too_long_field(form: &[u8]) -> Option<String> {
    url::form_urlencoded::parse(form).find_map(|(name, value)| {
        let (label, max) = FIELDS
            .iter()
            .find(|(n, ..)| *n == name)
            .map(|(_, label, max)| (label.to_string(), *max))
            .unwrap_or_else(|| (format!("the field '{}'", name.chars().take(40).collect::<String>()), DEFAULT_FIELD_CHARS));
        (value.chars().count() > max).then(|| format!("{label} is too long (at most {max} characters)"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_its_limit_and_the_message_names_it() {
        assert_eq!(too_long_field(b"promo=WELCOME10&card_cvc=123"), None);
        assert_eq!(too_long_field(b"promo="), None);
        let long_promo = format!("check_in=2030-01-01&promo={}", "X".repeat(33));
        assert_eq!(too_long_field(long_promo.as_bytes()).as_deref(), Some("the promo code is too long (at most 32 characters)"));
        let long_card = format!("card_number={}", "4".repeat(24));
        assert_eq!(too_long_field(long_card.as_bytes()).as_deref(), Some("the card number is too long (at most 23 characters)"));
        let unknown = format!("notes={}", "a".repeat(201));
        assert_eq!(too_long_field(unknown.as_bytes()).as_deref(), Some("the field 'notes' is too long (at most 200 characters)"));
        // Counted in characters, not bytes: "ü" is two bytes.
        assert_eq!(too_long_field(format!("promo={}", "Ü".repeat(32)).as_bytes()), None);
    }
}
