//! Sessions in Redis behind a timeout: a session store that is slow or gone makes a request
//! answer 503 within seconds, never hang.
use app::api::session::server::USER_KEY;
use app::error::AppError;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::Route;
use std::convert::Infallible;
use std::future::Future;
use std::time::Duration;
use tower::util::BoxCloneSyncServiceLayer;
use tower::ServiceBuilder;
use tower_sessions::cookie::SameSite;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};
use tower_sessions::{Expiry, Session, SessionManagerLayer};
use tower_sessions_redis_store::fred::prelude::Pool as RedisPool;
use tower_sessions_redis_store::RedisStore;

/// The longest one session-store call may take.
pub const STORE_TIMEOUT: Duration = Duration::from_secs(2);

/// The session layer of the router: cookies, the Redis store under [`STORE_TIMEOUT`], and the
/// guard that turns a failed store call into a 503.
pub type SessionLayer = BoxCloneSyncServiceLayer<Route, Request, Response, Infallible>;

pub fn layer(redis: RedisPool, secure_cookies: bool) -> SessionLayer {
    let store = TimedStore { inner: RedisStore::new(redis), timeout: STORE_TIMEOUT };
    let manager = SessionManagerLayer::new(store)
        .with_name("hotel_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure_cookies)
        .with_expiry(Expiry::OnInactivity(tower_sessions::cookie::time::Duration::hours(8)));
    BoxCloneSyncServiceLayer::new(ServiceBuilder::new().layer(manager).layer(middleware::from_fn(guard)))
}

/// A session store whose every call gives up after `timeout` with an error.
#[derive(Debug, Clone)]
pub struct TimedStore<S> {
    inner: S,
    timeout: Duration,
}

impl<S> TimedStore<S> {
    async fn timed<T>(&self, call: &str, f: impl Future<Output = session_store::Result<T>>) -> session_store::Result<T> {
        tokio::time::timeout(self.timeout, f).await.unwrap_or_else(|_| {
            Err(session_store::Error::Backend(format!("the session store did not answer {call} within {:?}", self.timeout)))
        })
    }
}

#[async_trait::async_trait]
impl<S: SessionStore> SessionStore for TimedStore<S> {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        self.timed("create", self.inner.create(record)).await
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        self.timed("save", self.inner.save(record)).await
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        self.timed("load", self.inner.load(id)).await
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.timed("delete", self.inner.delete(id)).await
    }
}

/// Loads the session of a page, server function or sign-in route before its handler runs, and
/// saves it before the session layer would: either failing answers 503 here, in one clear
/// page or JSON error, instead of a handler's generic error or the layer's empty 500.
async fn guard(session: Session, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let server_fn = path.starts_with("/api/");
    // Static files and health checks never read the session: no store call for them.
    let reads_session = !(path.starts_with("/pkg/") || path.starts_with("/health/") || last_segment_is_a_file(path));
    if reads_session && session.id().is_some() {
        if let Err(e) = session.get_value(USER_KEY).await {
            return unavailable(server_fn, e);
        }
    }
    let response = next.run(request).await;
    if session.is_modified() && !response.status().is_server_error() && !session.is_empty().await {
        if let Err(e) = session.save().await {
            return unavailable(server_fn, e);
        }
    }
    response
}

fn last_segment_is_a_file(path: &str) -> bool {
    path.rsplit('/').next().is_some_and(|segment| segment.contains('.'))
}

fn unavailable(server_fn: bool, e: tower_sessions::session::Error) -> Response {
    tracing::warn!(error = %e, "the session store failed");
    let mut response = if server_fn {
        let body = serde_json::to_string(&AppError::Internal).unwrap_or_default();
        (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "application/json")], body).into_response()
    } else {
        let page = "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Unavailable for a moment</title></head>\
            <body><h1>Unavailable for a moment</h1><p role=alert>We cannot reach your session right now. \
            Please try again in a few seconds.</p><p><a href=\"/\">Home</a></p></body></html>";
        (StatusCode::SERVICE_UNAVAILABLE, Html(page)).into_response()
    };
    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    response
}

#[cfg(test)]
mod tests {
    use super::last_segment_is_a_file;

    #[test]
    fn files_are_told_from_pages_by_their_last_segment() {
        assert!(last_segment_is_a_file("/favicon.ico"));
        assert!(last_segment_is_a_file("/pkg/hotel.wasm"));
        assert!(!last_segment_is_a_file("/rooms/STD"));
        assert!(!last_segment_is_a_file("/invoices/0b1c/pdf"));
        assert!(!last_segment_is_a_file("/"));
    }
}
