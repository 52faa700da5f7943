//! The JSON API under `/api/v1`, for API clients with personal access tokens.
//!
//! Same store calls, same tenant scoping and validation as the pages; errors are JSON with a
//! stable code (see [`crate::error::json_errors`]). The OpenAPI document is generated from the
//! handlers' annotations, so it cannot drift from the routes.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use parat_core::initiative::{InitiativeInput, InitiativeStatus, TopicArea};
use parat_store::initiatives::{self, Initiative, InitiativeSummary, ListFilter};
use parat_store::organisations::{self, Membership};
use parat_store::readiness::{self, Assessment, AssessmentSummary};
use parat_store::{tokens, OrgScope, Secret};
use serde::{Deserialize, Serialize};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{IntoParams, Modify, OpenApi, ToSchema};

use crate::{AppError, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/organisations", get(list_organisations))
        .route("/organisations/{id}", get(get_organisation))
        .route("/initiatives", get(list_initiatives).post(create_initiative))
        .route("/initiatives/{id}", get(get_initiative).put(update_initiative))
        .route("/initiatives/{id}/archive", post(archive_initiative))
        .route("/initiatives/{id}/restore", post(restore_initiative))
        .route("/initiatives/{id}/assessments", get(list_assessments))
        .route("/assessments/{id}", get(get_assessment))
        .route("/crm/score", post(crm_score))
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Parat API", description = "Organisations, initiatives and readiness assessments. Authenticate with a personal access token: `Authorization: Bearer <token>`."),
    paths(list_organisations, get_organisation, list_initiatives, create_initiative, get_initiative, update_initiative, archive_initiative, restore_initiative, list_assessments, get_assessment, crm_score),
    components(schemas(OrganisationOut, InitiativeOut, InitiativeSummaryOut, InitiativeListOut, InitiativeBody, PartnerOut, AssessmentSummaryOut, AssessmentOut, ErrorBody, ErrorDetail, FieldErrorOut)),
    modifiers(&BearerToken),
    security(("token" = [])),
)]
struct ApiDoc;

struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI 3.1 document of this API.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    doc
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi_document())
}

/// The organisation and person a bearer token acts for.
pub struct ApiScope(pub OrgScope);

impl FromRequestParts<AppState> for ApiScope {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .and_then(|v| Secret::from_client(v.trim()))
            .ok_or(AppError::Unauthorised)?;
        let scope = tokens::authenticate(&state.db, &token).await?.ok_or(AppError::Unauthorised)?;
        Ok(ApiScope(scope))
    }
}

/// A JSON body; a malformed one is a 400 with the parser's explanation.
pub struct ApiJson<T>(pub T);

impl<T: serde::de::DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(match rejection {
                JsonRejection::MissingJsonContentType(_) => {
                    AppError::BadRequest("send Content-Type: application/json".into())
                }
                other => AppError::BadRequest(other.body_text()),
            }),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `not_found`, `invalid`, `unauthorised`.
    code: String,
    message: String,
    fields: Option<Vec<FieldErrorOut>>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldErrorOut {
    field: String,
    /// e.g. `required`, `too-long`, `invalid-date`, `end-before-start`, `unknown-choice`.
    code: String,
    message: String,
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationOut {
    id: i64,
    name: String,
    /// municipality, district, region, county_board, coordination_association, national_agency, other
    kind: String,
    parent_id: Option<i64>,
    /// Your role in it: admin, coordinator, scorer, practitioner, viewer
    role: String,
}

impl From<Membership> for OrganisationOut {
    fn from(m: Membership) -> Self {
        OrganisationOut {
            id: m.organisation.id,
            name: m.organisation.name,
            kind: m.organisation.kind.key().to_owned(),
            parent_id: m.organisation.parent_id,
            role: m.role.key().to_owned(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PartnerOut {
    id: i64,
    name: String,
}

#[derive(Serialize, ToSchema)]
pub struct InitiativeOut {
    id: i64,
    organisation_id: i64,
    name: String,
    description: String,
    topic: String,
    custom_topic: Option<String>,
    target_group: String,
    /// ISO 8601 date
    start_date: Option<String>,
    end_date: Option<String>,
    status: String,
    owner_id: Option<i64>,
    owner_name: Option<String>,
    archived: bool,
    partners: Vec<PartnerOut>,
}

impl From<Initiative> for InitiativeOut {
    fn from(i: Initiative) -> Self {
        InitiativeOut {
            id: i.id,
            organisation_id: i.org_id,
            name: i.name,
            description: i.description,
            topic: i.topic.key().to_owned(),
            custom_topic: i.custom_topic,
            target_group: i.target_group,
            start_date: i.start_date.map(|d| d.to_string()),
            end_date: i.end_date.map(|d| d.to_string()),
            status: i.status.key().to_owned(),
            owner_id: i.owner_id,
            owner_name: i.owner_name,
            archived: i.archived,
            partners: i.partners.into_iter().map(|p| PartnerOut { id: p.id, name: p.name }).collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct InitiativeSummaryOut {
    id: i64,
    name: String,
    topic: String,
    custom_topic: Option<String>,
    status: String,
    start_date: Option<String>,
    end_date: Option<String>,
    owner_name: Option<String>,
    archived: bool,
}

impl From<InitiativeSummary> for InitiativeSummaryOut {
    fn from(i: InitiativeSummary) -> Self {
        InitiativeSummaryOut {
            id: i.id,
            name: i.name,
            topic: i.topic.key().to_owned(),
            custom_topic: i.custom_topic,
            status: i.status.key().to_owned(),
            start_date: i.start_date.map(|d| d.to_string()),
            end_date: i.end_date.map(|d| d.to_string()),
            owner_name: i.owner_name,
            archived: i.archived,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct InitiativeListOut {
    items: Vec<InitiativeSummaryOut>,
    total: i64,
    /// 1-based
    page: u32,
    page_size: i64,
}

/// A time as RFC 3339 (UTC), e.g. `2026-11-23T09:30:00Z`.
fn timestamp(unix_seconds: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix_seconds)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}

#[derive(Serialize, ToSchema)]
pub struct AssessmentSummaryOut {
    id: i64,
    /// `crm-2006`, `crm-2014`, or `org-<n>` for an organisation's own instrument.
    instrument: String,
    /// The community or organisation measured.
    measured: String,
    /// planned, interviewing, scoring, consensus, reported
    status: String,
    /// RFC 3339
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
    edition: String,
    measured: String,
    /// The issue's name as the interviews used it.
    issue: String,
    half_points: bool,
    status: String,
    created_at: String,
    reported_at: Option<String>,
    /// Interviews without a consensus on every dimension yet; the results leave them out.
    interviews_without_consensus: usize,
    /// Null until an interview has a consensus on every dimension. Otherwise what
    /// `POST /api/v1/crm/score` returns for the same scores: unrounded means, truncated stages,
    /// the lowest dimensions, agreement between the scorers (interviews both have submitted)
    /// and warnings.
    #[schema(value_type = Object)]
    results: Option<parat_core::readiness::scoring::ScoreOutput>,
}

impl AssessmentOut {
    fn new(a: &Assessment, results: Option<parat_core::readiness::scoring::ScoreOutput>, incomplete: usize) -> Self {
        AssessmentOut {
            id: a.id,
            initiative_id: a.initiative_id,
            instrument: a.instrument_id.clone(),
            edition: a.edition().key().to_owned(),
            measured: a.measured.clone(),
            issue: a.issue.clone(),
            half_points: a.half_points,
            status: a.status.key().to_owned(),
            created_at: timestamp(a.created_at),
            reported_at: a.reported_at.map(timestamp),
            interviews_without_consensus: incomplete,
            results,
        }
    }
}

/// An initiative to create, or to replace an existing one with.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct InitiativeBody {
    name: String,
    #[serde(default)]
    description: Option<String>,
    /// violence_close_relationships, honour_related_violence, andt_prevention, minority_rights,
    /// integration, vocational_rehabilitation, mental_health_recovery, custom
    topic: String,
    /// Required when topic is `custom`.
    #[serde(default)]
    custom_topic: Option<String>,
    #[serde(default)]
    target_group: Option<String>,
    /// ISO 8601 date, e.g. 2026-01-31
    #[serde(default)]
    start_date: Option<String>,
    #[serde(default)]
    end_date: Option<String>,
    /// planned (default), active, paused, completed
    #[serde(default)]
    status: Option<String>,
    /// A member of the organisation.
    #[serde(default)]
    owner_id: Option<i64>,
    #[serde(default)]
    partner_ids: Option<Vec<i64>>,
}

impl From<InitiativeBody> for InitiativeInput {
    fn from(b: InitiativeBody) -> Self {
        InitiativeInput {
            name: b.name,
            description: b.description.unwrap_or_default(),
            topic: b.topic,
            custom_topic: b.custom_topic.unwrap_or_default(),
            target_group: b.target_group.unwrap_or_default(),
            start_date: b.start_date.unwrap_or_default(),
            end_date: b.end_date.unwrap_or_default(),
            status: b.status.unwrap_or_default(),
            owner_id: b.owner_id.map(|id| id.to_string()).unwrap_or_default(),
            partner_ids: b.partner_ids.unwrap_or_default().into_iter().map(|id| id.to_string()).collect(),
        }
    }
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ListParams {
    /// Text to search for in name, target group and description.
    q: Option<String>,
    topic: Option<String>,
    status: Option<String>,
    /// Include archived initiatives.
    archived: Option<bool>,
    /// 1-based page of 50.
    page: Option<u32>,
}

fn parse_path_id(raw: &str) -> Result<i64, AppError> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).ok_or(AppError::NotFound)
}

/// The organisations you belong to.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations",
    responses((status = 200, body = Vec<OrganisationOut>), (status = 401, body = ErrorBody)))]
async fn list_organisations(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
) -> Result<Json<Vec<OrganisationOut>>, AppError> {
    let list = organisations::memberships(&state.db, scope.user_id()).await?;
    Ok(Json(list.into_iter().map(OrganisationOut::from).collect()))
}

/// One organisation you belong to; any other is 404.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "organisations", params(("id" = i64, Path)),
    responses((status = 200, body = OrganisationOut), (status = 404, body = ErrorBody)))]
async fn get_organisation(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    Path(id): Path<String>,
) -> Result<Json<OrganisationOut>, AppError> {
    let membership = organisations::get_for_member(&state.db, scope.user_id(), parse_path_id(&id)?).await?;
    Ok(Json(membership.into()))
}

/// The token's organisation's initiatives, 50 a page.
#[utoipa::path(get, path = "/api/v1/initiatives", tag = "initiatives", params(ListParams),
    responses((status = 200, body = InitiativeListOut), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
async fn list_initiatives(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    params: Result<Query<ListParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<InitiativeListOut>, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.body_text()))?;
    let choice = |raw: &Option<String>| raw.as_deref().filter(|s| !s.is_empty()).map(str::to_owned);
    let topic = match choice(&params.topic) {
        Some(raw) => Some(TopicArea::parse(&raw).map_err(|_| AppError::BadRequest(format!("unknown topic {raw:?}")))?),
        None => None,
    };
    let status = match choice(&params.status) {
        Some(raw) => {
            Some(InitiativeStatus::parse(&raw).map_err(|_| AppError::BadRequest(format!("unknown status {raw:?}")))?)
        }
        None => None,
    };
    let page = params.page.unwrap_or(1);
    if page == 0 || page > 100_000 {
        return Err(AppError::BadRequest("page counts from 1".into()));
    }
    let filter = ListFilter {
        query: params.q,
        topic,
        status,
        owner_id: None,
        include_archived: params.archived.unwrap_or(false),
        page: page - 1,
    };
    let list = initiatives::list(&state.db, &scope, &filter).await?;
    Ok(Json(InitiativeListOut {
        items: list.items.into_iter().map(InitiativeSummaryOut::from).collect(),
        total: list.total,
        page,
        page_size: list.page_size,
    }))
}

/// Creates an initiative in the token's organisation (admins and coordinators).
#[utoipa::path(post, path = "/api/v1/initiatives", tag = "initiatives", request_body = InitiativeBody,
    responses((status = 201, body = InitiativeOut), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_initiative(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    ApiJson(body): ApiJson<InitiativeBody>,
) -> Result<Response, AppError> {
    let draft = InitiativeInput::from(body).parse().map_err(AppError::Invalid)?;
    let created = initiatives::create(&state.db, &scope, &draft).await?;
    let location = format!("/api/v1/initiatives/{}", created.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(InitiativeOut::from(created))).into_response())
}

/// One initiative of the token's organisation; any other is 404.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}", tag = "initiatives", params(("id" = i64, Path)),
    responses((status = 200, body = InitiativeOut), (status = 404, body = ErrorBody)))]
async fn get_initiative(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    Path(id): Path<String>,
) -> Result<Json<InitiativeOut>, AppError> {
    Ok(Json(initiatives::get(&state.db, &scope, parse_path_id(&id)?).await?.into()))
}

/// Replaces an initiative's fields.
#[utoipa::path(put, path = "/api/v1/initiatives/{id}", tag = "initiatives", params(("id" = i64, Path)), request_body = InitiativeBody,
    responses((status = 200, body = InitiativeOut), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_initiative(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<InitiativeBody>,
) -> Result<Json<InitiativeOut>, AppError> {
    let id = parse_path_id(&id)?;
    initiatives::get(&state.db, &scope, id).await?;
    let draft = InitiativeInput::from(body).parse().map_err(AppError::Invalid)?;
    Ok(Json(initiatives::update(&state.db, &scope, id, &draft).await?.into()))
}

/// Archives an initiative: it leaves the default list and keeps all its data.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/archive", tag = "initiatives", params(("id" = i64, Path)),
    responses((status = 200, body = InitiativeOut), (status = 404, body = ErrorBody)))]
async fn archive_initiative(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    Path(id): Path<String>,
) -> Result<Json<InitiativeOut>, AppError> {
    Ok(Json(initiatives::set_archived(&state.db, &scope, parse_path_id(&id)?, true).await?.into()))
}

/// Restores an archived initiative.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/restore", tag = "initiatives", params(("id" = i64, Path)),
    responses((status = 200, body = InitiativeOut), (status = 404, body = ErrorBody)))]
async fn restore_initiative(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    Path(id): Path<String>,
) -> Result<Json<InitiativeOut>, AppError> {
    Ok(Json(initiatives::set_archived(&state.db, &scope, parse_path_id(&id)?, false).await?.into()))
}

/// The readiness assessments of one of the organisation's initiatives, newest first. Viewers
/// see reported ones only (and those they work on); another organisation's initiative is 404.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}/assessments", tag = "readiness", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<AssessmentSummaryOut>), (status = 404, body = ErrorBody)))]
async fn list_assessments(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    Path(id): Path<String>,
) -> Result<Json<Vec<AssessmentSummaryOut>>, AppError> {
    let initiative = initiatives::get(&state.db, &scope, parse_path_id(&id)?).await?;
    let list = readiness::list_for_initiative(&state.db, &scope, initiative.id).await?;
    Ok(Json(list.into_iter().map(AssessmentSummaryOut::from).collect()))
}

/// One assessment and its results, for those who may read them on the results page (the team
/// and the organisation's coordinators; everyone once reported). The scorers' own scores count
/// in the agreement only for interviews both have submitted, as everywhere.
#[utoipa::path(get, path = "/api/v1/assessments/{id}", tag = "readiness", params(("id" = i64, Path)),
    responses((status = 200, body = AssessmentOut), (status = 404, body = ErrorBody)))]
async fn get_assessment(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    Path(id): Path<String>,
) -> Result<Json<AssessmentOut>, AppError> {
    use parat_core::readiness::scoring;
    let (assessment, access) = readiness::get(&state.db, &scope, parse_path_id(&id)?).await?;
    if !access.read_results {
        return Err(AppError::NotFound);
    }
    let (scores, incomplete) = readiness::results_input(&state.db, &scope, &assessment).await?;
    let results = scores.as_ref().map(|s| scoring::ScoreOutput::from(&scoring::results(s)));
    Ok(Json(AssessmentOut::new(&assessment, results, incomplete)))
}

/// Community Readiness results from scores: dimension and overall scores (unrounded means),
/// stages (truncated), the lowest dimensions, agreement between the scorers and warnings. Body:
/// `{"edition": "2006"|"2014", "half_points": bool, "interviews": [{"id": "…", "scores":
/// {"A": {"scorers": [4, 5], "consensus": 4}, …}}]}`. The same computation as `parat crm score`.
#[utoipa::path(post, path = "/api/v1/crm/score", tag = "readiness",
    request_body(content = Object, description = "Scores per interview and dimension"),
    responses((status = 200, description = "Results", body = Object), (status = 400, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn crm_score(
    ApiScope(_scope): ApiScope,
    ApiJson(input): ApiJson<parat_core::readiness::scoring::ScoreInput>,
) -> Result<Json<parat_core::readiness::scoring::ScoreOutput>, AppError> {
    use parat_core::readiness::scoring;
    let scores = input.parse().map_err(|e| AppError::Refused(e.to_string()))?;
    Ok(Json(scoring::ScoreOutput::from(&scoring::results(&scores))))
}
