//! The people a round sends personal links to. Only a link's hash is kept: a link is shown once,
//! when it is made, and a lost one is replaced by a new one.

use parat_core::questionnaire::round::RespondentDraft;

use super::*;

/// A person sent a personal link, as the round's page lists them.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Respondent {
    pub id: i64,
    pub label: String,
    pub email: Option<String>,
    #[sqlx(rename = "grp")]
    pub group: Option<String>,
    pub answered: bool,
    pub invited_at: Option<i64>,
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
                invited_at: None,
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
            "SELECT id, label, email, grp, answered, invited_at FROM round_respondents WHERE round_id = $1 ORDER BY id",
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
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "reset", "respondent", respondent_id))?;
        tx.commit().await?;
    });
    Ok(link)
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
