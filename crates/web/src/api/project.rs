//! Project follow-up in the API, so that a registration or case-management system can feed
//! Parat: an initiative's training events, their attendance (named people or a head count), and
//! a period's figures; the plan and the money are in `project_plan`. Times are the
//! organisation's local time (Scandinavian), written `2026-09-01T00:30`.

use super::*;
use parat_core::periods::Period;
use parat_core::project::money::Amount;
use parat_core::project::{
    activities_in, attendance_in, budget_in, event::local_field, participants_in, ActivityCounts, AttendeeInput,
    ByGender, EventInput, IndicatorStatus,
};
use parat_store::project::{self as store, Event};

/// The operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    let (schemas, paths, attendance) = routes!(record_attendance);
    OpenApiRouter::new()
        .routes(routes!(list_events, create_event))
        .routes((schemas, paths, attendance.layer(DefaultBodyLimit::max(LIST_BODY_MAX))))
        .routes(routes!(followup))
}

/// A list of a thousand people or costs, each with its longest texts in four-byte characters,
/// is under 4 MB; other API bodies keep the general limit.
pub(super) const LIST_BODY_MAX: usize = 4 * 1024 * 1024;

/// The most people (or costs) one request adds.
pub(super) const ATTENDEES_MAX: usize = 1000;

/// An event to create. Times in the organisation's local time, to the minute.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventBody {
    #[schema(min_length = 1, max_length = 200)]
    title: String,
    /// Local time, `YYYY-MM-DDTHH:MM`.
    #[schema(pattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$")]
    starts_at: String,
    /// Local time, not before `starts_at`.
    #[serde(default)]
    #[schema(pattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$")]
    ends_at: Option<String>,
    #[serde(default)]
    #[schema(max_length = 200)]
    place: Option<String>,
    /// Who holds it: the organisation itself or a supplier.
    #[serde(default)]
    #[schema(max_length = 200)]
    organiser: Option<String>,
    #[serde(default)]
    #[schema(max_length = 200)]
    target_group: Option<String>,
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 0, maximum = 100000)]
    capacity: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedOut {
    pub(super) id: i64,
}

#[derive(Serialize, ToSchema)]
pub struct EventOut {
    id: i64,
    title: String,
    /// Local time, `YYYY-MM-DDTHH:MM`.
    starts_at: String,
    ends_at: Option<String>,
    place: String,
    organiser: String,
    target_group: String,
    capacity: Option<u32>,
    /// Named attendees.
    attendees: u32,
    /// People counted without names.
    head_count: u32,
}

impl From<Event> for EventOut {
    fn from(event: Event) -> Self {
        EventOut {
            id: event.id,
            title: event.title,
            starts_at: local_field(event.starts_at),
            ends_at: event.ends_at.map(local_field),
            place: event.place,
            organiser: event.organiser,
            target_group: event.target_group,
            capacity: event.capacity,
            attendees: event.attendees,
            head_count: event.head_count,
        }
    }
}

/// An initiative's training events in time order, with how many came (no names).
#[utoipa::path(get, path = "/initiatives/{id}/events", tag = "project", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = Vec<EventOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn list_events(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<Vec<EventOut>>, AppError> {
    let events = store::events_of(&state.db, &scope, id).await?;
    Ok(Json(events.into_iter().map(EventOut::from).collect()))
}

/// Creates a training event of an initiative; answers 201 with its id. Refused with 422 beyond
/// the schema: a time that does not exist in local time (the hour skipped when summer time
/// begins), an end before the start. For coordinators and administrators.
#[utoipa::path(post, path = "/initiatives/{id}/events", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = EventBody,
    responses(
        (status = 201, body = CreatedOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn create_event(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<EventBody>,
) -> Result<Response, AppError> {
    refuse_blank(&[("ends_at", body.ends_at.as_deref(), Problem::InvalidDateTime)])?;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let input = EventInput {
        title: body.title.clone(),
        starts_at: body.starts_at.clone(),
        ends_at: text(&body.ends_at),
        place: text(&body.place),
        organiser: text(&body.organiser),
        target_group: text(&body.target_group),
        capacity: body.capacity.map(|n| n.to_string()).unwrap_or_default(),
    };
    let draft = input.parse().map_err(AppError::Invalid)?;
    let id = store::create_event(&state.db, &scope, id, &draft).await?;
    Ok((StatusCode::CREATED, Json(CreatedOut { id })).into_response())
}

/// A person on an attendance list.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AttendeeBody {
    #[schema(min_length = 1, max_length = 200)]
    name: String,
    #[serde(default)]
    #[schema(max_length = 200)]
    organisation: Option<String>,
    #[serde(default)]
    #[schema(max_length = 200)]
    unit: Option<String>,
    gender: parat_core::project::Gender,
}

/// Either people by name, or a count of people without names.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventAttendanceBody {
    /// Added to the event's attendance list, all or none.
    #[serde(default)]
    #[schema(min_items = 1, max_items = 1000)]
    attendees: Option<Vec<AttendeeBody>>,
    /// How many came without giving names; replaces the event's last count.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 0, maximum = 100000)]
    head_count: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct EventAttendanceOut {
    /// The ids of the people added, in the order sent (empty for a head count).
    added: Vec<i64>,
    /// The event's named attendees now.
    attendees: u32,
    /// The event's head count now.
    head_count: u32,
}

/// Records attendance at an event: `{"attendees": [...]}` adds people by name (201), or
/// `{"head_count": n}` sets how many came without names (200). Refused with 422: both or
/// neither, an empty list, a person without a name (the message names which). For coordinators
/// and administrators.
#[utoipa::path(post, path = "/events/{id}/attendance", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = EventAttendanceBody,
    responses(
        (status = 200, description = "The head count was set", body = EventAttendanceOut),
        (status = 201, description = "The people were added", body = EventAttendanceOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such event in the token's organisation", body = ErrorBody),
        (status = 422, description = "Both or neither of `attendees` and `head_count`, or a person's field wrong", body = ErrorBody),
    ))]
async fn record_attendance(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<EventAttendanceBody>,
) -> Result<Response, AppError> {
    let (status, added) = match (&body.attendees, body.head_count) {
        (Some(people), None) => {
            if people.is_empty() || people.len() > ATTENDEES_MAX {
                return Err(AppError::Refused(format!("attendees: from 1 to {ATTENDEES_MAX} people a request")));
            }
            let mut drafts = Vec::with_capacity(people.len());
            for (index, person) in people.iter().enumerate() {
                let text = |v: &Option<String>| v.clone().unwrap_or_default();
                let input = AttendeeInput {
                    name: person.name.clone(),
                    organisation: text(&person.organisation),
                    unit: text(&person.unit),
                    gender: person.gender.key().to_owned(),
                };
                let draft = input.parse().map_err(|errors| {
                    let problems: Vec<String> = errors
                        .0
                        .iter()
                        .map(|e| format!("attendees[{index}].{}: {}", e.field, e.problem.code()))
                        .collect();
                    AppError::Refused(problems.join(", "))
                })?;
                drafts.push(draft);
            }
            (StatusCode::CREATED, store::add_attendees(&state.db, &scope, id, &drafts).await?)
        }
        (None, Some(count)) => {
            let count = parat_core::project::event::people(&count.to_string())
                .map_err(|problem| AppError::Invalid(FieldErrors::single("head_count", problem)))?;
            store::set_head_count(&state.db, &scope, id, count).await?;
            (StatusCode::OK, Vec::new())
        }
        _ => return Err(AppError::Refused("send either `attendees` or `head_count`".into())),
    };
    let event = store::event(&state.db, &scope, id).await?;
    let out = EventAttendanceOut { added, attendees: event.attendees, head_count: event.head_count };
    Ok((status, Json(out)).into_response())
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FollowupParams {
    /// `2026-05` (month), `2026-T2` (tertial), `2026-Q3` (quarter) or `2026` (year).
    #[param(pattern = "^(19[0-9]{2}|[2-9][0-9]{3})(-(0[1-9]|1[0-2]|T[1-3]|Q[1-4]))?$")]
    period: String,
}

#[derive(Serialize, ToSchema)]
pub struct PeriodOut {
    /// The period's first and last day, `YYYY-MM-DD`.
    start: String,
    end: String,
}

#[derive(Serialize, ToSchema)]
pub struct GenderCountsOut {
    woman: u32,
    man: u32,
    other: u32,
    unknown: u32,
}

impl From<ByGender> for GenderCountsOut {
    fn from(counts: ByGender) -> Self {
        GenderCountsOut { woman: counts.woman, man: counts.man, other: counts.other, unknown: counts.unknown }
    }
}

#[derive(Serialize, ToSchema)]
pub struct FollowupOut {
    period: PeriodOut,
    /// Events starting in the period (by their local date).
    events: u32,
    /// Named attendances at them (a person at two events counts twice).
    attendances: u32,
    attendances_by_gender: GenderCountsOut,
    /// People counted without names at them.
    head_counts: u32,
    /// Participants in individual-oriented activities who took part on any day of the period
    /// (registered in before its end and not out before its start), by gender.
    participants_by_gender: GenderCountsOut,
    /// Activities planned for the period and carried out in it (by their dates).
    activities: ActivityCountsOut,
    /// In öre: the period's share of its year's budget (a month a twelfth, a tertial a third, a
    /// quarter a quarter, rounded to the öre) and the costs booked within it.
    budget: BudgetOut,
    /// Each indicator's value in the period (counted by Parat from the period's first day, or as
    /// typed for a period of the indicator's own kind), its target per period of that kind, and
    /// its status: as judged, or derived from the value for a period of the indicator's kind (a
    /// counted one once the period is over); `null` where nothing is known.
    indicators: Vec<IndicatorFigureOut>,
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorFigureOut {
    id: i64,
    value: Option<f64>,
    target: f64,
    status: Option<IndicatorStatus>,
}

#[derive(Serialize, ToSchema)]
pub struct BudgetOut {
    budget: i64,
    outcome: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ActivityCountsOut {
    planned: u32,
    done: u32,
}

impl From<ActivityCounts> for ActivityCountsOut {
    fn from(counts: ActivityCounts) -> Self {
        ActivityCountsOut { planned: counts.planned, done: counts.done }
    }
}

/// A period's follow-up figures for an initiative: an event belongs to the period holding its
/// start's local date (00:30 on 1 September is September's and the third tertial's).
#[utoipa::path(get, path = "/initiatives/{id}/followup", tag = "project",
    params(("id" = i64, Path, minimum = 1), FollowupParams),
    responses(
        (status = 200, body = FollowupOut),
        (status = 400, description = "No period, or not one of the four forms", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn followup(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    params: Result<Query<FollowupParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<FollowupOut>, AppError> {
    const FORMS: &str = "`2026-05` (month), `2026-T2` (tertial), `2026-Q3` (quarter) or `2026` (year)";
    let Query(params) = params.map_err(|_| AppError::BadRequest(format!("give a period: {FORMS}")))?;
    let period = Period::parse(&params.period)
        .ok_or_else(|| AppError::BadRequest(format!("`{}` is not a period: write {FORMS}", params.period)))?;
    let facts = store::project_facts(&state.db, &scope, id).await?;
    let figures = attendance_in(&period, &facts.events);
    let activities = activities_in(&period, &facts.activities);
    let lines: Vec<(i32, Amount)> = facts.budget_lines.iter().map(|l| (l.year, l.amount)).collect();
    let booked: Vec<(time::Date, Amount)> = facts.costs.iter().map(|c| (c.booked_on, c.amount)).collect();
    let money = budget_in(&period, &lines, &booked);
    let today = parat_store::now_date();
    let indicators = facts
        .indicators
        .iter()
        .map(|indicator| {
            let records = facts.records();
            let reading = indicator.definition.reading(&period, &indicator.entries, records, today);
            IndicatorFigureOut {
                id: indicator.id,
                value: reading.value,
                target: indicator.definition.target,
                status: reading.status,
            }
        })
        .collect();
    Ok(Json(FollowupOut {
        period: PeriodOut { start: period.first_day().to_string(), end: period.last_day().to_string() },
        events: figures.events,
        attendances: figures.attendances,
        attendances_by_gender: figures.attendances_by_gender.into(),
        head_counts: figures.head_counts,
        participants_by_gender: participants_in(&period, &facts.participations).into(),
        activities: activities.into(),
        budget: BudgetOut { budget: money.budget.ore(), outcome: money.outcome.ore() },
        indicators,
    }))
}
