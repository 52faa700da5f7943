//! CSV files as Swedish and Danish Excel open them: a byte-order mark, semicolons, CRLF line
//! ends, and no cell a spreadsheet would run as a formula.

/// A CSV document from a header and rows of text cells.
pub fn document(header: &[String], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let line = |cells: &[String]| cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(";") + "\r\n";
    let mut csv = String::from("\u{feff}");
    csv.push_str(&line(header));
    for row in rows {
        csv.push_str(&line(&row));
    }
    csv
}

/// One CSV cell: quoted when needed, and a leading `= + - @` neutralised so that a spreadsheet
/// never runs it as a formula.
pub fn cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) && value.parse::<f64>().is_err() {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_neutralised() {
        assert_eq!(cell("4"), "4");
        assert_eq!(cell("a;b"), "\"a;b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("-3"), "-3");
        assert_eq!(cell("@home"), "'@home");
    }

    #[test]
    fn a_document_starts_with_a_byte_order_mark_and_ends_lines_with_crlf() {
        let csv = document(&["a".into(), "b".into()], [vec!["1".into(), "x;y".into()]]);
        assert_eq!(csv, "\u{feff}a;b\r\n1;\"x;y\"\r\n");
    }
}
