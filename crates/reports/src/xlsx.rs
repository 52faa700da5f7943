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
    let mut used: Vec<String> = Vec::new();
    for (index, sheet) in sheets.iter().enumerate() {
        let worksheet = workbook.add_worksheet();
        let name: String = sheet.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        let name = if name.is_empty() { format!("Parat {}", index + 1) } else { name };
        // Excel compares sheet names without case; a second sheet of a name gets a number.
        let taken = |candidate: &str| used.iter().any(|u| u.to_lowercase() == candidate.to_lowercase());
        let name = match taken(&name) {
            false => name,
            true => (2..)
                .map(|n| {
                    let suffix = format!(" ({n})");
                    let stem: String = name.chars().take(31 - suffix.chars().count()).collect();
                    format!("{stem}{suffix}")
                })
                .find(|candidate| !taken(candidate))
                .unwrap_or_default(),
        };
        worksheet.set_name(&name)?;
        used.push(name);
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

#[cfg(test)]
mod sheet_names {
    use super::*;

    #[test]
    fn a_second_sheet_of_a_name_gets_a_number() {
        let sheet = |name: &str| Sheet { name: name.into(), headers: vec!["A".into()], rows: vec![] };
        let long = "Utbildningstillfällen och deltagande";
        let bytes = workbook(&[sheet(long), sheet(long), sheet("Budget"), sheet("budget")]).expect("written");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("xl/workbook.xml").expect("workbook"), &mut xml)
            .expect("read");
        for name in ["Utbildningstillfällen och delta", "Utbildningstillfällen och d (2)", "Budget", "budget (2)"] {
            assert!(xml.contains(&format!("name=\"{name}\"")), "{name} in {xml}");
        }
    }
}
