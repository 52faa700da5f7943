//! Expected progress from the organisation's own closed episodes (`parat_core::outcomes::
//! trajectories`), kept in `outcome_trajectories` so that a participant's page reads eight small
//! bands instead of every episode. Computed when first asked for; then again, in the background,
//! once the kept bands are an hour old: one more closed episode hardly moves a band of thirty,
//! and the page says when they were computed.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use parat_core::outcomes::trajectories::{trajectories, Band, DEFAULT_MIN_EPISODES};
use parat_core::outcomes::{AgeGroup, EndReason, EpisodeRecord};

use super::episodes::Dated;
use super::*;
use crate::db::DbIdentity;
use crate::memo::Memo;
use crate::stored::date_of;
use crate::Stored;

/// How old kept bands may grow before they are computed again.
pub const TRAJECTORIES_MAX_AGE_SECONDS: i64 = 60 * 60;

/// The organisation's bands and when they were computed (Unix seconds).
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub bands: Vec<Band>,
    pub computed_at: i64,
}

type Key = (DbIdentity, i64, i64);

#[derive(sqlx::FromRow)]
struct ClosedRow {
    id: i64,
    participant_id: i64,
    age_group: Stored<AgeGroup>,
    starts_on: String,
    ends_on: Option<String>,
    end_reason: Option<Stored<EndReason>>,
}

fn kept() -> &'static Memo<Key, Arc<Expected>> {
    static KEPT: Memo<Key, Arc<Expected>> = Memo::new(1_000);
    &KEPT
}

/// Organisations whose bands are being computed again in this process.
fn refreshing() -> &'static Mutex<HashSet<(DbIdentity, i64)>> {
    static REFRESHING: OnceLock<Mutex<HashSet<(DbIdentity, i64)>>> = OnceLock::new();
    REFRESHING.get_or_init(Default::default)
}

/// The organisation's expected progress: kept, stored, or (the first time) computed now. Bands
/// an hour old are shown while newer ones are computed in the background.
pub async fn expected(db: &Db, org_id: i64) -> StoreResult<Arc<Expected>> {
    let stored: Option<(i64,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT computed_at FROM outcome_trajectories WHERE org_id = $1")
            .bind(org_id)
            .fetch_optional(pool)
            .await?);
    let Some((computed_at,)) = stored else { return first_computation(db, org_id).await };
    if computed_at + TRAJECTORIES_MAX_AGE_SECONDS < now() {
        refresh(db, org_id);
    }
    let key = (db.identity(), org_id, computed_at);
    if let Some(found) = kept().get(&key) {
        return Ok(found);
    }
    let row: Option<(i64, String)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT computed_at, bands FROM outcome_trajectories WHERE org_id = $1")
            .bind(org_id)
            .fetch_optional(pool)
            .await?);
    match row.and_then(|(computed_at, json)| Some((computed_at, serde_json::from_str::<Vec<Band>>(&json).ok()?))) {
        Some((computed_at, bands)) => {
            let found = Arc::new(Expected { bands, computed_at });
            kept().put((db.identity(), org_id, computed_at), found.clone());
            Ok(found)
        }
        // Removed or unreadable meanwhile: computed afresh.
        None => first_computation(db, org_id).await,
    }
}

/// One per organisation: the first views of an organisation's pages, arriving together, wait for
/// one computation instead of each reading every closed episode.
type Turns = Mutex<HashMap<(DbIdentity, i64), Arc<tokio::sync::Mutex<()>>>>;

fn first_computations() -> &'static Turns {
    static FIRST: OnceLock<Turns> = OnceLock::new();
    FIRST.get_or_init(Default::default)
}

async fn first_computation(db: &Db, org_id: i64) -> StoreResult<Arc<Expected>> {
    let turn = first_computations()
        .lock()
        .map_err(|_| StoreError::Unsupported("the expected progress was left half-computed"))?
        .entry((db.identity(), org_id))
        .or_default()
        .clone();
    let _turn = turn.lock().await;
    // Whoever waited finds the bands the first one stored.
    let stored: Option<(i64, String)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT computed_at, bands FROM outcome_trajectories WHERE org_id = $1")
            .bind(org_id)
            .fetch_optional(pool)
            .await?);
    if let Some((computed_at, bands)) = stored.and_then(|(at, json)| Some((at, serde_json::from_str(&json).ok()?))) {
        return Ok(Arc::new(Expected { bands, computed_at }));
    }
    compute_and_store(db, org_id).await
}

/// Computes the bands again in the background, once at a time per organisation in a process.
fn refresh(db: &Db, org_id: i64) {
    let key = (db.identity(), org_id);
    let Ok(mut under_way) = refreshing().lock() else { return };
    if !under_way.insert(key.clone()) {
        return;
    }
    drop(under_way);
    let db = db.clone();
    tokio::spawn(async move {
        if let Err(error) = compute_and_store(&db, org_id).await {
            tracing::warn!(%error, org_id, "computing the expected progress failed");
        }
        if let Ok(mut under_way) = refreshing().lock() {
            under_way.remove(&key);
        }
    });
}

/// Computes the organisation's bands from its closed episodes and stores them.
pub async fn compute_and_store(db: &Db, org_id: i64) -> StoreResult<Arc<Expected>> {
    let settings = super::settings(db, org_id).await?;
    let mut ratings = super::sessions::ratings_of_closed(db, org_id).await?;
    let rows: Vec<ClosedRow> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT e.id, e.participant_id, p.age_group, e.starts_on, e.ends_on, e.end_reason \
         FROM outcome_episodes e JOIN participants p ON p.id = e.participant_id \
         WHERE e.org_id = $1 AND e.ends_on IS NOT NULL"
    )
    .bind(org_id)
    .fetch_all(pool)
    .await?);
    let closed: Vec<(ClosedRow, Dated)> = rows
        .into_iter()
        .map(|row| {
            let sessions = ratings.remove(&row.id).unwrap_or_default();
            (row, sessions)
        })
        .collect();
    let records: Vec<EpisodeRecord> = closed
        .iter()
        .filter_map(|(row, sessions)| {
            Some(EpisodeRecord {
                participant: row.participant_id,
                age_group: row.age_group.0,
                started: date_of(Some(row.starts_on.clone()))?,
                ended: date_of(row.ends_on.clone()).zip(row.end_reason.map(|r| r.0)),
                sessions,
            })
        })
        .collect();
    let bands = trajectories(&settings, &records, DEFAULT_MIN_EPISODES);
    let computed_at = now();
    let json = serde_json::to_string(&bands)
        .map_err(|_| StoreError::Unsupported("the expected progress could not be written"))?;
    on_writer!(db, |pool| sqlx::query(
        "INSERT INTO outcome_trajectories (org_id, computed_at, bands) VALUES ($1, $2, $3) \
         ON CONFLICT (org_id) DO UPDATE SET computed_at = excluded.computed_at, bands = excluded.bands"
    )
    .bind(org_id)
    .bind(computed_at)
    .bind(&json)
    .execute(pool)
    .await?
    .rows_affected());
    let expected = Arc::new(Expected { bands, computed_at });
    kept().put((db.identity(), org_id, computed_at), expected.clone());
    Ok(expected)
}
