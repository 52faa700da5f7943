//! Instrument definitions as data: dimensions, stages, anchored rating scales, the interview
//! guide and strategies, in Swedish, Danish and English.
//!
//! Parat ships its own wording (`instruments/*.toml`, embedded). An organisation that holds a
//! licence for the official texts loads them in the same format, without a code change.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::locale::Locale;
pub use crate::locale::Localized;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub level: u8,
    pub name: Localized,
    pub description: Localized,
    pub goal: Localized,
    pub strategies: Vec<Localized>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub key: String,
    pub name: Localized,
    pub description: Localized,
    /// One statement per level of the scale, lowest first.
    pub anchors: Vec<Localized>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub dimension: String,
    /// The informant is asked for a 1–10 rating "and why": context for the scorers, never a score.
    #[serde(default)]
    pub context_rating: bool,
    pub text: Localized,
}

/// A readiness instrument.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    /// `community_readiness` for the CRM; other instruments (ORIC, Hexagon) use other kinds.
    pub kind: String,
    #[serde(default)]
    pub edition: Option<String>,
    pub scale_min: u8,
    pub scale_max: u8,
    pub name: Localized,
    pub description: Localized,
    #[serde(default)]
    pub stages: Vec<Stage>,
    pub dimensions: Vec<Dimension>,
    pub questions: Vec<Question>,
}

/// Why a definition was refused; says where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InstrumentError {
    #[error("the definition is not valid TOML or misses a field: {0}")]
    Syntax(String),
    #[error("the scale must run upwards, from {min} to {max}")]
    Scale { min: u8, max: u8 },
    #[error("dimension {key}: {found} anchored statements, the scale needs {expected}")]
    Anchors { key: String, found: usize, expected: usize },
    #[error("dimension key {0:?} is used twice")]
    DuplicateDimension(String),
    #[error("the stages must be levels {min}–{max} in order, one each")]
    Stages { min: u8, max: u8 },
    #[error("a community readiness instrument needs its stages")]
    MissingStages,
    #[error("question {number} belongs to dimension {key:?}, which does not exist")]
    QuestionDimension { number: usize, key: String },
    #[error("the instrument has no dimensions or no questions")]
    Empty,
    #[error("{place}: the {locale} text is empty")]
    EmptyText { place: String, locale: Locale },
    #[error("to score assessments, the kind must be community_readiness and the edition \"2006\" (dimensions A–F) or \"2014\" (A–E)")]
    NotScorable,
}

impl Instrument {
    /// Parses and checks a definition.
    pub fn from_toml(text: &str) -> Result<Instrument, InstrumentError> {
        let instrument: Instrument =
            toml::from_str(text).map_err(|e| InstrumentError::Syntax(e.message().to_owned()))?;
        instrument.check()?;
        Ok(instrument)
    }

    fn levels(&self) -> usize {
        usize::from(self.scale_max - self.scale_min) + 1
    }

    fn check(&self) -> Result<(), InstrumentError> {
        if self.scale_min >= self.scale_max {
            return Err(InstrumentError::Scale { min: self.scale_min, max: self.scale_max });
        }
        if self.dimensions.is_empty() || self.questions.is_empty() {
            return Err(InstrumentError::Empty);
        }
        let text = |place: String, t: &Localized| match t.all().into_iter().find(|(_, s)| s.trim().is_empty()) {
            Some((locale, _)) => Err(InstrumentError::EmptyText { place, locale }),
            None => Ok(()),
        };
        text("name".into(), &self.name)?;
        text("description".into(), &self.description)?;
        let mut keys = std::collections::BTreeSet::new();
        for d in &self.dimensions {
            if !keys.insert(d.key.as_str()) {
                return Err(InstrumentError::DuplicateDimension(d.key.clone()));
            }
            if d.anchors.len() != self.levels() {
                return Err(InstrumentError::Anchors {
                    key: d.key.clone(),
                    found: d.anchors.len(),
                    expected: self.levels(),
                });
            }
            text(format!("dimension {} name", d.key), &d.name)?;
            text(format!("dimension {} description", d.key), &d.description)?;
            for (i, anchor) in d.anchors.iter().enumerate() {
                text(format!("dimension {} level {}", d.key, usize::from(self.scale_min) + i), anchor)?;
            }
        }
        if self.kind == "community_readiness" && self.stages.is_empty() {
            return Err(InstrumentError::MissingStages);
        }
        if !self.stages.is_empty() {
            let in_order = self.stages.len() == self.levels()
                && self.stages.iter().zip(self.scale_min..=self.scale_max).all(|(s, level)| s.level == level);
            if !in_order {
                return Err(InstrumentError::Stages { min: self.scale_min, max: self.scale_max });
            }
        }
        for s in &self.stages {
            text(format!("stage {} name", s.level), &s.name)?;
            text(format!("stage {} description", s.level), &s.description)?;
            text(format!("stage {} goal", s.level), &s.goal)?;
            for (i, strategy) in s.strategies.iter().enumerate() {
                text(format!("stage {} strategy {}", s.level, i + 1), strategy)?;
            }
        }
        for (i, q) in self.questions.iter().enumerate() {
            if !keys.contains(q.dimension.as_str()) {
                return Err(InstrumentError::QuestionDimension { number: i + 1, key: q.dimension.clone() });
            }
            text(format!("question {}", i + 1), &q.text)?;
        }
        Ok(())
    }

    /// The edition whose scoring this instrument follows, if it can be used for assessments:
    /// a Community Readiness instrument on the 1–9 scale with an edition's dimension keys.
    pub fn scoring_edition(&self) -> Result<super::Edition, InstrumentError> {
        let edition = match self.edition.as_deref() {
            Some("2006") => super::Edition::Crm2006,
            Some("2014") => super::Edition::Crm2014,
            _ => return Err(InstrumentError::NotScorable),
        };
        let keys: Vec<&str> = self.dimensions.iter().map(|d| d.key.as_str()).collect();
        let fits = self.kind == "community_readiness"
            && (self.scale_min, self.scale_max) == (1, 9)
            && keys == edition.dimension_keys();
        if fits {
            Ok(edition)
        } else {
            Err(InstrumentError::NotScorable)
        }
    }

    pub fn stage(&self, level: u8) -> Option<&Stage> {
        self.stages.iter().find(|s| s.level == level)
    }

    pub fn dimension(&self, key: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.key == key)
    }

    /// The anchored statement of `level` on a dimension's scale.
    pub fn anchor(&self, key: &str, level: u8) -> Option<&Localized> {
        let index = usize::from(level.checked_sub(self.scale_min)?);
        self.dimension(key)?.anchors.get(index)
    }

    /// The strategies for a stage: its own and, as they stay valid, those of earlier stages.
    pub fn strategies_up_to(&self, level: u8) -> Vec<(u8, &Localized)> {
        let mut all: Vec<(u8, &Localized)> = Vec::new();
        for stage in self.stages.iter().filter(|s| s.level <= level).rev() {
            all.extend(stage.strategies.iter().map(|s| (stage.level, s)));
        }
        all
    }
}

/// The TOML source of a shipped instrument, offered as a starting point for an organisation's own.
pub fn builtin_source(id: &str) -> Option<&'static str> {
    BUILTIN_SOURCES.iter().copied().find(|source| Instrument::from_toml(source).is_ok_and(|i| i.id == id))
}

pub const BUILTIN_SOURCES: [&str; 2] =
    [include_str!("../../../../instruments/crm-2006.toml"), include_str!("../../../../instruments/crm-2014.toml")];

/// The instruments Parat ships, parsed once. A definition that fails its checks is a bug caught
/// by the tests, so it is left out here rather than taking the server down.
pub fn builtin() -> &'static [Instrument] {
    static INSTRUMENTS: OnceLock<Vec<Instrument>> = OnceLock::new();
    INSTRUMENTS.get_or_init(|| BUILTIN_SOURCES.iter().filter_map(|source| Instrument::from_toml(source).ok()).collect())
}

/// The shipped instrument with `id`, e.g. `crm-2006`.
pub fn builtin_by_id(id: &str) -> Option<&'static Instrument> {
    builtin().iter().find(|i| i.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readiness::Edition;

    #[test]
    fn the_shipped_instruments_pass_their_checks_and_match_the_editions() {
        for source in BUILTIN_SOURCES {
            let instrument = Instrument::from_toml(source).unwrap_or_else(|e| panic!("{e}"));
            let edition = match instrument.edition.as_deref() {
                Some("2006") => Edition::Crm2006,
                Some("2014") => Edition::Crm2014,
                other => panic!("unexpected edition {other:?}"),
            };
            let keys: Vec<&str> = instrument.dimensions.iter().map(|d| d.key.as_str()).collect();
            assert_eq!(keys, edition.dimension_keys(), "{}", instrument.id);
            assert_eq!((instrument.scale_min, instrument.scale_max), (1, 9));
            assert!(
                (30..=36).contains(&instrument.questions.len()),
                "{} has {} questions",
                instrument.id,
                instrument.questions.len()
            );
            assert!(instrument.questions.iter().any(|q| q.context_rating), "context ratings are marked");
            assert!(instrument.questions.iter().filter(|q| q.text.get(Locale::Sv).contains("{issue}")).count() > 10);
            assert!(instrument.stages.iter().all(|s| !s.strategies.is_empty()));
            for key in edition.dimension_keys() {
                assert!(instrument.questions.iter().any(|q| q.dimension == *key), "questions for {key}");
            }
        }
        assert_eq!(builtin().len(), BUILTIN_SOURCES.len());
    }

    #[test]
    fn texts_carry_the_issue_and_strategies_accumulate() {
        let crm = builtin_by_id("crm-2006").expect("shipped");
        let question = crm.questions.iter().find(|q| q.text.get(Locale::En).contains("{issue}")).expect("a question");
        let text = question.text.with_issue(Locale::En, "violence in close relationships");
        assert!(text.contains("violence in close relationships") && !text.contains("{issue}"));
        let at_three = crm.strategies_up_to(3);
        assert_eq!(at_three.first().map(|(level, _)| *level), Some(3), "the stage's own strategies first");
        assert!(at_three.iter().any(|(level, _)| *level == 1), "earlier stages' strategies stay valid");
        assert!(crm.anchor("A", 9).is_some() && crm.anchor("A", 10).is_none() && crm.anchor("A", 0).is_none());
    }

    #[test]
    fn only_crm_editions_can_score() {
        for instrument in builtin() {
            assert!(instrument.scoring_edition().is_ok());
        }
        let mut hexagon = builtin()[0].clone();
        hexagon.kind = "hexagon".into();
        assert_eq!(hexagon.scoring_edition(), Err(InstrumentError::NotScorable));
    }

    #[test]
    fn broken_definitions_are_refused_with_the_place() {
        let good = BUILTIN_SOURCES[1];
        assert!(matches!(Instrument::from_toml("id = 1"), Err(InstrumentError::Syntax(_))));
        let eight_levels = good.replacen("scale_max = 9", "scale_max = 8", 1);
        assert!(matches!(Instrument::from_toml(&eight_levels), Err(InstrumentError::Anchors { .. })));
        let mut parsed = Instrument::from_toml(good).expect("valid");
        parsed.questions[0].dimension = "Z".into();
        assert!(matches!(parsed.check(), Err(InstrumentError::QuestionDimension { number: 1, .. })));
        let mut parsed = Instrument::from_toml(good).expect("valid");
        parsed.dimensions[1].anchors[3].da = " ".into();
        assert_eq!(parsed.check().map_err(|e| e.to_string()), Err("dimension B level 4: the da text is empty".into()));
    }

    /// A broken or hostile definition file is an error, never a panic: random text, and the
    /// shipped definitions with bytes cut out or replaced.
    mod hostile_definitions {
        use super::*;
        use proptest::prelude::*;

        fn mutated(source: &'static str) -> impl Strategy<Value = String> {
            let len = source.len();
            proptest::collection::vec((0..len, 0..64usize, proptest::char::any()), 1..8).prop_map(move |edits| {
                let mut text = source.to_owned();
                for (at, cut, replacement) in edits {
                    let mut at = at.min(text.len());
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    let mut end = (at + cut).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(at..end, &replacement.to_string());
                }
                text
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            #[test]
            fn random_text_is_refused_without_panic(text in ".{0,400}") {
                let _ = Instrument::from_toml(&text);
            }

            #[test]
            fn damaged_shipped_definitions_never_panic(text in mutated(builtin_source("crm-2006").unwrap_or(""))) {
                if let Ok(instrument) = Instrument::from_toml(&text) {
                    let _ = instrument.scoring_edition();
                    let _ = instrument.strategies_up_to(9);
                }
            }
        }
    }
}
