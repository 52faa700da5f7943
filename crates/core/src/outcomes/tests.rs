//! Courses, alerts and aggregates worked out by hand, with the boundaries the issue names: a
//! change of exactly the reliable-change value is reliable, a total of exactly the cut-off is
//! not below it.

use super::*;

fn t(text: &str) -> Tenths {
    Tenths::from_text(text).expect("as written")
}

/// An outcome rating whose items add up to `total` (the last item takes the remainder).
fn ors(total: &str) -> Marks {
    let total = t(total);
    let each = Tenths::from_tenths(total.tenths() / 4);
    Marks::items(&[each, each, each, total - each - each - each]).expect("as written")
}

fn srs(items: [&str; 4]) -> Marks {
    Marks::items(&items.map(t)).expect("as written")
}

fn course(age_group: AgeGroup, sessions: &[(Option<Marks>, Option<Marks>)]) -> Progress {
    let ratings: Vec<Ratings> = sessions.iter().map(|(o, s)| Ratings::new(*o, *s).expect("as written")).collect();
    progress(&Settings::default(), age_group, &ratings)
}

fn outcome_only(totals: &[&str]) -> Vec<(Option<Marks>, Option<Marks>)> {
    totals.iter().map(|total| (Some(ors(total)), None)).collect()
}

#[test]
fn a_change_of_exactly_the_reliable_change_value_is_reliable_and_just_under_is_not() {
    let exactly = course(AgeGroup::Adult, &outcome_only(&["18.3", "23.3"]));
    assert_eq!((exactly.change, exactly.reliable), (Some(t("5")), Reliable::Improved));
    let under = course(AgeGroup::Adult, &outcome_only(&["18.3", "23.2"]));
    assert_eq!(under.reliable, Reliable::Unchanged);
    let down = course(AgeGroup::Adult, &outcome_only(&["30.1", "25.1"]));
    assert_eq!((down.change, down.reliable), (Some(t("-5")), Reliable::Deteriorated));
    assert!(down.alerts.contains(&Alert::Deterioration));
    assert_eq!(course(AgeGroup::Adult, &outcome_only(&["30.1", "25.2"])).reliable, Reliable::Unchanged);
}

#[test]
fn a_total_of_exactly_the_cut_off_is_not_below_it_per_age_group() {
    for (age_group, cutoff, under) in
        [(AgeGroup::Adult, "25", "24.9"), (AgeGroup::Adolescent, "28", "27.9"), (AgeGroup::Child, "32", "31.9")]
    {
        let at = course(age_group, &outcome_only(&[cutoff]));
        assert!(!at.alerts.contains(&Alert::OrsBelowCutoff), "{age_group}");
        let below = course(age_group, &outcome_only(&[under]));
        assert!(below.alerts.contains(&Alert::OrsBelowCutoff), "{age_group}");
    }
}

#[test]
fn recovery_needs_intake_below_the_cut_off_latest_at_it_and_reliable_improvement() {
    // 20 → 25: +5 and at the cut-off.
    let recovered = course(AgeGroup::Adult, &outcome_only(&["20", "22", "25"]));
    assert!(recovered.recovered && recovered.alerts.is_empty(), "{recovered:?}");
    // 20.1 → 25: above the cut-off, but +4.9 is not reliable.
    assert!(!course(AgeGroup::Adult, &outcome_only(&["20.1", "25"])).recovered);
    // 25 → 30: reliable, but the intake was not below the cut-off.
    assert!(!course(AgeGroup::Adult, &outcome_only(&["25", "30"])).recovered);
    // The adolescent cut-off is 28: 22 → 27 improves without recovering.
    assert!(!course(AgeGroup::Adolescent, &outcome_only(&["22", "27"])).recovered);
}

#[test]
fn no_improvement_is_raised_from_the_set_number_of_outcome_ratings() {
    let three = course(AgeGroup::Adult, &outcome_only(&["30", "31", "32"]));
    assert!(!three.alerts.contains(&Alert::NoImprovement));
    let four = course(AgeGroup::Adult, &outcome_only(&["30", "31", "32", "34.9"]));
    assert_eq!(four.alerts, vec![Alert::NoImprovement]);
    let improved = course(AgeGroup::Adult, &outcome_only(&["30", "31", "32", "35"]));
    assert!(improved.alerts.is_empty());
    // Session ratings without an outcome rating do not count.
    let mut sessions = outcome_only(&["30", "31", "32"]);
    sessions.push((None, Some(srs(["10", "10", "10", "10"]))));
    assert!(!course(AgeGroup::Adult, &sessions).alerts.contains(&Alert::NoImprovement));
}

#[test]
fn the_last_session_rating_raises_its_alerts_at_the_exact_boundaries() {
    let alerts = |earlier: Option<[&str; 4]>, last: [&str; 4]| {
        let mut sessions = vec![(Some(ors("30")), earlier.map(srs))];
        sessions.push((None, Some(srs(last))));
        course(AgeGroup::Adult, &sessions).alerts
    };
    // 9 + 9 + 9 + 9 = 36: at both cut-offs, no alert.
    assert!(alerts(None, ["9", "9", "9", "9"]).is_empty());
    assert_eq!(alerts(None, ["9", "9", "9", "8.9"]), vec![Alert::SrsBelowCutoff, Alert::SrsItemBelow]);
    assert_eq!(alerts(None, ["10", "10", "10", "8.9"]), vec![Alert::SrsItemBelow]);
    // A drop of exactly 1 is a drop; 0.9 is not.
    assert_eq!(alerts(Some(["10", "10", "10", "10"]), ["10", "10", "10", "9"]), vec![Alert::SrsDrop]);
    assert!(alerts(Some(["10", "10", "10", "9.9"]), ["10", "10", "10", "9"]).is_empty());
    // Only the last session rating counts: an earlier low one raises nothing now.
    assert!(alerts(Some(["5", "5", "5", "5"]), ["9.5", "9.5", "9.5", "9.5"]).is_empty());
    // A total from paper has no items to judge.
    let sessions = [(Some(ors("30")), Some(Marks::total_only(t("35")).expect("as written")))];
    assert_eq!(course(AgeGroup::Adult, &sessions).alerts, vec![Alert::SrsBelowCutoff]);
}

#[test]
fn an_episode_without_outcome_ratings_has_no_course_but_its_session_alerts() {
    let only_srs = course(AgeGroup::Child, &[(None, Some(srs(["8", "10", "10", "10"])))]);
    assert_eq!((only_srs.intake, only_srs.latest, only_srs.change), (None, None, None));
    assert_eq!((only_srs.reliable, only_srs.recovered), (Reliable::Unchanged, false));
    assert_eq!(only_srs.alerts, vec![Alert::SrsItemBelow]);
}

#[test]
fn the_aggregate_counts_episodes_with_two_outcome_ratings_and_is_exact() {
    let courses = [
        course(AgeGroup::Adult, &outcome_only(&["20", "25"])), // improved, recovered
        course(AgeGroup::Adult, &outcome_only(&["30", "24"])), // deteriorated
        course(AgeGroup::Adult, &outcome_only(&["22", "24"])), // none, below the cut-off
        course(AgeGroup::Adult, &outcome_only(&["10"])),       // one rating: not counted
    ];
    let aggregate = aggregate(&courses);
    assert_eq!(aggregate.episodes, 3);
    // Intakes 20, 30, 22: mean 24; latest 25, 24, 24: mean 73/3.
    assert_eq!(aggregate.mean_intake, Some(24.0));
    assert!((aggregate.mean_latest.expect("as written") - 73.0 / 3.0).abs() < 1e-12);
    // Sample deviation of 20, 30, 22: sqrt((16 + 36 + 4) / 2) = sqrt(28).
    let expected = (73.0 / 3.0 - 24.0) / 28f64.sqrt();
    assert!((aggregate.effect_size.expect("as written") - expected).abs() < 1e-12);
    assert_eq!((aggregate.improved, aggregate.deteriorated), (Some(1.0 / 3.0), Some(1.0 / 3.0)));
    // Below the cut-off at intake: 20 and 22; one recovered.
    assert_eq!(aggregate.recovered, Some(0.5));
}

#[test]
fn the_aggregate_of_too_few_or_equal_intakes_has_no_effect_size() {
    let none = aggregate(&[]);
    assert_eq!(
        (none.episodes, none.mean_intake, none.effect_size, none.improved, none.recovered),
        (0, None, None, None, None)
    );
    let one = aggregate(&[course(AgeGroup::Adult, &outcome_only(&["20", "25"]))]);
    assert_eq!((one.episodes, one.effect_size), (1, None));
    let same =
        [course(AgeGroup::Adult, &outcome_only(&["30", "35"])), course(AgeGroup::Adult, &outcome_only(&["30", "31"]))];
    let same = aggregate(&same);
    assert_eq!((same.effect_size, same.recovered), (None, None));
}

#[test]
fn settings_default_and_refuse_values_off_their_scale() {
    let parsed = |json: &str| serde_json::from_str::<RawSettings>(json).expect("as written").parse();
    assert_eq!(parsed("{}"), Ok(Settings::default()));
    let custom = parsed(r#"{"reliable_change": 4.5, "cutoffs": {"child": 30}}"#).expect("as written");
    assert_eq!(
        (custom.reliable_change(), custom.cutoff(AgeGroup::Child), custom.cutoff(AgeGroup::Adult)),
        (t("4.5"), t("30"), t("25"))
    );
    for (json, message) in [
        (r#"{"reliable_change": 0}"#, "settings.reliable_change: must be from 0.1 to 40, with at most one decimal"),
        (r#"{"srs_item_cutoff": 10.5}"#, "settings.srs_item_cutoff: must be from 0 to 10, with at most one decimal"),
        (r#"{"no_improvement_after": 2.5}"#, "settings.no_improvement_after: must be a whole number from 1 to 1000"),
        (r#"{"cutoffs": {"adult": 25.25}}"#, "settings.cutoffs.adult: must be a number with at most one decimal"),
        (r#"{"srs_cutoff": 1e300}"#, "settings.srs_cutoff: must be from 0 to 40, with at most one decimal"),
    ] {
        assert_eq!(parsed(json).expect_err("refused").to_string(), message);
    }
}

#[test]
fn bad_input_names_its_episode_and_session() {
    let refusal = |episodes: &str| {
        let input: SummaryInput = serde_json::from_str(&format!(r#"{{"episodes": {episodes}}}"#)).expect("as written");
        input.parse().expect_err("refused").to_string()
    };
    let session = |ors: &str, srs: &str| format!(r#"{{"date": "2026-03-02", "ors": {ors}, "srs": {srs}}}"#);
    let episode = |sessions: &[String]| {
        format!(r#"[{{"id": "E7", "age_group": "adult", "sessions": [{}]}}]"#, sessions.join(","))
    };
    let good = session("[5, 5, 5, 5]", "null");
    assert_eq!(
        refusal(&episode(&[good.clone(), session("[5, 10.5, 5, 5]", "null")])),
        "episode \"E7\", session 2: ors: item 2: 10.5 is off the line 0–10"
    );
    assert_eq!(
        refusal(&episode(&[session("null", "[5, 5, 5.25, 5]")])),
        "episode \"E7\", session 1: srs: item 3 has more than one decimal"
    );
    assert_eq!(
        refusal(&episode(&[session("[5, 5, 5]", "null")])),
        "episode \"E7\", session 1: ors: has 3 values, not 4"
    );
    assert_eq!(
        refusal(&episode(&[session("null", "null")])),
        "episode \"E7\", session 1: has neither an outcome (ors) nor a session (srs) rating"
    );
    assert_eq!(
        refusal(&episode(&[good.clone(), r#"{"date": "2026-03-01", "ors": [1, 1, 1, 1]}"#.into()])),
        "episode \"E7\", session 2: its date comes before the session before it"
    );
    assert_eq!(
        refusal(&episode(&[r#"{"date": "2026-02-30", "ors": [1, 1, 1, 1]}"#.into()])),
        "episode \"E7\", session 1: the date must be written 2026-03-02"
    );
    assert_eq!(
        refusal(r#"[{"id": 7, "age_group": "elder", "sessions": []}]"#),
        "episode \"7\": the age group must be adult, adolescent or child"
    );
    assert_eq!(
        refusal(
            r#"[{"id": 7, "age_group": "adult", "sessions": []}, {"id": "7", "age_group": "adult", "sessions": []}]"#
        ),
        "episode \"7\": the id is used twice"
    );
    assert_eq!(refusal(r#"[{"id": " ", "age_group": "adult", "sessions": []}]"#), "episodes[0]: the id is empty");
    // The same date twice is in order (two sessions on one day).
    let input: SummaryInput =
        serde_json::from_str(&format!(r#"{{"episodes": {}}}"#, episode(&[good.clone(), good]))).expect("as written");
    assert!(input.parse().is_ok());
}

#[test]
fn the_summary_is_the_issues_json_shape() {
    let input: SummaryInput = serde_json::from_str(
        r#"{"episodes": [{"id": 3, "age_group": "adult", "sessions": [
            {"date": "2026-03-02", "ors": [5, 5, 5, 5], "srs": [9, 9, 9, 9]},
            {"date": "2026-03-09", "ors": [6.5, 6.5, 6, 6], "srs": [9, 9, 9, 8]}]}]}"#,
    )
    .expect("as written");
    let (settings, episodes) = input.parse().expect("as written");
    let json = serde_json::to_value(summarize(&settings, &episodes)).expect("as written");
    assert_eq!(
        json,
        serde_json::json!({
            "episodes": [{"id": 3, "intake": 20.0, "latest": 25.0, "change": 5.0, "reliable": "improved",
                          "recovered": true, "alerts": ["srs_below_cutoff", "srs_item_below", "srs_drop"]}],
            "aggregate": {"episodes": 1, "mean_intake": 20.0, "mean_latest": 25.0, "effect_size": null,
                          "improved": 1.0, "deteriorated": 0.0, "recovered": 1.0}
        })
    );
}

mod own_data {
    use super::*;
    use crate::periods::{Period, PeriodKind};
    use time::macros::date;
    use time::Date;

    fn sessions(start: Date, totals: &[&str]) -> Vec<(Date, Ratings)> {
        totals
            .iter()
            .enumerate()
            .map(|(week, total)| {
                let ratings = Ratings::new(Some(ors(total)), Some(srs(["9", "9", "9", "9"]))).expect("rated");
                (start + time::Duration::weeks(week as i64), ratings)
            })
            .collect()
    }

    fn record(participant: i64, sessions: &[(Date, Ratings)], ended: Option<(Date, EndReason)>) -> EpisodeRecord<'_> {
        let started = sessions.first().map_or(date!(2026 - 01 - 01), |(d, _)| *d);
        EpisodeRecord { participant, age_group: AgeGroup::Adult, started, ended, sessions }
    }

    #[test]
    fn trajectories_come_from_closed_improved_episodes_per_intake_band() {
        // Thirty episodes with intakes 15.0, 15.1, … 17.9 that rise by 6 points, the first ten
        // rated a third time at 25.0 … 25.9; and episodes that must not count.
        let mut all: Vec<Vec<(Date, Ratings)>> = (0..30)
            .map(|i| {
                let intake = format!("{}", 150 + i);
                let intake = Tenths::from_tenths(intake.parse().expect("tenths"));
                let later = intake + Tenths::whole(6);
                let mut totals = vec![intake.to_string(), later.to_string()];
                if i < 10 {
                    totals.push(Tenths::from_tenths(250 + i as i64).to_string());
                }
                let totals: Vec<&str> = totals.iter().map(String::as_str).collect();
                sessions(date!(2026 - 01 - 05), &totals)
            })
            .collect();
        all.push(sessions(date!(2026 - 01 - 05), &["16", "16.5"])); // closed, not improved
        all.push(sessions(date!(2026 - 01 - 05), &["16", "30"])); // improved, still open
        all.extend((0..29).map(|_| sessions(date!(2026 - 01 - 05), &["5", "12"]))); // a band of 29
        let end = Some((date!(2026 - 06 - 30), EndReason::Planned));
        let records: Vec<EpisodeRecord> =
            all.iter().enumerate().map(|(i, s)| record(i as i64, s, if i == 31 { None } else { end })).collect();
        let bands = trajectories::trajectories(&Settings::default(), &records, trajectories::DEFAULT_MIN_EPISODES);
        assert_eq!(bands.len(), 8);
        let band = &bands[3];
        assert_eq!((band.low, band.high, band.episodes, band.shown), (t("15"), t("20"), 30, true));
        // Type 7 quantiles of 15.0 … 17.9 by hand: h = 29p; q1 at 7.25 → 15.725, median at
        // 14.5 → 16.45, q3 at 21.75 → 17.175. Then the same plus 6; then 25.0 … 25.9 (ten).
        let expected = [(1, 30, 15.725, 16.45, 17.175), (2, 30, 21.725, 22.45, 23.175), (3, 10, 25.225, 25.45, 25.675)];
        assert_eq!(band.points.len(), expected.len(), "a fourth session number has no episodes");
        for (point, (session, n, q1, median, q3)) in band.points.iter().zip(expected) {
            assert_eq!((point.session, point.episodes), (session, n));
            for (ours, theirs) in [(point.q1, q1), (point.median, median), (point.q3, q3)] {
                assert!((ours - theirs).abs() < 1e-9, "session {session}: {ours} ≠ {theirs}");
            }
        }
        let small = &bands[1];
        assert_eq!((small.episodes, small.shown, small.points.len()), (29, false, 0));
        assert_eq!(trajectories::band_of(&bands, t("40")).map(|b| b.low), Some(t("35")));
    }

    #[test]
    fn activity_per_month_counts_sessions_people_and_episodes_and_hides_small_groups() {
        // Five participants seen in March 2026: intakes 20 … 24 on 2 March, then +5 on 9 March
        // (reliably improved); one of them starts in February with an earlier rating.
        let all: Vec<Vec<(Date, Ratings)>> = (0..5)
            .map(|i| sessions(date!(2026 - 03 - 02), &[&format!("{}", 20 + i), &format!("{}", 25 + i)]))
            .collect();
        let mut records: Vec<EpisodeRecord> = all.iter().enumerate().map(|(i, s)| record(i as i64, s, None)).collect();
        records[4].ended = Some((date!(2026 - 03 - 31), EndReason::StoppedComing));
        let months = report::activity(
            &Settings::default(),
            &records,
            PeriodKind::Month,
            date!(2026 - 02 - 01),
            date!(2026 - 03 - 31),
        );
        assert_eq!(months.len(), 2);
        assert_eq!((months[0].period.as_str(), months[0].sessions, months[0].figures.is_none()), ("2026-02", 0, true));
        let march = &months[1];
        assert_eq!((march.sessions, march.participants, march.new_episodes, march.closed_episodes), (10, 5, 5, 1));
        let figures = march.figures.as_ref().expect("five participants");
        // Outcome totals 20 … 24 and 25 … 29: mean 24.5; session totals all 36.
        assert_eq!((figures.mean_outcome, figures.mean_session), (Some(24.5), Some(36.0)));
        assert_eq!((figures.improved, figures.deteriorated), (Some(1.0), Some(0.0)));

        let four = report::activity(
            &Settings::default(),
            &records[..4],
            PeriodKind::Month,
            date!(2026 - 03 - 01),
            date!(2026 - 03 - 31),
        );
        assert_eq!((four[0].participants, four[0].sessions, four[0].figures.is_none()), (4, 8, true));
    }

    #[test]
    fn indices_describe_the_episodes_closed_in_a_period() {
        // Six closed in the first tertial: intakes 18, 20, 22, 24, 26, 28 and latest +6, +6, +6,
        // 0, 0, −6; the last two stopped coming. One closed in May does not count.
        let changes = [6, 6, 6, 0, 0, -6];
        let all: Vec<Vec<(Date, Ratings)>> = changes
            .iter()
            .enumerate()
            .map(|(i, change)| {
                let intake = 18 + 2 * i as i64;
                sessions(
                    date!(2026 - 01 - 12),
                    &[&intake.to_string(), &(intake + 1).to_string(), &(intake + change).to_string()],
                )
            })
            .collect();
        let later = sessions(date!(2026 - 04 - 20), &["10", "30"]);
        let mut records: Vec<EpisodeRecord> = all
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let why = if i >= 4 { EndReason::StoppedComing } else { EndReason::Planned };
                record(i as i64, s, Some((date!(2026 - 04 - 30), why)))
            })
            .collect();
        records.push(record(9, &later, Some((date!(2026 - 05 - 02), EndReason::Planned))));
        let tertial = Period::parse("2026-T1").expect("a tertial");
        let indices = report::indices(&Settings::default(), &records, tertial);
        assert_eq!((indices.period.as_str(), indices.closed, indices.dropouts), ("2026-T1", 6, 2));
        let figures = indices.figures.expect("six participants");
        assert_eq!((figures.episodes, figures.mean_intake, figures.mean_sessions), (6, Some(23.0), Some(3.0)));
        // Mean change (18 + 0 − 6) / 6 = 2; intakes' sample deviation sqrt(70 / 5) = sqrt(14).
        assert!((figures.effect_size.expect("spread") - 2.0 / 14f64.sqrt()).abs() < 1e-12);
        // Improved: 18, 20, 22 (+6); deteriorated: 28 (−6). Below 25 at intake: 18, 20, 22, 24;
        // recovered: 20 → 26 and 22 → 28 (18 → 24 stays below).
        assert_eq!(
            (figures.improved, figures.deteriorated, figures.recovered),
            (Some(0.5), Some(1.0 / 6.0), Some(0.5))
        );
        assert_eq!(figures.dropouts, Some(2.0 / 6.0));
        let few = report::indices(&Settings::default(), &records[..4], tertial);
        assert_eq!((few.closed, few.figures), (4, None));
    }

    #[test]
    fn a_group_counts_the_participants_with_an_episode_open_in_the_span() {
        let none: Vec<(Date, Ratings)> = Vec::new();
        let ended = |on| Some((on, EndReason::Planned));
        let episode = |participant, started, ended| EpisodeRecord {
            participant,
            age_group: AgeGroup::Adult,
            started,
            ended,
            sessions: &none,
        };
        let records = [
            // Ended the day the span begins, and started the day it ends: both in it.
            episode(1, date!(2025 - 03 - 01), ended(date!(2026 - 01 - 01))),
            episode(2, date!(2026 - 12 - 31), None),
            // Participant 1 again, and one open since before the span.
            episode(1, date!(2026 - 05 - 01), None),
            episode(3, date!(2024 - 01 - 01), None),
            // Ended the day before, started the day after: outside.
            episode(4, date!(2025 - 01 - 01), ended(date!(2025 - 12 - 31))),
            episode(5, date!(2027 - 01 - 01), None),
        ];
        assert_eq!(report::participants_in(&records, date!(2026 - 01 - 01), date!(2026 - 12 - 31)), 3);
        assert_eq!(report::participants_in(&records, date!(2027 - 01 - 01), date!(2027 - 12 - 31)), 4);
    }
}
