//! A project's evaluations: a questionnaire round after each training event, and the project
//! evaluation at start and at end. The rounds are the questionnaire engine's (answering by link
//! or QR code, anonymity, results); this keeps which round is which to the project, written in
//! the same transaction as the round.

use parat_core::project::{EvaluationGrade, EvaluationStage, OVERALL_ITEM};
use parat_core::questionnaire::round::RoundDraft;

use super::events::{check_initiative, require_editor};
use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::questionnaire::{self as rounds, insert_round, prepare_round, Round, Submitted};
use crate::{Db, OrgScope, Secret, StoreError, StoreResult, Stored};

/// One of the project's evaluation rounds, with how many have answered.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EvaluationRound {
    pub round_id: i64,
    pub event_id: Option<i64>,
    pub stage: Stored<EvaluationStage>,
    pub title: String,
    pub responses: i64,
    pub closed: bool,
}

/// The project's evaluation rounds: the events' in the events' order, then start and end.
pub async fn evaluations_of(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<EvaluationRound>> {
    check_initiative(db, scope, initiative_id).await?;
    evaluations_of_unchecked(db, scope, initiative_id).await
}

/// [`evaluations_of`] for a caller that has checked the initiative.
pub(super) async fn evaluations_of_unchecked(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
) -> StoreResult<Vec<EvaluationRound>> {
    let rows = on_reader!(db, |pool| sqlx::query_as(
        "SELECT v.round_id, v.event_id, v.stage, r.title, r.closed_at IS NOT NULL AS closed, \
         (SELECT COUNT(*) FROM round_responses s WHERE s.round_id = r.id AND s.submitted_at IS NOT NULL) AS responses \
         FROM project_evaluations v JOIN questionnaire_rounds r ON r.id = v.round_id \
         LEFT JOIN project_events e ON e.id = v.event_id \
         WHERE v.initiative_id = $1 AND v.org_id = $2 \
         ORDER BY CASE v.stage WHEN 'event' THEN 0 WHEN 'start' THEN 1 ELSE 2 END, e.starts_at, v.round_id"
    )
    .bind(initiative_id)
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    Ok(rows)
}

/// Sends out an evaluation of the project: `draft` names the questionnaire, its title, dates
/// and link; the event's evaluation belongs to `event_id`, which must be the initiative's. The
/// end evaluation follows up the start's, so their answers can be compared. One evaluation per
/// event and one each at start and end: another is refused (`evaluation: taken`).
pub async fn start_evaluation(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
    stage: EvaluationStage,
    event_id: Option<i64>,
    draft: &RoundDraft,
) -> StoreResult<(Round, Option<Secret>)> {
    require_editor(scope)?;
    if (stage == EvaluationStage::Event) != event_id.is_some() {
        return Err(StoreError::NotFound);
    }
    let (source, needed) = prepare_round(db, scope, draft).await?;
    let open_link = draft.open_link.then(Secret::generate);
    let mut draft = draft.clone();
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        if let Some(event) = event_id {
            let found: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM project_events WHERE id = $1 AND initiative_id = $2 AND org_id = $3")
                    .bind(event)
                    .bind(initiative_id)
                    .bind(scope.org_id())
                    .fetch_optional(&mut *tx)
                    .await?;
            found.ok_or(StoreError::NotFound)?;
        }
        let taken: Option<(i64,)> = sqlx::query_as(
            "SELECT round_id FROM project_evaluations WHERE initiative_id = $1 AND org_id = $2 \
             AND (event_id = $3 OR ($3 IS NULL AND stage = $4))",
        )
        .bind(initiative_id)
        .bind(scope.org_id())
        .bind(event_id)
        .bind(stage.key())
        .fetch_optional(&mut *tx)
        .await?;
        if taken.is_some() {
            return Err(StoreError::field("evaluation", parat_core::Problem::Taken));
        }
        if stage == EvaluationStage::End {
            let start: Option<(i64,)> = sqlx::query_as(
                "SELECT round_id FROM project_evaluations WHERE initiative_id = $1 AND org_id = $2 AND stage = 'start'",
            )
            .bind(initiative_id)
            .bind(scope.org_id())
            .fetch_optional(&mut *tx)
            .await?;
            draft.previous_round = start.map(|(id,)| id);
        }
        let id = insert_round!(tx, scope, Some(initiative_id), &draft, &source, &open_link, &needed);
        sqlx::query(
            "INSERT INTO project_evaluations (round_id, org_id, initiative_id, event_id, stage) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(scope.org_id())
        .bind(initiative_id)
        .bind(event_id)
        .bind(stage.key())
        .execute(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "create", "project_evaluation", id)
            .after(&serde_json::json!({ "initiative": initiative_id, "event": event_id, "stage": stage.key() }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok((rounds::get(db, scope, id).await?, open_link))
}

/// A round of the project with its submitted answers, for compiling.
pub struct Answered {
    pub evaluation: EvaluationRound,
    pub round: Round,
    pub responses: Vec<Submitted>,
}

/// The project's evaluation rounds with their answers (anonymous rounds' answers carry no
/// identity).
pub async fn answered(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<Answered>> {
    check_initiative(db, scope, initiative_id).await?;
    answered_unchecked(db, scope, initiative_id).await
}

/// [`answered`] for a caller that has checked the initiative.
pub(super) async fn answered_unchecked(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<Answered>> {
    let mut out = Vec::new();
    for evaluation in evaluations_of_unchecked(db, scope, initiative_id).await? {
        let round = rounds::get(db, scope, evaluation.round_id).await?;
        let responses = rounds::submitted(db, scope, &round).await?;
        out.push(Answered { evaluation, round, responses });
    }
    Ok(out)
}

/// The overall grades in answers already read, each with its event's start.
pub(super) fn grades_from(answered: &[Answered], events: &[super::Event]) -> Vec<EvaluationGrade> {
    answered
        .iter()
        .filter_map(|a| Some((events.iter().find(|e| Some(e.id) == a.evaluation.event_id)?.starts_at, a)))
        .flat_map(|(starts_at, a)| {
            a.responses.iter().filter_map(move |r| match r.answers.get(OVERALL_ITEM) {
                Some(parat_core::questionnaire::Answer::Number(grade)) => {
                    Some(EvaluationGrade { starts_at, grade: *grade })
                }
                _ => None,
            })
        })
        .collect()
}

/// The overall grade a stored response gives, if it gives one.
fn grade_of(answers: &str) -> Option<f64> {
    serde_json::from_str::<serde_json::Value>(answers).ok()?.get(OVERALL_ITEM)?.as_f64()
}

/// Responses' columns for grades: the event's start and the answers, of event evaluations.
const GRADES: &str = "SELECT v.initiative_id, e.starts_at, s.answers FROM project_evaluations v \
     JOIN project_events e ON e.id = v.event_id \
     JOIN round_responses s ON s.round_id = v.round_id AND s.submitted_at IS NOT NULL";

fn grades_of(rows: Vec<(i64, i64, String)>) -> impl Iterator<Item = (i64, EvaluationGrade)> {
    rows.into_iter().filter_map(|(initiative, starts_at, answers)| {
        grade_of(&answers).map(|grade| (initiative, EvaluationGrade { starts_at, grade }))
    })
}

/// Every overall grade given in the initiative's event evaluations (anonymous: no identity is
/// read), for indicators that follow the mean.
pub(super) async fn grades_unchecked(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
) -> StoreResult<Vec<EvaluationGrade>> {
    let rows: Vec<(i64, i64, String)> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{GRADES} WHERE v.initiative_id = $1 AND v.org_id = $2"))
            .bind(initiative_id)
            .bind(scope.org_id())
            .fetch_all(pool)
            .await?);
    Ok(grades_of(rows).map(|(_, grade)| grade).collect())
}

/// The grades of every initiative in the organisations `funded` (a CTE that binds `$1`) with an
/// indicator following the evaluations' mean, by initiative: for the view across projects.
pub(super) async fn grades_for_indicators(
    db: &Db,
    funded: &str,
    org: i64,
) -> StoreResult<std::collections::HashMap<i64, Vec<EvaluationGrade>>> {
    let rows: Vec<(i64, i64, String)> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{funded} {GRADES} JOIN funded f ON f.id = v.org_id WHERE EXISTS (SELECT 1 FROM project_indicators x \
         WHERE x.initiative_id = v.initiative_id AND x.source = 'evaluation_mean')"
    ))
    .bind(org)
    .fetch_all(pool)
    .await?);
    let mut by_initiative: std::collections::HashMap<i64, Vec<EvaluationGrade>> = Default::default();
    for (initiative, grade) in grades_of(rows) {
        by_initiative.entry(initiative).or_default().push(grade);
    }
    Ok(by_initiative)
}
