//! What actors say about the map: needs for contact with another actor, and how useful they
//! find a meeting. A rating is kept per source, so that a survey answer stands beside the
//! process leader's entry instead of over it.

use parat_core::map::inventory::{NeedDraft, RatingDraft, Source};

use super::*;
use crate::Stored;

#[derive(Debug, Clone, Serialize)]
pub struct Need {
    pub id: i64,
    pub from_actor_id: i64,
    pub to_actor_id: i64,
    pub about: String,
    pub source: Source,
}

#[derive(sqlx::FromRow)]
struct NeedRow {
    id: i64,
    from_actor_id: i64,
    to_actor_id: i64,
    about: String,
    source: Stored<Source>,
}

/// The map's stated needs, in the order they were stated.
pub async fn needs(db: &Db, map: &Map) -> StoreResult<Vec<Need>> {
    let rows: Vec<NeedRow> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, from_actor_id, to_actor_id, about, source FROM map_needs WHERE map_id = $1 ORDER BY id"
    )
    .bind(map.id)
    .fetch_all(pool)
    .await?);
    Ok(rows
        .into_iter()
        .map(|r| Need {
            id: r.id,
            from_actor_id: r.from_actor_id,
            to_actor_id: r.to_actor_id,
            about: r.about,
            source: r.source.0,
        })
        .collect())
}

/// A stated need for contact between two of the organisation's actors; both then take part in
/// the map.
pub async fn add_need(db: &Db, scope: &OrgScope, map: &Map, draft: &NeedDraft, source: Source) -> StoreResult<i64> {
    map.require_edit()?;
    for (field, id) in [("from_actor_id", draft.from_actor_id), ("to_actor_id", draft.to_actor_id)] {
        super::actor(db, map, id).await.map_err(|_| StoreError::field(field, parat_core::Problem::UnknownChoice))?;
    }
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO map_needs (map_id, from_actor_id, to_actor_id, about, source, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(map.id)
        .bind(draft.from_actor_id)
        .bind(draft.to_actor_id)
        .bind(&draft.about)
        .bind(source.key())
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        for actor in [draft.from_actor_id, draft.to_actor_id] {
            join!(&mut *tx, map.id, actor);
        }
        touch!(&mut *tx, map.id);
        let after = serde_json::json!({
            "from": draft.from_actor_id, "to": draft.to_actor_id, "about": draft.about, "source": source.key()
        });
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", "map_need", id).after(&after))?;
        tx.commit().await?;
        id
    });
    refresh(db, map.org_id, map.id);
    Ok(id)
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Rating {
    pub meeting_id: i64,
    pub actor_id: i64,
    pub useful_own: Option<u8>,
    pub useful_group: Option<u8>,
    pub works: String,
    pub change: String,
    pub source: Source,
}

#[derive(sqlx::FromRow)]
struct RatingRow {
    meeting_id: i64,
    actor_id: i64,
    useful_own: Option<i64>,
    useful_group: Option<i64>,
    works: String,
    change: String,
    source: Stored<Source>,
}

/// Every rating of the map's meetings, each source's apart.
pub async fn ratings(db: &Db, map: &Map) -> StoreResult<Vec<Rating>> {
    let rows: Vec<RatingRow> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT r.meeting_id, r.actor_id, r.useful_own, r.useful_group, r.works, r.change, r.source \
         FROM map_ratings r JOIN map_meetings g ON g.id = r.meeting_id WHERE g.map_id = $1 \
         ORDER BY r.meeting_id, r.actor_id, r.id"
    )
    .bind(map.id)
    .fetch_all(pool)
    .await?);
    let step = |raw: Option<i64>| raw.and_then(|v| u8::try_from(v).ok());
    Ok(rows
        .into_iter()
        .map(|r| Rating {
            meeting_id: r.meeting_id,
            actor_id: r.actor_id,
            useful_own: step(r.useful_own),
            useful_group: step(r.useful_group),
            works: r.works,
            change: r.change,
            source: r.source.0,
        })
        .collect())
}

/// An actor's rating of one of the map's meetings from one source, replacing that source's
/// earlier rating (never another source's).
pub async fn rate(
    db: &Db,
    scope: &OrgScope,
    map: &Map,
    meeting_id: i64,
    draft: &RatingDraft,
    source: Source,
) -> StoreResult<()> {
    map.require_edit()?;
    super::meeting(db, map, meeting_id).await?;
    super::actor(db, map, draft.actor_id)
        .await
        .map_err(|_| StoreError::field("actor_id", parat_core::Problem::UnknownChoice))?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        rate!(&mut *tx, meeting_id, draft, source.key(), now());
        touch!(&mut *tx, map.id);
        let after = serde_json::json!({
            "meeting": meeting_id, "actor": draft.actor_id, "useful_own": draft.useful_own,
            "useful_group": draft.useful_group, "source": source.key()
        });
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "update", "map_rating", meeting_id).after(&after))?;
        tx.commit().await?;
    });
    refresh(db, map.org_id, map.id);
    Ok(())
}
