//! A questionnaire round as a coordinator sets it up, and the people it is sent to: raw form or
//! JSON fields parsed into drafts the store can keep.

use std::collections::BTreeMap;

use serde::Deserialize;
use time::Date;

use crate::initiative::{parse_date, Period};
use crate::validation::{optional_text, required_text, FieldErrors, Problem};

use super::scoring::Threshold;

pub const TITLE_MAX: usize = 160;
pub const ISSUE_MAX: usize = 160;
pub const LABEL_MAX: usize = 120;
pub const GROUP_MAX: usize = 60;
/// The most people one request adds (a whole staff list pasted at once).
pub const RESPONDENTS_MAX: usize = 2_000;
/// The most entries a roster's list may have, and the longest entry.
pub const ENTRIES_MAX: usize = 300;
pub const ENTRY_MAX: usize = 200;

/// Raw round fields, as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct RoundInput {
    pub questionnaire: String,
    pub title: String,
    pub issue: String,
    /// "true" (or a checked box's "on") for an anonymous round.
    pub anonymous: String,
    pub open_link: String,
    pub threshold: String,
    pub opens_on: String,
    pub closes_on: String,
    /// "on": ask each respondent for a code that pairs their answers with a follow-up round's.
    pub pair_code: String,
    /// The id of the earlier round of the same questionnaire this one follows up, if any.
    pub previous_round: String,
    /// The entries of each list a roster item asks about, one per line, as `list-<name>` fields.
    #[serde(flatten)]
    pub lists: BTreeMap<String, String>,
}

/// A round ready to be stored; the store checks the questionnaire reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundDraft {
    pub questionnaire: String,
    pub title: String,
    pub issue: String,
    pub anonymous: bool,
    pub open_link: bool,
    pub threshold: Threshold,
    pub period: Period,
    pub pair_code: bool,
    pub previous_round: Option<i64>,
    /// The entries of the lists the questionnaire's rosters ask about; the store checks that
    /// each roster's list is given.
    pub lists: BTreeMap<String, Vec<ListEntry>>,
}

/// One entry of a roster's list: a meeting, an organisation, a person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ListEntry {
    /// How answers name it: `e1`, `e2`, … in the order given, or a key its module chooses.
    pub key: String,
    pub label: String,
}

/// A list's entries as typed, one per line; blank lines are skipped, a line given twice counts
/// once.
pub fn parse_entries(raw: &str) -> Result<Vec<ListEntry>, Problem> {
    let mut entries: Vec<ListEntry> = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let label = required_text(line, ENTRY_MAX)?;
        if entries.iter().any(|e| e.label == label) {
            continue;
        }
        entries.push(ListEntry { key: format!("e{}", entries.len() + 1), label });
    }
    match entries.len() {
        0 => Err(Problem::Required),
        n if n > ENTRIES_MAX => Err(Problem::TooLong { max: ENTRIES_MAX }),
        _ => Ok(entries),
    }
}

fn checked(raw: &str) -> bool {
    matches!(raw.trim(), "true" | "on" | "1" | "yes")
}

impl RoundInput {
    pub fn parse(&self) -> Result<RoundDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let questionnaire =
            errors.check("questionnaire", required_text(&self.questionnaire, 60).map_err(|_| Problem::NotChosen));
        let title = errors.check("title", required_text(&self.title, TITLE_MAX));
        let issue = errors.check("issue", required_text(&self.issue, ISSUE_MAX));
        let range = Problem::OutOfRange { min: 1, max: i64::from(Threshold::MAX) };
        let threshold = match self.threshold.trim() {
            "" => Some(Threshold::default()),
            raw => errors.check("threshold", raw.parse::<i64>().ok().and_then(Threshold::new).ok_or(range)),
        };
        let opens = errors.check("opens_on", parse_date(&self.opens_on));
        let closes = errors.check("closes_on", parse_date(&self.closes_on));
        let period = match (opens, closes) {
            (Some(o), Some(c)) => errors.check("closes_on", Period::new(o, c)),
            _ => None,
        };
        let mut lists = BTreeMap::new();
        for (field, raw) in &self.lists {
            let Some(name) = field.strip_prefix("list-") else { continue };
            if raw.trim().is_empty() {
                continue;
            }
            if let Some(entries) = errors.check("lists", parse_entries(raw)) {
                lists.insert(name.to_owned(), entries);
            }
        }
        let previous_round = match self.previous_round.trim() {
            "" => Some(None),
            raw => errors.check(
                "previous_round",
                raw.parse::<i64>().ok().filter(|id| *id > 0).map(Some).ok_or(Problem::UnknownChoice),
            ),
        };
        errors.finish(|| {
            Some(RoundDraft {
                questionnaire: questionnaire?,
                title: title?,
                issue: issue?,
                anonymous: checked(&self.anonymous),
                open_link: checked(&self.open_link),
                threshold: threshold?,
                period: period?,
                pair_code: checked(&self.pair_code),
                previous_round: previous_round?,
                lists,
            })
        })
    }
}

/// One person to send a personal link to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RespondentDraft {
    /// A name or code the coordinator recognises.
    pub label: String,
    pub email: Option<String>,
    /// A group for results (unit, profession); shown only for groups at the threshold.
    pub group: Option<String>,
}

/// People as pasted, one per line: `name; e-mail; group`, the last two optional (a tab or a
/// comma also separates, as a spreadsheet column copies).
pub fn parse_respondents(raw: &str) -> Result<Vec<RespondentDraft>, Problem> {
    let mut people = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let separator = [';', '\t', ','].into_iter().find(|s| line.contains(*s));
        let mut parts = match separator {
            Some(s) => line.split(s).map(str::trim).collect::<Vec<_>>(),
            None => vec![line],
        };
        parts.resize(3, "");
        let label = required_text(parts[0], LABEL_MAX)?;
        let email = match parts[1] {
            "" => None,
            raw => Some(crate::account::Email::parse(raw)?.to_string()),
        };
        let group = Some(optional_text(parts[2], GROUP_MAX, false)?).filter(|g| !g.is_empty());
        people.push(RespondentDraft { label, email, group });
    }
    match people.len() {
        0 => Err(Problem::Required),
        n if n > RESPONDENTS_MAX => Err(Problem::TooLong { max: RESPONDENTS_MAX }),
        _ => Ok(people),
    }
}

/// Whether a round takes answers on `today`: between its dates, and not closed by hand.
pub fn is_open(period: &Period, closed: bool, today: Date) -> bool {
    !closed && period.start().is_none_or(|s| s <= today) && period.end().is_none_or(|e| today <= e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> RoundInput {
        RoundInput {
            questionnaire: "oric".into(),
            title: "Personalenkät våren 2027".into(),
            issue: "IPS".into(),
            anonymous: "on".into(),
            threshold: "".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_round_parses_with_the_default_threshold() {
        let draft = input().parse().expect("valid");
        assert_eq!((draft.anonymous, draft.open_link, draft.threshold), (true, false, Threshold::DEFAULT));
    }

    #[test]
    fn every_problem_is_reported() {
        let raw = RoundInput {
            questionnaire: "".into(),
            threshold: "0".into(),
            opens_on: "2027-03-01".into(),
            closes_on: "2027-02-01".into(),
            ..input()
        };
        let errors = raw.parse().expect_err("refused");
        assert_eq!(errors.get("questionnaire"), Some(Problem::NotChosen));
        assert_eq!(errors.get("threshold"), Some(Problem::OutOfRange { min: 1, max: 1000 }));
        assert_eq!(errors.get("closes_on"), Some(Problem::EndBeforeStart));
    }

    #[test]
    fn a_rosters_list_is_one_entry_per_line() {
        let mut raw = input();
        raw.lists.insert("list-meetings".into(), "Samordningsteamet\n\n  Nätverksmötet \nSamordningsteamet".into());
        raw.lists.insert("unrelated".into(), "ignored".into());
        let draft = raw.parse().expect("valid");
        let labels: Vec<(&str, &str)> =
            draft.lists["meetings"].iter().map(|e| (e.key.as_str(), e.label.as_str())).collect();
        assert_eq!(labels, [("e1", "Samordningsteamet"), ("e2", "Nätverksmötet")]);
        assert_eq!(draft.lists.len(), 1);
        assert_eq!(parse_entries("\n \n"), Err(Problem::Required));
        let too_many: String = (0..=ENTRIES_MAX).map(|n| format!("Möte {n}\n")).collect();
        assert_eq!(parse_entries(&too_many), Err(Problem::TooLong { max: ENTRIES_MAX }));
    }

    #[test]
    fn pasted_people_split_on_semicolons_tabs_or_commas() {
        let people =
            parse_respondents("Anna Ek; anna@boras.se; Socialtjänst\nBo\tbo@boras.se\n\nCecilia").expect("valid");
        assert_eq!(people.len(), 3);
        assert_eq!(people[0].group.as_deref(), Some("Socialtjänst"));
        assert_eq!(people[1].email.as_deref(), Some("bo@boras.se"));
        assert_eq!((people[2].label.as_str(), people[2].email.as_ref()), ("Cecilia", None));
        assert_eq!(parse_respondents("Anna; inte-en-adress"), Err(Problem::InvalidEmail));
        assert_eq!(parse_respondents("  \n "), Err(Problem::Required));
    }

    #[test]
    fn a_round_is_open_between_its_dates() {
        let day = |d: u8| Date::from_calendar_date(2027, time::Month::March, d).expect("date");
        let period = Period::new(Some(day(2)), Some(day(9))).expect("period");
        assert!(!is_open(&period, false, day(1)));
        assert!(is_open(&period, false, day(2)) && is_open(&period, false, day(9)));
        assert!(!is_open(&period, false, day(10)));
        assert!(!is_open(&period, true, day(5)), "closed by hand");
    }
}
