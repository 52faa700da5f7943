//! The theory of change: from the need, through what the initiative does and what that directly
//! yields, to the changes expected soon and in the long run — with the assumptions that have to
//! hold for one to lead to the next.

use serde::Deserialize;

use crate::choice::choice_enum;
use crate::validation::{required_text, FieldErrors};

pub const STEP_MAX: usize = 500;

choice_enum!(
    /// A column of the theory of change, in reading order; assumptions run beneath them all.
    ChangeStage {
        Need => "need",
        Activity => "activity",
        Output => "output",
        ShortTerm => "short_term",
        LongTerm => "long_term",
        Assumption => "assumption",
    }
);

impl ChangeStage {
    /// The columns from need to long-term outcome, without the assumptions.
    pub const CHAIN: &'static [ChangeStage] =
        &[ChangeStage::Need, ChangeStage::Activity, ChangeStage::Output, ChangeStage::ShortTerm, ChangeStage::LongTerm];
}

/// A step of the theory as the form sends it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct ChangeStepInput {
    pub stage: String,
    pub text: String,
}

/// A checked step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeStepDraft {
    pub stage: ChangeStage,
    pub text: String,
}

impl ChangeStepInput {
    pub fn parse(&self) -> Result<ChangeStepDraft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let stage = errors.check("stage", ChangeStage::parse(&self.stage));
        let text = errors.check("text", required_text(&self.text, STEP_MAX));
        errors.finish(|| Some(ChangeStepDraft { stage: stage?, text: text? }))
    }
}

/// Which columns are still empty: a theory with a gap in its chain does not yet say how the
/// work leads to the change.
pub fn gaps(stages: impl IntoIterator<Item = ChangeStage>) -> Vec<ChangeStage> {
    let present: Vec<ChangeStage> = stages.into_iter().collect();
    ChangeStage::CHAIN.iter().copied().filter(|stage| !present.contains(stage)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::Problem;

    #[test]
    fn a_step_has_a_stage_and_a_text() {
        let input = ChangeStepInput { stage: "short_term".into(), text: " Fler får besked snabbt ".into() };
        let draft = input.parse().expect("valid");
        assert_eq!((draft.stage, draft.text.as_str()), (ChangeStage::ShortTerm, "Fler får besked snabbt"));
        let errors = ChangeStepInput { stage: "outcome".into(), text: String::new() }.parse().expect_err("two");
        assert_eq!((errors.get("stage"), errors.get("text")), (Some(Problem::UnknownChoice), Some(Problem::Required)));
    }

    #[test]
    fn the_gaps_are_the_empty_columns_of_the_chain_not_the_assumptions() {
        use ChangeStage::*;
        assert_eq!(gaps([Need, Activity, Assumption, Activity]), vec![Output, ShortTerm, LongTerm]);
        assert_eq!(gaps([Need, Activity, Output, ShortTerm, LongTerm]), Vec::<ChangeStage>::new());
        assert_eq!(gaps([]), ChangeStage::CHAIN.to_vec());
    }
}
