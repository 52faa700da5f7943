//! Project follow-up: what an initiative did and what came of it, reported by month, tertial,
//! quarter and year. Training events with their attendance so far; the figures of a period are
//! computed here, from the events' moments and their attendance, with no I/O.

pub mod event;
pub mod followup;

pub use event::{AttendeeDraft, AttendeeInput, EventDraft, EventInput, Gender};
pub use followup::{attendance_in, ByGender, EventFacts, PeriodAttendance};

#[cfg(test)]
mod tests;
