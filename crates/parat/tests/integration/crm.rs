//! Community Readiness scoring from the command line and over the API: the same computation,
//! checked against the domain brief's worked example and against bad input.

use crate::common;

use std::process::{Command, Stdio};

use common::{TempDir, TestApp};
use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Five interviews whose consensus scores average 4.00, 3.20, 5.40, 3.60, 4.20, 2.80 on A–F
/// (the domain brief's worked example), with the scorers' own scores beside them.
fn worked_example() -> Value {
    let consensus =
        [[4, 3, 5, 4, 4, 3], [4, 3, 5, 3, 4, 3], [4, 3, 6, 4, 5, 2], [4, 4, 5, 3, 4, 3], [4, 3, 6, 4, 4, 3]];
    let second = [[5, 4, 6, 3, 4, 3], [4, 3, 6, 3, 4, 2], [4, 3, 6, 5, 5, 2], [4, 4, 5, 3, 5, 3], [3, 3, 5, 4, 4, 3]];
    let interviews: Vec<Value> = consensus
        .iter()
        .zip(second)
        .enumerate()
        .map(|(i, (c, s))| {
            let scores: serde_json::Map<String, Value> = ["A", "B", "C", "D", "E", "F"]
                .iter()
                .enumerate()
                .map(|(d, key)| ((*key).to_owned(), json!({"scorers": [c[d], s[d]], "consensus": c[d]})))
                .collect();
            json!({"id": format!("intervju {}", i + 1), "scores": scores})
        })
        .collect();
    json!({"edition": "2006", "half_points": false, "interviews": interviews})
}

fn check_worked_example(output: &Value) {
    let dimensions = common::dimension_results(output);
    let expected = [("A", 4.0, 4), ("B", 3.2, 3), ("C", 5.4, 5), ("D", 3.6, 3), ("E", 4.2, 4), ("F", 2.8, 2)];
    for ((key, score, stage), (want_key, want_score, want_stage)) in dimensions.iter().zip(expected) {
        assert_eq!((key.as_str(), *stage), (want_key, want_stage));
        assert!((score - want_score).abs() < 1e-9, "{key}: {score}");
    }
    assert!((output["overall"]["score"].as_f64().expect("score") - 116.0 / 30.0).abs() < 1e-12);
    assert_eq!(output["overall"]["stage"], 3, "3.87 is stage 3");
    assert_eq!(output["lowest"], json!(["F", "B"]));
    assert_eq!(output["agreement"]["pairs"], 30);
    // Counted independently (Python): 20 of the 30 pairs agree exactly, all 30 within one level;
    // scikit-learn's cohen_kappa_score(labels=1..9, weights="quadratic") gives 0.8373101952277657.
    assert!((output["agreement"]["exact"].as_f64().expect("exact") - 20.0 / 30.0).abs() < 1e-12);
    assert_eq!(output["agreement"]["within_one"], 1.0);
    let kappa = output["agreement"]["weighted_kappa"].as_f64().expect("kappa");
    assert!((kappa - 0.8373101952277657).abs() < 1e-12, "{kappa}");
    assert_eq!(output["warnings"], json!([]));
}

fn crm_score(input: &str) -> (bool, String, String) {
    let dir = TempDir::new();
    let file = dir.path.join("scores.json");
    std::fs::write(&file, input).expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_parat"))
        .args(["crm", "score", file.to_str().expect("utf-8")])
        .stdin(Stdio::null())
        .output()
        .expect("parat runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into(),
        String::from_utf8_lossy(&output.stderr).into(),
    )
}

#[test]
fn the_command_line_scores_the_worked_example() {
    let (ok, stdout, stderr) = crm_score(&worked_example().to_string());
    assert!(ok, "{stderr}");
    check_worked_example(&serde_json::from_str(&stdout).expect("JSON out"));
}

#[test]
fn the_command_line_refuses_bad_scores_naming_interview_and_dimension() {
    let mut off_scale = worked_example();
    off_scale["interviews"][2]["scores"]["D"]["consensus"] = json!(10);
    let mut half_point = worked_example();
    half_point["interviews"][0]["scores"]["B"]["scorers"] = json!([3.5, 3]);
    let mut missing = worked_example();
    missing["interviews"][4]["scores"]["F"] = json!({"scorers": [3, 3]});
    let mut unknown = worked_example();
    unknown["edition"] = json!("2014");
    for (input, expected) in [
        (off_scale, "interview \"intervju 3\", dimension D: 10 is off the scale 1–9"),
        (half_point, "interview \"intervju 1\", dimension B: 3.5 is a half point"),
        (missing, "interview \"intervju 5\", dimension F: the consensus score is missing"),
        (unknown, "interview \"intervju 1\": dimension \"F\" is not part of the 2014 edition"),
    ] {
        let (ok, _, stderr) = crm_score(&input.to_string());
        assert!(!ok, "exits non-zero");
        assert!(stderr.contains(expected), "{stderr}");
    }
    let (ok, _, stderr) = crm_score("{not json");
    assert!(!ok && stderr.contains("JSON"), "{stderr}");
}

/// Hostile files get a clear refusal and a non-zero exit, quickly: JSON nested far deeper than
/// any score file (the parser's depth limit, not a stack overflow), binary data, an empty file,
/// and numbers no score can be.
#[test]
fn the_command_line_refuses_hostile_files_quickly() {
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let huge_number = worked_example().to_string().replacen("\"consensus\":4", "\"consensus\":1e999", 1);
    let binary = String::from_utf8_lossy(&[0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe]).into_owned();
    for input in [deep.as_str(), huge_number.as_str(), binary.as_str(), "", "null", "[]", "{\"edition\": \"2006\"}"] {
        let started = std::time::Instant::now();
        let (ok, stdout, stderr) = crm_score(input);
        assert!(!ok && stdout.is_empty(), "refused: {}", &input[..input.len().min(40)]);
        assert!(!stderr.trim().is_empty() && !stderr.contains("panicked"), "{stderr}");
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    }
}

#[tokio::test]
async fn the_api_gives_the_same_results_and_warns_about_few_interviews() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let browser = app.logged_in(org, "sara@boras.se", "Sara", Role::Scorer).await;
    let response = browser.post("/account/tokens", &[("name", "crm")]).await;
    let body = response.text().await.expect("body");
    let start = body.find("<code class=\"token\">").expect("token") + "<code class=\"token\">".len();
    let token = &body[start..start + 64];
    let client = reqwest::Client::new();
    let score = |input: Value| client.post(app.url("/api/v1/crm/score")).bearer_auth(token).json(&input).send();

    let response = score(worked_example()).await.expect("api");
    assert_eq!(response.status(), StatusCode::OK);
    check_worked_example(&response.json().await.expect("json"));

    let mut three = worked_example();
    three["interviews"].as_array_mut().expect("array").truncate(3);
    let output: Value = score(three).await.expect("api").json().await.expect("json");
    assert_eq!(output["warnings"][0]["code"], "few_interviews");

    let mut bad = worked_example();
    bad["interviews"][1]["scores"]["A"]["consensus"] = json!(0);
    let response = score(bad).await.expect("api");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = response.json().await.expect("json");
    assert!(error["error"]["message"].as_str().expect("message").contains("interview \"intervju 2\", dimension A"));
    assert_eq!(
        client.post(app.url("/api/v1/crm/score")).json(&worked_example()).send().await.expect("api").status(),
        StatusCode::UNAUTHORIZED
    );
    app.stop().await;
}
