//! An episode as the reports take it: who, from when to when, why it ended, and its sessions'
//! ratings in date order.

use time::Date;

use crate::choice::choice_enum;

use super::{AgeGroup, Ratings};

choice_enum!(
    /// Why an episode ended.
    EndReason {
        Planned => "planned",
        StoppedComing => "stopped_coming",
        Moved => "moved",
        Other => "other",
    }
);

#[derive(Debug, Clone, PartialEq)]
pub struct EpisodeRecord<'a> {
    /// The participant, so that reports count people, not episodes.
    pub participant: i64,
    pub age_group: AgeGroup,
    pub started: Date,
    pub ended: Option<(Date, EndReason)>,
    pub sessions: &'a [(Date, Ratings)],
}
