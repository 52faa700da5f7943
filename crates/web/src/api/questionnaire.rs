//! Questionnaires in the API: send one out for an initiative, add people with personal links,
//! read a round's status and its results — with the anonymity threshold, as on the pages.

use super::*;
use parat_core::questionnaire::round::{RespondentDraft, RoundInput, GROUP_MAX, ISSUE_MAX, LABEL_MAX, TITLE_MAX};
use parat_core::questionnaire::{self, ScaleScores, Summary, Threshold};
use parat_store::questionnaire::{self as store, Round};

/// The questionnaire operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_round))
        .routes(routes!(get_round))
        .routes(routes!(add_respondents))
        .routes(routes!(round_results))
}

/// A round to send out.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundBody {
    /// `oric`, `hexagon`, `rmc2`, or `own:<n>` for one of the organisation's own.
    #[schema(min_length = 1, max_length = 60, pattern = "^(oric|hexagon|rmc2|own:[1-9][0-9]{0,17})$")]
    questionnaire: String,
    #[schema(
        min_length = 1,
        max_length = 160,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    title: String,
    /// What `{issue}` in the questions stands for.
    #[schema(
        min_length = 1,
        max_length = 160,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    issue: String,
    /// Anonymous answers (the default): no figure for fewer respondents than the threshold.
    #[serde(default = "yes")]
    anonymous: bool,
    /// Make an open link (returned once, in the response).
    #[serde(default)]
    open_link: bool,
    /// 5 when left out.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1, maximum = 1000)]
    threshold: Option<i64>,
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    opens_on: Option<String>,
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    closes_on: Option<String>,
    /// Ask each respondent for a self-made code that pairs their answers with a follow-up
    /// round's, without names.
    #[serde(default)]
    pair_code: bool,
    /// An earlier round of the same questionnaire that this one follows up.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    previous_round: Option<i64>,
    /// For a questionnaire with roster items: each list's entries (meetings, organisations,
    /// people), named by the list as the definition names it. Entries get the keys `e1`, `e2`, …
    /// in this order.
    #[serde(default)]
    lists: std::collections::BTreeMap<String, Vec<String>>,
}

fn yes() -> bool {
    true
}

/// A text field's length before trimming and its characters, as the document says.
fn check_text(errors: &mut FieldErrors, field: &'static str, value: &str, max: usize) {
    let problem = if value.chars().count() > max {
        Some(Problem::TooLong { max })
    } else {
        parat_core::validation::required_text(value, max).err()
    };
    if let Some(problem) = problem {
        errors.add(field, problem);
    }
}

impl RoundBody {
    fn parse(self) -> Result<parat_core::questionnaire::round::RoundDraft, AppError> {
        let mut errors = FieldErrors::new();
        check_text(&mut errors, "title", &self.title, TITLE_MAX);
        check_text(&mut errors, "issue", &self.issue, ISSUE_MAX);
        if self.questionnaire.trim() != self.questionnaire {
            errors.add("questionnaire", Problem::UnknownChoice);
        }
        // An entry is one line of the form's list: a line break in one would make two.
        if self.lists.values().flatten().any(|entry| entry.chars().any(char::is_control)) {
            errors.add("lists", Problem::ControlCharacters);
        }
        for (field, date) in [("opens_on", &self.opens_on), ("closes_on", &self.closes_on)] {
            if date.as_deref().is_some_and(|d| d.is_empty() || d.trim() != d) {
                errors.add(field, Problem::InvalidDate);
            }
        }
        let input = RoundInput {
            questionnaire: self.questionnaire,
            title: self.title,
            issue: self.issue,
            anonymous: if self.anonymous { "true".into() } else { String::new() },
            open_link: if self.open_link { "true".into() } else { String::new() },
            threshold: self.threshold.map(|t| t.to_string()).unwrap_or_default(),
            opens_on: self.opens_on.unwrap_or_default(),
            closes_on: self.closes_on.unwrap_or_default(),
            pair_code: if self.pair_code { "true".into() } else { String::new() },
            previous_round: self.previous_round.map(|id| id.to_string()).unwrap_or_default(),
            lists: self.lists.into_iter().map(|(name, entries)| (format!("list-{name}"), entries.join("\n"))).collect(),
        };
        combined(errors, input.parse())
    }
}

/// A round and how far it has come.
#[derive(Serialize, ToSchema)]
pub struct RoundOut {
    id: i64,
    initiative_id: Option<i64>,
    questionnaire: String,
    title: String,
    issue: String,
    anonymous: bool,
    threshold: u32,
    #[schema(format = Date)]
    opens_on: Option<String>,
    #[schema(format = Date)]
    closes_on: Option<String>,
    /// Taking answers today: between its dates and not closed.
    open: bool,
    closed: bool,
    /// Submitted responses.
    responses: i64,
    /// People sent a personal link, and how many of them have answered.
    invited: i64,
    answered: i64,
    /// The open link, only in the answer that made it: only its hash is kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    open_link: Option<String>,
}

async fn round_out(state: &AppState, round: &Round, open_link: Option<String>) -> Result<RoundOut, AppError> {
    let progress = store::progress(&state.db, round).await?;
    Ok(RoundOut {
        id: round.id,
        initiative_id: round.initiative_id,
        questionnaire: round.questionnaire.clone(),
        title: round.title.clone(),
        issue: round.issue.clone(),
        anonymous: round.anonymous,
        threshold: round.threshold.get(),
        opens_on: round.period.start().map(|d| d.to_string()),
        closes_on: round.period.end().map(|d| d.to_string()),
        open: round.is_open(parat_store::now_date()),
        closed: round.closed,
        responses: progress.responses,
        invited: progress.invited,
        answered: progress.answered,
        open_link,
    })
}

fn link(state: &AppState, secret: &Secret) -> String {
    format!("{}/q/{}", state.settings.public_url.trim_end_matches('/'), secret.expose())
}

/// Sends a questionnaire out for one of the organisation's initiatives (admins and
/// coordinators). Refused with 422 beyond the schema: a closing date before the opening date,
/// or an `own:<n>` questionnaire the organisation does not have.
#[utoipa::path(post, path = "/initiatives/{id}/rounds", tag = "questionnaires", params(("id" = i64, Path, minimum = 1)),
    request_body = RoundBody,
    responses(
        (status = 201, body = RoundOut, headers(("location" = String, description = "The new round"))),
        (status = 400, description = "Not JSON, not `application/json`, too large, or outside the schema", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not send questionnaires out", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn create_round(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<RoundBody>,
) -> Result<Response, AppError> {
    if !scope.role().can_edit_initiatives() {
        return Err(AppError::Forbidden);
    }
    let draft = body.parse()?;
    let (round, open_link) = store::create(&state.db, &scope, Some(id), &draft).await?;
    let out = round_out(&state, &round, open_link.map(|l| link(&state, &l))).await?;
    let location = format!("/api/v1/rounds/{}", round.id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(out)).into_response())
}

/// One round of the token's organisation and how far it has come; any other is 404.
#[utoipa::path(get, path = "/rounds/{id}", tag = "questionnaires", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = RoundOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such round in the token's organisation", body = ErrorBody),
    ))]
async fn get_round(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<RoundOut>, AppError> {
    let round = store::get(&state.db, &scope, id).await?;
    Ok(Json(round_out(&state, &round, None).await?))
}

/// One person to send a personal link to.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RespondentBody {
    /// A name or code the organisation recognises.
    #[schema(
        min_length = 1,
        max_length = 120,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    label: String,
    #[serde(default)]
    #[schema(max_length = 254, pattern = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")]
    email: Option<String>,
    /// A group for results (unit, profession).
    #[serde(default)]
    #[schema(max_length = 60, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    group: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RespondentsBody {
    #[schema(min_items = 1, max_items = 2000)]
    respondents: Vec<RespondentBody>,
}

/// A person added, with their personal link (shown only here: only its hash is kept).
#[derive(Serialize, ToSchema)]
pub struct RespondentOut {
    id: i64,
    label: String,
    link: String,
}

/// Adds people to a round, each with a personal link (admins and coordinators). Refused with
/// 422 beyond the schema: an e-mail address Parat does not take.
#[utoipa::path(post, path = "/rounds/{id}/respondents", tag = "questionnaires", params(("id" = i64, Path, minimum = 1)),
    request_body = RespondentsBody,
    responses(
        (status = 201, body = Vec<RespondentOut>),
        (status = 400, description = "Not JSON, not `application/json`, too large, or outside the schema", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "Your role may not send questionnaires out", body = ErrorBody),
        (status = 404, description = "No such round in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn add_respondents(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<RespondentsBody>,
) -> Result<Response, AppError> {
    let round = store::get(&state.db, &scope, id).await?;
    if !scope.role().can_edit_initiatives() {
        return Err(AppError::Forbidden);
    }
    let mut errors = FieldErrors::new();
    let mut people = Vec::with_capacity(body.respondents.len());
    if body.respondents.is_empty() {
        errors.add("respondents", Problem::Required);
    }
    if body.respondents.len() > parat_core::questionnaire::round::RESPONDENTS_MAX {
        errors.add("respondents", Problem::TooLong { max: parat_core::questionnaire::round::RESPONDENTS_MAX });
    }
    for person in body.respondents {
        check_text(&mut errors, "label", &person.label, LABEL_MAX);
        let email = match person.email.as_deref() {
            None => None,
            Some(raw) => match parat_core::account::Email::parse(raw) {
                Ok(email) if raw.trim() == raw => Some(email.to_string()),
                _ => {
                    errors.add("email", Problem::InvalidEmail);
                    None
                }
            },
        };
        let group = person.group.filter(|g| !g.trim().is_empty());
        if let Some(group) = &group {
            let too_long = group.chars().count() > GROUP_MAX;
            if too_long || parat_core::validation::optional_text(group, GROUP_MAX, false).is_err() {
                errors.add(
                    "group",
                    if too_long { Problem::TooLong { max: GROUP_MAX } } else { Problem::ControlCharacters },
                );
            }
        }
        people.push(RespondentDraft { label: person.label.trim().to_owned(), email, group });
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let added = store::add_respondents(&state.db, &scope, &round, &people).await?;
    let out: Vec<RespondentOut> = added
        .into_iter()
        .map(|(r, secret)| RespondentOut { id: r.id, label: r.label, link: link(&state, &secret) })
        .collect();
    Ok((StatusCode::CREATED, Json(out)).into_response())
}

/// A scale's figures: how many have a score, and the mean where at least the threshold do.
#[derive(Serialize, ToSchema)]
pub struct ScaleOut {
    id: String,
    n: usize,
    mean: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct GroupOut {
    group: String,
    scales: Vec<ScaleOut>,
}

/// A round's results, as on its results page.
#[derive(Serialize, ToSchema)]
pub struct ResultsOut {
    responses: usize,
    /// The anonymity threshold that applies (1 for a round that is not anonymous).
    threshold: u32,
    /// False while an anonymous round has fewer responses than its threshold: then no means.
    shown: bool,
    scales: Vec<ScaleOut>,
    groups: Vec<GroupOut>,
}

fn scales_out(
    definition: &parat_core::questionnaire::Definition,
    summaries: &BTreeMap<String, Summary>,
) -> Vec<ScaleOut> {
    definition
        .scales
        .iter()
        .filter_map(|s| summaries.get(&s.id).map(|x| ScaleOut { id: s.id.clone(), n: x.n, mean: x.mean }))
        .collect()
}

/// A round's results: responses, and each scale's mean overall and per group wherever at least
/// the threshold of respondents have a score (in an anonymous round; otherwise every figure).
#[utoipa::path(get, path = "/rounds/{id}/results", tag = "questionnaires", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = ResultsOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such round in the token's organisation", body = ErrorBody),
    ))]
async fn round_results(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<ResultsOut>, AppError> {
    let round = store::get(&state.db, &scope, id).await?;
    let responses = store::submitted(&state.db, &scope, &round).await?;
    let threshold = if round.anonymous { round.threshold } else { Threshold::new(1).unwrap_or_default() };
    let definition = &round.definition;
    let shown = responses.len() >= threshold.get() as usize;
    let scores: Vec<ScaleScores> = questionnaire::score_all(definition, responses.iter().map(|r| &r.answers));
    let mut by_group: BTreeMap<&str, Vec<&ScaleScores>> = BTreeMap::new();
    for (response, scores) in responses.iter().zip(&scores) {
        if let Some(group) = &response.group {
            by_group.entry(group).or_default().push(scores);
        }
    }
    let overall = questionnaire::summarise(definition, &scores, threshold);
    let groups = if shown {
        by_group
            .into_iter()
            .map(|(group, members)| GroupOut {
                group: group.to_owned(),
                scales: scales_out(definition, &questionnaire::summarise(definition, members, threshold)),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Json(ResultsOut {
        responses: responses.len(),
        threshold: threshold.get(),
        shown,
        scales: scales_out(definition, &overall),
        groups,
    }))
}
