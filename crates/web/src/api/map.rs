//! The cooperation map in the API: a network's measures, computed by the same code as
//! `parat map measures` and the map's pages.

use super::*;
use parat_core::map::measures::Measures;
use parat_core::map::NetworkInput;

/// A national map (2 000 actors, 20 000 attendance rows) is about 1.5 MB of JSON; other API
/// bodies keep the general limit.
const MEASURES_BODY_MAX: usize = 16 * 1024 * 1024;

/// The map's operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    let (schemas, paths, measures) = routes!(map_measures);
    OpenApiRouter::new().routes((schemas, paths, measures.layer(DefaultBodyLimit::max(MEASURES_BODY_MAX))))
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
