//! The person's own settings: language, password and API tokens; and choosing a new password
//! through a one-time link.

use super::EmptyForm;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use parat_core::account::NewPassword;
use parat_core::locale::Locale;
use parat_core::{FieldErrors, Problem};
use parat_store::{accounts, tokens, Secret, StoreError};
use serde::Deserialize;

use super::{redirect_with_cookies, rejected};
use crate::context::{local_path, LoggedIn, Member, PathId, Submitted, LANGUAGE_COOKIE};
use crate::views::forms::{self, action_button, csrf, error_summary, Field};
use crate::views::layout::{notice, page, Nav};
use crate::{AppError, AppState, Ctx};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LanguageForm {
    locale: String,
    return_to: String,
}

/// Changes the language for this browser and, when logged in, for the account.
pub async fn change_language(
    State(state): State<AppState>,
    ctx: Ctx,
    Submitted(form): Submitted<LanguageForm>,
) -> Result<Response, AppError> {
    let locale = Locale::parse(&form.locale).map_err(|_| AppError::BadRequest("unknown language".into()))?;
    if let Some(user) = &ctx.user {
        accounts::set_locale(&state.db, user.user_id, locale).await?;
    }
    let back = local_path(&form.return_to);
    Ok(redirect_with_cookies(&back, &[ctx.cookie(LANGUAGE_COOKIE, locale.key(), 365 * 24 * 3600)]))
}

#[derive(Debug, Default, Deserialize)]
pub struct AccountQuery {
    notice: Option<String>,
}

/// What the account page shows besides the account: a token just made, and forms that came
/// back with problems (a rejected password form never shows the passwords typed).
#[derive(Default)]
struct AccountForms<'a> {
    new_token: Option<&'a Secret>,
    token_name: &'a str,
    token_errors: FieldErrors,
    password_errors: FieldErrors,
}

async fn view(
    state: &AppState,
    ctx: &Ctx,
    user_id: i64,
    forms_state: &AccountForms<'_>,
    notice_key: Option<&str>,
) -> Result<Markup, AppError> {
    let user = ctx.user.as_ref().ok_or(AppError::Unauthorised)?;
    let list = tokens::list(&state.db, user_id).await?;
    let (new_token, name, errors) = (forms_state.new_token, forms_state.token_name, &forms_state.token_errors);
    let password_errors = &forms_state.password_errors;
    let body = html! {
        (notice(ctx, notice_key))
        h1 { (ctx.t("nav-account")) }
        dl.details {
            dt { (ctx.t("field-display-name")) } dd { (user.display_name) }
            dt { (ctx.t("field-email")) } dd { (user.email) }
            dt { (ctx.t("language")) } dd { (user.locale.native_name()) }
        }
        h2 #password { (ctx.t("password-title")) }
        (error_summary(ctx, password_errors, &[("current_password", ctx.t("field-current-password")), ("password", ctx.t("field-new-password")), ("password_confirmation", ctx.t("field-new-password-confirmation"))]))
        form.stacked method="post" action="/account/password" novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "current_password", "field-current-password", password_errors).required(), "password", "", Some("current-password")))
            (forms::input(ctx, Field::new(ctx, "password", "field-new-password", password_errors).required().hint(ctx.t("hint-password")), "password", "", Some("new-password")))
            (forms::input(ctx, Field::new(ctx, "password_confirmation", "field-new-password-confirmation", password_errors).required(), "password", "", Some("new-password")))
            button type="submit" { (ctx.t("password-change")) }
        }
        h2 { (ctx.t("tokens-title")) }
        p { (ctx.t("tokens-intro")) }
        @if let Some(token) = new_token {
            div.notice role="status" {
                p { (ctx.t("token-created-once")) }
                p { code.token { (token.expose()) } }
            }
        }
        @if list.is_empty() { p { (ctx.t("tokens-none")) } } @else {
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("tokens-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("field-name")) }
                    th scope="col" { (ctx.t("current-organisation")) }
                    th scope="col" { (ctx.t("token-created")) }
                    th scope="col" { (ctx.t("token-last-used")) }
                    th scope="col" { span.visually-hidden { (ctx.t("actions")) } }
                } }
                tbody { @for t in &list { tr {
                    td { (t.name) }
                    td { (t.org_name) }
                    td.date { (ctx.date_time(t.created_at)) }
                    td.date { (t.last_used_at.map(|at| ctx.date_time(at)).unwrap_or_else(|| "–".into())) }
                    td { (action_button(ctx, &format!("/account/tokens/{}/revoke", t.id), &ctx.t_with("token-revoke", &[("name", t.name.clone().into())]), "small secondary")) }
                } } }
            } }
        }
        @if user.current.is_some() {
            h3 { (ctx.t("token-new")) }
            (error_summary(ctx, errors, &[("name", ctx.t("field-token-name"))]))
            form.stacked method="post" action="/account/tokens" novalidate {
                (csrf(ctx))
                (forms::input(ctx, Field::new(ctx, "name", "field-token-name", errors).required().hint(ctx.t("hint-token-name")), "text", name, Some("off")))
                button.primary type="submit" { (ctx.t("token-create")) }
            }
            p { a href="/api/v1/openapi.json" { (ctx.t("api-documentation")) } }
        }
    };
    Ok(page(ctx, &ctx.t("nav-account"), Nav::Account, body))
}

pub async fn show(
    State(state): State<AppState>,
    LoggedIn { ctx, user }: LoggedIn,
    Query(query): Query<AccountQuery>,
) -> Result<Markup, AppError> {
    view(&state, &ctx, user.user_id, &AccountForms::default(), query.notice.as_deref()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenForm {
    name: String,
}

pub async fn create_token(
    State(state): State<AppState>,
    member: Member,
    Submitted(form): Submitted<TokenForm>,
) -> Result<Response, AppError> {
    match tokens::create(&state.db, &member.scope, &form.name).await {
        // Shown once, on this response; never stored in clear or put in a URL.
        Ok(token) => {
            let shown = AccountForms { new_token: Some(&token), ..Default::default() };
            Ok(view(&state, &member.ctx, member.user.user_id, &shown, None).await?.into_response())
        }
        Err(StoreError::Invalid(errors)) => {
            let typed = AccountForms { token_name: &form.name, token_errors: errors, ..Default::default() };
            Ok(rejected(view(&state, &member.ctx, member.user.user_id, &typed, None).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    LoggedIn { user, .. }: LoggedIn,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    tokens::revoke(&state.db, user.user_id, id).await?;
    Ok(redirect_with_cookies("/account?notice=token-revoked", &[]))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    current_password: String,
    password: String,
    password_confirmation: String,
}

/// The new password as typed twice: every problem tied to its field.
fn new_password(password: &str, confirmation: &str, errors: &mut FieldErrors) -> Option<NewPassword> {
    let parsed = errors.check("password", NewPassword::parse(password));
    if parsed.is_some() && password != confirmation {
        errors.add("password_confirmation", Problem::Mismatch);
        return None;
    }
    parsed
}

/// Changes one's own password; the account's other sessions end.
pub async fn change_password(
    State(state): State<AppState>,
    LoggedIn { ctx, user }: LoggedIn,
    Submitted(form): Submitted<PasswordForm>,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::new();
    if form.current_password.is_empty() {
        errors.add("current_password", Problem::Required);
    }
    let password = new_password(&form.password, &form.password_confirmation, &mut errors);
    let session = ctx.session_token.clone().ok_or(AppError::Unauthorised)?;
    let result = match password {
        Some(password) if errors.is_empty() => {
            accounts::change_password(&state.db, user.user_id, &session, &form.current_password, &password).await
        }
        _ => Err(StoreError::Invalid(errors)),
    };
    match result {
        Ok(()) => Ok(redirect_with_cookies("/account?notice=password-changed", &[])),
        Err(StoreError::Invalid(errors)) => {
            let typed = AccountForms { password_errors: errors, ..Default::default() };
            Ok(rejected(view(&state, &ctx, user.user_id, &typed, None).await?))
        }
        Err(other) => Err(other.into()),
    }
}

/// For someone who has forgotten their password: who can give them a new-password link.
pub async fn forgot_password(ctx: Ctx) -> Markup {
    let body = html! {
        h1 { (ctx.t("forgot-title")) }
        p { (ctx.t("forgot-text")) }
        p { (ctx.t("forgot-several")) }
        p { a href="/login" { (ctx.t("forgot-back")) } }
    };
    page(&ctx, &ctx.t("forgot-title"), Nav::None, body)
}

fn reset_view(ctx: &Ctx, token: &str, name: &str, errors: &FieldErrors) -> Markup {
    let body = html! {
        h1 { (ctx.t("reset-title")) }
        p { (ctx.t_with("reset-intro", &[("name", name.to_owned().into())])) }
        (error_summary(ctx, errors, &[("password", ctx.t("field-new-password")), ("password_confirmation", ctx.t("field-new-password-confirmation"))]))
        form.stacked method="post" action=(format!("/reset/{token}")) novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "password", "field-new-password", errors).required().hint(ctx.t("hint-password")), "password", "", Some("new-password")))
            (forms::input(ctx, Field::new(ctx, "password_confirmation", "field-new-password-confirmation", errors).required(), "password", "", Some("new-password")))
            button.primary type="submit" { (ctx.t("reset-submit")) }
        }
    };
    page(ctx, &ctx.t("reset-title"), Nav::None, body)
}

/// The page a one-time new-password link opens; an unknown, used or expired link is not found.
pub async fn reset_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Result<Markup, AppError> {
    let secret = Secret::from_client(&token).ok_or(AppError::NotFound)?;
    let name = accounts::reset_token_user(&state.db, &secret).await?.ok_or(AppError::NotFound)?;
    Ok(reset_view(&ctx, &token, &name, &FieldErrors::new()))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResetForm {
    password: String,
    password_confirmation: String,
}

pub async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Submitted(form): Submitted<ResetForm>,
) -> Result<Response, AppError> {
    let secret = Secret::from_client(&token).ok_or(AppError::NotFound)?;
    let name = accounts::reset_token_user(&state.db, &secret).await?.ok_or(AppError::NotFound)?;
    let mut errors = FieldErrors::new();
    match new_password(&form.password, &form.password_confirmation, &mut errors) {
        Some(password) => {
            accounts::reset_password(&state.db, &secret, &password).await?;
            Ok(redirect_with_cookies("/login?notice=password-reset", &[]))
        }
        None => Ok(rejected(reset_view(&ctx, &token, &name, &errors))),
    }
}
