//! A map's break points and the meetings that cover each.

use parat_core::map::break_points::{Axis, BreakPointDraft};
use parat_core::map::Agency;

use super::*;
use crate::Stored;

#[derive(Debug, Clone, Serialize)]
pub struct BreakPoint {
    pub id: i64,
    pub axis: Axis,
    pub at_value: f64,
    pub label: String,
    /// The covering meetings' ids, in the map's meeting order.
    pub meeting_ids: Vec<i64>,
}

#[derive(sqlx::FromRow)]
struct BreakPointRow {
    id: i64,
    axis: Stored<Axis>,
    at_value: f64,
    label: String,
}

/// The map's break points along each axis, in order.
pub async fn break_points(db: &Db, map: &Map) -> StoreResult<Vec<BreakPoint>> {
    let rows: Vec<BreakPointRow> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, axis, at_value, label FROM map_break_points WHERE map_id = $1 ORDER BY axis, at_value, id"
    )
    .bind(map.id)
    .fetch_all(pool)
    .await?);
    let cover: Vec<(i64, i64)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT c.break_point_id, c.meeting_id FROM map_break_point_cover c \
         JOIN map_break_points p ON p.id = c.break_point_id WHERE p.map_id = $1 ORDER BY c.meeting_id"
    )
    .bind(map.id)
    .fetch_all(pool)
    .await?);
    Ok(rows
        .into_iter()
        .map(|r| BreakPoint {
            id: r.id,
            axis: r.axis.0,
            at_value: r.at_value,
            label: r.label,
            meeting_ids: cover.iter().filter(|(point, _)| *point == r.id).map(|(_, meeting)| *meeting).collect(),
        })
        .collect())
}

/// Writes a break point's covering meetings inside a change's transaction. A meeting that is
/// not the map's writes nothing and leaves the transaction to be rolled back: a field problem,
/// not a foreign-key error.
macro_rules! cover {
    ($tx:expr, $map_id:expr, $point_id:expr, $meeting_ids:expr) => {
        for meeting in $meeting_ids {
            let written = sqlx::query(
                "INSERT INTO map_break_point_cover (break_point_id, meeting_id) \
                 SELECT $1, id FROM map_meetings WHERE id = $2 AND map_id = $3",
            )
            .bind($point_id)
            .bind(meeting)
            .bind($map_id)
            .execute($tx)
            .await?
            .rows_affected();
            if written != 1 {
                return Err(StoreError::field("meeting_ids", parat_core::Problem::UnknownChoice));
            }
        }
    };
}

/// A new break point with its covering meetings.
pub async fn add_break_point(db: &Db, scope: &OrgScope, map: &Map, draft: &BreakPointDraft) -> StoreResult<i64> {
    map.require_edit()?;
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO map_break_points (map_id, axis, at_value, label, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(map.id)
        .bind(draft.axis.key())
        .bind(draft.at_value)
        .bind(&draft.label)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        cover!(&mut *tx, map.id, id, &draft.meeting_ids);
        touch!(&mut *tx, map.id);
        let after = point_json(draft);
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", "map_break_point", id).after(&after))?;
        tx.commit().await?;
        id
    });
    refresh(db, map.org_id, map.id);
    Ok(id)
}

/// Replaces a break point's axis, place, label and covering meetings.
pub async fn update_break_point(
    db: &Db,
    scope: &OrgScope,
    map: &Map,
    id: i64,
    draft: &BreakPointDraft,
) -> StoreResult<()> {
    map.require_edit()?;
    let before = break_points(db, map).await?.into_iter().find(|p| p.id == id).ok_or(StoreError::NotFound)?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE map_break_points SET axis = $1, at_value = $2, label = $3 WHERE map_id = $4 AND id = $5")
            .bind(draft.axis.key())
            .bind(draft.at_value)
            .bind(&draft.label)
            .bind(map.id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM map_break_point_cover WHERE break_point_id = $1").bind(id).execute(&mut *tx).await?;
        cover!(&mut *tx, map.id, id, &draft.meeting_ids);
        touch!(&mut *tx, map.id);
        let entry =
            AuditEntry::scoped(scope, "update", "map_break_point", id).before(&before).after(&point_json(draft));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    refresh(db, map.org_id, map.id);
    Ok(())
}

pub async fn remove_break_point(db: &Db, scope: &OrgScope, map: &Map, id: i64) -> StoreResult<()> {
    map.require_edit()?;
    let before = break_points(db, map).await?.into_iter().find(|p| p.id == id).ok_or(StoreError::NotFound)?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM map_break_points WHERE map_id = $1 AND id = $2")
            .bind(map.id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        touch!(&mut *tx, map.id);
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "delete", "map_break_point", id).before(&before))?;
        tx.commit().await?;
    });
    refresh(db, map.org_id, map.id);
    Ok(())
}

fn point_json(draft: &BreakPointDraft) -> serde_json::Value {
    serde_json::json!({
        "axis": draft.axis.key(),
        "at_value": draft.at_value,
        "label": draft.label,
        "meetings": draft.meeting_ids,
    })
}

/// Who covers a point: the distinct actors attending any of its covering meetings, in the
/// order of `actors` (the map's members).
pub fn covering_actors<'a>(
    point: &BreakPoint,
    meetings: &[super::Meeting],
    actors: &'a [super::Actor],
) -> Vec<&'a super::Actor> {
    let attending: std::collections::HashSet<i64> = meetings
        .iter()
        .filter(|m| point.meeting_ids.contains(&m.id))
        .flat_map(|m| m.attendance.iter().map(|a| a.actor_id))
        .collect();
    actors.iter().filter(|a| attending.contains(&a.id)).collect()
}

/// Who covers each point by agency: the agencies of those attending its meetings, with how many
/// actors of each.
pub fn covering(point: &BreakPoint, meetings: &[super::Meeting], actors: &[super::Actor]) -> Vec<(Agency, usize)> {
    let attendees = covering_actors(point, meetings, actors).into_iter().map(|a| (a.id, a.agency));
    parat_core::map::break_points::covering_agencies(attendees).into_iter().collect()
}
