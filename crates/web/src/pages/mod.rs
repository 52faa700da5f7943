//! The site's pages, one module per area. Each handler parses its input, calls the store and
//! renders a view; errors go through [`crate::AppError`].

mod account;
mod audit;
mod auth;
mod initiatives;
mod instruments;
mod members;
mod organisations;
mod readiness;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(initiatives::home))
        .route("/login", get(auth::login_page).post(auth::login))
        .route("/logout", post(auth::logout))
        .route("/setup/{token}", get(auth::setup_page).post(auth::setup))
        .route("/language", post(account::change_language))
        .route("/account", get(account::show))
        .route("/account/password", post(account::change_password))
        .route("/password/forgot", get(account::forgot_password))
        .route("/reset/{token}", get(account::reset_page).post(account::reset))
        .route("/members/{user_id}/reset-link", post(members::reset_link))
        .route("/account/tokens", post(account::create_token))
        .route("/account/tokens/{id}/revoke", post(account::revoke_token))
        .route("/initiatives", get(initiatives::list).post(initiatives::create))
        .route("/initiatives/new", get(initiatives::new_page))
        .route("/initiatives/{id}", get(initiatives::show).post(initiatives::update))
        .route("/initiatives/{id}/edit", get(initiatives::edit_page))
        .route("/initiatives/{id}/archive", post(initiatives::archive))
        .route("/initiatives/{id}/restore", post(initiatives::restore))
        .route("/organisations", get(organisations::list).post(organisations::create))
        .route("/organisations/new", get(organisations::new_page))
        .route("/organisations/switch", post(organisations::switch))
        .route("/organisation/edit", get(organisations::edit_page).post(organisations::update))
        .route("/members", get(members::list).post(members::add))
        .route("/members/{user_id}", post(members::change))
        .route("/members/{user_id}/remove", get(members::confirm_remove))
        .route("/audit", get(audit::list))
        .route("/instruments", get(instruments::list).post(instruments::create))
        .route("/instruments/{file}", get(instruments::download))
        .merge(readiness::routes())
}

/// A 303 redirect (the browser follows with GET) that also sets cookies.
pub fn redirect_with_cookies(to: &str, cookies: &[String]) -> Response {
    let mut response = Redirect::to(to).into_response();
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// A file to save: the name in the reader's language (`filename*`, RFC 5987), with an ASCII
/// fallback for old clients; characters no file system takes are replaced.
pub fn download(bytes: Vec<u8>, content_type: &'static str, filename: &str) -> Response {
    let name: String =
        filename
            .chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    '-'
                } else {
                    c
                }
            })
            .collect();
    let fallback: String = name.chars().map(|c| if c.is_ascii() { c } else { '_' }).collect();
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    let disposition = format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}");
    ([(header::CONTENT_TYPE, content_type.to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes)
        .into_response()
}

/// A form shown again after a validation error: 422, so that clients and tests can tell.
pub fn rejected(markup: maud::Markup) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, markup).into_response()
}

/// Parses a path id; anything that is not a positive number is simply not found.
pub fn parse_id(raw: &str) -> Result<i64, crate::AppError> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).ok_or(crate::AppError::NotFound)
}
