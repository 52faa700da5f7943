use super::*;

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
