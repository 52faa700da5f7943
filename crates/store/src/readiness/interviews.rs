//! Key informants, interviews, answers to the guide and transcripts.

use super::*;

pub async fn add_informant(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
    draft: &InformantDraft,
) -> StoreResult<i64> {
    Access::require(Access::of(scope, assessment).interview)?;
    Access::require_open(assessment)?;
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO informants (assessment_id, label, role, sector, contact, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(assessment.id)
        .bind(&draft.label)
        .bind(&draft.role)
        .bind(&draft.sector)
        .bind(draft.contact.as_deref())
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        // The audit log keeps that an informant was added, not who they are.
        let entry = AuditEntry::scoped(scope, "create", "informant", id)
            .after(&serde_json::json!({ "assessment_id": assessment.id }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok(id)
}

/// Erases an informant: their role, sector and contact details go; their interviews and every
/// score stay, without the link to them.
pub async fn erase_informant(db: &Db, scope: &OrgScope, assessment: &Assessment, informant_id: i64) -> StoreResult<()> {
    Access::require(Access::of(scope, assessment).manage)?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE interviews SET informant_id = NULL WHERE assessment_id = $1 AND informant_id = $2")
            .bind(assessment.id)
            .bind(informant_id)
            .execute(&mut *tx)
            .await?;
        let deleted = sqlx::query("DELETE FROM informants WHERE assessment_id = $1 AND id = $2")
            .bind(assessment.id)
            .bind(informant_id)
            .execute(&mut *tx)
            .await?;
        if deleted.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "delete", "informant", informant_id))?;
        tx.commit().await?;
    });
    Ok(())
}

pub async fn add_interview(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
    draft: &InterviewDraft,
) -> StoreResult<i64> {
    Access::require(Access::of(scope, assessment).interview)?;
    Access::require_open(assessment)?;
    let at = now();
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        if let Some(informant) = draft.informant_id {
            let found: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM informants WHERE assessment_id = $1 AND id = $2")
                    .bind(assessment.id)
                    .bind(informant)
                    .fetch_optional(&mut *tx)
                    .await?;
            if found.is_none() {
                return Err(StoreError::field("informant_id", Problem::UnknownChoice));
            }
        }
        if let Some(interviewer) = draft.interviewer_id {
            let member: Option<(i64,)> =
                sqlx::query_as("SELECT user_id FROM memberships WHERE org_id = $1 AND user_id = $2")
                    .bind(scope.org_id)
                    .bind(interviewer)
                    .fetch_optional(&mut *tx)
                    .await?;
            if member.is_none() {
                return Err(StoreError::field("interviewer_id", Problem::UnknownChoice));
            }
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO interviews (assessment_id, informant_id, interviewer_id, held_on, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(assessment.id)
        .bind(draft.informant_id)
        .bind(draft.interviewer_id)
        .bind(draft.held_on.map(|d| d.to_string()))
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "create", "interview", id)
            .after(&serde_json::json!({ "assessment_id": assessment.id }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok(id)
}

/// An interview with what was said: the answers per guide question and the transcript.
#[derive(Debug, Clone, Serialize)]
pub struct Interview {
    /// The interview as changes take it.
    #[serde(skip)]
    pub reference: InterviewRef,
    pub id: i64,
    pub assessment_id: i64,
    pub informant: Option<Informant>,
    pub interviewer_name: Option<String>,
    pub held_on: Option<String>,
    pub transcript: String,
    /// Question index → (answer, the informant's 1–10 context rating).
    pub answers: BTreeMap<i64, (String, Option<i64>)>,
}

#[derive(sqlx::FromRow)]
struct InterviewRow {
    assessment_id: i64,
    informant_id: Option<i64>,
    interviewer_name: Option<String>,
    held_on: Option<String>,
    transcript: String,
}

/// An interview of the scope's organisation, checked: only the store makes one, so no call
/// that changes an interview trusts a bare id from a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InterviewRef {
    id: i64,
}

impl InterviewRef {
    pub fn id(self) -> i64 {
        self.id
    }
}

/// An interview to change or score: its assessment and what the person may do, without its
/// text — so, unlike [`interview`], this is no read of personal data for the audit log.
/// Another organisation's interview, or one the person may not read, is `NotFound`.
pub async fn interview_for_change(
    db: &Db,
    scope: &OrgScope,
    interview_id: i64,
) -> StoreResult<(Assessment, Access, InterviewRef)> {
    let row: Option<(i64,)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT v.assessment_id FROM interviews v JOIN assessments a ON a.id = v.assessment_id \
         WHERE a.org_id = $1 AND v.id = $2"
    )
    .bind(scope.org_id)
    .bind(interview_id)
    .fetch_optional(pool)
    .await?);
    let (assessment_id,) = row.ok_or(StoreError::NotFound)?;
    let (assessment, access) = get(db, scope, assessment_id).await?;
    if !access.read_interviews {
        return Err(StoreError::NotFound);
    }
    Ok((assessment, access, InterviewRef { id: interview_id }))
}

/// The guide's answers of an interview (question → answer and context rating).
pub async fn answers(db: &Db, interview: InterviewRef) -> StoreResult<BTreeMap<i64, (String, Option<i64>)>> {
    let rows: Vec<(i64, String, Option<i64>)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT question, answer, context_rating FROM interview_answers WHERE interview_id = $1"
    )
    .bind(interview.id)
    .fetch_all(pool)
    .await?);
    Ok(rows.into_iter().map(|(q, a, r)| (q, (a, r))).collect())
}

/// Reads an interview of an assessment the person may read interviews of. Transcripts hold
/// personal data, so each read is written to the audit log.
pub async fn interview(db: &Db, scope: &OrgScope, interview_id: i64) -> StoreResult<(Assessment, Access, Interview)> {
    let row: Option<InterviewRow> = on_reader!(db, |pool| {
        sqlx::query_as(
            "SELECT v.assessment_id, v.informant_id, u.display_name AS interviewer_name, v.held_on, v.transcript FROM interviews v \
         JOIN assessments a ON a.id = v.assessment_id LEFT JOIN users u ON u.id = v.interviewer_id \
         WHERE a.org_id = $1 AND v.id = $2"
        )
        .bind(scope.org_id)
        .bind(interview_id)
        .fetch_optional(pool)
        .await?
    });
    let InterviewRow { assessment_id, informant_id, interviewer_name, held_on, transcript } =
        row.ok_or(StoreError::NotFound)?;
    let (assessment, access) = get(db, scope, assessment_id).await?;
    if !access.read_interviews {
        return Err(StoreError::NotFound);
    }
    let (informant, answers) = on_reader!(db, |pool| {
        let informant: Option<Informant> = sqlx::query_as(
            "SELECT id, label, role, sector, contact IS NOT NULL AS has_contact FROM informants WHERE assessment_id = $1 AND id = $2",
        )
        .bind(assessment_id)
        .bind(informant_id)
        .fetch_optional(pool)
        .await?;
        let answers: Vec<(i64, String, Option<i64>)> =
            sqlx::query_as("SELECT question, answer, context_rating FROM interview_answers WHERE interview_id = $1")
                .bind(interview_id)
                .fetch_all(pool)
                .await?;
        (informant, answers)
    });
    audit::log_read(db, AuditEntry::scoped(scope, "read", "interview", interview_id)).await?;
    let interview = Interview {
        reference: InterviewRef { id: interview_id },
        id: interview_id,
        assessment_id,
        informant,
        interviewer_name,
        held_on,
        transcript,
        answers: answers.into_iter().map(|(q, a, r)| (q, (a, r))).collect(),
    };
    Ok((assessment, access, interview))
}

/// Saves one answer (and context rating) of the interview guide; empty removes it.
pub async fn save_answer(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
    interview: InterviewRef,
    question: usize,
    answer: &str,
    rating: Option<u8>,
) -> StoreResult<()> {
    let interview_id = interview.id();
    Access::require(Access::of(scope, assessment).interview)?;
    Access::require_open(assessment)?;
    let questions = assessment.instrument().questions.len();
    if question >= questions {
        return Err(StoreError::NotFound);
    }
    let question = question as i64;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM interview_answers WHERE interview_id = $1 AND question = $2")
            .bind(interview_id)
            .bind(question)
            .execute(&mut *tx)
            .await?;
        if !answer.is_empty() || rating.is_some() {
            sqlx::query("INSERT INTO interview_answers (interview_id, question, answer, context_rating, updated_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(interview_id)
                .bind(question)
                .bind(answer)
                .bind(rating.map(i64::from))
                .bind(now())
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("UPDATE interviews SET updated_at = $1 WHERE id = $2")
            .bind(now())
            .bind(interview_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    });
    Ok(())
}

pub async fn save_transcript(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
    interview: InterviewRef,
    transcript: &str,
) -> StoreResult<()> {
    let interview_id = interview.id();
    Access::require(Access::of(scope, assessment).interview)?;
    Access::require_open(assessment)?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE interviews SET transcript = $1, updated_at = $2 WHERE assessment_id = $3 AND id = $4")
            .bind(transcript)
            .bind(now())
            .bind(assessment.id)
            .bind(interview_id)
            .execute(&mut *tx)
            .await?;
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "update", "interview", interview_id))?;
        tx.commit().await?;
    });
    Ok(())
}
