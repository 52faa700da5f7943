//! Who is asking, in which language: read once per request and shared by every extractor.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use fluent_templates::fluent_bundle::FluentValue;
use parat_core::locale::Locale;
use parat_store::sessions::{self, SessionUser};
use parat_store::{constant_time_eq, OrgScope, Secret};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::{i18n, AppError, AppState};

pub const SESSION_COOKIE: &str = "parat_session";
pub const LANGUAGE_COOKIE: &str = "parat_lang";
/// A random value for people not logged in; forms they send carry it back (double-submit CSRF).
pub const ANONYMOUS_COOKIE: &str = "parat_anon";

/// Looks up one cookie in a request's headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// The language for a request before the user is known: cookie, then browser, then Swedish.
pub fn request_locale(headers: &HeaderMap) -> Locale {
    cookie(headers, LANGUAGE_COOKIE)
        .and_then(|raw| Locale::parse(raw).ok())
        .or_else(|| headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Locale::negotiate))
        .unwrap_or_default()
}

/// The anonymous double-submit token of this request (from its cookie, or new).
#[derive(Clone)]
struct AnonymousToken(String);

/// Whether this request reached Parat over TLS (its public URL, or a proxy that says so), so
/// that cookies must be `Secure`.
fn over_tls(settings: &crate::Settings, headers: &HeaderMap) -> bool {
    settings.serves_tls() || headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) == Some("https")
}

/// A `Set-Cookie` value with the attributes every Parat cookie has: the one place that decides
/// them. `max_age_seconds` is `None` for a cookie that lasts as long as the browser session.
pub fn set_cookie(name: &str, value: &str, max_age_seconds: Option<i64>, secure: bool) -> String {
    let max_age = max_age_seconds.map(|s| format!("; Max-Age={s}")).unwrap_or_default();
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/{max_age}; HttpOnly; SameSite=Lax{secure}")
}

/// Makes sure every visitor has an anonymous token cookie, so that the login and setup forms
/// can carry a CSRF token before any session exists.
pub async fn anonymous_token(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let secure = over_tls(&state.settings, request.headers());
    let existing = cookie(request.headers(), ANONYMOUS_COOKIE).and_then(Secret::from_client);
    let (token, is_new) = match existing {
        Some(token) => (token, false),
        None => (Secret::generate(), true),
    };
    request.extensions_mut().insert(AnonymousToken(token.expose().to_owned()));
    let mut response = next.run(request).await;
    if is_new {
        if let Ok(value) = HeaderValue::from_str(&set_cookie(ANONYMOUS_COOKIE, token.expose(), None, secure)) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// The request's context: language, the logged-in person if any, and what forms need.
#[derive(Clone)]
pub struct Ctx {
    pub locale: Locale,
    pub user: Option<SessionUser>,
    pub session_token: Option<Secret>,
    anonymous_token: String,
    /// Path and query of this request, for "back to where I was" links.
    pub path: String,
    pub secure_cookies: bool,
    pub client_address: String,
    /// Whether htmx asked for this page (it then only needs the part it swaps).
    pub is_htmx: bool,
}

impl Ctx {
    pub fn t(&self, id: &str) -> String {
        i18n::text(self.locale, id)
    }

    pub fn t_with(&self, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        i18n::text_with(self.locale, id, args)
    }

    /// The token every form of this page carries.
    /// A stored time (Unix seconds) as the reader's language writes it, in Scandinavian time.
    pub fn date_time(&self, at: i64) -> String {
        time::OffsetDateTime::from_unix_timestamp(at).map(|t| self.locale.format_datetime(t)).unwrap_or_default()
    }

    /// A stored time's date (Unix seconds) as the reader's language writes it, in Scandinavian time.
    pub fn date(&self, at: i64) -> String {
        self.locale.format_date(parat_core::locale::scandinavian_date(at))
    }

    pub fn csrf_token(&self) -> &str {
        match &self.user {
            Some(user) => &user.csrf_token,
            None => &self.anonymous_token,
        }
    }

    /// A key this browser keeps (its anonymous cookie), so that answers given through an open
    /// link can be resumed from the same browser.
    pub fn browser_key(&self) -> Option<Secret> {
        Secret::from_client(&self.anonymous_token)
    }

    pub fn scope(&self) -> Option<OrgScope> {
        self.user.as_ref().and_then(SessionUser::scope)
    }

    /// A `Set-Cookie` value with the attributes every Parat cookie has.
    pub fn cookie(&self, name: &str, value: &str, max_age_seconds: i64) -> String {
        set_cookie(name, value, Some(max_age_seconds), self.secure_cookies)
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(ctx) = parts.extensions.get::<Ctx>() {
            return Ok(ctx.clone());
        }
        let session_token = cookie(&parts.headers, SESSION_COOKIE).and_then(Secret::from_client);
        let user = match &session_token {
            Some(token) => sessions::lookup(&state.db, token).await?,
            None => None,
        };
        let locale = user.as_ref().map(|u| u.locale).unwrap_or_else(|| request_locale(&parts.headers));
        let socket = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
        let forwarded_for = state
            .settings
            .trust_forwarded_for
            .then(|| parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()))
            .flatten()
            .and_then(|v| v.split(',').next())
            .map(|v| v.trim().to_owned());
        let ctx = Ctx {
            locale,
            user,
            session_token,
            anonymous_token: parts.extensions.get::<AnonymousToken>().map(|t| t.0.clone()).unwrap_or_default(),
            path: parts.uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into()),
            secure_cookies: over_tls(&state.settings, &parts.headers),
            client_address: forwarded_for.or(socket).unwrap_or_else(|| "unknown".into()),
            is_htmx: parts.headers.contains_key("hx-request"),
        };
        parts.extensions.insert(ctx.clone());
        Ok(ctx)
    }
}

/// A logged-in member of an organisation, working in it now.
pub struct Member {
    pub ctx: Ctx,
    pub user: SessionUser,
    pub scope: OrgScope,
}

impl FromRequestParts<AppState> for Member {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        let next = if parts.method == Method::GET { ctx.path.clone() } else { "/".into() };
        let user = ctx.user.clone().ok_or(AppError::LoginRequired { next })?;
        let scope = user.scope().ok_or(AppError::NoOrganisation)?;
        Ok(Member { ctx, user, scope })
    }
}

/// A logged-in person, whether or not they work in an organisation now.
pub struct LoggedIn {
    pub ctx: Ctx,
    pub user: SessionUser,
}

impl FromRequestParts<AppState> for LoggedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        let next = if parts.method == Method::GET { ctx.path.clone() } else { "/".into() };
        let user = ctx.user.clone().ok_or(AppError::LoginRequired { next })?;
        Ok(LoggedIn { ctx, user })
    }
}

#[derive(Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

/// A submitted form whose CSRF token matched. Repeated keys (checkboxes) become lists.
pub struct Submitted<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for Submitted<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let ctx = Ctx::from_request_parts(&mut parts, state).await?;
        let bytes = axum::body::to_bytes(body, state.settings.max_body_bytes)
            .await
            .map_err(|_| AppError::BadRequest("request body too large or unreadable".into()))?;
        if !is_utf8_form(&bytes) {
            return Err(AppError::BadRequest("the form held text that is not valid UTF-8".into()));
        }
        let token: CsrfField = serde_html_form::from_bytes(&bytes).map_err(|_| AppError::Csrf)?;
        if ctx.csrf_token().is_empty() || !constant_time_eq(&token.csrf, ctx.csrf_token()) {
            return Err(AppError::Csrf);
        }
        let form = serde_html_form::from_bytes(&bytes).map_err(|e| AppError::BadRequest(e.to_string()))?;
        Ok(Submitted(form))
    }
}

/// True when every percent-decoded key and value of a form body is valid UTF-8. The form
/// parser would otherwise replace bad bytes with U+FFFD and store the damage silently.
fn is_utf8_form(body: &[u8]) -> bool {
    fn hex(digit: u8) -> Option<u8> {
        (digit as char).to_digit(16).map(|d| d as u8)
    }
    body.split(|b| matches!(b, b'&' | b'=')).all(|part| {
        let mut decoded = Vec::with_capacity(part.len());
        let mut i = 0;
        while i < part.len() {
            match part[i] {
                b'%' => match (part.get(i + 1).copied().and_then(hex), part.get(i + 2).copied().and_then(hex)) {
                    (Some(high), Some(low)) => {
                        decoded.push(high * 16 + low);
                        i += 3;
                        continue;
                    }
                    _ => decoded.push(b'%'),
                },
                b'+' => decoded.push(b' '),
                other => decoded.push(other),
            }
            i += 1;
        }
        std::str::from_utf8(&decoded).is_ok()
    })
}

/// Where to go after a form: a local path only, never another site.
pub fn local_path(raw: &str) -> String {
    let ok =
        raw.starts_with('/') && !raw.starts_with("//") && !raw.contains('\\') && !raw.chars().any(char::is_control);
    if ok {
        raw.to_owned()
    } else {
        "/".to_owned()
    }
}

/// A record's id from the path. A segment that is not a positive whole number names no record:
/// 404, the same answer as for a missing record or another organisation's.
#[derive(Debug, Clone, Copy)]
pub struct PathId(pub i64);

/// Two record ids from the path, e.g. an assessment and one of its tasks.
#[derive(Debug, Clone, Copy)]
pub struct PathIds(pub i64, pub i64);

/// Three record ids from the path, e.g. a map, one of its meetings and an actor attending it.
#[derive(Debug, Clone, Copy)]
pub struct PathIds3(pub i64, pub i64, pub i64);

impl<S: Send + Sync> FromRequestParts<S> for PathIds3 {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path((first, second, third)) =
            axum::extract::Path::<(String, String, String)>::from_request_parts(parts, state)
                .await
                .map_err(|_| AppError::NotFound)?;
        Ok(PathIds3(record_id(&first)?, record_id(&second)?, record_id(&third)?))
    }
}

/// A record id and a key inside it from the path, e.g. a questionnaire and one of its items
/// (keys are what definitions allow as ids: lower-case letters, digits, - and _).
#[derive(Debug, Clone)]
pub struct PathIdAndKey(pub i64, pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathIdAndKey {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path((first, key)) =
            axum::extract::Path::<(String, String)>::from_request_parts(parts, state)
                .await
                .map_err(|_| AppError::NotFound)?;
        let usable = (1..=40).contains(&key.len())
            && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !usable {
            return Err(AppError::NotFound);
        }
        Ok(PathIdAndKey(record_id(&first)?, key))
    }
}

fn record_id(raw: &str) -> Result<i64, AppError> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).ok_or(AppError::NotFound)
}

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(raw) =
            axum::extract::Path::<String>::from_request_parts(parts, state).await.map_err(|_| AppError::NotFound)?;
        Ok(PathId(record_id(&raw)?))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for PathIds {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path((first, second)) =
            axum::extract::Path::<(String, String)>::from_request_parts(parts, state)
                .await
                .map_err(|_| AppError::NotFound)?;
        Ok(PathIds(record_id(&first)?, record_id(&second)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/initiatives?q=a"), "/initiatives?q=a");
        for bad in ["//evil.example", "https://evil.example", "/\\evil", "javascript:alert(1)", ""] {
            assert_eq!(local_path(bad), "/", "{bad}");
        }
    }

    #[test]
    fn forms_with_invalid_utf8_are_recognised() {
        assert!(is_utf8_form(b"name=V%C3%A5ld+i+n%C3%A4ra&topic=x"));
        assert!(is_utf8_form(b"name=100%&x=%zz"));
        assert!(!is_utf8_form(b"name=%FF%FE&topic=x"));
        assert!(!is_utf8_form(b"%C3=1"));
    }

    #[test]
    fn cookies_are_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=1; parat_lang=da; b=2"));
        assert_eq!(cookie(&headers, LANGUAGE_COOKIE), Some("da"));
        assert_eq!(request_locale(&headers), Locale::Da);
    }
}
