//! Sign-in and sign-out: plain routes rather than server functions, because they redirect the
//! browser to and from the identity provider.
use app::api::session::server::{Signed, USER_KEY};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use tower_sessions::Session;
use users::{Grant, Oidc, PendingLogin, UsersError, UsersService};

const PENDING_KEY: &str = "oidc_pending";

#[derive(Clone)]
pub struct AuthState {
    pub oidc: Oidc,
    pub users: UsersService,
}

pub fn routes<S: Clone + Send + Sync + 'static>(state: AuthState) -> Router<S> {
    Router::new()
        .route("/auth/login", get(login))
        .route("/auth/callback", get(callback))
        .route("/auth/logout", post(logout))
        .with_state(state)
}

#[derive(Deserialize)]
struct LoginQuery {
    return_to: Option<String>,
}

/// Where to send the browser after sign-in: only a path of this app, else the home page.
///
/// The path is resolved as a browser would resolve it (WHATWG URL rules, the `url` crate)
/// against a stand-in origin and kept only if it stays there. Control characters and
/// backslashes are refused before parsing, because browsers drop tabs and newlines and read `\`
/// as `/`: `?return_to=/%09/evil.test` arrives as `/`, tab, `/evil.test` and would leave for
/// `//evil.test`. What comes back is the parser's own serialisation, never the raw input, and
/// never one that starts with `//` (`/.//evil.test` normalises to that path).
fn safe_return_to(path: Option<String>) -> String {
    const HOME: &str = "/";
    let Some(path) = path else { return HOME.into() };
    if !path.starts_with('/') || path.chars().any(|c| c.is_control() || c == '\\') {
        return HOME.into();
    }
    let origin = url::Url::parse("http://return-to.invalid/").expect("a valid stand-in origin");
    match origin.join(&path) {
        Ok(resolved) if resolved.origin() == origin.origin() => {
            let local = &resolved[url::Position::BeforePath..];
            if local.starts_with("//") { HOME.into() } else { local.to_owned() }
        }
        _ => HOME.into(),
    }
}

async fn login(State(auth): State<AuthState>, session: Session, Query(q): Query<LoginQuery>) -> Response {
    let result = async {
        let (url, pending) = auth.oidc.begin(safe_return_to(q.return_to))?;
        session.insert(PENDING_KEY, pending).await?;
        anyhow::Ok(url)
    }
    .await;
    match result {
        Ok(url) => Redirect::to(&url).into_response(),
        Err(e) => problem(StatusCode::SERVICE_UNAVAILABLE, "Sign-in is unavailable right now", e),
    }
}

#[derive(Deserialize)]
struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

async fn callback(State(auth): State<AuthState>, session: Session, Query(q): Query<CallbackQuery>) -> Response {
    let pending: Option<PendingLogin> = session.remove(PENDING_KEY).await.ok().flatten();
    let (Some(pending), Some(code), Some(state)) = (pending, q.code, q.state) else {
        let why = q.error_description.or(q.error).unwrap_or_else(|| "the sign-in expired".into());
        return problem(StatusCode::BAD_REQUEST, "Sign-in did not complete", anyhow::anyhow!(why));
    };
    let return_to = pending.return_to.clone();
    let signed_in = match auth.oidc.complete(pending, code, state).await {
        Ok(s) => s,
        Err(UsersError::Unexpected(e)) => return problem(StatusCode::BAD_GATEWAY, "Sign-in failed", e),
        Err(e) => return problem(StatusCode::BAD_REQUEST, "Sign-in failed", anyhow::anyhow!(e.to_string())),
    };
    let user = match auth.users.sign_in(&signed_in.identity).await {
        Ok(u) => u,
        Err(e) => return problem(StatusCode::INTERNAL_SERVER_ERROR, "Sign-in failed", anyhow::anyhow!(e)),
    };
    let signed = Signed {
        user_id: user.id,
        name: user.name,
        email: user.email.to_string(),
        role: user.role,
        id_token: signed_in.id_token,
        grant: Grant::new(signed_in.refresh_token, chrono::Utc::now()),
    };
    // A new session id at sign-in, so an id planted before it (session fixation) is worthless.
    let stored = async {
        session.cycle_id().await?;
        session.insert(USER_KEY, signed).await
    }
    .await;
    match stored {
        Ok(()) => Redirect::to(&return_to).into_response(),
        Err(e) => problem(StatusCode::SERVICE_UNAVAILABLE, "Sign-in failed", anyhow::anyhow!(e)),
    }
}

/// Ends our session and the identity provider's, then comes back to the home page.
async fn logout(State(auth): State<AuthState>, session: Session) -> Response {
    let signed: Option<Signed> = session.get(USER_KEY).await.ok().flatten();
    // Sending the browser on while the session still stands would only look like a sign-out.
    if let Err(e) = session.flush().await {
        return problem(StatusCode::SERVICE_UNAVAILABLE, "Sign-out failed", anyhow::anyhow!(e));
    }
    match auth.oidc.logout_url(signed.as_ref().map(|s| s.id_token.as_str())) {
        Ok(url) => Redirect::to(&url).into_response(),
        Err(e) => {
            tracing::warn!(error = ?e, "no end-session URL; signed out locally only");
            Redirect::to("/").into_response()
        }
    }
}

fn problem(status: StatusCode, title: &str, e: anyhow::Error) -> Response {
    tracing::warn!(error = ?e, "{title}");
    let detail = if status.is_server_error() { "Please try again in a moment.".to_owned() } else { escape(&e.to_string()) };
    let body = format!(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{title}</title></head>\
         <body><h1>{title}</h1><p role=alert>{detail}</p><p><a href=\"/auth/login\">Try again</a> · <a href=\"/\">Home</a></p></body></html>"
    );
    (status, Html(body)).into_response()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::safe_return_to;

    #[test]
    fn return_to_keeps_paths_of_this_app() {
        for (given, kept) in [
            ("/", "/"),
            ("/bookings", "/bookings"),
            ("/rooms/STD?check_in=2030-01-10&adults=2", "/rooms/STD?check_in=2030-01-10&adults=2"),
            ("/bookings/1#bill", "/bookings/1#bill"),
            ("/a/../bookings", "/bookings"),
            // Still encoded when it reaches the browser, which never decodes it into `//`.
            ("/%2f%2fevil.test", "/%2f%2fevil.test"),
            ("/caf\u{e9}", "/caf%C3%A9"),
            ("/\u{ff0f}\u{ff0f}evil.test", "/%EF%BC%8F%EF%BC%8Fevil.test"),
            ("/\u{2028}/evil.test", "/%E2%80%A8/evil.test"),
        ] {
            assert_eq!(safe_return_to(Some(given.into())), kept, "{given:?}");
        }
    }

    #[test]
    fn return_to_refuses_everything_that_could_leave_the_site() {
        for bad in [
            "",
            "bookings",
            "//evil.test",
            "///evil.test",
            "/\\evil.test",
            "\\\\evil.test",
            "/\t/evil.test",
            "/\r\n/evil.test",
            "/\n/evil.test",
            "\t//evil.test",
            "/\u{0}/evil.test",
            "/\u{7f}/evil.test",
            "/.//evil.test",
            "/..//evil.test",
            "/a/..//evil.test",
            "https://evil.test",
            "http:evil.test",
            "javascript:alert(1)",
            "data:text/html,hi",
            " /evil",
            "\u{ff0f}\u{ff0f}evil.test",
            "/\u{85}/evil.test",
        ] {
            assert_eq!(safe_return_to(Some(bad.into())), "/", "{bad:?}");
        }
        assert_eq!(safe_return_to(None), "/");
    }
}
