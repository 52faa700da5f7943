//! Factor assessments: whether a factor is in focus, how it stands, the note behind that, and
//! who follows it up. A factor is absent until first assessed.

use parat_core::landscape::{FactorDraft, FactorState};
use parat_core::owner::Owner;

use super::*;

/// One factor as assessed for an initiative.
#[derive(Debug, Clone, Serialize)]
pub struct FactorEntry {
    pub key: String,
    pub in_focus: bool,
    pub state: Option<FactorState>,
    pub note: String,
    /// Who follows it up, among the organisation's people, if one was chosen.
    pub follow_up_id: Option<i64>,
    /// Their name, or the name typed instead; empty when nobody.
    pub follow_up: String,
    pub updated_at: i64,
}

impl FactorEntry {
    /// The form's owner pair as it was saved.
    pub fn follow_up_owner(&self) -> Option<Owner> {
        owner_of(self.follow_up_id, &self.follow_up)
    }
}

#[derive(sqlx::FromRow)]
struct FactorRow {
    factor_key: String,
    in_focus: bool,
    state: Option<i64>,
    note: String,
    follow_up_id: Option<i64>,
    follow_up: String,
    member_name: Option<String>,
    updated_at: i64,
}

impl From<FactorRow> for FactorEntry {
    fn from(row: FactorRow) -> Self {
        FactorEntry {
            key: row.factor_key,
            in_focus: row.in_focus,
            state: row.state.and_then(|v| FactorState::new(v).ok()),
            note: row.note,
            follow_up_id: row.follow_up_id,
            follow_up: row.member_name.unwrap_or(row.follow_up),
            updated_at: row.updated_at,
        }
    }
}

/// The initiative's assessed factors (in no particular order: the framework orders them).
pub async fn factors(db: &Db, landscape: &Landscape) -> StoreResult<Vec<FactorEntry>> {
    let rows: Vec<FactorRow> = on_reader!(db, |pool| {
        sqlx::query_as(
        "SELECT f.factor_key, f.in_focus, f.state, f.note, f.follow_up_id, f.follow_up, u.display_name AS member_name, \
         f.updated_at FROM landscape_factors f LEFT JOIN users u ON u.id = f.follow_up_id WHERE f.initiative_id = $1"
    )
    .bind(landscape.initiative_id)
    .fetch_all(pool)
    .await?
    });
    Ok(rows.into_iter().map(FactorEntry::from).collect())
}

/// Records a factor's assessment, keeps the change, and logs it. The key must be one of the
/// framework's factors.
pub async fn save_factor(
    db: &Db,
    scope: &OrgScope,
    landscape: &Landscape,
    key: &str,
    draft: &FactorDraft,
) -> StoreResult<()> {
    landscape.require_edit()?;
    if landscape.framework().factor(key).is_none() {
        return Err(StoreError::NotFound);
    }
    let (follow_up_id, follow_up) =
        crate::owners::owner_columns(db, scope, draft.follow_up.as_ref(), "follow_up_id").await?;
    let state = draft.state.map(|s| i64::from(s.value()));
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let before: Option<(bool, Option<i64>, String, String)> = sqlx::query_as(
            "SELECT in_focus, state, note, follow_up FROM landscape_factors WHERE initiative_id = $1 AND factor_key = $2",
        )
        .bind(landscape.initiative_id)
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO landscape_factors (initiative_id, factor_key, in_focus, state, note, follow_up_id, follow_up, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (initiative_id, factor_key) DO UPDATE SET in_focus = excluded.in_focus, state = excluded.state, \
             note = excluded.note, follow_up_id = excluded.follow_up_id, follow_up = excluded.follow_up, updated_at = excluded.updated_at",
        )
        .bind(landscape.initiative_id)
        .bind(key)
        .bind(draft.in_focus)
        .bind(state)
        .bind(&draft.note)
        .bind(follow_up_id)
        .bind(&follow_up)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO landscape_changes (initiative_id, kind, item_key, changed_at, in_focus, state) \
             VALUES ($1, 'factor', $2, $3, $4, $5)",
        )
        .bind(landscape.initiative_id)
        .bind(key)
        .bind(at)
        .bind(draft.in_focus)
        .bind(state)
        .execute(&mut *tx)
        .await?;
        let record = |in_focus: bool, state: Option<i64>, note: &str, follow_up: &str| serde_json::json!({ "factor": key, "in_focus": in_focus, "state": state, "note": note, "follow_up": follow_up });
        let mut entry = AuditEntry::scoped(scope, "update", "landscape_factor", landscape.initiative_id)
            .after(&record(draft.in_focus, state, &draft.note, &follow_up));
        if let Some((in_focus, state, note, follow_up)) = &before {
            entry = entry.before(&record(*in_focus, *state, note, follow_up));
        }
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}
