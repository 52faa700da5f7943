//! Readiness results beside the landscape's levels: each dimension of the initiative's latest
//! reported CRM assessment per edition, and each scale of its latest anonymous questionnaire
//! round per questionnaire. A level shows those its framework names ([`ReadinessRef`]).
//!
//! Only anonymous rounds: their means are figures about a group, shown under the round's
//! threshold like everywhere else; an identified round's answers are personal data whose every
//! read is logged, which a page as often seen as the landscape should not do.

use parat_core::landscape::framework::ReadinessRef;
use parat_core::locale::Localized;
use parat_core::questionnaire::{self as q, Rule, Threshold};
use parat_core::readiness::scoring::results;

use super::*;
use crate::memo::Memo;
use crate::DbIdentity;

/// One readiness figure with where it comes from.
#[derive(Debug, Clone)]
pub struct Reading {
    /// What levels name it by, e.g. `crm-2014:D` or `oric:efficacy`.
    pub reference: String,
    pub name: Localized,
    /// What a plan record made from it links back to: `assessment:<id>:<dimension>` or
    /// `round:<id>:<scale>`.
    pub source: String,
    /// The page the result is on.
    pub href: String,
    pub figure: Figure,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    /// A CRM dimension: its score (1–9) and stage, and whether it is among the lowest, where the
    /// method says to start.
    Dimension { score: f64, stage: u8, lowest: bool },
    /// A questionnaire scale's mean, with how many answered and the scale's range (for a mean
    /// of items on one scale); no mean when the round has fewer answers than its threshold.
    /// The lowest is the scale whose mean sits lowest within its range, of the round's scales.
    Scale { mean: Option<f64>, n: usize, range: Option<(f64, f64)>, lowest: bool },
}

impl Figure {
    /// Among the lowest: where the method (or the survey) says to start.
    pub fn is_lowest(&self) -> bool {
        matches!(self, Figure::Dimension { lowest: true, .. } | Figure::Scale { lowest: true, .. })
    }
}

/// The initiative's readiness results that its framework's levels name.
///
/// Two queries find the sources: the latest reported assessment per edition and the latest
/// anonymous round with answers per questionnaire. Their figures are computed once and kept
/// ([`Memo`]) under keys that change whenever the figures could: an assessment's revision (its
/// scores are fixed while it is reported) and a round's count of submitted answers (which are
/// never changed or removed one by one).
pub async fn readings(db: &Db, scope: &OrgScope, landscape: &Landscape) -> StoreResult<Vec<Reading>> {
    let named: Vec<&str> =
        landscape.framework().levels.iter().flat_map(|l| l.readiness.iter().map(String::as_str)).collect();
    if named.is_empty() {
        return Ok(Vec::new());
    }
    let mut found = dimension_readings(db, scope, landscape.initiative_id).await?;
    found.extend(scale_readings(db, scope, landscape.initiative_id).await?);
    found.retain(|r| named.contains(&r.reference.as_str()));
    Ok(found)
}

/// Where kept figures come from: an assessment at a revision, or a round at a count of answers.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Source {
    Assessment { id: i64, revision: i64 },
    Round { id: i64, submitted: i64, last: i64 },
}

fn kept() -> &'static Memo<(DbIdentity, Source), Arc<Vec<Reading>>> {
    static KEPT: Memo<(DbIdentity, Source), Arc<Vec<Reading>>> = Memo::new(20_000);
    &KEPT
}

async fn dimension_readings(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<Reading>> {
    // Newest first, as the initiative's page lists them: the first of each edition is the latest.
    let reported: Vec<(i64, String, i64)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, edition, revision FROM assessments \
         WHERE org_id = $1 AND initiative_id = $2 AND status = 'reported' ORDER BY created_at DESC, id DESC"
    )
    .bind(scope.org_id())
    .bind(initiative_id)
    .fetch_all(pool)
    .await?);
    let mut found = Vec::new();
    let mut editions_seen: Vec<&str> = Vec::new();
    for (id, edition, revision) in &reported {
        if editions_seen.contains(&edition.as_str()) {
            continue;
        }
        editions_seen.push(edition);
        let key = (db.identity(), Source::Assessment { id: *id, revision: *revision });
        let readings = match kept().get(&key) {
            Some(readings) => readings,
            None => {
                let computed = Arc::new(compute_dimension_readings(db, scope, *id).await?);
                kept().put(key, computed.clone());
                computed
            }
        };
        found.extend(readings.iter().cloned());
    }
    Ok(found)
}

async fn compute_dimension_readings(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Vec<Reading>> {
    let (assessment, _) = crate::readiness::get(db, scope, id).await?;
    let (Some(scores), _) = crate::readiness::results_input(db, scope, &assessment).await? else {
        return Ok(Vec::new());
    };
    let computed = results(&scores);
    let mut found = Vec::new();
    for dimension in &computed.dimensions {
        let Some(defined) = assessment.instrument().dimensions.iter().find(|d| d.key == dimension.key) else {
            continue;
        };
        let reference = ReadinessRef::Dimension { edition: assessment.edition(), key: dimension.key.to_owned() };
        found.push(Reading {
            reference: reference.key(),
            name: defined.name.clone(),
            source: format!("assessment:{}:{}", assessment.id, dimension.key),
            href: format!("/assessments/{}/results", assessment.id),
            figure: Figure::Dimension {
                score: dimension.result.score.to_f64(),
                stage: dimension.result.stage,
                lowest: computed.lowest.contains(&dimension.key),
            },
        });
    }
    Ok(found)
}

async fn scale_readings(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<Reading>> {
    // Newest first, as the round list shows them: the first of each questionnaire is the latest.
    let rounds: Vec<(i64, String, i64, i64)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT r.id, r.questionnaire, COUNT(s.id), MAX(s.id) FROM questionnaire_rounds r \
         JOIN round_responses s ON s.round_id = r.id AND s.submitted_at IS NOT NULL \
         WHERE r.org_id = $1 AND r.initiative_id = $2 AND r.anonymous \
         GROUP BY r.id, r.questionnaire, r.created_at ORDER BY r.created_at DESC, r.id DESC"
    )
    .bind(scope.org_id())
    .bind(initiative_id)
    .fetch_all(pool)
    .await?);
    let mut found = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (id, questionnaire, submitted, last) in &rounds {
        if seen.contains(&questionnaire.as_str()) {
            continue;
        }
        seen.push(questionnaire);
        let key = (db.identity(), Source::Round { id: *id, submitted: *submitted, last: *last });
        let readings = match kept().get(&key) {
            Some(readings) => readings,
            None => {
                let computed = Arc::new(compute_scale_readings(db, scope, *id).await?);
                kept().put(key, computed.clone());
                computed
            }
        };
        found.extend(readings.iter().cloned());
    }
    Ok(found)
}

async fn compute_scale_readings(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Vec<Reading>> {
    let round = crate::questionnaire::get(db, scope, id).await?;
    let responses = crate::questionnaire::submitted(db, scope, &round).await?;
    let definition = &round.definition;
    let scores = q::score_all(definition, responses.iter().map(|r| &r.answers));
    let threshold: Threshold = round.threshold;
    let summaries = q::summarise(definition, &scores, threshold);
    // An own questionnaire is named by its key, as levels of an own framework would name it.
    let name_of_source =
        round.questionnaire.strip_prefix("own:").map_or(round.questionnaire.clone(), |_| definition.id.clone());
    let mut found = Vec::new();
    for scale in &definition.scales {
        let Some(summary) = summaries.get(&scale.id) else { continue };
        let range = match scale.rule {
            Rule::Mean => scale.items.first().and_then(|i| definition.item(i)).and_then(|i| i.kind.range()),
            _ => None,
        };
        found.push(Reading {
            reference: format!("{name_of_source}:{}", scale.id),
            name: scale.name.clone(),
            source: format!("round:{}:{}", round.id, scale.id),
            href: format!("/rounds/{}/results", round.id),
            figure: Figure::Scale { mean: summary.mean, n: summary.n, range, lowest: false },
        });
    }
    mark_lowest_scale(&mut found);
    Ok(found)
}

/// Marks the scale whose mean sits lowest within its range (the first of any tie).
fn mark_lowest_scale(readings: &mut [Reading]) {
    let position = |r: &Reading| match r.figure {
        Figure::Scale { mean: Some(mean), range: Some((low, high)), .. } if high > low => {
            Some((mean - low) / (high - low))
        }
        _ => None,
    };
    let lowest = readings
        .iter()
        .enumerate()
        .filter_map(|(i, r)| position(r).map(|p| (i, p)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i);
    if let Some(Figure::Scale { lowest: flag, .. }) = lowest.and_then(|i| readings.get_mut(i)).map(|r| &mut r.figure) {
        *flag = true;
    }
}
