//! Readiness assessments in the store: the assessment, its team, its status and who may do
//! what (this file); key informants, interviews and answers (`interviews`); independent scores
//! and consensus (`scoring`); results input and exports (`results`); the action plan
//! (`actions`); a parent organisation's portfolio (`portfolio`).
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
    /// Not yet reported: a reported assessment is closed to changes until it is reopened.
    pub open: bool,
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
            open: assessment.status != AssessmentStatus::Reported,
        }
    }

    /// Refuses a change to a reported assessment: it is closed until someone reopens it.
    pub(crate) fn require_open(assessment: &Assessment) -> StoreResult<()> {
        if assessment.status == AssessmentStatus::Reported {
            Err(StoreError::Closed)
        } else {
            Ok(())
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
    status: crate::Stored<AssessmentStatus>,
    created_at: i64,
    reported_at: Option<i64>,
    edition: String,
    team: String,
    custom_definition: Option<String>,
}

pub(crate) fn edition_of(key: &str) -> Edition {
    match key {
        "2014" => Edition::Crm2014,
        _ => Edition::Crm2006,
    }
}

/// The shipped instruments, shared.
pub(crate) fn builtin_shared(id: &str) -> Option<Arc<Instrument>> {
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
            status: self.status.0,
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

/// Inserts a planned assessment of the organisation `$org_id` for one of its initiatives, with no
/// team, inside the caller's transaction, and gives its id: an assessment's creation, and a
/// campaign's approval in the offered organisation.
macro_rules! insert_assessment {
    ($tx:ident, $org_id:expr, $initiative_id:expr, $draft:expr, $edition:expr) => {{
        let draft: &parat_core::readiness::assessment::AssessmentDraft = $draft;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO assessments (org_id, initiative_id, instrument_id, measured, issue, half_points, status, \
             created_at, updated_at, edition) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) RETURNING id",
        )
        .bind($org_id)
        .bind($initiative_id)
        .bind(&draft.instrument_id)
        .bind(&draft.measured)
        .bind(&draft.issue)
        .bind(draft.half_points)
        .bind(parat_core::readiness::assessment::AssessmentStatus::Planned.key())
        .bind($crate::now())
        .bind($edition.key())
        .fetch_one(&mut *$tx)
        .await?;
        id
    }};
}
pub(crate) use insert_assessment;

/// Creates an assessment for an initiative of the scope's organisation; coordinators and
/// administrators only. Every team member must belong to the organisation.
pub async fn create(db: &Db, scope: &OrgScope, initiative_id: i64, draft: &AssessmentDraft) -> StoreResult<Assessment> {
    Access::require(scope.role.can_edit_initiatives())?;
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
        let id = insert_assessment!(tx, scope.org_id, initiative_id, draft, edition);
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

/// A key informant as lists show them: the pseudonymous label, role and sector, and whether
/// contact details are kept — never the details themselves, which are shown one informant at a
/// time ([`informant_contact`]) so that each showing is a read in the audit log.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Informant {
    pub id: i64,
    pub label: String,
    pub role: String,
    pub sector: String,
    pub has_contact: bool,
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
            "SELECT id, label, role, sector, contact IS NOT NULL AS has_contact FROM informants WHERE assessment_id = $1 ORDER BY id",
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
    Ok((informants, interviews))
}

/// One informant's contact details, for those who may read interviews. The details are the
/// personal data here, so this showing is a read in the audit log (the details are not).
pub async fn informant_contact(
    db: &Db,
    scope: &OrgScope,
    assessment: &Assessment,
    informant_id: i64,
) -> StoreResult<(Informant, Option<String>)> {
    Access::require(Access::of(scope, assessment).read_interviews)?;
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        informant: Informant,
        contact: Option<String>,
    }
    let row: Option<Row> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, label, role, sector, contact IS NOT NULL AS has_contact, contact FROM informants \
         WHERE assessment_id = $1 AND id = $2"
    )
    .bind(assessment.id)
    .bind(informant_id)
    .fetch_optional(pool)
    .await?);
    let row = row.ok_or(StoreError::NotFound)?;
    if row.contact.is_some() {
        audit::log_read(db, AuditEntry::scoped(scope, "read", "informant", informant_id)).await?;
    }
    Ok((row.informant, row.contact))
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
        sqlx::query("UPDATE assessments SET status = $1, updated_at = $2, revision = revision + 1, reported_at = CASE WHEN $1 = 'reported' THEN $2 ELSE reported_at END WHERE org_id = $3 AND id = $4")
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

/// Reopens a reported assessment for changes (back to the consensus step), for those who manage
/// it. It stays marked as reported once (`reported_at`), so that every later change is logged
/// as a change after the report; the reopening itself is in the audit log.
pub async fn reopen(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Assessment> {
    let (assessment, access) = get(db, scope, id).await?;
    Access::require(access.manage)?;
    if assessment.status != AssessmentStatus::Reported {
        return Err(StoreError::field("status", Problem::UnknownChoice));
    }
    let updated = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE assessments SET status = $1, updated_at = $2, revision = revision + 1 WHERE org_id = $3 AND id = $4 AND status = $5",
        )
        .bind(AssessmentStatus::Consensus.key())
        .bind(now())
        .bind(scope.org_id)
        .bind(id)
        .bind(AssessmentStatus::Reported.key())
        .execute(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "reopen", "assessment", id)
            .before(&serde_json::json!({ "status": AssessmentStatus::Reported.key() }))
            .after(&serde_json::json!({ "status": AssessmentStatus::Consensus.key() }));
        audit::record!(&mut *tx, &entry)?;
        let updated = fetch_assessment!(&mut *tx, scope, id).ok_or(StoreError::NotFound)?;
        tx.commit().await?;
        updated
    });
    Ok(updated)
}

/// The number of interviews an assessment has, for the question before scoring starts.
pub async fn interview_count(db: &Db, scope: &OrgScope, assessment: &Assessment) -> StoreResult<i64> {
    Access::require(Access::of(scope, assessment).read_interviews)?;
    let (count,): (i64,) =
        on_reader!(db, |pool| sqlx::query_as("SELECT COUNT(*) FROM interviews WHERE assessment_id = $1")
            .bind(assessment.id)
            .fetch_one(pool)
            .await?);
    Ok(count)
}

/// Roles that may be on an assessment's team: anyone in the organisation but viewers.
pub fn can_join_team(role: Role) -> bool {
    role != Role::Viewer
}

/// A stored level (in half points) as a level of the scale.
pub(crate) fn level_of(raw: Option<i64>) -> Option<HalfPoints> {
    raw.and_then(|h| u8::try_from(h).ok()).and_then(|h| HalfPoints::parse(f64::from(h) / 2.0, true).ok())
}

pub use parat_core::readiness::sheet::dimension_field;

mod actions;
mod builder;
mod interviews;
mod portfolio;
mod results;
mod scoring;
mod work;

pub use actions::*;
pub use builder::{AssessmentBuilder, PlannedInterview};
pub use interviews::*;
pub use portfolio::*;
pub use results::*;
pub use scoring::*;
pub use work::*;

/// The organisation an assessment belongs to, reached through its id or one of its interviews'
/// (`interview` true): for deciding in whose name a request about it is made. Says nothing about
/// the assessment to anyone; the pages' own reads check access.
pub async fn owner_of(db: &Db, id: i64, interview: bool) -> StoreResult<Option<(i64, i64)>> {
    let sql = match interview {
        true => "SELECT a.id, a.org_id FROM interviews i JOIN assessments a ON a.id = i.assessment_id WHERE i.id = $1",
        false => "SELECT id, org_id FROM assessments WHERE id = $1",
    };
    Ok(on_reader!(db, |pool| sqlx::query_as(sql).bind(id).fetch_optional(pool).await?))
}
