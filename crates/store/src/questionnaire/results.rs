//! Submitted answers, for results and exports. In an anonymous round they come without any
//! identity; in an identified round reading them is a read of personal data, logged.

use super::answering::stored_answers;
use parat_core::questionnaire::StoredKinds;

use super::*;

/// One submitted response: its group (from the respondent's link) and answers.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub group: Option<String>,
    pub answers: parat_core::questionnaire::Answers,
    /// The respondent's label, only in rounds that are not anonymous.
    pub respondent: Option<String>,
}

/// Separators of the one string an anonymous round's answers are read as: between a response's
/// group and answers, and between responses (ASCII's unit and record separators).
const FIELD: char = '\u{1f}';
const RECORD: char = '\u{1e}';

/// The round's submitted responses, oldest first.
pub async fn submitted(db: &Db, scope: &OrgScope, round: &Round) -> StoreResult<Vec<Submitted>> {
    let kinds = StoredKinds::of(&round.definition);
    if round.anonymous {
        // One row for the whole round: each row fetched is a hand-off between threads (SQLite)
        // or a message (PostgreSQL), and a large round has ten thousand. Neither separator can
        // occur in a group (no control characters) or in stored JSON (escaped).
        let joined: Option<String> = on_reader!(db, |pool| sqlx::query_scalar(
            "SELECT string_agg(COALESCE(grp, '') || $2 || answers, $3 ORDER BY id) FROM round_responses \
             WHERE round_id = $1 AND submitted_at IS NOT NULL"
        )
        .bind(round.id)
        .bind(FIELD.to_string())
        .bind(RECORD.to_string())
        .fetch_one(pool)
        .await?);
        return joined
            .as_deref()
            .unwrap_or_default()
            .split(RECORD)
            .filter_map(|record| record.split_once(FIELD))
            .map(|(group, json)| {
                let group = Some(group.to_owned()).filter(|g| !g.is_empty());
                Ok(Submitted { group, answers: stored_answers(&kinds, json)?, respondent: None })
            })
            .collect();
    }
    let rows: Vec<(Option<String>, String, Option<String>)> = on_writer!(db, |pool| {
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
    });
    rows.into_iter()
        .map(|(group, json, respondent)| Ok(Submitted { group, answers: stored_answers(&kinds, &json)?, respondent }))
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
    let kinds = (StoredKinds::of(&before.definition), StoredKinds::of(&after.definition));
    let mut pairs = Vec::new();
    for (key, mut was) in first {
        match (was.len(), second.remove(&key)) {
            (1, Some(mut now)) if now.len() == 1 => {
                let (was, now) = (was.remove(0), now.remove(0));
                pairs.push((stored_answers(&kinds.0, &was)?, stored_answers(&kinds.1, &now)?));
            }
            _ => {}
        }
    }
    Ok(pairs)
}

/// The submitted responses of a round that is not anonymous, each with the id of the respondent
/// whose link it came through (a module that sent the links knows whom each stands for). A
/// read of personal data, logged.
pub async fn submitted_by_respondent(
    db: &Db,
    scope: &OrgScope,
    round: &Round,
) -> StoreResult<Vec<(i64, parat_core::questionnaire::Answers)>> {
    if round.anonymous {
        return Err(StoreError::Forbidden);
    }
    let kinds = StoredKinds::of(&round.definition);
    let rows: Vec<(i64, String)> = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT s.respondent_id, s.answers FROM round_responses s \
             WHERE s.round_id = $1 AND s.submitted_at IS NOT NULL AND s.respondent_id IS NOT NULL ORDER BY s.id",
        )
        .bind(round.id)
        .fetch_all(&mut *tx)
        .await?;
        if !rows.is_empty() {
            audit::record!(&mut *tx, &AuditEntry::scoped(scope, "read", "response", round.id))?;
        }
        tx.commit().await?;
        rows
    });
    rows.into_iter().map(|(respondent, json)| Ok((respondent, stored_answers(&kinds, &json)?))).collect()
}
