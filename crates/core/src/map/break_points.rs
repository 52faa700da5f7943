//! Break points: where one set of rules hands the target group over to another — an age (the
//! employment service's youth measures end at 25, activity compensation at 30) or a time (the
//! month a benefit runs out) — and which of the map's meetings cover each. A point no meeting
//! covers is where a person may fall between two sets of rules.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::network::Agency;
use crate::choice::choice_enum;
use crate::validation::{decimal_in, required_text, FieldErrors, Problem};

choice_enum!(
    /// What a break point is placed on: the person's age in years, or months from a start (in
    /// the programme, on sick leave).
    Axis {
        Age => "age",
        Months => "months",
    }
);

impl Axis {
    /// The furthest a point may lie on the axis.
    pub fn max(self) -> i64 {
        match self {
            Axis::Age => 120,
            Axis::Months => 600,
        }
    }
}

pub const LABEL_MAX: usize = 200;

/// A break point as its form sends it; `meeting_ids` are the covering meetings' ids.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct BreakPointInput {
    pub axis: String,
    pub at_value: String,
    pub label: String,
    pub meeting_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BreakPointDraft {
    pub axis: Axis,
    pub at_value: f64,
    /// What happens there, e.g. "the youth guarantee ends".
    pub label: String,
    /// The meetings that cover it (the store checks they are the map's).
    pub meeting_ids: BTreeSet<i64>,
}

impl BreakPointInput {
    pub fn parse(&self) -> Result<BreakPointDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let axis = errors.check("axis", Axis::parse(&self.axis));
        let at_value = match axis {
            Some(axis) => errors.check("at_value", decimal_in(&self.at_value, 0, axis.max())),
            None => None,
        };
        let label = errors.check("label", required_text(&self.label, LABEL_MAX));
        let meeting_ids = errors.check("meeting_ids", parse_ids(&self.meeting_ids));
        errors.finish(|| {
            Some(BreakPointDraft { axis: axis?, at_value: at_value?, label: label?, meeting_ids: meeting_ids? })
        })
    }
}

/// Chosen record ids from checkboxes.
pub fn parse_ids(raw: &[String]) -> Result<BTreeSet<i64>, Problem> {
    raw.iter().map(|id| id.trim().parse::<i64>().ok().filter(|id| *id > 0).ok_or(Problem::UnknownChoice)).collect()
}

/// Who covers a break point: the agencies of the actors attending its covering meetings, with
/// how many actors of each.
pub fn covering_agencies(attendees: impl IntoIterator<Item = (i64, Agency)>) -> BTreeMap<Agency, usize> {
    let distinct: BTreeSet<(i64, Agency)> = attendees.into_iter().collect();
    let mut by_agency = BTreeMap::new();
    for (_, agency) in distinct {
        *by_agency.entry(agency).or_insert(0) += 1;
    }
    by_agency
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_checked_on_its_own_axis() {
        let input = BreakPointInput {
            axis: "age".into(),
            at_value: "24,5".into(),
            label: " Ungdomsgarantin upphör ".into(),
            meeting_ids: vec!["3".into(), "7".into(), "3".into()],
        };
        let draft = input.parse().expect("valid");
        assert_eq!((draft.axis, draft.at_value, draft.label.as_str()), (Axis::Age, 24.5, "Ungdomsgarantin upphör"));
        assert_eq!(draft.meeting_ids, BTreeSet::from([3, 7]));
        // 200 months is a fine time but no age.
        let old = BreakPointInput { at_value: "200".into(), ..input.clone() };
        assert_eq!(
            old.parse().expect_err("too old").get("at_value"),
            Some(Problem::DecimalOutOfRange { min: 0, max: 120 })
        );
        let months = BreakPointInput { axis: "months".into(), ..old };
        assert_eq!(months.parse().map(|d| d.at_value), Ok(200.0));
        let bad =
            BreakPointInput { axis: "weeks".into(), label: String::new(), meeting_ids: vec!["x".into()], ..input };
        let errors = bad.parse().expect_err("refused");
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["axis", "label", "meeting_ids"]);
    }

    #[test]
    fn covering_agencies_count_each_actor_once() {
        let covered = covering_agencies([
            (1, Agency::Municipality),
            (2, Agency::EmploymentService),
            (1, Agency::Municipality),
            (3, Agency::Municipality),
        ]);
        assert_eq!(covered, BTreeMap::from([(Agency::Municipality, 2), (Agency::EmploymentService, 1)]));
        assert!(covering_agencies([]).is_empty());
    }
}
