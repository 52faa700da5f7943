//! Budget and outcome: budget lines by category and funder for a year, costs booked against
//! them, and the two compared per period — exact to the öre.

use serde::Deserialize;
use time::Date;

use super::money::Amount;
use crate::choice::choice_enum;
use crate::initiative::parse_date;
use crate::locale::Locale;
use crate::periods::{Period, PeriodKind};
use crate::validation::{int_in, optional_text, FieldErrors, Problem};

choice_enum!(
    /// The categories a project's costs are budgeted and booked in.
    CostCategory {
        Staff => "staff",
        Suppliers => "external_suppliers",
        Premises => "premises",
        Travel => "travel",
        Material => "material",
        Other => "other",
    }
);

const TEXT_MAX: usize = 200;

/// A budget line as typed: what a funder gives for a category in a year.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct BudgetLineInput {
    pub year: String,
    pub category: String,
    pub funder: String,
    pub amount: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLineDraft {
    pub year: i32,
    pub category: CostCategory,
    pub funder: String,
    pub amount: Amount,
    pub note: String,
}

impl BudgetLineInput {
    pub fn parse(&self, locale: Locale) -> Result<BudgetLineDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let year = errors.check("year", int_in(&self.year, 2000, 2100).map(|y| y as i32));
        let category = errors.check("category", CostCategory::parse(&self.category));
        let funder = errors.check("funder", optional_text(&self.funder, TEXT_MAX, false));
        let amount = errors.check("amount", Amount::parse(&self.amount, locale, false));
        let note = errors.check("note", optional_text(&self.note, TEXT_MAX, false));
        errors.finish(|| {
            Some(BudgetLineDraft { year: year?, category: category?, funder: funder?, amount: amount?, note: note? })
        })
    }
}

/// A cost booked: when, in which category, how much (a correction may be negative), and what.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct CostInput {
    pub booked_on: String,
    pub category: String,
    pub amount: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostDraft {
    pub booked_on: Date,
    pub category: CostCategory,
    pub amount: Amount,
    pub text: String,
}

impl CostInput {
    pub fn parse(&self, locale: Locale) -> Result<CostDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let booked_on = errors.check("booked_on", parse_date(&self.booked_on).and_then(|d| d.ok_or(Problem::Required)));
        let category = errors.check("category", CostCategory::parse(&self.category));
        let amount = errors.check("amount", Amount::parse(&self.amount, locale, true));
        let text = errors.check("text", optional_text(&self.text, TEXT_MAX, false));
        errors.finish(|| Some(CostDraft { booked_on: booked_on?, category: category?, amount: amount?, text: text? }))
    }
}

/// Budget and outcome of a period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct BudgetAndOutcome {
    pub budget: Amount,
    pub outcome: Amount,
}

/// A period's budget and outcome. A year's budget is spread evenly over its months: a month
/// holds a twelfth of it, a tertial a third, a quarter a quarter, rounded to the nearest öre
/// (half away from zero); the outcome is what was booked within the period's dates.
pub fn budget_in(period: &Period, lines: &[(i32, Amount)], costs: &[(Date, Amount)]) -> BudgetAndOutcome {
    let year_budget: i64 = lines.iter().filter(|(year, _)| *year == period.year()).map(|(_, a)| a.ore()).sum();
    let months = match period.kind() {
        PeriodKind::Month => 1,
        PeriodKind::Quarter => 3,
        PeriodKind::Tertial => 4,
        PeriodKind::Year => 12,
    };
    let share = (year_budget * months * 2 + 12) / 24;
    let outcome = costs.iter().filter(|(date, _)| period.contains(*date)).map(|(_, a)| *a).sum();
    BudgetAndOutcome { budget: Amount::from_ore(share), outcome }
}
