use time::macros::date;

use crate::locale::Locale;
use crate::periods::PeriodKind;
use crate::project::frame::shares_total;
use crate::project::{reporting_calendar, PhaseInput, Reporting, ReportingInput, Share};
use crate::Problem;

#[test]
fn a_share_of_an_amount_is_rounded_to_the_ore_half_away_from_zero() {
    use crate::project::money::Amount;
    let third = Share::from_hundredths(3_333);
    // 100 kr × 33,33 % = 33,33 kr; 0,15 kr × 50 % = 0,075 → 0,08; −0,15 kr → −0,08.
    assert_eq!(third.of(Amount::from_ore(10_000)), Amount::from_ore(3_333));
    let half = Share::from_hundredths(5_000);
    assert_eq!(half.of(Amount::from_ore(15)), Amount::from_ore(8));
    assert_eq!(half.of(Amount::from_ore(-15)), Amount::from_ore(-8));
    assert_eq!(Share::from_hundredths(Share::WHOLE).of(Amount::from_ore(i64::MAX)), Amount::from_ore(i64::MAX));
}

#[test]
fn a_share_is_a_percentage_with_at_most_two_decimals_in_the_persons_language() {
    let read = |raw, locale| Share::parse(raw, locale).map(Share::hundredths);
    assert_eq!(read("50", Locale::Sv), Ok(5_000));
    assert_eq!(read("33,33 %", Locale::Sv), Ok(3_333));
    assert_eq!(read("33.34%", Locale::En), Ok(3_334));
    assert_eq!(read("100", Locale::Da), Ok(10_000));
    assert_eq!(read("0", Locale::Sv), Err(Problem::OutOfRange { min: 0, max: 100 }));
    assert_eq!(read("100,01", Locale::Sv), Err(Problem::OutOfRange { min: 0, max: 100 }));
    assert_eq!(read("-5", Locale::Sv), Err(Problem::OutOfRange { min: 0, max: 100 }));
    assert_eq!(read("12,345", Locale::Sv), Err(Problem::TwoDecimals));
    assert_eq!(read("hälften", Locale::Sv), Err(Problem::NotANumber));
    assert_eq!(Share::from_hundredths(3_333).format(Locale::Sv), "33,33 %");
    let thirds = [Share::from_hundredths(3_333), Share::from_hundredths(3_333), Share::from_hundredths(3_334)];
    assert_eq!(shares_total(&thirds), 10_000);
    // A total past the whole is shown as it is, not as the whole.
    assert_eq!(crate::project::frame::format_percent(12_000, Locale::Sv), "120 %");
}

#[test]
fn a_phase_ends_after_it_starts_and_may_name_its_decision() {
    let input = PhaseInput {
        name: "Förstudie".into(),
        starts_on: "2026-01-01".into(),
        ends_on: "2025-12-31".into(),
        decision: "Styrgruppen beslutar om genomförande".into(),
        decision_on: "2026-13-01".into(),
    };
    let errors = input.parse().expect_err("refused");
    let problems: Vec<_> = errors.0.iter().map(|e| (e.field, e.problem)).collect();
    assert_eq!(problems, vec![("ends_on", Problem::EndBeforeStart), ("decision_on", Problem::InvalidDate)]);
    let phase =
        PhaseInput { ends_on: "2026-04-30".into(), decision_on: "2026-04-15".into(), ..input }.parse().expect("valid");
    assert_eq!((phase.ends_on, phase.decision_on), (date!(2026 - 04 - 30), Some(date!(2026 - 04 - 15))));
}

#[test]
fn reports_are_due_after_each_period_the_project_touches() {
    let tertials = reporting_calendar(Reporting::default(), date!(2026 - 03 - 15), date!(2027 - 01 - 10));
    let due: Vec<_> = tertials.iter().map(|r| (r.period.key(), r.due)).collect();
    assert_eq!(
        due,
        vec![
            ("2026-T1".to_owned(), date!(2026 - 05 - 14)),
            ("2026-T2".to_owned(), date!(2026 - 09 - 14)),
            ("2026-T3".to_owned(), date!(2027 - 01 - 14)),
            ("2027-T1".to_owned(), date!(2027 - 05 - 14)),
        ]
    );
    let danish = ReportingInput { every: "quarter".into(), days_after: "0".into() }.parse().expect("valid");
    assert_eq!(danish, Reporting { every: PeriodKind::Quarter, days_after: 0 });
    let quarters = reporting_calendar(danish, date!(2026 - 01 - 01), date!(2026 - 12 - 31));
    assert_eq!(
        quarters.iter().map(|r| r.due).collect::<Vec<_>>(),
        vec![date!(2026 - 03 - 31), date!(2026 - 06 - 30), date!(2026 - 09 - 30), date!(2026 - 12 - 31)]
    );
    assert!(ReportingInput { every: "fortnight".into(), days_after: "91".into() }.parse().is_err());
}
