//! Parat's web layer: server-rendered pages (maud, htmx for enhancement only), the JSON API,
//! translations and assets. Thin by design: parsing at the edge, then the store, then a view.

pub mod api;
mod assets;
mod context;
mod error;
pub mod i18n;
pub mod mail;
mod pages;
pub mod rate;
mod security;
mod views;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::{middleware, Router};
use parat_store::Db;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

pub use context::Ctx;

/// Every page route as (method, path template), for tests that must cover each one.
pub fn page_routes() -> Vec<(&'static str, &'static str)> {
    pages::routes().list().to_vec()
}
pub use error::AppError;

/// Settings the web layer needs from the configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where users reach Parat, e.g. `https://parat.example.se`; decides the `Secure` cookie flag.
    pub public_url: String,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// The SMTP server for invitations and reminders; without one, links are shown to copy.
    pub mailer: Option<mail::Mailer>,
    /// Answers one network address may send through questionnaire links per minute (0: no limit).
    pub answers_per_minute: u32,
    /// How long a map page waits for figures being computed before it shows the earlier ones.
    pub figures_wait: std::time::Duration,
}

/// The largest request body accepted when the configuration names no other.
pub const DEFAULT_MAX_BODY_BYTES: usize = 256 * 1024;

impl Settings {
    pub fn serves_tls(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    /// This server's count of answers sent per address, for the limit in the settings.
    pub answer_limiter: Arc<rate::AnswerLimiter>,
}

impl AppState {
    pub fn new(db: Db, settings: Settings) -> AppState {
        let answer_limiter = Arc::new(rate::AnswerLimiter::new(settings.answers_per_minute));
        AppState { db, settings: Arc::new(settings), answer_limiter }
    }
}

/// The whole application as one router.
pub fn router(state: AppState) -> Router {
    let max_body = state.settings.max_body_bytes;
    // Panics are caught inside the error middlewares, so that even a bug gets a proper page or
    // JSON body; the outer layer covers everything else.
    let pages = pages::routes()
        .into_router()
        .fallback(error::not_found)
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(middleware::from_fn(error::html_errors))
        .layer(middleware::from_fn_with_state(state.clone(), security::csrf_origin_check))
        .layer(middleware::from_fn_with_state(state.clone(), context::anonymous_token));
    Router::new()
        .merge(pages)
        .nest(
            "/api/v1",
            api::routes()
                .fallback(error::not_found)
                .layer(CatchPanicLayer::custom(error::panic_response))
                .layer(middleware::from_fn(error::json_errors)),
        )
        .route("/healthz", get(healthz))
        .merge(assets::routes())
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn(security::headers))
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(TraceLayer::new_for_http().make_span_with(security::request_span))
        .with_state(state)
}

async fn healthz(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> (axum::http::StatusCode, &'static str) {
    if state.db.is_healthy().await {
        (axum::http::StatusCode::OK, "ok")
    } else {
        (axum::http::StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
