//! Participants in an initiative's individual-oriented activities (as coordination associations
//! follow them up): registered in with gender, age band and their income and occupation before,
//! registered out with why and their income and occupation after. The person is a pseudonymous
//! code in the organisation's participant registry; consent is recorded or they take part anonymously.

use serde::Deserialize;
use time::Date;

use super::event::Gender;
use super::followup::ByGender;
use crate::choice::choice_enum;
use crate::initiative::parse_date;
use crate::outcomes::AgeGroup;
use crate::participant::CODE_MAX;
use crate::periods::Period;
use crate::validation::{required_text, FieldErrors, Problem};

choice_enum!(
    /// Age bands as the national follow-up of coordination associations counts them.
    AgeBand {
        Under20 => "under_20",
        From20To24 => "20_24",
        From25To29 => "25_29",
        From30To39 => "30_39",
        From40To49 => "40_49",
        From50To59 => "50_59",
        From60 => "60_plus",
    }
);

impl AgeBand {
    /// The registry's age group: under 20 is an adolescent (the outcome scales' youth version).
    pub fn age_group(self) -> AgeGroup {
        match self {
            AgeBand::Under20 => AgeGroup::Adolescent,
            _ => AgeGroup::Adult,
        }
    }
}

choice_enum!(
    /// Where a participant's living comes from.
    Income {
        Salary => "salary",
        SubsidisedSalary => "subsidised_salary",
        UnemploymentBenefit => "unemployment_benefit",
        SicknessBenefit => "sickness_benefit",
        ActivityCompensation => "activity_compensation",
        FinancialAid => "financial_aid",
        StudentAid => "student_aid",
        NoIncome => "none",
        Other => "other",
        Unknown => "unknown",
    }
);

choice_enum!(
    /// What a participant spends their days doing.
    Occupation {
        Work => "work",
        SubsidisedWork => "subsidised_work",
        Studies => "studies",
        JobSeeking => "job_seeking",
        Rehabilitation => "rehabilitation",
        NoOccupation => "none",
        Other => "other",
        Unknown => "unknown",
    }
);

choice_enum!(
    /// Why a participation ended.
    ExitReason {
        Work => "work",
        Studies => "studies",
        OtherEffort => "other_effort",
        Illness => "illness",
        Moved => "moved",
        OwnChoice => "own_choice",
        Other => "other",
    }
);

/// A registration in, as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct JoinInput {
    pub code: String,
    pub gender: String,
    pub age_band: String,
    pub joined_on: String,
    /// `yes` where the participant has consented to being recorded; otherwise anonymous.
    pub consent: String,
    pub income_before: String,
    pub occupation_before: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinDraft {
    pub code: String,
    pub gender: Gender,
    pub age_band: AgeBand,
    pub joined_on: Date,
    pub consent: bool,
    pub income_before: Income,
    pub occupation_before: Occupation,
}

fn chosen<T>(parsed: Result<T, Problem>) -> Result<T, Problem> {
    parsed.map_err(|_| Problem::NotChosen)
}

/// A date that has come: registrations are of what happened.
fn past_date(raw: &str, today: Date) -> Result<Date, Problem> {
    match parse_date(raw)? {
        None => Err(Problem::Required),
        Some(date) if date > today => Err(Problem::DateInFuture),
        Some(date) => Ok(date),
    }
}

impl JoinInput {
    pub fn parse(&self, today: Date) -> Result<JoinDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let code = errors.check("code", required_text(&self.code, CODE_MAX));
        let gender = errors.check("gender", chosen(Gender::parse(&self.gender)));
        let age_band = errors.check("age_band", chosen(AgeBand::parse(&self.age_band)));
        let joined_on = errors.check("joined_on", past_date(&self.joined_on, today));
        let consent = errors.check(
            "consent",
            match self.consent.trim() {
                "yes" | "true" => Ok(true),
                "" | "no" | "false" => Ok(false),
                _ => Err(Problem::UnknownChoice),
            },
        );
        let income_before = errors.check("income_before", chosen(Income::parse(&self.income_before)));
        let occupation_before = errors.check("occupation_before", chosen(Occupation::parse(&self.occupation_before)));
        errors.finish(|| {
            Some(JoinDraft {
                code: code?,
                gender: gender?,
                age_band: age_band?,
                joined_on: joined_on?,
                consent: consent?,
                income_before: income_before?,
                occupation_before: occupation_before?,
            })
        })
    }
}

/// A registration out, as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct LeaveInput {
    pub left_on: String,
    pub reason: String,
    pub income_after: String,
    pub occupation_after: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaveDraft {
    pub left_on: Date,
    pub reason: ExitReason,
    pub income_after: Income,
    pub occupation_after: Occupation,
}

impl LeaveInput {
    /// The registration out of a participation that began on `joined_on`.
    pub fn parse(&self, joined_on: Date, today: Date) -> Result<LeaveDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let left_on = errors.check(
            "left_on",
            past_date(&self.left_on, today).and_then(|d| match d < joined_on {
                true => Err(Problem::EndBeforeStart),
                false => Ok(d),
            }),
        );
        let reason = errors.check("reason", chosen(ExitReason::parse(&self.reason)));
        let income_after = errors.check("income_after", chosen(Income::parse(&self.income_after)));
        let occupation_after = errors.check("occupation_after", chosen(Occupation::parse(&self.occupation_after)));
        errors.finish(|| {
            Some(LeaveDraft {
                left_on: left_on?,
                reason: reason?,
                income_after: income_after?,
                occupation_after: occupation_after?,
            })
        })
    }
}

/// What a period's figures need of a participation: no code, no name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipationFacts {
    pub gender: Gender,
    pub joined_on: Date,
    pub left_on: Option<Date>,
    pub before: (Income, Occupation),
    pub after: Option<(Income, Occupation)>,
}

/// Participants registered out during the period to work (subsidised work too) or studies: the
/// outcome the Finsam follow-up asks about.
pub fn reached_work_or_studies(period: &Period, participations: &[ParticipationFacts]) -> u32 {
    let reached = |p: &&ParticipationFacts| {
        p.left_on.is_some_and(|d| period.contains(d))
            && p.after.is_some_and(|(_, occupation)| {
                matches!(occupation, Occupation::Work | Occupation::SubsidisedWork | Occupation::Studies)
            })
    };
    u32::try_from(participations.iter().filter(reached).count()).unwrap_or(u32::MAX)
}

/// Participants taking part at some time in the period (in before its end, not out before its
/// start), by gender: what the national follow-up asks for.
pub fn participants_in(period: &Period, participations: &[ParticipationFacts]) -> ByGender {
    let mut counts = ByGender::default();
    for p in participations {
        if p.joined_on <= period.last_day() && p.left_on.is_none_or(|left| left >= period.first_day()) {
            counts.add(p.gender);
        }
    }
    counts
}

/// How many of those who left went from each income (or occupation) before to each after:
/// `(before, after, how many)`, for the tables the national system no longer keeps.
pub fn before_and_after<T: Copy + Eq + Ord>(
    participations: &[ParticipationFacts],
    pick: impl Fn((Income, Occupation)) -> T,
) -> Vec<(T, T, u32)> {
    let mut cells: std::collections::BTreeMap<(T, T), u32> = std::collections::BTreeMap::new();
    for p in participations {
        if let Some(after) = p.after {
            *cells.entry((pick(p.before), pick(after))).or_default() += 1;
        }
    }
    cells.into_iter().map(|((before, after), n)| (before, after, n)).collect()
}
