//! The one place where errors become HTTP responses.
//!
//! Handlers return [`AppError`]; its `IntoResponse` sets the status and attaches an
//! [`ErrorInfo`]. Two small middlewares then give the response its body: a translated HTML
//! page for the site, a JSON object with a stable code for the API. Rejections produced by
//! axum itself (a malformed body, an oversized one) pass through the same middlewares, so no
//! error reaches a user as bare text.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use parat_core::locale::Locale;
use parat_core::FieldErrors;
use parat_store::StoreError;
use serde::Serialize;

use crate::context::request_locale;
use crate::i18n;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("login required")]
    LoginRequired { next: String },
    #[error("no organisation")]
    NoOrganisation,
    #[error("csrf token missing or wrong")]
    Csrf,
    #[error("too many attempts")]
    Throttled,
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("unauthorised")]
    Unauthorised,
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// Well-formed input that the domain refuses, with the reason (e.g. a score off the scale).
    #[error("refused: {0}")]
    Refused(String),
    /// A step the record's state does not allow now, with a translated reason.
    #[error("not possible now: {0:?}")]
    NotNow(NotNow),
    /// A reported assessment (or another closed record) takes no changes until it is reopened.
    #[error("closed to changes")]
    Closed,
    /// The database cannot be reached now; nothing was written, and a retry may succeed.
    #[error("database unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Forbidden => AppError::Forbidden,
            StoreError::Invalid(fields) => AppError::Invalid(fields),
            StoreError::Unsupported(message) => AppError::BadRequest(message.to_owned()),
            StoreError::Refused(message) => AppError::Refused(message),
            StoreError::Closed => AppError::Closed,
            StoreError::Stale => AppError::NotNow(NotNow::ChangedMeanwhile),
            other if other.is_unavailable() => {
                tracing::warn!(error = %other, "database unavailable");
                AppError::Unavailable
            }
            other => AppError::Internal(Box::new(other)),
        }
    }
}

/// Why a step is not possible now; each code names the messages `error-<code>-title` and
/// `error-<code>` (with `-` for `_`) that the error page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotNow {
    NoResultsYet,
    ScoringNotOpen,
    ScoresFinal,
    /// An anonymous round has fewer answers than its threshold: nothing of it is shown.
    TooFewAnswers,
    /// Someone else saved the same record after this page was loaded.
    ChangedMeanwhile,
    /// A questionnaire item that a condition or a scale needs cannot be removed.
    ItemInUse,
    /// A questionnaire has as many items as a definition may.
    QuestionnaireFull,
    /// The landscape has records, so its framework can no longer change.
    LandscapeBegun,
    /// Other records hang on this one (goals under a goal): they go or move first.
    HasDependents,
    /// A campaign's offer is approved only after the organisation has registered interest, once.
    NotInterested,
    /// An approved offer's answer no longer changes: its assessment exists.
    OfferApproved,
    /// A measurement's feedback meeting is recorded once (its actions are in the plan).
    FeedbackRecorded,
    /// Only an approved measurement is invoiced or given a contractor's person.
    NotApproved,
    /// No contractor's person is assigned (to let in), or none is let in (to withdraw).
    NoContractorAccess,
}

impl NotNow {
    pub const ALL: &'static [NotNow] = &[
        NotNow::NoResultsYet,
        NotNow::ScoringNotOpen,
        NotNow::ScoresFinal,
        NotNow::TooFewAnswers,
        NotNow::ChangedMeanwhile,
        NotNow::ItemInUse,
        NotNow::QuestionnaireFull,
        NotNow::LandscapeBegun,
        NotNow::HasDependents,
        NotNow::NotInterested,
        NotNow::OfferApproved,
        NotNow::FeedbackRecorded,
        NotNow::NotApproved,
        NotNow::NoContractorAccess,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NotNow::NoResultsYet => "no_results_yet",
            NotNow::ScoringNotOpen => "scoring_not_open",
            NotNow::ScoresFinal => "scores_final",
            NotNow::TooFewAnswers => "too_few_answers",
            NotNow::ChangedMeanwhile => "changed_meanwhile",
            NotNow::ItemInUse => "item_in_use",
            NotNow::QuestionnaireFull => "questionnaire_full",
            NotNow::LandscapeBegun => "landscape_begun",
            NotNow::NotInterested => "not_interested",
            NotNow::OfferApproved => "offer_approved",
            NotNow::FeedbackRecorded => "feedback_recorded",
            NotNow::NotApproved => "not_approved",
            NotNow::NoContractorAccess => "no_contractor_access",
            NotNow::HasDependents => "has_dependents",
        }
    }
}

/// What an error response carries to the middleware that writes its body.
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    pub code: &'static str,
    pub detail: Option<String>,
    pub fields: Option<FieldErrors>,
}

impl AppError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            AppError::NotFound => (StatusCode::NOT_FOUND, "not_found"),
            AppError::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            AppError::LoginRequired { .. } => (StatusCode::UNAUTHORIZED, "login_required"),
            AppError::NoOrganisation => (StatusCode::FORBIDDEN, "no_organisation"),
            AppError::Csrf => (StatusCode::FORBIDDEN, "csrf"),
            AppError::Throttled => (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts"),
            AppError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            AppError::Unauthorised => (StatusCode::UNAUTHORIZED, "unauthorised"),
            AppError::Invalid(_) | AppError::Refused(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            AppError::Closed => (StatusCode::CONFLICT, "closed"),
            AppError::NotNow(reason) => (StatusCode::CONFLICT, reason.code()),
            AppError::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            AppError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::LoginRequired { next } = &self {
            return Redirect::to(&format!("/login?next={}", encode_query_value(next))).into_response();
        }
        let (status, code) = self.status_and_code();
        let self_is_unavailable = matches!(self, AppError::Unavailable);
        if let AppError::Internal(source) = &self {
            // The cause goes to the log; never personal data, only the error chain.
            tracing::error!(error = %source, "request failed");
        }
        let info = ErrorInfo {
            code,
            detail: match &self {
                AppError::BadRequest(detail) | AppError::Refused(detail) => Some(detail.clone()),
                _ => None,
            },
            fields: match self {
                AppError::Invalid(fields) => Some(fields),
                _ => None,
            },
        };
        let mut response = status.into_response();
        if self_is_unavailable {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        response.extensions_mut().insert(info);
        response
    }
}

/// Percent-encodes a value for a query string.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

pub async fn not_found() -> AppError {
    AppError::NotFound
}

fn code_for_status(status: StatusCode) -> &'static str {
    match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::UNAUTHORIZED => "unauthorised",
        StatusCode::TOO_MANY_REQUESTS => "too_many_attempts",
        StatusCode::SERVICE_UNAVAILABLE => "unavailable",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    }
}

fn is_content_type(response: &Response, prefix: &str) -> bool {
    response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with(prefix))
}

/// Gives every error response of the site a translated HTML page.
pub async fn html_errors(request: Request, next: Next) -> Response {
    let locale = request_locale(request.headers());
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || is_content_type(&response, "text/html") {
        return response;
    }
    let code =
        response.extensions().get::<ErrorInfo>().map(|info| info.code).unwrap_or_else(|| code_for_status(status));
    let page = crate::views::layout::error_page(locale, status, code);
    let mut rendered = (status, page).into_response();
    keep_headers(&response, &mut rendered);
    rendered
}

/// Headers of an error response that its new body must keep: `Allow` on a 405, `Retry-After`
/// on a 429 or 503.
fn keep_headers(from: &Response, to: &mut Response) {
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(value) = from.headers().get(&name) {
            to.headers_mut().insert(name, value.clone());
        }
    }
}

#[derive(Serialize)]
struct ApiErrorBody<'a> {
    error: ApiErrorDetail<'a>,
}

#[derive(Serialize)]
struct ApiErrorDetail<'a> {
    code: &'a str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<Vec<ApiFieldError>>,
}

#[derive(Serialize)]
struct ApiFieldError {
    field: &'static str,
    code: &'static str,
    message: String,
}

/// Gives every error response of the API a JSON body: `{"error": {"code", "message", "fields"?}}`.
pub async fn json_errors(request: Request, next: Next) -> Response {
    // The API answers in English unless the client asks for Swedish or Danish.
    let locale = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::negotiate)
        .unwrap_or(Locale::En);
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || is_content_type(&response, "application/json") {
        return response;
    }
    let info = response.extensions().get::<ErrorInfo>().cloned();
    let mut kept = Response::new(Body::empty());
    keep_headers(&response, &mut kept);
    let code = info.as_ref().map(|i| i.code).unwrap_or_else(|| code_for_status(status));
    let mut message = i18n::text(locale, &format!("error-{}", code.replace('_', "-")));
    if let Some(detail) = info.as_ref().and_then(|i| i.detail.as_ref()) {
        message = format!("{message} {detail}");
    } else if info.is_none() && status.is_client_error() {
        // A rejection from axum (malformed JSON and the like) says what was wrong; keep that.
        let bytes = axum::body::to_bytes(response.into_body(), 4096).await.unwrap_or_default();
        let detail = String::from_utf8_lossy(&bytes);
        if !detail.trim().is_empty() {
            message = format!("{message} {}", detail.trim());
        }
    }
    let fields = info.and_then(|i| i.fields).map(|fields| {
        fields
            .0
            .iter()
            .map(|e| ApiFieldError {
                field: e.field,
                code: e.problem.code(),
                message: crate::views::forms::problem_text(locale, e.problem),
            })
            .collect()
    });
    let body = ApiErrorBody { error: ApiErrorDetail { code, message, fields } };
    let json = serde_json::to_vec(&body).unwrap_or_default();
    let mut response = Response::new(Body::from(json));
    *response.status_mut() = status;
    *response.headers_mut() = kept.headers().clone();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// A panic in a handler is a bug; the user still gets a page, and the log gets the fact.
pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
    response.extensions_mut().insert(ErrorInfo { code: "internal", detail: None, fields: None });
    response
}
