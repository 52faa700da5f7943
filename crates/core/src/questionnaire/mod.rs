//! The questionnaire engine's pure part: definitions as data, answers parsed against their
//! items, and scoring with an anonymity threshold. Every module that collects answers — readiness
//! surveys, the cooperation map's roster survey, evaluations, ratings on a participant's phone —
//! uses these types.

pub mod answer;
pub mod builder;
pub mod definition;
pub mod pairing;
pub mod round;
pub mod scoring;

use std::sync::OnceLock;

pub use answer::{Answer, AnswerProblem, Answers, ItemError, Lists, RawAnswer, StoredKinds};
pub use definition::{Definition, DefinitionError, Item, ItemKind, Purpose, Rule, Scale, Source};
pub use scoring::{lowest_areas, score, score_all, summarise, ScaleScores, Summary, Threshold};

/// The questionnaires Parat ships, in Parat's own wording.
pub const BUILTIN_SOURCES: &[&str] = &[
    include_str!("../../../../instruments/questionnaires/oric.toml"),
    include_str!("../../../../instruments/questionnaires/hexagon.toml"),
    include_str!("../../../../instruments/questionnaires/rmc2.toml"),
    include_str!("../../../../instruments/questionnaires/event_evaluation.toml"),
    include_str!("../../../../instruments/questionnaires/project_evaluation.toml"),
];
/// The evaluation a project sends after each training event, and the one it sends to its staff
/// and partners at start and end.
pub const EVENT_EVALUATION: &str = "event_evaluation";
pub const PROJECT_EVALUATION: &str = "project_evaluation";

/// Questionnaires a module sends itself, with lists it fills in (the cooperation map's roster
/// survey): embedded like the others, but not offered for rounds of their own.
pub const MODULE_SOURCES: &[&str] = &[
    MAP_ROSTER_SOURCE,
    include_str!("../../../../instruments/questionnaires/outcome_scale.toml"),
    include_str!("../../../../instruments/questionnaires/outcome_scale_child.toml"),
    include_str!("../../../../instruments/questionnaires/session_scale.toml"),
    include_str!("../../../../instruments/questionnaires/session_scale_child.toml"),
    include_str!("../../../../instruments/questionnaires/session_scale_group.toml"),
];
pub const MAP_ROSTER_SOURCE: &str = include_str!("../../../../instruments/questionnaires/map_roster.toml");
/// The reference a round of the map's roster survey is made from.
pub const MAP_ROSTER: &str = "map_roster";

/// The embedded definitions, parsed once (a test fails if one does not parse).
pub fn builtin() -> &'static [Definition] {
    static DEFINITIONS: OnceLock<Vec<Definition>> = OnceLock::new();
    DEFINITIONS.get_or_init(|| BUILTIN_SOURCES.iter().filter_map(|source| Definition::from_toml(source).ok()).collect())
}

pub fn builtin_by_id(id: &str) -> Option<&'static Definition> {
    builtin().iter().find(|d| d.id == id)
}

/// A module's embedded definition by id (the roster survey, the rating scales), parsed once.
pub fn module_by_id(id: &str) -> Option<&'static Definition> {
    static DEFINITIONS: OnceLock<Vec<Definition>> = OnceLock::new();
    DEFINITIONS
        .get_or_init(|| MODULE_SOURCES.iter().filter_map(|source| Definition::from_toml(source).ok()).collect())
        .iter()
        .find(|d| d.id == id)
}

/// The TOML source of an embedded definition (a round keeps the text it was sent with).
pub fn builtin_source(id: &str) -> Option<&'static str> {
    BUILTIN_SOURCES
        .iter()
        .chain(MODULE_SOURCES)
        .copied()
        .find(|source| Definition::from_toml(source).is_ok_and(|d| d.id == id))
}

#[cfg(test)]
mod tests;
