//! `GET /live/{area}` (`desk`, `housekeeping`): the area's changes as server-sent events, one
//! JSON [`LiveEvent`] per message, for the staff who work there.
//!
//! The session is checked when the stream opens, through the same guard as every server
//! function. A stream ends after the time a session's role may go unchecked; the browser
//! reconnects within a second through that door again, sending the id of the last message it
//! saw, and hears `ready` if its area changed meanwhile or `resync` if it did.
use super::feed::{LiveFeed, Numbered, Subscription};
use crate::web::refuse;
use app::api::session::server::signed_in;
use app::live::{Area, LiveEvent, READY, RESYNC};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures::{Stream, StreamExt};
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::{broadcast, watch};
use tower_sessions::Session;
use users::SessionGuard;

/// Proxies and load balancers close connections idle for a minute or so.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How soon the browser reconnects when a stream ends.
const RECONNECT: Duration = Duration::from_secs(1);
/// The shortest a stream lasts, however often sessions are re-checked.
const SHORTEST: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct LiveRoutes {
    feed: LiveFeed,
    sessions: SessionGuard,
    lifetime: Duration,
    shutdown: watch::Receiver<bool>,
}

impl LiveRoutes {
    /// `recheck_after` is how long a session's role may go unchecked (`config.role_recheck_after`);
    /// streams end at `shutdown`, so the server's graceful stop is not held open by them.
    pub fn new(
        feed: LiveFeed,
        sessions: SessionGuard,
        recheck_after: Duration,
        shutdown: watch::Receiver<bool>,
    ) -> Self {
        Self {
            feed,
            sessions,
            lifetime: recheck_after.max(SHORTEST),
            shutdown,
        }
    }

    pub fn router<S: Clone + Send + Sync + 'static>(self) -> Router<S> {
        Router::new()
            .route("/live/{area}", get(open))
            .with_state(self)
    }
}

async fn open(
    State(live): State<LiveRoutes>,
    session: Session,
    Path(area): Path<String>,
    headers: HeaderMap,
) -> Response {
    let path = format!("/live/{area}");
    let Some(area) = Area::parse(&area) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let user = match signed_in(&session, &live.sessions).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            return refuse(
                &path,
                StatusCode::UNAUTHORIZED,
                "please sign in first".into(),
            )
        }
        Err(e) => return e.status().into_response(),
    };
    if !area.admits(user.role) {
        return refuse(
            &path,
            StatusCode::FORBIDDEN,
            format!("the {} feed is for its staff", area.as_str()),
        );
    }
    let last_seen = headers.get("last-event-id").and_then(|v| v.to_str().ok());
    let source = Source {
        area,
        subscription: Some(live.feed.subscribe(area, last_seen)),
        receiver: None,
        feed: live.feed,
    };
    let (lifetime, mut shutdown) = (live.lifetime, live.shutdown);
    let end = async move {
        tokio::select! {
            _ = tokio::time::sleep(lifetime) => {}
            _ = shutdown.wait_for(|stopping| *stopping) => {}
        }
    };
    let events = source.into_stream().take_until(end);
    let mut response = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response();
    // A buffering proxy (nginx) would hold the events back.
    response
        .headers_mut()
        .insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}

/// One open stream: first `ready` or `resync`, then the changes its area carries.
struct Source {
    area: Area,
    /// Until the first message is sent.
    subscription: Option<Subscription>,
    receiver: Option<broadcast::Receiver<Numbered>>,
    feed: LiveFeed,
}

impl Source {
    fn into_stream(self) -> impl Stream<Item = Result<Event, Infallible>> {
        futures::stream::unfold(self, |mut source| async move {
            let event = source.next().await?;
            Some((Ok(event), source))
        })
    }

    async fn next(&mut self) -> Option<Event> {
        if let Some(Subscription {
            receiver,
            missed,
            id,
        }) = self.subscription.take()
        {
            // `ready` promises that changes from now on arrive: wait until Kafka has assigned
            // the feed its partitions (seconds, once per process).
            self.feed
                .listening()
                .wait_for(|listening| *listening)
                .await
                .ok()?;
            self.receiver = Some(receiver);
            let notice = LiveEvent::notice(if missed { RESYNC } else { READY }, chrono::Utc::now());
            return Some(message(&notice).id(id).retry(RECONNECT));
        }
        let receiver = self.receiver.as_mut()?;
        loop {
            match receiver.recv().await {
                Ok(Numbered { seq, event }) if self.area.carries(&event.topic) => {
                    return Some(message(&event).id(self.feed.id(seq)));
                }
                Ok(_) => {}
                Err(broadcast::error::RecvError::Lagged(skipped)) => {
                    tracing::info!(
                        skipped,
                        area = self.area.as_str(),
                        "a live stream fell behind; telling it to resync"
                    );
                    // No id: the browser keeps claiming only what it really saw.
                    return Some(message(&LiveEvent::notice(RESYNC, chrono::Utc::now())));
                }
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    }
}

fn message(event: &LiveEvent) -> Event {
    Event::default().json_data(event).unwrap_or_else(|e| {
        tracing::error!(error = %e, "a live event could not be written");
        Event::default().comment("unwritable")
    })
}
