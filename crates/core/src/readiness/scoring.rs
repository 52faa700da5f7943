//! Community Readiness scoring: consensus scores per interview and dimension become dimension
//! scores (means), an overall score (the mean of the dimension scores), and stages (each score
//! truncated). See `../../../../shared/domain.md`, section 1, for the method.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::agreement::{self, Agreement};
use super::Fraction;

/// The lowest and highest level of the anchored rating scales.
pub const SCALE_MIN: u8 = 1;
pub const SCALE_MAX: u8 = 9;
/// The method asks for at least this many interviews.
pub const RECOMMENDED_INTERVIEWS: usize = 4;

/// The handbook edition an assessment follows, chosen when it is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Edition {
    /// Six dimensions, A–F.
    #[serde(rename = "2006")]
    Crm2006,
    /// Five dimensions, A–E ("efforts" and "knowledge of efforts" merged).
    #[serde(rename = "2014")]
    Crm2014,
}

impl Edition {
    pub fn dimension_keys(self) -> &'static [&'static str] {
        match self {
            Edition::Crm2006 => &["A", "B", "C", "D", "E", "F"],
            Edition::Crm2014 => &["A", "B", "C", "D", "E"],
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Edition::Crm2006 => "2006",
            Edition::Crm2014 => "2014",
        }
    }
}

/// A score on the anchored scale in half points (a score of 4.5 is `HalfPoints(9)`), so that
/// whole and half points are both exact integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HalfPoints(u8);

impl HalfPoints {
    /// Parses a score as entered (4, 4.0 or 4.5), refusing values off the scale, between
    /// half points, or half points where the assessment allows only whole ones.
    pub fn parse(value: f64, half_points_allowed: bool) -> Result<HalfPoints, ScoreProblem> {
        let doubled = value * 2.0;
        if !doubled.is_finite() || (doubled - doubled.round()).abs() > 1e-9 {
            return Err(ScoreProblem::NotAStep);
        }
        let doubled = doubled.round();
        if doubled < f64::from(SCALE_MIN * 2) || doubled > f64::from(SCALE_MAX * 2) {
            return Err(ScoreProblem::OffScale);
        }
        let half_points = doubled as u8;
        if half_points % 2 == 1 && !half_points_allowed {
            return Err(ScoreProblem::HalfPointNotAllowed);
        }
        Ok(HalfPoints(half_points))
    }

    pub fn from_whole(level: u8) -> Option<HalfPoints> {
        (SCALE_MIN..=SCALE_MAX).contains(&level).then_some(HalfPoints(level * 2))
    }

    pub fn half_points(self) -> u8 {
        self.0
    }

    pub fn value(self) -> f64 {
        f64::from(self.0) / 2.0
    }
}

/// In JSON a level is its number: 4 or 4.5.
impl Serialize for HalfPoints {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.value())
    }
}

/// Why one score was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreProblem {
    OffScale,
    NotAStep,
    HalfPointNotAllowed,
}

/// The scores of one dimension in one interview: the two scorers' independent scores (empty
/// when not recorded) and the consensus they agreed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionScores {
    pub scorers: Option<(HalfPoints, HalfPoints)>,
    pub consensus: HalfPoints,
}

/// One interview's scores, keyed by dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewScores {
    pub id: String,
    pub dimensions: BTreeMap<String, DimensionScores>,
}

/// A whole assessment's scores, checked against its edition: every interview scores every
/// dimension, and nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentScores {
    edition: Edition,
    interviews: Vec<InterviewScores>,
}

/// Why an assessment's scores cannot be computed; names the interview and dimension.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScoringError {
    #[error("there are no interviews to score")]
    NoInterviews,
    #[error("interview {interview:?} appears twice")]
    DuplicateInterview { interview: String },
    #[error("interview {interview:?}: dimension {dimension:?} is not part of the {edition} edition (use {expected})")]
    UnknownDimension { interview: String, dimension: String, edition: &'static str, expected: String },
    #[error("interview {interview:?}: dimension {dimension} has no scores")]
    MissingDimension { interview: String, dimension: String },
    #[error("interview {interview:?}, dimension {dimension}: the consensus score is missing")]
    MissingConsensus { interview: String, dimension: String },
    #[error("interview {interview:?}, dimension {dimension}: {value} is off the scale {SCALE_MIN}–{SCALE_MAX}")]
    OffScale { interview: String, dimension: String, value: f64 },
    #[error("interview {interview:?}, dimension {dimension}: {value} is not a whole or half point")]
    NotAStep { interview: String, dimension: String, value: f64 },
    #[error("interview {interview:?}, dimension {dimension}: {value} is a half point, and this assessment allows whole points only")]
    HalfPointNotAllowed { interview: String, dimension: String, value: f64 },
    #[error("interview {interview:?}, dimension {dimension}: give both scorers' scores, or none ({count} given)")]
    ScorerCount { interview: String, dimension: String, count: usize },
}

impl AssessmentScores {
    pub fn new(edition: Edition, interviews: Vec<InterviewScores>) -> Result<AssessmentScores, ScoringError> {
        if interviews.is_empty() {
            return Err(ScoringError::NoInterviews);
        }
        let keys = edition.dimension_keys();
        let mut seen = std::collections::BTreeSet::new();
        for interview in &interviews {
            if !seen.insert(interview.id.as_str()) {
                return Err(ScoringError::DuplicateInterview { interview: interview.id.clone() });
            }
            if let Some(unknown) = interview.dimensions.keys().find(|k| !keys.contains(&k.as_str())) {
                return Err(ScoringError::UnknownDimension {
                    interview: interview.id.clone(),
                    dimension: unknown.clone(),
                    edition: edition.key(),
                    expected: keys.join(", "),
                });
            }
            if let Some(missing) = keys.iter().find(|k| !interview.dimensions.contains_key(**k)) {
                return Err(ScoringError::MissingDimension {
                    interview: interview.id.clone(),
                    dimension: (*missing).to_owned(),
                });
            }
        }
        Ok(AssessmentScores { edition, interviews })
    }

    pub fn edition(&self) -> Edition {
        self.edition
    }

    pub fn interviews(&self) -> &[InterviewScores] {
        &self.interviews
    }
}

/// A score with its stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StagedScore {
    pub score: Fraction,
    /// The score truncated: 4.83 is stage 4.
    pub stage: u8,
}

impl StagedScore {
    fn of(score: Fraction) -> StagedScore {
        let stage = u8::try_from(score.floor()).unwrap_or(0).clamp(SCALE_MIN, SCALE_MAX);
        StagedScore { score, stage }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DimensionResult {
    pub key: &'static str,
    pub result: StagedScore,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Fewer interviews than the method asks for.
    FewInterviews { count: usize, recommended: usize },
    /// Every pair of scores was the same single level, so kappa is undefined.
    KappaUndefined,
    /// No interview had both scorers' scores, so agreement cannot be reported.
    NoScorerPairs,
}

impl Warning {
    pub fn code(&self) -> &'static str {
        match self {
            Warning::FewInterviews { .. } => "few_interviews",
            Warning::KappaUndefined => "kappa_undefined",
            Warning::NoScorerPairs => "no_scorer_pairs",
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::FewInterviews { count, recommended } => {
                write!(f, "only {count} interviews; the method asks for at least {recommended}")
            }
            Warning::KappaUndefined => f.write_str("the scorers used one level only, so weighted kappa is undefined"),
            Warning::NoScorerPairs => {
                f.write_str("no interview has both scorers' scores, so agreement is not reported")
            }
        }
    }
}

/// What an assessment's scores come to.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub edition: Edition,
    pub interviews: usize,
    pub dimensions: Vec<DimensionResult>,
    pub overall: StagedScore,
    /// Where action starts: the two lowest dimensions, and any tied with the second.
    pub lowest: Vec<&'static str>,
    pub agreement: Option<Agreement>,
    pub warnings: Vec<Warning>,
}

/// Computes dimension scores, the overall score, stages, the lowest dimensions and agreement.
pub fn results(scores: &AssessmentScores) -> Results {
    let keys = scores.edition.dimension_keys();
    let count = scores.interviews.len();
    let dimensions: Vec<DimensionResult> = keys
        .iter()
        .map(|key| {
            let sum: i128 = scores
                .interviews
                .iter()
                .filter_map(|i| i.dimensions.get(*key))
                .map(|d| i128::from(d.consensus.half_points()))
                .sum();
            // Half points over 2 × interviews: the exact mean in points.
            let mean = Fraction::new(sum, 2 * count as i128).unwrap_or(Fraction::from_integer(0));
            DimensionResult { key, result: StagedScore::of(mean) }
        })
        .collect();
    let means: Vec<Fraction> = dimensions.iter().map(|d| d.result.score).collect();
    let overall = StagedScore::of(Fraction::mean(&means).unwrap_or(Fraction::from_integer(0)));

    let mut ranked: Vec<&DimensionResult> = dimensions.iter().collect();
    ranked.sort_by(|a, b| a.result.score.cmp(&b.result.score).then(a.key.cmp(b.key)));
    let lowest: Vec<&'static str> = match ranked.get(1) {
        Some(second) => ranked.iter().filter(|d| d.result.score <= second.result.score).map(|d| d.key).collect(),
        None => ranked.iter().map(|d| d.key).collect(),
    };

    let pairs: Vec<(HalfPoints, HalfPoints)> =
        scores.interviews.iter().flat_map(|i| i.dimensions.values().filter_map(|d| d.scorers)).collect();
    let agreement = agreement::measure(&pairs);
    let mut warnings = Vec::new();
    if count < RECOMMENDED_INTERVIEWS {
        warnings.push(Warning::FewInterviews { count, recommended: RECOMMENDED_INTERVIEWS });
    }
    match &agreement {
        None => warnings.push(Warning::NoScorerPairs),
        Some(a) if a.weighted_kappa.is_none() => warnings.push(Warning::KappaUndefined),
        Some(_) => {}
    }
    Results { edition: scores.edition, interviews: count, dimensions, overall, lowest, agreement, warnings }
}

/// The JSON input of `parat crm score` and `POST /api/v1/crm/score`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreInput {
    pub edition: Edition,
    #[serde(default)]
    pub half_points: bool,
    pub interviews: Vec<InterviewInput>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewInput {
    pub id: String,
    pub scores: BTreeMap<String, DimensionInput>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionInput {
    #[serde(default)]
    pub scorers: Vec<f64>,
    pub consensus: Option<f64>,
}

impl ScoreInput {
    /// Parses every score, naming the interview and dimension of the first problem.
    pub fn parse(&self) -> Result<AssessmentScores, ScoringError> {
        let mut interviews = Vec::with_capacity(self.interviews.len());
        for interview in &self.interviews {
            let mut dimensions = BTreeMap::new();
            for (key, input) in &interview.scores {
                let parse = |value: f64| {
                    HalfPoints::parse(value, self.half_points).map_err(|problem| {
                        let (interview, dimension) = (interview.id.clone(), key.clone());
                        match problem {
                            ScoreProblem::OffScale => ScoringError::OffScale { interview, dimension, value },
                            ScoreProblem::NotAStep => ScoringError::NotAStep { interview, dimension, value },
                            ScoreProblem::HalfPointNotAllowed => {
                                ScoringError::HalfPointNotAllowed { interview, dimension, value }
                            }
                        }
                    })
                };
                let scorers = match input.scorers.as_slice() {
                    [] => None,
                    [first, second] => Some((parse(*first)?, parse(*second)?)),
                    other => {
                        return Err(ScoringError::ScorerCount {
                            interview: interview.id.clone(),
                            dimension: key.clone(),
                            count: other.len(),
                        })
                    }
                };
                let consensus = input.consensus.ok_or_else(|| ScoringError::MissingConsensus {
                    interview: interview.id.clone(),
                    dimension: key.clone(),
                })?;
                dimensions.insert(key.clone(), DimensionScores { scorers, consensus: parse(consensus)? });
            }
            interviews.push(InterviewScores { id: interview.id.clone(), dimensions });
        }
        AssessmentScores::new(self.edition, interviews)
    }
}

/// The JSON output: unrounded scores, stages, lowest dimensions, agreement, warnings.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreOutput {
    pub edition: Edition,
    pub interviews: usize,
    pub dimensions: Vec<DimensionOutput>,
    pub overall: ScoreAndStage,
    pub lowest: Vec<&'static str>,
    pub agreement: Option<Agreement>,
    pub warnings: Vec<WarningOutput>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DimensionOutput {
    pub key: &'static str,
    pub score: f64,
    pub stage: u8,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreAndStage {
    pub score: f64,
    pub stage: u8,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WarningOutput {
    pub code: &'static str,
    pub message: String,
}

impl From<&Results> for ScoreOutput {
    fn from(r: &Results) -> Self {
        ScoreOutput {
            edition: r.edition,
            interviews: r.interviews,
            dimensions: r
                .dimensions
                .iter()
                .map(|d| DimensionOutput { key: d.key, score: d.result.score.to_f64(), stage: d.result.stage })
                .collect(),
            overall: ScoreAndStage { score: r.overall.score.to_f64(), stage: r.overall.stage },
            lowest: r.lowest.clone(),
            agreement: r.agreement.clone(),
            warnings: r.warnings.iter().map(|w| WarningOutput { code: w.code(), message: w.to_string() }).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interview(id: &str, consensus: &[u8]) -> InterviewScores {
        let keys = ["A", "B", "C", "D", "E", "F"];
        InterviewScores {
            id: id.into(),
            dimensions: keys
                .iter()
                .zip(consensus)
                .map(|(k, c)| {
                    let level = HalfPoints::from_whole(*c).expect("on scale");
                    ((*k).to_owned(), DimensionScores { scorers: Some((level, level)), consensus: level })
                })
                .collect(),
        }
    }

    /// The domain brief's worked example: dimension scores 4.00, 3.20, 5.40, 3.60, 4.20, 2.80.
    fn worked_example() -> AssessmentScores {
        // Columns A..F; each column sums to 20, 16, 27, 18, 21, 14 over five interviews.
        let rows = [[4, 3, 5, 4, 4, 3], [4, 3, 5, 3, 4, 3], [4, 3, 6, 4, 5, 2], [4, 4, 5, 3, 4, 3], [4, 3, 6, 4, 4, 3]];
        let interviews = rows.iter().enumerate().map(|(i, row)| interview(&format!("i{}", i + 1), row)).collect();
        AssessmentScores::new(Edition::Crm2006, interviews).expect("valid")
    }

    #[test]
    fn the_worked_example_is_stage_three_overall() {
        let results = results(&worked_example());
        let shown: Vec<(&str, i128, u8)> = results
            .dimensions
            .iter()
            .map(|d| (d.key, d.result.score.hundredths_for_display(), d.result.stage))
            .collect();
        assert_eq!(
            shown,
            vec![("A", 400, 4), ("B", 320, 3), ("C", 540, 5), ("D", 360, 3), ("E", 420, 4), ("F", 280, 2)]
        );
        assert_eq!(results.overall.score, Fraction::new(116, 30).expect("fraction"));
        assert_eq!(results.overall.score.hundredths_for_display(), 387);
        assert_eq!(results.overall.stage, 3);
        assert_eq!(results.lowest, vec!["F", "B"]);
        assert!(results.warnings.iter().all(|w| !matches!(w, Warning::FewInterviews { .. })));
    }

    #[test]
    fn stages_truncate_exactly_at_boundaries() {
        // Means of exactly 5.0, just under 5 (4.8 with half points) and 4.5.
        let exact = AssessmentScores::new(
            Edition::Crm2014,
            vec![InterviewScores {
                id: "a".into(),
                dimensions: ["A", "B", "C", "D", "E"].iter().map(|k| ((*k).into(), whole(5))).collect(),
            }],
        )
        .expect("valid");
        let r = results(&exact);
        assert!(r.dimensions.iter().all(|d| d.result.stage == 5));
        assert_eq!(r.overall.stage, 5);
        assert_eq!(r.warnings[0], Warning::FewInterviews { count: 1, recommended: 4 });

        // 0.1-style float sums never leak in: 3 × 4.9 is not representable, but 4.5 + 5 + 5 is.
        let mixed: Vec<InterviewScores> = [9u8, 10, 10]
            .iter()
            .enumerate()
            .map(|(i, half)| InterviewScores {
                id: format!("i{i}"),
                dimensions: ["A", "B", "C", "D", "E"]
                    .iter()
                    .map(|k| ((*k).into(), DimensionScores { scorers: None, consensus: HalfPoints(*half) }))
                    .collect(),
            })
            .collect();
        let r = results(&AssessmentScores::new(Edition::Crm2014, mixed).expect("valid"));
        assert_eq!(r.dimensions[0].result.score, Fraction::new(29, 6).expect("fraction"), "4.83…");
        assert_eq!(r.dimensions[0].result.stage, 4, "4.83 is stage 4, never 5");
        assert_eq!(r.warnings.last(), Some(&Warning::NoScorerPairs));
    }

    fn whole(level: u8) -> DimensionScores {
        let score = HalfPoints::from_whole(level).expect("on scale");
        DimensionScores { scorers: Some((score, score)), consensus: score }
    }

    #[test]
    fn half_points_parse_only_when_allowed() {
        assert_eq!(HalfPoints::parse(4.5, true), Ok(HalfPoints(9)));
        assert_eq!(HalfPoints::parse(4.5, false), Err(ScoreProblem::HalfPointNotAllowed));
        assert_eq!(HalfPoints::parse(4.25, true), Err(ScoreProblem::NotAStep));
        assert_eq!(HalfPoints::parse(0.5, true), Err(ScoreProblem::OffScale));
        assert_eq!(HalfPoints::parse(9.5, true), Err(ScoreProblem::OffScale));
        assert_eq!(HalfPoints::parse(f64::NAN, true), Err(ScoreProblem::NotAStep));
        assert_eq!(HalfPoints::parse(9.0, false), Ok(HalfPoints(18)));
    }

    #[test]
    fn input_errors_name_the_interview_and_dimension() {
        let parse = |json: &str| serde_json_like(json);
        let error = parse(
            r#"{"edition":"2014","half_points":false,"interviews":[{"id":"nr 3","scores":{"A":{"scorers":[4,5],"consensus":4},"B":{"consensus":4},"C":{"consensus":4},"D":{"consensus":4},"F":{"consensus":4}}}]}"#,
        );
        assert_eq!(
            error.as_deref(),
            Some("interview \"nr 3\": dimension \"F\" is not part of the 2014 edition (use A, B, C, D, E)")
        );
        let error =
            parse(r#"{"edition":"2006","interviews":[{"id":"x","scores":{"A":{"scorers":[4,10],"consensus":4}}}]}"#);
        assert_eq!(error.as_deref(), Some("interview \"x\", dimension A: 10 is off the scale 1–9"));
        let error = parse(r#"{"edition":"2006","interviews":[{"id":"x","scores":{"A":{"consensus":4.5}}}]}"#);
        assert!(error.is_some_and(|e| e.contains("half point")));
        let error = parse(r#"{"edition":"2006","interviews":[{"id":"x","scores":{"A":{"scorers":[4,4]}}}]}"#);
        assert_eq!(error.as_deref(), Some("interview \"x\", dimension A: the consensus score is missing"));
        let error = parse(r#"{"edition":"2006","interviews":[{"id":"x","scores":{"A":{"consensus":4}}}]}"#);
        assert_eq!(error.as_deref(), Some("interview \"x\": dimension B has no scores"));
    }

    fn serde_json_like(json: &str) -> Option<String> {
        let input: ScoreInput = serde_json::from_str(json).expect("input shape");
        input.parse().err().map(|e| e.to_string())
    }

    /// Any JSON value at all: refused with an error or scored, never a panic. Values are drawn
    /// near the shape of a real input (editions, dimension keys, numbers around the scale) so
    /// that the generator reaches the parser's checks, not only serde's.
    mod hostile_input {
        use super::*;
        use proptest::prelude::*;

        fn near_shape() -> impl Strategy<Value = serde_json::Value> {
            let number = prop_oneof![
                (-3.0f64..12.0).prop_map(|f| serde_json::json!((f * 4.0).round() / 4.0)),
                any::<i64>().prop_map(|i| serde_json::json!(i)),
                Just(serde_json::json!(1e300)),
            ];
            let dimension = (proptest::collection::vec(number.clone(), 0..4), proptest::option::of(number))
                .prop_map(|(scorers, consensus)| serde_json::json!({"scorers": scorers, "consensus": consensus}));
            let key =
                prop_oneof![Just("A"), Just("B"), Just("C"), Just("D"), Just("E"), Just("F"), Just("G"), Just("")];
            let scores = proptest::collection::btree_map(key, dimension, 0..8);
            let interview = (prop_oneof![Just("1"), Just("2"), Just("")], scores)
                .prop_map(|(id, scores)| serde_json::json!({"id": id, "scores": scores}));
            (
                prop_oneof![Just("2006"), Just("2014"), Just("2020")],
                any::<bool>(),
                proptest::collection::vec(interview, 0..6),
            )
                .prop_map(|(edition, half, interviews)| {
                    serde_json::json!({"edition": edition, "half_points": half, "interviews": interviews})
                })
        }

        fn any_json() -> impl Strategy<Value = serde_json::Value> {
            let leaf = prop_oneof![
                Just(serde_json::Value::Null),
                any::<bool>().prop_map(serde_json::Value::from),
                any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(serde_json::Value::from),
                ".{0,8}".prop_map(serde_json::Value::from),
            ];
            leaf.prop_recursive(4, 32, 6, |inner| {
                prop_oneof![
                    proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
                    proptest::collection::btree_map(".{0,6}", inner, 0..6)
                        .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
                ]
            })
        }

        fn score(value: serde_json::Value) {
            if let Ok(input) = serde_json::from_value::<ScoreInput>(value) {
                if let Ok(scores) = input.parse() {
                    let output = ScoreOutput::from(&results(&scores));
                    assert!(output.dimensions.iter().all(|d| (1..=9).contains(&d.stage)));
                }
            }
        }

        proptest! {
            #[test]
            fn inputs_near_the_shape_never_panic(value in near_shape()) {
                score(value);
            }

            #[test]
            fn any_json_never_panics(value in any_json()) {
                score(value);
            }
        }
    }
}
