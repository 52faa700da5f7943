//! A table read from an uploaded CSV file or spreadsheet (.xlsx, .xls, .ods) — an accounting
//! system's export — as rows of cells; what the cells mean is the importer's business.

use std::io::{Cursor, Read, Seek};

use calamine::{Data, Reader};
use parat_core::table::Cell;

use crate::UploadError;

/// The most a spreadsheet's parts may unpack to; a real export of ten thousand rows is a few MB.
const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// The kinds of file read, by the name's ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFile {
    Csv,
    Spreadsheet,
}

impl TableFile {
    pub fn from_name(name: &str) -> Option<TableFile> {
        let name = name.to_lowercase();
        if name.ends_with(".csv") || name.ends_with(".txt") {
            Some(TableFile::Csv)
        } else if [".xlsx", ".xlsm", ".xls", ".ods"].iter().any(|e| name.ends_with(e)) {
            Some(TableFile::Spreadsheet)
        } else {
            None
        }
    }
}

/// The rows of the file's first sheet (a CSV file has one).
pub fn read(kind: TableFile, bytes: &[u8]) -> Result<Vec<Vec<Cell>>, UploadError> {
    match kind {
        TableFile::Csv => csv_rows(bytes),
        TableFile::Spreadsheet => spreadsheet_rows(bytes),
    }
}

/// CSV as exported in the Nordics: any encoding [`plain_text::decode`](crate::plain_text::decode)
/// knows, separated by semicolons, tabs or commas — whichever the first line has most of.
fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<Cell>>, UploadError> {
    let text = crate::plain_text::decode(bytes)?;
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| (first_line.matches(char::from(*d)).count(), matches!(d, b';')))
        .unwrap_or(b';');
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| {
            let record = record.map_err(|e| UploadError::Unreadable(e.to_string()))?;
            Ok(record
                .iter()
                .map(|c| if c.trim().is_empty() { Cell::Empty } else { Cell::Text(c.trim().to_owned()) })
                .collect())
        })
        .collect()
}

fn spreadsheet_rows(bytes: &[u8]) -> Result<Vec<Vec<Cell>>, UploadError> {
    let unreadable = |e: &dyn std::fmt::Display| UploadError::Unreadable(e.to_string());
    refuse_zip_bombs(Cursor::new(bytes))?;
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let range = match workbook.worksheet_range_at(0) {
        Some(range) => range.map_err(|e| unreadable(&e))?,
        None => return Ok(Vec::new()),
    };
    // The range begins at its first filled cell; rows and columns before it are padded back,
    // so that a row's number is the one the spreadsheet shows.
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let padding = std::iter::repeat_n(Cell::Empty, first_column as usize);
    let rows = range.rows().map(|row| padding.clone().chain(row.iter().map(cell)).collect());
    Ok(std::iter::repeat_n(Vec::new(), first_row as usize).chain(rows).collect())
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => match text.trim() {
            "" => Cell::Empty,
            text => Cell::Text(text.to_owned()),
        },
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(at) if at.is_datetime() => {
            let (year, month, day, ..) = at.to_ymd_hms_milli();
            time::Month::try_from(month)
                .ok()
                .and_then(|m| time::Date::from_calendar_date(i32::from(year), m, day).ok())
                .map_or(Cell::Number(at.as_f64()), Cell::Date)
        }
        Data::DateTime(at) => Cell::Number(at.as_f64()),
        Data::Error(e) => Cell::Text(format!("#{e}")),
    }
}

/// Spreadsheets other than .xls are zip archives; one whose parts claim to unpack to more than a
/// real export would is refused before it is unpacked. (An .xls file is not an archive.)
fn refuse_zip_bombs<R: Read + Seek>(reader: R) -> Result<(), UploadError> {
    let Ok(mut archive) = zip::ZipArchive::new(reader) else { return Ok(()) };
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|e| UploadError::Unreadable(e.to_string()))?;
        total = total.saturating_add(entry.size());
    }
    match total > MAX_UNPACKED_BYTES {
        true => Err(UploadError::TooLarge),
        false => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xlsx;
    use time::macros::date;

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }

    #[test]
    fn csv_is_read_with_the_separator_its_first_line_uses_in_any_office_encoding() {
        let semicolons = "\u{feff}Datum;Belopp;Text\r\n2026-09-01;\"1 250,50\";Kurs; i MI\r\n\r\n;;\r\n";
        let rows = read(TableFile::Csv, semicolons.as_bytes()).expect("read");
        assert_eq!(rows[0], vec![text("Datum"), text("Belopp"), text("Text")]);
        assert_eq!(rows[1], vec![text("2026-09-01"), text("1 250,50"), text("Kurs"), text("i MI")]);
        assert_eq!(rows[2], vec![Cell::Empty, Cell::Empty, Cell::Empty]);
        // Windows-1252, tab-separated: "Beløb" and "Tåg" as a Nordic Windows program saves them.
        let latin = b"Dato\tBel\xf8b\r\n2026-09-01\tT\xe5g\r\n";
        let rows = read(TableFile::Csv, latin).expect("read");
        assert_eq!(rows, vec![vec![text("Dato"), text("Beløb")], vec![text("2026-09-01"), text("Tåg")]]);
        let commas = "date,amount\n2026-09-01,\"1,250.50\"\n";
        assert_eq!(
            read(TableFile::Csv, commas.as_bytes()).expect("read")[1],
            vec![text("2026-09-01"), text("1,250.50")]
        );
    }

    #[test]
    fn a_spreadsheets_numbers_stay_numbers_and_rows_keep_their_numbers() {
        let rows = vec![vec![xlsx::Cell::Text("Lön".into()), xlsx::Cell::Number(12_500.5), xlsx::Cell::Empty]];
        let bytes = xlsx::table("Kostnader", &["Text".into(), "Belopp".into(), "Tom".into()], &rows).expect("written");
        let read_back = read(TableFile::Spreadsheet, &bytes).expect("read");
        assert_eq!(read_back[0][..2], [text("Text"), text("Belopp")]);
        assert_eq!(read_back[1][..2], [text("Lön"), Cell::Number(12_500.5)]);
    }

    #[test]
    fn a_date_cell_becomes_a_date_and_a_late_start_is_padded() {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 9, 1).expect("date");
        sheet.write_string(2, 1, "Datum").expect("cell");
        sheet.write_datetime_with_format(3, 1, &day, &format).expect("cell");
        let bytes = workbook.save_to_buffer().expect("saved");
        let rows = read(TableFile::Spreadsheet, &bytes).expect("read");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[2], vec![Cell::Empty, text("Datum")]);
        assert_eq!(rows[3], vec![Cell::Empty, Cell::Date(date!(2026 - 09 - 01))]);
    }

    #[test]
    fn broken_or_swollen_files_are_refused() {
        assert!(matches!(read(TableFile::Spreadsheet, b"not a spreadsheet"), Err(UploadError::Unreadable(_))));
        assert!(matches!(read(TableFile::Csv, b"a;b\x00\x01"), Err(UploadError::NotText)));
        // An archive whose one part unpacks to more than is accepted.
        let mut buffer = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buffer);
            zip.start_file("xl/worksheets/sheet1.xml", zip::write::SimpleFileOptions::default()).expect("part");
            let zeros = vec![b' '; 1024 * 1024];
            for _ in 0..65 {
                std::io::Write::write_all(&mut zip, &zeros).expect("written");
            }
            zip.finish().expect("finished");
        }
        assert_eq!(read(TableFile::Spreadsheet, buffer.get_ref()), Err(UploadError::TooLarge));
        assert_eq!(TableFile::from_name("Kostnader 2026.XLSX"), Some(TableFile::Spreadsheet));
        assert_eq!(TableFile::from_name("export.csv"), Some(TableFile::Csv));
        assert_eq!(TableFile::from_name("rapport.pdf"), None);
    }
}
