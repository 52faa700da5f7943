//! A map's meetings and who attends them, in which role. An actor attending a meeting takes
//! part in the map.

use parat_core::map::inventory::{AttendanceDraft, AttendanceRole, MeetingDraft, Source};
use parat_core::map::Level;

use super::*;
use crate::Stored;

#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    pub id: i64,
    pub name: String,
    pub purpose: String,
    pub level: Level,
    pub per_year: f64,
    pub hours: f64,
    pub convener_id: Option<i64>,
    pub basis: String,
    pub target_group: String,
    pub source: Source,
    /// In a new wave, the earlier map's meeting it was copied from.
    pub copied_from_id: Option<i64>,
    /// By actor id.
    pub attendance: Vec<Attendance>,
}

impl Meeting {
    /// Hours a year one attendee spends in it.
    pub fn hours_per_year(&self) -> f64 {
        self.per_year * self.hours
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Attendance {
    pub actor_id: i64,
    pub role: AttendanceRole,
    pub source: Source,
}

#[derive(sqlx::FromRow)]
struct MeetingRow {
    id: i64,
    name: String,
    purpose: String,
    level: Stored<Level>,
    per_year: f64,
    hours: f64,
    convener_id: Option<i64>,
    basis: String,
    target_group: String,
    source: Stored<Source>,
    copied_from_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct AttendanceRow {
    meeting_id: i64,
    actor_id: i64,
    role: Stored<AttendanceRole>,
    source: Stored<Source>,
}

/// The map's meetings, strategic first, then by name; each with its attendance.
pub async fn meetings(db: &Db, map: &Map) -> StoreResult<Vec<Meeting>> {
    fetch(db, map, None).await
}

/// One of the map's meetings, read alone (a national map has 20 000 attendance rows).
pub async fn meeting(db: &Db, map: &Map, id: i64) -> StoreResult<Meeting> {
    fetch(db, map, Some(id)).await?.pop().ok_or(StoreError::NotFound)
}

/// The map's meetings, or just the one with `only`.
async fn fetch(db: &Db, map: &Map, only: Option<i64>) -> StoreResult<Vec<Meeting>> {
    let (rows, attendance): (Vec<MeetingRow>, Vec<AttendanceRow>) = on_reader!(db, |pool| {
        let rows = sqlx::query_as(
            "SELECT id, name, purpose, level, per_year, hours, convener_id, basis, target_group, source, \
             copied_from_id FROM map_meetings WHERE map_id = $1 AND ($2 IS NULL OR id = $2) \
             ORDER BY CASE level WHEN 'strategic' THEN 0 WHEN 'tactical' THEN 1 ELSE 2 END, name, id",
        )
        .bind(map.id)
        .bind(only)
        .fetch_all(pool)
        .await?;
        let attendance = sqlx::query_as(
            "SELECT t.meeting_id, t.actor_id, t.role, t.source FROM map_attendance t \
             JOIN map_meetings g ON g.id = t.meeting_id WHERE g.map_id = $1 AND ($2 IS NULL OR g.id = $2) \
             ORDER BY t.meeting_id, t.actor_id",
        )
        .bind(map.id)
        .bind(only)
        .fetch_all(pool)
        .await?;
        (rows, attendance)
    });
    let mut by_meeting: std::collections::HashMap<i64, Vec<Attendance>> = std::collections::HashMap::new();
    for row in attendance {
        let entry = Attendance { actor_id: row.actor_id, role: row.role.0, source: row.source.0 };
        by_meeting.entry(row.meeting_id).or_default().push(entry);
    }
    Ok(rows
        .into_iter()
        .map(|row| Meeting {
            attendance: by_meeting.remove(&row.id).unwrap_or_default(),
            id: row.id,
            name: row.name,
            purpose: row.purpose,
            level: row.level.0,
            per_year: row.per_year,
            hours: row.hours,
            convener_id: row.convener_id,
            basis: row.basis,
            target_group: row.target_group,
            source: row.source.0,
            copied_from_id: row.copied_from_id,
        })
        .collect())
}

/// A convener must be one of the organisation's actors.
async fn check_convener(db: &Db, map: &Map, draft: &MeetingDraft) -> StoreResult<()> {
    match draft.convener_id {
        Some(id) => super::actor(db, map, id)
            .await
            .map(|_| ())
            .map_err(|_| StoreError::field("convener_id", parat_core::Problem::UnknownChoice)),
        None => Ok(()),
    }
}

/// A new meeting of the map.
pub async fn create_meeting(
    db: &Db,
    scope: &OrgScope,
    map: &Map,
    draft: &MeetingDraft,
    source: Source,
) -> StoreResult<i64> {
    map.require_edit()?;
    check_convener(db, map, draft).await?;
    let at = now();
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO map_meetings (map_id, name, purpose, level, per_year, hours, convener_id, basis, \
             target_group, source, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
        )
        .bind(map.id)
        .bind(&draft.name)
        .bind(&draft.purpose)
        .bind(draft.level.key())
        .bind(draft.per_year)
        .bind(draft.hours)
        .bind(draft.convener_id)
        .bind(&draft.basis)
        .bind(&draft.target_group)
        .bind(source.key())
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        touch!(&mut *tx, map.id);
        let entry = AuditEntry::scoped(scope, "create", "map_meeting", id).after(&meeting_json(draft));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    refresh(db, map.org_id, map.id);
    Ok(id)
}

/// Replaces a meeting's details (its attendance stays).
pub async fn update_meeting(db: &Db, scope: &OrgScope, map: &Map, id: i64, draft: &MeetingDraft) -> StoreResult<()> {
    map.require_edit()?;
    let before = meeting(db, map, id).await?;
    check_convener(db, map, draft).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE map_meetings SET name = $1, purpose = $2, level = $3, per_year = $4, hours = $5, \
             convener_id = $6, basis = $7, target_group = $8, updated_at = $9 WHERE map_id = $10 AND id = $11",
        )
        .bind(&draft.name)
        .bind(&draft.purpose)
        .bind(draft.level.key())
        .bind(draft.per_year)
        .bind(draft.hours)
        .bind(draft.convener_id)
        .bind(&draft.basis)
        .bind(&draft.target_group)
        .bind(now())
        .bind(map.id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        touch!(&mut *tx, map.id);
        let entry = AuditEntry::scoped(scope, "update", "map_meeting", id).before(&before).after(&meeting_json(draft));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    refresh(db, map.org_id, map.id);
    Ok(())
}

/// Removes a meeting with its attendance and ratings.
pub async fn remove_meeting(db: &Db, scope: &OrgScope, map: &Map, id: i64) -> StoreResult<()> {
    map.require_edit()?;
    let before = meeting(db, map, id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM map_meetings WHERE map_id = $1 AND id = $2")
            .bind(map.id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        touch!(&mut *tx, map.id);
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "delete", "map_meeting", id).before(&before))?;
        tx.commit().await?;
    });
    refresh(db, map.org_id, map.id);
    Ok(())
}

/// Records that an actor of the organisation attends the meeting, in a role (replacing what was
/// recorded for the two); the actor then takes part in the map.
pub async fn set_attendance(
    db: &Db,
    scope: &OrgScope,
    map: &Map,
    meeting_id: i64,
    draft: &AttendanceDraft,
    source: Source,
) -> StoreResult<()> {
    map.require_edit()?;
    let before = meeting(db, map, meeting_id).await?.attendance.into_iter().find(|a| a.actor_id == draft.actor_id);
    super::actor(db, map, draft.actor_id)
        .await
        .map_err(|_| StoreError::field("actor_id", parat_core::Problem::UnknownChoice))?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO map_attendance (meeting_id, actor_id, role, source) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (meeting_id, actor_id) DO UPDATE SET role = excluded.role, source = excluded.source",
        )
        .bind(meeting_id)
        .bind(draft.actor_id)
        .bind(draft.role.key())
        .bind(source.key())
        .execute(&mut *tx)
        .await?;
        join!(&mut *tx, map.id, draft.actor_id);
        touch!(&mut *tx, map.id);
        let after = serde_json::json!({ "meeting": meeting_id, "actor": draft.actor_id, "role": draft.role.key() });
        let entry =
            AuditEntry::scoped(scope, if before.is_some() { "update" } else { "create" }, "map_attendance", meeting_id)
                .before(&before)
                .after(&after);
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    refresh(db, map.org_id, map.id);
    Ok(())
}

/// Records that an actor no longer attends the meeting.
pub async fn remove_attendance(
    db: &Db,
    scope: &OrgScope,
    map: &Map,
    meeting_id: i64,
    actor_id: i64,
) -> StoreResult<()> {
    map.require_edit()?;
    let before = meeting(db, map, meeting_id)
        .await?
        .attendance
        .into_iter()
        .find(|a| a.actor_id == actor_id)
        .ok_or(StoreError::NotFound)?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM map_attendance WHERE meeting_id = $1 AND actor_id = $2")
            .bind(meeting_id)
            .bind(actor_id)
            .execute(&mut *tx)
            .await?;
        touch!(&mut *tx, map.id);
        let entry = AuditEntry::scoped(scope, "delete", "map_attendance", meeting_id).before(&before);
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    refresh(db, map.org_id, map.id);
    Ok(())
}

fn meeting_json(draft: &MeetingDraft) -> serde_json::Value {
    serde_json::json!({
        "name": draft.name,
        "purpose": draft.purpose,
        "level": draft.level.key(),
        "per_year": draft.per_year,
        "hours": draft.hours,
        "convener_id": draft.convener_id,
        "basis": draft.basis,
        "target_group": draft.target_group,
    })
}
