//! What the results are computed from, the score export, and the previous assessment to
//! compare with.

use super::*;

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

pub(super) async fn load_scores(
    db: &Db,
    assessment_id: i64,
    edition: Edition,
) -> StoreResult<(Option<AssessmentScores>, usize)> {
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
