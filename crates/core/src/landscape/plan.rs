//! The planning tools beside the landscape: the risk analysis (likelihood × consequence) and the
//! milestone plan (planned and actual dates in the phases of an introduction).

use serde::Deserialize;
use time::Date;

use crate::choice::choice_enum;
use crate::initiative::parse_date;
use crate::owner::Owner;
use crate::validation::{optional_text, required_text, FieldErrors, Problem};

pub const WHAT_MAX: usize = 500;
pub const MITIGATION_MAX: usize = 2_000;

/// A step on a scale from 1 to `max` (at most 9) from a form.
pub(crate) fn scale_step(raw: &str, max: u8) -> Result<u8, Problem> {
    match raw.trim() {
        "" => Err(Problem::NotChosen),
        raw => match raw.parse::<i64>() {
            Ok(n) if (1..=i64::from(max)).contains(&n) => Ok(n as u8),
            Ok(_) => Err(Problem::OutOfRange { min: 1, max: i64::from(max) }),
            Err(_) => Err(Problem::NotANumber),
        },
    }
}

/// A risk as the form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct RiskInput {
    pub what: String,
    pub likelihood: String,
    pub consequence: String,
    pub mitigation: String,
    pub owner_id: String,
    pub who: String,
}

/// A checked risk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskDraft {
    pub what: String,
    pub likelihood: u8,
    pub consequence: u8,
    pub mitigation: String,
    pub owner: Option<Owner>,
}

impl RiskInput {
    pub fn parse(&self) -> Result<RiskDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let what = errors.check("what", required_text(&self.what, WHAT_MAX));
        let likelihood = errors.check("likelihood", scale_step(&self.likelihood, 5));
        let consequence = errors.check("consequence", scale_step(&self.consequence, 5));
        let mitigation = errors.check("mitigation", optional_text(&self.mitigation, MITIGATION_MAX, true));
        let owner = Owner::parse(&self.owner_id, &self.who, false, &mut errors, ("owner_id", "who"));
        errors.finish(|| {
            Some(RiskDraft {
                what: what?,
                likelihood: likelihood?,
                consequence: consequence?,
                mitigation: mitigation?,
                owner: owner?,
            })
        })
    }
}

choice_enum!(
    /// A risk's band in the matrix by its score (likelihood × consequence, 1–25).
    RiskLevel {
        Low => "low",
        Medium => "medium",
        High => "high",
        VeryHigh => "very_high",
    }
);

impl RiskLevel {
    /// 1–4 low, 5–9 medium, 10–16 high, 20–25 very high (17–19 cannot occur).
    pub fn of(likelihood: u8, consequence: u8) -> RiskLevel {
        match u16::from(likelihood) * u16::from(consequence) {
            0..=4 => RiskLevel::Low,
            5..=9 => RiskLevel::Medium,
            10..=16 => RiskLevel::High,
            _ => RiskLevel::VeryHigh,
        }
    }
}

choice_enum!(
    /// Where a milestone has got to.
    MilestoneStatus {
        Planned => "planned",
        InProgress => "in_progress",
        Reached => "reached",
        Cancelled => "cancelled",
    }
);

/// A milestone as the form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct MilestoneInput {
    pub name: String,
    pub phase: String,
    pub planned_on: String,
    pub reached_on: String,
    pub status: String,
    pub owner_id: String,
    pub who: String,
}

/// A checked milestone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneDraft {
    pub name: String,
    /// One of the framework's phases, if any.
    pub phase: Option<String>,
    pub planned_on: Date,
    /// When it was actually reached: may lie before or after the planned date, never ahead of
    /// today, and only for a reached milestone.
    pub reached_on: Option<Date>,
    pub status: MilestoneStatus,
    pub owner: Option<Owner>,
}

impl MilestoneInput {
    /// `phases` are the framework's phase keys; `today` bounds the date it was reached.
    pub fn parse(&self, phases: &[&str], today: Date) -> Result<MilestoneDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text(&self.name, WHAT_MAX));
        let phase = match self.phase.trim() {
            "" => Some(None),
            key if phases.contains(&key) => Some(Some(key.to_owned())),
            _ => {
                errors.add("phase", Problem::UnknownChoice);
                None
            }
        };
        let planned_on = match errors.check("planned_on", parse_date(&self.planned_on)) {
            Some(Some(date)) => Some(date),
            Some(None) => {
                errors.add("planned_on", Problem::Required);
                None
            }
            None => None,
        };
        let status = match self.status.trim() {
            "" => Some(MilestoneStatus::Planned),
            raw => errors.check("status", MilestoneStatus::parse(raw)),
        };
        let reached_on = match (errors.check("reached_on", parse_date(&self.reached_on)), status) {
            (Some(Some(date)), _) if date > today => {
                errors.add("reached_on", Problem::DateInFuture);
                None
            }
            (Some(Some(_)), Some(status)) if status != MilestoneStatus::Reached => {
                errors.add("reached_on", Problem::ReachedOnlyWhenReached);
                None
            }
            (Some(None), Some(MilestoneStatus::Reached)) => {
                errors.add("reached_on", Problem::Required);
                None
            }
            (date, _) => date,
        };
        let owner = Owner::parse(&self.owner_id, &self.who, false, &mut errors, ("owner_id", "who"));
        errors.finish(|| {
            Some(MilestoneDraft {
                name: name?,
                phase: phase?,
                planned_on: planned_on?,
                reached_on: reached_on?,
                status: status?,
                owner: owner?,
            })
        })
    }
}

impl MilestoneDraft {
    /// Not reached or cancelled, and planned before `today`.
    pub fn is_overdue(status: MilestoneStatus, planned_on: Date, today: Date) -> bool {
        matches!(status, MilestoneStatus::Planned | MilestoneStatus::InProgress) && planned_on < today
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 28);

    fn risk(what: &str, likelihood: &str, consequence: &str) -> RiskInput {
        RiskInput {
            what: what.into(),
            likelihood: likelihood.into(),
            consequence: consequence.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_risk_has_a_text_and_two_steps_from_one_to_five() {
        let draft = risk("Nyckelpersoner slutar", "4", "5").parse().expect("valid");
        assert_eq!((draft.likelihood, draft.consequence, draft.owner), (4, 5, None));
        let errors = risk(" ", "0", "sex").parse().expect_err("three problems");
        assert_eq!(errors.get("what"), Some(Problem::Required));
        assert_eq!(errors.get("likelihood"), Some(Problem::OutOfRange { min: 1, max: 5 }));
        assert_eq!(errors.get("consequence"), Some(Problem::NotANumber));
        assert_eq!(risk("x", "", "3").parse().expect_err("none").get("likelihood"), Some(Problem::NotChosen));
    }

    #[test]
    fn every_cell_of_the_matrix_has_its_band() {
        // The bands by hand, row by row (likelihood 1–5 down, consequence 1–5 across).
        let expected = [
            ["low", "low", "low", "low", "medium"],
            ["low", "low", "medium", "medium", "high"],
            ["low", "medium", "medium", "high", "high"],
            ["low", "medium", "high", "high", "very_high"],
            ["medium", "high", "high", "very_high", "very_high"],
        ];
        for (l, row) in expected.iter().enumerate() {
            for (c, band) in row.iter().enumerate() {
                assert_eq!(RiskLevel::of(l as u8 + 1, c as u8 + 1).key(), *band, "{}×{}", l + 1, c + 1);
            }
        }
    }

    fn milestone(planned: &str, reached: &str, status: &str) -> MilestoneInput {
        MilestoneInput {
            name: "Utbildning klar".into(),
            phase: "introduction".into(),
            planned_on: planned.into(),
            reached_on: reached.into(),
            status: status.into(),
            ..Default::default()
        }
    }

    const PHASES: [&str; 4] = ["needs", "introduction", "use", "sustainment"];

    #[test]
    fn a_milestone_may_be_reached_before_its_planned_date_but_not_in_the_future() {
        let early = milestone("2026-12-15", "2026-11-20", "reached").parse(&PHASES, TODAY).expect("early is fine");
        assert_eq!(early.reached_on, Some(date!(2026 - 11 - 20)));
        let future = milestone("2026-12-15", "2026-12-01", "reached").parse(&PHASES, TODAY).expect_err("future");
        assert_eq!(future.get("reached_on"), Some(Problem::DateInFuture));
        let not_reached = milestone("2026-12-15", "2026-11-01", "planned").parse(&PHASES, TODAY).expect_err("date");
        assert_eq!(not_reached.get("reached_on"), Some(Problem::ReachedOnlyWhenReached));
        let missing = milestone("2026-12-15", "", "reached").parse(&PHASES, TODAY).expect_err("missing");
        assert_eq!(missing.get("reached_on"), Some(Problem::Required));
        let no_plan = milestone("", "", "").parse(&PHASES, TODAY).expect_err("no planned date");
        assert_eq!(no_plan.get("planned_on"), Some(Problem::Required));
        let mut odd = milestone("2026-12-15", "", "");
        odd.phase = "launch".into();
        assert_eq!(odd.parse(&PHASES, TODAY).expect_err("phase").get("phase"), Some(Problem::UnknownChoice));
    }

    #[test]
    fn a_milestone_is_overdue_when_its_planned_date_has_passed_and_it_is_still_open() {
        let past = date!(2026 - 11 - 01);
        assert!(MilestoneDraft::is_overdue(MilestoneStatus::Planned, past, TODAY));
        assert!(MilestoneDraft::is_overdue(MilestoneStatus::InProgress, past, TODAY));
        assert!(!MilestoneDraft::is_overdue(MilestoneStatus::Reached, past, TODAY));
        assert!(!MilestoneDraft::is_overdue(MilestoneStatus::Cancelled, past, TODAY));
        assert!(!MilestoneDraft::is_overdue(MilestoneStatus::Planned, TODAY, TODAY));
    }
}
