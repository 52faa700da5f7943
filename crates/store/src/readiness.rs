//! Readiness assessments in the store: the assessment and its team, key informants, interviews
//! and answers, independent scores, consensus, results input, exports and the action plan.
//!
//! Blind scoring is enforced here: one scorer's scores leave the store for anyone else only when
//! both scorers have submitted that interview.

use std::collections::BTreeMap;

use parat_core::organisation::Role;
use parat_core::readiness::assessment::{
    own_instrument_id, AssessmentDraft, AssessmentStatus, InformantDraft, InterviewDraft, Task,
};
use parat_core::readiness::instrument::Instrument;
use parat_core::readiness::scoring::{AssessmentScores, DimensionScores, Edition, HalfPoints, InterviewScores};
use parat_core::Problem;
use serde::Serialize;
use std::sync::{Arc, OnceLock};

use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, StoreError, StoreResult};

#[derive(Debug, Clone, Serialize)]
pub struct TeamMember {
    pub user_id: i64,
    pub name: String,
    pub task: Task,
}

#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub id: i64,
    pub org_id: i64,
    pub initiative_id: i64,
    pub initiative_name: String,
    pub instrument_id: String,
    pub measured: String,
    pub issue: String,
    pub half_points: bool,
    pub status: AssessmentStatus,
    pub created_at: i64,
    pub reported_at: Option<i64>,
    pub team: Vec<TeamMember>,
    pub edition: Edition,
    #[serde(skip)]
    definition: Arc<Instrument>,
}

impl Assessment {
    /// The instrument's texts: a shipped one, or the organisation's own.
    pub fn instrument(&self) -> &Instrument {
        &self.definition
    }

    pub fn edition(&self) -> Edition {
        self.edition
    }

    pub fn has_task(&self, user_id: i64, task: Task) -> bool {
        self.team.iter().any(|m| m.user_id == user_id && m.task == task)
    }

    pub fn scorers(&self) -> Vec<&TeamMember> {
        self.team.iter().filter(|m| m.task == Task::Scorer).collect()
    }
}

/// What a person may do with one assessment, from their role and their tasks in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access {
    /// Coordinators and administrators run the assessment.
    pub manage: bool,
    /// Interviewers (and those who manage) record informants, interviews and answers.
    pub interview: bool,
    /// Assigned scorers score.
    pub score: bool,
    /// Interviews and transcripts are open to the team and those who manage.
    pub read_interviews: bool,
    /// Results: the team and those who manage; everyone in the organisation once reported.
    pub read_results: bool,
}

impl Access {
    pub fn of(scope: &OrgScope, assessment: &Assessment) -> Access {
        let manage = scope.role.can_edit_initiatives();
        let interviewer = assessment.has_task(scope.user_id, Task::Interviewer);
        let scorer = assessment.has_task(scope.user_id, Task::Scorer);
        let team = interviewer || scorer;
        Access {
            manage,
            interview: manage || interviewer,
            score: scorer,
            read_interviews: manage || team,
            read_results: manage || team || assessment.status == AssessmentStatus::Reported,
        }
    }

    fn require(allowed: bool) -> StoreResult<()> {
        if allowed {
            Ok(())
        } else {
            Err(StoreError::Forbidden)
        }
    }
}

#[derive(sqlx::FromRow)]
struct AssessmentRow {
    id: i64,
    org_id: i64,
    initiative_id: i64,
    initiative_name: String,
    instrument_id: String,
    measured: String,
    issue: String,
    half_points: bool,
    status: String,
    created_at: i64,
    reported_at: Option<i64>,
    edition: String,
    team: String,
    custom_definition: Option<String>,
}

fn edition_of(key: &str) -> Edition {
    match key {
        "2014" => Edition::Crm2014,
        _ => Edition::Crm2006,
    }
}

/// The shipped instruments, shared.
fn builtin_shared(id: &str) -> Option<Arc<Instrument>> {
    static SHARED: OnceLock<Vec<Arc<Instrument>>> = OnceLock::new();
    SHARED
        .get_or_init(|| parat_core::readiness::instrument::builtin().iter().cloned().map(Arc::new).collect())
        .iter()
        .find(|i| i.id == id)
        .cloned()
}

/// The assessment with its team folded into one text column (`id␟task␟name`, joined by ␞;
/// names cannot hold control characters), so that reading an assessment is one query.
const SELECT_ASSESSMENT: &str = "SELECT a.id, a.org_id, a.initiative_id, i.name AS initiative_name, a.instrument_id, \
    a.measured, a.issue, a.half_points, a.status, a.created_at, a.reported_at, a.edition, \
    (SELECT oi.definition FROM org_instruments oi WHERE oi.org_id = a.org_id AND 'org-' || oi.id = a.instrument_id) AS custom_definition, \
    COALESCE((SELECT string_agg(t.user_id || $3 || t.task || $3 || u.display_name, $4 ORDER BY t.task, u.display_name) \
              FROM assessment_team t JOIN users u ON u.id = t.user_id WHERE t.assessment_id = a.id), '') AS team \
    FROM assessments a JOIN initiatives i ON i.id = a.initiative_id WHERE a.org_id = $1 AND a.id = $2";

const FIELD_SEPARATOR: &str = "\u{1f}";
const RECORD_SEPARATOR: &str = "\u{1e}";

impl AssessmentRow {
    fn into_assessment(self) -> StoreResult<Assessment> {
        let definition = match &self.custom_definition {
            Some(text) => Arc::new(
                Instrument::from_toml(text)
                    .map_err(|_| StoreError::Unsupported("a stored instrument definition no longer parses"))?,
            ),
            None => builtin_shared(&self.instrument_id)
                .ok_or(StoreError::Unsupported("the assessment's instrument is not known"))?,
        };
        let team = self
            .team
            .split(RECORD_SEPARATOR)
            .filter_map(|record| {
                let mut fields = record.splitn(3, FIELD_SEPARATOR);
                let user_id = fields.next()?.parse().ok()?;
                let task = Task::parse(fields.next()?).ok()?;
                Some(TeamMember { user_id, task, name: fields.next()?.to_owned() })
            })
            .collect();
        Ok(Assessment {
            id: self.id,
            org_id: self.org_id,
            initiative_id: self.initiative_id,
            initiative_name: self.initiative_name,
            instrument_id: self.instrument_id,
            measured: self.measured,
            issue: self.issue,
            half_points: self.half_points,
            status: AssessmentStatus::parse(&self.status).unwrap_or(AssessmentStatus::Planned),
            created_at: self.created_at,
            reported_at: self.reported_at,
            edition: edition_of(&self.edition),
            team,
            definition,
        })
    }
}

/// Reads one assessment of the scope's organisation with its team, through an executor.
macro_rules! fetch_assessment {
    ($executor:expr, $scope:expr, $id:expr) => {{
        let row: Option<AssessmentRow> = sqlx::query_as(SELECT_ASSESSMENT)
            .bind($scope.org_id)
            .bind($id)
            .bind(FIELD_SEPARATOR)
            .bind(RECORD_SEPARATOR)
            .fetch_optional($executor)
            .await?;
        row.map(AssessmentRow::into_assessment).transpose()?
    }};
}

/// One assessment the person may see at all; anything else is `NotFound`.
pub async fn get(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<(Assessment, Access)> {
    let found = on_reader!(db, |pool| fetch_assessment!(pool, scope, id));
    let assessment = found.ok_or(StoreError::NotFound)?;
    let access = Access::of(scope, &assessment);
    if access.read_results || access.read_interviews {
        Ok((assessment, access))
    } else {
        Err(StoreError::NotFound)
    }
}

/// Creates an assessment for an initiative of the scope's organisation; coordinators and
/// administrators only. Every team member must belong to the organisation.
pub async fn create(db: &Db, scope: &OrgScope, initiative_id: i64, draft: &AssessmentDraft) -> StoreResult<Assessment> {
    Access::require(scope.role.can_edit_initiatives())?;
    let at = now();
    let created = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let initiative: Option<(i64,)> = sqlx::query_as("SELECT id FROM initiatives WHERE org_id = $1 AND id = $2")
            .bind(scope.org_id)
            .bind(initiative_id)
            .fetch_optional(&mut *tx)
            .await?;
        if initiative.is_none() {
            return Err(StoreError::NotFound);
        }
        let edition = match own_instrument_id(&draft.instrument_id) {
            Some(own) => {
                let definition: Option<(String,)> =
                    sqlx::query_as("SELECT definition FROM org_instruments WHERE org_id = $1 AND id = $2")
                        .bind(scope.org_id)
                        .bind(own)
                        .fetch_optional(&mut *tx)
                        .await?;
                let parsed = definition.and_then(|(text,)| Instrument::from_toml(&text).ok());
                match parsed.map(|i| i.scoring_edition()) {
                    Some(Ok(edition)) => edition,
                    _ => return Err(StoreError::field("instrument", Problem::UnknownChoice)),
                }
            }
            None => builtin_shared(&draft.instrument_id)
                .and_then(|i| i.scoring_edition().ok())
                .ok_or(StoreError::field("instrument", Problem::UnknownChoice))?,
        };
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO assessments (org_id, initiative_id, instrument_id, measured, issue, half_points, status, created_at, updated_at, edition) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) RETURNING id",
        )
        .bind(scope.org_id)
        .bind(initiative_id)
        .bind(&draft.instrument_id)
        .bind(&draft.measured)
        .bind(&draft.issue)
        .bind(draft.half_points)
        .bind(AssessmentStatus::Planned.key())
        .bind(at)
        .bind(edition.key())
        .fetch_one(&mut *tx)
        .await?;
        let team = draft
            .interviewers
            .iter()
            .map(|u| (*u, Task::Interviewer, "interviewers"))
            .chain(draft.scorers.iter().map(|u| (*u, Task::Scorer, "scorers")));
        for (user_id, task, field) in team {
            let member: Option<(i64,)> =
                sqlx::query_as("SELECT user_id FROM memberships WHERE org_id = $1 AND user_id = $2")
                    .bind(scope.org_id)
                    .bind(user_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if member.is_none() {
                return Err(StoreError::field(field, Problem::UnknownChoice));
            }
            sqlx::query("INSERT INTO assessment_team (assessment_id, user_id, task) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(user_id)
                .bind(task.key())
                .execute(&mut *tx)
                .await?;
        }
        let created = fetch_assessment!(&mut *tx, scope, id).ok_or(StoreError::NotFound)?;
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", "assessment", id).after(&created))?;
        tx.commit().await?;
        created
    });
    Ok(created)
}

/// One row of an initiative's assessment list.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct AssessmentSummary {
    pub id: i64,
    pub instrument_id: String,
    pub measured: String,
    pub status: String,
    pub created_at: i64,
    pub interviews: i64,
}

/// The initiative's assessments this person may see (viewers: reported ones only).
pub async fn list_for_initiative(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<AssessmentSummary>> {
    let everyone_sees_all = scope.role.can_edit_initiatives();
    let rows = on_reader!(db, |pool| {
        sqlx::query_as::<_, AssessmentSummary>(
        "SELECT a.id, a.instrument_id, a.measured, a.status, a.created_at, \
            (SELECT COUNT(*) FROM interviews v WHERE v.assessment_id = a.id) AS interviews \
         FROM assessments a WHERE a.org_id = $1 AND a.initiative_id = $2 \
           AND ($3 OR a.status = 'reported' OR EXISTS (SELECT 1 FROM assessment_team t WHERE t.assessment_id = a.id AND t.user_id = $4)) \
         ORDER BY a.created_at DESC, a.id DESC"
    )
    .bind(scope.org_id)
    .bind(initiative_id)
    .bind(everyone_sees_all)
    .bind(scope.user_id)
    .fetch_all(pool)
    .await?
    });
    Ok(rows)
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Informant {
    pub id: i64,
    pub label: String,
    pub role: String,
    pub sector: String,
    pub contact: Option<String>,
}

/// One interview in the assessment's overview, with scoring progress but no scores.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct InterviewSummary {
    pub id: i64,
    pub informant_label: Option<String>,
    pub interviewer_name: Option<String>,
    pub held_on: Option<String>,
    pub answers: i64,
    pub has_transcript: bool,
    pub submissions: i64,
    pub submitted_by_me: bool,
    pub consensus_dimensions: i64,
}

/// The assessment's informants and interviews, for those who may read interviews.
pub async fn overview(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
) -> StoreResult<(Vec<Informant>, Vec<InterviewSummary>)> {
    Access::require(Access::of(scope, assessment).read_interviews)?;
    let (informants, interviews) = on_reader!(db, |pool| {
        let informants: Vec<Informant> = sqlx::query_as(
            "SELECT id, label, role, sector, contact FROM informants WHERE assessment_id = $1 ORDER BY id",
        )
        .bind(assessment.id)
        .fetch_all(pool)
        .await?;
        let interviews: Vec<InterviewSummary> = sqlx::query_as(
            "SELECT v.id, f.label AS informant_label, u.display_name AS interviewer_name, v.held_on, \
                (SELECT COUNT(*) FROM interview_answers a WHERE a.interview_id = v.id) AS answers, \
                v.transcript <> '' AS has_transcript, \
                (SELECT COUNT(*) FROM score_submissions s WHERE s.interview_id = v.id) AS submissions, \
                EXISTS (SELECT 1 FROM score_submissions s WHERE s.interview_id = v.id AND s.scorer_id = $2) AS submitted_by_me, \
                (SELECT COUNT(*) FROM consensus c WHERE c.interview_id = v.id) AS consensus_dimensions \
             FROM interviews v LEFT JOIN informants f ON f.id = v.informant_id \
             LEFT JOIN users u ON u.id = v.interviewer_id WHERE v.assessment_id = $1 ORDER BY v.id",
        )
        .bind(assessment.id)
        .bind(scope.user_id)
        .fetch_all(pool)
        .await?;
        (informants, interviews)
    });
    // Contact details are the personal data here: each showing of them is a read in the audit log.
    let shown: Vec<i64> = informants.iter().filter(|i| i.contact.is_some()).map(|i| i.id).collect();
    if !shown.is_empty() {
        on_writer!(db, |pool| {
            let mut tx = pool.begin().await?;
            for id in &shown {
                audit::record!(&mut *tx, &AuditEntry::scoped(scope, "read", "informant", *id))?;
            }
            tx.commit().await?;
        });
    }
    Ok((informants, interviews))
}

/// Moves the assessment one step on. Reporting needs a consensus on every dimension of every
/// interview (and at least one interview).
pub async fn advance(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Assessment> {
    let (assessment, access) = get(db, scope, id).await?;
    Access::require(access.manage)?;
    let next = assessment.status.next().ok_or(StoreError::field("status", Problem::UnknownChoice))?;
    let dimensions = assessment.edition().dimension_keys().len() as i64;
    let updated = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (interviews, incomplete): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN (SELECT COUNT(*) FROM consensus c WHERE c.interview_id = v.id) < $2 THEN 1 ELSE 0 END), 0) \
             FROM interviews v WHERE v.assessment_id = $1",
        )
        .bind(id)
        .bind(dimensions)
        .fetch_one(&mut *tx)
        .await?;
        let ready = match next {
            AssessmentStatus::Scoring => interviews > 0,
            AssessmentStatus::Reported => interviews > 0 && incomplete == 0,
            _ => true,
        };
        if !ready {
            return Err(StoreError::field("status", Problem::Required));
        }
        let at = now();
        sqlx::query("UPDATE assessments SET status = $1, updated_at = $2, reported_at = CASE WHEN $1 = 'reported' THEN $2 ELSE reported_at END WHERE org_id = $3 AND id = $4")
            .bind(next.key())
            .bind(at)
            .bind(scope.org_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let entry = AuditEntry::scoped(scope, "update", "assessment", id)
            .before(&serde_json::json!({ "status": assessment.status.key() }))
            .after(&serde_json::json!({ "status": next.key() }));
        audit::record!(&mut *tx, &entry)?;
        let updated = fetch_assessment!(&mut *tx, scope, id).ok_or(StoreError::NotFound)?;
        tx.commit().await?;
        updated
    });
    Ok(updated)
}

pub async fn add_informant(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
    draft: &InformantDraft,
) -> StoreResult<i64> {
    Access::require(Access::of(scope, assessment).interview)?;
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
            "SELECT id, label, role, sector, contact FROM informants WHERE assessment_id = $1 AND id = $2",
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
    on_writer!(db, |pool| audit::record!(pool, &AuditEntry::scoped(scope, "read", "interview", interview_id))?
        .rows_affected());
    let interview = Interview {
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
    interview_id: i64,
    question: usize,
    answer: &str,
    rating: Option<u8>,
) -> StoreResult<()> {
    Access::require(Access::of(scope, assessment).interview)?;
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
    interview_id: i64,
    transcript: &str,
) -> StoreResult<()> {
    Access::require(Access::of(scope, assessment).interview)?;
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

/// One dimension's score by one scorer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub level: Option<HalfPoints>,
    pub evidence: String,
}

fn level_of(raw: Option<i64>) -> Option<HalfPoints> {
    raw.and_then(|h| u8::try_from(h).ok()).and_then(|h| HalfPoints::parse(f64::from(h) / 2.0, true).ok())
}

/// A scorer's own sheet for one interview.
#[derive(Debug, Clone)]
pub struct ScoreSheet {
    pub scores: BTreeMap<String, Score>,
    pub submitted: bool,
}

/// The person's own scores for an interview; only assigned scorers have a sheet.
pub async fn own_scores(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
    interview_id: i64,
) -> StoreResult<ScoreSheet> {
    Access::require(Access::of(scope, assessment).score)?;
    let (rows, submitted) = on_reader!(db, |pool| {
        let rows: Vec<(String, Option<i64>, String)> = sqlx::query_as(
            "SELECT dimension, half_points, evidence FROM scores WHERE interview_id = $1 AND scorer_id = $2",
        )
        .bind(interview_id)
        .bind(scope.user_id)
        .fetch_all(pool)
        .await?;
        let submitted: Option<(i64,)> =
            sqlx::query_as("SELECT submitted_at FROM score_submissions WHERE interview_id = $1 AND scorer_id = $2")
                .bind(interview_id)
                .bind(scope.user_id)
                .fetch_optional(pool)
                .await?;
        (rows, submitted)
    });
    Ok(ScoreSheet {
        scores: rows.into_iter().map(|(d, h, evidence)| (d, Score { level: level_of(h), evidence })).collect(),
        submitted: submitted.is_some(),
    })
}

/// Saves the person's scores for an interview; with `submit`, every dimension needs a level and
/// the sheet is then final. Scoring happens while the assessment is in scoring or consensus.
pub async fn save_scores(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
    interview_id: i64,
    scores: &BTreeMap<String, Score>,
    submit: bool,
) -> StoreResult<()> {
    Access::require(Access::of(scope, assessment).score)?;
    if !matches!(assessment.status, AssessmentStatus::Scoring | AssessmentStatus::Consensus) {
        return Err(StoreError::field("status", Problem::UnknownChoice));
    }
    if submit {
        let mut errors = parat_core::FieldErrors::new();
        for key in assessment.edition().dimension_keys() {
            if scores.get(*key).and_then(|s| s.level).is_none() {
                errors.add(dimension_field(key), Problem::NotChosen);
            }
        }
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
    }
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let done: Option<(i64,)> =
            sqlx::query_as("SELECT submitted_at FROM score_submissions WHERE interview_id = $1 AND scorer_id = $2")
                .bind(interview_id)
                .bind(scope.user_id)
                .fetch_optional(&mut *tx)
                .await?;
        if done.is_some() {
            return Err(StoreError::Forbidden);
        }
        for key in assessment.edition().dimension_keys() {
            let Some(score) = scores.get(*key) else { continue };
            sqlx::query("DELETE FROM scores WHERE interview_id = $1 AND scorer_id = $2 AND dimension = $3")
                .bind(interview_id)
                .bind(scope.user_id)
                .bind(*key)
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO scores (interview_id, scorer_id, dimension, half_points, evidence) VALUES ($1, $2, $3, $4, $5)")
                .bind(interview_id)
                .bind(scope.user_id)
                .bind(*key)
                .bind(score.level.map(|l| i64::from(l.half_points())))
                .bind(&score.evidence)
                .execute(&mut *tx)
                .await?;
        }
        if submit {
            sqlx::query("INSERT INTO score_submissions (interview_id, scorer_id, submitted_at) VALUES ($1, $2, $3)")
                .bind(interview_id)
                .bind(scope.user_id)
                .bind(now())
                .execute(&mut *tx)
                .await?;
            audit::record!(&mut *tx, &AuditEntry::scoped(scope, "submit", "scores", interview_id))?;
        }
        tx.commit().await?;
    });
    Ok(())
}

/// The form field for a dimension's level, e.g. `level_A`.
pub fn dimension_field(key: &str) -> &'static str {
    match key {
        "A" => "level_A",
        "B" => "level_B",
        "C" => "level_C",
        "D" => "level_D",
        "E" => "level_E",
        "F" => "level_F",
        _ => "level",
    }
}

/// Both scorers' sheets for an interview, once both have submitted; with the consensus so far.
#[derive(Debug, Clone)]
pub struct ConsensusSheet {
    /// (scorer's name, their sheet) for each of the two scorers.
    pub scorers: Vec<(String, BTreeMap<String, Score>)>,
    pub consensus: BTreeMap<String, (HalfPoints, String)>,
}

async fn submitted_scorers(db: &Db, interview_id: i64) -> StoreResult<Vec<(i64, String)>> {
    let rows = on_reader!(db, |pool| sqlx::query_as::<_, (i64, String)>(
        "SELECT s.scorer_id, u.display_name FROM score_submissions s JOIN users u ON u.id = s.scorer_id \
         WHERE s.interview_id = $1 ORDER BY s.scorer_id"
    )
    .bind(interview_id)
    .fetch_all(pool)
    .await?);
    Ok(rows)
}

/// Where one interview's consensus stands.
#[derive(Debug, Clone)]
pub enum ConsensusStage {
    /// Both scorers have submitted: their sheets side by side, and what is agreed so far.
    Open(ConsensusSheet),
    /// The blind rule keeps it closed: the names of the assigned scorers who have not submitted.
    AwaitingScorers(Vec<String>),
}

/// The consensus sheet once both scorers have submitted; before that, who it waits for.
pub async fn consensus(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
    interview_id: i64,
) -> StoreResult<ConsensusStage> {
    let access = Access::of(scope, assessment);
    Access::require(access.manage || access.score)?;
    let submitted = submitted_scorers(db, interview_id).await?;
    if submitted.len() < 2 {
        let waiting = assessment
            .team
            .iter()
            .filter(|m| m.task == Task::Scorer && !submitted.iter().any(|(id, _)| *id == m.user_id))
            .map(|m| m.name.clone())
            .collect();
        return Ok(ConsensusStage::AwaitingScorers(waiting));
    }
    let (scores, consensus) = on_reader!(db, |pool| {
        let scores: Vec<(i64, String, Option<i64>, String)> =
            sqlx::query_as("SELECT scorer_id, dimension, half_points, evidence FROM scores WHERE interview_id = $1")
                .bind(interview_id)
                .fetch_all(pool)
                .await?;
        let consensus: Vec<(String, i64, String)> =
            sqlx::query_as("SELECT dimension, half_points, rationale FROM consensus WHERE interview_id = $1")
                .bind(interview_id)
                .fetch_all(pool)
                .await?;
        (scores, consensus)
    });
    let scorers = submitted
        .iter()
        .map(|(id, name)| {
            let sheet = scores
                .iter()
                .filter(|(scorer, ..)| scorer == id)
                .map(|(_, d, h, e)| (d.clone(), Score { level: level_of(*h), evidence: e.clone() }))
                .collect();
            (name.clone(), sheet)
        })
        .collect();
    let consensus = consensus.into_iter().filter_map(|(d, h, r)| level_of(Some(h)).map(|l| (d, (l, r)))).collect();
    Ok(ConsensusStage::Open(ConsensusSheet { scorers, consensus }))
}

/// Records the agreed scores (a level and a rationale per dimension). The scorers' own scores
/// stay as they were. Every change is in the audit log, also after the assessment was reported.
pub async fn save_consensus(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
    interview_id: i64,
    agreed: &BTreeMap<String, (HalfPoints, String)>,
) -> StoreResult<()> {
    let ConsensusStage::Open(sheet) = consensus(db, scope, assessment, interview_id).await? else {
        return Err(StoreError::Refused("the consensus opens when both scorers have submitted this interview".into()));
    };
    let before: BTreeMap<&String, f64> = sheet.consensus.iter().map(|(d, (l, _))| (d, l.value())).collect();
    let after: BTreeMap<&String, f64> = agreed.iter().map(|(d, (l, _))| (d, l.value())).collect();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        for (dimension, (level, rationale)) in agreed {
            sqlx::query("DELETE FROM consensus WHERE interview_id = $1 AND dimension = $2")
                .bind(interview_id)
                .bind(dimension)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO consensus (interview_id, dimension, half_points, rationale, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(interview_id)
            .bind(dimension)
            .bind(i64::from(level.half_points()))
            .bind(rationale)
            .bind(scope.user_id)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        }
        let action = if assessment.status == AssessmentStatus::Reported { "update_after_report" } else { "update" };
        let entry = AuditEntry::scoped(scope, action, "consensus", interview_id).before(&before).after(&after);
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}

/// The scores the results are computed from: every interview whose consensus is complete, with
/// the scorers' pairs where both submitted. Also how many interviews are still incomplete.
pub async fn results_input(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
) -> StoreResult<(Option<AssessmentScores>, usize)> {
    Access::require(Access::of(scope, assessment).read_results)?;
    load_scores(db, assessment.id, assessment.edition()).await
}

#[derive(sqlx::FromRow)]
struct InterviewScoresRow {
    id: i64,
    /// `dimension:half_points` pairs, comma-separated.
    consensus: String,
    /// `scorer:dimension:half_points` triples of submitted sheets, comma-separated.
    scores: String,
    submissions: i64,
}

/// The columns of [`InterviewScoresRow`] for the interviews `v`: one row per interview, with its
/// scores aggregated in the database, so that the results page reads a handful of rows instead
/// of one per score (each row costs a hand-off between threads).
macro_rules! interview_scores_columns {
    () => {
        "v.id, \
        COALESCE((SELECT string_agg(c.dimension || ':' || c.half_points, ',') FROM consensus c \
                  WHERE c.interview_id = v.id), '') AS consensus, \
        COALESCE((SELECT string_agg(s.scorer_id || ':' || s.dimension || ':' || s.half_points, ',') FROM scores s \
                  JOIN score_submissions b ON b.interview_id = s.interview_id AND b.scorer_id = s.scorer_id \
                  WHERE s.interview_id = v.id AND s.half_points IS NOT NULL), '') AS scores, \
        (SELECT COUNT(*) FROM score_submissions b WHERE b.interview_id = v.id) AS submissions"
    };
}

const SCORES_BY_INTERVIEW: &str =
    concat!("SELECT ", interview_scores_columns!(), " FROM interviews v WHERE v.assessment_id = $1 ORDER BY v.id");

async fn load_scores(db: &Db, assessment_id: i64, edition: Edition) -> StoreResult<(Option<AssessmentScores>, usize)> {
    let rows: Vec<InterviewScoresRow> =
        on_reader!(db, |pool| sqlx::query_as(SCORES_BY_INTERVIEW).bind(assessment_id).fetch_all(pool).await?);
    Ok(scores_from_rows(rows, edition))
}

/// An assessment's scores from its interviews' rows, and how many interviews lack a consensus.
fn scores_from_rows(rows: Vec<InterviewScoresRow>, edition: Edition) -> (Option<AssessmentScores>, usize) {
    let keys = edition.dimension_keys();
    let mut complete = Vec::new();
    let mut incomplete = 0;
    for row in rows {
        let consensus: BTreeMap<&str, HalfPoints> = row
            .consensus
            .split(',')
            .filter_map(|pair| pair.split_once(':'))
            .filter_map(|(d, h)| level_of(h.parse().ok()).map(|l| (d, l)))
            .collect();
        // The scorers' own scores count only when both have submitted (the blind rule).
        let mut submitted: Vec<(i64, &str, HalfPoints)> = if row.submissions >= 2 {
            row.scores
                .split(',')
                .filter_map(|triple| {
                    let mut parts = triple.splitn(3, ':');
                    let scorer = parts.next()?.parse().ok()?;
                    let dimension = parts.next()?;
                    Some((scorer, dimension, level_of(parts.next()?.parse().ok())?))
                })
                .collect()
        } else {
            Vec::new()
        };
        submitted.sort_by_key(|(scorer, ..)| *scorer);
        let mut dimensions = BTreeMap::new();
        for key in keys {
            let Some(agreed) = consensus.get(key) else { continue };
            let levels: Vec<HalfPoints> = submitted.iter().filter(|(_, d, _)| d == key).map(|(.., l)| *l).collect();
            let scorers = match levels.as_slice() {
                [a, b] => Some((*a, *b)),
                _ => None,
            };
            dimensions.insert((*key).to_owned(), DimensionScores { scorers, consensus: *agreed });
        }
        if dimensions.len() == keys.len() {
            complete.push(InterviewScores { id: row.id.to_string(), dimensions });
        } else {
            incomplete += 1;
        }
    }
    (AssessmentScores::new(edition, complete).ok(), incomplete)
}

/// One row of the score export. The scorers' scores are empty until both submitted.
#[derive(Debug, Clone, Serialize)]
pub struct ExportRow {
    /// The interview's number as the assessment's pages show it (1, 2, … in the order held).
    pub interview: i64,
    pub informant: String,
    pub dimension: String,
    pub first_scorer: Option<f64>,
    pub second_scorer: Option<f64>,
    pub consensus: Option<f64>,
    pub rationale: String,
}

/// Every score of every interview, for the team and those who manage: per-interview material,
/// tied to key informants, which viewers never get (they get the report).
pub async fn export_rows(db: &Db, scope: &OrgScope, assessment: &Assessment) -> StoreResult<Vec<ExportRow>> {
    Access::require(Access::of(scope, assessment).read_interviews)?;
    let (overview_rows, scores, consensus) = on_reader!(db, |pool| {
        let interviews: Vec<(i64, Option<String>, i64)> = sqlx::query_as(
            "SELECT v.id, f.label, (SELECT COUNT(*) FROM score_submissions s WHERE s.interview_id = v.id) \
             FROM interviews v LEFT JOIN informants f ON f.id = v.informant_id WHERE v.assessment_id = $1 ORDER BY v.id",
        )
        .bind(assessment.id)
        .fetch_all(pool)
        .await?;
        let scores: Vec<(i64, String, i64, Option<i64>)> = sqlx::query_as(
            "SELECT s.interview_id, s.dimension, s.scorer_id, s.half_points FROM scores s JOIN interviews v ON v.id = s.interview_id \
             WHERE v.assessment_id = $1 ORDER BY s.scorer_id",
        )
        .bind(assessment.id)
        .fetch_all(pool)
        .await?;
        let consensus: Vec<(i64, String, i64, String)> = sqlx::query_as(
            "SELECT c.interview_id, c.dimension, c.half_points, c.rationale FROM consensus c JOIN interviews v ON v.id = c.interview_id \
             WHERE v.assessment_id = $1",
        )
        .bind(assessment.id)
        .fetch_all(pool)
        .await?;
        (interviews, scores, consensus)
    });
    let mut rows = Vec::new();
    for (number, (interview, informant, submissions)) in (1..).zip(overview_rows) {
        for key in assessment.edition().dimension_keys() {
            let blind = submissions < 2;
            let mut by_scorer = scores
                .iter()
                .filter(|(i, d, ..)| *i == interview && d == key)
                .map(|(.., h)| level_of(*h).map(|l| l.value()));
            let (first_scorer, second_scorer) =
                if blind { (None, None) } else { (by_scorer.next().flatten(), by_scorer.next().flatten()) };
            let agreed = consensus.iter().find(|(i, d, ..)| *i == interview && d == key);
            rows.push(ExportRow {
                interview: number,
                informant: informant.clone().unwrap_or_default(),
                dimension: (*key).to_owned(),
                first_scorer,
                second_scorer,
                consensus: agreed.and_then(|(_, _, h, _)| level_of(Some(*h))).map(|l| l.value()),
                rationale: agreed.map(|(.., r)| r.clone()).unwrap_or_default(),
            });
        }
    }
    Ok(rows)
}

/// Roles that may be on an assessment's team: anyone in the organisation but viewers.
pub fn can_join_team(role: Role) -> bool {
    role != Role::Viewer
}

/// One step of the action plan built from the results: what, who, by when.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ActionItem {
    pub id: i64,
    pub stage: Option<i64>,
    pub what: String,
    pub who: String,
    pub due_on: Option<String>,
}

pub async fn actions(db: &Db, scope: &OrgScope, assessment: &Assessment) -> StoreResult<Vec<ActionItem>> {
    Access::require(Access::of(scope, assessment).read_results)?;
    let rows = on_reader!(db, |pool| {
        sqlx::query_as::<_, ActionItem>(
        "SELECT id, stage, what, who, due_on FROM action_items WHERE assessment_id = $1 ORDER BY due_on IS NULL, due_on, id"
    )
    .bind(assessment.id)
    .fetch_all(pool)
    .await?
    });
    Ok(rows)
}

/// A step for the action plan, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionDraft {
    pub stage: Option<u8>,
    pub what: String,
    pub who: String,
    pub due_on: Option<time::Date>,
}

pub async fn add_action(db: &Db, scope: &OrgScope, assessment: &Assessment, draft: &ActionDraft) -> StoreResult<i64> {
    Access::require(Access::of(scope, assessment).manage)?;
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO action_items (assessment_id, stage, what, who, due_on, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(assessment.id)
        .bind(draft.stage.map(i64::from))
        .bind(&draft.what)
        .bind(&draft.who)
        .bind(draft.due_on.map(|d| d.to_string()))
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "create", "action_item", id)
            .after(&serde_json::json!({ "assessment_id": assessment.id, "what": draft.what, "who": draft.who }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok(id)
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

/// The latest earlier reported assessment of the same initiative with the same instrument:
/// its id, when it was reported, and its scores — to show the change per dimension since then.
pub async fn previous_reported(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
) -> StoreResult<Option<(i64, i64, AssessmentScores)>> {
    /// The previous reported assessment and its interviews' scores, in one query.
    const SQL: &str = concat!(
        "SELECT p.id AS assessment_id, COALESCE(p.reported_at, p.created_at) AS reported_at, ",
        interview_scores_columns!(),
        " FROM (SELECT id, reported_at, created_at FROM assessments \
            WHERE org_id = $1 AND initiative_id = $2 AND instrument_id = $3 AND status = 'reported' \
              AND (created_at < $4 OR (created_at = $4 AND id < $5)) \
            ORDER BY created_at DESC, id DESC LIMIT 1) p \
         JOIN interviews v ON v.assessment_id = p.id ORDER BY v.id"
    );
    #[derive(sqlx::FromRow)]
    struct PreviousRow {
        assessment_id: i64,
        reported_at: i64,
        #[sqlx(flatten)]
        interview: InterviewScoresRow,
    }
    Access::require(Access::of(scope, assessment).read_results)?;
    let rows: Vec<PreviousRow> = on_reader!(db, |pool| {
        sqlx::query_as(SQL)
            .bind(scope.org_id)
            .bind(assessment.initiative_id)
            .bind(&assessment.instrument_id)
            .bind(assessment.created_at)
            .bind(assessment.id)
            .fetch_all(pool)
            .await?
    });
    let Some(&PreviousRow { assessment_id, reported_at, .. }) = rows.first() else { return Ok(None) };
    let (scores, _) = scores_from_rows(rows.into_iter().map(|row| row.interview).collect(), assessment.edition());
    Ok(scores.map(|scores| (assessment_id, reported_at, scores)))
}

/// One assessment in a parent organisation's portfolio of its member organisations.
#[derive(Debug, Clone)]
pub struct PortfolioRow {
    pub assessment_id: i64,
    pub org_name: String,
    pub initiative_name: String,
    pub topic: String,
    pub custom_topic: Option<String>,
    pub instrument_id: String,
    pub status: AssessmentStatus,
    pub created_at: i64,
    /// Reported assessments only: their results.
    pub scores: Option<AssessmentScores>,
}

#[derive(sqlx::FromRow)]
struct PortfolioAssessmentRow {
    id: i64,
    org_name: String,
    initiative_name: String,
    topic: String,
    custom_topic: Option<String>,
    instrument_id: String,
    edition: String,
    status: String,
    created_at: i64,
}

/// Filters for the portfolio.
#[derive(Debug, Clone, Default)]
pub struct PortfolioFilter {
    pub topic: Option<String>,
    pub status: Option<AssessmentStatus>,
}

/// The assessments of every organisation below the scope's (children, their children…), with
/// results for the reported ones. The parent sees stages, never interviews or scorers' scores.
pub async fn portfolio(db: &Db, scope: &OrgScope, filter: &PortfolioFilter) -> StoreResult<Vec<PortfolioRow>> {
    const BELOW: &str = "WITH RECURSIVE below (id) AS ( \
            SELECT id FROM organisations WHERE parent_id = $1 \
            UNION SELECT o.id FROM organisations o JOIN below b ON o.parent_id = b.id) ";
    let (rows, consensus) = on_reader!(db, |pool| {
        let rows: Vec<PortfolioAssessmentRow> = sqlx::query_as(&format!(
            "{BELOW} SELECT a.id, o.name AS org_name, i.name AS initiative_name, i.topic, i.custom_topic, a.instrument_id, a.edition, \
                a.status, a.created_at \
             FROM assessments a JOIN below b ON b.id = a.org_id JOIN organisations o ON o.id = a.org_id \
             JOIN initiatives i ON i.id = a.initiative_id \
             WHERE ($2 IS NULL OR i.topic = $2) AND ($3 IS NULL OR a.status = $3) \
             ORDER BY o.name_key, i.name_key, a.created_at DESC, a.id"
        ))
        .bind(scope.org_id)
        .bind(filter.topic.as_deref())
        .bind(filter.status.map(|s| s.key()))
        .fetch_all(pool)
        .await?;
        let consensus: Vec<(i64, i64, String, i64)> = sqlx::query_as(&format!(
            "{BELOW} SELECT v.assessment_id, c.interview_id, c.dimension, c.half_points FROM consensus c \
             JOIN interviews v ON v.id = c.interview_id JOIN assessments a ON a.id = v.assessment_id \
             JOIN below b ON b.id = a.org_id WHERE a.status = 'reported' ORDER BY v.assessment_id, c.interview_id"
        ))
        .bind(scope.org_id)
        .fetch_all(pool)
        .await?;
        (rows, consensus)
    });
    let mut by_assessment: BTreeMap<i64, BTreeMap<i64, BTreeMap<String, DimensionScores>>> = BTreeMap::new();
    for (assessment, interview, dimension, half_points) in consensus {
        if let Some(level) = level_of(Some(half_points)) {
            by_assessment
                .entry(assessment)
                .or_default()
                .entry(interview)
                .or_default()
                .insert(dimension, DimensionScores { scorers: None, consensus: level });
        }
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let status = AssessmentStatus::parse(&row.status).unwrap_or(AssessmentStatus::Planned);
            let edition = edition_of(&row.edition);
            let scores = by_assessment.remove(&row.id).and_then(|interviews| {
                let complete = interviews
                    .into_iter()
                    .filter(|(_, d)| d.len() == edition.dimension_keys().len())
                    .map(|(id, dimensions)| InterviewScores { id: id.to_string(), dimensions })
                    .collect();
                AssessmentScores::new(edition, complete).ok()
            });
            PortfolioRow {
                assessment_id: row.id,
                org_name: row.org_name,
                initiative_name: row.initiative_name,
                topic: row.topic,
                custom_topic: row.custom_topic,
                instrument_id: row.instrument_id,
                status,
                created_at: row.created_at,
                scores,
            }
        })
        .collect())
}

/// True when the scope's organisation has member organisations below it.
pub async fn has_members_below(db: &Db, scope: &OrgScope) -> StoreResult<bool> {
    let (count,): (i64,) =
        on_reader!(db, |pool| sqlx::query_as("SELECT COUNT(*) FROM organisations WHERE parent_id = $1")
            .bind(scope.org_id)
            .fetch_one(pool)
            .await?);
    Ok(count > 0)
}
