//! A map's computed figures — measures, usefulness by agency, questions worth raising — kept
//! per process under the map's revision, which every change to what the map holds raises: at
//! national scale betweenness takes a second, and a map is read far more often than changed.

use std::sync::Arc;

use parat_core::map::measures::Measures;
use parat_core::map::suggestions::MeetingUsefulness;
use parat_core::map::Suggestion;

use super::*;
use crate::memo::Memo;
use crate::DbIdentity;

#[derive(Debug)]
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

fn kept() -> &'static Memo<Key, Arc<Figures>> {
    static KEPT: Memo<Key, Arc<Figures>> = Memo::new(200);
    &KEPT
}

/// The map's figures as of its revision, computed off the request threads when not kept.
pub async fn figures(db: &Db, map: &Map) -> StoreResult<Arc<Figures>> {
    let key = (db.identity(), map.id, map.revision);
    if let Some(found) = kept().get(&key) {
        return Ok(found);
    }
    // Read after the revision: what is read is as new as the key or newer, never older.
    let input = super::network(db, map).await?;
    let computed = tokio::task::spawn_blocking(move || {
        let network = input.parse()?;
        Ok::<_, parat_core::map::NetworkError>(Figures {
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
    })
    .await
    .map_err(|_| StoreError::Unsupported("the map's measures stopped unexpectedly"))?
    .map_err(|e| StoreError::Refused(e.to_string()))?;
    let computed = Arc::new(computed);
    kept().put(key, computed.clone());
    Ok(computed)
}
