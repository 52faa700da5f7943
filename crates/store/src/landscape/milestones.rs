//! The milestone plan: milestones with planned and actual dates, status and owner, each in one
//! of the framework's phases.

use parat_core::landscape::plan::{MilestoneDraft, MilestoneStatus};
use parat_core::owner::Owner;

use super::*;

#[derive(Debug, Clone, Serialize)]
pub struct Milestone {
    pub id: i64,
    pub name: String,
    pub phase: Option<String>,
    pub planned_on: time::Date,
    pub reached_on: Option<time::Date>,
    pub status: MilestoneStatus,
    pub owner_id: Option<i64>,
    pub who: String,
    pub source: String,
}

impl Milestone {
    pub fn is_overdue(&self, today: time::Date) -> bool {
        MilestoneDraft::is_overdue(self.status, self.planned_on, today)
    }

    pub fn owner(&self) -> Option<Owner> {
        owner_of(self.owner_id, &self.who)
    }
}

#[derive(sqlx::FromRow)]
struct MilestoneRow {
    id: i64,
    name: String,
    phase: Option<String>,
    planned_on: String,
    reached_on: Option<String>,
    status: crate::Stored<MilestoneStatus>,
    owner_id: Option<i64>,
    who: String,
    source: String,
}

impl MilestoneRow {
    /// A row whose planned date cannot be read (never written so) is left out rather than shown wrong.
    fn into_milestone(self) -> Option<Milestone> {
        Some(Milestone {
            id: self.id,
            name: self.name,
            phase: self.phase,
            planned_on: date_of(Some(self.planned_on))?,
            reached_on: date_of(self.reached_on),
            status: self.status.0,
            owner_id: self.owner_id,
            who: self.who,
            source: self.source,
        })
    }
}

const SELECT_MILESTONES: &str = "SELECT m.id, m.name, m.phase, m.planned_on, m.reached_on, m.status, m.owner_id, \
    COALESCE(u.display_name, m.who) AS who, m.source FROM landscape_milestones m LEFT JOIN users u ON u.id = m.owner_id";

/// The initiative's milestones by planned date.
pub async fn milestones(db: &Db, landscape: &Landscape) -> StoreResult<Vec<Milestone>> {
    let rows: Vec<MilestoneRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT_MILESTONES} WHERE m.initiative_id = $1 ORDER BY m.planned_on, m.id"
    ))
    .bind(landscape.initiative_id)
    .fetch_all(pool)
    .await?);
    Ok(rows.into_iter().filter_map(MilestoneRow::into_milestone).collect())
}

pub async fn milestone(db: &Db, landscape: &Landscape, id: i64) -> StoreResult<Milestone> {
    let row: Option<MilestoneRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT_MILESTONES} WHERE m.initiative_id = $1 AND m.id = $2"))
            .bind(landscape.initiative_id)
            .bind(id)
            .fetch_optional(pool)
            .await?);
    row.and_then(MilestoneRow::into_milestone).ok_or(StoreError::NotFound)
}

fn record(draft: &MilestoneDraft, who: &str) -> serde_json::Value {
    serde_json::json!({
        "name": draft.name, "phase": draft.phase, "planned_on": draft.planned_on.to_string(),
        "reached_on": draft.reached_on.map(|d| d.to_string()), "status": draft.status.key(), "owner": who,
    })
}

/// Adds a milestone; `source` names the readiness result it came from, or is empty.
pub async fn add_milestone(
    db: &Db,
    scope: &OrgScope,
    landscape: &Landscape,
    draft: &MilestoneDraft,
    source: &str,
) -> StoreResult<i64> {
    landscape.require_edit()?;
    let (owner_id, who) = crate::owners::owner_columns(db, scope, draft.owner.as_ref(), "owner_id").await?;
    let at = now();
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO landscape_milestones (initiative_id, name, phase, planned_on, reached_on, status, owner_id, who, \
             source, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
        )
        .bind(landscape.initiative_id)
        .bind(&draft.name)
        .bind(&draft.phase)
        .bind(draft.planned_on.to_string())
        .bind(draft.reached_on.map(|d| d.to_string()))
        .bind(draft.status.key())
        .bind(owner_id)
        .bind(&who)
        .bind(source)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "create", "landscape_milestone", id).after(&record(draft, &who));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok(id)
}

pub async fn update_milestone(
    db: &Db,
    scope: &OrgScope,
    landscape: &Landscape,
    id: i64,
    draft: &MilestoneDraft,
) -> StoreResult<()> {
    landscape.require_edit()?;
    let before = milestone(db, landscape, id).await?;
    let (owner_id, who) = crate::owners::owner_columns(db, scope, draft.owner.as_ref(), "owner_id").await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE landscape_milestones SET name = $1, phase = $2, planned_on = $3, reached_on = $4, status = $5, \
             owner_id = $6, who = $7, updated_at = $8 WHERE initiative_id = $9 AND id = $10",
        )
        .bind(&draft.name)
        .bind(&draft.phase)
        .bind(draft.planned_on.to_string())
        .bind(draft.reached_on.map(|d| d.to_string()))
        .bind(draft.status.key())
        .bind(owner_id)
        .bind(&who)
        .bind(now())
        .bind(landscape.initiative_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let entry =
            AuditEntry::scoped(scope, "update", "landscape_milestone", id).before(&before).after(&record(draft, &who));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}

pub async fn delete_milestone(db: &Db, scope: &OrgScope, landscape: &Landscape, id: i64) -> StoreResult<()> {
    delete_record(db, scope, landscape, ("landscape_milestones", "landscape_milestone"), id).await
}
