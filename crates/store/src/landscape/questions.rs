//! The reflection checklist: each question's answer, status, owner and due date. A question is
//! absent (open) until first answered.

use parat_core::landscape::{QuestionDraft, QuestionStatus};
use parat_core::owner::Owner;

use super::*;

/// One reflection question as answered for an initiative.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionEntry {
    pub key: String,
    pub answer: String,
    pub status: QuestionStatus,
    pub owner_id: Option<i64>,
    /// The owner's name: the member's, or the name typed instead; empty when nobody.
    pub who: String,
    pub due_on: Option<time::Date>,
    pub updated_at: i64,
}

impl QuestionEntry {
    pub fn is_overdue(&self, today: time::Date) -> bool {
        QuestionDraft::is_overdue(self.status, self.due_on, today)
    }

    pub fn owner(&self) -> Option<Owner> {
        owner_of(self.owner_id, &self.who)
    }
}

#[derive(sqlx::FromRow)]
struct QuestionRow {
    question_key: String,
    answer: String,
    status: crate::Stored<QuestionStatus>,
    owner_id: Option<i64>,
    who: String,
    member_name: Option<String>,
    due_on: Option<String>,
    updated_at: i64,
}

impl From<QuestionRow> for QuestionEntry {
    fn from(row: QuestionRow) -> Self {
        QuestionEntry {
            key: row.question_key,
            answer: row.answer,
            status: row.status.0,
            owner_id: row.owner_id,
            who: row.member_name.unwrap_or(row.who),
            due_on: date_of(row.due_on),
            updated_at: row.updated_at,
        }
    }
}

const SELECT_QUESTIONS: &str = "SELECT q.question_key, q.answer, q.status, q.owner_id, q.who, \
    u.display_name AS member_name, q.due_on, q.updated_at \
    FROM landscape_questions q LEFT JOIN users u ON u.id = q.owner_id";

/// The initiative's answered questions (the framework orders them).
pub async fn questions(db: &Db, landscape: &Landscape) -> StoreResult<Vec<QuestionEntry>> {
    let rows: Vec<QuestionRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT_QUESTIONS} WHERE q.initiative_id = $1"))
            .bind(landscape.initiative_id)
            .fetch_all(pool)
            .await?);
    Ok(rows.into_iter().map(QuestionEntry::from).collect())
}

/// One question's record, if it has one.
pub async fn question(db: &Db, landscape: &Landscape, key: &str) -> StoreResult<Option<QuestionEntry>> {
    let row: Option<QuestionRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT_QUESTIONS} WHERE q.initiative_id = $1 AND q.question_key = $2"
    ))
    .bind(landscape.initiative_id)
    .bind(key)
    .fetch_optional(pool)
    .await?);
    Ok(row.map(QuestionEntry::from))
}

/// Records a question's answer and status, keeps the change, and logs it.
pub async fn save_question(
    db: &Db,
    scope: &OrgScope,
    landscape: &Landscape,
    key: &str,
    draft: &QuestionDraft,
) -> StoreResult<()> {
    landscape.require_edit()?;
    if landscape.framework().question(key).is_none() {
        return Err(StoreError::NotFound);
    }
    let (owner_id, who) = crate::owners::owner_columns(db, scope, draft.owner.as_ref(), "owner_id").await?;
    let due_on = draft.due_on.map(|d| d.to_string());
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let before: Option<(String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT answer, status, who, due_on FROM landscape_questions WHERE initiative_id = $1 AND question_key = $2",
        )
        .bind(landscape.initiative_id)
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO landscape_questions (initiative_id, question_key, answer, status, owner_id, who, due_on, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (initiative_id, question_key) DO UPDATE SET answer = excluded.answer, status = excluded.status, \
             owner_id = excluded.owner_id, who = excluded.who, due_on = excluded.due_on, updated_at = excluded.updated_at",
        )
        .bind(landscape.initiative_id)
        .bind(key)
        .bind(&draft.answer)
        .bind(draft.status.key())
        .bind(owner_id)
        .bind(&who)
        .bind(&due_on)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO landscape_changes (initiative_id, kind, item_key, changed_at, status) \
             VALUES ($1, 'question', $2, $3, $4)",
        )
        .bind(landscape.initiative_id)
        .bind(key)
        .bind(at)
        .bind(draft.status.key())
        .execute(&mut *tx)
        .await?;
        let record = |answer: &str, status: &str, who: &str, due_on: &Option<String>| serde_json::json!({ "question": key, "answer": answer, "status": status, "owner": who, "due_on": due_on });
        let mut entry = AuditEntry::scoped(scope, "update", "landscape_question", landscape.initiative_id)
            .after(&record(&draft.answer, draft.status.key(), &who, &due_on));
        if let Some((answer, status, who, due_on)) = &before {
            entry = entry.before(&record(answer, status, who, due_on));
        }
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}

/// A reflection question a person owns and has not settled, with its initiative.
#[derive(Debug, Clone)]
pub struct OwnedQuestion {
    pub initiative_id: i64,
    pub initiative_name: String,
    pub framework_key: String,
    pub entry: QuestionEntry,
}

/// The questions in the scope's organisation that the scope's person owns and that are not
/// settled or set aside, by due date (for their home page).
pub async fn my_open_questions(db: &Db, scope: &OrgScope) -> StoreResult<Vec<OwnedQuestion>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        initiative_id: i64,
        initiative_name: String,
        framework: String,
        #[sqlx(flatten)]
        question: QuestionRow,
    }
    let rows: Vec<Row> = on_reader!(db, |pool| {
        sqlx::query_as(
        "SELECT i.id AS initiative_id, i.name AS initiative_name, i.framework, q.question_key, q.answer, q.status, \
         q.owner_id, q.who, u.display_name AS member_name, q.due_on, q.updated_at \
         FROM landscape_questions q JOIN initiatives i ON i.id = q.initiative_id JOIN users u ON u.id = q.owner_id \
         WHERE i.org_id = $1 AND q.owner_id = $2 AND q.status IN ('open', 'not_settled') AND NOT i.archived \
         ORDER BY q.due_on IS NULL, q.due_on, i.id, q.question_key"
    )
    .bind(scope.org_id())
    .bind(scope.user_id())
    .fetch_all(pool)
    .await?
    });
    Ok(rows
        .into_iter()
        .map(|row| OwnedQuestion {
            initiative_id: row.initiative_id,
            initiative_name: row.initiative_name,
            framework_key: row.framework,
            entry: row.question.into(),
        })
        .collect())
}
