//! Results with charts, strategies and agreement; the action plan; CSV, XLSX and PDF documents.

// The area's shared imports and helpers live in mod.rs.
use super::*;

/// Results: scores, stages, charts, the lowest dimensions, strategies and agreement.
pub async fn results(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    let (assessment, access) = readiness::get(&state.db, &member.scope, id).await?;
    if !access.read_results {
        return Err(AppError::NotFound);
    }
    let instrument = assessment.instrument();
    let (scores, incomplete) = readiness::results_input(&state.db, &member.scope, &assessment).await?;
    let results = scores.as_ref().map(scoring::results);
    let previous = readiness::previous_reported(&state.db, &member.scope, &assessment)
        .await?
        .map(|(id, reported_at, scores)| (id, reported_at, scoring::results(&scores)));
    let plan = readiness::actions(&state.db, &member.scope, &assessment).await?;
    let ctx = &member.ctx;
    let body = html! {
        p.breadcrumb { a href=(format!("/assessments/{}", assessment.id)) { (ctx.t("assessment-title")) ": " (assessment.measured) } }
        h1 { (ctx.t("results-title")) ": " (assessment.measured) }
        p { (instrument.name.get(ctx.locale)) " · " (assessment.issue) " · " (status_label(ctx, assessment.status)) }
        @if incomplete > 0 { div.notice.warning role="status" { (ctx.t_with("results-incomplete", &[("n", (incomplete as f64).into())])) } }
        @match &results {
            None => p { (ctx.t("results-none")) },
            Some(r) => {
                (results_body(ctx, &assessment, instrument, r, previous.as_ref().map(|(id, at, r)| (*id, *at, r))))
                (action_plan(ctx, &assessment, access, instrument, r, &plan, &PlanForm::new(&state, &member).await?))
            }
        }
        p.actions {
            @if results.is_some() { a.button.primary href=(format!("/assessments/{}/report.pdf", assessment.id)) { (ctx.t("results-download-pdf")) } }
            // Every score, tied to informants: for the team and those who manage, not viewers.
            @if access.read_interviews {
                a.button href=(format!("/assessments/{}/scores.csv", assessment.id)) { (ctx.t("results-download-csv")) }
                a.button href=(format!("/assessments/{}/scores.xlsx", assessment.id)) { (ctx.t("results-download-xlsx")) }
            }
        }
    };
    Ok(page(ctx, &ctx.t("results-title"), Nav::Initiatives, body))
}

pub(super) fn results_body(
    ctx: &Ctx,
    assessment: &Assessment,
    instrument: &Instrument,
    r: &Results,
    previous: Option<(i64, i64, &Results)>,
) -> Markup {
    let change = |key: &str, now: parat_core::readiness::Fraction| {
        let (_, _, before) = previous?;
        let then = before.dimensions.iter().find(|d| d.key == key)?.result.score;
        let delta = (now.hundredths_for_display() - then.hundredths_for_display()) as f64 / 100.0;
        let sign = if delta > 0.0 { "+" } else { "" };
        Some(format!("{sign}{}", ctx.locale.format_decimal(delta, 2)))
    };
    let name_of = |key: &str| {
        instrument.dimension(key).map(|d| d.name.get(ctx.locale).to_owned()).unwrap_or_else(|| key.to_owned())
    };
    let points: Vec<Point> = r
        .dimensions
        .iter()
        .map(|d| Point { label: d.key, value: d.result.score.to_f64(), shown: score_text(ctx, d.result.score) })
        .collect();
    let description = r
        .dimensions
        .iter()
        .map(|d| format!("{} {}: {}", d.key, name_of(d.key), score_text(ctx, d.result.score)))
        .collect::<Vec<_>>()
        .join("; ");
    let overall_stage = instrument.stage(r.overall.stage);
    let strategies = instrument.strategies_up_to(r.overall.stage);
    html! {
        @for warning in &r.warnings {
            div.notice.warning role="status" { (ctx.t(&format!("results-warning-{}", warning.code().replace('_', "-")))) }
        }
        div.overall {
            p.big { (ctx.t("results-overall")) ": " strong { (score_text(ctx, r.overall.score)) } }
            @if let Some(stage) = overall_stage {
                p { (ctx.t("results-stage")) " " (stage.level) ": " strong { (stage.name.with_issue(ctx.locale, &assessment.issue)) } }
                p { (stage.description.with_issue(ctx.locale, &assessment.issue)) }
                p { strong { (ctx.t("results-goal")) ": " } (stage.goal.with_issue(ctx.locale, &assessment.issue)) }
            }
            p.hint { (ctx.t_with("results-based-on", &[("n", (r.interviews as f64).into())])) }
        }
        div.charts {
            (charts::radar(&ctx.t("results-radar"), &description, &points))
            (charts::bars(&ctx.t("results-bars"), &description, &points, &r.lowest))
        }
        h2 { (ctx.t("results-dimensions")) }
        div.table-wrap { table {
            caption.visually-hidden { (ctx.t("results-dimensions")) }
            thead { tr {
                th scope="col" { (ctx.t("dimension")) }
                th scope="col" { (ctx.t("results-score")) }
                th scope="col" { (ctx.t("results-stage")) }
                @if let Some((_, reported_at, _)) = previous {
                    th scope="col" { (ctx.t_with("results-change-since", &[("date", ctx.date_time(reported_at).into())])) }
                }
            } }
            tbody { @for d in &r.dimensions {
                @let lowest = r.lowest.contains(&d.key);
                tr.lowest[lowest] {
                    th scope="row" { (d.key) ". " (name_of(d.key)) @if lowest { " " span.badge.disagree { (ctx.t("results-focus")) } } }
                    td { (score_text(ctx, d.result.score)) }
                    td { (d.result.stage) " – " (instrument.stage(d.result.stage).map(|s| s.name.with_issue(ctx.locale, &assessment.issue)).unwrap_or_default()) }
                    @if previous.is_some() { td { (change(d.key, d.result.score).unwrap_or_else(|| "–".into())) } }
                }
            } }
        } }
        @if let Some((previous_id, _, _)) = previous {
            p { a href=(format!("/assessments/{previous_id}/results")) { (ctx.t("results-previous")) } }
        }
        h2 { (ctx.t("results-strategies")) }
        p { (ctx.t_with("results-strategies-intro", &[("dimensions", r.lowest.iter().map(|k| name_of(k)).collect::<Vec<_>>().join(", ").into())])) }
        ul { @for (level, strategy) in &strategies { li { (strategy.with_issue(ctx.locale, &assessment.issue)) " " span.hint { "(" (ctx.t("results-stage")) " " (level) ")" } } } }
        h2 { (ctx.t("results-agreement")) }
        @match &r.agreement {
            None => p { (ctx.t("results-warning-no-scorer-pairs")) },
            Some(a) => dl.details {
                dt { (ctx.t("agreement-exact")) } dd { (ctx.locale.format_decimal(a.exact * 100.0, 0)) " %" }
                dt { (ctx.t("agreement-within-one")) } dd { (ctx.locale.format_decimal(a.within_one * 100.0, 0)) " %" }
                dt { (ctx.t("agreement-kappa")) } dd { (a.weighted_kappa.map(|k| ctx.locale.format_decimal(k, 2)).unwrap_or_else(|| "–".into())) }
                dt { (ctx.t("agreement-pairs")) } dd { (a.pairs) }
            },
        }
        h2 { (ctx.t("results-method")) }
        p { (ctx.t("results-method-text")) }
    }
}

/// Every score as CSV (semicolons and a BOM, as Swedish and Danish Excel expect). The scorers'
/// own scores stay empty until both have submitted an interview.
pub async fn scores_csv(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let (assessment, _) = readiness::get(&state.db, &member.scope, id).await?;
    let rows = readiness::export_rows(&state.db, &member.scope, &assessment).await?;
    let ctx = &member.ctx;
    let number = |v: Option<f64>| {
        v.map(|v| ctx.locale.format_decimal(v, if v.fract() == 0.0 { 0 } else { 1 })).unwrap_or_default()
    };
    let header = [
        ctx.t("interview"),
        ctx.t("informant"),
        ctx.t("dimension"),
        ctx.t("csv-first-scorer"),
        ctx.t("csv-second-scorer"),
        ctx.t("consensus-agreed"),
        ctx.t("consensus-rationale"),
    ];
    let csv = csv_document(
        &header,
        rows.into_iter().map(|row| {
            vec![
                row.interview.to_string(),
                row.informant,
                row.dimension,
                number(row.first_scorer),
                number(row.second_scorer),
                number(row.consensus),
                row.rationale,
            ]
        }),
    );
    Ok(download(
        csv.into_bytes(),
        "text/csv; charset=utf-8",
        &format!("{}.csv", file_name(ctx, "file-scores", &assessment)),
    ))
}

/// Every score as an XLSX workbook, with the same blind rule as the CSV.
pub async fn scores_xlsx(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    use parat_reports::xlsx::{self, Cell};
    let (assessment, _) = readiness::get(&state.db, &member.scope, id).await?;
    let rows = readiness::export_rows(&state.db, &member.scope, &assessment).await?;
    let ctx = &member.ctx;
    let headers = [
        ctx.t("interview"),
        ctx.t("informant"),
        ctx.t("dimension"),
        ctx.t("csv-first-scorer"),
        ctx.t("csv-second-scorer"),
        ctx.t("consensus-agreed"),
        ctx.t("consensus-rationale"),
    ];
    let number = |v: Option<f64>| v.map(Cell::Number).unwrap_or(Cell::Empty);
    let cells: Vec<Vec<Cell>> = rows
        .into_iter()
        .map(|r| {
            vec![
                Cell::Number(r.interview as f64),
                Cell::Text(r.informant),
                Cell::Text(r.dimension),
                number(r.first_scorer),
                number(r.second_scorer),
                number(r.consensus),
                Cell::Text(r.rationale),
            ]
        })
        .collect();
    // A summary first (what the results page shows in numbers), then every score, then the
    // action plan: one file a steering group's secretary can work from.
    let (scores, _) = readiness::results_input(&state.db, &member.scope, &assessment).await?;
    let results = scores.as_ref().map(scoring::results);
    let instrument = assessment.instrument();
    let text = |t: String| Cell::Text(t);
    let mut summary = Vec::new();
    if let Some(r) = &results {
        for d in &r.dimensions {
            let name = instrument.dimension(d.key).map(|x| x.name.get(ctx.locale).to_owned()).unwrap_or_default();
            summary.push(vec![
                text(format!("{}. {name}", d.key)),
                Cell::Number(d.result.score.hundredths_for_display() as f64 / 100.0),
                Cell::Number(f64::from(d.result.stage)),
            ]);
        }
        summary.push(vec![
            text(ctx.t("results-overall")),
            Cell::Number(r.overall.score.hundredths_for_display() as f64 / 100.0),
            Cell::Number(f64::from(r.overall.stage)),
        ]);
        summary.push(vec![]);
        summary.push(vec![text(ctx.t("results-based-on-interviews")), Cell::Number(r.interviews as f64)]);
        if let Some(a) = &r.agreement {
            summary.push(vec![text(ctx.t("agreement-exact")), Cell::Number((a.exact * 1000.0).round() / 10.0)]);
            summary
                .push(vec![text(ctx.t("agreement-within-one")), Cell::Number((a.within_one * 1000.0).round() / 10.0)]);
            summary.push(vec![
                text(ctx.t("agreement-kappa")),
                a.weighted_kappa.map(|k| Cell::Number((k * 100.0).round() / 100.0)).unwrap_or(Cell::Empty),
            ]);
            summary.push(vec![text(ctx.t("agreement-pairs")), Cell::Number(a.pairs as f64)]);
        }
    } else {
        summary.push(vec![text(ctx.t("results-none"))]);
    }
    let plan = readiness::actions(&state.db, &member.scope, &assessment).await?;
    let plan_rows = plan
        .into_iter()
        .map(|item| {
            vec![
                text(item.what),
                text(item.who),
                item.due_on.map(|d| text(d.to_string())).unwrap_or(Cell::Empty),
                text(ctx.t(&format!("plan-status-{}", item.status.key()))),
                item.done_on.map(|d| text(d.to_string())).unwrap_or(Cell::Empty),
                item.stage.map(|s| Cell::Number(s as f64)).unwrap_or(Cell::Empty),
            ]
        })
        .collect();
    let sheets = [
        xlsx::Sheet {
            name: ctx.t("xlsx-summary"),
            headers: vec![ctx.t("dimension"), ctx.t("results-score"), ctx.t("results-stage")],
            rows: summary,
        },
        xlsx::Sheet { name: ctx.t("results-score"), headers: headers.to_vec(), rows: cells },
        xlsx::Sheet {
            name: ctx.t("plan-title"),
            headers: vec![
                ctx.t("plan-what"),
                ctx.t("plan-who"),
                ctx.t("plan-due"),
                ctx.t("plan-status"),
                ctx.t("plan-done-on"),
                ctx.t("results-stage"),
            ],
            rows: plan_rows,
        },
    ];
    let bytes = blocking(move || xlsx::workbook(&sheets)).await?;
    Ok(download(bytes, crate::pages::XLSX, &format!("{}.xlsx", file_name(ctx, "file-scores", &assessment))))
}

/// The results as a PDF report for the steering group.
pub async fn report_pdf(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let (assessment, access) = readiness::get(&state.db, &member.scope, id).await?;
    if !access.read_results {
        return Err(AppError::NotFound);
    }
    let instrument = assessment.instrument();
    let r = computed_results(&state, &member, &assessment).await?;
    let ctx = &member.ctx;
    let name_of = |key: &str| {
        instrument.dimension(key).map(|d| d.name.get(ctx.locale).to_owned()).unwrap_or_else(|| key.to_owned())
    };
    let points: Vec<Point> = r
        .dimensions
        .iter()
        .map(|d| Point { label: d.key, value: d.result.score.to_f64(), shown: score_text(ctx, d.result.score) })
        .collect();
    let names: Vec<String> = r.dimensions.iter().map(|d| name_of(d.key)).collect();
    let chart = charts::radar_named(&ctx.t("results-radar"), &points, &names).into_string();
    // Everything the results page shows: the change since the previous assessment, and the plan.
    let previous = readiness::previous_reported(&state.db, &member.scope, &assessment)
        .await?
        .map(|(_, reported_at, scores)| (reported_at, scoring::results(&scores)));
    let change = |key: &str, now: parat_core::readiness::Fraction| -> String {
        let Some((_, before)) = &previous else { return String::new() };
        let Some(then) = before.dimensions.iter().find(|d| d.key == key).map(|d| d.result.score) else {
            return "–".into();
        };
        let delta = (now.hundredths_for_display() - then.hundredths_for_display()) as f64 / 100.0;
        format!("{}{}", if delta > 0.0 { "+" } else { "" }, ctx.locale.format_decimal(delta, 2))
    };
    let plan = readiness::actions(&state.db, &member.scope, &assessment).await?;
    let stage_name = |level: u8| {
        instrument.stage(level).map(|s| s.name.with_issue(ctx.locale, &assessment.issue)).unwrap_or_default()
    };
    let overall = instrument.stage(r.overall.stage);
    let mut summary = vec![format!(
        "{}: {} – {} {}: {}",
        ctx.t("results-overall"),
        score_text(ctx, r.overall.score),
        ctx.t("results-stage"),
        r.overall.stage,
        stage_name(r.overall.stage)
    )];
    if let Some(stage) = overall {
        summary.push(stage.description.with_issue(ctx.locale, &assessment.issue));
        summary.push(format!("{}: {}", ctx.t("results-goal"), stage.goal.with_issue(ctx.locale, &assessment.issue)));
    }
    summary.push(ctx.t_with(
        "results-strategies-intro",
        &[("dimensions", r.lowest.iter().map(|k| name_of(k)).collect::<Vec<_>>().join(", ").into())],
    ));
    summary.push(ctx.t_with("results-based-on", &[("n", (r.interviews as f64).into())]));
    let agreement: Vec<[String; 2]> = match &r.agreement {
        Some(a) => vec![
            [ctx.t("agreement-exact"), format!("{} %", ctx.locale.format_decimal(a.exact * 100.0, 0))],
            [ctx.t("agreement-within-one"), format!("{} %", ctx.locale.format_decimal(a.within_one * 100.0, 0))],
            [
                ctx.t("agreement-kappa"),
                a.weighted_kappa.map(|k| ctx.locale.format_decimal(k, 2)).unwrap_or_else(|| "–".into()),
            ],
            [ctx.t("agreement-pairs"), a.pairs.to_string()],
        ],
        None => vec![[ctx.t("results-warning-no-scorer-pairs"), String::new()]],
    };
    use parat_reports::pdf::{AssessmentReport, ReportDimension, ReportLabels, ReportTask};
    let report = AssessmentReport {
        lang: ctx.locale.key().to_owned(),
        title: format!("{}: {}", ctx.t("assessment-title"), assessment.measured),
        subtitle: format!(
            "{} · {} · {}",
            assessment.initiative_name,
            assessment.issue,
            instrument.name.get(ctx.locale)
        ),
        labels: ReportLabels {
            summary: ctx.t("pdf-summary"),
            dimensions: ctx.t("results-dimensions"),
            dimension: ctx.t("dimension"),
            score: ctx.t("results-score"),
            stage: ctx.t("results-stage"),
            focus: ctx.t("results-focus"),
            strategies: ctx.t("results-strategies"),
            agreement: ctx.t("results-agreement"),
            method: ctx.t("results-method"),
            warnings: ctx.t("pdf-warnings"),
            generated: ctx.t("pdf-generated"),
            change: previous.as_ref().map(|(at, _)| {
                let day = ctx.date(*at);
                ctx.t_with("results-change-since", &[("date", day.into())])
            }),
            plan: ctx.t("plan-title"),
            what: ctx.t("plan-what"),
            who: ctx.t("plan-who"),
            due: ctx.t("plan-due"),
            status: ctx.t("plan-status"),
            plan_empty: ctx.t("plan-empty"),
        },
        summary,
        warnings: r
            .warnings
            .iter()
            .map(|w| ctx.t(&format!("results-warning-{}", w.code().replace('_', "-"))))
            .collect(),
        chart,
        dimensions: r
            .dimensions
            .iter()
            .map(|d| ReportDimension {
                key: d.key.to_owned(),
                name: name_of(d.key),
                score: score_text(ctx, d.result.score),
                stage: d.result.stage,
                stage_name: stage_name(d.result.stage),
                meaning: instrument
                    .anchor(d.key, d.result.stage)
                    .map(|a| a.with_issue(ctx.locale, &assessment.issue))
                    .unwrap_or_default(),
                focus: r.lowest.contains(&d.key),
                change: change(d.key, d.result.score),
            })
            .collect(),
        strategies: instrument
            .strategies_up_to(r.overall.stage)
            .iter()
            .map(|(_, s)| s.with_issue(ctx.locale, &assessment.issue))
            .collect(),
        plan: plan
            .iter()
            .map(|item| ReportTask {
                what: item.what.clone(),
                who: item.who.clone(),
                due: item.due_on.map(|d| ctx.locale.format_date(d)).unwrap_or_else(|| "–".into()),
                status: ctx.t(&format!("plan-status-{}", item.status.key())),
            })
            .collect(),
        agreement,
        method: ctx.t("results-method-text"),
        generated: ctx.date_time(parat_store::now()),
    };
    let bytes = blocking(move || parat_reports::pdf::assessment_report(&report)).await?;
    Ok(download(bytes, "application/pdf", &format!("{}.pdf", file_name(ctx, "file-report", &assessment))))
}

/// The interview guide as a printable PDF, with the issue's name in the questions.
pub async fn guide_pdf(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let (assessment, access) = readiness::get(&state.db, &member.scope, id).await?;
    if !access.read_interviews {
        return Err(AppError::NotFound);
    }
    let instrument = assessment.instrument();
    let ctx = &member.ctx;
    let mut number = 0;
    let sections: Vec<serde_json::Value> = instrument
        .dimensions
        .iter()
        .map(|d| {
            let questions: Vec<serde_json::Value> = instrument
                .questions
                .iter()
                .filter(|q| q.dimension == d.key)
                .map(|q| {
                    number += 1;
                    serde_json::json!({ "number": number, "text": q.text.with_issue(ctx.locale, &assessment.issue), "rating": q.context_rating })
                })
                .collect();
            serde_json::json!({ "heading": format!("{}. {}", d.key, d.name.get(ctx.locale)), "questions": questions })
        })
        .collect();
    let data = serde_json::json!({
        "lang": ctx.locale.key(),
        "title": ctx.t("interview-guide"),
        "subtitle": format!("{} · {} · {}", assessment.measured, assessment.issue, instrument.name.get(ctx.locale)),
        "intro": ctx.t("pdf-guide-intro"),
        "labels": { "informant": ctx.t("informant"), "date": ctx.t("interview-held-on"), "rating": ctx.t("context-rating") },
        "sections": sections,
    });
    let bytes = blocking(move || parat_reports::pdf::render(parat_reports::pdf::INTERVIEW_GUIDE, &data)).await?;
    Ok(download(bytes, "application/pdf", &format!("{}.pdf", file_name(ctx, "file-guide", &assessment))))
}

/// A document's file name in the reader's language, naming what was measured.
fn file_name(ctx: &Ctx, message: &str, assessment: &Assessment) -> String {
    ctx.t_with(message, &[("measured", assessment.measured.clone().into())])
}
