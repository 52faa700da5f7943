//! The frame of a project: who pays which share, who holds the project model's roles, the
//! phases with their decision points, and when reports are due.

use serde::Deserialize;
use time::Date;

use crate::choice::choice_enum;
use crate::initiative::parse_date;
use crate::locale::Locale;
pub use crate::money::{format_percent, Share};
use crate::periods::{Period, PeriodKind};
use crate::validation::{int_in, optional_text, required_text, FieldErrors, Problem};

const NAME_MAX: usize = 200;
const TEXT_MAX: usize = 1000;

/// A funder as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct FunderInput {
    pub name: String,
    pub share: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunderDraft {
    pub name: String,
    pub share: Share,
}

impl FunderInput {
    pub fn parse(&self, locale: Locale) -> Result<FunderDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text(&self.name, NAME_MAX));
        let share = errors.check("share", Share::parse(&self.share, locale));
        errors.finish(|| Some(FunderDraft { name: name?, share: share? }))
    }
}

/// Whether the funders' shares add up to the whole: an agreement that leaves part unfunded, or
/// promises more than all of it, is shown as such.
pub fn shares_total(shares: &[Share]) -> u32 {
    shares.iter().map(|s| u32::from(s.hundredths())).sum()
}

choice_enum!(
    /// The roles of the project model, each held by named people.
    ProjectRole {
        Sponsor => "sponsor",
        SteeringGroup => "steering_group",
        ProcessOwner => "process_owner",
        ProcessLeader => "process_leader",
        ReferenceGroup => "reference_group",
    }
);

/// Someone holding a role, as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct RoleInput {
    pub role: String,
    pub person: String,
    pub organisation: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleDraft {
    pub role: ProjectRole,
    pub person: String,
    pub organisation: String,
}

impl RoleInput {
    pub fn parse(&self) -> Result<RoleDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let role = errors.check("role", ProjectRole::parse(&self.role).map_err(|_| Problem::NotChosen));
        let person = errors.check("person", required_text(&self.person, NAME_MAX));
        let organisation = errors.check("organisation", optional_text(&self.organisation, NAME_MAX, false));
        errors.finish(|| Some(RoleDraft { role: role?, person: person?, organisation: organisation? }))
    }
}

/// A phase as typed: its dates, and the decision that ends it (what is decided, by when).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct PhaseInput {
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub decision: String,
    pub decision_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseDraft {
    pub name: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub decision: String,
    pub decision_on: Option<Date>,
}

impl PhaseInput {
    pub fn parse(&self) -> Result<PhaseDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let required = |raw: &str| parse_date(raw).and_then(|d| d.ok_or(Problem::Required));
        let name = errors.check("name", required_text(&self.name, NAME_MAX));
        let starts_on = errors.check("starts_on", required(&self.starts_on));
        let ends_on = errors.check("ends_on", required(&self.ends_on));
        let ends_on = match (starts_on, ends_on) {
            (Some(start), Some(end)) if end < start => {
                errors.add("ends_on", Problem::EndBeforeStart);
                None
            }
            (_, end) => end,
        };
        let decision = errors.check("decision", optional_text(&self.decision, TEXT_MAX, true));
        let decision_on = errors.check("decision_on", parse_date(&self.decision_on));
        errors.finish(|| {
            Some(PhaseDraft {
                name: name?,
                starts_on: starts_on?,
                ends_on: ends_on?,
                decision: decision?,
                decision_on: decision_on?,
            })
        })
    }
}

/// How often the project reports, and how many days after a period its report is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reporting {
    pub every: PeriodKind,
    pub days_after: u8,
}

impl Default for Reporting {
    /// Every tertial, due a fortnight after it, as Swedish steering groups commonly meet.
    fn default() -> Self {
        Reporting { every: PeriodKind::Tertial, days_after: 14 }
    }
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct ReportingInput {
    pub every: String,
    pub days_after: String,
}

impl ReportingInput {
    pub fn parse(&self) -> Result<Reporting, FieldErrors> {
        let mut errors = FieldErrors::new();
        let every = errors.check("every", PeriodKind::parse(&self.every).ok_or(Problem::NotChosen));
        let days = errors.check("days_after", int_in(&self.days_after, 0, 90).map(|d| d as u8));
        errors.finish(|| Some(Reporting { every: every?, days_after: days? }))
    }
}

/// A report in the calendar: its period and the day it is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportDue {
    pub period: Period,
    pub due: Date,
}

/// The reports a project owes from its first day to its last: one per period it touches, due
/// the set number of days after the period ends.
pub fn reporting_calendar(reporting: Reporting, first: Date, last: Date) -> Vec<ReportDue> {
    Period::span(reporting.every, first, last)
        .into_iter()
        .map(|period| {
            let due = period.last_day().checked_add(time::Duration::days(i64::from(reporting.days_after)));
            ReportDue { period, due: due.unwrap_or(Date::MAX) }
        })
        .collect()
}
