//! The landscape over time: every change is kept, so the state on any date can be rebuilt and
//! two dates compared — which factors moved towards supporting, which questions were settled.

use std::collections::BTreeMap;

use time::Date;

use super::analysis::{FactorState, QuestionStatus};
use super::framework::Framework;
use crate::initiative::parse_date;
use crate::locale::{scandinavian_date, scandinavian_day_end};
use crate::validation::{FieldErrors, Problem};

/// A factor as one change left it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactorRecord {
    pub in_focus: bool,
    pub state: Option<FactorState>,
}

/// A question as one change left it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionRecord {
    pub status: QuestionStatus,
}

/// One kept change: what a factor or question looked like from `at` (Unix seconds) on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change<T> {
    pub key: String,
    pub at: i64,
    pub record: T,
}

/// Each key's record as it stood at `until` (inclusive): its latest change no later than that.
/// Changes may come in any order; of two at the same second, the later in the list wins.
pub fn as_of<T: Clone>(changes: &[Change<T>], until: i64) -> BTreeMap<&str, T> {
    let mut latest: BTreeMap<&str, (i64, usize, &T)> = BTreeMap::new();
    for (order, change) in changes.iter().enumerate().filter(|(_, c)| c.at <= until) {
        let entry = latest.entry(change.key.as_str()).or_insert((change.at, order, &change.record));
        if (change.at, order) >= (entry.0, entry.1) {
            *entry = (change.at, order, &change.record);
        }
    }
    latest.into_iter().map(|(key, (_, _, record))| (key, record.clone())).collect()
}

/// Which way a factor moved between two dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    TowardsSupporting,
    TowardsHindering,
    /// Assessed at one date and not at the other.
    Assessed,
    Unassessed,
}

/// A factor whose state differs between the two dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactorMove {
    pub key: String,
    pub from: Option<FactorState>,
    pub to: Option<FactorState>,
}

impl FactorMove {
    pub fn direction(&self) -> Direction {
        match (self.from, self.to) {
            (Some(from), Some(to)) if to > from => Direction::TowardsSupporting,
            (Some(_), Some(_)) => Direction::TowardsHindering,
            (None, _) => Direction::Assessed,
            (Some(_), None) => Direction::Unassessed,
        }
    }

    /// Hindered at the first date and no longer hinders at the second: what a steering group
    /// asks about first.
    pub fn stopped_hindering(&self) -> bool {
        self.from.is_some_and(FactorState::hinders) && self.to.is_some_and(|to| !to.hinders())
    }
}

/// A question whose status differs between the two dates. A question never touched is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionMove<'a> {
    pub key: &'a str,
    pub from: QuestionStatus,
    pub to: QuestionStatus,
}

impl QuestionMove<'_> {
    pub fn settled(&self) -> bool {
        self.to == QuestionStatus::Settled
    }
}

/// The factors whose state changed between `before` and `after`, in `order` (the framework's).
pub fn factor_moves<'k>(
    order: impl IntoIterator<Item = &'k str>,
    before: &BTreeMap<&str, FactorRecord>,
    after: &BTreeMap<&str, FactorRecord>,
) -> Vec<FactorMove> {
    order
        .into_iter()
        .filter_map(|key| {
            let from = before.get(key).and_then(|r| r.state);
            let to = after.get(key).and_then(|r| r.state);
            (from != to).then(|| FactorMove { key: key.to_owned(), from, to })
        })
        .collect()
}

/// The questions whose status changed between `before` and `after`, in `order`.
pub fn question_moves<'k>(
    order: impl IntoIterator<Item = &'k str>,
    before: &BTreeMap<&str, QuestionRecord>,
    after: &BTreeMap<&str, QuestionRecord>,
) -> Vec<QuestionMove<'k>> {
    let status =
        |map: &BTreeMap<&str, QuestionRecord>, key: &str| map.get(key).map_or(QuestionStatus::Open, |r| r.status);
    order
        .into_iter()
        .filter_map(|key| {
            let (from, to) = (status(before, key), status(after, key));
            (from != to).then_some(QuestionMove { key, from, to })
        })
        .collect()
}

/// The two dates to compare, from a form or query: both valid, the second not before the
/// first. Left out, the first is the day of the first change (or today) and the second today.
pub fn compared_dates(
    raw_from: &str,
    raw_to: &str,
    first_change: Option<i64>,
    today: Date,
) -> Result<(Date, Date), FieldErrors> {
    let mut errors = FieldErrors::new();
    let from = errors.check("from", parse_date(raw_from));
    let to = errors.check("to", parse_date(raw_to));
    let from = from.map(|d| d.unwrap_or_else(|| first_change.map_or(today, scandinavian_date)));
    let to = to.map(|d| d.unwrap_or(today));
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            errors.add("to", Problem::EndBeforeStart);
        }
    }
    errors.finish(|| Some((from?, to?)))
}

/// The moves between two dates, in the framework's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison<'f> {
    pub factors: Vec<FactorMove>,
    pub questions: Vec<QuestionMove<'f>>,
}

/// The landscape at the end of `from` against the end of `to` (Scandinavian time).
pub fn compare<'f>(
    framework: &'f Framework,
    factors: &[Change<FactorRecord>],
    questions: &[Change<QuestionRecord>],
    from: Date,
    to: Date,
) -> Comparison<'f> {
    let (before, after) = (scandinavian_day_end(from), scandinavian_day_end(to));
    Comparison {
        factors: factor_moves(
            framework.factors().map(|(_, f)| f.key.as_str()),
            &as_of(factors, before),
            &as_of(factors, after),
        ),
        questions: question_moves(
            framework.questions().map(|(_, q)| q.key.as_str()),
            &as_of(questions, before),
            &as_of(questions, after),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(v: i64) -> Option<FactorState> {
        FactorState::new(v).ok()
    }

    fn factor(key: &str, at: i64, v: Option<i64>) -> Change<FactorRecord> {
        Change { key: key.into(), at, record: FactorRecord { in_focus: true, state: v.and_then(state) } }
    }

    #[test]
    fn the_state_on_a_date_is_each_keys_latest_change_until_then() {
        let changes = vec![
            factor("a", 10, Some(-2)),
            factor("b", 15, Some(1)),
            factor("a", 20, Some(0)),
            factor("a", 20, Some(1)),
        ];
        let at = |t| {
            as_of(&changes, t)
                .into_iter()
                .map(|(k, r)| (k.to_owned(), r.state.map(FactorState::value)))
                .collect::<Vec<_>>()
        };
        assert_eq!(at(9), vec![]);
        assert_eq!(at(10), vec![("a".to_owned(), Some(-2))]);
        assert_eq!(at(19), vec![("a".to_owned(), Some(-2)), ("b".to_owned(), Some(1))]);
        assert_eq!(
            at(20),
            vec![("a".to_owned(), Some(1)), ("b".to_owned(), Some(1))],
            "the later of two at one second"
        );
        let shuffled = vec![changes[3].clone(), changes[0].clone(), changes[1].clone()];
        assert_eq!(
            as_of(&shuffled, 30).get("a").and_then(|r| r.state),
            state(1),
            "order of the list does not matter across times"
        );
    }

    #[test]
    fn moves_between_two_dates_say_which_way_and_what_stopped_hindering() {
        let changes = vec![
            factor("leadership", 10, Some(-2)),
            factor("caseload", 10, Some(-1)),
            factor("geography", 10, Some(1)),
            factor("leadership", 30, Some(1)),
            factor("caseload", 30, Some(-2)),
            factor("size", 30, Some(0)),
            factor("geography", 30, None),
        ];
        let (before, after) = (as_of(&changes, 20), as_of(&changes, 40));
        let moves = factor_moves(["leadership", "caseload", "size", "geography", "values"], &before, &after);
        let summary: Vec<(&str, Direction, bool)> =
            moves.iter().map(|m| (m.key.as_str(), m.direction(), m.stopped_hindering())).collect();
        assert_eq!(
            summary,
            [
                ("leadership", Direction::TowardsSupporting, true),
                ("caseload", Direction::TowardsHindering, false),
                ("size", Direction::Assessed, false),
                ("geography", Direction::Unassessed, false),
            ]
        );
    }

    #[test]
    fn a_question_never_touched_is_open_and_settling_it_is_a_move() {
        let q = |key: &str, at, status| Change { key: key.to_owned(), at, record: QuestionRecord { status } };
        let changes = vec![
            q("need", 10, QuestionStatus::NotSettled),
            q("need", 30, QuestionStatus::Settled),
            q("team", 30, QuestionStatus::NotRelevant),
            q("plan", 10, QuestionStatus::Settled),
        ];
        let moves = question_moves(["need", "team", "plan", "network"], &as_of(&changes, 20), &as_of(&changes, 40));
        assert_eq!(
            moves,
            [
                QuestionMove { key: "need", from: QuestionStatus::NotSettled, to: QuestionStatus::Settled },
                QuestionMove { key: "team", from: QuestionStatus::Open, to: QuestionStatus::NotRelevant },
            ]
        );
        assert!(moves[0].settled() && !moves[1].settled());
    }

    #[test]
    fn the_dates_default_to_the_first_change_and_today_and_must_run_forwards() {
        use time::macros::date;
        let today = date!(2026 - 11 - 28);
        let first = crate::locale::scandinavian_day_end(date!(2026 - 03 - 02));
        assert_eq!(compared_dates("", "", Some(first), today), Ok((date!(2026 - 03 - 02), today)));
        assert_eq!(compared_dates("", "", None, today), Ok((today, today)));
        assert_eq!(
            compared_dates("2026-05-01", "2026-08-31", None, today),
            Ok((date!(2026 - 05 - 01), date!(2026 - 08 - 31)))
        );
        let backwards = compared_dates("2026-09-01", "2026-08-31", None, today).expect_err("backwards");
        assert_eq!(backwards.get("to"), Some(Problem::EndBeforeStart));
        assert_eq!(compared_dates("1 maj", "", None, today).expect_err("bad").get("from"), Some(Problem::InvalidDate));
    }
}
