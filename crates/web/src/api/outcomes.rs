//! Outcome and session ratings in the API: any episodes' courses and aggregate, computed by the
//! same code as `parat outcomes summarize` and the follow-up pages; and, for case-management
//! systems, an episode with its sessions and course, and recording a session — as the pages do,
//! for the episodes the token's person works with.

use super::*;
use parat_core::outcomes::summary::Summary;
use parat_core::outcomes::{progress, summarize, Alert, Marks, Reliable, SummaryInput, Tenths};
use parat_store::outcomes::{self as store, SessionDraft, SessionSource};

/// 100 000 episodes of a dozen sessions are about 12 MB of JSON; other API bodies keep the
/// general limit.
const SUMMARIZE_BODY_MAX: usize = 16 * 1024 * 1024;

/// The operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    let (schemas, paths, summarize) = routes!(outcomes_summarize);
    OpenApiRouter::new()
        .routes((schemas, paths, summarize.layer(DefaultBodyLimit::max(SUMMARIZE_BODY_MAX))))
        .routes(routes!(register_participant))
        .routes(routes!(open_episode))
        .routes(routes!(get_episode))
        .routes(routes!(record_session))
}

/// One rating: the four marks when they were entered, and the total.
#[derive(Serialize, ToSchema)]
pub struct MarksOut {
    /// The four marks 0–10, or null for a total entered from paper.
    items: Option<Vec<f64>>,
    total: f64,
}

impl From<&Marks> for MarksOut {
    fn from(marks: &Marks) -> Self {
        MarksOut {
            items: marks.item_marks().map(|items| items.iter().map(|t| t.as_f64()).collect()),
            total: marks.total().as_f64(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SessionOut {
    id: i64,
    /// `YYYY-MM-DD`.
    date: String,
    group_session: bool,
    ors: Option<MarksOut>,
    srs: Option<MarksOut>,
}

/// The episode's course, as `parat outcomes summarize` gives it per episode.
#[derive(Serialize, ToSchema)]
pub struct CourseOut {
    intake: Option<f64>,
    latest: Option<f64>,
    change: Option<f64>,
    reliable: Reliable,
    recovered: bool,
    alerts: Vec<Alert>,
}

#[derive(Serialize, ToSchema)]
pub struct EpisodeOut {
    id: i64,
    participant_id: i64,
    unit_id: i64,
    /// The initiative (project) the episode belongs to, if any.
    initiative_id: Option<i64>,
    /// `YYYY-MM-DD`.
    starts_on: String,
    ends_on: Option<String>,
    /// `planned`, `stopped_coming`, `moved` or `other`; null while open.
    end_reason: Option<String>,
    sessions: Vec<SessionOut>,
    course: CourseOut,
}

/// An episode the token's person works with (its practitioner, its unit's manager, an
/// administrator), with its sessions in date order and its course; the read is audited.
#[utoipa::path(get, path = "/outcomes/episodes/{id}", tag = "outcomes", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = EpisodeOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such episode among those the token's person works with", body = ErrorBody),
    ))]
async fn get_episode(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<EpisodeOut>, AppError> {
    Ok(Json(episode_out(&state, &scope, id).await?))
}

/// An episode as the API shows it; the read of its participant is audited.
async fn episode_out(state: &AppState, scope: &parat_store::OrgScope, id: i64) -> Result<EpisodeOut, AppError> {
    let episode = store::episode(&state.db, scope, id).await?;
    let participant = parat_store::participants::open(&state.db, scope, episode.participant_id).await?;
    let sessions = store::sessions_of_opened(&state.db, &episode).await?;
    let settings = store::settings(&state.db, scope.org_id()).await?;
    let course = progress(&settings, participant.age_group, sessions.iter().map(|s| &s.ratings));
    let number = |t: Option<Tenths>| t.map(Tenths::as_f64);
    Ok(EpisodeOut {
        id: episode.id,
        participant_id: episode.participant_id,
        unit_id: episode.unit_id,
        initiative_id: episode.initiative_id,
        starts_on: episode.starts_on.to_string(),
        ends_on: episode.ended.map(|(d, _)| d.to_string()),
        end_reason: episode.ended.map(|(_, r)| r.key().to_owned()),
        sessions: sessions
            .iter()
            .map(|s| SessionOut {
                id: s.id,
                date: s.held_on.to_string(),
                group_session: s.group_session,
                ors: s.ratings.outcome().map(MarksOut::from),
                srs: s.ratings.session().map(MarksOut::from),
            })
            .collect(),
        course: CourseOut {
            intake: number(course.intake),
            latest: number(course.latest),
            change: number(course.change),
            reliable: course.reliable,
            recovered: course.recovered,
            alerts: course.alerts,
        },
    })
}

/// A participant to register, under a code within the organisation.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ParticipantBody {
    /// The pseudonymous code, unique within the organisation.
    #[schema(min_length = 1, max_length = 40)]
    code: String,
    /// `adult`, `adolescent` (13–17) or `child` (6–12): it sets the outcome cut-off.
    #[schema(pattern = "^(adult|adolescent|child)$")]
    age_group: String,
    /// When consent was given, `YYYY-MM-DD`.
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    consent_on: Option<String>,
    /// What the consent covers.
    #[serde(default)]
    #[schema(max_length = 2000)]
    consent_scope: Option<String>,
    /// Only where the organisation records names, and with consent.
    #[serde(default)]
    #[schema(max_length = 200)]
    name: Option<String>,
    #[serde(default)]
    #[schema(max_length = 20)]
    personal_number: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ParticipantOut {
    id: i64,
    code: String,
    age_group: String,
}

/// Registers a participant, by the registration page's rules: a code not used in the
/// organisation, an age group, consent with its date; a name and personal identity number only
/// where the organisation records them. For practitioners, unit managers and administrators.
#[utoipa::path(post, path = "/outcomes/participants", tag = "outcomes",
    request_body = ParticipantBody,
    responses(
        (status = 201, body = ParticipantOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not register participants", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named (a code in use among them)", body = ErrorBody),
    ))]
async fn register_participant(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    ApiJson(body): ApiJson<ParticipantBody>,
) -> Result<Response, AppError> {
    // Left out is no consent date; an empty one is not a date.
    refuse_blank(&[("consent_on", body.consent_on.as_deref(), parat_core::Problem::InvalidDate)])?;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let input = parat_core::participant::ParticipantInput {
        code: body.code.clone(),
        age_group: body.age_group.clone(),
        name: text(&body.name),
        personal_number: text(&body.personal_number),
        consent_on: text(&body.consent_on),
        consent_scope: text(&body.consent_scope),
    };
    let names_allowed = parat_store::participants::names_allowed(&state.db, scope.org_id()).await?;
    let draft = input.parse(names_allowed, parat_store::now_date()).map_err(invalid)?;
    let id = parat_store::participants::create(&state.db, &scope, &draft).await.map_err(store_invalid)?;
    let out = ParticipantOut { id, code: draft.code.clone(), age_group: draft.age_group.key().to_owned() };
    Ok((StatusCode::CREATED, Json(out)).into_response())
}

/// An episode to open for a participant.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EpisodeBody {
    /// A unit of the organisation that the practitioner works in.
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 1)]
    unit_id: i64,
    /// `YYYY-MM-DD`, not in the future.
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    starts_on: String,
    /// The practitioner; the token's person when left out. A unit's manager or an
    /// administrator opens episodes for the unit's practitioners.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    practitioner_id: Option<i64>,
    /// An initiative (project) of the organisation the episode belongs to: its ended episodes
    /// then count in the project's outcome indicators.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    initiative_id: Option<i64>,
}

/// Opens an episode for a participant the token's person works with (or registered), in a unit
/// of the organisation, with one of its practitioners. Answers 201 with the episode.
#[utoipa::path(post, path = "/outcomes/participants/{id}/episodes", tag = "outcomes", params(("id" = i64, Path, minimum = 1)),
    request_body = EpisodeBody,
    responses(
        (status = 201, body = EpisodeOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Not for the token's person to open for that practitioner", body = ErrorBody),
        (status = 404, description = "No such participant among those the token's person works with", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named: a date in the future, a unit, practitioner or initiative that does not fit", body = ErrorBody),
    ))]
async fn open_episode(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(participant_id): PathId,
    ApiJson(body): ApiJson<EpisodeBody>,
) -> Result<Response, AppError> {
    let starts_on = parat_core::initiative::parse_date(&body.starts_on)
        .and_then(|d| d.ok_or(parat_core::Problem::Required))
        .map_err(|problem| invalid(parat_core::FieldErrors::single("starts_on", problem)))?;
    let draft = store::EpisodeDraft {
        participant_id,
        unit_id: body.unit_id,
        practitioner_id: body.practitioner_id.unwrap_or(scope.user_id()),
        initiative_id: body.initiative_id,
        starts_on,
    };
    let id = store::open_episode(&state.db, &scope, &draft, parat_store::now_date()).await.map_err(store_invalid)?;
    Ok((StatusCode::CREATED, Json(episode_out(&state, &scope, id).await?)).into_response())
}

/// A store's field errors as the API's 422; anything else as it maps.
fn store_invalid(error: parat_store::StoreError) -> AppError {
    match error {
        parat_store::StoreError::Invalid(errors) => invalid(errors),
        other => other.into(),
    }
}

/// A session to record: its date and an outcome rating, a session rating, or both — each as
/// four marks, or (from paper) as a total only.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionBody {
    /// `YYYY-MM-DD`, not in the future, within the episode.
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    date: String,
    /// The four outcome marks, 0–10 with at most one decimal.
    #[serde(default)]
    #[schema(min_items = 4, max_items = 4)]
    ors: Option<Vec<f64>>,
    /// The four session marks, 0–10 with at most one decimal.
    #[serde(default)]
    #[schema(min_items = 4, max_items = 4)]
    srs: Option<Vec<f64>>,
    /// The outcome total 0–40, when only the total was entered (from paper); with `ors` it
    /// must be their sum.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 40)]
    ors_total: Option<f64>,
    #[serde(default)]
    #[schema(minimum = 0, maximum = 40)]
    srs_total: Option<f64>,
    #[serde(default)]
    group_session: bool,
    /// A key of the caller's choosing: the same key sent again records nothing new.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 64)]
    submission: Option<String>,
}

impl SessionBody {
    /// The body as the page's form would send it, parsed by the same code.
    fn input(&self) -> parat_core::outcomes::entry::SessionInput {
        let text = |v: Option<f64>| {
            v.map(|v| Tenths::from_number(v).map_or_else(|_| v.to_string(), |t| t.to_string())).unwrap_or_default()
        };
        let item = |values: &Option<Vec<f64>>, i: usize| text(values.as_ref().and_then(|v| v.get(i).copied()));
        parat_core::outcomes::entry::SessionInput {
            held_on: self.date.clone(),
            group_session: if self.group_session { "on".into() } else { String::new() },
            ors_1: item(&self.ors, 0),
            ors_2: item(&self.ors, 1),
            ors_3: item(&self.ors, 2),
            ors_4: item(&self.ors, 3),
            ors_total: text(self.ors_total),
            srs_1: item(&self.srs, 0),
            srs_2: item(&self.srs, 1),
            srs_3: item(&self.srs, 2),
            srs_4: item(&self.srs, 3),
            srs_total: text(self.srs_total),
            submission: self.submission.clone().unwrap_or_default(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RecordedOut {
    id: i64,
    /// False when the same `submission` had been recorded before.
    created: bool,
}

/// Records a session of an episode the token's person works with, by the pages' rules: the date
/// not in the future and within the episode, marks 0–10 with at most one decimal, four per
/// scale or a total only. Answers 201 for a new session, 200 for a `submission` already
/// recorded. Refused with 422 beyond the schema: a session with no rating, a date outside the
/// episode or in the future, a total that is not the marks' sum, a mark off the line.
#[utoipa::path(post, path = "/outcomes/episodes/{id}/sessions", tag = "outcomes", params(("id" = i64, Path, minimum = 1)),
    request_body = SessionBody,
    responses(
        (status = 201, body = RecordedOut),
        (status = 200, description = "This submission was recorded before", body = RecordedOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such episode among those the token's person works with", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn record_session(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<SessionBody>,
) -> Result<Response, AppError> {
    store::episode(&state.db, &scope, id).await?;
    let today = parat_store::now_date();
    let entry = body.input().parse(today).map_err(invalid)?;
    let draft = SessionDraft {
        held_on: entry.held_on,
        group_session: entry.group_session,
        ratings: entry.ratings,
        source: SessionSource::Api,
        submission: entry.submission,
    };
    let (session, created) =
        store::record_session(&state.db, &scope, id, &draft, today).await.map_err(store_invalid)?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(RecordedOut { id: session, created })).into_response())
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

/// The form's problems named as the body names its fields: `date`, and `ors` or `srs` for any
/// of their marks.
fn invalid(errors: FieldErrors) -> AppError {
    let renamed = errors
        .0
        .into_iter()
        .map(|mut error| {
            error.field = match error.field {
                "held_on" => "date",
                field if field.starts_with("ors_") && field != "ors_total" => "ors",
                field if field.starts_with("srs_") && field != "srs_total" => "srs",
                field => field,
            };
            error
        })
        .collect();
    AppError::from(parat_store::StoreError::Invalid(FieldErrors(renamed)))
}
