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
    let costs = CostImport { locale: Locale::Da, ..import(Some(CostCategory::Suppliers)) }.read(&rows).expect("valid");
    assert_eq!(costs.len(), 1);
    assert_eq!((costs[0].category, costs[0].amount), (CostCategory::Suppliers, Amount::from_ore(125_000)));
}

#[test]
fn a_file_missing_columns_rows_or_with_too_many_is_refused_as_a_whole() {
    assert_eq!(import(None).read(&[]), Err(ImportError::Empty));
    assert_eq!(import(None).read(&[vec![text("Datum"), text("Belopp"), text("Kategori")]]), Err(ImportError::Empty));
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
