//! One rating on a four-item scale: the outcome scale at the start of a session (individually,
//! interpersonally, socially, overall), the session scale at its end (relationship, goals and
//! topics, approach, overall). Each item is a mark on a 0–10 line with one decimal.

use crate::choice::choice_enum;

use super::Tenths;

/// Items on each scale.
pub const ITEMS: usize = 4;
/// The line's end.
pub const ITEM_MAX: Tenths = Tenths::whole(10);
/// The total's end.
pub const TOTAL_MAX: Tenths = Tenths::whole(40);

choice_enum!(
    /// Who the participant is, which sets the outcome scale's clinical cut-off and which version
    /// of the scales is used.
    AgeGroup {
        Adult => "adult",
        Adolescent => "adolescent",
        Child => "child",
    }
);

choice_enum!(
    /// The two scales.
    Scale {
        Outcome => "ors",
        Session => "srs",
    }
);

/// What is wrong with a rating's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RatingProblem {
    #[error("has {0} values, not {ITEMS}")]
    ItemCount(usize),
    #[error("item {item}: {value} is off the line 0–10")]
    OffTheLine { item: usize, value: Tenths },
    #[error("the total {0} is off 0–40")]
    TotalOffScale(Tenths),
}

/// A rating's marks: the four items, or (entered from paper) the total only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    Items([Tenths; ITEMS]),
    TotalOnly(Tenths),
}

impl Marks {
    /// Four marks, each on the line.
    pub fn items(values: &[Tenths]) -> Result<Self, RatingProblem> {
        let items: [Tenths; ITEMS] = values.try_into().map_err(|_| RatingProblem::ItemCount(values.len()))?;
        if let Some((index, value)) = items.iter().enumerate().find(|(_, v)| **v < Tenths::ZERO || **v > ITEM_MAX) {
            return Err(RatingProblem::OffTheLine { item: index + 1, value: *value });
        }
        Ok(Marks::Items(items))
    }

    /// A total from a paper form whose items were not entered.
    pub fn total_only(total: Tenths) -> Result<Self, RatingProblem> {
        if total < Tenths::ZERO || total > TOTAL_MAX {
            return Err(RatingProblem::TotalOffScale(total));
        }
        Ok(Marks::TotalOnly(total))
    }

    pub fn total(&self) -> Tenths {
        match self {
            Marks::Items(items) => items.iter().copied().sum(),
            Marks::TotalOnly(total) => *total,
        }
    }

    /// The item marks, when they were entered.
    pub fn item_marks(&self) -> Option<&[Tenths; ITEMS]> {
        match self {
            Marks::Items(items) => Some(items),
            Marks::TotalOnly(_) => None,
        }
    }
}

/// One session's ratings: an outcome rating, a session rating, or both — never neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratings {
    outcome: Option<Marks>,
    session: Option<Marks>,
}

/// A session with no rating at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("has neither an outcome nor a session rating")]
pub struct NoRating;

impl Ratings {
    pub fn new(outcome: Option<Marks>, session: Option<Marks>) -> Result<Self, NoRating> {
        if outcome.is_none() && session.is_none() {
            return Err(NoRating);
        }
        Ok(Ratings { outcome, session })
    }

    pub fn outcome(&self) -> Option<&Marks> {
        self.outcome.as_ref()
    }

    pub fn session(&self) -> Option<&Marks> {
        self.session.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Tenths {
        Tenths::from_text(text).expect("as written")
    }

    #[test]
    fn four_marks_on_the_line_make_a_rating_and_its_exact_total() {
        let marks = Marks::items(&[t("2.3"), t("4.1"), t("9.9"), t("0")]).expect("as written");
        assert_eq!(marks.total(), t("16.3"));
        assert_eq!(Marks::items(&[t("10"); 4]).expect("as written").total(), TOTAL_MAX);
        assert_eq!(Marks::items(&[t("1"); 3]), Err(RatingProblem::ItemCount(3)));
        assert_eq!(
            Marks::items(&[t("1"), t("10.1"), t("1"), t("1")]),
            Err(RatingProblem::OffTheLine { item: 2, value: t("10.1") })
        );
        assert_eq!(
            Marks::items(&[t("-0.1"), t("1"), t("1"), t("1")]),
            Err(RatingProblem::OffTheLine { item: 1, value: t("-0.1") })
        );
        assert_eq!(Marks::total_only(t("40.1")), Err(RatingProblem::TotalOffScale(t("40.1"))));
        assert_eq!(Marks::total_only(t("31.5")).expect("as written").item_marks(), None);
    }

    #[test]
    fn a_session_has_at_least_one_rating() {
        assert_eq!(Ratings::new(None, None), Err(NoRating));
        let marks = Marks::total_only(t("20")).expect("as written");
        assert!(Ratings::new(None, Some(marks)).is_ok() && Ratings::new(Some(marks), None).is_ok());
    }
}
