//! The county report: a campaign's reported measurements side by side — each organisation's
//! stage per dimension, named or anonymised — with the county's distribution of stages per
//! dimension, the dimensions most often among an organisation's lowest, and the change since the
//! board's previous campaign. Exact: every mean is a [`Fraction`] and a stage is a mean
//! truncated, as in one assessment's results.

use crate::choice::choice_enum;
use crate::readiness::scoring::{Results, StagedScore, SCALE_MAX, SCALE_MIN};
use crate::readiness::{Edition, Fraction};

choice_enum!(
    /// Whom the board shares the county report with, and how the others are named there.
    Sharing {
        NotShared => "not_shared",
        Anonymised => "anonymised",
        Named => "named",
    }
);

/// One organisation's reported measurement in a campaign.
#[derive(Debug, Clone)]
pub struct Measured {
    pub org_id: i64,
    pub name: String,
    pub results: Results,
}

/// How an organisation is called in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Named(String),
    /// "Organisation 3": numbered by result, the highest overall first, so the order says nothing
    /// of who is who.
    Numbered(usize),
}

/// One organisation's line.
#[derive(Debug, Clone, PartialEq)]
pub struct CountyRow {
    pub org_id: i64,
    pub label: Label,
    /// The organisation reading the report: named even when the others are not.
    pub own: bool,
    /// The stage of each of the report's dimensions, in their order.
    pub dimensions: Vec<StagedScore>,
    pub overall: StagedScore,
    pub lowest: Vec<&'static str>,
    /// Its overall stage in the previous campaign, when it was measured then.
    pub previous_overall: Option<StagedScore>,
}

/// One dimension across the county.
#[derive(Debug, Clone, PartialEq)]
pub struct CountyDimension {
    pub key: &'static str,
    /// How many organisations are at each stage, stage 1 first.
    pub stages: [u32; (SCALE_MAX - SCALE_MIN + 1) as usize],
    /// The mean of the organisations' scores, and its stage.
    pub mean: StagedScore,
    /// How many organisations have it among their lowest dimensions.
    pub lowest_in: u32,
    /// The county's mean in the previous campaign, when that measured the same dimension.
    pub previous_mean: Option<StagedScore>,
}

/// What the report says.
#[derive(Debug, Clone, PartialEq)]
pub struct CountyReport {
    pub edition: Edition,
    pub rows: Vec<CountyRow>,
    pub dimensions: Vec<CountyDimension>,
    /// The dimensions most often among the lowest, most often first (ties in the handbook's
    /// order); those never lowest are left out.
    pub most_often_lowest: Vec<(&'static str, u32)>,
    /// How many organisations the previous campaign reported, when there was one.
    pub previous_measured: Option<usize>,
}

/// How the organisations are named: every name, or numbers with the reader's own named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    Named,
    Anonymised { own: Option<i64> },
}

fn staged(score: Fraction) -> StagedScore {
    let stage = u8::try_from(score.floor()).unwrap_or(SCALE_MIN).clamp(SCALE_MIN, SCALE_MAX);
    StagedScore { score, stage }
}

fn county_mean(results: &[&Results], key: &str) -> Option<StagedScore> {
    let scores: Vec<Fraction> =
        results.iter().filter_map(|r| r.dimensions.iter().find(|d| d.key == key).map(|d| d.result.score)).collect();
    Fraction::mean(&scores).map(staged)
}

/// The report over a campaign's measurements (`None` when none is reported, or when they do
/// not share one edition), with the previous campaign's for the change — only when it followed
/// the same edition, since the editions' dimensions differ under the same letters.
pub fn county_report(measured: &[Measured], previous: Option<&[Measured]>, naming: Naming) -> Option<CountyReport> {
    let edition = measured.first()?.results.edition;
    if measured.iter().any(|m| m.results.edition != edition) {
        return None;
    }
    let previous = previous.filter(|p| !p.is_empty() && p.iter().all(|m| m.results.edition == edition));
    let keys = edition.dimension_keys();
    let now: Vec<&Results> = measured.iter().map(|m| &m.results).collect();
    let then: Vec<&Results> = previous.unwrap_or_default().iter().map(|m| &m.results).collect();
    let dimensions = keys
        .iter()
        .map(|key| {
            let mut stages = [0u32; (SCALE_MAX - SCALE_MIN + 1) as usize];
            for results in &now {
                if let Some(d) = results.dimensions.iter().find(|d| d.key == *key) {
                    stages[usize::from(d.result.stage - SCALE_MIN)] += 1;
                }
            }
            let lowest_in = now.iter().filter(|r| r.lowest.contains(key)).count() as u32;
            CountyDimension {
                key,
                stages,
                mean: county_mean(&now, key).unwrap_or(staged(Fraction::from_integer(0))),
                lowest_in,
                previous_mean: county_mean(&then, key),
            }
        })
        .collect::<Vec<_>>();
    let mut most_often_lowest: Vec<(&'static str, u32)> =
        dimensions.iter().filter(|d| d.lowest_in > 0).map(|d| (d.key, d.lowest_in)).collect();
    // A stable sort keeps the handbook's order among ties.
    most_often_lowest.sort_by_key(|d| std::cmp::Reverse(d.1));

    let mut rows: Vec<CountyRow> = measured
        .iter()
        .map(|m| CountyRow {
            org_id: m.org_id,
            label: Label::Named(m.name.clone()),
            own: matches!(naming, Naming::Anonymised { own: Some(own) } if own == m.org_id),
            dimensions: m.results.dimensions.iter().map(|d| d.result).collect(),
            overall: m.results.overall,
            lowest: m.results.lowest.clone(),
            previous_overall: previous.and_then(|p| p.iter().find(|p| p.org_id == m.org_id)).map(|p| p.results.overall),
        })
        .collect();
    if let Naming::Anonymised { .. } = naming {
        rows.sort_by(|a, b| b.overall.score.cmp(&a.overall.score).then(a.org_id.cmp(&b.org_id)));
        for (n, row) in rows.iter_mut().enumerate() {
            if !row.own {
                row.label = Label::Numbered(n + 1);
            }
        }
    }
    Some(CountyReport {
        edition,
        rows,
        dimensions,
        most_often_lowest,
        previous_measured: previous.map(<[Measured]>::len),
    })
}
