//! How each factor stands for one initiative, and where each reflection question has got to:
//! the typed values behind the landscape's forms and API.

use serde::Deserialize;
use time::Date;

use crate::choice::choice_enum;
use crate::initiative::parse_due_date;
use crate::owner::Owner;
use crate::validation::{optional_text, FieldErrors, Problem};

/// How a factor stands today, from clearly hindering (−2) to clearly supporting (2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactorState(i8);

impl FactorState {
    pub const ALL: [FactorState; 5] =
        [FactorState(-2), FactorState(-1), FactorState(0), FactorState(1), FactorState(2)];

    pub fn new(value: i64) -> Result<FactorState, Problem> {
        match value {
            -2..=2 => Ok(FactorState(value as i8)),
            _ => Err(Problem::OutOfRange { min: -2, max: 2 }),
        }
    }

    pub fn value(self) -> i8 {
        self.0
    }

    /// The stable name of the step: the suffix of its message and its colour's class.
    pub fn key(self) -> &'static str {
        match self.0 {
            -2 => "clearly-hinders",
            -1 => "hinders",
            0 => "neutral",
            1 => "supports",
            _ => "clearly-supports",
        }
    }

    pub fn hinders(self) -> bool {
        self.0 < 0
    }

    /// A form's value: empty is "not assessed".
    pub fn parse_field(raw: &str) -> Result<Option<FactorState>, Problem> {
        match raw.trim() {
            "" => Ok(None),
            raw => raw.parse::<i64>().map_err(|_| Problem::UnknownChoice).and_then(FactorState::new).map(Some),
        }
    }
}

impl serde::Serialize for FactorState {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i8(self.0)
    }
}

choice_enum!(
    /// Where a reflection question has got to.
    QuestionStatus {
        Open => "open",
        Settled => "settled",
        NotSettled => "not_settled",
        NotRelevant => "not_relevant",
    }
);

impl QuestionStatus {
    /// Settled or set aside: nothing more to do.
    pub fn is_done(self) -> bool {
        matches!(self, QuestionStatus::Settled | QuestionStatus::NotRelevant)
    }
}

pub const NOTE_MAX: usize = 2_000;
pub const ANSWER_MAX: usize = 5_000;

/// A factor's assessment as the form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct FactorInput {
    pub in_focus: String,
    pub state: String,
    pub note: String,
    pub follow_up_id: String,
    pub follow_up: String,
}

/// A checked factor assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactorDraft {
    pub in_focus: bool,
    pub state: Option<FactorState>,
    pub note: String,
    pub follow_up: Option<Owner>,
}

impl FactorInput {
    pub fn parse(&self) -> Result<FactorDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let in_focus = matches!(self.in_focus.trim(), "1" | "on" | "true");
        let state = errors.check("state", FactorState::parse_field(&self.state));
        let note = errors.check("note", optional_text(&self.note, NOTE_MAX, true));
        let follow_up =
            Owner::parse(&self.follow_up_id, &self.follow_up, false, &mut errors, ("follow_up_id", "follow_up"));
        errors.finish(|| Some(FactorDraft { in_focus, state: state?, note: note?, follow_up: follow_up? }))
    }
}

/// A reflection question's answer and status as the form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct QuestionInput {
    pub answer: String,
    pub status: String,
    pub owner_id: String,
    pub who: String,
    pub due_on: String,
}

/// A checked answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionDraft {
    pub answer: String,
    pub status: QuestionStatus,
    pub owner: Option<Owner>,
    pub due_on: Option<Date>,
}

impl QuestionInput {
    /// `kept_due_on` is the question's present date, which may stay when it has passed.
    pub fn parse(&self, today: Date, kept_due_on: Option<Date>) -> Result<QuestionDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let answer = errors.check("answer", optional_text(&self.answer, ANSWER_MAX, true));
        let status = match self.status.trim() {
            "" => Some(QuestionStatus::Open),
            raw => errors.check("status", QuestionStatus::parse(raw)),
        };
        let owner = Owner::parse(&self.owner_id, &self.who, false, &mut errors, ("owner_id", "who"));
        let due_on = errors.check("due_on", parse_due_date(&self.due_on, today, kept_due_on));
        errors.finish(|| Some(QuestionDraft { answer: answer?, status: status?, owner: owner?, due_on: due_on? }))
    }
}

impl QuestionDraft {
    /// Not settled or set aside, and due before `today`.
    pub fn is_overdue(status: QuestionStatus, due_on: Option<Date>, today: Date) -> bool {
        !status.is_done() && due_on.is_some_and(|due| due < today)
    }
}

/// How far a set of questions has come: done (settled or not relevant) of all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn of(statuses: impl IntoIterator<Item = QuestionStatus>) -> Progress {
        statuses.into_iter().fold(Progress::default(), |p, status| Progress {
            done: p.done + usize::from(status.is_done()),
            total: p.total + 1,
        })
    }

    /// The done share in whole per cent, rounded down (so 100 means all done).
    pub fn percent(self) -> u32 {
        (self.done * 100).checked_div(self.total).unwrap_or(0) as u32
    }
}

/// The factors that hinder most: assessed below neutral, most hindering first, and among
/// equals those in focus first; the framework's order breaks remaining ties.
pub fn most_hindering<T>(factors: &[T], state: impl Fn(&T) -> (Option<FactorState>, bool)) -> Vec<&T> {
    let mut hindering: Vec<(usize, &T)> =
        factors.iter().enumerate().filter(|(_, f)| state(f).0.is_some_and(FactorState::hinders)).collect();
    hindering.sort_by_key(|(order, f)| {
        let (value, in_focus) = state(f);
        (value, !in_focus, *order)
    });
    hindering.into_iter().map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 28);

    #[test]
    fn a_state_is_one_of_five_steps_or_not_assessed() {
        assert_eq!(FactorState::parse_field(""), Ok(None));
        assert_eq!(FactorState::parse_field("-2").map(|s| s.map(FactorState::value)), Ok(Some(-2)));
        assert_eq!(FactorState::parse_field("3"), Err(Problem::OutOfRange { min: -2, max: 2 }));
        assert_eq!(FactorState::parse_field("hinders"), Err(Problem::UnknownChoice));
        let keys: Vec<&str> = FactorState::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys, ["clearly-hinders", "hinders", "neutral", "supports", "clearly-supports"]);
    }

    #[test]
    fn a_factor_form_keeps_its_note_and_names_its_problems() {
        let input = FactorInput {
            in_focus: "1".into(),
            state: "-1".into(),
            note: " Två av tre team saknar handledning. ".into(),
            follow_up: "Enhetschef IFO".into(),
            ..Default::default()
        };
        let draft = input.parse().expect("valid");
        assert!(draft.in_focus);
        assert_eq!(draft.state.map(FactorState::value), Some(-1));
        assert_eq!(draft.note, "Två av tre team saknar handledning.");
        assert_eq!(draft.follow_up, Some(Owner::Named("Enhetschef IFO".into())));
        let bad = FactorInput { state: "7".into(), note: "x".repeat(NOTE_MAX + 1), follow_up_id: "x".into(), ..input };
        let errors = bad.parse().expect_err("three problems");
        assert_eq!(errors.get("state"), Some(Problem::OutOfRange { min: -2, max: 2 }));
        assert_eq!(errors.get("note"), Some(Problem::TooLong { max: NOTE_MAX }));
        assert_eq!(errors.get("follow_up_id"), Some(Problem::UnknownChoice));
    }

    #[test]
    fn a_question_is_open_until_marked_and_its_new_date_is_not_in_the_past() {
        let draft = QuestionInput::default().parse(TODAY, None).expect("nothing given is an open question");
        assert_eq!((draft.status, draft.owner, draft.due_on), (QuestionStatus::Open, None, None));
        let past = QuestionInput { due_on: "2026-11-01".into(), status: "settled".into(), ..Default::default() };
        assert_eq!(past.parse(TODAY, None).expect_err("past").get("due_on"), Some(Problem::DateInPast));
        assert!(past.parse(TODAY, Some(date!(2026 - 11 - 01))).is_ok(), "an overdue date may stay");
        let unknown = QuestionInput { status: "done".into(), ..Default::default() };
        assert_eq!(unknown.parse(TODAY, None).expect_err("unknown").get("status"), Some(Problem::UnknownChoice));
    }

    #[test]
    fn overdue_means_not_done_and_due_before_today() {
        let yesterday = Some(date!(2026 - 11 - 27));
        assert!(QuestionDraft::is_overdue(QuestionStatus::Open, yesterday, TODAY));
        assert!(QuestionDraft::is_overdue(QuestionStatus::NotSettled, yesterday, TODAY));
        assert!(!QuestionDraft::is_overdue(QuestionStatus::Settled, yesterday, TODAY));
        assert!(!QuestionDraft::is_overdue(QuestionStatus::NotRelevant, yesterday, TODAY));
        assert!(!QuestionDraft::is_overdue(QuestionStatus::Open, Some(TODAY), TODAY), "due today is not late");
        assert!(!QuestionDraft::is_overdue(QuestionStatus::Open, None, TODAY));
    }

    #[test]
    fn progress_counts_settled_and_not_relevant_as_done() {
        use QuestionStatus::*;
        let p = Progress::of([Open, Settled, NotSettled, NotRelevant, Settled, Open, Open]);
        assert_eq!((p.done, p.total, p.percent()), (3, 7, 42));
        assert_eq!(Progress::of([]).percent(), 0);
    }

    #[test]
    fn the_most_hindering_come_first_and_focus_breaks_ties() {
        let s = |v: i64| FactorState::new(v).ok();
        let factors =
            [("a", s(-1), false), ("b", s(2), true), ("c", s(-1), true), ("d", None, true), ("e", s(-2), false)];
        let order: Vec<&str> = most_hindering(&factors, |f| (f.1, f.2)).iter().map(|f| f.0).collect();
        assert_eq!(order, ["e", "c", "a"]);
    }
}
