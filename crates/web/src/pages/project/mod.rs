//! Project follow-up: the project's frame — funders, roles, phases, reporting calendar
//! (`frame`); goals' indicators with each period's value and status (`indicators`); participants in individual-oriented activities, in and out (`participants`); an initiative's training events, each with its attendance list taken at
//! the door on a tablet (or a head count where names are not wanted), and a printable list for
//! signatures (`events`); the activity plan and what was carried out (`activities`); a
//! person's request to see or erase what the attendance lists hold about them (`people`); the
//! budget against the costs booked (`budget`). Viewers read; coordinators and administrators record.

use axum::extract::{Query, State};
use axum::response::Response;
use maud::{html, Markup};
use parat_core::project::event::local_field;
use parat_core::project::{AttendeeInput, EventInput, Gender};
use parat_core::FieldErrors;
use parat_store::project::{self as store, Event};
use parat_store::StoreError;

use super::{redirect_with_cookies, rejected, EmptyForm, NoticeQuery};
use crate::context::{Member, PathId, PathIds, Submitted};
use crate::views::forms::{self, csrf, error_summary, Field};
use crate::views::layout::{notice, page, Nav};
use crate::{AppError, AppState, Ctx};

mod activities;
mod budget;
mod evaluations;
mod events;
mod final_report;
mod frame;
mod indicators;
mod overview;
mod participants;
mod people;
mod reports;

pub use activities::*;
pub use budget::*;
pub use evaluations::*;
pub use events::*;
pub use frame::*;
pub use indicators::*;
pub use overview::*;
pub use participants::*;
pub use people::*;
pub use reports::*;

/// The project follow-up pages, merged into the site's routes in one place (`pages::routes`).
pub fn routes() -> super::Routes {
    use axum::routing::{get, post};
    super::Routes::new()
        .route("/initiatives/{id}/events", "GET POST", get(events_page).post(create_event))
        .route("/events/{id}", "GET POST", get(event_page).post(update_event))
        .route("/events/{id}/delete", "POST", post(delete_event))
        .route("/events/{id}/attendees", "POST", post(add_attendee))
        .route("/events/{id}/attendees/{attendee}/remove", "POST", post(remove_attendee))
        .route("/events/{id}/head-count", "POST", post(set_head_count))
        .route("/events/{id}/attendance.pdf", "GET", get(attendance_pdf))
        .route("/events/{id}/evaluation", "POST", post(start_event_evaluation))
        .route("/initiatives/{id}/evaluations", "GET", get(evaluations_page))
        .route("/initiatives/{id}/evaluations/{stage}", "POST", post(start_project_evaluation))
        .route("/initiatives/{id}/activities", "GET POST", get(activities_page).post(create_activity))
        .route("/activities/{id}", "GET POST", get(activity_page).post(update_activity))
        .route("/activities/{id}/delete", "POST", post(delete_activity))
        .route("/initiatives/{id}/frame", "GET", get(frame_page))
        .route("/initiatives/{id}/frame/reporting", "POST", post(set_reporting))
        .route("/initiatives/{id}/frame/funders", "POST", post(add_funder))
        .route("/initiatives/{id}/frame/roles", "POST", post(add_role))
        .route("/initiatives/{id}/frame/phases", "POST", post(add_phase))
        .route("/initiatives/{id}/frame/funders/{funder}/remove", "POST", post(remove_funder))
        .route("/initiatives/{id}/frame/roles/{role}/remove", "POST", post(remove_role))
        .route("/initiatives/{id}/frame/phases/{phase}/remove", "POST", post(remove_phase))
        .route("/initiatives/{id}/indicators", "GET POST", get(indicators_page).post(create_indicator))
        .route("/indicators/{id}", "GET", get(indicator_page))
        .route("/indicators/{id}/entries", "POST", post(record_indicator_entry))
        .route("/indicators/{id}/delete", "POST", post(delete_indicator))
        .route("/initiatives/{id}/participants", "GET POST", get(participants_page).post(join_participant))
        .route("/participations/{id}", "GET", get(participation_page))
        .route("/participations/{id}/leave", "POST", post(leave_participant))
        .route("/projects", "GET", get(overview_page))
        .route("/projects.xlsx", "GET", get(overview_xlsx))
        .route("/initiatives/{id}/reports", "GET", get(reports_page))
        .route("/initiatives/{id}/reports/open", "GET", get(open_report))
        .route("/initiatives/{id}/reports/{period}", "GET POST", get(report_page).post(save_report))
        .route("/initiatives/{id}/reports/{period}/{format}", "GET", get(report_file))
        .route("/initiatives/{id}/budget", "GET", get(budget_page))
        .route("/initiatives/{id}/budget/lines", "POST", post(add_budget_line))
        .route("/initiatives/{id}/budget/costs", "POST", post(add_cost))
        .route(
            "/initiatives/{id}/budget/costs/import",
            "POST",
            post(import_costs).layer(axum::extract::DefaultBodyLimit::max(super::readiness::UPLOAD_MAX_BYTES)),
        )
        .route("/initiatives/{id}/budget/costs/template.xlsx", "GET", get(cost_template))
        .route("/initiatives/{id}/budget/lines/{line}/remove", "POST", post(remove_budget_line))
        .route("/initiatives/{id}/budget/costs/{cost}/remove", "POST", post(remove_cost))
        .route("/project/people", "GET", get(people_page))
        .route("/project/people/export.json", "GET", get(people_export))
        .route("/project/people/erase", "POST", post(people_erase))
}

/// A row's remove button; its accessible name says which row (`Ta bort Sara Ek`).
fn remove_button(ctx: &Ctx, action: String, what: &str) -> Markup {
    html! {
        form.inline method="post" action=(action) {
            (csrf(ctx))
            button.secondary type="submit" aria-label=(format!("{} {what}", ctx.t("project-remove"))) { (ctx.t("project-remove")) }
        }
    }
}

/// The initiative page's section: how many events, the next one, and the way to them.
pub async fn section(state: &AppState, member: &Member, initiative_id: i64) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let events = store::events_of(&state.db, &member.scope, initiative_id).await?;
    let now = parat_store::now();
    let next = events.iter().find(|e| e.starts_at >= now);
    let came: u32 = events.iter().map(|e| e.attendees + e.head_count).sum();
    Ok(html! {
        section aria-labelledby="project" {
            h2 #project { (ctx.t("project-title")) }
            p {
                (ctx.t_with("project-events-summary", &[("events", (events.len() as f64).into()), ("people", f64::from(came).into())]))
                @if let Some(next) = next {
                    " " (ctx.t("project-events-next")) " "
                    a href=(format!("/events/{}", next.id)) { (next.title) } ", " (ctx.date_time(next.starts_at)) "."
                }
            }
            ul.links {
                @for (path, key) in [
                    ("reports", "project-reports"), ("frame", "project-frame"), ("indicators", "project-indicators"),
                    ("events", "project-events-open"), ("evaluations", "project-evaluations"),
                    ("participants", "project-participants"), ("activities", "project-activities-open"),
                    ("budget", "project-budget"),
                ] {
                    li { a href=(format!("/initiatives/{initiative_id}/{path}")) { (ctx.t(key)) } }
                }
            }
        }
    })
}
