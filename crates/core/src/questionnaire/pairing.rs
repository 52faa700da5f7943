//! Before and after without names. In a round that asks for it, a respondent makes up a code
//! from three things only they know; the same person gives the same code in the follow-up round,
//! so their two answers can be paired without anyone learning who they are. Parat keeps only a
//! hash of the code.
//!
//! The comparison of paired answers follows the threshold: no figure for fewer pairs than the
//! round's threshold.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::validation::{FieldErrors, Problem};

use super::definition::Definition;
use super::scoring::{ScaleScores, Summary, Threshold};

/// The code's parts as typed on the answering page.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct PairInput {
    /// The first two letters of the first name of the respondent's mother (or another person
    /// they choose and remember).
    pub letters: String,
    /// The day of the month they were born, 1–31.
    pub day: String,
    /// The last two digits of their mobile number.
    pub digits: String,
}

/// A complete code, written the same way however it was typed: `AN-07-42`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairCode(String);

impl PairCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PairInput {
    pub fn is_empty(&self) -> bool {
        self.letters.trim().is_empty() && self.day.trim().is_empty() && self.digits.trim().is_empty()
    }

    /// No code when all three are left empty (a code is optional); otherwise all three, each
    /// checked, with the fields that are wrong.
    pub fn parse(&self) -> Result<Option<PairCode>, FieldErrors> {
        if self.is_empty() {
            return Ok(None);
        }
        let mut errors = FieldErrors::new();
        let letters: String = self.letters.trim().to_uppercase();
        let letters_ok = letters.chars().count() == 2 && letters.chars().all(char::is_alphabetic);
        let letters = errors.check("pair-letters", if letters_ok { Ok(letters) } else { Err(Problem::PairLetters) });
        let day = errors.check(
            "pair-day",
            self.day
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|d| (1..=31).contains(d))
                .ok_or(Problem::OutOfRange { min: 1, max: 31 }),
        );
        let digits = self.digits.trim();
        let digits_ok = digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit());
        let digits =
            errors.check("pair-digits", if digits_ok { Ok(digits.to_owned()) } else { Err(Problem::PairDigits) });
        errors.finish(|| Some(Some(PairCode(format!("{}-{:02}-{}", letters?, day?, digits?)))))
    }
}

/// A scale compared between two rounds for the people who answered both.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PairedChange {
    /// Pairs with a score on the scale in both rounds.
    pub n: usize,
    /// The means before and after, and the mean change (after − before), for these pairs; all
    /// `None` under the threshold.
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
}

/// A respondent's score on a scale, found by the scale's id: two rounds may have been sent with
/// different versions of a questionnaire, whose scales are compared by id.
fn score_on(scores: &ScaleScores, scale: &str) -> Option<f64> {
    scores.iter().find(|(id, _)| id == scale).and_then(|(_, s)| *s)
}

/// Each scale's change for paired respondents: `pairs` holds each pair's scores before and
/// after, as [`score`](super::score) gives them. A pair counts on a scale only where both have a
/// score.
pub fn paired_change(
    definition: &Definition,
    pairs: &[(ScaleScores, ScaleScores)],
    threshold: Threshold,
) -> BTreeMap<String, PairedChange> {
    definition
        .scales
        .iter()
        .map(|scale| {
            let both: Vec<(f64, f64)> = pairs
                .iter()
                .filter_map(|(before, after)| Some((score_on(before, &scale.id)?, score_on(after, &scale.id)?)))
                .collect();
            let n = both.len();
            let shown = n > 0 && n >= threshold.get() as usize;
            let mean = |values: &mut dyn Iterator<Item = f64>| values.sum::<f64>() / n as f64;
            let change = PairedChange {
                n,
                before: shown.then(|| mean(&mut both.iter().map(|p| p.0))),
                after: shown.then(|| mean(&mut both.iter().map(|p| p.1))),
                change: shown.then(|| mean(&mut both.iter().map(|p| p.1 - p.0))),
            };
            (scale.id.clone(), change)
        })
        .collect()
}

/// Each scale's figures in two rounds side by side (everyone who answered each, paired or
/// not).
pub fn compare(
    definition: &Definition,
    before: &[ScaleScores],
    after: &[ScaleScores],
    threshold: Threshold,
) -> Vec<(String, Summary, Summary)> {
    let summary =
        |round: &[ScaleScores], scale: &str| Summary::of(round.iter().map(|scores| score_on(scores, scale)), threshold);
    definition.scales.iter().map(|s| (s.id.clone(), summary(before, &s.id), summary(after, &s.id))).collect()
}
