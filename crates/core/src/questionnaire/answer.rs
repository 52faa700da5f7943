//! Answers: raw values from a form, the API or a file, parsed against their item into typed
//! answers — or refused with the item and the reason. Conditions decide which items are asked;
//! an answer to an item that is not shown is dropped, never stored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use super::definition::{Definition, Item, ItemKind};

/// An answer as it arrives. A form sends text; JSON may send numbers, lists and, for a roster,
/// an object of entries. `null` (and empty text or lists) means unanswered.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum RawAnswer {
    Missing,
    Number(f64),
    Text(String),
    List(Vec<String>),
    Entries(BTreeMap<String, BTreeMap<String, RawAnswer>>),
}

/// A parsed answer, fitting its item.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    Number(f64),
    Choice(String),
    Choices(Vec<String>),
    Date(#[serde(with = "iso_date")] Date),
    Text(String),
    /// A roster's answers: entry key → sub-item → answer.
    Roster(BTreeMap<String, BTreeMap<String, Answer>>),
}

mod iso_date {
    use serde::Serializer;
    use time::Date;

    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(date)
    }
}

/// Why an answer does not fit its item.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnswerProblem {
    #[error("not a number")]
    NotANumber,
    #[error("off the scale: the answer must be {min}–{max}")]
    OffScale { min: f64, max: f64 },
    #[error("at most {decimals} decimals")]
    TooPrecise { decimals: u8 },
    #[error("{0:?} is not one of the options")]
    UnknownOption(String),
    #[error("not a date (YYYY-MM-DD)")]
    NotADate,
    #[error("longer than {max} characters")]
    TooLong { max: usize },
    #[error("control characters are not allowed in text")]
    ControlCharacters,
    #[error("the wrong kind of answer for a {kind} item")]
    WrongShape { kind: &'static str },
    #[error("{0:?} is not an entry of the roster's list")]
    UnknownEntry(String),
    #[error("{0:?} is not an item of this questionnaire")]
    UnknownItem(String),
    #[error("entry {entry:?}, item {item}: {problem}")]
    InRoster { entry: String, item: String, problem: Box<AnswerProblem> },
}

/// A problem with one item of a response.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("item {item}: {problem}")]
pub struct ItemError {
    pub item: String,
    pub problem: AnswerProblem,
}

/// The entries of the lists that rosters ask about, supplied when the questionnaire is sent out:
/// list name → entry keys. Without a list, any entry key is taken (a file scored offline).
pub type Lists = BTreeMap<String, Vec<String>>;

/// A respondent's answers that fit the questionnaire: item id → answer, shown items only.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    pub fn get(&self, item: &str) -> Option<&Answer> {
        self.0.get(item)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Answer)> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Parses a response: every answer must fit its item; answers to items their conditions
    /// hide are dropped. Unanswered items are simply absent (see [`Answers::missing`]).
    pub fn parse(
        definition: &Definition,
        raw: &BTreeMap<String, RawAnswer>,
        lists: &Lists,
    ) -> Result<Answers, ItemError> {
        if let Some(unknown) = raw.keys().find(|id| definition.item(id).is_none()) {
            return Err(ItemError { item: unknown.clone(), problem: AnswerProblem::UnknownItem(unknown.clone()) });
        }
        let mut answers = BTreeMap::new();
        // Items in order, so that a condition sees the answer it depends on (always earlier).
        for item in definition.items() {
            let Some(value) = raw.get(&item.id) else { continue };
            if !shown(item, &answers) {
                continue;
            }
            let parsed = item.parse(value, lists).map_err(|problem| ItemError { item: item.id.clone(), problem })?;
            if let Some(answer) = parsed {
                answers.insert(item.id.clone(), answer);
            }
        }
        Ok(Answers(answers))
    }

    /// Answers as Parat stored them, after parsing them against this same definition (a round
    /// keeps the definition it was sent with, so they still fit): rebuilt by their items' kinds
    /// without checking each again — a large round's results read ten thousand. Anything that
    /// does not have its kind's shape is left out rather than trusted.
    pub fn from_stored(kinds: &StoredKinds, stored: BTreeMap<String, RawAnswer>) -> Answers {
        Answers(
            stored
                .into_iter()
                .filter_map(|(id, raw)| {
                    let answer = stored_answer(kinds.0.get(id.as_str())?, raw)?;
                    Some((id, answer))
                })
                .collect(),
        )
    }

    /// The required items that are shown and not answered, in order; a roster is listed when an
    /// entry it has answers for lacks a required sub-item.
    pub fn missing<'a>(&self, definition: &'a Definition) -> Vec<&'a Item> {
        definition
            .items()
            .filter(|i| self.is_shown(i))
            .filter(|i| match (&i.kind, self.0.get(&i.id)) {
                (_, None) => i.required,
                (ItemKind::Roster { items, .. }, Some(Answer::Roster(entries))) => entries
                    .values()
                    .any(|row| items.iter().any(|sub| sub.required && shown(sub, row) && !row.contains_key(&sub.id))),
                _ => false,
            })
            .collect()
    }

    /// Whether an item is asked, given the answers so far.
    pub fn is_shown(&self, item: &Item) -> bool {
        shown(item, &self.0)
    }
}

/// Each item's kind by its id, looked up once for all of a round's stored answers.
pub struct StoredKinds<'a>(std::collections::HashMap<&'a str, &'a ItemKind>);

impl<'a> StoredKinds<'a> {
    pub fn of(definition: &'a Definition) -> StoredKinds<'a> {
        StoredKinds(definition.items().map(|i| (i.id.as_str(), &i.kind)).collect())
    }
}

/// A stored answer back in its kind's shape (see [`Answers::from_stored`]).
fn stored_answer(kind: &ItemKind, raw: RawAnswer) -> Option<Answer> {
    match (kind, raw) {
        (
            ItemKind::Agreement(_) | ItemKind::Rating(_) | ItemKind::Line { .. } | ItemKind::Number { .. },
            RawAnswer::Number(n),
        ) => Some(Answer::Number(n)),
        (ItemKind::Single { .. }, RawAnswer::Text(key)) => Some(Answer::Choice(key)),
        (ItemKind::Multiple { .. }, RawAnswer::List(keys)) => Some(Answer::Choices(keys)),
        (ItemKind::Date, RawAnswer::Text(text)) => {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            Date::parse(&text, format).ok().map(Answer::Date)
        }
        (ItemKind::ShortText { .. } | ItemKind::LongText { .. }, RawAnswer::Text(text)) => Some(Answer::Text(text)),
        (ItemKind::Roster { items, .. }, RawAnswer::Entries(entries)) => Some(Answer::Roster(
            entries
                .into_iter()
                .map(|(entry, row)| {
                    let row = row
                        .into_iter()
                        .filter_map(|(id, raw)| {
                            let item = items.iter().find(|i| i.id == id)?;
                            Some((id, stored_answer(&item.kind, raw)?))
                        })
                        .collect();
                    (entry, row)
                })
                .collect(),
        )),
        _ => None,
    }
}

fn shown(item: &Item, answers: &BTreeMap<String, Answer>) -> bool {
    let Some(condition) = &item.show_if else { return true };
    match answers.get(&condition.item) {
        Some(Answer::Choice(key)) => condition.any_of.contains(key),
        Some(Answer::Choices(keys)) => keys.iter().any(|k| condition.any_of.contains(k)),
        Some(Answer::Number(n)) => condition.any_of.iter().any(|a| a.parse::<f64>().is_ok_and(|a| a == *n)),
        _ => false,
    }
}

impl Item {
    /// Parses one raw answer against this item; `None` when it is unanswered.
    pub fn parse(&self, raw: &RawAnswer, lists: &Lists) -> Result<Option<Answer>, AnswerProblem> {
        let shape = || AnswerProblem::WrongShape { kind: self.kind.key() };
        let text = match raw {
            RawAnswer::Missing => return Ok(None),
            RawAnswer::Text(t) if t.trim().is_empty() => return Ok(None),
            RawAnswer::List(l) if l.is_empty() => return Ok(None),
            RawAnswer::Text(t) => Some(t.as_str()),
            _ => None,
        };
        match &self.kind {
            ItemKind::Agreement(_) | ItemKind::Rating(_) | ItemKind::Line { .. } | ItemKind::Number { .. } => {
                let value = match (raw, text) {
                    (RawAnswer::Number(n), _) => *n,
                    // Forms in Swedish and Danish write a decimal comma.
                    (_, Some(t)) => t.trim().replace(',', ".").parse::<f64>().map_err(|_| AnswerProblem::NotANumber)?,
                    _ => return Err(shape()),
                };
                let (min, max) = self.kind.range().unwrap_or((f64::MIN, f64::MAX));
                if !value.is_finite() || value < min || value > max {
                    return Err(AnswerProblem::OffScale { min, max });
                }
                let decimals = match &self.kind {
                    ItemKind::Line { decimals, .. } | ItemKind::Number { decimals, .. } => *decimals,
                    _ => 0,
                };
                let scaled = value * 10f64.powi(i32::from(decimals));
                if (scaled - scaled.round()).abs() > 1e-6 {
                    return Err(AnswerProblem::TooPrecise { decimals });
                }
                Ok(Some(Answer::Number(value)))
            }
            ItemKind::Single { options } => {
                let key = text.ok_or_else(shape)?.trim();
                match options.iter().find(|o| o.key == key) {
                    Some(o) => Ok(Some(Answer::Choice(o.key.clone()))),
                    None => Err(AnswerProblem::UnknownOption(key.to_owned())),
                }
            }
            ItemKind::Multiple { options } => {
                let keys: Vec<&str> = match raw {
                    RawAnswer::List(list) => list.iter().map(|k| k.trim()).collect(),
                    RawAnswer::Text(t) => vec![t.trim()],
                    _ => return Err(shape()),
                };
                // In the definition's order, each once.
                if let Some(unknown) = keys.iter().find(|k| !options.iter().any(|o| o.key == **k)) {
                    return Err(AnswerProblem::UnknownOption((*unknown).to_owned()));
                }
                let chosen = options.iter().filter(|o| keys.contains(&o.key.as_str())).map(|o| o.key.clone());
                Ok(Some(Answer::Choices(chosen.collect())))
            }
            ItemKind::Date => {
                let format = time::macros::format_description!("[year]-[month]-[day]");
                let date = Date::parse(text.ok_or_else(shape)?.trim(), format).map_err(|_| AnswerProblem::NotADate)?;
                Ok(Some(Answer::Date(date)))
            }
            ItemKind::ShortText { max_length } | ItemKind::LongText { max_length } => {
                let text = text.ok_or_else(shape)?.trim();
                let multiline = matches!(self.kind, ItemKind::LongText { .. });
                if text.chars().any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'))) {
                    return Err(AnswerProblem::ControlCharacters);
                }
                if text.chars().count() > *max_length {
                    return Err(AnswerProblem::TooLong { max: *max_length });
                }
                Ok(Some(Answer::Text(text.to_owned())))
            }
            ItemKind::Roster { list, items } => {
                let RawAnswer::Entries(entries) = raw else { return Err(shape()) };
                let known = lists.get(list);
                let mut parsed = BTreeMap::new();
                for (entry, answers) in entries {
                    if known.is_some_and(|k| !k.contains(entry)) {
                        return Err(AnswerProblem::UnknownEntry(entry.clone()));
                    }
                    let in_roster = |item: &str, problem| AnswerProblem::InRoster {
                        entry: entry.clone(),
                        item: item.to_owned(),
                        problem: Box::new(problem),
                    };
                    if let Some(unknown) = answers.keys().find(|id| !items.iter().any(|i| &i.id == *id)) {
                        return Err(in_roster(unknown, AnswerProblem::UnknownItem(unknown.clone())));
                    }
                    // Sub-items in order, so that a condition sees the sibling it depends on.
                    let mut row = BTreeMap::new();
                    for item in items {
                        let Some(value) = answers.get(&item.id) else { continue };
                        if !shown(item, &row) {
                            continue;
                        }
                        if let Some(answer) = item.parse(value, lists).map_err(|p| in_roster(&item.id, p))? {
                            row.insert(item.id.clone(), answer);
                        }
                    }
                    if !row.is_empty() {
                        parsed.insert(entry.clone(), row);
                    }
                }
                Ok((!parsed.is_empty()).then_some(Answer::Roster(parsed)))
            }
        }
    }
}
