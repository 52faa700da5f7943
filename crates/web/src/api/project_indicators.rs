//! Goals' indicators in the API: the indicators with their entries per period, a new indicator,
//! a period's entry (the value for a manual indicator, a judged status, a comment).

use super::project::CreatedOut;
use super::*;
use parat_core::periods::PeriodKind;
use parat_core::project::{Direction, IndicatorInput, IndicatorSource, IndicatorStatus, PeriodEntryInput};
use parat_store::project as store;

use super::project_frame::ReportingEvery;

/// The operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_indicators, create_indicator))
        .routes(routes!(delete_indicator))
        .routes(routes!(record_entry))
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorEntryOut {
    /// `2026-T2`, `2026-05`, `2026-Q3` or `2026`, of the indicator's kind.
    period: String,
    value: Option<f64>,
    status: Option<IndicatorStatus>,
    comment: String,
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorOut {
    id: i64,
    name: String,
    definition: String,
    unit: String,
    baseline: f64,
    /// Per period of the indicator's kind.
    target: f64,
    every: ReportingEvery,
    source: IndicatorSource,
    direction: Direction,
    goal_id: Option<i64>,
    /// What was typed per period; a computed indicator's values are in the period's follow-up.
    entries: Vec<IndicatorEntryOut>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorBody {
    #[schema(min_length = 1, max_length = 200)]
    name: String,
    #[serde(default)]
    #[schema(max_length = 2000)]
    definition: Option<String>,
    #[serde(default)]
    #[schema(max_length = 40)]
    unit: Option<String>,
    /// Zero when left out.
    #[serde(default)]
    #[schema(minimum = -1000000000, maximum = 1000000000)]
    baseline: Option<f64>,
    #[schema(minimum = -1000000000, maximum = 1000000000)]
    target: f64,
    every: ReportingEvery,
    source: IndicatorSource,
    direction: Direction,
    /// One of the initiative's goals (`/initiatives/{id}/goals`).
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    goal_id: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorEntryBody {
    /// Only for a manual indicator.
    #[serde(default)]
    #[schema(minimum = -1000000000, maximum = 1000000000)]
    value: Option<f64>,
    /// Left out, Parat derives the status from the value.
    #[serde(default)]
    status: Option<IndicatorStatus>,
    #[serde(default)]
    #[schema(max_length = 2000)]
    comment: Option<String>,
}

/// A number as the English form would send it, so that the page's parser reads it.
fn english(value: f64) -> String {
    format!("{value}")
}

/// An initiative's indicators with what was typed for each period.
#[utoipa::path(get, path = "/initiatives/{id}/indicators", tag = "project", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = Vec<IndicatorOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn list_indicators(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<Vec<IndicatorOut>>, AppError> {
    let indicators = store::indicators_of(&state.db, &scope, id).await?;
    Ok(Json(
        indicators
            .into_iter()
            .map(|i| IndicatorOut {
                id: i.id,
                every: i.definition.every.into(),
                name: i.definition.name,
                definition: i.definition.definition,
                unit: i.definition.unit,
                baseline: i.definition.baseline,
                target: i.definition.target,
                source: i.definition.source,
                direction: i.definition.direction,
                goal_id: i.definition.goal_id,
                entries: i
                    .entries
                    .into_iter()
                    .map(|e| IndicatorEntryOut {
                        period: e.period.key(),
                        value: e.value,
                        status: e.status,
                        comment: e.comment,
                    })
                    .collect(),
            })
            .collect(),
    ))
}

/// Adds an indicator; answers 201 with its id.
#[utoipa::path(post, path = "/initiatives/{id}/indicators", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = IndicatorBody,
    responses(
        (status = 201, body = CreatedOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn create_indicator(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<IndicatorBody>,
) -> Result<Response, AppError> {
    let input = IndicatorInput {
        name: body.name,
        definition: body.definition.unwrap_or_default(),
        unit: body.unit.unwrap_or_default(),
        baseline: english(body.baseline.unwrap_or(0.0)),
        target: english(body.target),
        every: PeriodKind::from(body.every).key().to_owned(),
        source: body.source.key().to_owned(),
        direction: body.direction.key().to_owned(),
        goal_id: body.goal_id.map(|g| g.to_string()).unwrap_or_default(),
    };
    let definition = input.parse(parat_core::locale::Locale::En).map_err(AppError::Invalid)?;
    let id = store::create_indicator(&state.db, &scope, id, &definition).await?;
    Ok((StatusCode::CREATED, Json(CreatedOut { id })).into_response())
}

/// Removes an indicator with its entries.
#[utoipa::path(delete, path = "/indicators/{id}", tag = "project", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such indicator in the token's organisation", body = ErrorBody),
    ))]
async fn delete_indicator(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<StatusCode, AppError> {
    store::delete_indicator(&state.db, &scope, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Records a period's entry, replacing one already there: the value of a manual indicator (a
/// computed one is counted by Parat and takes none), a judged status, a comment. The period is
/// of the indicator's kind (`2026-T2` for a tertial indicator).
#[utoipa::path(put, path = "/indicators/{id}/entries/{period}", tag = "project",
    params(("id" = i64, Path, minimum = 1), ("period" = String, Path, description = "`2026-05`, `2026-T2`, `2026-Q3` or `2026`")),
    request_body = IndicatorEntryBody,
    responses(
        (status = 204, description = "Saved"),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such indicator in the token's organisation", body = ErrorBody),
        (status = 422, description = "Not a period of the indicator's kind, a value for a computed indicator, or nothing to record", body = ErrorBody),
    ))]
async fn record_entry(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    axum::extract::Path((id, period)): axum::extract::Path<(String, String)>,
    ApiJson(body): ApiJson<IndicatorEntryBody>,
) -> Result<StatusCode, AppError> {
    let id = crate::pages::parse_id(&id)?;
    let indicator = store::indicator(&state.db, &scope, id).await?;
    let input = PeriodEntryInput {
        period,
        value: body.value.map(english).unwrap_or_default(),
        status: body.status.map(|s| s.key().to_owned()).unwrap_or_default(),
        comment: body.comment.unwrap_or_default(),
    };
    let definition = &indicator.definition;
    let entry =
        input.parse(definition.every, definition.source, parat_core::locale::Locale::En).map_err(AppError::Invalid)?;
    store::record_indicator_entry(&state.db, &scope, id, &entry).await?;
    Ok(StatusCode::NO_CONTENT)
}
