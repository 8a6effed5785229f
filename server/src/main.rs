use leptos::prelude::get_configuration;
use server::{config::Config, startup::Application, telemetry};

#[tokio::main]
async fn main() {
    telemetry::init();
    let leptos = match get_configuration(None) {
        Ok(conf) => conf.leptos_options,
        Err(e) => fail(anyhow::anyhow!("reading the Leptos settings: {e}")),
    };
    let app = match Application::build(Config::from_env(), leptos).await {
        Ok(app) => app,
        Err(e) => fail(e),
    };
    if let Err(e) = app.run_until_stopped().await {
        fail(e);
    }
}

/// Start-up problems stop the process with the whole cause chain; it never serves half-configured.
fn fail(e: anyhow::Error) -> ! {
    eprintln!("hotel server cannot start: {e:#}");
    std::process::exit(1);
}
