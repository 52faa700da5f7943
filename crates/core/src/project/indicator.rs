//! Goals' indicators: what is measured, in which unit, from which baseline towards which target,
//! per month, tertial, quarter or year; each period's value typed by hand or computed by Parat
//! from its own records, and its status on track, at risk or off track.

use serde::Deserialize;

use super::activity::{activities_in, PlannedAndDone};
use super::evaluation::{evaluation_mean, EvaluationGrade};
use super::followup::{attendance_in, EventFacts};
use super::outcome::{improved_share, outcomes_improved, OutcomeEnd};
use super::participation::{reached_work_or_studies, ParticipationFacts};
use crate::choice::choice_enum;
use crate::locale::Locale;
use crate::periods::{Period, PeriodKind};
use crate::validation::{decimal_in, optional_id, optional_text, required_text, FieldErrors, Problem};

const NAME_MAX: usize = 200;
const TEXT_MAX: usize = 2000;
const UNIT_MAX: usize = 40;
/// Indicators' numbers lie within plus or minus a thousand million.
const NUMBER_LIMIT: i64 = 1_000_000_000;
/// An indicator that has come this far from its baseline towards its target is at risk, not
/// off track: four fifths of the way.
pub const AT_RISK_FROM: f64 = 0.8;

choice_enum!(
    /// Where a period's value comes from: typed by hand, or counted by Parat from its records.
    IndicatorSource {
        Manual => "manual",
        Events => "events",
        Attendances => "attendances",
        PeopleReached => "people_reached",
        ActivitiesDone => "activities_done",
        ReachedWorkOrStudies => "reached_work_or_studies",
        EvaluationMean => "evaluation_mean",
        OutcomesImproved => "outcomes_improved",
        OutcomesImprovedShare => "outcomes_improved_share",
    }
);

choice_enum!(
    /// Whether the indicator should rise to its target (people reached) or fall to it (waiting times).
    Direction {
        Increase => "increase",
        Decrease => "decrease",
    }
);

choice_enum!(
    /// A period's status against the target.
    IndicatorStatus {
        OnTrack => "on_track",
        AtRisk => "at_risk",
        OffTrack => "off_track",
    }
);

/// An indicator as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct IndicatorInput {
    pub name: String,
    pub definition: String,
    pub unit: String,
    pub baseline: String,
    pub target: String,
    pub every: String,
    pub source: String,
    pub direction: String,
    pub goal_id: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorDefinition {
    pub name: String,
    pub definition: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub every: PeriodKind,
    pub source: IndicatorSource,
    pub direction: Direction,
    pub goal_id: Option<i64>,
}

/// A number as people write it in their language: spaces between thousands; in English a
/// decimal point and commas between thousands (`1,250.5`); in Swedish and Danish a decimal comma
/// (a point is taken too) and, in Danish, points between thousands (`1.250,5`).
pub fn indicator_number(raw: &str, locale: Locale) -> Result<f64, Problem> {
    let text: String = raw.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    let grouped_by_points = |t: &str| {
        let mut groups = t.trim_start_matches(['-', '−']).split('.');
        let first = groups.next().unwrap_or("");
        let rest: Vec<&str> = groups.collect();
        !rest.is_empty() && (1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3)
    };
    let text = match locale {
        Locale::En => text.replace(',', ""),
        _ if text.contains(',') => text.replace('.', ""),
        Locale::Da if grouped_by_points(&text) => text.replace('.', ""),
        _ => text,
    };
    decimal_in(&text.replace('−', "-"), -NUMBER_LIMIT, NUMBER_LIMIT)
}

impl IndicatorInput {
    pub fn parse(&self, locale: Locale) -> Result<IndicatorDefinition, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text(&self.name, NAME_MAX));
        let definition = errors.check("definition", optional_text(&self.definition, TEXT_MAX, true));
        let unit = errors.check("unit", optional_text(&self.unit, UNIT_MAX, false));
        let baseline = errors.check(
            "baseline",
            match self.baseline.trim() {
                "" => Ok(0.0),
                raw => indicator_number(raw, locale),
            },
        );
        let target = errors.check("target", indicator_number(&self.target, locale));
        let every = errors.check("every", PeriodKind::parse(&self.every).ok_or(Problem::NotChosen));
        let source = errors.check("source", IndicatorSource::parse(&self.source).map_err(|_| Problem::NotChosen));
        let direction = errors.check("direction", Direction::parse(&self.direction).map_err(|_| Problem::NotChosen));
        let goal_id = errors.check("goal_id", optional_id(&self.goal_id));
        errors.finish(|| {
            Some(IndicatorDefinition {
                name: name?,
                definition: definition?,
                unit: unit?,
                baseline: baseline?,
                target: target?,
                every: every?,
                source: source?,
                direction: direction?,
                goal_id: goal_id?,
            })
        })
    }
}

/// A period's entry as typed: the value (by hand only for a manual indicator), the status the
/// coordinator judges (left empty, Parat derives it) and a comment.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct PeriodEntryInput {
    pub period: String,
    pub value: String,
    pub status: String,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PeriodEntry {
    pub period: Period,
    pub value: Option<f64>,
    pub status: Option<IndicatorStatus>,
    pub comment: String,
}

impl PeriodEntryInput {
    /// The entry for an indicator reported per `every`, from `source`.
    pub fn parse(
        &self,
        every: PeriodKind,
        source: IndicatorSource,
        locale: Locale,
    ) -> Result<PeriodEntry, FieldErrors> {
        let mut errors = FieldErrors::new();
        let period = errors
            .check("period", Period::parse(&self.period).filter(|p| p.kind() == every).ok_or(Problem::UnknownChoice));
        let value = errors.check(
            "value",
            match (source, self.value.trim()) {
                (IndicatorSource::Manual, "") => Ok(None),
                (IndicatorSource::Manual, raw) => indicator_number(raw, locale).map(Some),
                // Parat counts it; a typed value would be a second truth.
                (_, "") => Ok(None),
                (_, _) => Err(Problem::UnknownChoice),
            },
        );
        let status = errors.check(
            "status",
            match self.status.trim() {
                "" => Ok(None),
                key => IndicatorStatus::parse(key).map(Some).map_err(|_| Problem::UnknownChoice),
            },
        );
        let comment = errors.check("comment", optional_text(&self.comment, TEXT_MAX, true));
        if let (Some(None), Some(None), Some("")) = (value, status, comment.as_deref()) {
            errors.add("value", Problem::Required);
        }
        errors.finish(|| Some(PeriodEntry { period: period?, value: value?, status: status?, comment: comment? }))
    }
}

/// The status a value gives against its target: reached, on track; at least four fifths of the
/// way from the baseline, at risk; otherwise off track. A target equal to its baseline is
/// either kept or not.
pub fn derived_status(value: f64, baseline: f64, target: f64, direction: Direction) -> IndicatorStatus {
    let (value, baseline, target) = match direction {
        Direction::Increase => (value, baseline, target),
        Direction::Decrease => (-value, -baseline, -target),
    };
    if value >= target {
        return IndicatorStatus::OnTrack;
    }
    if target > baseline && (value - baseline) / (target - baseline) >= AT_RISK_FROM {
        return IndicatorStatus::AtRisk;
    }
    IndicatorStatus::OffTrack
}

/// The records a counted indicator is computed from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Records<'a> {
    pub events: &'a [EventFacts],
    pub activities: &'a [PlannedAndDone],
    pub participations: &'a [ParticipationFacts],
    pub evaluations: &'a [EvaluationGrade],
    /// The ended outcome-rating episodes that name the initiative.
    pub outcomes: &'a [OutcomeEnd],
}

/// A counted source's value for a period, from the records; `None` for a manual indicator.
pub fn computed_value(source: IndicatorSource, period: &Period, records: Records<'_>) -> Option<f64> {
    let attendance = || attendance_in(period, records.events);
    let count = match source {
        IndicatorSource::Manual => return None,
        IndicatorSource::Events => attendance().events,
        IndicatorSource::Attendances => attendance().attendances,
        IndicatorSource::PeopleReached => {
            let a = attendance();
            a.attendances + a.head_counts
        }
        IndicatorSource::ActivitiesDone => activities_in(period, records.activities).done,
        IndicatorSource::ReachedWorkOrStudies => reached_work_or_studies(period, records.participations),
        IndicatorSource::EvaluationMean => return evaluation_mean(period, records.evaluations),
        IndicatorSource::OutcomesImproved => outcomes_improved(period, records.outcomes),
        IndicatorSource::OutcomesImprovedShare => return improved_share(period, records.outcomes),
    };
    Some(f64::from(count))
}

/// An indicator's reading for a period: the value (counted, or as typed), the status (as judged,
/// or derived from the value for a period of the indicator's own kind) and the comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub value: Option<f64>,
    pub status: Option<IndicatorStatus>,
    /// Whether the status is the coordinator's judgement rather than derived.
    pub judged: bool,
    pub comment: String,
}

impl IndicatorDefinition {
    /// The reading on `today`. A counted value is known from a period's first day; its status is
    /// derived once the period is over (a count half way through a tertial is not yet behind).
    /// A typed value's status is derived at once.
    pub fn reading(
        &self,
        period: &Period,
        entries: &[PeriodEntry],
        records: Records<'_>,
        today: time::Date,
    ) -> Reading {
        let entry = entries.iter().find(|e| e.period == *period);
        let counted = match period.first_day() <= today {
            true => computed_value(self.source, period, records),
            false => None,
        };
        let value = counted.or(entry.and_then(|e| e.value));
        let settled = self.source == IndicatorSource::Manual || period.last_day() < today;
        let judged = entry.and_then(|e| e.status);
        let derived = value
            .filter(|_| period.kind() == self.every && settled)
            .map(|v| derived_status(v, self.baseline, self.target, self.direction));
        Reading {
            value,
            status: judged.or(derived),
            judged: judged.is_some(),
            comment: entry.map(|e| e.comment.clone()).unwrap_or_default(),
        }
    }
}
