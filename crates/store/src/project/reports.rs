//! The coordinator's narrative of a period's report, or of the final report.

use parat_core::project::{Narrative, ReportOf};

use super::events::{check_initiative, require_editor};
use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, StoreResult};

/// The narrative of the initiative's report for the period (or its final report), empty when none is written.
pub async fn narrative(db: &Db, scope: &OrgScope, initiative_id: i64, report: &ReportOf) -> StoreResult<Narrative> {
    check_initiative(db, scope, initiative_id).await?;
    narrative_unchecked(db, scope, initiative_id, report).await
}

/// [`narrative`] for a caller that has checked the initiative.
pub(super) async fn narrative_unchecked(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
    report: &ReportOf,
) -> StoreResult<Narrative> {
    let row: Option<(String, String, String, String)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT summary, went_well, difficulties, next_period FROM project_reports \
         WHERE initiative_id = $1 AND org_id = $2 AND period = $3"
    )
    .bind(initiative_id)
    .bind(scope.org_id())
    .bind(report.key())
    .fetch_optional(pool)
    .await?);
    Ok(row
        .map(|(summary, went_well, difficulties, next_period)| Narrative {
            summary,
            went_well,
            difficulties,
            next_period,
        })
        .unwrap_or_default())
}

/// Which periods have a narrative written, for the list of reports.
pub async fn written_reports(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<String>> {
    check_initiative(db, scope, initiative_id).await?;
    let rows: Vec<(String,)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT period FROM project_reports WHERE initiative_id = $1 AND org_id = $2 ORDER BY period"
    )
    .bind(initiative_id)
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    Ok(rows.into_iter().map(|(p,)| p).collect())
}

pub async fn save_narrative(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
    report: &ReportOf,
    narrative: &Narrative,
) -> StoreResult<()> {
    require_editor(scope)?;
    check_initiative(db, scope, initiative_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO project_reports (initiative_id, org_id, period, summary, went_well, difficulties, next_period, \
             updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (initiative_id, period) DO UPDATE SET \
             summary = excluded.summary, went_well = excluded.went_well, difficulties = excluded.difficulties, \
             next_period = excluded.next_period, updated_at = excluded.updated_at",
        )
        .bind(initiative_id)
        .bind(scope.org_id())
        .bind(report.key())
        .bind(&narrative.summary)
        .bind(&narrative.went_well)
        .bind(&narrative.difficulties)
        .bind(&narrative.next_period)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        let after = serde_json::json!({"period": report.key()});
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "update", "project_report", initiative_id).after(&after))?;
        tx.commit().await?;
        Ok(())
    })
}
