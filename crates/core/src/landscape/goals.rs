//! The goal hierarchy: the initiative's purpose, the goals that serve it, and the sub-goals
//! under each goal — each with how the organisation will know it is reached, which follow-up
//! later measures.

use serde::Deserialize;

use crate::choice::choice_enum;
use crate::owner::Owner;
use crate::validation::{optional_text, required_text, FieldErrors, Problem};

pub const GOAL_MAX: usize = 500;
pub const MEASURE_MAX: usize = 2_000;

choice_enum!(
    /// A goal's rung in the hierarchy.
    GoalLevel {
        Purpose => "purpose",
        Goal => "goal",
        SubGoal => "sub_goal",
    }
);

impl GoalLevel {
    /// The rung a goal on this one hangs under: none above a purpose.
    pub fn parent_level(self) -> Option<GoalLevel> {
        match self {
            GoalLevel::Purpose => None,
            GoalLevel::Goal => Some(GoalLevel::Purpose),
            GoalLevel::SubGoal => Some(GoalLevel::Goal),
        }
    }
}

/// A goal as the form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct GoalInput {
    pub level: String,
    pub parent_id: String,
    pub text: String,
    pub measure: String,
    pub owner_id: String,
    pub who: String,
}

/// A checked goal. That the parent is one of the initiative's goals on the rung above is checked
/// where the goals are (the store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalDraft {
    pub level: GoalLevel,
    pub parent: Option<i64>,
    pub text: String,
    /// How the organisation will know it is reached (the indicator in words).
    pub measure: String,
    pub owner: Option<Owner>,
}

impl GoalInput {
    pub fn parse(&self) -> Result<GoalDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let level = errors.check("level", GoalLevel::parse(&self.level));
        let parent = match (self.parent_id.trim(), level) {
            ("", Some(GoalLevel::SubGoal)) => {
                errors.add("parent_id", Problem::NotChosen);
                None
            }
            ("", _) => Some(None),
            (_, Some(GoalLevel::Purpose)) => {
                errors.add("parent_id", Problem::WrongParent);
                None
            }
            (raw, _) => match raw.parse::<i64>() {
                Ok(id) if id > 0 => Some(Some(id)),
                _ => {
                    errors.add("parent_id", Problem::UnknownChoice);
                    None
                }
            },
        };
        let text = errors.check("text", required_text(&self.text, GOAL_MAX));
        let measure = errors.check("measure", optional_text(&self.measure, MEASURE_MAX, true));
        let owner = Owner::parse(&self.owner_id, &self.who, false, &mut errors, ("owner_id", "who"));
        errors.finish(|| {
            Some(GoalDraft { level: level?, parent: parent?, text: text?, measure: measure?, owner: owner? })
        })
    }
}

/// The order to show a hierarchy in: each record followed by those under it, depth first, with
/// its depth (0 for the top). A record whose parent is missing is shown at the top, so nothing is
/// ever hidden. `records` gives each record's id and parent.
pub fn tree_order(records: &[(i64, Option<i64>)]) -> Vec<(usize, usize)> {
    let known: std::collections::HashSet<i64> = records.iter().map(|(id, _)| *id).collect();
    let tops = (0..records.len()).filter(|&i| records[i].1.is_none_or(|p| !known.contains(&p)));
    // Records in a cycle have no top (none can be written: a parent is always on the rung
    // above); they follow the rest, each once, rather than vanish.
    let starts: Vec<usize> = tops.chain(0..records.len()).collect();
    let mut seen = vec![false; records.len()];
    let mut order = Vec::with_capacity(records.len());
    for start in starts {
        let mut stack = vec![(start, 0)];
        while let Some((index, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[index], true) {
                continue;
            }
            order.push((index, depth));
            let id = records[index].0;
            let children = records.iter().enumerate().rev().filter(|(_, (_, parent))| *parent == Some(id));
            stack.extend(children.map(|(i, _)| (i, depth + 1)));
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal(level: &str, parent: &str, text: &str) -> GoalInput {
        GoalInput { level: level.into(), parent_id: parent.into(), text: text.into(), ..Default::default() }
    }

    #[test]
    fn a_purpose_has_no_parent_and_a_sub_goal_must_have_one() {
        let purpose = goal("purpose", "", "Fler unga vuxna i arbete").parse().expect("valid");
        assert_eq!((purpose.level, purpose.parent), (GoalLevel::Purpose, None));
        let loose_goal = goal("goal", "", "Kortare väntan").parse().expect("a goal may stand alone");
        assert_eq!(loose_goal.parent, None);
        let under = goal("sub_goal", "7", "Besked inom två veckor").parse().expect("valid");
        assert_eq!(under.parent, Some(7));
        assert_eq!(goal("purpose", "3", "x").parse().expect_err("parent").get("parent_id"), Some(Problem::WrongParent));
        assert_eq!(goal("sub_goal", "", "x").parse().expect_err("none").get("parent_id"), Some(Problem::NotChosen));
        assert_eq!(goal("goal", "-1", "x").parse().expect_err("id").get("parent_id"), Some(Problem::UnknownChoice));
        let errors = goal("", "", " ").parse().expect_err("two problems");
        assert_eq!((errors.get("level"), errors.get("text")), (Some(Problem::NotChosen), Some(Problem::Required)));
    }

    #[test]
    fn the_tree_lists_each_goal_under_its_parent_depth_first() {
        // 1 purpose; 2 and 5 goals under it; 3, 4 under 2; 6 under 5; 9 a goal whose parent is gone.
        let records = [(5, Some(1)), (3, Some(2)), (1, None), (2, Some(1)), (4, Some(2)), (6, Some(5)), (9, Some(8))];
        let ids: Vec<(i64, usize)> = tree_order(&records).into_iter().map(|(i, depth)| (records[i].0, depth)).collect();
        assert_eq!(ids, vec![(1, 0), (5, 1), (6, 2), (2, 1), (3, 2), (4, 2), (9, 0)]);
    }

    #[test]
    fn the_tree_shows_every_record_once_even_in_a_cycle() {
        let records = [(1, Some(2)), (2, Some(1)), (3, None)];
        let order = tree_order(&records);
        assert_eq!(order, vec![(2, 0), (0, 0), (1, 1)], "the real top first, then the cycle, each once");
    }
}
