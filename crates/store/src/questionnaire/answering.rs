//! Answering without an account: a link (a round's open link, or a person's own) finds the
//! round; a key finds the response to resume — the personal link itself, or for an open link a
//! key the respondent's browser keeps. Saving is idempotent: a response once submitted never
//! changes, and a repeated submission changes nothing.

use std::collections::BTreeMap;

use parat_core::questionnaire::pairing::PairCode;
use parat_core::questionnaire::{Answers, RawAnswer, StoredKinds};

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

/// A link found: the round it belongs to, and the respondent when it is personal. Found once
/// per request ([`open`]) and handed to [`visit`] or [`save`].
pub struct Opened {
    pub round: Round,
    respondent: Option<LinkHolder>,
    /// The key of the response this respondent began, if they can have one (see [`resume_hash`]).
    resume_hash: Option<String>,
}

/// The person a personal link belongs to.
struct LinkHolder {
    id: i64,
    group: Option<String>,
    /// Answered already: through an earlier link of theirs, or entered on their behalf.
    answered: bool,
}

/// Finds what a link opens, for the browser with this key (an open link's respondent is known
/// by it); `NotFound` for a link that is no round's.
pub async fn open(db: &Db, link: &Secret, browser_key: Option<&Secret>) -> StoreResult<Opened> {
    #[derive(sqlx::FromRow)]
    struct PersonalRow {
        #[sqlx(flatten)]
        round: RoundRow,
        respondent_id: i64,
        grp: Option<String>,
        answered: bool,
    }
    let hash = link.hash();
    let open: Option<RoundRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT_ROUND} WHERE r.open_link_hash = $1"))
            .bind(&hash)
            .fetch_optional(pool)
            .await?);
    if let Some(row) = open {
        let key = resume_hash(link, false, browser_key);
        return Ok(Opened { round: row.into_round(db).await?, respondent: None, resume_hash: key });
    }
    let personal: Option<PersonalRow> = on_reader!(db, |pool| sqlx::query_as(concat!(
        "SELECT ",
        round_columns!(),
        ", p.id AS respondent_id, p.grp, p.answered FROM questionnaire_rounds r \
         LEFT JOIN initiatives i ON i.id = r.initiative_id JOIN round_respondents p ON p.round_id = r.id \
         WHERE p.token_hash = $1"
    ))
    .bind(&hash)
    .fetch_optional(pool)
    .await?);
    let row = personal.ok_or(StoreError::NotFound)?;
    let holder = LinkHolder { id: row.respondent_id, group: row.grp, answered: row.answered };
    let key = resume_hash(link, true, browser_key);
    Ok(Opened { round: row.round.into_round(db).await?, respondent: Some(holder), resume_hash: key })
}

/// The key that finds a response: a personal link is its own; an open link needs the browser's.
fn resume_hash<'a>(link: &'a Secret, personal: bool, browser_key: Option<&'a Secret>) -> Option<String> {
    let key = if personal { Some(link) } else { browser_key };
    key.map(|k| k.derived_hash("response"))
}

/// What a response keeps of a pairing code: only a hash, salted with the organisation, so that
/// the same code pairs rounds within it and the table never holds the code itself.
fn pair_key(round: &Round, pair: Option<&PairCode>) -> Option<String> {
    pair.filter(|_| round.pair_code)
        .map(|code| crate::secret::sha256_hex(&format!("parat-pair:{}:{}", round.org_id, code.as_str())))
}

/// Opens a link: the round and, if this respondent began before, their answers.
pub async fn visit(db: &Db, opened: Opened) -> StoreResult<Visit> {
    let Opened { round, respondent, resume_hash } = opened;
    let personal = respondent.is_some();
    let stored = match resume_hash {
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
        Some((json, submitted_at)) => {
            (stored_answers(&StoredKinds::of(&round.definition), &json)?, submitted_at.is_some())
        }
        None => (Answers::default(), false),
    };
    // A replaced link of someone who has answered finds no response of its own, yet is used up.
    let submitted = submitted || respondent.as_ref().is_some_and(|r| r.answered);
    Ok(Visit { round, personal, answers, submitted })
}

/// Answers as stored, read back by their items' kinds (they were checked when they were saved,
/// against the same definition).
pub(crate) fn stored_answers(kinds: &StoredKinds, json: &str) -> StoreResult<Answers> {
    // Through `Value` rather than the untagged `RawAnswer` directly: several times faster on the
    // results page of a large round, which reads every response.
    let value: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(json).map_err(|e| StoreError::Refused(format!("stored answers: {e}")))?;
    Ok(Answers::from_stored(kinds, value.into_iter().map(|(k, v)| (k, raw_answer(v))).collect()))
}

/// A stored JSON value as the raw answer it was saved from.
fn raw_answer(value: serde_json::Value) -> RawAnswer {
    use serde_json::Value;
    match value {
        Value::Null | Value::Bool(_) => RawAnswer::Missing,
        Value::Number(n) => n.as_f64().map(RawAnswer::Number).unwrap_or(RawAnswer::Missing),
        Value::String(text) => RawAnswer::Text(text),
        Value::Array(list) => RawAnswer::List(list.into_iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()),
        Value::Object(entries) => RawAnswer::Entries(
            entries
                .into_iter()
                .map(|(entry, row)| {
                    let row = match row {
                        Value::Object(items) => items.into_iter().map(|(k, v)| (k, raw_answer(v))).collect(),
                        _ => BTreeMap::new(),
                    };
                    (entry, row)
                })
                .collect(),
        ),
    }
}

/// Saves answers given through a link, over those given before (an item sent empty is cleared);
/// with `submit`, submits them when every required item is answered. Answers that do not fit
/// their items are refused whole, with the first item and why: nothing is kept then.
pub async fn save(
    db: &Db,
    opened: &Opened,
    raw: &BTreeMap<String, RawAnswer>,
    pair: Option<&PairCode>,
    submit: bool,
    today: Date,
) -> StoreResult<Result<Saved, parat_core::questionnaire::ItemError>> {
    let Opened { round, respondent, resume_hash } = opened;
    // Saving needs a key to keep the response under: a browser without one is refused earlier.
    let hash = resume_hash.clone().ok_or(StoreError::NotFound)?;
    let pair_key = pair_key(round, pair);
    if !round.is_open(today) {
        return Err(StoreError::Closed);
    }
    if respondent.as_ref().is_some_and(|r| r.answered) {
        return Ok(Ok(Saved::AlreadySubmitted));
    }
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
        let identified = respondent.as_ref().filter(|_| !round.anonymous).map(|r| r.id);
        let group = respondent.as_ref().and_then(|r| r.group.clone());
        let written: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO round_responses (round_id, respondent_id, resume_hash, grp, answers, submitted_at, created_at, updated_at, pair_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) \
             ON CONFLICT (resume_hash) DO UPDATE SET answers = excluded.answers, submitted_at = excluded.submitted_at, \
             updated_at = excluded.updated_at, pair_key = COALESCE(excluded.pair_key, round_responses.pair_key) \
             WHERE round_responses.submitted_at IS NULL RETURNING id",
        )
        .bind(round.id)
        .bind(identified)
        .bind(&hash)
        .bind(group)
        .bind(&json)
        .bind(submitted.then_some(at))
        .bind(at)
        .bind(pair_key.as_deref())
        .fetch_optional(&mut *tx)
        .await?;
        let Some((response_id,)) = written else {
            // Submitted by a parallel request in between.
            return Ok(Ok(Saved::AlreadySubmitted));
        };
        if let Some(holder) = &respondent {
            // Begun or answered, without a time: all a reminder needs to know.
            let flag = if submitted { "answered" } else { "started" };
            sqlx::query(&format!("UPDATE round_respondents SET {flag} = TRUE WHERE id = $1"))
                .bind(holder.id)
                .execute(&mut *tx)
                .await?;
        }
        if submitted {
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

/// Enters a complete response on a respondent's behalf (a paper form, a phone interview), for
/// those who run the round; for one of its people when given, who then counts as answered.
/// Answers that do not fit, or required ones missing, are refused and nothing is kept.
pub async fn enter_on_behalf(
    db: &Db,
    scope: &OrgScope,
    round: &Round,
    respondent_id: Option<i64>,
    raw: &BTreeMap<String, RawAnswer>,
    pair: Option<&PairCode>,
) -> StoreResult<Result<Saved, parat_core::questionnaire::ItemError>> {
    Round::require_manage(scope)?;
    let pair_key = pair_key(round, pair);
    let answers = match Answers::parse(&round.definition, raw, &round.lists) {
        Ok(answers) => answers,
        Err(problem) => return Ok(Err(problem)),
    };
    let missing: Vec<String> = answers.missing(&round.definition).iter().map(|i| i.id.clone()).collect();
    if !missing.is_empty() {
        return Ok(Ok(Saved::Incomplete(missing)));
    }
    let json = serde_json::to_string(&answers).map_err(|e| StoreError::Refused(e.to_string()))?;
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let group = match respondent_id {
            None => None,
            Some(id) => {
                let found: Option<(Option<String>, bool)> =
                    sqlx::query_as("SELECT grp, answered FROM round_respondents WHERE round_id = $1 AND id = $2")
                        .bind(round.id)
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await?;
                match found {
                    None => return Err(StoreError::field("respondent", Problem::UnknownChoice)),
                    Some((_, true)) => return Ok(Ok(Saved::AlreadySubmitted)),
                    Some((group, false)) => group,
                }
            }
        };
        let (response_id,): (i64,) = sqlx::query_as(
            "INSERT INTO round_responses (round_id, respondent_id, resume_hash, grp, answers, entered_by, submitted_at, created_at, updated_at, pair_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7, $8) RETURNING id",
        )
        .bind(round.id)
        .bind(respondent_id.filter(|_| !round.anonymous))
        .bind(Secret::generate().derived_hash("response"))
        .bind(group)
        .bind(&json)
        .bind(scope.user_id())
        .bind(at)
        .bind(pair_key.as_deref())
        .fetch_one(&mut *tx)
        .await?;
        if let Some(id) = respondent_id {
            sqlx::query("UPDATE round_respondents SET answered = TRUE WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        // Who entered a response is logged; in an anonymous round, not for whom.
        let entry = AuditEntry::scoped(scope, "create", "response", response_id)
            .after(&serde_json::json!({ "round_id": round.id }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(Ok(Saved::Submitted))
}
