//! A unit's report for its steering group: per month of a year the sessions, participants seen,
//! new and closed episodes, mean totals and the shares improved and deteriorated; per tertial and
//! for the year the indices over the episodes closed. Figures about fewer than five participants
//! are not shown. The same as XLSX and CSV.

use parat_core::outcomes::report::{self, Activity, Indices};
use parat_core::outcomes::EpisodeRecord;
use parat_core::periods::{Period, PeriodKind};
use parat_reports::xlsx::{self, Cell};
use parat_store::outcomes::UnitRecords;
use serde::Deserialize;

use super::*;
use crate::context::PathId;
use crate::pages::{blocking, download};

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReportQuery {
    year: Option<i32>,
}

/// Everything the report shows, for the page and the exports alike.
struct Report {
    unit: outcomes::Unit,
    year: i32,
    /// Empty when the unit had fewer than five participants in the year.
    months: Vec<Activity>,
    periods: Vec<Indices>,
    too_few: bool,
}

async fn report(state: &AppState, member: &Member, unit_id: i64, year: Option<i32>) -> Result<Report, AppError> {
    let unit = outcomes::unit(&state.db, &member.scope, unit_id).await?;
    let settings = outcomes::settings(&state.db, member.scope.org_id()).await?;
    let year = year.filter(|y| (2000..=2100).contains(y)).unwrap_or_else(|| parat_store::now_date().year());
    let UnitRecords { episodes } = outcomes::unit_records(&state.db, &member.scope, unit_id).await?;
    let (months, periods, too_few) = blocking(move || {
        let records: Vec<EpisodeRecord> = episodes
            .iter()
            .map(|(episode, age_group, sessions)| EpisodeRecord {
                participant: episode.participant_id,
                age_group: *age_group,
                started: episode.starts_on,
                ended: episode.ended,
                sessions,
            })
            .collect();
        let first = time::Date::from_calendar_date(year, time::Month::January, 1).map_err(AppErrorText::from)?;
        let last = time::Date::from_calendar_date(year, time::Month::December, 31).map_err(AppErrorText::from)?;
        if report::participants_in(&records, first, last) < report::MIN_GROUP {
            return Ok((Vec::new(), Vec::new(), true));
        }
        let months = report::activity(&settings, &records, PeriodKind::Month, first, last);
        let periods = Period::span(PeriodKind::Tertial, first, last)
            .into_iter()
            .chain([Period::containing(PeriodKind::Year, first)])
            .map(|period| report::indices(&settings, &records, period))
            .collect();
        Ok::<_, AppErrorText>((months, periods, false))
    })
    .await?;
    Ok(Report { unit, year, months, periods, too_few })
}

/// A date out of range, said as an error the blocking helper can carry.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct AppErrorText(String);

impl From<time::error::ComponentRange> for AppErrorText {
    fn from(e: time::error::ComponentRange) -> Self {
        AppErrorText(e.to_string())
    }
}

/// Why a unit's report for a year holds no figures.
fn unit_too_few(ctx: &Ctx, report: &Report) -> String {
    ctx.t_with(
        "outcomes-report-unit-too-few",
        &[("unit", report.unit.name.clone().into()), ("year", report.year.to_string().into())],
    )
}

fn share(ctx: &Ctx, value: Option<f64>) -> String {
    value.map_or_else(|| "–".into(), |v| format!("{} %", ctx.locale.format_decimal(v * 100.0, 0)))
}

fn mean(ctx: &Ctx, value: Option<f64>) -> String {
    value.map_or_else(|| "–".into(), |v| ctx.locale.format_decimal(v, 1))
}

pub async fn unit_report(
    State(state): State<AppState>,
    member: Member,
    PathId(unit_id): PathId,
    axum::extract::Query(query): axum::extract::Query<ReportQuery>,
) -> Result<Markup, AppError> {
    use crate::views::charts::{counts, CountColumn};
    let ctx = &member.ctx;
    let report = report(&state, &member, unit_id, query.year).await?;
    let columns: Vec<CountColumn> =
        report.months.iter().map(|m| CountColumn { label: m.period[5..].to_owned(), count: m.sessions }).collect();
    let year = report.year;
    let body = html! {
        p.breadcrumb { a href="/outcomes" { (ctx.t("outcomes-title")) } }
        h1 { (ctx.t("outcomes-report")) ": " (report.unit.name) ", " (year) }
        p.lead { (ctx.t("outcomes-report-lead")) }
        p {
            a href=(format!("/outcomes/units/{unit_id}/report?year={}", year - 1)) { (year - 1) }
            " · "
            a href=(format!("/outcomes/units/{unit_id}/report?year={}", year + 1)) { (year + 1) }
            @if !report.too_few { " · "
            a href=(format!("/outcomes/units/{unit_id}/report.xlsx?year={year}")) download { (ctx.t("outcomes-report-xlsx")) }
            " · "
            a href=(format!("/outcomes/units/{unit_id}/report.csv?year={year}")) download { (ctx.t("outcomes-report-csv")) }
            " · "
            a href=(format!("/outcomes/units/{unit_id}/report.pdf?year={year}")) download { (ctx.t("outcomes-report-pdf")) }
            }
        }
        @if report.too_few {
            p.notice role="status" { (unit_too_few(ctx, &report)) }
        } @else {
        (counts(&ctx.t("outcomes-report-sessions-chart"), &ctx.t("outcomes-report-sessions-chart-description"), &columns))
        // Wider than a tablet: the region scrolls, and a keyboard can reach it.
        div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("outcomes-report-months")) { table.report {
            caption { (ctx.t("outcomes-report-months")) }
            thead { tr { @for header in month_headers(ctx) { th scope="col" { (header) } } } }
            tbody { @for m in &report.months {
                tr {
                    th scope="row" { (m.period) }
                    td.number { (m.sessions) }
                    td.number { (m.participants) }
                    td.number { (m.new_episodes) }
                    td.number { (m.closed_episodes) }
                    @if let Some(f) = &m.figures {
                        td.number { (mean(ctx, f.mean_outcome)) }
                        td.number { (mean(ctx, f.mean_session)) }
                        td.number { (share(ctx, f.improved)) }
                        td.number { (share(ctx, f.deteriorated)) }
                    } @else {
                        td colspan="4" { (ctx.t("outcomes-report-too-few")) }
                    }
                }
            } }
        } }
        div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("outcomes-report-indices")) { table.report {
            caption { (ctx.t("outcomes-report-indices")) }
            thead { tr { @for header in period_headers(ctx) { th scope="col" { (header) } } } }
            tbody { @for p in &report.periods {
                tr {
                    th scope="row" { (p.period) }
                    td.number { (p.closed) }
                    @if let Some(f) = &p.figures {
                        td.number { (mean(ctx, f.mean_intake)) }
                        td.number { (mean(ctx, f.mean_sessions)) }
                        td.number { (f.effect_size.map_or_else(|| "–".into(), |v| ctx.locale.format_decimal(v, 2))) }
                        td.number { (share(ctx, f.improved)) }
                        td.number { (share(ctx, f.recovered)) }
                        td.number { (share(ctx, f.deteriorated)) }
                        td.number { (share(ctx, f.dropouts)) }
                    } @else {
                        td colspan="7" { (ctx.t("outcomes-report-too-few")) }
                    }
                }
            } }
        } }
        }
        h2 { (ctx.t("outcomes-report-definitions")) }
        p { (ctx.t("outcomes-report-definitions-text")) }
    };
    Ok(page(ctx, &ctx.t("outcomes-report"), Nav::Outcomes, body))
}

/// The rows both exports hold: the months, then the periods' indices.
fn rows(report: &Report) -> (Vec<Vec<Cell>>, Vec<Vec<Cell>>) {
    let number = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Number);
    let months = report
        .months
        .iter()
        .map(|m| {
            let f = m.figures.as_ref();
            vec![
                Cell::Text(m.period.clone()),
                Cell::Number(m.sessions as f64),
                Cell::Number(m.participants as f64),
                Cell::Number(m.new_episodes as f64),
                Cell::Number(m.closed_episodes as f64),
                number(f.and_then(|f| f.mean_outcome)),
                number(f.and_then(|f| f.mean_session)),
                number(f.and_then(|f| f.improved)),
                number(f.and_then(|f| f.deteriorated)),
            ]
        })
        .collect();
    let periods = report
        .periods
        .iter()
        .map(|p| {
            let f = p.figures.as_ref();
            vec![
                Cell::Text(p.period.clone()),
                Cell::Number(p.closed as f64),
                number(f.and_then(|f| f.mean_intake)),
                number(f.and_then(|f| f.mean_sessions)),
                number(f.and_then(|f| f.effect_size)),
                number(f.and_then(|f| f.improved)),
                number(f.and_then(|f| f.recovered)),
                number(f.and_then(|f| f.deteriorated)),
                number(f.and_then(|f| f.dropouts)),
            ]
        })
        .collect();
    (months, periods)
}

/// The months' columns, for the page and the exports alike.
fn month_headers(ctx: &Ctx) -> Vec<String> {
    [
        "outcomes-report-month",
        "outcomes-sessions",
        "outcomes-report-participants",
        "outcomes-report-new",
        "outcomes-report-closed",
        "outcomes-report-mean-ors",
        "outcomes-report-mean-srs",
        "outcomes-report-improved",
        "outcomes-report-deteriorated",
    ]
    .iter()
    .map(|id| ctx.t(id))
    .collect()
}

/// The periods' columns, for the page and the exports alike.
fn period_headers(ctx: &Ctx) -> Vec<String> {
    [
        "outcomes-report-period",
        "outcomes-report-closed",
        "outcomes-report-mean-intake",
        "outcomes-report-mean-sessions",
        "outcomes-report-effect-size",
        "outcomes-report-improved",
        "outcomes-report-recovered",
        "outcomes-report-deteriorated",
        "outcomes-report-dropouts",
    ]
    .iter()
    .map(|id| ctx.t(id))
    .collect()
}

pub async fn unit_report_xlsx(
    State(state): State<AppState>,
    member: Member,
    PathId(unit_id): PathId,
    axum::extract::Query(query): axum::extract::Query<ReportQuery>,
) -> Result<Response, AppError> {
    let report = report(&state, &member, unit_id, query.year).await?;
    let ctx = &member.ctx;
    let (months, periods) = rows(&report);
    let sheets = vec![
        xlsx::Sheet { name: ctx.t("outcomes-report-months"), headers: month_headers(ctx), rows: months },
        xlsx::Sheet { name: ctx.t("outcomes-report-indices"), headers: period_headers(ctx), rows: periods },
    ];
    let bytes = blocking(move || xlsx::workbook(&sheets)).await?;
    let name = format!("{} {}.xlsx", report.unit.name, report.year);
    Ok(download(bytes, crate::pages::XLSX, &name))
}

pub async fn unit_report_csv(
    State(state): State<AppState>,
    member: Member,
    PathId(unit_id): PathId,
    axum::extract::Query(query): axum::extract::Query<ReportQuery>,
) -> Result<Response, AppError> {
    let report = report(&state, &member, unit_id, query.year).await?;
    let (months, _) = rows(&report);
    let mut text = month_headers(&member.ctx).join(";");
    for row in months {
        text.push('\n');
        let cells: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Text(t) => t.clone(),
                Cell::Number(n) => n.to_string(),
                Cell::Empty => String::new(),
            })
            .collect();
        text.push_str(&cells.join(";"));
    }
    text.push('\n');
    let name = format!("{} {}.csv", report.unit.name, report.year);
    Ok(download(text.into_bytes(), "text/csv; charset=utf-8", &name))
}

/// The report as a PDF for the steering group: the months and the periods' indices as on the
/// page (figures about fewer than five participants left out, saying so), with how they are made.
pub async fn unit_report_pdf(
    State(state): State<AppState>,
    member: Member,
    PathId(unit_id): PathId,
    axum::extract::Query(query): axum::extract::Query<ReportQuery>,
) -> Result<Response, AppError> {
    use parat_reports::document::{Block, Document, Section};
    let report = report(&state, &member, unit_id, query.year).await?;
    let ctx = &member.ctx;
    let too_few = ctx.t("outcomes-report-too-few");
    let months: Vec<Vec<String>> = report
        .months
        .iter()
        .map(|m| {
            let counts = [
                m.period.clone(),
                m.sessions.to_string(),
                m.participants.to_string(),
                m.new_episodes.to_string(),
                m.closed_episodes.to_string(),
            ];
            let figures = match &m.figures {
                Some(f) => vec![
                    mean(ctx, f.mean_outcome),
                    mean(ctx, f.mean_session),
                    share(ctx, f.improved),
                    share(ctx, f.deteriorated),
                ],
                None => vec![too_few.clone(), String::new(), String::new(), String::new()],
            };
            counts.into_iter().chain(figures).collect()
        })
        .collect();
    let periods: Vec<Vec<String>> = report
        .periods
        .iter()
        .map(|p| {
            let figures = match &p.figures {
                Some(f) => vec![
                    mean(ctx, f.mean_intake),
                    mean(ctx, f.mean_sessions),
                    f.effect_size.map_or_else(|| "–".into(), |v| ctx.locale.format_decimal(v, 2)),
                    share(ctx, f.improved),
                    share(ctx, f.recovered),
                    share(ctx, f.deteriorated),
                    share(ctx, f.dropouts),
                ],
                None => [too_few.clone()].into_iter().chain(std::iter::repeat_n(String::new(), 6)).collect(),
            };
            [p.period.clone(), p.closed.to_string()].into_iter().chain(figures).collect()
        })
        .collect();
    let document = Document {
        lang: ctx.locale.key().to_owned(),
        title: format!("{}: {}", ctx.t("outcomes-report"), report.unit.name),
        subtitle: report.year.to_string(),
        facts: vec![
            [
                ctx.t("outcomes-report-organisation"),
                member.user.current.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
            ],
            [ctx.t("outcomes-unit"), report.unit.name.clone()],
            [ctx.t("outcomes-report-year"), report.year.to_string()],
        ],
        sections: [
            Section {
                heading: ctx.t("outcomes-report-months"),
                blocks: vec![Block::Table { headers: month_headers(ctx), rows: months, wide: None }],
            },
            Section {
                heading: ctx.t("outcomes-report-indices"),
                blocks: vec![Block::Table { headers: period_headers(ctx), rows: periods, wide: None }],
            },
        ]
        .into_iter()
        .filter(|_| !report.too_few)
        .chain(report.too_few.then(|| Section {
            heading: ctx.t("outcomes-report-months"),
            blocks: vec![Block::paragraph(unit_too_few(ctx, &report))],
        }))
        .chain([Section {
            heading: ctx.t("outcomes-report-definitions"),
            blocks: vec![
                Block::paragraph(ctx.t("outcomes-report-lead")),
                Block::paragraph(ctx.t("outcomes-report-definitions-text")),
            ],
        }])
        .collect(),
        generated: crate::pages::generated(ctx),
    };
    let bytes = blocking(move || document.pdf()).await?;
    let name = format!("{} {}.pdf", report.unit.name, report.year);
    Ok(download(bytes, "application/pdf", &name))
}
