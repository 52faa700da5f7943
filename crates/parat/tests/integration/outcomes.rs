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

/// A number from the database, through a text cast that both backends read alike.
async fn number(app: &TestApp, sql: &str) -> i64 {
    app.text(&format!("SELECT CAST(({sql}) AS TEXT)")).await.and_then(|n| n.parse().ok()).expect(sql)
}

#[tokio::test]
async fn a_practitioner_follows_a_participant_through_the_pages_and_only_they_see_them() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let admin = app.logged_in(org, "anna@boras.se", "Anna Admin", Role::Admin).await;
    let pia = app.logged_in(org, "pia@boras.se", "Pia Behandlare", Role::Practitioner).await;
    let per = app.logged_in(org, "per@boras.se", "Per Behandlare", Role::Practitioner).await;
    let viewer = app.logged_in(org, "vera@boras.se", "Vera Läsare", Role::Viewer).await;

    // The administrator sets up a unit with Pia in it; others may not.
    assert_eq!(pia.post("/outcomes/units", &[("name", "Vuxenenheten")]).await.status(), StatusCode::FORBIDDEN);
    let refused = admin.post("/outcomes/units", &[("name", "  ")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(admin.post("/outcomes/units", &[("name", "Vuxenenheten")]).await.status(), StatusCode::SEE_OTHER);
    let unit = number(&app, "SELECT id FROM units").await.to_string();
    let pia_id = number(&app, "SELECT id FROM users WHERE email = 'pia@boras.se'").await.to_string();
    // No person chosen: said beside that unit's choice, not a missing page.
    let (status, page) = admin.post_page(&format!("/outcomes/units/{unit}/members"), &[("user_id", "")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains(&format!("id=\"f-user_id-{unit}-error\"")), "{page}");
    let placed = admin.post(&format!("/outcomes/units/{unit}/members"), &[("user_id", &pia_id)]).await;
    assert_eq!(placed.status(), StatusCode::SEE_OTHER);
    assert!(admin.page("/outcomes/units").await.1.contains("Pia Behandlare"));

    // Registering: a missing code is named beside its field, the rest kept.
    let (status, page) = pia
        .post_page(
            "/outcomes/participants",
            &[("code", ""), ("age_group", "adult"), ("consent_scope", "Uppföljning av samtal")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"f-code-error\"") && page.contains("Uppföljning av samtal"), "{page}");
    let made = pia.post("/outcomes/participants", &[("code", "D-014"), ("age_group", "adult")]).await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let base = common::location(&made);
    let base = base.split('?').next().expect("path").to_owned();
    let opened = pia.post(&format!("{base}/episodes"), &[("unit_id", &unit), ("starts_on", "2026-03-02")]).await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let episode = number(&app, "SELECT id FROM outcome_episodes").await;
    let sessions = format!("/outcomes/episodes/{episode}/sessions");

    // A mark off the line is refused with what was typed kept; then the session is saved once,
    // however often the same form is sent.
    let mut session = vec![
        ("held_on", "2026-03-02"),
        ("submission", "form-a"),
        ("ors_1", "4,5"),
        ("ors_2", "10,5"),
        ("ors_3", "4"),
        ("ors_4", "5"),
        ("srs_1", "9"),
        ("srs_2", "9"),
        ("srs_3", "9"),
        ("srs_4", "8"),
    ];
    let (status, page) = pia.post_page(&sessions, &session).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("id=\"f-ors_2-error\"") && page.contains("value=\"10,5\"") && page.contains("value=\"4,5\""),
        "{page}"
    );
    session[3] = ("ors_2", "4,5");
    for _ in 0..2 {
        assert_eq!(pia.post(&sessions, &session).await.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(number(&app, "SELECT COUNT(*) FROM outcome_sessions").await, 1);
    assert_eq!(number(&app, "SELECT ors_total FROM outcome_sessions").await, 180, "18.0 in tenths");

    // By hand: outcome 4.5 + 4.5 + 4 + 5 = 18, under the adult cut-off 25; session 35 with an
    // item of 8: under 36 and an item under 9.
    let (status, page) = pia.page(&base).await;
    assert_eq!(status, StatusCode::OK);
    for reason in [
        "Senaste skattningen, 18, ligger under gränsen 25 för den här åldersgruppen.",
        "Senaste samtalsskattningen, 35, ligger under 36.",
        "Minst en fråga i senaste samtalsskattningen ligger under 9.",
    ] {
        assert!(page.contains(reason), "{reason}\n{page}");
    }
    assert!(page.contains("<svg class=\"chart course\""));
    let (_, list) = pia.page("/outcomes").await;
    assert!(list.contains("D-014") && list.contains("ligger under gränsen 25"));

    // Nobody else who does not work with the participant sees them, nor records for them.
    for other in [&per, &viewer] {
        assert_eq!(other.page(&base).await.0, StatusCode::NOT_FOUND);
        assert!(!other.page("/outcomes").await.1.contains("D-014"));
        let forged = vec![("held_on", "2026-03-09"), ("ors_total", "20")];
        assert_eq!(other.post(&sessions, &forged).await.status(), StatusCode::NOT_FOUND);
    }

    // Export, then erasure by the administrator leaves nothing behind.
    let export = pia.get(&format!("{base}/export.json")).await;
    assert_eq!(export.status(), StatusCode::OK);
    let data: Value = export.json().await.expect("JSON");
    assert_eq!(
        (data["participant"]["code"].as_str(), data["episodes"][0]["sessions"][0]["ors"]["total"].as_f64()),
        (Some("D-014"), Some(18.0))
    );
    assert_eq!(pia.post(&format!("{base}/erase"), &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(admin.post(&format!("{base}/erase"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(pia.page(&base).await.0, StatusCode::NOT_FOUND);
    for table in ["participants", "outcome_episodes", "outcome_sessions"] {
        assert_eq!(number(&app, &format!("SELECT COUNT(*) FROM {table}")).await, 0, "{table}");
    }
    assert_eq!(
        number(&app, "SELECT COUNT(*) FROM audit_log WHERE entity = 'participant' AND action = 'erase'").await,
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn an_administrator_sets_the_thresholds_and_the_alerts_follow() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let admin = app.logged_in(org, "anna@boras.se", "Anna Admin", Role::Admin).await;
    let pia = app.logged_in(org, "pia@boras.se", "Pia Behandlare", Role::Practitioner).await;
    admin.post("/outcomes/units", &[("name", "Vuxenenheten")]).await;
    let unit = number(&app, "SELECT id FROM units").await.to_string();
    let pia_id = number(&app, "SELECT id FROM users WHERE email = 'pia@boras.se'").await.to_string();
    admin.post(&format!("/outcomes/units/{unit}/members"), &[("user_id", &pia_id)]).await;
    let made = pia.post("/outcomes/participants", &[("code", "D-1"), ("age_group", "adult")]).await;
    let base = common::location(&made).split('?').next().expect("path").to_owned();
    pia.post(&format!("{base}/episodes"), &[("unit_id", &unit), ("starts_on", "2026-03-02")]).await;
    let episode = number(&app, "SELECT id FROM outcome_episodes").await;
    // 6 + 6 + 6 + 6 = 24: under the default adult cut-off of 25.
    let session = [("held_on", "2026-03-02"), ("ors_1", "6"), ("ors_2", "6"), ("ors_3", "6"), ("ors_4", "6")];
    pia.post(&format!("/outcomes/episodes/{episode}/sessions"), &session).await;
    assert!(pia.page(&base).await.1.contains("ligger under gränsen 25"));

    assert_eq!(pia.page("/outcomes/settings").await.0, StatusCode::FORBIDDEN);
    let (_, form) = admin.page("/outcomes/settings").await;
    assert!(form.contains("name=\"cutoff_adult\" type=\"text\" value=\"25\""), "the defaults shown");
    let mut fields = vec![
        ("reliable_change", "5"),
        ("cutoff_adult", "24"),
        ("cutoff_adolescent", "28"),
        ("cutoff_child", "32"),
        ("srs_cutoff", "36"),
        ("srs_item_cutoff", "9,25"),
        ("srs_drop", "1"),
        ("no_improvement_after", "4"),
        ("names_allowed", "on"),
        ("retention_months", "24"),
    ];
    let (status, page) = admin.post_page("/outcomes/settings", &fields).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("id=\"f-srs_item_cutoff-error\"")
            && page.contains("value=\"9,25\"")
            && page.contains("value=\"24\"")
    );
    fields[5] = ("srs_item_cutoff", "9");
    assert_eq!(admin.post("/outcomes/settings", &fields).await.status(), StatusCode::SEE_OTHER);
    // At the new cut-off of 24, a total of exactly 24 is no longer below it.
    assert!(!pia.page(&base).await.1.contains("ligger under gränsen"));
    // Names may now be recorded, with consent.
    assert!(pia.page("/outcomes/participants/new").await.1.contains("name=\"personal_number\""));
    assert_eq!(number(&app, "SELECT retention_months FROM outcome_settings").await, 24);
    app.stop().await;
}

#[tokio::test]
async fn a_units_report_counts_the_month_by_hand_and_hides_groups_under_five() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let admin = app.logged_in(org, "anna@boras.se", "Anna Admin", Role::Admin).await;
    let pia = app.logged_in(org, "pia@boras.se", "Pia Behandlare", Role::Practitioner).await;
    let viewer = app.logged_in(org, "vera@boras.se", "Vera Styrgrupp", Role::Viewer).await;
    admin.post("/outcomes/units", &[("name", "Vuxenenheten")]).await;
    let unit = number(&app, "SELECT id FROM units").await.to_string();
    let pia_id = number(&app, "SELECT id FROM users WHERE email = 'pia@boras.se'").await.to_string();
    admin.post(&format!("/outcomes/units/{unit}/members"), &[("user_id", &pia_id)]).await;
    // Five participants: intake 20, 21, 22, 23, 24 on 2 March, five points more on 9 March,
    // each session rated 36; the fifth stopped coming on 31 March.
    for i in 0..5 {
        let made = pia.post("/outcomes/participants", &[("code", &format!("R-{i}")), ("age_group", "adult")]).await;
        let base = common::location(&made).split('?').next().expect("path").to_owned();
        pia.post(&format!("{base}/episodes"), &[("unit_id", &unit), ("starts_on", "2026-03-02")]).await;
        let episode = number(&app, "SELECT MAX(id) FROM outcome_episodes").await;
        let first = (5 + i).to_string();
        for (date, second) in [("2026-03-02", "5"), ("2026-03-09", "10")] {
            let fields = [
                ("held_on", date),
                ("ors_1", first.as_str()),
                ("ors_2", second),
                ("ors_3", "5"),
                ("ors_4", "5"),
                ("srs_1", "9"),
                ("srs_2", "9"),
                ("srs_3", "9"),
                ("srs_4", "9"),
            ];
            assert_eq!(
                pia.post(&format!("/outcomes/episodes/{episode}/sessions"), &fields).await.status(),
                StatusCode::SEE_OTHER
            );
        }
        if i == 4 {
            let closed = pia
                .post(
                    &format!("/outcomes/episodes/{episode}/close"),
                    &[("ends_on", "2026-03-31"), ("end_reason", "stopped_coming")],
                )
                .await;
            assert_eq!(closed.status(), StatusCode::SEE_OTHER);
        }
    }
    let (status, page) = viewer.page(&format!("/outcomes/units/{unit}/report?year=2026")).await;
    assert_eq!(status, StatusCode::OK, "the report is for every member");
    // March by hand: 10 sessions, 5 people, 5 new, 1 closed; outcome totals 20…24 and 25…29
    // (mean 24.5), session totals 36; all five improved by exactly 5.
    let march =
        page.split("<th scope=\"row\">2026-03</th>").nth(1).and_then(|r| r.split("</tr>").next()).expect("March");
    let cells: Vec<&str> =
        march.split("<td class=\"number\">").skip(1).map(|c| c.split('<').next().unwrap_or("")).collect();
    assert_eq!(cells, ["10", "5", "5", "1", "24,5", "36,0", "100 %", "0 %"]);
    // February saw nobody; the first tertial closed one episode: too few to show.
    assert!(page.contains("<th scope=\"row\">2026-02</th><td class=\"number\">0</td>"));
    let tertial =
        page.split("<th scope=\"row\">2026-T1</th>").nth(1).and_then(|r| r.split("</tr>").next()).expect("T1");
    assert!(tertial.contains("Färre än fem deltagare"), "{tertial}");

    let csv = viewer.get(&format!("/outcomes/units/{unit}/report.csv?year=2026")).await.text().await.expect("CSV");
    assert!(csv.lines().any(|line| line == "2026-03;10;5;5;1;24.5;36;1;0"), "{csv}");
    let xlsx = viewer.get(&format!("/outcomes/units/{unit}/report.xlsx?year=2026")).await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx.bytes().await.expect("bytes").starts_with(b"PK"), "a zip, as XLSX is");
    let pdf = viewer.get(&format!("/outcomes/units/{unit}/report.pdf?year=2026")).await;
    assert_eq!(pdf.status(), StatusCode::OK);
    assert!(pdf.bytes().await.expect("bytes").starts_with(b"%PDF"), "a PDF for the steering group");

    // A unit with two participants in the year shows no figures at all, not even its counts;
    // the year before, when neither had an episode, likewise; the five of the first unit remain.
    admin.post("/outcomes/units", &[("name", "Ungdomsenheten")]).await;
    let small = number(&app, "SELECT MAX(id) FROM units").await.to_string();
    admin.post(&format!("/outcomes/units/{small}/members"), &[("user_id", &pia_id)]).await;
    for code in ["U-1", "U-2"] {
        let made = pia.post("/outcomes/participants", &[("code", code), ("age_group", "adolescent")]).await;
        let base = common::location(&made).split('?').next().expect("path").to_owned();
        pia.post(&format!("{base}/episodes"), &[("unit_id", &small), ("starts_on", "2026-04-06")]).await;
        let episode = number(&app, "SELECT MAX(id) FROM outcome_episodes").await;
        let fields = [("held_on", "2026-04-06"), ("ors_1", "5"), ("ors_2", "5"), ("ors_3", "5"), ("ors_4", "5")];
        pia.post(&format!("/outcomes/episodes/{episode}/sessions"), &fields).await;
    }
    let (status, page) = viewer.page(&format!("/outcomes/units/{small}/report?year=2026")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Ungdomsenheten hade färre än fem deltagare under 2026"), "{page}");
    assert!(!page.contains("<td class=\"number\">") && !page.contains("report.csv"), "no counts, no exports offered");
    let csv = viewer.get(&format!("/outcomes/units/{small}/report.csv?year=2026")).await.text().await.expect("CSV");
    assert_eq!(csv.lines().count(), 1, "the headers only: {csv}");
    let pdf = viewer.get(&format!("/outcomes/units/{small}/report.pdf?year=2026")).await;
    assert!(pdf.bytes().await.expect("bytes").starts_with(b"%PDF"));
    let (_, before) = viewer.page(&format!("/outcomes/units/{unit}/report?year=2025")).await;
    assert!(before.contains("Vuxenenheten hade färre än fem deltagare under 2025"));
    app.stop().await;
}

/// The retention job runs when a server starts (and daily after): a participant whose last
/// episode ended more than the retention period ago is erased, with the erasure in the audit
/// log; one with an open episode stays.
#[tokio::test]
async fn the_retention_job_erases_participants_past_their_period_when_the_server_starts() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let admin = app.logged_in(org, "anna@boras.se", "Anna Admin", Role::Admin).await;
    admin.post("/outcomes/units", &[("name", "Vuxenenheten")]).await;
    let unit = number(&app, "SELECT id FROM units").await.to_string();
    let anna = number(&app, "SELECT id FROM users WHERE email = 'anna@boras.se'").await.to_string();
    admin.post(&format!("/outcomes/units/{unit}/members"), &[("user_id", &anna), ("manages", "on")]).await;
    for (code, close) in [("GAMMAL", true), ("AKTIV", false)] {
        let made = admin.post("/outcomes/participants", &[("code", code), ("age_group", "adult")]).await;
        let base = common::location(&made).split('?').next().expect("path").to_owned();
        admin.post(&format!("{base}/episodes"), &[("unit_id", &unit), ("starts_on", "2024-01-08")]).await;
        let episode = number(&app, "SELECT MAX(id) FROM outcome_episodes").await;
        let session = [("held_on", "2024-01-08"), ("ors_total", "20")];
        assert_eq!(
            admin.post(&format!("/outcomes/episodes/{episode}/sessions"), &session).await.status(),
            StatusCode::SEE_OTHER
        );
        if close {
            let closed = admin
                .post(
                    &format!("/outcomes/episodes/{episode}/close"),
                    &[("ends_on", "2024-06-03"), ("end_reason", "planned")],
                )
                .await;
            assert_eq!(closed.status(), StatusCode::SEE_OTHER);
        }
    }
    let settings = [
        ("reliable_change", "5"),
        ("cutoff_adult", "25"),
        ("cutoff_adolescent", "28"),
        ("cutoff_child", "32"),
        ("srs_cutoff", "36"),
        ("srs_item_cutoff", "9"),
        ("srs_drop", "1"),
        ("no_improvement_after", "4"),
        ("retention_months", "12"),
    ];
    assert_eq!(admin.post("/outcomes/settings", &settings).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(number(&app, "SELECT COUNT(*) FROM participants").await, 2, "nothing erased before the job runs");

    let app = app.restart().await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while number(&app, "SELECT COUNT(*) FROM participants").await > 1 {
        assert!(std::time::Instant::now() < deadline, "the retention job did not run");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(app.text("SELECT code FROM participants").await.as_deref(), Some("AKTIV"));
    assert_eq!(number(&app, "SELECT COUNT(*) FROM outcome_sessions").await, 1, "the erased one's session went with it");
    let erased =
        "SELECT COUNT(*) FROM audit_log WHERE action = 'erase' AND entity = 'participant' AND actor_id IS NULL";
    assert_eq!(number(&app, erased).await, 1);
    app.stop().await;
}

/// A case-management system records sessions through the API with the practitioner's token and
/// reads the episode back with its course; the same submission twice records one session; bad
/// marks are named by field; nobody else's token finds the episode.
#[tokio::test]
async fn sessions_are_recorded_through_the_api_as_through_the_pages() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let admin = app.logged_in(org, "anna@boras.se", "Anna Admin", Role::Admin).await;
    let pia = app.logged_in(org, "pia@boras.se", "Pia Behandlare", Role::Practitioner).await;
    let viewer = app.logged_in(org, "vera@boras.se", "Vera Läsare", Role::Viewer).await;
    admin.post("/outcomes/units", &[("name", "Vuxenenheten")]).await;
    let unit = number(&app, "SELECT id FROM units").await.to_string();
    let pia_id = number(&app, "SELECT id FROM users WHERE email = 'pia@boras.se'").await.to_string();
    admin.post(&format!("/outcomes/units/{unit}/members"), &[("user_id", &pia_id)]).await;
    let made = pia.post("/outcomes/participants", &[("code", "D-7"), ("age_group", "adult")]).await;
    let base = common::location(&made).split('?').next().expect("path").to_owned();
    pia.post(&format!("{base}/episodes"), &[("unit_id", &unit), ("starts_on", "2026-03-02")]).await;
    let episode = number(&app, "SELECT id FROM outcome_episodes").await;
    let (token, viewing) = (pia.api_token("journal").await, viewer.api_token("läsa").await);
    let sessions = format!("/api/v1/outcomes/episodes/{episode}/sessions");

    let bad = json!({"date": "2026-03-01", "ors": [5, 5, 5, 10.5]});
    let (status, error) = pia.api_post(&token, &sessions, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> =
        error["error"]["fields"].as_array().expect("fields").iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, ["ors"], "{error}");
    let outside = json!({"date": "2026-03-01", "ors": [5, 5, 5, 5]});
    let (status, error) = pia.api_post(&token, &sessions, &outside).await;
    assert_eq!(
        (status, error["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("date"))
    );

    let first = json!({"date": "2026-03-02", "ors": [5, 5, 5, 5], "srs": [9, 9, 9, 9], "submission": "journal-1"});
    let (status, recorded) = pia.api_post(&token, &sessions, &first).await;
    assert_eq!((status, recorded["created"].as_bool()), (StatusCode::CREATED, Some(true)));
    let (status, again) = pia.api_post(&token, &sessions, &first).await;
    assert_eq!((status, again["created"].as_bool(), &again["id"]), (StatusCode::OK, Some(false), &recorded["id"]));
    let paper = json!({"date": "2026-03-30", "ors_total": 25});
    assert_eq!(pia.api_post(&token, &sessions, &paper).await.0, StatusCode::CREATED);
    // A key is one episode's: the same key for another episode records that episode's session.
    let other = pia.post("/outcomes/participants", &[("code", "D-8"), ("age_group", "adult")]).await;
    let other = common::location(&other).split('?').next().expect("path").to_owned();
    pia.post(&format!("{other}/episodes"), &[("unit_id", &unit), ("starts_on", "2026-03-02")]).await;
    let other_episode = number(&app, "SELECT MAX(id) FROM outcome_episodes").await;
    let (status, _) =
        pia.api_post(&token, &format!("/api/v1/outcomes/episodes/{other_episode}/sessions"), &first).await;
    assert_eq!(status, StatusCode::CREATED);

    // By hand: 20 → 25, a reliable change of exactly 5 to exactly the cut-off: recovered.
    let (status, read) = pia.api_get(&token, &format!("/api/v1/outcomes/episodes/{episode}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(read["sessions"].as_array().map(Vec::len), Some(2));
    assert_eq!(read["sessions"][1]["ors"], json!({"items": null, "total": 25.0}));
    assert_eq!(
        read["course"],
        json!({"intake": 20.0, "latest": 25.0, "change": 5.0, "reliable": "improved", "recovered": true, "alerts": []})
    );
    assert_eq!(
        viewer.api_get(&viewing, &format!("/api/v1/outcomes/episodes/{episode}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(viewer.api_post(&viewing, &sessions, &paper).await.0, StatusCode::NOT_FOUND);
    assert_eq!(number(&app, "SELECT COUNT(*) FROM outcome_sessions WHERE source = 'api'").await, 3);
    app.stop().await;
}

/// An organisation with a unit whose practitioner is Pia, and her colleague Per outside it.
async fn unit_with_practitioner(app: &TestApp) -> (common::Browser, common::Browser, common::Browser, String) {
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let admin = app.logged_in(org, "anna@boras.se", "Anna Admin", Role::Admin).await;
    let pia = app.logged_in(org, "pia@boras.se", "Pia Behandlare", Role::Practitioner).await;
    let per = app.logged_in(org, "per@boras.se", "Per Behandlare", Role::Practitioner).await;
    admin.post("/outcomes/units", &[("name", "Vuxenenheten")]).await;
    let unit = number(app, "SELECT id FROM units").await.to_string();
    let pia_id = number(app, "SELECT id FROM users WHERE email = 'pia@boras.se'").await.to_string();
    admin.post(&format!("/outcomes/units/{unit}/members"), &[("user_id", &pia_id)]).await;
    (admin, pia, per, unit)
}

/// Registers a participant with an episode from 2 March 2026; its page and the episode's id.
async fn participant_with_episode(app: &TestApp, pia: &common::Browser, unit: &str, code: &str) -> (String, i64) {
    let made = pia.post("/outcomes/participants", &[("code", code), ("age_group", "adult")]).await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER, "{code}");
    let base = common::location(&made).split('?').next().expect("path").to_owned();
    let opened = pia.post(&format!("{base}/episodes"), &[("unit_id", unit), ("starts_on", "2026-03-02")]).await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    (base, number(app, "SELECT MAX(id) FROM outcome_episodes").await)
}

/// The `/r/` link in a page, with its 64 hex digits.
fn phone_link(page: &str) -> Option<String> {
    page.match_indices("/r/")
        .map(|(at, _)| &page[at + 3..])
        .find_map(|rest| rest.get(..64).filter(|t| t.bytes().all(|b| b.is_ascii_hexdigit())).map(str::to_owned))
}

#[tokio::test]
async fn a_participant_rates_on_their_own_phone_through_a_link_that_works_once() {
    let app = TestApp::spawn().await;
    let (_admin, pia, per, unit) = unit_with_practitioner(&app).await;
    let (base, episode) = participant_with_episode(&app, &pia, &unit, "T-007").await;
    let links = format!("/outcomes/episodes/{episode}/links");

    // Pia makes a link asking for both scales; it is shown once, and only its hash is kept.
    let (status, page) = pia.post_page(&links, &[("scales", "both")]).await;
    assert_eq!(status, StatusCode::OK);
    let token = phone_link(&page).expect("the new link on the page");
    assert_eq!(number(&app, &format!("SELECT COUNT(*) FROM outcome_links WHERE token_hash = '{token}'")).await, 0);
    assert_eq!(number(&app, "SELECT COUNT(*) FROM outcome_links").await, 1);
    let (_, page) = pia.page(&base).await;
    assert!(phone_link(&page).is_none(), "not shown again");
    assert!(page.contains(&format!("hx-get=\"/outcomes/episodes/{episode}/watch?sessions=0\"")), "{page}");
    assert_eq!(
        pia.get(&format!("/outcomes/episodes/{episode}/watch?sessions=0")).await.status(),
        StatusCode::NO_CONTENT
    );
    // Nobody who does not work with the episode makes one.
    assert_eq!(per.post(&links, &[("scales", "both")]).await.status(), StatusCode::NOT_FOUND);

    // The participant opens it without logging in: the lines, nothing that names them.
    let phone = app.browser();
    let rating = format!("/r/{token}");
    let (status, form) = phone.page(&rating).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("data-line-min=\"0\"") && form.contains("name=\"srs_4\""), "{form}");
    assert!(!form.contains("T-007") && !form.contains("Pia"), "nothing identifying");
    // The session scale left out: named, and what was marked kept.
    let outcome = [("ors_1", "6,5"), ("ors_2", "5"), ("ors_3", "7"), ("ors_4", "4")];
    let (status, form) = phone.post_page(&rating, &outcome).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(form.contains("id=\"f-srs_1-error\"") && form.contains("value=\"6,5\""), "{form}");
    assert_eq!(number(&app, "SELECT COUNT(*) FROM outcome_sessions").await, 0);
    // Sent whole, twice (a shaky connection): one session, dated today, from the phone.
    let whole: Vec<(&str, &str)> =
        outcome.iter().copied().chain([("srs_1", "9"), ("srs_2", "9"), ("srs_3", "9,5"), ("srs_4", "9")]).collect();
    assert_eq!(phone.post(&rating, &whole).await.status(), StatusCode::OK);
    assert_eq!(phone.post(&rating, &whole).await.status(), StatusCode::NOT_FOUND, "used");
    assert_eq!(phone.page(&rating).await.0, StatusCode::NOT_FOUND);
    assert_eq!(number(&app, "SELECT COUNT(*) FROM outcome_sessions WHERE source = 'phone'").await, 1);
    // 6.5 + 5 + 7 + 4 = 22.5 and 9 + 9 + 9.5 + 9 = 36.5, in tenths.
    assert_eq!(number(&app, "SELECT ors_total FROM outcome_sessions").await, 225);
    assert_eq!(number(&app, "SELECT srs_total FROM outcome_sessions").await, 365);
    let today = app.text("SELECT held_on FROM outcome_sessions").await.expect("a date");
    assert_eq!(today, parat_store::now_date().to_string());
    assert_eq!(
        number(&app, "SELECT COUNT(*) FROM audit_log WHERE entity = 'outcome_session' AND actor_label LIKE 'link %'")
            .await,
        1
    );

    // Pia's page learns of it at its next poll, and shows the rating with its alert.
    let watched = pia.get(&format!("/outcomes/episodes/{episode}/watch?sessions=0")).await;
    assert_eq!(watched.headers().get("hx-refresh").and_then(|v| v.to_str().ok()), Some("true"));
    let (_, page) = pia.page(&base).await;
    assert!(page.contains("22,5") && page.contains("ligger under gränsen 25"), "{page}");
    assert!(!page.contains("/watch?"), "no link out any more");
    // Everything about the participant as a PDF too, for Pia and not for Per; the export logged.
    let pdf = pia.get(&format!("{base}/export.pdf")).await;
    assert_eq!(pdf.status(), StatusCode::OK);
    assert!(pdf.bytes().await.expect("bytes").starts_with(b"%PDF"));
    assert_eq!(per.get(&format!("{base}/export.pdf")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        number(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND entity = 'participant'").await,
        1
    );

    // A withdrawn link no longer works; a token that is not one of ours is told apart from nothing.
    let (_, page) = pia.post_page(&links, &[("scales", "outcome")]).await;
    let second = phone_link(&page).expect("a second link");
    let link_id = number(&app, "SELECT MAX(id) FROM outcome_links").await;
    let withdrawn = pia.post(&format!("{links}/{link_id}/withdraw"), &[]).await;
    assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
    assert_eq!(phone.page(&format!("/r/{second}")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(phone.page("/r/not-a-token").await.0, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn the_expected_range_comes_from_the_organisations_own_improved_episodes() {
    let app = TestApp::spawn().await;
    let (_admin, pia, _per, unit) = unit_with_practitioner(&app).await;
    // Thirty closed episodes with intake 20.0 (band 20–25), the second rating 25.0, 25.1, …,
    // 27.9: each improved by at least exactly 5, the reliable change.
    for i in 0..30 {
        let (_, episode) = participant_with_episode(&app, &pia, &unit, &format!("E-{i:02}")).await;
        // 10 + (5.0 + i / 10) + 5 + 5 = 25.0 + i / 10.
        let second = format!("{},{}", 5 + i / 10, i % 10);
        for (date, first, other) in [("2026-03-02", "5", "5"), ("2026-03-09", "10", second.as_str())] {
            let fields = [("held_on", date), ("ors_1", first), ("ors_2", other), ("ors_3", "5"), ("ors_4", "5")];
            let saved = pia.post(&format!("/outcomes/episodes/{episode}/sessions"), &fields).await;
            assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        }
        let closed = pia
            .post(
                &format!("/outcomes/episodes/{episode}/close"),
                &[("ends_on", "2026-03-16"), ("end_reason", "planned")],
            )
            .await;
        assert_eq!(closed.status(), StatusCode::SEE_OTHER);
    }
    // A new participant with intake 21 sees that band: session 1 all at 20; session 2 the
    // type-7 quartiles of 25.0…27.9 — positions 29 × 0.25 = 7.25 and 29 × 0.75 = 21.75, so
    // 25.725 and 27.175. On the chart (y = 16 + 214 × (1 − v / 40), x from 44 to 624):
    // 20 → 123.0, 27.175 → 84.6, 25.725 → 92.4.
    let (base, episode) = participant_with_episode(&app, &pia, &unit, "N-01").await;
    let fields = [("held_on", "2026-03-02"), ("ors_1", "6"), ("ors_2", "5"), ("ors_3", "5"), ("ors_4", "5")];
    pia.post(&format!("/outcomes/episodes/{episode}/sessions"), &fields).await;
    let (_, page) = pia.page(&base).await;
    assert!(page.contains("<polygon points=\"44.0,123.0 624.0,84.6 624.0,92.4 44.0,123.0\""), "{page}");
    assert!(page.contains("de 30 deltagare") && page.contains("(20–25)"), "{page}");
    assert_eq!(number(&app, "SELECT COUNT(*) FROM outcome_trajectories").await, 1, "kept for the next page");
    // An intake of 36 has no band of its own yet, and says why.
    let (base, episode) = participant_with_episode(&app, &pia, &unit, "N-02").await;
    let fields = [("held_on", "2026-03-02"), ("ors_1", "9"), ("ors_2", "9"), ("ors_3", "9"), ("ors_4", "9")];
    pia.post(&format!("/outcomes/episodes/{episode}/sessions"), &fields).await;
    let (_, page) = pia.page(&base).await;
    assert!(!page.contains("<polygon"), "{page}");
    assert!(page.contains("Inget förväntat intervall ännu") && page.contains("organisationen har 0"), "{page}");
    app.stop().await;
}

/// A case-management system registers a participant and opens their episode through the API,
/// by the pages' rules: fields named when refused, a code used once per organisation, a viewer
/// refused, and the episode read back as the pages see it.
#[tokio::test]
async fn participants_are_registered_and_episodes_opened_through_the_api() {
    let app = TestApp::spawn().await;
    let (_admin, pia, _per, unit) = unit_with_practitioner(&app).await;
    let org = number(&app, "SELECT id FROM organisations").await;
    let viewer = app.logged_in(org, "vera@boras.se", "Vera Läsare", Role::Viewer).await;
    let (token, viewing) = (pia.api_token("journal").await, viewer.api_token("läsa").await);

    let refused = json!({"code": " ", "age_group": "senior", "consent_on": "2099-01-01"});
    let (status, error) = pia.api_post(&token, "/api/v1/outcomes/participants", &refused).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> =
        error["error"]["fields"].as_array().expect("fields").iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, ["code", "age_group", "consent_on"], "{error}");
    let named = json!({"code": "J-1", "age_group": "adult", "name": "Ada Andersson"});
    let (status, error) = pia.api_post(&token, "/api/v1/outcomes/participants", &named).await;
    assert_eq!(
        (status, error["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("name"))
    );
    assert_eq!(number(&app, "SELECT COUNT(*) FROM participants").await, 0, "nothing half-written");

    let body =
        json!({"code": "J-1", "age_group": "adolescent", "consent_on": "2026-03-01", "consent_scope": "Uppföljning"});
    let (status, made) = pia.api_post(&token, "/api/v1/outcomes/participants", &body).await;
    assert_eq!(
        (status, made["code"].as_str(), made["age_group"].as_str()),
        (StatusCode::CREATED, Some("J-1"), Some("adolescent"))
    );
    let (status, _) = pia.api_post(&token, "/api/v1/outcomes/participants", &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "the code is taken");
    assert_eq!(
        viewer
            .api_post(&viewing, "/api/v1/outcomes/participants", &json!({"code": "J-2", "age_group": "adult"}))
            .await
            .0,
        StatusCode::FORBIDDEN
    );

    let id = made["id"].as_i64().expect("id");
    let episodes = format!("/api/v1/outcomes/participants/{id}/episodes");
    let unit: i64 = unit.parse().expect("unit id");
    let (status, error) = pia.api_post(&token, &episodes, &json!({"unit_id": unit, "starts_on": "2099-01-01"})).await;
    assert_eq!(
        (status, error["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("starts_on"))
    );
    let (status, episode) = pia.api_post(&token, &episodes, &json!({"unit_id": unit, "starts_on": "2026-03-02"})).await;
    assert_eq!(status, StatusCode::CREATED, "{episode}");
    assert_eq!(
        (episode["participant_id"].as_i64(), episode["unit_id"].as_i64(), episode["starts_on"].as_str()),
        (Some(id), Some(unit), Some("2026-03-02"))
    );
    assert_eq!(episode["course"]["reliable"], "none");
    let pia_id = number(&app, "SELECT id FROM users WHERE email = 'pia@boras.se'").await;
    assert_eq!(number(&app, "SELECT practitioner_id FROM outcome_episodes").await, pia_id, "the token's person");
    // The viewer does not work with the participant: the participant is not there for them.
    assert_eq!(
        viewer.api_post(&viewing, &episodes, &json!({"unit_id": unit, "starts_on": "2026-03-02"})).await.0,
        StatusCode::NOT_FOUND
    );
    let episode_id = episode["id"].as_i64().expect("id");
    let (status, read) = pia.api_get(&token, &format!("/api/v1/outcomes/episodes/{episode_id}")).await;
    assert_eq!((status, read["participant_id"].as_i64()), (StatusCode::OK, Some(id)));
    app.stop().await;
}
