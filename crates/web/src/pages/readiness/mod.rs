//! Readiness assessments: create one for an initiative, record informants and interviews,
//! score blind, agree a consensus, and read the results with charts and strategies.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use parat_core::readiness::assessment::{
    parse_context_rating, scale_steps, AssessmentInput, AssessmentStatus, InformantInput, InterviewInput, Task,
    ANSWER_MAX, TRANSCRIPT_MAX,
};
use parat_core::readiness::instrument::{builtin, Instrument};
use parat_core::readiness::scoring::{self, HalfPoints, Results};
use parat_core::validation::optional_text;
use parat_core::{FieldErrors, Problem};
use parat_store::readiness::{self, Access, Assessment, Score};
use parat_store::{accounts, initiatives, StoreError};
use serde::Deserialize;

use super::{
    blocking, download, parse_id, redirect_with_cookies, rejected, upload_problem, EmptyForm, NoticeQuery, Upload,
};
use crate::context::{Member, PathId, PathIds, Submitted};
use crate::error::NotNow;
use crate::views::charts::{self, Point};
use crate::views::confirm::{confirm_page, Confirmation};
use crate::views::forms::{self, action_button, csrf, error_summary, Field};
use crate::views::layout::{notice, page, Nav};
use crate::{AppError, AppState, Ctx};
use parat_reports::csv::document as csv_document;

mod actions;
mod assessment;
mod interview;
mod over_time;
mod portfolio;
mod results;
mod scores;
mod work;

pub use actions::*;
pub use assessment::*;
pub use interview::*;
pub use over_time::*;
pub use portfolio::*;
pub use results::*;
pub use scores::*;
pub use work::*;

/// The person asking about one assessment (`/assessments/{id}/…`, `/interviews/{id}/…`), in the
/// name they may act in: their own organisation's; or, for a campaign contractor's person whom
/// the assessment's organisation has let in, that organisation's as a scorer on its team. Anyone
/// else keeps their own scope, in which the assessment is not found.
pub struct AssessmentMember(pub Member);

impl axum::extract::FromRequestParts<AppState> for AssessmentMember {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &AppState) -> Result<Self, AppError> {
        let member = Member::from_request_parts(parts, state).await?;
        let mut segments = parts.uri.path().trim_start_matches('/').split('/');
        let (kind, id) = (segments.next(), segments.next().and_then(|s| s.parse::<i64>().ok()));
        let owner = match (kind, id) {
            (Some("assessments"), Some(id)) => readiness::owner_of(&state.db, id, false).await?,
            (Some("interviews"), Some(id)) => readiness::owner_of(&state.db, id, true).await?,
            _ => None,
        };
        match owner {
            Some((assessment, org)) if org != member.scope.org_id() => {
                match parat_store::campaign::guest_scope(&state.db, &member.scope, assessment).await? {
                    Some(scope) => Ok(AssessmentMember(Member { scope, ..member })),
                    None => Ok(AssessmentMember(member)),
                }
            }
            _ => Ok(AssessmentMember(member)),
        }
    }
}

/// Readiness's pages, merged into the site's routes in one place (`pages::routes`).
pub fn routes() -> super::Routes {
    use axum::routing::{get, post};
    super::Routes::new()
        .route("/initiatives/{id}/assessments/new", "GET", get(new_page))
        .route("/initiatives/{id}/assessments", "POST", post(create))
        .route("/assessments/{id}", "GET", get(show))
        .route("/assessments/{id}/advance", "POST", post(advance))
        .route("/assessments/{id}/reopen", "GET POST", get(confirm_reopen).post(reopen))
        .route("/assessments/{id}/informants", "POST", post(add_informant))
        .route(
            "/assessments/{id}/informants/{informant}/erase",
            "GET POST",
            get(confirm_erase_informant).post(erase_informant),
        )
        .route("/assessments/{id}/informants/{informant}/contact", "GET", get(informant_contact))
        .route("/assessments/{id}/interviews", "POST", post(add_interview))
        .route("/assessments/{id}/results", "GET", get(results))
        .route("/assessments/{id}/scores.csv", "GET", get(scores_csv))
        .route("/assessments/{id}/scores.xlsx", "GET", get(scores_xlsx))
        .route("/assessments/{id}/actions", "POST", post(add_action))
        .route("/assessments/{id}/actions.csv", "GET", get(actions_csv))
        .route("/assessments/{id}/actions/{action}", "POST", post(update_action))
        .route("/assessments/{id}/actions/{action}/edit", "GET", get(edit_action_page))
        .route("/assessments/{id}/actions/{action}/done", "POST", post(complete_action))
        .route("/assessments/{id}/actions/{action}/delete", "POST", post(delete_action))
        .route("/assessments/{id}/report.pdf", "GET", get(report_pdf))
        .route("/assessments/{id}/guide.pdf", "GET", get(guide_pdf))
        .route("/initiatives/{id}/readiness", "GET", get(readiness_over_time))
        .route("/portfolio", "GET", get(portfolio))
        .route("/portfolio.csv", "GET", get(portfolio_csv))
        .route("/portfolio/{id}", "GET", get(portfolio_report))
        .route("/interviews/{id}", "GET", get(interview))
        .route("/interviews/{id}/answers", "POST", post(save_answers))
        .route("/interviews/{id}/answers/{question}", "POST", post(save_answer))
        .route("/interviews/{id}/transcript", "POST", post(save_transcript))
        .route(
            "/interviews/{id}/transcript/upload",
            "POST",
            post(upload_transcript).layer(axum::extract::DefaultBodyLimit::max(UPLOAD_MAX_BYTES)),
        )
        .route("/interviews/{id}/score", "GET POST", get(score_page).post(save_score))
        .route("/interviews/{id}/consensus", "GET POST", get(consensus_page).post(save_consensus))
}

/// The largest transcript file accepted.
pub const UPLOAD_MAX_BYTES: usize = 8 * 1024 * 1024;

fn status_label(ctx: &Ctx, status: AssessmentStatus) -> String {
    ctx.t(&format!("assessment-status-{}", status.key()))
}

/// An instrument's name in the reader's language (campaigns name theirs too).
pub fn instrument_name(ctx: &Ctx, id: &str) -> String {
    builtin()
        .iter()
        .find(|i| i.id == id)
        .map(|i| i.name.get(ctx.locale).to_owned())
        .unwrap_or_else(|| ctx.t("instruments-own-one"))
}

/// The form-field labels of an instrument's dimensions, for error summaries.
fn dimension_labels(ctx: &Ctx, instrument: &Instrument) -> Vec<(&'static str, String)> {
    instrument
        .dimensions
        .iter()
        .map(|d| (readiness::dimension_field(&d.key), format!("{}. {}", d.key, d.name.get(ctx.locale))))
        .collect()
}

/// The results of an assessment whose consensus is complete for at least one interview.
async fn computed_results(state: &AppState, member: &Member, assessment: &Assessment) -> Result<Results, AppError> {
    let (scores, _) = readiness::results_input(&state.db, &member.scope, assessment).await?;
    scores.as_ref().map(scoring::results).ok_or(AppError::NotNow(NotNow::NoResultsYet))
}

fn level_text(level: HalfPoints) -> String {
    if level.half_points().is_multiple_of(2) {
        format!("{}", level.half_points() / 2)
    } else {
        format!("{},5", level.half_points() / 2)
    }
}

pub(crate) fn score_text(ctx: &Ctx, score: parat_core::readiness::Fraction) -> String {
    ctx.locale.format_decimal(score.hundredths_for_display() as f64 / 100.0, 2)
}
