//! The JSON API under `/api/v1`, for API clients with personal access tokens.
//!
//! Same store calls, same tenant scoping and validation as the pages; errors are JSON with a
//! stable code (see [`crate::error::json_errors`]). The OpenAPI document is generated from the
//! handlers' annotations, so it cannot drift from the routes.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use parat_core::initiative::{self as initiative_rules, InitiativeInput, InitiativeStatus, TopicArea};
use parat_core::organisation::{OrgKind, Role};
use parat_core::readiness::assessment::AssessmentStatus;
use parat_core::readiness::scoring::{Edition, ScoreInput, ScoreOutput};
use parat_core::{FieldErrors, Problem};
use parat_store::initiatives::{self, Initiative, InitiativeSummary, ListFilter};
use parat_store::organisations::{self, Membership};
use parat_store::{tokens, OrgScope, Secret};
use serde::{Deserialize, Serialize};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{RefOr, Schema};

use utoipa::{IntoParams, Modify, OpenApi, PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::context::{PathId, PathIdAndKey};
use crate::{AppError, AppState};

mod campaign;
mod landscape;
mod landscape_plan;
mod map;
mod map_inventory;
mod outcomes;
mod project;
mod project_frame;
mod project_indicators;
mod project_participants;
mod project_plan;
mod project_reports;
mod questionnaire;
mod readiness;
use self::readiness::ScoreRequest;

/// Every operation of the API, each listed once: the routes and the OpenAPI document are both
/// made from this, so neither can miss an operation the other has.
fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(list_organisations))
        .routes(routes!(get_organisation))
        .routes(routes!(list_initiatives, create_initiative))
        .routes(routes!(get_initiative, update_initiative))
        .routes(routes!(archive_initiative))
        .routes(routes!(restore_initiative))
        // Each module's operations, merged here.
        .merge(readiness::operations())
        .merge(questionnaire::operations())
        .merge(landscape::operations())
        .merge(landscape_plan::operations())
        .merge(map::operations())
        .merge(outcomes::operations())
        .merge(project::operations())
        .merge(project_plan::operations())
        .merge(project_frame::operations())
        .merge(project_indicators::operations())
        .merge(project_participants::operations())
        .merge(project_reports::operations())
        .merge(campaign::operations())
}

/// The API's routes, relative to `/api/v1`, and the document itself.
pub fn routes() -> Router<AppState> {
    let (router, _) = operations().split_for_parts();
    router.route("/openapi.json", get(openapi))
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Parat API", description = "Organisations, initiatives, readiness assessments, questionnaires, implementation landscapes, cooperation maps, outcome ratings and project follow-up (training events and attendance). Authenticate with a personal access token: `Authorization: Bearer <token>`. Every operation answers 401 without a valid token; errors are `{\"error\": {\"code\", \"message\", \"fields\"?}}`."),
    components(schemas(ErrorBody, ErrorDetail, FieldErrorOut)),
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

/// The OpenAPI 3.1 document of this API, with paths as clients call them (under `/api/v1`).
/// Made once: from the operations' annotations, plus the schemas written by hand.
pub fn openapi_document() -> &'static serde_json::Value {
    static DOCUMENT: OnceLock<serde_json::Value> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let (_, mut doc) = OpenApiRouter::<AppState>::new().nest("/api/v1", operations()).split_for_parts();
        doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
        let mut doc = serde_json::to_value(doc).unwrap_or_default();
        doc["components"]["schemas"][ScoreRequest::NAME] = ScoreRequest::json_schema();
        // Any operation can meet a database that is down: say so once for all of them.
        let unavailable = serde_json::json!({
            "description": "The database is unavailable; nothing was written. Retry after `Retry-After` seconds.",
            "headers": {"Retry-After": {"schema": {"type": "integer"}}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
        });
        if let Some(paths) = doc["paths"].as_object_mut() {
            for operation in
                paths.values_mut().filter_map(|item| item.as_object_mut()).flat_map(|item| item.values_mut())
            {
                operation["responses"]["503"] = unavailable.clone();
            }
        }
        doc
    })
}

async fn openapi() -> Json<&'static serde_json::Value> {
    Json(openapi_document())
}

/// Accepts an integer written as a JSON number with no fraction (`7` or `7.0`), as JSON
/// Schema's `integer` does; anything else is a 400 like any other type error.
/// Optional fields sent as empty strings. In the API a field left out means none; an empty
/// string is not a value of the field's form (a date, a time), so it is refused, not taken as
/// none.
fn refuse_blank(fields: &[(&'static str, Option<&str>, Problem)]) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    for (field, value, problem) in fields {
        if value.is_some_and(|v| v.trim().is_empty()) {
            errors.add(field, *problem);
        }
    }
    match errors.is_empty() {
        true => Ok(()),
        false => Err(AppError::Invalid(errors)),
    }
}

fn whole_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let number = <Option<serde_json::Number>>::deserialize(d)?;
    number
        .map(|n| as_whole(&n).ok_or_else(|| serde::de::Error::custom(format!("{n} is not a whole number"))))
        .transpose()
}

/// A required whole number, as [`whole_number`] reads an optional one.
fn required_whole_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let n = serde_json::Number::deserialize(d)?;
    as_whole(&n).ok_or_else(|| serde::de::Error::custom(format!("{n} is not a whole number")))
}

fn whole_numbers<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<i64>>, D::Error> {
    let numbers = <Option<Vec<serde_json::Number>>>::deserialize(d)?;
    numbers
        .map(|list| {
            list.iter()
                .map(|n| as_whole(n).ok_or_else(|| serde::de::Error::custom(format!("{n} is not a whole number"))))
                .collect()
        })
        .transpose()
}

/// A parse's result with the problems found before it (the document's stricter rules): the
/// earlier problem of a field wins, and nothing passes while any remains.
fn combined<T>(mut errors: FieldErrors, parsed: Result<T, FieldErrors>) -> Result<T, AppError> {
    match parsed {
        Ok(value) if errors.is_empty() => Ok(value),
        Ok(_) => Err(AppError::Invalid(errors)),
        Err(found) => {
            for error in found.0 {
                if errors.get(error.field).is_none() {
                    errors.add(error.field, error.problem);
                }
            }
            Err(AppError::Invalid(errors))
        }
    }
}

/// Text over its limit before trimming: the document counts what is sent, the form rules what
/// is kept, and the API keeps the document's promise.
fn untrimmed(errors: &mut FieldErrors, field: &'static str, value: Option<&str>, max: usize) {
    if value.is_some_and(|v| v.chars().count() > max) {
        errors.add(field, Problem::TooLong { max });
    }
}

/// The form's field names as the API calls them.
fn renamed(errors: FieldErrors, names: &[(&str, &'static str)]) -> FieldErrors {
    FieldErrors(
        errors
            .0
            .into_iter()
            .map(|mut e| {
                if let Some((_, api)) = names.iter().find(|(form, _)| *form == e.field) {
                    e.field = api;
                }
                e
            })
            .collect(),
    )
}

fn as_whole(n: &serde_json::Number) -> Option<i64> {
    n.as_i64().or_else(|| {
        n.as_f64().filter(|f| f.fract() == 0.0 && *f >= i64::MIN as f64 && *f < i64::MAX as f64).map(|f| f as i64)
    })
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

/// A JSON body; a malformed one (or one without `Content-Type: application/json`, or too
/// large, or not an object) is a 400 with the parser's explanation.
pub struct ApiJson<T>(pub T);

/// A body read only from a JSON object. Serde would also fill a struct from an array of its
/// fields in order (`[null, null]` for two optional ones), which the document does not allow.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ObjectVisitor<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        deserializer.deserialize_map(ObjectVisitor(std::marker::PhantomData)).map(Object)
    }
}

impl<T: serde::de::DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        match Json::<Object<T>>::from_request(request, state).await {
            Ok(Json(Object(value))) => Ok(ApiJson(value)),
            Err(rejection) => Err(match rejection {
                JsonRejection::MissingJsonContentType(_) => {
                    AppError::BadRequest("send Content-Type: application/json".into())
                }
                other => AppError::BadRequest(other.body_text()),
            }),
        }
    }
}

// The text fields' rules as patterns, so that the document says exactly what is accepted: no
// control characters (line breaks and tabs only where text may have lines), and a required text
// must have something besides white space. (The attribute takes only literals.)
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `not_found`, `invalid`, `unauthorised`, `forbidden`,
    /// `bad_request`.
    code: String,
    message: String,
    /// With `invalid`: what is wrong with each field.
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
    kind: OrgKind,
    parent_id: Option<i64>,
    /// Your role in it.
    role: Role,
}

impl From<Membership> for OrganisationOut {
    fn from(m: Membership) -> Self {
        OrganisationOut {
            id: m.organisation.id,
            name: m.organisation.name,
            kind: m.organisation.kind,
            parent_id: m.organisation.parent_id,
            role: m.role,
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
    topic: TopicArea,
    custom_topic: Option<String>,
    target_group: String,
    #[schema(format = Date)]
    start_date: Option<String>,
    #[schema(format = Date)]
    end_date: Option<String>,
    status: InitiativeStatus,
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
            topic: i.topic,
            custom_topic: i.custom_topic,
            target_group: i.target_group,
            start_date: i.start_date.map(|d| d.to_string()),
            end_date: i.end_date.map(|d| d.to_string()),
            status: i.status,
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
    topic: TopicArea,
    custom_topic: Option<String>,
    status: InitiativeStatus,
    #[schema(format = Date)]
    start_date: Option<String>,
    #[schema(format = Date)]
    end_date: Option<String>,
    owner_name: Option<String>,
    archived: bool,
}

impl From<InitiativeSummary> for InitiativeSummaryOut {
    fn from(i: InitiativeSummary) -> Self {
        InitiativeSummaryOut {
            id: i.id,
            name: i.name,
            topic: i.topic,
            custom_topic: i.custom_topic,
            status: i.status,
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

/// An initiative to create, or to replace an existing one with. Refused with 422 beyond what
/// this schema says: `custom_topic` is required when `topic` is `custom`, `end_date` may not be
/// before `start_date`, and the owner and partners must belong to the organisation.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InitiativeBody {
    #[schema(
        min_length = 1,
        max_length = 160,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    name: String,
    #[serde(default)]
    #[schema(max_length = 5000, pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$")]
    description: Option<String>,
    #[schema(value_type = TopicArea)]
    topic: String,
    #[serde(default)]
    #[schema(max_length = 80, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    custom_topic: Option<String>,
    #[serde(default)]
    #[schema(max_length = 300, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    target_group: Option<String>,
    /// ISO 8601 date, e.g. 2026-01-31
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    start_date: Option<String>,
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    end_date: Option<String>,
    /// `planned` when left out.
    #[serde(default)]
    #[schema(value_type = Option<InitiativeStatus>)]
    status: Option<String>,
    /// A member of the organisation.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    owner_id: Option<i64>,
    /// Other organisations taking part; each once.
    #[serde(default, deserialize_with = "whole_numbers")]
    #[schema(max_items = 50)]
    partner_ids: Option<Vec<i64>>,
}

impl InitiativeBody {
    /// The body parsed by the initiative rules, every problem tied to its field. What the JSON
    /// document promises and the lenient form rules would let through (text over its limit
    /// before trimming, a choice or date with spaces around it, more partners than allowed before
    /// duplicates are dropped) is refused here too, so the API does exactly what its document says.
    fn parse(self) -> Result<parat_core::initiative::InitiativeDraft, AppError> {
        let mut errors = FieldErrors::new();
        // Every text field as the document describes it, also one the rules would ignore (a
        // custom topic under a known topic): its length before trimming, no control characters.
        let mut text = |field: &'static str, value: Option<&str>, max: usize, multiline: bool| {
            let Some(value) = value else { return };
            let problem = if value.chars().count() > max {
                Some(Problem::TooLong { max })
            } else {
                parat_core::validation::optional_text(value, max, multiline).err()
            };
            if let Some(problem) = problem {
                errors.add(field, problem);
            }
        };
        text("name", Some(&self.name), initiative_rules::NAME_MAX, false);
        text("description", self.description.as_deref(), initiative_rules::DESCRIPTION_MAX, true);
        text("custom_topic", self.custom_topic.as_deref(), parat_core::initiative::Topic::CUSTOM_MAX, false);
        text("target_group", self.target_group.as_deref(), initiative_rules::TARGET_GROUP_MAX, false);
        if !TopicArea::ALL.iter().any(|t| t.key() == self.topic) {
            errors.add("topic", if self.topic.is_empty() { Problem::NotChosen } else { Problem::UnknownChoice });
        }
        if self.status.as_deref().is_some_and(|raw| !InitiativeStatus::ALL.iter().any(|s| s.key() == raw)) {
            errors.add("status", Problem::UnknownChoice);
        }
        for (field, date) in [("start_date", &self.start_date), ("end_date", &self.end_date)] {
            if date.as_deref().is_some_and(|d| d.is_empty() || d.trim() != d) {
                errors.add(field, Problem::InvalidDate);
            }
        }
        let partners = self.partner_ids.unwrap_or_default();
        if partners.len() > initiative_rules::PARTNERS_MAX {
            errors.add("partner_ids", Problem::TooLong { max: initiative_rules::PARTNERS_MAX });
        }
        let input = InitiativeInput {
            name: self.name,
            description: self.description.unwrap_or_default(),
            topic: self.topic,
            custom_topic: self.custom_topic.unwrap_or_default(),
            target_group: self.target_group.unwrap_or_default(),
            start_date: self.start_date.unwrap_or_default(),
            end_date: self.end_date.unwrap_or_default(),
            status: self.status.unwrap_or_default(),
            owner_id: self.owner_id.map(|id| id.to_string()).unwrap_or_default(),
            partner_ids: partners.into_iter().map(|id| id.to_string()).collect(),
        };
        combined(errors, input.parse())
    }
}

/// The longest search text accepted.
const QUERY_MAX: usize = 200;
/// The highest page number accepted.
const PAGE_MAX: u32 = 100_000;

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ListParams {
    /// Text to search for in name, target group and description.
    #[param(max_length = 200, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    q: Option<String>,
    topic: Option<TopicArea>,
    status: Option<InitiativeStatus>,
    /// Include archived initiatives.
    archived: Option<bool>,
    /// 1-based page of 50.
    #[param(minimum = 1, maximum = 100000)]
    page: Option<u32>,
}

/// The organisations you belong to.
#[utoipa::path(get, path = "/organisations", tag = "organisations",
    responses(
        (status = 200, body = Vec<OrganisationOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
    ))]
async fn list_organisations(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
) -> Result<Json<Vec<OrganisationOut>>, AppError> {
    let list = organisations::memberships(&state.db, scope.user_id()).await?;
    Ok(Json(list.into_iter().map(OrganisationOut::from).collect()))
}

/// One organisation you belong to; any other is 404.
#[utoipa::path(get, path = "/organisations/{id}", tag = "organisations",
    params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = OrganisationOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such organisation among yours", body = ErrorBody),
    ))]
async fn get_organisation(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<OrganisationOut>, AppError> {
    let membership = organisations::get_for_member(&state.db, scope.user_id(), id).await?;
    Ok(Json(membership.into()))
}

/// The token's organisation's initiatives, 50 a page.
#[utoipa::path(get, path = "/initiatives", tag = "initiatives", params(ListParams),
    responses(
        (status = 200, body = InitiativeListOut),
        (status = 400, description = "A parameter outside its schema", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
    ))]
async fn list_initiatives(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    params: Result<Query<ListParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<InitiativeListOut>, AppError> {
    let Query(params) = params.map_err(|e| AppError::BadRequest(e.body_text()))?;
    if let Some(q) = &params.q {
        if q.chars().count() > QUERY_MAX || q.chars().any(char::is_control) {
            return Err(AppError::BadRequest(format!(
                "q is at most {QUERY_MAX} characters, without control characters"
            )));
        }
    }
    let page = params.page.unwrap_or(1);
    if page == 0 || page > PAGE_MAX {
        return Err(AppError::BadRequest(format!("page counts from 1 to {PAGE_MAX}")));
    }
    let filter = ListFilter {
        query: params.q,
        topic: params.topic,
        status: params.status,
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
#[utoipa::path(post, path = "/initiatives", tag = "initiatives", request_body = InitiativeBody,
    responses(
        (status = 201, body = InitiativeOut, headers(("location" = String, description = "The new initiative"))),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not create initiatives", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn create_initiative(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    ApiJson(body): ApiJson<InitiativeBody>,
) -> Result<Response, AppError> {
    let draft = body.parse()?;
    let created = initiatives::create(&state.db, &scope, &draft).await?;
    let location = format!("/api/v1/initiatives/{}", created.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(InitiativeOut::from(created))).into_response())
}

/// One initiative of the token's organisation; any other is 404.
#[utoipa::path(get, path = "/initiatives/{id}", tag = "initiatives", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = InitiativeOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn get_initiative(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<InitiativeOut>, AppError> {
    Ok(Json(initiatives::get(&state.db, &scope, id).await?.into()))
}

/// Replaces an initiative's fields (admins and coordinators).
#[utoipa::path(put, path = "/initiatives/{id}", tag = "initiatives", params(("id" = i64, Path, minimum = 1)), request_body = InitiativeBody,
    responses(
        (status = 200, body = InitiativeOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn update_initiative(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<InitiativeBody>,
) -> Result<Json<InitiativeOut>, AppError> {
    initiatives::get(&state.db, &scope, id).await?;
    let draft = body.parse()?;
    Ok(Json(initiatives::update(&state.db, &scope, id, &draft).await?.into()))
}

/// Archives an initiative: it leaves the default list and keeps all its data.
#[utoipa::path(post, path = "/initiatives/{id}/archive", tag = "initiatives", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = InitiativeOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not archive initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn archive_initiative(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<InitiativeOut>, AppError> {
    Ok(Json(initiatives::set_archived(&state.db, &scope, id, true).await?.into()))
}

/// Restores an archived initiative.
#[utoipa::path(post, path = "/initiatives/{id}/restore", tag = "initiatives", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = InitiativeOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not restore initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn restore_initiative(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<InitiativeOut>, AppError> {
    Ok(Json(initiatives::set_archived(&state.db, &scope, id, false).await?.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written request schema is the one the document refers to.
    #[test]
    fn the_score_request_schema_is_in_the_document() {
        let doc = openapi_document();
        let body = &doc["paths"]["/api/v1/crm/score"]["post"]["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(body["$ref"], "#/components/schemas/ScoreRequest", "{body}");
        let schema = &doc["components"]["schemas"]["ScoreRequest"];
        assert_eq!(schema["required"], serde_json::json!(["edition", "interviews"]), "{schema}");
    }

    /// utoipa keys schemas by their type's name alone: two modules' `AttendanceBody` would be one
    /// schema in the document, and one operation would be described by the other's body.
    #[test]
    fn schema_names_are_unique_across_the_api_modules() {
        let sources = [
            include_str!("mod.rs"),
            include_str!("landscape.rs"),
            include_str!("landscape_plan.rs"),
            include_str!("map.rs"),
            include_str!("map_inventory.rs"),
            include_str!("outcomes.rs"),
            include_str!("project.rs"),
            include_str!("project_frame.rs"),
            include_str!("project_indicators.rs"),
            include_str!("project_participants.rs"),
            include_str!("project_reports.rs"),
            include_str!("project_plan.rs"),
            include_str!("questionnaire.rs"),
            include_str!("readiness.rs"),
        ];
        let mut seen = std::collections::BTreeSet::new();
        for source in sources {
            let mut lines = source.lines().peekable();
            while let Some(line) = lines.next() {
                if !(line.starts_with("#[derive(") && line.contains("ToSchema")) {
                    continue;
                }
                let declaration = lines.by_ref().find(|l| l.starts_with("pub struct ") || l.starts_with("pub enum "));
                let name =
                    declaration.and_then(|l| l.split_whitespace().nth(2)).map(|n| n.trim_end_matches(['{', '(', ';']));
                if let Some(name) = name {
                    assert!(seen.insert(name.to_owned()), "two schemas named {name}");
                }
            }
        }
        assert!(seen.len() > 50, "the scan finds the schemas: {seen:?}");
    }

    /// Every operation is documented with 401 and 503, and every one with a body with 400 and 422.
    #[test]
    fn every_operation_documents_its_errors() {
        let doc = openapi_document();
        let paths = doc["paths"].as_object().expect("paths");
        assert_eq!(paths.len(), 69, "{:?}", paths.keys());
        for (path, item) in paths {
            assert!(path.starts_with("/api/v1/"), "{path}");
            for (method, operation) in item.as_object().expect("operations") {
                let responses = operation["responses"].as_object().expect("responses");
                assert!(responses.contains_key("401") && responses.contains_key("503"), "{method} {path}");
                if operation.get("requestBody").is_some() {
                    assert!(responses.contains_key("400") && responses.contains_key("422"), "{method} {path}");
                }
            }
        }
    }

    /// A large whole number written with a fraction of zero is read exactly, not to the nearest
    /// quarter (Schemathesis found `1909994885675857.0` read as `…856.8`).
    #[test]
    fn whole_numbers_with_a_zero_fraction_are_read_exactly() {
        for (text, expected) in [("1909994885675857.0", 1_909_994_885_675_857_i64), ("7.0", 7), ("-2450.0", -2450)] {
            let number: serde_json::Number = serde_json::from_str(text).expect(text);
            assert_eq!(as_whole(&number), Some(expected), "{text}");
        }
        let fraction: serde_json::Number = serde_json::from_str("7.5").expect("7.5");
        assert_eq!(as_whole(&fraction), None);
    }
}
