//! The action plan built from the results.

use super::*;

/// One step of the action plan built from the results: what, who, by when.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ActionItem {
    pub id: i64,
    pub stage: Option<i64>,
    pub what: String,
    pub who: String,
    pub due_on: Option<String>,
}

pub async fn actions(db: &Db, scope: &OrgScope, assessment: &Assessment) -> StoreResult<Vec<ActionItem>> {
    Access::require(Access::of(scope, assessment).read_results)?;
    let rows = on_reader!(db, |pool| {
        sqlx::query_as::<_, ActionItem>(
        "SELECT id, stage, what, who, due_on FROM action_items WHERE assessment_id = $1 ORDER BY due_on IS NULL, due_on, id"
    )
    .bind(assessment.id)
    .fetch_all(pool)
    .await?
    });
    Ok(rows)
}

/// A step for the action plan, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionDraft {
    pub stage: Option<u8>,
    pub what: String,
    pub who: String,
    pub due_on: Option<time::Date>,
}

pub async fn add_action(db: &Db, scope: &OrgScope, assessment: &Assessment, draft: &ActionDraft) -> StoreResult<i64> {
    Access::require(Access::of(scope, assessment).manage)?;
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO action_items (assessment_id, stage, what, who, due_on, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(assessment.id)
        .bind(draft.stage.map(i64::from))
        .bind(&draft.what)
        .bind(&draft.who)
        .bind(draft.due_on.map(|d| d.to_string()))
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "create", "action_item", id)
            .after(&serde_json::json!({ "assessment_id": assessment.id, "what": draft.what, "who": draft.who }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok(id)
}

pub async fn delete_action(db: &Db, scope: &OrgScope, assessment: &Assessment, action_id: i64) -> StoreResult<()> {
    Access::require(Access::of(scope, assessment).manage)?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let deleted = sqlx::query("DELETE FROM action_items WHERE assessment_id = $1 AND id = $2")
            .bind(assessment.id)
            .bind(action_id)
            .execute(&mut *tx)
            .await?;
        if deleted.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "delete", "action_item", action_id))?;
        tx.commit().await?;
    });
    Ok(())
}
