//! After sign-in the browser goes back only to a page of this app.
use crate::helpers::{sign_in_returning_to, spawn_app};

#[tokio::test]
async fn sign_in_never_sends_the_browser_to_another_site() {
    let app = spawn_app().await;
    // As an attacker writes them into a link: the query decodes %09 to a tab, which browsers
    // drop, so `/%09/evil.test` would arrive as `//evil.test`.
    for bad in ["/%09/evil.test", "/%0d%0a/evil.test", "/%5C/evil.test", "%2F%2Fevil.test", "https://evil.test"] {
        let (_, back_to) = sign_in_returning_to(&app, "guest@hotel.test", "guest", bad).await;
        assert_eq!(back_to, "/", "return_to={bad}");
    }
    let (_, back_to) = sign_in_returning_to(&app, "guest@hotel.test", "guest", "/rooms/STD%3Fadults%3D2").await;
    assert_eq!(back_to, "/rooms/STD?adults=2", "a page of the app, with its query, is kept");
}
