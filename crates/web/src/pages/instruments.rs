//! Instruments: the ones Parat ships (with their definitions to download) and the
//! organisation's own, loaded by an administrator — for example licensed handbook texts.

use super::NoticeQuery;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use parat_core::readiness::assessment::own_instrument_id;
use parat_core::readiness::instrument::{builtin, builtin_source};
use parat_core::FieldErrors;
use parat_store::{instruments, StoreError};
use serde::Deserialize;

use super::{redirect_with_cookies, rejected};
use crate::context::{Member, Submitted};
use crate::views::forms::{self, csrf, Field};
use crate::views::layout::{notice, page, Nav};
use crate::{AppError, AppState};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DefinitionForm {
    definition: String,
}

async fn view(
    state: &AppState,
    member: &Member,
    typed: &str,
    refusal: Option<&str>,
    notice_key: Option<&str>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let own = instruments::list(&state.db, &member.scope).await?;
    let no_errors = FieldErrors::new();
    let body = html! {
        (notice(ctx, notice_key))
        h1 { (ctx.t("instruments-title")) }
        p { (ctx.t("instruments-intro")) }
        h2 { (ctx.t("instruments-builtin")) }
        ul { @for i in builtin() {
            li { (i.name.get(ctx.locale)) " · " a href=(format!("/instruments/{}.toml", i.id)) { (ctx.t("instruments-download")) } }
        } }
        h2 { (ctx.t("instruments-own")) }
        @if own.is_empty() { p { (ctx.t("instruments-own-none")) } } @else {
            ul { @for i in &own {
                li { (i.name) " · " a href=(format!("/instruments/{}.toml", i.key())) { (ctx.t("instruments-download")) } }
            } }
        }
        @if member.scope.role().can_administer() {
            h3 { (ctx.t("instruments-load")) }
            p.hint { (ctx.t("instruments-load-hint")) }
            @if let Some(refusal) = refusal {
                div.error-summary #error-summary role="alert" tabindex="-1" {
                    h2 { (ctx.t("error-summary-title")) }
                    p { (ctx.t("instruments-refused")) " " code { (refusal) } }
                }
            }
            form.stacked method="post" action="/instruments" {
                (csrf(ctx))
                (forms::textarea(ctx, Field::new(ctx, "definition", "instruments-definition", &no_errors).required(), typed))
                button.primary type="submit" { (ctx.t("instruments-load")) }
            }
        }
    };
    Ok(page(ctx, &ctx.t("instruments-title"), Nav::Organisations, body))
}

pub async fn list(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    view(&state, &member, "", None, query.notice.as_deref()).await
}

pub async fn create(
    State(state): State<AppState>,
    member: Member,
    Submitted(form): Submitted<DefinitionForm>,
) -> Result<Response, AppError> {
    match instruments::create(&state.db, &member.scope, &form.definition).await {
        Ok(_) => Ok(redirect_with_cookies("/instruments?notice=instrument-loaded", &[])),
        Err(StoreError::Refused(reason)) => {
            Ok(rejected(view(&state, &member, &form.definition, Some(&reason), None).await?))
        }
        Err(other) => Err(other.into()),
    }
}

/// A definition as TOML: a shipped one as the starting point for an organisation's own.
pub async fn download(
    State(state): State<AppState>,
    member: Member,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let key = file.strip_suffix(".toml").ok_or(AppError::NotFound)?;
    let text = match own_instrument_id(key) {
        Some(id) => instruments::definition(&state.db, &member.scope, id).await?,
        None => builtin_source(key).ok_or(AppError::NotFound)?.to_owned(),
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/toml; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{key}.toml\"")),
        ],
        text,
    )
        .into_response())
}
