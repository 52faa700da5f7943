//! The rating scales as questionnaire definitions (`instruments/questionnaires/*_scale*.toml`,
//! Parat's own wording in sv/da/en): the questionnaire engine shows them — on a tablet in the
//! session, on the participant's phone — and its line items give the marks.

use crate::questionnaire::{module_by_id, Definition};

use super::{AgeGroup, Scale};

/// The definition a session uses for a scale: the child version for children 6–12, the group
/// version of the session scale for a group session.
pub fn definition_id(scale: Scale, age_group: AgeGroup, group: bool) -> &'static str {
    match (scale, age_group, group) {
        (Scale::Outcome, AgeGroup::Child, _) => "outcome_scale_child",
        (Scale::Outcome, _, _) => "outcome_scale",
        (Scale::Session, AgeGroup::Child, _) => "session_scale_child",
        (Scale::Session, _, true) => "session_scale_group",
        (Scale::Session, _, false) => "session_scale",
    }
}

/// The embedded definition for a scale.
pub fn definition(scale: Scale, age_group: AgeGroup, group: bool) -> Option<&'static Definition> {
    module_by_id(definition_id(scale, age_group, group))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{ItemKind, Purpose, Rule};

    #[test]
    fn every_scale_is_four_lines_from_0_to_10_with_one_decimal_summed() {
        for scale in Scale::ALL {
            for age_group in AgeGroup::ALL {
                for group in [false, true] {
                    let definition = definition(*scale, *age_group, group).expect("embedded and valid");
                    assert_eq!(definition.purpose, Purpose::Outcome);
                    let items: Vec<_> = definition.items().collect();
                    assert_eq!(items.len(), super::super::ITEMS, "{}", definition.id);
                    for item in &items {
                        assert!(
                            matches!(item.kind, ItemKind::Line { min, max, decimals: 1, .. } if min == 0.0 && max == 10.0),
                            "{}: {}",
                            definition.id,
                            item.id
                        );
                        assert!(item.required);
                    }
                    let [total] = definition.scales.as_slice() else { panic!("{}: one scale", definition.id) };
                    assert_eq!((total.rule, total.items.len()), (Rule::Sum, 4));
                }
            }
        }
    }
}
