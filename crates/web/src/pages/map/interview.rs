//! The guided interview: the process leader sits with one informant and walks through the map's
//! meetings — attends or not, in which role, how useful — then adds a meeting the map lacks and
//! a need for contact. One form, saved whole or not at all, and shown again with what was typed
//! when something is wrong.

use axum::extract::Query;
use parat_core::map::interview::{InterviewErrors, InterviewInput, ReplyInput};
use parat_core::map::inventory::{AttendanceRole, Source};
use parat_core::map::network::{USEFUL_MAX, USEFUL_MIN};
use parat_core::Problem;
use parat_store::map::{Actor, Meeting};

use super::*;
use crate::views::forms::problem_text;

#[derive(Debug, Default, serde::Deserialize)]
pub struct InterviewQuery {
    pub actor: Option<String>,
    pub notice: Option<String>,
}

/// The informant's current answers as the map holds them: attending meetings with their role,
/// and their rating (the interview's, else the process leader's entry).
fn as_held(informant: i64, meetings: &[Meeting], ratings: &[map::Rating]) -> InterviewInput {
    let mut input = InterviewInput::default();
    for meeting in meetings {
        if let Some(attendance) = meeting.attendance.iter().find(|a| a.actor_id == informant) {
            input.replies.insert(
                meeting.id,
                ReplyInput { attend: "yes".into(), role: attendance.role.key().into(), ..ReplyInput::default() },
            );
        }
    }
    let rank = |source: Source| if source == Source::Interview { 0 } else { 1 };
    let mut own: Vec<&map::Rating> =
        ratings.iter().filter(|r| r.actor_id == informant && r.source != Source::Survey).collect();
    own.sort_by_key(|r| std::cmp::Reverse(rank(r.source)));
    for rating in own {
        let reply = input.replies.entry(rating.meeting_id).or_default();
        let step = |s: Option<u8>| s.map(|s| s.to_string()).unwrap_or_default();
        reply.useful_own = step(rating.useful_own);
        reply.useful_group = step(rating.useful_group);
        reply.works = rating.works.clone();
        reply.change = rating.change.clone();
    }
    input
}

/// The message for a problem with one of the interview's fields.
fn problem_of(errors: &InterviewErrors, field: &str) -> Option<Problem> {
    errors.all().into_iter().find(|(name, _)| name == field).map(|(_, problem)| problem)
}

fn error_line(ctx: &Ctx, id: &str, problem: Option<Problem>) -> Markup {
    html! {
        @if let Some(problem) = problem {
            p.error-message id=(format!("{id}-error")) {
                span.visually-hidden { (ctx.t("error-prefix")) ": " }
                (problem_text(ctx.locale, problem))
            }
        }
    }
}

/// Radio buttons in a fieldset, for a field whose name is made per meeting.
fn radios(
    ctx: &Ctx,
    name: &str,
    legend: &str,
    options: &[(String, String)],
    chosen: &str,
    problem: Option<Problem>,
) -> Markup {
    let id = format!("f-{name}");
    html! {
        fieldset.field.radios.inline.has-error[problem.is_some()] id=(id) aria-describedby=[problem.map(|_| format!("{id}-error"))] {
            legend { (legend) }
            (error_line(ctx, &id, problem))
            @for (i, (value, label)) in options.iter().enumerate() {
                span.radio {
                    input type="radio" id=(format!("{id}-{i}")) name=(name) value=(value) checked[value == chosen];
                    label for=(format!("{id}-{i}")) { (label) }
                }
            }
        }
    }
}

fn text_field(ctx: &Ctx, name: &str, label: &str, value: &str, problem: Option<Problem>, kind: &str) -> Markup {
    let id = format!("f-{name}");
    html! {
        div.field.has-error[problem.is_some()] {
            label for=(id) { (label) }
            (error_line(ctx, &id, problem))
            @if kind == "textarea" {
                textarea id=(id) name=(name) rows="2" aria-invalid=[problem.map(|_| "true")] aria-describedby=[problem.map(|_| format!("{id}-error"))] { (value) }
            } @else {
                input id=(id) name=(name) type=(kind) value=(value) inputmode=[(name.ends_with("year") || name.ends_with("hours")).then_some("decimal")]
                    aria-invalid=[problem.map(|_| "true")] aria-describedby=[problem.map(|_| format!("{id}-error"))];
            }
        }
    }
}

fn select_field(
    ctx: &Ctx,
    name: &str,
    label: &str,
    options: &[(String, String)],
    chosen: &str,
    problem: Option<Problem>,
) -> Markup {
    let id = format!("f-{name}");
    html! {
        div.field.has-error[problem.is_some()] {
            label for=(id) { (label) }
            (error_line(ctx, &id, problem))
            select id=(id) name=(name) aria-invalid=[problem.map(|_| "true")] aria-describedby=[problem.map(|_| format!("{id}-error"))] {
                option value="" { (ctx.t("choose")) }
                @for (value, text) in options {
                    option value=(value) selected[value == chosen] { (text) }
                }
            }
        }
    }
}

/// The page where an informant is chosen.
fn choose_informant(ctx: &Ctx, map: &Map, actors: &[Actor]) -> Markup {
    let body = html! {
        p.breadcrumb { a href=(format!("/maps/{}", map.id)) { (map.name) } }
        h1 { (ctx.t("map-interview-title")) }
        p.lead { (ctx.t("map-interview-lead")) }
        @if actors.is_empty() {
            p { (ctx.t("map-actors-none")) " " a href=(format!("/maps/{}/actors", map.id)) { (ctx.t("map-actor-new")) } }
        } @else {
            form.stacked method="get" action=(format!("/maps/{}/interview", map.id)) {
                div.field {
                    label for="f-actor" { (ctx.t("map-interview-informant")) }
                    select #f-actor name="actor" required {
                        @for actor in actors { option value=(actor.id) { (actor.label()) } }
                    }
                }
                div.actions { button.primary type="submit" { (ctx.t("map-interview-start")) } }
            }
            p { a href=(format!("/maps/{}/actors", map.id)) { (ctx.t("map-interview-new-actor")) } }
        }
    };
    page(ctx, &ctx.t("map-interview-title"), Nav::Maps, body)
}

/// The walk-through for one informant, holding `input` and its problems.
fn interview_form(
    ctx: &Ctx,
    map: &Map,
    (informant, actors): (&Actor, &[Actor]),
    meetings: &[Meeting],
    input: &InterviewInput,
    errors: &InterviewErrors,
    notice_key: Option<&str>,
) -> Markup {
    let yes_no = [("yes".to_owned(), ctx.t("yes")), ("no".to_owned(), ctx.t("no"))];
    let roles: Vec<(String, String)> =
        AttendanceRole::ALL.iter().map(|r| (r.key().to_owned(), ctx.t(&format!("map-role-{}", r.key())))).collect();
    let steps: Vec<(String, String)> = (USEFUL_MIN..=USEFUL_MAX)
        .map(|s| (s.to_string(), format!("{s} – {}", ctx.t(&format!("map-useful-{s}")))))
        .collect();
    let levels: Vec<(String, String)> = Level::ALL.iter().map(|l| (l.key().to_owned(), level_name(ctx, *l))).collect();
    let others: Vec<(String, String)> =
        actors.iter().filter(|a| a.id != informant.id).map(|a| (a.id.to_string(), a.label())).collect();
    let empty = ReplyInput::default();
    let all = errors.all();
    let body = html! {
        (notice(ctx, notice_key))
        p.breadcrumb { a href=(format!("/maps/{}", map.id)) { (map.name) } " › " a href=(format!("/maps/{}/interview", map.id)) { (ctx.t("map-interview-title")) } }
        h1 { (ctx.t("map-interview-title")) ": " (informant.label()) }
        p.lead { (ctx.t("map-interview-walk-lead")) }
        @if !all.is_empty() {
            div.error-summary #error-summary role="alert" tabindex="-1" aria-labelledby="error-summary-title" {
                h2 #error-summary-title { (ctx.t("error-summary-title")) }
                ul { @for (field, problem) in &all {
                    li { a href=(format!("#f-{field}")) { (problem_text(ctx.locale, *problem)) } }
                } }
            }
        }
        form.stacked.interview method="post" action=(format!("/maps/{}/interview/{}", map.id, informant.id)) novalidate {
            (csrf(ctx))
            h2 { (ctx.t("map-meetings")) }
            @if meetings.is_empty() { p { (ctx.t("map-meetings-none")) } }
            @for meeting in meetings {
                @let reply = input.replies.get(&meeting.id).unwrap_or(&empty);
                @let name = |field: &str| format!("m{}.{field}", meeting.id);
                @let problem = |field: &str| problem_of(errors, &name(field));
                fieldset.meeting-reply {
                    legend { (meeting.name) }
                    p.hint { (level_name(ctx, meeting.level)) " · " (ctx.t_with("map-interview-meeting-facts", &[("per_year", ctx.locale.format_decimal(meeting.per_year, 1).into()), ("hours", ctx.locale.format_decimal(meeting.hours, 1).into())])) }
                    (radios(ctx, &name("attend"), &ctx.t("map-interview-attends"), &yes_no, &reply.attend, problem("attend")))
                    (select_field(ctx, &name("role"), &ctx.t("map-role"), &roles, &reply.role, problem("role")))
                    (radios(ctx, &name("useful_own"), &ctx.t("map-useful-own"), &steps, &reply.useful_own, problem("useful_own")))
                    (radios(ctx, &name("useful_group"), &ctx.t("map-useful-group"), &steps, &reply.useful_group, problem("useful_group")))
                    (text_field(ctx, &name("works"), &ctx.t("map-works"), &reply.works, problem("works"), "textarea"))
                    (text_field(ctx, &name("change"), &ctx.t("map-change"), &reply.change, problem("change"), "textarea"))
                }
            }
            h2 { (ctx.t("map-interview-added")) }
            p.hint { (ctx.t("map-interview-added-hint")) }
            (text_field(ctx, "new_name", &ctx.t("map-meeting-name"), &input.added.name, problem_of(errors, "new_name"), "text"))
            (select_field(ctx, "new_level", &ctx.t("map-level"), &levels, &input.added.level, problem_of(errors, "new_level")))
            (text_field(ctx, "new_per_year", &ctx.t("map-per-year"), &input.added.per_year, problem_of(errors, "new_per_year"), "text"))
            (text_field(ctx, "new_hours", &ctx.t("map-hours"), &input.added.hours, problem_of(errors, "new_hours"), "text"))
            (text_field(ctx, "new_purpose", &ctx.t("map-purpose"), &input.added.purpose, problem_of(errors, "new_purpose"), "textarea"))
            h2 { (ctx.t("map-interview-need")) }
            (select_field(ctx, "need_to", &ctx.t("map-need-to"), &others, &input.need_to, problem_of(errors, "need_to")))
            (text_field(ctx, "need_about", &ctx.t("map-need-about"), &input.need_about, problem_of(errors, "need_about"), "text"))
            div.actions {
                button.primary type="submit" { (ctx.t("map-interview-save")) }
                a.button href=(format!("/maps/{}", map.id)) { (ctx.t("cancel")) }
            }
        }
    };
    page(ctx, &ctx.t("map-interview-title"), Nav::Maps, body)
}

pub async fn interview_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<InterviewQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let map = map::open(&state.db, &member.scope, id).await?;
    if !map.can_edit {
        return Err(AppError::Forbidden);
    }
    let actors = map::actors(&state.db, &member.scope).await?;
    let Some(raw) = query.actor.as_deref().filter(|a| !a.is_empty()) else {
        return Ok(choose_informant(ctx, &map, &actors));
    };
    let informant =
        raw.parse::<i64>().ok().and_then(|wanted| actors.iter().find(|a| a.id == wanted)).ok_or(AppError::NotFound)?;
    let meetings = map::meetings(&state.db, &map).await?;
    let ratings = map::ratings(&state.db, &map).await?;
    let held = as_held(informant.id, &meetings, &ratings);
    let errors = InterviewErrors::default();
    Ok(interview_form(ctx, &map, (informant, &actors), &meetings, &held, &errors, query.notice.as_deref()))
}

pub async fn save_interview(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, actor): PathIds,
    Submitted(fields): Submitted<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    if !map.can_edit {
        return Err(AppError::Forbidden);
    }
    let actors = map::actors(&state.db, &member.scope).await?;
    let informant = actors.iter().find(|a| a.id == actor).ok_or(AppError::NotFound)?;
    let input = InterviewInput::from_fields(&fields);
    let errors = match input.parse(informant.id) {
        Err(errors) => errors,
        Ok(draft) => match map::save_interview(&state.db, &member.scope, &map, informant.id, &draft).await {
            Ok(()) => {
                let to = format!("/maps/{id}/interview?actor={}&notice=saved", informant.id);
                return Ok(redirect_with_cookies(&to, &[]));
            }
            Err(StoreError::Invalid(found)) => {
                // The store checks what the form cannot: the actor a need is to.
                let mut errors = InterviewErrors::default();
                for error in found.0 {
                    let field = if error.field == "need_to" { "to_actor_id" } else { error.field };
                    errors.need.add(field, error.problem);
                }
                errors
            }
            Err(other) => return Err(other.into()),
        },
    };
    let meetings = map::meetings(&state.db, &map).await?;
    let page = interview_form(&member.ctx, &map, (informant, &actors), &meetings, &input, &errors, None);
    Ok(rejected(page))
}
