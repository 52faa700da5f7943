//! A parent organisation's overview of its member organisations' stages.

// The area's shared imports and helpers live in mod.rs.
use super::*;

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct PortfolioQuery {
    topic: String,
    status: String,
}

impl PortfolioQuery {
    fn filter(&self) -> readiness::PortfolioFilter {
        readiness::PortfolioFilter {
            topic: parat_core::initiative::TopicArea::parse(&self.topic).ok().map(|t| t.key().to_owned()),
            status: AssessmentStatus::parse(&self.status).ok(),
        }
    }
}

/// The overall score and stage, and each dimension's stage, of a reported assessment.
struct PortfolioResults {
    overall: parat_core::readiness::Fraction,
    overall_stage: u8,
    stages: Vec<u8>,
    edition: Edition,
}

fn portfolio_results(row: &readiness::PortfolioRow) -> Option<PortfolioResults> {
    let r = scoring::results(row.scores.as_ref()?);
    Some(PortfolioResults {
        overall: r.overall.score,
        overall_stage: r.overall.stage,
        stages: r.dimensions.iter().map(|d| d.result.stage).collect(),
        edition: r.edition,
    })
}

use parat_core::readiness::scoring::Edition;

/// The dimensions as columns: the six of the 2006 edition, named; a 2014 assessment's five
/// fill the first five, and a note says how its A differs.
fn dimension_columns(ctx: &Ctx) -> Vec<(&'static str, String)> {
    let instrument = builtin().iter().find(|i| i.id == "crm-2006");
    ["A", "B", "C", "D", "E", "F"]
        .into_iter()
        .map(|key| {
            let name = instrument.and_then(|i| i.dimension(key)).map(|d| d.name.get(ctx.locale).to_owned());
            (key, name.unwrap_or_default())
        })
        .collect()
}

/// A parent organisation's overview of its member organisations' assessments.
pub async fn portfolio(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<PortfolioQuery>,
) -> Result<Markup, AppError> {
    let rows = readiness::portfolio(&state.db, &member.scope, &query.filter()).await?;
    let ctx = &member.ctx;
    let no_errors = FieldErrors::new();
    let topics: Vec<(String, String)> = parat_core::initiative::TopicArea::ALL
        .iter()
        .map(|t| (t.key().to_owned(), ctx.t(&format!("topic-{}", t.key()))))
        .collect();
    let statuses: Vec<(String, String)> =
        AssessmentStatus::ALL.iter().map(|s| (s.key().to_owned(), status_label(ctx, *s))).collect();
    let columns = dimension_columns(ctx);
    let results: Vec<Option<PortfolioResults>> = rows.iter().map(portfolio_results).collect();
    let any_2014 = results.iter().flatten().any(|r| r.edition == Edition::Crm2014);
    // Readiness surveys have no assessment status: a status filter leaves them out.
    let surveys = if query.filter().status.is_some() {
        html! {}
    } else {
        let topic = query.filter().topic;
        let mut rounds = parat_store::questionnaire::portfolio(&state.db, &member.scope).await?;
        rounds.retain(|r| topic.is_none() || r.topic == topic);
        survey_portfolio(ctx, &rounds)
    };
    let body = html! {
        h1 { (ctx.t("portfolio-title")) }
        p { (ctx.t("portfolio-intro")) }
        p { a href="/portfolio/landscape" { (ctx.t("land-portfolio-title")) } " · " a href="/campaigns" { (ctx.t("campaign-title")) } }
        form.filters method="get" action="/portfolio" {
            (forms::select(ctx, Field::new(ctx, "topic", "field-topic", &no_errors), &topics, &query.topic, Some(ctx.t("all"))))
            (forms::select(ctx, Field::new(ctx, "status", "field-status", &no_errors), &statuses, &query.status, Some(ctx.t("all"))))
            button type="submit" { (ctx.t("filter-submit")) }
        }
        @if rows.is_empty() { p { (ctx.t("portfolio-empty")) } } @else {
            ul.legend aria-label=(ctx.t("portfolio-title")) {
                li { span.swatch.stage-1 aria-hidden="true" {} (ctx.t("portfolio-legend-early")) }
                li { span.swatch.stage-4 aria-hidden="true" {} (ctx.t("portfolio-legend-planning")) }
                li { span.swatch.stage-7 aria-hidden="true" {} (ctx.t("portfolio-legend-established")) }
            }
            div.table-wrap { table.portfolio {
                caption.visually-hidden { (ctx.t("portfolio-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("nav-organisations")) }
                    th scope="col" { (ctx.t("nav-initiatives")) }
                    th scope="col" { (ctx.t("field-status")) }
                    @for (key, name) in &columns { th scope="col" { (key) ". " (name) } }
                    th scope="col" { (ctx.t("portfolio-score")) }
                    th scope="col" { (ctx.t("portfolio-stage")) }
                } }
                tbody { @for (row, result) in rows.iter().zip(&results) {
                    tr {
                        th scope="row" {
                            @if result.is_some() {
                                a href=(format!("/portfolio/{}", row.assessment_id)) aria-label=(ctx.t_with("portfolio-open", &[("org", row.org_name.clone().into())])) { (row.org_name) }
                            } @else { (row.org_name) }
                        }
                        td { (row.initiative_name) br; span.hint { (crate::pages::initiatives::topic_label(ctx, parat_core::initiative::TopicArea::parse(&row.topic).unwrap_or(parat_core::initiative::TopicArea::Custom), row.custom_topic.as_deref())) } }
                        td { (status_label(ctx, row.status)) br; span.hint.date { (ctx.date_time(row.created_at)) } }
                        @for (i, (_, name)) in columns.iter().enumerate() {
                            @match result.as_ref().and_then(|r| r.stages.get(i)) {
                                Some(stage) => td class=(format!("stage stage-{stage}")) { (stage) span.visually-hidden { " " (name) } },
                                None => td { "–" },
                            }
                        }
                        @match result {
                            Some(r) => {
                                td.number { (score_text(ctx, r.overall)) }
                                td class=(format!("stage stage-{}", r.overall_stage)) { strong { (r.overall_stage) } }
                            }
                            None => { td { "–" } td { "–" } }
                        }
                    }
                } }
            } }
            @if any_2014 { p.hint { (ctx.t("portfolio-edition-2014")) } }
            p { a.button href=(format!("/portfolio.csv?topic={}&status={}", crate::error::encode_query_value(&query.topic), crate::error::encode_query_value(&query.status))) { (ctx.t("results-download-csv")) } }
        }
        (surveys)
    };
    Ok(page(ctx, &ctx.t("portfolio-title"), Nav::Portfolio, body))
}

/// One member organisation's reported results, as its parent sees them: the results page's
/// scores, stages, charts and strategies, without interviews, informants or the action plan.
pub async fn portfolio_report(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    let (assessment, scores, org) = readiness::portfolio_assessment(&state.db, &member.scope, id).await?;
    let results = scoring::results(&scores);
    let ctx = &member.ctx;
    let instrument = assessment.instrument();
    let body = html! {
        p.breadcrumb { a href="/portfolio" { (ctx.t("portfolio-back")) } }
        h1 { (ctx.t("results-title")) ": " (assessment.measured) }
        p { (instrument.name.get(ctx.locale)) " · " (assessment.issue) " · " (status_label(ctx, assessment.status)) }
        p.hint { (ctx.t_with("portfolio-report-intro", &[("org", org.into())])) }
        (results_body(ctx, &assessment, instrument, &results, None))
    };
    Ok(page(ctx, &ctx.t("results-title"), Nav::Portfolio, body))
}

pub async fn portfolio_csv(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<PortfolioQuery>,
) -> Result<Response, AppError> {
    let rows = readiness::portfolio(&state.db, &member.scope, &query.filter()).await?;
    let ctx = &member.ctx;
    let mut header = vec![ctx.t("nav-organisations"), ctx.t("nav-initiatives"), ctx.t("field-status")];
    header.extend(dimension_columns(ctx).into_iter().map(|(key, name)| format!("{key}. {name}")));
    header.extend([ctx.t("portfolio-score"), ctx.t("portfolio-stage")]);
    let csv = csv_document(
        &header,
        rows.iter().map(|row| {
            let result = portfolio_results(row);
            let mut cells = vec![row.org_name.clone(), row.initiative_name.clone(), status_label(ctx, row.status)];
            for i in 0..6 {
                cells.push(result.as_ref().and_then(|r| r.stages.get(i)).map(|s| s.to_string()).unwrap_or_default());
            }
            cells.push(result.as_ref().map(|r| score_text(ctx, r.overall)).unwrap_or_default());
            cells.push(result.as_ref().map(|r| r.overall_stage.to_string()).unwrap_or_default());
            cells
        }),
    );
    Ok(download(csv.into_bytes(), "text/csv; charset=utf-8", &format!("{}.csv", member.ctx.t("file-portfolio"))))
}

/// The member organisations' readiness surveys, one table per questionnaire (the same questions
/// everywhere, so the figures compare): each round's scale means, none under its threshold.
fn survey_portfolio(ctx: &Ctx, rounds: &[parat_store::questionnaire::PortfolioRound]) -> Markup {
    use parat_core::questionnaire as qn;
    let mut by_questionnaire: BTreeMap<&str, Vec<&parat_store::questionnaire::PortfolioRound>> = BTreeMap::new();
    for r in rounds {
        by_questionnaire.entry(r.round.questionnaire.as_str()).or_default().push(r);
    }
    html! {
        @if !by_questionnaire.is_empty() {
            h2 #surveys { (ctx.t("portfolio-surveys")) }
            p { (ctx.t("portfolio-surveys-intro")) }
        }
        @for entries in by_questionnaire.values() {
            @let definition = &entries[0].round.definition;
            div.table-wrap { table.portfolio {
                caption { (definition.name.get(ctx.locale)) }
                thead { tr {
                    th scope="col" { (ctx.t("nav-organisations")) }
                    th scope="col" { (ctx.t("nav-initiatives")) }
                    th scope="col" { (ctx.t("qn-responses")) }
                    @for scale in &definition.scales { th scope="col" { (scale.name.get(ctx.locale)) } }
                } }
                tbody { @for entry in entries {
                    @let scores = qn::score_all(&entry.round.definition, &entry.answers);
                    @let summaries = qn::summarise(&entry.round.definition, &scores, entry.round.threshold);
                    tr {
                        th scope="row" { (entry.org_name) }
                        td { (entry.round.initiative_name.as_deref().unwrap_or("–")) br; span.hint.date { (ctx.date(entry.round.created_at)) } }
                        td.number { (entry.answers.len()) }
                        @for scale in &definition.scales {
                            td.number { (summaries.get(&scale.id).and_then(|s| s.mean).map(|m| ctx.locale.format_decimal(m, 2)).unwrap_or_else(|| "–".into())) }
                        }
                    }
                } }
            } }
        }
    }
}
