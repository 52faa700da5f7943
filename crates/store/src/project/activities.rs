//! The activity plan and what was carried out, per initiative.

use parat_core::project::money::Amount;
use parat_core::project::ActivityDraft;
use parat_core::Problem;
use serde::Serialize;
use time::Date;

use super::events::{check_initiative, require_editor};
use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, StoreError, StoreResult};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activity {
    pub id: i64,
    pub initiative_id: i64,
    pub title: String,
    pub planned_on: Option<Date>,
    pub responsible: String,
    pub goal_id: Option<i64>,
    /// The goal's text, for lists.
    pub goal: Option<String>,
    pub planned_cost: Option<Amount>,
    pub done_on: Option<Date>,
    pub participants: Option<u32>,
    pub deviation: String,
}

#[derive(sqlx::FromRow)]
struct ActivityRow {
    id: i64,
    initiative_id: i64,
    title: String,
    planned_on: Option<String>,
    responsible: String,
    goal_id: Option<i64>,
    goal: Option<String>,
    planned_cost: Option<i64>,
    done_on: Option<String>,
    participants: Option<i64>,
    deviation: String,
}

fn date(raw: Option<String>) -> Option<Date> {
    parat_core::initiative::parse_date(&raw.unwrap_or_default()).ok().flatten()
}

impl From<ActivityRow> for Activity {
    fn from(row: ActivityRow) -> Self {
        Activity {
            id: row.id,
            initiative_id: row.initiative_id,
            title: row.title,
            planned_on: date(row.planned_on),
            responsible: row.responsible,
            goal_id: row.goal_id,
            goal: row.goal,
            planned_cost: row.planned_cost.map(Amount::from_ore),
            done_on: date(row.done_on),
            participants: row.participants.and_then(|n| u32::try_from(n).ok()),
            deviation: row.deviation,
        }
    }
}

const SELECT: &str = "SELECT a.id, a.initiative_id, a.title, a.planned_on, a.responsible, a.goal_id, g.text AS goal, \
     a.planned_cost, a.done_on, a.participants, a.deviation \
     FROM project_activities a LEFT JOIN landscape_goals g ON g.id = a.goal_id";

/// A goal must be one of the initiative's own.
pub(super) async fn check_goal(db: &Db, initiative_id: i64, goal_id: Option<i64>) -> StoreResult<()> {
    let Some(goal_id) = goal_id else { return Ok(()) };
    let found: Option<(i64,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT id FROM landscape_goals WHERE id = $1 AND initiative_id = $2")
            .bind(goal_id)
            .bind(initiative_id)
            .fetch_optional(pool)
            .await?);
    found.map(|_| ()).ok_or(StoreError::field("goal_id", Problem::UnknownChoice))
}

/// Binds a draft's fields as `$1`…`$9`, the order both the INSERT and the UPDATE use.
macro_rules! bind_activity {
    ($query:expr, $draft:expr) => {
        $query
            .bind(&$draft.title)
            .bind($draft.planned_on.map(|d| d.to_string()))
            .bind(&$draft.responsible)
            .bind($draft.goal_id)
            .bind($draft.planned_cost.map(Amount::ore))
            .bind($draft.done_on.map(|d| d.to_string()))
            .bind($draft.participants.map(i64::from))
            .bind(&$draft.deviation)
            .bind(now())
    };
}

fn draft_json(draft: &ActivityDraft) -> serde_json::Value {
    serde_json::json!({
        "title": draft.title, "planned_on": draft.planned_on.map(|d| d.to_string()),
        "responsible": draft.responsible, "goal_id": draft.goal_id,
        "planned_cost": draft.planned_cost.map(Amount::ore), "done_on": draft.done_on.map(|d| d.to_string()),
        "participants": draft.participants, "deviation": draft.deviation,
    })
}

pub async fn create_activity(db: &Db, scope: &OrgScope, initiative_id: i64, draft: &ActivityDraft) -> StoreResult<i64> {
    require_editor(scope)?;
    check_initiative(db, scope, initiative_id).await?;
    check_goal(db, initiative_id, draft.goal_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = bind_activity!(
            sqlx::query_as(
                "INSERT INTO project_activities (title, planned_on, responsible, goal_id, planned_cost, done_on, \
                 participants, deviation, updated_at, org_id, initiative_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id"
            ),
            draft
        )
        .bind(scope.org_id())
        .bind(initiative_id)
        .fetch_one(&mut *tx)
        .await?;
        audit::record!(
            &mut *tx,
            &AuditEntry::scoped(scope, "create", "project_activity", id).after(&draft_json(draft))
        )?;
        tx.commit().await?;
        Ok(id)
    })
}

pub async fn update_activity(db: &Db, scope: &OrgScope, id: i64, draft: &ActivityDraft) -> StoreResult<()> {
    require_editor(scope)?;
    let before = activity(db, scope, id).await?;
    check_goal(db, before.initiative_id, draft.goal_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        bind_activity!(
            sqlx::query(
                "UPDATE project_activities SET title = $1, planned_on = $2, responsible = $3, goal_id = $4, \
                 planned_cost = $5, done_on = $6, participants = $7, deviation = $8, updated_at = $9 \
                 WHERE id = $10 AND org_id = $11"
            ),
            draft
        )
        .bind(id)
        .bind(scope.org_id())
        .execute(&mut *tx)
        .await?;
        let entry =
            AuditEntry::scoped(scope, "update", "project_activity", id).before(&before).after(&draft_json(draft));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok(())
    })
}

pub async fn delete_activity(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<()> {
    require_editor(scope)?;
    let before = activity(db, scope, id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM project_activities WHERE id = $1 AND org_id = $2")
            .bind(id)
            .bind(scope.org_id())
            .execute(&mut *tx)
            .await?;
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "delete", "project_activity", id).before(&before))?;
        tx.commit().await?;
        Ok(())
    })
}

pub async fn activity(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Activity> {
    let row: Option<ActivityRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT} WHERE a.id = $1 AND a.org_id = $2"))
            .bind(id)
            .bind(scope.org_id())
            .fetch_optional(pool)
            .await?);
    row.map(Activity::from).ok_or(StoreError::NotFound)
}

/// An initiative's activities: planned ones by their date, then those done without a plan.
pub async fn activities_of(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<Activity>> {
    check_initiative(db, scope, initiative_id).await?;
    activities_of_unchecked(db, scope, initiative_id).await
}

/// [`activities_of`] for a caller that has checked the initiative.
pub(super) async fn activities_of_unchecked(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
) -> StoreResult<Vec<Activity>> {
    let rows: Vec<ActivityRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT} WHERE a.initiative_id = $1 AND a.org_id = $2 \
         ORDER BY COALESCE(a.planned_on, a.done_on), a.id"
    ))
    .bind(initiative_id)
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    Ok(rows.into_iter().map(Activity::from).collect())
}

/// The initiative's goals an activity can serve (the landscape's goal hierarchy), in the order
/// they were set.
pub async fn goal_choices(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<(i64, String)>> {
    check_initiative(db, scope, initiative_id).await?;
    let rows: Vec<(i64, String)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, text FROM landscape_goals WHERE initiative_id = $1 ORDER BY id"
    )
    .bind(initiative_id)
    .fetch_all(pool)
    .await?);
    Ok(rows)
}

/// Each activity's planned and done dates, for a period's counts.
pub async fn activity_dates(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
) -> StoreResult<Vec<(Option<Date>, Option<Date>)>> {
    Ok(activities_of(db, scope, initiative_id).await?.into_iter().map(|a| (a.planned_on, a.done_on)).collect())
}
