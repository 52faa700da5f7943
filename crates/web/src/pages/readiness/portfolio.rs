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

/// Stages per dimension for the overall score and each dimension, of a reported assessment.
fn portfolio_stages(row: &readiness::PortfolioRow) -> Option<(u8, Vec<u8>, Edition)> {
    let scores = row.scores.as_ref()?;
    let r = scoring::results(scores);
    Some((r.overall.stage, r.dimensions.iter().map(|d| d.result.stage).collect(), r.edition))
}

use parat_core::readiness::scoring::Edition;

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
    let keys = ["A", "B", "C", "D", "E", "F"];
    let body = html! {
        h1 { (ctx.t("portfolio-title")) }
        p { (ctx.t("portfolio-intro")) }
        form.filters method="get" action="/portfolio" {
            (forms::select(ctx, Field::new(ctx, "topic", "field-topic", &no_errors), &topics, &query.topic, Some(ctx.t("all"))))
            (forms::select(ctx, Field::new(ctx, "status", "field-status", &no_errors), &statuses, &query.status, Some(ctx.t("all"))))
            button type="submit" { (ctx.t("filter-submit")) }
        }
        @if rows.is_empty() { p { (ctx.t("portfolio-empty")) } } @else {
            div.table-wrap { table.portfolio {
                caption.visually-hidden { (ctx.t("portfolio-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("nav-organisations")) }
                    th scope="col" { (ctx.t("nav-initiatives")) }
                    th scope="col" { (ctx.t("field-status")) }
                    @for key in keys { th scope="col" { (key) } }
                    th scope="col" { (ctx.t("results-overall")) }
                } }
                tbody { @for row in &rows {
                    @let stages = portfolio_stages(row);
                    tr {
                        th scope="row" { (row.org_name) }
                        td { (row.initiative_name) br; span.hint { (crate::pages::initiatives::topic_label(ctx, parat_core::initiative::TopicArea::parse(&row.topic).unwrap_or(parat_core::initiative::TopicArea::Custom), row.custom_topic.as_deref())) } }
                        td { (status_label(ctx, row.status)) br; span.hint.date { (ctx.date_time(row.created_at)) } }
                        @for (i, _) in keys.iter().enumerate() {
                            @match stages.as_ref().and_then(|(_, dims, _)| dims.get(i)) {
                                Some(stage) => td class=(format!("stage stage-{stage}")) { (stage) },
                                None => td { "–" },
                            }
                        }
                        @match &stages {
                            Some((overall, _, _)) => td class=(format!("stage stage-{overall}")) { strong { (overall) } },
                            None => td { "–" },
                        }
                    }
                } }
            } }
            p.hint { (ctx.t("portfolio-legend")) }
            p { a.button href=(format!("/portfolio.csv?topic={}&status={}", crate::error::encode_query_value(&query.topic), crate::error::encode_query_value(&query.status))) { (ctx.t("results-download-csv")) } }
        }
    };
    Ok(page(ctx, &ctx.t("portfolio-title"), Nav::Organisations, body))
}

pub async fn portfolio_csv(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<PortfolioQuery>,
) -> Result<Response, AppError> {
    let rows = readiness::portfolio(&state.db, &member.scope, &query.filter()).await?;
    let ctx = &member.ctx;
    let mut header = vec![ctx.t("nav-organisations"), ctx.t("nav-initiatives"), ctx.t("field-status")];
    header.extend(["A", "B", "C", "D", "E", "F"].map(String::from));
    header.push(ctx.t("results-overall"));
    let csv = csv_document(
        &header,
        rows.iter().map(|row| {
            let stages = portfolio_stages(row);
            let mut cells = vec![row.org_name.clone(), row.initiative_name.clone(), status_label(ctx, row.status)];
            for i in 0..6 {
                cells.push(stages.as_ref().and_then(|(_, d, _)| d.get(i)).map(|s| s.to_string()).unwrap_or_default());
            }
            cells.push(stages.as_ref().map(|(o, _, _)| o.to_string()).unwrap_or_default());
            cells
        }),
    );
    Ok(download(csv.into_bytes(), "text/csv; charset=utf-8", &format!("{}.csv", member.ctx.t("file-portfolio"))))
}
