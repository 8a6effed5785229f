//! A guest's browser as plain HTTP: it signs in through Keycloak's real login form, keeps the
//! app's session cookie, and submits the room page's booking form to the `book` server function.
use anyhow::{bail, Context};
use chrono::{Datelike, Days, NaiveDate};
use reqwest::header::{ACCEPT, LOCATION, ORIGIN, REFERER};
use reqwest::{Client, Response};
use std::fmt;
use std::time::Duration;

/// The test card that always pays.
const CARD_THAT_PAYS: &str = "4242 4242 4242 4242";

/// One signed-in guest.
pub struct Browser {
    client: Client,
    base: String,
}

/// Why a submitted checkout did not answer with a booking.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum CheckoutFailure {
    /// The app answered with one of its own errors, e.g. `Conflict` and the message it shows.
    Refused { kind: String, message: String },
    /// An answer that is not the server function's JSON.
    Unexpected { status: u16, body: String },
    /// No answer at all (connection refused, timeout).
    Transport(String),
}

impl fmt::Display for CheckoutFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Refused { kind, message } => write!(f, "{kind}: {message}"),
            Self::Unexpected { status, body } => write!(f, "HTTP {status}: {body}"),
            Self::Transport(e) => write!(f, "no answer: {e}"),
        }
    }
}

impl Browser {
    /// Walks `/auth/login` → Keycloak's form → `/auth/callback` as a browser does.
    pub async fn sign_in(base: &str, username: &str, password: &str) -> anyhow::Result<Self> {
        let client = Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(60))
            .build()?;
        let to_keycloak = client.get(format!("{base}/auth/login?return_to=/bookings")).send().await?;
        let login_page = client.get(location(&to_keycloak)?).send().await?.text().await?;
        let back = client
            .post(form_action(&login_page)?)
            .form(&[("username", username), ("password", password), ("credentialId", "")])
            .send()
            .await
            .context("posting Keycloak's login form")?;
        let callback = location(&back).context("Keycloak did not accept the demo user's password")?;
        if !callback.starts_with(&format!("{base}/auth/callback")) {
            bail!("Keycloak sent the browser to {callback} instead of the app's callback");
        }
        let done = client.get(callback).send().await?;
        if location(&done)? != "/bookings" {
            bail!("the sign-in did not end where it started");
        }
        Ok(Self { client, base: base.to_owned() })
    }

    /// Submits the booking form as the hydrated room page does (same-origin fetch, JSON answer);
    /// the server function answers the new booking's id.
    pub async fn book(&self, form: &[(&str, String)]) -> Result<(), CheckoutFailure> {
        let room_page = format!("{}/rooms/{}", self.base, form[0].1);
        let response = self
            .client
            .post(format!("{}/api/book", self.base))
            .header(ORIGIN, &self.base)
            .header(REFERER, room_page)
            .header("Sec-Fetch-Site", "same-origin")
            .header(ACCEPT, "application/json")
            .form(form)
            .send()
            .await
            .map_err(|e| CheckoutFailure::Transport(e.without_url().to_string()))?;
        let status = response.status();
        let body = response.text().await.map_err(|e| CheckoutFailure::Transport(e.to_string()))?;
        match serde_json::from_str::<serde_json::Value>(&body) {
            Ok(serde_json::Value::String(_)) if status.is_success() => Ok(()),
            Ok(serde_json::Value::Object(error)) if error.len() == 1 => {
                let (kind, message) = error.into_iter().next().expect("one entry");
                let message = message.as_str().map_or_else(|| message.to_string(), str::to_owned);
                Err(CheckoutFailure::Refused { kind, message })
            }
            _ => Err(CheckoutFailure::Unexpected { status: status.as_u16(), body: body.chars().take(120).collect() }),
        }
    }
}

/// The room page's booking form for one adult, `nights` from `check_in`, paying by card.
pub fn book_form(room_type: &str, check_in: NaiveDate, nights: u64) -> Vec<(&'static str, String)> {
    vec![
        ("room_type", room_type.to_owned()),
        ("check_in", check_in.to_string()),
        ("check_out", (check_in + Days::new(nights)).to_string()),
        ("adults", "1".into()),
        ("children", "0".into()),
        ("idempotency_key", uuid::Uuid::new_v4().to_string()),
        ("card_number", CARD_THAT_PAYS.into()),
        ("card_month", "12".into()),
        ("card_year", (check_in.year() + 3).to_string()),
        ("card_cvc", "123".into()),
    ]
}

fn location(response: &Response) -> anyhow::Result<String> {
    let value = response
        .headers()
        .get(LOCATION)
        .with_context(|| format!("no redirect from {} ({})", response.url(), response.status()))?;
    Ok(value.to_str()?.to_owned())
}

fn form_action(html: &str) -> anyhow::Result<String> {
    let doc = scraper::Html::parse_document(html);
    let form = scraper::Selector::parse("form#kc-form-login").expect("a valid selector");
    let action = doc.select(&form).next().and_then(|f| f.value().attr("action"));
    Ok(action.context("no login form on Keycloak's page")?.replace("&amp;", "&"))
}

/// An open server-sent-events stream, read line by line.
pub struct Live {
    response: Response,
    buffer: String,
}

impl Live {
    /// Reads until a `data:` line satisfies `wanted`, or fails after `within`.
    pub async fn until(&mut self, wanted: impl Fn(&str) -> bool, within: Duration) -> anyhow::Result<()> {
        if !self.until_or_end(wanted, within).await? {
            bail!("the live stream ended");
        }
        Ok(())
    }

    /// Like [`Live::until`], `false` when the server ended the stream first (it does after the
    /// role re-check interval; a browser then opens another).
    pub async fn until_or_end(&mut self, wanted: impl Fn(&str) -> bool, within: Duration) -> anyhow::Result<bool> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            while let Some(end) = self.buffer.find('\n') {
                let line: String = self.buffer.drain(..=end).collect();
                if line.starts_with("data:") && wanted(&line) {
                    return Ok(true);
                }
            }
            match tokio::time::timeout_at(deadline, self.response.chunk()).await {
                Ok(Ok(Some(bytes))) => self.buffer.push_str(&String::from_utf8_lossy(&bytes)),
                Ok(Ok(None)) => return Ok(false),
                Ok(Err(e)) => return Err(e.into()),
                Err(_) => bail!("nothing wanted on the live stream within {within:?}"),
            }
        }
    }
}

impl Browser {
    /// A page as the server renders it.
    pub async fn page(&self, path: &str) -> anyhow::Result<String> {
        let response = self.client.get(format!("{}{path}", self.base)).send().await?;
        anyhow::ensure!(response.status().is_success(), "{path} answered {}", response.status());
        Ok(response.text().await?)
    }

    /// Posts a form to a server function as the hydrated page does.
    pub async fn post(&self, path: &str, form: &[(&str, String)]) -> anyhow::Result<()> {
        let response = self.client.post(format!("{}{path}", self.base)).header(ORIGIN, &self.base).header(ACCEPT, "application/json").form(form).send().await?;
        anyhow::ensure!(response.status().is_success(), "{path} answered {}: {}", response.status(), response.text().await.unwrap_or_default());
        Ok(())
    }

    /// Opens a live stream (`/live/desk`).
    pub async fn live(&self, path: &str) -> anyhow::Result<Live> {
        let response = self.client.get(format!("{}{path}", self.base)).header(ACCEPT, "text/event-stream").timeout(Duration::from_secs(600)).send().await?;
        anyhow::ensure!(response.status().is_success(), "{path} answered {}", response.status());
        Ok(Live { response, buffer: String::new() })
    }
}
