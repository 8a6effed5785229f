//! The web door against the real app: open redirects after sign-in, cross-site requests,
//! security headers and input limits, and the HTTP status of server function errors.
mod csrf;
mod error_status;
mod headers;
mod limits;
mod redirect;
