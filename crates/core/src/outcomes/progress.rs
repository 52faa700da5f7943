//! A participant's course in one episode, from its ratings in date order: intake, latest and
//! change on the outcome scale, whether the change is reliable, recovery, and the alerts that
//! prompt a conversation — and the same over many episodes. All decisions are made in tenths.

use serde::Serialize;

use crate::choice::choice_enum;

use super::{AgeGroup, Ratings, Settings, Tenths};

choice_enum!(
    /// Whether the outcome total moved from intake by the reliable-change value or more.
    Reliable {
        Improved => "improved",
        Deteriorated => "deteriorated",
        Unchanged => "none",
    }
);

choice_enum!(
    /// What prompts a conversation, each with its reason in [`Progress`].
    Alert {
        OrsBelowCutoff => "ors_below_cutoff",
        Deterioration => "deterioration",
        NoImprovement => "no_improvement",
        SrsBelowCutoff => "srs_below_cutoff",
        SrsItemBelow => "srs_item_below",
        SrsDrop => "srs_drop",
    }
);

/// One episode's course.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Progress {
    /// The first outcome total; none before the first outcome rating.
    pub intake: Option<Tenths>,
    /// The last outcome total.
    pub latest: Option<Tenths>,
    /// `latest − intake`.
    pub change: Option<Tenths>,
    pub reliable: Reliable,
    /// Intake below the cut-off, latest at or above it, and reliably improved.
    pub recovered: bool,
    pub alerts: Vec<Alert>,
    /// The outcome ratings given.
    #[serde(skip)]
    pub outcome_ratings: usize,
    /// The age group's cut-off, the reason of the cut-off alert and of recovery.
    #[serde(skip)]
    pub cutoff: Tenths,
    /// The last session rating's total and, when it dropped, the one before it.
    #[serde(skip)]
    pub last_session: Option<Tenths>,
    #[serde(skip)]
    pub previous_session: Option<Tenths>,
}

impl Progress {
    /// Counted in aggregates: an episode with a change to count, two outcome ratings or more.
    pub fn counted(&self) -> bool {
        self.outcome_ratings >= 2
    }
}

/// The course of an episode of the given age group from its sessions' ratings in date order.
pub fn progress<'a>(
    settings: &Settings,
    age_group: AgeGroup,
    sessions: impl IntoIterator<Item = &'a Ratings>,
) -> Progress {
    let cutoff = settings.cutoff(age_group);
    let mut outcome_totals = Vec::new();
    let mut session_marks = Vec::new();
    for ratings in sessions {
        outcome_totals.extend(ratings.outcome().map(|m| m.total()));
        session_marks.extend(ratings.session().copied());
    }
    let intake = outcome_totals.first().copied();
    let latest = outcome_totals.last().copied();
    let change = intake.zip(latest).map(|(intake, latest)| latest - intake);
    let reliable = match change {
        Some(change) if change >= settings.reliable_change() => Reliable::Improved,
        Some(change) if change <= Tenths::ZERO - settings.reliable_change() => Reliable::Deteriorated,
        _ => Reliable::Unchanged,
    };
    let recovered =
        matches!((intake, latest), (Some(i), Some(l)) if i < cutoff && l >= cutoff) && reliable == Reliable::Improved;

    let mut alerts = Vec::new();
    if latest.is_some_and(|latest| latest < cutoff) {
        alerts.push(Alert::OrsBelowCutoff);
    }
    if reliable == Reliable::Deteriorated {
        alerts.push(Alert::Deterioration);
    }
    if outcome_totals.len() >= settings.no_improvement_after() as usize && reliable != Reliable::Improved {
        alerts.push(Alert::NoImprovement);
    }
    let last_session = session_marks.last().map(|m| m.total());
    let previous_session = session_marks.len().checked_sub(2).map(|i| session_marks[i].total());
    if let Some(last) = session_marks.last() {
        if last.total() < settings.srs_cutoff() {
            alerts.push(Alert::SrsBelowCutoff);
        }
        if last.item_marks().is_some_and(|items| items.iter().any(|item| *item < settings.srs_item_cutoff())) {
            alerts.push(Alert::SrsItemBelow);
        }
        if previous_session.is_some_and(|previous| previous - last.total() >= settings.srs_drop()) {
            alerts.push(Alert::SrsDrop);
        }
    }
    Progress {
        intake,
        latest,
        change,
        reliable,
        recovered,
        alerts,
        outcome_ratings: outcome_totals.len(),
        cutoff,
        last_session,
        previous_session,
    }
}

/// The figures over many episodes, counting those with two outcome ratings or more.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Aggregate {
    pub episodes: usize,
    pub mean_intake: Option<f64>,
    pub mean_latest: Option<f64>,
    /// (mean latest − mean intake) / the sample standard deviation of the intakes; none under two
    /// episodes or when every intake is the same.
    pub effect_size: Option<f64>,
    /// Shares 0–1 of the episodes counted.
    pub improved: Option<f64>,
    pub deteriorated: Option<f64>,
    /// The share recovered among the episodes counted whose intake was below their cut-off.
    pub recovered: Option<f64>,
}

pub fn aggregate<'a>(courses: impl IntoIterator<Item = &'a Progress>) -> Aggregate {
    // Exact sums in tenths; one division (and one square root) at the end.
    let (mut n, mut intakes, mut latests, mut squares) = (0i128, 0i128, 0i128, 0i128);
    let (mut improved, mut deteriorated, mut below, mut recovered) = (0usize, 0usize, 0usize, 0usize);
    for course in courses.into_iter().filter(|c| c.counted()) {
        let (Some(intake), Some(latest)) = (course.intake, course.latest) else { continue };
        n += 1;
        intakes += i128::from(intake.tenths());
        latests += i128::from(latest.tenths());
        squares += i128::from(intake.tenths()).pow(2);
        improved += usize::from(course.reliable == Reliable::Improved);
        deteriorated += usize::from(course.reliable == Reliable::Deteriorated);
        if intake < course.cutoff {
            below += 1;
            recovered += usize::from(course.recovered);
        }
    }
    let share = |count: usize, of: i128| (of > 0).then(|| count as f64 / of as f64);
    let mean = |sum: i128| (n > 0).then(|| sum as f64 / n as f64 / 10.0);
    // Σ(x − x̄)² · n = nΣx² − (Σx)², exact in tenths².
    let spread = n * squares - intakes * intakes;
    let effect_size = (n >= 2 && spread > 0).then(|| {
        let deviation = (spread as f64 / (n * (n - 1)) as f64).sqrt();
        ((latests - intakes) as f64 / n as f64) / deviation
    });
    Aggregate {
        episodes: n as usize,
        mean_intake: mean(intakes),
        mean_latest: mean(latests),
        effect_size,
        improved: share(improved, n),
        deteriorated: share(deteriorated, n),
        recovered: share(recovered, below as i128),
    }
}
