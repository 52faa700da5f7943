//! XLSX workbooks of one or more sheets, each a bold header row and then the rows; numbers
//! stay numbers and text is never a formula.

use rust_xlsxwriter::{Format, Workbook};

use crate::ReportError;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

/// One sheet: its name (at most 31 characters, as Excel requires), header and rows.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A workbook with one sheet named `sheet`.
pub fn table(sheet: &str, headers: &[String], rows: &[Vec<Cell>]) -> Result<Vec<u8>, ReportError> {
    workbook(&[Sheet { name: sheet.to_owned(), headers: headers.to_vec(), rows: rows.to_vec() }])
}

/// A workbook with the sheets in order.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, ReportError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for (index, sheet) in sheets.iter().enumerate() {
        let worksheet = workbook.add_worksheet();
        let name: String = sheet.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        let fallback = format!("Parat {}", index + 1);
        worksheet.set_name(if name.is_empty() { &fallback } else { &name })?;
        for (col, header) in sheet.headers.iter().enumerate() {
            worksheet.write_string_with_format(0, col as u16, header, &bold)?;
            worksheet.set_column_width(col as u16, (header.chars().count() + 4).max(12) as f64)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
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
    }
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
