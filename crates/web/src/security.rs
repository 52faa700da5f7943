//! Security headers, the cross-site request check, and request spans without personal data.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::{AppError, AppState};

/// Headers every response carries. The content security policy allows only Parat's own
/// scripts and styles, which is all the pages use.
///
/// Nothing is stored by browsers or proxies unless its handler says otherwise: pages, exports
/// and API answers carry personal data and one-time tokens. Only the versioned assets set a
/// long cache of their own.
pub async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    response
}

/// Refuses state-changing requests that a browser marks as coming from another site. This is
/// a second line behind the per-form CSRF token and the `SameSite` cookies.
pub async fn csrf_origin_check(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let changes_state = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if changes_state {
        let headers = request.headers();
        let cross_site = headers.get("sec-fetch-site").is_some_and(|v| v.as_bytes() == b"cross-site");
        let foreign_origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()).is_some_and(|origin| {
            let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
            let own = origin.split_once("://").map(|(_, rest)| rest) == Some(host)
                || state.settings.public_url.trim_end_matches('/') == origin;
            origin != "null" && !own
        });
        if cross_site || foreign_origin {
            return AppError::Csrf.into_response();
        }
    }
    next.run(request).await
}

/// The span of one request in the logs: method and route template only. Paths with ids and
/// query strings (which may hold search terms) stay out of the logs.
pub fn request_span(request: &Request) -> tracing::Span {
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".into());
    tracing::info_span!("request", method = %request.method(), route = %route)
}
