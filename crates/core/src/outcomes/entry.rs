//! A session's ratings as a form sends them: the date, the four marks of each scale (or, from
//! paper, only its total), with a decimal comma or point. Every field is checked and every
//! problem named beside its field; what was typed is kept for the form to show again.

use serde::Deserialize;
use time::Date;

use super::{Marks, Ratings, Tenths, TenthsProblem, ITEM_MAX, TOTAL_MAX};
use crate::initiative::parse_date;
use crate::validation::{FieldErrors, Problem};

/// The form's fields, as typed.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct SessionInput {
    pub held_on: String,
    /// `on` when it was a group session.
    pub group_session: String,
    pub ors_1: String,
    pub ors_2: String,
    pub ors_3: String,
    pub ors_4: String,
    pub ors_total: String,
    pub srs_1: String,
    pub srs_2: String,
    pub srs_3: String,
    pub srs_4: String,
    pub srs_total: String,
    /// The form's one-time key.
    pub submission: String,
}

/// A session's ratings, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionEntry {
    pub held_on: Date,
    pub group_session: bool,
    pub ratings: Ratings,
    pub submission: Option<String>,
}

pub const ORS_FIELDS: [&str; 4] = ["ors_1", "ors_2", "ors_3", "ors_4"];
pub const SRS_FIELDS: [&str; 4] = ["srs_1", "srs_2", "srs_3", "srs_4"];

impl SessionInput {
    pub fn parse(&self, today: Date) -> Result<SessionEntry, FieldErrors> {
        let mut errors = FieldErrors::new();
        let held_on = errors.check(
            "held_on",
            parse_date(&self.held_on).and_then(|date| match date {
                None => Err(Problem::Required),
                Some(date) if date > today => Err(Problem::DateInFuture),
                Some(date) => Ok(date),
            }),
        );
        let outcome = scale(
            &mut errors,
            ORS_FIELDS,
            [&self.ors_1, &self.ors_2, &self.ors_3, &self.ors_4],
            ("ors_total", &self.ors_total),
        );
        let session = scale(
            &mut errors,
            SRS_FIELDS,
            [&self.srs_1, &self.srs_2, &self.srs_3, &self.srs_4],
            ("srs_total", &self.srs_total),
        );
        let ratings = match (outcome, session) {
            (Some(outcome), Some(session)) => {
                Ratings::new(outcome, session).map_err(|_| errors.add("ors_1", Problem::NoRating)).ok()
            }
            _ => None,
        };
        let submission = Some(self.submission.trim().to_owned()).filter(|s| !s.is_empty() && s.len() <= 64);
        errors.finish(|| {
            Some(SessionEntry {
                held_on: held_on?,
                group_session: self.group_session == "on",
                ratings: ratings?,
                submission,
            })
        })
    }
}

/// The scales a one-time link asks the participant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Outcome,
    Session,
    Both,
}

impl Asked {
    pub const ALL: &'static [Asked] = &[Asked::Outcome, Asked::Session, Asked::Both];

    pub fn key(self) -> &'static str {
        match self {
            Asked::Outcome => "outcome",
            Asked::Session => "session",
            Asked::Both => "both",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Asked::ALL.iter().copied().find(|a| a.key() == key)
    }

    /// The scales asked, in the order the form shows them.
    pub fn scales(self) -> &'static [super::Scale] {
        use super::Scale;
        match self {
            Asked::Outcome => &[Scale::Outcome],
            Asked::Session => &[Scale::Session],
            Asked::Both => &[Scale::Outcome, Scale::Session],
        }
    }
}

/// A rating on the participant's own phone: dated today, the four marks of every scale asked
/// (no totals: those are for paper), and nothing of a scale not asked.
pub fn phone_entry(input: &SessionInput, asked: Asked, today: Date) -> Result<SessionEntry, FieldErrors> {
    let wants = |scale| asked.scales().contains(&scale);
    let keep = |wanted: bool, raw: &String| if wanted { raw.clone() } else { String::new() };
    let ors = wants(super::Scale::Outcome);
    let srs = wants(super::Scale::Session);
    let only_asked = SessionInput {
        held_on: today.to_string(),
        group_session: String::new(),
        ors_1: keep(ors, &input.ors_1),
        ors_2: keep(ors, &input.ors_2),
        ors_3: keep(ors, &input.ors_3),
        ors_4: keep(ors, &input.ors_4),
        srs_1: keep(srs, &input.srs_1),
        srs_2: keep(srs, &input.srs_2),
        srs_3: keep(srs, &input.srs_3),
        srs_4: keep(srs, &input.srs_4),
        ..SessionInput::default()
    };
    // A scale asked but left empty is missing, named at its first line.
    let mut missing = FieldErrors::new();
    for (wanted, names, values) in [
        (ors, ORS_FIELDS, [&only_asked.ors_1, &only_asked.ors_2, &only_asked.ors_3, &only_asked.ors_4]),
        (srs, SRS_FIELDS, [&only_asked.srs_1, &only_asked.srs_2, &only_asked.srs_3, &only_asked.srs_4]),
    ] {
        if wanted && values.iter().all(|v| v.trim().is_empty()) {
            for name in names {
                missing.add(name, Problem::Required);
            }
        }
    }
    match only_asked.parse(today) {
        Ok(entry) if missing.is_empty() => Ok(entry),
        Ok(_) => Err(missing),
        // "No rating at all" says less than which lines are missing.
        Err(FieldErrors(found)) => {
            let mut errors = FieldErrors(found.into_iter().filter(|e| e.problem != Problem::NoRating).collect());
            for error in missing.0 {
                if errors.get(error.field).is_none() {
                    errors.0.push(error);
                }
            }
            Err(errors)
        }
    }
}

/// One scale's marks: none when nothing was typed, four items, or (from paper) the total only.
/// `None` when a field has a problem (recorded in `errors`).
fn scale(
    errors: &mut FieldErrors,
    names: [&'static str; 4],
    items: [&String; 4],
    (total_name, total): (&'static str, &String),
) -> Option<Option<Marks>> {
    let given: Vec<bool> = items.iter().map(|raw| !raw.trim().is_empty()).collect();
    let total_given = !total.trim().is_empty();
    if given.iter().all(|g| !g) {
        if !total_given {
            return Some(None);
        }
        let total = errors.check(total_name, value(total, TOTAL_MAX))?;
        return Some(Some(Marks::total_only(total).ok()?));
    }
    let mut marks = Vec::with_capacity(4);
    for ((name, raw), given) in names.iter().zip(items).zip(&given) {
        let mark = if *given { value(raw, ITEM_MAX) } else { Err(Problem::Required) };
        marks.extend(errors.check(name, mark));
    }
    let marks = Marks::items(&marks).ok()?;
    // A total typed beside four items must be theirs.
    if total_given && value(total, TOTAL_MAX).ok() != Some(marks.total()) {
        errors.add(total_name, Problem::TotalMismatch);
        return None;
    }
    Some(Some(marks))
}

fn value(raw: &str, max: Tenths) -> Result<Tenths, Problem> {
    let out_of_range = Problem::DecimalOutOfRange { min: 0, max: max.tenths() / 10 };
    match Tenths::from_text(raw) {
        Ok(v) if v >= Tenths::ZERO && v <= max => Ok(v),
        Ok(_) | Err(TenthsProblem::TooLarge) => Err(out_of_range),
        Err(TenthsProblem::TooManyDecimals) => Err(Problem::OneDecimal),
        Err(TenthsProblem::NotANumber) => Err(Problem::NotANumber),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 12 - 04);

    fn input(ors: [&str; 4], srs: [&str; 4]) -> SessionInput {
        SessionInput {
            held_on: "2026-12-01".into(),
            ors_1: ors[0].into(),
            ors_2: ors[1].into(),
            ors_3: ors[2].into(),
            ors_4: ors[3].into(),
            srs_1: srs[0].into(),
            srs_2: srs[1].into(),
            srs_3: srs[2].into(),
            srs_4: srs[3].into(),
            ..SessionInput::default()
        }
    }

    #[test]
    fn marks_with_a_decimal_comma_make_exact_totals() {
        let entry = input(["6,4", "5", "7.1", "0"], ["", "", "", ""]).parse(TODAY).expect("valid");
        assert_eq!(entry.ratings.outcome().map(|m| m.total()), Tenths::from_text("18,5").ok());
        assert_eq!(entry.ratings.session(), None);
    }

    #[test]
    fn every_problem_is_named_beside_its_field() {
        let errors = input(["10,5", "abc", "6,45", ""], ["9", "", "", ""]).parse(TODAY).expect_err("refused");
        assert_eq!(errors.get("ors_1"), Some(Problem::DecimalOutOfRange { min: 0, max: 10 }));
        assert_eq!(errors.get("ors_2"), Some(Problem::NotANumber));
        assert_eq!(errors.get("ors_3"), Some(Problem::OneDecimal));
        assert_eq!(errors.get("ors_4"), Some(Problem::Required));
        assert_eq!(errors.get("srs_2"), Some(Problem::Required));
        let none = input(["", "", "", ""], ["", "", "", ""]).parse(TODAY).expect_err("refused");
        assert_eq!(none.get("ors_1"), Some(Problem::NoRating));
        let future = SessionInput { held_on: "2026-12-05".into(), ..input(["1", "1", "1", "1"], ["", "", "", ""]) };
        assert_eq!(future.parse(TODAY).expect_err("refused").get("held_on"), Some(Problem::DateInFuture));
    }

    #[test]
    fn a_total_from_paper_stands_alone_and_one_beside_items_must_match() {
        let paper = SessionInput { held_on: "2026-12-01".into(), srs_total: "35,5".into(), ..SessionInput::default() };
        let entry = paper.parse(TODAY).expect("a total only");
        assert_eq!(
            entry.ratings.session().map(|m| (m.total(), m.item_marks().is_none())),
            Some((Tenths::from_tenths(355), true))
        );
        let wrong = SessionInput { ors_total: "20".into(), ..input(["5", "5", "5", "4"], ["", "", "", ""]) };
        assert_eq!(wrong.parse(TODAY).expect_err("refused").get("ors_total"), Some(Problem::TotalMismatch));
        let off = SessionInput { held_on: "2026-12-01".into(), ors_total: "40,1".into(), ..SessionInput::default() };
        assert_eq!(
            off.parse(TODAY).expect_err("refused").get("ors_total"),
            Some(Problem::DecimalOutOfRange { min: 0, max: 40 })
        );
    }

    #[test]
    fn a_phone_rating_is_dated_today_holds_only_what_was_asked_and_misses_nothing_asked() {
        let typed = SessionInput {
            held_on: "2020-01-01".into(),
            ors_total: "12".into(),
            ..input(["6", "5", "7,5", "4"], ["9", "9", "9", "9,5"])
        };
        let entry = phone_entry(&typed, Asked::Outcome, TODAY).expect("the outcome scale");
        assert_eq!(entry.held_on, TODAY);
        assert_eq!(entry.ratings.outcome().map(|m| m.total()), Some(Tenths::from_tenths(225)));
        assert_eq!(entry.ratings.session(), None);
        let both = phone_entry(&typed, Asked::Both, TODAY).expect("both");
        assert_eq!(both.ratings.session().map(|m| m.total()), Some(Tenths::from_tenths(365)));
        let only_outcome = input(["6", "5", "7", "4"], ["", "", "", ""]);
        let errors = phone_entry(&only_outcome, Asked::Both, TODAY).expect_err("the session scale is missing");
        assert_eq!(SRS_FIELDS.map(|f| errors.get(f)), [Some(Problem::Required); 4]);
        let nothing = phone_entry(&SessionInput::default(), Asked::Session, TODAY).expect_err("nothing");
        assert_eq!(nothing.get("ors_1"), None);
        assert_eq!(nothing.get("srs_1"), Some(Problem::Required));
        let half = input(["", "", "", ""], ["9", "", "11", "9"]);
        let errors = phone_entry(&half, Asked::Session, TODAY).expect_err("refused");
        assert_eq!(errors.get("srs_2"), Some(Problem::Required));
        assert_eq!(errors.get("srs_3"), Some(Problem::DecimalOutOfRange { min: 0, max: 10 }));
        for asked in Asked::ALL {
            assert_eq!(Asked::from_key(asked.key()), Some(*asked));
        }
    }
}
