use super::*;

#[test]
fn an_activity_is_planned_then_carried_out_with_its_deviation() {
    use time::macros::date;
    let today = date!(2026 - 10 - 01);
    let planned = ActivityInput {
        title: "Handledning för chefer".into(),
        planned_on: "2026-09-15".into(),
        responsible: "Processledaren".into(),
        goal_id: "3".into(),
        planned_cost: "12 500,50".into(),
        ..Default::default()
    };
    let draft = planned.parse(crate::locale::Locale::Sv, today).expect("valid");
    assert_eq!(
        (draft.planned_on, draft.goal_id, draft.planned_cost.map(|a| a.ore()), draft.done_on),
        (Some(date!(2026 - 09 - 15)), Some(3), Some(1_250_050), None)
    );
    let done = ActivityInput {
        done_on: "2026-09-22".into(),
        participants: "14".into(),
        deviation: "En vecka senare: lokalen var dubbelbokad.".into(),
        ..planned.clone()
    };
    let draft = done.parse(crate::locale::Locale::Sv, today).expect("valid");
    assert_eq!((draft.done_on, draft.participants), (Some(date!(2026 - 09 - 22)), Some(14)));

    let bad = ActivityInput {
        title: "".into(),
        planned_on: "15/9".into(),
        goal_id: "mål".into(),
        planned_cost: "12,505".into(),
        done_on: "2026-10-02".into(),
        ..Default::default()
    };
    assert_eq!(
        problems(bad.parse(crate::locale::Locale::Sv, today).expect_err("invalid")),
        [
            ("title", Problem::Required),
            ("planned_on", Problem::InvalidDate),
            ("goal_id", Problem::UnknownChoice),
            ("planned_cost", Problem::TwoDecimals),
            ("done_on", Problem::DateInFuture),
        ]
    );
    let count_without_date = ActivityInput { title: "Träff".into(), participants: "5".into(), ..Default::default() };
    assert_eq!(
        problems(count_without_date.parse(crate::locale::Locale::Sv, today).expect_err("invalid")),
        [("done_on", Problem::Required)]
    );
}

#[test]
fn a_period_counts_activities_planned_and_done_by_their_dates() {
    use time::macros::date;
    let activities = [
        (Some(date!(2026 - 04 - 30)), Some(date!(2026 - 05 - 01))),
        (Some(date!(2026 - 05 - 10)), None),
        (None, Some(date!(2026 - 08 - 31))),
        (Some(date!(2026 - 09 - 01)), Some(date!(2026 - 09 - 01))),
    ];
    let counts = |key: &str| activities_in(&Period::parse(key).expect("period"), &activities);
    assert_eq!(counts("2026-T1"), ActivityCounts { planned: 1, done: 0 });
    assert_eq!(counts("2026-T2"), ActivityCounts { planned: 1, done: 2 });
    assert_eq!(counts("2026-T3"), ActivityCounts { planned: 1, done: 1 });
    assert_eq!(counts("2026-05"), ActivityCounts { planned: 1, done: 1 });
    assert_eq!(counts("2026"), ActivityCounts { planned: 3, done: 3 });
}
