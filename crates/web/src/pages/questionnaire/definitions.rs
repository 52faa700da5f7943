//! The questionnaires an organisation can send: Parat's own, and its own — loaded from a
//! definition file (for example licensed texts) — each to preview and to download.

use axum::extract::Query;
use parat_core::questionnaire::round::ListEntry;

use super::answer::{sheet_page, Mode, Sheet, Values};
use super::*;

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
    let builtin = parat_core::questionnaire::builtin();
    let own = store::own_list(&state.db, &member.scope).await?;
    let manage = member.scope.role().can_edit_initiatives();
    let encode = crate::error::encode_query_value;
    let links = |reference: &str| {
        html! {
            a href=(format!("/questionnaires/preview?ref={}", encode(reference))) { (ctx.t("qn-preview")) }
            " · "
            a href=(format!("/questionnaires/definition.toml?ref={}", encode(reference))) { (ctx.t("instruments-download")) }
        }
    };
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
            tbody { @for d in builtin { tr {
                td { (d.name.get(ctx.locale)) }
                td { (d.follows.as_ref().map(|f| f.get(ctx.locale).to_owned()).unwrap_or_else(|| "–".into())) }
                td { (links(&d.id)) }
            } } }
        } }
        div.title-row {
            h2 { (ctx.t("qn-own-title")) }
            @if manage { a.button.primary href="/questionnaires/new" { (ctx.t("qn-builder-start")) } }
        }
        @if own.is_empty() { p { (ctx.t("qn-own-none")) } } @else {
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("qn-own-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("qn-questionnaire")) }
                    th scope="col" { (ctx.t("field-status")) }
                    th scope="col" { span.visually-hidden { (ctx.t("actions")) } }
                } }
                tbody { @for o in &own { tr {
                    td { (o.source.name.get(ctx.locale)) }
                    td { (if o.ready.is_ok() { ctx.t("qn-own-ready") } else { ctx.t("qn-own-draft") }) }
                    td {
                        @if manage { a href=(format!("/questionnaires/{}/edit", o.id)) { (ctx.t("edit")) } " · " }
                        @if o.ready.is_ok() { (links(&o.reference())) } @else {
                            a href=(format!("/questionnaires/definition.toml?ref={}", encode(&o.reference()))) { (ctx.t("instruments-download")) }
                        }
                    }
                } } }
            } }
        }
        @if manage {
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
    // A roster's list comes with each round; the preview shows two sample entries.
    let entries: BTreeMap<String, Vec<ListEntry>> = definition
        .items()
        .filter_map(|i| match &i.kind {
            ItemKind::Roster { list, .. } => Some(list.clone()),
            _ => None,
        })
        .map(|list| {
            let sample = (1..=2)
                .map(|n| ListEntry {
                    key: format!("e{n}"),
                    label: ctx.t_with("qn-preview-entry", &[("n", f64::from(n).into())]),
                })
                .collect();
            (list, sample)
        })
        .collect();
    let sheet = Sheet {
        definition: &definition,
        title: &title,
        issue: &issue,
        anonymous: true,
        pair_code: false,
        entries: &entries,
        mode: Mode::Preview,
    };
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
