//! The county report's figures: the reported measurements of a campaign and of the board's
//! previous campaign, each organisation's agreed scores made into results — or, for a campaign
//! by questionnaire, each closed round's submitted answers. The board reads them; an
//! organisation that took part reads them once the board shares the report. Stages and means
//! only: interviews, informants, the scorers' own scores and single answers never leave the
//! organisations this way.

use std::collections::BTreeMap;

use parat_core::campaign::county::{Measured, Sharing};
use parat_core::campaign::survey::SurveyMeasured;
use parat_core::campaign::Method;
use parat_core::questionnaire::{Definition, StoredKinds, Threshold};
use parat_core::readiness::scoring::results;

use super::*;
use crate::audit::{self, AuditEntry};
use crate::readiness::{agreed_scores, edition_of, group_consensus};

/// What the county report is made of, and for whom.
#[derive(Debug, Clone)]
pub struct CountyMeasurements {
    pub campaign: Campaign,
    pub figures: CountyFigures,
    /// The board's previous campaign, by name (its measurements are in the figures).
    pub previous: Option<String>,
    /// The reader is the board (which chooses the naming); otherwise an organisation that took
    /// part, reading the report as shared.
    pub board: bool,
}

/// The measurements of the campaign and of the previous one, by the campaign's method. A
/// previous campaign by another questionnaire has none that compare.
#[derive(Debug, Clone)]
pub enum CountyFigures {
    Stages { measured: Vec<Measured>, previous: Vec<Measured> },
    Survey { definition: &'static Definition, measured: Vec<SurveyMeasured>, previous: Vec<SurveyMeasured> },
}

impl CountyFigures {
    /// How many organisations' measurements are reported.
    pub fn reported(&self) -> usize {
        match self {
            CountyFigures::Stages { measured, .. } => measured.len(),
            CountyFigures::Survey { measured, .. } => measured.len(),
        }
    }

    fn took_part(&self, org_id: i64) -> bool {
        match self {
            CountyFigures::Stages { measured, .. } => measured.iter().any(|m| m.org_id == org_id),
            CountyFigures::Survey { measured, .. } => measured.iter().any(|m| m.org_id == org_id),
        }
    }
}

/// One agreed level of a reported measurement: campaign, organisation and its name, assessment
/// and its edition, interview, dimension, half points.
type AgreedRow = (i64, i64, String, i64, String, i64, String, i64);

/// The reported measurements of a campaign and of the board's latest campaign with the same
/// instrument begun before it (a campaign by another method or edition measures other things).
/// The board always; an organisation whose own measurement is reported, when the board shares
/// the report; anyone else `NotFound`.
pub async fn county_measurements(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<CountyMeasurements> {
    let campaign = super::campaigns::visible_campaign(db, scope, id).await?;
    let board = campaign.org_id == scope.org_id();
    let previous: Option<(i64, String)> = on_reader!(db, |pool| {
        sqlx::query_as(
        "SELECT id, name FROM campaigns WHERE org_id = $1 AND id <> $2 AND (starts_on < $3 OR (starts_on = $3 AND id < $2)) \
         AND instrument_id = $4 ORDER BY starts_on DESC, id DESC LIMIT 1",
    )
    .bind(campaign.org_id)
    .bind(campaign.id)
    .bind(campaign.starts_on.to_string())
    .bind(&campaign.instrument_id)
    .fetch_optional(pool)
    .await?
    });
    let previous_id = previous.as_ref().map(|p| p.0);
    let figures = match Method::of(&campaign.instrument_id) {
        Some(Method::Questionnaire(definition)) => survey_figures(db, &campaign, previous_id, definition).await?,
        _ => stage_figures(db, &campaign, previous_id).await?,
    };
    if !board && (!figures.took_part(scope.org_id()) || campaign.report_sharing == Sharing::NotShared) {
        return Err(StoreError::NotFound);
    }
    Ok(CountyMeasurements { campaign, figures, previous: previous.map(|(_, name)| name), board })
}

/// The agreed stages of the campaign's reported assessments and of the previous campaign's.
async fn stage_figures(db: &Db, campaign: &Campaign, previous: Option<i64>) -> StoreResult<CountyFigures> {
    let rows = on_reader!(db, |pool| {
        let rows: Vec<AgreedRow> = sqlx::query_as(
            "SELECT f.campaign_id, f.org_id, o.name, a.id, a.edition, v.id, c.dimension, CAST(c.half_points AS BIGINT) \
             FROM campaign_offers f JOIN organisations o ON o.id = f.org_id \
             JOIN assessments a ON a.id = f.assessment_id AND a.org_id = f.org_id AND a.status = 'reported' \
             JOIN interviews v ON v.assessment_id = a.id JOIN consensus c ON c.interview_id = v.id \
             WHERE f.campaign_id IN ($1, $2) ORDER BY o.name_key, f.org_id, v.id",
        )
        .bind(campaign.id)
        .bind(previous.unwrap_or(campaign.id))
        .fetch_all(pool)
        .await?;
        rows
    });
    // Who took part in which campaign, in name order, and each assessment's agreed scores.
    let mut organisations: Vec<(i64, i64, String, i64, String)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut consensus = Vec::with_capacity(rows.len());
    for (campaign_id, org_id, name, assessment, edition, interview, dimension, half_points) in rows {
        if seen.insert(assessment) {
            organisations.push((campaign_id, org_id, name, assessment, edition));
        }
        consensus.push((assessment, interview, dimension, half_points));
    }
    let mut agreed = group_consensus(consensus);
    let mut measured = Vec::new();
    let mut earlier = Vec::new();
    for (campaign_id, org_id, name, assessment, edition) in organisations {
        let Some(scores) = agreed.remove(&assessment).and_then(|a| agreed_scores(edition_of(&edition), a)) else {
            continue;
        };
        let one = Measured { org_id, name, results: results(&scores) };
        match campaign_id == campaign.id {
            true => measured.push(one),
            false => earlier.push(one),
        }
    }
    Ok(CountyFigures::Stages { measured, previous: earlier })
}

/// One round of a campaign's questionnaire: campaign, organisation and its name, round,
/// threshold, closed by hand, last day.
type RoundRow = (i64, i64, String, i64, i64, bool, Option<String>);

/// The submitted answers of the campaign's rounds that are closed (by hand or past their last
/// day), and of the previous campaign's rounds of the same questionnaire.
async fn survey_figures(
    db: &Db,
    campaign: &Campaign,
    previous: Option<i64>,
    definition: &'static Definition,
) -> StoreResult<CountyFigures> {
    let other = previous.unwrap_or(campaign.id);
    let (rounds, stored) = on_reader!(db, |pool| {
        let rounds: Vec<RoundRow> = sqlx::query_as(
            "SELECT f.campaign_id, f.org_id, o.name, q.id, q.threshold, q.closed_at IS NOT NULL, q.closes_on \
             FROM campaign_offers f JOIN organisations o ON o.id = f.org_id \
             JOIN questionnaire_rounds q ON q.id = f.round_id AND q.org_id = f.org_id AND q.questionnaire = $3 \
             WHERE f.campaign_id IN ($1, $2) ORDER BY o.name_key, f.org_id",
        )
        .bind(campaign.id)
        .bind(other)
        .bind(&definition.id)
        .fetch_all(pool)
        .await?;
        let stored: Vec<(i64, String)> = sqlx::query_as(
            "SELECT s.round_id, s.answers FROM round_responses s JOIN campaign_offers f ON f.round_id = s.round_id \
             WHERE f.campaign_id IN ($1, $2) AND s.submitted_at IS NOT NULL ORDER BY s.id",
        )
        .bind(campaign.id)
        .bind(other)
        .fetch_all(pool)
        .await?;
        (rounds, stored)
    });
    let kinds = StoredKinds::of(definition);
    let mut answers: BTreeMap<i64, Vec<_>> = BTreeMap::new();
    for (round, json) in &stored {
        answers.entry(*round).or_default().push(crate::questionnaire::stored_answers(&kinds, json)?);
    }
    let (mut measured, mut earlier) = (Vec::new(), Vec::new());
    for (campaign_id, org_id, name, round, threshold, closed, closes_on) in rounds {
        if !super::round_closed(closed, closes_on) {
            continue;
        }
        let one = SurveyMeasured {
            org_id,
            name,
            threshold: Threshold::new(threshold).unwrap_or_default(),
            answers: answers.remove(&round).unwrap_or_default(),
        };
        match campaign_id == campaign.id {
            true => measured.push(one),
            false => earlier.push(one),
        }
    }
    Ok(CountyFigures::Survey { definition, measured, previous: earlier })
}

/// The board shares the county report with the organisations that took part, anonymised or
/// named, or takes it back.
pub async fn set_report_sharing(db: &Db, scope: &OrgScope, id: i64, sharing: Sharing) -> StoreResult<()> {
    require_manager(scope)?;
    let found = super::campaign(db, scope, id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE campaigns SET report_sharing = $1, updated_at = $2 WHERE id = $3 AND org_id = $4")
            .bind(sharing.key())
            .bind(crate::now())
            .bind(id)
            .bind(scope.org_id())
            .execute(&mut *tx)
            .await?;
        let entry = AuditEntry::scoped(scope, "share", "campaign", id)
            .before(&serde_json::json!({"report_sharing": found.report_sharing.key()}))
            .after(&serde_json::json!({"report_sharing": sharing.key()}));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}
