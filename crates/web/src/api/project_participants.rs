//! Participants in individual-oriented activities in the API, so that a case-management system
//! can register them in and out: codes only, never names.

use super::project::CreatedOut;
use super::*;
use parat_core::project::{AgeBand, ExitReason, Gender, Income, JoinInput, LeaveInput, Occupation};
use parat_store::project as store;

/// The operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_participations, join)).routes(routes!(leave))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinBody {
    /// The participant's code in the organisation's registry (made there when new).
    #[schema(min_length = 1, max_length = 40)]
    code: String,
    gender: Gender,
    age_band: AgeBand,
    /// `YYYY-MM-DD`, not in the future.
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    joined_on: String,
    /// Whether the participant consented to being recorded; anonymous when left out.
    #[serde(default)]
    consent: bool,
    income_before: Income,
    occupation_before: Occupation,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LeaveBody {
    /// `YYYY-MM-DD`, not in the future nor before the participation began.
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    left_on: String,
    reason: ExitReason,
    income_after: Income,
    occupation_after: Occupation,
}

#[derive(Serialize, ToSchema)]
pub struct ParticipationOut {
    id: i64,
    code: String,
    gender: Gender,
    age_band: AgeBand,
    joined_on: String,
    consent: bool,
    income_before: Income,
    occupation_before: Occupation,
    left_on: Option<String>,
    reason: Option<ExitReason>,
    income_after: Option<Income>,
    occupation_after: Option<Occupation>,
}

/// The initiative's participants, by when they were registered in. The read is audited.
#[utoipa::path(get, path = "/initiatives/{id}/participants", tag = "project", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = Vec<ParticipationOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn list_participations(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<Vec<ParticipationOut>>, AppError> {
    let participations = store::participations_of(&state.db, &scope, id).await?;
    Ok(Json(
        participations
            .into_iter()
            .map(|p| ParticipationOut {
                id: p.id,
                code: p.code,
                gender: p.gender,
                age_band: p.age_band,
                joined_on: p.joined_on.to_string(),
                consent: p.consent,
                income_before: p.income_before,
                occupation_before: p.occupation_before,
                left_on: p.leaving.as_ref().map(|l| l.left_on.to_string()),
                reason: p.leaving.as_ref().map(|l| l.reason),
                income_after: p.leaving.as_ref().map(|l| l.income_after),
                occupation_after: p.leaving.as_ref().map(|l| l.occupation_after),
            })
            .collect(),
    ))
}

/// Registers a participant in; answers 201 with the participation's id. A participant already
/// in the initiative and not yet out is refused (`code: taken`).
#[utoipa::path(post, path = "/initiatives/{id}/participants", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = JoinBody,
    responses(
        (status = 201, body = CreatedOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn join(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<JoinBody>,
) -> Result<Response, AppError> {
    let input = JoinInput {
        code: body.code,
        gender: body.gender.key().to_owned(),
        age_band: body.age_band.key().to_owned(),
        joined_on: body.joined_on,
        consent: if body.consent { "yes" } else { "" }.to_owned(),
        income_before: body.income_before.key().to_owned(),
        occupation_before: body.occupation_before.key().to_owned(),
    };
    let draft = input.parse(parat_store::now_date()).map_err(AppError::Invalid)?;
    let id = store::join(&state.db, &scope, id, &draft).await?;
    Ok((StatusCode::CREATED, Json(CreatedOut { id })).into_response())
}

/// Registers a participant out, with why and their income and occupation after.
#[utoipa::path(post, path = "/participations/{id}/leave", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = LeaveBody,
    responses(
        (status = 204, description = "Registered out"),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such participation in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn leave(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<LeaveBody>,
) -> Result<StatusCode, AppError> {
    let participation = store::participation(&state.db, &scope, id).await?;
    let input = LeaveInput {
        left_on: body.left_on,
        reason: body.reason.key().to_owned(),
        income_after: body.income_after.key().to_owned(),
        occupation_after: body.occupation_after.key().to_owned(),
    };
    let draft = input.parse(participation.joined_on, parat_store::now_date()).map_err(AppError::Invalid)?;
    store::leave(&state.db, &scope, id, &draft).await?;
    Ok(StatusCode::NO_CONTENT)
}
