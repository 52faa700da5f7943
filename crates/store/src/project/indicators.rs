//! Goals' indicators and their entries per period.

use parat_core::periods::{Period, PeriodKind};
use parat_core::project::{Direction, IndicatorDefinition, IndicatorSource, IndicatorStatus, PeriodEntry};
use parat_core::Problem;

use super::activities::check_goal;
use super::events::{check_initiative, require_editor};
use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, StoreError, StoreResult, Stored};

/// An indicator with its goal's text and every entry typed for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub id: i64,
    pub initiative_id: i64,
    pub goal: Option<String>,
    pub definition: IndicatorDefinition,
    pub entries: Vec<PeriodEntry>,
}

#[derive(sqlx::FromRow)]
struct IndicatorRow {
    id: i64,
    initiative_id: i64,
    goal_id: Option<i64>,
    goal: Option<String>,
    name: String,
    definition: String,
    unit: String,
    baseline: f64,
    target: f64,
    every: String,
    source: Stored<IndicatorSource>,
    direction: Stored<Direction>,
}

impl IndicatorRow {
    fn into_indicator(self) -> Indicator {
        Indicator {
            id: self.id,
            initiative_id: self.initiative_id,
            goal: self.goal,
            definition: IndicatorDefinition {
                name: self.name,
                definition: self.definition,
                unit: self.unit,
                baseline: self.baseline,
                target: self.target,
                // The column's CHECK allows only the four kinds.
                every: PeriodKind::parse(&self.every).unwrap_or(PeriodKind::Year),
                source: self.source.0,
                direction: self.direction.0,
                goal_id: self.goal_id,
            },
            entries: Vec::new(),
        }
    }
}

type EntryRow = (i64, String, Option<f64>, Option<Stored<IndicatorStatus>>, String);

const SELECT: &str = "SELECT i.id, i.initiative_id, i.goal_id, g.text AS goal, i.name, i.definition, i.unit, \
     i.baseline, i.target, i.every, i.source, i.direction \
     FROM project_indicators i LEFT JOIN landscape_goals g ON g.id = i.goal_id";

/// The initiative's indicators in the order they were made, each with its entries by period.
pub async fn indicators_of(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<Indicator>> {
    check_initiative(db, scope, initiative_id).await?;
    indicators_of_unchecked(db, scope, initiative_id).await
}

/// [`indicators_of`] for a caller that has checked the initiative.
pub(super) async fn indicators_of_unchecked(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
) -> StoreResult<Vec<Indicator>> {
    indicator_rows_where(db, "", "i.initiative_id = $1 AND i.org_id = $2", &[initiative_id, scope.org_id()]).await
}

/// The indicators meeting `condition` (on `i`, the indicators, with `$1`… bound to `binds`;
/// `prefix` a `WITH` clause it may use), each with its entries, in two queries.
pub(super) async fn indicator_rows_where(
    db: &Db,
    prefix: &str,
    condition: &str,
    binds: &[i64],
) -> StoreResult<Vec<Indicator>> {
    let rows_sql = format!("{prefix}{SELECT} WHERE {condition} ORDER BY i.id");
    let rows: Vec<IndicatorRow> = on_reader!(db, |pool| {
        let mut query = sqlx::query_as(&rows_sql);
        for value in binds {
            query = query.bind(*value);
        }
        query.fetch_all(pool).await?
    });
    let entries_sql = format!(
        "{prefix}SELECT v.indicator_id, v.period, v.value, v.status, v.comment FROM project_indicator_values v \
         JOIN project_indicators i ON i.id = v.indicator_id WHERE {condition}"
    );
    let entries: Vec<EntryRow> = on_reader!(db, |pool| {
        let mut query = sqlx::query_as(&entries_sql);
        for value in binds {
            query = query.bind(*value);
        }
        query.fetch_all(pool).await?
    });
    let mut indicators: Vec<Indicator> = rows.into_iter().map(IndicatorRow::into_indicator).collect();
    let position: std::collections::HashMap<i64, usize> =
        indicators.iter().enumerate().map(|(k, i)| (i.id, k)).collect();
    for (indicator_id, period, value, status, comment) in entries {
        let (Some(k), Some(period)) = (position.get(&indicator_id), Period::parse(&period)) else { continue };
        indicators[*k].entries.push(PeriodEntry { period, value, status: status.map(|s| s.0), comment });
    }
    for indicator in &mut indicators {
        indicator.entries.sort_by_key(|e| e.period.first_day());
    }
    Ok(indicators)
}

/// One indicator of the scope's organisation, with its entries.
pub async fn indicator(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<Indicator> {
    let row: Option<IndicatorRow> =
        on_reader!(db, |pool| sqlx::query_as(&format!("{SELECT} WHERE i.id = $1 AND i.org_id = $2"))
            .bind(id)
            .bind(scope.org_id())
            .fetch_optional(pool)
            .await?);
    let initiative_id = row.as_ref().map(|r| r.initiative_id).ok_or(StoreError::NotFound)?;
    let all = indicators_of(db, scope, initiative_id).await?;
    all.into_iter().find(|i| i.id == id).ok_or(StoreError::NotFound)
}

pub async fn create_indicator(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
    definition: &IndicatorDefinition,
) -> StoreResult<i64> {
    require_editor(scope)?;
    check_initiative(db, scope, initiative_id).await?;
    check_goal(db, initiative_id, definition.goal_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO project_indicators (org_id, initiative_id, goal_id, name, definition, unit, baseline, target, \
             every, source, direction, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(scope.org_id())
        .bind(initiative_id)
        .bind(definition.goal_id)
        .bind(&definition.name)
        .bind(&definition.definition)
        .bind(&definition.unit)
        .bind(definition.baseline)
        .bind(definition.target)
        .bind(definition.every.key())
        .bind(definition.source.key())
        .bind(definition.direction.key())
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let after = serde_json::json!({"name": definition.name, "unit": definition.unit, "baseline": definition.baseline,
            "target": definition.target, "every": definition.every.key(), "source": definition.source.key(),
            "direction": definition.direction.key(), "goal_id": definition.goal_id});
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", "project_indicator", id).after(&after))?;
        tx.commit().await?;
        Ok(id)
    })
}

/// Removes an indicator and its entries; answers its initiative.
pub async fn delete_indicator(db: &Db, scope: &OrgScope, id: i64) -> StoreResult<i64> {
    require_editor(scope)?;
    let indicator = indicator(db, scope, id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM project_indicators WHERE id = $1 AND org_id = $2")
            .bind(id)
            .bind(scope.org_id())
            .execute(&mut *tx)
            .await?;
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "delete", "project_indicator", id))?;
        tx.commit().await?;
        Ok(indicator.initiative_id)
    })
}

/// Records a period's entry of an indicator, replacing one already there.
pub async fn record_indicator_entry(db: &Db, scope: &OrgScope, id: i64, entry: &PeriodEntry) -> StoreResult<()> {
    require_editor(scope)?;
    let indicator = indicator(db, scope, id).await?;
    if entry.period.kind() != indicator.definition.every {
        return Err(StoreError::field("period", Problem::UnknownChoice));
    }
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO project_indicator_values (indicator_id, period, value, status, comment, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (indicator_id, period) DO UPDATE SET \
             value = excluded.value, status = excluded.status, comment = excluded.comment, recorded_at = excluded.recorded_at",
        )
        .bind(id)
        .bind(entry.period.key())
        .bind(entry.value)
        .bind(entry.status.map(|s| s.key()))
        .bind(&entry.comment)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        let after = serde_json::json!({"period": entry.period.key(), "value": entry.value,
            "status": entry.status.map(|s| s.key()), "comment": entry.comment});
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "update", "project_indicator", id).after(&after))?;
        tx.commit().await?;
        Ok(())
    })
}
