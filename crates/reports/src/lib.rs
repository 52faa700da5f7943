//! Parat's documents: PDF reports rendered with typst from embedded templates and fonts, Word
//! documents, XLSX spreadsheets and CSV files, and tables read from uploaded ones. Pure functions from data to bytes; callers run them on blocking threads.

pub mod csv;
pub mod document;
pub mod docx;
pub mod pdf;
pub mod plain_text;
pub mod table;
pub mod xlsx;

/// Why an uploaded file gives no text. Every reader of uploads is linear in its input and
/// bounded in size and depth, so a hostile file is refused quickly rather than parsed slowly.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UploadError {
    #[error("the file could not be read: {0}")]
    Unreadable(String),
    #[error("the file unpacks to more text than is accepted")]
    TooLarge,
    #[error("the file is nested too deeply or has too many parts")]
    TooComplex,
    #[error("the file is not text in a known encoding")]
    NotText,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the PDF template failed: {0}")]
    Template(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    #[error("the spreadsheet could not be written: {0}")]
    Spreadsheet(#[from] rust_xlsxwriter::XlsxError),
    #[error("the Word document could not be written: {0}")]
    Word(String),
}
