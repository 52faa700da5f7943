//! The cooperation map in the API: the organisation's maps with their actors, meetings,
//! attendance, needs and measures, and any network's measures, computed by the same code as
//! `parat map measures` and the map's pages.

use super::*;
use parat_core::map::inventory::{AttendanceRole, Source};
use parat_core::map::measures::Measures;
use parat_core::map::{Agency, Level, NetworkInput};
use parat_store::map as store;

/// A national map (2 000 actors, 20 000 attendance rows) is about 1.5 MB of JSON; other API
/// bodies keep the general limit.
const MEASURES_BODY_MAX: usize = 16 * 1024 * 1024;

/// The map's operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    let (schemas, paths, measures) = routes!(map_measures);
    OpenApiRouter::new()
        .routes((schemas, paths, measures.layer(DefaultBodyLimit::max(MEASURES_BODY_MAX))))
        .routes(routes!(list_maps))
        .routes(routes!(get_map))
        .merge(super::map_inventory::operations())
}

/// A map in the organisation's list.
#[derive(Serialize, ToSchema)]
pub struct MapSummaryOut {
    id: i64,
    name: String,
    target_group: String,
    /// `YYYY-MM-DD`, or null.
    starts_on: Option<String>,
    ends_on: Option<String>,
    /// Actors taking part, and meetings.
    actors: i64,
    meetings: i64,
}

/// The organisation's cooperation maps, newest first.
#[utoipa::path(get, path = "/maps", tag = "map",
    responses(
        (status = 200, body = Vec<MapSummaryOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
    ))]
async fn list_maps(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
) -> Result<Json<Vec<MapSummaryOut>>, AppError> {
    let maps = store::list(&state.db, &scope).await?;
    Ok(Json(
        maps.into_iter()
            .map(|m| MapSummaryOut {
                id: m.id,
                name: m.name,
                target_group: m.target_group,
                starts_on: m.starts_on,
                ends_on: m.ends_on,
                actors: m.actors,
                meetings: m.meetings,
            })
            .collect(),
    ))
}

/// A map with everything in it, and its measures.
#[derive(Serialize, ToSchema)]
pub struct MapOut {
    pub(super) id: i64,
    name: String,
    target_group: String,
    starts_on: Option<String>,
    ends_on: Option<String>,
    /// The map this one repeats as a new wave, if any.
    previous_id: Option<i64>,
    /// The actors taking part.
    actors: Vec<ActorOut>,
    meetings: Vec<MeetingOut>,
    needs: Vec<NeedOut>,
    /// As `POST /maps/measures` computes them, with the actors' and meetings' ids as text.
    /// Usefulness counts each actor's rating for its own work, the process leader's entry first.
    measures: Measures,
}

#[derive(Serialize, ToSchema)]
pub struct ActorOut {
    id: i64,
    organisation: String,
    unit: String,
    function: String,
    agency: Agency,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingOut {
    id: i64,
    name: String,
    purpose: String,
    level: Level,
    per_year: f64,
    hours: f64,
    convener_id: Option<i64>,
    basis: String,
    target_group: String,
    /// How it came in: `entry`, `interview` or `survey`.
    source: Source,
    attendance: Vec<AttendanceOut>,
}

#[derive(Serialize, ToSchema)]
pub struct AttendanceOut {
    actor_id: i64,
    role: AttendanceRole,
    source: Source,
}

#[derive(Serialize, ToSchema)]
pub struct NeedOut {
    id: i64,
    from_actor_id: i64,
    to_actor_id: i64,
    about: String,
    source: Source,
}

impl From<store::Actor> for ActorOut {
    fn from(a: store::Actor) -> Self {
        ActorOut { id: a.id, organisation: a.organisation, unit: a.unit, function: a.function, agency: a.agency }
    }
}

impl From<store::Meeting> for MeetingOut {
    fn from(m: store::Meeting) -> Self {
        MeetingOut {
            id: m.id,
            name: m.name,
            purpose: m.purpose,
            level: m.level,
            per_year: m.per_year,
            hours: m.hours,
            convener_id: m.convener_id,
            basis: m.basis,
            target_group: m.target_group,
            source: m.source,
            attendance: m
                .attendance
                .into_iter()
                .map(|a| AttendanceOut { actor_id: a.actor_id, role: a.role, source: a.source })
                .collect(),
        }
    }
}

impl From<store::Need> for NeedOut {
    fn from(n: store::Need) -> Self {
        NeedOut {
            id: n.id,
            from_actor_id: n.from_actor_id,
            to_actor_id: n.to_actor_id,
            about: n.about,
            source: n.source,
        }
    }
}

/// One of the organisation's maps: its actors, meetings with attendance, stated needs for
/// contact, and its measures.
#[utoipa::path(get, path = "/maps/{id}", tag = "map", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = MapOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such map in the token's organisation", body = ErrorBody),
        (status = 422, description = "A map with more ties between its actors than measures are computed for", body = ErrorBody),
    ))]
async fn get_map(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<MapOut>, AppError> {
    let map = store::open(&state.db, &scope, id).await?;
    Ok(Json(map_out(&state, map).await?))
}

/// A map with everything in it, as `GET /maps/{id}` gives it.
pub(super) async fn map_out(state: &AppState, map: store::Map) -> Result<MapOut, AppError> {
    let actors = store::members(&state.db, &map).await?;
    let meetings = store::meetings(&state.db, &map).await?;
    let needs = store::needs(&state.db, &map).await?;
    let measures = store::figures(&state.db, &map).await?.measures.clone();
    Ok(MapOut {
        id: map.id,
        name: map.name,
        target_group: map.target_group,
        starts_on: map.starts_on.map(|d| d.to_string()),
        ends_on: map.ends_on.map(|d| d.to_string()),
        previous_id: map.previous_id,
        actors: actors.into_iter().map(ActorOut::from).collect(),
        meetings: meetings.into_iter().map(MeetingOut::from).collect(),
        needs: needs.into_iter().map(NeedOut::from).collect(),
        measures,
    })
}

/// A network's measures: per actor (degree, hours a year in meetings, weighted degree,
/// betweenness, brokerage across agencies), per meeting (attendees, person-hours a year, mean
/// usefulness, meetings sharing most attendees), for the network (density, centralisation,
/// components), and the needs for contact that no shared meeting meets. The same computation as
/// `parat map measures`. Refused with 422, naming the record (`attendance[2]: …`), beyond what
/// the schema says: an unknown actor or meeting, an id used twice, an actor attending or rating
/// a meeting twice, a need from an actor to itself, more ties between actors than measures are
/// computed for. Bodies may be up to 16 MiB.
#[utoipa::path(post, path = "/maps/measures", tag = "map",
    request_body(content = NetworkInput, description = "Actors, meetings, attendance, needs and ratings"),
    responses(
        (status = 200, description = "The measures, unrounded", body = Measures),
        (status = 400, description = "Not JSON, not `application/json`, too large, or outside the schema", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 422, description = "A record the measures cannot use, named by list and position", body = ErrorBody),
    ))]
async fn map_measures(
    ApiScope(_scope): ApiScope,
    ApiJson(input): ApiJson<NetworkInput>,
) -> Result<Json<Measures>, AppError> {
    // Betweenness takes seconds at national scale: off the threads that serve requests.
    let computed = tokio::task::spawn_blocking(move || {
        let network = input.parse()?;
        parat_core::map::measures(&network)
    })
    .await
    .map_err(|e| AppError::Internal(Box::new(e)))?;
    computed.map(Json).map_err(|e| AppError::Refused(e.to_string()))
}
