//! The goal hierarchy: a purpose, goals under it and sub-goals under each goal. A parent must be
//! one of the initiative's goals on the rung above, and a goal with goals under it stays until
//! they are moved or removed.

use parat_core::landscape::goals::{tree_order, GoalDraft, GoalLevel};
use parat_core::owner::Owner;
use parat_core::Problem;

use super::*;

#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub id: i64,
    pub level: GoalLevel,
    pub parent_id: Option<i64>,
    pub text: String,
    pub measure: String,
    pub owner_id: Option<i64>,
    pub who: String,
    pub source: String,
}

impl Goal {
    pub fn owner(&self) -> Option<Owner> {
        owner_of(self.owner_id, &self.who)
    }

    /// The goals in the hierarchy's order, each with its depth.
    pub fn in_tree_order(goals: &[Goal]) -> Vec<(&Goal, usize)> {
        let links: Vec<(i64, Option<i64>)> = goals.iter().map(|g| (g.id, g.parent_id)).collect();
        tree_order(&links).into_iter().map(|(index, depth)| (&goals[index], depth)).collect()
    }
}

#[derive(sqlx::FromRow)]
struct GoalRow {
    id: i64,
    level: crate::Stored<GoalLevel>,
    parent_id: Option<i64>,
    text: String,
    measure: String,
    owner_id: Option<i64>,
    who: String,
    source: String,
}

const SELECT_GOALS: &str = "SELECT g.id, g.level, g.parent_id, g.text, g.measure, g.owner_id, \
    COALESCE(u.display_name, g.who) AS who, g.source FROM landscape_goals g LEFT JOIN users u ON u.id = g.owner_id";

impl PlanItem for Goal {
    type Draft = GoalDraft;
    const TABLE: &'static str = "landscape_goals";
    const ENTITY: &'static str = "landscape_goal";
    const OWNED: bool = true;

    /// In the order they were added; [`Goal::in_tree_order`] gives the hierarchy's.
    async fn fetch(db: &Db, landscape: &Landscape, only: Option<i64>) -> StoreResult<Vec<Goal>> {
        let rows: Vec<GoalRow> = fetch_rows(db, landscape, only, (SELECT_GOALS, "g", "g.id")).await?;
        Ok(rows
            .into_iter()
            .map(|r| Goal {
                id: r.id,
                level: r.level.0,
                parent_id: r.parent_id,
                text: r.text,
                measure: r.measure,
                owner_id: r.owner_id,
                who: r.who,
                source: r.source,
            })
            .collect())
    }

    fn columns(draft: &GoalDraft) -> Vec<(&'static str, Value)> {
        vec![
            ("level", draft.level.key().into()),
            ("parent_id", draft.parent.into()),
            ("text", (&draft.text).into()),
            ("measure", (&draft.measure).into()),
        ]
    }

    fn owner(draft: &GoalDraft) -> Option<&Owner> {
        draft.owner.as_ref()
    }

    /// The parent must be the initiative's, on the rung above; a goal that has goals under it
    /// keeps its rung.
    async fn check(db: &Db, landscape: &Landscape, draft: &GoalDraft, id: Option<i64>) -> StoreResult<()> {
        if let Some(parent) = draft.parent {
            let found = item::<Goal>(db, landscape, parent).await;
            let fits = matches!(&found, Ok(p) if Some(p.level) == draft.level.parent_level() && Some(p.id) != id);
            if !fits {
                return Err(StoreError::field("parent_id", Problem::WrongParent));
            }
        }
        if let Some(id) = id {
            let before = item::<Goal>(db, landscape, id).await?;
            if before.level != draft.level && has_children(db, landscape, id).await? {
                return Err(StoreError::field("level", Problem::WrongParent));
            }
        }
        Ok(())
    }

    async fn check_removal(db: &Db, landscape: &Landscape, id: i64) -> StoreResult<()> {
        if has_children(db, landscape, id).await? {
            return Err(StoreError::Closed);
        }
        Ok(())
    }
}

async fn has_children(db: &Db, landscape: &Landscape, id: i64) -> StoreResult<bool> {
    let (count,): (i64,) = on_reader!(db, |pool| sqlx::query_as(
        "SELECT COUNT(*) FROM landscape_goals WHERE initiative_id = $1 AND parent_id = $2"
    )
    .bind(landscape.initiative_id)
    .bind(id)
    .fetch_one(pool)
    .await?);
    Ok(count > 0)
}
