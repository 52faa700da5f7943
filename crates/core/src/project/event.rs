//! A training event and the people who came: typed from raw form or JSON fields.

use serde::Deserialize;
use time::macros::format_description;
use time::PrimitiveDateTime;

use crate::choice::choice_enum;
use crate::locale::scandinavian_moment;
use crate::validation::{int_in, optional_text, required_text, FieldErrors, Problem};

choice_enum!(
    /// As attendance lists and the national follow-up of coordination associations count people.
    Gender {
        Woman => "woman",
        Man => "man",
        Other => "other",
        Unknown => "unknown",
    }
);

/// The most people an event can be planned for or counted at.
pub const MAX_PEOPLE: i64 = 100_000;
const TITLE_MAX: usize = 200;
const TEXT_MAX: usize = 200;

/// An event's fields as typed: the times in the organisation's local (Scandinavian) time.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct EventInput {
    pub title: String,
    /// `2026-09-01T00:30` (as a browser's date-and-time field sends it) or `2026-09-01 00:30`.
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub organiser: String,
    pub target_group: String,
    pub capacity: String,
}

/// A valid event: its start and end as moments (Unix seconds), the end after the start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDraft {
    pub title: String,
    pub starts_at: i64,
    pub ends_at: Option<i64>,
    pub place: String,
    pub organiser: String,
    pub target_group: String,
    pub capacity: Option<u32>,
}

impl EventInput {
    pub fn parse(&self) -> Result<EventDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", required_text(&self.title, TITLE_MAX));
        let starts_at = errors.check("starts_at", local_moment(&self.starts_at));
        let ends_at = match self.ends_at.trim() {
            "" => Some(None),
            raw => errors.check("ends_at", local_moment(raw)).map(Some),
        };
        if let (Some(start), Some(Some(end))) = (starts_at, ends_at) {
            if end < start {
                errors.add("ends_at", Problem::EndBeforeStart);
            }
        }
        let place = errors.check("place", optional_text(&self.place, TEXT_MAX, false));
        let organiser = errors.check("organiser", optional_text(&self.organiser, TEXT_MAX, false));
        let target_group = errors.check("target_group", optional_text(&self.target_group, TEXT_MAX, false));
        let capacity = match self.capacity.trim() {
            "" => Some(None),
            raw => errors.check("capacity", people(raw)).map(Some),
        };
        errors.finish(|| {
            Some(EventDraft {
                title: title?,
                starts_at: starts_at?,
                ends_at: ends_at?,
                place: place?,
                organiser: organiser?,
                target_group: target_group?,
                capacity: capacity?,
            })
        })
    }
}

/// A count of people, 0 to [`MAX_PEOPLE`].
pub fn people(raw: &str) -> Result<u32, Problem> {
    int_in(raw, 0, MAX_PEOPLE).map(|n| u32::try_from(n).unwrap_or_default())
}

/// A wall-clock date and time in Scandinavia as a moment (Unix seconds).
pub fn local_moment(raw: &str) -> Result<i64, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Problem::Required);
    }
    let with_t = format_description!("[year]-[month]-[day]T[hour]:[minute]");
    let with_space = format_description!("[year]-[month]-[day] [hour]:[minute]");
    // A browser's field may add seconds (`…T13:30:00`); whole minutes are what is planned.
    let minutes = raw.get(..16).filter(|_| raw.len() == 16 || raw.get(16..) == Some(":00")).unwrap_or(raw);
    let local = PrimitiveDateTime::parse(minutes, with_t)
        .or_else(|_| PrimitiveDateTime::parse(minutes, with_space))
        .map_err(|_| Problem::InvalidDateTime)?;
    scandinavian_moment(local).ok_or(Problem::NoSuchLocalTime)
}

/// A moment as the value of a date-and-time field (`2026-09-01T00:30`), in local time.
pub fn local_field(unix_seconds: i64) -> String {
    let local = crate::locale::scandinavian_local(unix_seconds);
    let format = format_description!("[year]-[month]-[day]T[hour]:[minute]");
    local.format(format).unwrap_or_default()
}

/// One person on an attendance list, as typed at the door.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct AttendeeInput {
    pub name: String,
    pub organisation: String,
    pub unit: String,
    pub gender: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendeeDraft {
    pub name: String,
    pub organisation: String,
    pub unit: String,
    pub gender: Gender,
}

impl AttendeeInput {
    pub fn parse(&self) -> Result<AttendeeDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text(&self.name, TEXT_MAX));
        let organisation = errors.check("organisation", optional_text(&self.organisation, TEXT_MAX, false));
        let unit = errors.check("unit", optional_text(&self.unit, TEXT_MAX, false));
        let gender = errors.check("gender", Gender::parse(&self.gender));
        errors.finish(|| Some(AttendeeDraft { name: name?, organisation: organisation?, unit: unit?, gender: gender? }))
    }
}
