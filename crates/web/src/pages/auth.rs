//! Logging in and out, and the one-time setup of the first administrator.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use parat_core::account::{DisplayName, Email, NewPassword};
use parat_core::organisation::{OrgKind, ORGANISATION_NAME_MAX};
use parat_core::validation::required_text;
use parat_core::{FieldErrors, Problem};
use parat_store::accounts::{self, FirstAdmin, NewUser};
use parat_store::{sessions, Secret};
use serde::Deserialize;

use super::{redirect_with_cookies, rejected};
use crate::context::{local_path, Submitted, LANGUAGE_COOKIE, SESSION_COOKIE};
use crate::views::forms::{self, csrf, error_summary, Field};
use crate::views::layout::{page, Nav};
use crate::{AppError, AppState, Ctx};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
    notice: Option<String>,
}

fn login_view(ctx: &Ctx, form: &LoginForm, errors: &FieldErrors, message: Option<String>) -> Markup {
    login_view_with_notice(ctx, form, errors, message, None)
}

fn login_view_with_notice(
    ctx: &Ctx,
    form: &LoginForm,
    errors: &FieldErrors,
    message: Option<String>,
    notice_key: Option<&str>,
) -> Markup {
    let body = html! {
        div.narrow {
            (crate::views::layout::notice(ctx, notice_key))
            h1 { (ctx.t("login-title")) }
            @if let Some(message) = message {
                div.error-summary role="alert" #error-summary tabindex="-1" { p { (message) } }
            }
            (error_summary(ctx, errors, &[("email", ctx.t("field-email")), ("password", ctx.t("field-password"))]))
            form method="post" action="/login" novalidate {
                (csrf(ctx))
                input type="hidden" name="next" value=(form.next);
                (forms::input(ctx, Field::new(ctx, "email", "field-email", errors).required(), "email", &form.email, Some("username")))
                (forms::input(ctx, Field::new(ctx, "password", "field-password", errors).required(), "password", "", Some("current-password")))
                button.primary type="submit" { (ctx.t("login-submit")) }
            }
            p { a href="/password/forgot" { (ctx.t("forgot-link")) } }
        }
    };
    page(ctx, &ctx.t("login-title"), Nav::None, body)
}

pub async fn login_page(ctx: Ctx, Query(query): Query<NextQuery>) -> Response {
    if ctx.user.is_some() {
        return redirect_with_cookies(&local_path(query.next.as_deref().unwrap_or("/")), &[]);
    }
    let form = LoginForm { next: query.next.unwrap_or_default(), ..Default::default() };
    login_view_with_notice(&ctx, &form, &FieldErrors::new(), None, query.notice.as_deref()).into_response()
}

pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    Submitted(form): Submitted<LoginForm>,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::new();
    if form.email.trim().is_empty() {
        errors.add("email", Problem::Required);
    }
    if form.password.is_empty() {
        errors.add("password", Problem::Required);
    }
    if !errors.is_empty() {
        return Ok(rejected(login_view(&ctx, &form, &errors, None)));
    }
    // The attempt is recorded as a failure before the password is checked (and cleared when it
    // is right), so that a burst of parallel guesses cannot all pass the check.
    let attempt = accounts::begin_login_attempt(&state.db, &form.email, &ctx.client_address).await?;
    if attempt == accounts::LoginAttempt::Throttled {
        let view = login_view(&ctx, &form, &FieldErrors::new(), Some(ctx.t("login-throttled")));
        let mut response = (axum::http::StatusCode::TOO_MANY_REQUESTS, view).into_response();
        response.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static("900"));
        return Ok(response);
    }
    let Some(user_id) = accounts::authenticate(&state.db, &form.email, &form.password).await? else {
        tracing::info!("login failed");
        let view = login_view(&ctx, &form, &FieldErrors::new(), Some(ctx.t("login-failed")));
        return Ok((axum::http::StatusCode::UNAUTHORIZED, view).into_response());
    };
    accounts::clear_login_failures(&state.db, &form.email).await?;
    let token = sessions::create(&state.db, user_id).await?;
    let user = sessions::lookup(&state.db, &token).await?.ok_or(AppError::Unauthorised)?;
    let cookies = [
        ctx.cookie(SESSION_COOKIE, token.expose(), sessions::IDLE_SECONDS),
        ctx.cookie(LANGUAGE_COOKIE, user.locale.key(), 365 * 24 * 3600),
    ];
    let next = if form.next.is_empty() { "/".to_owned() } else { local_path(&form.next) };
    Ok(redirect_with_cookies(&next, &cookies))
}

pub async fn logout(
    State(state): State<AppState>,
    ctx: Ctx,
    Submitted(_): Submitted<LogoutForm>,
) -> Result<Response, AppError> {
    if let Some(token) = &ctx.session_token {
        sessions::delete(&state.db, token).await?;
    }
    Ok(redirect_with_cookies("/login", &[ctx.cookie(SESSION_COOKIE, "", 0)]))
}

#[derive(Debug, Default, Deserialize)]
pub struct LogoutForm {}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct SetupForm {
    display_name: String,
    email: String,
    password: String,
    password_confirmation: String,
    org_name: String,
    org_kind: String,
}

fn kind_options(ctx: &Ctx) -> Vec<(String, String)> {
    OrgKind::ALL.iter().map(|k| (k.key().to_owned(), ctx.t(&format!("org-kind-{}", k.key())))).collect()
}

fn setup_view(ctx: &Ctx, token: &str, form: &SetupForm, errors: &FieldErrors) -> Markup {
    let labels = [
        ("display_name", ctx.t("field-display-name")),
        ("email", ctx.t("field-email")),
        ("password", ctx.t("field-password")),
        ("password_confirmation", ctx.t("field-password-confirmation")),
        ("org_name", ctx.t("field-organisation-name")),
        ("org_kind", ctx.t("field-organisation-kind")),
    ];
    let body = html! {
        div.narrow {
            h1 { (ctx.t("setup-title")) }
            p { (ctx.t("setup-intro")) }
            (error_summary(ctx, errors, &labels))
            form method="post" action=(format!("/setup/{token}")) novalidate {
                (csrf(ctx))
                fieldset {
                    legend { (ctx.t("setup-you")) }
                    (forms::input(ctx, Field::new(ctx, "display_name", "field-display-name", errors).required(), "text", &form.display_name, Some("name")))
                    (forms::input(ctx, Field::new(ctx, "email", "field-email", errors).required(), "email", &form.email, Some("email")))
                    (forms::input(ctx, Field::new(ctx, "password", "field-password", errors).required()
                        .hint(ctx.t_with("password-hint", &[("n", (NewPassword::MIN as f64).into())])), "password", "", Some("new-password")))
                    (forms::input(ctx, Field::new(ctx, "password_confirmation", "field-password-confirmation", errors).required(), "password", "", Some("new-password")))
                }
                fieldset {
                    legend { (ctx.t("setup-organisation")) }
                    (forms::input(ctx, Field::new(ctx, "org_name", "field-organisation-name", errors).required(), "text", &form.org_name, Some("organization")))
                    (forms::select(ctx, Field::new(ctx, "org_kind", "field-organisation-kind", errors).required(), &kind_options(ctx), &form.org_kind, Some(ctx.t("choose"))))
                }
                button.primary type="submit" { (ctx.t("setup-submit")) }
            }
        }
    };
    page(ctx, &ctx.t("setup-title"), Nav::None, body)
}

async fn valid_setup_token(state: &AppState, raw: &str) -> Result<Secret, AppError> {
    let token = Secret::from_client(raw).ok_or(AppError::NotFound)?;
    if accounts::setup_token_is_valid(&state.db, &token).await? {
        Ok(token)
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn setup_page(State(state): State<AppState>, ctx: Ctx, Path(raw): Path<String>) -> Result<Markup, AppError> {
    valid_setup_token(&state, &raw).await?;
    Ok(setup_view(&ctx, &raw, &SetupForm::default(), &FieldErrors::new()))
}

pub async fn setup(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(raw): Path<String>,
    Submitted(form): Submitted<SetupForm>,
) -> Result<Response, AppError> {
    let token = valid_setup_token(&state, &raw).await?;
    let mut errors = FieldErrors::new();
    let display_name = errors.check("display_name", DisplayName::parse(&form.display_name));
    let email = errors.check("email", Email::parse(&form.email));
    let password = errors.check("password", NewPassword::parse(&form.password));
    if password.is_some() && form.password != form.password_confirmation {
        errors.add("password_confirmation", Problem::Mismatch);
    }
    let org_name = errors.check("org_name", required_text(&form.org_name, ORGANISATION_NAME_MAX));
    let org_kind = errors.check("org_kind", OrgKind::parse(&form.org_kind));
    let first = errors.finish(|| {
        Some(FirstAdmin {
            user: NewUser { email: email?, display_name: display_name?, password: password?, locale: ctx.locale },
            org_name: org_name?,
            org_kind: org_kind?,
        })
    });
    let first = match first {
        Ok(first) => first,
        Err(errors) => return Ok(rejected(setup_view(&ctx, &raw, &form, &errors))),
    };
    let (user_id, _) = match accounts::complete_setup(&state.db, &token, &first).await {
        Ok(ids) => ids,
        Err(parat_store::StoreError::Invalid(errors)) => return Ok(rejected(setup_view(&ctx, &raw, &form, &errors))),
        Err(other) => return Err(other.into()),
    };
    tracing::info!("first administrator set up");
    let session = sessions::create(&state.db, user_id).await?;
    Ok(redirect_with_cookies("/", &[ctx.cookie(SESSION_COOKIE, session.expose(), sessions::IDLE_SECONDS)]))
}

/// The page at `/` before anyone has set Parat up.
pub fn not_set_up(ctx: &Ctx) -> Markup {
    let body = html! {
        div.narrow {
            h1 { (ctx.t("not-set-up-title")) }
            p { (ctx.t("not-set-up-body")) }
        }
    };
    page(ctx, &ctx.t("not-set-up-title"), Nav::None, body)
}
