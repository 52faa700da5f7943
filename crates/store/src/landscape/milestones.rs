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

impl PlanItem for Milestone {
    type Draft = MilestoneDraft;
    const TABLE: &'static str = "landscape_milestones";
    const ENTITY: &'static str = "landscape_milestone";
    const OWNED: bool = true;

    /// By planned date.
    async fn fetch(db: &Db, landscape: &Landscape, only: Option<i64>) -> StoreResult<Vec<Milestone>> {
        let rows: Vec<MilestoneRow> =
            fetch_rows(db, landscape, only, (SELECT_MILESTONES, "m", "m.planned_on, m.id")).await?;
        Ok(rows.into_iter().filter_map(MilestoneRow::into_milestone).collect())
    }

    fn columns(draft: &MilestoneDraft) -> Vec<(&'static str, Value)> {
        vec![
            ("name", (&draft.name).into()),
            ("phase", draft.phase.clone().into()),
            ("planned_on", draft.planned_on.into()),
            ("reached_on", draft.reached_on.into()),
            ("status", draft.status.key().into()),
        ]
    }

    fn owner(draft: &MilestoneDraft) -> Option<&Owner> {
        draft.owner.as_ref()
    }
}
