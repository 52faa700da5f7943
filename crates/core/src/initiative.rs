//! Initiatives: what an organisation is implementing, and the rules for a valid one.

use serde::Deserialize;
use time::Date;

use crate::choice::choice_enum;
use crate::validation::{optional_text, required_text, FieldErrors, Problem};

choice_enum!(
    /// The topic areas Parat knows; `Custom` carries a name of the organisation's own.
    TopicArea {
        ViolenceInCloseRelationships => "violence_close_relationships",
        HonourRelatedViolence => "honour_related_violence",
        Andt => "andt_prevention",
        MinorityRights => "minority_rights",
        Integration => "integration",
        VocationalRehabilitation => "vocational_rehabilitation",
        MentalHealthRecovery => "mental_health_recovery",
        Custom => "custom",
    }
);

choice_enum!(
    /// Where an initiative is in its life. Archiving is separate: an archived initiative keeps its status.
    InitiativeStatus {
        Planned => "planned",
        Active => "active",
        Paused => "paused",
        Completed => "completed",
    }
);

/// A topic: one of the known areas, or a custom one with its own name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Topic {
    Known(TopicArea),
    Custom(String),
}

impl Topic {
    pub const CUSTOM_MAX: usize = 80;

    pub fn area(&self) -> TopicArea {
        match self {
            Topic::Known(area) => *area,
            Topic::Custom(_) => TopicArea::Custom,
        }
    }

    pub fn custom_name(&self) -> Option<&str> {
        match self {
            Topic::Custom(name) => Some(name),
            Topic::Known(_) => None,
        }
    }

    /// Rebuild a topic from its stored parts.
    pub fn from_parts(area: TopicArea, custom: Option<String>) -> Self {
        match area {
            TopicArea::Custom => Topic::Custom(custom.unwrap_or_default()),
            known => Topic::Known(known),
        }
    }
}

/// Raw initiative fields as a form or JSON body delivers them. Every field is text so that a
/// rejected submission can be shown back exactly as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct InitiativeInput {
    pub name: String,
    pub description: String,
    pub topic: String,
    pub custom_topic: String,
    pub target_group: String,
    pub start_date: String,
    pub end_date: String,
    pub status: String,
    pub owner_id: String,
    pub partner_ids: Vec<String>,
}

/// A valid initiative, ready to be stored. Owner and partners are ids still to be checked
/// against the organisation by the store, which is the only place that knows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitiativeDraft {
    pub name: String,
    pub description: String,
    pub topic: Topic,
    pub target_group: String,
    pub period: Period,
    pub status: InitiativeStatus,
    pub owner_id: Option<i64>,
    pub partner_ids: Vec<i64>,
}

/// An optional start and end date; when both are given the end is not before the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Period {
    start: Option<Date>,
    end: Option<Date>,
}

impl Period {
    pub fn new(start: Option<Date>, end: Option<Date>) -> Result<Self, Problem> {
        match (start, end) {
            (Some(s), Some(e)) if e < s => Err(Problem::EndBeforeStart),
            _ => Ok(Period { start, end }),
        }
    }
    pub fn start(&self) -> Option<Date> {
        self.start
    }
    pub fn end(&self) -> Option<Date> {
        self.end
    }
}

pub const NAME_MAX: usize = 160;
pub const DESCRIPTION_MAX: usize = 5_000;
pub const TARGET_GROUP_MAX: usize = 300;
pub const PARTNERS_MAX: usize = 50;

/// ISO 8601 calendar date (`2026-11-23`), the format of `<input type="date">`.
pub fn parse_date(raw: &str) -> Result<Option<Date>, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(raw, format).map(Some).map_err(|_| Problem::InvalidDate)
}

/// A due date: a new one may not lie before `today`, but one already kept (`kept`, an overdue
/// date) may stay when the rest of the record changes.
pub fn parse_due_date(raw: &str, today: Date, kept: Option<Date>) -> Result<Option<Date>, Problem> {
    match parse_date(raw)? {
        Some(date) if date < today && Some(date) != kept => Err(Problem::DateInPast),
        other => Ok(other),
    }
}

fn parse_id(raw: &str) -> Result<i64, Problem> {
    raw.trim().parse::<i64>().ok().filter(|id| *id > 0).ok_or(Problem::UnknownChoice)
}

impl InitiativeInput {
    /// Parse every field, collecting every problem rather than stopping at the first.
    pub fn parse(&self) -> Result<InitiativeDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text(&self.name, NAME_MAX));
        let description = errors.check("description", optional_text(&self.description, DESCRIPTION_MAX, true));
        let area = errors.check("topic", TopicArea::parse(&self.topic));
        let topic = match area {
            Some(TopicArea::Custom) => {
                errors.check("custom_topic", required_text(&self.custom_topic, Topic::CUSTOM_MAX)).map(Topic::Custom)
            }
            Some(known) => Some(Topic::Known(known)),
            None => None,
        };
        let target_group = errors.check("target_group", optional_text(&self.target_group, TARGET_GROUP_MAX, false));
        let start = errors.check("start_date", parse_date(&self.start_date));
        let end = errors.check("end_date", parse_date(&self.end_date));
        let period = match (start, end) {
            (Some(s), Some(e)) => errors.check("end_date", Period::new(s, e)),
            _ => None,
        };
        let status = if self.status.trim().is_empty() {
            Some(InitiativeStatus::Planned)
        } else {
            errors.check("status", InitiativeStatus::parse(&self.status))
        };
        let owner_id = if self.owner_id.trim().is_empty() {
            Some(None)
        } else {
            errors.check("owner_id", parse_id(&self.owner_id).map(Some))
        };
        let mut partner_ids = Vec::new();
        for raw in self.partner_ids.iter().filter(|p| !p.trim().is_empty()) {
            match parse_id(raw) {
                Ok(id) if !partner_ids.contains(&id) => partner_ids.push(id),
                Ok(_) => {}
                Err(problem) => {
                    errors.add("partner_ids", problem);
                    break;
                }
            }
        }
        if partner_ids.len() > PARTNERS_MAX {
            errors.add("partner_ids", Problem::TooLong { max: PARTNERS_MAX });
        }
        errors.finish(|| {
            Some(InitiativeDraft {
                name: name?,
                description: description?,
                topic: topic?,
                target_group: target_group?,
                period: period?,
                status: status?,
                owner_id: owner_id?,
                partner_ids,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> InitiativeInput {
        InitiativeInput {
            name: "Våld i nära relationer".into(),
            topic: "violence_close_relationships".into(),
            start_date: "2026-01-01".into(),
            end_date: "2026-12-31".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_input_parses() {
        let draft = valid().parse().expect("valid");
        assert_eq!(draft.status, InitiativeStatus::Planned);
        assert_eq!(draft.topic, Topic::Known(TopicArea::ViolenceInCloseRelationships));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let input = InitiativeInput {
            name: " ".into(),
            topic: "custom".into(),
            start_date: "2026-13-01".into(),
            status: "done".into(),
            owner_id: "x".into(),
            ..Default::default()
        };
        let errors = input.parse().expect_err("invalid");
        assert_eq!(errors.get("name"), Some(Problem::Required));
        assert_eq!(errors.get("custom_topic"), Some(Problem::Required));
        assert_eq!(errors.get("start_date"), Some(Problem::InvalidDate));
        assert_eq!(errors.get("status"), Some(Problem::UnknownChoice));
        assert_eq!(errors.get("owner_id"), Some(Problem::UnknownChoice));
    }

    #[test]
    fn end_before_start_is_refused() {
        let input = InitiativeInput { start_date: "2026-05-01".into(), end_date: "2026-04-30".into(), ..valid() };
        assert_eq!(input.parse().expect_err("invalid").get("end_date"), Some(Problem::EndBeforeStart));
    }

    #[test]
    fn partners_are_deduplicated() {
        let input = InitiativeInput { partner_ids: vec!["3".into(), "3".into(), "".into(), "4".into()], ..valid() };
        assert_eq!(input.parse().expect("valid").partner_ids, vec![3, 4]);
    }

    proptest::proptest! {
        #[test]
        fn parsing_never_panics(name in ".*", topic in ".*", start in ".*", end in ".*", owner in ".*") {
            let input = InitiativeInput { name, topic, start_date: start, end_date: end, owner_id: owner, ..Default::default() };
            let _ = input.parse();
        }
    }
}
