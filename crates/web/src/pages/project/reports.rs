//! A period's report for the steering group (a month, tertial, quarter or year): the
//! coordinator's narrative, goals and indicators with their status, activities planned and
//! done, training events and attendance, participants, and the budget against its outcome — on
//! the page, as PDF and Word from the same content, and its tables as XLSX.

use parat_core::locale::scandinavian_date;
use parat_core::periods::{Period, PeriodKind};
use parat_core::project::money::Amount;
use parat_core::project::{
    attendance_in, budget_in, participants_in, reporting_calendar, ByGender, CostCategory, Narrative, NarrativeInput,
    ReportOf,
};
use parat_reports::document::{Block, Document, Section};

use super::indicators::{number, status_label};
use super::*;
use crate::views::document::sections;

/// The report named in the path (a period, or `final`), or not found.
fn report_of(raw: &str) -> Result<ReportOf, AppError> {
    ReportOf::parse(raw).ok_or(AppError::NotFound)
}

/// The message naming a narrative field: after the project, the last field is what happens next.
fn narrative_label(report: &ReportOf, field: &str) -> String {
    match (report, field) {
        (ReportOf::Final, "next_period") => "project-report-after".to_owned(),
        _ => format!("project-report-{}", field.replace('_', "-")),
    }
}

/// The coordinator's words, a section each.
pub(super) fn narrative_sections(ctx: &Ctx, narrative: &Narrative, report: &ReportOf) -> Vec<Section> {
    narrative
        .fields()
        .iter()
        .map(|(key, text)| {
            let blocks = if text.is_empty() { vec![] } else { vec![Block::paragraph(*text)] };
            Section::or_note(ctx.t(&narrative_label(report, key)), blocks, || ctx.t("project-report-not-written"))
        })
        .collect()
}

/// A report's document — a period's, or the final report with its appendices — and the
/// coordinator's words as kept, for the form.
async fn document_of(
    state: &AppState,
    member: &Member,
    initiative_id: i64,
    report: &ReportOf,
) -> Result<(Document, Narrative), AppError> {
    let inputs = store::report_facts(&state.db, &member.scope, initiative_id, report).await?;
    let narrative = inputs.narrative.clone();
    let document = match report {
        ReportOf::Period(period) => report_document(&member.ctx, inputs, period),
        ReportOf::Final => super::final_report::final_document(state, member, inputs).await?,
    };
    Ok((document, narrative))
}

/// Activities as a table: what, planned, done, how many took part, deviations.
pub(super) fn activity_table<'a>(ctx: &Ctx, activities: impl Iterator<Item = &'a store::Activity>) -> Vec<Block> {
    let date = |d: Option<time::Date>| d.map(|d| ctx.locale.format_date(d)).unwrap_or_else(|| "–".into());
    let rows: Vec<Vec<String>> = activities
        .map(|a| {
            vec![
                a.title.clone(),
                date(a.planned_on),
                date(a.done_on),
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
    Block::table_if_any(headers.iter().map(|h| ctx.t(h)).collect(), rows, 4)
}

/// A row of counts by gender with its total, under a first column naming what is counted.
pub(super) fn by_gender_table(ctx: &Ctx, what: &str, by: ByGender, extra: Option<(String, String)>) -> Block {
    let (extra_header, extra_cell) = extra.map_or((None, None), |(h, c)| (Some(h), Some(c)));
    Block::Table {
        headers: std::iter::once(ctx.t(what))
            .chain(gender_headers(ctx))
            .chain([ctx.t("project-budget-total")])
            .chain(extra_header)
            .collect(),
        rows: vec![std::iter::once(ctx.t(what))
            .chain([by.woman, by.man, by.other, by.unknown, by.total()].iter().map(u32::to_string))
            .chain(extra_cell)
            .collect()],
        wide: None,
    }
}

/// A period's reading of an indicator as cells: value, target with unit, status and comment.
pub(super) fn reading_cells(
    ctx: &Ctx,
    definition: &parat_core::project::IndicatorDefinition,
    reading: parat_core::project::Reading,
) -> [String; 4] {
    [
        reading.value.map(|v| number(ctx, v)).unwrap_or_else(|| "–".into()),
        format!("{} {}", number(ctx, definition.target), definition.unit).trim_end().to_owned(),
        reading.status.map(|s| status_label(ctx, s)).unwrap_or_else(|| "–".into()),
        reading.comment,
    ]
}

fn gender_headers(ctx: &Ctx) -> Vec<String> {
    ["woman", "man", "other", "unknown"].iter().map(|g| ctx.t(&format!("project-gender-{g}"))).collect()
}

/// The report as a document: facts, the narrative, then each part's figures for the period.
fn report_document(ctx: &Ctx, inputs: store::ReportFacts, period: &Period) -> Document {
    let store::ReportFacts { initiative, facts, frame, narrative, events, activities, evaluations } = inputs;
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
    let mut sections_out = narrative_sections(ctx, &narrative, &ReportOf::Period(*period));

    // Goals and indicators.
    let records = facts.records();
    let indicator_rows: Vec<Vec<String>> = facts
        .indicators
        .iter()
        .map(|i| {
            let reading = i.definition.reading(period, &i.entries, records, today);
            [i.definition.name.clone(), i.goal.clone().unwrap_or_default()]
                .into_iter()
                .chain(reading_cells(ctx, &i.definition, reading))
                .collect()
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
    sections_out.push(Section::or_note(
        ctx.t("project-activities"),
        activity_table(ctx, activities.iter().filter(|a| in_period(a.planned_on) || in_period(a.done_on))),
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
        let counted = (ctx.t("project-report-counted"), attendance.head_counts.to_string());
        event_blocks.push(by_gender_table(
            ctx,
            "project-report-attendances",
            attendance.attendances_by_gender,
            Some(counted),
        ));
    }
    sections_out.push(Section::or_note(ctx.t("project-events"), event_blocks, || ctx.t("project-report-no-events")));

    // What the events' participants said of them.
    let events_in: Vec<store::Event> =
        events.iter().filter(|e| period.contains(scandinavian_date(e.starts_at))).cloned().collect();
    sections_out.push(super::evaluations::individual_section(ctx, &events_in, &evaluations));

    // Participants in individual-oriented activities.
    if !facts.participations.is_empty() {
        let by = participants_in(period, &facts.participations);
        let joined = facts.participations.iter().filter(|p| period.contains(p.joined_on)).count();
        let left = facts.participations.iter().filter(|p| p.left_on.is_some_and(|d| period.contains(d))).count();
        sections_out.push(Section {
            heading: ctx.t("project-participants"),
            blocks: vec![
                by_gender_table(ctx, "project-report-participants", by, None),
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

    Document {
        lang: ctx.locale.key().to_owned(),
        title: ctx.t_with("project-report-title", &[("period", period.key().into())]),
        subtitle: initiative.name,
        facts: doc_facts,
        sections: sections_out,
        generated: crate::pages::generated(ctx),
    }
}

async fn report_view(
    state: &AppState,
    member: &Member,
    initiative_id: i64,
    report: &ReportOf,
    shown_notice: Option<&str>,
    shown: Option<(&NarrativeInput, &FieldErrors)>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let (document, stored) = document_of(state, member, initiative_id, report).await?;
    let typed = NarrativeInput {
        summary: stored.summary,
        went_well: stored.went_well,
        difficulties: stored.difficulties,
        next_period: stored.next_period,
    };
    let none = FieldErrors::new();
    let (input, errors) = shown.unwrap_or((&typed, &none));
    let base = format!("/initiatives/{initiative_id}/reports/{}", report.key());
    let label = |field: &str| narrative_label(report, field);
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
                (error_summary(ctx, errors, &[("summary", ctx.t(&label("summary"))), ("went_well", ctx.t(&label("went_well"))),
                    ("difficulties", ctx.t(&label("difficulties"))), ("next_period", ctx.t(&label("next_period")))]))
                form.stacked method="post" action=(base) novalidate {
                    (csrf(ctx))
                    (forms::textarea(ctx, Field::new(ctx, "summary", "project-report-summary", errors), &input.summary))
                    (forms::textarea(ctx, Field::new(ctx, "went_well", "project-report-went-well", errors), &input.went_well))
                    (forms::textarea(ctx, Field::new(ctx, "difficulties", "project-report-difficulties", errors).hint(ctx.t("hint-project-report-difficulties")), &input.difficulties))
                    (forms::textarea(ctx, Field::new(ctx, "next_period", &label("next_period"), errors), &input.next_period))
                    div.actions { button type="submit" { (ctx.t("project-report-save")) } }
                }
            }
        }
        (sections(&document.sections))
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
        section aria-labelledby="final-report" {
            h2 #final-report { (ctx.t("project-report-final")) }
            p { (ctx.t("project-report-final-lead")) }
            p {
                a href=(format!("/initiatives/{id}/reports/final")) { (ctx.t("project-report-final-open")) }
                " · " (ctx.t(if written.iter().any(|k| k == "final") { "project-report-written" } else { "project-report-not-written" }))
            }
        }
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
    axum::extract::Path((id, report)): axum::extract::Path<(String, String)>,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let (id, report) = (crate::pages::parse_id(&id)?, report_of(&report)?);
    report_view(&state, &member, id, &report, query.notice.as_deref(), None).await
}

pub async fn save_report(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Path((id, report)): axum::extract::Path<(String, String)>,
    Submitted(input): Submitted<NarrativeInput>,
) -> Result<Response, AppError> {
    let (id, report) = (crate::pages::parse_id(&id)?, report_of(&report)?);
    let saved = match input.parse() {
        Ok(narrative) => store::save_narrative(&state.db, &member.scope, id, &report, &narrative).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/reports/{}?notice=saved", report.key()), &[])),
        Err(StoreError::Invalid(errors)) => {
            member.scope.role().can_edit_initiatives().then_some(()).ok_or(AppError::Forbidden)?;
            Ok(rejected(report_view(&state, &member, id, &report, None, Some((&input, &errors))).await?))
        }
        Err(other) => Err(other.into()),
    }
}

/// The report as PDF, Word or XLSX.
pub async fn report_file(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Path((id, report, format)): axum::extract::Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let (id, report) = (crate::pages::parse_id(&id)?, report_of(&report)?);
    let ctx = &member.ctx;
    let (document, _) = document_of(&state, &member, id, &report).await?;
    let name = format!("{} {}", document.title, document.subtitle);
    crate::pages::document_file(document, &format, &["pdf", "docx", "xlsx"], &name, ctx.locale).await
}
