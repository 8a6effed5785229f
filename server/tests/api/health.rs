use crate::helpers::spawn_app;

#[tokio::test]
async fn live_and_ready_report_every_dependency() {
    let app = spawn_app().await;
    let live = reqwest::get(format!("{}/health/live", app.address)).await.unwrap();
    assert_eq!(live.status(), 200);

    let ready = reqwest::get(format!("{}/health/ready", app.address)).await.unwrap();
    assert_eq!(ready.status(), 200);
    let body: serde_json::Value = ready.json().await.unwrap();
    for dep in ["postgres", "mongodb", "redis", "kafka", "keycloak", "smtp"] {
        assert_eq!(body["checks"][dep], "ok", "{dep}: {body}");
    }
}

#[tokio::test]
async fn start_up_fails_clearly_when_a_dependency_is_unreachable() {
    let mut config = server::config::Config::from_env();
    config.redis_url = "redis://127.0.0.1:1".to_owned().into();
    let options = leptos::prelude::LeptosOptions::builder()
        .output_name("hotel")
        .site_addr("127.0.0.1:0".parse::<std::net::SocketAddr>().unwrap())
        .build();
    let error = match server::startup::Application::build(config, options).await {
        Ok(_) => panic!("the app must not start without Redis"),
        Err(e) => format!("{e:#}"),
    };
    assert!(error.contains("Redis"), "{error}");
}
