//! The frame of a project: reporting calendar, funders and their shares, the project model's
//! roles, and phases with their decision points.

use parat_core::periods::PeriodKind;
use parat_core::project::frame::Share;
use parat_core::project::{FunderDraft, PhaseDraft, ProjectRole, Reporting, RoleDraft};
use serde::Serialize;
use time::Date;

use super::events::{check_initiative, require_editor};
use super::remove_row;
use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{Db, OrgScope, StoreResult, Stored};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Funder {
    pub id: i64,
    pub name: String,
    pub share: Share,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleHolder {
    pub id: i64,
    pub role: ProjectRole,
    pub person: String,
    pub organisation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phase {
    pub id: i64,
    pub name: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub decision: String,
    pub decision_on: Option<Date>,
}

/// An initiative's whole frame, read at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub reporting: Reporting,
    pub funders: Vec<Funder>,
    pub roles: Vec<RoleHolder>,
    pub phases: Vec<Phase>,
}

/// A funder, role holder or phase, to remove.
#[derive(Debug, Clone, Copy)]
pub enum FrameEntry {
    Funder(i64),
    Role(i64),
    Phase(i64),
}

type PhaseRow = (i64, String, String, String, String, Option<String>);

pub async fn frame(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Frame> {
    check_initiative(db, scope, initiative_id).await?;
    frame_unchecked(db, scope, initiative_id).await
}

/// [`frame`] for a caller that has checked the initiative.
pub(super) async fn frame_unchecked(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Frame> {
    let (org, id) = (scope.org_id(), initiative_id);
    let reporting: Option<(String, i32)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT every, days_after FROM project_reporting WHERE initiative_id = $1 AND org_id = $2"
    )
    .bind(id)
    .bind(org)
    .fetch_optional(pool)
    .await?);
    let funders: Vec<(i64, String, i32)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, name, share FROM project_funders WHERE initiative_id = $1 AND org_id = $2 ORDER BY id"
    )
    .bind(id)
    .bind(org)
    .fetch_all(pool)
    .await?);
    let roles: Vec<(i64, Stored<ProjectRole>, String, String)> = on_reader!(db, |pool| {
        sqlx::query_as(
        "SELECT id, role, person, organisation FROM project_roles WHERE initiative_id = $1 AND org_id = $2 ORDER BY id"
    )
    .bind(id)
    .bind(org)
    .fetch_all(pool)
    .await?
    });
    let phases: Vec<PhaseRow> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, name, starts_on, ends_on, decision, decision_on FROM project_phases \
         WHERE initiative_id = $1 AND org_id = $2 ORDER BY starts_on, id"
    )
    .bind(id)
    .bind(org)
    .fetch_all(pool)
    .await?);
    let date = |raw: &str| parat_core::initiative::parse_date(raw).ok().flatten();
    let mut roles: Vec<RoleHolder> = roles
        .into_iter()
        .map(|(id, role, person, organisation)| RoleHolder { id, role: role.0, person, organisation })
        .collect();
    // In the project model's order (sponsor first), then as added.
    roles.sort_by_key(|r| (r.role, r.id));
    Ok(Frame {
        reporting: reporting
            .and_then(|(every, days)| {
                Some(Reporting { every: PeriodKind::parse(&every)?, days_after: u8::try_from(days).ok()? })
            })
            .unwrap_or_default(),
        funders: funders
            .into_iter()
            .map(|(id, name, share)| Funder {
                id,
                name,
                share: Share::from_hundredths(u16::try_from(share).unwrap_or(0)),
            })
            .collect(),
        roles,
        phases: phases
            .into_iter()
            .filter_map(|(id, name, starts_on, ends_on, decision, decision_on)| {
                Some(Phase {
                    id,
                    name,
                    starts_on: date(&starts_on)?,
                    ends_on: date(&ends_on)?,
                    decision,
                    decision_on: decision_on.as_deref().and_then(date),
                })
            })
            .collect(),
    })
}

pub async fn set_reporting(db: &Db, scope: &OrgScope, initiative_id: i64, reporting: Reporting) -> StoreResult<()> {
    require_editor(scope)?;
    check_initiative(db, scope, initiative_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO project_reporting (initiative_id, org_id, every, days_after) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (initiative_id) DO UPDATE SET every = excluded.every, days_after = excluded.days_after",
        )
        .bind(initiative_id)
        .bind(scope.org_id())
        .bind(reporting.every.key())
        .bind(i32::from(reporting.days_after))
        .execute(&mut *tx)
        .await?;
        let after = serde_json::json!({"every": reporting.every.key(), "days_after": reporting.days_after});
        audit::record!(
            &mut *tx,
            &AuditEntry::scoped(scope, "update", "project_reporting", initiative_id).after(&after)
        )?;
        tx.commit().await?;
        Ok(())
    })
}

pub async fn add_funder(db: &Db, scope: &OrgScope, initiative_id: i64, funder: &FunderDraft) -> StoreResult<i64> {
    let after = serde_json::json!({"name": funder.name, "share": funder.share});
    let insert =
        "INSERT INTO project_funders (org_id, initiative_id, name, share) VALUES ($1, $2, $3, $4) RETURNING id";
    let values = [Value::Text(&funder.name), Value::Int(i64::from(funder.share.hundredths()))];
    insert_row(db, scope, initiative_id, insert, &values, ("project_funder", &after)).await
}

pub async fn add_role(db: &Db, scope: &OrgScope, initiative_id: i64, role: &RoleDraft) -> StoreResult<i64> {
    let after = serde_json::json!({"role": role.role.key(), "person": role.person, "organisation": role.organisation});
    let insert = "INSERT INTO project_roles (org_id, initiative_id, role, person, organisation) \
                  VALUES ($1, $2, $3, $4, $5) RETURNING id";
    let values = [Value::Text(role.role.key()), Value::Text(&role.person), Value::Text(&role.organisation)];
    insert_row(db, scope, initiative_id, insert, &values, ("project_role", &after)).await
}

pub async fn add_phase(db: &Db, scope: &OrgScope, initiative_id: i64, phase: &PhaseDraft) -> StoreResult<i64> {
    let (starts_on, ends_on) = (phase.starts_on.to_string(), phase.ends_on.to_string());
    let decision_on = phase.decision_on.map(|d| d.to_string());
    let after = serde_json::json!({"name": phase.name, "starts_on": starts_on, "ends_on": ends_on,
        "decision": phase.decision, "decision_on": decision_on});
    let insert = "INSERT INTO project_phases (org_id, initiative_id, name, starts_on, ends_on, decision, decision_on) \
                  VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    let values = [
        Value::Text(&phase.name),
        Value::Text(&starts_on),
        Value::Text(&ends_on),
        Value::Text(&phase.decision),
        Value::OptionalText(decision_on.as_deref()),
    ];
    insert_row(db, scope, initiative_id, insert, &values, ("project_phase", &after)).await
}

pub async fn remove_frame_entry(db: &Db, scope: &OrgScope, initiative_id: i64, entry: FrameEntry) -> StoreResult<()> {
    match entry {
        FrameEntry::Funder(id) => remove_row(db, scope, initiative_id, ("project_funders", "project_funder"), id).await,
        FrameEntry::Role(id) => remove_row(db, scope, initiative_id, ("project_roles", "project_role"), id).await,
        FrameEntry::Phase(id) => remove_row(db, scope, initiative_id, ("project_phases", "project_phase"), id).await,
    }
}

/// A value bound after the organisation and the initiative in an insert.
enum Value<'a> {
    Text(&'a str),
    OptionalText(Option<&'a str>),
    Int(i64),
}

/// Inserts one row of the initiative (`$1` the organisation, `$2` the initiative, then the
/// values) and audits it with what was written.
async fn insert_row(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
    insert: &str,
    values: &[Value<'_>],
    (entity, after): (&'static str, &serde_json::Value),
) -> StoreResult<i64> {
    require_editor(scope)?;
    check_initiative(db, scope, initiative_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let mut query = sqlx::query_as(insert).bind(scope.org_id()).bind(initiative_id);
        for value in values {
            query = match value {
                Value::Text(text) => query.bind(*text),
                Value::OptionalText(text) => query.bind(*text),
                Value::Int(n) => query.bind(*n),
            };
        }
        let (id,): (i64,) = query.fetch_one(&mut *tx).await?;
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", entity, id).after(after))?;
        tx.commit().await?;
        Ok(id)
    })
}
