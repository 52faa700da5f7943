//! Expected progress from the organisation's own data, not from licensed curves: of its closed
//! episodes that ended reliably improved, grouped by intake in five-point bands, the median and
//! inter-quartile range of the outcome total at each session number. A band is shown only when
//! it holds enough episodes (default 30), and a session number only while ten of them reached it.

use serde::{Deserialize, Serialize};

use super::episode::EpisodeRecord;
use super::{progress, Reliable, Settings, Tenths, TOTAL_MAX};

/// The width of an intake band.
pub const BAND_WIDTH: Tenths = Tenths::whole(5);
/// Episodes a band needs before it is shown.
pub const DEFAULT_MIN_EPISODES: usize = 30;
/// Episodes that must have reached a session number for its point to be drawn.
pub const MIN_AT_POINT: usize = 10;

/// One intake band: intakes from `low` up to (not including) `high`; the last band includes 40.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub low: Tenths,
    pub high: Tenths,
    /// Closed, reliably improved episodes whose intake lies in the band.
    pub episodes: usize,
    /// Whether the band holds enough episodes to be shown.
    pub shown: bool,
    /// Per session number from 1 (the intake), while enough episodes reached it; empty when
    /// the band is not shown.
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// 1 for the intake, 2 for the second outcome rating, …
    pub session: usize,
    pub episodes: usize,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
}

fn band_index(intake: Tenths) -> usize {
    let bands = (TOTAL_MAX.tenths() / BAND_WIDTH.tenths()) as usize;
    ((intake.tenths().max(0) / BAND_WIDTH.tenths()) as usize).min(bands - 1)
}

/// Every band, from 0–5 to 35–40.
pub fn trajectories(settings: &Settings, episodes: &[EpisodeRecord<'_>], min_episodes: usize) -> Vec<Band> {
    let bands = (TOTAL_MAX.tenths() / BAND_WIDTH.tenths()) as usize;
    // Per band, each episode's outcome totals in session order.
    let mut courses: Vec<Vec<Vec<Tenths>>> = vec![Vec::new(); bands];
    for episode in episodes.iter().filter(|e| e.ended.is_some()) {
        let ratings = episode.sessions.iter().map(|(_, r)| r);
        let course = progress(settings, episode.age_group, ratings);
        let (Reliable::Improved, Some(intake)) = (course.reliable, course.intake) else { continue };
        let totals = episode.sessions.iter().filter_map(|(_, r)| r.outcome().map(|m| m.total())).collect();
        courses[band_index(intake)].push(totals);
    }
    courses
        .into_iter()
        .enumerate()
        .map(|(index, band)| {
            let low = Tenths::from_tenths(index as i64 * BAND_WIDTH.tenths());
            let shown = band.len() >= min_episodes && !band.is_empty();
            // Session numbers from 1, while enough of the band's episodes reached them.
            let points = (1..)
                .map(|session: usize| {
                    let mut values: Vec<Tenths> =
                        band.iter().filter_map(|totals| totals.get(session - 1).copied()).collect();
                    values.sort_unstable();
                    let at = |p| quantile(&values, p);
                    Point { session, episodes: values.len(), q1: at(0.25), median: at(0.5), q3: at(0.75) }
                })
                .take_while(|point| shown && point.episodes >= MIN_AT_POINT)
                .collect();
            Band { low, high: low + BAND_WIDTH, episodes: band.len(), shown, points }
        })
        .collect()
}

/// The band an intake falls in, for a participant's expected range.
pub fn band_of(bands: &[Band], intake: Tenths) -> Option<&Band> {
    bands.get(band_index(intake))
}

/// The quantile of sorted values by linear interpolation between closest ranks (Hyndman and
/// Fan's type 7, the default of R, NumPy and spreadsheets), in points.
pub fn quantile(sorted: &[Tenths], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else { return f64::NAN };
    let h = last as f64 * p;
    let below = h.floor() as usize;
    let above = (below + 1).min(last);
    let (a, b) = (sorted[below].as_f64(), sorted[above].as_f64());
    a + (h - below as f64) * (b - a)
}
