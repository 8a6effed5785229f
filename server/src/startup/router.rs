//! The web door: every route, and the layers each request passes (sessions, limits, CSRF,
//! security headers) in order.
use crate::live::LiveRoutes;
use crate::{auth, config::Config, health, web};
use super::Dependencies;
use anyhow::Context;
use app::state::AppState;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};

/// What the web door needs to know: this app's origin, and the origins its pages may reach.
#[derive(Clone)]
pub(super) struct WebDoor {
    origin: web::AppOrigin,
    headers: web::headers::SecurityHeaders,
}

pub(super) fn web_door(config: &Config, base_url: &str, leptos: &LeptosOptions) -> anyhow::Result<WebDoor> {
    let origin = web::AppOrigin::parse(base_url).context("APP_BASE_URL")?;
    let sign_in = url::Url::parse(&config.oidc_issuer_url).ok().map(|u| u.origin().ascii_serialization());
    let dev_reload = std::env::var("LEPTOS_WATCH").is_ok().then(|| {
        let scheme = match leptos.reload_ws_protocol {
            leptos::config::ReloadWSProtocol::WS => "ws",
            leptos::config::ReloadWSProtocol::WSS => "wss",
        };
        let host = url::Url::parse(base_url).ok().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_default();
        format!("{scheme}://{host}:{}", leptos.reload_external_port.unwrap_or(leptos.reload_port))
    });
    let headers = web::headers::SecurityHeaders::new(&origin, sign_in.as_deref(), dev_reload);
    Ok(WebDoor { origin, headers })
}

pub(super) fn router(state: AppState, deps: Dependencies, door: WebDoor, live: LiveRoutes) -> Router {
    use axum::middleware::{from_fn, from_fn_with_state};
    let secure_cookies = door.origin.is_https();
    let routes = generate_route_list(app::App);
    let sessions = crate::sessions::layer(deps.redis.clone(), secure_cookies);
    let leptos_options = state.leptos_options.clone();
    Router::new()
        .merge(auth::routes(auth::AuthState { oidc: deps.oidc.clone(), users: state.users.clone() }))
        .merge(health::routes(deps))
        .merge(crate::documents::routes())
        .merge(live.router())
        .leptos_routes_with_context(&state, routes, web::headers::provide_request_nonce, {
            let options = leptos_options.clone();
            move || app::shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            web::headers::provide_request_nonce,
            app::shell,
        ))
        .layer(axum::middleware::map_request_with_state(state.clone(), staff_viewer))
        .layer(sessions)
        .layer(from_fn(web::error_status::server_fn_error_status))
        .layer(from_fn(web::limits::limit_input))
        .layer(from_fn_with_state(door.origin, web::csrf::same_origin_only))
        .layer(from_fn_with_state(door.headers, web::headers::add_security_headers))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// A page of a staff area learns who asks before it is drawn: the answer the area's access
/// check gives, put into the request for the area's frame (inside the session layer, which puts
/// the session there). Drawn knowing it, the console makes its page once, not once per pass of
/// a `Suspense`.
async fn staff_viewer(
    axum::extract::State(state): axum::extract::State<AppState>,
    mut request: axum::extract::Request,
) -> axum::extract::Request {
    use app::api::staff::StaffViewer;
    let roles = StaffViewer::roles_for(request.uri().path());
    if let (true, Some(roles)) = (request.method() == axum::http::Method::GET, roles) {
        if let Some(session) = request.extensions().get::<tower_sessions::Session>().cloned() {
            // Boxed, and a request mapping rather than a middleware around the handler: the
            // desk's pages render on a deep stack (a stay's page, in a debug build, close to
            // 2 MiB), so this adds next to nothing to it.
            let viewer = Box::pin(StaffViewer::of(&session, &state.sessions, roles)).await;
            request.extensions_mut().insert(viewer);
        }
    }
    request
}

