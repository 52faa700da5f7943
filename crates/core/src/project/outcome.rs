//! Outcome ratings as a project's counted indicators: the ORS/SRS episodes that name the
//! initiative, each reduced to the day it ended and its course under the organisation's settings.
//! No person is carried: only a date and two facts per episode.

use time::Date;

use crate::outcomes::report::MIN_GROUP;
use crate::outcomes::{progress, AgeGroup, Ratings, Reliable, Settings};
use crate::periods::Period;

/// How an ended episode came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutcomeEnd {
    pub ended_on: Date,
    /// Two outcome ratings or more: a change to count, as in the outcome module's reports.
    pub counted: bool,
    /// Reliably improved, by the organisation's reliable change.
    pub improved: bool,
}

impl OutcomeEnd {
    /// An episode ended on `ended_on`, from its sessions' ratings in date order.
    pub fn of<'a>(
        settings: &Settings,
        age_group: AgeGroup,
        ended_on: Date,
        ratings: impl IntoIterator<Item = &'a Ratings>,
    ) -> Self {
        let course = progress(settings, age_group, ratings);
        Self { ended_on, counted: course.counted(), improved: course.reliable == Reliable::Improved }
    }
}

/// Episodes ended in the period with reliable improvement.
pub fn outcomes_improved(period: &Period, ends: &[OutcomeEnd]) -> u32 {
    let improved = ends.iter().filter(|e| e.improved && period.contains(e.ended_on)).count();
    u32::try_from(improved).unwrap_or(u32::MAX)
}

/// The percentage, to one decimal, of the episodes ended in the period with a change to count
/// that improved reliably; none from fewer episodes than the outcome module shows figures for.
pub fn improved_share(period: &Period, ends: &[OutcomeEnd]) -> Option<f64> {
    let counted: Vec<&OutcomeEnd> = ends.iter().filter(|e| e.counted && period.contains(e.ended_on)).collect();
    if counted.len() < MIN_GROUP {
        return None;
    }
    let improved = counted.iter().filter(|e| e.improved).count();
    // Whole tenths of a percent, half away from zero, in integers: 2 of 3 is 66.7.
    let tenths = (improved * 2000 + counted.len()) / (counted.len() * 2);
    Some(tenths as f64 / 10.0)
}
