use crate::locale::Locale;
use crate::periods::{Period, PeriodKind};
use crate::project::indicator::indicator_number;
use crate::project::{
    derived_status, Direction, IndicatorInput, IndicatorSource, IndicatorStatus, PeriodEntryInput, Records,
};
use crate::Problem;
use IndicatorStatus::{AtRisk, OffTrack, OnTrack};

#[test]
fn a_status_follows_from_how_far_the_value_has_come_from_baseline_to_target() {
    // (value, baseline, target, direction, status): four fifths of the way is at risk.
    let cases = [
        (40.0, 0.0, 40.0, Direction::Increase, OnTrack),
        (55.0, 0.0, 40.0, Direction::Increase, OnTrack),
        (32.0, 0.0, 40.0, Direction::Increase, AtRisk),
        (31.9, 0.0, 40.0, Direction::Increase, OffTrack),
        (18.0, 10.0, 20.0, Direction::Increase, AtRisk),
        (17.9, 10.0, 20.0, Direction::Increase, OffTrack),
        // Waiting time in days, from 30 down to 10: 14 is four fifths of the way.
        (14.0, 30.0, 10.0, Direction::Decrease, AtRisk),
        (14.5, 30.0, 10.0, Direction::Decrease, OffTrack),
        (9.0, 30.0, 10.0, Direction::Decrease, OnTrack),
        // A target equal to the baseline is kept or not.
        (5.0, 5.0, 5.0, Direction::Increase, OnTrack),
        (4.0, 5.0, 5.0, Direction::Increase, OffTrack),
        // A target below the baseline on a rising indicator is already kept.
        (3.0, 5.0, 2.0, Direction::Increase, OnTrack),
    ];
    for (value, baseline, target, direction, status) in cases {
        assert_eq!(
            derived_status(value, baseline, target, direction),
            status,
            "{value} {baseline} {target} {direction:?}"
        );
    }
}

#[test]
fn an_indicator_is_read_with_numbers_as_people_write_them() {
    let input = IndicatorInput {
        name: "Deltagare som når arbete eller studier".into(),
        unit: "%".into(),
        baseline: "12,5".into(),
        target: "1 000".into(),
        every: "tertial".into(),
        source: "manual".into(),
        direction: "increase".into(),
        ..Default::default()
    };
    let draft = input.parse(Locale::Sv).expect("valid");
    assert_eq!((draft.baseline, draft.target, draft.every, draft.goal_id), (12.5, 1000.0, PeriodKind::Tertial, None));
    let wrong = IndicatorInput { target: "många".into(), every: "week".into(), goal_id: "x".into(), ..input };
    let problems: Vec<_> =
        wrong.parse(Locale::Sv).expect_err("refused").0.into_iter().map(|e| (e.field, e.problem)).collect();
    assert_eq!(
        problems,
        vec![("target", Problem::NotANumber), ("every", Problem::NotChosen), ("goal_id", Problem::UnknownChoice)]
    );
}

#[test]
fn numbers_are_read_as_each_language_writes_them() {
    let cases = [
        ("1 250,5", Locale::Sv, 1250.5),
        ("12.5", Locale::Sv, 12.5),
        ("1.250,5", Locale::Da, 1250.5),
        ("1.250", Locale::Da, 1250.0),
        ("1,5", Locale::Da, 1.5),
        ("1,250.5", Locale::En, 1250.5),
        ("-3", Locale::En, -3.0),
        ("−3,5", Locale::Sv, -3.5),
    ];
    for (raw, locale, value) in cases {
        assert_eq!(indicator_number(raw, locale), Ok(value), "{raw} {locale:?}");
    }
    assert_eq!(indicator_number("tolv", Locale::Sv), Err(Problem::NotANumber));
    assert_eq!(
        indicator_number("2000000000", Locale::Sv),
        Err(Problem::DecimalOutOfRange { min: -1_000_000_000, max: 1_000_000_000 })
    );
}

#[test]
fn a_period_entry_is_of_the_indicators_period_and_a_counted_value_is_not_typed() {
    let entry = |period: &str, value: &str, status: &str| PeriodEntryInput {
        period: period.into(),
        value: value.into(),
        status: status.into(),
        comment: String::new(),
    };
    let manual =
        entry("2026-T2", "35,5", "").parse(PeriodKind::Tertial, IndicatorSource::Manual, Locale::Sv).expect("valid");
    assert_eq!(
        (manual.period, manual.value, manual.status),
        (Period::parse("2026-T2").expect("period"), Some(35.5), None)
    );
    let field = |result: Result<_, crate::FieldErrors>| result.expect_err("refused").0[0].clone();
    assert_eq!(
        field(entry("2026-05", "3", "").parse(PeriodKind::Tertial, IndicatorSource::Manual, Locale::Sv)).field,
        "period"
    );
    let typed_count =
        field(entry("2026-T2", "12", "").parse(PeriodKind::Tertial, IndicatorSource::Attendances, Locale::Sv));
    assert_eq!((typed_count.field, typed_count.problem), ("value", Problem::UnknownChoice));
    let nothing = field(entry("2026-T2", "", "").parse(PeriodKind::Tertial, IndicatorSource::Manual, Locale::Sv));
    assert_eq!((nothing.field, nothing.problem), ("value", Problem::Required));
    let judged =
        entry("2026-T2", "", "at_risk").parse(PeriodKind::Tertial, IndicatorSource::Events, Locale::Sv).expect("valid");
    assert_eq!((judged.value, judged.status), (None, Some(AtRisk)));
}

#[test]
fn a_reading_counts_what_parat_knows_and_a_judgement_overrides_the_derived_status() {
    use crate::project::{ByGender, EventFacts, IndicatorDefinition, PeriodEntry};
    let at = |local: &str| {
        let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
        crate::locale::scandinavian_moment(time::PrimitiveDateTime::parse(local, format).expect("time"))
            .expect("moment")
    };
    let events = vec![
        EventFacts {
            starts_at: at("2026-05-01 00:30"),
            attendees: ByGender { woman: 30, ..Default::default() },
            head_count: 5,
        },
        EventFacts {
            starts_at: at("2026-04-30 23:30"),
            attendees: ByGender { man: 50, ..Default::default() },
            head_count: 0,
        },
    ];
    let definition = IndicatorDefinition {
        name: "Nådda".into(),
        definition: String::new(),
        unit: "personer".into(),
        baseline: 0.0,
        target: 40.0,
        every: PeriodKind::Tertial,
        source: IndicatorSource::PeopleReached,
        direction: Direction::Increase,
        goal_id: None,
    };
    let t2 = Period::parse("2026-T2").expect("period");
    let after = time::macros::date!(2027 - 01 - 15);
    let reading = definition.reading(&t2, &[], Records { events: &events, ..Records::default() }, after);
    // 30 named and 5 counted in May; the event on 30 April belongs to the first tertial.
    assert_eq!((reading.value, reading.status, reading.judged), (Some(35.0), Some(AtRisk), false));
    let year = Period::parse("2026").expect("period");
    assert_eq!(
        definition.reading(&year, &[], Records { events: &events, ..Records::default() }, after).status,
        None,
        "the target is per tertial"
    );
    // Half way through the tertial the count is known but not yet judged; before it, nothing.
    let during = definition.reading(
        &t2,
        &[],
        Records { events: &events, ..Records::default() },
        time::macros::date!(2026 - 06 - 01),
    );
    assert_eq!((during.value, during.status), (Some(35.0), None));
    let before = definition.reading(
        &t2,
        &[],
        Records { events: &events, ..Records::default() },
        time::macros::date!(2026 - 04 - 01),
    );
    assert_eq!((before.value, before.status), (None, None));
    let judged = PeriodEntry { period: t2, value: None, status: Some(OffTrack), comment: "Kursen ställdes in".into() };
    let reading = definition.reading(&t2, &[judged], Records { events: &events, ..Records::default() }, after);
    assert_eq!(
        (reading.status, reading.judged, reading.comment.as_str()),
        (Some(OffTrack), true, "Kursen ställdes in")
    );
}
