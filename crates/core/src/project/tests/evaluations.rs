use std::collections::BTreeMap;

use crate::questionnaire::{self, Answers, Lists, RawAnswer, Threshold};

use super::super::evaluation::{compile, EvaluationStage};

fn response(relevant: f64, overall: f64, best: &str) -> Answers {
    let definition = questionnaire::builtin_by_id(questionnaire::EVENT_EVALUATION).expect("embedded");
    let raw: BTreeMap<String, RawAnswer> = [
        ("relevant", RawAnswer::Number(relevant)),
        ("learned", RawAnswer::Number(3.0)),
        ("apply", RawAnswer::Number(3.0)),
        ("format", RawAnswer::Number(4.0)),
        ("practical", RawAnswer::Number(4.0)),
        ("overall", RawAnswer::Number(overall)),
        ("best", RawAnswer::Text(best.into())),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    Answers::parse(definition, &raw, &Lists::new()).expect("valid")
}

#[test]
fn the_embedded_evaluations_are_offered_as_evaluations() {
    for id in [questionnaire::EVENT_EVALUATION, questionnaire::PROJECT_EVALUATION] {
        let definition = questionnaire::builtin_by_id(id).expect("embedded");
        assert_eq!(definition.purpose, questionnaire::Purpose::Evaluation);
        assert!(!definition.scales.is_empty());
    }
}

#[test]
fn events_are_compiled_side_by_side_and_together_above_the_threshold() {
    let definition = questionnaire::builtin_by_id(questionnaire::EVENT_EVALUATION).expect("embedded");
    let first: Vec<Answers> = vec![response(5.0, 4.0, "a"), response(4.0, 5.0, "b"), response(3.0, 3.0, "")];
    let second: Vec<Answers> = vec![response(2.0, 2.0, "c")];
    let groups = vec![first.iter().collect::<Vec<_>>(), second.iter().collect()];
    let threshold = Threshold::new(3).expect("valid");
    let compiled = compile(definition, &groups, threshold);
    assert_eq!(compiled.responses, vec![3, 1]);
    assert_eq!(compiled.total(), 4);
    let relevant = compiled.items.iter().find(|i| i.item == "relevant").expect("numbered");
    // (5 + 4 + 3) / 3 = 4 for the first; the second has one answer, under the threshold.
    assert_eq!(relevant.groups[0].mean, Some(4.0));
    assert_eq!((relevant.groups[1].n, relevant.groups[1].mean), (1, None));
    // (5 + 4 + 3 + 2) / 4 = 3.5 over both.
    assert_eq!(relevant.all.mean, Some(3.5));
    // Benefit is the mean of the first three statements: 11/3, 10/3 and 9/3 in the first group.
    let benefit = compiled.scales.iter().find(|s| s.scale == "benefit").expect("a scale");
    assert_eq!(benefit.groups[0].mean.map(|m| (m * 1e9).round()), Some((10.0f64 / 3.0 * 1e9).round()));
    assert_eq!((benefit.groups[1].n, benefit.groups[1].mean), (1, None));
    assert_eq!(benefit.all.mean.map(|m| (m * 1e9).round()), Some(((11.0 + 10.0 + 9.0 + 8.0) / 12.0 * 1e9f64).round()));
    let overall = compiled.items.iter().find(|i| i.item == "overall").expect("numbered");
    assert_eq!(overall.all.mean, Some(3.5));
    // Only numbered questions are compiled as means; free texts only from groups of three or more.
    assert!(compiled.items.iter().all(|i| i.item != "best"));
    let best = compiled.texts.iter().find(|t| t.item == "best").expect("texts");
    assert_eq!(best.texts, vec!["a".to_owned(), "b".to_owned()]);
}

#[test]
fn an_evaluation_is_anonymous_with_an_open_link_for_thirty_days_from_when_it_can_be_answered() {
    use super::super::evaluation::evaluation_draft;
    use time::macros::date;
    let event =
        evaluation_draft(EvaluationStage::Event, " Utvärdering ", "MI", date!(2026 - 05 - 04), date!(2026 - 05 - 01));
    assert_eq!((event.questionnaire.as_str(), event.title.as_str()), (questionnaire::EVENT_EVALUATION, "Utvärdering"));
    assert!(event.anonymous && event.open_link && !event.pair_code);
    assert_eq!((event.period.start(), event.period.end()), (Some(date!(2026 - 05 - 04)), Some(date!(2026 - 06 - 03))));
    // Made after the event: thirty days from today.
    let late =
        evaluation_draft(EvaluationStage::End, &"x".repeat(500), "", date!(2026 - 05 - 04), date!(2026 - 06 - 10));
    assert_eq!(late.period.end(), Some(date!(2026 - 07 - 10)));
    assert_eq!(late.questionnaire, questionnaire::PROJECT_EVALUATION);
    assert!(late.pair_code && late.title.chars().count() == questionnaire::round::TITLE_MAX);
}

#[test]
fn an_evaluation_indicator_is_the_periods_mean_grade_from_five_answers() {
    use super::super::evaluation::{evaluation_mean, EvaluationGrade};
    use crate::locale::scandinavian_moment;
    use crate::periods::Period;
    use time::macros::datetime;
    // 00:30 on 1 May in Stockholm is the second tertial's, though still April in UTC.
    let may = scandinavian_moment(datetime!(2026-05-01 00:30)).expect("a moment");
    let april = scandinavian_moment(datetime!(2026-04-30 23:30)).expect("a moment");
    let grade = |starts_at: i64, grade: f64| EvaluationGrade { starts_at, grade };
    let grades: Vec<EvaluationGrade> =
        [5.0, 4.0, 4.0, 3.0, 5.0].iter().map(|g| grade(may, *g)).chain([grade(april, 1.0)]).collect();
    let t2 = Period::parse("2026-T2").expect("period");
    let t1 = Period::parse("2026-T1").expect("period");
    assert_eq!(evaluation_mean(&t2, &grades), Some(4.2), "(5 + 4 + 4 + 3 + 5) / 5");
    assert_eq!(evaluation_mean(&t1, &grades), None, "one answer is under the threshold");
}

#[test]
fn stages_are_named_by_their_keys() {
    for stage in EvaluationStage::ALL {
        assert_eq!(EvaluationStage::parse(stage.key()), Ok(*stage));
    }
    assert!(EvaluationStage::parse("middle").is_err());
}
