use time::macros::datetime;

use super::*;
use crate::periods::Period;
use crate::{FieldErrors, Problem};

fn utc(at: time::PrimitiveDateTime) -> i64 {
    at.assume_utc().unix_timestamp()
}

fn problems(errors: FieldErrors) -> Vec<(&'static str, Problem)> {
    errors.0.into_iter().map(|e| (e.field, e.problem)).collect()
}

#[test]
fn an_event_is_read_in_local_time_with_its_optional_fields() {
    let input = EventInput {
        title: " Utbildning i MI ".into(),
        starts_at: "2026-09-01T00:30".into(),
        ends_at: "2026-09-01 03:00".into(),
        place: "Stadshuset".into(),
        capacity: "40".into(),
        ..Default::default()
    };
    let event = input.parse().expect("valid");
    assert_eq!(event.title, "Utbildning i MI");
    // 00:30 in summer time (UTC+2) is 22:30 UTC the day before.
    assert_eq!(event.starts_at, utc(datetime!(2026-08-31 22:30)));
    assert_eq!(event.ends_at, Some(utc(datetime!(2026-09-01 01:00))));
    assert_eq!(event.capacity, Some(40));
    let seconds = EventInput { starts_at: "2026-09-01T00:30:00".into(), ..input.clone() };
    assert_eq!(seconds.parse().map(|e| e.starts_at), Ok(event.starts_at));
    assert_eq!(event::local_field(event.starts_at), "2026-09-01T00:30");
    let bare =
        EventInput { title: "Nätverksträff".into(), starts_at: "2026-01-15 09:00".into(), ..Default::default() };
    let bare = bare.parse().expect("valid");
    assert_eq!((bare.starts_at, bare.ends_at, bare.capacity), (utc(datetime!(2026-01-15 08:00)), None, None));
}

#[test]
fn a_bad_event_names_every_field_wrong() {
    let input = EventInput {
        title: "  ".into(),
        starts_at: "2026-03-29 02:30".into(),
        ends_at: "1 sept".into(),
        capacity: "-1".into(),
        ..Default::default()
    };
    assert_eq!(
        problems(input.parse().expect_err("invalid")),
        [
            ("title", Problem::Required),
            ("starts_at", Problem::NoSuchLocalTime),
            ("ends_at", Problem::InvalidDateTime),
            ("capacity", Problem::OutOfRange { min: 0, max: event::MAX_PEOPLE }),
        ]
    );
    let backwards = EventInput {
        title: "Träff".into(),
        starts_at: "2026-05-04 13:00".into(),
        ends_at: "2026-05-04 12:59".into(),
        ..Default::default()
    };
    assert_eq!(problems(backwards.parse().expect_err("invalid")), [("ends_at", Problem::EndBeforeStart)]);
    let missing = EventInput { title: "Träff".into(), ..Default::default() };
    assert_eq!(problems(missing.parse().expect_err("invalid")), [("starts_at", Problem::Required)]);
}

#[test]
fn an_attendee_needs_a_name_and_one_of_four_genders() {
    let ok = AttendeeInput {
        name: "Sara Ek".into(),
        organisation: "Borås stad".into(),
        gender: "woman".into(),
        ..Default::default()
    };
    assert_eq!(ok.parse().map(|a| a.gender), Ok(Gender::Woman));
    let bad = AttendeeInput { name: "".into(), gender: "female".into(), ..Default::default() };
    assert_eq!(
        problems(bad.parse().expect_err("invalid")),
        [("name", Problem::Required), ("gender", Problem::UnknownChoice)]
    );
}

/// Events either side of the period boundaries and of both changes of summer time, with the
/// periods each belongs to decided by hand from their local times.
#[test]
fn a_periods_attendance_counts_events_by_their_local_date() {
    use Gender::*;
    let event = |at, attendees: &[Gender], head_count| EventFacts {
        starts_at: utc(at),
        attendees: ByGender::of(attendees),
        head_count,
    };
    let events = [
        // 00:30 on 1 September local (UTC+2): September, third tertial, third quarter.
        event(datetime!(2026-08-31 22:30), &[Woman, Woman, Man], 0),
        // 23:30 on 31 August local: August, second tertial.
        event(datetime!(2026-08-31 21:30), &[Other], 4),
        // 00:30 on 1 November local (UTC+1, after summer time ended): November.
        event(datetime!(2026-10-31 23:30), &[Unknown, Woman], 0),
        // 01:30 on 29 March local, the night summer time begins (still UTC+1): March, T1.
        event(datetime!(2026-03-29 00:30), &[Man], 10),
        // 00:30 on 1 April local (UTC+2): April, T1, Q2.
        event(datetime!(2026-03-31 22:30), &[], 7),
        // 00:30 on 1 January 2027 local: next year.
        event(datetime!(2026-12-31 23:30), &[Woman], 0),
    ];
    let figures = |key: &str| attendance_in(&Period::parse(key).expect("a period"), &events);
    let september = figures("2026-09");
    assert_eq!((september.events, september.attendances, september.head_counts), (1, 3, 0));
    assert_eq!(september.attendances_by_gender, ByGender { woman: 2, man: 1, other: 0, unknown: 0 });
    let august = figures("2026-08");
    assert_eq!((august.events, august.attendances, august.head_counts), (1, 1, 4));
    let t2 = figures("2026-T2");
    assert_eq!((t2.events, t2.attendances, t2.head_counts), (1, 1, 4));
    let t3 = figures("2026-T3");
    assert_eq!((t3.events, t3.attendances, t3.attendances_by_gender.woman), (2, 5, 3));
    let t1 = figures("2026-T1");
    assert_eq!((t1.events, t1.attendances, t1.head_counts), (2, 1, 17));
    let q1 = figures("2026-Q1");
    assert_eq!((q1.events, q1.head_counts), (1, 10));
    let q2 = figures("2026-Q2");
    assert_eq!((q2.events, q2.head_counts), (1, 7));
    let year = figures("2026");
    assert_eq!((year.events, year.attendances, year.head_counts), (5, 7, 21));
    assert_eq!(figures("2027").events, 1);
    assert_eq!(figures("2026-10"), PeriodAttendance::default());
}

mod money {
    use super::super::money::Amount;
    use crate::locale::Locale;
    use crate::Problem;
    use proptest::prelude::*;

    #[test]
    fn amounts_are_read_as_people_write_them_in_their_language() {
        let cases: [(&str, Locale, i64); 12] = [
            ("12500", Locale::Sv, 1_250_000),
            ("12 500", Locale::Sv, 1_250_000),
            ("12\u{a0}500,50", Locale::Sv, 1_250_050),
            ("12500,5", Locale::Sv, 1_250_050),
            ("12500.50", Locale::Sv, 1_250_050),
            ("12 500 kr", Locale::Sv, 1_250_000),
            ("12.500", Locale::Da, 1_250_000),
            ("12.500,50", Locale::Da, 1_250_050),
            ("1.250.000", Locale::Da, 125_000_000),
            ("12,500.50", Locale::En, 1_250_050),
            ("12,500", Locale::En, 1_250_000),
            ("0,01", Locale::Sv, 1),
        ];
        for (raw, locale, ore) in cases {
            assert_eq!(Amount::parse(raw, locale, false), Ok(Amount::from_ore(ore)), "{raw} ({locale:?})");
        }
        assert_eq!(Amount::parse("-1 500,25", Locale::Sv, true), Ok(Amount::from_ore(-150_025)));
    }

    #[test]
    fn a_bad_amount_says_what_is_wrong() {
        let bad = |raw: &str| Amount::parse(raw, Locale::Sv, false);
        assert_eq!(bad(""), Err(Problem::Required));
        assert_eq!(bad("12,505"), Err(Problem::TwoDecimals));
        assert_eq!(bad("tolv"), Err(Problem::NotANumber));
        assert_eq!(bad("1e5"), Err(Problem::NotANumber));
        assert!(matches!(bad("-5"), Err(Problem::OutOfRange { .. })), "no negative budget");
        assert!(matches!(bad("99999999999999999"), Err(Problem::OutOfRange { .. })));
    }

    #[test]
    fn amounts_are_written_in_each_language() {
        let amount = Amount::from_ore(1_250_050);
        assert_eq!(amount.format(Locale::Sv), "12\u{a0}500,50");
        assert_eq!(amount.format(Locale::Da), "12.500,50");
        assert_eq!(amount.format(Locale::En), "12,500.50");
        assert_eq!(Amount::from_ore(1_250_000).format(Locale::Sv), "12\u{a0}500");
        assert_eq!(Amount::from_ore(-5).format(Locale::Sv), "−0,05");
        assert_eq!(amount.to_string(), "12500,50");
    }

    proptest! {
        /// What Parat writes, in any language or in a form's field, it reads back to the öre.
        #[test]
        fn written_amounts_read_back(ore in -100_000_000_000i64..=100_000_000_000) {
            let amount = Amount::from_ore(ore);
            for locale in [Locale::Sv, Locale::Da, Locale::En] {
                let written = amount.format(locale).replace('−', "-");
                prop_assert_eq!(Amount::parse(&written, locale, true), Ok(amount), "{}", written);
            }
            prop_assert_eq!(Amount::parse(&amount.to_string(), Locale::Sv, true), Ok(amount));
        }
    }
}

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

#[test]
fn a_periods_budget_is_its_share_of_the_year_and_its_outcome_what_was_booked() {
    use super::money::Amount;
    use time::macros::date;
    let ore = Amount::from_ore;
    // 100 000,01 kr for 2026 in two lines; 2027's line does not count in 2026.
    let lines = [(2026, ore(6_000_000)), (2026, ore(4_000_001)), (2027, ore(99_900))];
    let costs = [
        (date!(2026 - 04 - 30), ore(125_050)),
        (date!(2026 - 05 - 01), ore(200_000)),
        (date!(2026 - 05 - 31), ore(-50_000)),
        (date!(2026 - 09 - 01), ore(10)),
    ];
    let figures = |key: &str| budget_in(&Period::parse(key).expect("period"), &lines, &costs);
    // 10 000 001 / 12 = 833 333.42 → 833 333; / 3 = 3 333 333.67 → 3 333 334; / 4 = 2 500 000.25.
    assert_eq!(figures("2026-05"), BudgetAndOutcome { budget: ore(833_333), outcome: ore(150_000) });
    assert_eq!(figures("2026-T1"), BudgetAndOutcome { budget: ore(3_333_334), outcome: ore(125_050) });
    assert_eq!(figures("2026-T2"), BudgetAndOutcome { budget: ore(3_333_334), outcome: ore(150_000) });
    assert_eq!(figures("2026-Q2"), BudgetAndOutcome { budget: ore(2_500_000), outcome: ore(275_050) });
    assert_eq!(figures("2026"), BudgetAndOutcome { budget: ore(10_000_001), outcome: ore(275_060) });
    assert_eq!(figures("2027-01"), BudgetAndOutcome { budget: ore(8_325), outcome: ore(0) });
}

#[test]
fn budget_lines_and_costs_are_read_with_their_problems_named() {
    use crate::locale::Locale;
    let line = BudgetLineInput {
        year: "2026".into(),
        category: "external_suppliers".into(),
        funder: "Länsstyrelsen".into(),
        amount: "250 000".into(),
        note: String::new(),
    };
    let draft = line.parse(Locale::Sv).expect("valid");
    assert_eq!((draft.category, draft.amount.ore()), (CostCategory::Suppliers, 25_000_000));
    let bad =
        BudgetLineInput { year: "26".into(), category: "lunch".into(), amount: "-5".into(), ..Default::default() };
    let found: Vec<&str> = bad.parse(Locale::Sv).expect_err("invalid").0.iter().map(|e| e.field).collect();
    assert_eq!(found, ["year", "category", "amount"]);
    let correction = CostInput {
        booked_on: "2026-05-31".into(),
        category: "travel".into(),
        amount: "-500".into(),
        text: "Återbetalning".into(),
    };
    assert_eq!(correction.parse(Locale::Sv).map(|c| c.amount.ore()), Ok(-50_000));
    let undated = CostInput { category: "travel".into(), amount: "5".into(), ..Default::default() };
    assert_eq!(problems(undated.parse(Locale::Sv).expect_err("invalid")), [("booked_on", Problem::Required)]);
}

mod cost_import {
    use time::macros::date;

    use crate::locale::Locale;
    use crate::project::money::Amount;
    use crate::project::{CostCategory, CostColumn, CostImport, ImportError, RowProblem};
    use crate::table::Cell;
    use crate::Problem;

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }

    fn swedish_names(name: &str) -> Option<CostCategory> {
        match name.to_lowercase().as_str() {
            "personal" => Some(CostCategory::Staff),
            "resor" => Some(CostCategory::Travel),
            _ => None,
        }
    }

    fn import(default_category: Option<CostCategory>) -> CostImport<'static> {
        CostImport { locale: Locale::Sv, category_named: &swedish_names, default_category }
    }

    #[test]
    fn columns_are_found_by_their_names_in_any_order_and_blank_rows_are_skipped() {
        let rows = vec![
            vec![Cell::Empty],
            vec![text("Verifikationstext"), text("Belopp"), text("Konto"), text("Datum:"), text("Kategori")],
            vec![text("Lön augusti"), text("12 500,50"), text("7010"), text("2026-08-31"), text("Personal")],
            vec![Cell::Empty, Cell::Empty],
            vec![
                text("Tåg Borås–Göteborg"),
                Cell::Number(312.4),
                Cell::Number(5800.0),
                Cell::Date(date!(2026 - 09 - 02)),
                text("travel"),
            ],
            vec![text("Rättelse"), text("-100"), Cell::Empty, Cell::Number(20_260_903.0), text("RESOR")],
        ];
        let costs = import(None).read(&rows).expect("valid");
        let read: Vec<_> = costs.iter().map(|c| (c.booked_on, c.category, c.amount.ore(), c.text.as_str())).collect();
        assert_eq!(
            read,
            vec![
                (date!(2026 - 08 - 31), CostCategory::Staff, 1_250_050, "Lön augusti"),
                (date!(2026 - 09 - 02), CostCategory::Travel, 31_240, "Tåg Borås–Göteborg"),
                (date!(2026 - 09 - 03), CostCategory::Travel, -10_000, "Rättelse"),
            ]
        );
    }

    #[test]
    fn every_wrong_row_is_named_with_its_number_and_nothing_is_taken() {
        let rows = vec![
            vec![text("Datum"), text("Belopp"), text("Kategori")],
            vec![text("2026-08-31"), text("100"), text("material")],
            vec![text("2026-02-30"), text("100,505"), text("fika")],
            vec![text("2026-09-01"), Cell::Number(1.005), Cell::Empty],
            vec![Cell::Number(46_266.0), text("tusen"), text("other")],
        ];
        let Err(ImportError::Rows(problems)) = import(None).read(&rows) else { panic!("refused") };
        let expect = |row, column, problem| RowProblem { row, column, problem };
        assert_eq!(
            problems,
            vec![
                expect(3, CostColumn::BookedOn, Problem::InvalidDate),
                expect(3, CostColumn::Category, Problem::UnknownChoice),
                expect(3, CostColumn::Amount, Problem::TwoDecimals),
                expect(4, CostColumn::Category, Problem::Required),
                expect(4, CostColumn::Amount, Problem::TwoDecimals),
                expect(5, CostColumn::BookedOn, Problem::InvalidDate),
                expect(5, CostColumn::Amount, Problem::NotANumber),
            ]
        );
    }

    #[test]
    fn a_file_without_a_category_column_takes_the_chosen_category_for_every_row() {
        let rows = vec![
            vec![text("Dato"), text("Beløb"), text("Tekst")],
            vec![text("01.09.2026"), text("1.250,00"), text("Kursus")],
        ];
        assert_eq!(import(None).read(&rows), Err(ImportError::MissingColumns(vec![CostColumn::Category])));
        let costs =
            CostImport { locale: Locale::Da, ..import(Some(CostCategory::Suppliers)) }.read(&rows).expect("valid");
        assert_eq!(costs.len(), 1);
        assert_eq!((costs[0].category, costs[0].amount), (CostCategory::Suppliers, Amount::from_ore(125_000)));
    }

    #[test]
    fn a_file_missing_columns_rows_or_with_too_many_is_refused_as_a_whole() {
        assert_eq!(import(None).read(&[]), Err(ImportError::Empty));
        assert_eq!(
            import(None).read(&[vec![text("Datum"), text("Belopp"), text("Kategori")]]),
            Err(ImportError::Empty)
        );
        assert_eq!(
            import(None).read(&[vec![text("Konto"), text("Saldo")]]),
            Err(ImportError::MissingColumns(vec![CostColumn::BookedOn, CostColumn::Category, CostColumn::Amount]))
        );
        let header = vec![text("Datum"), text("Belopp")];
        let row = vec![text("2026-01-01"), text("1")];
        let many: Vec<Vec<Cell>> =
            std::iter::once(header).chain(std::iter::repeat_n(row, super::super::cost_import::MAX_ROWS + 1)).collect();
        assert_eq!(
            import(Some(CostCategory::Other)).read(&many),
            Err(ImportError::TooManyRows { max: super::super::cost_import::MAX_ROWS })
        );
    }
}

mod frame {
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
        let phase = PhaseInput { ends_on: "2026-04-30".into(), decision_on: "2026-04-15".into(), ..input }
            .parse()
            .expect("valid");
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
}

mod indicators {
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
        assert_eq!(
            (draft.baseline, draft.target, draft.every, draft.goal_id),
            (12.5, 1000.0, PeriodKind::Tertial, None)
        );
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
        let manual = entry("2026-T2", "35,5", "")
            .parse(PeriodKind::Tertial, IndicatorSource::Manual, Locale::Sv)
            .expect("valid");
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
        let judged = entry("2026-T2", "", "at_risk")
            .parse(PeriodKind::Tertial, IndicatorSource::Events, Locale::Sv)
            .expect("valid");
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
        let judged =
            PeriodEntry { period: t2, value: None, status: Some(OffTrack), comment: "Kursen ställdes in".into() };
        let reading = definition.reading(&t2, &[judged], Records { events: &events, ..Records::default() }, after);
        assert_eq!(
            (reading.status, reading.judged, reading.comment.as_str()),
            (Some(OffTrack), true, "Kursen ställdes in")
        );
    }
}

mod participations {
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
}

mod evaluations {
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
        assert_eq!(
            benefit.all.mean.map(|m| (m * 1e9).round()),
            Some(((11.0 + 10.0 + 9.0 + 8.0) / 12.0 * 1e9f64).round())
        );
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
        let event = evaluation_draft(
            EvaluationStage::Event,
            " Utvärdering ",
            "MI",
            date!(2026 - 05 - 04),
            date!(2026 - 05 - 01),
        );
        assert_eq!(
            (event.questionnaire.as_str(), event.title.as_str()),
            (questionnaire::EVENT_EVALUATION, "Utvärdering")
        );
        assert!(event.anonymous && event.open_link && !event.pair_code);
        assert_eq!(
            (event.period.start(), event.period.end()),
            (Some(date!(2026 - 05 - 04)), Some(date!(2026 - 06 - 03)))
        );
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
}

mod outcome_indicators {
    use time::macros::date;

    use crate::outcomes::{AgeGroup, Marks, Ratings, Settings, Tenths};
    use crate::periods::Period;
    use crate::project::{improved_share, outcomes_improved, OutcomeEnd};

    /// An episode ended on `ended_on` with outcome totals as given, under the default settings
    /// (a reliable change of five points).
    fn ended(ended_on: time::Date, totals: &[i64]) -> OutcomeEnd {
        let ratings: Vec<Ratings> = totals
            .iter()
            .map(|t| {
                let marks = Marks::total_only(Tenths::whole(*t)).expect("a total within 0–40");
                Ratings::new(Some(marks), None).expect("an outcome rating")
            })
            .collect();
        OutcomeEnd::of(&Settings::default(), AgeGroup::Adult, ended_on, &ratings)
    }

    #[test]
    fn an_episode_improves_reliably_from_five_points_and_counts_from_two_ratings() {
        let exactly = ended(date!(2026 - 05 - 01), &[18, 20, 23]);
        assert!(exactly.counted && exactly.improved, "18 to 23 is exactly the reliable change");
        let short = ended(date!(2026 - 05 - 01), &[18, 22]);
        assert!(short.counted && !short.improved, "four points is not reliable");
        let once = ended(date!(2026 - 05 - 01), &[18]);
        assert!(!once.counted && !once.improved, "one rating has no change");
    }

    #[test]
    fn improved_episodes_are_counted_in_the_period_they_ended() {
        let ends = [
            ended(date!(2026 - 04 - 30), &[10, 20]),
            ended(date!(2026 - 05 - 01), &[10, 20]),
            ended(date!(2026 - 08 - 31), &[30, 20]),
            ended(date!(2026 - 09 - 01), &[10, 30]),
        ];
        let count = |key: &str| outcomes_improved(&Period::parse(key).expect("period"), &ends);
        assert_eq!((count("2026-T1"), count("2026-T2"), count("2026-T3"), count("2026")), (1, 1, 1, 3));
    }

    #[test]
    fn the_improved_share_needs_five_counted_episodes_and_rounds_to_a_tenth() {
        let t2 = Period::parse("2026-T2").expect("period");
        let mut ends = vec![
            ended(date!(2026 - 05 - 10), &[10, 20]),
            ended(date!(2026 - 06 - 10), &[10, 20]),
            ended(date!(2026 - 06 - 11), &[10, 12]),
            ended(date!(2026 - 07 - 10), &[30, 20]),
            // One rating: not counted, neither in the share nor its base.
            ended(date!(2026 - 07 - 11), &[10]),
            // Another period's.
            ended(date!(2026 - 09 - 11), &[10, 20]),
        ];
        assert_eq!(improved_share(&t2, &ends), None, "four counted episodes are too few to show");
        ends.push(ended(date!(2026 - 08 - 31), &[20, 21]));
        assert_eq!(improved_share(&t2, &ends), Some(40.0), "2 of 5");
        ends.push(ended(date!(2026 - 08 - 01), &[5, 30]));
        assert_eq!(improved_share(&t2, &ends), Some(50.0), "3 of 6");
        ends.push(ended(date!(2026 - 08 - 02), &[20, 20]));
        assert_eq!(improved_share(&t2, &ends), Some(42.9), "3 of 7 is 42.857…");
    }
}
