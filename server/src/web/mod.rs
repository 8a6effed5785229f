//! The web door: what every request passes before it reaches a page, a server function or a
//! file, and what every response carries on its way out.
//!
//! From the outside in: security headers (with the nonce of this response's CSP), the
//! same-origin check on state-changing requests, the request size and field length limits, and
//! the HTTP status of a server function's error.
pub mod csrf;
pub mod error_status;
pub mod headers;
pub mod limits;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// Where browsers reach this app, as the origin they send in `Origin` (`http://127.0.0.1:3000`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppOrigin {
    origin: String,
    https: bool,
}

#[derive(Debug, thiserror::Error)]
#[error("'{0}' is not an http(s) URL the app can be reached at")]
pub struct InvalidBaseUrl(String);

impl AppOrigin {
    /// The origin of `APP_BASE_URL` (or of the bound address): scheme, host and port only.
    pub fn parse(base_url: &str) -> Result<Self, InvalidBaseUrl> {
        let invalid = || InvalidBaseUrl(base_url.to_owned());
        let url = url::Url::parse(base_url).map_err(|_| invalid())?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(invalid());
        }
        Ok(Self { origin: url.origin().ascii_serialization(), https: url.scheme() == "https" })
    }

    pub fn as_str(&self) -> &str {
        &self.origin
    }

    /// Served over HTTPS, so browsers may be told to never use plain HTTP (HSTS).
    pub fn is_https(&self) -> bool {
        self.https
    }
}

/// A refusal by the door itself, before any route ran. Under `/api/` it is written as the
/// server functions' own error (`{"Invalid": "…"}`), so the page shows the message as it shows
/// any other; elsewhere it is plain text.
pub(crate) fn refuse(path: &str, status: StatusCode, message: String) -> Response {
    if path.starts_with("/api/") {
        let body = serde_json::to_string(&app::error::AppError::Invalid(message)).unwrap_or_default();
        (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
    } else {
        (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], message).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::AppOrigin;

    #[test]
    fn the_origin_is_scheme_host_and_port() {
        let o = AppOrigin::parse("https://hotel.example.com/some/path").unwrap();
        assert_eq!((o.as_str(), o.is_https()), ("https://hotel.example.com", true));
        let o = AppOrigin::parse("http://127.0.0.1:3000").unwrap();
        assert_eq!((o.as_str(), o.is_https()), ("http://127.0.0.1:3000", false));
        assert!(AppOrigin::parse("127.0.0.1:3000").is_err());
        assert!(AppOrigin::parse("ftp://hotel.example.com").is_err());
    }
}
