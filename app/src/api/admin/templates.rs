//! The email templates: listed, one opened with its variables, a draft previewed with sample
//! data, saved once it renders, and sent as a test to the manager.
use crate::dto::admin::{PreviewView, TemplateView};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "admin/templates")]
pub async fn templates_list() -> Result<Vec<TemplateView>, AppError> {
    super::access::require_manager().await?;
    let state = crate::state::state()?;
    let all = state.notifications.templates().await.map_err(server::template_error)?;
    Ok(all.iter().map(server::view).collect())
}

#[server(endpoint = "admin/template")]
pub async fn template(event: String, language: String) -> Result<TemplateView, AppError> {
    super::access::require_manager().await?;
    let state = crate::state::state()?;
    let found = state.notifications.template(&event, &language).await.map_err(server::template_error)?;
    Ok(server::view(&found))
}

/// Renders the draft with sample data; `send` (`on`) also mails it to the signed-in manager.
#[server(endpoint = "admin/preview_template")]
pub async fn preview_template(
    event: String,
    language: String,
    subject: String,
    body_text: String,
    body_html: String,
    #[server(default)] send: Option<String>,
) -> Result<PreviewView, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let draft = notifications::editor::Draft { subject, body_text, body_html };
    let (rendered, sent_to) = match send {
        Some(_) => {
            let to = me.view().email;
            let r = state.notifications.send_test(&event, &language, &draft, &to).await.map_err(server::template_error)?;
            tracing::info!(event, language, by = %me.user_id, "test email of a template sent");
            (r, Some(to))
        }
        None => (notifications::editor::preview(&event, &language, &draft).map_err(server::template_error)?, None),
    };
    Ok(PreviewView { subject: rendered.subject, text: rendered.text, html: rendered.html, sent_to })
}

#[server(endpoint = "admin/save_template")]
pub async fn save_template(event: String, language: String, subject: String, body_text: String, body_html: String) -> Result<TemplateView, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let draft = notifications::editor::Draft { subject, body_text, body_html };
    let saved = state.notifications.save_template(&event, &language, &draft, me.user_id).await.map_err(server::template_error)?;
    tracing::info!(event, language, by = %me.user_id, "template saved");
    Ok(server::view(&saved))
}

#[cfg(feature = "ssr")]
mod server {
    use crate::dto::admin::TemplateView;
    use crate::error::AppError;
    use notifications::editor::{sample, TemplateError};
    use notifications::Template;

    pub fn template_error(e: TemplateError) -> AppError {
        match e {
            TemplateError::Unknown => AppError::NotFound("there is no such message".into()),
            TemplateError::Invalid { part, message } => AppError::field(part, message),
            TemplateError::Unexpected(e) => crate::state::internal(e),
        }
    }

    fn title(event: &str) -> &'static str {
        match event {
            "booking.created" => "Booking confirmed",
            "booking.cancelled" => "Booking cancelled",
            "payment.completed" => "Payment receipt",
            "payment.failed" => "Payment failed",
            _ => "Message",
        }
    }

    pub fn view(t: &Template) -> TemplateView {
        let variables = match sample(&t.event) {
            Some(serde_json::Value::Object(fields)) => fields
                .into_iter()
                .map(|(k, v)| (k, match v {
                    serde_json::Value::String(s) => s,
                    serde_json::Value::Null => "(none)".into(),
                    other => other.to_string(),
                }))
                .collect(),
            _ => Vec::new(),
        };
        TemplateView {
            event: t.event.clone(),
            title: title(&t.event).to_owned(),
            language: t.language.clone(),
            subject: t.subject.clone(),
            body_text: t.body_text.clone(),
            body_html: t.body_html.clone(),
            variables,
        }
    }
}
