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

impl PlanItem for Risk {
    type Draft = RiskDraft;
    const TABLE: &'static str = "landscape_risks";
    const ENTITY: &'static str = "landscape_risk";
    const OWNED: bool = true;

    /// Highest score first.
    async fn fetch(db: &Db, landscape: &Landscape, only: Option<i64>) -> StoreResult<Vec<Risk>> {
        fetch_rows(db, landscape, only, (SELECT_RISKS, "r", "r.likelihood * r.consequence DESC, r.id")).await
    }

    fn columns(draft: &RiskDraft) -> Vec<(&'static str, Value)> {
        vec![
            ("what", (&draft.what).into()),
            ("likelihood", draft.likelihood.into()),
            ("consequence", draft.consequence.into()),
            ("mitigation", (&draft.mitigation).into()),
        ]
    }

    fn owner(draft: &RiskDraft) -> Option<&Owner> {
        draft.owner.as_ref()
    }
}
