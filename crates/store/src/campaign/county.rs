//! The county report's figures: the reported measurements of a campaign and of the board's
//! previous campaign, each organisation's agreed scores made into results. The board reads them;
//! an organisation that took part reads them once the board shares the report. Stages only:
//! interviews, informants and the scorers' own scores never leave the organisations this way.

use parat_core::campaign::county::{Measured, Sharing};
use parat_core::readiness::scoring::results;

use super::*;
use crate::audit::{self, AuditEntry};
use crate::readiness::{agreed_scores, edition_of, group_consensus};

/// What the county report is made of, and for whom.
#[derive(Debug, Clone)]
pub struct CountyMeasurements {
    pub campaign: Campaign,
    pub measured: Vec<Measured>,
    /// The board's previous campaign, by name, with its reported measurements.
    pub previous: Option<(String, Vec<Measured>)>,
    /// The reader is the board (which chooses the naming); otherwise an organisation that took
    /// part, reading the report as shared.
    pub board: bool,
}

/// One agreed level of a reported measurement: campaign, organisation and its name, assessment
/// and its edition, interview, dimension, half points.
type AgreedRow = (i64, i64, String, i64, String, i64, String, i64);

/// The reported measurements of a campaign and of the board's latest campaign begun before it.
/// The board always; an organisation whose own measurement is reported, when the board shares
/// the report; anyone else `NotFound`.
pub async fn county_measurements(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<CountyMeasurements> {
    let campaign = super::campaigns::visible_campaign(db, scope, id).await?;
    let board = campaign.org_id == scope.org_id();
    let (previous, rows) = on_reader!(db, |pool| {
        let previous: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, name FROM campaigns WHERE org_id = $1 AND id <> $2 AND (starts_on < $3 OR (starts_on = $3 AND id < $2)) \
             ORDER BY starts_on DESC, id DESC LIMIT 1",
        )
        .bind(campaign.org_id)
        .bind(campaign.id)
        .bind(campaign.starts_on.to_string())
        .fetch_optional(pool)
        .await?;
        let rows: Vec<AgreedRow> = sqlx::query_as(
            "SELECT f.campaign_id, f.org_id, o.name, a.id, a.edition, v.id, c.dimension, CAST(c.half_points AS BIGINT) \
             FROM campaign_offers f JOIN organisations o ON o.id = f.org_id \
             JOIN assessments a ON a.id = f.assessment_id AND a.org_id = f.org_id AND a.status = 'reported' \
             JOIN interviews v ON v.assessment_id = a.id JOIN consensus c ON c.interview_id = v.id \
             WHERE f.campaign_id IN ($1, $2) ORDER BY o.name_key, f.org_id, v.id",
        )
        .bind(campaign.id)
        .bind(previous.as_ref().map_or(campaign.id, |p| p.0))
        .fetch_all(pool)
        .await?;
        (previous, rows)
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
    if !board {
        let took_part = measured.iter().any(|m| m.org_id == scope.org_id());
        if !took_part || campaign.report_sharing == Sharing::NotShared {
            return Err(StoreError::NotFound);
        }
    }
    Ok(CountyMeasurements { campaign, measured, previous: previous.map(|(_, name)| (name, earlier)), board })
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
