use anyhow::Context;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Message, Tokio1Executor};

#[derive(Clone)]
pub struct MailerConfig {
    /// `smtp://host:port` for a local relay, `smtps://user:pass@host` for a provider.
    pub smtp_url: String,
    pub from: String,
}

/// Sends multipart (plain text + HTML) email through one pooled SMTP transport.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Mailer {
    pub fn new(config: &MailerConfig) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.smtp_url)
            .context("SMTP_URL is not a valid smtp:// URL")?
            .build();
        let from = config.from.parse().context("the sender address is invalid")?;
        Ok(Self { transport, from })
    }

    /// Opens a connection and says hello, so start-up fails early when SMTP is unreachable.
    pub async fn check(&self) -> anyhow::Result<()> {
        let ok = self.transport.test_connection().await.context("connecting to the SMTP server")?;
        anyhow::ensure!(ok, "the SMTP server did not accept a connection");
        Ok(())
    }

    pub async fn send(&self, email: Email) -> anyhow::Result<()> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(email.to.parse().context("recipient address")?)
            .subject(email.subject)
            .multipart(MultiPart::alternative_plain_html(email.text, email.html))
            .context("building the message")?;
        self.transport.send(message).await.context("sending over SMTP")?;
        Ok(())
    }
}
