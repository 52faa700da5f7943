//! The landscape's planning tools in the API: risks and milestones, read and written.

use super::*;
use crate::context::PathIds;
use parat_core::landscape::plan::{MilestoneInput, MilestoneStatus, RiskInput, RiskLevel, MITIGATION_MAX, WHAT_MAX};
use parat_core::owner::WHO_MAX;
use parat_store::landscape::{self as store, Milestone, Risk};

/// The planning tools' operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_risks, add_risk))
        .routes(routes!(update_risk, delete_risk))
        .routes(routes!(list_milestones, add_milestone))
        .routes(routes!(update_milestone, delete_milestone))
}

#[derive(Serialize, ToSchema)]
pub struct RiskOut {
    id: i64,
    what: String,
    #[schema(minimum = 1, maximum = 5)]
    likelihood: i64,
    #[schema(minimum = 1, maximum = 5)]
    consequence: i64,
    /// likelihood × consequence
    #[schema(minimum = 1, maximum = 25)]
    score: i64,
    /// 1–4 low, 5–9 medium, 10–16 high, 20–25 very high.
    level: RiskLevel,
    mitigation: String,
    /// The owner: a member's name or a name given instead; empty when nobody.
    owner: String,
    owner_id: Option<i64>,
}

impl From<Risk> for RiskOut {
    fn from(r: Risk) -> Self {
        RiskOut {
            id: r.id,
            level: r.level(),
            score: r.score(),
            what: r.what,
            likelihood: r.likelihood,
            consequence: r.consequence,
            mitigation: r.mitigation,
            owner: r.who,
            owner_id: r.owner_id,
        }
    }
}

/// A risk to add, or to replace one with.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskBody {
    #[schema(
        min_length = 1,
        max_length = 500,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    what: String,
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 1, maximum = 5)]
    likelihood: i64,
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 1, maximum = 5)]
    consequence: i64,
    #[serde(default)]
    #[schema(max_length = 2000, pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$")]
    mitigation: Option<String>,
    /// A member of the organisation who owns the risk.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    owner_id: Option<i64>,
    /// A name instead of a member (used when `owner_id` is left out).
    #[serde(default)]
    #[schema(max_length = 160, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    owner: Option<String>,
}

impl RiskBody {
    fn parse(self) -> Result<parat_core::landscape::plan::RiskDraft, AppError> {
        let mut errors = FieldErrors::new();
        untrimmed(&mut errors, "what", Some(&self.what), WHAT_MAX);
        untrimmed(&mut errors, "mitigation", self.mitigation.as_deref(), MITIGATION_MAX);
        untrimmed(&mut errors, "owner", self.owner.as_deref(), WHO_MAX);
        let input = RiskInput {
            what: self.what,
            likelihood: self.likelihood.to_string(),
            consequence: self.consequence.to_string(),
            mitigation: self.mitigation.unwrap_or_default(),
            owner_id: self.owner_id.map(|id| id.to_string()).unwrap_or_default(),
            who: self.owner.unwrap_or_default(),
        };
        combined(errors, input.parse().map_err(|found| renamed(found, &[("who", "owner")])))
    }
}

/// The initiative's risks, highest score first.
#[utoipa::path(get, path = "/initiatives/{id}/risks", tag = "landscape", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = Vec<RiskOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn list_risks(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<Vec<RiskOut>>, AppError> {
    let landscape = store::open(&state.db, &scope, id).await?;
    Ok(Json(store::risks(&state.db, &landscape).await?.into_iter().map(RiskOut::from).collect()))
}

/// Adds a risk. Coordinators and administrators only. Refused with 422 beyond the schema:
/// `owner_id` must be a member of the organisation.
#[utoipa::path(post, path = "/initiatives/{id}/risks", tag = "landscape", params(("id" = i64, Path, minimum = 1)),
    request_body = RiskBody,
    responses(
        (status = 201, body = RiskOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn add_risk(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<RiskBody>,
) -> Result<Response, AppError> {
    let landscape = store::open(&state.db, &scope, id).await?;
    let draft = body.parse()?;
    let risk = store::add_risk(&state.db, &scope, &landscape, &draft, "").await?;
    let created = store::risk(&state.db, &landscape, risk).await?;
    Ok((StatusCode::CREATED, Json(RiskOut::from(created))).into_response())
}

/// Replaces a risk. Coordinators and administrators only; same rules as adding one.
#[utoipa::path(put, path = "/initiatives/{id}/risks/{risk}", tag = "landscape",
    params(("id" = i64, Path, minimum = 1), ("risk" = i64, Path, minimum = 1)),
    request_body = RiskBody,
    responses(
        (status = 200, body = RiskOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative or risk", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn update_risk(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIds(id, risk): PathIds,
    ApiJson(body): ApiJson<RiskBody>,
) -> Result<Json<RiskOut>, AppError> {
    let landscape = store::open(&state.db, &scope, id).await?;
    store::risk(&state.db, &landscape, risk).await?;
    let draft = body.parse()?;
    store::update_risk(&state.db, &scope, &landscape, risk, &draft).await?;
    Ok(Json(store::risk(&state.db, &landscape, risk).await?.into()))
}

/// Removes a risk. Coordinators and administrators only.
#[utoipa::path(delete, path = "/initiatives/{id}/risks/{risk}", tag = "landscape",
    params(("id" = i64, Path, minimum = 1), ("risk" = i64, Path, minimum = 1)),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative or risk", body = ErrorBody),
    ))]
async fn delete_risk(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIds(id, risk): PathIds,
) -> Result<StatusCode, AppError> {
    let landscape = store::open(&state.db, &scope, id).await?;
    store::delete_risk(&state.db, &scope, &landscape, risk).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct MilestoneOut {
    id: i64,
    name: String,
    /// One of the framework's phases, e.g. `introduction`.
    phase: Option<String>,
    #[schema(format = Date)]
    planned_on: String,
    #[schema(format = Date)]
    reached_on: Option<String>,
    status: MilestoneStatus,
    /// Planned or in progress, and planned before today.
    overdue: bool,
    owner: String,
    owner_id: Option<i64>,
}

impl From<Milestone> for MilestoneOut {
    fn from(m: Milestone) -> Self {
        MilestoneOut {
            id: m.id,
            overdue: m.is_overdue(parat_store::now_date()),
            name: m.name,
            phase: m.phase,
            planned_on: m.planned_on.to_string(),
            reached_on: m.reached_on.map(|d| d.to_string()),
            status: m.status,
            owner: m.who,
            owner_id: m.owner_id,
        }
    }
}

/// A milestone to add, or to replace one with.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneBody {
    #[schema(
        min_length = 1,
        max_length = 500,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    name: String,
    /// One of the initiative's framework's phases (`needs`, `introduction`, `use`,
    /// `sustainment` in Parat's).
    #[serde(default)]
    #[schema(max_length = 40, pattern = "^[a-z0-9_-]{1,40}$")]
    phase: Option<String>,
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    planned_on: String,
    /// When it was reached: only with `status` `reached`, never after today; it may be before
    /// the planned date.
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    reached_on: Option<String>,
    /// `planned` when left out.
    #[serde(default)]
    status: Option<MilestoneStatus>,
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    owner_id: Option<i64>,
    #[serde(default)]
    #[schema(max_length = 160, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    owner: Option<String>,
}

impl MilestoneBody {
    fn parse(self, phases: &[&str]) -> Result<parat_core::landscape::plan::MilestoneDraft, AppError> {
        let mut errors = FieldErrors::new();
        untrimmed(&mut errors, "name", Some(&self.name), WHAT_MAX);
        untrimmed(&mut errors, "owner", self.owner.as_deref(), WHO_MAX);
        for (field, date) in [("planned_on", Some(&self.planned_on)), ("reached_on", self.reached_on.as_ref())] {
            if date.is_some_and(|d| d.is_empty() || d.trim() != d) {
                errors.add(field, Problem::InvalidDate);
            }
        }
        if self.phase.as_deref().is_some_and(|p| p.trim() != p || p.is_empty()) {
            errors.add("phase", Problem::UnknownChoice);
        }
        let input = MilestoneInput {
            name: self.name,
            phase: self.phase.unwrap_or_default(),
            planned_on: self.planned_on,
            reached_on: self.reached_on.unwrap_or_default(),
            status: self.status.map(|s| s.key().to_owned()).unwrap_or_default(),
            owner_id: self.owner_id.map(|id| id.to_string()).unwrap_or_default(),
            who: self.owner.unwrap_or_default(),
        };
        let parsed = input.parse(phases, parat_store::now_date());
        combined(errors, parsed.map_err(|found| renamed(found, &[("who", "owner")])))
    }
}

/// The initiative's milestones by planned date.
#[utoipa::path(get, path = "/initiatives/{id}/milestones", tag = "landscape", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = Vec<MilestoneOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn list_milestones(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<Vec<MilestoneOut>>, AppError> {
    let landscape = store::open(&state.db, &scope, id).await?;
    Ok(Json(store::milestones(&state.db, &landscape).await?.into_iter().map(MilestoneOut::from).collect()))
}

/// Adds a milestone. Coordinators and administrators only. Refused with 422 beyond the schema:
/// the phase must be one of the framework's, `reached_on` goes only with `reached` and not
/// after today, and `owner_id` must be a member of the organisation.
#[utoipa::path(post, path = "/initiatives/{id}/milestones", tag = "landscape", params(("id" = i64, Path, minimum = 1)),
    request_body = MilestoneBody,
    responses(
        (status = 201, body = MilestoneOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn add_milestone(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<MilestoneBody>,
) -> Result<Response, AppError> {
    let landscape = store::open(&state.db, &scope, id).await?;
    let draft = body.parse(&landscape.framework().phase_keys())?;
    let milestone = store::add_milestone(&state.db, &scope, &landscape, &draft, "").await?;
    let created = store::milestone(&state.db, &landscape, milestone).await?;
    Ok((StatusCode::CREATED, Json(MilestoneOut::from(created))).into_response())
}

/// Replaces a milestone. Coordinators and administrators only; same rules as adding one.
#[utoipa::path(put, path = "/initiatives/{id}/milestones/{milestone}", tag = "landscape",
    params(("id" = i64, Path, minimum = 1), ("milestone" = i64, Path, minimum = 1)),
    request_body = MilestoneBody,
    responses(
        (status = 200, body = MilestoneOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative or milestone", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn update_milestone(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIds(id, milestone): PathIds,
    ApiJson(body): ApiJson<MilestoneBody>,
) -> Result<Json<MilestoneOut>, AppError> {
    let landscape = store::open(&state.db, &scope, id).await?;
    store::milestone(&state.db, &landscape, milestone).await?;
    let draft = body.parse(&landscape.framework().phase_keys())?;
    store::update_milestone(&state.db, &scope, &landscape, milestone, &draft).await?;
    Ok(Json(store::milestone(&state.db, &landscape, milestone).await?.into()))
}

/// Removes a milestone. Coordinators and administrators only.
#[utoipa::path(delete, path = "/initiatives/{id}/milestones/{milestone}", tag = "landscape",
    params(("id" = i64, Path, minimum = 1), ("milestone" = i64, Path, minimum = 1)),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative or milestone", body = ErrorBody),
    ))]
async fn delete_milestone(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIds(id, milestone): PathIds,
) -> Result<StatusCode, AppError> {
    let landscape = store::open(&state.db, &scope, id).await?;
    store::delete_milestone(&state.db, &scope, &landscape, milestone).await?;
    Ok(StatusCode::NO_CONTENT)
}
