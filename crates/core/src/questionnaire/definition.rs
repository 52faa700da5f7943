//! A questionnaire definition: sections of items in Swedish, Danish and English, response sets,
//! conditions and scoring scales. Written as TOML (`instruments/questionnaires/*.toml`, or a file
//! an organisation uploads), read into raw structs, and parsed once into [`Definition`], whose
//! items carry exactly the parameters of their kind.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::locale::{Locale, Localized};

/// Longest short-text answer unless the item says otherwise.
pub const SHORT_TEXT_MAX: usize = 200;
/// Longest long-text answer unless the item says otherwise, and the most an item may allow.
pub const LONG_TEXT_MAX: usize = 4_000;
/// The most items a definition may have (sub-items of a roster included): a guard against a
/// hostile upload, far above any real questionnaire.
pub const MAX_ITEMS: usize = 500;

/// What a questionnaire is for, which decides where Parat offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Measures an initiative's readiness (ORIC, Hexagon, R = MC²).
    Readiness,
    /// An evaluation of a training day, an activity or a project.
    Evaluation,
    /// A roster survey (the cooperation map's meetings).
    Roster,
    /// Ratings of outcome or alliance with a participant.
    Outcome,
    Other,
}

/// How a scale's members combine into its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Mean,
    Sum,
    /// The product of the members, as R = MC² multiplies its three components.
    Product,
}

impl Rule {
    pub fn key(self) -> &'static str {
        match self {
            Rule::Mean => "mean",
            Rule::Sum => "sum",
            Rule::Product => "product",
        }
    }
}

/// A checked questionnaire definition. As JSON (the API, `parat questionnaire show --json`) it
/// lists its items once, flat, each with its section, and each section with its items' ids.
#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    pub id: String,
    pub version: u32,
    pub purpose: Purpose,
    pub name: Localized,
    pub description: Localized,
    /// The published model the questionnaire follows, said in Parat's words.
    pub follows: Option<Localized>,
    pub sections: Vec<Section>,
    pub scales: Vec<Scale>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: Localized,
    pub intro: Option<Localized>,
    pub items: Vec<Item>,
}

impl Serialize for Definition {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct SectionJson<'a> {
            id: &'a str,
            title: &'a Localized,
            #[serde(skip_serializing_if = "Option::is_none")]
            intro: Option<&'a Localized>,
            items: Vec<&'a str>,
        }
        #[derive(Serialize)]
        struct ItemJson<'a> {
            section: &'a str,
            #[serde(flatten)]
            item: &'a Item,
        }
        #[derive(Serialize)]
        struct DefinitionJson<'a> {
            id: &'a str,
            version: u32,
            purpose: Purpose,
            name: &'a Localized,
            description: &'a Localized,
            #[serde(skip_serializing_if = "Option::is_none")]
            follows: Option<&'a Localized>,
            sections: Vec<SectionJson<'a>>,
            items: Vec<ItemJson<'a>>,
            scales: &'a [Scale],
        }
        DefinitionJson {
            id: &self.id,
            version: self.version,
            purpose: self.purpose,
            name: &self.name,
            description: &self.description,
            follows: self.follows.as_ref(),
            sections: self
                .sections
                .iter()
                .map(|s| SectionJson {
                    id: &s.id,
                    title: &s.title,
                    intro: s.intro.as_ref(),
                    items: s.items.iter().map(|i| i.id.as_str()).collect(),
                })
                .collect(),
            items: self
                .sections
                .iter()
                .flat_map(|s| s.items.iter().map(move |item| ItemJson { section: &s.id, item }))
                .collect(),
            scales: &self.scales,
        }
        .serialize(serializer)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub id: String,
    pub text: Localized,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Localized>,
    pub required: bool,
    /// Shown (and asked) only when another item has one of the given answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    #[serde(flatten)]
    pub kind: ItemKind,
}

/// An item's kind with exactly the parameters it needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ItemKind {
    /// Agreement with a statement on a whole-number scale with labelled steps or ends (1–5).
    Agreement(Steps),
    /// A whole-number rating (0–10, 1–9).
    Rating(Steps),
    /// A visual-analogue line with one decimal (0–10); a number field without JavaScript.
    Line {
        min: f64,
        max: f64,
        decimals: u8,
        low: Localized,
        high: Localized,
    },
    Single {
        options: Vec<Choice>,
    },
    Multiple {
        options: Vec<Choice>,
    },
    Number {
        min: f64,
        max: f64,
        decimals: u8,
    },
    Date,
    ShortText {
        max_length: usize,
    },
    LongText {
        max_length: usize,
    },
    /// For each entry of a list supplied when the questionnaire is sent out (organisations,
    /// meetings, people), the same sub-items.
    Roster {
        list: String,
        items: Vec<Item>,
    },
}

/// A whole-number scale; `labels` names every step, lowest first, or only the two ends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Steps {
    pub min: i64,
    pub max: i64,
    pub labels: Vec<Localized>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub key: String,
    pub label: Localized,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub item: String,
    /// The answers (option keys, or whole numbers written as text) that show the item.
    pub any_of: Vec<String>,
}

/// A scoring scale: items (or earlier scales) combined by a rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scale {
    pub id: String,
    pub name: Localized,
    /// Item ids, or ids of scales defined before this one.
    pub items: Vec<String>,
    pub rule: Rule,
    /// Items scored in reverse (min + max − answer).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reversed: Vec<String>,
}

impl ItemKind {
    pub fn key(&self) -> &'static str {
        match self {
            ItemKind::Agreement(_) => "agreement",
            ItemKind::Rating(_) => "rating",
            ItemKind::Line { .. } => "line",
            ItemKind::Single { .. } => "single",
            ItemKind::Multiple { .. } => "multiple",
            ItemKind::Number { .. } => "number",
            ItemKind::Date => "date",
            ItemKind::ShortText { .. } => "short_text",
            ItemKind::LongText { .. } => "long_text",
            ItemKind::Roster { .. } => "roster",
        }
    }

    /// The numeric range of an item that answers with a number.
    pub fn range(&self) -> Option<(f64, f64)> {
        match self {
            ItemKind::Agreement(s) | ItemKind::Rating(s) => Some((s.min as f64, s.max as f64)),
            ItemKind::Line { min, max, .. } | ItemKind::Number { min, max, .. } => Some((*min, *max)),
            _ => None,
        }
    }
}

impl Definition {
    /// Parses and checks a definition written in TOML.
    pub fn from_toml(text: &str) -> Result<Definition, DefinitionError> {
        Source::from_toml(text)?.check()
    }

    /// Every item, sections in order (roster sub-items inside their roster).
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }

    /// The lowest and highest score a scale can have, from its members' ranges and its rule.
    pub fn scale_range(&self, id: &str) -> Option<(f64, f64)> {
        let scale = self.scale(id)?;
        let ranges: Vec<(f64, f64)> = scale
            .items
            .iter()
            .map(|m| self.item(m).and_then(|i| i.kind.range()).or_else(|| self.scale_range(m)))
            .collect::<Option<_>>()?;
        Some(match scale.rule {
            Rule::Mean => {
                let low = ranges.iter().map(|r| r.0).fold(f64::MAX, f64::min);
                let high = ranges.iter().map(|r| r.1).fold(f64::MIN, f64::max);
                (low, high)
            }
            Rule::Sum => ranges.iter().fold((0.0, 0.0), |(l, h), r| (l + r.0, h + r.1)),
            Rule::Product => ranges.iter().fold((1.0, 1.0), |(l, h), r| (l * r.0, h * r.1)),
        })
    }
}

/// Why a definition was refused; says where.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DefinitionError {
    #[error("the definition is not valid TOML or misses a field: {0}")]
    Syntax(String),
    #[error("{0:?} is not a usable id: use 1–40 lower-case letters, digits, - or _")]
    BadId(String),
    #[error("the id {0:?} is used twice")]
    DuplicateId(String),
    #[error("item {item}: kind {kind:?} is not one Parat knows")]
    UnknownKind { item: String, kind: String },
    #[error("item {item}: {problem}")]
    Item { item: String, problem: String },
    #[error("item {item}: response set {set:?} is not defined")]
    UnknownResponseSet { item: String, set: String },
    #[error(
        "item {item}: the condition refers to {target:?}, which is not an earlier item with choices or whole numbers"
    )]
    Condition { item: String, target: String },
    #[error("scale {scale}: {member:?} is neither a numeric item nor a scale defined before it")]
    ScaleMember { scale: String, member: String },
    #[error("scale {scale}: {problem}")]
    Scale { scale: String, problem: String },
    #[error("the questionnaire has no items")]
    Empty,
    #[error("the questionnaire has more than {MAX_ITEMS} items")]
    TooManyItems,
    #[error("{place}: the {locale} text is empty")]
    EmptyText { place: String, locale: Locale },
}

// --- The file format -------------------------------------------------------------------------
//
// A definition as written: what a file holds and what the builder edits, before any check. Its
// fields are the file's keys; [`Source::check`] turns it into a [`Definition`].

/// A questionnaire as its file has it, unchecked.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    #[serde(default = "first_version")]
    pub version: u32,
    pub purpose: Purpose,
    pub name: Localized,
    pub description: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<Localized>,
    /// Named whole-number scales that items share (`responses = "agree5"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub response_sets: BTreeMap<String, SourceSteps>,
    pub sections: Vec<SourceSection>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scales: Vec<SourceScale>,
}

fn first_version() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSteps {
    pub min: i64,
    pub max: i64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Localized>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSection {
    pub id: String,
    pub title: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Localized>,
    pub items: Vec<SourceItem>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceItem {
    pub id: String,
    pub kind: String,
    pub text: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Localized>,
    #[serde(default = "yes")]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responses: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<Localized>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<SourceItem>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceScale {
    pub id: String,
    pub name: Localized,
    pub items: Vec<String>,
    pub rule: Rule,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reversed: Vec<String>,
}

impl Source {
    /// Reads a definition file without checking it.
    pub fn from_toml(text: &str) -> Result<Source, DefinitionError> {
        toml::from_str(text).map_err(|e| DefinitionError::Syntax(e.message().to_owned()))
    }

    /// The file text: what a round keeps and a download gives.
    pub fn to_toml(&self) -> String {
        // A Source is plain strings, numbers and tables: it always has a TOML form.
        toml::to_string_pretty(self).unwrap_or_default()
    }
}

fn check_id(id: &str) -> Result<(), DefinitionError> {
    let ok = (1..=40).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(DefinitionError::BadId(id.to_owned()))
    }
}

fn check_text(place: impl Fn() -> String, text: &Localized) -> Result<(), DefinitionError> {
    match text.all().into_iter().find(|(_, t)| t.trim().is_empty()) {
        Some((locale, _)) => Err(DefinitionError::EmptyText { place: place(), locale }),
        None => Ok(()),
    }
}

/// What the checks of items need to know: ids so far, response sets, and the items that an
/// item's condition may refer to.
struct Parser<'a> {
    sets: &'a BTreeMap<String, SourceSteps>,
    ids: BTreeSet<String>,
    count: usize,
    /// Items seen so far that a condition may name: option keys, or a whole-number range.
    conditionable: BTreeMap<String, Vec<String>>,
}

impl Source {
    /// Checks everything a definition must be, and gives it typed.
    pub fn check(self) -> Result<Definition, DefinitionError> {
        check_id(&self.id)?;
        check_text(|| "name".into(), &self.name)?;
        check_text(|| "description".into(), &self.description)?;
        if let Some(follows) = &self.follows {
            check_text(|| "follows".into(), follows)?;
        }
        let mut parser =
            Parser { sets: &self.response_sets, ids: BTreeSet::new(), count: 0, conditionable: BTreeMap::new() };
        let mut sections = Vec::with_capacity(self.sections.len());
        for section in self.sections {
            check_id(&section.id)?;
            if !parser.ids.insert(format!("section:{}", section.id)) {
                return Err(DefinitionError::DuplicateId(section.id));
            }
            check_text(|| format!("section {}", section.id), &section.title)?;
            if let Some(intro) = &section.intro {
                check_text(|| format!("section {}", section.id), intro)?;
            }
            let items = section.items.into_iter().map(|i| parser.item(i, false)).collect::<Result<Vec<_>, _>>()?;
            sections.push(Section { id: section.id, title: section.title, intro: section.intro, items });
        }
        if parser.count == 0 {
            return Err(DefinitionError::Empty);
        }
        let definition = Definition {
            id: self.id,
            version: self.version,
            purpose: self.purpose,
            name: self.name,
            description: self.description,
            follows: self.follows,
            sections,
            scales: Vec::new(),
        };
        let scales = parse_scales(&definition, self.scales)?;
        Ok(Definition { scales, ..definition })
    }
}

impl Parser<'_> {
    fn item(&mut self, raw: SourceItem, in_roster: bool) -> Result<Item, DefinitionError> {
        check_id(&raw.id)?;
        if !self.ids.insert(raw.id.clone()) {
            return Err(DefinitionError::DuplicateId(raw.id));
        }
        self.count += 1;
        if self.count > MAX_ITEMS {
            return Err(DefinitionError::TooManyItems);
        }
        let id = raw.id.clone();
        let problem = |problem: &str| DefinitionError::Item { item: id.clone(), problem: problem.to_owned() };
        check_text(|| format!("item {id}"), &raw.text)?;
        for text in raw.help.iter().chain(&raw.labels).chain(&raw.low).chain(&raw.high) {
            check_text(|| format!("item {id}"), text)?;
        }
        for option in &raw.options {
            check_text(|| format!("item {id}, option {}", option.key), &option.label)?;
        }
        if let Some(condition) = &raw.show_if {
            let target = self.conditionable.get(&condition.item);
            let fits = target.is_some_and(|answers| {
                !condition.any_of.is_empty() && condition.any_of.iter().all(|a| answers.contains(a))
            });
            if !fits {
                return Err(DefinitionError::Condition { item: id.clone(), target: condition.item.clone() });
            }
        }
        let steps = |raw: &SourceItem| -> Result<Steps, DefinitionError> {
            let (min, max, labels) = match &raw.responses {
                Some(set) => {
                    let set = self
                        .sets
                        .get(set)
                        .ok_or_else(|| DefinitionError::UnknownResponseSet { item: id.clone(), set: set.clone() })?;
                    (set.min, set.max, set.labels.clone())
                }
                None => {
                    let whole = |v: Option<f64>| v.filter(|v| v.fract() == 0.0).map(|v| v as i64);
                    let (Some(min), Some(max)) = (whole(raw.min), whole(raw.max)) else {
                        return Err(problem("needs `responses`, or whole-number `min` and `max`"));
                    };
                    (min, max, raw.labels.clone())
                }
            };
            if min >= max || max - min > 20 || min < -100 || max > 100 {
                return Err(problem("the scale must run upwards, with at most 21 steps"));
            }
            let steps = (max - min + 1) as usize;
            if !(labels.is_empty() || labels.len() == 2 || labels.len() == steps) {
                return Err(problem("give a label for every step, for the two ends, or none"));
            }
            for label in &labels {
                check_text(|| format!("item {id}"), label)?;
            }
            Ok(Steps { min, max, labels })
        };
        let range = |default: (f64, f64)| -> Result<(f64, f64, u8), DefinitionError> {
            let (min, max) = (raw.min.unwrap_or(default.0), raw.max.unwrap_or(default.1));
            let decimals = raw.decimals.unwrap_or(0);
            if !(min.is_finite() && max.is_finite() && min < max) || decimals > 3 {
                return Err(problem("needs min below max and at most 3 decimals"));
            }
            Ok((min, max, decimals))
        };
        let options = |raw: &SourceItem| -> Result<Vec<Choice>, DefinitionError> {
            let mut keys = BTreeSet::new();
            for option in &raw.options {
                check_id(&option.key)?;
                if !keys.insert(option.key.as_str()) {
                    return Err(problem("an option key is used twice"));
                }
            }
            if raw.options.len() < 2 {
                return Err(problem("a choice needs at least two options"));
            }
            Ok(raw.options.clone())
        };
        let length = |default: usize| -> Result<usize, DefinitionError> {
            match raw.max_length.unwrap_or(default) {
                n @ 1..=LONG_TEXT_MAX => Ok(n),
                _ => Err(problem(&format!("max_length must be 1–{LONG_TEXT_MAX}"))),
            }
        };
        let kind = match raw.kind.as_str() {
            "agreement" => ItemKind::Agreement(steps(&raw)?),
            "rating" => ItemKind::Rating(steps(&raw)?),
            "line" => {
                let (min, max, _) = range((0.0, 10.0))?;
                let (Some(low), Some(high)) = (raw.low.clone(), raw.high.clone()) else {
                    return Err(problem("a line needs `low` and `high` labels for its ends"));
                };
                ItemKind::Line { min, max, decimals: raw.decimals.unwrap_or(1).min(3), low, high }
            }
            "single" => ItemKind::Single { options: options(&raw)? },
            "multiple" => ItemKind::Multiple { options: options(&raw)? },
            "number" => {
                let (min, max, decimals) = range((0.0, 1_000_000.0))?;
                ItemKind::Number { min, max, decimals }
            }
            "date" => ItemKind::Date,
            "short_text" => ItemKind::ShortText { max_length: length(SHORT_TEXT_MAX)? },
            "long_text" => ItemKind::LongText { max_length: length(LONG_TEXT_MAX)? },
            "roster" => {
                if in_roster {
                    return Err(problem("a roster cannot hold another roster"));
                }
                let list = raw.list.clone().ok_or_else(|| problem("a roster names its `list`"))?;
                check_id(&list)?;
                if raw.items.is_empty() {
                    return Err(problem("a roster needs sub-items"));
                }
                // A sub-item's condition names an earlier sibling, answered for the same entry.
                let outer = std::mem::take(&mut self.conditionable);
                let mut items = Vec::with_capacity(raw.items.len());
                for sub in raw.items {
                    items.push(self.item(sub, true)?);
                }
                self.conditionable = outer;
                ItemKind::Roster { list, items }
            }
            other => return Err(DefinitionError::UnknownKind { item: id.clone(), kind: other.to_owned() }),
        };
        // Later items may be shown depending on this one's answer.
        let answers = match &kind {
            ItemKind::Single { options } | ItemKind::Multiple { options } => {
                Some(options.iter().map(|o| o.key.clone()).collect())
            }
            ItemKind::Agreement(s) | ItemKind::Rating(s) => Some((s.min..=s.max).map(|v| v.to_string()).collect()),
            _ => None,
        };
        if let Some(answers) = answers {
            self.conditionable.insert(id.clone(), answers);
        }
        Ok(Item { id, text: raw.text, help: raw.help, required: raw.required, show_if: raw.show_if, kind })
    }
}

fn parse_scales(definition: &Definition, raw: Vec<SourceScale>) -> Result<Vec<Scale>, DefinitionError> {
    let mut scales: Vec<Scale> = Vec::with_capacity(raw.len());
    for scale in raw {
        check_id(&scale.id)?;
        check_text(|| format!("scale {}", scale.id), &scale.name)?;
        if scales.iter().any(|s| s.id == scale.id) || definition.item(&scale.id).is_some() {
            return Err(DefinitionError::DuplicateId(scale.id));
        }
        let problem = |p: &str| DefinitionError::Scale { scale: scale.id.clone(), problem: p.to_owned() };
        if scale.items.is_empty() {
            return Err(problem("a scale needs members"));
        }
        let mut seen = BTreeSet::new();
        for member in &scale.items {
            let numeric = definition.item(member).is_some_and(|i| i.kind.range().is_some());
            let earlier = scales.iter().any(|s| &s.id == member);
            if !(numeric || earlier) {
                return Err(DefinitionError::ScaleMember { scale: scale.id.clone(), member: member.clone() });
            }
            if !seen.insert(member) {
                return Err(problem("a member is named twice"));
            }
        }
        for reversed in &scale.reversed {
            let item_member = scale.items.contains(reversed) && definition.item(reversed).is_some();
            if !item_member {
                return Err(problem("only the scale's own items can be reversed"));
            }
        }
        scales.push(Scale {
            id: scale.id,
            name: scale.name,
            items: scale.items,
            rule: scale.rule,
            reversed: scale.reversed,
        });
    }
    Ok(scales)
}
