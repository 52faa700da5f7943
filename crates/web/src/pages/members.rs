//! The people of the current organisation and their roles; administrators only.

use super::EmptyForm;
use axum::extract::{Query, State};
use axum::response::Response;
use maud::{html, Markup};
use parat_core::account::{DisplayName, Email, NewPassword};
use parat_core::organisation::Role;
use parat_core::FieldErrors;
use parat_store::{accounts, StoreError};
use serde::Deserialize;

use super::{redirect_with_cookies, rejected};
use crate::context::{Member, PathId, Submitted};
use crate::views::confirm::{confirm_page, Confirmation};
use crate::views::forms::{self, action_button, csrf, error_summary, Field};
use crate::views::layout::{notice, page, Nav};
use crate::{AppError, AppState, Ctx};

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct AddForm {
    email: String,
    role: String,
    display_name: String,
    password: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    notice: Option<String>,
}

fn role_options(ctx: &Ctx) -> Vec<(String, String)> {
    Role::ALL.iter().map(|r| (r.key().to_owned(), ctx.t(&format!("role-{}", r.key())))).collect()
}

fn require_admin(member: &Member) -> Result<(), AppError> {
    if member.scope.role().can_administer() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

async fn view(
    state: &AppState,
    member: &Member,
    form: &AddForm,
    errors: &FieldErrors,
    notice_key: Option<&str>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let members = accounts::members(&state.db, &member.scope).await?;
    let labels = [
        ("email", ctx.t("field-email")),
        ("role", ctx.t("field-role")),
        ("display_name", ctx.t("field-display-name")),
        ("password", ctx.t("field-initial-password")),
    ];
    let body = html! {
        (notice(ctx, notice_key))
        h1 { (ctx.t("nav-members")) }
        div.table-wrap { table {
            caption.visually-hidden { (ctx.t("nav-members")) }
            thead { tr {
                th scope="col" { (ctx.t("field-display-name")) }
                th scope="col" { (ctx.t("field-email")) }
                th scope="col" { (ctx.t("field-role")) }
                th scope="col" { span.visually-hidden { (ctx.t("actions")) } }
            } }
            tbody {
                @for m in &members {
                    tr {
                        td { (m.display_name) }
                        td { (m.email) }
                        td {
                            form.inline method="post" action=(format!("/members/{}", m.user_id)) {
                                (csrf(ctx))
                                label.visually-hidden for=(format!("role-{}", m.user_id)) { (ctx.t_with("role-of", &[("name", m.display_name.clone().into())])) }
                                select id=(format!("role-{}", m.user_id)) name="role" {
                                    @for (value, label) in role_options(ctx) {
                                        option value=(value) selected[value == m.role.key()] { (label) }
                                    }
                                }
                                button.small type="submit" { (ctx.t("role-change")) }
                            }
                        }
                        td {
                            a.button.small.secondary href=(format!("/members/{}/remove", m.user_id)) { (ctx.t_with("member-remove", &[("name", m.display_name.clone().into())])) }
                            @if m.only_here && m.user_id != member.scope.user_id() {
                                " "
                                (action_button(ctx, &format!("/members/{}/reset-link", m.user_id), &ctx.t_with("member-reset-link", &[("name", m.display_name.clone().into())]), "small secondary"))
                            }
                        }
                    }
                }
            }
        } }
        h2 { (ctx.t("member-add")) }
        p { (ctx.t("member-add-intro")) }
        (error_summary(ctx, errors, &labels))
        form.stacked method="post" action="/members" novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "email", "field-email", errors).required(), "email", &form.email, Some("off")))
            (forms::select(ctx, Field::new(ctx, "role", "field-role", errors).required().hint(ctx.t("hint-roles")), &role_options(ctx), &form.role, Some(ctx.t("choose"))))
            fieldset {
                legend { (ctx.t("member-new-account")) }
                p.hint { (ctx.t("member-new-account-hint")) }
                (forms::input(ctx, Field::new(ctx, "display_name", "field-display-name", errors), "text", &form.display_name, Some("off")))
                (forms::input(ctx, Field::new(ctx, "password", "field-initial-password", errors), "password", "", Some("new-password")))
            }
            button.primary type="submit" { (ctx.t("member-add")) }
        }
        h2 { (ctx.t("roles-title")) }
        dl.details {
            @for role in Role::ALL {
                dt { (ctx.t(&format!("role-{}", role.key()))) }
                dd { (ctx.t(&format!("role-{}-description", role.key()))) }
            }
        }
    };
    Ok(page(ctx, &ctx.t("nav-members"), Nav::Members, body))
}

pub async fn list(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<ListQuery>,
) -> Result<Markup, AppError> {
    require_admin(&member)?;
    view(&state, &member, &AddForm::default(), &FieldErrors::new(), query.notice.as_deref()).await
}

pub async fn add(
    State(state): State<AppState>,
    member: Member,
    Submitted(form): Submitted<AddForm>,
) -> Result<Response, AppError> {
    require_admin(&member)?;
    let mut errors = FieldErrors::new();
    let email = errors.check("email", Email::parse(&form.email));
    let role = errors.check("role", Role::parse(&form.role));
    let wants_new_account = !form.display_name.trim().is_empty() || !form.password.is_empty();
    let new_account = if wants_new_account {
        let name = errors.check("display_name", DisplayName::parse(&form.display_name));
        let password = errors.check("password", NewPassword::parse(&form.password));
        name.zip(password)
    } else {
        None
    };
    let result = match (email, role) {
        (Some(email), Some(role)) if errors.is_empty() => {
            accounts::add_member(&state.db, &member.scope, &email, role, new_account).await
        }
        _ => Err(StoreError::Invalid(errors)),
    };
    match result {
        Ok(_) => Ok(redirect_with_cookies("/members?notice=member-added", &[])),
        Err(StoreError::Invalid(errors)) => Ok(rejected(view(&state, &member, &form, &errors, None).await?)),
        Err(other) => Err(other.into()),
    }
}

/// Asks before a member is removed: they lose access at once.
pub async fn confirm_remove(
    State(state): State<AppState>,
    member: Member,
    PathId(user_id): PathId,
) -> Result<Markup, AppError> {
    require_admin(&member)?;
    let removed = accounts::members(&state.db, &member.scope)
        .await?
        .into_iter()
        .find(|m| m.user_id == user_id)
        .ok_or(AppError::NotFound)?;
    let ctx = &member.ctx;
    let name = || [("name", removed.display_name.clone().into())];
    let action = format!("/members/{user_id}");
    Ok(confirm_page(
        ctx,
        Nav::Members,
        Confirmation {
            question: ctx.t_with("confirm-member-remove", &name()),
            consequence: ctx.t_with("confirm-member-remove-consequence", &name()),
            action: &action,
            fields: &[("role", "")],
            confirm_label: ctx.t_with("member-remove", &name()),
            back: "/members",
        },
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangeForm {
    role: String,
}

pub async fn change(
    State(state): State<AppState>,
    member: Member,
    PathId(user_id): PathId,
    Submitted(form): Submitted<ChangeForm>,
) -> Result<Response, AppError> {
    require_admin(&member)?;
    let role = match form.role.trim() {
        "" => None,
        raw => Some(Role::parse(raw).map_err(|_| AppError::BadRequest("unknown role".into()))?),
    };
    match accounts::change_member(&state.db, &member.scope, user_id, role).await {
        Ok(()) => {
            let notice = if role.is_some() { "member-updated" } else { "member-removed" };
            Ok(redirect_with_cookies(&format!("/members?notice={notice}"), &[]))
        }
        // The only refusal here: the last administrator cannot leave or lose the role.
        Err(StoreError::Invalid(_)) => {
            Ok(rejected(view(&state, &member, &AddForm::default(), &FieldErrors::new(), Some("last-admin")).await?))
        }
        Err(other) => Err(other.into()),
    }
}

/// A one-time link for a member to choose a new password, shown once to the administrator to
/// pass on (Parat sends no e-mail yet). Only for members of this organisation alone.
pub async fn reset_link(
    State(state): State<AppState>,
    member: Member,
    PathId(user_id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Markup, AppError> {
    require_admin(&member)?;
    let person = accounts::members(&state.db, &member.scope)
        .await?
        .into_iter()
        .find(|m| m.user_id == user_id)
        .ok_or(AppError::NotFound)?;
    let token = accounts::create_reset_token(&state.db, &member.scope, user_id).await?;
    let link = format!("{}/reset/{}", state.settings.public_url.trim_end_matches('/'), token.expose());
    let ctx = &member.ctx;
    let hours = (accounts::RESET_LINK_SECONDS / 3600) as f64;
    let body = html! {
        h1 { (ctx.t_with("reset-link-title", &[("name", person.display_name.clone().into())])) }
        div.notice role="status" {
            p { (ctx.t_with("reset-link-intro", &[("hours", hours.into())])) }
            p { code.token { (link) } }
        }
        p { a href="/members" { (ctx.t("reset-link-back")) } }
    };
    Ok(page(ctx, &ctx.t_with("reset-link-title", &[("name", person.display_name.into())]), Nav::Members, body))
}
