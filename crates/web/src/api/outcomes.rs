//! Outcome and session ratings in the API: any episodes' courses and aggregate, computed by the
//! same code as `parat outcomes summarize` and the follow-up pages.

use super::*;
use parat_core::outcomes::summary::Summary;
use parat_core::outcomes::{summarize, SummaryInput};

/// 100 000 episodes of a dozen sessions are about 12 MB of JSON; other API bodies keep the
/// general limit.
const SUMMARIZE_BODY_MAX: usize = 16 * 1024 * 1024;

/// The operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    let (schemas, paths, summarize) = routes!(outcomes_summarize);
    OpenApiRouter::new().routes((schemas, paths, summarize.layer(DefaultBodyLimit::max(SUMMARIZE_BODY_MAX))))
}

/// Episodes of outcome (`ors`) and session (`srs`) ratings summarized: per episode the intake,
/// latest and change of the outcome total, whether the change is reliable, recovery, and the
/// alerts (`ors_below_cutoff`, `deterioration`, `no_improvement`, `srs_below_cutoff`,
/// `srs_item_below`, `srs_drop`); the aggregate over the episodes with two outcome ratings or
/// more. Values have at most one decimal and every decision is exact. The same computation as
/// `parat outcomes summarize`. Refused with 422, naming the episode and session, beyond what the
/// schema says: a value off 0–10 or with two decimals, an unknown age group, a session without
/// ratings, dates out of order, an id used twice, a setting off its range.
#[utoipa::path(post, path = "/outcomes/summarize", tag = "outcomes",
    request_body(content = SummaryInput, description = "Settings (optional) and episodes with their sessions in date order"),
    responses(
        (status = 200, description = "Each episode's course and the aggregate", body = Summary),
        (status = 400, description = "Not JSON, not `application/json`, too large, or outside the schema", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 422, description = "A value, session or setting the summary cannot use, named", body = ErrorBody),
    ))]
async fn outcomes_summarize(
    ApiScope(_scope): ApiScope,
    ApiJson(input): ApiJson<SummaryInput>,
) -> Result<Json<Summary>, AppError> {
    let (settings, episodes) = input.parse().map_err(|e| AppError::Refused(e.to_string()))?;
    Ok(Json(summarize(&settings, &episodes)))
}
