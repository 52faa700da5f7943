//! Static assets, embedded in the binary. Their URLs carry a version, so they can be cached forever.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::AppState;

pub const STYLESHEET_PATH: &str = concat!("/assets/", env!("CARGO_PKG_VERSION"), "/style.css");
pub const HTMX_PATH: &str = "/assets/htmx-2.0.11.min.js";
pub const SCRIPT_PATH: &str = concat!("/assets/", env!("CARGO_PKG_VERSION"), "/parat.js");
pub const ICON_PATH: &str = concat!("/assets/", env!("CARGO_PKG_VERSION"), "/favicon.svg");

const STYLESHEET: &str = include_str!("../../../assets/style.css");
const HTMX: &str = include_str!("../../../assets/vendor/htmx-2.0.11.min.js");
const SCRIPT: &str = include_str!("../../../assets/parat.js");
const ICON: &str = include_str!("../../../assets/favicon.svg");

fn asset(body: &'static str, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
    response
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(STYLESHEET_PATH, get(|| async { asset(STYLESHEET, "text/css; charset=utf-8") }))
        .route(HTMX_PATH, get(|| async { asset(HTMX, "text/javascript; charset=utf-8") }))
        .route(SCRIPT_PATH, get(|| async { asset(SCRIPT, "text/javascript; charset=utf-8") }))
        .route(ICON_PATH, get(|| async { asset(ICON, "image/svg+xml") }))
        // Browsers ask for this address whatever the page links; not versioned, so cached a day.
        .route(
            "/favicon.ico",
            get(|| async {
                let mut response = asset(ICON, "image/svg+xml");
                response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
                response
            }),
        )
}
