//! The implementation landscape in the API: read an initiative's landscape and checklist,
//! record a factor or a question, and compare two dates.

use super::*;
use parat_core::landscape::analysis::{ANSWER_MAX, NOTE_MAX};
use parat_core::landscape::{FactorInput, Framework, QuestionInput, QuestionStatus};
use parat_core::locale::Locale;
use parat_core::owner::WHO_MAX;
use parat_store::landscape::{self as store, FactorEntry, Landscape, QuestionEntry};

/// The landscape's operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_landscape))
        .routes(routes!(put_factor))
        .routes(routes!(put_question))
        .routes(routes!(get_changes))
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct LanguageParams {
    /// The language of names and question texts; Swedish when left out.
    #[param(inline)]
    lang: Option<Locale>,
}

#[derive(Serialize, ToSchema)]
pub struct LandscapeOut {
    /// `landscape` (Parat's framework) or `org-<n>` (the organisation's own).
    framework: String,
    levels: Vec<LevelOut>,
    questions: Vec<QuestionOut>,
}

#[derive(Serialize, ToSchema)]
pub struct LevelOut {
    key: String,
    name: String,
    factors: Vec<FactorOut>,
}

#[derive(Serialize, ToSchema)]
pub struct FactorOut {
    key: String,
    name: String,
    in_focus: bool,
    /// From −2 (clearly hinders) to 2 (clearly supports); null when not assessed.
    #[schema(minimum = -2, maximum = 2)]
    state: Option<i8>,
    note: String,
    /// Who follows the factor up: a member's name or a name given instead; empty when nobody.
    follow_up: String,
    follow_up_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionOut {
    key: String,
    /// The question's group, e.g. `process` or a level's key.
    group: String,
    text: String,
    answer: String,
    status: QuestionStatus,
    /// The owner: a member's name or a name given instead; empty when nobody.
    owner: String,
    owner_id: Option<i64>,
    /// The date to settle it by.
    #[schema(format = Date)]
    due: Option<String>,
    /// Not settled or set aside, and due before today.
    overdue: bool,
}

fn factor_out(
    locale: Locale,
    key: &str,
    name: &parat_core::locale::Localized,
    entry: Option<&FactorEntry>,
) -> FactorOut {
    FactorOut {
        key: key.to_owned(),
        name: name.get(locale).to_owned(),
        in_focus: entry.is_some_and(|e| e.in_focus),
        state: entry.and_then(|e| e.state).map(|s| s.value()),
        note: entry.map(|e| e.note.clone()).unwrap_or_default(),
        follow_up: entry.map(|e| e.follow_up.clone()).unwrap_or_default(),
        follow_up_id: entry.and_then(|e| e.follow_up_id),
    }
}

fn question_out(
    locale: Locale,
    framework: &Framework,
    key: &str,
    entry: Option<&QuestionEntry>,
) -> Option<QuestionOut> {
    let (group, question) = framework.question(key)?;
    let today = parat_store::now_date();
    Some(QuestionOut {
        key: key.to_owned(),
        group: group.key.clone(),
        text: question.text.get(locale).to_owned(),
        answer: entry.map(|e| e.answer.clone()).unwrap_or_default(),
        status: entry.map_or(QuestionStatus::Open, |e| e.status),
        owner: entry.map(|e| e.who.clone()).unwrap_or_default(),
        owner_id: entry.and_then(|e| e.owner_id),
        due: entry.and_then(|e| e.due_on).map(|d| d.to_string()),
        overdue: entry.is_some_and(|e| e.is_overdue(today)),
    })
}

async fn landscape_out(state: &AppState, landscape: &Landscape, locale: Locale) -> Result<LandscapeOut, AppError> {
    let framework = landscape.framework();
    let factors = store::factors(&state.db, landscape).await?;
    let questions = store::questions(&state.db, landscape).await?;
    Ok(LandscapeOut {
        framework: landscape.framework_key.clone(),
        levels: framework
            .levels
            .iter()
            .map(|level| LevelOut {
                key: level.key.clone(),
                name: level.name.get(locale).to_owned(),
                factors: level
                    .factors
                    .iter()
                    .map(|f| factor_out(locale, &f.key, &f.name, factors.iter().find(|e| e.key == f.key)))
                    .collect(),
            })
            .collect(),
        questions: framework
            .questions()
            .filter_map(|(_, q)| question_out(locale, framework, &q.key, questions.iter().find(|e| e.key == q.key)))
            .collect(),
    })
}

/// An initiative's landscape: every level of its framework with each factor as assessed (or
/// not yet), and every reflection question with its status. Another organisation's initiative
/// is 404.
#[utoipa::path(get, path = "/initiatives/{id}/landscape", tag = "landscape",
    params(("id" = i64, Path, minimum = 1), LanguageParams),
    responses(
        (status = 200, body = LandscapeOut),
        (status = 400, description = "An unknown language", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn get_landscape(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    Query(params): Query<LanguageParams>,
) -> Result<Json<LandscapeOut>, AppError> {
    let landscape = store::open(&state.db, &scope, id).await?;
    Ok(Json(landscape_out(&state, &landscape, params.lang.unwrap_or_default()).await?))
}

/// A factor's assessment; fields left out are cleared (false, null, empty).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FactorBody {
    #[serde(default)]
    in_focus: bool,
    /// From −2 (clearly hinders) to 2 (clearly supports); null or left out: not assessed.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = -2, maximum = 2)]
    state: Option<i64>,
    #[serde(default)]
    #[schema(max_length = 2000, pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$")]
    note: Option<String>,
    /// A member of the organisation who follows the factor up.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    follow_up_id: Option<i64>,
    /// A name instead of a member (used when `follow_up_id` is left out).
    #[serde(default)]
    #[schema(max_length = 160, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    follow_up: Option<String>,
}

/// Records a factor's assessment and answers with the factor as stored. Coordinators and
/// administrators only. Refused with 422 beyond the schema: `follow_up_id` must be a member of
/// the organisation.
#[utoipa::path(put, path = "/initiatives/{id}/landscape/factors/{key}", tag = "landscape",
    params(("id" = i64, Path, minimum = 1), ("key" = String, Path, pattern = "^[a-z0-9_-]{1,40}$")),
    request_body = FactorBody,
    responses(
        (status = 200, body = FactorOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative, or no such factor in its framework", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn put_factor(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIdAndKey(id, key): PathIdAndKey,
    ApiJson(body): ApiJson<FactorBody>,
) -> Result<Json<FactorOut>, AppError> {
    let landscape = store::open(&state.db, &scope, id).await?;
    let (_, factor) = landscape.framework().factor(&key).ok_or(AppError::NotFound)?;
    let mut errors = FieldErrors::new();
    untrimmed(&mut errors, "note", body.note.as_deref(), NOTE_MAX);
    untrimmed(&mut errors, "follow_up", body.follow_up.as_deref(), WHO_MAX);
    let input = FactorInput {
        in_focus: if body.in_focus { "1".into() } else { String::new() },
        state: body.state.map(|s| s.to_string()).unwrap_or_default(),
        note: body.note.unwrap_or_default(),
        follow_up_id: body.follow_up_id.map(|id| id.to_string()).unwrap_or_default(),
        follow_up: body.follow_up.unwrap_or_default(),
    };
    let draft = combined(errors, input.parse())?;
    store::save_factor(&state.db, &scope, &landscape, &key, &draft).await?;
    let saved = store::factors(&state.db, &landscape).await?;
    Ok(Json(factor_out(Locale::Sv, &key, &factor.name, saved.iter().find(|e| e.key == key))))
}

/// A reflection question's answer and status; fields left out are cleared (`open`, empty).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionBody {
    #[serde(default)]
    #[schema(max_length = 5000, pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$")]
    answer: Option<String>,
    /// `open` when left out.
    #[serde(default)]
    status: Option<QuestionStatus>,
    /// A member of the organisation who owns the question.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    owner_id: Option<i64>,
    /// A name instead of a member (used when `owner_id` is left out).
    #[serde(default)]
    #[schema(max_length = 160, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    owner: Option<String>,
    /// The date to settle it by, ISO 8601. A new date may not be in the past; a kept one may.
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    due: Option<String>,
}

/// Records a reflection question's answer, status, owner and date, and answers with the
/// question as stored. Coordinators and administrators only. Refused with 422 beyond the schema:
/// `owner_id` must be a member of the organisation, and a new `due` date may not be in the past.
#[utoipa::path(put, path = "/initiatives/{id}/landscape/questions/{key}", tag = "landscape",
    params(("id" = i64, Path, minimum = 1), ("key" = String, Path, pattern = "^[a-z0-9_-]{1,40}$")),
    request_body = QuestionBody,
    responses(
        (status = 200, body = QuestionOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative, or no such question in its framework", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn put_question(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathIdAndKey(id, key): PathIdAndKey,
    ApiJson(body): ApiJson<QuestionBody>,
) -> Result<Json<QuestionOut>, AppError> {
    let landscape = store::open(&state.db, &scope, id).await?;
    landscape.framework().question(&key).ok_or(AppError::NotFound)?;
    let mut errors = FieldErrors::new();
    untrimmed(&mut errors, "answer", body.answer.as_deref(), ANSWER_MAX);
    untrimmed(&mut errors, "owner", body.owner.as_deref(), WHO_MAX);
    if body.due.as_deref().is_some_and(|d| d.is_empty() || d.trim() != d) {
        errors.add("due", Problem::InvalidDate);
    }
    let input = QuestionInput {
        answer: body.answer.unwrap_or_default(),
        status: body.status.map(|s| s.key().to_owned()).unwrap_or_default(),
        owner_id: body.owner_id.map(|id| id.to_string()).unwrap_or_default(),
        who: body.owner.unwrap_or_default(),
        due_on: body.due.unwrap_or_default(),
    };
    let kept = store::question(&state.db, &landscape, &key).await?.and_then(|e| e.due_on);
    // The API's names for the form's fields.
    let parsed = input
        .parse(parat_store::now_date(), kept)
        .map_err(|found| renamed(found, &[("who", "owner"), ("due_on", "due")]));
    let draft = combined(errors, parsed)?;
    store::save_question(&state.db, &scope, &landscape, &key, &draft).await?;
    let saved = store::question(&state.db, &landscape, &key).await?;
    question_out(Locale::Sv, landscape.framework(), &key, saved.as_ref()).map(Json).ok_or(AppError::NotFound)
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ChangesParams {
    /// The first date, ISO 8601; the day of the first change when left out.
    #[param(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    from: Option<String>,
    /// The second date; today when left out. Not before `from`.
    #[param(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    to: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ChangesOut {
    #[schema(format = Date)]
    from: String,
    #[schema(format = Date)]
    to: String,
    /// Factors whose state differs between the end of `from` and the end of `to`.
    factors: Vec<FactorMoveOut>,
    /// Questions whose status differs.
    questions: Vec<QuestionMoveOut>,
}

#[derive(Serialize, ToSchema)]
pub struct FactorMoveOut {
    key: String,
    #[schema(minimum = -2, maximum = 2)]
    from: Option<i8>,
    #[schema(minimum = -2, maximum = 2)]
    to: Option<i8>,
    /// Hindered at `from` and no longer at `to`.
    stopped_hindering: bool,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionMoveOut {
    key: String,
    from: QuestionStatus,
    to: QuestionStatus,
}

/// What changed between two dates: each factor whose state moved and each question whose
/// status moved, as the landscape stood at the end of each day (Scandinavian time). Refused
/// with 422 beyond the schema: `to` may not be before `from`.
#[utoipa::path(get, path = "/initiatives/{id}/landscape/changes", tag = "landscape",
    params(("id" = i64, Path, minimum = 1), ChangesParams),
    responses(
        (status = 200, body = ChangesOut),
        (status = 400, description = "A malformed query", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "An invalid date, or `to` before `from`", body = ErrorBody),
    ))]
async fn get_changes(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    Query(params): Query<ChangesParams>,
) -> Result<Json<ChangesOut>, AppError> {
    use parat_core::landscape::history::{compare, compared_dates};
    let landscape = store::open(&state.db, &scope, id).await?;
    // A date given must be one, as the document says: empty or padded is not "left out".
    let mut errors = FieldErrors::new();
    for (field, date) in [("from", &params.from), ("to", &params.to)] {
        if date.as_deref().is_some_and(|d| d.is_empty() || d.trim() != d) {
            errors.add(field, Problem::InvalidDate);
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let changes = store::changes(&state.db, &landscape).await?;
    let (from, to) = compared_dates(
        params.from.as_deref().unwrap_or(""),
        params.to.as_deref().unwrap_or(""),
        changes.first_at,
        parat_store::now_date(),
    )
    .map_err(AppError::Invalid)?;
    let comparison = compare(landscape.framework(), &changes.factors, &changes.questions, from, to);
    Ok(Json(ChangesOut {
        from: from.to_string(),
        to: to.to_string(),
        factors: comparison
            .factors
            .iter()
            .map(|m| FactorMoveOut {
                key: m.key.clone(),
                from: m.from.map(|s| s.value()),
                to: m.to.map(|s| s.value()),
                stopped_hindering: m.stopped_hindering(),
            })
            .collect(),
        questions: comparison
            .questions
            .iter()
            .map(|m| QuestionMoveOut { key: m.key.to_owned(), from: m.from, to: m.to })
            .collect(),
    }))
}
