//! What `parat outcomes summarize` and `POST /api/v1/outcomes/summarize` take and give: episodes
//! with their sessions' ratings in, each episode's course and the aggregate out — computed by the
//! same functions as the pages. Every record is checked, and a bad one is named by its episode
//! and session (`episode "E7", session 3: ors: item 2: 10.5 is off the line 0–10`).

use serde::{Deserialize, Serialize};
use time::Date;

use super::progress::{aggregate, progress, Aggregate, Progress};
use super::settings::{RawSettings, SettingsProblem};
use super::{AgeGroup, Marks, RatingProblem, Ratings, Scale, Settings, Tenths, TenthsProblem};
use crate::initiative::parse_date;
use crate::raw_id::{IdProblem, RawId};

/// Most episodes one call summarizes.
pub const MAX_EPISODES: usize = 100_000;
/// Most sessions in one episode.
pub const MAX_SESSIONS: usize = 1_000;

#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SummaryInput {
    #[serde(default, deserialize_with = "crate::raw_id::object_only")]
    pub settings: RawSettings,
    #[cfg_attr(feature = "openapi", schema(max_items = 100_000))]
    pub episodes: Vec<RawEpisode>,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RawEpisode {
    pub id: RawId,
    /// `adult`, `adolescent` or `child`.
    pub age_group: String,
    /// In date order.
    #[cfg_attr(feature = "openapi", schema(max_items = 1_000))]
    pub sessions: Vec<RawSession>,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RawSession {
    /// `2026-03-02`.
    pub date: String,
    /// The four outcome items, 0–10 with at most one decimal; null or left out when none.
    #[serde(default)]
    pub ors: Option<Vec<f64>>,
    /// The four session items.
    #[serde(default)]
    pub srs: Option<Vec<f64>>,
}

/// An episode checked: its sessions' ratings, in date order.
#[derive(Debug, Clone, PartialEq)]
pub struct Episode {
    pub id: RawId,
    pub age_group: AgeGroup,
    pub sessions: Vec<(Date, Ratings)>,
}

/// What is wrong with one session.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SessionProblem {
    #[error("the date must be written 2026-03-02")]
    Date,
    #[error("its date comes before the session before it")]
    OutOfOrder,
    #[error("{scale}: item {item} {problem}")]
    Value { scale: Scale, item: usize, problem: TenthsProblem },
    #[error("{scale}: {problem}")]
    Rating { scale: Scale, problem: RatingProblem },
    #[error("has neither an outcome (ors) nor a session (srs) rating")]
    NoRating,
}

/// Why the input was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SummaryError {
    #[error(transparent)]
    Settings(#[from] SettingsProblem),
    #[error("episodes[{index}]: {problem}")]
    EpisodeId { index: usize, problem: IdProblem },
    #[error("episode \"{id}\": the id is used twice")]
    DuplicateId { id: String },
    #[error("episode \"{id}\": the age group must be adult, adolescent or child")]
    AgeGroup { id: String },
    #[error("episode \"{id}\", session {number}: {problem}")]
    Session { id: String, number: usize, problem: SessionProblem },
    #[error("{list}: at most {max} records, not {count}")]
    TooMany { list: &'static str, max: usize, count: usize },
}

/// An episode's course under its id.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EpisodeSummary {
    pub id: RawId,
    #[serde(flatten)]
    pub progress: Progress,
}

/// Each episode's course, in the order given, and the aggregate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Summary {
    pub episodes: Vec<EpisodeSummary>,
    pub aggregate: Aggregate,
}

impl SummaryInput {
    pub fn parse(&self) -> Result<(Settings, Vec<Episode>), SummaryError> {
        let settings = self.settings.parse()?;
        if self.episodes.len() > MAX_EPISODES {
            return Err(SummaryError::TooMany { list: "episodes", max: MAX_EPISODES, count: self.episodes.len() });
        }
        let mut seen = std::collections::HashSet::new();
        let episodes = self
            .episodes
            .iter()
            .enumerate()
            .map(|(index, raw)| {
                let id = raw.id.parse().map_err(|problem| SummaryError::EpisodeId { index, problem })?;
                if !seen.insert(id.clone()) {
                    return Err(SummaryError::DuplicateId { id });
                }
                raw.parse(id)
            })
            .collect::<Result<_, _>>()?;
        Ok((settings, episodes))
    }
}

impl RawEpisode {
    fn parse(&self, id: String) -> Result<Episode, SummaryError> {
        let age_group = AgeGroup::parse(&self.age_group).map_err(|_| SummaryError::AgeGroup { id: id.clone() })?;
        if self.sessions.len() > MAX_SESSIONS {
            let (max, count) = (MAX_SESSIONS, self.sessions.len());
            return Err(SummaryError::TooMany { list: "sessions", max, count });
        }
        let mut sessions: Vec<(Date, Ratings)> = Vec::with_capacity(self.sessions.len());
        for (index, raw) in self.sessions.iter().enumerate() {
            let at = |problem| SummaryError::Session { id: id.clone(), number: index + 1, problem };
            let date = parse_date(&raw.date).ok().flatten().ok_or_else(|| at(SessionProblem::Date))?;
            if sessions.last().is_some_and(|(before, _)| *before > date) {
                return Err(at(SessionProblem::OutOfOrder));
            }
            let outcome = marks(Scale::Outcome, raw.ors.as_deref()).map_err(at)?;
            let session = marks(Scale::Session, raw.srs.as_deref()).map_err(at)?;
            sessions.push((date, Ratings::new(outcome, session).map_err(|_| at(SessionProblem::NoRating))?));
        }
        Ok(Episode { id: self.id.clone(), age_group, sessions })
    }
}

fn marks(scale: Scale, values: Option<&[f64]>) -> Result<Option<Marks>, SessionProblem> {
    let Some(values) = values else { return Ok(None) };
    let values = values
        .iter()
        .enumerate()
        .map(|(index, v)| {
            Tenths::from_number(*v).map_err(|problem| SessionProblem::Value { scale, item: index + 1, problem })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Marks::items(&values).map(Some).map_err(|problem| SessionProblem::Rating { scale, problem })
}

/// Each episode's course and the aggregate.
pub fn summarize(settings: &Settings, episodes: &[Episode]) -> Summary {
    let episodes: Vec<EpisodeSummary> = episodes
        .iter()
        .map(|episode| EpisodeSummary {
            id: episode.id.clone(),
            progress: progress(settings, episode.age_group, episode.sessions.iter().map(|(_, ratings)| ratings)),
        })
        .collect();
    let aggregate = aggregate(episodes.iter().map(|e| &e.progress));
    Summary { episodes, aggregate }
}
