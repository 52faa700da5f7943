//! A unit's (or a practitioner group's) figures per month and per period, as a steering group
//! reads them. Means and shares of fewer than five participants are not shown: they would tell
//! about individuals.

use std::collections::HashSet;

use serde::Serialize;

use super::episode::{EndReason, EpisodeRecord};
use super::{aggregate, progress, Reliable, Settings, Tenths};
use crate::periods::{Period, PeriodKind};

/// The fewest participants whose figures are shown together.
pub const MIN_GROUP: usize = 5;

/// One period's activity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    pub period: String,
    pub sessions: usize,
    /// Participants with a session in the period.
    pub participants: usize,
    pub new_episodes: usize,
    pub closed_episodes: usize,
    /// Figures about the participants seen; none under [`MIN_GROUP`] of them.
    pub figures: Option<ActivityFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityFigures {
    /// Means of the outcome and session totals given in the period.
    pub mean_outcome: Option<f64>,
    pub mean_session: Option<f64>,
    /// Of the episodes seen in the period, the shares reliably improved and deteriorated from
    /// intake to their last outcome rating by the period's end.
    pub improved: Option<f64>,
    pub deteriorated: Option<f64>,
}

/// The periods of `kind` from the one holding `from` to the one holding `to`.
pub fn activity(
    settings: &Settings,
    episodes: &[EpisodeRecord<'_>],
    kind: PeriodKind,
    from: time::Date,
    to: time::Date,
) -> Vec<Activity> {
    Period::span(kind, from, to).into_iter().map(|period| activity_in(settings, episodes, period)).collect()
}

fn activity_in(settings: &Settings, episodes: &[EpisodeRecord<'_>], period: Period) -> Activity {
    let (mut sessions, mut seen, mut outcome, mut session_totals) = (0, HashSet::new(), Vec::new(), Vec::new());
    let (mut episodes_seen, mut improved, mut deteriorated) = (0usize, 0usize, 0usize);
    for episode in episodes {
        let within: Vec<_> = episode.sessions.iter().filter(|(date, _)| period.contains(*date)).collect();
        if within.is_empty() {
            continue;
        }
        sessions += within.len();
        seen.insert(episode.participant);
        outcome.extend(within.iter().filter_map(|(_, r)| r.outcome().map(|m| m.total())));
        session_totals.extend(within.iter().filter_map(|(_, r)| r.session().map(|m| m.total())));
        let by_end = episode.sessions.iter().take_while(|(date, _)| *date <= period.last_day()).map(|(_, r)| r);
        let course = progress(settings, episode.age_group, by_end);
        if course.counted() {
            episodes_seen += 1;
            improved += usize::from(course.reliable == Reliable::Improved);
            deteriorated += usize::from(course.reliable == Reliable::Deteriorated);
        }
    }
    let share = |n: usize| (episodes_seen > 0).then(|| n as f64 / episodes_seen as f64);
    Activity {
        period: period.key(),
        sessions,
        participants: seen.len(),
        new_episodes: episodes.iter().filter(|e| period.contains(e.started)).count(),
        closed_episodes: episodes.iter().filter(|e| e.ended.is_some_and(|(end, _)| period.contains(end))).count(),
        figures: (seen.len() >= MIN_GROUP).then(|| ActivityFigures {
            mean_outcome: mean(&outcome),
            mean_session: mean(&session_totals),
            improved: share(improved),
            deteriorated: share(deteriorated),
        }),
    }
}

fn mean(values: &[Tenths]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().copied().sum::<Tenths>().tenths() as f64 / values.len() as f64 / 10.0)
}

/// The indices outcome-feedback users expect, over the episodes closed in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indices {
    pub period: String,
    /// Episodes closed in the period.
    pub closed: usize,
    /// Of them, those that ended with the participant no longer coming.
    pub dropouts: usize,
    /// Figures about the closed episodes; none under [`MIN_GROUP`] participants.
    pub figures: Option<IndexFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexFigures {
    /// Closed episodes with two outcome ratings or more, which the rest describe.
    pub episodes: usize,
    pub mean_intake: Option<f64>,
    /// Sessions per closed episode.
    pub mean_sessions: Option<f64>,
    /// Pre–post effect size: mean change over the intakes' sample standard deviation.
    pub effect_size: Option<f64>,
    pub improved: Option<f64>,
    pub recovered: Option<f64>,
    pub deteriorated: Option<f64>,
    /// Share of the closed episodes that ended with the participant no longer coming.
    pub dropouts: Option<f64>,
}

pub fn indices(settings: &Settings, episodes: &[EpisodeRecord<'_>], period: Period) -> Indices {
    let closed: Vec<&EpisodeRecord<'_>> =
        episodes.iter().filter(|e| e.ended.is_some_and(|(end, _)| period.contains(end))).collect();
    let dropouts = closed.iter().filter(|e| e.ended.is_some_and(|(_, why)| why == EndReason::StoppedComing)).count();
    let participants: HashSet<i64> = closed.iter().map(|e| e.participant).collect();
    let courses: Vec<_> =
        closed.iter().map(|e| progress(settings, e.age_group, e.sessions.iter().map(|(_, r)| r))).collect();
    let summary = aggregate(&courses);
    let sessions: usize = closed.iter().map(|e| e.sessions.len()).sum();
    Indices {
        period: period.key(),
        closed: closed.len(),
        dropouts,
        figures: (participants.len() >= MIN_GROUP).then(|| IndexFigures {
            episodes: summary.episodes,
            mean_intake: summary.mean_intake,
            mean_sessions: Some(sessions as f64 / closed.len() as f64),
            effect_size: summary.effect_size,
            improved: summary.improved,
            recovered: summary.recovered,
            deteriorated: summary.deteriorated,
            dropouts: Some(dropouts as f64 / closed.len() as f64),
        }),
    }
}

/// The participants with an episode open at some time from `from` to `to`: a group with fewer
/// than [`MIN_GROUP`] of them in a report's span shows no figures at all, not even its counts,
/// which in so small a group would tell who came and who stopped.
pub fn participants_in(episodes: &[EpisodeRecord<'_>], from: time::Date, to: time::Date) -> usize {
    episodes
        .iter()
        .filter(|e| e.started <= to && e.ended.is_none_or(|(end, _)| end >= from))
        .map(|e| e.participant)
        .collect::<HashSet<_>>()
        .len()
}
