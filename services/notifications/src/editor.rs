//! Templates as a manager edits them: each draft is rendered with sample data before it is
//! saved (a syntax error or an unknown variable is refused, naming the part and the line), can
//! be previewed and sent as a test to the manager, and every change is kept with who made it.
use crate::domain::{BookingCancellation, BookingConfirmation, PaymentFailure, PaymentKind, PaymentReceipt};
use crate::mailer::Email;
use crate::templates::{render_part, Rendered, Template};
use crate::NotificationsService;
use kernel::events::{BOOKING_CANCELLED, BOOKING_CREATED, PAYMENT_COMPLETED, PAYMENT_FAILED};
use kernel::UserId;
use minijinja::value::{Serde, Value};
use serde_json::json;

/// The events with messages, and the languages they are written in.
pub const EVENTS: [&str; 4] = [BOOKING_CREATED, BOOKING_CANCELLED, PAYMENT_COMPLETED, PAYMENT_FAILED];
pub const LANGUAGES: [&str; 2] = ["en", "de"];

/// What the form holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
}

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("there is no such message")]
    Unknown,
    /// `part` is `subject`, `body_text` or `body_html`.
    #[error("{message}")]
    Invalid { part: &'static str, message: String },
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<sqlx::Error> for TemplateError {
    fn from(e: sqlx::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("notifications database"))
    }
}

/// The variables each event's message has, with believable values.
pub fn sample(event: &str) -> Option<serde_json::Value> {
    let guest_name = "Alex Example".to_owned();
    let reference = "3F2A9C1B".to_owned();
    let value = match event {
        BOOKING_CREATED => serde_json::to_value(BookingConfirmation {
            guest_name,
            reference,
            room_type: "Superior King".into(),
            room_number: "204".into(),
            check_in: "Fri 12 Jun 2026".into(),
            check_out: "Mon 15 Jun 2026".into(),
            nights: 3,
            adults: 2,
            children: 0,
            total: "€389.00".into(),
        }),
        BOOKING_CANCELLED => serde_json::to_value(BookingCancellation {
            guest_name,
            reference,
            check_in: "Fri 12 Jun 2026".into(),
            check_out: "Mon 15 Jun 2026".into(),
            fee: Some("€129.00".into()),
            reason: None,
        }),
        PAYMENT_COMPLETED => serde_json::to_value(PaymentReceipt {
            guest_name,
            reference,
            kind: PaymentKind::Capture,
            amount: "€389.00".into(),
            card_last4: Some("4242".into()),
        }),
        PAYMENT_FAILED => serde_json::to_value(PaymentFailure {
            guest_name,
            reference,
            kind: PaymentKind::Authorisation,
            amount: "€389.00".into(),
            card_last4: Some("0002".into()),
            reason: "declined".into(),
            message: "the card was declined".into(),
        }),
        _ => return None,
    };
    value.ok()
}

/// The draft rendered with the event's sample data, or the first part that does not render.
pub fn preview(event: &str, language: &str, draft: &Draft) -> Result<Rendered, TemplateError> {
    if !LANGUAGES.contains(&language) {
        return Err(TemplateError::Unknown);
    }
    let data = Value::from(Serde(sample(event).ok_or(TemplateError::Unknown)?));
    let part = |part: &'static str, suffix: &str, source: &str| -> Result<String, TemplateError> {
        if source.trim().is_empty() {
            return Err(TemplateError::Invalid { part, message: "write something here: it cannot be empty".into() });
        }
        render_part(&format!("{event}.{language}.{suffix}"), source, data.clone())
            .map_err(|e| TemplateError::Invalid { part, message: words(&e) })
    };
    Ok(Rendered {
        language: language.to_owned(),
        subject: part("subject", "subject.txt", &draft.subject)?.trim().to_owned(),
        text: part("body_text", "txt", &draft.body_text)?,
        html: part("body_html", "html", &draft.body_html)?,
    })
}

/// minijinja's error as a manager reads it: what is wrong, and on which line.
fn words(e: &minijinja::Error) -> String {
    let what = e.detail().map(str::to_owned).unwrap_or_else(|| e.kind().to_string());
    match e.line() {
        Some(line) => format!("line {line}: {what}"),
        None => what,
    }
}

fn snapshot(t: &Template) -> serde_json::Value {
    json!({ "subject": t.subject, "body_text": t.body_text, "body_html": t.body_html })
}

impl NotificationsService {
    /// Every template, by event and language.
    pub async fn templates(&self) -> Result<Vec<Template>, TemplateError> {
        Ok(sqlx::query_as("SELECT event, language, subject, body_text, body_html FROM notifications.templates ORDER BY event, language")
            .fetch_all(self.pool())
            .await?)
    }

    pub async fn template(&self, event: &str, language: &str) -> Result<Template, TemplateError> {
        sqlx::query_as("SELECT event, language, subject, body_text, body_html FROM notifications.templates WHERE event = $1 AND language = $2")
            .bind(event)
            .bind(language)
            .fetch_optional(self.pool())
            .await?
            .ok_or(TemplateError::Unknown)
    }

    /// Saves the draft once it renders; the change is kept with `by`, before and after.
    #[tracing::instrument(skip(self, draft), fields(by = %by))]
    pub async fn save_template(&self, event: &str, language: &str, draft: &Draft, by: UserId) -> Result<Template, TemplateError> {
        preview(event, language, draft)?;
        let mut tx = self.pool().begin().await?;
        let before: Option<Template> = sqlx::query_as(
            "SELECT event, language, subject, body_text, body_html FROM notifications.templates WHERE event = $1 AND language = $2 FOR UPDATE",
        )
        .bind(event)
        .bind(language)
        .fetch_optional(&mut *tx)
        .await?;
        let after: Template = sqlx::query_as(
            "INSERT INTO notifications.templates (event, language, subject, body_text, body_html) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (event, language) DO UPDATE SET subject = $3, body_text = $4, body_html = $5, updated_at = now() \
             RETURNING event, language, subject, body_text, body_html",
        )
        .bind(event)
        .bind(language)
        .bind(draft.subject.trim())
        .bind(&draft.body_text)
        .bind(&draft.body_html)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO notifications.template_changes (event, language, changed_by, before, after) VALUES ($1, $2, $3, $4, $5)")
            .bind(event)
            .bind(language)
            .bind(by.as_uuid())
            .bind(before.as_ref().map(snapshot))
            .bind(snapshot(&after))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Sends the draft, rendered with the sample data, to `to` with "[Test]" before its subject.
    #[tracing::instrument(skip(self, draft))]
    pub async fn send_test(&self, event: &str, language: &str, draft: &Draft, to: &str) -> Result<Rendered, TemplateError> {
        let rendered = preview(event, language, draft)?;
        let email = Email { to: to.to_owned(), subject: format!("[Test] {}", rendered.subject), text: rendered.text.clone(), html: rendered.html.clone() };
        self.mailer().send(email).await?;
        Ok(rendered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(subject: &str) -> Draft {
        Draft { subject: subject.into(), body_text: "Dear {{ guest_name }}".into(), body_html: "<p>{{ guest_name }}</p>".into() }
    }

    #[test]
    fn a_draft_renders_with_sample_data_or_says_which_part_and_line_is_wrong() {
        let ok = preview(BOOKING_CREATED, "en", &draft("Booking {{ reference }}")).unwrap();
        assert_eq!(ok.subject, "Booking 3F2A9C1B");
        let unknown = preview(BOOKING_CREATED, "en", &draft("Booking {{ refrence }}")).unwrap_err();
        assert!(matches!(&unknown, TemplateError::Invalid { part: "subject", message } if message.starts_with("line 1")), "{unknown:?}");
        let syntax = preview(BOOKING_CREATED, "en", &Draft { body_html: "<p>\n{% if fee %}</p>".into(), ..draft("x") }).unwrap_err();
        assert!(matches!(&syntax, TemplateError::Invalid { part: "body_html", .. }), "{syntax:?}");
        let empty = preview(PAYMENT_FAILED, "de", &Draft { body_text: " ".into(), ..draft("x") }).unwrap_err();
        assert!(matches!(&empty, TemplateError::Invalid { part: "body_text", .. }));
        assert!(matches!(preview("booking.created", "fr", &draft("x")), Err(TemplateError::Unknown)));
        assert!(EVENTS.iter().all(|e| sample(e).is_some()));
    }
}
