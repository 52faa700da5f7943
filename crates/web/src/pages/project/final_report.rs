//! The final report of a project, to the board that gave it its mission: the report itself and
//! six more appendices — the activity plan, the activities carried out, the compilation of
//! individual evaluations, the attendance lists, the compilation of the project evaluation and
//! the budget accounting. It is one document, so the page, PDF, Word and XLSX hold the same.

use parat_core::locale::scandinavian_date;
use parat_core::periods::{Period, PeriodKind};
use parat_core::project::money::Amount;
use parat_core::project::{attendance_in, CostCategory, ReportOf};
use parat_reports::document::{Block, Document, Section};

use super::reports::{activity_table, by_gender_table, narrative_sections, reading_cells};
use super::*;

/// "Appendix n. Heading", in the reader's language.
fn appendix(ctx: &Ctx, n: u8, key: &str) -> String {
    ctx.t_with("project-final-appendix", &[("n", f64::from(n).into()), ("title", ctx.t(key).into())])
}

/// Amounts by category (budget over all years, outcome over all costs), with a total row; and
/// each funder's share of the budget and of the outcome.
fn budget_accounting(ctx: &Ctx, facts: &store::ProjectFacts, frame: &store::Frame) -> Vec<Block> {
    let sum = |amounts: &mut dyn Iterator<Item = Amount>| Amount::from_ore(amounts.map(Amount::ore).sum());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for &category in CostCategory::ALL.iter() {
        let budget = sum(&mut facts.budget_lines.iter().filter(|l| l.category == category).map(|l| l.amount));
        let outcome = sum(&mut facts.costs.iter().filter(|c| c.category == category).map(|c| c.amount));
        if budget != Amount::ZERO || outcome != Amount::ZERO {
            rows.push(vec![
                ctx.t(&format!("project-category-{}", category.key().replace('_', "-"))),
                budget.format(ctx.locale),
                outcome.format(ctx.locale),
                (budget - outcome).format(ctx.locale),
            ]);
        }
    }
    if rows.is_empty() {
        return Vec::new();
    }
    let budget = sum(&mut facts.budget_lines.iter().map(|l| l.amount));
    let outcome = sum(&mut facts.costs.iter().map(|c| c.amount));
    rows.push(vec![
        ctx.t("project-budget-total"),
        budget.format(ctx.locale),
        outcome.format(ctx.locale),
        (budget - outcome).format(ctx.locale),
    ]);
    let headers = ["project-budget-category", "project-budget-budget", "project-budget-outcome", "project-budget-left"];
    let mut blocks = vec![Block::Table { headers: headers.iter().map(|h| ctx.t(h)).collect(), rows, wide: None }];
    if !frame.funders.is_empty() {
        let funder_rows = frame
            .funders
            .iter()
            .map(|f| {
                vec![
                    f.name.clone(),
                    f.share.format(ctx.locale),
                    f.share.of(budget).format(ctx.locale),
                    f.share.of(outcome).format(ctx.locale),
                ]
            })
            .collect();
        let headers =
            ["project-budget-funder", "project-budget-share", "project-budget-budget", "project-budget-outcome"];
        blocks.push(Block::subheading(ctx.t("project-final-funders")));
        blocks.push(Block::Table {
            headers: headers.iter().map(|h| ctx.t(h)).collect(),
            rows: funder_rows,
            wide: None,
        });
    }
    blocks
}

/// Every indicator's value and status in each of its periods over the project, up to today.
fn indicator_blocks(ctx: &Ctx, facts: &store::ProjectFacts, first: time::Date, last: time::Date) -> Vec<Block> {
    let today = parat_store::now_date();
    let records = facts.records();
    let rows: Vec<Vec<String>> = facts
        .indicators
        .iter()
        .flat_map(|i| {
            // Periods not yet begun have nothing to show.
            let begun = Period::span(i.definition.every, first, last.min(today));
            begun.into_iter().map(move |period| {
                let reading = i.definition.reading(&period, &i.entries, records, today);
                [i.definition.name.clone(), period.key()]
                    .into_iter()
                    .chain(reading_cells(ctx, &i.definition, reading))
                    .collect::<Vec<String>>()
            })
        })
        .collect();
    let headers = [
        "project-indicator-name",
        "project-budget-period",
        "project-indicator-value",
        "project-indicator-target",
        "project-indicator-status",
        "project-indicator-comment",
    ];
    Block::table_if_any(headers.iter().map(|h| ctx.t(h)).collect(), rows, 5)
}

/// The final report as a document.
pub(super) async fn final_document(
    state: &AppState,
    member: &Member,
    inputs: store::ReportFacts,
) -> Result<Document, AppError> {
    let ctx = &member.ctx;
    let (db, scope) = (&state.db, &member.scope);
    let store::ReportFacts { initiative, facts, frame, narrative, events, activities, evaluations: answered } = inputs;
    let today = parat_store::now_date();
    let date = |d: time::Date| ctx.locale.format_date(d);

    // The project's time: its dates, or from its first record to today.
    let earliest = events.iter().map(|e| scandinavian_date(e.starts_at)).min();
    let first = initiative.start_date.or(earliest).unwrap_or(today);
    let last = initiative.end_date.unwrap_or(today).max(first);
    let mut doc_facts = vec![
        [ctx.t("project-report-initiative"), initiative.name.clone()],
        [ctx.t("project-final-time"), format!("{} – {}", date(first), date(last))],
        [ctx.t("project-frame-owner"), super::frame::owner_organisation(ctx)],
    ];
    if let Some(owner) = &initiative.owner_name {
        doc_facts.push([ctx.t("project-frame-responsible"), owner.clone()]);
    }
    if !frame.funders.is_empty() {
        let funders: Vec<String> =
            frame.funders.iter().map(|f| format!("{} {}", f.name, f.share.format(ctx.locale))).collect();
        doc_facts.push([ctx.t("project-funders"), funders.join(", ")]);
    }

    // Appendix 1: the report — the coordinator's words, what was done in figures, the indicators.
    let mut report = vec![Block::subheading(ctx.t("project-final-in-words"))];
    for section in narrative_sections(ctx, &narrative, &ReportOf::Final) {
        report.push(Block::paragraph(section.heading));
        report.extend(section.blocks);
    }
    report.push(Block::subheading(ctx.t("project-final-in-figures")));
    let years = Period::span(PeriodKind::Year, first, last);
    let mut attendance = parat_core::project::PeriodAttendance::default();
    for year in &years {
        let of_year = attendance_in(year, &facts.events);
        attendance.events += of_year.events;
        attendance.head_counts += of_year.head_counts;
        attendance.attendances += of_year.attendances;
        attendance.attendances_by_gender.add_all(of_year.attendances_by_gender);
    }
    let planned = activities.iter().filter(|a| a.planned_on.is_some()).count();
    let done = activities.iter().filter(|a| a.done_on.is_some()).count();
    report.push(Block::paragraph(ctx.t_with(
        "project-final-figures",
        &[
            ("events", f64::from(attendance.events).into()),
            ("planned", (planned as f64).into()),
            ("done", (done as f64).into()),
        ],
    )));
    if attendance.events > 0 {
        let counted = (ctx.t("project-report-counted"), attendance.head_counts.to_string());
        report.push(by_gender_table(
            ctx,
            "project-report-attendances",
            attendance.attendances_by_gender,
            Some(counted),
        ));
    }
    if !facts.participations.is_empty() {
        let mut by = parat_core::project::ByGender::default();
        facts
            .participations
            .iter()
            .filter(|p| p.joined_on <= last && p.left_on.is_none_or(|left| left >= first))
            .for_each(|p| by.add(p.gender));
        report.push(by_gender_table(ctx, "project-report-participants", by, None));
    }
    report.push(Block::subheading(ctx.t("project-indicators")));
    let indicators = indicator_blocks(ctx, &facts, first, last);
    if indicators.is_empty() {
        report.push(Block::note(ctx.t("project-indicators-none")));
    }
    report.extend(indicators);

    // Appendix 2: the activity plan, with who is responsible, the goal served and the cost.
    let plan_rows: Vec<Vec<String>> = activities
        .iter()
        .filter(|a| a.planned_on.is_some())
        .map(|a| {
            vec![
                a.title.clone(),
                a.planned_on.map(date).unwrap_or_default(),
                a.responsible.clone(),
                a.goal.clone().unwrap_or_default(),
                a.planned_cost.map(|c| c.format(ctx.locale)).unwrap_or_default(),
            ]
        })
        .collect();
    let plan_headers = [
        "project-activity-title",
        "project-activity-planned-on",
        "project-activity-responsible",
        "project-activity-goal",
        "project-activity-planned-cost",
    ];

    // Appendix 5: each event's attendance list (a read of personal data, audited per event).
    let mut lists = Vec::new();
    for event in &events {
        lists.push(Block::subheading(format!("{} · {}", event.title, ctx.date_time(event.starts_at))));
        let people = store::attendees(db, scope, event.id).await?;
        let gender = |g: parat_core::project::Gender| ctx.t(&format!("project-gender-{}", g.key()));
        let rows: Vec<Vec<String>> = people
            .iter()
            .map(|p| vec![p.name.clone(), p.organisation.clone(), p.unit.clone(), gender(p.gender.0)])
            .collect();
        let headers = [
            "project-attendee-name",
            "project-attendee-organisation",
            "project-attendee-unit",
            "project-attendee-gender",
        ];
        lists.extend(Block::table_if_any(headers.iter().map(|h| ctx.t(h)).collect(), rows, 0));
        lists.push(Block::note(ctx.t_with(
            "project-came-text",
            &[("named", (people.len() as f64).into()), ("counted", f64::from(event.head_count).into())],
        )));
    }

    let individual = super::evaluations::individual_section(ctx, &events, &answered);
    let project_evaluation = super::evaluations::project_section(ctx, &answered);
    let sections = vec![
        Section { heading: appendix(ctx, 1, "project-final-report"), blocks: report },
        Section::or_note(
            appendix(ctx, 2, "project-final-plan"),
            Block::table_if_any(plan_headers.iter().map(|h| ctx.t(h)).collect(), plan_rows, 0),
            || ctx.t("project-activities-none"),
        ),
        Section::or_note(
            appendix(ctx, 3, "project-final-done"),
            activity_table(ctx, activities.iter().filter(|a| a.done_on.is_some())),
            || ctx.t("project-report-no-activities"),
        ),
        Section { heading: appendix(ctx, 4, "project-evaluations-individual"), blocks: individual.blocks },
        Section::or_note(appendix(ctx, 5, "project-final-attendance"), lists, || ctx.t("project-report-no-events")),
        Section {
            heading: appendix(ctx, 6, "project-evaluations-project-compiled"),
            blocks: project_evaluation.blocks,
        },
        Section::or_note(appendix(ctx, 7, "project-final-budget"), budget_accounting(ctx, &facts, &frame), || {
            ctx.t("project-budget-lines-none")
        }),
    ];
    Ok(Document {
        lang: ctx.locale.key().to_owned(),
        title: ctx.t("project-report-final"),
        subtitle: initiative.name,
        facts: doc_facts,
        sections,
        generated: crate::pages::generated(ctx),
    })
}
