//! Evaluations: after each training event a questionnaire round with a link and a QR code to
//! show in the room, compiled per event and over the whole project (the "compilation of
//! individual evaluations"); and the project evaluation to staff and partners at start and end,
//! compared. The compilations are document sections, so that the page and the final report's
//! appendices show the same figures.

use parat_core::locale::scandinavian_date;
use parat_core::project::{compile_evaluations, evaluation_draft, Compilation, EvaluationStage};
use parat_core::questionnaire::{Answers, Definition, Summary, Threshold};
use parat_reports::document::{Block, Section};
use parat_store::project::{Answered, EvaluationRound};

use axum::response::IntoResponse;

use super::*;
use crate::pages::questionnaire::fresh_round_view;
use crate::views::document::sections;
use crate::views::forms::action_button;

/// Makes an event's evaluation and shows its round with the link and QR code, this once.
pub async fn start_event_evaluation(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    let event = store::event(&state.db, &member.scope, id).await?;
    let title = ctx.t_with("project-evaluation-event-round", &[("event", event.title.clone().into())]);
    let today = parat_store::now_date();
    let draft =
        evaluation_draft(EvaluationStage::Event, &title, &event.title, scandinavian_date(event.starts_at), today);
    let (round, link) = store::start_evaluation(
        &state.db,
        &member.scope,
        event.initiative_id,
        EvaluationStage::Event,
        Some(id),
        &draft,
    )
    .await?;
    let view = fresh_round_view(&state, &member, &round, link).await?;
    Ok((axum::http::StatusCode::CREATED, view).into_response())
}

/// Makes the project evaluation at start or at end (which follows up the start's, with a
/// pairing code offered in both) and shows its round with the link.
pub async fn start_project_evaluation(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Path((id, stage)): axum::extract::Path<(String, String)>,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    let id = crate::pages::parse_id(&id)?;
    let stage =
        EvaluationStage::parse(&stage).ok().filter(|s| *s != EvaluationStage::Event).ok_or(AppError::NotFound)?;
    let initiative = parat_store::initiatives::get(&state.db, &member.scope, id).await?;
    let title = ctx.t_with(
        &format!("project-evaluation-{}-round", stage.key()),
        &[("initiative", initiative.name.clone().into())],
    );
    let today = parat_store::now_date();
    let draft = evaluation_draft(stage, &title, &initiative.name, today, today);
    let (round, link) = store::start_evaluation(&state.db, &member.scope, id, stage, None, &draft).await?;
    let view = fresh_round_view(&state, &member, &round, link).await?;
    Ok((axum::http::StatusCode::CREATED, view).into_response())
}

fn mean_text(ctx: &Ctx, summary: &Summary) -> String {
    summary.mean.map(|m| ctx.locale.format_decimal(m, 2)).unwrap_or_else(|| "–".into())
}

fn change_text(ctx: &Ctx, before: &Summary, after: &Summary) -> String {
    match (before.mean, after.mean) {
        (Some(b), Some(a)) if a - b > 0.0 => format!("+{}", ctx.locale.format_decimal(a - b, 2)),
        (Some(b), Some(a)) => ctx.locale.format_decimal(a - b, 2),
        _ => "–".into(),
    }
}

/// The stricter of the rounds' thresholds (identified rounds count as one).
fn strictest(answered: &[&Answered]) -> Threshold {
    let most = answered.iter().map(|a| if a.round.anonymous { a.round.threshold.get() } else { 1 }).max();
    most.and_then(|n| Threshold::new(i64::from(n))).unwrap_or_default()
}

fn threshold_note(ctx: &Ctx, threshold: Threshold) -> Block {
    Block::note(ctx.t_with("qn-threshold-note", &[("n", f64::from(threshold.get()).into())]))
}

/// Every free-text answer, under its question.
fn text_blocks(ctx: &Ctx, definition: &Definition, issue: &str, compiled: &Compilation) -> Vec<Block> {
    compiled
        .texts
        .iter()
        .flat_map(|t| {
            let question = definition.item(&t.item).map(|i| i.text.with_issue(ctx.locale, issue)).unwrap_or_default();
            [Block::paragraph(question), Block::list(t.texts.iter().cloned())]
        })
        .collect()
}

/// The compilation of individual evaluations: per event, the responses and each scale's mean;
/// over all events, each question's mean; and the free texts.
pub(super) fn individual_section(ctx: &Ctx, events: &[Event], answered: &[Answered]) -> Section {
    let heading = ctx.t("project-evaluations-individual");
    let of_events: Vec<(&Event, &Answered)> = events
        .iter()
        .filter_map(|e| answered.iter().find(|a| a.evaluation.event_id == Some(e.id)).map(|a| (e, a)))
        .collect();
    let Some((_, first)) = of_events.first() else {
        return Section::or_note(heading, Vec::new(), || ctx.t("project-evaluations-none"));
    };
    let definition = &first.round.definition;
    let rounds: Vec<&Answered> = of_events.iter().map(|(_, a)| *a).collect();
    let threshold = strictest(&rounds);
    let groups: Vec<Vec<&Answers>> = rounds.iter().map(|a| a.responses.iter().map(|r| &r.answers).collect()).collect();
    let compiled = compile_evaluations(definition, &groups, threshold);
    let scale_name = |id: &str| definition.scale(id).map(|s| s.name.get(ctx.locale).to_owned()).unwrap_or_default();

    let mut headers = vec![ctx.t("project-event-title"), ctx.t("project-event-starts-at"), ctx.t("qn-responses")];
    headers.extend(compiled.scales.iter().map(|s| scale_name(&s.scale)));
    let mut rows: Vec<Vec<String>> = of_events
        .iter()
        .enumerate()
        .map(|(k, (event, _))| {
            let mut row = vec![event.title.clone(), ctx.date_time(event.starts_at), compiled.responses[k].to_string()];
            row.extend(compiled.scales.iter().map(|s| mean_text(ctx, &s.groups[k])));
            row
        })
        .collect();
    let mut total = vec![ctx.t("project-evaluations-all-events"), String::new(), compiled.total().to_string()];
    total.extend(compiled.scales.iter().map(|s| mean_text(ctx, &s.all)));
    rows.push(total);

    let item_rows: Vec<Vec<String>> = compiled
        .items
        .iter()
        .filter_map(|i| {
            let item = definition.item(&i.item)?;
            Some(vec![item.text.with_issue(ctx.locale, ""), mean_text(ctx, &i.all), i.all.n.to_string()])
        })
        .collect();
    let mut blocks = vec![Block::Table { headers, rows, wide: None }];
    blocks.push(Block::paragraph(ctx.t("project-evaluations-per-question")));
    blocks.extend(Block::table_if_any(
        vec![ctx.t("qn-question"), ctx.t("qn-mean"), ctx.t("qn-responses")],
        item_rows,
        0,
    ));
    blocks.extend(text_blocks(ctx, definition, "", &compiled));
    blocks.push(threshold_note(ctx, threshold));
    Section { heading, blocks }
}

/// The project evaluation: each scale and question at start against at end.
pub(super) fn project_section(ctx: &Ctx, answered: &[Answered]) -> Section {
    let heading = ctx.t("project-evaluations-project-compiled");
    let stage = |s: EvaluationStage| answered.iter().find(|a| a.evaluation.stage.0 == s);
    let (start, end) = (stage(EvaluationStage::Start), stage(EvaluationStage::End));
    let Some(reference) = start.or(end) else {
        return Section::or_note(heading, Vec::new(), || ctx.t("project-evaluations-project-none"));
    };
    let definition = &reference.round.definition;
    let present: Vec<&Answered> = [start, end].into_iter().flatten().collect();
    let threshold = strictest(&present);
    fn answers(a: Option<&Answered>) -> Vec<&Answers> {
        a.map(|a| a.responses.iter().map(|r| &r.answers).collect()).unwrap_or_default()
    }
    let groups = vec![answers(start), answers(end)];
    let compiled = compile_evaluations(definition, &groups, threshold);
    let issue = &reference.round.issue;
    let with_n = |s: &Summary| format!("{} (n = {})", mean_text(ctx, s), s.n);
    let headers = vec![
        String::new(),
        ctx.t("project-evaluation-at-start"),
        ctx.t("project-evaluation-at-end"),
        ctx.t("project-evaluation-change"),
    ];
    let scale_rows: Vec<Vec<String>> = compiled
        .scales
        .iter()
        .filter_map(|s| {
            let scale = definition.scale(&s.scale)?;
            Some(vec![
                scale.name.get(ctx.locale).to_owned(),
                with_n(&s.groups[0]),
                with_n(&s.groups[1]),
                change_text(ctx, &s.groups[0], &s.groups[1]),
            ])
        })
        .collect();
    let item_rows: Vec<Vec<String>> = compiled
        .items
        .iter()
        .filter_map(|i| {
            let item = definition.item(&i.item)?;
            Some(vec![
                item.text.with_issue(ctx.locale, issue),
                with_n(&i.groups[0]),
                with_n(&i.groups[1]),
                change_text(ctx, &i.groups[0], &i.groups[1]),
            ])
        })
        .collect();
    let mut scale_headers = headers.clone();
    scale_headers[0] = ctx.t("qn-scale");
    let mut item_headers = headers;
    item_headers[0] = ctx.t("qn-question");
    let mut blocks = Block::table_if_any(scale_headers, scale_rows, 0);
    blocks.extend(Block::table_if_any(item_headers, item_rows, 0));
    blocks.extend(text_blocks(ctx, definition, issue, &compiled));
    blocks.push(threshold_note(ctx, threshold));
    Section { heading, blocks }
}

/// An evaluation's round by its title, with how many have answered and the way to its results.
pub(super) fn round_summary(ctx: &Ctx, round: &EvaluationRound) -> Markup {
    html! {
        a href=(format!("/rounds/{}", round.round_id)) { (round.title) } " · "
        (ctx.t_with("project-evaluation-answers", &[("n", (round.responses as f64).into())])) " · "
        a href=(format!("/rounds/{}/results", round.round_id)) { (ctx.t("qn-results")) }
    }
}

/// The project's evaluations: each event's, with a way to start one, and the project
/// evaluation at start and end; then both compilations.
pub async fn evaluations_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let initiative = parat_store::initiatives::get(&state.db, &member.scope, id).await?;
    let events = store::events_of(&state.db, &member.scope, id).await?;
    let answered = store::answered(&state.db, &member.scope, id).await?;
    let can_edit = member.scope.role().can_edit_initiatives();
    let of_event = |event: i64| answered.iter().find(|a| a.evaluation.event_id == Some(event));
    let of_stage = |stage: EvaluationStage| answered.iter().find(|a| a.evaluation.stage.0 == stage);
    let compiled = [individual_section(ctx, &events, &answered), project_section(ctx, &answered)];
    let round_cell = |found: Option<&Answered>, start: Markup| {
        html! {
            @match found {
                Some(a) => { (round_summary(ctx, &a.evaluation)) }
                None => { @if can_edit { (start) } @else { "–" } }
            }
        }
    };
    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{id}")) { (initiative.name) } }
        h1 { (ctx.t("project-evaluations")) }
        p.lead { (ctx.t("project-evaluations-lead")) }
        section aria-labelledby="event-evaluations" {
            h2 #event-evaluations { (ctx.t("project-evaluations-events")) }
            @if events.is_empty() {
                p { (ctx.t("project-events-none")) }
            } @else {
                div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-evaluations-events")) { table {
                    caption { (ctx.t("project-evaluations-events")) }
                    thead { tr {
                        th scope="col" { (ctx.t("project-event-title")) }
                        th scope="col" { (ctx.t("project-event-starts-at")) }
                        th scope="col" { (ctx.t("project-evaluation")) }
                    } }
                    tbody { @for event in &events { tr {
                        th scope="row" { a href=(format!("/events/{}", event.id)) { (event.title) } }
                        td.date { (ctx.date_time(event.starts_at)) }
                        td { (round_cell(of_event(event.id), action_button(ctx, &format!("/events/{}/evaluation", event.id), &ctx.t_with("project-evaluation-start-for", &[("event", event.title.clone().into())]), "secondary"))) }
                    } } }
                } }
            }
        }
        section aria-labelledby="project-evaluation" {
            h2 #project-evaluation { (ctx.t("project-evaluations-project")) }
            p { (ctx.t("project-evaluations-project-lead")) }
            dl.details {
                dt { (ctx.t("project-evaluation-at-start")) }
                dd { (round_cell(of_stage(EvaluationStage::Start), action_button(ctx, &format!("/initiatives/{id}/evaluations/start"), &ctx.t("project-evaluation-start-start"), "secondary"))) }
                dt { (ctx.t("project-evaluation-at-end")) }
                dd { (round_cell(of_stage(EvaluationStage::End), action_button(ctx, &format!("/initiatives/{id}/evaluations/end"), &ctx.t("project-evaluation-start-end"), "secondary"))) }
            }
        }
        (sections(&compiled))
    };
    Ok(page(ctx, &ctx.t("project-evaluations"), Nav::Initiatives, body))
}
