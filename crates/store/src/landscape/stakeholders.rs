//! The stakeholder analysis: each stakeholder's interest and influence (1–4), attitude, how to
//! involve them and who keeps in touch.

use parat_core::landscape::stakeholders::{Attitude, Quadrant, StakeholderDraft};
use parat_core::owner::Owner;

use super::*;

#[derive(Debug, Clone, Serialize)]
pub struct Stakeholder {
    pub id: i64,
    pub name: String,
    pub interest: i64,
    pub influence: i64,
    pub attitude: Attitude,
    pub involvement: String,
    pub owner_id: Option<i64>,
    pub who: String,
    pub source: String,
}

impl Stakeholder {
    pub fn quadrant(&self) -> Quadrant {
        Quadrant::of(self.interest as u8, self.influence as u8)
    }

    pub fn owner(&self) -> Option<Owner> {
        owner_of(self.owner_id, &self.who)
    }
}

#[derive(sqlx::FromRow)]
struct StakeholderRow {
    id: i64,
    name: String,
    interest: i64,
    influence: i64,
    attitude: crate::Stored<Attitude>,
    involvement: String,
    owner_id: Option<i64>,
    who: String,
    source: String,
}

const SELECT_STAKEHOLDERS: &str = "SELECT s.id, s.name, s.interest, s.influence, s.attitude, s.involvement, \
    s.owner_id, COALESCE(u.display_name, s.who) AS who, s.source FROM landscape_stakeholders s \
    LEFT JOIN users u ON u.id = s.owner_id";

impl PlanItem for Stakeholder {
    type Draft = StakeholderDraft;
    const TABLE: &'static str = "landscape_stakeholders";
    const ENTITY: &'static str = "landscape_stakeholder";
    const OWNED: bool = true;

    /// Most influence first, then most interest.
    async fn fetch(db: &Db, landscape: &Landscape, only: Option<i64>) -> StoreResult<Vec<Stakeholder>> {
        let rows: Vec<StakeholderRow> =
            fetch_rows(db, landscape, only, (SELECT_STAKEHOLDERS, "s", "s.influence DESC, s.interest DESC, s.id"))
                .await?;
        Ok(rows
            .into_iter()
            .map(|r| Stakeholder {
                id: r.id,
                name: r.name,
                interest: r.interest,
                influence: r.influence,
                attitude: r.attitude.0,
                involvement: r.involvement,
                owner_id: r.owner_id,
                who: r.who,
                source: r.source,
            })
            .collect())
    }

    fn columns(draft: &StakeholderDraft) -> Vec<(&'static str, Value)> {
        vec![
            ("name", (&draft.name).into()),
            ("interest", draft.interest.into()),
            ("influence", draft.influence.into()),
            ("attitude", draft.attitude.key().into()),
            ("involvement", (&draft.involvement).into()),
        ]
    }

    fn owner(draft: &StakeholderDraft) -> Option<&Owner> {
        draft.owner.as_ref()
    }
}
