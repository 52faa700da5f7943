//! The theory of change: its steps, each in one column (stage), in the order they were added.

use parat_core::landscape::theory::{ChangeStage, ChangeStepDraft};

use super::*;

#[derive(Debug, Clone, Serialize)]
pub struct ChangeStep {
    pub id: i64,
    pub stage: ChangeStage,
    pub text: String,
    pub source: String,
}

#[derive(sqlx::FromRow)]
struct ChangeStepRow {
    id: i64,
    stage: crate::Stored<ChangeStage>,
    text: String,
    source: String,
}

impl PlanItem for ChangeStep {
    type Draft = ChangeStepDraft;
    const TABLE: &'static str = "landscape_change_steps";
    const ENTITY: &'static str = "landscape_change_step";
    const OWNED: bool = false;

    async fn fetch(db: &Db, landscape: &Landscape, only: Option<i64>) -> StoreResult<Vec<ChangeStep>> {
        let rows: Vec<ChangeStepRow> = fetch_rows(
            db,
            landscape,
            only,
            ("SELECT s.id, s.stage, s.text, s.source FROM landscape_change_steps s", "s", "s.id"),
        )
        .await?;
        let mut steps: Vec<ChangeStep> = rows
            .into_iter()
            .map(|r| ChangeStep { id: r.id, stage: r.stage.0, text: r.text, source: r.source })
            .collect();
        // Column by column, from need to assumptions; within one, as added.
        steps.sort_by_key(|s| (s.stage, s.id));
        Ok(steps)
    }

    fn columns(draft: &ChangeStepDraft) -> Vec<(&'static str, Value)> {
        vec![("stage", draft.stage.key().into()), ("text", (&draft.text).into())]
    }
}
