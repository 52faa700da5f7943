//! Outcome and alliance follow-up with participants: the four-item outcome and session scales
//! (following the published ORS/SRS format; Parat's own wording), each participant's course with
//! its alerts, and the figures over many episodes. Pure: no I/O.

pub mod entry;
pub mod episode;
pub mod progress;
pub mod rating;
pub mod report;
pub mod scales;
pub mod settings;
pub mod summary;
mod tenths;
#[cfg(test)]
mod tests;
pub mod trajectories;

pub use episode::{EndReason, EpisodeRecord};
pub use progress::{aggregate, progress, Aggregate, Alert, Progress, Reliable};
pub use rating::{AgeGroup, Marks, NoRating, RatingProblem, Ratings, Scale, ITEMS, ITEM_MAX, TOTAL_MAX};
pub use settings::{Cutoffs, RawSettings, Settings, SettingsProblem};
pub use summary::{summarize, Episode, SummaryError, SummaryInput};
pub use tenths::{Tenths, TenthsProblem};
