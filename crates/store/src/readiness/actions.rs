//! The action plan built from the results: tasks with an owner, a due date and a status.
//! The plan is follow-up work, so it stays open for changes after the assessment is reported.

use parat_core::readiness::action::{ActionDraft, ActionStatus};

use super::*;

/// One task of the action plan.
#[derive(Debug, Clone, Serialize)]
pub struct ActionItem {
    pub id: i64,
    /// The readiness stage of the strategy it came from, if it came from one.
    pub stage: Option<i64>,
    pub what: String,
    /// The owner among the organisation's people, if one was chosen.
    pub owner_id: Option<i64>,
    /// The owner's name: the person's, or the free text given instead.
    pub who: String,
    pub due_on: Option<time::Date>,
    pub status: ActionStatus,
    pub done_on: Option<time::Date>,
}

impl ActionItem {
    pub fn owner(&self) -> Option<parat_core::owner::Owner> {
        crate::owners::owner_of(self.owner_id, &self.who)
    }

    /// Not done and due before `today`.
    pub fn is_overdue(&self, today: time::Date) -> bool {
        self.status != ActionStatus::Done && self.due_on.is_some_and(|due| due < today)
    }
}

#[derive(sqlx::FromRow)]
struct ActionRow {
    id: i64,
    stage: Option<i64>,
    what: String,
    owner_id: Option<i64>,
    who: String,
    owner_name: Option<String>,
    due_on: Option<String>,
    status: crate::Stored<ActionStatus>,
    done_on: Option<String>,
}

fn date_of(raw: Option<String>) -> Option<time::Date> {
    raw.and_then(|d| parat_core::initiative::parse_date(&d).ok().flatten())
}

impl From<ActionRow> for ActionItem {
    fn from(row: ActionRow) -> Self {
        ActionItem {
            id: row.id,
            stage: row.stage,
            what: row.what,
            owner_id: row.owner_id,
            who: row.owner_name.unwrap_or(row.who),
            due_on: date_of(row.due_on),
            status: row.status.0,
            done_on: date_of(row.done_on),
        }
    }
}

const SELECT_ACTIONS: &str = "SELECT x.id, x.stage, x.what, x.owner_id, x.who, u.display_name AS owner_name, \
    x.due_on, x.status, x.done_on FROM action_items x LEFT JOIN users u ON u.id = x.owner_id";

/// The plan, open tasks first by due date, done ones last.
pub async fn actions(db: &Db, scope: &OrgScope, assessment: &Assessment) -> StoreResult<Vec<ActionItem>> {
    Access::require(Access::of(scope, assessment).read_results)?;
    let rows: Vec<ActionRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT_ACTIONS} WHERE x.assessment_id = $1 \
         ORDER BY x.status = 'done', x.due_on IS NULL, x.due_on, x.id"
    ))
    .bind(assessment.id)
    .fetch_all(pool)
    .await?);
    Ok(rows.into_iter().map(ActionItem::from).collect())
}

/// One task of the plan.
pub async fn action(db: &Db, scope: &OrgScope, assessment: &Assessment, action_id: i64) -> StoreResult<ActionItem> {
    Access::require(Access::of(scope, assessment).read_results)?;
    let row: Option<ActionRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT_ACTIONS} WHERE x.assessment_id = $1 AND x.id = $2"))
            .bind(assessment.id)
            .bind(action_id)
            .fetch_optional(pool)
            .await?);
    row.map(ActionItem::from).ok_or(StoreError::NotFound)
}

/// A task of a readiness action plan that a person owns, with the assessment it belongs to.
#[derive(Debug, Clone)]
pub struct OwnedAction {
    pub assessment_id: i64,
    pub measured: String,
    pub issue: String,
    pub created_at: i64,
    pub item: ActionItem,
}

/// The tasks in the scope's organisation that the scope's person owns and has not done, by
/// due date (for their home page).
pub async fn my_open_actions(db: &Db, scope: &OrgScope) -> StoreResult<Vec<OwnedAction>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        assessment_id: i64,
        measured: String,
        issue: String,
        assessment_created_at: i64,
        #[sqlx(flatten)]
        action: ActionRow,
    }
    let rows: Vec<Row> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "SELECT a.id AS assessment_id, a.measured, a.issue, a.created_at AS assessment_created_at, t.* \
         FROM ({SELECT_ACTIONS}) t \
         JOIN action_items y ON y.id = t.id JOIN assessments a ON a.id = y.assessment_id \
         WHERE a.org_id = $1 AND t.owner_id = $2 AND t.status <> 'done' \
         ORDER BY t.due_on IS NULL, t.due_on, t.id"
    ))
    .bind(scope.org_id)
    .bind(scope.user_id)
    .fetch_all(pool)
    .await?);
    Ok(rows
        .into_iter()
        .map(|row| OwnedAction {
            assessment_id: row.assessment_id,
            measured: row.measured,
            issue: row.issue,
            created_at: row.assessment_created_at,
            item: row.action.into(),
        })
        .collect())
}

/// Adds a task; `stage` is the stage of the strategy it came from, if any.
pub async fn add_action(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
    stage: Option<u8>,
    draft: &ActionDraft,
) -> StoreResult<i64> {
    Access::require(Access::of(scope, assessment).manage)?;
    let (owner_id, who) = crate::owners::owner_columns(db, scope, Some(&draft.owner), "owner_id").await?;
    let at = now();
    let done_on = (draft.status == ActionStatus::Done).then(|| parat_core::locale::scandinavian_date(at).to_string());
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO action_items (assessment_id, stage, what, who, owner_id, due_on, status, done_on, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        )
        .bind(assessment.id)
        .bind(stage.map(i64::from))
        .bind(&draft.what)
        .bind(&who)
        .bind(owner_id)
        .bind(draft.due_on.map(|d| d.to_string()))
        .bind(draft.status.key())
        .bind(&done_on)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "create", "action_item", id).after(&task_record(draft, &who));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok(id)
}

/// Changes a task. Its done date is set when it becomes done and cleared if it is reopened.
pub async fn update_action(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
    action_id: i64,
    draft: &ActionDraft,
) -> StoreResult<()> {
    Access::require(Access::of(scope, assessment).manage)?;
    let before = action(db, scope, assessment, action_id).await?;
    let (owner_id, who) = crate::owners::owner_columns(db, scope, Some(&draft.owner), "owner_id").await?;
    let at = now();
    let done_on = match (draft.status, before.done_on) {
        (ActionStatus::Done, Some(kept)) => Some(kept.to_string()),
        (ActionStatus::Done, None) => Some(parat_core::locale::scandinavian_date(at).to_string()),
        _ => None,
    };
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE action_items SET what = $1, who = $2, owner_id = $3, due_on = $4, status = $5, done_on = $6, updated_at = $7 \
             WHERE assessment_id = $8 AND id = $9",
        )
        .bind(&draft.what)
        .bind(&who)
        .bind(owner_id)
        .bind(draft.due_on.map(|d| d.to_string()))
        .bind(draft.status.key())
        .bind(&done_on)
        .bind(at)
        .bind(assessment.id)
        .bind(action_id)
        .execute(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "update", "action_item", action_id)
            .before(&serde_json::json!({
                "what": before.what, "who": before.who, "due_on": before.due_on.map(|d| d.to_string()),
                "status": before.status.key(),
            }))
            .after(&task_record(draft, &who));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}

/// What the audit log keeps of a task.
fn task_record(draft: &ActionDraft, who: &str) -> serde_json::Value {
    serde_json::json!({
        "what": draft.what, "who": who, "due_on": draft.due_on.map(|d| d.to_string()), "status": draft.status.key(),
    })
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
