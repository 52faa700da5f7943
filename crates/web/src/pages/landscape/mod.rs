//! The implementation landscape of an initiative: the four levels and their factors assessed,
//! the reflection checklist, and what changed between two dates.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::response::Response;
use maud::{html, Markup};
use parat_core::landscape::analysis::Progress;
use parat_core::landscape::framework::{Factor, Level};
use parat_core::landscape::{FactorState, Framework, QuestionStatus};
use parat_core::FieldErrors;
use parat_store::landscape::{self, FactorEntry, Landscape, QuestionEntry};
use parat_store::StoreError;
use serde::Deserialize;

use super::{people, redirect_with_cookies, rejected, short, NoticeQuery};
use crate::context::{Member, PathId, PathIdAndKey, Submitted};
use crate::views::forms::{self, csrf, error_summary, Field};
use crate::views::layout::{notice, page, Nav};
use crate::{AppError, AppState, Ctx};

mod changes;
mod checklist;
mod factor;
mod goals;
mod milestones;
mod overview;
mod plan_document;
mod portfolio;
mod readiness;
mod risks;
mod stakeholders;
mod theory;
mod tools;
mod work;

pub use changes::*;
pub use checklist::*;
pub use factor::*;
pub use overview::*;
pub use plan_document::{plan_docx, plan_pdf};
pub use portfolio::landscape_portfolio;
pub use readiness::from_readiness;
pub use work::*;

/// The landscape's pages, merged into the site's routes in one place (`pages::routes`).
pub fn routes() -> super::Routes {
    use axum::routing::{get, post};
    tool_pages(super::Routes::new())
        .route("/initiatives/{id}/landscape", "GET", get(overview))
        .route("/initiatives/{id}/landscape/framework", "POST", post(choose_framework))
        .route("/initiatives/{id}/landscape/factors/{key}", "GET POST", get(factor_page).post(save_factor))
        .route("/initiatives/{id}/landscape/changes", "GET", get(changes_page))
        .route("/initiatives/{id}/landscape/from-readiness", "POST", post(from_readiness))
        .route("/initiatives/{id}/plan.pdf", "GET", get(plan_pdf))
        .route("/portfolio/landscape", "GET", get(landscape_portfolio))
        .route("/initiatives/{id}/plan.docx", "GET", get(plan_docx))
        .route("/initiatives/{id}/checklist", "GET", get(checklist))
        .route("/initiatives/{id}/checklist/{key}", "GET POST", get(question_page).post(save_question))
}

/// The planning tools' pages, each mounted the same way.
fn tool_pages(routes: super::Routes) -> super::Routes {
    use parat_store::landscape::{ChangeStep, Goal, Milestone, Risk, Stakeholder};
    let routes = tools::tool_routes!(routes, Goal, "goals", "{goal}");
    let routes = tools::tool_routes!(routes, ChangeStep, "theory", "{step}");
    let routes = tools::tool_routes!(routes, Stakeholder, "stakeholders", "{stakeholder}");
    let routes = tools::tool_routes!(routes, Milestone, "milestones", "{milestone}");
    tools::tool_routes!(routes, Risk, "risks", "{risk}")
}

fn today() -> time::Date {
    parat_store::now_date()
}

/// A step of the five-step scale in words, e.g. "Hindrar tydligt".
pub fn state_name(ctx: &Ctx, state: Option<FactorState>) -> String {
    match state {
        Some(state) => ctx.t(&format!("land-state-{}", state.key())),
        None => ctx.t("land-state-none"),
    }
}

/// The scale's value as a sign, for tables and the picture ("−2" … "+2").
pub fn state_sign(state: Option<FactorState>) -> String {
    match state.map(FactorState::value) {
        Some(v) if v > 0 => format!("+{v}"),
        Some(v) if v < 0 => format!("−{}", -v),
        Some(_) => "0".into(),
        None => "·".into(),
    }
}

fn status_name(ctx: &Ctx, status: QuestionStatus) -> String {
    ctx.t(&format!("land-status-{}", status.key()))
}

/// A saved owner as the form's field pair (`owner_id`, `who`).
fn owner_fields(owner: Option<parat_core::owner::Owner>) -> (String, String) {
    use parat_core::owner::Owner;
    match owner {
        Some(Owner::Member(id)) => (id.to_string(), String::new()),
        Some(Owner::Named(name)) => (String::new(), name),
        None => (String::new(), String::new()),
    }
}

/// The text, or a dash where there is none.
fn dash(text: &str) -> &str {
    if text.is_empty() {
        "–"
    } else {
        text
    }
}

/// The recorded factors by key.
fn by_key<T>(entries: Vec<T>, key: impl Fn(&T) -> &str) -> HashMap<String, T> {
    entries.into_iter().map(|e| (key(&e).to_owned(), e)).collect()
}

/// The landscape's sub-navigation: overview, checklist, changes.
fn tabs(ctx: &Ctx, landscape: &Landscape, current: &str) -> Markup {
    let id = landscape.initiative_id;
    let links = [
        ("overview", format!("/initiatives/{id}/landscape"), ctx.t("land-title")),
        ("checklist", format!("/initiatives/{id}/checklist"), ctx.t("land-checklist-title")),
        ("changes", format!("/initiatives/{id}/landscape/changes"), ctx.t("land-changes-title")),
        ("goals", format!("/initiatives/{id}/goals"), ctx.t("land-goals-title")),
        ("theory", format!("/initiatives/{id}/theory"), ctx.t("land-theory-title")),
        ("stakeholders", format!("/initiatives/{id}/stakeholders"), ctx.t("land-stakeholders-title")),
        ("milestones", format!("/initiatives/{id}/milestones"), ctx.t("land-milestones-title")),
        ("risks", format!("/initiatives/{id}/risks"), ctx.t("land-risks-title")),
    ];
    html! {
        p.breadcrumb { a href=(format!("/initiatives/{id}")) { (landscape.initiative_name) } }
        nav.tabs aria-label=(ctx.t("land-nav")) { ul {
            @for (key, href, label) in &links {
                li { a href=(href) aria-current=[(*key == current).then_some("page")] { (label) } }
            }
        } }
    }
}

/// The initiative page's summary of its landscape and checklist, with overdue questions.
pub async fn section(state: &AppState, member: &Member, initiative_id: i64) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let landscape = landscape::open(&state.db, &member.scope, initiative_id).await?;
    let framework = landscape.framework();
    let factors = landscape::factors(&state.db, &landscape).await?;
    let questions = by_key(landscape::questions(&state.db, &landscape).await?, |q| &q.key);
    let assessed = factors.iter().filter(|f| f.state.is_some()).count();
    let hindering = factors.iter().filter(|f| f.state.is_some_and(FactorState::hinders)).count();
    let progress = Progress::of(framework.questions().map(|(_, q)| status_of(&questions, &q.key)));
    let today = today();
    let overdue: Vec<(&str, &QuestionEntry)> = framework
        .questions()
        .filter_map(|(_, q)| questions.get(&q.key).filter(|e| e.is_overdue(today)).map(|e| (q.text.get(ctx.locale), e)))
        .collect();
    let id = initiative_id;
    Ok(html! {
        section aria-labelledby="landscape-title" {
            h2 #landscape-title { (ctx.t("land-title")) }
            p {
                (ctx.t_with("land-summary", &[
                    ("assessed", (assessed as f64).into()),
                    ("factors", (framework.factors().count() as f64).into()),
                    ("hindering", (hindering as f64).into()),
                ])) " "
                (ctx.t_with("land-progress", &[("done", (progress.done as f64).into()), ("total", (progress.total as f64).into())]))
            }
            @if !overdue.is_empty() {
                div.callout.overdue {
                    h3 { (ctx.t("land-overdue-title")) }
                    ul { @for (text, entry) in &overdue {
                        li {
                            a href=(format!("/initiatives/{id}/checklist/{}", entry.key)) { (text) }
                            " " span.hint.date { (ctx.t("work-due")) " " (entry.due_on.map(|d| ctx.locale.format_date(d)).unwrap_or_default()) }
                            @if !entry.who.is_empty() { " " span.hint { "(" (entry.who) ")" } }
                            " " span.badge.disagree { (ctx.t("plan-overdue")) }
                        }
                    } }
                }
            }
            div.actions {
                a.button href=(format!("/initiatives/{id}/landscape")) { (ctx.t("land-title")) }
                a.button href=(format!("/initiatives/{id}/checklist")) { (ctx.t("land-checklist-title")) }
                a.button href=(format!("/initiatives/{id}/landscape/changes")) { (ctx.t("land-changes-title")) }
            }
            (plan_downloads(ctx, id))
        }
    })
}

/// Links to the whole plan as a document, PDF and Word.
fn plan_downloads(ctx: &Ctx, id: i64) -> Markup {
    html! {
        p.downloads {
            (ctx.t("land-plan-download")) ": "
            a href=(format!("/initiatives/{id}/plan.pdf")) { (ctx.t("land-plan-pdf")) } " · "
            a href=(format!("/initiatives/{id}/plan.docx")) { (ctx.t("land-plan-docx")) }
        }
    }
}

/// A question's status: its record's, or open when it has none.
fn status_of(questions: &HashMap<String, QuestionEntry>, key: &str) -> QuestionStatus {
    questions.get(key).map_or(QuestionStatus::Open, |q| q.status)
}

/// The level and factor for a key in the path, or 404.
fn factor_of<'f>(framework: &'f Framework, key: &str) -> Result<(&'f Level, &'f Factor), AppError> {
    framework.factor(key).ok_or(AppError::NotFound)
}

/// Forbidden for those who may only read.
fn require_edit(landscape: &Landscape) -> Result<(), AppError> {
    if landscape.can_edit {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// "Save" or "Save and go to the next one", as the form's buttons send it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Next {
    next: String,
}

impl Next {
    fn wanted(&self) -> bool {
        !self.next.is_empty()
    }
}
