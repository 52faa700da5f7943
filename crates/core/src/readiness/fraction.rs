//! Exact non-negative fractions for means of scores.

use std::cmp::Ordering;

/// `numerator / denominator` in lowest terms, denominator > 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fraction {
    numerator: i128,
    denominator: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs().max(1)
}

impl Fraction {
    /// `None` for a zero denominator.
    pub fn new(numerator: i128, denominator: i128) -> Option<Fraction> {
        if denominator == 0 {
            return None;
        }
        let sign = if denominator < 0 { -1 } else { 1 };
        let divisor = gcd(numerator, denominator);
        Some(Fraction { numerator: sign * numerator / divisor, denominator: sign * denominator / divisor })
    }

    pub fn from_integer(value: i128) -> Fraction {
        Fraction { numerator: value, denominator: 1 }
    }

    pub fn numerator(self) -> i128 {
        self.numerator
    }

    pub fn denominator(self) -> i128 {
        self.denominator
    }

    /// The largest integer not above the value: a stage is its score truncated, never rounded.
    pub fn floor(self) -> i128 {
        self.numerator.div_euclid(self.denominator)
    }

    /// The mean of fractions, exactly. `None` for an empty list.
    pub fn mean(values: &[Fraction]) -> Option<Fraction> {
        let count = i128::try_from(values.len()).ok().filter(|n| *n > 0)?;
        let sum = values.iter().try_fold(Fraction::from_integer(0), |acc, v| acc.checked_add(*v))?;
        Fraction::new(sum.numerator, sum.denominator.checked_mul(count)?)
    }

    pub fn checked_add(self, other: Fraction) -> Option<Fraction> {
        let numerator = self
            .numerator
            .checked_mul(other.denominator)?
            .checked_add(other.numerator.checked_mul(self.denominator)?)?;
        Fraction::new(numerator, self.denominator.checked_mul(other.denominator)?)
    }

    pub fn to_f64(self) -> f64 {
        self.numerator as f64 / self.denominator as f64
    }

    /// Hundredths for a two-decimal display, rounded half up, but never shown at or above the
    /// next whole number when the value is below it: 3.996 shows 3.99, so that the figure on
    /// screen never contradicts the stage beside it.
    pub fn hundredths_for_display(self) -> i128 {
        let scaled = self.numerator * 100;
        let rounded = (2 * scaled + self.denominator).div_euclid(2 * self.denominator);
        let ceiling = (self.floor() + 1) * 100 - 1;
        if Fraction::from_integer(self.floor()) == self {
            rounded
        } else {
            rounded.min(ceiling)
        }
    }
}

impl PartialOrd for Fraction {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Fraction {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.numerator * other.denominator).cmp(&(other.numerator * self.denominator))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(n: i128, d: i128) -> Fraction {
        Fraction::new(n, d).expect("valid")
    }

    #[test]
    fn fractions_reduce_and_compare() {
        assert_eq!(f(6, 4), f(3, 2));
        assert_eq!(f(3, -6), f(-1, 2));
        assert!(f(1, 3) < f(34, 100));
        assert_eq!(Fraction::new(1, 0), None);
    }

    #[test]
    fn floor_truncates() {
        assert_eq!(f(29, 6).floor(), 4, "4.83 is stage 4");
        assert_eq!(f(5, 1).floor(), 5);
        assert_eq!(f(116, 30).floor(), 3);
    }

    #[test]
    fn mean_is_exact() {
        let values = [f(20, 5), f(16, 5), f(27, 5), f(18, 5), f(21, 5), f(14, 5)];
        assert_eq!(Fraction::mean(&values), Some(f(116, 30)));
        assert_eq!(Fraction::mean(&[]), None);
    }

    #[test]
    fn display_rounds_half_up_but_never_reaches_the_next_stage() {
        assert_eq!(f(116, 30).hundredths_for_display(), 387);
        assert_eq!(f(1, 8).hundredths_for_display(), 13, "0.125 rounds up");
        assert_eq!(f(3996, 1000).hundredths_for_display(), 399);
        assert_eq!(f(4, 1).hundredths_for_display(), 400);
    }

    proptest::proptest! {
        /// Independent check: the floor is the largest integer k with k * d <= n.
        #[test]
        fn floor_matches_a_search(n in 0i128..100_000, d in 1i128..1_000) {
            let fraction = f(n, d);
            let mut k = 0;
            while (k + 1) * d <= n { k += 1; }
            proptest::prop_assert_eq!(fraction.floor(), k);
            let shown = fraction.hundredths_for_display();
            proptest::prop_assert!(shown / 100 == k || (shown == k * 100 && fraction == Fraction::from_integer(k)));
        }
    }
}
