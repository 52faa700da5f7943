//! One-sheet XLSX workbooks: a bold header row, then the rows; numbers stay numbers.

use rust_xlsxwriter::{Format, Workbook};

use crate::ReportError;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

/// A workbook with one sheet named `sheet` (at most 31 characters, as Excel requires).
pub fn table(sheet: &str, headers: &[String], rows: &[Vec<Cell>]) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    let worksheet = workbook.add_worksheet();
    let name: String = sheet.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    worksheet.set_name(if name.is_empty() { "Parat" } else { &name })?;
    let bold = Format::new().set_bold();
    for (col, header) in headers.iter().enumerate() {
        worksheet.write_string_with_format(0, col as u16, header, &bold)?;
        worksheet.set_column_width(col as u16, (header.chars().count() + 4).max(12) as f64)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            match cell {
                // Text is written as text, never as a formula, whatever it starts with.
                Cell::Text(text) => worksheet.write_string(r, col as u16, text)?,
                Cell::Number(number) => worksheet.write_number(r, col as u16, *number)?,
                Cell::Empty => worksheet,
            };
        }
    }
    worksheet.set_freeze_panes(1, 0)?;
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_becomes_a_zip_with_the_sheet() {
        let bytes = table(
            "Poäng",
            &["Intervju".into(), "A".into()],
            &[vec![Cell::Number(1.0), Cell::Text("=1+1".into())], vec![Cell::Empty]],
        )
        .expect("workbook");
        assert_eq!(&bytes[..2], b"PK", "an XLSX file is a zip archive");
        assert!(bytes.len() > 1000);
    }
}
