//! Questionnaires: rounds that send a questionnaire out with an open link or personal links
//! (`rounds`), the answering page that needs no account (`answer`), and the results with the
//! anonymity threshold (`results`).

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use parat_core::questionnaire::{Answer, AnswerProblem, Definition, Item, ItemKind};
use parat_core::FieldErrors;
use parat_store::questionnaire::{self as store, Round};
use serde::Deserialize;

use super::{blocking, download, EmptyForm, NoticeQuery};
use crate::context::{Member, PathId, PathIds, Submitted};
use crate::views::forms::{self, action_button, csrf, error_summary, Field};
use crate::views::layout::{notice, page, Nav};
use crate::{AppError, AppState, Ctx};

mod answer;
mod builder;
mod definitions;
mod export;
mod mailing;
mod results;
mod rounds;

pub use answer::*;
pub use builder::*;
pub use definitions::*;
pub use export::*;
pub use mailing::remind;
pub use results::*;
pub use rounds::*;

/// The person reading a round's results (`/rounds/{id}/results`, `/rounds/{id}/summary.pdf`):
/// in their own organisation's name; or, for a campaign contractor's person whom the round's
/// organisation has let in, that organisation's as a viewer (`guest`), who reads the figures
/// above the threshold and never the answers themselves. Anyone else keeps their own scope, in
/// which the round is not found.
pub struct ResultsReader {
    pub member: Member,
    /// Reading as a guest: the round's organisation, by name.
    pub guest: Option<String>,
}

impl axum::extract::FromRequestParts<AppState> for ResultsReader {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &AppState) -> Result<Self, AppError> {
        let member = Member::from_request_parts(parts, state).await?;
        let mut segments = parts.uri.path().trim_start_matches('/').split('/');
        let round = match (segments.next(), segments.next().and_then(|s| s.parse::<i64>().ok())) {
            (Some("rounds"), Some(id)) => id,
            _ => return Ok(ResultsReader { member, guest: None }),
        };
        match parat_store::campaign::guest_round_scope(&state.db, &member.scope, round).await? {
            Some((scope, organisation)) if scope.org_id() != member.scope.org_id() => {
                Ok(ResultsReader { member: Member { scope, ..member }, guest: Some(organisation) })
            }
            _ => Ok(ResultsReader { member, guest: None }),
        }
    }
}

/// The questionnaire pages, merged into the site's routes in one place (`pages::routes`).
pub fn routes() -> super::Routes {
    use axum::routing::{get, post};
    super::Routes::new()
        .route("/questionnaires", "GET POST", get(questionnaires).post(load_questionnaire))
        .route("/questionnaires/preview", "GET", get(preview))
        .route("/questionnaires/new", "GET POST", get(new_questionnaire_page).post(create_questionnaire))
        .route("/questionnaires/{id}/edit", "GET POST", get(builder_page).post(rename))
        .route("/questionnaires/{id}/items", "POST", post(add_item))
        .route("/questionnaires/{id}/items/{item}", "GET POST", get(item_page).post(save_item))
        .route("/questionnaires/{id}/items/{item}/move", "POST", post(move_item))
        .route("/questionnaires/{id}/items/{item}/delete", "POST", post(remove_item))
        .route("/questionnaires/{id}/sections", "POST", post(add_section))
        .route("/questionnaires/{id}/sections/{section}/delete", "POST", post(remove_section))
        .route("/questionnaires/definition.toml", "GET", get(definition_file))
        .route("/initiatives/{id}/rounds/new", "GET", get(new_page))
        .route("/initiatives/{id}/rounds", "POST", post(create))
        .route("/rounds/{id}", "GET", get(show))
        .route("/rounds/{id}/respondents", "POST", post(add_respondents))
        .route("/rounds/{id}/respondents/{respondent}/link", "POST", post(new_personal_link))
        .route("/rounds/{id}/open-link", "POST", post(new_open_link))
        .route("/rounds/{id}/remind", "POST", post(remind))
        .route("/rounds/{id}/close", "POST", post(close))
        .route("/rounds/{id}/reopen", "POST", post(reopen))
        .route("/rounds/{id}/enter", "GET POST", get(enter_page).post(enter))
        .route("/rounds/{id}/results", "GET", get(results))
        .route("/rounds/{id}/summary.pdf", "GET", get(summary_pdf))
        .route("/rounds/{id}/answers.csv", "GET", get(answers_csv))
        .route("/rounds/{id}/answers.xlsx", "GET", get(answers_xlsx))
        .route("/q/{token}", "GET POST", get(answer_page).post(save_answers))
}

/// Today in Scandinavian time, the calendar a round's dates are in.
fn today() -> time::Date {
    parat_store::now_date()
}

/// A question's text with the round's subject in place of `{issue}`.
fn text_of(ctx: &Ctx, round: &Round, text: &parat_core::locale::Localized) -> String {
    text.with_issue(ctx.locale, &round.issue)
}

/// The link a respondent opens.
fn answer_url(state: &AppState, token: &str) -> String {
    format!("{}/q/{token}", state.settings.public_url.trim_end_matches('/'))
}
