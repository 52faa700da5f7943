//! A map's inventory as people enter it: the map itself, actors (reused across the
//! organisation's maps), meetings with who attends them, needs for contact and usefulness
//! ratings. Each form's raw fields become a checked draft, or errors beside the fields.

use serde::Deserialize;
use time::Date;

use super::network::{Agency, Level, MAX_HOURS, MAX_PER_YEAR, USEFUL_MAX, USEFUL_MIN};
use crate::choice::choice_enum;
use crate::initiative::parse_date;
use crate::validation::{decimal_in, optional_id, optional_text, required_text, FieldErrors, Problem};

pub const NAME_MAX: usize = 200;
pub const TEXT_MAX: usize = 2_000;

choice_enum!(
    /// What an actor does in a meeting: chairs it, is a member, or comes when invited (when
    /// the agenda needs them).
    AttendanceRole {
        Chair => "chair",
        Member => "member",
        Invited => "invited",
    }
);

choice_enum!(
    /// How a record came in: entered by the process leader, from the guided interview, or from
    /// the roster survey. A survey answer is kept beside an entry, never over it.
    Source {
        Entry => "entry",
        Interview => "interview",
        Survey => "survey",
    }
);

/// A map as its form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct MapInput {
    pub name: String,
    pub target_group: String,
    pub starts_on: String,
    pub ends_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapDraft {
    pub name: String,
    /// Whom the meetings are for, e.g. young adults up to 30 without their own income.
    pub target_group: String,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
}

impl MapInput {
    pub fn parse(&self) -> Result<MapDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text(&self.name, NAME_MAX));
        let target_group = errors.check("target_group", required_text(&self.target_group, NAME_MAX));
        let starts_on = errors.check("starts_on", parse_date(&self.starts_on));
        let ends_on = errors.check("ends_on", parse_date(&self.ends_on));
        if let (Some(Some(start)), Some(Some(end))) = (starts_on, ends_on) {
            if end < start {
                errors.add("ends_on", Problem::EndBeforeStart);
            }
        }
        errors.finish(|| {
            Some(MapDraft { name: name?, target_group: target_group?, starts_on: starts_on?, ends_on: ends_on? })
        })
    }
}

/// An actor as its form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct ActorInput {
    pub organisation: String,
    pub unit: String,
    pub function: String,
    pub agency: String,
}

/// An actor: an organisation, optionally a unit of it and a function within that (e.g.
/// Arbetsförmedlingen → marknadsområde Sjuhärad → arbetsförmedlare), with its agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorDraft {
    pub organisation: String,
    pub unit: String,
    pub function: String,
    pub agency: Agency,
}

impl ActorDraft {
    /// The actor's name as lists show it: "Arbetsförmedlingen, marknadsområde Sjuhärad,
    /// arbetsförmedlare".
    pub fn label(&self) -> String {
        label(&self.organisation, &self.unit, &self.function)
    }
}

/// The parts of an actor's name that are given, joined.
pub fn label(organisation: &str, unit: &str, function: &str) -> String {
    [organisation, unit, function].iter().filter(|part| !part.is_empty()).copied().collect::<Vec<_>>().join(", ")
}

impl ActorInput {
    pub fn parse(&self) -> Result<ActorDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let organisation = errors.check("organisation", required_text(&self.organisation, NAME_MAX));
        let unit = errors.check("unit", optional_text(&self.unit, NAME_MAX, false));
        let function = errors.check("function", optional_text(&self.function, NAME_MAX, false));
        let agency = errors.check("agency", Agency::parse(&self.agency));
        errors.finish(|| {
            Some(ActorDraft { organisation: organisation?, unit: unit?, function: function?, agency: agency? })
        })
    }
}

/// A meeting as its form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct MeetingInput {
    pub name: String,
    pub purpose: String,
    pub level: String,
    pub per_year: String,
    pub hours: String,
    pub convener_id: String,
    pub basis: String,
    pub target_group: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeetingDraft {
    pub name: String,
    pub purpose: String,
    pub level: Level,
    /// Times a year, 0–1000 (0.5 is every other year).
    pub per_year: f64,
    /// Hours each time, 0–24.
    pub hours: f64,
    /// The actor who calls the meeting, one of the organisation's actors (checked by the store).
    pub convener_id: Option<i64>,
    /// The law or agreement the meeting rests on, if any.
    pub basis: String,
    /// Whom it is for, where narrower than the map's target group.
    pub target_group: String,
}

impl MeetingInput {
    pub fn parse(&self) -> Result<MeetingDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text(&self.name, NAME_MAX));
        let purpose = errors.check("purpose", optional_text(&self.purpose, TEXT_MAX, true));
        let level = errors.check("level", Level::parse(&self.level));
        let per_year = errors.check("per_year", decimal_in(&self.per_year, 0, MAX_PER_YEAR as i64));
        let hours = errors.check("hours", decimal_in(&self.hours, 0, MAX_HOURS as i64));
        let convener_id = errors.check("convener_id", optional_id(&self.convener_id));
        let basis = errors.check("basis", optional_text(&self.basis, NAME_MAX, false));
        let target_group = errors.check("target_group", optional_text(&self.target_group, NAME_MAX, false));
        errors.finish(|| {
            Some(MeetingDraft {
                name: name?,
                purpose: purpose?,
                level: level?,
                per_year: per_year?,
                hours: hours?,
                convener_id: convener_id?,
                basis: basis?,
                target_group: target_group?,
            })
        })
    }
}

/// One actor at one meeting, as the attendance form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct AttendanceInput {
    pub actor_id: String,
    pub role: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttendanceDraft {
    pub actor_id: i64,
    pub role: AttendanceRole,
}

impl AttendanceInput {
    pub fn parse(&self) -> Result<AttendanceDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let actor_id = errors.check("actor_id", chosen_id(&self.actor_id));
        let role = errors.check("role", AttendanceRole::parse(&self.role));
        errors.finish(|| Some(AttendanceDraft { actor_id: actor_id?, role: role? }))
    }
}

/// A stated need for contact, as its form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct NeedInput {
    pub from_actor_id: String,
    pub to_actor_id: String,
    pub about: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedDraft {
    pub from_actor_id: i64,
    pub to_actor_id: i64,
    /// What about, e.g. "young people who leave upper secondary school without grades".
    pub about: String,
}

impl NeedInput {
    pub fn parse(&self) -> Result<NeedDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let from = errors.check("from_actor_id", chosen_id(&self.from_actor_id));
        let to = errors.check("to_actor_id", chosen_id(&self.to_actor_id));
        if from.is_some() && from == to {
            errors.add("to_actor_id", Problem::SameTwice);
        }
        let about = errors.check("about", optional_text(&self.about, TEXT_MAX, true));
        errors.finish(|| Some(NeedDraft { from_actor_id: from?, to_actor_id: to?, about: about? }))
    }
}

/// An actor's rating of a meeting, as its form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct RatingInput {
    pub actor_id: String,
    pub useful_own: String,
    pub useful_group: String,
    pub works: String,
    pub change: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingDraft {
    pub actor_id: i64,
    /// How useful for the actor's own work, 1–4; none when not said.
    pub useful_own: Option<u8>,
    /// How useful for the target group, 1–4; none when not said.
    pub useful_group: Option<u8>,
    pub works: String,
    pub change: String,
}

impl RatingInput {
    pub fn parse(&self) -> Result<RatingDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let actor_id = errors.check("actor_id", chosen_id(&self.actor_id));
        let useful_own = errors.check("useful_own", optional_step(&self.useful_own));
        let useful_group = errors.check("useful_group", optional_step(&self.useful_group));
        let works = errors.check("works", optional_text(&self.works, TEXT_MAX, true));
        let change = errors.check("change", optional_text(&self.change, TEXT_MAX, true));
        errors.finish(|| {
            Some(RatingDraft {
                actor_id: actor_id?,
                useful_own: useful_own?,
                useful_group: useful_group?,
                works: works?,
                change: change?,
            })
        })
    }
}

/// A step of the usefulness scale, or none when left empty.
fn optional_step(raw: &str) -> Result<Option<u8>, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let out_of_range = Problem::OutOfRange { min: i64::from(USEFUL_MIN), max: i64::from(USEFUL_MAX) };
    let step: u8 = raw.parse().map_err(|_| out_of_range)?;
    (USEFUL_MIN..=USEFUL_MAX).contains(&step).then_some(Some(step)).ok_or(out_of_range)
}

/// A record chosen in a list (its id), required.
fn chosen_id(raw: &str) -> Result<i64, Problem> {
    optional_id(raw)?.ok_or(Problem::NotChosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_takes_decimal_commas_and_names_each_bad_field() {
        let input = MeetingInput {
            name: " Samverkansteam ".into(),
            level: "operational".into(),
            per_year: "0,5".into(),
            hours: "1,5".into(),
            convener_id: "3".into(),
            ..Default::default()
        };
        let draft = input.parse().expect("valid");
        assert_eq!(
            (draft.name.as_str(), draft.per_year, draft.hours, draft.convener_id),
            ("Samverkansteam", 0.5, 1.5, Some(3))
        );
        let bad = MeetingInput { per_year: "1001".into(), hours: "en timme".into(), ..Default::default() };
        let errors = bad.parse().expect_err("refused");
        assert_eq!(errors.get("name"), Some(Problem::Required));
        assert_eq!(errors.get("level"), Some(Problem::NotChosen));
        assert_eq!(errors.get("per_year"), Some(Problem::DecimalOutOfRange { min: 0, max: 1000 }));
        assert_eq!(errors.get("hours"), Some(Problem::NotANumber));
    }

    #[test]
    fn a_map_ends_after_it_starts() {
        let input = MapInput {
            name: "Unga vuxna".into(),
            target_group: "Unga vuxna 18–29 utan egen försörjning".into(),
            starts_on: "2026-09-01".into(),
            ends_on: "2026-08-31".into(),
        };
        assert_eq!(input.parse().expect_err("refused").get("ends_on"), Some(Problem::EndBeforeStart));
    }

    #[test]
    fn a_need_is_between_two_actors_and_a_rating_on_the_scale() {
        let same = NeedInput { from_actor_id: "4".into(), to_actor_id: "4".into(), about: String::new() };
        assert_eq!(same.parse().expect_err("refused").get("to_actor_id"), Some(Problem::SameTwice));
        let rating = RatingInput { actor_id: "2".into(), useful_own: "5".into(), ..Default::default() };
        assert_eq!(
            rating.parse().expect_err("refused").get("useful_own"),
            Some(Problem::OutOfRange { min: 1, max: 4 })
        );
        let rating = RatingInput { actor_id: "2".into(), useful_group: "3".into(), ..Default::default() };
        assert_eq!(rating.parse().expect("valid").useful_group, Some(3));
    }

    #[test]
    fn an_actor_is_named_by_the_parts_it_has() {
        let input = ActorInput {
            organisation: "Arbetsförmedlingen".into(),
            unit: "Marknadsområde Sjuhärad".into(),
            function: String::new(),
            agency: "employment_service".into(),
        };
        assert_eq!(input.parse().expect("valid").label(), "Arbetsförmedlingen, Marknadsområde Sjuhärad");
    }
}
