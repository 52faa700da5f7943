//! The roster survey: every actor of the map gets a personal link listing its meetings, and
//! their answers come back as proposals — additions to take in, and conflicts with the process
//! leader's own entries shown side by side for them to choose. Nothing from a survey enters the
//! map without that choice.

use std::collections::HashMap;

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use parat_core::map::survey::{
    stated_frequency, Choice, Proposal, RosterAnswer, SurveyInput, Usefulness, SURVEY_MEETINGS_MAX,
};
use parat_store::map::{Meeting, Survey, SurveyLink};
use parat_store::questionnaire::Round;

use super::*;

#[derive(Debug, Default, serde::Deserialize)]
pub struct SurveyQuery {
    pub round: Option<String>,
    pub notice: Option<String>,
}

fn usefulness(ctx: &Ctx, (own, group): Usefulness) -> String {
    let step = |s: Option<u8>| s.map_or("–".to_owned(), |s| s.to_string());
    ctx.t_with("map-survey-usefulness", &[("own", step(own).into()), ("group", step(group).into())])
}

/// One proposal as a row: who, which meeting, what the map holds, what the survey says.
fn proposal_cells(
    ctx: &Ctx,
    proposal: &Proposal,
    actor_name: &dyn Fn(i64) -> String,
    meeting_name: &dyn Fn(i64) -> String,
) -> (String, String, String, String) {
    match proposal {
        Proposal::Attends { actor_id, meeting_id } => (
            actor_name(*actor_id),
            meeting_name(*meeting_id),
            ctx.t("map-survey-map-absent"),
            ctx.t("map-survey-says-attends"),
        ),
        Proposal::DoesNotAttend { actor_id, meeting_id } => (
            actor_name(*actor_id),
            meeting_name(*meeting_id),
            ctx.t("map-survey-map-attends"),
            ctx.t("map-survey-says-absent"),
        ),
        Proposal::Rating { actor_id, meeting_id, rating, held } => (
            actor_name(*actor_id),
            meeting_name(*meeting_id),
            held.map_or_else(|| ctx.t("map-survey-map-unrated"), |h| usefulness(ctx, h)),
            usefulness(ctx, (rating.useful_own, rating.useful_group)),
        ),
        Proposal::NewMeeting { actor_id, meeting } => {
            let mut said = meeting.name.clone();
            if !meeting.with.is_empty() {
                said.push_str(" — ");
                said.push_str(&meeting.with);
            }
            (actor_name(*actor_id), ctx.t("map-survey-new-meeting"), ctx.t("map-survey-map-absent"), said)
        }
    }
}

struct SurveyView<'a> {
    map: &'a Map,
    surveys: &'a [Survey],
    /// The survey shown, with its answers and open proposals.
    shown: Option<(&'a Round, &'a [RosterAnswer], &'a [Proposal])>,
    meetings: &'a [Meeting],
    actors: &'a [map::Actor],
    /// How many actors take part in the map (those the survey goes to).
    actors_in_map: usize,
    input: &'a SurveyInput,
    errors: &'a FieldErrors,
}

fn survey_page(ctx: &Ctx, view: SurveyView, notice_key: Option<&str>) -> Markup {
    let SurveyView { map, surveys, shown, meetings, actors, actors_in_map, input, errors } = view;
    let id = map.id;
    let actor_names: HashMap<i64, String> = actors.iter().map(|a| (a.id, a.label())).collect();
    let meeting_names: HashMap<i64, &str> = meetings.iter().map(|m| (m.id, m.name.as_str())).collect();
    let actor_name = |id: i64| actor_names.get(&id).cloned().unwrap_or_else(|| id.to_string());
    let meeting_name = |id: i64| meeting_names.get(&id).map(|n| (*n).to_owned()).unwrap_or_default();
    let body = html! {
        (notice(ctx, notice_key))
        p.breadcrumb { a href=(format!("/maps/{id}")) { (map.name) } }
        h1 { (ctx.t("map-survey-title")) }
        p.lead { (ctx.t("map-survey-lead")) }
        @if !surveys.is_empty() {
            div.table-wrap { table {
                caption { (ctx.t("map-survey-sent")) }
                thead { tr {
                    th scope="col" { (ctx.t("map-survey-name")) }
                    th scope="col" { (ctx.t("map-survey-answered")) }
                    th scope="col" { (ctx.t("map-survey-state")) }
                    th scope="col" { span.visually-hidden { (ctx.t("map-survey-links")) } }
                } }
                tbody { @for survey in surveys {
                    tr {
                        th scope="row" { a href=(format!("/maps/{id}/survey?round={}", survey.round_id)) { (survey.title) } }
                        td.number { (survey.answered) " / " (survey.respondents) }
                        td { (ctx.t(if survey.closed { "map-survey-closed" } else { "map-survey-open" })) }
                        td { a href=(format!("/rounds/{}", survey.round_id)) { (ctx.t("map-survey-links")) span.visually-hidden { " " (survey.title) } } }
                    }
                } }
            } }
        }
        @if let Some((round, answers, proposals)) = shown {
            section aria-labelledby="proposals" {
                h2 #proposals { (ctx.t_with("map-survey-proposals", &[("survey", round.title.clone().into())])) }
                p.hint { (ctx.t("map-survey-proposals-lead")) }
                @if proposals.is_empty() { p { (ctx.t("map-survey-proposals-none")) } } @else {
                    form method="post" action=(format!("/maps/{id}/survey/{}", round.id)) {
                        (csrf(ctx))
                        div.table-wrap { table.proposals {
                            caption.visually-hidden { (ctx.t("map-survey-proposals-caption")) }
                            thead { tr {
                                th scope="col" { (ctx.t("map-actor")) }
                                th scope="col" { (ctx.t("map-meeting-name")) }
                                th scope="col" { (ctx.t("map-survey-map-now")) }
                                th scope="col" { (ctx.t("map-survey-survey-says")) }
                                th scope="col" { (ctx.t("map-survey-choice")) }
                            } }
                            tbody { @for (i, proposal) in proposals.iter().enumerate() {
                                @let (who, what, now, says) = proposal_cells(ctx, proposal, &actor_name, &meeting_name);
                                @let key = proposal.key();
                                @let chosen = proposal.default_choice();
                                tr.conflict[proposal.is_conflict()] {
                                    th scope="row" { (who) }
                                    td { (what) }
                                    td { (now) }
                                    td { (says) @if proposal.is_conflict() { " " strong.tag { (ctx.t("map-survey-conflict")) } } }
                                    td { fieldset.radios {
                                        legend.visually-hidden { (ctx.t("map-survey-choice")) ": " (who) ", " (what) }
                                        @for choice in [Choice::TakeIn, Choice::Keep] {
                                            span.radio {
                                                input type="radio" id=(format!("p{i}-{}", choice.key())) name=(format!("choice-{key}")) value=(choice.key()) checked[choice == chosen];
                                                label for=(format!("p{i}-{}", choice.key())) {
                                                    (ctx.t(&format!("map-survey-{}{}", choice.key(), if proposal.is_conflict() { "-conflict" } else { "" })))
                                                }
                                            }
                                        }
                                    } }
                                }
                            } }
                        } }
                        @if map.can_edit { div.actions { button.primary type="submit" { (ctx.t("map-survey-save-choices")) } } }
                    }
                }
            }
            @let frequency = stated_frequency(answers);
            @if !frequency.is_empty() {
                section aria-labelledby="frequency" {
                    h2 #frequency { (ctx.t("map-survey-frequency")) }
                    div.table-wrap { table {
                        caption.visually-hidden { (ctx.t("map-survey-frequency")) }
                        thead { tr {
                            th scope="col" { (ctx.t("map-meeting-name")) }
                            th scope="col" { (ctx.t("map-per-year")) }
                            th scope="col" { (ctx.t("map-survey-attending")) }
                            th scope="col" { (ctx.t("map-survey-stated-per-year")) }
                        } }
                        tbody { @for meeting in meetings.iter().filter(|m| frequency.contains_key(&m.id)) {
                            @let (count, mean) = frequency[&meeting.id];
                            tr {
                                th scope="row" { (meeting.name) }
                                td.number { (ctx.locale.format_decimal(meeting.per_year, 1)) }
                                td.number { (count) }
                                td.number { (mean.map_or("–".into(), |m| ctx.locale.format_decimal(m, 1))) }
                            }
                        } }
                    } }
                }
            }
            @let said: Vec<&RosterAnswer> = answers.iter().filter(|a| !a.missing.is_empty() || !a.could_go.is_empty()).collect();
            section aria-labelledby="free" {
                h2 #free { (ctx.t("map-survey-free")) }
                @if said.is_empty() { p { (ctx.t("map-survey-free-none")) } } @else {
                    dl.free-answers { @for answer in said {
                        dt { (actor_name(answer.actor_id)) }
                        @if !answer.missing.is_empty() { dd { strong { (ctx.t("map-survey-missing")) ": " } (answer.missing) } }
                        @if !answer.could_go.is_empty() { dd { strong { (ctx.t("map-survey-could-go")) ": " } (answer.could_go) } }
                    } }
                }
            }
        }
        @if map.can_edit {
            section aria-labelledby="send" {
                h2 #send { (ctx.t("map-survey-send")) }
                p.hint { (ctx.t("map-survey-send-lead")) }
                @if meetings.is_empty() || actors_in_map == 0 {
                    p.warning { (ctx.t("map-survey-nothing-to-ask")) }
                } @else if meetings.len() > SURVEY_MEETINGS_MAX {
                    p.warning { (ctx.t_with("map-survey-too-many", &[("max", (SURVEY_MEETINGS_MAX as f64).into())])) }
                }
                (error_summary(ctx, errors, &[("title", ctx.t("map-survey-name")), ("closes_on", ctx.t("map-survey-closes-on")), ("meetings", ctx.t("map-meetings"))]))
                form.stacked method="post" action=(format!("/maps/{id}/survey")) novalidate {
                    (csrf(ctx))
                    (forms::input(ctx, Field::new(ctx, "title", "map-survey-name", errors).required(), "text", &input.title, None))
                    (forms::input(ctx, Field::new(ctx, "closes_on", "map-survey-closes-on", errors).hint(ctx.t("hint-date")), "date", &input.closes_on, None))
                    div.actions { button.primary type="submit" { (ctx.t("map-survey-send-button")) } }
                }
            }
        }
    };
    page(ctx, &ctx.t("map-survey-title"), Nav::Maps, body)
}

/// The survey page, showing `round` (else the newest survey) and the send form holding
/// `input`.
async fn survey_view(
    state: &AppState,
    member: &Member,
    map: &Map,
    round: Option<i64>,
    (input, errors): (&SurveyInput, &FieldErrors),
    notice_key: Option<&str>,
) -> Result<Markup, AppError> {
    let (db, scope) = (&state.db, &member.scope);
    let surveys = map::surveys(db, map).await?;
    let meetings = map::meetings(db, map).await?;
    let actors = map::actors(db, scope).await?;
    let actors_in_map = map::members(db, map).await?.len();
    let shown_id = round.or_else(|| surveys.first().map(|s| s.round_id));
    let shown = match shown_id {
        Some(round_id) => {
            let round = map::survey_round(db, scope, map, round_id).await?;
            let answers = map::survey_answers(db, scope, &round).await?;
            let proposals = map::open_proposals(db, map, &round, &answers).await?;
            Some((round, answers, proposals))
        }
        None => None,
    };
    let view = SurveyView {
        map,
        surveys: &surveys,
        shown: shown.as_ref().map(|(r, a, p)| (r, a.as_slice(), p.as_slice())),
        meetings: &meetings,
        actors: &actors,
        actors_in_map,
        input,
        errors,
    };
    Ok(survey_page(&member.ctx, view, notice_key))
}

fn default_input(ctx: &Ctx, map: &Map) -> SurveyInput {
    SurveyInput {
        title: ctx.t_with("map-survey-default-title", &[("map", map.name.clone().into())]),
        ..Default::default()
    }
}

pub async fn survey(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<SurveyQuery>,
) -> Result<Markup, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    let round = match query.round.as_deref().filter(|r| !r.is_empty()) {
        Some(raw) => Some(raw.parse::<i64>().map_err(|_| AppError::NotFound)?),
        None => None,
    };
    let input = default_input(&member.ctx, &map);
    survey_view(&state, &member, &map, round, (&input, &FieldErrors::new()), query.notice.as_deref()).await
}

/// The links just made, shown once: the process leader sends each to its actor.
fn links_page(ctx: &Ctx, map: &Map, round: &Round, links: &[SurveyLink], public_url: &str) -> Markup {
    let body = html! {
        (notice(ctx, Some("saved")))
        p.breadcrumb { a href=(format!("/maps/{}", map.id)) { (map.name) } " › " a href=(format!("/maps/{}/survey", map.id)) { (ctx.t("map-survey-title")) } }
        h1 { (round.title) }
        p.lead { (ctx.t("map-survey-links-lead")) }
        div.table-wrap { table {
            caption { (ctx.t("map-survey-links")) }
            thead { tr {
                th scope="col" { (ctx.t("map-actor")) }
                th scope="col" { (ctx.t("map-survey-link")) }
            } }
            tbody { @for link in links {
                tr {
                    th scope="row" { (link.label) }
                    td { code { (format!("{}/q/{}", public_url.trim_end_matches('/'), link.link.expose())) } }
                }
            } }
        } }
        p { a href=(format!("/rounds/{}", round.id)) { (ctx.t("map-survey-round-page")) } }
        p { a.button href=(format!("/maps/{}/survey?round={}", map.id, round.id)) { (ctx.t("map-survey-to-answers")) } }
    };
    page(ctx, &round.title, Nav::Maps, body)
}

pub async fn start_survey(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<SurveyInput>,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    if !map.can_edit {
        return Err(AppError::Forbidden);
    }
    let started = match input.parse(parat_store::now_date()) {
        Ok(draft) => map::start_survey(&state.db, &member.scope, &map, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match started {
        Ok((round, links)) => {
            let page = links_page(&member.ctx, &map, &round, &links, &state.settings.public_url);
            Ok((StatusCode::CREATED, page).into_response())
        }
        Err(StoreError::Invalid(errors)) => {
            let page = survey_view(&state, &member, &map, None, (&input, &errors), None).await?;
            Ok(rejected(page))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn take_in(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, round_id): PathIds,
    Submitted(fields): Submitted<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (db, scope) = (&state.db, &member.scope);
    let map = map::open(db, scope, id).await?;
    let round = map::survey_round(db, scope, &map, round_id).await?;
    if !map.can_edit {
        return Err(AppError::Forbidden);
    }
    // The proposals are worked out again here, not trusted from the form: a choice applies to
    // what the answers say now, and only to a proposal still open.
    let answers = map::survey_answers(db, scope, &round).await?;
    let proposals = map::open_proposals(db, &map, &round, &answers).await?;
    let chosen: HashMap<&str, &str> =
        fields.iter().filter_map(|(k, v)| Some((k.strip_prefix("choice-")?, v.as_str()))).collect();
    let mut choices = Vec::new();
    for proposal in proposals {
        if let Some(raw) = chosen.get(proposal.key().as_str()) {
            let choice = Choice::parse(raw).ok_or_else(|| AppError::BadRequest(format!("unknown choice {raw:?}")))?;
            choices.push((proposal, choice));
        }
    }
    map::take_in(db, scope, &map, &round, &choices).await?;
    Ok(redirect_with_cookies(&format!("/maps/{id}/survey?round={round_id}&notice=saved"), &[]))
}
