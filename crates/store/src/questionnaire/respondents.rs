//! The people a round sends personal links to. Only a link's hash is kept: a link is shown once,
//! when it is made, and a lost one is replaced by a new one.

use parat_core::questionnaire::round::RespondentDraft;

use super::*;

/// In a round that is not anonymous, a begun response belongs to its respondent: a new link of
/// theirs finds it. A macro, as every statement in a transaction on either backend.
macro_rules! move_draft {
    ($tx:expr, $round:expr, $respondent_id:expr, $link:expr) => {
        sqlx::query(
            "UPDATE round_responses SET resume_hash = $1 \
             WHERE round_id = $2 AND respondent_id = $3 AND submitted_at IS NULL",
        )
        .bind($link.derived_hash("response"))
        .bind($round.id)
        .bind($respondent_id)
        .execute(&mut *$tx)
        .await?
    };
}

/// A person sent a personal link, as the round's page lists them.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Respondent {
    pub id: i64,
    pub label: String,
    pub email: Option<String>,
    #[sqlx(rename = "grp")]
    pub group: Option<String>,
    pub answered: bool,
    /// Has saved answers through their link without submitting them.
    pub started: bool,
    /// When they were first e-mailed their link, and last reminded.
    pub invited_at: Option<i64>,
    pub reminded_at: Option<i64>,
}

/// Adds people to a round; each gets a personal link, returned once with them.
pub async fn add_respondents(
    db: &Db,
    scope: &OrgScope,
    round: &Round,
    people: &[RespondentDraft],
) -> StoreResult<Vec<(Respondent, Secret)>> {
    Round::require_manage(scope)?;
    let at = now();
    let added = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let mut added = Vec::with_capacity(people.len());
        for person in people {
            let link = Secret::generate();
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO round_respondents (round_id, label, email, grp, token_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(round.id)
            .bind(&person.label)
            .bind(person.email.as_deref())
            .bind(person.group.as_deref())
            .bind(link.hash())
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            let respondent = Respondent {
                id,
                label: person.label.clone(),
                email: person.email.clone(),
                group: person.group.clone(),
                answered: false,
                started: false,
                invited_at: None,
                reminded_at: None,
            };
            added.push((respondent, link));
        }
        // The log keeps how many were added to which round, not who.
        let entry = AuditEntry::scoped(scope, "create", "respondent", round.id)
            .after(&serde_json::json!({ "round_id": round.id, "added": people.len() }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        added
    });
    Ok(added)
}

/// The round's respondents: names and addresses are personal data, so showing them is a read
/// in the audit log.
pub async fn respondents(db: &Db, scope: &OrgScope, round: &Round) -> StoreResult<Vec<Respondent>> {
    Round::require_manage(scope)?;
    let rows = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let rows: Vec<Respondent> = sqlx::query_as(
            "SELECT id, label, email, grp, answered, started, invited_at, reminded_at FROM round_respondents \
             WHERE round_id = $1 ORDER BY id",
        )
        .bind(round.id)
        .fetch_all(&mut *tx)
        .await?;
        if !rows.is_empty() {
            audit::record!(&mut *tx, &AuditEntry::scoped(scope, "read", "respondent", round.id))?;
        }
        tx.commit().await?;
        rows
    });
    Ok(rows)
}

/// Replaces a respondent's link (lost, or sent to the wrong address); the old one stops working.
pub async fn new_personal_link(db: &Db, scope: &OrgScope, round: &Round, respondent_id: i64) -> StoreResult<Secret> {
    Round::require_manage(scope)?;
    let link = Secret::generate();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let changed = sqlx::query("UPDATE round_respondents SET token_hash = $1 WHERE round_id = $2 AND id = $3")
            .bind(link.hash())
            .bind(round.id)
            .bind(respondent_id)
            .execute(&mut *tx)
            .await?;
        if changed.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        if !round.anonymous {
            move_draft!(tx, round, respondent_id, link);
        }
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "reset", "respondent", respondent_id))?;
        tx.commit().await?;
    });
    Ok(link)
}

/// One e-mail to send: to whom, and the link it carries. A link is `None` for someone in an
/// anonymous round who has begun answering: their saved answers are found only through the link
/// they already have, so the reminder points them back to it instead of replacing it.
#[derive(Debug)]
pub struct Outgoing {
    pub respondent: Respondent,
    pub link: Option<Secret>,
}

/// Prepares e-mail to everyone with an address who has not answered: a new link for each (the
/// old one stops working), except for those an anonymous round must leave their own link to. In
/// a round that is not anonymous a begun response moves to the new link. Marked as sent with
/// [`mark_mailed`] once the mail has gone.
pub async fn prepare_mailing(db: &Db, scope: &OrgScope, round: &Round) -> StoreResult<Vec<Outgoing>> {
    Round::require_manage(scope)?;
    let outgoing = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let people: Vec<Respondent> = sqlx::query_as(
            "SELECT id, label, email, grp, answered, started, invited_at, reminded_at FROM round_respondents \
             WHERE round_id = $1 AND email IS NOT NULL AND NOT answered ORDER BY id",
        )
        .bind(round.id)
        .fetch_all(&mut *tx)
        .await?;
        let mut outgoing = Vec::with_capacity(people.len());
        for respondent in people {
            if round.anonymous && respondent.started {
                outgoing.push(Outgoing { respondent, link: None });
                continue;
            }
            let link = Secret::generate();
            sqlx::query("UPDATE round_respondents SET token_hash = $1 WHERE id = $2")
                .bind(link.hash())
                .bind(respondent.id)
                .execute(&mut *tx)
                .await?;
            if !round.anonymous {
                move_draft!(tx, round, respondent.id, link);
            }
            outgoing.push(Outgoing { respondent, link: Some(link) });
        }
        if !outgoing.is_empty() {
            let entry = AuditEntry::scoped(scope, "mail", "respondent", round.id)
                .after(&serde_json::json!({ "round_id": round.id, "people": outgoing.len() }));
            audit::record!(&mut *tx, &entry)?;
        }
        tx.commit().await?;
        outgoing
    });
    Ok(outgoing)
}

/// Records that these people were e-mailed now: the first time as their invitation, after that
/// as a reminder.
pub async fn mark_mailed(db: &Db, round: &Round, respondent_ids: &[i64]) -> StoreResult<()> {
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        for id in respondent_ids {
            sqlx::query(
                "UPDATE round_respondents SET reminded_at = CASE WHEN invited_at IS NULL THEN NULL ELSE $1 END, \
                 invited_at = COALESCE(invited_at, $1) WHERE round_id = $2 AND id = $3",
            )
            .bind(at)
            .bind(round.id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
    });
    Ok(())
}

/// How far a round has come, without reading who anyone is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Progress {
    /// Submitted responses.
    pub responses: i64,
    /// People sent a personal link, and how many of them have answered.
    pub invited: i64,
    pub answered: i64,
}

pub async fn progress(db: &Db, round: &Round) -> StoreResult<Progress> {
    let progress = on_reader!(db, |pool| {
        sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM round_responses WHERE round_id = $1 AND submitted_at IS NOT NULL) AS responses, \
         (SELECT COUNT(*) FROM round_respondents WHERE round_id = $1) AS invited, \
         (SELECT COUNT(*) FROM round_respondents WHERE round_id = $1 AND answered) AS answered"
    )
    .bind(round.id)
    .fetch_one(pool)
    .await?
    });
    Ok(progress)
}
