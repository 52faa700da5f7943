//! The person's own settings: language and API tokens.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use parat_core::locale::Locale;
use parat_core::FieldErrors;
use parat_store::{accounts, tokens, Secret, StoreError};
use serde::Deserialize;

use super::{parse_id, redirect_with_cookies, rejected};
use crate::context::{local_path, LoggedIn, Member, Submitted, LANGUAGE_COOKIE};
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

async fn view(
    state: &AppState,
    ctx: &Ctx,
    user_id: i64,
    new_token: Option<&Secret>,
    name: &str,
    errors: &FieldErrors,
    notice_key: Option<&str>,
) -> Result<Markup, AppError> {
    let user = ctx.user.as_ref().ok_or(AppError::Unauthorised)?;
    let list = tokens::list(&state.db, user_id).await?;
    let body = html! {
        (notice(ctx, notice_key))
        h1 { (ctx.t("nav-account")) }
        dl.details {
            dt { (ctx.t("field-display-name")) } dd { (user.display_name) }
            dt { (ctx.t("field-email")) } dd { (user.email) }
            dt { (ctx.t("language")) } dd { (user.locale.native_name()) }
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
    view(&state, &ctx, user.user_id, None, "", &FieldErrors::new(), query.notice.as_deref()).await
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
        Ok(token) => Ok(view(&state, &member.ctx, member.user.user_id, Some(&token), "", &FieldErrors::new(), None)
            .await?
            .into_response()),
        Err(StoreError::Invalid(errors)) => {
            Ok(rejected(view(&state, &member.ctx, member.user.user_id, None, &form.name, &errors, None).await?))
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct EmptyForm {}

pub async fn revoke_token(
    State(state): State<AppState>,
    LoggedIn { user, .. }: LoggedIn,
    Path(id): Path<String>,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    tokens::revoke(&state.db, user.user_id, parse_id(&id)?).await?;
    Ok(redirect_with_cookies("/account?notice=token-revoked", &[]))
}
