//! Scale scores per respondent, and aggregates that respect the anonymity threshold.

use std::collections::BTreeMap;

use serde::Serialize;

use super::answer::{Answer, Answers};
use super::definition::{Definition, Rule};

/// The fewest respondents a figure may describe. In an anonymous round no mean is shown for a
/// group smaller than this, so that nobody's answers can be read out of a small group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Threshold(u32);

impl Threshold {
    /// Parat's default: five respondents.
    pub const DEFAULT: Threshold = Threshold(5);
    pub const MAX: u32 = 1_000;

    /// A threshold of 1–1000.
    pub fn new(n: i64) -> Option<Threshold> {
        u32::try_from(n).ok().filter(|n| (1..=Self::MAX).contains(n)).map(Threshold)
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold::DEFAULT
    }
}

/// One respondent's score on each scale, in the definition's order.
pub type ScaleScores = Vec<(String, Option<f64>)>;

/// Each scale's score for one respondent, in the definition's order: `None` when a required
/// member is unanswered (or a member scale has no score), or when nothing of it is answered.
pub fn score(definition: &Definition, answers: &Answers) -> ScaleScores {
    Plan::of(definition).score(answers)
}

/// Every respondent's scores, with the scales' members looked up once for all of them.
pub fn score_all<'a>(definition: &Definition, respondents: impl IntoIterator<Item = &'a Answers>) -> Vec<ScaleScores> {
    let plan = Plan::of(definition);
    respondents.into_iter().map(|answers| plan.score(answers)).collect()
}

/// A scale's member, resolved from its id once.
enum Member<'a> {
    Item {
        item: &'a crate::questionnaire::Item,
        min: f64,
        max: f64,
        reversed: bool,
    },
    /// An earlier scale, by its position.
    Scale(usize),
}

/// The scales with their members resolved.
struct Plan<'a> {
    scales: Vec<(&'a str, Rule, Vec<Member<'a>>)>,
}

impl<'a> Plan<'a> {
    fn of(definition: &'a Definition) -> Plan<'a> {
        let mut scales: Vec<(&'a str, Rule, Vec<Member<'a>>)> = Vec::with_capacity(definition.scales.len());
        for scale in &definition.scales {
            let members = scale
                .items
                .iter()
                .filter_map(|member| match definition.item(member) {
                    Some(item) => {
                        let (min, max) = item.kind.range().unwrap_or((0.0, 0.0));
                        Some(Member::Item { item, min, max, reversed: scale.reversed.contains(member) })
                    }
                    None => scales.iter().position(|(id, _, _)| id == member).map(Member::Scale),
                })
                .collect();
            scales.push((&scale.id, scale.rule, members));
        }
        Plan { scales }
    }

    fn score(&self, answers: &Answers) -> ScaleScores {
        let mut scores: ScaleScores = Vec::with_capacity(self.scales.len());
        for (id, rule, members) in &self.scales {
            let mut values = Vec::with_capacity(members.len());
            let mut complete = true;
            for member in members {
                match member {
                    Member::Item { item, min, max, reversed } => match answers.get(&item.id) {
                        Some(Answer::Number(v)) => values.push(if *reversed { min + max - v } else { *v }),
                        // Unanswered: a required item that was asked leaves the scale without a
                        // score; an optional one, or one its condition hid, is left out.
                        _ => complete &= !(item.required && answers.is_shown(item)),
                    },
                    Member::Scale(k) => match scores.get(*k).and_then(|(_, s)| *s) {
                        Some(v) => values.push(v),
                        None => complete = false,
                    },
                }
            }
            let value = match (complete, values.is_empty()) {
                (true, false) => Some(combine(*rule, &values)),
                _ => None,
            };
            scores.push(((*id).to_owned(), value));
        }
        scores
    }
}

fn combine(rule: Rule, values: &[f64]) -> f64 {
    match rule {
        Rule::Mean => values.iter().sum::<f64>() / values.len() as f64,
        Rule::Sum => values.iter().sum(),
        Rule::Product => values.iter().product(),
    }
}

/// A scale's figures for a group: how many respondents have a score, and their mean when the
/// group reaches the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    pub n: usize,
    pub mean: Option<f64>,
}

impl Summary {
    pub fn of(scores: impl IntoIterator<Item = Option<f64>>, threshold: Threshold) -> Summary {
        let values: Vec<f64> = scores.into_iter().flatten().collect();
        let n = values.len();
        let mean = (n > 0 && n >= threshold.get() as usize).then(|| values.iter().sum::<f64>() / n as f64);
        Summary { n, mean }
    }
}

/// Summaries per scale for respondents' scores (as [`score`] gives them).
pub fn summarise<'a>(
    definition: &Definition,
    respondents: impl IntoIterator<Item = &'a ScaleScores> + Clone,
    threshold: Threshold,
) -> BTreeMap<String, Summary> {
    definition
        .scales
        .iter()
        .enumerate()
        .map(|(k, scale)| {
            let column = respondents.clone().into_iter().map(|scores| scores.get(k).and_then(|(_, s)| *s));
            (scale.id.clone(), Summary::of(column, threshold))
        })
        .collect()
}

/// Where a readiness survey says to start: of the items that scales are built from (ORIC's
/// statements, the Hexagon's six areas, R = MC²'s subcomponents), the two whose mean sits lowest
/// within the item's range — a reversed item counted the scale's way — and any tied with the
/// second, lowest first, with their means. Nothing when fewer than two items reach the threshold.
pub fn lowest_areas<'a>(
    definition: &Definition,
    responses: impl IntoIterator<Item = &'a Answers> + Clone,
    threshold: Threshold,
) -> Vec<(String, f64)> {
    let mut positions: Vec<(String, f64, f64)> = Vec::new();
    for scale in &definition.scales {
        for member in &scale.items {
            let Some(item) = definition.item(member) else { continue };
            let Some((low, high)) = item.kind.range().filter(|(l, h)| h > l) else { continue };
            if positions.iter().any(|(id, _, _)| id == member) {
                continue;
            }
            let values = responses.clone().into_iter().map(|a| match a.get(member) {
                Some(Answer::Number(v)) => Some(*v),
                _ => None,
            });
            let Some(mean) = Summary::of(values, threshold).mean else { continue };
            let position = (mean - low) / (high - low);
            let position = if scale.reversed.contains(member) { 1.0 - position } else { position };
            positions.push((member.clone(), position, mean));
        }
    }
    if positions.len() < 2 {
        return Vec::new();
    }
    positions.sort_by(|a, b| a.1.total_cmp(&b.1));
    let second = positions[1].1;
    positions.into_iter().filter(|(_, p, _)| *p <= second + 1e-9).map(|(id, _, mean)| (id, mean)).collect()
}
