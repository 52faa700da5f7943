//! `parat questionnaire list | show | score`: the embedded definitions, and scoring a file of
//! answers with the same code as the pages and the API.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{anyhow, bail, Context};
use parat_core::locale::Locale;
use parat_core::questionnaire::{self, Answers, Definition, Lists, RawAnswer, ScaleScores, Summary, Threshold};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The embedded definitions, one per line: id, a tab, and the name in `locale`.
pub fn list(locale: Locale) -> String {
    questionnaire::builtin().iter().map(|d| format!("{}\t{}\n", d.id, d.name.get(locale))).collect()
}

/// An embedded definition by id, or a definition file (TOML) by path.
pub fn definition(id_or_file: &str) -> anyhow::Result<Definition> {
    if let Some(definition) = questionnaire::builtin_by_id(id_or_file) {
        return Ok(definition.clone());
    }
    let path = Path::new(id_or_file);
    if !path.exists() {
        let ids: Vec<&str> = questionnaire::builtin().iter().map(|d| d.id.as_str()).collect();
        bail!("{id_or_file:?} is neither an embedded questionnaire ({}) nor a file", ids.join(", "));
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Definition::from_toml(&text).with_context(|| format!("{} is not a questionnaire definition", path.display()))
}

/// A definition as pretty JSON.
pub fn show_json(definition: &Definition) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(definition)?)
}

/// A definition as an outline for reading: sections, items with their kinds and ranges, scales.
pub fn show_text(definition: &Definition, locale: Locale) -> String {
    let mut out = format!("{}  {}\n", definition.id, definition.name.get(locale));
    for section in &definition.sections {
        out.push_str(&format!("\n[{}] {}\n", section.id, section.title.get(locale)));
        for item in &section.items {
            let range = item.kind.range().map(|(min, max)| format!(" {min}–{max}")).unwrap_or_default();
            let optional = if item.required { "" } else { ", optional" };
            out.push_str(&format!("  {} ({}{range}{optional}): {}\n", item.id, item.kind.key(), item.text.get(locale)));
        }
    }
    if !definition.scales.is_empty() {
        out.push('\n');
    }
    for scale in &definition.scales {
        let rule = scale.rule.key();
        out.push_str(&format!("scale {} = {rule}({}): {}\n", scale.id, scale.items.join(", "), scale.name.get(locale)));
    }
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoreInput {
    #[serde(default)]
    threshold: Option<Value>,
    respondents: Vec<RespondentInput>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RespondentInput {
    id: Value,
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    answers: BTreeMap<String, Value>,
}

#[derive(Serialize)]
struct ScoreOutput {
    respondents: Vec<RespondentScores>,
    aggregate: BTreeMap<String, Summary>,
    groups: BTreeMap<String, BTreeMap<String, Summary>>,
}

#[derive(Serialize)]
struct RespondentScores {
    id: Value,
    scores: BTreeMap<String, Option<f64>>,
}

/// Scores a file of answers: each respondent's scale scores, and the aggregate and per-group
/// summaries with means only where at least `threshold` respondents have a score.
pub fn score(definition: &Definition, input: &str) -> anyhow::Result<String> {
    let input: ScoreInput = serde_json::from_str(input).context("the answers are not in the expected JSON shape")?;
    let threshold = match &input.threshold {
        None => Threshold::default(),
        Some(value) => value
            .as_i64()
            .and_then(Threshold::new)
            .ok_or_else(|| anyhow!("threshold {value} is not a whole number from 1 to {}", Threshold::MAX))?,
    };
    let mut seen = BTreeSet::new();
    let mut scored = Vec::with_capacity(input.respondents.len());
    for respondent in &input.respondents {
        let name = match &respondent.id {
            Value::String(s) => format!("{s:?}"),
            Value::Number(n) => n.to_string(),
            other => bail!("respondent id {other} is neither text nor a number"),
        };
        if !seen.insert(name.clone()) {
            bail!("respondent {name} appears twice");
        }
        let mut raw = BTreeMap::new();
        for (item, value) in &respondent.answers {
            let answer: RawAnswer = serde_json::from_value(value.clone())
                .map_err(|_| anyhow!("respondent {name}, item {item}: {value} is not an answer Parat can read"))?;
            raw.insert(item.clone(), answer);
        }
        let answers = Answers::parse(definition, &raw, &Lists::new())
            .map_err(|e| anyhow!("respondent {name}, item {}: {}", e.item, e.problem))?;
        scored.push((respondent, questionnaire::score(definition, &answers)));
    }
    let all = scored.iter().map(|(_, scores)| scores);
    let aggregate = questionnaire::summarise(definition, all, threshold);
    let mut by_group: BTreeMap<&str, Vec<&ScaleScores>> = BTreeMap::new();
    for (respondent, scores) in &scored {
        if let Some(group) = &respondent.group {
            by_group.entry(group).or_default().push(scores);
        }
    }
    let groups = by_group
        .into_iter()
        .map(|(group, members)| (group.to_owned(), questionnaire::summarise(definition, members, threshold)))
        .collect();
    let respondents = scored
        .into_iter()
        .map(|(respondent, scores)| RespondentScores {
            id: respondent.id.clone(),
            scores: scores.into_iter().collect(),
        })
        .collect();
    Ok(serde_json::to_string_pretty(&ScoreOutput { respondents, aggregate, groups })?)
}
