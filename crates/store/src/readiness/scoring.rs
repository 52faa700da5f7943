//! Blind, independent scoring and the consensus. One scorer's scores leave the store for
//! anyone else only when both scorers have submitted that interview.

use super::*;

/// One dimension's score by one scorer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub level: Option<HalfPoints>,
    pub evidence: String,
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
    interview: InterviewRef,
) -> StoreResult<ScoreSheet> {
    let interview_id = interview.id();
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
    interview: InterviewRef,
    scores: &BTreeMap<String, Score>,
    submit: bool,
) -> StoreResult<()> {
    let interview_id = interview.id();
    Access::require(Access::of(scope, assessment).score)?;
    Access::require_open(assessment)?;
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
    interview: InterviewRef,
) -> StoreResult<ConsensusStage> {
    let interview_id = interview.id();
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
    interview: InterviewRef,
    agreed: &BTreeMap<String, (HalfPoints, String)>,
) -> StoreResult<()> {
    let interview_id = interview.id();
    Access::require_open(assessment)?;
    let ConsensusStage::Open(sheet) = consensus(db, scope, assessment, interview).await? else {
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
        // Changes to an assessment that was reported once (and reopened) are marked as such.
        let action = if assessment.reported_at.is_some() { "update_after_report" } else { "update" };
        let entry = AuditEntry::scoped(scope, action, "consensus", interview_id).before(&before).after(&after);
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}
