//! An organisation's own questionnaires: uploaded as a definition file (licensed texts too), or
//! built in the browser. A built one may be unfinished — it is kept as its file form and offered
//! for rounds once it checks; rounds keep the text they were sent with, so editing never changes
//! answers already given.

use parat_core::questionnaire::Source;

use super::*;

/// An own questionnaire as the builder and the list see it.
#[derive(Debug, Clone)]
pub struct Own {
    pub id: i64,
    pub source: Source,
    /// The checked definition, or why it is not ready to send.
    pub ready: Result<Arc<Definition>, String>,
    pub updated_at: i64,
}

impl Own {
    /// How rounds and links name it.
    pub fn reference(&self) -> String {
        format!("own:{}", self.id)
    }
}

fn refuse_builtin_id(id: &str) -> StoreResult<()> {
    if questionnaire::builtin_by_id(id).is_some() {
        return Err(StoreError::Refused(format!("the id {id:?} is one of Parat's own questionnaires")));
    }
    Ok(())
}

/// Keeps an organisation's own questionnaire from its file: a definition with the id of one it
/// has already replaces it.
pub async fn save_own(db: &Db, scope: &OrgScope, source: &str) -> StoreResult<(i64, Arc<Definition>)> {
    Round::require_manage(scope)?;
    let definition = Arc::new(Definition::from_toml(source).map_err(|e| StoreError::Refused(e.to_string()))?);
    refuse_builtin_id(&definition.id)?;
    let at = now();
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let existing: Option<(i64,)> = sqlx::query_as("SELECT id FROM questionnaires WHERE org_id = $1 AND key = $2")
            .bind(scope.org_id())
            .bind(&definition.id)
            .fetch_optional(&mut *tx)
            .await?;
        let (id, action) = match existing {
            Some((id,)) => {
                sqlx::query("UPDATE questionnaires SET source = $1, updated_at = $2 WHERE id = $3")
                    .bind(source)
                    .bind(at)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                (id, "update")
            }
            None => {
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO questionnaires (org_id, key, source, created_by, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
                )
                .bind(scope.org_id())
                .bind(&definition.id)
                .bind(source)
                .bind(scope.user_id())
                .bind(at)
                .fetch_one(&mut *tx)
                .await?;
                (id, "create")
            }
        };
        let entry = AuditEntry::scoped(scope, action, "questionnaire", id)
            .after(&serde_json::json!({ "questionnaire": definition.id, "name": definition.name.get(parat_core::locale::Locale::Sv) }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok((id, definition))
}

/// Whether the organisation has a questionnaire with this id (key) already.
pub async fn key_taken(db: &Db, scope: &OrgScope) -> StoreResult<Vec<String>> {
    let keys: Vec<(String,)> =
        on_reader!(db, |pool| sqlx::query_as("SELECT key FROM questionnaires WHERE org_id = $1")
            .bind(scope.org_id())
            .fetch_all(pool)
            .await?);
    Ok(keys.into_iter().map(|(k,)| k).collect())
}

/// Starts a questionnaire in the builder; its id must be free (see [`key_taken`]).
pub async fn create_draft(db: &Db, scope: &OrgScope, source: &Source) -> StoreResult<i64> {
    Round::require_manage(scope)?;
    refuse_builtin_id(&source.id)?;
    let text = source.to_toml();
    let at = now();
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let taken: Option<(i64,)> = sqlx::query_as("SELECT id FROM questionnaires WHERE org_id = $1 AND key = $2")
            .bind(scope.org_id())
            .bind(&source.id)
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Err(StoreError::field("name", Problem::Taken));
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO questionnaires (org_id, key, source, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(scope.org_id())
        .bind(&source.id)
        .bind(&text)
        .bind(scope.user_id())
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        let entry = AuditEntry::scoped(scope, "create", "questionnaire", id)
            .after(&serde_json::json!({ "questionnaire": source.id }));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        id
    });
    Ok(id)
}

/// Saves a builder edit. `expected` is the time of the version the edit was made on: when
/// someone else saved in between, the edit is refused rather than silently overwriting theirs.
pub async fn update_draft(db: &Db, scope: &OrgScope, id: i64, expected: i64, source: &Source) -> StoreResult<()> {
    Round::require_manage(scope)?;
    let text = source.to_toml();
    let at = now().max(expected + 1);
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE questionnaires SET source = $1, updated_at = $2 WHERE org_id = $3 AND id = $4 AND updated_at = $5",
        )
        .bind(&text)
        .bind(at)
        .bind(scope.org_id())
        .bind(id)
        .bind(expected)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM questionnaires WHERE org_id = $1 AND id = $2")
                .bind(scope.org_id())
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            return Err(if exists.is_some() { StoreError::Stale } else { StoreError::NotFound });
        }
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "update", "questionnaire", id))?;
        tx.commit().await?;
    });
    Ok(())
}

#[derive(sqlx::FromRow)]
struct OwnRow {
    id: i64,
    source: String,
    updated_at: i64,
}

impl OwnRow {
    fn into_own(self) -> StoreResult<Own> {
        let source = Source::from_toml(&self.source).map_err(|e| StoreError::Refused(e.to_string()))?;
        let ready = parsed(&self.source).map_err(|e| match e {
            StoreError::Refused(reason) => reason,
            other => other.to_string(),
        });
        Ok(Own { id: self.id, source, ready, updated_at: self.updated_at })
    }
}

/// One of the organisation's own questionnaires.
pub async fn own(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Own> {
    let row: Option<OwnRow> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, source, updated_at FROM questionnaires WHERE org_id = $1 AND id = $2"
    )
    .bind(scope.org_id())
    .bind(id)
    .fetch_optional(pool)
    .await?);
    row.ok_or(StoreError::NotFound)?.into_own()
}

/// The organisation's own questionnaires, ready or not, oldest first.
pub async fn own_list(db: &Db, scope: &OrgScope) -> StoreResult<Vec<Own>> {
    let rows: Vec<OwnRow> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, source, updated_at FROM questionnaires WHERE org_id = $1 ORDER BY id"
    )
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    // A file that no longer reads (kept by an older version) is left out rather than failing the list.
    Ok(rows.into_iter().filter_map(|row| row.into_own().ok()).collect())
}
