//! Readiness in the API: an initiative's assessments, one assessment's results, and scoring
//! from scores (the same computation as `parat crm score`).

use super::*;
use parat_store::readiness::{self as store, Assessment, AssessmentSummary};

/// Readiness's operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_assessments)).routes(routes!(get_assessment)).routes(routes!(crm_score))
}

#[derive(Serialize, ToSchema)]
pub struct AssessmentSummaryOut {
    id: i64,
    /// `crm-2006`, `crm-2014`, or `org-<n>` for an organisation's own instrument.
    instrument: String,
    /// The community or organisation measured.
    measured: String,
    #[schema(value_type = AssessmentStatus)]
    status: String,
    #[schema(format = DateTime)]
    created_at: String,
    interviews: i64,
}

impl From<AssessmentSummary> for AssessmentSummaryOut {
    fn from(a: AssessmentSummary) -> Self {
        AssessmentSummaryOut {
            id: a.id,
            instrument: a.instrument_id,
            measured: a.measured,
            status: a.status,
            created_at: timestamp(a.created_at),
            interviews: a.interviews,
        }
    }
}

/// One assessment with its results: no interviews, informants or single scores.
#[derive(Serialize, ToSchema)]
pub struct AssessmentOut {
    id: i64,
    initiative_id: i64,
    instrument: String,
    /// `2006` (dimensions A–F) or `2014` (A–E)
    edition: Edition,
    measured: String,
    /// The issue's name as the interviews used it.
    issue: String,
    half_points: bool,
    status: AssessmentStatus,
    #[schema(format = DateTime)]
    created_at: String,
    #[schema(format = DateTime)]
    reported_at: Option<String>,
    /// Interviews without a consensus on every dimension yet; the results leave them out.
    interviews_without_consensus: usize,
    /// Null until an interview has a consensus on every dimension. Otherwise what
    /// `POST /api/v1/crm/score` returns for the same scores: unrounded means, truncated stages,
    /// the lowest dimensions, agreement between the scorers (interviews both have submitted)
    /// and warnings.
    results: Option<ScoreOutput>,
}

impl AssessmentOut {
    fn new(a: &Assessment, results: Option<ScoreOutput>, incomplete: usize) -> Self {
        AssessmentOut {
            id: a.id,
            initiative_id: a.initiative_id,
            instrument: a.instrument_id.clone(),
            edition: a.edition(),
            measured: a.measured.clone(),
            issue: a.issue.clone(),
            half_points: a.half_points,
            status: a.status,
            created_at: timestamp(a.created_at),
            reported_at: a.reported_at.map(timestamp),
            interviews_without_consensus: incomplete,
            results,
        }
    }
}

/// The readiness assessments of one of the organisation's initiatives, newest first. Viewers
/// see reported ones only (and those they work on); another organisation's initiative is 404.
#[utoipa::path(get, path = "/initiatives/{id}/assessments", tag = "readiness", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = Vec<AssessmentSummaryOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn list_assessments(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<Vec<AssessmentSummaryOut>>, AppError> {
    let initiative = initiatives::get(&state.db, &scope, id).await?;
    let list = store::list_for_initiative(&state.db, &scope, initiative.id).await?;
    Ok(Json(list.into_iter().map(AssessmentSummaryOut::from).collect()))
}

/// One assessment and its results, for those who may read them on the results page (the team
/// and the organisation's coordinators; everyone once reported). The scorers' own scores count
/// in the agreement only for interviews both have submitted, as everywhere.
#[utoipa::path(get, path = "/assessments/{id}", tag = "readiness", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = AssessmentOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such assessment, or not one you may read yet", body = ErrorBody),
    ))]
async fn get_assessment(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<AssessmentOut>, AppError> {
    use parat_core::readiness::scoring;
    let (assessment, access) = store::get(&state.db, &scope, id).await?;
    if !access.read_results {
        return Err(AppError::NotFound);
    }
    let (scores, incomplete) = store::results_input(&state.db, &scope, &assessment).await?;
    let results = scores.as_ref().map(|s| ScoreOutput::from(&scoring::results(s)));
    Ok(Json(AssessmentOut::new(&assessment, results, incomplete)))
}

/// The request body of `POST /crm/score`, described by hand: the core type is plain serde, and
/// its schema says more than a derive could (the dimension keys, the scale and its steps). The
/// derive only registers the name; [`openapi_document`] puts this schema in its place.
pub(super) struct ScoreRequest;

impl ScoreRequest {
    pub(super) const NAME: &'static str = "ScoreRequest";

    pub(super) fn json_schema() -> serde_json::Value {
        let level = serde_json::json!({
            "type": "number", "minimum": 1, "maximum": 9, "multipleOf": 0.5,
            "description": "A level of the anchored scale: whole points, or half points where the assessment allows them."
        });
        serde_json::json!({
            "type": "object",
            "additionalProperties": false,
            "required": ["edition", "interviews"],
            "properties": {
                "edition": {"type": "string", "enum": ["2006", "2014"], "description": "2006: dimensions A–F; 2014: A–E."},
                "half_points": {"type": "boolean", "default": false, "description": "Whether half points (e.g. 4.5) are allowed."},
                "interviews": {
                    "type": "array",
                    "minItems": 1,
                    "description": "Each interview once (by id), with every dimension of the edition.",
                    "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["id", "scores"],
                        "properties": {
                            "id": {"type": "string"},
                            "scores": {
                                "type": "object",
                                "propertyNames": {"enum": ["A", "B", "C", "D", "E", "F"]},
                                "additionalProperties": {
                                    "type": "object",
                                    "additionalProperties": false,
                                    "required": ["consensus"],
                                    "properties": {
                                        "scorers": {"type": "array", "items": level, "maxItems": 2,
                                            "description": "Both scorers' own scores before consensus, or none."},
                                        "consensus": level
                                    }
                                }
                            }
                        }
                    }
                }
            }
        })
    }
}

impl PartialSchema for ScoreRequest {
    fn schema() -> RefOr<Schema> {
        RefOr::T(Schema::default())
    }
}

impl ToSchema for ScoreRequest {
    fn name() -> std::borrow::Cow<'static, str> {
        Self::NAME.into()
    }
}

/// Community Readiness results from scores: dimension and overall scores (unrounded means),
/// stages (truncated), the lowest dimensions, agreement between the scorers and warnings. The
/// same computation as `parat crm score`. Refused with 422, naming the interview and dimension,
/// beyond what the schema says: an interview twice, a dimension missing or not in the edition,
/// a half point where the assessment allows whole points only, one scorer's score without the
/// other's.
#[utoipa::path(post, path = "/crm/score", tag = "readiness",
    request_body(content = ScoreRequest, description = "Scores per interview and dimension"),
    responses(
        (status = 200, description = "Results", body = ScoreOutput),
        (status = 400, description = "Not JSON, not `application/json`, too large, or outside the schema", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 422, description = "Scores the method does not allow, with the interview and dimension", body = ErrorBody),
    ))]
async fn crm_score(
    ApiScope(_scope): ApiScope,
    ApiJson(input): ApiJson<ScoreInput>,
) -> Result<Json<ScoreOutput>, AppError> {
    use parat_core::readiness::scoring;
    let scores = input.parse().map_err(|e| AppError::Refused(e.to_string()))?;
    Ok(Json(ScoreOutput::from(&scoring::results(&scores))))
}
