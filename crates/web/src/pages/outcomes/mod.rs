//! Outcome and alliance follow-up: the participants a practitioner works with, each with their
//! course, alerts and chart (`participant`), the organisation's units (`units`). Individual data
//! is for those who work with the participant; the store decides who that is.

use axum::extract::State;
use axum::response::Response;
use maud::{html, Markup};
use parat_core::outcomes::{Alert, Progress, Settings, Tenths};
use parat_core::participant::ParticipantInput;
use parat_core::FieldErrors;
use parat_store::{outcomes, participants, StoreError};

use super::{redirect_with_cookies, rejected, NoticeQuery};
use crate::context::{Member, Submitted};
use crate::views::forms::{self, csrf, error_summary, Field};
use crate::views::layout::{notice, page, Nav};
use crate::{AppError, AppState, Ctx};

mod participant;
mod phone;
mod report;
mod units;

pub use participant::*;
pub use phone::*;
pub use report::*;
pub use units::*;

/// The follow-up pages, merged into the site's routes in one place (`pages::routes`).
pub fn routes() -> super::Routes {
    use axum::routing::{get, post};
    super::Routes::new()
        .route("/outcomes", "GET", get(list))
        .route("/outcomes/participants", "POST", post(create_participant))
        .route("/outcomes/participants/new", "GET", get(new_participant_page))
        .route("/outcomes/participants/{id}", "GET", get(participant_page))
        .route("/outcomes/participants/{id}/episodes", "POST", post(open_episode))
        .route("/outcomes/participants/{id}/export.json", "GET", get(export_participant))
        .route("/outcomes/participants/{id}/export.pdf", "GET", get(export_participant_pdf))
        .route("/outcomes/participants/{id}/erase", "GET POST", get(confirm_erase).post(erase_participant))
        .route("/outcomes/episodes/{id}/sessions", "POST", post(record_session))
        .route("/outcomes/episodes/{id}/close", "POST", post(close_episode))
        .route("/outcomes/episodes/{id}/links", "POST", post(make_link))
        .route("/outcomes/episodes/{id}/links/{link}/withdraw", "POST", post(withdraw_link))
        .route("/outcomes/episodes/{id}/watch", "GET", get(watch))
        .route("/r/{token}", "GET POST", get(phone_page).post(phone_rating))
        .route("/outcomes/units", "GET POST", get(units_page).post(create_unit))
        .route("/outcomes/settings", "GET POST", get(settings_page).post(save_settings))
        .route("/outcomes/units/{id}/members", "POST", post(place_member))
        .route("/outcomes/units/{id}/report", "GET", get(unit_report))
        .route("/outcomes/units/{id}/report.xlsx", "GET", get(unit_report_xlsx))
        .route("/outcomes/units/{id}/report.csv", "GET", get(unit_report_csv))
        .route("/outcomes/units/{id}/report.pdf", "GET", get(unit_report_pdf))
}

/// A total or mark as the reader's language writes it: `24,5`, and a whole one without
/// decimals (`25`), as the scales' cut-offs are spoken of.
pub fn decimal(ctx: &Ctx, value: Tenths) -> String {
    match ctx.locale {
        parat_core::locale::Locale::En => value.to_string(),
        _ => value.to_string().replace('.', ","),
    }
}

/// Each alert with its reason, in the reader's language.
pub fn alert_reasons(ctx: &Ctx, settings: &Settings, course: &Progress) -> Vec<String> {
    use fluent_templates::fluent_bundle::FluentValue;
    let text = |value: Option<Tenths>| FluentValue::from(value.map(|v| decimal(ctx, v)).unwrap_or_default());
    course
        .alerts
        .iter()
        .map(|alert| {
            let id = format!("outcomes-alert-{}", alert.key().replace('_', "-"));
            match alert {
                Alert::OrsBelowCutoff => {
                    ctx.t_with(&id, &[("latest", text(course.latest)), ("cutoff", text(Some(course.cutoff)))])
                }
                Alert::Deterioration => ctx.t_with(
                    &id,
                    &[
                        ("change", text(course.change.map(|c| Tenths::ZERO - c))),
                        ("reliable", text(Some(settings.reliable_change()))),
                    ],
                ),
                Alert::NoImprovement => ctx.t_with(&id, &[("ratings", FluentValue::from(course.outcome_ratings))]),
                Alert::SrsBelowCutoff => ctx.t_with(
                    &id,
                    &[("total", text(course.last_session)), ("cutoff", text(Some(settings.srs_cutoff())))],
                ),
                Alert::SrsItemBelow => ctx.t_with(&id, &[("cutoff", text(Some(settings.srs_item_cutoff())))]),
                Alert::SrsDrop => {
                    ctx.t_with(&id, &[("before", text(course.previous_session)), ("total", text(course.last_session))])
                }
            }
        })
        .collect()
}

/// The participants the person works with, each with their open episode's latest totals and
/// alerts.
pub async fn list(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let settings = outcomes::settings(&state.db, member.scope.org_id()).await?;
    let people = participants::list(&state.db, &member.scope).await?;
    let mut courses = outcomes::current_courses(&state.db, &member.scope, &people, &settings).await?;
    let rows: Vec<_> = people.iter().map(|person| (person, courses.remove(&person.id))).collect();
    let is_admin = member.scope.role().can_administer();
    let units = outcomes::units(&state.db, &member.scope).await?;
    let body = html! {
        (notice(ctx, query.notice.as_deref()))
        h1 { (ctx.t("outcomes-title")) }
        p.lead { (ctx.t("outcomes-lead")) }
        p {
            a.button.primary href="/outcomes/participants/new" { (ctx.t("outcomes-participant-new")) }
            @if is_admin {
                " " a.button href="/outcomes/units" { (ctx.t("outcomes-units")) }
                " " a.button href="/outcomes/settings" { (ctx.t("outcomes-settings")) }
            }
        }
        @if rows.is_empty() { p { (ctx.t("outcomes-participants-none")) } } @else {
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("outcomes-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("outcomes-code")) }
                    th scope="col" { (ctx.t("outcomes-intake")) }
                    th scope="col" { (ctx.t("outcomes-latest")) }
                    th scope="col" { (ctx.t("outcomes-latest-session")) }
                    th scope="col" { (ctx.t("outcomes-alerts")) }
                } }
                tbody { @for (person, course) in &rows {
                    tr {
                        th scope="row" { a href=(format!("/outcomes/participants/{}", person.id)) { (person.code) } }
                        @if let Some(course) = course {
                            td.number { (course.intake.map(|v| decimal(ctx, v)).unwrap_or_else(|| "–".into())) }
                            td.number { (course.latest.map(|v| decimal(ctx, v)).unwrap_or_else(|| "–".into())) }
                            td.number { (course.last_session.map(|v| decimal(ctx, v)).unwrap_or_else(|| "–".into())) }
                            td { @if course.alerts.is_empty() { (ctx.t("outcomes-alerts-none")) } @else {
                                ul.alerts { @for reason in alert_reasons(ctx, &settings, course) { li { (reason) } } }
                            } }
                        } @else {
                            td colspan="4" { (ctx.t("outcomes-no-open-episode")) }
                        }
                    }
                } }
            } }
        }
        @if !units.is_empty() {
            h2 { (ctx.t("outcomes-reports")) }
            ul { @for unit in &units {
                li { a href=(format!("/outcomes/units/{}/report", unit.id)) { (unit.name) } }
            } }
        }
    };
    Ok(page(ctx, &ctx.t("outcomes-title"), Nav::Outcomes, body))
}

fn participant_form(ctx: &Ctx, input: &ParticipantInput, errors: &FieldErrors, names_allowed: bool) -> Markup {
    let age_groups: Vec<(String, String)> = parat_core::outcomes::AgeGroup::ALL
        .iter()
        .map(|g| (g.key().to_owned(), ctx.t(&format!("outcomes-age-group-{}", g.key()))))
        .collect();
    let labels = [
        ("code", ctx.t("outcomes-code")),
        ("age_group", ctx.t("outcomes-age-group")),
        ("name", ctx.t("outcomes-name")),
        ("personal_number", ctx.t("outcomes-personal-number")),
        ("consent_on", ctx.t("outcomes-consent-on")),
        ("consent_scope", ctx.t("outcomes-consent-scope")),
    ];
    let body = html! {
        h1 { (ctx.t("outcomes-participant-new")) }
        p.lead { (ctx.t("outcomes-participant-lead")) }
        (error_summary(ctx, errors, &labels))
        form.stacked method="post" action="/outcomes/participants" novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "code", "outcomes-code", errors).required().hint(ctx.t("hint-outcomes-code")), "text", &input.code, Some("off")))
            (forms::select(ctx, Field::new(ctx, "age_group", "outcomes-age-group", errors).required(), &age_groups, &input.age_group, Some(ctx.t("choose"))))
            (forms::input(ctx, Field::new(ctx, "consent_on", "outcomes-consent-on", errors).hint(ctx.t("hint-outcomes-consent-on")), "date", &input.consent_on, None))
            (forms::textarea(ctx, Field::new(ctx, "consent_scope", "outcomes-consent-scope", errors), &input.consent_scope))
            @if names_allowed {
                (forms::input(ctx, Field::new(ctx, "name", "outcomes-name", errors).hint(ctx.t("hint-outcomes-name")), "text", &input.name, Some("off")))
                (forms::input(ctx, Field::new(ctx, "personal_number", "outcomes-personal-number", errors), "text", &input.personal_number, Some("off")))
            }
            div.actions { button type="submit" { (ctx.t("outcomes-participant-create")) } }
        }
    };
    page(ctx, &ctx.t("outcomes-participant-new"), Nav::Outcomes, body)
}

pub async fn new_participant_page(State(state): State<AppState>, member: Member) -> Result<Markup, AppError> {
    let names_allowed = participants::names_allowed(&state.db, member.scope.org_id()).await?;
    Ok(participant_form(&member.ctx, &ParticipantInput::default(), &FieldErrors::new(), names_allowed))
}

pub async fn create_participant(
    State(state): State<AppState>,
    member: Member,
    Submitted(input): Submitted<ParticipantInput>,
) -> Result<Response, AppError> {
    let names_allowed = participants::names_allowed(&state.db, member.scope.org_id()).await?;
    let made = match input.parse(names_allowed, parat_store::now_date()) {
        Ok(draft) => participants::create(&state.db, &member.scope, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match made {
        Ok(id) => Ok(redirect_with_cookies(&format!("/outcomes/participants/{id}?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => Ok(rejected(participant_form(&member.ctx, &input, &errors, names_allowed))),
        Err(other) => Err(other.into()),
    }
}
