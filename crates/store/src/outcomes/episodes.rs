//! Episodes: a participant's time with a unit and a practitioner, from a start to an end with
//! its reason. An episode is seen by its practitioner, its unit's managers and the
//! organisation's administrators; a unit's records for its reports by every member.

use parat_core::outcomes::{AgeGroup, EndReason, Ratings};
use std::collections::HashMap;

use time::Date;

use super::*;
use crate::stored::date_of;
use crate::Stored;

/// Which episodes a scope sees, as SQL over `outcome_episodes e` with `$1` the organisation,
/// `$2` the user and `$3` whether they administer it.
pub(crate) const VISIBLE: &str = "e.org_id = $1 AND ($3 OR e.practitioner_id = $2 OR e.unit_id IN \
    (SELECT unit_id FROM unit_members WHERE user_id = $2 AND manages))";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Episode {
    pub id: i64,
    pub participant_id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub practitioner_id: i64,
    pub initiative_id: Option<i64>,
    pub starts_on: Date,
    pub ended: Option<(Date, EndReason)>,
}

#[derive(sqlx::FromRow)]
struct EpisodeRow {
    id: i64,
    participant_id: i64,
    unit_id: i64,
    unit_name: String,
    practitioner_id: i64,
    initiative_id: Option<i64>,
    starts_on: String,
    ends_on: Option<String>,
    end_reason: Option<Stored<EndReason>>,
}

impl EpisodeRow {
    fn into_episode(self) -> Option<Episode> {
        Some(Episode {
            id: self.id,
            participant_id: self.participant_id,
            unit_id: self.unit_id,
            unit_name: self.unit_name,
            practitioner_id: self.practitioner_id,
            initiative_id: self.initiative_id,
            starts_on: date_of(Some(self.starts_on))?,
            ended: date_of(self.ends_on).zip(self.end_reason.map(|r| r.0)),
        })
    }
}

const SELECT: &str = "SELECT e.id, e.participant_id, e.unit_id, e.practitioner_id, e.initiative_id, e.starts_on, \
    e.ends_on, e.end_reason, eu.name AS unit_name FROM outcome_episodes e JOIN units eu ON eu.id = e.unit_id";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpisodeDraft {
    pub participant_id: i64,
    pub unit_id: i64,
    pub practitioner_id: i64,
    pub initiative_id: Option<i64>,
    pub starts_on: Date,
}

/// Opens an episode for a participant the scope sees, in a unit of the organisation, with a
/// practitioner of that unit. A practitioner opens their own; a unit's manager or an
/// administrator opens them for any practitioner of the unit.
pub async fn open_episode(db: &Db, scope: &OrgScope, draft: &EpisodeDraft, today: Date) -> StoreResult<i64> {
    use parat_core::organisation::Role;
    crate::participants::open(db, scope, draft.participant_id).await?;
    if draft.starts_on > today {
        return Err(StoreError::Invalid(parat_core::FieldErrors::single(
            "starts_on",
            parat_core::Problem::DateInFuture,
        )));
    }
    let manages = manages_unit(db, scope, draft.unit_id).await?;
    let own = scope.role() == Role::Practitioner && draft.practitioner_id == scope.user_id();
    if !(own || manages || scope.role().can_administer()) {
        return Err(StoreError::Forbidden);
    }
    if let Some(initiative_id) = draft.initiative_id {
        // An archived initiative is still the organisation's: an episode may be registered late.
        match crate::initiatives::get(db, scope, initiative_id).await {
            Ok(_) => {}
            Err(StoreError::NotFound) => {
                return Err(StoreError::Invalid(parat_core::FieldErrors::single(
                    "initiative_id",
                    parat_core::Problem::UnknownChoice,
                )))
            }
            Err(other) => return Err(other),
        }
    }
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        // The unit is the organisation's and the practitioner works in it.
        let row: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO outcome_episodes (org_id, participant_id, unit_id, practitioner_id, initiative_id, starts_on, \
             created_at) SELECT u.org_id, $2, u.id, m.user_id, $5, $6, $7 FROM units u \
             JOIN unit_members m ON m.unit_id = u.id AND m.user_id = $4 WHERE u.id = $3 AND u.org_id = $1 \
             AND ($5 IS NULL OR EXISTS (SELECT 1 FROM initiatives i WHERE i.id = $5 AND i.org_id = $1)) RETURNING id",
        )
        .bind(scope.org_id())
        .bind(draft.participant_id)
        .bind(draft.unit_id)
        .bind(draft.practitioner_id)
        .bind(draft.initiative_id)
        .bind(draft.starts_on.to_string())
        .bind(now())
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id,)) = row else {
            return Err(StoreError::Invalid(parat_core::FieldErrors::single(
                "practitioner_id",
                parat_core::Problem::UnknownChoice,
            )));
        };
        let entry = AuditEntry::scoped(scope, "create", "episode", id).after(&serde_json::json!({
            "participant_id": draft.participant_id, "unit_id": draft.unit_id,
            "practitioner_id": draft.practitioner_id, "initiative_id": draft.initiative_id,
            "starts_on": draft.starts_on.to_string(),
        }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<i64, StoreError>(id)
    })
}

async fn manages_unit(db: &Db, scope: &OrgScope, unit_id: i64) -> StoreResult<bool> {
    let row: Option<(i64,)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT m.unit_id FROM unit_members m JOIN units u ON u.id = m.unit_id \
         WHERE m.unit_id = $1 AND m.user_id = $2 AND m.manages AND u.org_id = $3"
    )
    .bind(unit_id)
    .bind(scope.user_id())
    .bind(scope.org_id())
    .fetch_optional(pool)
    .await?);
    Ok(row.is_some())
}

/// An episode the scope sees.
pub(crate) async fn find(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Episode> {
    let row: Option<EpisodeRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT} WHERE {VISIBLE} AND e.id = $4"))
            .bind(scope.org_id())
            .bind(scope.user_id())
            .bind(scope.role().can_administer())
            .bind(id)
            .fetch_optional(pool)
            .await?);
    row.and_then(EpisodeRow::into_episode).ok_or(StoreError::NotFound)
}

/// An episode the scope sees.
pub async fn episode(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Episode> {
    find(db, scope, id).await
}

/// Every episode the scope sees, newest first.
pub(super) async fn visible(db: &Db, scope: &OrgScope) -> StoreResult<Vec<Episode>> {
    let rows: Vec<EpisodeRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT} WHERE {VISIBLE} ORDER BY e.starts_on DESC, e.id DESC"
    ))
    .bind(scope.org_id())
    .bind(scope.user_id())
    .bind(scope.role().can_administer())
    .fetch_all(pool)
    .await?);
    Ok(rows.into_iter().filter_map(EpisodeRow::into_episode).collect())
}

/// A participant's episodes the scope sees, newest first.
pub async fn episodes_of(db: &Db, scope: &OrgScope, participant_id: i64) -> StoreResult<Vec<Episode>> {
    let rows: Vec<EpisodeRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT} WHERE {VISIBLE} AND e.participant_id = $4 ORDER BY e.starts_on DESC, e.id DESC"
    ))
    .bind(scope.org_id())
    .bind(scope.user_id())
    .bind(scope.role().can_administer())
    .bind(participant_id)
    .fetch_all(pool)
    .await?);
    Ok(rows.into_iter().filter_map(EpisodeRow::into_episode).collect())
}

/// Ends an episode with its reason, on or after its start and its last session, not in the
/// future.
pub async fn close_episode(
    db: &Db,
    scope: &OrgScope,
    id: i64,
    ends_on: Date,
    reason: EndReason,
    today: Date,
) -> StoreResult<()> {
    let episode = find(db, scope, id).await?;
    let invalid = |problem| StoreError::Invalid(parat_core::FieldErrors::single("ends_on", problem));
    if ends_on > today {
        return Err(invalid(parat_core::Problem::DateInFuture));
    }
    let last: Option<(String,)> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT MAX(held_on) FROM outcome_sessions WHERE episode_id = $1 HAVING COUNT(*) > 0"
    )
    .bind(id)
    .fetch_optional(pool)
    .await?);
    let latest = date_of(last.map(|(d,)| d)).map_or(episode.starts_on, |d| d.max(episode.starts_on));
    if ends_on < latest {
        return Err(invalid(parat_core::Problem::EndBeforeStart));
    }
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE outcome_episodes SET ends_on = $1, end_reason = $2 WHERE id = $3")
            .bind(ends_on.to_string())
            .bind(reason.key())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let entry = AuditEntry::scoped(scope, "update", "episode", id)
            .before(&serde_json::json!({"ends_on": episode.ended.map(|(d, _)| d.to_string())}))
            .after(&serde_json::json!({"ends_on": ends_on.to_string(), "end_reason": reason.key()}));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok::<(), StoreError>(())
    })
}

/// A unit's episodes, each with its participant's age group and its sessions' ratings in date
/// order, for its reports.
#[derive(Debug, Clone, Default)]
pub struct UnitRecords {
    pub episodes: Vec<(Episode, AgeGroup, Dated)>,
}

/// How the ended episodes that name an initiative came out, per initiative, for the project's
/// counted indicators: the episodes `e` where `condition` holds for `$1`, each under its own
/// organisation's settings. Only a date and its course leave here, no person, so the read is
/// not one of personal data.
pub(crate) async fn initiative_outcomes(
    db: &Db,
    condition: &str,
    id: i64,
) -> StoreResult<HashMap<i64, Vec<parat_core::project::OutcomeEnd>>> {
    let condition = format!("e.initiative_id IS NOT NULL AND e.ends_on IS NOT NULL AND {condition}");
    let rows: Vec<(i64, i64, i64, String, Stored<AgeGroup>)> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "SELECT e.id, e.org_id, e.initiative_id, e.ends_on, p.age_group FROM outcome_episodes e \
         JOIN participants p ON p.id = e.participant_id WHERE {condition}"
    ))
    .bind(id)
    .fetch_all(pool)
    .await?);
    if rows.is_empty() {
        return Ok(HashMap::new());
    }
    let ratings = super::sessions::ratings_by_episode(db, &condition, id).await?;
    let mut settings: HashMap<i64, parat_core::outcomes::Settings> = HashMap::new();
    for (_, org_id, ..) in &rows {
        if let std::collections::hash_map::Entry::Vacant(entry) = settings.entry(*org_id) {
            entry.insert(super::settings(db, *org_id).await?);
        }
    }
    let defaults = parat_core::outcomes::Settings::default();
    let mut ends: HashMap<i64, Vec<parat_core::project::OutcomeEnd>> = HashMap::new();
    for (episode_id, org_id, initiative_id, ends_on, age_group) in rows {
        let Some(ended_on) = date_of(Some(ends_on)) else { continue };
        let org_settings = settings.get(&org_id).unwrap_or(&defaults);
        let sessions = ratings.get(&episode_id).map(Vec::as_slice).unwrap_or(&[]);
        let end =
            parat_core::project::OutcomeEnd::of(org_settings, age_group.0, ended_on, sessions.iter().map(|(_, r)| r));
        ends.entry(initiative_id).or_default().push(end);
    }
    Ok(ends)
}

/// Sessions' ratings with their dates, in date order.
pub type Dated = Vec<(Date, Ratings)>;

/// Every episode of a unit of the organisation, for aggregate reports (which hide groups of
/// fewer than five participants); any member reads them, and the read is audited.
pub async fn unit_records(db: &Db, scope: &OrgScope, unit_id: i64) -> StoreResult<UnitRecords> {
    super::unit(db, scope, unit_id).await?;
    let rows: Vec<EpisodeRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{SELECT} JOIN units u ON u.id = e.unit_id WHERE u.org_id = $1 AND u.id = $2 ORDER BY e.id"
    ))
    .bind(scope.org_id())
    .bind(unit_id)
    .fetch_all(pool)
    .await?);
    let mut sessions = super::sessions::ratings_of_unit(db, unit_id).await?;
    let age_groups: Vec<(i64, Stored<AgeGroup>)> = on_reader!(db, |pool| {
        sqlx::query_as(
        "SELECT e.id, p.age_group FROM outcome_episodes e JOIN participants p ON p.id = e.participant_id WHERE e.unit_id = $1"
    )
    .bind(unit_id)
    .fetch_all(pool)
    .await?
    });
    let age_groups: std::collections::HashMap<i64, AgeGroup> =
        age_groups.into_iter().map(|(id, g)| (id, g.0)).collect();
    let episodes = rows
        .into_iter()
        .filter_map(EpisodeRow::into_episode)
        .filter_map(|episode| {
            let ratings = sessions.remove(&episode.id).unwrap_or_default();
            Some((episode.clone(), *age_groups.get(&episode.id)?, ratings))
        })
        .collect();
    audit::log_read(db, AuditEntry::scoped(scope, "read", "unit_report", unit_id)).await?;
    Ok(UnitRecords { episodes })
}
