//! Outcome and alliance follow-up in the store: the organisation's units and who works in and
//! manages them, and its settings (this file); episodes of a participant with a unit and a
//! practitioner (`episodes`); sessions with their ratings (`sessions`). Participants themselves
//! are shared (`crate::participants`).

use parat_core::outcomes::settings::OrganisationSettings;
use parat_core::outcomes::{RawSettings, Settings};
use serde::Serialize;

use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, StoreError, StoreResult};

mod episodes;
mod links;
mod sessions;
mod trajectories;

pub(crate) use episodes::initiative_outcomes;
pub use episodes::{
    close_episode, episode, episodes_of, open_episode, unit_records, Episode, EpisodeDraft, UnitRecords,
};
pub use links::{
    create_link, open_link, pending_links, rate_by_link, withdraw_link, OpenLink, PendingLink, LINK_LIFETIME_SECONDS,
};
pub use sessions::{
    record_session, session_count, sessions_of, sessions_of_opened, Session, SessionDraft, SessionSource,
};
pub use trajectories::{expected, Expected, TRAJECTORIES_MAX_AGE_SECONDS};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Unit {
    pub id: i64,
    pub name: String,
}

/// A new unit of the organisation; administrators.
pub async fn create_unit(db: &Db, scope: &OrgScope, name: &str) -> StoreResult<i64> {
    if !scope.role().can_administer() {
        return Err(StoreError::Forbidden);
    }
    let name = parat_core::validation::required_text(name, 120)
        .map_err(|problem| StoreError::Invalid(parat_core::FieldErrors::single("name", problem)))?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let inserted: Result<(i64,), sqlx::Error> =
            sqlx::query_as("INSERT INTO units (org_id, name, created_at) VALUES ($1, $2, $3) RETURNING id")
                .bind(scope.org_id())
                .bind(&name)
                .bind(now())
                .fetch_one(&mut *tx)
                .await;
        let (id,) = match inserted {
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                return Err(StoreError::Invalid(parat_core::FieldErrors::single("name", parat_core::Problem::Taken)));
            }
            other => other?,
        };
        audit::record!(
            &mut *tx,
            &AuditEntry::scoped(scope, "create", "unit", id).after(&serde_json::json!({"name": name}))
        )?;
        tx.commit().await?;
        Ok::<i64, StoreError>(id)
    })
}

/// A unit of the organisation.
pub async fn unit(db: &Db, scope: &OrgScope, unit_id: i64) -> StoreResult<Unit> {
    let row: Option<Unit> =
        on_reader!(db, |pool| sqlx::query_as("SELECT id, name FROM units WHERE id = $1 AND org_id = $2")
            .bind(unit_id)
            .bind(scope.org_id())
            .fetch_optional(pool)
            .await?);
    row.ok_or(StoreError::NotFound)
}

/// The organisation's units, by name.
pub async fn units(db: &Db, scope: &OrgScope) -> StoreResult<Vec<Unit>> {
    Ok(on_reader!(db, |pool| sqlx::query_as("SELECT id, name FROM units WHERE org_id = $1 ORDER BY name, id")
        .bind(scope.org_id())
        .fetch_all(pool)
        .await?))
}

/// Places a member of the organisation in a unit, as its manager or not; administrators.
pub async fn set_unit_member(db: &Db, scope: &OrgScope, unit_id: i64, user_id: i64, manages: bool) -> StoreResult<()> {
    if !scope.role().can_administer() {
        return Err(StoreError::Forbidden);
    }
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        // Only a unit of this organisation, and only one of its members.
        let placed = sqlx::query(
            "INSERT INTO unit_members (unit_id, user_id, manages) \
             SELECT u.id, m.user_id, $4 FROM units u JOIN memberships m ON m.org_id = u.org_id \
             WHERE u.id = $1 AND u.org_id = $2 AND m.user_id = $3 \
             ON CONFLICT (unit_id, user_id) DO UPDATE SET manages = excluded.manages",
        )
        .bind(unit_id)
        .bind(scope.org_id())
        .bind(user_id)
        .bind(manages)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if placed == 0 {
            return Err(StoreError::NotFound);
        }
        let entry = AuditEntry::scoped(scope, "update", "unit_member", unit_id)
            .after(&serde_json::json!({"user_id": user_id, "manages": manages}));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}

/// The organisation's thresholds, the defaults where it has set none.
pub async fn settings(db: &Db, org_id: i64) -> StoreResult<Settings> {
    Ok(organisation_settings(db, org_id).await?.settings)
}

/// The organisation's follow-up settings: thresholds, whether names are recorded, retention.
pub async fn organisation_settings(db: &Db, org_id: i64) -> StoreResult<OrganisationSettings> {
    let row: Option<(String, bool, Option<i64>)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT settings, names_allowed, retention_months FROM outcome_settings WHERE org_id = $1"
    )
    .bind(org_id)
    .fetch_optional(pool)
    .await?);
    Ok(match row {
        None => OrganisationSettings { settings: Settings::default(), names_allowed: false, retention_months: None },
        Some((json, names_allowed, retention)) => OrganisationSettings {
            settings: serde_json::from_str::<RawSettings>(&json)
                .ok()
                .and_then(|raw| raw.parse().ok())
                .unwrap_or_default(),
            names_allowed,
            retention_months: retention.and_then(|m| u32::try_from(m).ok()),
        },
    })
}

/// Sets the thresholds, whether names are recorded and the retention period; administrators.
pub async fn save_settings(db: &Db, scope: &OrgScope, new: &OrganisationSettings) -> StoreResult<()> {
    if !scope.role().can_administer() {
        return Err(StoreError::Forbidden);
    }
    let before = organisation_settings(db, scope.org_id()).await?;
    let raw = RawSettings::from(&new.settings);
    let json = serde_json::to_string(&raw).map_err(|e| StoreError::Refused(e.to_string()))?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO outcome_settings (org_id, settings, names_allowed, retention_months) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (org_id) DO UPDATE SET settings = excluded.settings, names_allowed = excluded.names_allowed, \
             retention_months = excluded.retention_months",
        )
        .bind(scope.org_id())
        .bind(&json)
        .bind(new.names_allowed)
        .bind(new.retention_months.map(i64::from))
        .execute(&mut *tx)
        .await?;
        let described = |s: &OrganisationSettings| {
            serde_json::json!({"settings": RawSettings::from(&s.settings), "names_allowed": s.names_allowed,
                "retention_months": s.retention_months})
        };
        let entry = AuditEntry::scoped(scope, "update", "outcome_settings", scope.org_id())
            .before(&described(&before))
            .after(&described(new));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}

/// The course of each participant's open episode (else their latest) among the episodes the
/// scope sees, by participant, for a list whose read is already logged: two queries, however
/// long the list.
pub async fn current_courses(
    db: &Db,
    scope: &OrgScope,
    participants: &[crate::participants::Participant],
    settings: &Settings,
) -> StoreResult<std::collections::HashMap<i64, parat_core::outcomes::Progress>> {
    let episodes = episodes::visible(db, scope).await?;
    let mut ratings = sessions::ratings_of_visible(db, scope).await?;
    let mut current: std::collections::HashMap<i64, &Episode> = std::collections::HashMap::new();
    // Newest first: an open episode wins, else the first seen.
    for episode in &episodes {
        let entry = current.entry(episode.participant_id).or_insert(episode);
        if entry.ended.is_some() && episode.ended.is_none() {
            *entry = episode;
        }
    }
    Ok(participants
        .iter()
        .filter_map(|participant| {
            let episode = current.get(&participant.id)?;
            let sessions = ratings.remove(&episode.id).unwrap_or_default();
            let course =
                parat_core::outcomes::progress(settings, participant.age_group, sessions.iter().map(|(_, r)| r));
            Some((participant.id, course))
        })
        .collect())
}

/// Everything recorded about one participant: who, and each episode with its sessions.
#[derive(Debug, Clone)]
pub struct ParticipantRecord {
    pub participant: crate::participants::Participant,
    pub episodes: Vec<(Episode, Vec<Session>)>,
}

/// Everything recorded about a participant the scope sees, for the person who asks for their
/// data (as JSON or PDF); the export is audited.
pub async fn participant_record(db: &Db, scope: &OrgScope, participant_id: i64) -> StoreResult<ParticipantRecord> {
    let participant = crate::participants::open(db, scope, participant_id).await?;
    let mut episodes = Vec::new();
    for episode in episodes_of(db, scope, participant_id).await? {
        let sessions = sessions::unlogged_sessions_of(db, episode.id).await?;
        episodes.push((episode, sessions));
    }
    on_writer!(db, |pool| audit::record!(pool, &AuditEntry::scoped(scope, "export", "participant", participant_id))?
        .rows_affected());
    Ok(ParticipantRecord { participant, episodes })
}

/// [`participant_record`] as JSON.
pub async fn export_participant(db: &Db, scope: &OrgScope, participant_id: i64) -> StoreResult<serde_json::Value> {
    let ParticipantRecord { participant, episodes } = participant_record(db, scope, participant_id).await?;
    let episodes: Vec<serde_json::Value> = episodes
        .iter()
        .map(|(episode, sessions)| {
            let sessions: Vec<serde_json::Value> = sessions
                .iter()
                .map(|s| {
                    let marks = |m: Option<&parat_core::outcomes::Marks>| {
                        m.map(|m| serde_json::json!({"items": m.item_marks(), "total": m.total()}))
                    };
                    serde_json::json!({"held_on": s.held_on.to_string(), "group_session": s.group_session,
                        "ors": marks(s.ratings.outcome()), "srs": marks(s.ratings.session())})
                })
                .collect();
            serde_json::json!({
                "unit_id": episode.unit_id, "practitioner_id": episode.practitioner_id,
                "initiative_id": episode.initiative_id, "starts_on": episode.starts_on.to_string(),
                "ends_on": episode.ended.map(|(d, _)| d.to_string()),
                "end_reason": episode.ended.map(|(_, r)| r.key()), "sessions": sessions,
            })
        })
        .collect();
    Ok(serde_json::json!({
        "participant": {"code": participant.code, "age_group": participant.age_group.key(), "name": participant.name,
            "personal_number": participant.personal_number, "consent_on": participant.consent_on.map(|d| d.to_string()),
            "consent_scope": participant.consent_scope},
        "episodes": episodes,
    }))
}

/// Who works in a unit of the organisation, by name, and whether they manage it.
pub async fn unit_members(db: &Db, scope: &OrgScope, unit_id: i64) -> StoreResult<Vec<(String, bool)>> {
    Ok(on_reader!(db, |pool| sqlx::query_as(
        "SELECT us.display_name, m.manages FROM unit_members m JOIN units u ON u.id = m.unit_id \
         JOIN users us ON us.id = m.user_id WHERE u.id = $1 AND u.org_id = $2 ORDER BY us.display_name, us.id"
    )
    .bind(unit_id)
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?))
}
