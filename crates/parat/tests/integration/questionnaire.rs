//! Questionnaires from the command line: `parat questionnaire list | show | score`, the shapes
//! users script against, checked against scores computed here, independently of the engine.

use crate::common;

use std::collections::BTreeMap;

use common::TempDir;
use serde_json::{json, Value};

/// Runs `parat` with arguments and standard input; (success, stdout, stderr).
fn parat(args: &[&str], stdin: &str) -> (bool, String, String) {
    let output = common::run_parat(args, Some(stdin));
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into(),
        String::from_utf8_lossy(&output.stderr).into(),
    )
}

fn json_of(args: &[&str], stdin: &str) -> Value {
    let (ok, stdout, stderr) = parat(args, stdin);
    assert!(ok, "parat {args:?} failed: {stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"))
}

#[test]
fn list_prints_each_embedded_questionnaire_with_its_name() {
    let (ok, stdout, _) = parat(&["questionnaire", "list"], "");
    assert!(ok);
    let lines: Vec<(&str, &str)> = stdout.lines().map(|l| l.split_once('\t').expect("id, a tab, the name")).collect();
    let ids: Vec<&str> = lines.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, ["oric", "hexagon", "rmc2", "event_evaluation", "project_evaluation"]);
    assert!(lines[0].1.contains("ORIC"), "{stdout}");
    let (_, english, _) = parat(&["questionnaire", "list", "--lang", "en"], "");
    assert!(english.contains("rmc2\tReadiness = motivation × capacity² (R = MC²)"), "{english}");
}

#[test]
fn show_gives_items_and_scales_as_json() {
    let oric = json_of(&["questionnaire", "show", "oric", "--json"], "");
    assert_eq!(oric["id"], "oric");
    let items = oric["items"].as_array().expect("items");
    let scored: Vec<&Value> = items.iter().filter(|i| i["kind"] == "agreement").collect();
    assert_eq!(scored.len(), 12, "twelve statements");
    assert!(scored.iter().all(|i| i["min"] == 1 && i["max"] == 5 && i["id"].is_string()));
    assert_eq!(
        oric["scales"][0],
        json!({"id": "commitment", "name": oric["scales"][0]["name"], "items": ["c1", "c2", "c3", "c4", "c5"], "rule": "mean"})
    );
    assert_eq!(oric["scales"][1]["items"].as_array().expect("efficacy").len(), 7);

    let rmc2 = json_of(&["questionnaire", "show", "rmc2", "--json"], "");
    let readiness =
        rmc2["scales"].as_array().expect("scales").iter().find(|s| s["id"] == "readiness").expect("readiness");
    assert_eq!(
        (&readiness["items"], &readiness["rule"]),
        (&json!(["motivation", "general", "specific"]), &json!("product"))
    );
    let hexagon = json_of(&["questionnaire", "show", "hexagon", "--json"], "");
    let areas: Vec<&Value> =
        hexagon["items"].as_array().expect("items").iter().filter(|i| i["kind"] == "rating").collect();
    assert_eq!(areas.len(), 6);
    assert!(areas.iter().all(|i| i["min"] == 1 && i["max"] == 5));

    let (ok, _, stderr) = parat(&["questionnaire", "show", "nope", "--json"], "");
    assert!(!ok && stderr.contains("\"nope\" is neither an embedded questionnaire"), "{stderr}");
}

/// A small deterministic generator, so the test's answers are the same every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

const MOTIVATION: [&str; 6] =
    ["m_advantage", "m_compatibility", "m_complexity", "m_trialability", "m_observability", "m_priority"];
const GENERAL: [&str; 8] = [
    "g_culture",
    "g_climate",
    "g_innovativeness",
    "g_resources",
    "g_leadership",
    "g_structure",
    "g_staff",
    "g_process",
];
const SPECIFIC: [&str; 5] = ["s_knowledge", "s_champion", "s_climate", "s_internal", "s_external"];

/// A respondent's scores as worked out here, by scale.
type Expected = BTreeMap<&'static str, Option<f64>>;

/// R = MC² answers for 40 respondents in three groups (one small), with now and then an item
/// left out; and the scores worked out here: a component is the mean of its five-step answers
/// (complexity counted as 6 − answer), absent if any of its items is unanswered; readiness is
/// the product of the three.
fn rmc2_case() -> (Value, Vec<Expected>, Vec<&'static str>) {
    let mut random = Lcg(7);
    let mut respondents = Vec::new();
    let mut expected = Vec::new();
    let mut groups = Vec::new();
    for r in 0..40 {
        let group = ["socialtjänst", "skola", "ledning"][if r % 10 == 9 { 2 } else { r % 2 }];
        let mut answers = serde_json::Map::new();
        let mut component = |items: &[&str], answers: &mut serde_json::Map<String, Value>| {
            let mut total = 0.0;
            let mut complete = true;
            for item in items {
                if random.below(25) == 0 {
                    complete = false;
                    continue;
                }
                let value = 1 + random.below(5);
                answers.insert((*item).into(), json!(value));
                total += if *item == "m_complexity" { 6.0 - value as f64 } else { value as f64 };
            }
            complete.then(|| total / items.len() as f64)
        };
        let motivation = component(&MOTIVATION, &mut answers);
        let general = component(&GENERAL, &mut answers);
        let specific = component(&SPECIFIC, &mut answers);
        let readiness = match (motivation, general, specific) {
            (Some(m), Some(g), Some(s)) => Some(m * g * s),
            _ => None,
        };
        respondents.push(json!({"id": format!("r{r}"), "group": group, "answers": answers}));
        expected.push(BTreeMap::from([
            ("motivation", motivation),
            ("general", general),
            ("specific", specific),
            ("readiness", readiness),
        ]));
        groups.push(group);
    }
    (json!({"threshold": 5, "respondents": respondents}), expected, groups)
}

fn close(a: &Value, b: Option<f64>) -> bool {
    match (a.as_f64(), b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (None, None) => a.is_null(),
        _ => false,
    }
}

#[test]
fn score_gives_each_respondent_and_each_group_the_independently_computed_scores() {
    let (input, expected, groups) = rmc2_case();
    let dir = TempDir::new();
    let file = dir.path.join("answers.json");
    std::fs::write(&file, input.to_string()).expect("write");
    let output = json_of(&["questionnaire", "score", "rmc2", file.to_str().expect("utf-8")], "");

    let respondents = output["respondents"].as_array().expect("respondents");
    assert_eq!(respondents.len(), 40);
    for (k, (got, want)) in respondents.iter().zip(&expected).enumerate() {
        assert_eq!(got["id"], format!("r{k}"));
        for (scale, value) in want {
            assert!(close(&got["scores"][scale], *value), "r{k} {scale}: {} ≠ {value:?}", got["scores"][scale]);
        }
    }
    assert!(expected.iter().any(|e| e["readiness"].is_none()), "the case has incomplete respondents");

    let threshold = 5;
    let summary = |members: &[&Expected], scale: &str| {
        let values: Vec<f64> = members.iter().filter_map(|e| e[scale]).collect();
        let n = values.len();
        (n, (n >= threshold).then(|| values.iter().sum::<f64>() / n as f64))
    };
    let everyone: Vec<_> = expected.iter().collect();
    for scale in ["motivation", "general", "specific", "readiness"] {
        let (n, mean) = summary(&everyone, scale);
        assert_eq!(output["aggregate"][scale]["n"], n, "{scale}");
        assert!(close(&output["aggregate"][scale]["mean"], mean), "{scale}: {}", output["aggregate"][scale]);
        for group in ["socialtjänst", "skola", "ledning"] {
            let members: Vec<_> = expected.iter().zip(&groups).filter(|(_, g)| **g == group).map(|(e, _)| e).collect();
            let (n, mean) = summary(&members, scale);
            let got = &output["groups"][group][scale];
            assert_eq!(got["n"], n, "{group} {scale}");
            assert!(close(&got["mean"], mean), "{group} {scale}: {got}");
        }
    }
    // Four leaders: too few for a mean at the threshold of five, but counted.
    assert_eq!(output["groups"]["ledning"]["motivation"]["mean"], Value::Null);
    assert!(output["groups"]["ledning"]["motivation"]["n"].as_u64().expect("n") > 0);

    // The same from standard input, against a definition file instead of an embedded id.
    let definition = dir.path.join("own.toml");
    let t = r#"{ sv = "T", da = "T", en = "T" }"#;
    std::fs::write(
        &definition,
        format!("id = \"own\"\npurpose = \"evaluation\"\nname = {t}\ndescription = {t}\n[[sections]]\nid = \"s\"\ntitle = {t}\n[[sections.items]]\nid = \"q\"\nkind = \"line\"\nlow = {t}\nhigh = {t}\ntext = {t}\n[[scales]]\nid = \"total\"\nname = {t}\nitems = [\"q\"]\nrule = \"sum\"\n"),
    )
    .expect("definition");
    let answers =
        json!({"threshold": 1, "respondents": [{"id": 1, "answers": {"q": 7.5}}, {"id": 2, "answers": {"q": 2.5}}]});
    let own = json_of(&["questionnaire", "score", definition.to_str().expect("utf-8"), "-"], &answers.to_string());
    assert_eq!(own["aggregate"]["total"], json!({"n": 2, "mean": 5.0}));
    assert_eq!(own["respondents"][0], json!({"id": 1, "scores": {"total": 7.5}}));
    assert_eq!(own["groups"], json!({}));
}

#[test]
fn bad_answers_name_the_respondent_and_the_item() {
    let cases = [
        (json!({"respondents": [{"id": "anna", "answers": {"c1": 6}}]}), "respondent \"anna\", item c1: off the scale"),
        (json!({"respondents": [{"id": 7, "answers": {"c9": 1}}]}), "respondent 7, item c9"),
        (json!({"respondents": [{"id": 7, "answers": {"c1": true}}]}), "respondent 7, item c1"),
        (json!({"respondents": [{"id": 7, "answers": {"c1": 2.5}}]}), "respondent 7, item c1: at most 0 decimals"),
        (json!({"threshold": 0, "respondents": []}), "threshold 0"),
        (json!({"threshold": 2.5, "respondents": []}), "threshold 2.5"),
        (json!({"respondents": [{"id": "a"}, {"id": "a"}]}), "respondent \"a\" appears twice"),
        (json!({"respondent": []}), "expected JSON shape"),
    ];
    for (input, message) in cases {
        let (ok, stdout, stderr) = parat(&["questionnaire", "score", "oric", "-"], &input.to_string());
        assert!(!ok, "{input} was accepted: {stdout}");
        assert!(stderr.contains(message), "{input}: {stderr}");
        assert!(stdout.is_empty(), "nothing printed on failure");
    }
}

/// The first link in a page that answers a questionnaire (`/q/` and 64 hex digits).
pub(crate) fn links_in(body: &str) -> Vec<String> {
    body.match_indices("/q/")
        .filter_map(|(i, _)| body.get(i + 3..i + 67))
        .filter(|token| token.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|token| format!("/q/{token}"))
        .fold(Vec::new(), |mut seen, link| {
            if !seen.contains(&link) {
                seen.push(link);
            }
            seen
        })
}

/// The id of the round a page links to (`/rounds/{id}…`).
fn round_id_in(body: &str) -> i64 {
    body.split("/rounds/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|id| id.parse().ok())
        .expect("a link to the round")
}

/// An ORIC response: commitment c1–c5 and efficacy e1–e7.
pub(crate) fn oric_fields(commitment: [u8; 5], efficacy: [u8; 7], action: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> =
        commitment.iter().enumerate().map(|(i, v)| (format!("a-c{}", i + 1), v.to_string())).collect();
    fields.extend(efficacy.iter().enumerate().map(|(i, v)| (format!("a-e{}", i + 1), v.to_string())));
    fields.push(("action".into(), action.into()));
    fields
}

pub(crate) async fn answer(browser: &common::Browser, link: &str, fields: &[(String, String)]) -> (StatusCode, String) {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let response = browser.post(link, &borrowed).await;
    let status = response.status();
    (status, response.text().await.expect("body"))
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// A mean as the results page writes it in Swedish: two decimals and a decimal comma.
fn swedish(value: f64) -> String {
    format!("{value:.2}").replace('.', ",")
}

use common::{id_from_location, location, TestApp};

/// Borås stad with its coordinator logged in, and an initiative of theirs (IPS).
async fn boras_coordinator(app: &TestApp) -> (common::Browser, i64) {
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let response = coordinator.post("/initiatives", &[("name", "IPS"), ("topic", "integration")]).await;
    (coordinator, id_from_location(&location(&response)))
}
use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;

#[tokio::test]
async fn a_round_goes_out_with_personal_and_open_links_and_its_results_respect_the_threshold() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let viewer = app.logged_in(org, "sven@boras.se", "Sven Styrgrupp", Role::Viewer).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;
    let response = coordinator.post("/initiatives", &[("name", "IPS"), ("topic", "integration")]).await;
    let initiative = id_from_location(&location(&response));

    // Bad input comes back with what was typed and why.
    let new_round = format!("/initiatives/{initiative}/rounds");
    let bad = coordinator
        .post(
            &new_round,
            &[("questionnaire", "oric"), ("title", "Personalenkät"), ("issue", "IPS"), ("threshold", "0")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = bad.text().await.expect("body");
    assert!(body.contains("Skriv ett heltal från 1 till 1") && body.contains("value=\"Personalenkät\""), "{body}");
    let (status, _) = viewer.page(&format!("/initiatives/{initiative}/rounds/new")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a viewer sends nothing out");

    let made = coordinator
        .post(
            &new_round,
            &[
                ("questionnaire", "oric"),
                ("title", "Personalenkät våren"),
                ("issue", "IPS"),
                ("anonymous", "on"),
                ("open_link", "on"),
                ("threshold", "3"),
            ],
        )
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let body = made.text().await.expect("body");
    let open_link = links_in(&body).into_iter().next().expect("the open link, shown once");
    assert!(body.contains("<svg"), "with its QR code");
    let round = round_id_in(&body);
    let (_, shown_again) = coordinator.page(&format!("/rounds/{round}")).await;
    assert!(links_in(&shown_again).is_empty(), "a link is never shown twice");

    // A refused paste comes back as typed, with the reason.
    let refused =
        coordinator.post(&format!("/rounds/{round}/respondents"), &[("people", "Anna Ek; inte-en-adress")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.expect("body");
    assert!(page.contains("Anna Ek; inte-en-adress</textarea>") && page.contains("Skriv en e-postadress"), "{page}");

    let added = coordinator
        .post(
            &format!("/rounds/{round}/respondents"),
            &[("people", "Anna Ek; anna@boras.se; Socialtjänst\nBo Berg;; Socialtjänst\nCecilia Ceder;;Skola")],
        )
        .await;
    assert_eq!(added.status(), StatusCode::OK);
    let personal = links_in(&added.text().await.expect("body"));
    assert_eq!(personal.len(), 3);

    // Anna answers from her own phone, without an account: she saves half, comes back, submits.
    let anna = app.browser();
    let (status, page) = anna.page(&personal[0]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Vi på arbetsplatsen vill verkligen få IPS att fungera."), "{{issue}} filled in");
    let half = vec![("a-c1".to_owned(), "5".to_owned()), ("action".to_owned(), "save".to_owned())];
    let (status, _) = answer(&anna, &personal[0], &half).await;
    assert_eq!(status, StatusCode::OK);
    let (_, resumed) = anna.page(&personal[0]).await;
    assert!(resumed.contains("name=\"a-c1\" value=\"5\" checked"), "the link resumes where she stopped");
    // Submitting before every statement is answered keeps what she gave and says what is missing.
    let (status, page) =
        answer(&anna, &personal[0], &[("a-c1".into(), "5".into()), ("action".into(), "submit".into())]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Besvara frågan.") && page.contains("name=\"a-c1\" value=\"5\" checked"), "{page}");
    // An answer off the scale is refused whole: nothing of that save is kept.
    let mut off = oric_fields([4, 4, 4, 4, 4], [4, 4, 4, 4, 4, 4, 4], "save");
    off[0].1 = "6".into();
    let (status, page) = answer(&anna, &personal[0], &off).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Skriv ett tal från 1 till 5."), "{page}");
    let (_, kept) = anna.page(&personal[0]).await;
    assert!(kept.contains("name=\"a-c1\" value=\"5\" checked") && !kept.contains("name=\"a-c2\" value=\"4\" checked"));

    let answers: [([u8; 5], [u8; 7]); 5] = [
        ([5, 4, 4, 3, 5], [2, 3, 3, 4, 2, 3, 4]),
        ([4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3, 3]),
        ([2, 3, 2, 3, 2], [5, 4, 5, 4, 5, 4, 5]),
        ([5, 5, 5, 5, 5], [1, 2, 1, 2, 1, 2, 1]),
        ([3, 3, 3, 3, 4], [4, 4, 4, 4, 4, 4, 3]),
    ];
    let (status, page) = answer(&anna, &personal[0], &oric_fields(answers[0].0, answers[0].1, "submit")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Tack för dina svar"), "{page}");
    // Sending it again changes nothing, and says so.
    let (status, page) = answer(&anna, &personal[0], &oric_fields([1; 5], [1; 7], "submit")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("redan inskickade"), "{page}");

    // Too few answers for the threshold of three: no figures at all.
    let (_, results) = coordinator.page(&format!("/rounds/{round}/results")).await;
    assert!(results.contains("Resultaten visas när minst 3 har svarat."), "{results}");
    assert!(!results.contains("(n = "));
    let early = coordinator.get(&format!("/rounds/{round}/answers.csv")).await;
    assert_eq!(early.status(), StatusCode::CONFLICT, "no export under the threshold either");
    let early = coordinator.get(&format!("/rounds/{round}/summary.pdf")).await;
    assert_eq!(early.status(), StatusCode::CONFLICT, "nor a summary");

    // Bo by his link; two people in a room through the open link, each in their own browser.
    let bo = app.browser();
    assert_eq!(answer(&bo, &personal[1], &oric_fields(answers[1].0, answers[1].1, "submit")).await.0, StatusCode::OK);
    for (commitment, efficacy) in &answers[2..4] {
        let someone = app.browser();
        assert_eq!(
            answer(&someone, &open_link, &oric_fields(*commitment, *efficacy, "submit")).await.0,
            StatusCode::OK
        );
    }
    // The open link resumes in the same browser, never across browsers.
    let room = app.browser();
    let (_, page) = answer(&room, &open_link, &[("a-c1".into(), "3".into()), ("action".into(), "save".into())]).await;
    assert!(page.contains("Svaren är sparade"), "{page}");
    assert!(room.page(&open_link).await.1.contains("name=\"a-c1\" value=\"3\" checked"));
    assert!(!app.browser().page(&open_link).await.1.contains("checked"));
    assert_eq!(answer(&room, &open_link, &oric_fields(answers[4].0, answers[4].1, "submit")).await.0, StatusCode::OK);

    // Five responses: the means worked out here, for everyone; Socialtjänst (Anna and Bo) is
    // under the threshold and shows a dash; Skola has not answered.
    let (status, results) = viewer.page(&format!("/rounds/{round}/results")).await;
    assert_eq!(status, StatusCode::OK);
    let commitment: Vec<f64> = answers.iter().map(|(c, _)| mean(&c.map(f64::from))).collect();
    let efficacy: Vec<f64> = answers.iter().map(|(_, e)| mean(&e.map(f64::from))).collect();
    for expected in [mean(&commitment), mean(&efficacy)] {
        let cell = format!("{} <span class=\"count\">(n = 5)</span>", swedish(expected));
        assert!(results.contains(&cell), "{cell} in {results}");
    }
    assert!(results.contains("– <span class=\"count\">(n = 2)</span>"), "Socialtjänst has two");
    assert!(!results.contains("Skola"), "a group without answers has no column");
    assert!(results.contains("2 av 3 har svarat"), "two of three personal links answered");
    let summary = viewer.get(&format!("/rounds/{round}/summary.pdf")).await;
    assert_eq!(summary.status(), StatusCode::OK);
    assert_eq!(summary.headers()["content-type"], "application/pdf");
    assert!(summary.bytes().await.expect("pdf").starts_with(b"%PDF"), "a summary for the steering group");

    // The answers as CSV: one row per response, each statement a column, then the scales;
    // the group of two is left blank. As XLSX: the answers and the scales' summary.
    let csv = coordinator.get(&format!("/rounds/{round}/answers.csv")).await.text().await.expect("csv");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 6, "a header and five responses: {csv}");
    assert!(lines[0].starts_with("Svar nr;Grupp;c1 Vi på arbetsplatsen"), "{}", lines[0]);
    assert!(!csv.contains("Socialtjänst"), "a group under the threshold is not named");
    let first: Vec<&str> = lines[1].split(';').collect();
    assert_eq!(&first[..4], ["1", "", "5", "4"]);
    // Whole numbers without decimals: commitment 21 / 5 = 4,20, efficacy 21 / 7 = 3.
    assert_eq!(&first[first.len() - 2..], ["4,20", "3"]);
    assert_eq!((commitment[0], efficacy[0]), (4.2, 3.0));
    let xlsx = coordinator.get(&format!("/rounds/{round}/answers.xlsx")).await.bytes().await.expect("xlsx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx.to_vec())).expect("an XLSX is a zip");
    let mut sheets = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/workbook.xml").expect("workbook"), &mut sheets)
        .expect("utf-8");
    assert!(sheets.contains("name=\"Svar\"") && sheets.contains("name=\"Skalor\""), "{sheets}");

    // The database never ties an anonymous response to a respondent: no reference, no shared
    // hash, on either backend.
    let query = "SELECT (SELECT COUNT(*) FROM round_responses WHERE respondent_id IS NOT NULL) + \
                 (SELECT COUNT(*) FROM round_responses s JOIN round_respondents p ON p.token_hash = s.resume_hash)";
    let linked: (i64,) = match &app.db {
        parat_store::Db::Sqlite { read, .. } => sqlx::query_as(query).fetch_one(read).await,
        parat_store::Db::Postgres(pool) => sqlx::query_as(query).fetch_one(pool).await,
    }
    .expect("query");
    assert_eq!(linked.0, 0);

    // Other organisations see nothing; a forged or replaced link says so; a closed round too.
    for path in [format!("/rounds/{round}"), format!("/rounds/{round}/results")] {
        assert_eq!(outsider.page(&path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    let (status, page) = app.browser().page(&format!("/q/{}", "ab".repeat(32))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("Länken fungerar inte"));
    assert_eq!(app.browser().page("/q/not-a-token").await.0, StatusCode::NOT_FOUND);
    assert_eq!(coordinator.post(&format!("/rounds/{round}/close"), &[]).await.status(), StatusCode::SEE_OTHER);
    let (status, page) = app.browser().page(&personal[2]).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(page.contains("Enkäten är stängd"));
    let late = answer(&app.browser(), &personal[2], &oric_fields([3; 5], [3; 7], "submit")).await;
    assert_eq!(late.0, StatusCode::GONE, "a closed round takes no answers");
    app.stop().await;
}

/// An evaluation of a training day in Parat's format: a line, a choice with a follow-up asked
/// only after "no", a short text, and a scale of the line.
const OWN_DEFINITION: &str = r#"
id = "utvardering"
purpose = "evaluation"
name = { sv = "Utvärdering av utbildningsdag", da = "Evaluering af kursusdag", en = "Training day evaluation" }
description = { sv = "Om dagen om {issue}.", da = "Om dagen om {issue}.", en = "About the day on {issue}." }

[[sections]]
id = "dagen"
title = { sv = "Dagen", da = "Dagen", en = "The day" }

[[sections.items]]
id = "nytta"
kind = "line"
low = { sv = "Ingen nytta", da = "Ingen nytte", en = "No use" }
high = { sv = "Stor nytta", da = "Stor nytte", en = "Great use" }
text = { sv = "Hur stor nytta hade du av dagen?", da = "Hvor stor nytte havde du af dagen?", en = "How useful was the day?" }

[[sections.items]]
id = "igen"
kind = "single"
options = [
  { key = "ja", label = { sv = "Ja", da = "Ja", en = "Yes" } },
  { key = "nej", label = { sv = "Nej", da = "Nej", en = "No" } },
]
text = { sv = "Skulle du gå igen?", da = "Ville du deltage igen?", en = "Would you come again?" }

[[sections.items]]
id = "varfor"
kind = "short_text"
show_if = { item = "igen", any_of = ["nej"] }
text = { sv = "Varför inte?", da = "Hvorfor ikke?", en = "Why not?" }

[[scales]]
id = "nyttan"
name = { sv = "Nytta", da = "Nytte", en = "Use" }
items = ["nytta"]
rule = "mean"
"#;

#[tokio::test]
async fn an_organisation_loads_its_own_questionnaire_previews_it_and_sends_it() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;

    let (status, list) = coordinator.page("/questionnaires").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Hexagonen") && list.contains("ORIC"), "{list}");
    let (_, preview) = coordinator.page("/questionnaires/preview?ref=oric").await;
    assert!(preview.contains("Förhandsgranskning") && !preview.contains("value=\"submit\""), "nothing to send");
    assert!(preview.contains("vill verkligen få det nya arbetssättet att fungera"));

    // A broken definition says why and keeps the text.
    let broken = OWN_DEFINITION.replace("any_of = [\"nej\"]", "any_of = [\"kanske\"]");
    let refused = coordinator.post("/questionnaires", &[("definition", &broken)]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("body");
    assert!(body.contains("kunde inte läsas") && body.contains("item varfor"), "{body}");
    assert!(body.contains("kanske"), "what was pasted stays");

    let loaded = coordinator.post("/questionnaires", &[("definition", OWN_DEFINITION)]).await;
    assert_eq!(loaded.status(), StatusCode::SEE_OTHER);
    let (_, list) = coordinator.page("/questionnaires").await;
    assert!(list.contains("Utvärdering av utbildningsdag"));
    let (status, preview) = coordinator.page("/questionnaires/preview?ref=own:1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(preview.contains("Svara bara om du svarade Nej på frågan ”Skulle du gå igen?”."), "{preview}");
    let file = coordinator.get("/questionnaires/definition.toml?ref=own:1").await.text().await.expect("file");
    assert_eq!(file, OWN_DEFINITION);
    for path in ["/questionnaires/preview?ref=own:1", "/questionnaires/definition.toml?ref=own:1"] {
        assert_eq!(outsider.page(path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    assert!(
        !outsider.page("/questionnaires").await.1.contains("Utvärdering av utbildningsdag"),
        "another organisation's list"
    );

    // Sent out with an open link, answered with a decimal comma; an answer to the follow-up
    // after "yes" is not kept.
    let response = coordinator.post("/initiatives", &[("name", "Utbildningsdag"), ("topic", "integration")]).await;
    let initiative = id_from_location(&location(&response));
    let made = coordinator
        .post(
            &format!("/initiatives/{initiative}/rounds"),
            &[
                ("questionnaire", "own:1"),
                ("title", "Dag 1"),
                ("issue", "IPS"),
                ("open_link", "on"),
                ("threshold", "1"),
            ],
        )
        .await;
    let body = made.text().await.expect("body");
    let link = links_in(&body).into_iter().next().expect("open link");
    let round = round_id_in(&body);
    let visitor = app.browser();
    let fields = [
        ("a-nytta".to_owned(), "6,5".to_owned()),
        ("a-igen".to_owned(), "ja".to_owned()),
        ("a-varfor".to_owned(), "Inget".to_owned()),
        ("action".to_owned(), "submit".to_owned()),
    ];
    let (status, page) = answer(&visitor, &link, &fields).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let csv = coordinator.get(&format!("/rounds/{round}/answers.csv")).await.text().await.expect("csv");
    let row: Vec<&str> = csv.lines().nth(1).expect("a response").split(';').collect();
    // Not anonymous: the respondent column is there, empty for an open link.
    assert_eq!(row, ["1", "", "", "6,50", "Ja", "", "6,50"]);
    app.stop().await;
}

/// Over the API: a round is made, people are added, the status and thresholded results read
/// back; the figures match the answers given through the links.
#[tokio::test]
async fn the_api_sends_a_round_out_and_reads_its_thresholded_results() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let viewer = app.logged_in(org, "sven@boras.se", "Sven Styrgrupp", Role::Viewer).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;
    let response = coordinator.post("/initiatives", &[("name", "IPS"), ("topic", "integration")]).await;
    let initiative = id_from_location(&location(&response));
    let (token, viewer_token, outsider_token) =
        (coordinator.api_token("api").await, viewer.api_token("api").await, outsider.api_token("api").await);
    let client = reqwest::Client::new();
    let post = |path: String, token: &str, body: Value| {
        client.post(app.url(&format!("/api/v1{path}"))).bearer_auth(token.to_owned()).json(&body).send()
    };

    let bad = post(format!("/initiatives/{initiative}/rounds"), &token, json!({"questionnaire": "hexagon", "title": "  ", "issue": "x", "opens_on": "2027-03-02", "closes_on": "2027-03-01"})).await.expect("api");
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = bad.json().await.expect("json");
    let fields: Vec<&str> =
        body["error"]["fields"].as_array().expect("fields").iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, ["title", "closes_on"], "{body}");
    let forbidden = post(
        format!("/initiatives/{initiative}/rounds"),
        &viewer_token,
        json!({"questionnaire": "hexagon", "title": "T", "issue": "x"}),
    )
    .await
    .expect("api");
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);

    let made = post(
        format!("/initiatives/{initiative}/rounds"),
        &token,
        json!({"questionnaire": "hexagon", "title": "Arbetsgruppens bedömning", "issue": "IPS", "threshold": 2, "open_link": true}),
    )
    .await
    .expect("api");
    assert_eq!(made.status(), StatusCode::CREATED);
    let round: Value = made.json().await.expect("json");
    let id = round["id"].as_i64().expect("id");
    assert_eq!(
        (round["anonymous"].as_bool(), round["threshold"].as_u64(), round["open"].as_bool()),
        (Some(true), Some(2), Some(true))
    );
    let open_link = round["open_link"].as_str().expect("the open link, once").to_owned();
    let added = post(format!("/rounds/{id}/respondents"), &token, json!({"respondents": [{"label": "Team A", "group": "Väst"}, {"label": "Team B", "email": "b@boras.se", "group": "Väst"}]})).await.expect("api");
    assert_eq!(added.status(), StatusCode::CREATED);
    let people: Value = added.json().await.expect("json");
    let links: Vec<String> =
        people.as_array().expect("list").iter().map(|p| p["link"].as_str().expect("link").to_owned()).collect();
    assert_eq!(links.len(), 2);
    let refused = post(
        format!("/rounds/{id}/respondents"),
        &token,
        json!({"respondents": [{"label": "X", "email": "inte en adress"}]}),
    )
    .await
    .expect("api");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // One response below the threshold: no means. Then two teams and the open link: three.
    let hexagon = |ratings: [u8; 6]| -> Vec<(String, String)> {
        let mut fields: Vec<(String, String)> = ["evidence", "usability", "support", "need", "fit", "capacity"]
            .iter()
            .zip(ratings)
            .map(|(item, r)| (format!("a-{item}"), r.to_string()))
            .collect();
        fields.push(("action".into(), "submit".into()));
        fields
    };
    let path_of = |url: &str| url[url.find("/q/").expect("a link")..].to_owned();
    let teams = [[4, 3, 2, 5, 4, 1], [5, 5, 4, 3, 3, 2], [2, 2, 3, 4, 4, 4]];
    assert_eq!(answer(&app.browser(), &path_of(&links[0]), &hexagon(teams[0])).await.0, StatusCode::OK);
    let (status, early) = coordinator.api_get(&token, &format!("/api/v1/rounds/{id}/results")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((early["responses"].as_u64(), early["shown"].as_bool()), (Some(1), Some(false)));
    assert!(early["scales"].as_array().expect("scales").iter().all(|s| s["mean"].is_null()));
    assert_eq!(answer(&app.browser(), &path_of(&links[1]), &hexagon(teams[1])).await.0, StatusCode::OK);
    assert_eq!(answer(&app.browser(), &path_of(&open_link), &hexagon(teams[2])).await.0, StatusCode::OK);

    let (_, results) = coordinator.api_get(&token, &format!("/api/v1/rounds/{id}/results")).await;
    // Totals by hand: 19, 22, 19 → mean 20; programme 9, 14, 7 → 10; site 10, 8, 12 → 10.
    let total: f64 = teams.iter().map(|t| t.iter().map(|v| f64::from(*v)).sum::<f64>()).sum::<f64>() / 3.0;
    assert!((total - 20.0).abs() < 1e-12);
    let scale = |name: &str| {
        results["scales"].as_array().expect("scales").iter().find(|s| s["id"] == name).cloned().expect(name)
    };
    assert_eq!(scale("programme"), json!({"id": "programme", "n": 3, "mean": 10.0}));
    assert_eq!(scale("site"), json!({"id": "site", "n": 3, "mean": 10.0}));
    assert!((scale("total")["mean"].as_f64().expect("mean") - total).abs() < 1e-9);
    // Väst: the two teams with links; their mean total (19 + 22) / 2 = 20.5.
    let group = &results["groups"][0];
    assert_eq!(group["group"], "Väst");
    let vast_total =
        group["scales"].as_array().expect("scales").iter().find(|s| s["id"] == "total").expect("total").clone();
    assert_eq!(vast_total, json!({"id": "total", "n": 2, "mean": 20.5}));

    let (status, status_out) = coordinator.api_get(&token, &format!("/api/v1/rounds/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (status_out["responses"].as_i64(), status_out["invited"].as_i64(), status_out["answered"].as_i64()),
        (Some(3), Some(2), Some(2))
    );
    assert!(status_out.get("open_link").is_none(), "the link is never shown again");
    for path in [format!("/api/v1/rounds/{id}"), format!("/api/v1/rounds/{id}/results")] {
        assert_eq!(outsider.api_get(&outsider_token, &path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    app.stop().await;
}

/// A coordinator enters paper forms: one for a person with a personal link (who then counts as
/// answered), one anonymous; an incomplete form is refused with what was typed kept.
#[tokio::test]
async fn a_coordinator_enters_paper_forms_on_respondents_behalf() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let viewer = app.logged_in(org, "sven@boras.se", "Sven Styrgrupp", Role::Viewer).await;
    let response = coordinator.post("/initiatives", &[("name", "IPS"), ("topic", "integration")]).await;
    let initiative = id_from_location(&location(&response));
    let made = coordinator
        .post(
            &format!("/initiatives/{initiative}/rounds"),
            &[
                ("questionnaire", "oric"),
                ("title", "Papper"),
                ("issue", "IPS"),
                ("anonymous", "on"),
                ("threshold", "2"),
            ],
        )
        .await;
    let round = round_id_in(&made.text().await.expect("body"));
    coordinator.post(&format!("/rounds/{round}/respondents"), &[("people", "Anna Ek;;Skola")]).await;
    let enter = format!("/rounds/{round}/enter");
    assert_eq!(viewer.page(&enter).await.0, StatusCode::FORBIDDEN);
    let (status, form) = coordinator.page(&enter).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Anna Ek") && !form.contains("hx-post"), "a plain form with the people to choose");
    let anna = form
        .split("<option value=\"")
        .filter_map(|o| o.split('"').next())
        .find(|v| v.parse::<i64>().is_ok())
        .expect("Anna's id")
        .to_owned();

    let mut incomplete = oric_fields([4; 5], [4; 7], "submit");
    incomplete.retain(|(k, _)| k != "a-e7");
    incomplete.push(("respondent".into(), anna.clone()));
    let (status, page) = answer(&coordinator, &enter, &incomplete).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("En fråga saknar svar:") && page.contains("name=\"a-e6\" value=\"4\" checked"), "{page}");

    let mut complete = oric_fields([4; 5], [2; 7], "submit");
    complete.push(("respondent".into(), anna));
    let entered =
        coordinator.post(&enter, &complete.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect::<Vec<_>>()).await;
    assert_eq!(entered.status(), StatusCode::SEE_OTHER);
    let entered = coordinator
        .post(
            &enter,
            &oric_fields([2; 5], [4; 7], "submit").iter().map(|(k, v)| (k.as_str(), v.as_str())).collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(entered.status(), StatusCode::SEE_OTHER);

    let (_, results) = coordinator.page(&format!("/rounds/{round}/results")).await;
    assert!(results.contains("1 av 1 har svarat"), "Anna counts as answered");
    // Commitment (4 + 2) / 2 = 3, efficacy (2 + 4) / 2 = 3.
    assert!(results.contains("3,00 <span class=\"count\">(n = 2)</span>"), "{results}");
    app.stop().await;
}

/// The link in an e-mail's body, if it has one.
fn link_in_mail(mail: &common::ReceivedMail) -> Option<String> {
    links_in(&mail.body).into_iter().next()
}

#[tokio::test]
async fn invitations_and_reminders_go_out_through_a_real_smtp_server() {
    let sink = common::SmtpSink::start().await;
    let database = common::TestDatabase::new(common::Backend::from_env()).await;
    let mut config = common::config(&database.url);
    config.mail = Some(parat::config::MailConfig { smtp_url: sink.url(), from: "Parat <parat@boras.se>".into() });
    let app = TestApp::spawn_with(database, config).await;
    let (coordinator, initiative) = boras_coordinator(&app).await;
    let made = coordinator
        .post(
            &format!("/initiatives/{initiative}/rounds"),
            &[
                ("questionnaire", "oric"),
                ("title", "Personalenkät"),
                ("issue", "IPS"),
                ("anonymous", "on"),
                ("threshold", "3"),
            ],
        )
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let round = round_id_in(&made.text().await.expect("body"));

    // Three with addresses get their links by e-mail; the one without sees hers on the page.
    let people = "Anna Ek; anna@boras.se\nBo Berg; bo@boras.se\nCecilia Ceder; cecilia@boras.se\nDina Dahl";
    let added = coordinator.post(&format!("/rounds/{round}/respondents"), &[("people", people), ("send", "on")]).await;
    assert_eq!(added.status(), StatusCode::OK);
    let page = added.text().await.expect("body");
    assert!(page.contains("E-post skickades till 3 personer."), "{page}");
    assert_eq!(links_in(&page).len(), 1, "only Dina's link is on the page");
    let mut invitations = sink.take();
    invitations.sort_by(|a, b| a.to.cmp(&b.to));
    let to: Vec<&str> = invitations.iter().map(|m| m.to[0].as_str()).collect();
    assert_eq!(to, ["anna@boras.se", "bo@boras.se", "cecilia@boras.se"]);
    let anna_mail = &invitations[0];
    assert!(anna_mail.body.starts_with("Hej Anna Ek!"), "{}", anna_mail.body);
    assert!(
        anna_mail.body.contains("hur du ser på IPS") && anna_mail.body.contains("färre än 3 svar"),
        "{}",
        anna_mail.body
    );
    let links: Vec<String> = invitations.iter().map(|m| link_in_mail(m).expect("a link in each invitation")).collect();

    // Anna begins, Bo answers all, Cecilia does nothing.
    let anna = app.browser();
    let (status, _) = answer(&anna, &links[0], &[("a-c1".into(), "4".into()), ("action".into(), "save".into())]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer(&app.browser(), &links[1], &oric_fields([4; 5], [4; 7], "submit")).await.0, StatusCode::OK);
    let (_, page) = coordinator.page(&format!("/rounds/{round}")).await;
    assert!(page.contains("Påbörjat"), "Anna shows as begun");
    assert!(page.contains("Skicka e-post till de 2 som inte har svarat"), "{page}");

    // A reminder: not to Bo; Cecilia gets a new link that replaces her old one; Anna, who has
    // begun in an anonymous round, is pointed back to her own link, which still holds her answer.
    let reminded = coordinator.post(&format!("/rounds/{round}/remind"), &[]).await;
    assert_eq!(reminded.status(), StatusCode::OK);
    assert!(reminded.text().await.expect("body").contains("E-post skickades till 2 personer."));
    let mut reminders = sink.take();
    reminders.sort_by(|a, b| a.to.cmp(&b.to));
    let to: Vec<&str> = reminders.iter().map(|m| m.to[0].as_str()).collect();
    assert_eq!(to, ["anna@boras.se", "cecilia@boras.se"]);
    assert_eq!(link_in_mail(&reminders[0]), None, "{}", reminders[0].body);
    assert!(reminders[0].body.contains("Fortsätt med länken i ditt första mejl"), "{}", reminders[0].body);
    assert!(app.browser().page(&links[0]).await.1.contains("name=\"a-c1\" value=\"4\" checked"));
    let cecilia_new = link_in_mail(&reminders[1]).expect("a new link for Cecilia");
    assert_ne!(cecilia_new, links[2]);
    assert!(reminders[1].body.contains("ersätter den du fick tidigare"), "{}", reminders[1].body);
    assert_eq!(app.browser().page(&links[2]).await.0, StatusCode::NOT_FOUND, "her old link stopped working");
    assert_eq!(app.browser().page(&cecilia_new).await.0, StatusCode::OK);
    let (_, page) = coordinator.page(&format!("/rounds/{round}")).await;
    assert!(!page.contains("/q/"), "no link is shown when every mail went out");

    // The database keeps when people were mailed, never a link.
    let rows: Vec<(Option<i64>, Option<i64>)> =
        sqlx_rows(&app, "SELECT invited_at, reminded_at FROM round_respondents ORDER BY id").await;
    assert!(rows[0].0.is_some() && rows[0].1.is_some(), "Anna: invited and reminded");
    assert!(rows[1].0.is_some() && rows[1].1.is_none(), "Bo: invited only");
    assert!(rows[3].0.is_none(), "Dina has no address");

    app.stop().await;
}

async fn sqlx_rows(app: &TestApp, sql: &str) -> Vec<(Option<i64>, Option<i64>)> {
    match &app.db {
        parat_store::Db::Sqlite { write, .. } => sqlx::query_as(sql).fetch_all(write).await.expect("rows"),
        parat_store::Db::Postgres(pool) => sqlx::query_as(sql).fetch_all(pool).await.expect("rows"),
    }
}

/// The version field of the builder's forms on a page.
fn version_in(page: &str) -> String {
    page.split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a version")
        .to_owned()
}

/// Posts a builder form with the questionnaire version it was made on.
async fn post_versioned(
    browser: &common::Browser,
    path: &str,
    fields: &[(&str, &str)],
    version: &str,
) -> reqwest::Response {
    let mut fields = fields.to_vec();
    fields.push(("version", version));
    browser.post(path, &fields).await
}

/// The item texts in the order a builder page lists them.
fn builder_order(page: &str) -> Vec<String> {
    page.split("<span class=\"item-text\">")
        .skip(1)
        .filter_map(|rest| rest.split("</span>").next())
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn a_coordinator_builds_a_questionnaire_in_the_browser_and_sends_it() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let viewer = app.logged_in(org, "sven@boras.se", "Sven Styrgrupp", Role::Viewer).await;
    assert_eq!(viewer.page("/questionnaires/new").await.0, StatusCode::FORBIDDEN);

    let refused = coordinator.post("/questionnaires/new", &[("name", ""), ("description", "Efter dagen")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains("Efter dagen</textarea>"), "what was typed is kept");
    let made = coordinator.post("/questionnaires/new", &[("name", "Utvärdering av utbildningsdagen")]).await;
    let builder = location(&made);
    let id = id_from_location(&builder);
    let (_, page) = coordinator.page(&builder).await;
    assert!(page.contains("Enkäten har inga frågor än."), "{page}");

    // Three questions; a choice with one option is refused with the fields kept.
    let items = format!("/questionnaires/{id}/items");
    let version = version_in(&page);
    let response = post_versioned(
        &coordinator,
        &items,
        &[("kind", "agreement"), ("text", "Dagen gav mig något att använda i {issue}."), ("required", "on")],
        &version,
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = coordinator.page(&builder).await;
    let response = post_versioned(
        &coordinator,
        &items,
        &[("kind", "single"), ("text", "Vilken roll har du?"), ("options", "Handläggare")],
        &version_in(&page),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    assert!(page.contains("Vilken roll har du?") && page.contains("Handläggare</textarea>"), "{page}");
    let response = post_versioned(
        &coordinator,
        &items,
        &[
            ("kind", "single"),
            ("text", "Vilken roll har du?"),
            ("options", "Handläggare\nChef\nAnnan"),
            ("required", "on"),
        ],
        &version_in(&page),
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = coordinator.page(&builder).await;
    let response = post_versioned(
        &coordinator,
        &items,
        &[("kind", "long_text"), ("text", "Vad vill du säga mer?")],
        &version_in(&page),
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // An edit made on an old version is refused, not lost silently.
    let stale = post_versioned(&coordinator, &items, &[("kind", "date"), ("text", "När gick du?")], &version).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);

    // Reorder: the free text up two places, to the top.
    let (_, page) = coordinator.page(&builder).await;
    assert_eq!(
        builder_order(&page),
        ["Dagen gav mig något att använda i {issue}.", "Vilken roll har du?", "Vad vill du säga mer?"]
    );
    for _ in 0..2 {
        let (_, page) = coordinator.page(&builder).await;
        let moved = coordinator
            .post(
                &format!("/questionnaires/{id}/items/q3/move"),
                &[("direction", "up"), ("version", &version_in(&page))],
            )
            .await;
        assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    }
    let (_, page) = coordinator.page(&builder).await;
    assert_eq!(builder_order(&page)[0], "Vad vill du säga mer?");

    // Edit the choice: a fourth option, the old ones keep their keys.
    let (status, form) = coordinator.page(&format!("/questionnaires/{id}/items/q2")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Handläggare\nChef\nAnnan</textarea>"), "{form}");
    let saved = coordinator
        .post(
            &format!("/questionnaires/{id}/items/q2"),
            &[
                ("kind", "single"),
                ("text", "Vilken roll har du?"),
                ("options", "Handläggare\nChef\nAnnan\nPolitiker"),
                ("required", "on"),
                ("version", &version_in(&form)),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    // Preview shows it as respondents will see it; the file has the four options.
    let (status, preview) = coordinator.page(&format!("/questionnaires/preview?ref=own:{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(preview.contains("Politiker") && preview.contains("Vad vill du säga mer?"), "{preview}");
    let (_, file) = coordinator.page(&format!("/questionnaires/definition.toml?ref=own:{id}")).await;
    let parsed = parat_core::questionnaire::Definition::from_toml(&file).expect("the file is a valid definition");
    let ids: Vec<&str> = parsed.items().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["q3", "q1", "q2"]);

    // Sent out from an initiative: answered, with the {issue} filled in.
    let response = coordinator.post("/initiatives", &[("name", "Samverkansdagen"), ("topic", "integration")]).await;
    let initiative = id_from_location(&location(&response));
    let (_, new_round) = coordinator.page(&format!("/initiatives/{initiative}/rounds/new")).await;
    assert!(new_round.contains(&format!("value=\"own:{id}\"")), "offered for rounds once ready");
    let made = coordinator
        .post(
            &format!("/initiatives/{initiative}/rounds"),
            &[
                ("questionnaire", &format!("own:{id}")),
                ("title", "Efter dagen"),
                ("issue", "samverkan"),
                ("anonymous", "on"),
                ("open_link", "on"),
            ],
        )
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let open_link = links_in(&made.text().await.expect("body")).into_iter().next().expect("open link");
    let respondent = app.browser();
    let (_, sheet) = respondent.page(&open_link).await;
    assert!(sheet.contains("Dagen gav mig något att använda i samverkan."), "{sheet}");
    let key = parsed
        .item("q2")
        .map(|i| match &i.kind {
            parat_core::questionnaire::ItemKind::Single { options } => options[3].key.clone(),
            _ => String::new(),
        })
        .expect("q2");
    let (status, page) = answer(
        &respondent,
        &open_link,
        &[
            ("a-q1".into(), "4".into()),
            ("a-q2".into(), key),
            ("a-q3".into(), "Bra dag".into()),
            ("action".into(), "submit".into()),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");

    // Removing a question afterwards changes the questionnaire, not the round sent with it.
    let (_, page) = coordinator.page(&builder).await;
    let removed =
        coordinator.post(&format!("/questionnaires/{id}/items/q3/delete"), &[("version", &version_in(&page))]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    let (_, page) = coordinator.page(&builder).await;
    assert!(!page.contains("Vad vill du säga mer?"));
    assert!(app.browser().page(&open_link).await.1.contains("Vad vill du säga mer?"), "the round keeps its version");
    app.stop().await;
}

/// An ORIC response where every commitment statement has one answer and every efficacy
/// statement another, with a pairing code (letters, day, digits) when given.
fn coded(commitment: u8, efficacy: u8, code: Option<(&str, &str, &str)>) -> Vec<(String, String)> {
    let mut fields = oric_fields([commitment; 5], [efficacy; 7], "submit");
    if let Some((letters, day, digits)) = code {
        fields.push(("pair-letters".into(), letters.into()));
        fields.push(("pair-day".into(), day.into()));
        fields.push(("pair-digits".into(), digits.into()));
    }
    fields
}

#[tokio::test]
async fn a_follow_up_round_pairs_answers_by_a_self_made_code_without_names() {
    let app = TestApp::spawn().await;
    let (coordinator, initiative) = boras_coordinator(&app).await;
    let make = |title: &'static str, previous: Option<i64>| {
        let coordinator = &coordinator;
        async move {
            let previous = previous.map(|p| p.to_string()).unwrap_or_default();
            let fields = [
                ("questionnaire", "oric"),
                ("title", title),
                ("issue", "IPS"),
                ("anonymous", "on"),
                ("open_link", "on"),
                ("threshold", "2"),
                ("pair_code", "on"),
                ("previous_round", previous.as_str()),
            ];
            let made = coordinator.post(&format!("/initiatives/{initiative}/rounds"), &fields).await;
            assert_eq!(made.status(), StatusCode::CREATED);
            let body = made.text().await.expect("body");
            (round_id_in(&body), links_in(&body).into_iter().next().expect("open link"))
        }
    };
    let (before, before_link) = make("Före", None).await;

    // A code that is not whole is refused with what was typed, and nothing is kept.
    let someone = app.browser();
    let (status, page) = answer(&someone, &before_link, &coded(2, 3, Some(("A", "7", "42")))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Skriv två bokstäver.") && page.contains("name=\"pair-letters\" type=\"text\" inputmode=\"text\" maxlength=\"2\" autocomplete=\"off\" value=\"A\""), "{page}");

    // Before: two with their own codes, one without, two who happen to choose the same code.
    let before_answers = [
        coded(2, 3, Some(("AN", "07", "42"))),
        coded(4, 2, Some(("Bo", "12", "10"))),
        coded(5, 5, None),
        coded(3, 3, Some(("CE", "1", "99"))),
        coded(3, 3, Some(("ce", "01", "99"))),
    ];
    for fields in &before_answers {
        assert_eq!(answer(&app.browser(), &before_link, fields).await.0, StatusCode::OK);
    }
    let (after, after_link) = make("Efter", Some(before)).await;
    let after_answers = [
        coded(3, 4, Some(("an", "7", "42"))),
        coded(5, 2, Some(("BO", "12", "10"))),
        coded(1, 1, Some(("CE", "01", "99"))),
        coded(5, 5, Some(("DA", "30", "11"))),
    ];
    for fields in &after_answers {
        assert_eq!(answer(&app.browser(), &after_link, fields).await.0, StatusCode::OK);
    }

    // Worked out here: the two unambiguous pairs. Commitment 2 → 3 and 4 → 5: before 3, after 4,
    // change +1. Efficacy 3 → 4 and 2 → 2: before 2.5, after 3, change +0.5.
    let (status, results) = coordinator.page(&format!("/rounds/{after}/results")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(results.contains("2 personer har svarat i båda omgångarna med samma kod."), "{results}");
    for row in
        ["<td>2</td><td>3,00</td><td>4,00</td><td>+1,00</td>", "<td>2</td><td>2,50</td><td>3,00</td><td>+0,50</td>"]
    {
        assert!(results.contains(row), "{row} in {results}");
    }
    // The PDF summary carries the comparison too.
    let summary = coordinator.get(&format!("/rounds/{after}/summary.pdf")).await;
    assert_eq!(summary.status(), StatusCode::OK);
    assert!(summary.bytes().await.expect("pdf").starts_with(b"%PDF"));
    // Side by side, everyone: commitment (2+4+5+3+3)/5 before, (3+5+1+5)/4 after.
    let side = format!(
        "<td>{} <span class=\"count\">(n = 5)</span></td><td>{} <span class=\"count\">(n = 4)</span></td>",
        swedish(17.0 / 5.0),
        swedish(14.0 / 4.0)
    );
    assert!(results.contains(&side), "{side} in {results}");

    // The database keeps no code, only its salted hash, and never a reference to a person.
    let query = "SELECT COUNT(*) FROM round_responses WHERE pair_key LIKE '%AN%' OR pair_key LIKE '%42%07%' \
                 OR respondent_id IS NOT NULL";
    let (plain,): (i64,) = match &app.db {
        parat_store::Db::Sqlite { read, .. } => sqlx::query_as(query).fetch_one(read).await,
        parat_store::Db::Postgres(pool) => sqlx::query_as(query).fetch_one(pool).await,
    }
    .expect("query");
    assert_eq!(plain, 0);
    let (keys,): (i64,) = match &app.db {
        parat_store::Db::Sqlite { read, .. } => {
            sqlx::query_as("SELECT COUNT(pair_key) FROM round_responses").fetch_one(read).await
        }
        parat_store::Db::Postgres(pool) => {
            sqlx::query_as("SELECT COUNT(pair_key) FROM round_responses").fetch_one(pool).await
        }
    }
    .expect("query");
    assert_eq!(keys, 8, "four coded answers before, four after");

    // A follow-up must be of the same questionnaire.
    let wrong = coordinator
        .post(
            &format!("/initiatives/{initiative}/rounds"),
            &[
                ("questionnaire", "hexagon"),
                ("title", "Fel"),
                ("issue", "IPS"),
                ("previous_round", &before.to_string()),
            ],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

/// A roster survey as the cooperation map will send one: for each meeting of a list given with
/// the round, whether one attends and, if so, how useful it is.
const ROSTER_DEFINITION: &str = r#"
id = "moten"
purpose = "roster"
name = { sv = "Mötesenkät", da = "Mødeundersøgelse", en = "Meeting survey" }
description = { sv = "Om mötena.", da = "Om møderne.", en = "About the meetings." }

[[sections]]
id = "s1"
title = { sv = "Mötena", da = "Møderne", en = "The meetings" }

[[sections.items]]
id = "meetings"
kind = "roster"
list = "meetings"
required = false
text = { sv = "Om varje möte", da = "Om hvert møde", en = "About each meeting" }

[[sections.items.items]]
id = "attend"
kind = "single"
text = { sv = "Går du på mötet?", da = "Går du til mødet?", en = "Do you attend?" }
options = [
  { key = "yes", label = { sv = "Ja", da = "Ja", en = "Yes" } },
  { key = "no", label = { sv = "Nej", da = "Nej", en = "No" } },
]

[[sections.items.items]]
id = "useful"
kind = "rating"
min = 1
max = 4
text = { sv = "Hur användbart är mötet?", da = "Hvor nyttigt er mødet?", en = "How useful is it?" }
show_if = { item = "attend", any_of = ["yes"] }
"#;

#[tokio::test]
async fn a_roster_round_asks_about_each_entry_of_the_list_it_was_sent_with() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None).await;
    let coordinator = app.logged_in(org, "pia@sjuharad.se", "Pia Processledare", Role::Coordinator).await;
    assert_eq!(
        coordinator.post("/questionnaires", &[("definition", ROSTER_DEFINITION)]).await.status(),
        StatusCode::SEE_OTHER
    );
    let response = coordinator.post("/initiatives", &[("name", "Samverkanskartan"), ("topic", "integration")]).await;
    let initiative = id_from_location(&location(&response));
    let new_round = format!("/initiatives/{initiative}/rounds");
    let (_, form) = coordinator.page(&format!("{new_round}/new")).await;
    assert!(form.contains("name=\"list-meetings\""), "a field for the list: {form}");

    // Without its list the round is refused, with what was typed kept.
    let fields = |list: &'static str| {
        vec![
            ("questionnaire", "own:1"),
            ("title", "Mötena hösten"),
            ("issue", "samverkan"),
            ("open_link", "on"),
            ("list-meetings", list),
        ]
    };
    let refused = coordinator.post(&new_round, &fields("")).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains("value=\"Mötena hösten\""));
    let made = coordinator.post(&new_round, &fields("Samordningsteamet\nNätverksmötet\n")).await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let body = made.text().await.expect("body");
    let round = round_id_in(&body);
    let open_link = links_in(&body).into_iter().next().expect("open link");

    // The answering page asks about each entry, in a group named by it.
    let first = app.browser();
    let (_, sheet) = first.page(&open_link).await;
    assert!(sheet.contains("<legend>Samordningsteamet</legend>") && sheet.contains("<legend>Nätverksmötet</legend>"));
    assert!(
        sheet.contains("name=\"a-meetings.e2.useful\"") && sheet.contains("data-show-if-item=\"meetings.e2.attend\"")
    );
    let entries =
        [("a-meetings~entries".to_owned(), "e1".to_owned()), ("a-meetings~entries".to_owned(), "e2".to_owned())];
    let answer_with = |pairs: &[(&str, &str)], action: &str| {
        let mut fields: Vec<(String, String)> = entries.to_vec();
        fields.extend(pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
        fields.push(("action".into(), action.into()));
        fields
    };
    // An entry that is not on the list is refused whole.
    let forged = answer_with(&[("a-meetings.e9.attend", "yes")], "save");
    assert_eq!(answer(&first, &open_link, &forged).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    // Saved, resumed, submitted.
    let given = [("a-meetings.e1.attend", "yes"), ("a-meetings.e1.useful", "3"), ("a-meetings.e2.attend", "no")];
    assert_eq!(answer(&first, &open_link, &answer_with(&given, "save")).await.0, StatusCode::OK);
    let (_, resumed) = first.page(&open_link).await;
    assert!(resumed.contains("name=\"a-meetings.e1.useful\" value=\"3\" checked"), "{resumed}");
    assert_eq!(answer(&first, &open_link, &answer_with(&given, "submit")).await.0, StatusCode::OK);
    let second = [
        ("a-meetings.e1.attend", "yes"),
        ("a-meetings.e1.useful", "4"),
        ("a-meetings.e2.attend", "yes"),
        ("a-meetings.e2.useful", "1"),
    ];
    assert_eq!(answer(&app.browser(), &open_link, &answer_with(&second, "submit")).await.0, StatusCode::OK);

    // Results per entry; the export has a column per entry and sub-item.
    let (status, results) = coordinator.page(&format!("/rounds/{round}/results")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(results.contains("<h4>Samordningsteamet</h4>") && results.contains("<h4>Nätverksmötet</h4>"), "{results}");
    // Usefulness of the coordination team: 3 and 4, a mean of 3,50.
    let team = results.split("<h4>Samordningsteamet</h4>").nth(1).and_then(|r| r.split("<h4>").next()).expect("entry");
    assert!(team.contains("Medelvärde: 3,50"), "{team}");
    let csv = coordinator.get(&format!("/rounds/{round}/answers.csv")).await.text().await.expect("csv");
    let header = csv.lines().next().expect("header");
    assert!(header.contains("meetings.e1.useful Samordningsteamet: Hur användbart är mötet?"), "{header}");
    let useful: Vec<&str> = csv.lines().skip(1).map(|line| line.split(';').nth(4).unwrap_or_default()).collect();
    assert_eq!(useful, ["3", "4"], "{csv}");
    app.stop().await;
}

#[tokio::test]
async fn answers_beyond_an_addresss_limit_are_refused_and_nothing_typed_is_lost() {
    let database = common::TestDatabase::new(common::Backend::from_env()).await;
    let mut config = common::config(&database.url);
    config.answers_per_minute = 3;
    let app = TestApp::spawn_with(database, config).await;
    let (coordinator, initiative) = boras_coordinator(&app).await;
    let made = coordinator
        .post(
            &format!("/initiatives/{initiative}/rounds"),
            &[("questionnaire", "oric"), ("title", "Personalenkät"), ("issue", "IPS"), ("open_link", "on")],
        )
        .await;
    let body = made.text().await.expect("body");
    let (round, link) = (round_id_in(&body), links_in(&body).into_iter().next().expect("open link"));
    // Three saves from this address pass; the fourth within the minute is refused, and the page
    // it gets back keeps what was chosen.
    for _ in 0..3 {
        assert_eq!(answer(&app.browser(), &link, &oric_fields([4; 5], [4; 7], "submit")).await.0, StatusCode::OK);
    }
    let late = app.browser();
    let (status, page) = answer(&late, &link, &oric_fields([2; 5], [3; 7], "submit")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        page.contains("Vänta en minut och skicka igen") && page.contains("name=\"a-c1\" value=\"2\" checked"),
        "{page}"
    );
    let (status, _) = answer(&late, &link, &[("a-c1".into(), "5".into()), ("action".into(), "save".into())]).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let (_, results) = coordinator.page(&format!("/rounds/{round}/results")).await;
    assert!(results.contains("<dt>Svar</dt><dd>3</dd>"), "three saved, the refused one not: {results}");
    app.stop().await;
}
