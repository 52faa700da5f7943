//! A period's figures for an initiative's follow-up. An event belongs to the period holding its
//! start's calendar date in the organisation's local time: an event at 00:30 on 1 September is
//! September's and the third tertial's, though it is still 31 August in UTC.

use serde::Serialize;

use super::Gender;
use crate::locale::scandinavian_date;
use crate::periods::Period;

/// What a period's figures need of one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFacts {
    /// Unix seconds.
    pub starts_at: i64,
    /// The named attendees, counted by gender.
    pub attendees: ByGender,
    /// People counted without names.
    pub head_count: u32,
}

/// Counts of people by gender.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ByGender {
    pub woman: u32,
    pub man: u32,
    pub other: u32,
    pub unknown: u32,
}

impl ByGender {
    pub fn add(&mut self, gender: Gender) {
        match gender {
            Gender::Woman => self.woman += 1,
            Gender::Man => self.man += 1,
            Gender::Other => self.other += 1,
            Gender::Unknown => self.unknown += 1,
        }
    }

    /// Another count added to this one.
    pub fn add_all(&mut self, other: ByGender) {
        self.woman += other.woman;
        self.man += other.man;
        self.other += other.other;
        self.unknown += other.unknown;
    }

    /// The count of a list of people.
    pub fn of(genders: &[Gender]) -> ByGender {
        let mut counts = ByGender::default();
        for gender in genders {
            counts.add(*gender);
        }
        counts
    }

    pub fn total(&self) -> u32 {
        self.woman + self.man + self.other + self.unknown
    }
}

/// The events of a period and who came to them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PeriodAttendance {
    pub events: u32,
    /// Named attendances (a person at two events counts twice).
    pub attendances: u32,
    pub attendances_by_gender: ByGender,
    /// People counted without names.
    pub head_counts: u32,
}

pub fn attendance_in(period: &Period, events: &[EventFacts]) -> PeriodAttendance {
    let mut figures = PeriodAttendance::default();
    for event in events.iter().filter(|e| period.contains(scandinavian_date(e.starts_at))) {
        figures.events += 1;
        figures.head_counts += event.head_count;
        figures.attendances_by_gender.add_all(event.attendees);
    }
    figures.attendances = figures.attendances_by_gender.total();
    figures
}
