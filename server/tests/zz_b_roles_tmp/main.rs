// TEMPORARY (engineer b): runs roles.rs while the api binary does not compile; deleted after.
#[path = "../api/helpers.rs"]
#[allow(dead_code)]
mod helpers;
#[path = "../api/roles.rs"]
mod roles;
