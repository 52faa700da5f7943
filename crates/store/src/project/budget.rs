//! The budget and the costs booked against it, per initiative.

use parat_core::project::money::Amount;
use parat_core::project::{BudgetLineDraft, CostCategory, CostDraft};
use serde::Serialize;
use time::Date;

use super::events::{check_initiative, require_editor};
use super::remove_row;
use crate::audit::{self, AuditEntry};
use crate::db::{on_reader, on_writer};
use crate::{now, Db, OrgScope, StoreResult, Stored};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetLine {
    pub id: i64,
    pub year: i32,
    pub category: CostCategory,
    pub funder: String,
    pub amount: Amount,
    pub note: String,
}

#[derive(sqlx::FromRow)]
struct BudgetLineRow {
    id: i64,
    year: i32,
    category: Stored<CostCategory>,
    funder: String,
    amount: i64,
    note: String,
}

impl From<BudgetLineRow> for BudgetLine {
    fn from(row: BudgetLineRow) -> Self {
        BudgetLine {
            id: row.id,
            year: row.year,
            category: row.category.0,
            funder: row.funder,
            amount: Amount::from_ore(row.amount),
            note: row.note,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cost {
    pub id: i64,
    pub booked_on: Date,
    pub category: CostCategory,
    pub amount: Amount,
    pub text: String,
}

#[derive(sqlx::FromRow)]
struct CostRow {
    id: i64,
    booked_on: String,
    category: Stored<CostCategory>,
    amount: i64,
    text: String,
}

impl CostRow {
    fn into_cost(self) -> Option<Cost> {
        let booked_on = parat_core::initiative::parse_date(&self.booked_on).ok().flatten()?;
        Some(Cost {
            id: self.id,
            booked_on,
            category: self.category.0,
            amount: Amount::from_ore(self.amount),
            text: self.text,
        })
    }
}

/// The initiative's budget lines, by year, category and funder.
pub async fn budget_lines(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<BudgetLine>> {
    check_initiative(db, scope, initiative_id).await?;
    budget_lines_unchecked(db, scope, initiative_id).await
}

/// [`budget_lines`] for a caller that has checked the initiative.
pub(super) async fn budget_lines_unchecked(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
) -> StoreResult<Vec<BudgetLine>> {
    let rows: Vec<BudgetLineRow> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, year, category, funder, amount, note FROM project_budget_lines \
         WHERE initiative_id = $1 AND org_id = $2"
    )
    .bind(initiative_id)
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    let mut lines: Vec<BudgetLine> = rows.into_iter().map(BudgetLine::from).collect();
    // In the categories' own order (staff first), not their keys' alphabetical one.
    lines.sort_by(|a, b| (a.year, a.category, &a.funder, a.id).cmp(&(b.year, b.category, &b.funder, b.id)));
    Ok(lines)
}

/// The initiative's costs in the order they were booked.
pub async fn costs(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<Cost>> {
    check_initiative(db, scope, initiative_id).await?;
    costs_unchecked(db, scope, initiative_id).await
}

/// [`costs`] for a caller that has checked the initiative.
pub(super) async fn costs_unchecked(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<Vec<Cost>> {
    let rows: Vec<CostRow> = on_reader!(db, |pool| sqlx::query_as(
        "SELECT id, booked_on, category, amount, text FROM project_costs \
         WHERE initiative_id = $1 AND org_id = $2 ORDER BY booked_on, id"
    )
    .bind(initiative_id)
    .bind(scope.org_id())
    .fetch_all(pool)
    .await?);
    Ok(rows.into_iter().filter_map(CostRow::into_cost).collect())
}

pub async fn add_budget_line(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
    line: &BudgetLineDraft,
) -> StoreResult<i64> {
    require_editor(scope)?;
    check_initiative(db, scope, initiative_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO project_budget_lines (org_id, initiative_id, year, category, funder, amount, note) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(scope.org_id())
        .bind(initiative_id)
        .bind(line.year)
        .bind(line.category.key())
        .bind(&line.funder)
        .bind(line.amount.ore())
        .bind(&line.note)
        .fetch_one(&mut *tx)
        .await?;
        let after = serde_json::json!({"year": line.year, "category": line.category.key(), "funder": line.funder,
            "amount": line.amount.ore(), "note": line.note});
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "create", "project_budget_line", id).after(&after))?;
        tx.commit().await?;
        Ok(id)
    })
}

/// Books costs, all or none (one from a form, many from an import).
pub async fn add_costs(db: &Db, scope: &OrgScope, initiative_id: i64, costs: &[CostDraft]) -> StoreResult<usize> {
    require_editor(scope)?;
    check_initiative(db, scope, initiative_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let at = now();
        let mut ids = Vec::with_capacity(costs.len());
        for cost in costs {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO project_costs (org_id, initiative_id, booked_on, category, amount, text, recorded_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(scope.org_id())
            .bind(initiative_id)
            .bind(cost.booked_on.to_string())
            .bind(cost.category.key())
            .bind(cost.amount.ore())
            .bind(&cost.text)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            ids.push(id);
        }
        let total: Amount = costs.iter().map(|c| c.amount).sum();
        let entry = AuditEntry::scoped(scope, "create", "project_costs", initiative_id)
            .after(&serde_json::json!({"costs": ids, "total": total.ore()}));
        audit::record!(&mut *tx, &entry)?;
        tx.commit().await?;
        Ok(ids.len())
    })
}

/// Removes a budget line or a booked cost of the initiative.
pub async fn remove_budget_entry(db: &Db, scope: &OrgScope, initiative_id: i64, entry: BudgetEntry) -> StoreResult<()> {
    match entry {
        BudgetEntry::Line(id) => {
            remove_row(db, scope, initiative_id, ("project_budget_lines", "project_budget_line"), id).await
        }
        BudgetEntry::Cost(id) => remove_row(db, scope, initiative_id, ("project_costs", "project_cost"), id).await,
    }
}

/// A budget line or a booked cost, to remove.
#[derive(Debug, Clone, Copy)]
pub enum BudgetEntry {
    Line(i64),
    Cost(i64),
}
