//! An initiative's readiness over time, on one page: every reported CRM assessment with its
//! dimensions' scores, and every readiness survey (ORIC, the Hexagon, R = MC², or an own
//! readiness questionnaire) with its scales — oldest first, the latest's lowest areas marked.

use parat_core::questionnaire::{self as qn, Purpose, Threshold};
use parat_store::questionnaire as rounds;

use super::*;

/// One reported assessment's results, as a column.
struct Measured {
    id: i64,
    at: i64,
    results: Results,
}

/// One survey round's figures, as a column: the scales' summaries and the lowest areas.
struct Surveyed {
    round: rounds::Round,
    n: usize,
    summaries: BTreeMap<String, qn::Summary>,
    lowest: Vec<(String, f64)>,
}

/// The figures a survey round may show: its threshold applies whether the round is anonymous
/// or not, since this page is read by everyone in the organisation.
async fn surveyed(state: &AppState, member: &Member, round: rounds::Round) -> Result<Surveyed, AppError> {
    let responses = rounds::submitted(&state.db, &member.scope, &round).await?;
    let threshold = round.threshold;
    let scores = qn::score_all(&round.definition, responses.iter().map(|r| &r.answers));
    let summaries = qn::summarise(&round.definition, &scores, threshold);
    let lowest = qn::lowest_areas(&round.definition, responses.iter().map(|r| &r.answers), threshold);
    Ok(Surveyed { n: responses.len(), summaries, lowest, round })
}

pub async fn readiness_over_time(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let initiative = initiatives::get(&state.db, &member.scope, id).await?;

    // Reported assessments, oldest first, grouped by instrument (their dimensions differ).
    let mut assessments: BTreeMap<String, Vec<Measured>> = BTreeMap::new();
    let mut listed = readiness::list_for_initiative(&state.db, &member.scope, id).await?;
    listed.retain(|a| a.status == AssessmentStatus::Reported.key());
    listed.reverse();
    for summary in listed {
        let (assessment, _) = readiness::get(&state.db, &member.scope, summary.id).await?;
        // Only results this person may read (a scorer's own assessments, say, are listed too).
        let scores = match readiness::results_input(&state.db, &member.scope, &assessment).await {
            Ok((Some(scores), _)) => scores,
            Ok((None, _)) | Err(StoreError::Forbidden) => continue,
            Err(other) => return Err(other.into()),
        };
        let measured = Measured { id: assessment.id, at: summary.created_at, results: scoring::results(&scores) };
        assessments.entry(summary.instrument_id).or_default().push(measured);
    }

    // Readiness surveys, oldest first, grouped by questionnaire.
    let mut surveys: BTreeMap<String, Vec<Surveyed>> = BTreeMap::new();
    let mut listed = rounds::list(&state.db, &member.scope, Some(id)).await?;
    listed.reverse();
    for summary in listed {
        let round = rounds::get(&state.db, &member.scope, summary.id).await?;
        if round.definition.purpose != Purpose::Readiness || round.definition.scales.is_empty() {
            continue;
        }
        surveys.entry(round.questionnaire.clone()).or_default().push(surveyed(&state, &member, round).await?);
    }

    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{id}")) { (initiative.name) } }
        h1 { (ctx.t("ready-title")) }
        p { (ctx.t("ready-intro")) }
        @if assessments.is_empty() && surveys.is_empty() {
            p.notice { (ctx.t("ready-none")) }
        }
        @for (instrument_id, measured) in &assessments {
            (assessment_table(ctx, instrument_id, measured))
        }
        @for columns in surveys.values() {
            (survey_table(ctx, columns))
        }
    };
    Ok(page(ctx, &ctx.t("ready-title"), Nav::Initiatives, body))
}

fn assessment_table(ctx: &Ctx, instrument_id: &str, measured: &[Measured]) -> Markup {
    let instrument = builtin().iter().find(|i| i.id == instrument_id);
    let name = instrument.map(|i| i.name.get(ctx.locale).to_owned()).unwrap_or_else(|| instrument_id.to_owned());
    let latest = measured.last();
    let keys: Vec<&str> = latest.map(|m| m.results.dimensions.iter().map(|d| d.key).collect()).unwrap_or_default();
    html! {
        section aria-labelledby=(format!("crm-{instrument_id}")) {
            h2 #(format!("crm-{instrument_id}")) { (name) }
            div.table-wrap { table.over-time {
                caption { (ctx.t("ready-crm-caption")) }
                thead { tr {
                    th scope="col" { (ctx.t("ready-dimension")) }
                    @for m in measured { th scope="col" { a href=(format!("/assessments/{}/results", m.id)) { (ctx.date(m.at)) } } }
                } }
                tbody {
                    @for key in &keys {
                        @let lowest = latest.is_some_and(|l| l.results.lowest.contains(key));
                        tr.lowest[lowest] {
                            th scope="row" {
                                (key) " " (instrument.and_then(|i| i.dimension(key)).map(|d| d.name.get(ctx.locale).to_owned()).unwrap_or_default())
                                @if lowest { " " span.badge { (ctx.t("ready-lowest")) } }
                            }
                            @for m in measured {
                                @let found = m.results.dimensions.iter().find(|d| d.key == *key);
                                td { @match found {
                                    Some(d) => { (score_text(ctx, d.result.score)) " " span.count { "(" (ctx.t("ready-stage")) " " (d.result.stage) ")" } }
                                    None => "–",
                                } }
                            }
                        }
                    }
                    tr {
                        th scope="row" { (ctx.t("results-overall")) }
                        @for m in measured { td { strong { (score_text(ctx, m.results.overall.score)) } " " span.count { "(" (ctx.t("ready-stage")) " " (m.results.overall.stage) ")" } } }
                    }
                }
            } }
        }
    }
}

fn survey_table(ctx: &Ctx, columns: &[Surveyed]) -> Markup {
    let Some(latest) = columns.last() else { return html! {} };
    let definition = &latest.round.definition;
    let mean = |s: Option<&qn::Summary>| match s.and_then(|s| s.mean) {
        Some(m) => ctx.locale.format_decimal(m, 2),
        None => "–".into(),
    };
    let threshold = columns.iter().map(|c| c.round.threshold.get()).max().unwrap_or(Threshold::DEFAULT.get());
    html! {
        section aria-labelledby=(format!("survey-{}", latest.round.id)) {
            h2 #(format!("survey-{}", latest.round.id)) { (definition.name.get(ctx.locale)) }
            div.table-wrap { table.over-time {
                caption { (ctx.t("ready-survey-caption")) }
                thead { tr {
                    th scope="col" { (ctx.t("qn-scale")) }
                    @for c in columns { th scope="col" {
                        a href=(format!("/rounds/{}/results", c.round.id)) { (c.round.title) }
                        br; span.count { (ctx.date(c.round.created_at)) ", n = " (c.n) }
                    } }
                } }
                tbody { @for scale in &definition.scales { tr {
                    th scope="row" { (scale.name.get(ctx.locale)) }
                    @for c in columns { td { (mean(c.summaries.get(&scale.id))) } }
                } } }
            } }
            @if !latest.lowest.is_empty() {
                h3 { (ctx.t("ready-lowest-areas")) }
                ol { @for (item, value) in &latest.lowest {
                    li { (definition.item(item).map(|i| i.text.with_issue(ctx.locale, &latest.round.issue)).unwrap_or_default())
                        " " span.count { "(" (ctx.locale.format_decimal(*value, 2)) ")" } }
                } }
            }
            p.hint { (ctx.t_with("qn-threshold-note", &[("n", f64::from(threshold).into())])) }
        }
    }
}
