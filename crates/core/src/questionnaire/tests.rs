//! The engine's rules, with answers worked out by hand.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

fn raw(pairs: &[(&str, RawAnswer)]) -> BTreeMap<String, RawAnswer> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

fn n(v: f64) -> RawAnswer {
    RawAnswer::Number(v)
}

fn t(v: &str) -> RawAnswer {
    RawAnswer::Text(v.into())
}

fn scores_of(definition: &Definition, answers: &[(&str, RawAnswer)]) -> BTreeMap<String, Option<f64>> {
    let answers = Answers::parse(definition, &raw(answers), &Lists::new()).expect("answers fit");
    score(definition, &answers).into_iter().collect()
}

const TEXT: &str = "{ sv = \"Text\", da = \"Tekst\", en = \"Text\" }";

/// A small definition with one of each kind, a condition, a roster and scales of each rule.
fn sample() -> Definition {
    let source = format!(
        r#"
id = "sample"
purpose = "evaluation"
name = {TEXT}
description = {TEXT}

[response_sets.agree5]
min = 1
max = 5
labels = [{TEXT}, {TEXT}]

[[sections]]
id = "one"
title = {TEXT}

[[sections.items]]
id = "a1"
kind = "agreement"
responses = "agree5"
text = {TEXT}

[[sections.items]]
id = "a2"
kind = "agreement"
responses = "agree5"
text = {TEXT}

[[sections.items]]
id = "opt"
kind = "rating"
min = 0
max = 10
required = false
text = {TEXT}

[[sections.items]]
id = "vas"
kind = "line"
low = {TEXT}
high = {TEXT}
text = {TEXT}

[[sections.items]]
id = "went"
kind = "single"
options = [{{ key = "yes", label = {TEXT} }}, {{ key = "no", label = {TEXT} }}]
text = {TEXT}

[[sections.items]]
id = "why_not"
kind = "long_text"
show_if = {{ item = "went", any_of = ["no"] }}
text = {TEXT}

[[sections.items]]
id = "topics"
kind = "multiple"
required = false
options = [{{ key = "x", label = {TEXT} }}, {{ key = "y", label = {TEXT} }}, {{ key = "z", label = {TEXT} }}]
text = {TEXT}

[[sections.items]]
id = "when"
kind = "date"
required = false
text = {TEXT}

[[sections.items]]
id = "hours"
kind = "number"
min = 0
max = 100
decimals = 1
required = false
text = {TEXT}

[[sections.items]]
id = "name"
kind = "short_text"
max_length = 10
required = false
text = {TEXT}

[[sections.items]]
id = "meetings"
kind = "roster"
list = "meetings"
required = false
text = {TEXT}

[[sections.items.items]]
id = "attends"
kind = "single"
options = [{{ key = "yes", label = {TEXT} }}, {{ key = "no", label = {TEXT} }}]
text = {TEXT}

[[sections.items.items]]
id = "useful"
kind = "rating"
min = 1
max = 4
show_if = {{ item = "attends", any_of = ["yes"] }}
text = {TEXT}

[[scales]]
id = "mean"
name = {TEXT}
items = ["a1", "a2", "opt"]
rule = "mean"
reversed = ["a2"]

[[scales]]
id = "sum"
name = {TEXT}
items = ["a1", "vas"]
rule = "sum"

[[scales]]
id = "product"
name = {TEXT}
items = ["mean", "sum"]
rule = "product"
"#
    );
    Definition::from_toml(&source).expect("the sample parses")
}

#[test]
fn the_embedded_questionnaires_parse_and_follow_their_models() {
    let ids: Vec<&str> = builtin().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["oric", "hexagon", "rmc2", EVENT_EVALUATION, PROJECT_EVALUATION], "every embedded file parses");
    let oric = builtin_by_id("oric").expect("oric");
    let members = |d: &Definition, s: &str| d.scale(s).expect("scale").items.len();
    assert_eq!((members(oric, "commitment"), members(oric, "efficacy")), (5, 7));
    let hexagon = builtin_by_id("hexagon").expect("hexagon");
    assert_eq!(hexagon.scale("total").expect("total").items, ["programme", "site"]);
    let rmc2 = builtin_by_id("rmc2").expect("rmc2");
    assert_eq!(rmc2.scale("readiness").expect("readiness").rule, Rule::Product);
    assert_eq!(rmc2.scale_range("readiness"), Some((1.0, 125.0)));
    assert_eq!(hexagon.scale_range("total"), Some((6.0, 30.0)));
    assert_eq!(oric.scale_range("efficacy"), Some((1.0, 5.0)));
    // The readiness instruments follow published models; the evaluations are Parat's own.
    for d in builtin() {
        let evaluation = [EVENT_EVALUATION, PROJECT_EVALUATION].contains(&d.id.as_str());
        assert_eq!(d.follows.is_some(), !evaluation, "{} says which model it follows", d.id);
        assert_eq!(d.purpose, if evaluation { Purpose::Evaluation } else { Purpose::Readiness });
    }
}

#[test]
fn scores_are_the_hand_computed_ones() {
    let d = sample();
    // mean: a1 = 4, a2 = 2 reversed → 1 + 5 − 2 = 4, opt = 7 → (4 + 4 + 7) / 3 = 5.
    // sum: 4 + 6.5 = 10.5. product: 5 × 10.5 = 52.5.
    let s = scores_of(&d, &[("a1", n(4.0)), ("a2", n(2.0)), ("opt", n(7.0)), ("vas", n(6.5)), ("went", t("yes"))]);
    assert_eq!((s["mean"], s["sum"], s["product"]), (Some(5.0), Some(10.5), Some(52.5)));
    // The optional item unanswered is left out: (4 + 4) / 2 = 4.
    let s = scores_of(&d, &[("a1", n(4.0)), ("a2", n(2.0)), ("vas", n(6.5))]);
    assert_eq!((s["mean"], s["product"]), (Some(4.0), Some(42.0)));
    // A required item unanswered: no score, and none for the scale built on it.
    let s = scores_of(&d, &[("a1", n(4.0)), ("vas", n(6.5))]);
    assert_eq!((s["mean"], s["sum"], s["product"]), (None, Some(10.5), None));
}

#[test]
fn the_embedded_scorings_give_the_hand_computed_results() {
    let oric = builtin_by_id("oric").expect("oric");
    let answers: Vec<(String, RawAnswer)> = ["c1", "c2", "c3", "c4", "c5"]
        .iter()
        .zip([5.0, 4.0, 4.0, 3.0, 5.0])
        .map(|(k, v)| ((*k).into(), n(v)))
        .collect();
    let mut all = answers.clone();
    all.extend(
        ["e1", "e2", "e3", "e4", "e5", "e6", "e7"]
            .iter()
            .zip([2.0, 3.0, 3.0, 4.0, 2.0, 3.0, 4.0])
            .map(|(k, v)| ((*k).into(), n(v))),
    );
    let refs: Vec<(&str, RawAnswer)> = all.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let s = scores_of(oric, &refs);
    // Commitment 21 / 5 = 4.2; efficacy 21 / 7 = 3.
    assert_eq!((s["commitment"], s["efficacy"]), (Some(4.2), Some(3.0)));

    let hexagon = builtin_by_id("hexagon").expect("hexagon");
    let s = scores_of(
        hexagon,
        &[
            ("evidence", n(4.0)),
            ("usability", n(3.0)),
            ("support", n(2.0)),
            ("need", n(5.0)),
            ("fit", n(4.0)),
            ("capacity", n(1.0)),
        ],
    );
    assert_eq!((s["programme"], s["site"], s["total"]), (Some(9.0), Some(10.0), Some(19.0)));

    let rmc2 = builtin_by_id("rmc2").expect("rmc2");
    let mut answers: Vec<(&str, RawAnswer)> = Vec::new();
    // Motivation: complexity 4 reverses to 2; (4 + 4 + 2 + 3 + 4 + 1) / 6 = 3.
    for (k, v) in [
        ("m_advantage", 4.0),
        ("m_compatibility", 4.0),
        ("m_complexity", 4.0),
        ("m_trialability", 3.0),
        ("m_observability", 4.0),
        ("m_priority", 1.0),
    ] {
        answers.push((k, n(v)));
    }
    // General capacity: 16 / 8 = 2. Innovation-specific: 20 / 5 = 4. Readiness 3 × 2 × 4 = 24.
    for k in [
        "g_culture",
        "g_climate",
        "g_innovativeness",
        "g_resources",
        "g_leadership",
        "g_structure",
        "g_staff",
        "g_process",
    ] {
        answers.push((k, n(2.0)));
    }
    for k in ["s_knowledge", "s_champion", "s_climate", "s_internal", "s_external"] {
        answers.push((k, n(4.0)));
    }
    let s = scores_of(rmc2, &answers);
    assert_eq!(
        (s["motivation"], s["general"], s["specific"], s["readiness"]),
        (Some(3.0), Some(2.0), Some(4.0), Some(24.0))
    );
}

#[test]
fn answers_are_parsed_against_their_items() {
    let d = sample();
    let parse = |pairs: &[(&str, RawAnswer)]| Answers::parse(&d, &raw(pairs), &Lists::new());
    let problem = |pairs: &[(&str, RawAnswer)]| parse(pairs).expect_err("refused").problem;
    assert_eq!(problem(&[("a1", n(6.0))]), AnswerProblem::OffScale { min: 1.0, max: 5.0 });
    assert_eq!(problem(&[("a1", n(2.5))]), AnswerProblem::TooPrecise { decimals: 0 });
    assert_eq!(problem(&[("vas", n(6.55))]), AnswerProblem::TooPrecise { decimals: 1 });
    assert_eq!(problem(&[("vas", t("sex"))]), AnswerProblem::NotANumber);
    assert_eq!(problem(&[("went", t("maybe"))]), AnswerProblem::UnknownOption("maybe".into()));
    assert_eq!(problem(&[("went", n(1.0))]), AnswerProblem::WrongShape { kind: "single" });
    assert_eq!(problem(&[("when", t("2026-02-30"))]), AnswerProblem::NotADate);
    assert_eq!(problem(&[("name", t("elva tecken"))]), AnswerProblem::TooLong { max: 10 });
    assert_eq!(problem(&[("name", t("a\u{7}b"))]), AnswerProblem::ControlCharacters);
    let unknown = parse(&[("nope", n(1.0))]).expect_err("refused");
    assert_eq!(unknown.item, "nope");

    // A decimal comma, as Swedish and Danish forms write it; blank means unanswered.
    let answers =
        parse(&[("vas", t(" 6,5 ")), ("hours", t("")), ("topics", RawAnswer::List(vec!["z".into(), "x".into()]))])
            .expect("fits");
    assert_eq!(answers.get("vas"), Some(&Answer::Number(6.5)));
    assert_eq!(answers.get("hours"), None);
    assert_eq!(
        answers.get("topics"),
        Some(&Answer::Choices(vec!["x".into(), "z".into()])),
        "in the definition's order"
    );
    assert_eq!(
        parse(&[("when", t("2026-11-28"))]).expect("date").get("when").map(|a| format!("{a:?}")),
        Some("Date(2026-11-28)".into())
    );
}

#[test]
fn conditions_decide_what_is_asked_and_required() {
    let d = sample();
    let parse = |pairs: &[(&str, RawAnswer)]| Answers::parse(&d, &raw(pairs), &Lists::new()).expect("fits");
    let missing = |answers: &Answers| answers.missing(&d).iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    // Not asked unless "no": an answer to it is dropped, and it is not missing.
    let went = parse(&[("went", t("yes")), ("why_not", t("bussen"))]);
    assert_eq!(went.get("why_not"), None);
    assert_eq!(missing(&went), ["a1", "a2", "vas"]);
    let stayed = parse(&[("went", t("no"))]);
    assert_eq!(missing(&stayed), ["a1", "a2", "vas", "why_not"]);
}

#[test]
fn a_roster_answers_per_entry_of_its_list() {
    let d = sample();
    let lists: Lists = [("meetings".to_owned(), vec!["m1".to_owned(), "m2".to_owned()])].into();
    let entries = |rows: &[(&str, &[(&str, RawAnswer)])]| {
        RawAnswer::Entries(rows.iter().map(|(e, pairs)| ((*e).to_owned(), raw(pairs))).collect())
    };
    let roster = entries(&[
        ("m1", &[("attends", t("yes")), ("useful", n(3.0))]),
        ("m2", &[("attends", t("no")), ("useful", n(4.0))]),
    ]);
    let answers = Answers::parse(&d, &raw(&[("meetings", roster)]), &lists).expect("fits");
    let Some(Answer::Roster(rows)) = answers.get("meetings") else { panic!("a roster answer") };
    assert_eq!(rows["m1"].get("useful"), Some(&Answer::Number(3.0)));
    assert_eq!(rows["m2"].get("useful"), None, "not asked for a meeting they do not attend");

    let unknown = entries(&[("m9", &[("attends", t("yes"))])]);
    let error = Answers::parse(&d, &raw(&[("meetings", unknown)]), &lists).expect_err("refused");
    assert_eq!(error.problem, AnswerProblem::UnknownEntry("m9".into()));
    let off = entries(&[("m1", &[("attends", t("yes")), ("useful", n(5.0))])]);
    let error = Answers::parse(&d, &raw(&[("meetings", off)]), &lists).expect_err("refused");
    assert!(
        matches!(error.problem, AnswerProblem::InRoster { ref entry, ref item, .. } if entry == "m1" && item == "useful")
    );
    // An entry attended but not rated lacks a required sub-item.
    let unrated = entries(&[("m1", &[("attends", t("yes"))])]);
    let answers = Answers::parse(&d, &raw(&[("meetings", unrated)]), &lists).expect("fits");
    assert!(answers.missing(&d).iter().any(|i| i.id == "meetings"));
}

#[test]
fn broken_definitions_say_what_is_wrong() {
    let base = sample();
    assert_eq!(base.sections[0].items.len(), 11);
    let item = |extra: &str| {
        format!(
            "id = \"x\"\npurpose = \"other\"\nname = {TEXT}\ndescription = {TEXT}\n[[sections]]\nid = \"s\"\ntitle = {TEXT}\n{extra}"
        )
    };
    let rating = |id: &str, extra: &str| {
        format!("[[sections.items]]\nid = \"{id}\"\nkind = \"rating\"\nmin = 1\nmax = 5\ntext = {TEXT}\n{extra}\n")
    };
    let error = |text: String| Definition::from_toml(&text).expect_err("refused");
    assert_eq!(
        error(item(&format!("{}{}", rating("a", ""), rating("a", "")))),
        DefinitionError::DuplicateId("a".into())
    );
    assert!(matches!(error(item(&rating("Bad Id", ""))), DefinitionError::BadId(_)));
    assert!(matches!(
        error(item(&rating("a", "show_if = { item = \"b\", any_of = [\"1\"] }"))),
        DefinitionError::Condition { .. }
    ));
    assert!(matches!(
        error(item(
            "[[sections.items]]\nid = \"a\"\nkind = \"slider\"\ntext = { sv = \"T\", da = \"T\", en = \"T\" }\n"
        )),
        DefinitionError::UnknownKind { .. }
    ));
    assert!(matches!(
        error(item(&rating("a", "labels = [{ sv = \"T\", da = \"T\", en = \"T\" }]"))),
        DefinitionError::Item { .. }
    ));
    assert!(matches!(error(item(&rating("a", "text2 = 1"))), DefinitionError::Syntax(_)));
    let scale = |members: &str, rule: &str| {
        format!("{}[[scales]]\nid = \"sc\"\nname = {TEXT}\nitems = {members}\nrule = \"{rule}\"\n", rating("a", ""))
    };
    assert!(
        matches!(error(item(&scale("[\"sc\"]", "mean"))), DefinitionError::ScaleMember { .. }),
        "a scale cannot name itself"
    );
    assert!(matches!(error(item(&scale("[\"zz\"]", "mean"))), DefinitionError::ScaleMember { .. }));
    assert!(matches!(error(item(&scale("[\"a\"]", "median"))), DefinitionError::Syntax(_)));
    let empty_da = item(&rating("a", "").replace("da = \"Tekst\"", "da = \" \""));
    assert!(matches!(error(empty_da), DefinitionError::EmptyText { locale: crate::locale::Locale::Da, .. }));
}

#[test]
fn a_mean_is_shown_only_for_a_group_at_the_threshold() {
    let three = [Some(2.0), None, Some(4.0), Some(3.0)];
    assert_eq!(Summary::of(three, Threshold::new(3).expect("3")), Summary { n: 3, mean: Some(3.0) });
    assert_eq!(Summary::of(three, Threshold::new(4).expect("4")), Summary { n: 3, mean: None });
    assert_eq!(Threshold::new(0), None);
    assert_eq!(Threshold::default().get(), 5);
}

proptest! {
    /// A mean scale of answered agreement items lies on the scale, and a summary's mean exists
    /// exactly when enough respondents have a score.
    #[test]
    fn means_stay_on_the_scale(a1 in 1u8..=5, a2 in 1u8..=5, opt in proptest::option::of(0u8..=10), vas in 0u16..=100) {
        let d = sample();
        let mut pairs = vec![("a1", n(f64::from(a1))), ("a2", n(f64::from(a2))), ("vas", n(f64::from(vas) / 10.0))];
        if let Some(opt) = opt {
            pairs.push(("opt", n(f64::from(opt))));
        }
        let s = scores_of(&d, &pairs);
        let mean = s["mean"].expect("answered");
        // Between the lowest and highest member value (a2 reversed: 6 − a2).
        let members: Vec<f64> = [Some(a1), Some(6 - a2), opt].into_iter().flatten().map(f64::from).collect();
        let (low, high) = members.iter().fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(*v), h.max(*v)));
        prop_assert!(mean >= low - 1e-9 && mean <= high + 1e-9, "{} not in {}–{}", mean, low, high);
        let product = s["product"].expect("answered");
        prop_assert!((product - mean * s["sum"].expect("answered")).abs() < 1e-9);
    }

    #[test]
    fn summaries_respect_the_threshold(scores in proptest::collection::vec(proptest::option::of(0.0f64..10.0), 0..20), threshold in 1i64..10) {
        let summary = Summary::of(scores.clone(), Threshold::new(threshold).expect("threshold"));
        let n = scores.iter().flatten().count();
        prop_assert_eq!(summary.n, n);
        prop_assert_eq!(summary.mean.is_some(), n as i64 >= threshold && n > 0);
    }
}

mod builder {
    use super::super::builder::{ItemInput, Move, NewInput};
    use super::super::definition::Source;
    use super::super::{Definition, ItemKind, BUILTIN_SOURCES, MODULE_SOURCES};
    use crate::locale::Locale;
    use crate::validation::Problem;

    #[test]
    fn every_embedded_definition_survives_a_round_trip_through_its_file_form() {
        for text in BUILTIN_SOURCES.iter().chain(MODULE_SOURCES) {
            let source = Source::from_toml(text).expect("reads");
            let written = source.to_toml();
            assert_eq!(Source::from_toml(&written).expect("reads back"), source);
            assert_eq!(Definition::from_toml(&written), Definition::from_toml(text));
        }
    }

    fn item(kind: &str, text: &str) -> ItemInput {
        ItemInput { kind: kind.into(), text: text.into(), required: "on".into(), ..ItemInput::default() }
    }

    fn new_draft() -> Source {
        let input = NewInput { name: "Utvärdering av utbildningsdagen".into(), ..NewInput::default() };
        input.parse(Locale::Sv, |id| id == "utvardering-av-utbildningsdag").expect("a name is enough")
    }

    #[test]
    fn a_questionnaire_is_built_item_by_item_and_checks_only_when_it_has_items() {
        let mut draft = new_draft();
        assert_eq!(draft.id, "utvardering-av-utbildningsdage", "a slug of the name, 30 long at most");
        assert!(draft.clone().check().is_err(), "no items yet: not ready to send");

        let q1 = item("agreement", "Dagen var till nytta i mitt arbete.").parse("q1", Locale::Sv, None).expect("q1");
        draft.add_item("", q1).expect("added");
        let mut choice = item("single", "Vilken roll har du?");
        choice.options = "Handläggare\n\nChef\n  Annan  ".into();
        let q2 = choice.parse(&draft.next_item_id(), Locale::Sv, None).expect("q2");
        assert_eq!(q2.id, "q2");
        draft.add_item("", q2).expect("added");
        let mut line = item("line", "Hur nöjd är du totalt?");
        line.low = "Inte alls".into();
        line.high = "Mycket".into();
        draft.add_item("", line.parse("q3", Locale::Sv, None).expect("q3")).expect("added");

        let definition = draft.clone().check().expect("ready");
        let ids: Vec<&str> = definition.items().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["q1", "q2", "q3"]);
        match &definition.item("q2").expect("q2").kind {
            ItemKind::Single { options } => {
                let labels: Vec<&str> = options.iter().map(|o| o.label.get(Locale::Sv)).collect();
                assert_eq!(labels, ["Handläggare", "Chef", "Annan"], "blank lines dropped, spaces trimmed");
            }
            other => panic!("{other:?}"),
        }
        match &definition.item("q1").expect("q1").kind {
            ItemKind::Agreement(steps) => assert_eq!((steps.min, steps.max, steps.labels.len()), (1, 5, 2)),
            other => panic!("{other:?}"),
        }
        // Written in Swedish: the same words stand in Danish and English until translated.
        assert_eq!(definition.item("q1").expect("q1").text.get(Locale::En), "Dagen var till nytta i mitt arbete.");

        draft.move_item("q3", Move::Up).expect("moves");
        draft.move_item("q3", Move::Up).expect("moves");
        draft.move_item("q3", Move::Up).expect("stays first");
        let order: Vec<String> = draft.sections[0].items.iter().map(|i| i.id.clone()).collect();
        assert_eq!(order, ["q3", "q1", "q2"]);
        draft.add_section("Om dig", Locale::Sv).expect("a section");
        draft.move_item("q2", Move::Down).expect("into the next section");
        assert_eq!(draft.sections[1].items[0].id, "q2");
        draft.remove_item("q1").expect("removed");
        assert!(draft.item("q1").is_none());
        assert_eq!(draft.next_item_id(), "q1", "a free id is used again");
    }

    #[test]
    fn an_edit_in_one_language_keeps_translations_and_option_keys() {
        let mut choice = item("multiple", "Vad tog du med dig?");
        choice.options = "Metoden\nKontakter".into();
        let mut first = choice.parse("q1", Locale::Sv, None).expect("q1");
        first.options[1].label = first.options[1].label.translated(Locale::En, "Contacts");
        let mut changed = choice.clone();
        changed.options = "Metoden i praktiken\nKontakter\nMaterial".into();
        changed.text = "Vad tar du med dig?".into();
        let second = changed.parse("q1", Locale::Sv, Some(&first)).expect("edited");
        let keys: Vec<&str> = second.options.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, [first.options[0].key.as_str(), first.options[1].key.as_str(), "o3"]);
        assert_eq!(second.options[1].label.get(Locale::En), "Contacts", "a translation stays");
        assert_eq!(second.options[0].label.get(Locale::Da), "Metoden i praktiken", "an untranslated text follows");
        assert_eq!(second.text.get(Locale::En), "Vad tar du med dig?");
    }

    #[test]
    fn bad_item_fields_say_which_field_and_why() {
        let errors = item("single", "Roll?").parse("q1", Locale::Sv, None).expect_err("one option");
        assert_eq!(errors.get("options"), Some(Problem::OptionCount { min: 2, max: 40 }));
        let mut rating = item("rating", "Betyg?");
        rating.min = "10".into();
        rating.max = "1".into();
        assert_eq!(
            rating.parse("q1", Locale::Sv, None).expect_err("downwards").get("max"),
            Some(Problem::EndBeforeStart)
        );
        rating.min = "tio".into();
        assert_eq!(rating.parse("q1", Locale::Sv, None).expect_err("text").get("min"), Some(Problem::NotANumber));
        let errors = item("roster", "Möten").parse("q1", Locale::Sv, None).expect_err("not built here");
        assert_eq!(errors.get("kind"), Some(Problem::NotChosen));
        let errors = item("line", "").parse("q1", Locale::Sv, None).expect_err("no text, no ends");
        assert_eq!(errors.get("text"), Some(Problem::Required));
        assert_eq!(errors.get("low"), Some(Problem::Required));
    }

    #[test]
    fn an_item_a_condition_or_scale_needs_cannot_be_removed() {
        let mut oric = Source::from_toml(BUILTIN_SOURCES[0]).expect("oric");
        assert_eq!(oric.remove_item("c1"), Err(super::super::builder::EditError::InUse));
        assert_eq!(oric.remove_item("nope"), Err(super::super::builder::EditError::NotFound));
    }
}

mod pairing {
    use super::super::pairing::{compare, paired_change, PairInput};
    use super::super::{builtin_by_id, Threshold};
    use crate::validation::Problem;

    fn code(letters: &str, day: &str, digits: &str) -> PairInput {
        PairInput { letters: letters.into(), day: day.into(), digits: digits.into() }
    }

    #[test]
    fn a_code_is_written_one_way_however_it_is_typed() {
        let a = code(" an", "7", "42").parse().expect("valid").expect("a code");
        let b = code("AN", "07", "42 ").parse().expect("valid").expect("a code");
        assert_eq!(a, b);
        assert_eq!(a.as_str(), "AN-07-42");
        assert_eq!(code("Ås", "31", "00").parse().expect("valid").expect("code").as_str(), "ÅS-31-00");
        assert_eq!(code("", " ", "").parse(), Ok(None), "a code is optional");
        let errors = code("A", "32", "4x").parse().expect_err("all three wrong");
        assert_eq!(errors.get("pair-letters"), Some(Problem::PairLetters));
        assert_eq!(errors.get("pair-day"), Some(Problem::OutOfRange { min: 1, max: 31 }));
        assert_eq!(errors.get("pair-digits"), Some(Problem::PairDigits));
        assert!(code("AN", "", "").parse().is_err(), "half a code is not a code");
    }

    /// ORIC's two scales as scores: (commitment, efficacy).
    fn scores(commitment: Option<f64>, efficacy: Option<f64>) -> Vec<(String, Option<f64>)> {
        vec![("commitment".into(), commitment), ("efficacy".into(), efficacy)]
    }

    #[test]
    fn paired_change_is_the_mean_of_each_pairs_difference_and_respects_the_threshold() {
        let oric = builtin_by_id("oric").expect("oric");
        let pairs = vec![
            (scores(Some(2.0), Some(3.0)), scores(Some(3.0), Some(3.5))),
            (scores(Some(4.0), None), scores(Some(4.4), Some(4.0))),
            (scores(Some(3.0), Some(2.0)), scores(Some(2.0), Some(4.0))),
        ];
        let three = Threshold::new(3).expect("3");
        let change = paired_change(oric, &pairs, three);
        let commitment = change["commitment"];
        assert_eq!(commitment.n, 3);
        // Before (2 + 4 + 3) / 3 = 3; after (3 + 4.4 + 2) / 3 = 3.1333…; change (1 + 0.4 − 1) / 3.
        assert!((commitment.before.expect("shown") - 3.0).abs() < 1e-9);
        assert!((commitment.after.expect("shown") - 9.4 / 3.0).abs() < 1e-9);
        assert!((commitment.change.expect("shown") - 0.4 / 3.0).abs() < 1e-9);
        // Efficacy: the second pair has no score before, so two pairs: under the threshold of 3.
        let efficacy = change["efficacy"];
        assert_eq!((efficacy.n, efficacy.before, efficacy.change), (2, None, None));
        let two = paired_change(oric, &pairs, Threshold::new(2).expect("2"))["efficacy"];
        assert!((two.change.expect("shown") - 1.25).abs() < 1e-9, "((3.5 − 3) + (4 − 2)) / 2");
    }

    #[test]
    fn rounds_side_by_side_count_everyone_in_each() {
        let oric = builtin_by_id("oric").expect("oric");
        let before = vec![scores(Some(2.0), Some(2.0)), scores(Some(4.0), None)];
        let after = vec![scores(Some(5.0), Some(1.0))];
        let rows = compare(oric, &before, &after, Threshold::new(1).expect("1"));
        assert_eq!(rows[0].0, "commitment");
        assert_eq!((rows[0].1.n, rows[0].1.mean, rows[0].2.n, rows[0].2.mean), (2, Some(3.0), 1, Some(5.0)));
        assert_eq!((rows[1].1.n, rows[1].1.mean), (1, Some(2.0)));
    }
}

mod lowest {
    use super::super::answer::{Answers, Lists, RawAnswer};
    use super::super::{builtin_by_id, lowest_areas, Threshold};

    fn answers(definition: &super::super::Definition, values: &[(&str, f64)]) -> Answers {
        let raw = values.iter().map(|(id, v)| ((*id).to_owned(), RawAnswer::Number(*v))).collect();
        Answers::parse(definition, &raw, &Lists::new()).expect("valid answers")
    }

    #[test]
    fn the_two_lowest_areas_and_ties_with_the_second() {
        let hexagon = builtin_by_id("hexagon").expect("hexagon");
        let areas = ["evidence", "usability", "support", "need", "fit", "capacity"];
        // Area means over two teams: evidence 2, usability 3, support 3, need 4.5, fit 5, capacity 4.
        let teams = [
            answers(
                hexagon,
                &areas.iter().zip([1.0, 3.0, 2.0, 4.0, 5.0, 4.0]).map(|(a, v)| (*a, v)).collect::<Vec<_>>(),
            ),
            answers(
                hexagon,
                &areas.iter().zip([3.0, 3.0, 4.0, 5.0, 5.0, 4.0]).map(|(a, v)| (*a, v)).collect::<Vec<_>>(),
            ),
        ];
        let lowest = lowest_areas(hexagon, teams.iter(), Threshold::new(2).expect("2"));
        assert_eq!(lowest, [("evidence".to_owned(), 2.0), ("usability".to_owned(), 3.0), ("support".to_owned(), 3.0)]);
        assert!(lowest_areas(hexagon, teams.iter(), Threshold::new(3).expect("3")).is_empty(), "under the threshold");
    }
}

mod stored {
    use std::collections::BTreeMap;

    use super::super::answer::{Answers, Lists, RawAnswer, StoredKinds};
    use super::super::Definition;

    const DEFINITION: &str = r#"
id = "alla"
purpose = "other"
name = { sv = "Alla", da = "Alle", en = "All" }
description = { sv = "Alla slag", da = "Alle slags", en = "Every kind" }
[[sections]]
id = "s"
title = { sv = "S", da = "S", en = "S" }
[[sections.items]]
id = "n"
kind = "number"
text = { sv = "Tal", da = "Tal", en = "Number" }
decimals = 1
[[sections.items]]
id = "one"
kind = "single"
text = { sv = "Ett", da = "Et", en = "One" }
options = [{ key = "a", label = { sv = "A", da = "A", en = "A" } }, { key = "b", label = { sv = "B", da = "B", en = "B" } }]
[[sections.items]]
id = "many"
kind = "multiple"
text = { sv = "Flera", da = "Flere", en = "Several" }
options = [{ key = "a", label = { sv = "A", da = "A", en = "A" } }, { key = "b", label = { sv = "B", da = "B", en = "B" } }]
[[sections.items]]
id = "when"
kind = "date"
text = { sv = "När", da = "Hvornår", en = "When" }
[[sections.items]]
id = "note"
kind = "long_text"
text = { sv = "Text", da = "Tekst", en = "Text" }
[[sections.items]]
id = "meetings"
kind = "roster"
list = "m"
text = { sv = "Möten", da = "Møder", en = "Meetings" }
[[sections.items.items]]
id = "useful"
kind = "rating"
min = 1
max = 4
text = { sv = "Nytta", da = "Nytte", en = "Use" }
"#;

    /// What is stored is what was parsed: read back without checks, it is the same answers.
    #[test]
    fn stored_answers_read_back_as_they_were_parsed() {
        let definition = Definition::from_toml(DEFINITION).expect("valid");
        let lists: Lists = [("m".to_owned(), vec!["e1".to_owned(), "e2".to_owned()])].into_iter().collect();
        let row: BTreeMap<String, RawAnswer> = [("useful".to_owned(), RawAnswer::Number(3.0))].into_iter().collect();
        let raw: BTreeMap<String, RawAnswer> = [
            ("n", RawAnswer::Text("2,5".into())),
            ("one", RawAnswer::Text("b".into())),
            ("many", RawAnswer::List(vec!["b".into(), "a".into()])),
            ("when", RawAnswer::Text("2027-03-01".into())),
            ("note", RawAnswer::Text("Bra dag\nTack".into())),
            ("meetings", RawAnswer::Entries([("e2".to_owned(), row)].into_iter().collect())),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        let parsed = Answers::parse(&definition, &raw, &lists).expect("valid");
        // Stored as JSON, read back as raw values of the JSON's shapes.
        let json = serde_json::to_value(&parsed).expect("json");
        let back: BTreeMap<String, RawAnswer> = serde_json::from_value(json).expect("raw");
        let kinds = StoredKinds::of(&definition);
        assert_eq!(Answers::from_stored(&kinds, back), parsed);
        // Something that does not have its kind's shape is left out, never trusted.
        let odd: BTreeMap<String, RawAnswer> =
            [("one".to_owned(), RawAnswer::Number(1.0)), ("nope".to_owned(), RawAnswer::Text("x".into()))]
                .into_iter()
                .collect();
        assert!(Answers::from_stored(&kinds, odd).is_empty());
    }
}
