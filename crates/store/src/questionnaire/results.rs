//! Submitted answers, for results and exports. In an anonymous round they come without any
//! identity; in an identified round reading them is a read of personal data, logged.

use super::answering::stored_answers;
use super::*;

/// One submitted response: its group (from the respondent's link) and answers.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub group: Option<String>,
    pub answers: parat_core::questionnaire::Answers,
    /// The respondent's label, only in rounds that are not anonymous.
    pub respondent: Option<String>,
}

/// The round's submitted responses, oldest first.
pub async fn submitted(db: &Db, scope: &OrgScope, round: &Round) -> StoreResult<Vec<Submitted>> {
    let rows: Vec<(Option<String>, String, Option<String>)> = if round.anonymous {
        on_reader!(db, |pool| sqlx::query_as(
            "SELECT grp, answers, NULL AS respondent FROM round_responses \
             WHERE round_id = $1 AND submitted_at IS NOT NULL ORDER BY id"
        )
        .bind(round.id)
        .fetch_all(pool)
        .await?)
    } else {
        on_writer!(db, |pool| {
            let mut tx = pool.begin().await?;
            let rows: Vec<(Option<String>, String, Option<String>)> = sqlx::query_as(
                "SELECT s.grp, s.answers, p.label FROM round_responses s \
                 LEFT JOIN round_respondents p ON p.id = s.respondent_id \
                 WHERE s.round_id = $1 AND s.submitted_at IS NOT NULL ORDER BY s.id",
            )
            .bind(round.id)
            .fetch_all(&mut *tx)
            .await?;
            if !rows.is_empty() {
                audit::record!(&mut *tx, &AuditEntry::scoped(scope, "read", "response", round.id))?;
            }
            tx.commit().await?;
            rows
        })
    };
    rows.into_iter()
        .map(|(group, json, respondent)| Ok(Submitted { group, answers: stored_answers(round, &json)?, respondent }))
        .collect()
}

/// The answers of respondents who gave the same pairing code in `before` and in `after`, as
/// (before, after). A code given more than once in a round (two people who happen to choose the
/// same, or one who answered twice) pairs nothing: which answer is whose cannot be told.
pub async fn pairs(
    db: &Db,
    before: &Round,
    after: &Round,
) -> StoreResult<Vec<(parat_core::questionnaire::Answers, parat_core::questionnaire::Answers)>> {
    let keyed = |round: &Round| {
        let id = round.id;
        async move {
            let rows: Vec<(String, String)> = on_reader!(db, |pool| sqlx::query_as(
                "SELECT pair_key, answers FROM round_responses \
                 WHERE round_id = $1 AND submitted_at IS NOT NULL AND pair_key IS NOT NULL"
            )
            .bind(id)
            .fetch_all(pool)
            .await?);
            let mut by_key: HashMap<String, Vec<String>> = HashMap::new();
            for (key, answers) in rows {
                by_key.entry(key).or_default().push(answers);
            }
            StoreResult::Ok(by_key)
        }
    };
    let first = keyed(before).await?;
    let mut second = keyed(after).await?;
    let mut pairs = Vec::new();
    for (key, mut was) in first {
        match (was.len(), second.remove(&key)) {
            (1, Some(mut now)) if now.len() == 1 => {
                let (was, now) = (was.remove(0), now.remove(0));
                pairs.push((stored_answers(before, &was)?, stored_answers(after, &now)?));
            }
            _ => {}
        }
    }
    Ok(pairs)
}
