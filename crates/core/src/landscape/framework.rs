//! A landscape framework as data: levels with their factors, groups of reflection questions,
//! and the phases of an introduction, in Swedish, Danish and English.
//!
//! Parat ships its own wording (`instruments/frameworks/landscape.toml`, embedded). An
//! organisation loads another framework in the same format without a code change.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::locale::Localized;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    pub key: String,
    pub name: Localized,
    pub description: Localized,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub key: String,
    pub name: Localized,
    pub description: Localized,
    /// Readiness results that concern this level: `crm:<dimension>` or `<questionnaire>:<scale>`.
    #[serde(default)]
    pub readiness: Vec<String>,
    pub factors: Vec<Factor>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub key: String,
    pub text: Localized,
}

/// A group of reflection questions; one with a `level` belongs beside that level.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub key: String,
    #[serde(default)]
    pub level: Option<String>,
    pub name: Localized,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub key: String,
    pub name: Localized,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub id: String,
    pub name: Localized,
    pub description: Localized,
    #[serde(default)]
    pub phases: Vec<Phase>,
    pub levels: Vec<Level>,
    #[serde(default)]
    pub groups: Vec<Group>,
}

/// The longest key accepted: keys appear in URLs and the API.
pub const KEY_MAX: usize = 40;
/// Limits that keep a loaded framework a landscape rather than a data dump.
pub const LEVELS_MAX: usize = 12;
pub const FACTORS_MAX: usize = 200;
pub const QUESTIONS_MAX: usize = 300;

/// Why a framework definition was refused; says where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameworkError {
    #[error("the definition is not valid TOML or misses a field: {0}")]
    Syntax(String),
    #[error("key {0:?} must be 1–40 lower-case letters, digits, '-' or '_'")]
    BadKey(String),
    #[error("the {kind} key {key:?} is used twice")]
    Duplicate { kind: &'static str, key: String },
    #[error("the framework needs at least one level, and every level at least one factor")]
    Empty,
    #[error("group {group:?} belongs to level {level:?}, which does not exist")]
    UnknownLevel { group: String, level: String },
    #[error("group {0:?} has no questions")]
    EmptyGroup(String),
    #[error("a text is empty in {language} at {place:?}")]
    MissingText { language: &'static str, place: String },
    #[error("level {level:?} names readiness result {entry:?}: write crm-2006:<A–F>, crm-2014:<A–E> or <questionnaire>:<scale>")]
    UnknownReadiness { level: String, entry: String },
    #[error(
        "the framework is too large: at most {LEVELS_MAX} levels, {FACTORS_MAX} factors and {QUESTIONS_MAX} questions"
    )]
    TooLarge,
}

fn check_key(key: &str) -> Result<(), FrameworkError> {
    let good = !key.is_empty()
        && key.len() <= KEY_MAX
        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if good {
        Ok(())
    } else {
        Err(FrameworkError::BadKey(key.to_owned()))
    }
}

fn check_text(text: &Localized, place: &str) -> Result<(), FrameworkError> {
    for (locale, value) in text.all() {
        if value.trim().is_empty() {
            return Err(FrameworkError::MissingText { language: locale.key(), place: place.to_owned() });
        }
    }
    Ok(())
}

fn unique<'a>(kind: &'static str, keys: impl Iterator<Item = &'a str>) -> Result<(), FrameworkError> {
    let mut seen = HashSet::new();
    for key in keys {
        check_key(key)?;
        if !seen.insert(key) {
            return Err(FrameworkError::Duplicate { kind, key: key.to_owned() });
        }
    }
    Ok(())
}

impl Framework {
    /// Parses and checks a definition.
    pub fn from_toml(source: &str) -> Result<Framework, FrameworkError> {
        let framework: Framework =
            toml::from_str(source).map_err(|e| FrameworkError::Syntax(e.message().to_owned()))?;
        framework.check()?;
        Ok(framework)
    }

    fn check(&self) -> Result<(), FrameworkError> {
        check_key(&self.id)?;
        check_text(&self.name, "name")?;
        if self.levels.is_empty() || self.levels.iter().any(|l| l.factors.is_empty()) {
            return Err(FrameworkError::Empty);
        }
        if self.levels.len() > LEVELS_MAX
            || self.factors().count() > FACTORS_MAX
            || self.questions().count() > QUESTIONS_MAX
        {
            return Err(FrameworkError::TooLarge);
        }
        unique("level", self.levels.iter().map(|l| l.key.as_str()))?;
        // Factor and question keys are unique across the framework: they name records alone.
        unique("factor", self.factors().map(|(_, f)| f.key.as_str()))?;
        unique("group", self.groups.iter().map(|g| g.key.as_str()))?;
        unique("question", self.questions().map(|(_, q)| q.key.as_str()))?;
        unique("phase", self.phases.iter().map(|p| p.key.as_str()))?;
        for level in &self.levels {
            check_text(&level.name, &level.key)?;
            if let Some(entry) = level.readiness.iter().find(|e| ReadinessRef::parse(e).is_none()) {
                return Err(FrameworkError::UnknownReadiness { level: level.key.clone(), entry: entry.clone() });
            }
            for factor in &level.factors {
                check_text(&factor.name, &factor.key)?;
            }
        }
        for group in &self.groups {
            check_text(&group.name, &group.key)?;
            if group.questions.is_empty() {
                return Err(FrameworkError::EmptyGroup(group.key.clone()));
            }
            if let Some(level) = &group.level {
                if self.level(level).is_none() {
                    return Err(FrameworkError::UnknownLevel { group: group.key.clone(), level: level.clone() });
                }
            }
            for question in &group.questions {
                check_text(&question.text, &question.key)?;
            }
        }
        for phase in &self.phases {
            check_text(&phase.name, &phase.key)?;
        }
        Ok(())
    }

    /// The levels that name the readiness result `key` (as [`ReadinessRef::key`] writes it).
    pub fn levels_showing(&self, key: &str) -> impl Iterator<Item = &Level> {
        let key = key.to_owned();
        self.levels.iter().filter(move |l| l.readiness.contains(&key))
    }

    pub fn level(&self, key: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.key == key)
    }

    /// Every factor with its level, in the framework's order.
    pub fn factors(&self) -> impl Iterator<Item = (&Level, &Factor)> {
        self.levels.iter().flat_map(|l| l.factors.iter().map(move |f| (l, f)))
    }

    pub fn factor(&self, key: &str) -> Option<(&Level, &Factor)> {
        self.factors().find(|(_, f)| f.key == key)
    }

    /// Every question with its group, in the framework's order.
    pub fn questions(&self) -> impl Iterator<Item = (&Group, &Question)> {
        self.groups.iter().flat_map(|g| g.questions.iter().map(move |q| (g, q)))
    }

    pub fn question(&self, key: &str) -> Option<(&Group, &Question)> {
        self.questions().find(|(_, q)| q.key == key)
    }

    /// The phases' keys, in order.
    pub fn phase_keys(&self) -> Vec<&str> {
        self.phases.iter().map(|p| p.key.as_str()).collect()
    }

    /// The factor that follows `key` in the framework's order (for "save and go on").
    pub fn factor_after(&self, key: &str) -> Option<&Factor> {
        self.factors().map(|(_, f)| f).skip_while(|f| f.key != key).nth(1)
    }

    /// The question that follows `key` in the framework's order.
    pub fn question_after(&self, key: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).skip_while(|q| q.key != key).nth(1)
    }
}

/// The source of the framework Parat ships.
pub const BUILTIN_SOURCE: &str = include_str!("../../../../instruments/frameworks/landscape.toml");

/// The framework Parat ships, parsed once. Its checks are a test, so a failure here is a bug
/// the test suite catches; the server then still runs, with an empty framework of one level.
pub fn builtin_framework() -> &'static Framework {
    static FRAMEWORK: OnceLock<Framework> = OnceLock::new();
    FRAMEWORK.get_or_init(|| {
        Framework::from_toml(BUILTIN_SOURCE).unwrap_or_else(|_| Framework {
            id: "landscape".into(),
            name: Localized::same("–"),
            description: Localized::same("–"),
            phases: Vec::new(),
            levels: Vec::new(),
            groups: Vec::new(),
        })
    })
}

/// A readiness result a level names: a dimension of a CRM edition (`crm-2014:D`) or a scale of a
/// questionnaire (`oric:efficacy`). The edition is part of the name because the same letter is a
/// different dimension in the two editions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadinessRef {
    Dimension { edition: crate::readiness::scoring::Edition, key: String },
    Scale { questionnaire: String, scale: String },
}

impl ReadinessRef {
    pub fn parse(raw: &str) -> Option<ReadinessRef> {
        use crate::readiness::scoring::Edition;
        let (source, part) = raw.split_once(':')?;
        let edition = [Edition::Crm2006, Edition::Crm2014].into_iter().find(|e| source == format!("crm-{}", e.key()));
        match edition {
            Some(edition) => edition
                .dimension_keys()
                .contains(&part)
                .then(|| ReadinessRef::Dimension { edition, key: part.to_owned() }),
            None => (check_key(source).is_ok() && check_key(part).is_ok())
                .then(|| ReadinessRef::Scale { questionnaire: source.to_owned(), scale: part.to_owned() }),
        }
    }

    /// The name levels use for it.
    pub fn key(&self) -> String {
        match self {
            ReadinessRef::Dimension { edition, key } => format!("crm-{}:{key}", edition.key()),
            ReadinessRef::Scale { questionnaire, scale } => format!("{questionnaire}:{scale}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_results_are_named_by_edition_or_questionnaire() {
        use crate::readiness::scoring::Edition;
        let d = ReadinessRef::parse("crm-2014:D").expect("a 2014 dimension");
        assert_eq!(d, ReadinessRef::Dimension { edition: Edition::Crm2014, key: "D".into() });
        assert_eq!(d.key(), "crm-2014:D");
        assert!(ReadinessRef::parse("crm-2014:F").is_none(), "the 2014 edition has five dimensions");
        assert!(ReadinessRef::parse("crm-2006:F").is_some());
        assert!(ReadinessRef::parse("crm:D").is_none(), "an edition is needed");
        let scale = ReadinessRef::parse("oric:efficacy").expect("a scale");
        assert_eq!(scale.key(), "oric:efficacy");
        assert!(ReadinessRef::parse("oric").is_none() && ReadinessRef::parse("Oric:x y").is_none());
        let broken = BUILTIN_SOURCE.replacen("readiness = [\"crm-2014:D\"", "readiness = [\"crm:D\"", 1);
        assert!(matches!(Framework::from_toml(&broken), Err(FrameworkError::UnknownReadiness { .. })));
    }

    #[test]
    fn the_shipped_framework_passes_its_checks_and_has_the_four_levels() {
        let framework = Framework::from_toml(BUILTIN_SOURCE).unwrap_or_else(|e| panic!("{e}"));
        let levels: Vec<&str> = framework.levels.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(levels, ["individual", "interpersonal", "institutional", "infrastructural"]);
        let institutional: Vec<&str> = framework
            .level("institutional")
            .map(|l| l.factors.iter().map(|f| f.key.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(
            institutional,
            [
                "leadership_strategic",
                "leadership_tactical",
                "leadership_operational",
                "structure",
                "size",
                "centralisation",
                "formalisation",
                "incentives"
            ]
        );
        assert_eq!(framework.factors().count(), 18);
        let process = framework.groups.iter().find(|g| g.key == "process").map(|g| g.questions.len());
        assert_eq!(process, Some(8), "the eight process questions");
        for level in &framework.levels {
            assert!(
                framework.groups.iter().any(|g| g.level.as_deref() == Some(&level.key)),
                "implementation questions for {}",
                level.key
            );
        }
        let phases: Vec<&str> = framework.phases.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(phases, ["needs", "introduction", "use", "sustainment"]);
        assert_eq!(builtin_framework(), &framework);
    }

    #[test]
    fn the_next_factor_and_question_follow_the_framework_order_across_levels() {
        let framework = builtin_framework();
        assert_eq!(framework.factor_after("caseload").map(|f| f.key.as_str()), Some("relations"));
        assert_eq!(framework.factor_after("geography"), None);
        assert_eq!(framework.question_after("network").map(|q| q.key.as_str()), Some("training"));
    }

    fn minimal(extra: &str) -> String {
        format!(
            "id = \"cfir\"\nname = {{ sv = \"C\", da = \"C\", en = \"C\" }}\ndescription = {{ sv = \"\", da = \"\", en = \"\" }}\n{extra}"
        )
    }

    const LEVEL: &str = "[[levels]]\nkey = \"inner\"\nname = { sv = \"I\", da = \"I\", en = \"I\" }\n\
        description = { sv = \"\", da = \"\", en = \"\" }\n[[levels.factors]]\nkey = \"culture\"\n\
        name = { sv = \"K\", da = \"K\", en = \"C\" }\ndescription = { sv = \"\", da = \"\", en = \"\" }\n";

    #[test]
    fn an_own_framework_loads_and_its_mistakes_are_named() {
        let framework = Framework::from_toml(&minimal(LEVEL)).expect("a one-level framework");
        assert_eq!(framework.factors().count(), 1);
        assert!(matches!(Framework::from_toml(&minimal("")), Err(FrameworkError::Syntax(_))));
        assert_eq!(
            Framework::from_toml(&minimal(&format!("{LEVEL}{LEVEL}"))),
            Err(FrameworkError::Duplicate { kind: "level", key: "inner".into() })
        );
        let bad_key = LEVEL.replace("key = \"culture\"", "key = \"Kultur och vanor\"");
        assert_eq!(Framework::from_toml(&minimal(&bad_key)), Err(FrameworkError::BadKey("Kultur och vanor".into())));
        let group = "[[groups]]\nkey = \"g\"\nlevel = \"outer\"\nname = { sv = \"G\", da = \"G\", en = \"G\" }\n\
            [[groups.questions]]\nkey = \"q\"\ntext = { sv = \"F?\", da = \"S?\", en = \"Q?\" }\n";
        assert_eq!(
            Framework::from_toml(&minimal(&format!("{LEVEL}{group}"))),
            Err(FrameworkError::UnknownLevel { group: "g".into(), level: "outer".into() })
        );
        let untranslated = LEVEL
            .replace("name = { sv = \"K\", da = \"K\", en = \"C\" }", "name = { sv = \"K\", da = \"K\", en = \" \" }");
        assert_eq!(
            Framework::from_toml(&minimal(&untranslated)),
            Err(FrameworkError::MissingText { language: "en", place: "culture".into() })
        );
    }
}
