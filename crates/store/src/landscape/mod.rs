//! The implementation landscape in the store: which framework an initiative follows and the
//! organisation's own frameworks (this file); factor assessments (`factors`); the reflection
//! checklist (`questions`); the kept changes (`history`); the planning tools, written the same
//! way (`records`): goals, the theory of change, stakeholders, milestones and risks.
//!
//! Every function starts from a [`Landscape`], which only [`open`] makes, from an initiative of
//! the scope's organisation: another organisation's initiative is `NotFound`.

use std::sync::{Arc, OnceLock};

use parat_core::landscape::{builtin_framework, Framework};
use parat_core::locale::Locale;
use serde::Serialize;

use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::memo::Memo;
use crate::owners::owner_of;
use crate::{now, Db, DbIdentity, OrgScope, StoreError, StoreResult};

mod factors;
mod goals;
mod history;
mod milestones;
mod portfolio;
mod questions;
mod readiness;
mod records;
mod risks;
mod stakeholders;
mod theory;

pub use factors::*;
pub use goals::*;
pub use history::*;
pub use milestones::*;
pub use portfolio::*;
pub use questions::*;
pub use readiness::*;
pub use records::*;
pub use risks::*;
pub use stakeholders::*;
pub use theory::*;

/// The key of the framework Parat ships.
pub const BUILTIN_KEY: &str = "landscape";

/// An initiative's landscape, opened in a scope: the initiative, its framework, and whether the
/// scope may change it.
#[derive(Debug, Clone)]
pub struct Landscape {
    pub initiative_id: i64,
    pub initiative_name: String,
    pub framework_key: String,
    pub can_edit: bool,
    framework: Arc<Framework>,
}

impl Landscape {
    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    fn require_edit(&self) -> StoreResult<()> {
        if self.can_edit {
            Ok(())
        } else {
            Err(StoreError::Forbidden)
        }
    }
}

/// The landscape of one of the scope's initiatives.
pub async fn open(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Landscape> {
    let row: Option<(String, String)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT name, framework FROM initiatives WHERE id = $1 AND org_id = $2")
            .bind(initiative_id)
            .bind(scope.org_id())
            .fetch_optional(pool)
            .await?);
    let (initiative_name, framework_key) = row.ok_or(StoreError::NotFound)?;
    let framework = framework_by_key(db, scope, &framework_key).await?;
    Ok(Landscape {
        initiative_id,
        initiative_name,
        framework_key,
        can_edit: scope.role().can_edit_initiatives(),
        framework,
    })
}

/// Parsed own frameworks by database and id. A stored definition never changes, so a parse is
/// kept for good.
fn parsed_frameworks() -> &'static Memo<(DbIdentity, i64), Arc<Framework>> {
    static KEPT: Memo<(DbIdentity, i64), Arc<Framework>> = Memo::new(10_000);
    &KEPT
}

fn builtin() -> Arc<Framework> {
    static BUILTIN: OnceLock<Arc<Framework>> = OnceLock::new();
    BUILTIN.get_or_init(|| Arc::new(builtin_framework().clone())).clone()
}

/// The framework with `key`: Parat's, or one of the scope's organisation's own (`org-<id>`).
pub async fn framework_by_key(db: &Db, scope: &OrgScope, key: &str) -> StoreResult<Arc<Framework>> {
    if key == BUILTIN_KEY {
        return Ok(builtin());
    }
    let id = key.strip_prefix("org-").and_then(|id| id.parse::<i64>().ok()).ok_or(StoreError::NotFound)?;
    // The organisation check is a query every time; the definition is read and parsed once.
    let owned: Option<(i64,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT id FROM org_frameworks WHERE org_id = $1 AND id = $2")
            .bind(scope.org_id())
            .bind(id)
            .fetch_optional(pool)
            .await?);
    owned.ok_or(StoreError::NotFound)?;
    own_framework(db, id).await
}

/// The own framework with `id`, whichever organisation's: read and parsed once, then kept.
/// Callers check first that the reader may see it.
async fn own_framework(db: &Db, id: i64) -> StoreResult<Arc<Framework>> {
    if let Some(found) = parsed_frameworks().get(&(db.identity(), id)) {
        return Ok(found);
    }
    let (source,): (String,) =
        on_reader!(db, |pool| sqlx::query_as("SELECT definition FROM org_frameworks WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?)
        .ok_or(StoreError::NotFound)?;
    // Stored definitions passed the checks when loaded; one that no longer parses is refused.
    let framework = Arc::new(Framework::from_toml(&source).map_err(|e| StoreError::Refused(e.to_string()))?);
    parsed_frameworks().put((db.identity(), id), framework.clone());
    Ok(framework)
}

/// A framework an organisation loaded itself.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct OwnFramework {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
}

impl OwnFramework {
    /// The key initiatives use for it.
    pub fn key(&self) -> String {
        format!("org-{}", self.id)
    }
}

/// The organisation's own frameworks.
pub async fn own_frameworks(db: &Db, scope: &OrgScope) -> StoreResult<Vec<OwnFramework>> {
    let rows = on_reader!(db, |pool| sqlx::query_as::<_, OwnFramework>(
        "SELECT id, name, created_at FROM org_frameworks WHERE org_id = $1 ORDER BY id"
    )
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    Ok(rows)
}

/// Stores a framework definition after checking it. Administrators only.
pub async fn create_own_framework(db: &Db, scope: &OrgScope, definition: &str) -> StoreResult<i64> {
    if !scope.role().can_administer() {
        return Err(StoreError::Forbidden);
    }
    let framework = Framework::from_toml(definition).map_err(|e| StoreError::Refused(e.to_string()))?;
    let name = framework.name.get(Locale::Sv).to_owned();
    crate::instruments::store_definition(db, scope, ("org_frameworks", "framework"), &name, definition).await
}

/// The stored definition of one of the organisation's own frameworks.
pub async fn own_definition(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<String> {
    let row: Option<(String,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT definition FROM org_frameworks WHERE org_id = $1 AND id = $2")
            .bind(scope.org_id())
            .bind(id)
            .fetch_optional(pool)
            .await?);
    row.map(|(text,)| text).ok_or(StoreError::NotFound)
}

/// Lets the initiative follow another framework. Only before anything is recorded: the
/// records are keyed by the framework's factors and questions.
pub async fn choose_framework(db: &Db, scope: &OrgScope, landscape: &Landscape, key: &str) -> StoreResult<()> {
    landscape.require_edit()?;
    framework_by_key(db, scope, key).await.map_err(|e| match e {
        StoreError::NotFound => StoreError::field("framework", parat_core::Problem::UnknownChoice),
        other => other,
    })?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (recorded,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM landscape_changes WHERE initiative_id = $1")
            .bind(landscape.initiative_id)
            .fetch_one(&mut *tx)
            .await?;
        if recorded > 0 {
            return Err(StoreError::Closed);
        }
        sqlx::query("UPDATE initiatives SET framework = $1 WHERE id = $2 AND org_id = $3")
            .bind(key)
            .bind(landscape.initiative_id)
            .bind(scope.org_id())
            .execute(&mut *tx)
            .await?;
        let entry = AuditEntry::scoped(scope, "update", "initiative_framework", landscape.initiative_id)
            .before(&serde_json::json!({ "framework": landscape.framework_key }))
            .after(&serde_json::json!({ "framework": key }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}

fn date_of(raw: Option<String>) -> Option<time::Date> {
    raw.and_then(|d| parat_core::initiative::parse_date(&d).ok().flatten())
}
