//! The one error every server function returns: what the person should read, never internals.
use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Input that can be corrected by the person who typed it.
    #[error("{0}")]
    Invalid(String),
    /// One field of a form is wrong: the page shows `message` beside the field named `field`.
    #[error("{message}")]
    InvalidField { field: String, message: String },
    #[error("please sign in first")]
    SignInRequired,
    #[error("your role does not allow this")]
    Forbidden,
    /// The role may use the function but not do this with it; says what only another role may.
    #[error("{0}")]
    NotAllowed(String),
    #[error("{0}")]
    NotFound(String),
    /// Someone else got there first: the room, the dates.
    #[error("{0}")]
    Conflict(String),
    #[error("we could not reach the hotel's server; check your connection and try again")]
    Network,
    #[error("something went wrong on our side; please try again in a moment")]
    Internal,
}

impl AppError {
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self::InvalidField { field: field.into(), message: message.into() }
    }

    /// The message for the form field `name`, when this error is about it.
    pub fn for_field(&self, name: &str) -> Option<String> {
        match self {
            Self::InvalidField { field, message } if field == name => Some(message.clone()),
            _ => None,
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The HTTP status a server function answers with when it fails with this error.
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            AppError::Invalid(_) | AppError::InvalidField { .. } => StatusCode::BAD_REQUEST,
            AppError::SignInRequired => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::NotAllowed(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Network | AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Network,
            ServerFnErrorErr::Args(msg) => AppError::Invalid(format!("the form was incomplete ({msg})")),
            _ => AppError::Internal,
        }
    }
}

/// Shows an error in the page's alert style.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    view! {
        <p role="alert" class="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800">
            {error.to_string()}
        </p>
    }
}
