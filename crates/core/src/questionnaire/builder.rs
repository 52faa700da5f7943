//! Building a questionnaire in the browser: a coordinator's form fields parsed into the file
//! form ([`Source`]), and the edits a builder makes on it — add, change, move and remove items,
//! add sections. A draft may be unfinished (no items yet); [`Source::check`] says when it is
//! ready to send.
//!
//! A coordinator writes in one language. A text given in one language stands for all three until
//! someone translates it: editing it in Swedish changes the Danish and English only where they
//! were still the Swedish words.

use serde::Deserialize;

use crate::locale::{Locale, Localized};
use crate::validation::{optional_text, required_text, FieldErrors, Problem};

use super::definition::{Choice, Purpose, Source, SourceItem, SourceSection, MAX_ITEMS};

pub const NAME_MAX: usize = 160;
pub const TEXT_MAX: usize = 1_000;
pub const OPTION_MAX: usize = 200;
/// The most options one choice item may have.
pub const OPTIONS_MAX: usize = 40;

/// The kinds a coordinator builds in the browser. Rosters, conditions and scales are written in
/// a definition file.
pub const BUILDER_KINDS: &[&str] =
    &["agreement", "rating", "line", "single", "multiple", "number", "date", "short_text", "long_text"];

impl Localized {
    /// One text for every language, until it is translated.
    pub fn same(text: &str) -> Localized {
        Localized { sv: text.to_owned(), da: text.to_owned(), en: text.to_owned() }
    }

    /// The text in `locale` changed to `text`; the other languages follow where they were still
    /// the old text (never translated).
    pub fn edited(&self, locale: Locale, text: &str) -> Localized {
        let old = self.get(locale).to_owned();
        let follow = |current: &str| if current == old { text.to_owned() } else { current.to_owned() };
        let mut next = Localized { sv: follow(&self.sv), da: follow(&self.da), en: follow(&self.en) };
        match locale {
            Locale::Sv => next.sv = text.to_owned(),
            Locale::Da => next.da = text.to_owned(),
            Locale::En => next.en = text.to_owned(),
        }
        next
    }

    /// The text in `locale` set to `text`, the others untouched: a translation.
    pub fn translated(&self, locale: Locale, text: &str) -> Localized {
        let mut next = self.clone();
        match locale {
            Locale::Sv => next.sv = text.to_owned(),
            Locale::Da => next.da = text.to_owned(),
            Locale::En => next.en = text.to_owned(),
        }
        next
    }
}

/// The texts an agreement item's ends get when the builder makes one, in Parat's words.
fn agreement_ends() -> (Localized, Localized) {
    let low =
        Localized { sv: "Instämmer inte alls".into(), da: "Helt uenig".into(), en: "Do not agree at all".into() };
    let high = Localized { sv: "Instämmer helt".into(), da: "Helt enig".into(), en: "Fully agree".into() };
    (low, high)
}

/// A new questionnaire's first fields, as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct NewInput {
    pub name: String,
    pub description: String,
    pub purpose: String,
}

impl NewInput {
    /// A draft with one empty section; `taken` says whether an id is in use already.
    pub fn parse(&self, locale: Locale, taken: impl Fn(&str) -> bool) -> Result<Source, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text(&self.name, NAME_MAX));
        let description = errors.check("description", optional_text(&self.description, TEXT_MAX, true));
        let purpose = errors.check(
            "purpose",
            match self.purpose.as_str() {
                "evaluation" | "" => Ok(Purpose::Evaluation),
                "readiness" => Ok(Purpose::Readiness),
                "other" => Ok(Purpose::Other),
                _ => Err(Problem::UnknownChoice),
            },
        );
        errors.finish(|| {
            let name = name?;
            let description = description?;
            let id = free_id(&slug(&name), &taken);
            let text = |t: &str| {
                let mut localized = Localized::same(t);
                localized = localized.edited(locale, t);
                localized
            };
            Some(Source {
                id,
                version: 1,
                purpose: purpose?,
                name: text(&name),
                description: text(if description.is_empty() { &name } else { &description }),
                follows: None,
                response_sets: Default::default(),
                sections: vec![SourceSection { id: "s1".into(), title: text(&name), intro: None, items: Vec::new() }],
                scales: Vec::new(),
            })
        })
    }
}

/// An id from a name: lower-case ASCII letters and digits joined by dashes, at most 30 long.
pub fn slug(name: &str) -> String {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' | 'æ' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' => 'o',
            'é' | 'è' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    let joined = folded.split_whitespace().collect::<Vec<_>>().join("-");
    let cut: String = joined.chars().take(30).collect();
    let cut = cut.trim_end_matches('-').to_owned();
    if cut.is_empty() {
        "questionnaire".into()
    } else {
        cut
    }
}

/// `base`, or `base-2`, `base-3`, … whichever is free.
fn free_id(base: &str, taken: &impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).unwrap_or_else(|| base.to_owned())
}

/// An item's fields as a coordinator types them.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct ItemInput {
    pub kind: String,
    pub text: String,
    pub help: String,
    /// A checked box ("on") makes the item required.
    pub required: String,
    /// Choice options, one per line.
    pub options: String,
    pub min: String,
    pub max: String,
    pub low: String,
    pub high: String,
    /// The section a new item goes to.
    pub section: String,
}

impl ItemInput {
    /// The form filled in from an item, in `locale`.
    pub fn from_item(item: &SourceItem, locale: Locale) -> ItemInput {
        let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        ItemInput {
            kind: item.kind.clone(),
            text: item.text.get(locale).to_owned(),
            help: item.help.as_ref().map(|h| h.get(locale).to_owned()).unwrap_or_default(),
            required: if item.required { "on".into() } else { String::new() },
            options: item.options.iter().map(|o| o.label.get(locale)).collect::<Vec<_>>().join("\n"),
            min: number(item.min),
            max: number(item.max),
            low: item.low.as_ref().map(|t| t.get(locale).to_owned()).unwrap_or_default(),
            high: item.high.as_ref().map(|t| t.get(locale).to_owned()).unwrap_or_default(),
            section: String::new(),
        }
    }

    /// The item these fields make, with `id`; `before` is the item being edited, whose other
    /// languages are kept where they were translated.
    pub fn parse(&self, id: &str, locale: Locale, before: Option<&SourceItem>) -> Result<SourceItem, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = errors.check(
            "kind",
            BUILDER_KINDS.iter().find(|k| **k == self.kind).map(|k| (*k).to_owned()).ok_or(Problem::NotChosen),
        );
        let text = errors.check("text", required_text(&self.text, TEXT_MAX));
        let help = errors.check("help", optional_text(&self.help, TEXT_MAX, true));
        let localized = |typed: &str, old: Option<&Localized>| match old {
            Some(old) => old.edited(locale, typed),
            None => Localized::same(typed),
        };
        let number = |field: &'static str, raw: &str, errors: &mut FieldErrors| -> Option<Option<f64>> {
            let raw = raw.trim().replace(',', ".");
            if raw.is_empty() {
                return Some(None);
            }
            errors.check(field, raw.parse::<f64>().ok().filter(|v| v.is_finite()).map(Some).ok_or(Problem::NotANumber))
        };
        let min = number("min", &self.min, &mut errors);
        let max = number("max", &self.max, &mut errors);
        let low = errors.check("low", optional_text(&self.low, OPTION_MAX, false));
        let high = errors.check("high", optional_text(&self.high, OPTION_MAX, false));
        let kind_name = kind.clone().unwrap_or_default();
        // What each kind needs beyond its text.
        let mut item = SourceItem {
            id: id.to_owned(),
            kind: kind_name.clone(),
            text: Localized::same(""),
            help: None,
            required: !self.required.trim().is_empty(),
            show_if: before.and_then(|b| b.show_if.clone()),
            responses: None,
            min: None,
            max: None,
            decimals: None,
            labels: Vec::new(),
            low: None,
            high: None,
            options: Vec::new(),
            max_length: None,
            list: None,
            items: Vec::new(),
        };
        let (min, max) = (min.flatten(), max.flatten());
        match kind_name.as_str() {
            "agreement" => {
                let (low_default, high_default) = agreement_ends();
                item.min = Some(min.unwrap_or(1.0));
                item.max = Some(max.unwrap_or(5.0));
                item.labels = vec![
                    ends_text(low.as_deref(), before.and_then(|b| b.labels.first()), low_default, locale),
                    ends_text(high.as_deref(), before.and_then(|b| b.labels.last()), high_default, locale),
                ];
            }
            "rating" => {
                item.min = Some(min.unwrap_or(0.0));
                item.max = Some(max.unwrap_or(10.0));
                let old_low = before.and_then(|b| b.labels.first());
                let old_high = before.and_then(|b| b.labels.last());
                match (low.as_deref().filter(|t| !t.is_empty()), high.as_deref().filter(|t| !t.is_empty())) {
                    (Some(l), Some(h)) => item.labels = vec![localized(l, old_low), localized(h, old_high)],
                    (None, None) => {}
                    _ => errors.add("high", Problem::Required),
                }
            }
            "line" => {
                item.min = Some(min.unwrap_or(0.0));
                item.max = Some(max.unwrap_or(10.0));
                item.decimals = Some(1);
                match (low.as_deref().filter(|t| !t.is_empty()), high.as_deref().filter(|t| !t.is_empty())) {
                    (Some(l), Some(h)) => {
                        item.low = Some(localized(l, before.and_then(|b| b.low.as_ref())));
                        item.high = Some(localized(h, before.and_then(|b| b.high.as_ref())));
                    }
                    (None, _) => errors.add("low", Problem::Required),
                    (_, None) => errors.add("high", Problem::Required),
                }
            }
            "number" => {
                item.min = min;
                item.max = max;
            }
            "single" | "multiple" => {
                let lines: Vec<&str> = self.options.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
                if !(2..=OPTIONS_MAX).contains(&lines.len()) {
                    errors.add("options", Problem::OptionCount { min: 2, max: OPTIONS_MAX });
                } else if lines.iter().any(|l| l.chars().count() > OPTION_MAX) {
                    errors.add("options", Problem::TooLong { max: OPTION_MAX });
                } else {
                    let old = before.map(|b| b.options.as_slice()).unwrap_or_default();
                    // An option keeps its key (answers given refer to it) where its place is
                    // unchanged, and its label follows the edit; a new one gets an unused key.
                    let mut options: Vec<Choice> = Vec::with_capacity(lines.len());
                    for (n, line) in lines.iter().enumerate() {
                        let choice = match old.get(n) {
                            Some(choice) => {
                                Choice { key: choice.key.clone(), label: choice.label.edited(locale, line) }
                            }
                            None => {
                                let used = |k: &str| old.iter().chain(&options).any(|c| c.key == k);
                                let key = (1..).map(|n| format!("o{n}")).find(|k| !used(k)).unwrap_or_default();
                                Choice { key, label: Localized::same(line) }
                            }
                        };
                        options.push(choice);
                    }
                    item.options = options;
                }
            }
            _ => {}
        }
        if let (Some(low), Some(high)) = (item.min, item.max) {
            if low >= high {
                errors.add("max", Problem::EndBeforeStart);
            }
        }
        errors.finish(|| {
            item.text = localized(&text?, before.map(|b| &b.text));
            let help = help?;
            item.help = (!help.is_empty()).then(|| localized(&help, before.and_then(|b| b.help.as_ref())));
            kind?;
            Some(item)
        })
    }
}

/// An agreement end's text: as typed, else as it was, else Parat's default.
fn ends_text(typed: Option<&str>, old: Option<&Localized>, default: Localized, locale: Locale) -> Localized {
    match (typed.filter(|t| !t.is_empty()), old) {
        (Some(text), Some(old)) => old.edited(locale, text),
        (Some(text), None) => Localized::same(text),
        (None, Some(old)) => old.clone(),
        (None, None) => default,
    }
}

/// Which way an item moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

/// Why an edit cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("no item or section with that id")]
    NotFound,
    #[error("another item's condition or a scale refers to this item")]
    InUse,
    #[error("the questionnaire has as many items as it may")]
    Full,
}

impl Source {
    /// Where an item is: its section's index and its own.
    fn position(&self, id: &str) -> Option<(usize, usize)> {
        self.sections
            .iter()
            .enumerate()
            .find_map(|(s, section)| section.items.iter().position(|i| i.id == id).map(|i| (s, i)))
    }

    pub fn item(&self, id: &str) -> Option<&SourceItem> {
        self.position(id).map(|(s, i)| &self.sections[s].items[i])
    }

    fn item_count(&self) -> usize {
        self.sections.iter().flat_map(|s| &s.items).map(|i| 1 + i.items.len()).sum()
    }

    /// An id for a new item: `q1`, `q2`, … the first not used.
    pub fn next_item_id(&self) -> String {
        let used = |id: &str| {
            self.sections
                .iter()
                .any(|s| s.id == id || s.items.iter().any(|i| i.id == id || i.items.iter().any(|x| x.id == id)))
        };
        (1..).map(|n| format!("q{n}")).find(|id| !used(id)).unwrap_or_default()
    }

    /// Adds an item at the end of a section (the last when `section` names none).
    pub fn add_item(&mut self, section: &str, item: SourceItem) -> Result<(), EditError> {
        if self.item_count() >= MAX_ITEMS {
            return Err(EditError::Full);
        }
        let index = self.sections.iter().position(|s| s.id == section).or(self.sections.len().checked_sub(1));
        let index = index.ok_or(EditError::NotFound)?;
        self.sections[index].items.push(item);
        Ok(())
    }

    pub fn replace_item(&mut self, item: SourceItem) -> Result<(), EditError> {
        let (s, i) = self.position(&item.id).ok_or(EditError::NotFound)?;
        self.sections[s].items[i] = item;
        Ok(())
    }

    /// Moves an item one place; past the start or end of its section it moves into the next
    /// section, so that any order can be reached one step at a time.
    pub fn move_item(&mut self, id: &str, direction: Move) -> Result<(), EditError> {
        let (s, i) = self.position(id).ok_or(EditError::NotFound)?;
        match direction {
            Move::Up if i > 0 => self.sections[s].items.swap(i, i - 1),
            Move::Up if s > 0 => {
                let item = self.sections[s].items.remove(i);
                self.sections[s - 1].items.push(item);
            }
            Move::Down if i + 1 < self.sections[s].items.len() => self.sections[s].items.swap(i, i + 1),
            Move::Down if s + 1 < self.sections.len() => {
                let item = self.sections[s].items.remove(i);
                self.sections[s + 1].items.insert(0, item);
            }
            _ => {}
        }
        Ok(())
    }

    /// Removes an item nothing else refers to.
    pub fn remove_item(&mut self, id: &str) -> Result<(), EditError> {
        let (s, i) = self.position(id).ok_or(EditError::NotFound)?;
        let condition_on = |item: &SourceItem| item.show_if.as_ref().is_some_and(|c| c.item == id);
        let in_condition = self.sections.iter().flat_map(|s| &s.items).any(condition_on);
        let in_scale = self.scales.iter().any(|scale| scale.items.iter().any(|m| m == id));
        if in_condition || in_scale {
            return Err(EditError::InUse);
        }
        self.sections[s].items.remove(i);
        Ok(())
    }

    /// Adds a section (a heading the items after it stand under).
    pub fn add_section(&mut self, title: &str, locale: Locale) -> Result<(), EditError> {
        let id =
            (1..).map(|n| format!("s{n}")).find(|id| !self.sections.iter().any(|s| &s.id == id)).unwrap_or_default();
        let mut localized = Localized::same(title);
        localized = localized.edited(locale, title);
        self.sections.push(SourceSection { id, title: localized, intro: None, items: Vec::new() });
        Ok(())
    }

    /// Removes an empty section (never the last one).
    pub fn remove_section(&mut self, id: &str) -> Result<(), EditError> {
        let index = self.sections.iter().position(|s| s.id == id).ok_or(EditError::NotFound)?;
        if !self.sections[index].items.is_empty() || self.sections.len() == 1 {
            return Err(EditError::InUse);
        }
        self.sections.remove(index);
        Ok(())
    }

    /// Changes the name and description in one language.
    pub fn rename(&mut self, locale: Locale, name: &str, description: &str) {
        self.name = self.name.edited(locale, name);
        self.description = self.description.edited(locale, if description.is_empty() { name } else { description });
    }
}
