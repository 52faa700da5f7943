//! What readiness asks of a person now, for their home page: interviews to score, consensus to
//! agree, assessments to take on, and their tasks in action plans. Later modules add their own
//! kinds of work to the same list.

use super::actions::{my_open_actions, ActionItem};
use super::*;

/// An assessment as a piece of work names it: what it measures, about what, and when.
#[derive(Debug, Clone)]
pub struct AssessmentLabel {
    pub id: i64,
    pub measured: String,
    pub issue: String,
    pub created_at: i64,
}

/// One thing to do.
#[derive(Debug, Clone)]
pub enum ReadinessWork {
    /// An interview this person is to score (`number` as the assessment's pages count it).
    Score { assessment: AssessmentLabel, interview_id: i64, number: i64 },
    /// Both scorers have submitted; the consensus is still to be agreed.
    Consensus { assessment: AssessmentLabel, interview_id: i64, number: i64 },
    /// An assessment not yet reported, for those who run it.
    Assessment { assessment: AssessmentLabel, status: AssessmentStatus },
    /// A task of an action plan that this person owns.
    Task { assessment: AssessmentLabel, item: ActionItem },
}

impl ReadinessWork {
    /// The date the work is due by, if it has one.
    pub fn due_on(&self) -> Option<time::Date> {
        match self {
            ReadinessWork::Task { item, .. } => item.due_on,
            _ => None,
        }
    }
}

#[derive(sqlx::FromRow)]
struct InterviewWorkRow {
    interview_id: i64,
    number: i64,
    assessment_id: i64,
    measured: String,
    issue: String,
    created_at: i64,
}

impl InterviewWorkRow {
    fn label(&self) -> AssessmentLabel {
        AssessmentLabel {
            id: self.assessment_id,
            measured: self.measured.clone(),
            issue: self.issue.clone(),
            created_at: self.created_at,
        }
    }
}

const INTERVIEW_WORK: &str = "SELECT v.id AS interview_id, \
    (SELECT COUNT(*) FROM interviews w WHERE w.assessment_id = a.id AND w.id <= v.id) AS number, \
    a.id AS assessment_id, a.measured, a.issue, a.created_at \
    FROM interviews v JOIN assessments a ON a.id = v.assessment_id \
    WHERE a.org_id = $1 AND a.status IN ('scoring', 'consensus')";

/// Everything readiness asks of the scope's person in the scope's organisation.
pub async fn work(db: &Db, scope: &OrgScope) -> StoreResult<Vec<ReadinessWork>> {
    let manages = scope.role.can_edit_initiatives();
    let (to_score, to_agree, running) = on_reader!(db, |pool| {
        let to_score: Vec<InterviewWorkRow> = sqlx::query_as(&format!(
            "{INTERVIEW_WORK} \
             AND EXISTS (SELECT 1 FROM assessment_team t WHERE t.assessment_id = a.id AND t.user_id = $2 AND t.task = 'scorer') \
             AND NOT EXISTS (SELECT 1 FROM score_submissions s WHERE s.interview_id = v.id AND s.scorer_id = $2) \
             ORDER BY a.created_at, v.id"
        ))
        .bind(scope.org_id)
        .bind(scope.user_id)
        .fetch_all(pool)
        .await?;
        let to_agree: Vec<InterviewWorkRow> = sqlx::query_as(&format!(
            "{INTERVIEW_WORK} \
             AND (SELECT COUNT(*) FROM score_submissions s WHERE s.interview_id = v.id) >= 2 \
             AND (SELECT COUNT(*) FROM consensus c WHERE c.interview_id = v.id) < (CASE WHEN a.edition = '2014' THEN 5 ELSE 6 END) \
             AND ($3 OR EXISTS (SELECT 1 FROM assessment_team t WHERE t.assessment_id = a.id AND t.user_id = $2 AND t.task = 'scorer')) \
             ORDER BY a.created_at, v.id"
        ))
        .bind(scope.org_id)
        .bind(scope.user_id)
        .bind(manages)
        .fetch_all(pool)
        .await?;
        let running: Vec<(i64, String, String, i64, crate::Stored<AssessmentStatus>)> = if manages {
            sqlx::query_as(
                "SELECT id, measured, issue, created_at, status FROM assessments \
                 WHERE org_id = $1 AND status <> 'reported' ORDER BY created_at, id",
            )
            .bind(scope.org_id)
            .fetch_all(pool)
            .await?
        } else {
            Vec::new()
        };
        (to_score, to_agree, running)
    });
    let mut work = Vec::new();
    work.extend(to_score.into_iter().map(|row| ReadinessWork::Score {
        assessment: row.label(),
        interview_id: row.interview_id,
        number: row.number,
    }));
    work.extend(to_agree.into_iter().map(|row| ReadinessWork::Consensus {
        assessment: row.label(),
        interview_id: row.interview_id,
        number: row.number,
    }));
    work.extend(running.into_iter().map(|(id, measured, issue, created_at, status)| ReadinessWork::Assessment {
        assessment: AssessmentLabel { id, measured, issue, created_at },
        status: status.0,
    }));
    for owned in my_open_actions(db, scope).await? {
        let assessment = AssessmentLabel {
            id: owned.assessment_id,
            measured: owned.measured,
            issue: owned.issue,
            created_at: owned.created_at,
        };
        work.push(ReadinessWork::Task { assessment, item: owned.item });
    }
    Ok(work)
}
