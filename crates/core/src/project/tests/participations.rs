use time::macros::date;

use crate::periods::Period;
use crate::project::{
    before_and_after, participants_in, Gender, Income, JoinInput, LeaveInput, Occupation, ParticipationFacts,
};
use crate::Problem;

fn took_part(gender: Gender, joined_on: time::Date, left_on: Option<time::Date>) -> ParticipationFacts {
    let after = left_on.map(|_| (Income::Salary, Occupation::Work));
    ParticipationFacts { gender, joined_on, left_on, before: (Income::FinancialAid, Occupation::JobSeeking), after }
}

#[test]
fn those_registered_out_in_the_period_to_work_or_studies_are_counted() {
    use crate::project::reached_work_or_studies;
    let out_to = |left: time::Date, occupation: Occupation| ParticipationFacts {
        after: Some((Income::Salary, occupation)),
        ..took_part(Gender::Woman, date!(2026 - 01 - 10), Some(left))
    };
    let all = [
        out_to(date!(2026 - 04 - 30), Occupation::Work),
        out_to(date!(2026 - 05 - 01), Occupation::SubsidisedWork),
        out_to(date!(2026 - 05 - 02), Occupation::Studies),
        out_to(date!(2026 - 06 - 01), Occupation::JobSeeking),
        took_part(Gender::Man, date!(2026 - 02 - 01), None),
    ];
    let t1 = Period::parse("2026-T1").expect("period");
    let t2 = Period::parse("2026-T2").expect("period");
    assert_eq!(reached_work_or_studies(&t1, &all), 1, "the last day of April is the first tertial's");
    assert_eq!(reached_work_or_studies(&t2, &all), 2, "subsidised work and studies; job seeking is not");
}

#[test]
fn a_participant_counts_in_every_period_they_took_part_in_on_any_day() {
    let people = [
        took_part(Gender::Woman, date!(2026 - 04 - 30), Some(date!(2026 - 05 - 01))),
        took_part(Gender::Man, date!(2026 - 01 - 10), Some(date!(2026 - 04 - 30))),
        took_part(Gender::Woman, date!(2026 - 09 - 01), None),
        took_part(Gender::Other, date!(2026 - 08 - 31), None),
    ];
    let count = |key: &str| {
        let c = participants_in(&Period::parse(key).expect("period"), &people);
        (c.woman, c.man, c.other, c.unknown)
    };
    assert_eq!(count("2026-T1"), (1, 1, 0, 0));
    assert_eq!(count("2026-T2"), (1, 0, 1, 0));
    assert_eq!(count("2026-T3"), (1, 0, 1, 0));
    assert_eq!(count("2026-04"), (1, 1, 0, 0));
    assert_eq!(count("2026-05"), (1, 0, 0, 0));
    assert_eq!(count("2027"), (1, 0, 1, 0));
    assert_eq!(count("2025"), (0, 0, 0, 0));
    let incomes = before_and_after(&people, |(income, _)| income);
    assert_eq!(incomes, vec![(Income::FinancialAid, Income::Salary, 2)]);
}

#[test]
fn registrations_are_of_what_has_happened_and_a_participation_ends_after_it_began() {
    let today = date!(2026 - 06 - 01);
    let join = JoinInput {
        code: "BO-17".into(),
        gender: "woman".into(),
        age_band: "25_29".into(),
        joined_on: "2026-06-02".into(),
        consent: "".into(),
        income_before: "financial_aid".into(),
        occupation_before: "".into(),
    };
    let problems: Vec<_> =
        join.parse(today).expect_err("refused").0.into_iter().map(|e| (e.field, e.problem)).collect();
    assert_eq!(problems, vec![("joined_on", Problem::DateInFuture), ("occupation_before", Problem::NotChosen)]);
    let leave = LeaveInput {
        left_on: "2026-01-31".into(),
        reason: "work".into(),
        income_after: "salary".into(),
        occupation_after: "work".into(),
    };
    let errors = leave.parse(date!(2026 - 02 - 01), today).expect_err("refused");
    assert_eq!((errors.0[0].field, errors.0[0].problem), ("left_on", Problem::EndBeforeStart));
    assert!(leave.parse(date!(2026 - 01 - 31), today).is_ok(), "out the day they came in");
}
