//! Security headers on every response: pages, server functions, files and errors alike.
//!
//! The Content-Security-Policy lets scripts run only from this origin or when they carry the
//! nonce of this one response. Leptos writes its hydration script and its resource data as
//! inline scripts, so the nonce made here is handed to Leptos ([`provide_request_nonce`]) and
//! the same value goes into the header; an injected `<script>` cannot know it.
use super::AppOrigin;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use leptos::nonce::Nonce;
use std::sync::Arc;

/// The headers every response gets, fixed at start except for the CSP's nonce.
#[derive(Clone)]
pub struct SecurityHeaders(Arc<Policy>);

struct Policy {
    /// The CSP around `'nonce-…'`: `script-src` ends the first part.
    csp_head: String,
    csp_tail: String,
    hsts: bool,
}

impl SecurityHeaders {
    /// `sign_in_origin` is the identity provider's: sign-out posts a form to the app that
    /// redirects there, and `form-action` covers the redirect too.
    pub fn new(app: &AppOrigin, sign_in_origin: Option<&str>, dev_reload: Option<String>) -> Self {
        let form_action = match sign_in_origin {
            Some(o) => format!("'self' {o}"),
            None => "'self'".into(),
        };
        // `cargo leptos watch` reloads the page through its own websocket.
        let connect = match dev_reload {
            Some(ws) => format!("'self' {ws}"),
            None => "'self'".into(),
        };
        Self(Arc::new(Policy {
            csp_head: "default-src 'self'; script-src 'self'".into(),
            // `wasm-unsafe-eval` lets the page compile its own WASM; it allows no `eval` of text.
            csp_tail: format!(
                " 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; \
                 connect-src {connect}; object-src 'none'; base-uri 'self'; form-action {form_action}; \
                 frame-ancestors 'none'"
            ),
            hsts: app.is_https(),
        }))
    }

    fn csp(&self, nonce: &Nonce) -> String {
        format!("{} 'nonce-{nonce}'{}", self.0.csp_head, self.0.csp_tail)
    }
}

/// Makes this response's nonce, hands it on in the request's extensions, and sets the headers
/// on whatever answer comes back.
pub async fn add_security_headers(State(policy): State<SecurityHeaders>, mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    let csp = policy.csp(&nonce);
    request.extensions_mut().insert(nonce);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    let fixed: [(HeaderName, &'static str); 5] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("permissions-policy"), PERMISSIONS),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if policy.0.hsts {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=63072000; includeSubDomains"));
    }
    response
}

/// Powerful browser features the hotel never uses are off; card payment stays possible here.
const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), usb=(), payment=(self)";

/// Gives Leptos the nonce of this response's CSP, so the scripts it renders carry it. Pass it as
/// the additional context of the Leptos routes and the file-and-error handler.
pub fn provide_request_nonce() {
    use leptos::prelude::{provide_context, use_context};
    // The file handler calls this for a static file too, with no request in the context: there
    // is nothing to render, so nothing is missing.
    let Some(parts) = use_context::<http::request::Parts>() else { return };
    match parts.extensions.get::<Nonce>().cloned() {
        Some(nonce) => provide_context(nonce),
        None => tracing::error!("no CSP nonce on the request: the page's scripts will be refused"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_scripts_with_the_nonce_only_and_no_framing() {
        let app = AppOrigin::parse("https://hotel.example.com").unwrap();
        let headers = SecurityHeaders::new(&app, Some("https://sso.example.com"), None);
        let csp = headers.csp(&Nonce::from_value("abc123"));
        assert!(csp.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"), "{csp}");
        for part in ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self' https://sso.example.com"] {
            assert!(csp.contains(part), "{part} in {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert!(headers.0.hsts, "HSTS over HTTPS");
        assert!(!SecurityHeaders::new(&AppOrigin::parse("http://127.0.0.1:3000").unwrap(), None, None).0.hsts);
    }
}
