//! A period's report to the steering group: the figures are computed from the records when it
//! is read; the coordinator's narrative is typed and kept.

use serde::Deserialize;

use crate::periods::Period;

use crate::validation::{optional_text, FieldErrors};

const TEXT_MAX: usize = 8000;

/// The narrative as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct NarrativeInput {
    pub summary: String,
    pub went_well: String,
    pub difficulties: String,
    pub next_period: String,
}

/// The coordinator's words: a summary, what went well, difficulties and deviations, and what
/// comes next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Narrative {
    pub summary: String,
    pub went_well: String,
    pub difficulties: String,
    pub next_period: String,
}

impl NarrativeInput {
    pub fn parse(&self) -> Result<Narrative, FieldErrors> {
        let mut errors = FieldErrors::new();
        let text = |errors: &mut FieldErrors, field: &'static str, raw: &str| {
            errors.check(field, optional_text(raw, TEXT_MAX, true))
        };
        let summary = text(&mut errors, "summary", &self.summary);
        let went_well = text(&mut errors, "went_well", &self.went_well);
        let difficulties = text(&mut errors, "difficulties", &self.difficulties);
        let next_period = text(&mut errors, "next_period", &self.next_period);
        errors.finish(|| {
            Some(Narrative {
                summary: summary?,
                went_well: went_well?,
                difficulties: difficulties?,
                next_period: next_period?,
            })
        })
    }
}

impl Narrative {
    /// The fields in the report's order, with their keys.
    pub fn fields(&self) -> [(&'static str, &str); 4] {
        [
            ("summary", &self.summary),
            ("went_well", &self.went_well),
            ("difficulties", &self.difficulties),
            ("next_period", &self.next_period),
        ]
    }
}

/// Which report: a period's (a month, tertial, quarter or year), or the final report over the
/// whole project, with its appendices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportOf {
    Period(Period),
    Final,
}

impl ReportOf {
    const FINAL: &'static str = "final";

    /// As in the report's address and where its narrative is kept: `2026-T2`, `final`.
    pub fn key(&self) -> String {
        match self {
            ReportOf::Period(period) => period.key(),
            ReportOf::Final => Self::FINAL.to_owned(),
        }
    }

    pub fn parse(raw: &str) -> Option<ReportOf> {
        match raw {
            Self::FINAL => Some(ReportOf::Final),
            other => Period::parse(other).map(ReportOf::Period),
        }
    }
}
