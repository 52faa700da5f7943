//! Exact values with one decimal. Ratings are marked on a line in tenths, and whether a change
//! is reliable or a total is below a cut-off must never hang on floating point: 25.0 is not
//! below 25, and a change of exactly 5.0 is reliable.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Sub};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Largest magnitude accepted: far beyond any scale, small enough that sums of a million stay
/// exact in an `i64`.
const MAX_WHOLE: i64 = 1_000_000;

/// A number with at most one decimal, held as a whole number of tenths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Tenths(i64);

/// Why a number is not a value with at most one decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TenthsProblem {
    #[error("is not a number")]
    NotANumber,
    #[error("has more than one decimal")]
    TooManyDecimals,
    #[error("is too large")]
    TooLarge,
}

impl Tenths {
    pub const ZERO: Tenths = Tenths(0);

    pub const fn from_tenths(tenths: i64) -> Self {
        Tenths(tenths)
    }

    pub const fn whole(units: i64) -> Self {
        Tenths(units * 10)
    }

    pub const fn tenths(self) -> i64 {
        self.0
    }

    /// For output and means only; never for a decision.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 10.0
    }

    /// A number as JSON gives it. Its shortest decimal form (what Rust prints, and what a person
    /// wrote: `4.5`, not `4.4999…`) decides how many decimals it has.
    pub fn from_number(number: f64) -> Result<Self, TenthsProblem> {
        if !number.is_finite() {
            return Err(TenthsProblem::NotANumber);
        }
        if number.abs() > MAX_WHOLE as f64 {
            return Err(TenthsProblem::TooLarge);
        }
        Self::from_decimal(&number.to_string())
    }

    /// A number as a person types it, with a decimal comma or point: `4,5`, `4.5`, `4`.
    pub fn from_text(raw: &str) -> Result<Self, TenthsProblem> {
        Self::from_decimal(&raw.trim().replace(',', "."))
    }

    fn from_decimal(text: &str) -> Result<Self, TenthsProblem> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty()
            || !all_digits(whole)
            || !all_digits(fraction)
            || (digits.contains('.') && fraction.is_empty())
        {
            return Err(TenthsProblem::NotANumber);
        }
        // Trailing zeros say nothing: 4.50 is 4.5.
        let fraction = fraction.trim_end_matches('0');
        if fraction.len() > 1 {
            return Err(TenthsProblem::TooManyDecimals);
        }
        let whole = whole.trim_start_matches('0');
        if whole.len() > 7 {
            return Err(TenthsProblem::TooLarge);
        }
        let units: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| TenthsProblem::NotANumber)? };
        if units > MAX_WHOLE {
            return Err(TenthsProblem::TooLarge);
        }
        let tenth: i64 = fraction.parse().unwrap_or(0);
        let magnitude = units * 10 + tenth;
        Ok(Tenths(if negative { -magnitude } else { magnitude }))
    }
}

impl fmt::Display for Tenths {
    /// `25`, `23.5`, `-4.5`: a point, as JSON and the command line write it; pages format with
    /// the locale's decimal comma.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let (units, tenth) = (self.0.abs() / 10, self.0.abs() % 10);
        if tenth == 0 {
            write!(f, "{sign}{units}")
        } else {
            write!(f, "{sign}{units}.{tenth}")
        }
    }
}

impl Add for Tenths {
    type Output = Tenths;
    fn add(self, other: Tenths) -> Tenths {
        Tenths(self.0 + other.0)
    }
}

impl Sub for Tenths {
    type Output = Tenths;
    fn sub(self, other: Tenths) -> Tenths {
        Tenths(self.0 - other.0)
    }
}

impl Sum for Tenths {
    fn sum<I: Iterator<Item = Tenths>>(values: I) -> Tenths {
        Tenths(values.map(|v| v.0).sum())
    }
}

impl Serialize for Tenths {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

/// Read back as written: a number with at most one decimal, or an error.
impl<'de> Deserialize<'de> for Tenths {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let number = f64::deserialize(d)?;
        Tenths::from_number(number).map_err(serde::de::Error::custom)
    }
}

/// A number with at most one decimal.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Tenths {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Number)
            .description(Some("A number with at most one decimal"))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Tenths {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers_with_one_decimal_are_exact_and_two_are_refused() {
        assert_eq!(Tenths::from_number(4.5), Ok(Tenths(45)));
        assert_eq!(Tenths::from_number(0.1), Ok(Tenths(1)));
        assert_eq!(Tenths::from_number(25.0), Ok(Tenths(250)));
        assert_eq!(Tenths::from_number(-5.0), Ok(Tenths(-50)));
        assert_eq!(Tenths::from_number(4.55), Err(TenthsProblem::TooManyDecimals));
        assert_eq!(Tenths::from_number(0.05), Err(TenthsProblem::TooManyDecimals));
        assert_eq!(Tenths::from_number(f64::NAN), Err(TenthsProblem::NotANumber));
        assert_eq!(Tenths::from_number(1e300), Err(TenthsProblem::TooLarge));
        assert_eq!(Tenths::from_text(" 4,5 "), Ok(Tenths(45)));
        assert_eq!(Tenths::from_text("4.50"), Ok(Tenths(45)));
        assert_eq!(Tenths::from_text("007"), Ok(Tenths(70)));
        for bad in ["", "-", "4.", ".5", "4,5,1", "4e1", "+4", "fyra", "4 5"] {
            assert_eq!(Tenths::from_text(bad), Err(TenthsProblem::NotANumber), "{bad:?}");
        }
        assert_eq!(Tenths::from_text("4,55"), Err(TenthsProblem::TooManyDecimals));
        assert_eq!(Tenths::from_text("99999999"), Err(TenthsProblem::TooLarge));
    }

    #[test]
    fn sums_of_tenths_do_not_drift_as_floating_point_does() {
        // 0.1 added 250 times is not 25 in floating point; in tenths it is.
        let total: Tenths = std::iter::repeat_n(Tenths::from_number(0.1).expect("as written"), 250).sum();
        assert_eq!(total, Tenths::whole(25));
        assert!((0..250).map(|_| 0.1_f64).sum::<f64>() != 25.0);
    }

    proptest! {
        #[test]
        fn every_tenth_reads_back_from_its_number_and_its_text(tenths in -10_000_000i64..=10_000_000) {
            let value = Tenths(tenths);
            prop_assert_eq!(Tenths::from_number(tenths as f64 / 10.0), Ok(value));
            prop_assert_eq!(Tenths::from_text(&value.to_string()), Ok(value));
            prop_assert_eq!(Tenths::from_text(&value.to_string().replace('.', ",")), Ok(value));
        }
    }
}
