use leptos::prelude::get_configuration;
use server::{config::Config, startup::Application, telemetry};

/// Server-side rendering of the deepest staff pages (the stay with its folio) nests deeply in a
/// debug build; 8 MiB per worker instead of tokio's 2 MiB leaves room for it.
const WORKER_STACK: usize = 8 * 1024 * 1024;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().thread_stack_size(WORKER_STACK).build();
    match runtime {
        Ok(runtime) => runtime.block_on(serve()),
        Err(e) => fail(anyhow::anyhow!("starting the async runtime: {e}")),
    }
}

async fn serve() {
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
