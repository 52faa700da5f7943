//! Costs imported from an accounting system's export (CSV or a spreadsheet): the header row names
//! the columns, every row after it is a cost. A file with a wrong row imports nothing, and every
//! wrong row is named with its number as the spreadsheet shows it.

use super::budget::{CostCategory, CostDraft};
use super::money::Amount;
use crate::locale::Locale;
use crate::table::{self, Cell};
use crate::validation::{optional_text, Problem};

/// The most rows one import takes (a project's costs over several years fit many times over).
pub const MAX_ROWS: usize = 10_000;
/// The most wrong rows reported; after those the person fixes the file and tries again.
pub const MAX_PROBLEMS: usize = 50;
const TEXT_MAX: usize = 200;

/// The columns Parat reads. The names each is recognised by (lower case) cover Parat's own
/// template in its three languages and what accounting systems commonly call them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostColumn {
    BookedOn,
    Category,
    Amount,
    Text,
}

impl CostColumn {
    pub const ALL: [CostColumn; 4] = [CostColumn::BookedOn, CostColumn::Category, CostColumn::Amount, CostColumn::Text];

    pub fn key(self) -> &'static str {
        match self {
            CostColumn::BookedOn => "booked_on",
            CostColumn::Category => "category",
            CostColumn::Amount => "amount",
            CostColumn::Text => "text",
        }
    }

    fn names(self) -> &'static [&'static str] {
        match self {
            CostColumn::BookedOn => &[
                "booked_on",
                "datum",
                "dato",
                "date",
                "bokföringsdatum",
                "bokförd",
                "bokfört",
                "bokføringsdato",
                "bogføringsdato",
                "verifikationsdatum",
                "transaktionsdatum",
                "booking date",
                "booked on",
            ],
            CostColumn::Category => &[
                "category",
                "kategori",
                "kostnadskategori",
                "kostnadsslag",
                "omkostningstype",
                "udgiftstype",
                "cost category",
            ],
            CostColumn::Amount => &[
                "amount",
                "belopp",
                "beløb",
                "beløp",
                "summa",
                "sum",
                "kostnad",
                "udgift",
                "kostnad (kr)",
                "belopp (kr)",
                "beløb (kr)",
            ],
            CostColumn::Text => &[
                "text",
                "tekst",
                "beskrivning",
                "beskrivelse",
                "description",
                "verifikationstext",
                "specifikation",
                "posteringstext",
                "bilagstekst",
                "what",
            ],
        }
    }

    pub fn recognises(self, header: &str) -> bool {
        let header = header.trim().trim_end_matches(':').trim().to_lowercase();
        self.names().contains(&header.as_str())
    }
}

/// A wrong row: its number as the spreadsheet shows it (the header is row 1 when it is the
/// first), the column, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub column: CostColumn,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file has no rows")]
    Empty,
    #[error("the header row lacks a column")]
    MissingColumns(Vec<CostColumn>),
    #[error("the file has more than {max} rows")]
    TooManyRows { max: usize },
    #[error("rows are wrong")]
    Rows(Vec<RowProblem>),
}

/// How the import reads what the file does not say: the language amounts are written in, the
/// category named in a cell (its key or its name in any of Parat's languages), and the
/// category of rows without one (when the export has no category column).
pub struct CostImport<'a> {
    pub locale: Locale,
    pub category_named: &'a (dyn Fn(&str) -> Option<CostCategory> + Sync),
    pub default_category: Option<CostCategory>,
}

impl CostImport<'_> {
    /// All the costs of the table, or everything wrong with it.
    pub fn read(&self, rows: &[Vec<Cell>]) -> Result<Vec<CostDraft>, ImportError> {
        let Some(header_at) = rows.iter().position(|row| row.iter().any(|c| !c.is_empty())) else {
            return Err(ImportError::Empty);
        };
        let header = &rows[header_at];
        let column_of = |column: CostColumn| {
            header.iter().position(|cell| cell.text().is_some_and(|text| column.recognises(&text)))
        };
        let (booked_on, category, amount, text) = (
            column_of(CostColumn::BookedOn),
            column_of(CostColumn::Category),
            column_of(CostColumn::Amount),
            column_of(CostColumn::Text),
        );
        let mut missing = Vec::new();
        if booked_on.is_none() {
            missing.push(CostColumn::BookedOn);
        }
        if category.is_none() && self.default_category.is_none() {
            missing.push(CostColumn::Category);
        }
        if amount.is_none() {
            missing.push(CostColumn::Amount);
        }
        let (Some(booked_on), Some(amount), true) = (booked_on, amount, missing.is_empty()) else {
            return Err(ImportError::MissingColumns(missing));
        };
        let body: Vec<(usize, &Vec<Cell>)> =
            rows.iter().enumerate().skip(header_at + 1).filter(|(_, row)| row.iter().any(|c| !c.is_empty())).collect();
        if body.len() > MAX_ROWS {
            return Err(ImportError::TooManyRows { max: MAX_ROWS });
        }
        if body.is_empty() {
            return Err(ImportError::Empty);
        }
        let mut costs = Vec::with_capacity(body.len());
        let mut problems = Vec::new();
        for (index, row) in body {
            let cell = |at: Option<usize>| at.and_then(|i| row.get(i)).unwrap_or(&Cell::Empty);
            let mut wrong = |column, problem| problems.push(RowProblem { row: index + 1, column, problem });
            let date = cost_date(cell(Some(booked_on))).map_err(|p| wrong(CostColumn::BookedOn, p));
            let kind = self.category(cell(category)).map_err(|p| wrong(CostColumn::Category, p));
            let sum = cost_amount(cell(Some(amount)), self.locale).map_err(|p| wrong(CostColumn::Amount, p));
            let words = optional_text(&cell(text).text().unwrap_or_default(), TEXT_MAX, false)
                .map_err(|p| wrong(CostColumn::Text, p));
            if let (Ok(booked_on), Ok(category), Ok(amount), Ok(text)) = (date, kind, sum, words) {
                costs.push(CostDraft { booked_on, category, amount, text });
            }
        }
        match problems.is_empty() {
            true => Ok(costs),
            false => {
                problems.truncate(MAX_PROBLEMS);
                Err(ImportError::Rows(problems))
            }
        }
    }

    fn category(&self, cell: &Cell) -> Result<CostCategory, Problem> {
        match cell.text() {
            None => self.default_category.ok_or(Problem::Required),
            Some(name) => {
                CostCategory::parse(&name).ok().or_else(|| (self.category_named)(&name)).ok_or(Problem::UnknownChoice)
            }
        }
    }
}

fn cost_date(cell: &Cell) -> Result<time::Date, Problem> {
    match cell {
        Cell::Date(date) => Ok(*date),
        Cell::Empty => Err(Problem::Required),
        // A whole number can only be a date written as 20260901; a spreadsheet's day number
        // would be a date cell had the export marked it as one.
        Cell::Number(n) if n.fract() == 0.0 => table::parse_date(&format!("{n:.0}")).ok_or(Problem::InvalidDate),
        Cell::Number(_) => Err(Problem::InvalidDate),
        Cell::Text(text) if text.trim().is_empty() => Err(Problem::Required),
        Cell::Text(text) => table::parse_date(text).ok_or(Problem::InvalidDate),
    }
}

/// An amount: a spreadsheet's number (with at most two decimals), or text in the person's
/// language; a minus sign books a correction.
fn cost_amount(cell: &Cell, locale: Locale) -> Result<Amount, Problem> {
    match cell {
        Cell::Number(n) => {
            let ore = (n * 100.0).round();
            if (n * 100.0 - ore).abs() > 1e-6 {
                return Err(Problem::TwoDecimals);
            }
            // Through the same parser as typed amounts, so that the range is the same.
            let text = format!(
                "{}{}",
                if ore < 0.0 { "-" } else { "" },
                Amount::from_ore(ore.abs() as i64).format(Locale::En)
            );
            Amount::parse(&text, Locale::En, true)
        }
        Cell::Text(text) => Amount::parse(text, locale, true),
        Cell::Empty => Err(Problem::Required),
        Cell::Date(_) => Err(Problem::NotANumber),
    }
}
