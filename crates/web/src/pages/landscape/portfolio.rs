//! The landscapes of a parent organisation's members (a county board's municipalities, an
//! association's partners): per initiative, factors assessed and hindering per level, the share
//! of the checklist settled, and late milestones — counts only.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use parat_core::initiative::TopicArea;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TopicQuery {
    topic: String,
}

pub async fn landscape_portfolio(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<TopicQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let topic = TopicArea::parse(&query.topic).ok();
    let rows = landscape::portfolio(&state.db, &member.scope, topic.map(TopicArea::key)).await?;
    let topics: Vec<(String, String)> =
        TopicArea::ALL.iter().map(|t| (t.key().to_owned(), ctx.t(&format!("topic-{}", t.key())))).collect();
    let organisations = rows.iter().map(|r| r.org_name.as_str()).collect::<std::collections::BTreeSet<_>>().len();
    let late: i64 = rows.iter().map(|r| r.overdue_milestones).sum();
    let no_errors = FieldErrors::new();
    let body = html! {
        p.breadcrumb { a href="/portfolio" { (ctx.t("portfolio-title")) } }
        h1 { (ctx.t("land-portfolio-title")) }
        p { (ctx.t("land-portfolio-intro")) }
        form.filters method="get" action="/portfolio/landscape" {
            (forms::select(ctx, Field::new(ctx, "topic", "field-topic", &no_errors), &topics, &query.topic, Some(ctx.t("all"))))
            button type="submit" { (ctx.t("filter-submit")) }
        }
        @if rows.is_empty() { p { (ctx.t("land-portfolio-empty")) } } @else {
            p { (ctx.t_with("land-portfolio-summary", &[
                ("initiatives", (rows.len() as f64).into()),
                ("organisations", (organisations as f64).into()),
                ("late", (late as f64).into()),
            ])) }
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("land-portfolio-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("nav-organisations")) }
                    th scope="col" { (ctx.t("nav-initiatives")) }
                    th scope="col" { (ctx.t("land-portfolio-assessed")) }
                    th scope="col" { (ctx.t("land-portfolio-hindering")) }
                    th scope="col" { (ctx.t("land-portfolio-settled")) }
                    th scope="col" { (ctx.t("land-portfolio-late")) }
                } }
                tbody { @for row in &rows {
                    @let questions = row.framework.questions().count();
                    @let factors = row.framework.factors().count();
                    tr {
                        th scope="row" { (row.org_name) }
                        td { (row.initiative_name) br; span.hint { (super::super::initiatives::topic_label(ctx, TopicArea::parse(&row.topic).unwrap_or(TopicArea::Custom), row.custom_topic.as_deref())) } }
                        td.number { (row.assessed) " / " (factors) }
                        td { ul.counts {
                            @for (level, count) in row.framework.levels.iter().zip(&row.hindering) {
                                li { (level.name.get(ctx.locale)) ": " @if *count > 0 { strong { (count) } } @else { (count) } }
                            }
                        } }
                        td.number {
                            (row.settled) " / " (questions)
                            @if questions > 0 { br; span.hint { (ctx.locale.format_integer((row.settled * 100 / questions) as i64)) " %" } }
                        }
                        td.number {
                            @if row.overdue_milestones > 0 {
                                span.badge.disagree { (row.overdue_milestones) } " "
                            } @else { "0 " }
                            span.hint { (ctx.t_with("land-portfolio-of", &[("total", (row.milestones as f64).into())])) }
                        }
                    }
                } }
            } }
        }
    };
    Ok(page(ctx, &ctx.t("land-portfolio-title"), Nav::Portfolio, body))
}
