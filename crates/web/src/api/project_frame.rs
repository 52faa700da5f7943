//! The project's frame in the API: reporting calendar, funders and their shares (hundredths of
//! a percent), the project model's roles and the phases with their decision points.

use super::project::CreatedOut;
use super::*;
use parat_core::periods::PeriodKind;
use parat_core::project::money::Amount;
use parat_core::project::{reporting_calendar, FunderInput, PhaseInput, ProjectRole, ReportingInput, RoleInput};
use parat_store::project::{self as store, FrameEntry};

/// The operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_frame))
        .routes(routes!(set_reporting))
        .routes(routes!(add_funder))
        .routes(routes!(add_role))
        .routes(routes!(add_phase))
        .routes(routes!(remove_frame_entry))
}

/// How often a project reports.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportingEvery {
    Month,
    Tertial,
    Quarter,
    Year,
}

impl From<PeriodKind> for ReportingEvery {
    fn from(kind: PeriodKind) -> Self {
        match kind {
            PeriodKind::Month => ReportingEvery::Month,
            PeriodKind::Tertial => ReportingEvery::Tertial,
            PeriodKind::Quarter => ReportingEvery::Quarter,
            PeriodKind::Year => ReportingEvery::Year,
        }
    }
}

impl From<ReportingEvery> for PeriodKind {
    fn from(every: ReportingEvery) -> Self {
        match every {
            ReportingEvery::Month => PeriodKind::Month,
            ReportingEvery::Tertial => PeriodKind::Tertial,
            ReportingEvery::Quarter => PeriodKind::Quarter,
            ReportingEvery::Year => PeriodKind::Year,
        }
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportingBody {
    every: ReportingEvery,
    /// Days after a period's end that its report is due.
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 0, maximum = 90)]
    days_after: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FunderBody {
    #[schema(min_length = 1, max_length = 200)]
    name: String,
    /// In hundredths of a percent: 5000 is 50 %.
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 1, maximum = 10000)]
    share: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleBody {
    role: ProjectRole,
    #[schema(min_length = 1, max_length = 200)]
    person: String,
    #[serde(default)]
    #[schema(max_length = 200)]
    organisation: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PhaseBody {
    #[schema(min_length = 1, max_length = 200)]
    name: String,
    /// `YYYY-MM-DD`.
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    starts_on: String,
    /// `YYYY-MM-DD`, not before `starts_on`.
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    ends_on: String,
    /// What is decided at the phase's end, and by whom.
    #[serde(default)]
    #[schema(max_length = 1000)]
    decision: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    decision_on: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct FunderOut {
    id: i64,
    name: String,
    /// In hundredths of a percent.
    share: u16,
}

#[derive(Serialize, ToSchema)]
pub struct RoleHolderOut {
    id: i64,
    role: ProjectRole,
    person: String,
    organisation: String,
}

#[derive(Serialize, ToSchema)]
pub struct PhaseOut {
    id: i64,
    name: String,
    starts_on: String,
    ends_on: String,
    decision: String,
    decision_on: Option<String>,
}

/// A report the project owes: its period (`2026-T2`), the period's first and last day, and the
/// day the report is due.
#[derive(Serialize, ToSchema)]
pub struct ReportDueOut {
    period: String,
    start: String,
    end: String,
    due: String,
}

#[derive(Serialize, ToSchema)]
pub struct FrameOut {
    reporting: ReportingBody,
    funders: Vec<FunderOut>,
    /// The funders' shares together, in hundredths of a percent (10000 when they cover all).
    shares_total: u32,
    roles: Vec<RoleHolderOut>,
    phases: Vec<PhaseOut>,
    /// From the initiative's start to its end date; empty while either is missing.
    calendar: Vec<ReportDueOut>,
}

/// An initiative's frame: reporting, funders, roles, phases and the reporting calendar.
#[utoipa::path(get, path = "/initiatives/{id}/frame", tag = "project", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = FrameOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn get_frame(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<FrameOut>, AppError> {
    let initiative = parat_store::initiatives::get(&state.db, &scope, id).await?;
    let frame = store::frame(&state.db, &scope, id).await?;
    let calendar = match (initiative.start_date, initiative.end_date) {
        (Some(start), Some(end)) => reporting_calendar(frame.reporting, start, end),
        _ => Vec::new(),
    };
    let shares: Vec<_> = frame.funders.iter().map(|f| f.share).collect();
    Ok(Json(FrameOut {
        reporting: ReportingBody {
            every: frame.reporting.every.into(),
            days_after: i64::from(frame.reporting.days_after),
        },
        shares_total: parat_core::project::frame::shares_total(&shares),
        funders: frame
            .funders
            .into_iter()
            .map(|f| FunderOut { id: f.id, name: f.name, share: f.share.hundredths() })
            .collect(),
        roles: frame
            .roles
            .into_iter()
            .map(|r| RoleHolderOut { id: r.id, role: r.role, person: r.person, organisation: r.organisation })
            .collect(),
        phases: frame
            .phases
            .into_iter()
            .map(|p| PhaseOut {
                id: p.id,
                name: p.name,
                starts_on: p.starts_on.to_string(),
                ends_on: p.ends_on.to_string(),
                decision: p.decision,
                decision_on: p.decision_on.map(|d| d.to_string()),
            })
            .collect(),
        calendar: calendar
            .into_iter()
            .map(|r| ReportDueOut {
                period: r.period.key(),
                start: r.period.first_day().to_string(),
                end: r.period.last_day().to_string(),
                due: r.due.to_string(),
            })
            .collect(),
    }))
}

/// Sets how often the project reports and how many days after a period its report is due.
#[utoipa::path(put, path = "/initiatives/{id}/frame/reporting", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = ReportingBody,
    responses(
        (status = 204, description = "Saved"),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn set_reporting(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<ReportingBody>,
) -> Result<StatusCode, AppError> {
    let every = PeriodKind::from(body.every);
    let input = ReportingInput { every: every.key().to_owned(), days_after: body.days_after.to_string() };
    let reporting = input.parse().map_err(AppError::Invalid)?;
    store::set_reporting(&state.db, &scope, id, reporting).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds a funder with its share; answers 201 with its id.
#[utoipa::path(post, path = "/initiatives/{id}/frame/funders", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = FunderBody,
    responses(
        (status = 201, body = CreatedOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn add_funder(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<FunderBody>,
) -> Result<Response, AppError> {
    // Hundredths of a percent read exactly like öre, in the same parser as the page's field.
    let input = FunderInput { name: body.name, share: Amount::from_ore(body.share).to_string() };
    let funder = input.parse(parat_core::locale::Locale::Sv).map_err(AppError::Invalid)?;
    let id = store::add_funder(&state.db, &scope, id, &funder).await?;
    Ok((StatusCode::CREATED, Json(CreatedOut { id })).into_response())
}

/// Names a person in one of the project model's roles; answers 201 with the entry's id.
#[utoipa::path(post, path = "/initiatives/{id}/frame/roles", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = RoleBody,
    responses(
        (status = 201, body = CreatedOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn add_role(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<RoleBody>,
) -> Result<Response, AppError> {
    let input = RoleInput {
        role: body.role.key().to_owned(),
        person: body.person,
        organisation: body.organisation.unwrap_or_default(),
    };
    let role = input.parse().map_err(AppError::Invalid)?;
    let id = store::add_role(&state.db, &scope, id, &role).await?;
    Ok((StatusCode::CREATED, Json(CreatedOut { id })).into_response())
}

/// Adds a phase with the decision that ends it; answers 201 with its id.
#[utoipa::path(post, path = "/initiatives/{id}/frame/phases", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = PhaseBody,
    responses(
        (status = 201, body = CreatedOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn add_phase(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<PhaseBody>,
) -> Result<Response, AppError> {
    refuse_blank(&[("decision_on", body.decision_on.as_deref(), Problem::InvalidDate)])?;
    let input = PhaseInput {
        name: body.name,
        starts_on: body.starts_on,
        ends_on: body.ends_on,
        decision: body.decision.unwrap_or_default(),
        decision_on: body.decision_on.unwrap_or_default(),
    };
    let phase = input.parse().map_err(AppError::Invalid)?;
    let id = store::add_phase(&state.db, &scope, id, &phase).await?;
    Ok((StatusCode::CREATED, Json(CreatedOut { id })).into_response())
}

/// Which part of the frame an entry belongs to.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FramePart {
    Funders,
    Roles,
    Phases,
}

/// Removes a funder, a role holder or a phase.
#[utoipa::path(delete, path = "/initiatives/{id}/frame/{part}/{entry}", tag = "project",
    params(("id" = i64, Path, minimum = 1), ("part" = inline(FramePart), Path), ("entry" = i64, Path, minimum = 1)),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative or entry in the token's organisation", body = ErrorBody),
    ))]
async fn remove_frame_entry(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    axum::extract::Path((id, part, entry)): axum::extract::Path<(String, String, String)>,
) -> Result<StatusCode, AppError> {
    let (id, entry) = (crate::pages::parse_id(&id)?, crate::pages::parse_id(&entry)?);
    let entry = match part.as_str() {
        "funders" => FrameEntry::Funder(entry),
        "roles" => FrameEntry::Role(entry),
        "phases" => FrameEntry::Phase(entry),
        _ => return Err(AppError::NotFound),
    };
    store::remove_frame_entry(&state.db, &scope, id, entry).await?;
    Ok(StatusCode::NO_CONTENT)
}
