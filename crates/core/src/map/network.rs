//! A map's network as the command line and the API take it, and its parsing into a [`Network`]
//! whose references are all resolved: every record is checked, and a bad one is named by its
//! list and position (`attendance[2]: there is no actor with the id "x"`).

use std::collections::HashMap;

use serde::Deserialize;

use crate::choice::choice_enum;
pub use crate::raw_id::{IdProblem, RawId};

/// Most actors one map may have: who is tied to whom is kept as a bit matrix of actors × actors.
pub const MAX_ACTORS: usize = 10_000;
pub const MAX_MEETINGS: usize = 5_000;
pub const MAX_ATTENDANCE: usize = 200_000;
/// Needs and ratings each.
pub const MAX_STATEMENTS: usize = 200_000;
/// Most ties between actors the measures are computed for: betweenness takes time in proportion
/// to actors × ties, and this bounds it to seconds.
pub const MAX_TIES: usize = 1_000_000;
/// A meeting held more often than daily, three times over, is no meeting; the bound also keeps
/// every sum of hours finite.
pub const MAX_PER_YEAR: f64 = 1_000.0;
pub const MAX_HOURS: f64 = 24.0;
pub const USEFUL_MIN: u8 = 1;
pub const USEFUL_MAX: u8 = 4;
pub const NAME_MAX: usize = 200;

choice_enum!(
    /// The agency an actor belongs to.
    Agency {
        Municipality => "municipality",
        EmploymentService => "employment_service",
        SocialInsurance => "social_insurance",
        Region => "region",
        Other => "other",
    }
);

choice_enum!(
    /// The level a meeting works at.
    Level {
        Strategic => "strategic",
        Tactical => "tactical",
        Operational => "operational",
    }
);

/// The network as `parat map measures` and `POST /api/v1/maps/measures` take it.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NetworkInput {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 10_000))]
    pub actors: Vec<NetworkActor>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 5_000))]
    pub meetings: Vec<NetworkMeeting>,
    /// Who attends which meeting, each pair once.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 200_000))]
    pub attendance: Vec<NetworkAttendance>,
    /// Actors who say they need contact with another actor.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 200_000))]
    pub needs: Vec<NetworkNeed>,
    /// How useful an actor finds a meeting, 1–4; one rating per actor and meeting.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 200_000))]
    pub ratings: Vec<NetworkRating>,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NetworkActor {
    pub id: RawId,
    #[cfg_attr(feature = "openapi", schema(max_length = 200, pattern = r"\S"))]
    pub name: String,
    pub agency: Agency,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NetworkMeeting {
    pub id: RawId,
    #[cfg_attr(feature = "openapi", schema(max_length = 200, pattern = r"\S"))]
    pub name: String,
    pub level: Level,
    /// How many times a year it meets.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 1000))]
    pub per_year: f64,
    /// How long each meeting lasts, in hours.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 24))]
    pub hours: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NetworkAttendance {
    pub actor: RawId,
    pub meeting: RawId,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NetworkNeed {
    pub from: RawId,
    pub to: RawId,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NetworkRating {
    pub actor: RawId,
    pub meeting: RawId,
    /// 1 (not useful) to 4 (very useful), whole.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 4, multiple_of = 1))]
    pub useful: f64,
}

/// What is wrong with one record.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error(transparent)]
    Id(#[from] IdProblem),
    #[error("the id \"{0}\" is used twice")]
    DuplicateId(String),
    #[error("the name is empty")]
    EmptyName,
    #[error("the name is longer than {NAME_MAX} characters")]
    NameTooLong,
    #[error("per_year must be between 0 and {MAX_PER_YEAR}")]
    PerYear,
    #[error("hours must be between 0 and {MAX_HOURS}")]
    Hours,
    #[error("there is no actor with the id \"{0}\"")]
    UnknownActor(String),
    #[error("there is no meeting with the id \"{0}\"")]
    UnknownMeeting(String),
    #[error("actor \"{0}\" attends meeting \"{1}\" twice")]
    AttendsTwice(String, String),
    #[error("a need for contact is between two actors, not from \"{0}\" to itself")]
    NeedToSelf(String),
    #[error("useful must be a whole number from {USEFUL_MIN} to {USEFUL_MAX}")]
    Useful,
    #[error("actor \"{0}\" rates meeting \"{1}\" twice")]
    RatedTwice(String, String),
}

/// Why a network was refused: the record (`meetings[3]`) and what is wrong with it, or a list
/// longer than Parat computes measures for.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NetworkError {
    #[error("{list}[{index}]: {problem}")]
    Record { list: &'static str, index: usize, problem: Problem },
    #[error("{list}: at most {max} records, not {count}")]
    TooMany { list: &'static str, max: usize, count: usize },
    #[error(
        "the actors are tied {ties} times over shared meetings; measures are computed for at most {MAX_TIES} ties"
    )]
    TooManyTies { ties: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub agency: Agency,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub id: String,
    pub name: String,
    pub level: Level,
    pub per_year: f64,
    pub hours: f64,
    /// The attending actors' positions in [`Network::actors`], ascending.
    pub attendees: Vec<usize>,
}

impl Meeting {
    /// Hours a year one attendee spends in it.
    pub fn hours_per_year(&self) -> f64 {
        self.per_year * self.hours
    }
}

/// A rating with its actor's and meeting's positions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rating {
    pub actor: usize,
    pub meeting: usize,
    pub useful: u8,
}

/// A checked network: ids unique, every reference resolved to a position, numbers in range.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    pub actors: Vec<Actor>,
    pub meetings: Vec<Meeting>,
    /// Stated needs as (from, to) positions, in the order given.
    pub needs: Vec<(usize, usize)>,
    pub ratings: Vec<Rating>,
}

impl NetworkInput {
    pub fn parse(&self) -> Result<Network, NetworkError> {
        let lists = [
            ("actors", self.actors.len(), MAX_ACTORS),
            ("meetings", self.meetings.len(), MAX_MEETINGS),
            ("attendance", self.attendance.len(), MAX_ATTENDANCE),
            ("needs", self.needs.len(), MAX_STATEMENTS),
            ("ratings", self.ratings.len(), MAX_STATEMENTS),
        ];
        if let Some(&(list, count, max)) = lists.iter().find(|(_, count, max)| count > max) {
            return Err(NetworkError::TooMany { list, max, count });
        }
        let mut actor_index = HashMap::with_capacity(self.actors.len());
        let mut actors = Vec::with_capacity(self.actors.len());
        for (index, actor) in self.actors.iter().enumerate() {
            let at = |problem| NetworkError::Record { list: "actors", index, problem };
            let id = actor.id.parse().map_err(|p| at(p.into()))?;
            let name = checked_name(&actor.name).map_err(at)?;
            if actor_index.insert(id.clone(), index).is_some() {
                return Err(at(Problem::DuplicateId(id)));
            }
            actors.push(Actor { id, name, agency: actor.agency });
        }
        let mut meeting_index = HashMap::with_capacity(self.meetings.len());
        let mut meetings = Vec::with_capacity(self.meetings.len());
        for (index, meeting) in self.meetings.iter().enumerate() {
            let at = |problem| NetworkError::Record { list: "meetings", index, problem };
            let id = meeting.id.parse().map_err(|p| at(p.into()))?;
            let name = checked_name(&meeting.name).map_err(at)?;
            if !(0.0..=MAX_PER_YEAR).contains(&meeting.per_year) {
                return Err(at(Problem::PerYear));
            }
            if !(0.0..=MAX_HOURS).contains(&meeting.hours) {
                return Err(at(Problem::Hours));
            }
            if meeting_index.insert(id.clone(), index).is_some() {
                return Err(at(Problem::DuplicateId(id)));
            }
            let (level, per_year, hours) = (meeting.level, meeting.per_year, meeting.hours);
            meetings.push(Meeting { id, name, level, per_year, hours, attendees: Vec::new() });
        }
        let find_actor = |raw: &RawId| {
            let id = raw.parse()?;
            actor_index.get(&id).copied().ok_or(Problem::UnknownActor(id))
        };
        let find_meeting = |raw: &RawId| {
            let id = raw.parse()?;
            meeting_index.get(&id).copied().ok_or(Problem::UnknownMeeting(id))
        };
        for (index, row) in self.attendance.iter().enumerate() {
            let at = |problem| NetworkError::Record { list: "attendance", index, problem };
            let actor = find_actor(&row.actor).map_err(at)?;
            let meeting = find_meeting(&row.meeting).map_err(at)?;
            meetings[meeting].attendees.push(actor);
        }
        for (position, meeting) in meetings.iter_mut().enumerate() {
            meeting.attendees.sort_unstable();
            if let Some(pair) = meeting.attendees.windows(2).find(|pair| pair[0] == pair[1]) {
                // Named at the second row for this pair, as a reader scanning the list meets it.
                let twice = pair[0];
                let index = self
                    .attendance
                    .iter()
                    .enumerate()
                    .filter(|(_, row)| {
                        find_actor(&row.actor) == Ok(twice) && find_meeting(&row.meeting) == Ok(position)
                    })
                    .nth(1)
                    .map_or(0, |(index, _)| index);
                let problem = Problem::AttendsTwice(actors[twice].id.clone(), meeting.id.clone());
                return Err(NetworkError::Record { list: "attendance", index, problem });
            }
        }
        let mut needs = Vec::with_capacity(self.needs.len());
        for (index, need) in self.needs.iter().enumerate() {
            let at = |problem| NetworkError::Record { list: "needs", index, problem };
            let from = find_actor(&need.from).map_err(at)?;
            let to = find_actor(&need.to).map_err(at)?;
            if from == to {
                return Err(at(Problem::NeedToSelf(actors[from].id.clone())));
            }
            needs.push((from, to));
        }
        let mut ratings = Vec::with_capacity(self.ratings.len());
        let mut rated = std::collections::HashSet::with_capacity(self.ratings.len());
        for (index, rating) in self.ratings.iter().enumerate() {
            let at = |problem| NetworkError::Record { list: "ratings", index, problem };
            let actor = find_actor(&rating.actor).map_err(at)?;
            let meeting = find_meeting(&rating.meeting).map_err(at)?;
            let useful = rating.useful;
            if useful.fract() != 0.0 || !(f64::from(USEFUL_MIN)..=f64::from(USEFUL_MAX)).contains(&useful) {
                return Err(at(Problem::Useful));
            }
            if !rated.insert((actor, meeting)) {
                return Err(at(Problem::RatedTwice(actors[actor].id.clone(), meetings[meeting].id.clone())));
            }
            ratings.push(Rating { actor, meeting, useful: useful as u8 });
        }
        Ok(Network { actors, meetings, needs, ratings })
    }
}

/// A name, trimmed. Its length counts as given, as the API's schema counts it.
fn checked_name(raw: &str) -> Result<String, Problem> {
    let name = raw.trim();
    if name.is_empty() {
        Err(Problem::EmptyName)
    } else if raw.chars().count() > NAME_MAX {
        Err(Problem::NameTooLong)
    } else {
        Ok(name.to_owned())
    }
}
