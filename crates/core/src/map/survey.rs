//! The roster survey's answers and what they would change in the map. Each actor answers for
//! themselves, per meeting: whether they attend, how often, how useful it is. Read against what
//! the map already holds, that becomes a list of [`Proposal`]s: additions the process leader
//! takes in, and conflicts with their own entries, shown side by side for them to choose. A
//! survey answer never replaces an entry on its own.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Deserialize;
use time::Date;

use super::inventory::{AttendanceRole, RatingDraft};
use super::network::{USEFUL_MAX, USEFUL_MIN};
use crate::initiative::parse_date;
use crate::questionnaire::round::{ENTRIES_MAX, TITLE_MAX};
use crate::questionnaire::{Answer, Answers};
use crate::validation::{required_text, FieldErrors, Problem};

/// The most meetings a roster survey lists: what the questionnaire engine lets one list hold.
pub const SURVEY_MEETINGS_MAX: usize = ENTRIES_MAX;

/// A roster survey as the form to send one sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct SurveyInput {
    pub title: String,
    pub closes_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyDraft {
    pub title: String,
    /// The last day answers are taken, if any.
    pub closes_on: Option<Date>,
}

impl SurveyInput {
    /// Checks the fields; a closing day before `today` is refused.
    pub fn parse(&self, today: Date) -> Result<SurveyDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", required_text(&self.title, TITLE_MAX));
        let closes_on = errors.check("closes_on", parse_date(&self.closes_on));
        if let Some(Some(day)) = closes_on {
            if day < today {
                errors.add("closes_on", Problem::EndBeforeStart);
            }
        }
        errors.finish(|| Some(SurveyDraft { title: title?, closes_on: closes_on? }))
    }
}

/// The roster item and its list in the map's roster survey (`instruments/questionnaires/
/// map_roster.toml`).
pub const ROSTER_ITEM: &str = "meetings";
pub const MEETINGS_LIST: &str = "meetings";

/// How a meeting is named in the survey's list.
pub fn entry_key(meeting_id: i64) -> String {
    format!("m{meeting_id}")
}

fn meeting_of_key(key: &str) -> Option<i64> {
    key.strip_prefix('m')?.parse().ok()
}

/// One meeting as an actor answered for it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingAnswer {
    pub meeting_id: i64,
    pub attends: bool,
    /// How many times a year they say they take part.
    pub per_year: Option<f64>,
    pub rating: Option<RatingDraft>,
}

/// A meeting the actor attends that the list lacked.
#[derive(Debug, Clone, PartialEq)]
pub struct AddedMeeting {
    pub name: String,
    pub per_year: Option<f64>,
    pub hours: Option<f64>,
    pub with: String,
}

/// What one actor answered.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterAnswer {
    pub actor_id: i64,
    pub meetings: Vec<MeetingAnswer>,
    pub added: Option<AddedMeeting>,
    /// Free text: meetings that are missing (with whom, about what), and those that could go.
    pub missing: String,
    pub could_go: String,
}

impl RosterAnswer {
    /// Reads an actor's submitted answers; meetings no longer on the map are skipped.
    pub fn read(actor_id: i64, answers: &Answers) -> RosterAnswer {
        let text = |item: &str| match answers.get(item) {
            Some(Answer::Text(t)) => t.clone(),
            _ => String::new(),
        };
        let number = |found: Option<&Answer>| match found {
            Some(Answer::Number(n)) => Some(*n),
            _ => None,
        };
        let step = |found: Option<&Answer>| {
            number(found).filter(|n| (f64::from(USEFUL_MIN)..=f64::from(USEFUL_MAX)).contains(n)).map(|n| n as u8)
        };
        let mut meetings = Vec::new();
        if let Some(Answer::Roster(entries)) = answers.get(ROSTER_ITEM) {
            for (key, items) in entries {
                let (Some(meeting_id), Some(Answer::Choice(attend))) = (meeting_of_key(key), items.get("attend"))
                else {
                    continue;
                };
                let attends = attend == "yes";
                let sub_text = |item: &str| match items.get(item) {
                    Some(Answer::Text(t)) => t.clone(),
                    _ => String::new(),
                };
                let rating = RatingDraft {
                    actor_id,
                    useful_own: step(items.get("useful_own")),
                    useful_group: step(items.get("useful_group")),
                    works: sub_text("works"),
                    change: sub_text("change"),
                };
                let rated = rating.useful_own.is_some()
                    || rating.useful_group.is_some()
                    || !rating.works.is_empty()
                    || !rating.change.is_empty();
                meetings.push(MeetingAnswer {
                    meeting_id,
                    attends,
                    per_year: number(items.get("per_year")),
                    rating: (attends && rated).then_some(rating),
                });
            }
        }
        let name = text("added_name");
        let added = (!name.is_empty()).then(|| AddedMeeting {
            name,
            per_year: number(answers.get("added_per_year")),
            hours: number(answers.get("added_hours")),
            with: text("added_with"),
        });
        RosterAnswer { actor_id, meetings, added, missing: text("missing"), could_go: text("could_go") }
    }
}

/// The usefulness one source gave: for the actor's own work and for the target group.
pub type Usefulness = (Option<u8>, Option<u8>);

/// What the map holds that the survey is read against.
#[derive(Debug, Clone, Default)]
pub struct Held {
    /// Who attends which meeting (actor, meeting), from any source.
    pub attendance: HashSet<(i64, i64)>,
    /// The process leader's own rating (entry, else interview) per (actor, meeting).
    pub own_ratings: HashMap<(i64, i64), Usefulness>,
    /// Ratings already taken in from the survey.
    pub survey_ratings: HashMap<(i64, i64), Usefulness>,
    /// The meetings on the map (an answer about a removed meeting proposes nothing).
    pub meetings: BTreeSet<i64>,
    /// Names of the map's meetings, lower-cased: an added meeting already there is not
    /// proposed again.
    pub meeting_names: HashSet<String>,
}

/// A change the survey's answers would make, for the process leader to take in or leave.
#[derive(Debug, Clone, PartialEq)]
pub enum Proposal {
    /// The actor attends a meeting the map does not have them at.
    Attends { actor_id: i64, meeting_id: i64 },
    /// The map has the actor at a meeting they say they do not attend: a conflict.
    DoesNotAttend { actor_id: i64, meeting_id: i64 },
    /// A rating; a conflict when the process leader's own rating says otherwise (`held`).
    Rating { actor_id: i64, meeting_id: i64, rating: RatingDraft, held: Option<Usefulness> },
    /// A meeting the list lacked, with the actor attending.
    NewMeeting { actor_id: i64, meeting: AddedMeeting },
}

/// What the process leader chose for a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Take the survey's answer in (for a conflict: use it instead of the map's).
    TakeIn,
    /// Leave the map as it is.
    Keep,
}

impl Choice {
    pub fn key(self) -> &'static str {
        match self {
            Choice::TakeIn => "take_in",
            Choice::Keep => "keep",
        }
    }

    pub fn parse(raw: &str) -> Option<Choice> {
        match raw {
            "take_in" => Some(Choice::TakeIn),
            "keep" => Some(Choice::Keep),
            _ => None,
        }
    }
}

impl Proposal {
    /// A stable name for the proposal within its survey: the form's field, and how a choice
    /// made once is remembered.
    pub fn key(&self) -> String {
        match self {
            Proposal::Attends { actor_id, meeting_id } | Proposal::DoesNotAttend { actor_id, meeting_id } => {
                format!("a{actor_id}.m{meeting_id}.attend")
            }
            Proposal::Rating { actor_id, meeting_id, .. } => format!("a{actor_id}.m{meeting_id}.rating"),
            Proposal::NewMeeting { actor_id, .. } => format!("a{actor_id}.new"),
        }
    }

    pub fn actor_id(&self) -> i64 {
        match self {
            Proposal::Attends { actor_id, .. }
            | Proposal::DoesNotAttend { actor_id, .. }
            | Proposal::Rating { actor_id, .. }
            | Proposal::NewMeeting { actor_id, .. } => *actor_id,
        }
    }

    /// Whether it goes against what the process leader entered; such a proposal is never
    /// taken in unless chosen.
    pub fn is_conflict(&self) -> bool {
        matches!(self, Proposal::DoesNotAttend { .. } | Proposal::Rating { held: Some(_), .. })
    }

    /// What is chosen unless the process leader says otherwise.
    pub fn default_choice(&self) -> Choice {
        if self.is_conflict() {
            Choice::Keep
        } else {
            Choice::TakeIn
        }
    }
}

/// The proposals the answers make against what the map holds, leaving out those already
/// decided (by key), in the order of the answers.
pub fn proposals(answers: &[RosterAnswer], held: &Held, decided: &HashSet<String>) -> Vec<Proposal> {
    let mut found = Vec::new();
    for answer in answers {
        let actor_id = answer.actor_id;
        for meeting in answer.meetings.iter().filter(|m| held.meetings.contains(&m.meeting_id)) {
            let pair = (actor_id, meeting.meeting_id);
            let meeting_id = meeting.meeting_id;
            match (meeting.attends, held.attendance.contains(&pair)) {
                (true, false) => found.push(Proposal::Attends { actor_id, meeting_id }),
                (false, true) => found.push(Proposal::DoesNotAttend { actor_id, meeting_id }),
                _ => {}
            }
            if let Some(rating) = &meeting.rating {
                let said = (rating.useful_own, rating.useful_group);
                let own = held.own_ratings.get(&pair).copied();
                let already = held.survey_ratings.get(&pair) == Some(&said);
                // Only what the survey says can disagree: a step it leaves out is no conflict.
                let agrees = |(own_work, group): Usefulness| {
                    said.0.is_none_or(|s| Some(s) == own_work) && said.1.is_none_or(|s| Some(s) == group)
                };
                if !own.is_some_and(agrees) && !already {
                    found.push(Proposal::Rating { actor_id, meeting_id, rating: rating.clone(), held: own });
                }
            }
        }
        if let Some(added) = &answer.added {
            if !held.meeting_names.contains(&added.name.to_lowercase()) {
                found.push(Proposal::NewMeeting { actor_id, meeting: added.clone() });
            }
        }
    }
    found.retain(|p| !decided.contains(&p.key()));
    found
}

/// What a survey's attendance tells beside the map, per meeting: how many of those who answered
/// say they attend, and how often on average — for the process leader to compare with the
/// meeting's own frequency.
pub fn stated_frequency(answers: &[RosterAnswer]) -> BTreeMap<i64, (usize, Option<f64>)> {
    let mut by_meeting: BTreeMap<i64, (usize, Vec<f64>)> = BTreeMap::new();
    for meeting in answers.iter().flat_map(|a| &a.meetings).filter(|m| m.attends) {
        let entry = by_meeting.entry(meeting.meeting_id).or_default();
        entry.0 += 1;
        entry.1.extend(meeting.per_year);
    }
    by_meeting
        .into_iter()
        .map(|(id, (count, values))| {
            let mean = (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64);
            (id, (count, mean))
        })
        .collect()
}

/// The role an actor gets at a meeting the survey adds them to: the survey does not ask it.
pub const SURVEY_ROLE: AttendanceRole = AttendanceRole::Member;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{builtin_source, Definition, Lists, RawAnswer};

    fn roster_answers(pairs: &[(&str, &str, RawAnswer)], extra: &[(&str, RawAnswer)]) -> Answers {
        let definition = Definition::from_toml(builtin_source(crate::questionnaire::MAP_ROSTER).expect("embedded"))
            .expect("the map's roster survey parses");
        let mut entries: BTreeMap<String, BTreeMap<String, RawAnswer>> = BTreeMap::new();
        for (entry, item, value) in pairs {
            entries.entry((*entry).to_owned()).or_default().insert((*item).to_owned(), value.clone());
        }
        let mut raw: BTreeMap<String, RawAnswer> = BTreeMap::new();
        raw.insert(ROSTER_ITEM.to_owned(), RawAnswer::Entries(entries));
        raw.extend(extra.iter().map(|(k, v)| ((*k).to_owned(), v.clone())));
        let mut lists = Lists::new();
        lists.insert(MEETINGS_LIST.to_owned(), vec!["m1".into(), "m2".into(), "m3".into()]);
        Answers::parse(&definition, &raw, &lists).expect("valid answers")
    }

    fn text(t: &str) -> RawAnswer {
        RawAnswer::Text(t.to_owned())
    }

    #[test]
    fn an_actors_answers_are_read_per_meeting() {
        let answers = roster_answers(
            &[
                ("m1", "attend", text("yes")),
                ("m1", "per_year", RawAnswer::Number(10.0)),
                ("m1", "useful_own", RawAnswer::Number(3.0)),
                ("m1", "works", text("Beslut fattas")),
                ("m2", "attend", text("no")),
                ("m3", "attend", text("yes")),
            ],
            &[
                ("added_name", text("Nätverksträff")),
                ("added_hours", RawAnswer::Number(2.0)),
                ("missing", text("Med vården")),
            ],
        );
        let read = RosterAnswer::read(7, &answers);
        assert_eq!(read.meetings.len(), 3);
        let first = &read.meetings[0];
        assert_eq!((first.meeting_id, first.attends, first.per_year), (1, true, Some(10.0)));
        let rating = first.rating.as_ref().expect("rated");
        assert_eq!((rating.actor_id, rating.useful_own, rating.useful_group), (7, Some(3), None));
        assert!(!read.meetings[1].attends && read.meetings[1].rating.is_none());
        assert!(read.meetings[2].rating.is_none(), "attending without saying more is no rating");
        let added = read.added.expect("an added meeting");
        assert_eq!((added.name.as_str(), added.hours, added.per_year), ("Nätverksträff", Some(2.0), None));
        assert_eq!(read.missing, "Med vården");
    }

    fn answer(actor_id: i64, meetings: Vec<MeetingAnswer>) -> RosterAnswer {
        RosterAnswer { actor_id, meetings, added: None, missing: String::new(), could_go: String::new() }
    }

    fn rated(actor_id: i64, meeting_id: i64, own: u8) -> MeetingAnswer {
        let rating = RatingDraft {
            actor_id,
            useful_own: Some(own),
            useful_group: None,
            works: String::new(),
            change: String::new(),
        };
        MeetingAnswer { meeting_id, attends: true, per_year: None, rating: Some(rating) }
    }

    #[test]
    fn additions_are_proposed_and_entries_never_silently_replaced() {
        let mut held = Held { meetings: [1, 2, 3].into(), ..Held::default() };
        held.attendance.insert((7, 1));
        held.attendance.insert((7, 2));
        held.own_ratings.insert((7, 1), (Some(2), None));
        let not_attending = MeetingAnswer { meeting_id: 2, attends: false, per_year: None, rating: None };
        let gone = rated(7, 99, 4);
        let answers = [answer(7, vec![rated(7, 1, 4), not_attending, rated(7, 3, 3), gone])];
        let found = proposals(&answers, &held, &HashSet::new());
        let keys: Vec<String> = found.iter().map(Proposal::key).collect();
        assert_eq!(keys, ["a7.m1.rating", "a7.m2.attend", "a7.m3.attend", "a7.m3.rating"]);
        let conflicts: Vec<bool> = found.iter().map(Proposal::is_conflict).collect();
        assert_eq!(conflicts, [true, true, false, false], "the rating of 1 and the absence go against entries");
        assert!(found.iter().filter(|p| p.is_conflict()).all(|p| p.default_choice() == Choice::Keep));

        // Decided once, not asked again; taken in, not proposed again.
        let decided: HashSet<String> = ["a7.m1.rating".to_owned()].into();
        held.attendance.insert((7, 3));
        held.survey_ratings.insert((7, 3), (Some(3), None));
        let keys: Vec<String> = proposals(&answers, &held, &decided).iter().map(Proposal::key).collect();
        assert_eq!(keys, ["a7.m2.attend"]);
    }

    #[test]
    fn a_step_the_survey_leaves_out_is_no_conflict() {
        let mut held = Held { meetings: [1].into(), ..Held::default() };
        held.attendance.insert((7, 1));
        held.own_ratings.insert((7, 1), (Some(4), Some(2)));
        // Says 4 for its own work and nothing for the target group: as the entry has it.
        assert!(proposals(&[answer(7, vec![rated(7, 1, 4)])], &held, &HashSet::new()).is_empty());
        // Says 3: a conflict.
        let found = proposals(&[answer(7, vec![rated(7, 1, 3)])], &held, &HashSet::new());
        assert!(found.len() == 1 && found[0].is_conflict());
    }

    #[test]
    fn the_same_rating_as_the_entry_and_a_known_meeting_propose_nothing() {
        let mut held = Held { meetings: [1].into(), ..Held::default() };
        held.attendance.insert((7, 1));
        held.own_ratings.insert((7, 1), (Some(4), None));
        held.meeting_names.insert("nätverksträff".into());
        let mut with_added = answer(7, vec![rated(7, 1, 4)]);
        with_added.added =
            Some(AddedMeeting { name: "Nätverksträff".into(), per_year: None, hours: None, with: String::new() });
        assert!(proposals(&[with_added], &held, &HashSet::new()).is_empty());
    }

    #[test]
    fn a_survey_needs_a_title_and_closes_today_or_later() {
        let today = time::macros::date!(2026 - 12 - 03);
        let input = SurveyInput { title: " Mötesenkät ".into(), closes_on: "2026-12-20".into() };
        assert_eq!(
            input.parse(today),
            Ok(SurveyDraft { title: "Mötesenkät".into(), closes_on: Some(time::macros::date!(2026 - 12 - 20)) })
        );
        let late = SurveyInput { title: String::new(), closes_on: "2026-12-02".into() };
        let errors = late.parse(today).expect_err("refused");
        assert_eq!(
            (errors.get("title"), errors.get("closes_on")),
            (Some(Problem::Required), Some(Problem::EndBeforeStart))
        );
    }

    #[test]
    fn stated_frequency_counts_attendees_and_averages_what_they_said() {
        let mut a = rated(1, 5, 3);
        a.per_year = Some(10.0);
        let mut b = rated(2, 5, 3);
        b.per_year = Some(12.0);
        let c = rated(3, 5, 3);
        let frequency = stated_frequency(&[answer(1, vec![a]), answer(2, vec![b]), answer(3, vec![c])]);
        assert_eq!(frequency[&5], (3, Some(11.0)));
    }
}
