//! Actors: an organisation, a unit of it and a function, with its agency. An organisation keeps
//! its actors once and reuses them across its maps; a map's members are the actors taking part
//! in it (those its roster survey goes to).

use parat_core::map::inventory::{label, ActorDraft};
use parat_core::map::Agency;

use super::*;
use crate::Stored;

#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    pub id: i64,
    pub organisation: String,
    pub unit: String,
    pub function: String,
    pub agency: Agency,
}

#[derive(sqlx::FromRow)]
struct ActorRow {
    id: i64,
    organisation: String,
    unit: String,
    function: String,
    agency: Stored<Agency>,
}

impl From<ActorRow> for Actor {
    fn from(row: ActorRow) -> Self {
        let ActorRow { id, organisation, unit, function, agency } = row;
        Actor { id, organisation, unit, function, agency: agency.0 }
    }
}

impl Actor {
    /// "Arbetsförmedlingen, marknadsområde Sjuhärad, arbetsförmedlare".
    pub fn label(&self) -> String {
        label(&self.organisation, &self.unit, &self.function)
    }
}

const SELECT_ACTOR: &str = "SELECT a.id, a.organisation, a.unit, a.function, a.agency FROM map_actors a";

/// The organisation's actors, by name.
pub async fn actors(db: &Db, scope: &OrgScope) -> StoreResult<Vec<Actor>> {
    let rows: Vec<ActorRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT_ACTOR} WHERE a.org_id = $1 ORDER BY a.organisation, a.unit, a.function, a.id"
    ))
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    Ok(rows.into_iter().map(Actor::from).collect())
}

/// The actors taking part in the map, by name.
pub async fn members(db: &Db, map: &Map) -> StoreResult<Vec<Actor>> {
    let rows: Vec<ActorRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT_ACTOR} JOIN map_members m ON m.actor_id = a.id WHERE m.map_id = $1 \
         ORDER BY a.organisation, a.unit, a.function, a.id"
    ))
    .bind(map.id)
    .fetch_all(pool)
    .await?);
    Ok(rows.into_iter().map(Actor::from).collect())
}

/// A new actor of the organisation, taking part in `map`; coordinators and administrators.
pub async fn create_actor(db: &Db, scope: &OrgScope, map: &Map, draft: &ActorDraft) -> StoreResult<i64> {
    map.require_edit()?;
    let at = now();
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO map_actors (org_id, organisation, unit, function, agency, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        )
        .bind(map.org_id)
        .bind(&draft.organisation)
        .bind(&draft.unit)
        .bind(&draft.function)
        .bind(draft.agency.key())
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        join!(&mut *tx, map.id, id);
        touch!(&mut *tx, map.id);
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", "map_actor", id).after(&actor_json(draft)))?;
        tx.commit().await?;
        id
    });
    refresh(db, map.org_id, map.id);
    Ok(id)
}

/// Changes one of the organisation's actors (in every map it takes part in).
pub async fn update_actor(db: &Db, scope: &OrgScope, map: &Map, id: i64, draft: &ActorDraft) -> StoreResult<()> {
    map.require_edit()?;
    let before = actor(db, map, id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE map_actors SET organisation = $1, unit = $2, function = $3, agency = $4, updated_at = $5 \
             WHERE org_id = $6 AND id = $7",
        )
        .bind(&draft.organisation)
        .bind(&draft.unit)
        .bind(&draft.function)
        .bind(draft.agency.key())
        .bind(now())
        .bind(map.org_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        // Every map the actor takes part in: its agency counts in their measures.
        let touched: Vec<(i64,)> = sqlx::query_as(
            "UPDATE maps SET revision = revision + 1 \
             WHERE id IN (SELECT map_id FROM map_members WHERE actor_id = $1) RETURNING id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "update", "map_actor", id).before(&before).after(&actor_json(draft));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        for (map_id,) in touched {
            refresh(db, map.org_id, map_id);
        }
    });
    Ok(())
}

/// One of the organisation's actors; another organisation's is `NotFound`.
pub async fn actor(db: &Db, map: &Map, id: i64) -> StoreResult<Actor> {
    let row: Option<ActorRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT_ACTOR} WHERE a.org_id = $1 AND a.id = $2"))
            .bind(map.org_id)
            .bind(id)
            .fetch_optional(pool)
            .await?);
    row.map(Actor::from).ok_or(StoreError::NotFound)
}

/// Lets an existing actor of the organisation take part in the map (again).
pub async fn add_member(db: &Db, scope: &OrgScope, map: &Map, actor_id: i64) -> StoreResult<()> {
    map.require_edit()?;
    actor(db, map, actor_id).await.map_err(|_| StoreError::field("actor_id", parat_core::Problem::UnknownChoice))?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let added = join!(&mut *tx, map.id, actor_id);
        if added > 0 {
            touch!(&mut *tx, map.id);
            let entry = AuditEntry::scoped(scope, "create", "map_actor", actor_id)
                .after(&serde_json::json!({ "map": map.id, "member": true }));
            audit::record!(&mut *tx, &entry)?;
        }
        tx.commit().await?;
    });
    refresh(db, map.org_id, map.id);
    Ok(())
}

fn actor_json(draft: &ActorDraft) -> serde_json::Value {
    serde_json::json!({
        "organisation": draft.organisation,
        "unit": draft.unit,
        "function": draft.function,
        "agency": draft.agency.key(),
    })
}
