//! The cooperation map in the store: an organisation's maps and who takes part in each (this
//! file), its actors, reused across its maps (`actors`), meetings with their attendance
//! (`meetings`), needs for contact and usefulness ratings (`statements`), and a map read as a
//! network for the measures (`network`).
//!
//! Every function starts from a [`Map`], which only [`open`] and [`create`] make, from a map of
//! the scope's organisation: another organisation's map is `NotFound`.

use parat_core::map::inventory::MapDraft;
use serde::Serialize;

use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, StoreError, StoreResult};

/// Raises a map's revision inside a change's transaction, so that figures kept for the map no
/// longer apply ([`figures`]).
macro_rules! touch {
    ($tx:expr, $map_id:expr) => {
        sqlx::query("UPDATE maps SET revision = revision + 1 WHERE id = $1").bind($map_id).execute($tx).await?
    };
}

/// Lets an actor take part in a map inside a change's transaction (if it does not already);
/// evaluates to the rows added.
macro_rules! join {
    ($tx:expr, $map_id:expr, $actor_id:expr) => {
        sqlx::query("INSERT INTO map_members (map_id, actor_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind($map_id)
            .bind($actor_id)
            .execute($tx)
            .await?
            .rows_affected()
    };
}

/// Writes an actor's rating of a meeting from one source inside a change's transaction,
/// replacing that source's earlier rating (never another source's).
macro_rules! rate {
    ($tx:expr, $meeting_id:expr, $rating:expr, $source:expr, $at:expr) => {
        sqlx::query(
            "INSERT INTO map_ratings (meeting_id, actor_id, useful_own, useful_group, works, change, source, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (meeting_id, actor_id, source) DO UPDATE SET useful_own = excluded.useful_own, \
             useful_group = excluded.useful_group, works = excluded.works, change = excluded.change",
        )
        .bind($meeting_id)
        .bind($rating.actor_id)
        .bind($rating.useful_own.map(i64::from))
        .bind($rating.useful_group.map(i64::from))
        .bind(&$rating.works)
        .bind(&$rating.change)
        .bind($source)
        .bind($at)
        .execute($tx)
        .await?
    };
}

mod actors;
mod break_points;
mod figures;
mod interview;
mod meetings;
mod network;
mod statements;
mod survey;
mod waves;

pub use actors::*;
pub use break_points::*;
pub use figures::*;
pub use interview::*;
pub use meetings::*;
pub use network::*;
pub use statements::*;
pub use survey::*;
pub use waves::*;

/// A map of the scope's organisation, and whether the scope may change it.
#[derive(Debug, Clone, Serialize)]
pub struct Map {
    pub id: i64,
    pub name: String,
    pub target_group: String,
    pub starts_on: Option<time::Date>,
    pub ends_on: Option<time::Date>,
    /// The map this one repeats, as a new wave.
    pub previous_id: Option<i64>,
    pub updated_at: i64,
    /// Raised by every change to what the map holds.
    #[serde(skip)]
    pub revision: i64,
    #[serde(skip)]
    pub can_edit: bool,
    #[serde(skip)]
    org_id: i64,
}

impl Map {
    fn require_edit(&self) -> StoreResult<()> {
        if self.can_edit {
            Ok(())
        } else {
            Err(StoreError::Forbidden)
        }
    }
}

#[derive(sqlx::FromRow)]
struct MapRow {
    id: i64,
    name: String,
    target_group: String,
    starts_on: Option<String>,
    ends_on: Option<String>,
    previous_id: Option<i64>,
    updated_at: i64,
    revision: i64,
}

impl MapRow {
    fn into_map(self, scope: &OrgScope) -> Map {
        self.into_map_of(scope.org_id(), scope.role().can_edit_initiatives())
    }

    fn into_map_of(self, org_id: i64, can_edit: bool) -> Map {
        Map {
            id: self.id,
            name: self.name,
            target_group: self.target_group,
            starts_on: date_of(self.starts_on),
            ends_on: date_of(self.ends_on),
            previous_id: self.previous_id,
            updated_at: self.updated_at,
            revision: self.revision,
            can_edit,
            org_id,
        }
    }
}

const SELECT_MAP: &str =
    "SELECT id, name, target_group, starts_on, ends_on, previous_id, updated_at, revision FROM maps";

/// One of the scope's organisation's maps.
pub async fn open(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Map> {
    let row: Option<MapRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT_MAP} WHERE org_id = $1 AND id = $2"))
            .bind(scope.org_id())
            .bind(id)
            .fetch_optional(pool)
            .await?);
    row.map(|row| row.into_map(scope)).ok_or(StoreError::NotFound)
}

/// A map in the organisation's list, with its size.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct MapSummary {
    pub id: i64,
    pub name: String,
    pub target_group: String,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub actors: i64,
    pub meetings: i64,
}

/// The organisation's maps, newest first.
pub async fn list(db: &Db, scope: &OrgScope) -> StoreResult<Vec<MapSummary>> {
    let rows = on_reader!(db, |pool| sqlx::query_as(
        "SELECT m.id, m.name, m.target_group, m.starts_on, m.ends_on, \
         (SELECT COUNT(*) FROM map_members a WHERE a.map_id = m.id) AS actors, \
         (SELECT COUNT(*) FROM map_meetings g WHERE g.map_id = m.id) AS meetings \
         FROM maps m WHERE m.org_id = $1 ORDER BY m.created_at DESC, m.id DESC"
    )
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    Ok(rows)
}

/// A new map; coordinators and administrators only.
pub async fn create(db: &Db, scope: &OrgScope, draft: &MapDraft) -> StoreResult<Map> {
    if !scope.role().can_edit_initiatives() {
        return Err(StoreError::Forbidden);
    }
    let at = now();
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO maps (org_id, name, target_group, starts_on, ends_on, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        )
        .bind(scope.org_id())
        .bind(&draft.name)
        .bind(&draft.target_group)
        .bind(draft.starts_on.map(|d| d.to_string()))
        .bind(draft.ends_on.map(|d| d.to_string()))
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", "map", id).after(&draft_json(draft)))?;
        tx.commit().await?;
        id
    });
    open(db, scope, id).await
}

/// Changes the map's name, target group or period.
pub async fn update(db: &Db, scope: &OrgScope, map: &Map, draft: &MapDraft) -> StoreResult<Map> {
    map.require_edit()?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE maps SET name = $1, target_group = $2, starts_on = $3, ends_on = $4, updated_at = $5 \
             WHERE org_id = $6 AND id = $7",
        )
        .bind(&draft.name)
        .bind(&draft.target_group)
        .bind(draft.starts_on.map(|d| d.to_string()))
        .bind(draft.ends_on.map(|d| d.to_string()))
        .bind(now())
        .bind(map.org_id)
        .bind(map.id)
        .execute(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "update", "map", map.id).before(map).after(&draft_json(draft));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    open(db, scope, map.id).await
}

fn draft_json(draft: &MapDraft) -> serde_json::Value {
    serde_json::json!({
        "name": draft.name,
        "target_group": draft.target_group,
        "starts_on": draft.starts_on.map(|d| d.to_string()),
        "ends_on": draft.ends_on.map(|d| d.to_string()),
    })
}

fn date_of(raw: Option<String>) -> Option<time::Date> {
    raw.and_then(|d| parat_core::initiative::parse_date(&d).ok().flatten())
}
