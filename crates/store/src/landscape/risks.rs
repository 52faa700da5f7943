//! The risk analysis: each risk with its likelihood and consequence (1–5), the mitigation and
//! who owns it.

use parat_core::landscape::plan::{RiskDraft, RiskLevel};
use parat_core::owner::Owner;

use super::*;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Risk {
    pub id: i64,
    pub what: String,
    pub likelihood: i64,
    pub consequence: i64,
    pub mitigation: String,
    pub owner_id: Option<i64>,
    /// The owner's name: the member's, or the name given instead; empty when nobody.
    pub who: String,
    /// The readiness result it was made from, if any (`assessment:<id>:<dimension>`).
    pub source: String,
}

impl Risk {
    pub fn score(&self) -> i64 {
        self.likelihood * self.consequence
    }

    pub fn level(&self) -> RiskLevel {
        RiskLevel::of(self.likelihood as u8, self.consequence as u8)
    }

    pub fn owner(&self) -> Option<Owner> {
        owner_of(self.owner_id, &self.who)
    }
}

const SELECT_RISKS: &str = "SELECT r.id, r.what, r.likelihood, r.consequence, r.mitigation, r.owner_id, \
    COALESCE(u.display_name, r.who) AS who, r.source FROM landscape_risks r LEFT JOIN users u ON u.id = r.owner_id";

/// The initiative's risks, highest score first.
pub async fn risks(db: &Db, landscape: &Landscape) -> StoreResult<Vec<Risk>> {
    let rows = on_reader!(db, |pool| sqlx::query_as::<_, Risk>(&format!(
        "{SELECT_RISKS} WHERE r.initiative_id = $1 ORDER BY r.likelihood * r.consequence DESC, r.id"
    ))
    .bind(landscape.initiative_id)
    .fetch_all(pool)
    .await?);
    Ok(rows)
}

pub async fn risk(db: &Db, landscape: &Landscape, id: i64) -> StoreResult<Risk> {
    let row = on_reader!(db, |pool| sqlx::query_as::<_, Risk>(&format!(
        "{SELECT_RISKS} WHERE r.initiative_id = $1 AND r.id = $2"
    ))
    .bind(landscape.initiative_id)
    .bind(id)
    .fetch_optional(pool)
    .await?);
    row.ok_or(StoreError::NotFound)
}

fn record(draft: &RiskDraft, who: &str) -> serde_json::Value {
    serde_json::json!({
        "what": draft.what, "likelihood": draft.likelihood, "consequence": draft.consequence,
        "mitigation": draft.mitigation, "owner": who,
    })
}

/// Adds a risk; `source` names the readiness result it came from, or is empty.
pub async fn add_risk(
    db: &Db,
    scope: &OrgScope,
    landscape: &Landscape,
    draft: &RiskDraft,
    source: &str,
) -> StoreResult<i64> {
    landscape.require_edit()?;
    let (owner_id, who) = crate::owners::owner_columns(db, scope, draft.owner.as_ref(), "owner_id").await?;
    let at = now();
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO landscape_risks (initiative_id, what, likelihood, consequence, mitigation, owner_id, who, source, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        )
        .bind(landscape.initiative_id)
        .bind(&draft.what)
        .bind(i64::from(draft.likelihood))
        .bind(i64::from(draft.consequence))
        .bind(&draft.mitigation)
        .bind(owner_id)
        .bind(&who)
        .bind(source)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "create", "landscape_risk", id).after(&record(draft, &who));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok(id)
}

pub async fn update_risk(
    db: &Db,
    scope: &OrgScope,
    landscape: &Landscape,
    id: i64,
    draft: &RiskDraft,
) -> StoreResult<()> {
    landscape.require_edit()?;
    let before = risk(db, landscape, id).await?;
    let (owner_id, who) = crate::owners::owner_columns(db, scope, draft.owner.as_ref(), "owner_id").await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE landscape_risks SET what = $1, likelihood = $2, consequence = $3, mitigation = $4, owner_id = $5, \
             who = $6, updated_at = $7 WHERE initiative_id = $8 AND id = $9",
        )
        .bind(&draft.what)
        .bind(i64::from(draft.likelihood))
        .bind(i64::from(draft.consequence))
        .bind(&draft.mitigation)
        .bind(owner_id)
        .bind(&who)
        .bind(now())
        .bind(landscape.initiative_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let entry =
            AuditEntry::scoped(scope, "update", "landscape_risk", id).before(&before).after(&record(draft, &who));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}

pub async fn delete_risk(db: &Db, scope: &OrgScope, landscape: &Landscape, id: i64) -> StoreResult<()> {
    delete_record(db, scope, landscape, ("landscape_risks", "landscape_risk"), id).await
}
