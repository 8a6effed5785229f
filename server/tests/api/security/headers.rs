//! Security headers on pages, server functions, files and errors, with a CSP nonce that the
//! page's own scripts carry and that changes with every response.
use crate::helpers::{browser, spawn_app};
use reqwest::header::HeaderMap;
use reqwest::StatusCode;

fn assert_secured(what: &str, headers: &HeaderMap) {
    let issuer = url::Url::parse(&server::config::Config::from_env().oidc_issuer_url).unwrap();
    let form_action = format!("form-action 'self' {}", issuer.origin().ascii_serialization());
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_else(|| panic!("{what}: no {name}"));
    let csp = get("content-security-policy");
    for part in [
        "default-src 'self'",
        "script-src 'self' 'nonce-",
        "'wasm-unsafe-eval'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        form_action.as_str(),
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(part), "{what}: {part} in {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
    assert_eq!(get("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(get("referrer-policy"), "strict-origin-when-cross-origin", "{what}");
    let permissions = get("permissions-policy");
    for part in ["camera=()", "microphone=()", "geolocation=()", "payment=(self)"] {
        assert!(permissions.contains(part), "{what}: {part} in {permissions}");
    }
    assert!(headers.get("strict-transport-security").is_none(), "{what}: no HSTS over plain HTTP");
}

fn nonce_of(headers: &HeaderMap) -> String {
    let csp = headers["content-security-policy"].to_str().unwrap();
    let start = csp.find("'nonce-").expect("a nonce in the CSP") + "'nonce-".len();
    csp[start..].split('\'').next().unwrap().to_owned()
}

#[tokio::test]
async fn every_kind_of_answer_carries_the_security_headers() {
    let app = spawn_app().await;
    let client = browser();
    let page = client.get(format!("{}/", app.address)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_secured("a page", page.headers());
    let server_fn = client.post(format!("{}/api/list_room_types", app.address)).send().await.unwrap();
    assert_eq!(server_fn.status(), StatusCode::OK);
    assert_secured("a server function", server_fn.headers());
    // The test app's site root is the crate's folder (LeptosOptions' default "."), so its
    // Cargo.toml is served as a static file.
    let file = client.get(format!("{}/Cargo.toml", app.address)).send().await.unwrap();
    assert_eq!(file.status(), StatusCode::OK, "a static file");
    assert_secured("a static file", file.headers());
    let missing = client.get(format!("{}/no/such/page", app.address)).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_secured("a page not found", missing.headers());
    let refused = client.post(format!("{}/api/book", app.address)).send().await.unwrap();
    assert!(refused.status().is_client_error(), "{}", refused.status());
    assert_secured("a server function's error", refused.headers());
}

#[tokio::test]
async fn the_pages_scripts_carry_the_nonce_of_their_own_response() {
    let app = spawn_app().await;
    let client = browser();
    let mut nonces = Vec::new();
    for _ in 0..2 {
        let page = client.get(format!("{}/", app.address)).send().await.expect("the page's head arrives");
        let nonce = nonce_of(page.headers());
        let html = page.text().await.expect("the page's body arrives");
        let doc = scraper::Html::parse_document(&html);
        let scripts: Vec<_> = doc.select(&scraper::Selector::parse("script").unwrap()).collect();
        assert!(!scripts.is_empty(), "the page hydrates through scripts");
        for script in scripts {
            assert_eq!(script.value().attr("nonce"), Some(nonce.as_str()), "{}", script.html().chars().take(120).collect::<String>());
        }
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1], "a new nonce for every response");
    assert!(nonces[0].len() >= 22, "128 bits of randomness: {}", nonces[0]);
}
