//! An assessment's life and the forms that shape it: status, team tasks, informants,
//! interviews, answers, and scores as entered.

use serde::Deserialize;

use super::instrument::builtin_by_id;
use super::scoring::{HalfPoints, ScoreProblem};
use crate::choice::choice_enum;
use crate::initiative::parse_date;
use crate::validation::{optional_text, required_text, FieldErrors, Problem};

choice_enum!(
    /// Where an assessment is. It moves forward one step at a time; see [`AssessmentStatus::next`].
    AssessmentStatus {
        Planned => "planned",
        Interviewing => "interviewing",
        Scoring => "scoring",
        Consensus => "consensus",
        Reported => "reported",
    }
);

impl AssessmentStatus {
    pub fn next(self) -> Option<AssessmentStatus> {
        match self {
            AssessmentStatus::Planned => Some(AssessmentStatus::Interviewing),
            AssessmentStatus::Interviewing => Some(AssessmentStatus::Scoring),
            AssessmentStatus::Scoring => Some(AssessmentStatus::Consensus),
            AssessmentStatus::Consensus => Some(AssessmentStatus::Reported),
            AssessmentStatus::Reported => None,
        }
    }
}

choice_enum!(
    /// What a team member does in one assessment.
    Task {
        Interviewer => "interviewer",
        Scorer => "scorer",
    }
);

pub const MEASURED_MAX: usize = 160;
pub const ISSUE_MAX: usize = 160;
pub const LABEL_MAX: usize = 80;
pub const ROLE_MAX: usize = 160;
pub const CONTACT_MAX: usize = 300;
pub const ANSWER_MAX: usize = 20_000;
pub const TRANSCRIPT_MAX: usize = 400_000;
pub const EVIDENCE_MAX: usize = 4_000;

/// A new assessment as the form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct AssessmentInput {
    pub instrument: String,
    pub measured: String,
    pub issue: String,
    pub half_points: String,
    pub interviewers: Vec<String>,
    pub scorers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentDraft {
    pub instrument_id: String,
    pub measured: String,
    pub issue: String,
    pub half_points: bool,
    pub interviewers: Vec<i64>,
    pub scorers: Vec<i64>,
}

impl AssessmentInput {
    pub fn parse(&self) -> Result<AssessmentDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        // A shipped instrument, or one of the organisation's own (`org-<id>`, checked by the store).
        let instrument = match self.instrument.trim() {
            "" => {
                errors.add("instrument", Problem::NotChosen);
                None
            }
            id if builtin_by_id(id).is_some() || own_instrument_id(id).is_some() => Some(id.to_owned()),
            _ => {
                errors.add("instrument", Problem::UnknownChoice);
                None
            }
        };
        let measured = errors.check("measured", required_text(&self.measured, MEASURED_MAX));
        let issue = errors.check("issue", required_text(&self.issue, ISSUE_MAX));
        let interviewers = errors.check("interviewers", crate::validation::chosen_ids(&self.interviewers));
        let scorers = match errors.check("scorers", crate::validation::chosen_ids(&self.scorers)) {
            // Two independent scorers is the method.
            Some(scorers) if scorers.len() != 2 => {
                errors.add("scorers", Problem::TwoScorers);
                None
            }
            other => other,
        };
        let half_points = matches!(self.half_points.as_str(), "1" | "true" | "on");
        errors.finish(|| {
            Some(AssessmentDraft {
                instrument_id: instrument?,
                measured: measured?,
                issue: issue?,
                half_points,
                interviewers: interviewers?,
                scorers: scorers?,
            })
        })
    }
}

/// The database id in an own instrument's key, `org-<id>`.
pub fn own_instrument_id(key: &str) -> Option<i64> {
    key.strip_prefix("org-")?.parse().ok().filter(|id| *id > 0)
}

/// A key informant: a pseudonymous label, a role and a sector; contact details optional.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct InformantInput {
    pub label: String,
    pub role: String,
    pub sector: String,
    pub contact: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InformantDraft {
    pub label: String,
    pub role: String,
    pub sector: String,
    pub contact: Option<String>,
}

impl InformantInput {
    pub fn parse(&self) -> Result<InformantDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let label = errors.check("label", required_text(&self.label, LABEL_MAX));
        let role = errors.check("role", required_text(&self.role, ROLE_MAX));
        let sector = errors.check("sector", required_text(&self.sector, ROLE_MAX));
        let contact = errors.check("contact", optional_text(&self.contact, CONTACT_MAX, false));
        errors.finish(|| {
            Some(InformantDraft {
                label: label?,
                role: role?,
                sector: sector?,
                contact: Some(contact?).filter(|c| !c.is_empty()),
            })
        })
    }
}

/// A new interview: with whom, when, by whom.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct InterviewInput {
    pub informant_id: String,
    pub held_on: String,
    pub interviewer_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewDraft {
    pub informant_id: Option<i64>,
    pub held_on: Option<time::Date>,
    pub interviewer_id: Option<i64>,
}

fn optional_id(raw: &str) -> Result<Option<i64>, Problem> {
    match raw.trim() {
        "" => Ok(None),
        value => value.parse::<i64>().ok().filter(|id| *id > 0).map(Some).ok_or(Problem::UnknownChoice),
    }
}

impl InterviewInput {
    pub fn parse(&self) -> Result<InterviewDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let informant_id = errors.check("informant_id", optional_id(&self.informant_id));
        let held_on = errors.check("held_on", parse_date(&self.held_on));
        let interviewer_id = errors.check("interviewer_id", optional_id(&self.interviewer_id));
        errors.finish(|| {
            Some(InterviewDraft { informant_id: informant_id?, held_on: held_on?, interviewer_id: interviewer_id? })
        })
    }
}

/// The informant's 1–10 rating for a context question ("and why"); never a score.
pub fn parse_context_rating(raw: &str) -> Result<Option<u8>, Problem> {
    match raw.trim() {
        "" => Ok(None),
        value => value.parse::<u8>().ok().filter(|r| (1..=10).contains(r)).map(Some).ok_or(Problem::UnknownChoice),
    }
}

/// One level as a form sends it ("", "4", "4.5", "4,5"), on the assessment's scale.
pub fn parse_level(raw: &str, half_points_allowed: bool) -> Result<Option<HalfPoints>, Problem> {
    let raw = raw.trim().replace(',', ".");
    if raw.is_empty() {
        return Ok(None);
    }
    let value = raw.parse::<f64>().map_err(|_| Problem::UnknownChoice)?;
    HalfPoints::parse(value, half_points_allowed).map(Some).map_err(|problem| match problem {
        ScoreProblem::OffScale | ScoreProblem::NotAStep | ScoreProblem::HalfPointNotAllowed => Problem::UnknownChoice,
    })
}

/// The levels a scale offers: 1–9, or 1, 1.5 … 9 with half points.
pub fn scale_steps(half_points_allowed: bool) -> Vec<HalfPoints> {
    let step = if half_points_allowed { 1 } else { 2 };
    (2..=18u8)
        .step_by(step)
        .filter_map(|half| HalfPoints::parse(f64::from(half) / 2.0, half_points_allowed).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_moves_forward_one_step_at_a_time() {
        let mut status = AssessmentStatus::Planned;
        let mut seen = vec![status];
        while let Some(next) = status.next() {
            status = next;
            seen.push(status);
        }
        assert_eq!(seen, AssessmentStatus::ALL);
    }

    #[test]
    fn an_assessment_needs_a_shipped_instrument_and_two_scorers() {
        let input = AssessmentInput {
            instrument: "crm-2006".into(),
            measured: "Borås stad".into(),
            issue: "våld i nära relationer".into(),
            scorers: vec!["3".into(), "4".into()],
            ..Default::default()
        };
        assert_eq!(input.parse().map(|d| d.scorers), Ok(vec![3, 4]));
        let one_scorer = AssessmentInput { scorers: vec!["3".into(), "3".into()], ..input.clone() };
        assert_eq!(one_scorer.parse().expect_err("refused").get("scorers"), Some(Problem::TwoScorers));
        let unknown = AssessmentInput { instrument: "crm-1999".into(), ..input };
        assert_eq!(unknown.parse().expect_err("refused").get("instrument"), Some(Problem::UnknownChoice));
    }

    #[test]
    fn levels_parse_with_comma_or_point_and_respect_half_points() {
        assert_eq!(parse_level("4,5", true).map(|l| l.map(HalfPoints::half_points)), Ok(Some(9)));
        assert_eq!(parse_level("4.5", false), Err(Problem::UnknownChoice));
        assert_eq!(parse_level("", false), Ok(None));
        assert_eq!(parse_level("10", true), Err(Problem::UnknownChoice));
        assert_eq!(scale_steps(false).len(), 9);
        assert_eq!(scale_steps(true).len(), 17);
    }

    #[test]
    fn context_ratings_are_one_to_ten() {
        assert_eq!(parse_context_rating("7"), Ok(Some(7)));
        assert_eq!(parse_context_rating(""), Ok(None));
        assert_eq!(parse_context_rating("11"), Err(Problem::UnknownChoice));
    }
}
