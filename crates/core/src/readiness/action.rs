//! The action plan's tasks: what is to be done, by whom, by when, and how far it has come.

use serde::Deserialize;
use time::Date;

use crate::choice::choice_enum;
use crate::initiative::parse_due_date;
use crate::validation::{optional_text, FieldErrors, Problem};

choice_enum!(
    /// How far a task has come.
    ActionStatus {
        Open => "open",
        InProgress => "in_progress",
        Done => "done",
    }
);

pub const WHAT_MAX: usize = 500;
pub use crate::owner::{Owner, WHO_MAX};

/// A task as the form sends it. `strategy` is the index of a proposed strategy whose text
/// stands in for an empty `what`; the caller resolves it to text before parsing.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct ActionInput {
    pub strategy: String,
    pub what: String,
    pub owner_id: String,
    pub who: String,
    pub due_on: String,
    pub status: String,
}

/// A checked task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionDraft {
    pub what: String,
    pub owner: Owner,
    pub due_on: Option<Date>,
    pub status: ActionStatus,
}

impl ActionInput {
    /// Parses the form. `strategy_text` is the chosen strategy's text, if one was chosen;
    /// `today` is the date in Scandinavian time; `kept_due_on` is the task's present due date,
    /// which may stay even when it has passed (an overdue task), while a new date must not lie
    /// in the past.
    pub fn parse(
        &self,
        strategy_text: Option<&str>,
        today: Date,
        kept_due_on: Option<Date>,
    ) -> Result<ActionDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let what = match errors.check("what", optional_text(&self.what, WHAT_MAX, false)) {
            Some(what) if !what.is_empty() => Some(what),
            Some(_) => match strategy_text {
                Some(strategy) => Some(strategy.to_owned()),
                None => {
                    errors.add("what", Problem::Required);
                    None
                }
            },
            None => None,
        };
        let owner = Owner::parse(&self.owner_id, &self.who, true, &mut errors, ("owner_id", "who")).flatten();
        let due_on = errors.check("due_on", parse_due_date(&self.due_on, today, kept_due_on));
        let status = if self.status.trim().is_empty() {
            Some(ActionStatus::Open)
        } else {
            errors.check("status", ActionStatus::parse(&self.status))
        };
        errors.finish(|| Some(ActionDraft { what: what?, owner: owner?, due_on: due_on?, status: status? }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 28);

    fn input(what: &str, owner_id: &str, who: &str, due_on: &str) -> ActionInput {
        ActionInput {
            what: what.into(),
            owner_id: owner_id.into(),
            who: who.into(),
            due_on: due_on.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_task_has_something_to_do_and_someone_to_do_it() {
        let draft = input("Informera ledningen", "7", "", "2026-12-15").parse(None, TODAY, None).expect("valid");
        assert_eq!(draft.owner, Owner::Member(7));
        assert_eq!(draft.status, ActionStatus::Open);
        let named = input("", "", "Rektorsnätverket", "").parse(Some("Kartlägg resurserna"), TODAY, None);
        assert_eq!(
            named.map(|d| (d.what, d.owner)),
            Ok(("Kartlägg resurserna".into(), Owner::Named("Rektorsnätverket".into())))
        );
        let errors = input("", "", "", "").parse(None, TODAY, None).expect_err("nothing given");
        assert_eq!(errors.get("what"), Some(Problem::Required));
        assert_eq!(errors.get("owner_id"), Some(Problem::NotChosen));
        assert_eq!(
            input("x", "abc", "", "").parse(None, TODAY, None).expect_err("bad").get("owner_id"),
            Some(Problem::UnknownChoice)
        );
    }

    #[test]
    fn a_new_due_date_is_not_in_the_past_but_an_overdue_one_may_stay() {
        let past = input("x", "1", "", "2026-11-27");
        assert_eq!(past.parse(None, TODAY, None).expect_err("past").get("due_on"), Some(Problem::DateInPast));
        assert!(past.parse(None, TODAY, Some(date!(2026 - 11 - 27))).is_ok(), "an overdue task keeps its date");
        assert!(input("x", "1", "", "2026-11-28").parse(None, TODAY, None).is_ok(), "today is fine");
    }

    #[test]
    fn the_status_is_one_of_three() {
        let mut done = input("x", "1", "", "");
        done.status = "done".into();
        assert_eq!(done.parse(None, TODAY, None).map(|d| d.status), Ok(ActionStatus::Done));
        done.status = "finished".into();
        assert_eq!(done.parse(None, TODAY, None).expect_err("unknown").get("status"), Some(Problem::UnknownChoice));
    }
}
