//! Writing a cooperation map through the API: the map, its actors, meetings, who attends them,
//! ratings and needs — what the process leader enters on the pages, with the same rules and
//! marked as their entries. Each body becomes the pages' form input and is parsed by the same
//! code, so the API and the pages cannot disagree about what is valid.

use super::map::{map_out, ActorOut, MapOut, MeetingOut, NeedOut};
use super::*;
use crate::context::{PathIds, PathIds3};
use parat_core::map::inventory::{
    ActorInput, AttendanceInput, AttendanceRole, MapInput, MeetingInput, NeedInput, RatingInput, Source, NAME_MAX,
    TEXT_MAX,
};
use parat_core::map::{Agency, Level};
use parat_store::map as store;

pub(super) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_map))
        .routes(routes!(update_map))
        .routes(routes!(create_actor))
        .routes(routes!(update_actor))
        .routes(routes!(create_meeting))
        .routes(routes!(update_meeting, delete_meeting))
        .routes(routes!(set_attendance, delete_attendance))
        .routes(routes!(set_rating))
        .routes(routes!(create_need))
}

/// A map to make, or to replace one's fields with.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MapBody {
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    name: String,
    /// Whom the meetings are for, e.g. young adults up to 30 without their own income.
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    target_group: String,
    /// ISO 8601 date, e.g. 2026-01-31
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    starts_on: Option<String>,
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    ends_on: Option<String>,
}

impl MapBody {
    fn parse(self) -> Result<parat_core::map::inventory::MapDraft, AppError> {
        let mut errors = FieldErrors::new();
        // The document promises a date where one is sent: an empty one is not "none".
        for (field, date) in [("starts_on", &self.starts_on), ("ends_on", &self.ends_on)] {
            if date.as_deref().is_some_and(|d| d.is_empty() || d.trim() != d) {
                errors.add(field, Problem::InvalidDate);
            }
        }
        untrimmed(&mut errors, "name", Some(&self.name), NAME_MAX);
        untrimmed(&mut errors, "target_group", Some(&self.target_group), NAME_MAX);
        let input = MapInput {
            name: self.name,
            target_group: self.target_group,
            starts_on: self.starts_on.unwrap_or_default(),
            ends_on: self.ends_on.unwrap_or_default(),
        };
        combined(errors, input.parse())
    }
}

/// Makes a cooperation map in the token's organisation (admins and coordinators). Refused with
/// 422 beyond the schema: `ends_on` before `starts_on`.
#[utoipa::path(post, path = "/maps", tag = "map", request_body = MapBody,
    responses(
        (status = 201, body = MapOut, headers(("location" = String, description = "The new map"))),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit maps", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn create_map(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    ApiJson(body): ApiJson<MapBody>,
) -> Result<Response, AppError> {
    let draft = body.parse()?;
    let map = store::create(&state.db, &scope, &draft).await?;
    let location = format!("/api/v1/maps/{}", map.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(map_out(&state, map).await?)).into_response())
}

/// Replaces a map's name, target group and period (admins and coordinators).
#[utoipa::path(put, path = "/maps/{id}", tag = "map", params(("id" = i64, Path, minimum = 1)), request_body = MapBody,
    responses(
        (status = 200, body = MapOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit maps", body = ErrorBody),
        (status = 404, description = "No such map in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn update_map(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<MapBody>,
) -> Result<Json<MapOut>, AppError> {
    let map = store::open(&state.db, &scope, id).await?;
    let draft = body.parse()?;
    let map = store::update(&state.db, &scope, &map, &draft).await?;
    Ok(Json(map_out(&state, map).await?))
}

/// An actor to add to a map, or to replace one's details with.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActorBody {
    /// e.g. Arbetsförmedlingen
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    organisation: String,
    /// e.g. a market area
    #[serde(default)]
    #[schema(max_length = 200, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    unit: Option<String>,
    /// e.g. employment officer
    #[serde(default)]
    #[schema(max_length = 200, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    function: Option<String>,
    #[schema(value_type = Agency)]
    agency: String,
}

impl ActorBody {
    fn parse(self) -> Result<parat_core::map::inventory::ActorDraft, AppError> {
        let mut errors = FieldErrors::new();
        untrimmed(&mut errors, "organisation", Some(&self.organisation), NAME_MAX);
        untrimmed(&mut errors, "unit", self.unit.as_deref(), NAME_MAX);
        untrimmed(&mut errors, "function", self.function.as_deref(), NAME_MAX);
        let input = ActorInput {
            organisation: self.organisation,
            unit: self.unit.unwrap_or_default(),
            function: self.function.unwrap_or_default(),
            agency: self.agency,
        };
        combined(errors, input.parse())
    }
}

/// Adds an actor of the organisation to a map (admins and coordinators); actors are the
/// organisation's and can take part in its other maps.
#[utoipa::path(post, path = "/maps/{id}/actors", tag = "map", params(("id" = i64, Path, minimum = 1)),
    request_body = ActorBody,
    responses(
        (status = 201, body = ActorOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit maps", body = ErrorBody),
        (status = 404, description = "No such map in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn create_actor(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<ActorBody>,
) -> Result<Response, AppError> {
    let map = store::open(&state.db, &scope, id).await?;
    let draft = body.parse()?;
    let actor = store::create_actor(&state.db, &scope, &map, &draft).await?;
    let created = store::actor(&state.db, &map, actor).await?;
    Ok((StatusCode::CREATED, Json(ActorOut::from(created))).into_response())
}

/// Replaces an actor's details (admins and coordinators); every map it takes part in shows the
/// change.
#[utoipa::path(put, path = "/maps/{id}/actors/{actor}", tag = "map",
    params(("id" = i64, Path, minimum = 1), ("actor" = i64, Path, minimum = 1)),
    request_body = ActorBody,
    responses(
        (status = 200, body = ActorOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit maps", body = ErrorBody),
        (status = 404, description = "No such map or actor in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn update_actor(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIds(id, actor): PathIds,
    ApiJson(body): ApiJson<ActorBody>,
) -> Result<Json<ActorOut>, AppError> {
    let map = store::open(&state.db, &scope, id).await?;
    store::actor(&state.db, &map, actor).await?;
    let draft = body.parse()?;
    store::update_actor(&state.db, &scope, &map, actor, &draft).await?;
    Ok(Json(store::actor(&state.db, &map, actor).await?.into()))
}

/// A meeting to add to a map, or to replace one's details with.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingBody {
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    name: String,
    #[serde(default)]
    #[schema(max_length = 2000, pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$")]
    purpose: Option<String>,
    #[schema(value_type = Level)]
    level: String,
    /// Times a year (0.5 is every other year).
    #[schema(minimum = 0, maximum = 1000)]
    per_year: f64,
    /// Hours each time.
    #[schema(minimum = 0, maximum = 24)]
    hours: f64,
    /// The actor who calls the meeting: one of the organisation's actors.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    convener_id: Option<i64>,
    /// The law or agreement it rests on.
    #[serde(default)]
    #[schema(max_length = 200, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    basis: Option<String>,
    /// Whom it is for, where narrower than the map's target group.
    #[serde(default)]
    #[schema(max_length = 200, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    target_group: Option<String>,
}

impl MeetingBody {
    fn parse(self) -> Result<parat_core::map::inventory::MeetingDraft, AppError> {
        let mut errors = FieldErrors::new();
        untrimmed(&mut errors, "name", Some(&self.name), NAME_MAX);
        untrimmed(&mut errors, "purpose", self.purpose.as_deref(), TEXT_MAX);
        untrimmed(&mut errors, "basis", self.basis.as_deref(), NAME_MAX);
        untrimmed(&mut errors, "target_group", self.target_group.as_deref(), NAME_MAX);
        let input = MeetingInput {
            name: self.name,
            purpose: self.purpose.unwrap_or_default(),
            level: self.level,
            per_year: self.per_year.to_string(),
            hours: self.hours.to_string(),
            convener_id: self.convener_id.map(|id| id.to_string()).unwrap_or_default(),
            basis: self.basis.unwrap_or_default(),
            target_group: self.target_group.unwrap_or_default(),
        };
        combined(errors, input.parse())
    }
}

/// Adds a meeting to a map (admins and coordinators). Refused with 422 beyond the schema:
/// `convener_id` must be one of the organisation's actors.
#[utoipa::path(post, path = "/maps/{id}/meetings", tag = "map", params(("id" = i64, Path, minimum = 1)),
    request_body = MeetingBody,
    responses(
        (status = 201, body = MeetingOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit maps", body = ErrorBody),
        (status = 404, description = "No such map in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn create_meeting(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<MeetingBody>,
) -> Result<Response, AppError> {
    let map = store::open(&state.db, &scope, id).await?;
    let draft = body.parse()?;
    let meeting = store::create_meeting(&state.db, &scope, &map, &draft, Source::Entry).await?;
    let created = store::meeting(&state.db, &map, meeting).await?;
    Ok((StatusCode::CREATED, Json(MeetingOut::from(created))).into_response())
}

/// Replaces a meeting's details; its attendance and ratings stay (admins and coordinators).
#[utoipa::path(put, path = "/maps/{id}/meetings/{meeting}", tag = "map",
    params(("id" = i64, Path, minimum = 1), ("meeting" = i64, Path, minimum = 1)),
    request_body = MeetingBody,
    responses(
        (status = 200, body = MeetingOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit maps", body = ErrorBody),
        (status = 404, description = "No such map or meeting in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn update_meeting(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIds(id, meeting): PathIds,
    ApiJson(body): ApiJson<MeetingBody>,
) -> Result<Json<MeetingOut>, AppError> {
    let map = store::open(&state.db, &scope, id).await?;
    store::meeting(&state.db, &map, meeting).await?;
    let draft = body.parse()?;
    store::update_meeting(&state.db, &scope, &map, meeting, &draft).await?;
    Ok(Json(store::meeting(&state.db, &map, meeting).await?.into()))
}

/// Removes a meeting with its attendance and ratings; the actors stay (admins and
/// coordinators).
#[utoipa::path(delete, path = "/maps/{id}/meetings/{meeting}", tag = "map",
    params(("id" = i64, Path, minimum = 1), ("meeting" = i64, Path, minimum = 1)),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit maps", body = ErrorBody),
        (status = 404, description = "No such map or meeting in the token's organisation", body = ErrorBody),
    ))]
async fn delete_meeting(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIds(id, meeting): PathIds,
) -> Result<StatusCode, AppError> {
    let map = store::open(&state.db, &scope, id).await?;
    store::remove_meeting(&state.db, &scope, &map, meeting).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An actor's role at a meeting.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendanceBody {
    #[schema(value_type = AttendanceRole)]
    role: String,
}

/// Records that an actor of the organisation attends a meeting, in a role (replacing what was
/// recorded); the actor then takes part in the map (admins and coordinators).
#[utoipa::path(put, path = "/maps/{id}/meetings/{meeting}/attendance/{actor}", tag = "map",
    params(("id" = i64, Path, minimum = 1), ("meeting" = i64, Path, minimum = 1), ("actor" = i64, Path, minimum = 1)),
    request_body = AttendanceBody,
    responses(
        (status = 200, description = "The meeting with its attendance", body = MeetingOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit maps", body = ErrorBody),
        (status = 404, description = "No such map, meeting or actor in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn set_attendance(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIds3(id, meeting, actor): PathIds3,
    ApiJson(body): ApiJson<AttendanceBody>,
) -> Result<Json<MeetingOut>, AppError> {
    let map = store::open(&state.db, &scope, id).await?;
    store::meeting(&state.db, &map, meeting).await?;
    store::actor(&state.db, &map, actor).await?;
    let draft = AttendanceInput { actor_id: actor.to_string(), role: body.role }.parse().map_err(AppError::Invalid)?;
    store::set_attendance(&state.db, &scope, &map, meeting, &draft, Source::Entry).await?;
    Ok(Json(store::meeting(&state.db, &map, meeting).await?.into()))
}

/// Records that an actor no longer attends a meeting (admins and coordinators).
#[utoipa::path(delete, path = "/maps/{id}/meetings/{meeting}/attendance/{actor}", tag = "map",
    params(("id" = i64, Path, minimum = 1), ("meeting" = i64, Path, minimum = 1), ("actor" = i64, Path, minimum = 1)),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit maps", body = ErrorBody),
        (status = 404, description = "No such map or meeting, or the actor does not attend it", body = ErrorBody),
    ))]
async fn delete_attendance(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIds3(id, meeting, actor): PathIds3,
) -> Result<StatusCode, AppError> {
    let map = store::open(&state.db, &scope, id).await?;
    store::remove_attendance(&state.db, &scope, &map, meeting, actor).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// How useful an actor finds a meeting: for its own work and for the target group (1–4, each
/// may be left out), what works and what should change.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingBody {
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1, maximum = 4)]
    useful_own: Option<i64>,
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1, maximum = 4)]
    useful_group: Option<i64>,
    #[serde(default)]
    #[schema(max_length = 2000, pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$")]
    works: Option<String>,
    #[serde(default)]
    #[schema(max_length = 2000, pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$")]
    change: Option<String>,
}

/// A rating as the map holds it.
#[derive(Serialize, ToSchema)]
pub struct RatingOut {
    meeting_id: i64,
    actor_id: i64,
    useful_own: Option<u8>,
    useful_group: Option<u8>,
    works: String,
    change: String,
    source: Source,
}

/// Records an actor's rating of a meeting as the process leader's entry, replacing their
/// earlier entry (a survey's or an interview's rating stays beside it). Admins and coordinators.
#[utoipa::path(put, path = "/maps/{id}/meetings/{meeting}/ratings/{actor}", tag = "map",
    params(("id" = i64, Path, minimum = 1), ("meeting" = i64, Path, minimum = 1), ("actor" = i64, Path, minimum = 1)),
    request_body = RatingBody,
    responses(
        (status = 200, body = RatingOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit maps", body = ErrorBody),
        (status = 404, description = "No such map, meeting or actor in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn set_rating(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIds3(id, meeting, actor): PathIds3,
    ApiJson(body): ApiJson<RatingBody>,
) -> Result<Json<RatingOut>, AppError> {
    let map = store::open(&state.db, &scope, id).await?;
    store::meeting(&state.db, &map, meeting).await?;
    store::actor(&state.db, &map, actor).await?;
    let mut errors = FieldErrors::new();
    untrimmed(&mut errors, "works", body.works.as_deref(), TEXT_MAX);
    untrimmed(&mut errors, "change", body.change.as_deref(), TEXT_MAX);
    let input = RatingInput {
        actor_id: actor.to_string(),
        useful_own: body.useful_own.map(|n| n.to_string()).unwrap_or_default(),
        useful_group: body.useful_group.map(|n| n.to_string()).unwrap_or_default(),
        works: body.works.unwrap_or_default(),
        change: body.change.unwrap_or_default(),
    };
    let draft = combined(errors, input.parse())?;
    store::rate(&state.db, &scope, &map, meeting, &draft, Source::Entry).await?;
    let ratings = store::ratings(&state.db, &map).await?;
    let rating = ratings
        .into_iter()
        .find(|r| r.meeting_id == meeting && r.actor_id == actor && r.source == Source::Entry)
        .ok_or(AppError::NotFound)?;
    Ok(Json(RatingOut {
        meeting_id: rating.meeting_id,
        actor_id: rating.actor_id,
        useful_own: rating.useful_own,
        useful_group: rating.useful_group,
        works: rating.works,
        change: rating.change,
        source: rating.source,
    }))
}

/// A stated need for contact between two actors, and what about.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NeedBody {
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 1)]
    from_actor_id: i64,
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 1)]
    to_actor_id: i64,
    #[serde(default)]
    #[schema(max_length = 2000, pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$")]
    about: Option<String>,
}

/// States a need for contact between two of the organisation's actors; both then take part in
/// the map (admins and coordinators). Refused with 422 beyond the schema: the two must differ
/// and be the organisation's actors.
#[utoipa::path(post, path = "/maps/{id}/needs", tag = "map", params(("id" = i64, Path, minimum = 1)),
    request_body = NeedBody,
    responses(
        (status = 201, body = NeedOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit maps", body = ErrorBody),
        (status = 404, description = "No such map in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn create_need(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<NeedBody>,
) -> Result<Response, AppError> {
    let map = store::open(&state.db, &scope, id).await?;
    let mut errors = FieldErrors::new();
    untrimmed(&mut errors, "about", body.about.as_deref(), TEXT_MAX);
    let input = NeedInput {
        from_actor_id: body.from_actor_id.to_string(),
        to_actor_id: body.to_actor_id.to_string(),
        about: body.about.unwrap_or_default(),
    };
    let draft = combined(errors, input.parse())?;
    let need = store::add_need(&state.db, &scope, &map, &draft, Source::Entry).await?;
    let created = store::needs(&state.db, &map).await?.into_iter().find(|n| n.id == need).ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(NeedOut::from(created))).into_response())
}
