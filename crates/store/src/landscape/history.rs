//! The kept changes of a landscape, for comparing two dates.

use parat_core::landscape::history::{Change, FactorRecord, QuestionRecord};
use parat_core::landscape::{FactorState, QuestionStatus};

use super::*;

/// Every kept change of the initiative's factors and questions, oldest first.
pub struct Changes {
    pub factors: Vec<Change<FactorRecord>>,
    pub questions: Vec<Change<QuestionRecord>>,
    /// When the first change was made, if any.
    pub first_at: Option<i64>,
}

/// A kept change as stored: kind, key, time, and the factor's or the question's values.
type ChangeRow = (String, String, i64, Option<bool>, Option<i64>, Option<String>);

pub async fn changes(db: &Db, landscape: &Landscape) -> StoreResult<Changes> {
    let rows: Vec<ChangeRow> = on_reader!(db, |pool| {
        sqlx::query_as(
            "SELECT kind, item_key, changed_at, in_focus, state, status FROM landscape_changes \
             WHERE initiative_id = $1 ORDER BY changed_at, id",
        )
        .bind(landscape.initiative_id)
        .fetch_all(pool)
        .await?
    });
    let mut changes = Changes { factors: Vec::new(), questions: Vec::new(), first_at: rows.first().map(|r| r.2) };
    for (kind, key, at, in_focus, state, status) in rows {
        if kind == "factor" {
            let record = FactorRecord {
                in_focus: in_focus.unwrap_or(false),
                state: state.and_then(|v| FactorState::new(v).ok()),
            };
            changes.factors.push(Change { key, at, record });
        } else if let Some(status) = status.as_deref().and_then(|s| QuestionStatus::parse(s).ok()) {
            changes.questions.push(Change { key, at, record: QuestionRecord { status } });
        }
    }
    Ok(changes)
}
