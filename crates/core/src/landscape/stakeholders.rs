//! The stakeholder analysis: who has a stake in the initiative, how much it matters to them
//! (interest) and how much they can sway it (influence), how they stand towards it, and how to
//! involve them. The interest/influence grid says what kind of involvement each one needs.

use serde::Deserialize;

use crate::choice::choice_enum;
use crate::landscape::plan::scale_step;
use crate::owner::Owner;
use crate::validation::{optional_text, required_text, FieldErrors};

pub const NAME_MAX: usize = 200;
pub const INVOLVEMENT_MAX: usize = 2_000;
/// Interest and influence run 1–4: an even scale, so that every stakeholder falls on one side
/// of the grid's middle.
pub const SCALE_MAX: u8 = 4;

choice_enum!(
    /// How a stakeholder stands towards the initiative.
    Attitude {
        Opposed => "opposed",
        Hesitant => "hesitant",
        Neutral => "neutral",
        Supportive => "supportive",
        Driving => "driving",
    }
);

choice_enum!(
    /// A quarter of the interest/influence grid and the involvement it calls for: much of both,
    /// involve closely; much influence only, keep satisfied; much interest only, keep informed;
    /// little of either, keep an eye on.
    Quadrant {
        InvolveClosely => "involve_closely",
        KeepSatisfied => "keep_satisfied",
        KeepInformed => "keep_informed",
        Monitor => "monitor",
    }
);

impl Quadrant {
    /// 3 and 4 are high, 1 and 2 low.
    pub fn of(interest: u8, influence: u8) -> Quadrant {
        match (interest > SCALE_MAX / 2, influence > SCALE_MAX / 2) {
            (true, true) => Quadrant::InvolveClosely,
            (false, true) => Quadrant::KeepSatisfied,
            (true, false) => Quadrant::KeepInformed,
            (false, false) => Quadrant::Monitor,
        }
    }
}

/// A stakeholder as the form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct StakeholderInput {
    pub name: String,
    pub interest: String,
    pub influence: String,
    pub attitude: String,
    pub involvement: String,
    pub owner_id: String,
    pub who: String,
}

/// A checked stakeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StakeholderDraft {
    pub name: String,
    pub interest: u8,
    pub influence: u8,
    pub attitude: Attitude,
    /// How to involve them.
    pub involvement: String,
    /// Who keeps in touch with them.
    pub owner: Option<Owner>,
}

impl StakeholderInput {
    pub fn parse(&self) -> Result<StakeholderDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text(&self.name, NAME_MAX));
        let interest = errors.check("interest", scale_step(&self.interest, SCALE_MAX));
        let influence = errors.check("influence", scale_step(&self.influence, SCALE_MAX));
        let attitude = errors.check("attitude", Attitude::parse(&self.attitude));
        let involvement = errors.check("involvement", optional_text(&self.involvement, INVOLVEMENT_MAX, true));
        let owner = Owner::parse(&self.owner_id, &self.who, false, &mut errors, ("owner_id", "who"));
        errors.finish(|| {
            Some(StakeholderDraft {
                name: name?,
                interest: interest?,
                influence: influence?,
                attitude: attitude?,
                involvement: involvement?,
                owner: owner?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::Problem;

    #[test]
    fn every_cell_of_the_grid_has_its_quadrant() {
        // By hand: interest across (1–4), influence down (1–4).
        let expected = [
            ["monitor", "monitor", "keep_informed", "keep_informed"],
            ["monitor", "monitor", "keep_informed", "keep_informed"],
            ["keep_satisfied", "keep_satisfied", "involve_closely", "involve_closely"],
            ["keep_satisfied", "keep_satisfied", "involve_closely", "involve_closely"],
        ];
        for (influence, row) in expected.iter().enumerate() {
            for (interest, quadrant) in row.iter().enumerate() {
                let found = Quadrant::of(interest as u8 + 1, influence as u8 + 1);
                assert_eq!(found.key(), *quadrant, "interest {} influence {}", interest + 1, influence + 1);
            }
        }
    }

    #[test]
    fn a_stakeholder_needs_a_name_two_steps_and_an_attitude() {
        let input = StakeholderInput {
            name: "Arbetsförmedlingen".into(),
            interest: "3".into(),
            influence: "4".into(),
            attitude: "supportive".into(),
            ..Default::default()
        };
        let draft = input.parse().expect("valid");
        assert_eq!((draft.interest, draft.influence, draft.attitude), (3, 4, Attitude::Supportive));
        let errors = StakeholderInput { interest: "5".into(), influence: "".into(), ..input.clone() }.parse();
        let errors = errors.expect_err("two problems");
        assert_eq!(errors.get("interest"), Some(Problem::OutOfRange { min: 1, max: 4 }));
        assert_eq!(errors.get("influence"), Some(Problem::NotChosen));
        let errors = StakeholderInput { attitude: "hostile".into(), name: " ".into(), ..input }.parse();
        let errors = errors.expect_err("two problems");
        assert_eq!(
            (errors.get("attitude"), errors.get("name")),
            (Some(Problem::UnknownChoice), Some(Problem::Required))
        );
    }
}
