//! Parat's documents: PDF reports rendered with typst from embedded templates and fonts, and
//! XLSX spreadsheets. Pure functions from data to bytes; callers run them on blocking threads.

pub mod docx;
pub mod pdf;
pub mod xlsx;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the PDF template failed: {0}")]
    Template(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    #[error("the document could not be read: {0}")]
    Unreadable(String),
    #[error("the spreadsheet could not be written: {0}")]
    Spreadsheet(#[from] rust_xlsxwriter::XlsxError),
}
