use time::macros::date;

use crate::outcomes::{AgeGroup, Marks, Ratings, Settings, Tenths};
use crate::periods::Period;
use crate::project::{improved_share, outcomes_improved, OutcomeEnd};

/// An episode ended on `ended_on` with outcome totals as given, under the default settings
/// (a reliable change of five points).
fn ended(ended_on: time::Date, totals: &[i64]) -> OutcomeEnd {
    let ratings: Vec<Ratings> = totals
        .iter()
        .map(|t| {
            let marks = Marks::total_only(Tenths::whole(*t)).expect("a total within 0–40");
            Ratings::new(Some(marks), None).expect("an outcome rating")
        })
        .collect();
    OutcomeEnd::of(&Settings::default(), AgeGroup::Adult, ended_on, &ratings)
}

#[test]
fn an_episode_improves_reliably_from_five_points_and_counts_from_two_ratings() {
    let exactly = ended(date!(2026 - 05 - 01), &[18, 20, 23]);
    assert!(exactly.counted && exactly.improved, "18 to 23 is exactly the reliable change");
    let short = ended(date!(2026 - 05 - 01), &[18, 22]);
    assert!(short.counted && !short.improved, "four points is not reliable");
    let once = ended(date!(2026 - 05 - 01), &[18]);
    assert!(!once.counted && !once.improved, "one rating has no change");
}

#[test]
fn improved_episodes_are_counted_in_the_period_they_ended() {
    let ends = [
        ended(date!(2026 - 04 - 30), &[10, 20]),
        ended(date!(2026 - 05 - 01), &[10, 20]),
        ended(date!(2026 - 08 - 31), &[30, 20]),
        ended(date!(2026 - 09 - 01), &[10, 30]),
    ];
    let count = |key: &str| outcomes_improved(&Period::parse(key).expect("period"), &ends);
    assert_eq!((count("2026-T1"), count("2026-T2"), count("2026-T3"), count("2026")), (1, 1, 1, 3));
}

#[test]
fn the_improved_share_needs_five_counted_episodes_and_rounds_to_a_tenth() {
    let t2 = Period::parse("2026-T2").expect("period");
    let mut ends = vec![
        ended(date!(2026 - 05 - 10), &[10, 20]),
        ended(date!(2026 - 06 - 10), &[10, 20]),
        ended(date!(2026 - 06 - 11), &[10, 12]),
        ended(date!(2026 - 07 - 10), &[30, 20]),
        // One rating: not counted, neither in the share nor its base.
        ended(date!(2026 - 07 - 11), &[10]),
        // Another period's.
        ended(date!(2026 - 09 - 11), &[10, 20]),
    ];
    assert_eq!(improved_share(&t2, &ends), None, "four counted episodes are too few to show");
    ends.push(ended(date!(2026 - 08 - 31), &[20, 21]));
    assert_eq!(improved_share(&t2, &ends), Some(40.0), "2 of 5");
    ends.push(ended(date!(2026 - 08 - 01), &[5, 30]));
    assert_eq!(improved_share(&t2, &ends), Some(50.0), "3 of 6");
    ends.push(ended(date!(2026 - 08 - 02), &[20, 20]));
    assert_eq!(improved_share(&t2, &ends), Some(42.9), "3 of 7 is 42.857…");
}
