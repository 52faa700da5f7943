//! A parent organisation's portfolio: its member organisations' assessments, stages only.

use super::*;
use crate::organisations::BELOW;

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
    status: crate::Stored<AssessmentStatus>,
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
    let mut by_assessment = group_consensus(consensus);
    Ok(rows
        .into_iter()
        .map(|row| {
            let status = row.status.0;
            let edition = edition_of(&row.edition);
            let scores = by_assessment.remove(&row.id).and_then(|interviews| agreed_scores(edition, interviews));
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

/// Agreed scores read as `(assessment, interview, dimension, half points)` rows, grouped by
/// assessment and interview: what [`agreed_scores`] makes an assessment's scores of.
pub(crate) type Agreed = BTreeMap<i64, BTreeMap<i64, BTreeMap<String, DimensionScores>>>;

pub(crate) fn group_consensus(rows: Vec<(i64, i64, String, i64)>) -> Agreed {
    let mut by_assessment = Agreed::new();
    for (assessment, interview, dimension, half_points) in rows {
        if let Some(level) = level_of(Some(half_points)) {
            by_assessment
                .entry(assessment)
                .or_default()
                .entry(interview)
                .or_default()
                .insert(dimension, DimensionScores { scorers: None, consensus: level });
        }
    }
    by_assessment
}

/// A reported assessment's scores from its interviews' agreed levels, complete interviews only;
/// the results of reported assessments read across organisations (a parent's portfolio, a
/// campaign's county report) come from these, never from the scorers' own scores.
pub(crate) fn agreed_scores(
    edition: Edition,
    interviews: BTreeMap<i64, BTreeMap<String, DimensionScores>>,
) -> Option<AssessmentScores> {
    let complete = interviews
        .into_iter()
        .filter(|(_, d)| d.len() == edition.dimension_keys().len())
        .map(|(id, dimensions)| InterviewScores { id: id.to_string(), dimensions })
        .collect();
    AssessmentScores::new(edition, complete).ok()
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

/// One reported assessment of an organisation below the scope's, for the parent's report page:
/// the assessment and the scores its results come from. Anything else — another organisation's,
/// one not reported, or the parent's own — is `NotFound`. Interviews and informants never leave
/// the member organisation this way.
pub async fn portfolio_assessment(
    db: &Db,
    scope: &OrgScope,
    id: i64,
) -> StoreResult<(Assessment, AssessmentScores, String)> {
    /// The member organisation the assessment belongs to, as the assessment query wants it.
    struct InOrg {
        org_id: i64,
    }
    let found = on_reader!(db, |pool| {
        let org: Option<(i64, String)> = sqlx::query_as(&format!(
            "{BELOW} SELECT a.org_id, o.name FROM assessments a JOIN below b ON b.id = a.org_id \
             JOIN organisations o ON o.id = a.org_id WHERE a.id = $2 AND a.status = 'reported'"
        ))
        .bind(scope.org_id)
        .bind(id)
        .fetch_optional(pool)
        .await?;
        match org {
            Some((org_id, name)) => fetch_assessment!(pool, InOrg { org_id }, id).map(|a| (a, name)),
            None => None,
        }
    });
    let (assessment, org_name) = found.ok_or(StoreError::NotFound)?;
    let (scores, _) = load_scores(db, assessment.id, assessment.edition()).await?;
    Ok((assessment, scores.ok_or(StoreError::NotFound)?, org_name))
}
