//! The organisation's units and who works in them (administrators): a practitioner records for
//! their own participants in a unit they belong to, and a unit's manager sees its participants.

use parat_core::outcomes::settings::SettingsInput;
use parat_store::accounts;
use serde::Deserialize;

use super::*;
use crate::context::PathId;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct UnitInput {
    name: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PlacementInput {
    user_id: String,
    /// `on` for the unit's manager.
    manages: String,
}

async fn units_view(
    state: &AppState,
    member: &Member,
    shown_notice: Option<&str>,
    input: &UnitInput,
    errors: &FieldErrors,
    placement: Option<(i64, &FieldErrors)>,
) -> Result<Markup, AppError> {
    if !member.scope.role().can_administer() {
        return Err(AppError::Forbidden);
    }
    let ctx = &member.ctx;
    let units = outcomes::units(&state.db, &member.scope).await?;
    let members = accounts::members(&state.db, &member.scope).await?;
    let people: Vec<(String, String)> =
        members.iter().map(|m| (m.user_id.to_string(), m.display_name.clone())).collect();
    let mut placed = Vec::with_capacity(units.len());
    for unit in &units {
        placed.push(outcomes::unit_members(&state.db, &member.scope, unit.id).await?);
    }
    let body = html! {
        (notice(ctx, shown_notice))
        p.breadcrumb { a href="/outcomes" { (ctx.t("outcomes-title")) } }
        h1 { (ctx.t("outcomes-units")) }
        p.lead { (ctx.t("outcomes-units-lead")) }
        @for (unit, members) in units.iter().zip(&placed) {
            section aria-labelledby=(format!("unit-{}", unit.id)) {
                h2 id=(format!("unit-{}", unit.id)) { (unit.name) }
                @if members.is_empty() { p { (ctx.t("outcomes-unit-members-none")) } } @else {
                    ul { @for (name, manages) in members {
                        li { (name) @if *manages { " (" (ctx.t("outcomes-unit-manager")) ")" } }
                    } }
                }
                form.stacked method="post" action=(format!("/outcomes/units/{}/members", unit.id)) novalidate {
                    (csrf(ctx))
                    (person_select(ctx, unit.id, &people, placement.filter(|(id, _)| *id == unit.id).and_then(|(_, e)| e.get("user_id"))))
                    div.field.checkbox {
                        input id=(format!("f-manages-{}", unit.id)) type="checkbox" name="manages" value="on";
                        label for=(format!("f-manages-{}", unit.id)) { (ctx.t("outcomes-unit-manages")) }
                    }
                    div.actions { button type="submit" { (ctx.t("outcomes-unit-place")) } }
                }
            }
        }
        section aria-labelledby="unit-new" {
            h2 #unit-new { (ctx.t("outcomes-unit-new")) }
            (error_summary(ctx, errors, &[("name", ctx.t("outcomes-unit-name"))]))
            form.stacked method="post" action="/outcomes/units" novalidate {
                (csrf(ctx))
                (forms::input(ctx, Field::new(ctx, "name", "outcomes-unit-name", errors).required(), "text", &input.name, Some("off")))
                div.actions { button type="submit" { (ctx.t("outcomes-unit-create")) } }
            }
        }
    };
    Ok(page(ctx, &ctx.t("outcomes-units"), Nav::Outcomes, body))
}

/// The person to place in a unit: one select per unit, so its id carries the unit's (ids are
/// unique on the page), with its problem beside it.
fn person_select(ctx: &Ctx, unit_id: i64, people: &[(String, String)], problem: Option<parat_core::Problem>) -> Markup {
    let id = format!("f-user_id-{unit_id}");
    let error_id = format!("{id}-error");
    html! {
        div.field.has-error[problem.is_some()] {
            label for=(id) { (ctx.t("outcomes-unit-member")) span.required aria-hidden="true" { " *" } }
            @if let Some(problem) = problem {
                p.error-message id=(error_id) {
                    span.visually-hidden { (ctx.t("error-prefix")) ": " }
                    (forms::problem_text(ctx.locale, problem))
                }
            }
            select id=(id) name="user_id" required aria-invalid=[problem.map(|_| "true")] aria-describedby=[problem.map(|_| error_id.as_str())] {
                option value="" { (ctx.t("choose")) }
                @for (value, label) in people { option value=(value) { (label) } }
            }
        }
    }
}

pub async fn units_page(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    units_view(&state, &member, query.notice.as_deref(), &UnitInput::default(), &FieldErrors::new(), None).await
}

pub async fn create_unit(
    State(state): State<AppState>,
    member: Member,
    Submitted(input): Submitted<UnitInput>,
) -> Result<Response, AppError> {
    match outcomes::create_unit(&state.db, &member.scope, &input.name).await {
        Ok(_) => Ok(redirect_with_cookies("/outcomes/units?notice=saved", &[])),
        Err(StoreError::Invalid(errors)) => {
            Ok(rejected(units_view(&state, &member, None, &input, &errors, None).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn place_member(
    State(state): State<AppState>,
    member: Member,
    PathId(unit_id): PathId,
    Submitted(input): Submitted<PlacementInput>,
) -> Result<Response, AppError> {
    // Another organisation's unit is not there, whatever the form holds.
    outcomes::unit(&state.db, &member.scope, unit_id).await?;
    let placed = match input.user_id.trim().parse::<i64>() {
        Ok(user_id) => {
            outcomes::set_unit_member(&state.db, &member.scope, unit_id, user_id, input.manages == "on").await
        }
        Err(_) => Err(StoreError::Invalid(FieldErrors::single("user_id", parat_core::Problem::NotChosen))),
    };
    match placed {
        Ok(()) => Ok(redirect_with_cookies(&format!("/outcomes/units?notice=saved#unit-{unit_id}"), &[])),
        Err(StoreError::Invalid(errors)) => {
            let (input, none) = (UnitInput::default(), FieldErrors::new());
            Ok(rejected(units_view(&state, &member, None, &input, &none, Some((unit_id, &errors))).await?))
        }
        Err(other) => Err(other.into()),
    }
}

fn settings_view(ctx: &Ctx, shown_notice: Option<&str>, input: &SettingsInput, errors: &FieldErrors) -> Markup {
    let fields: [(&'static str, &str, &str); 8] = [
        ("reliable_change", "outcomes-setting-reliable-change", "hint-outcomes-setting-reliable-change"),
        ("cutoff_adult", "outcomes-setting-cutoff-adult", "hint-outcomes-setting-cutoff"),
        ("cutoff_adolescent", "outcomes-setting-cutoff-adolescent", "hint-outcomes-setting-cutoff"),
        ("cutoff_child", "outcomes-setting-cutoff-child", "hint-outcomes-setting-cutoff"),
        ("srs_cutoff", "outcomes-setting-srs-cutoff", "hint-outcomes-setting-srs-cutoff"),
        ("srs_item_cutoff", "outcomes-setting-srs-item-cutoff", "hint-outcomes-setting-srs-item-cutoff"),
        ("srs_drop", "outcomes-setting-srs-drop", "hint-outcomes-setting-srs-drop"),
        ("no_improvement_after", "outcomes-setting-no-improvement-after", "hint-outcomes-setting-no-improvement-after"),
    ];
    let value = |name: &str| match name {
        "reliable_change" => &input.reliable_change,
        "cutoff_adult" => &input.cutoff_adult,
        "cutoff_adolescent" => &input.cutoff_adolescent,
        "cutoff_child" => &input.cutoff_child,
        "srs_cutoff" => &input.srs_cutoff,
        "srs_item_cutoff" => &input.srs_item_cutoff,
        "srs_drop" => &input.srs_drop,
        _ => &input.no_improvement_after,
    };
    let mut labels: Vec<(&str, String)> = fields.iter().map(|(name, label, _)| (*name, ctx.t(label))).collect();
    labels.push(("retention_months", ctx.t("outcomes-setting-retention")));
    let body = html! {
        (notice(ctx, shown_notice))
        p.breadcrumb { a href="/outcomes" { (ctx.t("outcomes-title")) } }
        h1 { (ctx.t("outcomes-settings")) }
        p.lead { (ctx.t("outcomes-settings-lead")) }
        (error_summary(ctx, errors, &labels))
        form.stacked method="post" action="/outcomes/settings" novalidate {
            (csrf(ctx))
            fieldset.field {
                legend { (ctx.t("outcomes-settings-alerts")) }
                @for (name, label, hint) in fields {
                    (forms::input(ctx, Field::new(ctx, name, label, errors).required().hint(ctx.t(hint)), "text", value(name), Some("off")))
                }
            }
            fieldset.field {
                legend { (ctx.t("outcomes-settings-data")) }
                div.field.checkbox {
                    input #f-names_allowed type="checkbox" name="names_allowed" value="on" checked[input.names_allowed == "on"];
                    label for="f-names_allowed" { (ctx.t("outcomes-setting-names-allowed")) }
                }
                (forms::input(ctx, Field::new(ctx, "retention_months", "outcomes-setting-retention", errors).hint(ctx.t("hint-outcomes-setting-retention")), "text", &input.retention_months, Some("off")))
            }
            div.actions { button type="submit" { (ctx.t("save")) } }
        }
    };
    page(ctx, &ctx.t("outcomes-settings"), Nav::Outcomes, body)
}

pub async fn settings_page(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    if !member.scope.role().can_administer() {
        return Err(AppError::Forbidden);
    }
    let current = outcomes::organisation_settings(&state.db, member.scope.org_id()).await?;
    Ok(settings_view(&member.ctx, query.notice.as_deref(), &SettingsInput::of(&current), &FieldErrors::new()))
}

pub async fn save_settings(
    State(state): State<AppState>,
    member: Member,
    Submitted(input): Submitted<SettingsInput>,
) -> Result<Response, AppError> {
    if !member.scope.role().can_administer() {
        return Err(AppError::Forbidden);
    }
    match input.parse() {
        Ok(settings) => {
            outcomes::save_settings(&state.db, &member.scope, &settings).await?;
            Ok(redirect_with_cookies("/outcomes/settings?notice=saved", &[]))
        }
        Err(errors) => Ok(rejected(settings_view(&member.ctx, None, &input, &errors))),
    }
}
