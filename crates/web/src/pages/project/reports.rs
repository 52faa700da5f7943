//! A period's report for the steering group (a month, tertial, quarter or year): the
//! coordinator's narrative, goals and indicators with their status, activities planned and
//! done, training events and attendance, participants, and the budget against its outcome — on
//! the page, as PDF and Word from the same content, and its tables as XLSX.

use parat_core::locale::scandinavian_date;
use parat_core::periods::{Period, PeriodKind};
use parat_core::project::money::Amount;
use parat_core::project::{
    attendance_in, budget_in, participants_in, reporting_calendar, CostCategory, NarrativeInput,
};
use parat_reports::document::{Block, Document, Section};

use super::indicators::{number, status_label};
use super::*;
use crate::pages::{blocking, download, XLSX};
use crate::views::document::{sections, workbook_sheets};

/// The report's period from the path, or not found.
fn period_of(raw: &str) -> Result<Period, AppError> {
    Period::parse(raw).ok_or(AppError::NotFound)
}

fn gender_headers(ctx: &Ctx) -> Vec<String> {
    ["woman", "man", "other", "unknown"].iter().map(|g| ctx.t(&format!("project-gender-{g}"))).collect()
}

/// The report as a document: facts, the narrative, then each part's figures for the period.
async fn report_document(
    state: &AppState,
    member: &Member,
    initiative_id: i64,
    period: &Period,
) -> Result<Document, AppError> {
    let ctx = &member.ctx;
    let initiative = parat_store::initiatives::get(&state.db, &member.scope, initiative_id).await?;
    let facts = store::project_facts(&state.db, &member.scope, initiative_id).await?;
    let frame = store::frame(&state.db, &member.scope, initiative_id).await?;
    let narrative = store::narrative(&state.db, &member.scope, initiative_id, period).await?;
    let events = store::events_of(&state.db, &member.scope, initiative_id).await?;
    let activities = store::activities_of(&state.db, &member.scope, initiative_id).await?;
    let today = parat_store::now_date();
    let date = |d: time::Date| ctx.locale.format_date(d);
    let mut doc_facts = vec![
        [ctx.t("project-report-initiative"), initiative.name.clone()],
        [
            ctx.t("project-budget-period"),
            format!("{} ({} – {})", period.key(), date(period.first_day()), date(period.last_day())),
        ],
    ];
    doc_facts.push([ctx.t("project-frame-owner"), super::frame::owner_organisation(ctx)]);
    if let Some(owner) = &initiative.owner_name {
        doc_facts.push([ctx.t("project-frame-responsible"), owner.clone()]);
    }
    if !frame.funders.is_empty() {
        let funders: Vec<String> =
            frame.funders.iter().map(|f| format!("{} {}", f.name, f.share.format(ctx.locale))).collect();
        doc_facts.push([ctx.t("project-funders"), funders.join(", ")]);
    }
    let mut sections_out: Vec<Section> = narrative
        .fields()
        .iter()
        .map(|(key, text)| {
            let heading = ctx.t(&format!("project-report-{}", key.replace('_', "-")));
            let blocks = if text.is_empty() { vec![] } else { vec![Block::paragraph(*text)] };
            Section::or_note(heading, blocks, || ctx.t("project-report-not-written"))
        })
        .collect();

    // Goals and indicators.
    let records = (facts.events.as_slice(), facts.activities.as_slice());
    let indicator_rows: Vec<Vec<String>> = facts
        .indicators
        .iter()
        .map(|i| {
            let r = i.definition.reading(period, &i.entries, records, today);
            vec![
                i.definition.name.clone(),
                i.goal.clone().unwrap_or_default(),
                r.value.map(|v| number(ctx, v)).unwrap_or_else(|| "–".into()),
                format!("{} {}", number(ctx, i.definition.target), i.definition.unit).trim_end().to_owned(),
                r.status.map(|s| status_label(ctx, s)).unwrap_or_else(|| "–".into()),
                r.comment,
            ]
        })
        .collect();
    let headers = [
        "project-indicator-name",
        "project-indicator-goal",
        "project-indicator-value",
        "project-indicator-target",
        "project-indicator-status",
        "project-indicator-comment",
    ];
    sections_out.push(Section::or_note(
        ctx.t("project-indicators"),
        Block::table_if_any(headers.iter().map(|h| ctx.t(h)).collect(), indicator_rows, 5),
        || ctx.t("project-indicators-none"),
    ));

    // Activities planned or carried out in the period.
    let in_period = |d: Option<time::Date>| d.is_some_and(|d| period.contains(d));
    let activity_rows: Vec<Vec<String>> = activities
        .iter()
        .filter(|a| in_period(a.planned_on) || in_period(a.done_on))
        .map(|a| {
            vec![
                a.title.clone(),
                a.planned_on.map(date).unwrap_or_else(|| "–".into()),
                a.done_on.map(date).unwrap_or_else(|| "–".into()),
                a.participants.map(|n| n.to_string()).unwrap_or_default(),
                a.deviation.clone(),
            ]
        })
        .collect();
    let headers = [
        "project-activity-title",
        "project-activity-planned-on",
        "project-activity-done-on",
        "project-activity-participants",
        "project-activity-deviation",
    ];
    sections_out.push(Section::or_note(
        ctx.t("project-activities"),
        Block::table_if_any(headers.iter().map(|h| ctx.t(h)).collect(), activity_rows, 4),
        || ctx.t("project-report-no-activities"),
    ));

    // Training events and attendance.
    let attendance = attendance_in(period, &facts.events);
    let event_rows: Vec<Vec<String>> = events
        .iter()
        .filter(|e| period.contains(scandinavian_date(e.starts_at)))
        .map(|e| vec![e.title.clone(), ctx.date_time(e.starts_at), e.attendees.to_string(), e.head_count.to_string()])
        .collect();
    let headers = ["project-event-title", "project-event-starts-at", "project-report-named", "project-report-counted"];
    let mut event_blocks = Block::table_if_any(headers.iter().map(|h| ctx.t(h)).collect(), event_rows, 0);
    if attendance.events > 0 {
        let by = attendance.attendances_by_gender;
        event_blocks.push(Block::Table {
            headers: std::iter::once(ctx.t("project-report-attendances"))
                .chain(gender_headers(ctx))
                .chain([ctx.t("project-budget-total"), ctx.t("project-report-counted")])
                .collect(),
            rows: vec![vec![
                ctx.t("project-report-attendances"),
                by.woman.to_string(),
                by.man.to_string(),
                by.other.to_string(),
                by.unknown.to_string(),
                attendance.attendances.to_string(),
                attendance.head_counts.to_string(),
            ]],
            wide: None,
        });
    }
    sections_out.push(Section::or_note(ctx.t("project-events"), event_blocks, || ctx.t("project-report-no-events")));

    // Participants in individual-oriented activities.
    if !facts.participations.is_empty() {
        let by = participants_in(period, &facts.participations);
        let joined = facts.participations.iter().filter(|p| period.contains(p.joined_on)).count();
        let left = facts.participations.iter().filter(|p| p.left_on.is_some_and(|d| period.contains(d))).count();
        sections_out.push(Section {
            heading: ctx.t("project-participants"),
            blocks: vec![
                Block::Table {
                    headers: std::iter::once(ctx.t("project-report-participants"))
                        .chain(gender_headers(ctx))
                        .chain([ctx.t("project-budget-total")])
                        .collect(),
                    rows: vec![vec![
                        ctx.t("project-report-participants"),
                        by.woman.to_string(),
                        by.man.to_string(),
                        by.other.to_string(),
                        by.unknown.to_string(),
                        by.total().to_string(),
                    ]],
                    wide: None,
                },
                Block::paragraph(ctx.t_with(
                    "project-report-in-out",
                    &[("joined", (joined as f64).into()), ("left", (left as f64).into())],
                )),
            ],
        });
    }

    // Budget against outcome, by category, for the period.
    let money_rows: Vec<Vec<String>> = CostCategory::ALL
        .iter()
        .map(|c| {
            let lines: Vec<(i32, Amount)> =
                facts.budget_lines.iter().filter(|l| l.category == *c).map(|l| (l.year, l.amount)).collect();
            let costs: Vec<(time::Date, Amount)> =
                facts.costs.iter().filter(|x| x.category == *c).map(|x| (x.booked_on, x.amount)).collect();
            (*c, budget_in(period, &lines, &costs))
        })
        .filter(|(_, m)| m.budget != Amount::ZERO || m.outcome != Amount::ZERO)
        .map(|(c, m)| {
            vec![
                ctx.t(&format!("project-category-{}", c.key().replace('_', "-"))),
                m.budget.format(ctx.locale),
                m.outcome.format(ctx.locale),
                (m.budget - m.outcome).format(ctx.locale),
            ]
        })
        .collect();
    let headers = ["project-budget-category", "project-budget-budget", "project-budget-outcome", "project-budget-left"];
    let mut money = Block::table_if_any(headers.iter().map(|h| ctx.t(h)).collect(), money_rows, 0);
    if !money.is_empty() {
        money.push(Block::note(ctx.t("project-budget-per-tertial-how")));
    }
    sections_out.push(Section::or_note(ctx.t("project-budget"), money, || ctx.t("project-budget-lines-none")));

    Ok(Document {
        lang: ctx.locale.key().to_owned(),
        title: ctx.t_with("project-report-title", &[("period", period.key().into())]),
        subtitle: initiative.name,
        facts: doc_facts,
        sections: sections_out,
        generated: crate::pages::generated(ctx),
    })
}

async fn report_view(
    state: &AppState,
    member: &Member,
    initiative_id: i64,
    period: &Period,
    shown_notice: Option<&str>,
    shown: Option<(&NarrativeInput, &FieldErrors)>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let document = report_document(state, member, initiative_id, period).await?;
    let stored = store::narrative(&state.db, &member.scope, initiative_id, period).await?;
    let typed = NarrativeInput {
        summary: stored.summary,
        went_well: stored.went_well,
        difficulties: stored.difficulties,
        next_period: stored.next_period,
    };
    let none = FieldErrors::new();
    let (input, errors) = shown.unwrap_or((&typed, &none));
    let base = format!("/initiatives/{initiative_id}/reports/{}", period.key());
    let can_edit = member.scope.role().can_edit_initiatives();
    let body = html! {
        p.breadcrumb {
            a href=(format!("/initiatives/{initiative_id}")) { (document.subtitle) } " › "
            a href=(format!("/initiatives/{initiative_id}/reports")) { (ctx.t("project-reports")) }
        }
        h1 { (document.title) }
        (notice(ctx, shown_notice))
        dl.details { @for [label, value] in &document.facts { dt { (label) } dd { (value) } } }
        p.actions {
            a.button href=(format!("{base}/pdf")) { (ctx.t("project-report-pdf")) } " "
            a.button href=(format!("{base}/docx")) { (ctx.t("project-report-docx")) } " "
            a.button href=(format!("{base}/xlsx")) { (ctx.t("project-report-xlsx")) }
        }
        @if can_edit {
            details open[!errors.is_empty()] {
                summary { (ctx.t("project-report-write")) }
                (error_summary(ctx, errors, &[("summary", ctx.t("project-report-summary")), ("went_well", ctx.t("project-report-went-well")),
                    ("difficulties", ctx.t("project-report-difficulties")), ("next_period", ctx.t("project-report-next-period"))]))
                form.stacked method="post" action=(base) novalidate {
                    (csrf(ctx))
                    (forms::textarea(ctx, Field::new(ctx, "summary", "project-report-summary", errors), &input.summary))
                    (forms::textarea(ctx, Field::new(ctx, "went_well", "project-report-went-well", errors), &input.went_well))
                    (forms::textarea(ctx, Field::new(ctx, "difficulties", "project-report-difficulties", errors).hint(ctx.t("hint-project-report-difficulties")), &input.difficulties))
                    (forms::textarea(ctx, Field::new(ctx, "next_period", "project-report-next-period", errors), &input.next_period))
                    div.actions { button type="submit" { (ctx.t("project-report-save")) } }
                }
            }
        }
        (sections(&document))
    };
    Ok(page(ctx, &document.title, Nav::Initiatives, body))
}

/// The reports the project owes by its calendar, and any other period on request.
pub async fn reports_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let initiative = parat_store::initiatives::get(&state.db, &member.scope, id).await?;
    let frame = store::frame(&state.db, &member.scope, id).await?;
    let written = store::written_reports(&state.db, &member.scope, id).await?;
    let today = parat_store::now_date();
    let start = initiative.start_date.unwrap_or_else(|| Period::containing(PeriodKind::Year, today).first_day());
    let end = initiative.end_date.unwrap_or(today).max(start);
    let calendar = reporting_calendar(frame.reporting, start, end);
    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{id}")) { (initiative.name) } }
        h1 { (ctx.t("project-reports")) }
        p.lead { (ctx.t("project-reports-lead")) }
        div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-reporting-calendar")) { table {
            caption { (ctx.t("project-reporting-calendar")) }
            thead { tr {
                th scope="col" { (ctx.t("project-budget-period")) }
                th scope="col" { (ctx.t("project-reporting-due")) }
                th scope="col" { (ctx.t("project-report-narrative")) }
            } }
            tbody { @for report in &calendar { tr {
                th scope="row" { a href=(format!("/initiatives/{id}/reports/{}", report.period.key())) { (report.period.key()) } }
                td.date { (ctx.locale.format_date(report.due)) @if report.due < today && !written.contains(&report.period.key()) { " " span.badge { (ctx.t("project-reporting-passed")) } } }
                td { (ctx.t(if written.contains(&report.period.key()) { "project-report-written" } else { "project-report-not-written" })) }
            } } }
        } }
        form.stacked method="get" action=(format!("/initiatives/{id}/reports/open")) {
            (forms::input(ctx, Field::new(ctx, "period", "project-report-other", &FieldErrors::new()).hint(ctx.t("hint-project-report-other")), "text", "", Some("off")))
            div.actions { button type="submit" { (ctx.t("project-report-open")) } }
        }
    };
    Ok(page(ctx, &ctx.t("project-reports"), Nav::Initiatives, body))
}

#[derive(serde::Deserialize)]
pub struct OpenQuery {
    #[serde(default)]
    period: String,
}

/// The report of a period typed by hand (`2026-05`, `2026-T2`, `2026-Q3`, `2026`).
pub async fn open_report(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<OpenQuery>,
) -> Result<Response, AppError> {
    parat_store::initiatives::get(&state.db, &member.scope, id).await?;
    let period = Period::parse(&query.period)
        .ok_or_else(|| AppError::BadRequest(format!("`{}` is not a period", query.period)))?;
    Ok(redirect_with_cookies(&format!("/initiatives/{id}/reports/{}", period.key()), &[]))
}

pub async fn report_page(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Path((id, period)): axum::extract::Path<(String, String)>,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let (id, period) = (crate::pages::parse_id(&id)?, period_of(&period)?);
    report_view(&state, &member, id, &period, query.notice.as_deref(), None).await
}

pub async fn save_report(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Path((id, period)): axum::extract::Path<(String, String)>,
    Submitted(input): Submitted<NarrativeInput>,
) -> Result<Response, AppError> {
    let (id, period) = (crate::pages::parse_id(&id)?, period_of(&period)?);
    let saved = match input.parse() {
        Ok(narrative) => store::save_narrative(&state.db, &member.scope, id, &period, &narrative).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/reports/{}?notice=saved", period.key()), &[])),
        Err(StoreError::Invalid(errors)) => {
            member.scope.role().can_edit_initiatives().then_some(()).ok_or(AppError::Forbidden)?;
            Ok(rejected(report_view(&state, &member, id, &period, None, Some((&input, &errors))).await?))
        }
        Err(other) => Err(other.into()),
    }
}

/// The report as PDF, Word or XLSX.
pub async fn report_file(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Path((id, period, format)): axum::extract::Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let (id, period) = (crate::pages::parse_id(&id)?, period_of(&period)?);
    let ctx = &member.ctx;
    let document = report_document(&state, &member, id, &period).await?;
    let name = format!("{} {}", document.title, document.subtitle);
    match format.as_str() {
        "pdf" => Ok(download(blocking(move || document.pdf()).await?, "application/pdf", &format!("{name}.pdf"))),
        "docx" => {
            let bytes = blocking(move || document.docx()).await?;
            Ok(download(
                bytes,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                &format!("{name}.docx"),
            ))
        }
        "xlsx" => {
            let sheets = workbook_sheets(&document, ctx.locale);
            Ok(download(blocking(move || parat_reports::xlsx::workbook(&sheets)).await?, XLSX, &format!("{name}.xlsx")))
        }
        _ => Err(AppError::NotFound),
    }
}
