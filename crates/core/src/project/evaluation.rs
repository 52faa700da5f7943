//! Compiling evaluations: the answers to each training event's evaluation side by side and over
//! all of a project's events (the "compilation of individual evaluations"), and the project
//! evaluation at its start against its end. No figure describes fewer respondents than the
//! threshold, so that nobody's answers can be read out of a small group.

use time::{Date, Duration};

use crate::choice::choice_enum;

use crate::initiative::Period as OpenPeriod;
use crate::questionnaire::round::{RoundDraft, ISSUE_MAX, TITLE_MAX};
use crate::questionnaire::{
    score_all, Answer, Answers, Definition, ScaleScores, Summary, Threshold, EVENT_EVALUATION, PROJECT_EVALUATION,
};

/// How long an evaluation takes answers after it opens.
pub const ANSWERING_DAYS: i64 = 30;

choice_enum!(
    /// Which evaluation a round is to a project: the one after a training event, or the project
    /// evaluation when the project starts and when it ends (compared with the start).
    EvaluationStage {
        Event => "event",
        Start => "start",
        End => "end",
    }
);

/// The round a project's evaluation is sent as: anonymous, with an open link (for a QR code in
/// the room), under the default threshold, taking answers from `opens` for thirty days — or for
/// thirty days from `today`, when it is made later. The project evaluation asks for pairing
/// codes, so that start and end can be compared person by person too.
pub fn evaluation_draft(stage: EvaluationStage, title: &str, issue: &str, opens: Date, today: Date) -> RoundDraft {
    let clipped = |text: &str, max: usize| text.chars().take(max).collect::<String>();
    let closes = opens.max(today) + Duration::days(ANSWERING_DAYS);
    RoundDraft {
        questionnaire: match stage {
            EvaluationStage::Event => EVENT_EVALUATION,
            EvaluationStage::Start | EvaluationStage::End => PROJECT_EVALUATION,
        }
        .to_owned(),
        title: clipped(title.trim(), TITLE_MAX),
        issue: clipped(issue.trim(), ISSUE_MAX),
        anonymous: true,
        open_link: true,
        threshold: Threshold::default(),
        period: OpenPeriod::new(Some(opens), Some(closes)).unwrap_or_default(),
        pair_code: stage != EvaluationStage::Event,
        previous_round: None,
        lists: Default::default(),
    }
}

/// The question of the event evaluation that grades the event as a whole (1–5), which an
/// indicator can follow.
pub const OVERALL_ITEM: &str = "overall";

/// One answer to an event evaluation's overall grade, with when its event began (Unix seconds).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EvaluationGrade {
    pub starts_at: i64,
    pub grade: f64,
}

/// The mean overall grade of the events in the period; none from fewer answers than the default
/// anonymity threshold (the events' evaluations are anonymous rounds under it).
pub fn evaluation_mean(period: &crate::periods::Period, grades: &[EvaluationGrade]) -> Option<f64> {
    let within =
        grades.iter().filter(|g| period.contains(crate::locale::scandinavian_date(g.starts_at))).map(|g| Some(g.grade));
    Summary::of(within, Threshold::DEFAULT).mean
}

/// One question answered with a number, in each group and over all of them.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledItem {
    pub item: String,
    /// Per group (an event, or before and after), in the order given.
    pub groups: Vec<Summary>,
    pub all: Summary,
}

/// Free-text answers to one question, from the groups large enough to show them.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledTexts {
    pub item: String,
    pub texts: Vec<String>,
}

/// One of the questionnaire's scales, in each group and over all of them.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledScale {
    pub scale: String,
    pub groups: Vec<Summary>,
    pub all: Summary,
}

/// Evaluations compiled side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Compilation {
    /// Responses per group, in the order given.
    pub responses: Vec<usize>,
    pub scales: Vec<CompiledScale>,
    pub items: Vec<CompiledItem>,
    pub texts: Vec<CompiledTexts>,
}

impl Compilation {
    pub fn total(&self) -> usize {
        self.responses.iter().sum()
    }
}

/// Compiles groups of responses to one questionnaire: each scale's and each numbered question's
/// mean per group and over all groups, and the free texts of every group that reaches the threshold (a text
/// from a group of two could be recognised as much as a mean could).
pub fn compile(definition: &Definition, groups: &[Vec<&Answers>], threshold: Threshold) -> Compilation {
    let number = |answers: &Answers, item: &str| match answers.get(item) {
        Some(Answer::Number(value)) => Some(*value),
        _ => None,
    };
    let items = definition
        .items()
        .filter(|item| item.kind.range().is_some())
        .map(|item| CompiledItem {
            item: item.id.clone(),
            groups: groups
                .iter()
                .map(|group| Summary::of(group.iter().map(|a| number(a, &item.id)), threshold))
                .collect(),
            all: Summary::of(groups.iter().flatten().map(|a| number(a, &item.id)), threshold),
        })
        .collect();
    let large_enough = |group: &&Vec<&Answers>| group.len() >= threshold.get() as usize;
    let texts = definition
        .items()
        .filter(|item| {
            matches!(
                item.kind,
                crate::questionnaire::ItemKind::ShortText { .. } | crate::questionnaire::ItemKind::LongText { .. }
            )
        })
        .map(|item| CompiledTexts {
            item: item.id.clone(),
            texts: groups
                .iter()
                .filter(large_enough)
                .flatten()
                .filter_map(|a| match a.get(&item.id) {
                    Some(Answer::Text(text)) => Some(text.clone()),
                    _ => None,
                })
                .collect(),
        })
        .filter(|t| !t.texts.is_empty())
        .collect();
    let scored: Vec<Vec<ScaleScores>> = groups.iter().map(|g| score_all(definition, g.iter().copied())).collect();
    let column = |scores: &[ScaleScores], k: usize| -> Vec<Option<f64>> {
        scores.iter().map(|s| s.get(k).and_then(|(_, v)| *v)).collect()
    };
    let scales = definition
        .scales
        .iter()
        .enumerate()
        .map(|(k, scale)| CompiledScale {
            scale: scale.id.clone(),
            groups: scored.iter().map(|g| Summary::of(column(g, k), threshold)).collect(),
            all: Summary::of(scored.iter().flat_map(|g| column(g, k)), threshold),
        })
        .collect();
    Compilation { responses: groups.iter().map(Vec::len).collect(), scales, items, texts }
}
