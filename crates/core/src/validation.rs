//! Field-level validation results that the web layer can show beside each field, in any language.

use serde::Serialize;

/// What is wrong with one field. The web layer turns each into a translated message
/// (`problem-<code>` in the Fluent files) and the API into a stable machine-readable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    InvalidEmail,
    InvalidDate,
    EndBeforeStart,
    UnknownChoice,
    Taken,
    Mismatch,
    ControlCharacters,
    /// An uploaded file that is not a .txt or .docx Parat can read.
    UnreadableFile,
    /// An uploaded file that unpacks to more than Parat accepts.
    FileTooLarge,
    /// An uploaded file nested too deeply or with too many parts (a hostile or broken file).
    FileTooComplex,
    /// A text file in an encoding Parat cannot tell (not UTF-8, UTF-16 or Windows-1252).
    FileNotText,
    /// The method needs exactly two independent scorers.
    TwoScorers,
    /// Nothing chosen in a list or among options (worded "choose", not "fill in").
    NotChosen,
    /// No file was chosen for an upload.
    FileMissing,
    /// The current password given to confirm a change is not the account's password.
    WrongPassword,
    /// A date that has passed where a coming one is needed (a new due date).
    DateInPast,
    /// A whole number outside the range a field takes.
    OutOfRange {
        min: i64,
        max: i64,
    },
    /// Not a number where one is needed.
    NotANumber,
    /// Too few or too many choices, one per line.
    OptionCount {
        min: usize,
        max: usize,
    },
    /// A pairing code's letters: two letters.
    PairLetters,
    /// A pairing code's digits: two digits.
    PairDigits,
    /// A date that has not come yet where one that has passed is needed (when something was done).
    DateInFuture,
    /// A date something was reached, given for something not marked reached.
    ReachedOnlyWhenReached,
    /// A record placed under one it cannot hang under (a goal under a sub-goal, a purpose
    /// under anything).
    WrongParent,
    /// A number (decimals allowed) outside the range a field takes.
    DecimalOutOfRange {
        min: i64,
        max: i64,
    },
    /// The same choice where two different ones are needed (a need for contact with oneself).
    SameTwice,
    /// A name or personal identity number where the organisation records participants only
    /// under codes.
    NamesNotRecorded,
    /// A number with more decimals than the line is marked in (one).
    OneDecimal,
    /// A session with neither an outcome nor a session rating.
    NoRating,
    /// A total typed beside four marks that do not add up to it.
    TotalMismatch,
    /// Not a date and time of day (`2026-09-01 13:30`).
    InvalidDateTime,
    /// A wall-clock time in the hour skipped when summer time begins.
    NoSuchLocalTime,
    /// An amount of money with more than two decimals (öre).
    TwoDecimals,
}

impl Problem {
    /// One of each problem (with an example limit where it has one): the list the translation
    /// test checks, so that a new problem without a message in every language fails it.
    pub const ALL: &'static [Problem] = &[
        Problem::Required,
        Problem::TooLong { max: 1 },
        Problem::TooShort { min: 1 },
        Problem::InvalidEmail,
        Problem::InvalidDate,
        Problem::EndBeforeStart,
        Problem::UnknownChoice,
        Problem::Taken,
        Problem::Mismatch,
        Problem::ControlCharacters,
        Problem::UnreadableFile,
        Problem::FileTooLarge,
        Problem::FileTooComplex,
        Problem::FileNotText,
        Problem::TwoScorers,
        Problem::NotChosen,
        Problem::FileMissing,
        Problem::WrongPassword,
        Problem::DateInPast,
        Problem::OutOfRange { min: 1, max: 2 },
        Problem::NotANumber,
        Problem::OptionCount { min: 2, max: 3 },
        Problem::PairLetters,
        Problem::PairDigits,
        Problem::DateInFuture,
        Problem::ReachedOnlyWhenReached,
        Problem::WrongParent,
        Problem::DecimalOutOfRange { min: 0, max: 1 },
        Problem::SameTwice,
        Problem::NamesNotRecorded,
        Problem::OneDecimal,
        Problem::NoRating,
        Problem::TotalMismatch,
        Problem::InvalidDateTime,
        Problem::NoSuchLocalTime,
        Problem::TwoDecimals,
    ];

    /// Stable code, used in API error bodies and as the Fluent message id suffix.
    pub fn code(self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::TooLong { .. } => "too-long",
            Problem::TooShort { .. } => "too-short",
            Problem::InvalidEmail => "invalid-email",
            Problem::InvalidDate => "invalid-date",
            Problem::EndBeforeStart => "end-before-start",
            Problem::UnknownChoice => "unknown-choice",
            Problem::Taken => "taken",
            Problem::Mismatch => "mismatch",
            Problem::ControlCharacters => "control-characters",
            Problem::UnreadableFile => "unreadable-file",
            Problem::FileTooLarge => "file-too-large",
            Problem::FileTooComplex => "file-too-complex",
            Problem::FileNotText => "file-not-text",
            Problem::TwoScorers => "two-scorers",
            Problem::NotChosen => "not-chosen",
            Problem::FileMissing => "file-missing",
            Problem::WrongPassword => "wrong-password",
            Problem::DateInPast => "date-in-past",
            Problem::OutOfRange { .. } => "out-of-range",
            Problem::NotANumber => "not-a-number",
            Problem::OptionCount { .. } => "option-count",
            Problem::PairLetters => "pair-letters",
            Problem::PairDigits => "pair-digits",
            Problem::DateInFuture => "date-in-future",
            Problem::ReachedOnlyWhenReached => "reached-only-when-reached",
            Problem::WrongParent => "wrong-parent",
            Problem::DecimalOutOfRange { .. } => "decimal-out-of-range",
            Problem::SameTwice => "same-twice",
            Problem::NamesNotRecorded => "names-not-recorded",
            Problem::OneDecimal => "one-decimal",
            Problem::NoRating => "no-rating",
            Problem::TotalMismatch => "total-mismatch",
            Problem::InvalidDateTime => "invalid-date-time",
            Problem::NoSuchLocalTime => "no-such-local-time",
            Problem::TwoDecimals => "two-decimals",
        }
    }

    /// The numbers a message needs (`{ $n }`, `{ $min }`, `{ $max }`).
    pub fn args(self) -> Vec<(&'static str, i64)> {
        match self {
            Problem::TooLong { max } => vec![("n", max as i64)],
            Problem::TooShort { min } => vec![("n", min as i64)],
            Problem::OutOfRange { min, max } | Problem::DecimalOutOfRange { min, max } => {
                vec![("min", min), ("max", max)]
            }
            Problem::OptionCount { min, max } => vec![("min", min as i64), ("max", max as i64)],
            _ => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: &'static str,
    pub problem: Problem,
}

/// All problems found in one submitted form, in field order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }
    /// One field's problem.
    pub fn single(field: &'static str, problem: Problem) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, problem);
        errors
    }

    pub fn add(&mut self, field: &'static str, problem: Problem) {
        self.0.push(FieldError { field, problem });
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, field: &str) -> Option<Problem> {
        self.0.iter().find(|e| e.field == field).map(|e| e.problem)
    }
    /// Record the outcome of parsing one field and hand back its value when it parsed.
    pub fn check<T>(&mut self, field: &'static str, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.add(field, problem);
                None
            }
        }
    }
    /// `Ok(value)` when no field had a problem; the value is only built then.
    pub fn finish<T>(self, build: impl FnOnce() -> Option<T>) -> Result<T, FieldErrors> {
        if self.is_empty() {
            build().ok_or(self)
        } else {
            Err(self)
        }
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}: {}", e.field, e.problem.code())?;
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}

/// A number as a person writes it, with a decimal comma or point (`0,5`, `1.5`), within
/// `min..=max`.
pub fn decimal_in(raw: &str, min: i64, max: i64) -> Result<f64, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Problem::Required);
    }
    let value: f64 = raw.replace(',', ".").parse().map_err(|_| Problem::NotANumber)?;
    if !value.is_finite() {
        return Err(Problem::NotANumber);
    }
    if value < min as f64 || value > max as f64 {
        return Err(Problem::DecimalOutOfRange { min, max });
    }
    Ok(value)
}

/// A record chosen in a list by its id, or none (an empty choice).
/// Distinct positive ids from a form's ticked boxes or chosen options, in order; an empty value
/// is no choice.
pub fn chosen_ids(raw: &[String]) -> Result<Vec<i64>, Problem> {
    let mut ids = Vec::new();
    for value in raw.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        let id = value.parse::<i64>().ok().filter(|id| *id > 0).ok_or(Problem::UnknownChoice)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

pub fn optional_id(raw: &str) -> Result<Option<i64>, Problem> {
    match raw.trim() {
        "" => Ok(None),
        raw => raw.parse::<i64>().ok().filter(|id| *id > 0).map(Some).ok_or(Problem::UnknownChoice),
    }
}

/// A whole number as a person types it, within `min..=max`.
pub fn int_in(raw: &str, min: i64, max: i64) -> Result<i64, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Problem::Required);
    }
    let value: i64 = raw.parse().map_err(|_| Problem::NotANumber)?;
    if value < min || value > max {
        return Err(Problem::OutOfRange { min, max });
    }
    Ok(value)
}

/// Trimmed single-line text of 1..=max characters, without control characters.
pub fn required_text(raw: &str, max: usize) -> Result<String, Problem> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Problem::Required);
    }
    bounded_text(text, max, false)
}

/// Trimmed text that may be empty; `multiline` allows line breaks and tabs.
pub fn optional_text(raw: &str, max: usize, multiline: bool) -> Result<String, Problem> {
    bounded_text(raw.trim(), max, multiline)
}

fn bounded_text(text: &str, max: usize, multiline: bool) -> Result<String, Problem> {
    if text.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    let allowed = |c: char| !c.is_control() || (multiline && matches!(c, '\n' | '\r' | '\t'));
    if !text.chars().all(allowed) {
        return Err(Problem::ControlCharacters);
    }
    Ok(text.replace("\r\n", "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_listed_once() {
        let codes: std::collections::BTreeSet<&str> = Problem::ALL.iter().map(|p| p.code()).collect();
        assert_eq!(codes.len(), Problem::ALL.len(), "each problem once");
    }

    #[test]
    fn required_text_trims_and_bounds() {
        assert_eq!(required_text("  Anna  ", 10), Ok("Anna".into()));
        assert_eq!(required_text("   ", 10), Err(Problem::Required));
        assert_eq!(required_text("åäöåäöåäöå", 10), Ok("åäöåäöåäöå".into()));
        assert_eq!(required_text("åäöåäöåäöåx", 10), Err(Problem::TooLong { max: 10 }));
        assert_eq!(required_text("a\u{0}b", 10), Err(Problem::ControlCharacters));
        assert_eq!(required_text("a\nb", 10), Err(Problem::ControlCharacters));
    }

    #[test]
    fn decimals_take_a_comma_or_a_point() {
        assert_eq!(decimal_in(" 0,5 ", 0, 24), Ok(0.5));
        assert_eq!(decimal_in("1.25", 0, 24), Ok(1.25));
        assert_eq!(decimal_in("24", 0, 24), Ok(24.0));
        assert_eq!(decimal_in("24,01", 0, 24), Err(Problem::DecimalOutOfRange { min: 0, max: 24 }));
        assert_eq!(decimal_in("-1", 0, 24), Err(Problem::DecimalOutOfRange { min: 0, max: 24 }));
        assert_eq!(decimal_in("en", 0, 24), Err(Problem::NotANumber));
        assert_eq!(decimal_in("NaN", 0, 24), Err(Problem::NotANumber));
        assert_eq!(decimal_in("", 0, 24), Err(Problem::Required));
    }

    #[test]
    fn optional_multiline_keeps_line_breaks() {
        assert_eq!(optional_text("a\r\nb\n", 10, true), Ok("a\nb".into()));
        assert_eq!(optional_text("", 10, true), Ok(String::new()));
    }

    #[test]
    fn finish_builds_only_without_errors() {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", required_text("", 5));
        assert!(name.is_none());
        assert_eq!(errors.clone().finish(|| Some(1)), Err(errors.clone()));
        assert_eq!(FieldErrors::new().finish(|| Some(1)), Ok(1));
    }
}
