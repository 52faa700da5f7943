//! A round's results: the response rate, scale scores overall and per group, how each question
//! was answered, and the free-text answers. In an anonymous round no figure describes fewer
//! respondents than the round's threshold.

use parat_core::questionnaire::{self, pairing, ScaleScores, Summary, Threshold};

use super::*;
use crate::views::charts::{self, Point};

/// The threshold that applies: the round's in an anonymous round; otherwise each answer is
/// the respondent's own and may be shown as it is.
fn threshold_of(round: &Round) -> Threshold {
    if round.anonymous {
        round.threshold
    } else {
        Threshold::new(1).unwrap_or_default()
    }
}

/// Everything a round's results show, computed once for the page and the PDF.
struct Figures {
    round: Round,
    n: usize,
    answered: i64,
    invited: i64,
    threshold: Threshold,
    /// Whether any figure may be shown (enough responses for the threshold).
    shown: bool,
    scores: Vec<ScaleScores>,
    overall: BTreeMap<String, Summary>,
    by_group: Vec<(String, BTreeMap<String, Summary>)>,
    items: Vec<ItemFigures>,
}

/// How one question was answered.
struct ItemFigures {
    text: String,
    n: usize,
    /// Per option (or scale step): its label, count and share of the answers.
    options: Option<Vec<(String, usize, f64)>>,
    mean: Option<f64>,
    texts: Vec<String>,
    /// A roster's figures: per entry of its list, its sub-items'.
    entries: Vec<(String, Vec<ItemFigures>)>,
}

impl ItemFigures {
    /// Without the free-text answers: each is one person's own words, which a campaign's
    /// contractor reading the figures never sees.
    fn withhold_texts(&mut self) {
        self.texts.clear();
        for (_, subs) in &mut self.entries {
            subs.iter_mut().for_each(ItemFigures::withhold_texts);
        }
    }
}

async fn figures(state: &AppState, member: &Member, id: i64) -> Result<Figures, AppError> {
    let ctx = &member.ctx;
    let round = store::get(&state.db, &member.scope, id).await?;
    let responses = store::submitted(&state.db, &member.scope, &round).await?;
    let store::Progress { answered, invited, .. } = store::progress(&state.db, &round).await?;
    let threshold = threshold_of(&round);
    let definition = &round.definition;
    let n = responses.len();
    let scores: Vec<ScaleScores> = questionnaire::score_all(definition, responses.iter().map(|r| &r.answers));
    let overall = questionnaire::summarise(definition, &scores, threshold);
    let mut groups: BTreeMap<&str, Vec<&ScaleScores>> = BTreeMap::new();
    for (response, scores) in responses.iter().zip(&scores) {
        if let Some(group) = &response.group {
            groups.entry(group).or_default().push(scores);
        }
    }
    let by_group = groups
        .into_iter()
        .map(|(g, members)| (g.to_owned(), questionnaire::summarise(definition, members, threshold)))
        .collect();
    // Each question's answers, gathered in one pass over the responses (a large round has
    // thousands). A response's answers come sorted by item id, so walking them beside the items
    // sorted the same way finds each one's column without a lookup.
    let mut by_id: Vec<(&str, usize)> = definition.items().enumerate().map(|(k, i)| (i.id.as_str(), k)).collect();
    by_id.sort_unstable();
    let mut columns: Vec<Vec<&Answer>> = vec![Vec::with_capacity(responses.len()); by_id.len()];
    for response in &responses {
        let mut next = by_id.iter().peekable();
        for (item, answer) in response.answers.iter() {
            while next.next_if(|(id, _)| *id < item.as_str()).is_some() {}
            if let Some((_, column)) = next.next_if(|(id, _)| *id == item.as_str()) {
                columns[*column].push(answer);
            }
        }
    }
    let items =
        definition.items().zip(&columns).map(|(item, answers)| item_figures(ctx, &round, item, answers)).collect();
    Ok(Figures {
        shown: n >= threshold.get() as usize,
        n,
        answered,
        invited,
        threshold,
        scores,
        overall,
        by_group,
        items,
        round,
    })
}

impl Figures {
    fn mean_text(ctx: &Ctx, s: &Summary) -> String {
        match s.mean {
            Some(mean) => ctx.locale.format_decimal(mean, 2),
            None => "–".into(),
        }
    }

    /// The scales' means as a bar chart, when every scale has one.
    fn chart(&self, ctx: &Ctx) -> Option<Markup> {
        let definition = &self.round.definition;
        let points: Vec<(String, f64, String)> = definition
            .scales
            .iter()
            .filter_map(|scale| {
                let summary = self.overall.get(&scale.id)?;
                summary.mean.map(|m| (scale.name.get(ctx.locale).to_owned(), m, Self::mean_text(ctx, summary)))
            })
            .collect();
        let max =
            definition.scales.iter().filter_map(|s| definition.scale_range(&s.id).map(|r| r.1)).fold(0.0, f64::max);
        if points.is_empty() || points.len() != definition.scales.len() || max <= 0.0 {
            return None;
        }
        let chart_points: Vec<Point> =
            points.iter().map(|(label, value, text)| Point { label, value: *value, shown: text.clone() }).collect();
        Some(charts::bars_to(&ctx.t("qn-scales"), &ctx.t("qn-scales-chart"), &chart_points, &[], max))
    }

    /// The scales table: each scale's mean and count, overall and per group.
    fn scale_rows(&self, ctx: &Ctx) -> Vec<(String, Vec<(String, usize)>)> {
        let none = Summary { n: 0, mean: None };
        self.round
            .definition
            .scales
            .iter()
            .map(|scale| {
                let all = self.overall.get(&scale.id).copied().unwrap_or(none);
                let mut cells = vec![(Self::mean_text(ctx, &all), all.n)];
                for (_, summaries) in &self.by_group {
                    let s = summaries.get(&scale.id).copied().unwrap_or(none);
                    cells.push((Self::mean_text(ctx, &s), s.n));
                }
                (scale.name.get(ctx.locale).to_owned(), cells)
            })
            .collect()
    }
}

pub async fn results(
    State(state): State<AppState>,
    ResultsReader { member, guest }: ResultsReader,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let mut f = figures(&state, &member, id).await?;
    if guest.is_some() {
        f.items.iter_mut().for_each(ItemFigures::withhold_texts);
    }
    let round = &f.round;
    let definition = &round.definition;
    let threshold = f.threshold;
    let compared = if f.shown { comparison(&state, &member, round, &f.scores, threshold).await? } else { None };
    let body = html! {
        @match &guest {
            None => p.breadcrumb { a href=(format!("/rounds/{}", round.id)) { (round.title) } },
            Some(organisation) => p.breadcrumb { (organisation) },
        }
        h1 { (ctx.t("qn-results")) ": " (round.title) }
        dl.details {
            dt { (ctx.t("qn-responses")) } dd { (f.n) }
            @if f.invited > 0 {
                dt { (ctx.t("qn-response-rate")) }
                dd { (ctx.t_with("qn-answered-of", &[("answered", (f.answered as f64).into()), ("total", (f.invited as f64).into())])) }
            }
            @if round.anonymous {
                dt { (ctx.t("qn-anonymity")) } dd { (ctx.t_with("qn-anonymous-yes", &[("n", f64::from(round.threshold.get()).into())])) }
            }
        }
        @if !f.shown {
            p.notice { (ctx.t_with("qn-too-few", &[("n", f64::from(threshold.get()).into())])) }
        } @else {
            @if !definition.scales.is_empty() {
                h2 { (ctx.t("qn-scales")) }
                @if let Some(chart) = f.chart(ctx) { (chart) }
                div.table-wrap { table {
                    caption { (ctx.t("qn-scales-table")) }
                    thead { tr {
                        th scope="col" { (ctx.t("qn-scale")) }
                        th scope="col" { (ctx.t("qn-all")) }
                        @for (group, _) in &f.by_group { th scope="col" { (group) } }
                    } }
                    tbody { @for (name, cells) in f.scale_rows(ctx) { tr {
                        th scope="row" { (name) }
                        @for (mean, n) in cells { td { (mean) " " span.count { "(n = " (n) ")" } } }
                    } } }
                } }
                @if round.anonymous {
                    p.hint { (ctx.t_with("qn-threshold-note", &[("n", f64::from(threshold.get()).into())])) }
                }
            }
            @if let Some(compared) = &compared { (comparison_section(ctx, round, compared)) }
            p.actions {
                a.button href=(format!("/rounds/{}/summary.pdf", round.id)) { (ctx.t("qn-download-pdf")) }
                // The answers themselves stay with the organisation.
                @if guest.is_none() {
                    " "
                    a.button href=(format!("/rounds/{}/answers.xlsx", round.id)) { (ctx.t("qn-download-xlsx")) }
                    " "
                    a.button href=(format!("/rounds/{}/answers.csv", round.id)) { (ctx.t("qn-download-csv")) }
                }
            }
            h2 { (ctx.t("qn-items")) }
            @for item in &f.items { (item_result(ctx, item)) }
        }
    };
    Ok(page(ctx, &ctx.t("qn-results"), Nav::Initiatives, body))
}

/// The results as a PDF summary for a steering group: the same figures as the page, none under
/// the threshold (an anonymous round under it has no summary yet).
pub async fn summary_pdf(
    State(state): State<AppState>,
    ResultsReader { member, guest }: ResultsReader,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    use parat_reports::pdf::{RoundItem, RoundReport, RoundTable};
    let ctx = &member.ctx;
    let mut f = figures(&state, &member, id).await?;
    if guest.is_some() {
        f.items.iter_mut().for_each(ItemFigures::withhold_texts);
    }
    if !f.shown {
        return Err(AppError::NotNow(crate::error::NotNow::TooFewAnswers));
    }
    let round = &f.round;
    let mut facts: Vec<[String; 2]> = guest.into_iter().map(|name| [ctx.t("qn-organisation"), name]).collect();
    facts.push([ctx.t("qn-responses"), f.n.to_string()]);
    if f.invited > 0 {
        let rate = ctx.t_with(
            "qn-answered-of",
            &[("answered", (f.answered as f64).into()), ("total", (f.invited as f64).into())],
        );
        facts.push([ctx.t("qn-response-rate"), rate]);
    }
    let anonymity = if round.anonymous {
        ctx.t_with("qn-anonymous-yes", &[("n", f64::from(round.threshold.get()).into())])
    } else {
        ctx.t("qn-anonymous-no")
    };
    facts.push([ctx.t("qn-anonymity"), anonymity]);
    let mut headers = vec![ctx.t("qn-scale"), ctx.t("qn-all")];
    headers.extend(f.by_group.iter().map(|(g, _)| g.clone()));
    let compared = comparison(&state, &member, round, &f.scores, f.threshold).await?;
    let scales = RoundTable {
        heading: ctx.t("qn-scales"),
        headers,
        rows: f
            .scale_rows(ctx)
            .into_iter()
            .map(|(name, cells)| {
                let mut row = vec![name];
                row.extend(cells.into_iter().map(|(mean, n)| format!("{mean} (n = {n})")));
                row
            })
            .collect(),
    };
    // A roster's entries print as questions of their own: "entry: sub-item".
    let flat: Vec<(String, &ItemFigures)> = f
        .items
        .iter()
        .flat_map(|item| {
            let own = std::iter::once((item.text.clone(), item)).filter(|_| item.entries.is_empty());
            let nested = item
                .entries
                .iter()
                .flat_map(|(entry, subs)| subs.iter().map(move |sub| (format!("{entry}: {}", sub.text), sub)));
            own.chain(nested)
        })
        .collect();
    let items = flat
        .into_iter()
        .map(|(text, item)| RoundItem {
            text,
            count: ctx.t_with("qn-item-n", &[("n", (item.n as f64).into())]),
            options: item
                .options
                .iter()
                .flatten()
                .map(|(label, count, share)| [label.clone(), count.to_string(), format!("{:.0} %", share * 100.0)])
                .collect(),
            mean: item
                .mean
                .map(|m| format!("{}: {}", ctx.t("qn-mean"), ctx.locale.format_decimal(m, 2)))
                .unwrap_or_default(),
            texts: item.texts.clone(),
        })
        .collect();
    let report = RoundReport {
        lang: ctx.locale.key().to_owned(),
        title: format!("{}: {}", ctx.t("qn-results"), round.title),
        subtitle: format!("{} · {}", round.definition.name.get(ctx.locale), round.issue),
        facts,
        chart: f.chart(ctx).map(|c| c.into_string()).unwrap_or_default(),
        tables: {
            let mut tables = Vec::new();
            if !round.definition.scales.is_empty() {
                tables.push(scales);
            }
            if let Some(compared) = &compared {
                tables.push(RoundTable {
                    heading: format!("{} ({})", ctx.t("qn-compare-title"), compared.previous_title),
                    headers: vec![ctx.t("qn-scale"), compared.previous_title.clone(), round.title.clone()],
                    rows: compared
                        .side
                        .iter()
                        .map(|(name, (was, was_n), (now, now_n))| {
                            vec![name.clone(), format!("{was} (n = {was_n})"), format!("{now} (n = {now_n})")]
                        })
                        .collect(),
                });
                if let Some((_, rows)) = &compared.paired {
                    tables.push(RoundTable {
                        heading: ctx.t("qn-paired-title"),
                        headers: paired_headers(ctx),
                        rows: rows.iter().map(|row| row.to_vec()).collect(),
                    });
                }
            }
            tables
        },
        note: if round.anonymous {
            ctx.t_with("qn-threshold-note", &[("n", f64::from(f.threshold.get()).into())])
        } else {
            String::new()
        },
        items_heading: ctx.t("qn-items"),
        answer_headers: [ctx.t("qn-answer"), ctx.t("qn-count"), ctx.t("qn-share")],
        items,
        generated: format!("{} {}", ctx.t("pdf-generated"), ctx.date(parat_store::now())),
    };
    let pdf = blocking(move || parat_reports::pdf::round_report(&report)).await?;
    let name = format!("{}.pdf", round.title);
    Ok(download(pdf, "application/pdf", &name))
}

/// The round beside the one it follows up: every respondent of each, and — when both asked for
/// a pairing code — the change for those who answered both, each figure under the threshold of
/// the stricter round left out.
/// A mean as written (a dash under the threshold) and how many it is of.
type Figure = (String, usize);

/// The comparison with the round this one follows up, its figures already written out.
struct Compared {
    previous_id: i64,
    previous_title: String,
    /// Per scale: its name, and its figure before and now.
    side: Vec<(String, Figure, Figure)>,
    /// When both rounds asked for codes: how many pairs, and per scale its name, pairs,
    /// before, after and change.
    paired: Option<(usize, Vec<[String; 5]>)>,
    /// The stricter of the two rounds' thresholds.
    threshold: Threshold,
}

async fn comparison(
    state: &AppState,
    member: &Member,
    round: &Round,
    scores: &[ScaleScores],
    threshold: Threshold,
) -> Result<Option<Compared>, AppError> {
    let ctx = &member.ctx;
    let Some(previous_id) = round.previous_round_id else { return Ok(None) };
    let previous = match store::get(&state.db, &member.scope, previous_id).await {
        Ok(previous) => previous,
        Err(parat_store::StoreError::NotFound) => return Ok(None),
        Err(other) => return Err(other.into()),
    };
    let definition = &round.definition;
    if definition.scales.is_empty() {
        return Ok(None);
    }
    let threshold = Threshold::new(i64::from(threshold.get().max(threshold_of(&previous).get()))).unwrap_or_default();
    let before: Vec<ScaleScores> = store::submitted(&state.db, &member.scope, &previous)
        .await?
        .iter()
        .map(|r| questionnaire::score(&previous.definition, &r.answers))
        .collect();
    let number = |value: Option<f64>| value.map(|v| ctx.locale.format_decimal(v, 2)).unwrap_or_else(|| "–".into());
    let signed = |value: Option<f64>| match value {
        Some(v) if v > 0.0 => format!("+{}", ctx.locale.format_decimal(v, 2)),
        other => number(other),
    };
    let name = |id: &str| definition.scale(id).map(|s| s.name.get(ctx.locale).to_owned()).unwrap_or_default();
    let side = pairing::compare(definition, &before, scores, threshold)
        .into_iter()
        .map(|(scale, was, now)| (name(&scale), (number(was.mean), was.n), (number(now.mean), now.n)))
        .collect();
    let paired = if round.pair_code && previous.pair_code {
        let pairs: Vec<(ScaleScores, ScaleScores)> = store::pairs(&state.db, &previous, round)
            .await?
            .iter()
            .map(|(b, a)| (questionnaire::score(&previous.definition, b), questionnaire::score(definition, a)))
            .collect();
        let changes = pairing::paired_change(definition, &pairs, threshold);
        let rows = definition
            .scales
            .iter()
            .filter_map(|scale| {
                let change = changes.get(&scale.id)?;
                Some([
                    name(&scale.id),
                    change.n.to_string(),
                    number(change.before),
                    number(change.after),
                    signed(change.change),
                ])
            })
            .collect();
        Some((pairs.len(), rows))
    } else {
        None
    };
    Ok(Some(Compared { previous_id: previous.id, previous_title: previous.title, side, paired, threshold }))
}

fn comparison_section(ctx: &Ctx, round: &Round, compared: &Compared) -> Markup {
    html! {
        section aria-labelledby="compare-title" {
            h2 #compare-title { (ctx.t("qn-compare-title")) }
            p { (ctx.t("qn-compare-intro")) " " a href=(format!("/rounds/{}/results", compared.previous_id)) { (compared.previous_title) } }
            div.table-wrap { table {
                caption { (ctx.t("qn-compare-caption")) }
                thead { tr {
                    th scope="col" { (ctx.t("qn-scale")) }
                    th scope="col" { (compared.previous_title) }
                    th scope="col" { (round.title) }
                } }
                tbody { @for (name, (was, was_n), (now, now_n)) in &compared.side { tr {
                    th scope="row" { (name) }
                    td { (was) " " span.count { "(n = " (was_n) ")" } }
                    td { (now) " " span.count { "(n = " (now_n) ")" } }
                } } }
            } }
            @if let Some((count, rows)) = &compared.paired {
                h3 { (ctx.t("qn-paired-title")) }
                p { (ctx.t_with("qn-paired-intro", &[("n", (*count as f64).into())])) }
                div.table-wrap { table {
                    caption { (ctx.t("qn-paired-caption")) }
                    thead { tr { @for header in paired_headers(ctx) { th scope="col" { (header) } } } }
                    tbody { @for [name, n, before, after, change] in rows { tr {
                        th scope="row" { (name) }
                        td { (n) } td { (before) } td { (after) } td { (change) }
                    } } }
                } }
            }
            p.hint { (ctx.t_with("qn-threshold-note", &[("n", f64::from(compared.threshold.get()).into())])) }
        }
    }
}

fn paired_headers(ctx: &Ctx) -> Vec<String> {
    ["qn-scale", "qn-paired-pairs", "qn-paired-before", "qn-paired-after", "qn-paired-change"]
        .iter()
        .map(|key| ctx.t(key))
        .collect()
}

/// How one question was answered: counts per option, the mean of a number, or the texts.
fn item_figures(ctx: &Ctx, round: &Round, item: &Item, answers: &[&Answer]) -> ItemFigures {
    let text = text_of(ctx, round, &item.text);
    let options: Option<Vec<(String, String)>> = match &item.kind {
        ItemKind::Agreement(steps) | ItemKind::Rating(steps) => {
            let count = (steps.max - steps.min + 1) as usize;
            Some(
                (steps.min..=steps.max)
                    .enumerate()
                    .map(|(k, v)| {
                        let label = match steps.labels.len() {
                            n if n == count => format!("{v} {}", steps.labels[k].get(ctx.locale)),
                            _ => v.to_string(),
                        };
                        (v.to_string(), label)
                    })
                    .collect(),
            )
        }
        ItemKind::Single { options } | ItemKind::Multiple { options } => {
            Some(options.iter().map(|o| (o.key.clone(), o.label.get(ctx.locale).to_owned())).collect())
        }
        _ => None,
    };
    // Counted in one pass, numbers by value: a round may have thousands of answers.
    let mut keys: BTreeMap<&str, usize> = BTreeMap::new();
    let mut numbers_seen: BTreeMap<u64, usize> = BTreeMap::new();
    for answer in answers {
        match answer {
            Answer::Number(n) => *numbers_seen.entry(n.to_bits()).or_default() += 1,
            Answer::Choice(key) => *keys.entry(key).or_default() += 1,
            Answer::Choices(chosen) => chosen.iter().for_each(|k| *keys.entry(k).or_default() += 1),
            _ => {}
        }
    }
    let count_of = |key: &str| {
        keys.get(key).copied().unwrap_or(0)
            + key.parse::<f64>().ok().and_then(|n| numbers_seen.get(&n.to_bits()).copied()).unwrap_or(0)
    };
    let numbers: Vec<f64> =
        answers.iter().filter_map(|a| if let Answer::Number(n) = a { Some(*n) } else { None }).collect();
    let share = |count: usize| if answers.is_empty() { 0.0 } else { count as f64 / answers.len() as f64 };
    let texts = if matches!(item.kind, ItemKind::ShortText { .. } | ItemKind::LongText { .. }) {
        answers.iter().filter_map(|a| if let Answer::Text(t) = a { Some(t.clone()) } else { None }).collect()
    } else {
        Vec::new()
    };
    let entries = match &item.kind {
        ItemKind::Roster { list, items } => round
            .entries
            .get(list)
            .into_iter()
            .flatten()
            .map(|entry| {
                let subs = items
                    .iter()
                    .map(|sub| {
                        let given: Vec<&Answer> = answers
                            .iter()
                            .filter_map(|a| match a {
                                Answer::Roster(rows) => rows.get(&entry.key).and_then(|row| row.get(&sub.id)),
                                _ => None,
                            })
                            .collect();
                        item_figures(ctx, round, sub, &given)
                    })
                    .collect();
                (entry.label.clone(), subs)
            })
            .collect(),
        _ => Vec::new(),
    };
    ItemFigures {
        entries,
        text,
        n: answers.len(),
        options: options.map(|list| {
            list.into_iter()
                .map(|(key, label)| {
                    let count = count_of(&key);
                    (label, count, share(count))
                })
                .collect()
        }),
        mean: (!numbers.is_empty()).then(|| numbers.iter().sum::<f64>() / numbers.len() as f64),
        texts,
    }
}

fn item_result(ctx: &Ctx, item: &ItemFigures) -> Markup {
    item_result_at(ctx, item, 3)
}

/// One question's figures under a heading of `level` (a roster's entries and sub-items nest).
fn item_result_at(ctx: &Ctx, item: &ItemFigures, level: u8) -> Markup {
    let heading = |text: &str, level: u8| match level {
        3 => html! { h3 { (text) } },
        4 => html! { h4 { (text) } },
        _ => html! { h5 { (text) } },
    };
    html! {
        section.q-result aria-label=(item.text) {
            (heading(&item.text, level))
            p.count { (ctx.t_with("qn-item-n", &[("n", (item.n as f64).into())])) }
            @if let Some(options) = &item.options {
                div.table-wrap { table.distribution {
                    thead { tr { th scope="col" { (ctx.t("qn-answer")) } th scope="col" { (ctx.t("qn-count")) } th scope="col" { (ctx.t("qn-share")) } } }
                    tbody { @for (label, count, share) in options {
                        tr {
                            td { (label) }
                            td { (count) }
                            td {
                                svg.share-bar width="120" height="12" aria-hidden="true" focusable="false" {
                                    rect width=(format!("{:.0}", share * 120.0)) height="12" fill="#0b57a4" {}
                                }
                                " " (format!("{:.0} %", share * 100.0))
                            }
                        }
                    } }
                } }
            }
            @if let Some(mean) = item.mean {
                p { (ctx.t("qn-mean")) ": " (ctx.locale.format_decimal(mean, 2)) }
            }
            @if !item.texts.is_empty() {
                ul.free-text { @for t in &item.texts { li { (t) } } }
            }
            @for (entry, subs) in &item.entries {
                div.q-entry-result {
                    (heading(entry, level + 1))
                    @for sub in subs { (item_result_at(ctx, sub, level + 2)) }
                }
            }
        }
    }
}
