//! Outcome and session ratings: `parat outcomes summarize` and `POST /api/v1/outcomes/summarize`
//! checked against an independent computation — `tests/independent/outcomes_summarize.py`, which
//! reads every value as an exact decimal and follows the definitions — on generated
//! episodes that land on the exact boundaries often, and bad input refused by name.

use crate::common;

use common::TestApp;
use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A small deterministic generator (xorshift), so that every run checks the same episodes.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Item marks that often add up to a boundary: a total at a cut-off or a tenth either side of
/// it, four nines, a drop of exactly one point; else anywhere on the line.
fn items(random: &mut Random) -> Vec<Value> {
    let tenths: [u64; 4] = match random.below(4) {
        // 62 + 62 + 63 + 63 = 250, then ±1 on one item: 24.9, 25.0, 25.1.
        0 => [62, 62, 63, 62 + random.below(3)],
        1 => [90, 90, 90, 89 + random.below(3)],
        2 => [70, 70, 70, 70 + random.below(4) * 10],
        _ => std::array::from_fn(|_| random.below(101)),
    };
    tenths.iter().map(|t| json!(*t as f64 / 10.0)).collect()
}

fn episodes(seed: u64, count: usize) -> Vec<Value> {
    let mut random = Random(seed);
    (0..count)
        .map(|index| {
            let sessions: Vec<Value> = (0..random.below(8))
                .map(|day| {
                    let (ors, srs) = match random.below(4) {
                        0 => (json!(items(&mut random)), Value::Null),
                        1 => (Value::Null, json!(items(&mut random))),
                        _ => (json!(items(&mut random)), json!(items(&mut random))),
                    };
                    json!({"date": format!("2026-03-{:02}", day + 1), "ors": ors, "srs": srs})
                })
                .collect();
            let id = if index % 2 == 0 { json!(index) } else { json!(format!("E{index}")) };
            let age_group = ["adult", "adolescent", "child"][random.below(3) as usize];
            json!({"id": id, "age_group": age_group, "sessions": sessions})
        })
        .collect()
}

/// Standard output parsed, or standard error when the command failed.
fn cli_summarize(input: &Value) -> Result<Value, String> {
    let output = common::run_parat(&["outcomes", "summarize", "-"], Some(&input.to_string()));
    match output.status.success() {
        true => Ok(serde_json::from_slice(&output.stdout).expect("JSON out")),
        false => Err(String::from_utf8_lossy(&output.stderr).into_owned()),
    }
}

/// Parat's summary against the independent one: the same episodes in order, the same decisions,
/// numbers equal up to floating-point rounding, alerts as a set.
fn agree(ours: &Value, theirs: &Value) {
    let close = |a: &Value, b: &Value, what: &str| match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => assert!((x - y).abs() <= 1e-9 * y.abs().max(1.0), "{what}: {x} ≠ {y}"),
        _ => assert_eq!(a, b, "{what}"),
    };
    let (our_episodes, their_episodes) =
        (ours["episodes"].as_array().expect("as written"), theirs["episodes"].as_array().expect("as written"));
    assert_eq!(our_episodes.len(), their_episodes.len());
    for (our, their) in our_episodes.iter().zip(their_episodes) {
        let id = &their["id"];
        assert_eq!(our["id"], *id);
        for field in ["intake", "latest", "change"] {
            close(&our[field], &their[field], &format!("{id} {field}"));
        }
        assert_eq!((&our["reliable"], &our["recovered"]), (&their["reliable"], &their["recovered"]), "{id}");
        let set = |alerts: &Value| {
            let mut codes: Vec<String> = alerts
                .as_array()
                .expect("as written")
                .iter()
                .map(|a| a.as_str().expect("as written").to_owned())
                .collect();
            codes.sort();
            codes
        };
        assert_eq!(set(&our["alerts"]), set(&their["alerts"]), "{id} alerts");
    }
    for field in ["episodes", "mean_intake", "mean_latest", "effect_size", "improved", "deteriorated", "recovered"] {
        close(&ours["aggregate"][field], &theirs["aggregate"][field], &format!("aggregate {field}"));
    }
}

#[test]
fn summarize_agrees_with_an_independent_computation_on_generated_episodes() {
    let custom = json!({"reliable_change": 4.5, "srs_cutoff": 35.5, "srs_item_cutoff": 8.9, "srs_drop": 0.5,
                        "no_improvement_after": 3, "cutoffs": {"adult": 24.9, "child": 30}});
    let mut boundaries_met = (0, 0);
    for (seed, settings) in [(1, None), (7, Some(custom.clone())), (2026, None), (99, Some(custom))] {
        let mut input = json!({"episodes": episodes(seed, 300)});
        if let Some(settings) = settings {
            input["settings"] = settings;
        }
        let ours = cli_summarize(&input).expect("summarized");
        let Some(theirs) = common::independent("outcomes_summarize.py", &input, None, "PARAT_REQUIRE_PYTHON") else {
            return;
        };
        agree(&ours, &theirs);
        for episode in theirs["episodes"].as_array().expect("as written") {
            let change = episode["change"].as_f64().unwrap_or(0.0);
            boundaries_met.0 += usize::from((change.abs() - 5.0).abs() < 1e-9);
            boundaries_met.1 +=
                usize::from(episode["latest"].as_f64().is_some_and(|l| [25.0, 28.0, 32.0].contains(&l)));
        }
    }
    // The generator does reach the exact boundaries, so the comparison covers them.
    assert!(boundaries_met.0 > 5 && boundaries_met.1 > 5, "{boundaries_met:?}");
}

#[test]
fn bad_input_names_the_episode_and_session_and_exits_non_zero() {
    let with = |session: Value| {
        json!({"episodes": [{"id": "E7", "age_group": "adult", "sessions": [
        {"date": "2026-03-02", "ors": [5, 5, 5, 5]}, session]}]})
    };
    for (input, message) in [
        (
            with(json!({"date": "2026-03-09", "ors": [5, 5, 10.5, 5]})),
            "episode \"E7\", session 2: ors: item 3: 10.5 is off the line 0–10",
        ),
        (
            with(json!({"date": "2026-03-09", "ors": [5, -1, 5, 5]})),
            "episode \"E7\", session 2: ors: item 2: -1 is off the line 0–10",
        ),
        (
            with(json!({"date": "2026-03-09", "srs": [5, 5, 5, 5.25]})),
            "episode \"E7\", session 2: srs: item 4 has more than one decimal",
        ),
        (
            with(json!({"date": "2026-03-09"})),
            "episode \"E7\", session 2: has neither an outcome (ors) nor a session (srs) rating",
        ),
        (
            with(json!({"date": "2026-03-01", "ors": [5, 5, 5, 5]})),
            "episode \"E7\", session 2: its date comes before the session before it",
        ),
        (
            json!({"episodes": [{"id": 3, "age_group": "senior", "sessions": []}]}),
            "episode \"3\": the age group must be adult, adolescent or child",
        ),
        (
            json!({"settings": {"reliable_change": 0}, "episodes": []}),
            "settings.reliable_change: must be from 0.1 to 40",
        ),
    ] {
        let refused = cli_summarize(&input).expect_err(message);
        assert!(refused.contains(message), "{refused}");
    }
    let refused = common::run_parat(&["outcomes", "summarize", "-"], Some("{\"episodes\": [}"));
    assert!(!refused.status.success() && String::from_utf8_lossy(&refused.stderr).contains("expected JSON shape"));
}

#[tokio::test]
async fn the_api_summarizes_as_the_command_line_does_and_refuses_by_name() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let practitioner = app.logged_in(org, "pia@boras.se", "Pia Behandlare", Role::Viewer).await;
    let token = practitioner.api_token("uppföljning").await;
    let input = json!({"settings": {"no_improvement_after": 2}, "episodes": episodes(5, 120)});
    let (status, summary) = practitioner.api_post(&token, "/api/v1/outcomes/summarize", &input).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(summary, cli_summarize(&input).expect("summarized"));

    // The exact boundaries by hand: 20 → 25 is a reliable change of exactly 5 to exactly the
    // cut-off, so recovered; 30 → 25 is reliable deterioration to a total that is not below it.
    let by_hand = json!({"episodes": [
        {"id": "upp", "age_group": "adult", "sessions": [{"date": "2026-01-05", "ors": [5, 5, 5, 5]}, {"date": "2026-02-02", "ors": [6.2, 6.3, 6.2, 6.3]}]},
        {"id": "ner", "age_group": "adult", "sessions": [{"date": "2026-01-05", "ors": [7.5, 7.5, 7.5, 7.5]}, {"date": "2026-02-02", "ors": [6.2, 6.3, 6.2, 6.3]}]}]});
    let (status, summary) = practitioner.api_post(&token, "/api/v1/outcomes/summarize", &by_hand).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        summary["episodes"],
        json!([
            {"id": "upp", "intake": 20.0, "latest": 25.0, "change": 5.0, "reliable": "improved", "recovered": true, "alerts": []},
            {"id": "ner", "intake": 30.0, "latest": 25.0, "change": -5.0, "reliable": "deteriorated", "recovered": false, "alerts": ["deterioration"]}
        ])
    );
    // Intakes 20 and 30 (deviation √50), latest 25 and 25: effect size 0; half improved, half
    // deteriorated; the one intake below the cut-off recovered.
    assert_eq!(
        summary["aggregate"],
        json!({"episodes": 2, "mean_intake": 25.0, "mean_latest": 25.0, "effect_size": 0.0, "improved": 0.5, "deteriorated": 0.5, "recovered": 1.0})
    );

    let bad = json!({"episodes": [{"id": "E1", "age_group": "adult", "sessions": [{"date": "2026-03-02", "srs": [9, 9, 9, 11]}]}]});
    let (status, error) = practitioner.api_post(&token, "/api/v1/outcomes/summarize", &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = error["error"]["message"].as_str().unwrap_or_default();
    assert!(message.ends_with("episode \"E1\", session 1: srs: item 4: 11 is off the line 0–10"), "{message}");
    let (status, _) = practitioner.api_post("not-a-token", "/api/v1/outcomes/summarize", &bad).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    app.stop().await;
}
