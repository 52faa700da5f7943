//! A map repeated as a new wave: the same actors, meetings and attendance to start from, so that
//! the process leader records what changed; ratings and needs are asked again. Each copied
//! meeting remembers the one it came from, for the comparison.

use parat_core::map::inventory::MapDraft;

use super::*;

/// Makes a new wave of `map`: a new map (`previous_id` = `map`) holding its actors, meetings
/// with their attendance, and break points with their cover; in one transaction.
pub async fn new_wave(db: &Db, scope: &OrgScope, map: &Map, draft: &MapDraft) -> StoreResult<Map> {
    map.require_edit()?;
    let meetings: Vec<(i64,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT id FROM map_meetings WHERE map_id = $1 ORDER BY id")
            .bind(map.id)
            .fetch_all(pool)
            .await?);
    let points: Vec<(i64,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT id FROM map_break_points WHERE map_id = $1 ORDER BY id")
            .bind(map.id)
            .fetch_all(pool)
            .await?);
    let at = now();
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO maps (org_id, name, target_group, starts_on, ends_on, previous_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
        )
        .bind(scope.org_id())
        .bind(&draft.name)
        .bind(&draft.target_group)
        .bind(draft.starts_on.map(|d| d.to_string()))
        .bind(draft.ends_on.map(|d| d.to_string()))
        .bind(map.id)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO map_members (map_id, actor_id) SELECT $1, actor_id FROM map_members WHERE map_id = $2",
        )
        .bind(id)
        .bind(map.id)
        .execute(&mut *tx)
        .await?;
        let mut copies: Vec<(i64, i64)> = Vec::with_capacity(meetings.len());
        for (old,) in &meetings {
            let (new,): (i64,) = sqlx::query_as(
                "INSERT INTO map_meetings (map_id, name, purpose, level, per_year, hours, convener_id, basis, \
                 target_group, source, copied_from_id, created_at, updated_at) \
                 SELECT $1, name, purpose, level, per_year, hours, convener_id, basis, target_group, source, id, $2, $2 \
                 FROM map_meetings WHERE id = $3 RETURNING id",
            )
            .bind(id)
            .bind(at)
            .bind(old)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO map_attendance (meeting_id, actor_id, role, source) \
                 SELECT $1, actor_id, role, source FROM map_attendance WHERE meeting_id = $2",
            )
            .bind(new)
            .bind(old)
            .execute(&mut *tx)
            .await?;
            copies.push((*old, new));
        }
        for (old,) in &points {
            let (new,): (i64,) = sqlx::query_as(
                "INSERT INTO map_break_points (map_id, axis, at_value, label, created_at) \
                 SELECT $1, axis, at_value, label, $2 FROM map_break_points WHERE id = $3 RETURNING id",
            )
            .bind(id)
            .bind(at)
            .bind(old)
            .fetch_one(&mut *tx)
            .await?;
            let covered: Vec<(i64,)> =
                sqlx::query_as("SELECT meeting_id FROM map_break_point_cover WHERE break_point_id = $1")
                    .bind(old)
                    .fetch_all(&mut *tx)
                    .await?;
            for (meeting,) in covered {
                if let Some((_, copy)) = copies.iter().find(|(was, _)| *was == meeting) {
                    sqlx::query("INSERT INTO map_break_point_cover (break_point_id, meeting_id) VALUES ($1, $2)")
                        .bind(new)
                        .bind(copy)
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }
        let after = serde_json::json!({
            "name": draft.name, "target_group": draft.target_group, "previous": map.id, "meetings": meetings.len(),
        });
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", "map", id).after(&after))?;
        tx.commit().await?;
        id
    });
    refresh(db, map.org_id, id);
    open(db, scope, id).await
}

/// The wave a map follows, if it still exists.
pub async fn previous(db: &Db, scope: &OrgScope, map: &Map) -> StoreResult<Option<Map>> {
    match map.previous_id {
        Some(id) => match open(db, scope, id).await {
            Ok(found) => Ok(Some(found)),
            Err(StoreError::NotFound) => Ok(None),
            Err(other) => Err(other),
        },
        None => Ok(None),
    }
}
