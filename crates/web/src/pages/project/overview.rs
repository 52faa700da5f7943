//! Across projects: every project the organisation runs or funds (its own and those of the
//! organisations below it) with spend against budget, indicators off track and reports due;
//! exported as XLSX.

use parat_reports::xlsx::{self, Cell};
use parat_store::project::ProjectSummary;

use super::*;
use crate::pages::{blocking, download, XLSX};

/// The share of the budget spent, `–` without a budget.
fn spent_share(ctx: &Ctx, p: &ProjectSummary) -> String {
    match p.budget.ore() {
        0 => "–".to_owned(),
        budget => format!("{} %", ctx.locale.format_decimal(p.spent.ore() as f64 * 100.0 / budget as f64, 0)),
    }
}

fn next_report(ctx: &Ctx, p: &ProjectSummary) -> String {
    p.next_report
        .map(|r| format!("{} ({})", r.period.key(), ctx.locale.format_date(r.due)))
        .unwrap_or_else(|| "–".into())
}

pub async fn overview_page(State(state): State<AppState>, member: Member) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let projects = store::overview(&state.db, &member.scope, parat_store::now_date()).await?;
    let body = html! {
        h1 { (ctx.t("project-overview")) }
        p.lead { (ctx.t("project-overview-lead")) }
        @if projects.is_empty() { p { (ctx.t("project-overview-none")) } } @else {
            p { a.button href="/projects.xlsx" { (ctx.t("project-overview-xlsx")) } }
            div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-overview")) { table {
                thead { tr {
                    th scope="col" { (ctx.t("project-overview-organisation")) }
                    th scope="col" { (ctx.t("project-overview-project")) }
                    th scope="col" { (ctx.t("project-budget-budget")) }
                    th scope="col" { (ctx.t("project-overview-spent")) }
                    th scope="col" { (ctx.t("project-overview-share")) }
                    th scope="col" { (ctx.t("project-overview-off-track")) }
                    th scope="col" { (ctx.t("project-overview-next-report")) }
                    th scope="col" { (ctx.t("project-overview-overdue")) }
                } }
                tbody { @for p in &projects { tr {
                    td { (p.org_name) }
                    th scope="row" {
                        @if p.own { a href=(format!("/initiatives/{}", p.initiative_id)) { (p.name) } } @else { (p.name) }
                    }
                    td.number { (p.budget.format(ctx.locale)) }
                    td.number { (p.spent.format(ctx.locale)) }
                    td.number { (spent_share(ctx, p)) }
                    td.number { (p.off_track) " / " (p.indicators) }
                    td { (next_report(ctx, p)) }
                    td.number { @if p.overdue > 0 { span.badge { (p.overdue) } } @else { "0" } }
                } } }
            } }
            p.hint { (ctx.t("project-overview-how")) }
        }
    };
    Ok(page(ctx, &ctx.t("project-overview"), Nav::Initiatives, body))
}

/// The overview as a workbook, amounts in kronor as numbers.
pub async fn overview_xlsx(State(state): State<AppState>, member: Member) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    let projects = store::overview(&state.db, &member.scope, parat_store::now_date()).await?;
    let headers: Vec<String> = [
        "project-overview-organisation",
        "project-overview-project",
        "project-budget-budget",
        "project-overview-spent",
        "project-overview-off-track",
        "project-indicators",
        "project-overview-next-report",
        "project-overview-overdue",
    ]
    .iter()
    .map(|h| ctx.t(h))
    .collect();
    let kronor = |a: parat_core::project::money::Amount| Cell::Number(a.ore() as f64 / 100.0);
    let rows: Vec<Vec<Cell>> = projects
        .iter()
        .map(|p| {
            vec![
                Cell::Text(p.org_name.clone()),
                Cell::Text(p.name.clone()),
                kronor(p.budget),
                kronor(p.spent),
                Cell::Number(f64::from(p.off_track)),
                Cell::Number(f64::from(p.indicators)),
                Cell::Text(next_report(ctx, p)),
                Cell::Number(f64::from(p.overdue)),
            ]
        })
        .collect();
    let sheet = ctx.t("project-overview");
    let bytes = blocking(move || xlsx::table(&sheet, &headers, &rows)).await?;
    Ok(download(bytes, XLSX, &format!("{}.xlsx", ctx.t("project-overview"))))
}
