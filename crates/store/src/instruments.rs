//! Instrument definitions an organisation loads itself — for example the official handbook
//! texts it holds a licence for — in the same format as the ones Parat ships.

use parat_core::locale::Locale;
use parat_core::readiness::instrument::Instrument;
use serde::Serialize;

use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, StoreError, StoreResult};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct OwnInstrument {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
}

impl OwnInstrument {
    /// The key assessments use for it.
    pub fn key(&self) -> String {
        format!("org-{}", self.id)
    }
}

/// The organisation's own instruments.
pub async fn list(db: &Db, scope: &OrgScope) -> StoreResult<Vec<OwnInstrument>> {
    let rows = on_reader!(db, |pool| sqlx::query_as::<_, OwnInstrument>(
        "SELECT id, name, created_at FROM org_instruments WHERE org_id = $1 ORDER BY id"
    )
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    Ok(rows)
}

/// Stores a definition after checking it, and that assessments can score by it. Administrators only.
pub async fn create(db: &Db, scope: &OrgScope, definition: &str) -> StoreResult<i64> {
    if !scope.role().can_administer() {
        return Err(StoreError::Forbidden);
    }
    let instrument = Instrument::from_toml(definition).map_err(|e| StoreError::Refused(e.to_string()))?;
    instrument.scoring_edition().map_err(|e| StoreError::Refused(e.to_string()))?;
    let name = instrument.name.get(Locale::Sv).to_owned();
    store_definition(db, scope, ("org_instruments", "instrument"), &name, definition).await
}

/// Stores a checked definition an organisation loaded (an instrument, a framework) in `table`,
/// with its audit entry as `entity`; returns its id.
pub(crate) async fn store_definition(
    db: &Db,
    scope: &OrgScope,
    (table, entity): (&'static str, &'static str),
    name: &str,
    definition: &str,
) -> StoreResult<i64> {
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(&format!(
            "INSERT INTO {table} (org_id, name, definition, created_at) VALUES ($1, $2, $3, $4) RETURNING id"
        ))
        .bind(scope.org_id())
        .bind(name)
        .bind(definition)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "create", entity, id).after(&serde_json::json!({ "name": name }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok(id)
}

/// The stored definition of one of the organisation's own instruments.
pub async fn definition(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<String> {
    let row: Option<(String,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT definition FROM org_instruments WHERE org_id = $1 AND id = $2")
            .bind(scope.org_id())
            .bind(id)
            .fetch_optional(pool)
            .await?);
    row.map(|(text,)| text).ok_or(StoreError::NotFound)
}
