//! Cross-site request forgery: a state-changing request from another site is refused before
//! any handler runs.
//!
//! Browsers say where a request comes from in `Sec-Fetch-Site` (all current ones) and `Origin`
//! (every POST), and a page cannot forge either. So a request with an unsafe method is refused
//! when `Sec-Fetch-Site` is present and is not `same-origin` or `none` (typed by the user), or
//! when `Origin` is present and is not this app's. `same-site` is refused too: another port or
//! subdomain of the same site is another application. A request with neither header does not
//! come from a browser (curl, a partner's server); it carries no ambient cookie a browser would
//! add, so it passes. This replaces a token: nothing to store, render or forget on a new form.
use super::{refuse, AppOrigin};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// Refuses cross-site requests that could change state (POST, PUT, PATCH, DELETE, anything
/// not safe), with a 403 and a short explanation.
pub async fn same_origin_only(State(app): State<AppOrigin>, request: Request, next: Next) -> Response {
    if request.method().is_safe() || !is_cross_site(request.headers(), &app) {
        return next.run(request).await;
    }
    tracing::warn!(
        method = %request.method(),
        path = request.uri().path(),
        origin = ?request.headers().get(header::ORIGIN),
        sec_fetch_site = ?request.headers().get("sec-fetch-site"),
        "refused a cross-site request"
    );
    let message = "this request came from another website and was refused; please use the hotel's own pages".to_owned();
    refuse(request.uri().path(), StatusCode::FORBIDDEN, message)
}

fn is_cross_site(headers: &HeaderMap, app: &AppOrigin) -> bool {
    let fetch_site_foreign = headers
        .get("sec-fetch-site")
        .is_some_and(|v| !matches!(v.to_str(), Ok("same-origin" | "none")));
    let origin_foreign = headers.get(header::ORIGIN).is_some_and(|v| v.as_bytes() != app.as_str().as_bytes());
    fetch_site_foreign || origin_foreign
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|&(k, v)| (header::HeaderName::from_static(k), HeaderValue::from_static(v))).collect()
    }

    #[test]
    fn only_this_origin_or_no_browser_at_all_passes() {
        let app = AppOrigin::parse("http://127.0.0.1:3000").unwrap();
        for ok in [
            headers(&[]),
            headers(&[("origin", "http://127.0.0.1:3000")]),
            headers(&[("sec-fetch-site", "same-origin"), ("origin", "http://127.0.0.1:3000")]),
            headers(&[("sec-fetch-site", "none")]),
        ] {
            assert!(!is_cross_site(&ok, &app), "{ok:?}");
        }
        for bad in [
            headers(&[("origin", "https://evil.test")]),
            headers(&[("origin", "null")]),
            headers(&[("origin", "http://127.0.0.1:3001")]),
            headers(&[("origin", "http://127.0.0.1:3000/")]),
            headers(&[("sec-fetch-site", "cross-site")]),
            headers(&[("sec-fetch-site", "same-site"), ("origin", "http://127.0.0.1:3000")]),
            headers(&[("sec-fetch-site", "same-origin"), ("origin", "https://evil.test")]),
        ] {
            assert!(is_cross_site(&bad, &app), "{bad:?}");
        }
    }
}
