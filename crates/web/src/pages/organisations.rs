//! Organisations: the ones a person belongs to (and switching between them), creating new ones
//! (instance administrators), and editing the current one (its administrators).

use axum::extract::{Query, State};
use axum::response::Response;
use maud::{html, Markup};
use parat_core::organisation::{OrgKind, OrganisationInput};
use parat_core::FieldErrors;
use parat_store::organisations::{self, Organisation};
use parat_store::{sessions, StoreError};
use serde::Deserialize;

use super::{redirect_with_cookies, rejected};
use crate::context::{LoggedIn, Member, Submitted};
use crate::views::forms::{self, csrf, error_summary, Field};
use crate::views::layout::{notice, page, Nav};
use crate::{AppError, AppState, Ctx};

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    notice: Option<String>,
}

fn kind_label(ctx: &Ctx, kind: OrgKind) -> String {
    ctx.t(&format!("org-kind-{}", kind.key()))
}

pub async fn list(
    State(state): State<AppState>,
    LoggedIn { ctx, user }: LoggedIn,
    Query(query): Query<ListQuery>,
) -> Result<Markup, AppError> {
    let memberships = organisations::memberships(&state.db, user.user_id).await?;
    let current = user.current.as_ref().map(|c| c.org_id);
    let directory = if user.is_instance_admin { organisations::directory(&state.db).await? } else { Vec::new() };
    let has_members = match user.scope() {
        Some(scope) => parat_store::readiness::has_members_below(&state.db, &scope).await?,
        None => false,
    };
    let body = html! {
        (notice(&ctx, query.notice.as_deref()))
        div.title-row {
            h1 { (ctx.t("nav-organisations")) }
            @if user.is_instance_admin { a.button.primary href="/organisations/new" { (ctx.t("organisation-new")) } }
        }
        h2 { (ctx.t("organisations-mine")) }
        @if memberships.is_empty() { p { (ctx.t("error-no-organisation")) } }
        ul.cards {
            @for m in &memberships {
                li.card {
                    h3 { (m.organisation.name) }
                    p { (kind_label(&ctx, m.organisation.kind)) " · " (ctx.t(&format!("role-{}", m.role.key())))
                        @if let Some(parent) = &m.organisation.parent_name { " · " (ctx.t("field-parent")) ": " (parent) } }
                    @if Some(m.organisation.id) == current {
                        p.badge.current { (ctx.t("organisation-current")) }
                        @if m.role.can_administer() { p { a href="/organisation/edit" { (ctx.t("organisation-edit")) } } }
                        @if has_members { p { a href="/portfolio" { (ctx.t("portfolio-link")) } } }
                        p { a href="/instruments" { (ctx.t("instruments-title")) } }
                    } @else {
                        form.inline method="post" action="/organisations/switch" {
                            (csrf(&ctx))
                            input type="hidden" name="org_id" value=(m.organisation.id);
                            button type="submit" { (ctx.t_with("organisation-switch-to", &[("name", m.organisation.name.clone().into())])) }
                        }
                    }
                }
            }
        }
        @if user.is_instance_admin {
            h2 { (ctx.t("organisations-all")) }
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("organisations-all")) }
                thead { tr { th scope="col" { (ctx.t("field-name")) } th scope="col" { (ctx.t("field-organisation-kind")) } th scope="col" { (ctx.t("field-parent")) } } }
                tbody { @for o in &directory { tr { td { (o.name) } td { (kind_label(&ctx, o.kind)) } td { (o.parent_name.as_deref().unwrap_or("–")) } } } }
            } }
        }
    };
    Ok(page(&ctx, &ctx.t("nav-organisations"), Nav::Organisations, body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SwitchForm {
    org_id: String,
}

pub async fn switch(
    State(state): State<AppState>,
    LoggedIn { ctx, user }: LoggedIn,
    Submitted(form): Submitted<SwitchForm>,
) -> Result<Response, AppError> {
    let org_id = super::parse_id(form.org_id.trim())?;
    let token = ctx.session_token.as_ref().ok_or(AppError::Unauthorised)?;
    sessions::switch_org(&state.db, token, user.user_id, org_id).await?;
    Ok(redirect_with_cookies("/?notice=switched", &[]))
}

fn form_view(
    ctx: &Ctx,
    title: &str,
    action: &str,
    input: &OrganisationInput,
    errors: &FieldErrors,
    parents: &[Organisation],
) -> Markup {
    let kinds: Vec<(String, String)> = OrgKind::ALL.iter().map(|k| (k.key().to_owned(), kind_label(ctx, *k))).collect();
    let parent_options: Vec<(String, String)> = parents.iter().map(|o| (o.id.to_string(), o.name.clone())).collect();
    let labels = [
        ("name", ctx.t("field-name")),
        ("kind", ctx.t("field-organisation-kind")),
        ("parent_id", ctx.t("field-parent")),
    ];
    let body = html! {
        p.breadcrumb { a href="/organisations" { (ctx.t("nav-organisations")) } }
        h1 { (title) }
        (error_summary(ctx, errors, &labels))
        form.stacked method="post" action=(action) novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "name", "field-name", errors).required(), "text", &input.name, Some("organization")))
            (forms::select(ctx, Field::new(ctx, "kind", "field-organisation-kind", errors).required(), &kinds, &input.kind, Some(ctx.t("choose"))))
            (forms::select(ctx, Field::new(ctx, "parent_id", "field-parent", errors).hint(ctx.t("hint-parent")), &parent_options, &input.parent_id, Some(ctx.t("no-parent"))))
            div.actions {
                button.primary type="submit" { (ctx.t("save")) }
                a.button href="/organisations" { (ctx.t("cancel")) }
            }
        }
    };
    page(ctx, title, Nav::Organisations, body)
}

pub async fn new_page(State(state): State<AppState>, LoggedIn { ctx, user }: LoggedIn) -> Result<Markup, AppError> {
    if !user.is_instance_admin {
        return Err(AppError::Forbidden);
    }
    let parents = organisations::directory(&state.db).await?;
    Ok(form_view(
        &ctx,
        &ctx.t("organisation-new"),
        "/organisations",
        &OrganisationInput::default(),
        &FieldErrors::new(),
        &parents,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    LoggedIn { ctx, user }: LoggedIn,
    Submitted(input): Submitted<OrganisationInput>,
) -> Result<Response, AppError> {
    if !user.is_instance_admin {
        return Err(AppError::Forbidden);
    }
    let result = match input.parse() {
        Ok(draft) => organisations::create(&state.db, user.user_id, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match result {
        Ok(_) => Ok(redirect_with_cookies("/organisations?notice=organisation-created", &[])),
        Err(StoreError::Invalid(errors)) => {
            let parents = organisations::directory(&state.db).await?;
            Ok(rejected(form_view(&ctx, &ctx.t("organisation-new"), "/organisations", &input, &errors, &parents)))
        }
        Err(other) => Err(other.into()),
    }
}

async fn possible_parents(state: &AppState, org_id: i64) -> Result<Vec<Organisation>, AppError> {
    Ok(organisations::directory(&state.db).await?.into_iter().filter(|o| o.id != org_id).collect())
}

pub async fn edit_page(State(state): State<AppState>, member: Member) -> Result<Markup, AppError> {
    if !member.scope.role().can_administer() {
        return Err(AppError::Forbidden);
    }
    let current = organisations::get_for_member(&state.db, member.user.user_id, member.scope.org_id()).await?;
    let input = OrganisationInput {
        name: current.organisation.name.clone(),
        kind: current.organisation.kind.key().to_owned(),
        parent_id: current.organisation.parent_id.map(|id| id.to_string()).unwrap_or_default(),
    };
    let parents = possible_parents(&state, member.scope.org_id()).await?;
    Ok(form_view(
        &member.ctx,
        &member.ctx.t("organisation-edit"),
        "/organisation/edit",
        &input,
        &FieldErrors::new(),
        &parents,
    ))
}

pub async fn update(
    State(state): State<AppState>,
    member: Member,
    Submitted(input): Submitted<OrganisationInput>,
) -> Result<Response, AppError> {
    if !member.scope.role().can_administer() {
        return Err(AppError::Forbidden);
    }
    let result = match input.parse() {
        Ok(draft) => organisations::update(&state.db, &member.scope, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match result {
        Ok(()) => Ok(redirect_with_cookies("/organisations?notice=saved", &[])),
        Err(StoreError::Invalid(errors)) => {
            let parents = possible_parents(&state, member.scope.org_id()).await?;
            let ctx = &member.ctx;
            Ok(rejected(form_view(ctx, &ctx.t("organisation-edit"), "/organisation/edit", &input, &errors, &parents)))
        }
        Err(other) => Err(other.into()),
    }
}
