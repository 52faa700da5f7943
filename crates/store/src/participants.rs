//! Participants, shared by the modules that follow people up. Personal data: every read and
//! change is in the audit log (which holds ids and the pseudonymous code, never a name); a
//! participant is visible only to those who work with them — the practitioner of one of their
//! episodes, the manager of that episode's unit, whoever registered them — and to the
//! organisation's administrators, who answer for export and erasure. To everyone else a
//! participant does not exist (`NotFound`).

use parat_core::outcomes::AgeGroup;
use parat_core::participant::{Identity, ParticipantDraft};
use parat_core::{FieldErrors, Problem};
use serde::Serialize;
use time::Date;

use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::stored::date_of;
use crate::{now, Db, OrgScope, StoreError, StoreResult, Stored};

/// Which participants a scope sees, as SQL over `participants p` with `$1` the organisation,
/// `$2` the user and `$3` whether they administer it.
pub(crate) const VISIBLE: &str = "p.org_id = $1 AND ($3 OR p.created_by = $2 OR EXISTS (\
    SELECT 1 FROM outcome_episodes e WHERE e.participant_id = p.id AND (e.practitioner_id = $2 \
    OR e.unit_id IN (SELECT unit_id FROM unit_members WHERE user_id = $2 AND manages))))";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    pub id: i64,
    pub code: String,
    pub age_group: AgeGroup,
    pub name: Option<String>,
    pub personal_number: Option<String>,
    pub consent_on: Option<Date>,
    pub consent_scope: String,
}

#[derive(sqlx::FromRow)]
struct ParticipantRow {
    id: i64,
    code: String,
    age_group: Stored<AgeGroup>,
    name: Option<String>,
    personal_number: Option<String>,
    consent_on: Option<String>,
    consent_scope: String,
}

impl From<ParticipantRow> for Participant {
    fn from(row: ParticipantRow) -> Self {
        Participant {
            id: row.id,
            code: row.code,
            age_group: row.age_group.0,
            name: row.name,
            personal_number: row.personal_number,
            consent_on: date_of(row.consent_on),
            consent_scope: row.consent_scope,
        }
    }
}

const SELECT: &str =
    "SELECT p.id, p.code, p.age_group, p.name, p.personal_number, p.consent_on, p.consent_scope FROM participants p";

/// Whether the organisation records names and personal identity numbers (off unless turned on).
pub async fn names_allowed(db: &Db, org_id: i64) -> StoreResult<bool> {
    let row: Option<(bool,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT names_allowed FROM outcome_settings WHERE org_id = $1")
            .bind(org_id)
            .fetch_optional(pool)
            .await?);
    Ok(row.is_some_and(|(allowed,)| allowed))
}

/// Practitioners and administrators register participants.
fn require_register(scope: &OrgScope) -> StoreResult<()> {
    use parat_core::organisation::Role;
    match scope.role() {
        Role::Practitioner | Role::Admin | Role::Coordinator => Ok(()),
        _ => Err(StoreError::Forbidden),
    }
}

/// A new participant under a code not yet used in the organisation.
pub async fn create(db: &Db, scope: &OrgScope, draft: &ParticipantDraft) -> StoreResult<i64> {
    require_register(scope)?;
    if draft.identity.is_some() && !names_allowed(db, scope.org_id()).await? {
        return Err(StoreError::Invalid(FieldErrors::single("name", Problem::NamesNotRecorded)));
    }
    let identity = draft.identity.as_ref();
    let (consent_on, consent_scope) =
        draft.consent.as_ref().map_or((None, String::new()), |(on, scope)| (Some(on.to_string()), scope.clone()));
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let inserted: Result<(i64,), sqlx::Error> = sqlx::query_as(
            "INSERT INTO participants (org_id, code, age_group, name, personal_number, consent_on, consent_scope, \
             created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(scope.org_id())
        .bind(&draft.code)
        .bind(draft.age_group.key())
        .bind(identity.map(|i: &Identity| i.name.clone()).filter(|n| !n.is_empty()))
        .bind(identity.map(|i| i.personal_number.clone()).filter(|n| !n.is_empty()))
        .bind(consent_on)
        .bind(consent_scope)
        .bind(scope.user_id())
        .bind(now())
        .fetch_one(&mut *tx)
        .await;
        let (id,) = match inserted {
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                return Err(StoreError::Invalid(FieldErrors::single("code", Problem::Taken)));
            }
            other => other?,
        };
        let entry = AuditEntry::scoped(scope, "create", "participant", id)
            .after(&serde_json::json!({"code": draft.code, "age_group": draft.age_group.key()}));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<i64, StoreError>(id)
    })
}

/// A participant the scope sees; the read is audited.
pub async fn open(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Participant> {
    let participant = find(db, scope, id).await?;
    audit::log_read(db, AuditEntry::scoped(scope, "read", "participant", id)).await?;
    Ok(participant)
}

async fn find(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Participant> {
    let row: Option<ParticipantRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT} WHERE {VISIBLE} AND p.id = $4"))
            .bind(scope.org_id())
            .bind(scope.user_id())
            .bind(scope.role().can_administer())
            .bind(id)
            .fetch_optional(pool)
            .await?);
    row.map(Participant::from).ok_or(StoreError::NotFound)
}

/// The participants the scope sees, by code; the list's read is audited once.
pub async fn list(db: &Db, scope: &OrgScope) -> StoreResult<Vec<Participant>> {
    let rows: Vec<ParticipantRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT} WHERE {VISIBLE} ORDER BY p.code, p.id"))
            .bind(scope.org_id())
            .bind(scope.user_id())
            .bind(scope.role().can_administer())
            .fetch_all(pool)
            .await?);
    if !rows.is_empty() {
        let entry = AuditEntry { entity_id: None, ..AuditEntry::scoped(scope, "read", "participant_list", 0) };
        audit::log_read(db, entry).await?;
    }
    Ok(rows.into_iter().map(Participant::from).collect())
}

/// Erases a participant and everything recorded about them (episodes, sessions, ratings);
/// administrators only. The audit log keeps that it happened, under the id and code.
pub async fn erase(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<()> {
    if !scope.role().can_administer() {
        return Err(StoreError::Forbidden);
    }
    let participant = find(db, scope, id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM participants WHERE id = $1 AND org_id = $2")
            .bind(id)
            .bind(scope.org_id())
            .execute(&mut *tx)
            .await?;
        let entry = AuditEntry::scoped(scope, "erase", "participant", id)
            .before(&serde_json::json!({"code": participant.code}));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}

/// Erases, in every organisation with a retention period, the participants whose episodes have
/// all ended more than that many months before `today` (and who take part in no initiative's
/// activities since then). Safe to run on several app servers at
/// once: each deletion stands alone, and a participant already gone is simply not found again.
/// Returns how many were erased.
pub async fn erase_expired(db: &Db, today: Date) -> StoreResult<u64> {
    let orgs: Vec<(i64, i64)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT org_id, retention_months FROM outcome_settings WHERE retention_months IS NOT NULL"
    )
    .fetch_all(pool)
    .await?);
    let mut erased = 0;
    for (org_id, months) in orgs {
        let before = parat_core::periods::months_before(today, u32::try_from(months).unwrap_or(u32::MAX)).to_string();
        let gone: Vec<(i64, String)> = on_writer!(db, |pool| {
            let mut tx = pool.begin().await?;
            let gone: Vec<(i64, String)> = sqlx::query_as(
                "DELETE FROM participants WHERE org_id = $1 \
                 AND EXISTS (SELECT 1 FROM outcome_episodes e WHERE e.participant_id = participants.id) \
                 AND NOT EXISTS (SELECT 1 FROM outcome_episodes e WHERE e.participant_id = participants.id \
                 AND (e.ends_on IS NULL OR e.ends_on >= $2)) \
                 AND NOT EXISTS (SELECT 1 FROM project_participations p WHERE p.participant_id = participants.id \
                 AND (p.left_on IS NULL OR p.left_on >= $2)) RETURNING id, code",
            )
            .bind(org_id)
            .bind(&before)
            .fetch_all(&mut *tx)
            .await?;
            for (id, code) in &gone {
                let entry = AuditEntry {
                    org_id: Some(org_id),
                    actor_id: None,
                    actor_label: "Parat (lagringstid)".into(),
                    action: "erase",
                    entity: "participant",
                    entity_id: Some(*id),
                    before: Some(serde_json::json!({"code": code, "retention_months": months})),
                    after: None,
                };
                audit::record!(&mut *tx, &entry)?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>(gone)
        })?;
        erased += gone.len() as u64;
    }
    Ok(erased)
}
