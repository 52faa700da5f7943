//! The county report: the campaign's reported measurements compared per dimension and stage,
//! the county's distribution, the most common lowest dimensions and the change since the
//! previous campaign (for a campaign by questionnaire: scale means, the items most often lowest
//! and the change in the county's means) — on a page, and as PDF, Word and XLSX from the same
//! content. The board
//! reads it named or anonymised and chooses whether to share it with those who took part.

use parat_core::campaign::county::{county_report, CountyReport, Label, Naming, Sharing};
use parat_core::campaign::survey::{survey_report, SurveyReport};
use parat_core::questionnaire::Definition;
use parat_core::readiness::instrument::builtin_by_id;
use parat_core::readiness::{Edition, Fraction};
use parat_reports::document::{Block, Document, Section};
use parat_store::campaign::{CountyFigures, CountyMeasurements};
use serde::Deserialize;

use super::*;
use crate::pages::readiness::score_text;
use crate::views::document::sections;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CountyQuery {
    /// The board's choice: `anonymised`, or every name.
    names: String,
    notice: Option<String>,
}

impl CountyQuery {
    /// How the reader sees the others: the board as it chooses, an organisation as shared.
    fn naming(&self, data: &CountyMeasurements, reader: i64) -> Naming {
        match (data.board, data.campaign.report_sharing) {
            (true, _) if self.names == "anonymised" => Naming::Anonymised { own: None },
            (true, _) | (false, Sharing::Named) => Naming::Named,
            (false, _) => Naming::Anonymised { own: Some(reader) },
        }
    }

    fn suffix(&self) -> &'static str {
        match self.names.as_str() {
            "anonymised" => "?names=anonymised",
            _ => "",
        }
    }
}

/// The dimensions of an edition with their names in the reader's language.
fn dimension_names(ctx: &Ctx, edition: Edition) -> Vec<(&'static str, String)> {
    let instrument = builtin_by_id(&format!("crm-{}", edition.key()));
    edition
        .dimension_keys()
        .iter()
        .map(|key| {
            let name = instrument.and_then(|i| i.dimension(key)).map(|d| d.name.get(ctx.locale).to_owned());
            (*key, name.map_or_else(|| (*key).to_owned(), |n| format!("{key} {n}")))
        })
        .collect()
}

fn label_text(ctx: &Ctx, label: &Label, own: bool) -> String {
    match (label, own) {
        (Label::Named(name), true) => ctx.t_with("campaign-county-own", &[("name", name.clone().into())]),
        (Label::Named(name), false) => name.clone(),
        (Label::Numbered(n), _) => ctx.t_with("campaign-county-numbered", &[("n", (*n as i64).into())]),
    }
}

fn change_text(ctx: &Ctx, then: Fraction, now: Fraction) -> String {
    signed(ctx, (now.hundredths_for_display() - then.hundredths_for_display()) as f64 / 100.0)
}

/// A change with its sign, to two decimals: "+0,25", "−0,10", "0,00".
fn signed(ctx: &Ctx, delta: f64) -> String {
    let sign = if delta > 0.0 { "+" } else { "" };
    format!("{sign}{}", ctx.locale.format_decimal(delta, 2))
}

/// Where the work needs to start: the lead and one line per dimension (or statement) with how
/// many of the `total` organisations have it among their lowest; `none` when nothing is.
fn lowest_blocks(ctx: &Ctx, (lead, none): (String, String), counted: Vec<(String, u32)>, total: usize) -> Vec<Block> {
    if counted.is_empty() {
        return vec![Block::note(none)];
    }
    let lines = counted.into_iter().map(|(name, count)| {
        ctx.t_with(
            "campaign-county-lowest-count",
            &[("dimension", name.into()), ("count", i64::from(count).into()), ("total", (total as i64).into())],
        )
    });
    vec![Block::paragraph(lead), Block::list(lines.collect::<Vec<_>>())]
}

/// The change since the previous campaign: a note when there is none, or `not_comparable`
/// when it reported nothing that compares; otherwise the lead and a table then–now–change,
/// headed by `first` (dimension or scale), its rows made only then.
fn change_blocks(
    ctx: &Ctx,
    (previous, measured): (Option<&str>, Option<usize>),
    not_comparable: impl FnOnce(&str) -> String,
    first: String,
    rows: impl FnOnce() -> Vec<Vec<String>>,
) -> Vec<Block> {
    match (previous, measured) {
        (None, _) => vec![Block::note(ctx.t("campaign-county-no-previous"))],
        (Some(name), None) => vec![Block::note(not_comparable(name))],
        (Some(name), Some(measured)) => {
            let headers = vec![
                first,
                ctx.t("campaign-county-then"),
                ctx.t("campaign-county-now"),
                ctx.t("campaign-county-change"),
            ];
            vec![
                Block::paragraph(ctx.t_with(
                    "campaign-county-change-lead",
                    &[("previous", name.to_owned().into()), ("count", (measured as i64).into())],
                )),
                Block::Table { headers, rows: rows(), wide: Some(0) },
            ]
        }
    }
}

fn report_sections(ctx: &Ctx, report: &CountyReport, previous: Option<&str>, anonymised: bool) -> Vec<Section> {
    let names = dimension_names(ctx, report.edition);
    let total = report.rows.len();
    let compared = report.previous_measured.is_some();

    let mut headers = vec![ctx.t("campaign-county-organisation")];
    headers.extend(names.iter().map(|(key, _)| (*key).to_owned()));
    headers.extend([ctx.t("campaign-county-overall-score"), ctx.t("campaign-county-overall-stage")]);
    headers.push(ctx.t("campaign-county-lowest-own"));
    if compared {
        headers.push(ctx.t("campaign-county-previous-stage"));
    }
    let rows = report
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![label_text(ctx, &row.label, row.own)];
            cells.extend(row.dimensions.iter().map(|d| d.stage.to_string()));
            cells.extend([score_text(ctx, row.overall.score), row.overall.stage.to_string()]);
            cells.push(row.lowest.join(", "));
            if compared {
                cells.push(row.previous_overall.map(|p| p.stage.to_string()).unwrap_or_default());
            }
            cells
        })
        .collect();
    let mut organisations = vec![Block::Table { headers, rows, wide: Some(0) }];
    organisations.push(Block::note(ctx.t("campaign-county-organisations-note")));
    organisations.push(Block::list(names.iter().map(|(_, name)| name.clone())));
    if anonymised {
        organisations.push(Block::note(ctx.t("campaign-county-anonymised-note")));
    }

    let mut headers = vec![ctx.t("campaign-county-dimension")];
    headers.extend((1..=9).map(|stage| stage.to_string()));
    headers.extend([ctx.t("campaign-county-mean"), ctx.t("campaign-county-mean-stage")]);
    let rows = report
        .dimensions
        .iter()
        .zip(&names)
        .map(|(d, (_, name))| {
            let mut cells = vec![name.clone()];
            cells.extend(d.stages.iter().map(u32::to_string));
            cells.extend([score_text(ctx, d.mean.score), d.mean.stage.to_string()]);
            cells
        })
        .collect();
    let distribution =
        vec![Block::Table { headers, rows, wide: Some(0) }, Block::note(ctx.t("campaign-county-distribution-note"))];

    let name_of = |key: &str| names.iter().find(|(k, _)| *k == key).map_or_else(|| key.to_owned(), |n| n.1.clone());
    let lowest = lowest_blocks(
        ctx,
        (ctx.t("campaign-county-lowest-lead"), ctx.t("campaign-county-no-lowest")),
        report.most_often_lowest.iter().map(|(key, count)| (name_of(key), *count)).collect(),
        total,
    );
    let change = change_blocks(
        ctx,
        (previous, report.previous_measured),
        |name| ctx.t_with("campaign-county-not-comparable", &[("previous", name.to_owned().into())]),
        ctx.t("campaign-county-dimension"),
        || {
            report
                .dimensions
                .iter()
                .zip(&names)
                .map(|(d, (_, dimension))| {
                    let then = d.previous_mean.map(|p| score_text(ctx, p.score)).unwrap_or_default();
                    let delta = d.previous_mean.map(|p| change_text(ctx, p.score, d.mean.score)).unwrap_or_default();
                    vec![dimension.clone(), then, score_text(ctx, d.mean.score), delta]
                })
                .collect()
        },
    );
    vec![
        Section { heading: ctx.t("campaign-county-organisations"), blocks: organisations },
        Section { heading: ctx.t("campaign-county-distribution"), blocks: distribution },
        Section { heading: ctx.t("campaign-county-lowest"), blocks: lowest },
        Section { heading: ctx.t("campaign-county-change-heading"), blocks: change },
    ]
}

fn mean_text(ctx: &Ctx, mean: Option<f64>) -> String {
    mean.map_or_else(|| "–".to_owned(), |m| ctx.locale.format_decimal(m, 2))
}

/// The report of a campaign by questionnaire: each organisation's scale means, the county's,
/// the items most often lowest and the change since the previous campaign.
fn survey_sections(
    ctx: &Ctx,
    definition: &Definition,
    report: &SurveyReport,
    previous: Option<&str>,
    anonymised: bool,
) -> Vec<Section> {
    let locale = ctx.locale;
    let scale_names: Vec<String> = definition.scales.iter().map(|s| s.name.get(locale).to_owned()).collect();
    let item_name = |id: &str| definition.item(id).map_or_else(|| id.to_owned(), |i| i.text.get(locale).to_owned());
    let issue = ctx.t("campaign-survey-issue");
    // A statement in a list line, without its full stop: "…att fungera: 2 av 3 organisationer".
    let item_text = |id: &str| item_name(id).replace("{issue}", &issue).trim_end_matches('.').to_owned();
    let total = report.rows.len();

    let mut headers = vec![ctx.t("campaign-county-organisation"), ctx.t("campaign-survey-responses")];
    headers.extend(scale_names.iter().cloned());
    let rows = report
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![label_text(ctx, &row.label, row.own), row.responses.to_string()];
            cells.extend(row.scales.iter().map(|m| mean_text(ctx, *m)));
            cells
        })
        .collect();
    let mut organisations =
        vec![Block::Table { headers, rows, wide: Some(0) }, Block::note(ctx.t("campaign-survey-organisations-note"))];
    if anonymised {
        organisations.push(Block::note(ctx.t("campaign-survey-anonymised-note")));
    }

    let headers = vec![ctx.t("campaign-survey-scale"), ctx.t("campaign-survey-counted"), ctx.t("campaign-county-mean")];
    let rows = report
        .scales
        .iter()
        .zip(&scale_names)
        .map(|(scale, name)| vec![name.clone(), scale.organisations.to_string(), mean_text(ctx, scale.mean)])
        .collect();
    let county = vec![Block::Table { headers, rows, wide: Some(0) }, Block::note(ctx.t("campaign-survey-county-note"))];

    let lowest = lowest_blocks(
        ctx,
        (ctx.t("campaign-survey-lowest-lead"), ctx.t("campaign-survey-no-lowest")),
        report.most_often_lowest.iter().map(|(id, count)| (item_text(id), *count)).collect(),
        total,
    );
    let change = change_blocks(
        ctx,
        (previous, report.previous_measured),
        |name| ctx.t_with("campaign-survey-not-comparable", &[("previous", name.to_owned().into())]),
        ctx.t("campaign-survey-scale"),
        || {
            report
                .scales
                .iter()
                .zip(&scale_names)
                .map(|(scale, name)| {
                    let delta = match (scale.previous_mean, scale.mean) {
                        (Some(then), Some(now)) => signed(ctx, ((now - then) * 100.0).round() / 100.0),
                        _ => String::new(),
                    };
                    vec![name.clone(), mean_text(ctx, scale.previous_mean), mean_text(ctx, scale.mean), delta]
                })
                .collect()
        },
    );
    vec![
        Section { heading: ctx.t("campaign-survey-organisations"), blocks: organisations },
        Section { heading: ctx.t("campaign-survey-county"), blocks: county },
        Section { heading: ctx.t("campaign-survey-lowest"), blocks: lowest },
        Section { heading: ctx.t("campaign-county-change-heading"), blocks: change },
    ]
}

/// The report as a document; with nothing reported yet, a note says so.
fn county_document(ctx: &Ctx, data: &CountyMeasurements, naming: Naming) -> Document {
    let campaign = &data.campaign;
    let previous = data.previous.as_deref();
    let anonymised = matches!(naming, Naming::Anonymised { .. });
    let sections = match &data.figures {
        CountyFigures::Stages { measured, previous: earlier } => county_report(measured, Some(earlier), naming)
            .map(|report| report_sections(ctx, &report, previous, anonymised)),
        CountyFigures::Survey { definition, measured, previous: earlier } => {
            survey_report(definition, measured, Some(earlier), naming)
                .map(|report| survey_sections(ctx, definition, &report, previous, anonymised))
        }
    };
    let facts = vec![
        [ctx.t("campaign-owner"), campaign.owner_name.clone()],
        [
            ctx.t("campaign-period"),
            format!("{} – {}", ctx.locale.format_date(campaign.starts_on), ctx.locale.format_date(campaign.ends_on)),
        ],
        [ctx.t("campaign-instrument"), super::instrument_name(ctx, &campaign.instrument_id)],
        [ctx.t("campaign-county-reported"), data.figures.reported().to_string()],
        [
            ctx.t("campaign-county-naming"),
            ctx.t(if anonymised { "campaign-county-naming-anonymised" } else { "campaign-county-naming-named" }),
        ],
    ];
    let sections = sections.unwrap_or_else(|| {
        vec![Section {
            heading: ctx.t("campaign-county-organisations"),
            blocks: vec![Block::note(ctx.t("campaign-county-none"))],
        }]
    });
    Document {
        lang: ctx.locale.key().to_owned(),
        title: ctx.t("campaign-county-title"),
        subtitle: campaign.name.clone(),
        facts,
        sections,
        generated: crate::pages::generated(ctx),
    }
}

/// The report's page: the board with its naming choice, the downloads and the sharing; an
/// organisation that took part, as shared.
pub async fn county_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<CountyQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let data = store::county_measurements(&state.db, &member.scope, id).await?;
    let naming = query.naming(&data, member.scope.org_id());
    let document = county_document(ctx, &data, naming);
    let file = |format: &str| format!("/campaigns/{id}/county/{format}{}", query.suffix());
    let sharing: Vec<(String, String)> = Sharing::ALL
        .iter()
        .map(|s| (s.key().to_owned(), ctx.t(&format!("campaign-county-sharing-{}", s.key().replace('_', "-")))))
        .collect();
    let back = match data.board {
        true => format!("/campaigns/{id}"),
        false => "/campaigns#offers".to_owned(),
    };
    let body = html! {
        p.breadcrumb { a href=(back) { (data.campaign.name) } }
        h1 { (document.title) }
        (notice(ctx, query.notice.as_deref()))
        dl.details { @for [label, value] in &document.facts { dt { (label) } dd { (value) } } }
        @if data.board {
            form.filters method="get" action=(format!("/campaigns/{id}/county")) {
                (forms::select(ctx, Field::new(ctx, "names", "campaign-county-naming", &FieldErrors::new()),
                    &[("named".to_owned(), ctx.t("campaign-county-naming-named")), ("anonymised".to_owned(), ctx.t("campaign-county-naming-anonymised"))],
                    if query.names == "anonymised" { "anonymised" } else { "named" }, None))
                div.actions { button type="submit" { (ctx.t("campaign-county-show")) } }
            }
        }
        p {
            a href=(file("pdf")) download { (ctx.t("campaign-county-pdf")) } " · "
            a href=(file("docx")) download { (ctx.t("campaign-county-docx")) } " · "
            a href=(file("xlsx")) download { (ctx.t("campaign-county-xlsx")) }
        }
        (sections(&document.sections))
        @if data.board && member.scope.role().can_edit_initiatives() {
            section aria-labelledby="sharing" {
                h2 #sharing { (ctx.t("campaign-county-sharing")) }
                p.hint { (ctx.t("campaign-county-sharing-hint")) }
                form.stacked method="post" action=(format!("/campaigns/{id}/county/sharing")) {
                    (csrf(ctx))
                    (forms::select(ctx, Field::new(ctx, "sharing", "campaign-county-sharing", &FieldErrors::new()), &sharing, data.campaign.report_sharing.key(), None))
                    div.actions { button type="submit" { (ctx.t("save")) } }
                }
            }
        }
    };
    Ok(page(ctx, &document.title, Nav::Portfolio, body))
}

/// The report as PDF, Word or XLSX.
pub async fn county_file(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Path((id, format)): axum::extract::Path<(String, String)>,
    Query(query): Query<CountyQuery>,
) -> Result<Response, AppError> {
    let id = crate::pages::parse_id(&id)?;
    let data = store::county_measurements(&state.db, &member.scope, id).await?;
    let document = county_document(&member.ctx, &data, query.naming(&data, member.scope.org_id()));
    let name = format!("{} – {}", document.title, data.campaign.name);
    crate::pages::document_file(document, &format, &["pdf", "docx", "xlsx"], &name, member.ctx.locale).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SharingForm {
    sharing: String,
}

/// The board shares the report with those who took part, or takes it back.
pub async fn set_sharing(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(form): Submitted<SharingForm>,
) -> Result<Response, AppError> {
    // Another organisation's campaign is not found, whatever was sent.
    store::campaign(&state.db, &member.scope, id).await?;
    let sharing = Sharing::parse(form.sharing.trim())
        .map_err(|_| AppError::Invalid(FieldErrors::single("sharing", parat_core::Problem::UnknownChoice)))?;
    store::set_report_sharing(&state.db, &member.scope, id, sharing).await?;
    Ok(redirect_with_cookies(&format!("/campaigns/{id}/county?notice=saved#sharing"), &[]))
}
