//! The questionnaire builder: a coordinator starts an own questionnaire by name, then adds,
//! edits, moves and removes items and sections, and previews it. Every edit is a plain form post
//! (no script needed) that saves at once; a draft is offered for rounds once it checks.

use parat_core::questionnaire::builder::{EditError, ItemInput, Move, NewInput, BUILDER_KINDS, NAME_MAX, TEXT_MAX};
use parat_core::questionnaire::definition::SourceItem;
use parat_core::questionnaire::Source;
use parat_store::questionnaire::Own;

use super::*;
use crate::context::PathIdAndKey;

/// A builder form's fields with the version of the questionnaire it was made on.
#[derive(Debug, Default, Deserialize)]
pub struct ItemForm {
    #[serde(flatten)]
    item: ItemInput,
    #[serde(default)]
    version: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VersionForm {
    version: String,
    /// `up` or `down` for a move; a section's title when one is added; the name and description
    /// when renamed.
    direction: String,
    title: String,
    name: String,
    description: String,
}

fn version_of(raw: &str) -> i64 {
    raw.trim().parse().unwrap_or(-1)
}

fn require_builder(member: &Member) -> Result<(), AppError> {
    if member.scope.role().can_edit_initiatives() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn edit_url(id: i64) -> String {
    format!("/questionnaires/{id}/edit")
}

fn kind_options(ctx: &Ctx) -> Vec<(String, String)> {
    BUILDER_KINDS.iter().map(|k| ((*k).to_owned(), ctx.t(&format!("qn-kind-{}", k.replace('_', "-"))))).collect()
}

/// The fields of one item, for adding or editing.
fn item_fields(ctx: &Ctx, input: &ItemInput, errors: &FieldErrors, sections: &[(String, String)]) -> Markup {
    let required = input.required == "on";
    html! {
        (forms::select(ctx, Field::new(ctx, "kind", "qn-item-kind", errors).required().hint(ctx.t("qn-item-kind-hint")), &kind_options(ctx), &input.kind, Some(ctx.t("choose"))))
        (forms::textarea(ctx, Field::new(ctx, "text", "qn-item-text", errors).required().hint(ctx.t("qn-item-text-hint")), &input.text))
        (forms::input(ctx, Field::new(ctx, "help", "qn-item-help", errors), "text", &input.help, None))
        div.checkbox {
            input #f-required type="checkbox" name="required" value="on" checked[required];
            label for="f-required" { (ctx.t("qn-item-required")) }
        }
        (forms::textarea(ctx, Field::new(ctx, "options", "qn-item-options", errors).hint(ctx.t("qn-item-options-hint")), &input.options))
        fieldset.field {
            legend { (ctx.t("qn-item-range")) }
            p.hint { (ctx.t("qn-item-range-hint")) }
            div.field-row {
                (forms::input(ctx, Field::new(ctx, "min", "qn-item-min", errors), "text", &input.min, None))
                (forms::input(ctx, Field::new(ctx, "max", "qn-item-max", errors), "text", &input.max, None))
            }
            div.field-row {
                (forms::input(ctx, Field::new(ctx, "low", "qn-item-low", errors), "text", &input.low, None))
                (forms::input(ctx, Field::new(ctx, "high", "qn-item-high", errors), "text", &input.high, None))
            }
        }
        @if sections.len() > 1 {
            (forms::select(ctx, Field::new(ctx, "section", "qn-item-section", errors), sections, &input.section, None))
        }
    }
}

fn item_labels(ctx: &Ctx) -> Vec<(&'static str, String)> {
    vec![
        ("kind", ctx.t("qn-item-kind")),
        ("text", ctx.t("qn-item-text")),
        ("help", ctx.t("qn-item-help")),
        ("options", ctx.t("qn-item-options")),
        ("min", ctx.t("qn-item-min")),
        ("max", ctx.t("qn-item-max")),
        ("low", ctx.t("qn-item-low")),
        ("high", ctx.t("qn-item-high")),
    ]
}

/// Why a draft cannot be sent yet, in words a coordinator understands.
fn not_ready(ctx: &Ctx, own: &Own, reason: &str) -> String {
    if own.source.sections.iter().all(|s| s.items.is_empty()) {
        ctx.t("qn-builder-empty")
    } else {
        ctx.t_with("qn-builder-not-ready", &[("reason", reason.to_owned().into())])
    }
}

fn item_summary(ctx: &Ctx, item: &SourceItem) -> Markup {
    let kind = ctx.t(&format!("qn-kind-{}", item.kind.replace('_', "-")));
    html! {
        span.item-text { (item.text.get(ctx.locale)) }
        " "
        span.hint { "(" (kind) @if item.required { ", " (ctx.t("qn-item-required-short")) } ")" }
        @if !item.options.is_empty() {
            ul.options { @for o in &item.options { li { (o.label.get(ctx.locale)) } } }
        }
    }
}

async fn builder_view(
    member: &Member,
    own: &Own,
    adding: &ItemInput,
    errors: &FieldErrors,
    notice_key: Option<&str>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let id = own.id;
    let version = own.updated_at.to_string();
    let sections: Vec<(String, String)> =
        own.source.sections.iter().map(|s| (s.id.clone(), s.title.get(ctx.locale).to_owned())).collect();
    let buildable = |item: &SourceItem| BUILDER_KINDS.contains(&item.kind.as_str());
    let name = own.source.name.get(ctx.locale).to_owned();
    // Questions are numbered through the whole questionnaire, as respondents see them.
    let starts: Vec<usize> = own
        .source
        .sections
        .iter()
        .scan(0, |before, section| {
            let start = *before;
            *before += section.items.len();
            Some(start)
        })
        .collect();
    let body = html! {
        (notice(ctx, notice_key))
        p.breadcrumb { a href="/questionnaires" { (ctx.t("qn-questionnaires-title")) } }
        h1 { (name) }
        @match &own.ready {
            Ok(_) => p.status-ok { (ctx.t("qn-builder-ready")) " "
                a href=(format!("/questionnaires/preview?ref=own:{id}")) { (ctx.t("qn-preview")) } },
            Err(reason) => p.status-warn { (not_ready(ctx, own, reason)) },
        }
        (error_summary(ctx, errors, &item_labels(ctx)))
        @for (section, start) in own.source.sections.iter().zip(&starts) {
            section.builder-section aria-labelledby=(format!("section-{}", section.id)) {
                h2 #(format!("section-{}", section.id)) { (section.title.get(ctx.locale)) }
                @if section.items.is_empty() {
                    p.hint { (ctx.t("qn-builder-section-empty")) }
                    @if sections.len() > 1 {
                        form.inline method="post" action=(format!("/questionnaires/{id}/sections/{}/delete", section.id)) {
                            (csrf(ctx)) input type="hidden" name="version" value=(version);
                            button.small.secondary type="submit" { (ctx.t("qn-builder-section-remove")) }
                        }
                    }
                }
                ol.builder-items start=(start + 1) {
                    @for (i, item) in section.items.iter().enumerate() {
                        @let number = (start + i + 1) as f64;
                        li #(format!("item-{}", item.id)) {
                            (item_summary(ctx, item))
                            div.actions {
                                @if buildable(item) {
                                    a.button.small href=(format!("/questionnaires/{id}/items/{}", item.id))
                                        aria-label=(ctx.t_with("qn-builder-edit-label", &[("n", number.into())])) { (ctx.t("edit")) }
                                }
                                @for (direction, key) in [("up", "qn-builder-up"), ("down", "qn-builder-down")] {
                                    form.inline method="post" action=(format!("/questionnaires/{id}/items/{}/move", item.id)) {
                                        (csrf(ctx))
                                        input type="hidden" name="version" value=(version);
                                        input type="hidden" name="direction" value=(direction);
                                        button.small.secondary type="submit"
                                            aria-label=(ctx.t_with(&format!("{key}-label"), &[("n", number.into())])) { (ctx.t(key)) }
                                    }
                                }
                                form.inline method="post" action=(format!("/questionnaires/{id}/items/{}/delete", item.id)) {
                                    (csrf(ctx))
                                    input type="hidden" name="version" value=(version);
                                    button.small.secondary type="submit"
                                        aria-label=(ctx.t_with("qn-builder-remove-label", &[("n", number.into())])) { (ctx.t("qn-builder-remove")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        section.builder-add aria-labelledby="add-item-title" {
            h2 #add-item-title { (ctx.t("qn-builder-add")) }
            form.stacked method="post" action=(format!("/questionnaires/{id}/items")) novalidate {
                (csrf(ctx))
                input type="hidden" name="version" value=(version);
                (item_fields(ctx, adding, errors, &sections))
                button.primary type="submit" { (ctx.t("qn-builder-add-button")) }
            }
        }
        details.builder-more {
            summary { (ctx.t("qn-builder-more")) }
            form.stacked method="post" action=(format!("/questionnaires/{id}/sections")) {
                (csrf(ctx))
                input type="hidden" name="version" value=(version);
                (forms::input(ctx, Field::new(ctx, "title", "qn-builder-section-title", &FieldErrors::new()).hint(ctx.t("qn-builder-section-hint")), "text", "", None))
                button type="submit" { (ctx.t("qn-builder-section-add")) }
            }
            form.stacked method="post" action=(edit_url(id)) {
                (csrf(ctx))
                input type="hidden" name="version" value=(version);
                (forms::input(ctx, Field::new(ctx, "name", "qn-builder-name", &FieldErrors::new()).required(), "text", &name, None))
                (forms::textarea(ctx, Field::new(ctx, "description", "qn-builder-description", &FieldErrors::new()).hint(ctx.t("qn-builder-description-hint")), own.source.description.get(ctx.locale)))
                button type="submit" { (ctx.t("qn-builder-rename")) }
            }
            p { a href=(format!("/questionnaires/definition.toml?ref=own:{id}")) { (ctx.t("qn-builder-download")) } }
        }
    };
    Ok(page(ctx, &name, Nav::Initiatives, body))
}

pub async fn builder_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    require_builder(&member)?;
    let own = store::own(&state.db, &member.scope, id).await?;
    let fresh = ItemInput { required: "on".into(), ..ItemInput::default() };
    builder_view(&member, &own, &fresh, &FieldErrors::new(), query.notice.as_deref()).await
}

/// Saves an edited draft and goes back to the builder at the changed place.
async fn save_and_return(
    state: &AppState,
    member: &Member,
    own: &Own,
    version: &str,
    source: &Source,
    anchor: &str,
) -> Result<Response, AppError> {
    store::update_draft(&state.db, &member.scope, own.id, version_of(version), source).await?;
    Ok(axum::response::Redirect::to(&format!("{}{anchor}", edit_url(own.id))).into_response())
}

fn edit_refused(error: EditError) -> AppError {
    match error {
        EditError::NotFound => AppError::NotFound,
        EditError::InUse => AppError::NotNow(crate::error::NotNow::ItemInUse),
        EditError::Full => AppError::NotNow(crate::error::NotNow::QuestionnaireFull),
    }
}

pub async fn add_item(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(form): Submitted<ItemForm>,
) -> Result<Response, AppError> {
    require_builder(&member)?;
    let own = store::own(&state.db, &member.scope, id).await?;
    let mut source = own.source.clone();
    let item_id = source.next_item_id();
    let item = match form.item.parse(&item_id, member.ctx.locale, None) {
        Ok(item) => item,
        Err(errors) => {
            let view = builder_view(&member, &own, &form.item, &errors, None).await?;
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, view).into_response());
        }
    };
    source.add_item(&form.item.section, item).map_err(edit_refused)?;
    save_and_return(&state, &member, &own, &form.version, &source, &format!("#item-{item_id}")).await
}

async fn item_view(member: &Member, own: &Own, item_id: &str, input: &ItemInput, errors: &FieldErrors) -> Markup {
    let ctx = &member.ctx;
    let title = ctx.t("qn-builder-edit-title");
    let body = html! {
        p.breadcrumb { a href=(edit_url(own.id)) { (own.source.name.get(ctx.locale)) } }
        h1 { (title) }
        (error_summary(ctx, errors, &item_labels(ctx)))
        form.stacked method="post" action=(format!("/questionnaires/{}/items/{item_id}", own.id)) novalidate {
            (csrf(ctx))
            input type="hidden" name="version" value=(own.updated_at);
            (item_fields(ctx, input, errors, &[]))
            button.primary type="submit" { (ctx.t("save")) }
            " " a href=(format!("{}#item-{item_id}", edit_url(own.id))) { (ctx.t("cancel")) }
        }
    };
    page(ctx, &title, Nav::Initiatives, body)
}

pub async fn item_page(
    State(state): State<AppState>,
    member: Member,
    PathIdAndKey(id, item_id): PathIdAndKey,
) -> Result<Markup, AppError> {
    require_builder(&member)?;
    let own = store::own(&state.db, &member.scope, id).await?;
    let item =
        own.source.item(&item_id).filter(|i| BUILDER_KINDS.contains(&i.kind.as_str())).ok_or(AppError::NotFound)?;
    let input = ItemInput::from_item(item, member.ctx.locale);
    Ok(item_view(&member, &own, &item_id, &input, &FieldErrors::new()).await)
}

pub async fn save_item(
    State(state): State<AppState>,
    member: Member,
    PathIdAndKey(id, item_id): PathIdAndKey,
    Submitted(form): Submitted<ItemForm>,
) -> Result<Response, AppError> {
    require_builder(&member)?;
    let own = store::own(&state.db, &member.scope, id).await?;
    let before =
        own.source.item(&item_id).filter(|i| BUILDER_KINDS.contains(&i.kind.as_str())).ok_or(AppError::NotFound)?;
    let item = match form.item.parse(&item_id, member.ctx.locale, Some(before)) {
        Ok(item) => item,
        Err(errors) => {
            let view = item_view(&member, &own, &item_id, &form.item, &errors).await;
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, view).into_response());
        }
    };
    let mut source = own.source.clone();
    source.replace_item(item).map_err(edit_refused)?;
    save_and_return(&state, &member, &own, &form.version, &source, &format!("#item-{item_id}")).await
}

/// Loads a draft, applies one edit, saves it (refused if someone saved in between) and returns
/// to the builder at `anchor`.
async fn apply(
    state: &AppState,
    member: &Member,
    id: i64,
    version: &str,
    anchor: &str,
    edit: impl FnOnce(&mut Source) -> Result<(), AppError>,
) -> Result<Response, AppError> {
    require_builder(member)?;
    let own = store::own(&state.db, &member.scope, id).await?;
    let mut source = own.source.clone();
    edit(&mut source)?;
    save_and_return(state, member, &own, version, &source, anchor).await
}

fn text_field(field: &'static str, raw: &str, max: usize, multiline: bool, required: bool) -> Result<String, AppError> {
    let parsed = if required {
        parat_core::validation::required_text(raw, max)
    } else {
        parat_core::validation::optional_text(raw, max, multiline)
    };
    parsed.map_err(|problem| AppError::Invalid(FieldErrors::single(field, problem)))
}

pub async fn move_item(
    State(state): State<AppState>,
    member: Member,
    PathIdAndKey(id, item_id): PathIdAndKey,
    Submitted(form): Submitted<VersionForm>,
) -> Result<Response, AppError> {
    let anchor = format!("#item-{item_id}");
    apply(&state, &member, id, &form.version, &anchor, |source| {
        let direction = match form.direction.as_str() {
            "up" => Move::Up,
            "down" => Move::Down,
            _ => return Err(AppError::BadRequest("direction must be up or down".into())),
        };
        source.move_item(&item_id, direction).map_err(edit_refused)
    })
    .await
}

pub async fn remove_item(
    State(state): State<AppState>,
    member: Member,
    PathIdAndKey(id, item_id): PathIdAndKey,
    Submitted(form): Submitted<VersionForm>,
) -> Result<Response, AppError> {
    let anchor = "?notice=qn-item-removed";
    apply(&state, &member, id, &form.version, anchor, |source| source.remove_item(&item_id).map_err(edit_refused)).await
}

pub async fn add_section(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(form): Submitted<VersionForm>,
) -> Result<Response, AppError> {
    // Checked after the questionnaire is found: another organisation's id is not found, whatever was sent.
    let locale = member.ctx.locale;
    apply(&state, &member, id, &form.version, "#add-item-title", |source| {
        let title = text_field("title", &form.title, NAME_MAX, false, true)?;
        source.add_section(&title, locale).map_err(edit_refused)
    })
    .await
}

pub async fn remove_section(
    State(state): State<AppState>,
    member: Member,
    PathIdAndKey(id, section_id): PathIdAndKey,
    Submitted(form): Submitted<VersionForm>,
) -> Result<Response, AppError> {
    apply(&state, &member, id, &form.version, "", |source| source.remove_section(&section_id).map_err(edit_refused))
        .await
}

pub async fn rename(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(form): Submitted<VersionForm>,
) -> Result<Response, AppError> {
    let locale = member.ctx.locale;
    apply(&state, &member, id, &form.version, "?notice=qn-renamed", |source| {
        let name = text_field("name", &form.name, NAME_MAX, false, true)?;
        let description = text_field("description", &form.description, TEXT_MAX, true, false)?;
        source.rename(locale, &name, &description);
        Ok(())
    })
    .await
}

fn new_view(ctx: &Ctx, input: &NewInput, errors: &FieldErrors) -> Markup {
    let labels = [("name", ctx.t("qn-builder-name")), ("description", ctx.t("qn-builder-description"))];
    let purposes: Vec<(String, String)> = ["evaluation", "readiness", "other"]
        .iter()
        .map(|p| ((*p).to_owned(), ctx.t(&format!("qn-purpose-{p}"))))
        .collect();
    let body = html! {
        p.breadcrumb { a href="/questionnaires" { (ctx.t("qn-questionnaires-title")) } }
        h1 { (ctx.t("qn-builder-new")) }
        p { (ctx.t("qn-builder-new-intro")) }
        (error_summary(ctx, errors, &labels))
        form.stacked method="post" action="/questionnaires/new" novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "name", "qn-builder-name", errors).required(), "text", &input.name, None))
            (forms::textarea(ctx, Field::new(ctx, "description", "qn-builder-description", errors).hint(ctx.t("qn-builder-description-hint")), &input.description))
            (forms::select(ctx, Field::new(ctx, "purpose", "qn-purpose", errors), &purposes, &input.purpose, None))
            button.primary type="submit" { (ctx.t("qn-builder-create")) }
        }
    };
    page(ctx, &ctx.t("qn-builder-new"), Nav::Initiatives, body)
}

pub async fn new_questionnaire_page(member: Member) -> Result<Markup, AppError> {
    require_builder(&member)?;
    Ok(new_view(&member.ctx, &NewInput::default(), &FieldErrors::new()))
}

pub async fn create_questionnaire(
    State(state): State<AppState>,
    member: Member,
    Submitted(input): Submitted<NewInput>,
) -> Result<Response, AppError> {
    require_builder(&member)?;
    let taken = store::key_taken(&state.db, &member.scope).await?;
    let refuse = |errors: FieldErrors| {
        (axum::http::StatusCode::UNPROCESSABLE_ENTITY, new_view(&member.ctx, &input, &errors)).into_response()
    };
    let source = match input.parse(member.ctx.locale, |id| {
        taken.iter().any(|k| k == id) || parat_core::questionnaire::builtin_by_id(id).is_some()
    }) {
        Ok(source) => source,
        Err(errors) => return Ok(refuse(errors)),
    };
    match store::create_draft(&state.db, &member.scope, &source).await {
        Ok(id) => Ok(axum::response::Redirect::to(&edit_url(id)).into_response()),
        Err(parat_store::StoreError::Invalid(errors)) => Ok(refuse(errors)),
        Err(other) => Err(other.into()),
    }
}
