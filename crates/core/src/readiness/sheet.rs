//! Score sheets and consensus as forms send them: a level and a text per dimension, parsed
//! into typed levels with every problem tied to its dimension's field.

use std::collections::BTreeMap;

use super::assessment::{parse_level, EVIDENCE_MAX};
use super::scoring::{Edition, HalfPoints};
use crate::validation::{optional_text, FieldErrors, Problem};

/// The form field of a dimension's level, e.g. `level_A`.
pub fn dimension_field(key: &str) -> &'static str {
    match key {
        "A" => "level_A",
        "B" => "level_B",
        "C" => "level_C",
        "D" => "level_D",
        "E" => "level_E",
        "F" => "level_F",
        _ => "level",
    }
}

/// Each dimension's level and text exactly as typed, so that a rejected form comes back as it
/// was sent. The text is the evidence on a scorer's sheet, the rationale on a consensus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetInput {
    pub dimensions: BTreeMap<String, (String, String)>,
}

impl SheetInput {
    /// Reads `level_<key>` and `<text_field>_<key>` for every dimension of the edition.
    pub fn from_form(form: &BTreeMap<String, String>, edition: Edition, text_field: &str) -> SheetInput {
        let dimensions = edition
            .dimension_keys()
            .iter()
            .map(|key| {
                let level = form.get(dimension_field(key)).cloned().unwrap_or_default();
                let text = form.get(&format!("{text_field}_{key}")).cloned().unwrap_or_default();
                ((*key).to_owned(), (level, text))
            })
            .collect();
        SheetInput { dimensions }
    }

    /// A scorer's sheet: a level may still be open while the sheet is only saved.
    pub fn parse_scores(
        &self,
        half_points: bool,
    ) -> Result<BTreeMap<String, (Option<HalfPoints>, String)>, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut sheet = BTreeMap::new();
        for (key, (level, text)) in &self.dimensions {
            let field = dimension_field(key);
            let level = errors.check(field, parse_level(level, half_points));
            let text = errors.check(field, optional_text(text, EVIDENCE_MAX, true));
            if let (Some(level), Some(text)) = (level, text) {
                sheet.insert(key.clone(), (level, text));
            }
        }
        errors.finish(|| Some(sheet))
    }

    /// A consensus: every dimension needs its agreed level.
    pub fn parse_consensus(&self, half_points: bool) -> Result<BTreeMap<String, (HalfPoints, String)>, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut agreed = BTreeMap::new();
        for (key, (level, text)) in &self.dimensions {
            let field = dimension_field(key);
            match (parse_level(level, half_points), optional_text(text, EVIDENCE_MAX, true)) {
                (Ok(Some(level)), Ok(text)) => {
                    agreed.insert(key.clone(), (level, text));
                }
                (Ok(None), _) => errors.add(field, Problem::NotChosen),
                (Err(problem), _) | (_, Err(problem)) => errors.add(field, problem),
            }
        }
        errors.finish(|| Some(agreed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(levels: &[(&str, &str)]) -> BTreeMap<String, String> {
        levels
            .iter()
            .flat_map(|(key, level)| {
                [
                    (dimension_field(key).to_owned(), (*level).to_owned()),
                    (format!("evidence_{key}"), format!("Belägg {key}")),
                ]
            })
            .collect()
    }

    #[test]
    fn a_sheet_may_be_saved_half_done_but_a_consensus_needs_every_level() {
        let input = SheetInput::from_form(&form(&[("A", "4"), ("B", "")]), Edition::Crm2014, "evidence");
        let sheet = input.parse_scores(false).expect("a half-done sheet saves");
        assert_eq!(sheet["A"].0.map(|l| l.value()), Some(4.0));
        assert_eq!(sheet["B"], (None, "Belägg B".to_owned()));
        assert_eq!(sheet["C"], (None, String::new()), "every dimension of the edition is read");
        let errors = input.parse_consensus(false).expect_err("open levels");
        assert_eq!(errors.get("level_B"), Some(Problem::NotChosen));
        assert_eq!(errors.get("level_A"), None);
    }

    #[test]
    fn levels_off_the_scale_or_half_points_where_not_allowed_are_refused() {
        let input = SheetInput::from_form(&form(&[("A", "10"), ("B", "4,5")]), Edition::Crm2006, "evidence");
        let errors = input.parse_scores(false).expect_err("refused");
        assert_eq!(
            (errors.get("level_A"), errors.get("level_B")),
            (Some(Problem::UnknownChoice), Some(Problem::UnknownChoice))
        );
        assert!(
            input.parse_scores(true).expect_err("A is off the scale").get("level_B").is_none(),
            "4,5 with half points"
        );
    }
}
