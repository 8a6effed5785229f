use chrono::Datelike;
use kernel::{Currency, Email, Money, Party, Role, RoomTypeCode, Stay, UserId};
use leptos::prelude::LeptosOptions;
use rooms::{Room, RoomType};
use server::config::Config;
use server::startup::{Application, Dependencies};
use std::sync::Once;
use std::time::Duration;

pub struct TestApp {
    pub address: String,
    pub state: app::state::AppState,
    pub deps: Dependencies,
}

/// The app on a random port, without background workers: tests run them on demand.
pub async fn spawn_app() -> TestApp {
    spawn(false, |_| {}).await
}

/// The app with its outbox relay and event consumers running, as in production.
pub async fn spawn_app_with_workers() -> TestApp {
    spawn(true, |_| {}).await
}

/// The app without background workers, with settings changed from the environment's (e.g.
/// session intervals of seconds).
pub async fn spawn_app_with(configure: impl FnOnce(&mut Config)) -> TestApp {
    spawn(false, configure).await
}

/// Databases of a test's own, for what is hotel-wide (the business date, the night audit): in
/// the shared test databases it would reach into every other test's bookings and rooms.
#[derive(Debug, Clone)]
pub struct OwnHotel {
    pub database_url: String,
    pub mongodb_db: String,
}

impl OwnHotel {
    /// Made fresh (PostgreSQL `hotel_test_{name}`, MongoDB `hotel_it_{name}`); the first app
    /// started on them migrates them.
    pub async fn fresh(name: &str) -> Self {
        use secrecy::ExposeSecret;
        let shared = std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://hotel:hotel@127.0.0.1:5432/hotel_test".into());
        let (server, _) = shared.rsplit_once('/').expect("a database URL ends in its database's name");
        let database = format!("hotel_test_{name}");
        let admin = sqlx::PgPool::connect(&shared).await.expect("the test database is up");
        for sql in [format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"), format!("CREATE DATABASE {database}")] {
            sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&admin).await.unwrap();
        }
        let own = Self { database_url: format!("{server}/{database}"), mongodb_db: format!("hotel_it_{name}") };
        let config = Config::from_env();
        let client = mongodb::Client::with_uri_str(config.mongodb_uri.expose_secret()).await.expect("FerretDB is up");
        client.database(&own.mongodb_db).drop().await.unwrap();
        own
    }

    /// An app (one instance of several, if called again) on these databases, without workers.
    pub async fn spawn(&self) -> TestApp {
        let own = self.clone();
        spawn(false, move |c| {
            c.database_url = own.database_url.into();
            c.mongodb_db = own.mongodb_db;
        })
        .await
    }
}

/// Events from before this test run are other runs' history, not this run's to replay.
static RUN_STARTED: std::sync::LazyLock<chrono::DateTime<chrono::Utc>> = std::sync::LazyLock::new(chrono::Utc::now);

/// The rooms database is emptied once per run: rooms are never deleted, and every room a run
/// added would otherwise slow each later run's inventory reads (a full scan in FerretDB).
static FRESH_ROOMS: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();

async fn drop_rooms_database(config: &Config) {
    use secrecy::ExposeSecret;
    let client = mongodb::Client::with_uri_str(config.mongodb_uri.expose_secret()).await.expect("FerretDB is up");
    client.database(&config.mongodb_db).drop().await.expect("the test rooms database can be dropped");
}

async fn spawn(workers: bool, configure: impl FnOnce(&mut Config)) -> TestApp {
    static TRACING: Once = Once::new();
    TRACING.call_once(|| {
        if std::env::var("TEST_LOG").is_ok() {
            server::telemetry::init();
        }
    });
    let mut config = Config::from_env();
    config.app_base_url = None;
    config.background_workers = workers;
    config.mongodb_db = std::env::var("MONGODB_DB").unwrap_or_else(|_| "hotel_it".into());
    config.kafka_group_prefix = format!("it-{}", uuid::Uuid::new_v4());
    config.kafka_skip_before = Some(*RUN_STARTED);
    config.start_business_days = false;
    if std::env::var("DATABASE_URL").is_err() {
        config.database_url = "postgres://hotel:hotel@127.0.0.1:5432/hotel_test".to_owned().into();
    }
    FRESH_ROOMS.get_or_init(|| drop_rooms_database(&config)).await;
    configure(&mut config);
    let options = LeptosOptions::builder()
        .output_name("hotel")
        .site_addr("127.0.0.1:0".parse::<std::net::SocketAddr>().unwrap())
        .build();
    let app = Application::build(config, options).await.expect("the app starts against the local stack");
    let address = app.base_url.clone();
    let state = app.state.clone();
    let deps = app.deps.clone();
    tokio::spawn(app.run_until_stopped());
    TestApp { address, state, deps }
}

/// An HTTP client that keeps cookies and lets tests see redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        // A request the app never answers fails the test instead of hanging the whole run.
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

pub fn unique(prefix: &str) -> String {
    format!("{prefix}{}", &uuid::Uuid::new_v4().simple().to_string()[..6]).to_uppercase()
}

/// A room type of this test's own with `rooms` rooms, so tests never compete for inventory.
pub async fn add_room_type(app: &TestApp, rooms: usize) -> RoomType {
    let code = RoomTypeCode::parse(&unique("T")).unwrap();
    let room_type = RoomType {
        code: code.clone(),
        name: format!("Test Room {code}"),
        description: "A room made by a test".into(),
        max_adults: 2,
        max_children: 1,
        base_price: Money::from_minor(12_345, Currency::EUR),
        beds: "1 double".into(),
        size_m2: 20,
        amenities: vec!["wifi".into()],
        features: rooms::bson::doc! { "view": "test", "wifi_mbps": 100 },
    };
    let rooms: Vec<Room> = (0..rooms).map(|i| Room::new(format!("{code}-{i}"), 1, code.clone())).collect();
    app.state.rooms.add(&room_type, &rooms).await.unwrap();
    room_type
}

/// A guest stored through the users service, as a first sign-in would.
pub async fn add_guest(app: &TestApp) -> users::User {
    let tag = uuid::Uuid::new_v4().simple().to_string();
    let identity = users::Identity {
        subject: format!("test-{tag}"),
        email: Email::parse(&format!("guest-{tag}@hotel.test")).unwrap(),
        email_verified: true,
        name: "Test Guest".into(),
        role: Role::Guest,
        language: None,
    };
    app.state.users.sign_in(&identity).await.unwrap()
}

pub fn stay(from_today: i64, nights: i64) -> Stay {
    let check_in = chrono::Utc::now().date_naive() + chrono::Days::new(from_today as u64);
    Stay::new(check_in, check_in + chrono::Days::new(nights as u64)).unwrap()
}

pub fn request(user: UserId, room_type: &RoomType, stay: Stay) -> bookings::BookRequest {
    bookings::BookRequest {
        user_id: user,
        room_type: room_type.code.clone(),
        stay,
        party: Party::new(2, 0).unwrap(),
        idempotency_key: uuid::Uuid::new_v4(),
        promo_code: None,
    }
}

/// Polls `f` until it yields `Some`, for work that happens in the background.
pub async fn eventually<T, F, Fut>(what: &str, timeout: Duration, mut f: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if let Some(v) = f().await {
            return v;
        }
        assert!(tokio::time::Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// The stored id of a seeded account (its password is its email's local part). It signs in
/// first: a fresh database stores an account only at its first sign-in.
pub async fn account_id(app: &TestApp, email: &str) -> kernel::UserId {
    sign_in(app, email, email.split('@').next().unwrap()).await;
    let id: uuid::Uuid = sqlx::query_scalar("SELECT id FROM users.users WHERE email = $1").bind(email).fetch_one(&app.deps.pg).await.unwrap();
    kernel::UserId::from_uuid(id)
}

/// Walks the real Keycloak login form as a browser would; returns a client holding the session.
pub async fn sign_in(app: &TestApp, username: &str, password: &str) -> reqwest::Client {
    let (client, back_to) = sign_in_returning_to(app, username, password, "/bookings").await;
    assert_eq!(back_to, "/bookings", "signed in, back where we started");
    client
}

/// Signs in from `/auth/login?return_to=…` (`return_to` as written in the URL, already
/// percent-encoded); returns the client and where the app sent the browser after sign-in.
pub async fn sign_in_returning_to(app: &TestApp, username: &str, password: &str, return_to: &str) -> (reqwest::Client, String) {
    let client = browser();
    let to_keycloak = client.get(format!("{}/auth/login?return_to={return_to}", app.address)).send().await.unwrap();
    assert!(to_keycloak.status().is_redirection(), "login starts with a redirect");
    let login_page = client.get(location(&to_keycloak)).send().await.unwrap().text().await.unwrap();
    let action = form_action(&login_page);
    let back = client
        .post(action)
        .form(&[("username", username), ("password", password), ("credentialId", "")])
        .send()
        .await
        .unwrap();
    let callback = location(&back);
    assert!(callback.starts_with(&format!("{}/auth/callback", app.address)), "Keycloak returned to {callback}");
    let done = client.get(callback).send().await.unwrap();
    let back_to = location(&done);
    (client, back_to)
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .unwrap_or_else(|| panic!("no redirect from {} ({})", response.url(), response.status()))
        .to_str()
        .unwrap()
        .to_owned()
}

fn form_action(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let form = scraper::Selector::parse("form#kc-form-login").unwrap();
    doc.select(&form)
        .next()
        .and_then(|f| f.value().attr("action"))
        .expect("the Keycloak login form")
        .replace("&amp;", "&")
}

/// The booking form as the room page posts it, paying with the test card that succeeds, for a stay starting `from_today` days ahead.
pub fn book_form(room_type: &RoomType, from_today: u64, nights: u64) -> Vec<(&'static str, String)> {
    let check_in = (chrono::Utc::now() + chrono::Days::new(from_today)).date_naive();
    vec![
        ("room_type", room_type.code.to_string()),
        ("check_in", check_in.to_string()),
        ("check_out", (check_in + chrono::Days::new(nights)).to_string()),
        ("adults", "1".into()),
        ("children", "0".into()),
        ("idempotency_key", uuid::Uuid::new_v4().to_string()),
        ("card_number", "4242 4242 4242 4242".into()),
        ("card_month", "12".into()),
        ("card_year", (chrono::Utc::now().date_naive().year() + 3).to_string()),
        ("card_cvc", "123".into()),
    ]
}

/// Calls a server function as the browser does (form-encoded POST) and returns its JSON answer.
pub async fn call<F: serde::Serialize + ?Sized>(client: &reqwest::Client, app: &TestApp, endpoint: &str, form: &F) -> serde_json::Value {
    let response = client.post(format!("{}/api/{endpoint}", app.address)).form(form).send().await.unwrap();
    response.json().await.unwrap()
}

/// Calls a server function and answers its status and JSON (`Null` when the body is not JSON).
pub async fn post(client: &reqwest::Client, app: &TestApp, endpoint: &str, form: &[(&str, String)]) -> (reqwest::StatusCode, serde_json::Value) {
    let response = client.post(format!("{}/api/{endpoint}", app.address)).form(form).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(serde_json::Value::Null))
}

/// Messages in Mailpit matching a search such as `to:"a@b.test" subject:"X"`.
pub async fn mailpit_search(query: &str) -> Option<serde_json::Value> {
    let mailpit = std::env::var("MAILPIT_API_URL").unwrap_or_else(|_| "http://127.0.0.1:8025".into());
    let response = reqwest::Client::new()
        .get(format!("{mailpit}/api/v1/search"))
        .query(&[("query", query)])
        .send()
        .await
        .ok()?;
    response.json().await.ok()
}
