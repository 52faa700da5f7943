//! One-time links for rating on the participant's own phone. Whoever may record a session of an
//! episode makes one (asking for the outcome scale, the session scale, or both); it works once,
//! for a day, without a login, and shows nothing about the participant. Only the token's hash is
//! stored; the session it records marks it used, in the same transaction, so a link sent twice
//! from a shaky connection stores one session.

use parat_core::outcomes::entry::Asked;
use parat_core::outcomes::{AgeGroup, Ratings};
use time::Date;

use super::sessions::{insert_session, SessionDraft, SessionSource};
use super::*;
use crate::secret::Secret;
use crate::Stored;

/// How long a link works: a day, so that a link sent for today's session is not a standing
/// door to the participant's episode.
pub const LINK_LIFETIME_SECONDS: i64 = 24 * 60 * 60;

/// A link not used yet, as the practitioner's page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingLink {
    pub id: i64,
    pub asked: Asked,
    /// Unix seconds.
    pub expires_at: i64,
}

/// What the phone's page needs: which scales, in which variant. Nothing that names anyone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenLink {
    pub asked: Asked,
    pub age_group: AgeGroup,
}

/// Makes a link to an open episode the scope may record sessions for. The token is returned
/// once, to be shown or sent; it is not kept.
pub async fn create_link(db: &Db, scope: &OrgScope, episode_id: i64, asked: Asked) -> StoreResult<(Secret, i64)> {
    let episode = super::episodes::find(db, scope, episode_id).await?;
    if episode.ended.is_some() {
        return Err(StoreError::Closed);
    }
    let token = Secret::generate();
    let created_at = now();
    let expires_at = created_at + LINK_LIFETIME_SECONDS;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO outcome_links (episode_id, token_hash, scales, created_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(episode_id)
        .bind(token.hash())
        .bind(asked.key())
        .bind(scope.user_id())
        .bind(created_at)
        .bind(expires_at)
        .fetch_one(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "create", "outcome_link", id)
            .after(&serde_json::json!({ "episode_id": episode_id, "scales": asked.key() }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })?;
    Ok((token, expires_at))
}

/// The links that still work of an episode the caller was given by a scoped read, newest first.
pub async fn pending_links(db: &Db, episode: &super::Episode) -> StoreResult<Vec<PendingLink>> {
    let episode_id = episode.id;
    let rows: Vec<(i64, Stored<Asked>, i64)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, scales, expires_at FROM outcome_links \
         WHERE episode_id = $1 AND session_id IS NULL AND expires_at > $2 ORDER BY id DESC"
    )
    .bind(episode_id)
    .bind(now())
    .fetch_all(pool)
    .await?);
    Ok(rows.into_iter().map(|(id, asked, expires_at)| PendingLink { id, asked: asked.0, expires_at }).collect())
}

/// Withdraws a link that was not used, so that it no longer works.
pub async fn withdraw_link(db: &Db, scope: &OrgScope, episode_id: i64, link_id: i64) -> StoreResult<()> {
    super::episodes::find(db, scope, episode_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let deleted = sqlx::query("DELETE FROM outcome_links WHERE id = $1 AND episode_id = $2 AND session_id IS NULL")
            .bind(link_id)
            .bind(episode_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if deleted == 0 {
            return Err(StoreError::NotFound);
        }
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "delete", "outcome_link", link_id))?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    id: i64,
    episode_id: i64,
    org_id: i64,
    scales: Stored<Asked>,
    age_group: Stored<AgeGroup>,
    starts_on: String,
    ends_on: Option<String>,
}

const FIND: &str = "SELECT l.id, l.episode_id, e.org_id, l.scales, p.age_group, e.starts_on, e.ends_on \
    FROM outcome_links l JOIN outcome_episodes e ON e.id = l.episode_id \
    JOIN participants p ON p.id = e.participant_id \
    WHERE l.token_hash = $1 AND l.session_id IS NULL AND l.expires_at > $2";

/// A link that still works; `NotFound` for one unknown, used, expired or withdrawn, or whose
/// episode has ended.
pub async fn open_link(db: &Db, token: &Secret) -> StoreResult<OpenLink> {
    let row: Option<LinkRow> =
        on_reader!(db, |pool| sqlx::query_as(FIND).bind(token.hash()).bind(now()).fetch_optional(pool).await?);
    match row {
        Some(row) if row.ends_on.is_none() => Ok(OpenLink { asked: row.scales.0, age_group: row.age_group.0 }),
        _ => Err(StoreError::NotFound),
    }
}

/// Records the ratings sent through a link, dated `today`, and marks the link used: one
/// session, however often the form is sent. `NotFound` when the link no longer works.
pub async fn rate_by_link(db: &Db, token: &Secret, ratings: &Ratings, today: Date) -> StoreResult<i64> {
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let row: Option<LinkRow> = sqlx::query_as(FIND).bind(token.hash()).bind(now()).fetch_optional(&mut *tx).await?;
        let Some(row) = row.filter(|row| row.ends_on.is_none()) else { return Err(StoreError::NotFound) };
        if crate::stored::date_of(Some(row.starts_on)).is_none_or(|start| today < start) {
            return Err(StoreError::Closed);
        }
        let draft = SessionDraft {
            held_on: today,
            group_session: false,
            ratings: ratings.clone(),
            source: SessionSource::Phone,
            submission: Some(format!("link-{}", row.id)),
        };
        let Some(session_id) = insert_session!(&mut *tx, row.episode_id, &draft) else {
            return Err(StoreError::NotFound);
        };
        let marked = sqlx::query("UPDATE outcome_links SET session_id = $1 WHERE id = $2 AND session_id IS NULL")
            .bind(session_id)
            .bind(row.id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if marked == 0 {
            return Err(StoreError::NotFound);
        }
        let (_, ors_total) = super::sessions::columns(ratings.outcome());
        let (_, srs_total) = super::sessions::columns(ratings.session());
        // The participant has no account: the entry names the link that recorded it.
        let entry = AuditEntry {
            org_id: Some(row.org_id),
            actor_id: None,
            actor_label: format!("link {}", row.id),
            action: "create",
            entity: "outcome_session",
            entity_id: Some(session_id),
            before: None,
            after: serde_json::to_value(serde_json::json!({
                "episode_id": row.episode_id, "held_on": today.to_string(), "source": "phone",
                "ors_total": ors_total, "srs_total": srs_total,
            }))
            .ok(),
        };
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<i64, StoreError>(session_id)
    })
}
