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

#[cfg(test)]
mod tests {
    use super::Amount;
    use crate::locale::Locale;
    use crate::Problem;
    use proptest::prelude::*;

    #[test]
    fn amounts_are_read_as_people_write_them_in_their_language() {
        let cases: [(&str, Locale, i64); 12] = [
            ("12500", Locale::Sv, 1_250_000),
            ("12 500", Locale::Sv, 1_250_000),
            ("12\u{a0}500,50", Locale::Sv, 1_250_050),
            ("12500,5", Locale::Sv, 1_250_050),
            ("12500.50", Locale::Sv, 1_250_050),
            ("12 500 kr", Locale::Sv, 1_250_000),
            ("12.500", Locale::Da, 1_250_000),
            ("12.500,50", Locale::Da, 1_250_050),
            ("1.250.000", Locale::Da, 125_000_000),
            ("12,500.50", Locale::En, 1_250_050),
            ("12,500", Locale::En, 1_250_000),
            ("0,01", Locale::Sv, 1),
        ];
        for (raw, locale, ore) in cases {
            assert_eq!(Amount::parse(raw, locale, false), Ok(Amount::from_ore(ore)), "{raw} ({locale:?})");
        }
        assert_eq!(Amount::parse("-1 500,25", Locale::Sv, true), Ok(Amount::from_ore(-150_025)));
    }

    #[test]
    fn a_bad_amount_says_what_is_wrong() {
        let bad = |raw: &str| Amount::parse(raw, Locale::Sv, false);
        assert_eq!(bad(""), Err(Problem::Required));
        assert_eq!(bad("12,505"), Err(Problem::TwoDecimals));
        assert_eq!(bad("tolv"), Err(Problem::NotANumber));
        assert_eq!(bad("1e5"), Err(Problem::NotANumber));
        assert!(matches!(bad("-5"), Err(Problem::OutOfRange { .. })), "no negative budget");
        assert!(matches!(bad("99999999999999999"), Err(Problem::OutOfRange { .. })));
    }

    #[test]
    fn amounts_are_written_in_each_language() {
        let amount = Amount::from_ore(1_250_050);
        assert_eq!(amount.format(Locale::Sv), "12\u{a0}500,50");
        assert_eq!(amount.format(Locale::Da), "12.500,50");
        assert_eq!(amount.format(Locale::En), "12,500.50");
        assert_eq!(Amount::from_ore(1_250_000).format(Locale::Sv), "12\u{a0}500");
        assert_eq!(Amount::from_ore(-5).format(Locale::Sv), "−0,05");
        assert_eq!(amount.to_string(), "12500,50");
    }

    proptest! {
        /// What Parat writes, in any language or in a form's field, it reads back to the öre.
        #[test]
        fn written_amounts_read_back(ore in -100_000_000_000i64..=100_000_000_000) {
            let amount = Amount::from_ore(ore);
            for locale in [Locale::Sv, Locale::Da, Locale::En] {
                let written = amount.format(locale).replace('−', "-");
                prop_assert_eq!(Amount::parse(&written, locale, true), Ok(amount), "{}", written);
            }
            prop_assert_eq!(Amount::parse(&amount.to_string(), Locale::Sv, true), Ok(amount));
        }
    }
}
