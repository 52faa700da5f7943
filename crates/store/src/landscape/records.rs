//! What the planning tools share. Each tool's records are rows of one table tied to the
//! initiative; they are added, replaced and removed the same way, each change with an audit
//! entry that holds the record's columns before and after. A tool says which columns it has
//! ([`PlanItem`]); the writing is done once, here.

use std::future::Future;

use parat_core::owner::Owner;

use super::*;

/// A value for one column of a record.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Value {
    Text(String),
    Number(i64),
    MaybeText(Option<String>),
    MaybeNumber(Option<i64>),
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.to_owned())
    }
}

impl From<&String> for Value {
    fn from(text: &String) -> Self {
        Value::Text(text.clone())
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Number(n)
    }
}

impl From<u8> for Value {
    fn from(n: u8) -> Self {
        Value::Number(i64::from(n))
    }
}

impl From<Option<String>> for Value {
    fn from(text: Option<String>) -> Self {
        Value::MaybeText(text)
    }
}

impl From<Option<i64>> for Value {
    fn from(n: Option<i64>) -> Self {
        Value::MaybeNumber(n)
    }
}

impl From<Option<time::Date>> for Value {
    fn from(date: Option<time::Date>) -> Self {
        Value::MaybeText(date.map(|d| d.to_string()))
    }
}

impl From<time::Date> for Value {
    fn from(date: time::Date) -> Self {
        Value::Text(date.to_string())
    }
}

/// Binds the values in order, on whichever backend the query is for.
macro_rules! bind_values {
    ($query:expr, $values:expr) => {{
        let mut query = $query;
        for value in $values {
            query = match value {
                Value::Text(text) => query.bind(text.clone()),
                Value::Number(n) => query.bind(*n),
                Value::MaybeText(text) => query.bind(text.clone()),
                Value::MaybeNumber(n) => query.bind(*n),
            };
        }
        query
    }};
}

/// One planning tool's record: its table, how it is read, and the columns a draft fills.
pub trait PlanItem: Serialize + Sized + Send + Sync {
    /// The checked input the record is written from.
    type Draft: Sync;
    /// The table, and the entity its changes are logged as.
    const TABLE: &'static str;
    const ENTITY: &'static str;
    /// Whether the table has the owner pair (`owner_id`, `who`).
    const OWNED: bool;

    /// The initiative's records in the tool's order, or just the one with `only`.
    fn fetch(db: &Db, landscape: &Landscape, only: Option<i64>) -> impl Future<Output = StoreResult<Vec<Self>>> + Send;

    /// The columns the draft fills, besides the owner.
    fn columns(draft: &Self::Draft) -> Vec<(&'static str, Value)>;

    fn owner(_draft: &Self::Draft) -> Option<&Owner> {
        None
    }

    /// Checks against the initiative's other records before writing `draft` (as record `id`
    /// when it replaces one).
    fn check(
        _db: &Db,
        _landscape: &Landscape,
        _draft: &Self::Draft,
        _id: Option<i64>,
    ) -> impl Future<Output = StoreResult<()>> + Send {
        async { Ok(()) }
    }

    /// Checks before record `id` is removed (that nothing hangs on it).
    fn check_removal(_db: &Db, _landscape: &Landscape, _id: i64) -> impl Future<Output = StoreResult<()>> + Send {
        async { Ok(()) }
    }
}

/// The initiative's records of one tool.
pub async fn items<T: PlanItem>(db: &Db, landscape: &Landscape) -> StoreResult<Vec<T>> {
    T::fetch(db, landscape, None).await
}

/// One record of the initiative, or `NotFound`.
pub async fn item<T: PlanItem>(db: &Db, landscape: &Landscape, id: i64) -> StoreResult<T> {
    T::fetch(db, landscape, Some(id)).await?.into_iter().next().ok_or(StoreError::NotFound)
}

/// The columns to write with the owner's, and the audit record of them.
async fn written<T: PlanItem>(
    db: &Db,
    scope: &OrgScope,
    draft: &T::Draft,
) -> StoreResult<(Vec<(&'static str, Value)>, serde_json::Value)> {
    let mut columns = T::columns(draft);
    let mut record: serde_json::Map<String, serde_json::Value> =
        columns.iter().map(|(name, value)| ((*name).to_owned(), serde_json::json!(value))).collect();
    if T::OWNED {
        let (owner_id, who) = crate::owners::owner_columns(db, scope, T::owner(draft), "owner_id").await?;
        record.insert("owner".into(), serde_json::json!(who));
        columns.push(("owner_id", owner_id.into()));
        columns.push(("who", Value::Text(who)));
    }
    Ok((columns, serde_json::Value::Object(record)))
}

/// Adds a record; `source` names the readiness result it came from, or is empty.
pub async fn add<T: PlanItem>(
    db: &Db,
    scope: &OrgScope,
    landscape: &Landscape,
    draft: &T::Draft,
    source: &str,
) -> StoreResult<i64> {
    landscape.require_edit()?;
    T::check(db, landscape, draft, None).await?;
    let (mut columns, record) = written::<T>(db, scope, draft).await?;
    let at = now();
    columns.extend([
        ("initiative_id", landscape.initiative_id.into()),
        ("source", source.into()),
        ("created_at", at.into()),
        ("updated_at", at.into()),
    ]);
    let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    let places: Vec<String> = (1..=columns.len()).map(|n| format!("${n}")).collect();
    let sql = format!("INSERT INTO {} ({}) VALUES ({}) RETURNING id", T::TABLE, names.join(", "), places.join(", "));
    let values: Vec<Value> = columns.into_iter().map(|(_, value)| value).collect();
    let id = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = bind_values!(sqlx::query_as(&sql), &values).fetch_one(&mut *tx).await?;
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", T::ENTITY, id).after(&record))?;
        tx.commit().await?;
        id
    });
    Ok(id)
}

/// Replaces record `id` with the draft.
pub async fn update<T: PlanItem>(
    db: &Db,
    scope: &OrgScope,
    landscape: &Landscape,
    id: i64,
    draft: &T::Draft,
) -> StoreResult<()> {
    landscape.require_edit()?;
    let before: T = item(db, landscape, id).await?;
    T::check(db, landscape, draft, Some(id)).await?;
    let (mut columns, record) = written::<T>(db, scope, draft).await?;
    columns.push(("updated_at", now().into()));
    let sets: Vec<String> = columns.iter().enumerate().map(|(n, (name, _))| format!("{name} = ${}", n + 1)).collect();
    let sql = format!(
        "UPDATE {} SET {} WHERE initiative_id = ${} AND id = ${}",
        T::TABLE,
        sets.join(", "),
        columns.len() + 1,
        columns.len() + 2
    );
    let mut values: Vec<Value> = columns.into_iter().map(|(_, value)| value).collect();
    values.extend([landscape.initiative_id.into(), id.into()]);
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        bind_values!(sqlx::query(&sql), &values).execute(&mut *tx).await?;
        let entry = AuditEntry::scoped(scope, "update", T::ENTITY, id).before(&before).after(&record);
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
    });
    Ok(())
}

/// Removes record `id` of the initiative.
pub async fn remove<T: PlanItem>(db: &Db, scope: &OrgScope, landscape: &Landscape, id: i64) -> StoreResult<()> {
    landscape.require_edit()?;
    T::check_removal(db, landscape, id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let deleted = sqlx::query(&format!("DELETE FROM {} WHERE initiative_id = $1 AND id = $2", T::TABLE))
            .bind(landscape.initiative_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if deleted.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "delete", T::ENTITY, id))?;
        tx.commit().await?;
    });
    Ok(())
}

/// The rows of a tool's query — `select` from the table aliased `alias`, ordered by `order` — for
/// the initiative, or only record `only`.
pub(super) async fn fetch_rows<R>(
    db: &Db,
    landscape: &Landscape,
    only: Option<i64>,
    (select, alias, order): (&str, &str, &str),
) -> StoreResult<Vec<R>>
where
    R: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
    R: Send + Unpin,
{
    let one = if only.is_some() { format!(" AND {alias}.id = $2") } else { String::new() };
    let sql = format!("{select} WHERE {alias}.initiative_id = $1{one} ORDER BY {order}");
    let rows = on_reader!(db, |pool| {
        let query = sqlx::query_as::<_, R>(&sql).bind(landscape.initiative_id);
        match only {
            Some(id) => query.bind(id),
            None => query,
        }
        .fetch_all(pool)
        .await?
    });
    Ok(rows)
}
