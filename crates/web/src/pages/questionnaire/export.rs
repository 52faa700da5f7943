//! A round's answers as CSV and XLSX: one row per response, each question a column, then the
//! scale scores; and, in the workbook, a sheet of the scales' summaries. An anonymous round is
//! exported only from its threshold on, and a group smaller than the threshold is left blank.

use parat_core::questionnaire::{self, ScaleScores, Threshold};
use parat_reports::xlsx::{self, Cell};

use super::*;
use crate::error::NotNow;

/// The export's table: headers and rows of cells, the same for CSV and XLSX.
struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
    summary: Vec<Vec<Cell>>,
    summary_headers: Vec<String>,
}

async fn table(state: &AppState, member: &Member, round: &Round) -> Result<Table, AppError> {
    let ctx = &member.ctx;
    let responses = store::submitted(&state.db, &member.scope, round).await?;
    let threshold = if round.anonymous { round.threshold } else { Threshold::new(1).unwrap_or_default() };
    if responses.len() < threshold.get() as usize {
        return Err(AppError::NotNow(NotNow::TooFewAnswers));
    }
    let definition = &round.definition;
    let columns = columns(ctx, round);
    let mut group_sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for response in &responses {
        if let Some(group) = &response.group {
            *group_sizes.entry(group).or_default() += 1;
        }
    }
    let mut headers = vec![ctx.t("qn-response-number")];
    if !round.anonymous {
        headers.push(ctx.t("qn-respondent"));
    }
    headers.push(ctx.t("qn-group"));
    headers.extend(columns.iter().map(|c| c.header.clone()));
    headers.extend(definition.scales.iter().map(|s| s.name.get(ctx.locale).to_owned()));
    let scores: Vec<ScaleScores> = questionnaire::score_all(definition, responses.iter().map(|r| &r.answers));
    let rows = responses
        .iter()
        .zip(&scores)
        .enumerate()
        .map(|(n, (response, scores))| {
            let mut row = vec![Cell::Number((n + 1) as f64)];
            if !round.anonymous {
                row.push(Cell::Text(response.respondent.clone().unwrap_or_default()));
            }
            let group = response.group.as_deref().filter(|g| group_sizes[g] >= threshold.get() as usize);
            row.push(group.map(|g| Cell::Text(g.to_owned())).unwrap_or(Cell::Empty));
            row.extend(columns.iter().map(|column| {
                let answer = response.answers.get(&column.path.0);
                let answer = match (&column.path.1, answer) {
                    (None, answer) => answer,
                    (Some((entry, sub)), Some(Answer::Roster(rows))) => rows.get(entry).and_then(|row| row.get(sub)),
                    (Some(_), _) => None,
                };
                answer_cell(ctx, column.item, answer)
            }));
            row.extend(scores.iter().map(|(_, s)| s.map(Cell::Number).unwrap_or(Cell::Empty)));
            row
        })
        .collect();
    let overall = questionnaire::summarise(definition, &scores, threshold);
    let summary_headers = vec![ctx.t("qn-scale"), "n".to_owned(), ctx.t("qn-mean")];
    let summary = definition
        .scales
        .iter()
        .filter_map(|scale| {
            let s = overall.get(&scale.id)?;
            Some(vec![
                Cell::Text(scale.name.get(ctx.locale).to_owned()),
                Cell::Number(s.n as f64),
                s.mean.map(Cell::Number).unwrap_or(Cell::Empty),
            ])
        })
        .collect();
    Ok(Table { headers, rows, summary, summary_headers })
}

/// One column of answers: an item, or one sub-item of a roster for one entry of its list.
struct Column<'a> {
    header: String,
    item: &'a Item,
    /// The item's id, and for a roster's sub-item the entry's key and the sub-item's id.
    path: (String, Option<(String, String)>),
}

fn columns<'a>(ctx: &Ctx, round: &'a Round) -> Vec<Column<'a>> {
    let mut columns = Vec::new();
    for item in round.definition.items() {
        match &item.kind {
            ItemKind::Roster { list, items } => {
                for entry in round.entries.get(list).into_iter().flatten() {
                    for sub in items {
                        columns.push(Column {
                            header: format!(
                                "{}.{}.{} {}: {}",
                                item.id,
                                entry.key,
                                sub.id,
                                entry.label,
                                text_of(ctx, round, &sub.text)
                            ),
                            item: sub,
                            path: (item.id.clone(), Some((entry.key.clone(), sub.id.clone()))),
                        });
                    }
                }
            }
            _ => columns.push(Column {
                header: format!("{} {}", item.id, text_of(ctx, round, &item.text)),
                item,
                path: (item.id.clone(), None),
            }),
        }
    }
    columns
}

/// An answer as a cell: numbers stay numbers; options by their labels.
fn answer_cell(ctx: &Ctx, item: &Item, answer: Option<&Answer>) -> Cell {
    let label = |key: &str| match &item.kind {
        ItemKind::Single { options } | ItemKind::Multiple { options } => options
            .iter()
            .find(|o| o.key == key)
            .map(|o| o.label.get(ctx.locale).to_owned())
            .unwrap_or_else(|| key.to_owned()),
        _ => key.to_owned(),
    };
    match answer {
        None | Some(Answer::Roster(_)) => Cell::Empty,
        Some(Answer::Number(n)) => Cell::Number(*n),
        Some(Answer::Choice(key)) => Cell::Text(label(key)),
        Some(Answer::Choices(keys)) => Cell::Text(keys.iter().map(|k| label(k)).collect::<Vec<_>>().join("; ")),
        Some(Answer::Date(date)) => Cell::Text(date.to_string()),
        Some(Answer::Text(text)) => Cell::Text(text.clone()),
    }
}

fn file_name(ctx: &Ctx, round: &Round) -> String {
    format!("{} – {}", ctx.t("qn-file-answers"), round.title)
}

pub async fn answers_csv(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let round = store::get(&state.db, &member.scope, id).await?;
    let table = table(&state, &member, &round).await?;
    let ctx = &member.ctx;
    let text = |cell: &Cell| match cell {
        Cell::Text(t) => t.clone(),
        Cell::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
        Cell::Number(n) => ctx.locale.format_decimal(*n, 2),
        Cell::Empty => String::new(),
    };
    let csv = parat_reports::csv::document(&table.headers, table.rows.iter().map(|row| row.iter().map(text).collect()));
    Ok(download(csv.into_bytes(), "text/csv; charset=utf-8", &format!("{}.csv", file_name(ctx, &round))))
}

pub async fn answers_xlsx(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let round = store::get(&state.db, &member.scope, id).await?;
    let table = table(&state, &member, &round).await?;
    let ctx = &member.ctx;
    let sheets = vec![
        xlsx::Sheet { name: ctx.t("qn-responses"), headers: table.headers, rows: table.rows },
        xlsx::Sheet { name: ctx.t("qn-scales"), headers: table.summary_headers, rows: table.summary },
    ];
    let bytes = blocking(move || xlsx::workbook(&sheets)).await?;
    Ok(download(bytes, crate::pages::XLSX, &format!("{}.xlsx", file_name(ctx, &round))))
}
