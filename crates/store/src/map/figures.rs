//! A map's computed figures — measures, usefulness by agency, questions worth raising — under
//! the map's revision, which every change to what the map holds raises. At national scale
//! betweenness alone takes a second, so the figures are computed once per revision, off the
//! request path:
//! - right after each change ([`refresh`]), so that the next view finds them ready;
//! - at most once at a time per revision in a process: a view arriving while they are being
//!   computed waits for that computation instead of starting its own;
//! - kept in the database (`map_figures`), so that a restart or another app server reads them
//!   instead of computing them again, and per process for the views after that.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use parat_core::map::measures::Measures;
use parat_core::map::suggestions::MeetingUsefulness;
use parat_core::map::Suggestion;
use serde::Deserialize;
use tokio::sync::OnceCell;

use super::*;
use crate::memo::Memo;
use crate::DbIdentity;

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub measures: Measures,
    pub usefulness: Vec<MeetingUsefulness>,
    pub suggestions: Vec<Suggestion>,
    /// The heaviest ties, as pairs of actor ids with the hours a year they share, for the
    /// actor–actor picture.
    pub ties: Vec<(i64, i64, f64)>,
}

/// The most ties the pictures draw.
pub const TIES_DRAWN: usize = 20_000;

type Key = (DbIdentity, i64, i64);
/// Where the callers of one computation meet.
type Shared = Arc<OnceCell<Arc<Figures>>>;
/// One per map: the refreshes after its changes take turns on it.
type Queue = Arc<tokio::sync::Mutex<()>>;

fn kept() -> &'static Memo<Key, Arc<Figures>> {
    static KEPT: Memo<Key, Arc<Figures>> = Memo::new(200);
    &KEPT
}

/// The computations under way (or just finished), one per key: whoever comes first computes,
/// the others wait on the same cell.
fn under_way() -> &'static Mutex<HashMap<Key, Shared>> {
    static UNDER_WAY: std::sync::OnceLock<Mutex<HashMap<Key, Shared>>> = std::sync::OnceLock::new();
    UNDER_WAY.get_or_init(Default::default)
}

/// The map's figures as of its revision: kept, stored, being computed, or computed now.
pub async fn figures(db: &Db, map: &Map) -> StoreResult<Arc<Figures>> {
    let key = (db.identity(), map.id, map.revision);
    if let Some(found) = kept().get(&key) {
        return Ok(found);
    }
    let cell = under_way()
        .lock()
        .map_err(|_| StoreError::Unsupported("the map's figures were left half-computed"))?
        .entry(key.clone())
        .or_default()
        .clone();
    // Done, failed or abandoned, the next call starts from the kept figures or afresh.
    let _leave = Leave(key.clone());
    let found = cell.get_or_try_init(|| stored_or_computed(db, map)).await.cloned();
    if let Ok(figures) = &found {
        kept().put(key, figures.clone());
    }
    found
}

/// Whether figures are of the map as it is, or of the map before its latest changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    Current,
    /// The figures stored before the latest change, shown while those after it are computed.
    Updating,
}

/// How long a page waits by default for figures being computed before it shows the earlier ones:
/// a small map's are ready long before; a national one's take a second.
pub const DEFAULT_FIGURES_WAIT: std::time::Duration = std::time::Duration::from_millis(400);

/// The map's figures for a page that should not wait long: the current ones when ready or ready
/// within `wait`; else, while they are being computed, the ones stored before the latest change,
/// marked [`Freshness::Updating`]. A map that never had figures stored waits for its first.
pub async fn figures_for_view(db: &Db, map: &Map, wait: std::time::Duration) -> StoreResult<(Arc<Figures>, Freshness)> {
    if let Some(found) = kept().get(&(db.identity(), map.id, map.revision)) {
        return Ok((found, Freshness::Current));
    }
    match latest_stored(db, map).await? {
        Some((revision, earlier)) if revision < map.revision => {
            // Computed in a task of its own, so that it goes on when the wait is over (and joins
            // the refresh after the change when that is under way).
            let computing = tokio::spawn({
                let (db, map) = (db.clone(), map.clone());
                async move { figures(&db, &map).await }
            });
            match tokio::time::timeout(wait, computing).await {
                Ok(Ok(current)) => Ok((current?, Freshness::Current)),
                Ok(Err(_)) => Err(StoreError::Unsupported("the map's measures stopped unexpectedly")),
                Err(_) => Ok((Arc::new(earlier), Freshness::Updating)),
            }
        }
        _ => Ok((figures(db, map).await?, Freshness::Current)),
    }
}

/// Takes a computation off the list of those under way when its caller is done with it, also
/// when the caller's request is dropped halfway.
struct Leave(Key);

impl Drop for Leave {
    fn drop(&mut self) {
        if let Ok(mut under_way) = under_way().lock() {
            under_way.remove(&self.0);
        }
    }
}

/// Starts computing a map's figures in the background after a change to it has been committed,
/// so that the next view finds them ready. Changes in quick succession queue behind one another
/// and compute only the latest revision: a burst costs at most two computations.
pub(crate) fn refresh(db: &Db, org_id: i64, map_id: i64) {
    let db = db.clone();
    tokio::spawn(async move {
        let queue = queue_of(&db, map_id);
        let _turn = queue.lock().await;
        if let Err(error) = make_ready(&db, org_id, map_id).await {
            tracing::warn!(map = map_id, %error, "computing a map's figures after a change failed");
        }
    });
}

/// Computes (or finds) the figures of the map as it is now, not as it was at the change: changes
/// queued behind a computation share the next one.
pub(crate) async fn make_ready(db: &Db, org_id: i64, map_id: i64) -> StoreResult<()> {
    let row: Option<MapRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT_MAP} WHERE org_id = $1 AND id = $2"))
            .bind(org_id)
            .bind(map_id)
            .fetch_optional(pool)
            .await?);
    if let Some(row) = row {
        figures(db, &row.into_map_of(org_id, false)).await?;
    }
    Ok(())
}

/// One queue per map for [`refresh`].
fn queue_of(db: &Db, map_id: i64) -> Queue {
    static QUEUES: std::sync::OnceLock<Mutex<HashMap<(DbIdentity, i64), Queue>>> = std::sync::OnceLock::new();
    let mut queues = QUEUES.get_or_init(Default::default).lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // Bounded like the kept figures: a queue nobody holds is as good as a new one.
    if queues.len() >= 1_000 {
        queues.retain(|_, queue| Arc::strong_count(queue) > 1);
    }
    queues.entry((db.identity(), map_id)).or_default().clone()
}

async fn stored_or_computed(db: &Db, map: &Map) -> StoreResult<Arc<Figures>> {
    if let Some(stored) = stored(db, map).await? {
        return Ok(Arc::new(stored));
    }
    // Read after the revision: what is read is as new as the revision or newer, never older.
    let input = super::network(db, map).await?;
    let computed = tokio::task::spawn_blocking(move || compute(&input))
        .await
        .map_err(|_| StoreError::Unsupported("the map's measures stopped unexpectedly"))?
        .map_err(|e| StoreError::Refused(e.to_string()))?;
    // Kept per process all the same when storing fails: the figures are right, only not shared.
    if let Err(error) = store(db, map, &computed).await {
        tracing::warn!(map = map.id, %error, "storing a map's figures failed");
    }
    Ok(Arc::new(computed))
}

fn compute(input: &parat_core::map::NetworkInput) -> Result<Figures, parat_core::map::NetworkError> {
    let network = input.parse()?;
    Ok(Figures {
        measures: parat_core::map::measures(&network)?,
        usefulness: parat_core::map::usefulness_by_agency(&network),
        suggestions: parat_core::map::suggestions(&network),
        ties: parat_core::map::measures::heaviest_ties(&network, TIES_DRAWN)
            .into_iter()
            .filter_map(|t| {
                let id = |position: usize| network.actors[position].id.parse::<i64>().ok();
                Some((id(t.first)?, id(t.second)?, t.hours_per_year))
            })
            .collect(),
    })
}

/// The figures stored for the map's revision; none when they are missing, older, or no longer
/// readable (written by an earlier version of Parat), and then they are computed again.
async fn stored(db: &Db, map: &Map) -> StoreResult<Option<Figures>> {
    let row: Option<(String,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT figures FROM map_figures WHERE map_id = $1 AND revision = $2")
            .bind(map.id)
            .bind(map.revision)
            .fetch_optional(pool)
            .await?);
    Ok(row.and_then(|(json,)| serde_json::from_str(&json).ok()))
}

/// The figures last stored for the map, of whichever revision, when still readable.
async fn latest_stored(db: &Db, map: &Map) -> StoreResult<Option<(i64, Figures)>> {
    let row: Option<(i64, String)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT revision, figures FROM map_figures WHERE map_id = $1")
            .bind(map.id)
            .fetch_optional(pool)
            .await?);
    Ok(row.and_then(|(revision, json)| Some((revision, serde_json::from_str(&json).ok()?))))
}

/// Stores the figures unless figures of a later revision were stored meanwhile (those of the
/// same revision are the same figures, or unreadable ones).
async fn store(db: &Db, map: &Map, figures: &Figures) -> StoreResult<()> {
    let json = serde_json::to_string(figures).map_err(|e| StoreError::Refused(e.to_string()))?;
    on_writer!(db, |pool| sqlx::query(
        "INSERT INTO map_figures (map_id, revision, figures) VALUES ($1, $2, $3) \
         ON CONFLICT (map_id) DO UPDATE SET revision = excluded.revision, figures = excluded.figures \
         WHERE map_figures.revision <= excluded.revision"
    )
    .bind(map.id)
    .bind(map.revision)
    .bind(json)
    .execute(pool)
    .await?
    .rows_affected());
    Ok(())
}
