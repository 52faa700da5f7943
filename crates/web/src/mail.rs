//! Sending e-mail through an SMTP server (lettre): questionnaire invitations and reminders. Parat
//! works without it — links are then shown to copy — so a mailer is optional in the settings.

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Message, Tokio1Executor};

/// Why the mailer could not be set up from the configuration.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error("the SMTP URL is not valid: {0}")]
    Url(String),
    #[error("the sender address \"{0}\" is not a valid e-mail address")]
    From(String),
}

/// Why one message was not sent. The address is left out: it is personal data, and errors end
/// up in logs.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SendError {
    #[error("the address is not a valid e-mail address")]
    Address,
    #[error("the message could not be built: {0}")]
    Build(String),
    #[error("the SMTP server refused the message: {0}")]
    Smtp(String),
    #[error("the SMTP server could not be reached: {0}")]
    Unreachable(String),
}

/// An SMTP server and the address mail comes from.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    // The transport holds the SMTP credentials: never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from.email.to_string()).finish_non_exhaustive()
    }
}

/// One plain-text message to one person.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

impl Mailer {
    /// A mailer from an SMTP URL as lettre reads it: `smtps://user:password@host` (TLS),
    /// `smtp://user:password@host:587?tls=required` (STARTTLS), or `smtp://host:25` (plain, for a
    /// relay on the same network only).
    pub fn from_url(url: &str, from: &str) -> Result<Mailer, MailConfigError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailConfigError::Url(e.to_string()))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from: Mailbox = from.parse().map_err(|_| MailConfigError::From(from.to_owned()))?;
        Ok(Mailer { transport, from })
    }

    /// Sends one message.
    pub async fn send(&self, mail: &Mail) -> Result<(), SendError> {
        let to: Mailbox = mail.to.parse().map_err(|_| SendError::Address)?;
        // Quoted-printable always: Swedish and Danish text is not ASCII, and QP keeps a link
        // readable in the raw message.
        let body = Body::new_with_encoding(mail.body.clone(), ContentTransferEncoding::QuotedPrintable)
            .map_err(|_| SendError::Build("quoted-printable".into()))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| SendError::Build(e.to_string()))?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| match e.is_response() {
            true => SendError::Smtp(e.to_string()),
            false => SendError::Unreachable(e.to_string()),
        })
    }

    /// Sends each message in turn, a result for each. Once the server cannot be reached, the
    /// rest are not tried — each would wait out the same timeout, and a mailing of hundreds
    /// would hold the request for hours — and fail with the same reason. A message the server
    /// refuses (one address) does not stop the others.
    pub async fn send_all(&self, mails: &[Mail]) -> Vec<Result<(), SendError>> {
        let mut results = Vec::with_capacity(mails.len());
        let mut unreachable: Option<SendError> = None;
        for mail in mails {
            let result = match &unreachable {
                Some(reason) => Err(reason.clone()),
                None => self.send(mail).await,
            };
            if let Err(reason @ SendError::Unreachable(_)) = &result {
                unreachable = Some(reason.clone());
            }
            results.push(result);
        }
        results
    }
}
