//! Answering without an account: a link (a round's open link, or a person's own) finds the
//! round; a key finds the response to resume — the personal link itself, or for an open link a
//! key the respondent's browser keeps. Saving is idempotent: a response once submitted never
//! changes, and a repeated submission changes nothing.

use std::collections::BTreeMap;

use parat_core::questionnaire::{Answers, RawAnswer};

use super::*;

/// What a link opens: the round, whether the link is personal, and the answers so far.
#[derive(Debug, Clone)]
pub struct Visit {
    pub round: Round,
    pub personal: bool,
    pub answers: Answers,
    pub submitted: bool,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Kept, not yet submitted.
    Draft,
    /// Kept, but submitting waits for these required items.
    Incomplete(Vec<String>),
    Submitted,
    /// It had been submitted before: nothing changed.
    AlreadySubmitted,
}

/// The round a link belongs to, and the respondent when the link is personal.
struct Found {
    round: Round,
    respondent: Option<(i64, Option<String>)>,
}

async fn find(db: &Db, link: &Secret) -> StoreResult<Found> {
    let hash = link.hash();
    let found = on_reader!(db, |pool| {
        let open: Option<(i64, i64)> =
            sqlx::query_as("SELECT id, org_id FROM questionnaire_rounds WHERE open_link_hash = $1")
                .bind(&hash)
                .fetch_optional(pool)
                .await?;
        let (round_id, org_id, respondent) = match open {
            Some((id, org)) => (id, org, None),
            None => {
                let personal: Option<(i64, i64, i64, Option<String>)> = sqlx::query_as(
                    "SELECT r.id, r.org_id, p.id, p.grp FROM round_respondents p \
                     JOIN questionnaire_rounds r ON r.id = p.round_id WHERE p.token_hash = $1",
                )
                .bind(&hash)
                .fetch_optional(pool)
                .await?;
                let Some((round, org, respondent, group)) = personal else { return Err(StoreError::NotFound) };
                (round, org, Some((respondent, group)))
            }
        };
        fetch_round!(pool, "r.org_id = $2", round_id, org_id).map(|found| (found, respondent))
    });
    let ((row, entries), respondent) = found.ok_or(StoreError::NotFound)?;
    Ok(Found { round: row.into_round(entries)?, respondent })
}

/// The key that finds a response: a personal link is its own; an open link needs the browser's.
fn resume_hash<'a>(link: &'a Secret, personal: bool, browser_key: Option<&'a Secret>) -> Option<String> {
    let key = if personal { Some(link) } else { browser_key };
    key.map(|k| k.derived_hash("response"))
}

/// Opens a link: the round and, if this respondent began before, their answers.
pub async fn visit(db: &Db, link: &Secret, browser_key: Option<&Secret>) -> StoreResult<Visit> {
    let Found { round, respondent } = find(db, link).await?;
    let personal = respondent.is_some();
    let stored = match resume_hash(link, personal, browser_key) {
        None => None,
        Some(hash) => {
            let row: Option<(String, Option<i64>)> = on_reader!(db, |pool| sqlx::query_as(
                "SELECT answers, submitted_at FROM round_responses WHERE round_id = $1 AND resume_hash = $2"
            )
            .bind(round.id)
            .bind(hash)
            .fetch_optional(pool)
            .await?);
            row
        }
    };
    let (answers, submitted) = match stored {
        Some((json, submitted_at)) => (stored_answers(&round, &json)?, submitted_at.is_some()),
        None => (Answers::default(), false),
    };
    Ok(Visit { round, personal, answers, submitted })
}

/// Answers as stored, read back against the round's definition.
pub(super) fn stored_answers(round: &Round, json: &str) -> StoreResult<Answers> {
    let raw: BTreeMap<String, RawAnswer> =
        serde_json::from_str(json).map_err(|e| StoreError::Refused(format!("stored answers: {e}")))?;
    Answers::parse(&round.definition, &raw, &round.lists)
        .map_err(|e| StoreError::Refused(format!("stored answers: {e}")))
}

/// Saves answers given through a link, over those given before (an item sent empty is cleared);
/// with `submit`, submits them when every required item is answered. Answers that do not fit
/// their items are refused whole, with the first item and why: nothing is kept then.
pub async fn save(
    db: &Db,
    link: &Secret,
    browser_key: &Secret,
    raw: &BTreeMap<String, RawAnswer>,
    submit: bool,
    today: Date,
) -> StoreResult<Result<Saved, parat_core::questionnaire::ItemError>> {
    let Found { round, respondent } = find(db, link).await?;
    if !round.is_open(today) {
        return Err(StoreError::Closed);
    }
    let hash = resume_hash(link, respondent.is_some(), Some(browser_key)).unwrap_or_default();
    let at = now();
    let outcome = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let before: Option<(String, Option<i64>)> =
            sqlx::query_as("SELECT answers, submitted_at FROM round_responses WHERE resume_hash = $1")
                .bind(&hash)
                .fetch_optional(&mut *tx)
                .await?;
        if matches!(before, Some((_, Some(_)))) {
            return Ok(Ok(Saved::AlreadySubmitted));
        }
        let mut merged: BTreeMap<String, RawAnswer> = match &before {
            Some((json, _)) => serde_json::from_str(json).unwrap_or_default(),
            None => BTreeMap::new(),
        };
        merged.extend(raw.iter().map(|(k, v)| (k.clone(), v.clone())));
        let answers = match Answers::parse(&round.definition, &merged, &round.lists) {
            Ok(answers) => answers,
            Err(problem) => return Ok(Err(problem)),
        };
        let missing: Vec<String> = answers.missing(&round.definition).iter().map(|i| i.id.clone()).collect();
        let submitted = submit && missing.is_empty();
        let json = serde_json::to_string(&answers).map_err(|e| StoreError::Refused(e.to_string()))?;
        let identified = respondent.as_ref().filter(|_| !round.anonymous).map(|(id, _)| *id);
        let group = respondent.as_ref().and_then(|(_, group)| group.clone());
        let written: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO round_responses (round_id, respondent_id, resume_hash, grp, answers, submitted_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) \
             ON CONFLICT (resume_hash) DO UPDATE SET answers = excluded.answers, submitted_at = excluded.submitted_at, \
             updated_at = excluded.updated_at WHERE round_responses.submitted_at IS NULL RETURNING id",
        )
        .bind(round.id)
        .bind(identified)
        .bind(&hash)
        .bind(group)
        .bind(&json)
        .bind(submitted.then_some(at))
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((response_id,)) = written else {
            // Submitted by a parallel request in between.
            return Ok(Ok(Saved::AlreadySubmitted));
        };
        if submitted {
            if let Some((respondent_id, _)) = respondent {
                sqlx::query("UPDATE round_respondents SET answered = TRUE WHERE id = $1")
                    .bind(respondent_id)
                    .execute(&mut *tx)
                    .await?;
            }
            // An identified response is personal data: its submission is logged. An anonymous
            // one is not, so that no entry could tie a time to a respondent.
            if identified.is_some() {
                let entry = AuditEntry {
                    org_id: Some(round.org_id),
                    actor_id: None,
                    actor_label: "respondent".into(),
                    action: "submit",
                    entity: "response",
                    entity_id: Some(response_id),
                    before: None,
                    after: None,
                };
                audit::record!(&mut *tx, &entry)?;
            }
        }
        tx.commit().await?;
        Ok(match (submit, submitted) {
            (_, true) => Saved::Submitted,
            (true, false) => Saved::Incomplete(missing),
            (false, false) => Saved::Draft,
        })
    });
    Ok(outcome)
}
