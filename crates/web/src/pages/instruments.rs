//! Definitions as data: the instruments and the landscape frameworks Parat ships (each to
//! download as a starting point) and the organisation's own, loaded by an administrator — for
//! example licensed handbook texts, or another national implementation model.

use super::NoticeQuery;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use parat_core::landscape::builtin_framework;
use parat_core::landscape::framework::BUILTIN_SOURCE as BUILTIN_FRAMEWORK;
use parat_core::readiness::assessment::own_instrument_id;
use parat_core::readiness::instrument::{builtin, builtin_source};
use parat_core::FieldErrors;
use parat_store::{instruments, landscape, StoreError};
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

/// Which kind of definition a form loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Instrument,
    Framework,
}

/// A definition refused: which form, what was typed, and why.
struct Refusal<'a> {
    kind: Kind,
    typed: &'a str,
    reason: &'a str,
}

/// The load form of one kind, with what was typed and the refusal if it was this one's.
fn load_form(ctx: &crate::Ctx, kind: Kind, action: &str, refusal: Option<&Refusal>) -> Markup {
    let refused = refusal.filter(|r| r.kind == kind);
    let (field, label) = match kind {
        Kind::Instrument => ("definition", "instruments-definition"),
        Kind::Framework => ("framework", "land-frameworks-definition"),
    };
    let no_errors = FieldErrors::new();
    html! {
        @if let Some(r) = refused {
            div.error-summary #error-summary role="alert" tabindex="-1" {
                h2 { (ctx.t("error-summary-title")) }
                p { (ctx.t("instruments-refused")) " " code { (r.reason) } }
            }
        }
        form.stacked method="post" action=(action) {
            (csrf(ctx))
            (forms::textarea(ctx, Field::new(ctx, field, label, &no_errors).required(), refused.map_or("", |r| r.typed)))
            button.primary type="submit" { (ctx.t(if kind == Kind::Instrument { "instruments-load" } else { "land-frameworks-load" })) }
        }
    }
}

async fn view(
    state: &AppState,
    member: &Member,
    refusal: Option<Refusal<'_>>,
    notice_key: Option<&str>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let own = instruments::list(&state.db, &member.scope).await?;
    let frameworks = landscape::own_frameworks(&state.db, &member.scope).await?;
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
            (load_form(ctx, Kind::Instrument, "/instruments", refusal.as_ref()))
        }
        h2 #frameworks { (ctx.t("land-frameworks-title")) }
        p { (ctx.t("land-frameworks-intro")) }
        ul {
            li { (builtin_framework().name.get(ctx.locale)) " · " a href=(format!("/frameworks/{}.toml", landscape::BUILTIN_KEY)) { (ctx.t("instruments-download")) } }
            @for f in &frameworks {
                li { (f.name) " · " a href=(format!("/frameworks/{}.toml", f.key())) { (ctx.t("instruments-download")) } }
            }
        }
        @if member.scope.role().can_administer() {
            h3 { (ctx.t("land-frameworks-load")) }
            p.hint { (ctx.t("land-frameworks-load-hint")) }
            (load_form(ctx, Kind::Framework, "/frameworks", refusal.as_ref()))
        }
    };
    Ok(page(ctx, &ctx.t("instruments-title"), Nav::Organisations, body))
}

pub async fn list(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    view(&state, &member, None, query.notice.as_deref()).await
}

pub async fn create(
    State(state): State<AppState>,
    member: Member,
    Submitted(form): Submitted<DefinitionForm>,
) -> Result<Response, AppError> {
    match instruments::create(&state.db, &member.scope, &form.definition).await {
        Ok(_) => Ok(redirect_with_cookies("/instruments?notice=instrument-loaded", &[])),
        Err(StoreError::Refused(reason)) => {
            let refusal = Refusal { kind: Kind::Instrument, typed: &form.definition, reason: &reason };
            Ok(rejected(view(&state, &member, Some(refusal), None).await?))
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FrameworkForm {
    framework: String,
}

/// Loads a landscape framework of the organisation's own; administrators only.
pub async fn create_framework(
    State(state): State<AppState>,
    member: Member,
    Submitted(form): Submitted<FrameworkForm>,
) -> Result<Response, AppError> {
    match landscape::create_own_framework(&state.db, &member.scope, &form.framework).await {
        Ok(_) => Ok(redirect_with_cookies("/instruments?notice=framework-loaded#frameworks", &[])),
        Err(StoreError::Refused(reason)) => {
            let refusal = Refusal { kind: Kind::Framework, typed: &form.framework, reason: &reason };
            Ok(rejected(view(&state, &member, Some(refusal), None).await?))
        }
        Err(other) => Err(other.into()),
    }
}

/// A landscape framework as TOML: Parat's, or one of the organisation's own.
pub async fn download_framework(
    State(state): State<AppState>,
    member: Member,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let key = file.strip_suffix(".toml").ok_or(AppError::NotFound)?;
    let text = if key == landscape::BUILTIN_KEY {
        BUILTIN_FRAMEWORK.to_owned()
    } else {
        let id = key.strip_prefix("org-").and_then(|id| id.parse::<i64>().ok()).ok_or(AppError::NotFound)?;
        landscape::own_definition(&state.db, &member.scope, id).await?
    };
    Ok(toml_file(key, text))
}

fn toml_file(key: &str, text: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/toml; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{key}.toml\"")),
        ],
        text,
    )
        .into_response()
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
    Ok(toml_file(key, text))
}
