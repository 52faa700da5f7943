//! The feedback meeting after a measurement: when it was held, who attended, what the results
//! showed (strengths, concerns, resources) and the actions decided, which become the
//! assessment's action plan, one task per line.

use serde::Deserialize;
use time::Date;

use crate::initiative::parse_date;
use crate::readiness::action::WHAT_MAX;
use crate::validation::{optional_text, FieldErrors, Problem};

pub const TEXT_MAX: usize = 4000;

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct FeedbackInput {
    pub held_on: String,
    pub attended: String,
    pub strengths: String,
    pub concerns: String,
    pub resources: String,
    /// One decided action per line.
    pub actions: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FeedbackDraft {
    pub held_on: Date,
    pub attended: String,
    pub strengths: String,
    pub concerns: String,
    pub resources: String,
    pub actions: Vec<String>,
}

impl FeedbackInput {
    /// The meeting, held on or before `today`.
    pub fn parse(&self, today: Date) -> Result<FeedbackDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let held_on = errors.check(
            "held_on",
            parse_date(&self.held_on).and_then(|d| match d {
                None => Err(Problem::Required),
                Some(d) if d > today => Err(Problem::DateInFuture),
                Some(d) => Ok(d),
            }),
        );
        let attended = errors.check("attended", optional_text(&self.attended, TEXT_MAX, true));
        let strengths = errors.check("strengths", optional_text(&self.strengths, TEXT_MAX, true));
        let concerns = errors.check("concerns", optional_text(&self.concerns, TEXT_MAX, true));
        let resources = errors.check("resources", optional_text(&self.resources, TEXT_MAX, true));
        // The whole text is bounded, and each line is one task's text.
        let actions = errors.check(
            "actions",
            optional_text(&self.actions, TEXT_MAX, true).and_then(|text| {
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| optional_text(l, WHAT_MAX, false))
                    .collect::<Result<Vec<String>, Problem>>()
            }),
        );
        errors.finish(|| {
            Some(FeedbackDraft {
                held_on: held_on?,
                attended: attended?,
                strengths: strengths?,
                concerns: concerns?,
                resources: resources?,
                actions: actions?,
            })
        })
    }
}
