//! The site's pages, one module per area. Each handler parses its input, calls the store and
//! renders a view; errors go through [`crate::AppError`].

mod account;
mod audit;
mod auth;
pub(crate) mod campaign;
mod initiatives;
mod instruments;
mod landscape;
mod map;
mod members;
mod organisations;
mod outcomes;
mod project;
mod questionnaire;
mod readiness;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post, MethodRouter};
use axum::Router;

use crate::{AppError, AppState};

/// A router that keeps a list of what it serves: the app serves the router, and tests walk the
/// list, so that a check meant for every route (another organisation's member gets 404 on each)
/// cannot leave a new one out.
pub struct Routes {
    router: Router<AppState>,
    list: Vec<(&'static str, &'static str)>,
}

impl Routes {
    pub fn new() -> Routes {
        Routes { router: Router::new(), list: Vec::new() }
    }

    /// Serves `handlers` at `path`; `methods` names the methods they answer ("GET POST").
    pub fn route(mut self, path: &'static str, methods: &'static str, handlers: MethodRouter<AppState>) -> Routes {
        self.list.extend(methods.split_whitespace().map(|method| (method, path)));
        self.router = self.router.route(path, handlers);
        self
    }

    /// Another module's routes, served and listed with these.
    pub fn merge(mut self, other: Routes) -> Routes {
        self.list.extend(other.list);
        self.router = self.router.merge(other.router);
        self
    }

    pub fn into_router(self) -> Router<AppState> {
        self.router
    }

    /// Every (method, path template) served.
    pub fn list(&self) -> &[(&'static str, &'static str)] {
        &self.list
    }
}

impl Default for Routes {
    fn default() -> Self {
        Routes::new()
    }
}

pub fn routes() -> Routes {
    Routes::new()
        .route("/", "GET", get(initiatives::home))
        .route("/login", "GET POST", get(auth::login_page).post(auth::login))
        .route("/logout", "POST", post(auth::logout))
        .route("/setup/{token}", "GET POST", get(auth::setup_page).post(auth::setup))
        .route("/language", "POST", post(account::change_language))
        .route("/account", "GET", get(account::show))
        .route("/account/password", "POST", post(account::change_password))
        .route("/password/forgot", "GET", get(account::forgot_password))
        .route("/reset/{token}", "GET POST", get(account::reset_page).post(account::reset))
        .route("/members/{user_id}/reset-link", "POST", post(members::reset_link))
        .route("/account/tokens", "POST", post(account::create_token))
        .route("/account/tokens/{id}/revoke", "POST", post(account::revoke_token))
        .route("/initiatives", "GET POST", get(initiatives::list).post(initiatives::create))
        .route("/initiatives/new", "GET", get(initiatives::new_page))
        .route("/initiatives/{id}", "GET POST", get(initiatives::show).post(initiatives::update))
        .route("/initiatives/{id}/edit", "GET", get(initiatives::edit_page))
        .route("/initiatives/{id}/archive", "POST", post(initiatives::archive))
        .route("/initiatives/{id}/restore", "POST", post(initiatives::restore))
        .route("/organisations", "GET POST", get(organisations::list).post(organisations::create))
        .route("/organisations/new", "GET", get(organisations::new_page))
        .route("/organisations/switch", "POST", post(organisations::switch))
        .route("/organisation/edit", "GET POST", get(organisations::edit_page).post(organisations::update))
        .route("/members", "GET POST", get(members::list).post(members::add))
        .route("/members/{user_id}", "POST", post(members::change))
        .route("/members/{user_id}/remove", "GET", get(members::confirm_remove))
        .route("/audit", "GET", get(audit::list))
        .route("/instruments", "GET POST", get(instruments::list).post(instruments::create))
        .route("/instruments/{file}", "GET", get(instruments::download))
        .route("/frameworks", "POST", post(instruments::create_framework))
        .route("/frameworks/{file}", "GET", get(instruments::download_framework))
        .merge(readiness::routes())
        .merge(questionnaire::routes())
        .merge(landscape::routes())
        .merge(map::routes())
        .merge(outcomes::routes())
        .merge(project::routes())
        .merge(campaign::routes())
}

/// The organisation's people as `(id, name)`, for choosing who owns a piece of work.
pub async fn people(state: &AppState, member: &crate::context::Member) -> Result<Vec<(String, String)>, AppError> {
    Ok(parat_store::accounts::members(&state.db, &member.scope)
        .await?
        .into_iter()
        .map(|m| (m.user_id.to_string(), m.display_name))
        .collect())
}

/// A record's text, shortened for a button's accessible name ("Ändra …").
pub fn short(what: &str) -> String {
    let mut text: String = what.chars().take(40).collect();
    if what.chars().count() > 40 {
        text.push('…');
    }
    text
}

/// A form with nothing but its CSRF token: a button in a form of its own.
#[derive(Debug, Default, serde::Deserialize)]
pub struct EmptyForm {}

/// `?notice=…`, the key of a notice to show once after a redirect.
#[derive(Debug, Default, serde::Deserialize)]
pub struct NoticeQuery {
    pub notice: Option<String>,
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

/// The line a generated document ends with: made in Parat, when.
pub fn generated(ctx: &crate::Ctx) -> String {
    ctx.t_with("document-generated", &[("at", ctx.date_time(parat_store::now()).into())])
}

/// Parses a path id; anything that is not a positive number is simply not found.
pub fn parse_id(raw: &str) -> Result<i64, crate::AppError> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).ok_or(crate::AppError::NotFound)
}

/// The media type of an XLSX workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A document to save as PDF, Word or XLSX (its tables, one sheet each), as `format` names it
/// among those the page offers; any other is not found.
pub async fn document_file(
    document: parat_reports::document::Document,
    format: &str,
    offered: &[&str],
    name: &str,
    locale: parat_core::locale::Locale,
) -> Result<Response, AppError> {
    if !offered.contains(&format) {
        return Err(AppError::NotFound);
    }
    match format {
        "pdf" => Ok(download(blocking(move || document.pdf()).await?, "application/pdf", &format!("{name}.pdf"))),
        "docx" => Ok(download(
            blocking(move || document.docx()).await?,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            &format!("{name}.docx"),
        )),
        "xlsx" => {
            let sheets = crate::views::document::workbook_sheets(&document, locale);
            Ok(download(blocking(move || parat_reports::xlsx::workbook(&sheets)).await?, XLSX, &format!("{name}.xlsx")))
        }
        _ => Err(AppError::NotFound),
    }
}

/// Runs document work (PDF, XLSX, .docx) on a blocking thread; its failure is an internal error.
pub async fn blocking<T: Send + 'static, E: std::error::Error + Send + Sync + 'static>(
    work: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| AppError::Internal(Box::new(e)))?
        .map_err(|e| AppError::Internal(Box::new(e)))
}

/// A form sent as `multipart/form-data`: its text fields and its one file (name in lower case,
/// bytes), after its CSRF token has been checked.
pub struct Upload {
    pub fields: std::collections::BTreeMap<String, String>,
    pub file: Option<(String, Vec<u8>)>,
}

impl Upload {
    pub async fn read(ctx: &crate::Ctx, mut multipart: axum::extract::Multipart) -> Result<Upload, AppError> {
        let bad = |e: axum::extract::multipart::MultipartError| AppError::BadRequest(e.body_text());
        let mut upload = Upload { fields: Default::default(), file: None };
        while let Some(field) = multipart.next_field().await.map_err(bad)? {
            let name = field.name().unwrap_or("").to_owned();
            match field.file_name() {
                Some(file_name) => {
                    let file_name = file_name.to_lowercase();
                    let bytes = field.bytes().await.map_err(bad)?;
                    upload.file = Some((file_name, bytes.to_vec())).filter(|(_, b)| !b.is_empty());
                }
                None => {
                    let text = field.text().await.map_err(bad)?;
                    upload.fields.insert(name, text);
                }
            }
        }
        let token = upload.fields.get("csrf").map(String::as_str).unwrap_or("");
        if !parat_store::constant_time_eq(token, ctx.csrf_token()) {
            return Err(AppError::Csrf);
        }
        Ok(upload)
    }

    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }
}

/// Why an uploaded file was not read, as the problem shown beside its field.
pub fn upload_problem(error: parat_reports::UploadError) -> parat_core::Problem {
    use parat_core::Problem;
    use parat_reports::UploadError;
    match error {
        UploadError::Unreadable(_) => Problem::UnreadableFile,
        UploadError::TooLarge => Problem::FileTooLarge,
        UploadError::TooComplex => Problem::FileTooComplex,
        UploadError::NotText => Problem::FileNotText,
    }
}
