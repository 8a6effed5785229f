//! Message templates as stored in `notifications.templates`, rendered with minijinja.
use crate::domain::MessageContext;
use crate::error::NotificationsError;
use anyhow::{anyhow, Context};
use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use std::sync::LazyLock;

/// Guests whose language has no template of its own get this one: the hotel's.
pub const FALLBACK_LANGUAGE: &str = kernel::hotel::HOTEL.default_locale;

/// One event's message in one language, as a manager wrote it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Template {
    pub event: String,
    pub language: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
}

/// A message ready for the delivery log.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// The template language used, which is the fallback's when the guest's had none.
    pub language: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The guest's language if there is a template in it, else English.
pub fn pick<'t>(templates: &'t [Template], language: &str) -> Option<&'t Template> {
    let in_language = |l: &str| templates.iter().find(|t| t.language == l);
    in_language(language).or_else(|| in_language(FALLBACK_LANGUAGE))
}

static ENV: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    // A misspelt variable fails the render instead of leaving a silent gap in a guest's email.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Only the HTML body is escaped; the names below end in `.html` for that one.
    env.set_auto_escape_callback(|name| if name.ends_with(".html") { AutoEscape::Html } else { AutoEscape::None });
    // `{% if %}` lines in text bodies leave no blank lines behind.
    let syntax = SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build();
    env.set_syntax(syntax.expect("the default delimiters are valid"));
    env
});

/// One part of a template: `name` ends in `.html` for the part that is HTML-escaped.
pub(crate) fn render_part(name: &str, source: &str, data: Value) -> Result<String, minijinja::Error> {
    ENV.render_named_str(name, source, data)
}

/// Renders `ctx` with the template in the guest's language (or the fallback). Any failure (no
/// template at all, a syntax error, an unknown variable) is Unexpected: a person must fix it.
pub fn render<C: MessageContext>(templates: &[Template], language: &str, ctx: &C) -> Result<Rendered, NotificationsError> {
    let template = pick(templates, language)
        .ok_or_else(|| anyhow!("no {} template in {language:?} nor {FALLBACK_LANGUAGE:?}", C::EVENT))?;
    let value = Value::from(Serde(ctx));
    let part = |part: &str, source: &str| -> anyhow::Result<String> {
        let name = format!("{}.{}.{part}", template.event, template.language);
        render_part(&name, source, value.clone())
            .map_err(anyhow::Error::new)
            .with_context(|| format!("rendering the {name} template"))
    };
    Ok(Rendered {
        language: template.language.clone(),
        subject: part("subject.txt", &template.subject)?.trim().to_owned(),
        text: part("txt", &template.body_text)?,
        html: part("html", &template.body_html)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{money, BookingConfirmation};

    fn template(language: &str, subject: &str, text: &str, html: &str) -> Template {
        Template {
            event: "booking.created".into(),
            language: language.into(),
            subject: subject.into(),
            body_text: text.into(),
            body_html: html.into(),
        }
    }

    fn confirmation(name: &str, total: &str) -> BookingConfirmation {
        BookingConfirmation {
            guest_name: name.into(),
            reference: "AB12CD34".into(),
            room_type: "Double".into(),
            room_number: "101".into(),
            check_in: "4 December 2026".into(),
            check_out: "6 December 2026".into(),
            nights: 2,
            adults: 2,
            children: 0,
            total: money(total, "EUR").unwrap().to_string(),
        }
    }

    fn both() -> Vec<Template> {
        vec![
            template("en", "Booking {{ reference }}", "Total: {{ total }}", "<p>{{ guest_name }}</p>"),
            template("de", "Buchung {{ reference }}", "Gesamt: {{ total }}", "<p>{{ guest_name }}</p>"),
        ]
    }

    #[test]
    fn money_is_shown_with_its_symbol_and_two_decimals() {
        let rendered = render(&both(), "en", &confirmation("Ada", "1234.5")).unwrap();
        assert_eq!(rendered.text, "Total: €1234.50");
        assert_eq!(rendered.subject, "Booking AB12CD34");
    }

    #[test]
    fn the_guest_language_is_used_when_there_is_a_template_for_it() {
        let rendered = render(&both(), "de", &confirmation("Ada", "10.00")).unwrap();
        assert_eq!((rendered.language.as_str(), rendered.text.as_str()), ("de", "Gesamt: €10.00"));
    }

    #[test]
    fn a_language_without_a_template_falls_back_to_english() {
        let english_only = &both()[..1];
        let rendered = render(english_only, "de", &confirmation("Ada", "10.00")).unwrap();
        assert_eq!((rendered.language.as_str(), rendered.subject.as_str()), ("en", "Booking AB12CD34"));
        assert!(pick(&both()[1..], "fr").is_none(), "no English template, nothing to fall back to");
        assert!(render(&both()[1..], "fr", &confirmation("Ada", "1.00")).is_err());
    }

    #[test]
    fn only_the_html_body_is_escaped() {
        let templates = vec![template("en", "For {{ guest_name }}", "Dear {{ guest_name }}", "<p>{{ guest_name }}</p>")];
        let rendered = render(&templates, "en", &confirmation("Tom & <Jerry>", "1.00")).unwrap();
        assert_eq!(rendered.html, "<p>Tom &amp; &lt;Jerry&gt;</p>");
        assert_eq!(rendered.text, "Dear Tom & <Jerry>");
        assert_eq!(rendered.subject, "For Tom & <Jerry>");
    }

    #[test]
    fn block_lines_leave_no_blank_lines_in_text() {
        let text = "Guests: {{ adults }}\n{% if children %}\nChildren: {{ children }}\n{% endif %}\nTotal: {{ total }}\n";
        let templates = vec![template("en", "s", text, "h")];
        let rendered = render(&templates, "en", &confirmation("Ada", "5.00")).unwrap();
        assert_eq!(rendered.text, "Guests: 2\nTotal: €5.00");
    }

    #[test]
    fn unknown_variables_and_bad_syntax_are_unexpected_errors() {
        for broken in ["Dear {{ guest }}", "Dear {{ guest_name ", "{% if %}"] {
            let templates = vec![template("en", "s", broken, "h")];
            let err = render(&templates, "en", &confirmation("Ada", "1.00")).unwrap_err();
            assert!(matches!(err, NotificationsError::Unexpected(_)), "{broken}: {err:?}");
        }
    }
}
