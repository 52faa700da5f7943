//! Agreement between the two scorers before consensus: exact agreement, agreement within one
//! level, and quadratic-weighted Cohen's kappa with the scale's full range as categories.

use serde::Serialize;

use super::scoring::{HalfPoints, SCALE_MAX, SCALE_MIN};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agreement {
    /// Share of pairs with the same score (0–1).
    pub exact: f64,
    /// Share of pairs at most one level apart (0–1).
    pub within_one: f64,
    /// Quadratic-weighted kappa; `None` when undefined (every score the same single level).
    pub weighted_kappa: Option<f64>,
    pub pairs: usize,
}

/// Agreement over all (first scorer, second scorer) pairs; `None` without pairs.
///
/// The categories are every step of the scale — whole levels 1–9, or also the half levels when
/// any score is a half point — whether used or not, so that the distance between two levels is
/// the same in every assessment.
pub fn measure(pairs: &[(HalfPoints, HalfPoints)]) -> Option<Agreement> {
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let exact = pairs.iter().filter(|(a, b)| a == b).count() as f64 / n;
    let within_one = pairs.iter().filter(|(a, b)| a.half_points().abs_diff(b.half_points()) <= 2).count() as f64 / n;

    let uses_half_points = pairs.iter().any(|(a, b)| a.half_points() % 2 == 1 || b.half_points() % 2 == 1);
    let step = if uses_half_points { 1 } else { 2 };
    let (low, high) = (SCALE_MIN * 2, SCALE_MAX * 2);
    let categories = usize::from((high - low) / step + 1);
    let index = |score: HalfPoints| usize::from((score.half_points() - low) / step);

    let mut observed = vec![vec![0.0f64; categories]; categories];
    let mut first = vec![0.0f64; categories];
    let mut second = vec![0.0f64; categories];
    for (a, b) in pairs {
        observed[index(*a)][index(*b)] += 1.0 / n;
        first[index(*a)] += 1.0 / n;
        second[index(*b)] += 1.0 / n;
    }
    let weight = |i: usize, j: usize| {
        let d = i as f64 - j as f64;
        d * d / ((categories - 1) as f64).powi(2)
    };
    let (mut weighted_observed, mut weighted_expected) = (0.0, 0.0);
    for i in 0..categories {
        for j in 0..categories {
            weighted_observed += weight(i, j) * observed[i][j];
            weighted_expected += weight(i, j) * first[i] * second[j];
        }
    }
    let weighted_kappa = (weighted_expected > 1e-12).then(|| 1.0 - weighted_observed / weighted_expected);
    Some(Agreement { exact, within_one, weighted_kappa, pairs: pairs.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(a: &[u8], b: &[u8]) -> Vec<(HalfPoints, HalfPoints)> {
        a.iter()
            .zip(b)
            .map(|(x, y)| (HalfPoints::from_whole(*x).expect("scale"), HalfPoints::from_whole(*y).expect("scale")))
            .collect()
    }

    /// Expected kappas computed independently with scikit-learn 1.x:
    /// `cohen_kappa_score(a, b, labels=range(1, 10), weights="quadratic")`.
    #[test]
    fn kappa_matches_an_independent_implementation() {
        let cases: [(&[u8], &[u8], f64); 3] = [
            (
                &[4, 4, 4, 4, 4, 3, 3, 3, 4, 3, 5, 5, 6, 5, 6, 4, 3, 4, 3, 4, 4, 4, 5, 4, 4, 3, 3, 2, 3, 3],
                &[4, 5, 4, 4, 3, 3, 4, 3, 4, 3, 5, 6, 6, 5, 5, 4, 3, 5, 3, 4, 4, 4, 5, 5, 4, 3, 2, 2, 3, 3],
                0.8607888631090487,
            ),
            (&[1, 9, 1, 9], &[9, 1, 9, 1], -1.0),
            (&[1, 2, 3, 4, 5, 6, 7, 8, 9], &[2, 2, 3, 5, 5, 6, 6, 8, 9], 0.9724770642201834),
        ];
        for (a, b, expected) in cases {
            let kappa = measure(&whole(a, b)).and_then(|m| m.weighted_kappa).expect("defined");
            assert!((kappa - expected).abs() < 1e-12, "{kappa} vs {expected}");
        }
    }

    /// Half points: 17 categories (1, 1.5, … 9). scikit-learn with labels 2..=18 in half
    /// points gives 0.9 for these.
    #[test]
    fn half_points_use_every_half_step_as_a_category() {
        let pairs: Vec<_> = [(8, 9), (9, 9), (10, 10), (11, 12), (12, 12)]
            .iter()
            .map(|(a, b)| {
                (
                    HalfPoints::parse(f64::from(*a) / 2.0, true).expect("a"),
                    HalfPoints::parse(f64::from(*b) / 2.0, true).expect("b"),
                )
            })
            .collect();
        let kappa = measure(&pairs).and_then(|m| m.weighted_kappa).expect("defined");
        assert!((kappa - 0.9).abs() < 1e-12, "{kappa}");
    }

    #[test]
    fn shares_of_exact_and_near_agreement() {
        let m = measure(&whole(&[4, 4, 4, 4], &[4, 5, 6, 4])).expect("pairs");
        assert_eq!((m.exact, m.within_one, m.pairs), (0.5, 0.75, 4));
    }

    #[test]
    fn kappa_is_undefined_when_everyone_used_one_level() {
        let m = measure(&whole(&[5, 5, 5], &[5, 5, 5])).expect("pairs");
        assert_eq!((m.exact, m.weighted_kappa), (1.0, None));
        assert!(measure(&[]).is_none());
    }
}
