//! A table as read from an uploaded spreadsheet or CSV file, before it means anything: rows of
//! cells, each empty, text, a number or a date (where the spreadsheet marks one).

use time::Date;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
}

impl Cell {
    /// The cell's text, trimmed; `None` for an empty cell or one of only spaces.
    pub fn text(&self) -> Option<String> {
        match self {
            Cell::Empty => None,
            Cell::Text(text) => Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
            Cell::Number(n) => Some(n.to_string()),
            Cell::Date(d) => Some(d.to_string()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_none()
    }
}

/// A date as accounting systems and people write it: `2026-09-01` (also with a time after it),
/// `20260901`, or day first as in Denmark, `01.09.2026`, `1-9-2026`, `01/09/2026`.
pub fn parse_date(raw: &str) -> Option<Date> {
    let raw = raw.trim();
    let date_part = raw.split([' ', 'T']).next().unwrap_or(raw);
    let numbers = |parts: Vec<&str>| -> Option<Vec<u32>> { parts.iter().map(|p| p.parse().ok()).collect() };
    let (year, month, day) = if date_part.len() == 8 && date_part.chars().all(|c| c.is_ascii_digit()) {
        let n: u32 = date_part.parse().ok()?;
        (n / 10_000, n / 100 % 100, n % 100)
    } else if let Some(separator) = ['-', '.', '/'].into_iter().find(|s| date_part.contains(*s)) {
        let parts: Vec<&str> = date_part.split(separator).collect();
        if parts.len() != 3 {
            return None;
        }
        let n = numbers(parts.clone())?;
        match (parts[0].len(), parts[2].len()) {
            (4, 1..=2) => (n[0], n[1], n[2]),
            (1..=2, 4) => (n[2], n[1], n[0]),
            _ => return None,
        }
    } else {
        return None;
    };
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_are_read_in_the_ways_nordic_offices_write_them() {
        for raw in [
            "2026-09-01",
            "2026-09-01 00:00:00",
            "2026-09-01T00:00",
            "20260901",
            "01.09.2026",
            "1.9.2026",
            "01-09-2026",
            "01/09/2026",
        ] {
            assert_eq!(parse_date(raw), Some(date!(2026 - 09 - 01)), "{raw}");
        }
        for raw in ["", "2026-13-01", "2026-02-30", "31.04.2026", "09/01/26", "2026-9", "huomenna", "202609011"] {
            assert_eq!(parse_date(raw), None, "{raw}");
        }
    }
}
