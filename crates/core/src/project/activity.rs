//! The activity plan and what was carried out: an activity is planned (what, when, who, which
//! goal it serves, what it costs) and, once done, says when, with how many, and how it departed
//! from the plan and why.

use serde::Deserialize;
use time::Date;

use super::money::Amount;
use crate::initiative::parse_date;
use crate::locale::Locale;
use crate::validation::{optional_id, optional_text, required_text, FieldErrors, Problem};

const TITLE_MAX: usize = 200;
const TEXT_MAX: usize = 200;
const DEVIATION_MAX: usize = 4000;

/// An activity's fields as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct ActivityInput {
    pub title: String,
    /// `YYYY-MM-DD`, when it is planned; empty for an activity done without a plan.
    pub planned_on: String,
    pub responsible: String,
    /// One of the initiative's goals (the landscape's goal hierarchy), or empty.
    pub goal_id: String,
    /// Kronor, as typed (`12 500,50`).
    pub planned_cost: String,
    /// `YYYY-MM-DD`, when it was carried out; empty while it is not.
    pub done_on: String,
    /// How many took part, once done.
    pub participants: String,
    /// How it departed from the plan, and why.
    pub deviation: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityDraft {
    pub title: String,
    pub planned_on: Option<Date>,
    pub responsible: String,
    pub goal_id: Option<i64>,
    pub planned_cost: Option<Amount>,
    pub done_on: Option<Date>,
    pub participants: Option<u32>,
    pub deviation: String,
}

impl ActivityInput {
    pub fn parse(&self, locale: Locale, today: Date) -> Result<ActivityDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", required_text(&self.title, TITLE_MAX));
        let planned_on = errors.check("planned_on", parse_date(&self.planned_on));
        let responsible = errors.check("responsible", optional_text(&self.responsible, TEXT_MAX, false));
        let goal_id = errors.check("goal_id", optional_id(&self.goal_id));
        let planned_cost = match self.planned_cost.trim() {
            "" => Some(None),
            raw => errors.check("planned_cost", Amount::parse(raw, locale, false).map(Some)),
        };
        let done_on = errors.check(
            "done_on",
            parse_date(&self.done_on).and_then(|d| match d {
                Some(date) if date > today => Err(Problem::DateInFuture),
                other => Ok(other),
            }),
        );
        let participants = match self.participants.trim() {
            "" => Some(None),
            raw => errors.check("participants", super::event::people(raw).map(Some)),
        };
        // A count of those who took part belongs to an activity carried out.
        if matches!((done_on, participants), (Some(None), Some(Some(_)))) {
            errors.add("done_on", Problem::Required);
        }
        let deviation = errors.check("deviation", optional_text(&self.deviation, DEVIATION_MAX, true));
        errors.finish(|| {
            Some(ActivityDraft {
                title: title?,
                planned_on: planned_on?,
                responsible: responsible?,
                goal_id: goal_id?,
                planned_cost: planned_cost?,
                done_on: done_on?,
                participants: participants?,
                deviation: deviation?,
            })
        })
    }
}

/// Activities planned and carried out in a period (by their dates).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ActivityCounts {
    pub planned: u32,
    pub done: u32,
}

/// An activity's planned and done dates.
pub type PlannedAndDone = (Option<Date>, Option<Date>);

pub fn activities_in(period: &crate::periods::Period, activities: &[PlannedAndDone]) -> ActivityCounts {
    let count = |pick: fn(&PlannedAndDone) -> Option<Date>| {
        activities.iter().filter_map(pick).filter(|d| period.contains(*d)).count() as u32
    };
    ActivityCounts { planned: count(|a| a.0), done: count(|a| a.1) }
}
