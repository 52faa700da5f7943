//! A project's evaluations and its reports' narratives in the API: the evaluation rounds (each
//! event's, the project evaluation at start and end) listed and made, with the open link to
//! show as a QR code; and the coordinator's words of a period's report or the final report, read
//! and written. Answers and results go through the questionnaire API (`/rounds/{id}/…`).

use super::*;
use parat_core::locale::{scandinavian_date, Locale};
use parat_core::project::{evaluation_draft, EvaluationStage, NarrativeInput, ReportOf};
use parat_store::project as store;

/// The operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_evaluations))
        .routes(routes!(start_event_evaluation))
        .routes(routes!(start_project_evaluation))
        .routes(routes!(get_narrative, put_narrative))
}

#[derive(Serialize, ToSchema)]
pub struct EvaluationOut {
    /// The questionnaire round (`/api/v1/rounds/{round_id}`).
    round_id: i64,
    /// `event`, `start` or `end`.
    kind: EvaluationStage,
    /// The event it evaluates, for `kind: event`.
    event_id: Option<i64>,
    title: String,
    /// Submitted answers.
    responses: i64,
    closed: bool,
}

#[derive(Serialize, ToSchema)]
pub struct EvaluationMade {
    round_id: i64,
    /// The link to answer through (and to show as a QR code); given this once.
    open_link: String,
}

/// The coordinator's words in a report; an empty field is not written.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NarrativeBody {
    #[serde(default)]
    #[schema(max_length = 8000)]
    summary: String,
    #[serde(default)]
    #[schema(max_length = 8000)]
    went_well: String,
    #[serde(default)]
    #[schema(max_length = 8000)]
    difficulties: String,
    /// The next period; in the final report, how the work carries on after the project.
    #[serde(default)]
    #[schema(max_length = 8000)]
    next_period: String,
}

/// The project's evaluation rounds: the events' in the events' order, then start and end.
#[utoipa::path(get, path = "/initiatives/{id}/evaluations", tag = "project", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = Vec<EvaluationOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn list_evaluations(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<Vec<EvaluationOut>>, AppError> {
    let rounds = store::evaluations_of(&state.db, &scope, id).await?;
    Ok(Json(
        rounds
            .into_iter()
            .map(|r| EvaluationOut {
                round_id: r.round_id,
                kind: r.stage.0,
                event_id: r.event_id,
                title: r.title,
                responses: r.responses,
                closed: r.closed,
            })
            .collect(),
    ))
}

fn made(state: &AppState, round_id: i64, link: Option<parat_store::Secret>) -> Response {
    let open_link = link
        .map(|l| format!("{}/q/{}", state.settings.public_url.trim_end_matches('/'), l.expose()))
        .unwrap_or_default();
    (StatusCode::CREATED, Json(EvaluationMade { round_id, open_link })).into_response()
}

/// Makes the evaluation of a training event: an anonymous round of Parat's event evaluation
/// with an open link, taking answers from the event's day for thirty days. One per event.
#[utoipa::path(post, path = "/events/{id}/evaluation", tag = "project", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 201, body = EvaluationMade),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such event in the token's organisation", body = ErrorBody),
        (status = 422, description = "The event has its evaluation already (`evaluation: taken`)", body = ErrorBody),
    ))]
async fn start_event_evaluation(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let event = store::event(&state.db, &scope, id).await?;
    let locale = Locale::default();
    let title =
        crate::i18n::text_with(locale, "project-evaluation-event-round", &[("event", event.title.clone().into())]);
    let today = parat_store::now_date();
    let draft =
        evaluation_draft(EvaluationStage::Event, &title, &event.title, scandinavian_date(event.starts_at), today);
    let (round, link) =
        store::start_evaluation(&state.db, &scope, event.initiative_id, EvaluationStage::Event, Some(id), &draft)
            .await?;
    Ok(made(&state, round.id, link))
}

/// Makes the project evaluation at start or at end (which follows up the start's): an
/// anonymous round with an open link and pairing codes, for thirty days from today.
#[utoipa::path(post, path = "/initiatives/{id}/evaluations/{stage}", tag = "project",
    params(("id" = i64, Path, minimum = 1), ("stage" = String, Path, description = "`start` or `end`", pattern = "^(start|end)$")),
    responses(
        (status = 201, body = EvaluationMade),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation, or no such stage", body = ErrorBody),
        (status = 422, description = "That evaluation is made already (`evaluation: taken`)", body = ErrorBody),
    ))]
async fn start_project_evaluation(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    axum::extract::Path((id, stage)): axum::extract::Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = crate::pages::parse_id(&id)?;
    let stage = match stage.as_str() {
        "start" => EvaluationStage::Start,
        "end" => EvaluationStage::End,
        _ => return Err(AppError::NotFound),
    };
    let initiative = parat_store::initiatives::get(&state.db, &scope, id).await?;
    let key = format!("project-evaluation-{}-round", stage.key());
    let title = crate::i18n::text_with(Locale::default(), &key, &[("initiative", initiative.name.clone().into())]);
    let today = parat_store::now_date();
    let draft = evaluation_draft(stage, &title, &initiative.name, today, today);
    let (round, link) = store::start_evaluation(&state.db, &scope, id, stage, None, &draft).await?;
    Ok(made(&state, round.id, link))
}

/// The report a path names: a period (`2026-05`, `2026-T2`, `2026-Q3`, `2026`) or `final`.
fn report_of(raw: &str) -> Result<ReportOf, AppError> {
    ReportOf::parse(raw).ok_or_else(|| {
        AppError::BadRequest(format!(
            "`{raw}` is not a report: give a period (2026-05, 2026-T2, 2026-Q3, 2026) or `final`"
        ))
    })
}

/// The coordinator's words in a period's report or the final report; empty when none is written.
#[utoipa::path(get, path = "/initiatives/{id}/reports/{report}", tag = "project",
    params(("id" = i64, Path, minimum = 1), ("report" = String, Path, description = "A period (`2026-T2`) or `final`", pattern = "^((19[0-9]{2}|[2-9][0-9]{3})(-(0[1-9]|1[0-2]|T[1-3]|Q[1-4]))?|final)$")),
    responses(
        (status = 200, body = NarrativeBody),
        (status = 400, description = "Not a period nor `final`", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn get_narrative(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    axum::extract::Path((id, report)): axum::extract::Path<(String, String)>,
) -> Result<Json<NarrativeBody>, AppError> {
    let (id, report) = (crate::pages::parse_id(&id)?, report_of(&report)?);
    let narrative = store::narrative(&state.db, &scope, id, &report).await?;
    Ok(Json(NarrativeBody {
        summary: narrative.summary,
        went_well: narrative.went_well,
        difficulties: narrative.difficulties,
        next_period: narrative.next_period,
    }))
}

/// Writes the coordinator's words in a report, replacing what was there.
#[utoipa::path(put, path = "/initiatives/{id}/reports/{report}", tag = "project",
    params(("id" = i64, Path, minimum = 1), ("report" = String, Path, description = "A period (`2026-T2`) or `final`", pattern = "^((19[0-9]{2}|[2-9][0-9]{3})(-(0[1-9]|1[0-2]|T[1-3]|Q[1-4]))?|final)$")),
    request_body = NarrativeBody,
    responses(
        (status = 204, description = "Written"),
        (status = 400, description = "Not JSON, not `application/json`, too large, or not a report", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn put_narrative(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    axum::extract::Path((id, report)): axum::extract::Path<(String, String)>,
    ApiJson(body): ApiJson<NarrativeBody>,
) -> Result<StatusCode, AppError> {
    let (id, report) = (crate::pages::parse_id(&id)?, report_of(&report)?);
    let input = NarrativeInput {
        summary: body.summary,
        went_well: body.went_well,
        difficulties: body.difficulties,
        next_period: body.next_period,
    };
    let narrative = input.parse().map_err(AppError::Invalid)?;
    store::save_narrative(&state.db, &scope, id, &report, &narrative).await?;
    Ok(StatusCode::NO_CONTENT)
}
