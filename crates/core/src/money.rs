//! Amounts of money, exact: whole öre (øre), never floating point, so that a budget's lines add
//! up to its total to the öre; and shares of them, exact to a hundredth of a percent.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Sub};

use serde::Serialize;

use crate::locale::Locale;
use crate::validation::Problem;

/// An amount in öre (hundredths of a krona or krone).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Amount(i64);

/// The largest amount Parat takes: a thousand million kronor.
const MAX_ORE: i64 = 100_000_000_000;

impl Amount {
    pub const ZERO: Amount = Amount(0);

    pub fn from_ore(ore: i64) -> Amount {
        Amount(ore)
    }

    pub fn ore(self) -> i64 {
        self.0
    }

    /// An amount as a person writes it in their language: `12 500`, `12500,50`, `12.500,50`
    /// (Danish), `12,500.50` (English); spaces (also no-break spaces) group thousands; at most
    /// two decimals. A minus sign only where `negative` is allowed (corrections in an outcome).
    pub fn parse(raw: &str, locale: Locale, negative: bool) -> Result<Amount, Problem> {
        let text: String = raw.trim().chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
        let text = text.strip_suffix("kr").or_else(|| text.strip_suffix("kr.")).unwrap_or(&text).to_owned();
        if text.is_empty() {
            return Err(Problem::Required);
        }
        let (sign, digits) = match text.strip_prefix(['-', '−']) {
            Some(rest) if negative => (-1, rest),
            Some(_) => return Err(Problem::OutOfRange { min: 0, max: MAX_ORE / 100 }),
            None => (1, text.as_str()),
        };
        let (whole, fraction) = split_decimal(digits, locale);
        let valid = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !valid(&whole) || !valid(fraction) {
            return Err(Problem::NotANumber);
        }
        if fraction.len() > 2 {
            return Err(Problem::TwoDecimals);
        }
        let whole: i64 = whole.parse().map_err(|_| Problem::NotANumber)?;
        let cents: i64 = format!("{fraction:0<2}").parse().map_err(|_| Problem::NotANumber)?;
        let ore = whole.checked_mul(100).and_then(|w| w.checked_add(cents)).filter(|o| *o <= MAX_ORE);
        ore.map(|o| Amount(sign * o)).ok_or(Problem::OutOfRange { min: 0, max: MAX_ORE / 100 })
    }

    /// `12 500,50` (Swedish, Danish with points: `12.500,50`), `12,500.50` (English); whole
    /// amounts without decimals.
    pub fn format(self, locale: Locale) -> String {
        let (whole, cents) = (self.0.abs() / 100, self.0.abs() % 100);
        let sign = if self.0 < 0 { "−" } else { "" };
        let mark = if locale == Locale::En { '.' } else { ',' };
        match cents {
            0 => format!("{sign}{}", locale.format_integer(whole)),
            _ => format!("{sign}{}{mark}{cents:02}", locale.format_integer(whole)),
        }
    }
}

/// The whole part (grouping marks removed) and the decimals. In English the point is the decimal
/// mark and commas group. In Swedish and Danish, where both a comma and a point occur, the later
/// is the decimal mark; a lone comma is one (`12,50`) unless there are several; a lone point is
/// one unless three digits follow it (`12.500` is Danish for twelve thousand five hundred) or
/// there are several.
fn split_decimal(digits: &str, locale: Locale) -> (String, &str) {
    let (commas, points) = (digits.matches(',').count(), digits.matches('.').count());
    let mark = match (commas, points) {
        _ if locale == Locale::En => (points == 1).then_some('.'),
        (0, 0) => None,
        (c, p) if c > 0 && p > 0 => {
            if digits.rfind(',') > digits.rfind('.') {
                Some(',')
            } else {
                Some('.')
            }
        }
        (1, 0) => Some(','),
        (0, 1) if digits.rsplit_once('.').is_some_and(|(_, f)| f.len() != 3) => Some('.'),
        _ => None,
    };
    match mark.and_then(|m| digits.rsplit_once(m)) {
        Some((whole, fraction)) => (whole.replace([',', '.'], ""), fraction),
        None => (digits.replace([',', '.'], ""), ""),
    }
}

impl fmt::Display for Amount {
    /// As a form field holds it: `12500,50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        match self.0.abs() % 100 {
            0 => write!(f, "{sign}{}", self.0.abs() / 100),
            cents => write!(f, "{sign}{},{cents:02}", self.0.abs() / 100),
        }
    }
}

impl Add for Amount {
    type Output = Amount;
    fn add(self, other: Amount) -> Amount {
        Amount(self.0 + other.0)
    }
}

impl Sub for Amount {
    type Output = Amount;
    fn sub(self, other: Amount) -> Amount {
        Amount(self.0 - other.0)
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, Add::add)
    }
}

/// A share of an amount — a funder's of a project, a county board's of a measurement's price —
/// in hundredths of a percent (`50` is 5 000, `33,33` is 3 333).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Share(u16);

impl Share {
    pub const WHOLE: u16 = 10_000;

    /// A percentage as the person writes it in their language, with at most two decimals and an
    /// optional `%`; more than nothing and at most the whole.
    pub fn parse(raw: &str, locale: Locale) -> Result<Share, Problem> {
        let number = raw.trim().trim_end_matches('%');
        // A percentage with two decimals reads exactly like an amount of money in öre.
        let hundredths = Amount::parse(number, locale, false).map_err(|problem| match problem {
            Problem::OutOfRange { .. } => Problem::OutOfRange { min: 0, max: 100 },
            other => other,
        })?;
        match u16::try_from(hundredths.ore()) {
            Ok(h) if (1..=Share::WHOLE).contains(&h) => Ok(Share(h)),
            _ => Err(Problem::OutOfRange { min: 0, max: 100 }),
        }
    }

    pub fn from_hundredths(hundredths: u16) -> Share {
        Share(hundredths.min(Share::WHOLE))
    }

    pub fn hundredths(self) -> u16 {
        self.0
    }

    /// This share of an amount, rounded to the öre half away from zero (a funder's part of the
    /// budget or of what was spent).
    pub fn of(self, amount: Amount) -> Amount {
        let scaled = i128::from(amount.ore()) * i128::from(self.0);
        let whole = i128::from(Share::WHOLE);
        let rounded = (scaled * 2 + scaled.signum() * whole) / (2 * whole);
        // |amount × share| ≤ |amount|, so it fits where the amount did.
        Amount::from_ore(i64::try_from(rounded).unwrap_or_default())
    }

    /// `50 %`, `33,33 %` (`33.33 %` in English).
    pub fn format(self, locale: Locale) -> String {
        format_percent(u32::from(self.0), locale)
    }
}

/// Hundredths of a percent as a percentage, `83,33 %`; for totals, which may pass the whole.
pub fn format_percent(hundredths: u32, locale: Locale) -> String {
    format!("{} %", Amount::from_ore(i64::from(hundredths)).format(locale))
}
