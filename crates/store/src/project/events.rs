//! Training events and who came: named attendees (personal data, audited on read and change) and
//! anonymous head counts where names are not wanted.

use parat_core::project::{AttendeeDraft, ByGender, EventDraft, EventFacts, Gender};
use serde::Serialize;

use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, StoreError, StoreResult};

/// An event with how many came; no names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub id: i64,
    pub initiative_id: i64,
    pub title: String,
    /// Unix seconds.
    pub starts_at: i64,
    pub ends_at: Option<i64>,
    pub place: String,
    pub organiser: String,
    pub target_group: String,
    pub capacity: Option<u32>,
    /// People counted without names.
    pub head_count: u32,
    /// Named attendees…
    pub attendees: u32,
    /// …by gender.
    #[serde(skip)]
    pub by_gender: ByGender,
}

impl Event {
    /// What a period's figures need of it.
    pub fn facts(&self) -> EventFacts {
        EventFacts { starts_at: self.starts_at, attendees: self.by_gender, head_count: self.head_count }
    }
}

#[derive(sqlx::FromRow)]
struct EventRow {
    id: i64,
    initiative_id: i64,
    title: String,
    starts_at: i64,
    ends_at: Option<i64>,
    place: String,
    organiser: String,
    target_group: String,
    capacity: Option<i64>,
    head_count: i64,
    attendees_woman: i64,
    attendees_man: i64,
    attendees_other: i64,
    attendees_unknown: i64,
}

impl From<EventRow> for Event {
    fn from(row: EventRow) -> Self {
        let count = |n: i64| u32::try_from(n).unwrap_or_default();
        Event {
            id: row.id,
            initiative_id: row.initiative_id,
            title: row.title,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            place: row.place,
            organiser: row.organiser,
            target_group: row.target_group,
            capacity: row.capacity.map(count),
            head_count: count(row.head_count),
            attendees: count(row.attendees_woman + row.attendees_man + row.attendees_other + row.attendees_unknown),
            by_gender: ByGender {
                woman: count(row.attendees_woman),
                man: count(row.attendees_man),
                other: count(row.attendees_other),
                unknown: count(row.attendees_unknown),
            },
        }
    }
}

/// One person on an event's attendance list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Attendee {
    pub id: i64,
    pub name: String,
    pub organisation: String,
    pub unit: String,
    pub gender: crate::Stored<Gender>,
}

const SELECT: &str = "SELECT e.id, e.initiative_id, e.title, e.starts_at, e.ends_at, e.place, e.organiser, \
     e.target_group, e.capacity, e.head_count, e.attendees_woman, e.attendees_man, e.attendees_other, \
     e.attendees_unknown FROM project_events e";

/// Separators of the one string an initiative's events are read as: between an event's fields,
/// and between events (ASCII's unit and record separators; no text Parat keeps holds them).
const FIELD: char = '\u{1f}';
const RECORD: char = '\u{1e}';

pub(super) fn require_editor(scope: &OrgScope) -> StoreResult<()> {
    match scope.role().can_edit_initiatives() {
        true => Ok(()),
        false => Err(StoreError::Forbidden),
    }
}

/// The scope's initiative, or `NotFound`.
pub(super) async fn check_initiative(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<()> {
    let found: Option<(i64,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT id FROM initiatives WHERE id = $1 AND org_id = $2")
            .bind(initiative_id)
            .bind(scope.org_id())
            .fetch_optional(pool)
            .await?);
    found.map(|_| ()).ok_or(StoreError::NotFound)
}

/// A new event of one of the scope's initiatives.
pub async fn create_event(db: &Db, scope: &OrgScope, initiative_id: i64, draft: &EventDraft) -> StoreResult<i64> {
    require_editor(scope)?;
    check_initiative(db, scope, initiative_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO project_events (org_id, initiative_id, title, starts_at, ends_at, place, organiser, \
             target_group, capacity, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(scope.org_id())
        .bind(initiative_id)
        .bind(&draft.title)
        .bind(draft.starts_at)
        .bind(draft.ends_at)
        .bind(&draft.place)
        .bind(&draft.organiser)
        .bind(&draft.target_group)
        .bind(draft.capacity.map(i64::from))
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", "project_event", id).after(&draft_json(draft)))?;
        tx.commit().await?;
        Ok(id)
    })
}

fn draft_json(draft: &EventDraft) -> serde_json::Value {
    serde_json::json!({
        "title": draft.title, "starts_at": draft.starts_at, "ends_at": draft.ends_at, "place": draft.place,
        "organiser": draft.organiser, "target_group": draft.target_group, "capacity": draft.capacity,
    })
}

/// Replaces an event's fields; its attendance stays.
pub async fn update_event(db: &Db, scope: &OrgScope, id: i64, draft: &EventDraft) -> StoreResult<()> {
    require_editor(scope)?;
    let before = event(db, scope, id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE project_events SET title = $1, starts_at = $2, ends_at = $3, place = $4, organiser = $5, \
             target_group = $6, capacity = $7 WHERE id = $8 AND org_id = $9",
        )
        .bind(&draft.title)
        .bind(draft.starts_at)
        .bind(draft.ends_at)
        .bind(&draft.place)
        .bind(&draft.organiser)
        .bind(&draft.target_group)
        .bind(draft.capacity.map(i64::from))
        .bind(id)
        .bind(scope.org_id())
        .execute(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "update", "project_event", id).before(&before).after(&draft_json(draft));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok(())
    })
}

/// Deletes an event with its attendance list.
pub async fn delete_event(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<()> {
    require_editor(scope)?;
    let before = event(db, scope, id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM project_attendees WHERE event_id = $1").bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM project_events WHERE id = $1 AND org_id = $2")
            .bind(id)
            .bind(scope.org_id())
            .execute(&mut *tx)
            .await?;
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "delete", "project_event", id).before(&before))?;
        tx.commit().await?;
        Ok(())
    })
}

/// One of the scope's events, without names.
pub async fn event(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Event> {
    let row: Option<EventRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT} WHERE e.id = $1 AND e.org_id = $2"))
            .bind(id)
            .bind(scope.org_id())
            .fetch_optional(pool)
            .await?);
    row.map(Event::from).ok_or(StoreError::NotFound)
}

/// An initiative's events in time order, with how many came; no names.
pub async fn events_of(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<Event>> {
    check_initiative(db, scope, initiative_id).await?;
    events_of_unchecked(db, scope, initiative_id).await
}

/// [`events_of`] for a caller that has checked the initiative.
pub(super) async fn events_of_unchecked(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<Event>> {
    // One row for all of them: each row fetched is a hand-off between threads (SQLite) or a
    // message (PostgreSQL), and a project's report reads two hundred events on every view.
    let joined: Option<String> = on_reader!(db, |pool| sqlx::query_scalar(
        "SELECT string_agg(CAST(id AS TEXT) || $3 || title || $3 || CAST(starts_at AS TEXT) || $3 || \
         COALESCE(CAST(ends_at AS TEXT), '') || $3 || place || $3 || organiser || $3 || target_group || $3 || \
         COALESCE(CAST(capacity AS TEXT), '') || $3 || CAST(head_count AS TEXT) || $3 || \
         CAST(attendees_woman AS TEXT) || $3 || CAST(attendees_man AS TEXT) || $3 || \
         CAST(attendees_other AS TEXT) || $3 || CAST(attendees_unknown AS TEXT), $4 ORDER BY starts_at, id) \
         FROM project_events WHERE initiative_id = $1 AND org_id = $2"
    )
    .bind(initiative_id)
    .bind(scope.org_id())
    .bind(FIELD.to_string())
    .bind(RECORD.to_string())
    .fetch_one(pool)
    .await?);
    joined
        .as_deref()
        .unwrap_or_default()
        .split(RECORD)
        .filter(|record| !record.is_empty())
        .map(|record| {
            parse_event(initiative_id, record).ok_or_else(|| StoreError::Refused("an unreadable event row".into()))
        })
        .collect()
}

/// One event from its fields as [`events_of_unchecked`] joins them.
fn parse_event(initiative_id: i64, record: &str) -> Option<Event> {
    let fields: Vec<&str> = record.split(FIELD).collect();
    let [id, title, starts_at, ends_at, place, organiser, target_group, capacity, head_count, woman, man, other, unknown] =
        fields.as_slice()
    else {
        return None;
    };
    let number = |raw: &str| raw.parse::<i64>().ok();
    let optional = |raw: &str| if raw.is_empty() { Some(None) } else { number(raw).map(Some) };
    Some(Event::from(EventRow {
        id: number(id)?,
        initiative_id,
        title: (*title).to_owned(),
        starts_at: number(starts_at)?,
        ends_at: optional(ends_at)?,
        place: (*place).to_owned(),
        organiser: (*organiser).to_owned(),
        target_group: (*target_group).to_owned(),
        capacity: optional(capacity)?,
        head_count: number(head_count)?,
        attendees_woman: number(woman)?,
        attendees_man: number(man)?,
        attendees_other: number(other)?,
        attendees_unknown: number(unknown)?,
    }))
}

/// An event's attendance list, in the order people were recorded; the read is audited.
pub async fn attendees(db: &Db, scope: &OrgScope, event_id: i64) -> StoreResult<Vec<Attendee>> {
    event(db, scope, event_id).await?;
    let rows: Vec<Attendee> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, name, organisation, unit, gender FROM project_attendees WHERE event_id = $1 ORDER BY id"
    )
    .bind(event_id)
    .fetch_all(pool)
    .await?);
    if !rows.is_empty() {
        audit::log_read(db, AuditEntry::scoped(scope, "read", "project_attendance", event_id)).await?;
    }
    Ok(rows)
}

/// Adds people to an event's attendance list, all or none; their ids in order.
pub async fn add_attendees(
    db: &Db,
    scope: &OrgScope,
    event_id: i64,
    people: &[AttendeeDraft],
) -> StoreResult<Vec<i64>> {
    require_editor(scope)?;
    event(db, scope, event_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let mut ids = Vec::with_capacity(people.len());
        let at = now();
        for person in people {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO project_attendees (event_id, name, organisation, unit, gender, recorded_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(event_id)
            .bind(&person.name)
            .bind(&person.organisation)
            .bind(&person.unit)
            .bind(person.gender.key())
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            ids.push(id);
        }
        // One entry for the list's change, naming who was added by id only: the log keeps no names.
        let entry = AuditEntry::scoped(scope, "create", "project_attendance", event_id)
            .after(&serde_json::json!({ "attendees": ids }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok(ids)
    })
}

/// Takes one person off an event's attendance list.
pub async fn remove_attendee(db: &Db, scope: &OrgScope, event_id: i64, attendee_id: i64) -> StoreResult<()> {
    require_editor(scope)?;
    event(db, scope, event_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let removed = sqlx::query("DELETE FROM project_attendees WHERE id = $1 AND event_id = $2")
            .bind(attendee_id)
            .bind(event_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if removed == 0 {
            return Err(StoreError::NotFound);
        }
        let entry = AuditEntry::scoped(scope, "delete", "project_attendance", event_id)
            .before(&serde_json::json!({ "attendee": attendee_id }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok(())
    })
}

/// Sets how many came without giving names (the count at the door, replacing the last one).
pub async fn set_head_count(db: &Db, scope: &OrgScope, event_id: i64, head_count: u32) -> StoreResult<()> {
    require_editor(scope)?;
    let before = event(db, scope, event_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE project_events SET head_count = $1 WHERE id = $2 AND org_id = $3")
            .bind(i64::from(head_count))
            .bind(event_id)
            .bind(scope.org_id())
            .execute(&mut *tx)
            .await?;
        let entry = AuditEntry::scoped(scope, "update", "project_event", event_id)
            .before(&serde_json::json!({ "head_count": before.head_count }))
            .after(&serde_json::json!({ "head_count": head_count }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok(())
    })
}

/// What a period's figures need of an initiative's events: when, and the attendees' genders
/// (no names, so not a read of personal data).
pub async fn event_facts(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<EventFacts>> {
    Ok(events_of(db, scope, initiative_id).await?.iter().map(Event::facts).collect())
}

/// One entry of a person on the organisation's attendance lists, for an extract of what is kept
/// about them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PersonAttendance {
    pub attendee_id: i64,
    pub event_id: i64,
    pub initiative_id: i64,
    pub event_title: String,
    /// Unix seconds.
    pub starts_at: i64,
    pub name: String,
    pub organisation: String,
    pub unit: String,
    pub gender: crate::Stored<Gender>,
}

/// The same name, as people type it: case and surrounding spaces aside.
fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    fold(a) == fold(b)
}

/// Everything the organisation's attendance lists hold under a name: for a person's request to
/// see (or erase) what is kept about them. Administrators; the search is audited, without the
/// name.
pub async fn person_attendances(db: &Db, scope: &OrgScope, name: &str) -> StoreResult<Vec<PersonAttendance>> {
    if !scope.role().can_administer() {
        return Err(StoreError::Forbidden);
    }
    let rows: Vec<PersonAttendance> = on_reader!(db, |pool| {
        sqlx::query_as(
            "SELECT a.id AS attendee_id, e.id AS event_id, e.initiative_id, e.title AS event_title, e.starts_at, \
             a.name, a.organisation, a.unit, a.gender \
             FROM project_attendees a JOIN project_events e ON e.id = a.event_id \
             WHERE e.org_id = $1 ORDER BY e.starts_at, a.id",
        )
        .bind(scope.org_id())
        .fetch_all(pool)
        .await?
    });
    let found: Vec<PersonAttendance> = rows.into_iter().filter(|row| same_name(&row.name, name)).collect();
    let entry = AuditEntry { entity_id: None, ..AuditEntry::scoped(scope, "read", "project_person", 0) }
        .after(&serde_json::json!({ "attendees": found.iter().map(|f| f.attendee_id).collect::<Vec<_>>() }));
    audit::log_read(db, entry).await?;
    Ok(found)
}

/// Erases a person from every attendance list of the organisation; administrators. The events'
/// counts drop by them; the log keeps how many and which rows, not the name.
pub async fn erase_person(db: &Db, scope: &OrgScope, name: &str) -> StoreResult<usize> {
    let found = person_attendances(db, scope, name).await?;
    let ids: Vec<i64> = found.iter().map(|f| f.attendee_id).collect();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        for id in &ids {
            sqlx::query("DELETE FROM project_attendees WHERE id = $1").bind(id).execute(&mut *tx).await?;
        }
        let entry = AuditEntry { entity_id: None, ..AuditEntry::scoped(scope, "erase", "project_person", 0) }
            .before(&serde_json::json!({ "attendees": ids }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })?;
    Ok(ids.len())
}
