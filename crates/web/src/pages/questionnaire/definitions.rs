//! The questionnaires an organisation can send: Parat's own, and its own — loaded from a
//! definition file (for example licensed texts) — each to preview and to download.

use axum::extract::Query;

use super::answer::{sheet_page, Mode, Sheet, Values};
use super::*;
use crate::pages::download;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DefinitionForm {
    definition: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct Reference {
    #[serde(rename = "ref", default)]
    reference: String,
}

async fn list_view(
    state: &AppState,
    member: &Member,
    typed: &str,
    refusal: Option<&str>,
    notice_key: Option<&str>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let available = store::available(&state.db, &member.scope).await?;
    let encode = crate::error::encode_query_value;
    let body = html! {
        (notice(ctx, notice_key))
        h1 { (ctx.t("qn-questionnaires-title")) }
        p { (ctx.t("qn-questionnaires-intro")) }
        div.table-wrap { table {
            caption.visually-hidden { (ctx.t("qn-questionnaires-title")) }
            thead { tr {
                th scope="col" { (ctx.t("qn-questionnaire")) }
                th scope="col" { (ctx.t("qn-follows")) }
                th scope="col" { span.visually-hidden { (ctx.t("actions")) } }
            } }
            tbody { @for a in &available { tr {
                td { (a.name.get(ctx.locale)) }
                td { (a.definition.follows.as_ref().map(|f| f.get(ctx.locale).to_owned()).unwrap_or_else(|| "–".into())) }
                td {
                    a href=(format!("/questionnaires/preview?ref={}", encode(&a.reference))) { (ctx.t("qn-preview")) }
                    " · "
                    a href=(format!("/questionnaires/definition.toml?ref={}", encode(&a.reference))) { (ctx.t("instruments-download")) }
                }
            } } }
        } }
        @if member.scope.role().can_edit_initiatives() {
            h2 { (ctx.t("qn-load")) }
            p.hint { (ctx.t("qn-load-hint")) }
            @if let Some(refusal) = refusal {
                div.error-summary #error-summary role="alert" tabindex="-1" {
                    h2 { (ctx.t("error-summary-title")) }
                    p { (ctx.t("qn-load-refused")) " " code { (refusal) } }
                }
            }
            form.stacked method="post" action="/questionnaires" {
                (csrf(ctx))
                (forms::textarea(ctx, Field::new(ctx, "definition", "qn-definition", &FieldErrors::new()), typed))
                button.primary type="submit" { (ctx.t("qn-load-button")) }
            }
        }
    };
    Ok(page(ctx, &ctx.t("qn-questionnaires-title"), Nav::Initiatives, body))
}

pub async fn questionnaires(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    list_view(&state, &member, "", None, query.notice.as_deref()).await
}

pub async fn load_questionnaire(
    State(state): State<AppState>,
    member: Member,
    Submitted(form): Submitted<DefinitionForm>,
) -> Result<Response, AppError> {
    match store::save_own(&state.db, &member.scope, &form.definition).await {
        Ok(_) => Ok(axum::response::Redirect::to("/questionnaires?notice=qn-loaded").into_response()),
        Err(parat_store::StoreError::Refused(reason)) => {
            let view = list_view(&state, &member, &form.definition, Some(&reason), None).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, view).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

async fn definition_of(state: &AppState, member: &Member, reference: &str) -> Result<Definition, AppError> {
    let source = store::source_of(&state.db, &member.scope, reference).await.map_err(|e| match e {
        parat_store::StoreError::Invalid(_) => AppError::NotFound,
        other => other.into(),
    })?;
    Definition::from_toml(&source).map_err(|_| AppError::NotFound)
}

/// The questionnaire as a respondent will see it, without saving anything.
pub async fn preview(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<Reference>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let definition = definition_of(&state, &member, &query.reference).await?;
    let issue = ctx.t("qn-preview-issue");
    let title = definition.name.get(ctx.locale).to_owned();
    let sheet = Sheet { definition: &definition, title: &title, issue: &issue, anonymous: true, mode: Mode::Preview };
    Ok(sheet_page(ctx, &sheet, &Values::new(), &[], None))
}

pub async fn definition_file(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<Reference>,
) -> Result<Response, AppError> {
    let source = store::source_of(&state.db, &member.scope, &query.reference).await.map_err(|e| match e {
        parat_store::StoreError::Invalid(_) => AppError::NotFound,
        other => other.into(),
    })?;
    let name = query.reference.replace(':', "-");
    Ok(download(source.into_bytes(), "application/toml; charset=utf-8", &format!("{name}.toml")))
}
