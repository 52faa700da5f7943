//! The implementation landscape over HTTP: factors assessed, the reflection checklist with
//! owners and dates, overdue questions on the initiative and the owner's home page, the API,
//! who may do what, and the comparison of two dates over a scripted history.

use crate::common;

mod plan;

use common::{html_escape, id_from_location, location, Browser, TestApp};
use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// The shipped framework file, read here without Parat's parser: the counts the pages and the
/// API must show come from the file itself.
pub(super) const FRAMEWORK: &str = include_str!("../../../../../instruments/frameworks/landscape.toml");

pub(super) async fn setup(app: &TestApp) -> (Browser, i64, i64) {
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let response = coordinator.post("/initiatives", &[("name", "IPS"), ("topic", "integration")]).await;
    (coordinator, org, id_from_location(&location(&response)))
}

pub(super) async fn api_put(browser: &Browser, token: &str, path: &str, body: Value) -> (StatusCode, Value) {
    let response =
        reqwest::Client::new().put(browser.url(path)).bearer_auth(token).json(&body).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

#[tokio::test]
async fn a_landscape_assessed_and_its_checklist_settled_with_overdue_questions_flagged() {
    let app = TestApp::spawn().await;
    let (coordinator, org, initiative) = setup(&app).await;
    let viewer = app.logged_in(org, "sven@boras.se", "Sven Styrgrupp", Role::Viewer).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;
    let base = format!("/initiatives/{initiative}/landscape");

    // An empty landscape: four levels, every factor not assessed.
    let (status, page) = coordinator.page(&base).await;
    assert_eq!(status, StatusCode::OK);
    for level in ["Kompetenser", "Kultur", "Organisationen", "Sammanhanget"] {
        assert!(page.contains(&format!(">{level}<")), "{level}");
    }
    assert!(page.contains("<svg") && page.contains("Ingen faktor är bedömd som hindrande"));

    // Factors assessed; a bad value comes back with what was typed and why.
    let factor = |key: &str| format!("{base}/factors/{key}");
    let bad = coordinator
        .post(&factor("leadership_strategic"), &[("state", "5"), ("note", "Nämnden har inte fattat beslut.")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = bad.text().await.expect("body");
    assert!(body.contains("Nämnden har inte fattat beslut.") && body.contains("från -2 till 2"), "{body}");
    let saved = coordinator
        .post(
            &factor("leadership_strategic"),
            &[
                ("in_focus", "1"),
                ("state", "-2"),
                ("note", "Nämnden har inte fattat beslut."),
                ("follow_up", "Förvaltningschef"),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert!(location(&saved).starts_with(&format!("{base}?notice=saved")));
    // "Save and go on" leads to the next factor, across levels too.
    let next = coordinator.post(&factor("caseload"), &[("state", "-1"), ("next", "1")]).await;
    assert_eq!(location(&next), factor("relations"));
    coordinator.post(&factor("relations"), &[("state", "2")]).await;
    coordinator.post(&factor("size"), &[("state", "-1"), ("in_focus", "1")]).await;
    assert_eq!(coordinator.post(&factor("no_such_factor"), &[("state", "1")]).await.status(), StatusCode::NOT_FOUND);

    // Most hindering first; in focus before others of the same step.
    let page = coordinator.page(&base).await.1;
    let hindering = &page[page.find("id=\"hindering\"").expect("list")..];
    let at = |name: &str| hindering.find(name).unwrap_or_else(|| panic!("{name} listed"));
    assert!(at("Strategisk ledning") < at("Storlek") && at("Storlek") < at("Arbetsbelastning"));
    assert!(!hindering[..hindering.find("</ol>").expect("end")].contains("Samarbete och kommunikation"));
    assert!(page.contains("tile state-clearly-hinders emphasised") && page.contains("Förvaltningschef"));
    assert_eq!(page.matches("class=\"tile state-").count(), FRAMEWORK.matches("[[levels.factors]]").count());

    // The checklist: answered, settled, owned and dated.
    let checklist = format!("/initiatives/{initiative}/checklist");
    let sara = parat_store::accounts::authenticate(&app.db, "sara@boras.se", common::PASSWORD)
        .await
        .expect("query")
        .expect("user")
        .to_string();
    let tomorrow = (parat_store::now_date() + time::Duration::days(1)).to_string();
    let answered = coordinator
        .post(&format!("{checklist}/need"), &[("answer", "Långa väntetider till arbete."), ("status", "settled")])
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    coordinator
        .post(&format!("{checklist}/team"), &[("status", "not_settled"), ("owner_id", &sara), ("due_on", &tomorrow)])
        .await;
    let past =
        coordinator.post(&format!("{checklist}/plan"), &[("answer", "Utkast finns."), ("due_on", "2020-01-01")]).await;
    assert_eq!(past.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(past.text().await.expect("body").contains("Utkast finns."));
    let stranger = coordinator.post(&format!("{checklist}/plan"), &[("owner_id", "999999")]).await;
    assert_eq!(stranger.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let list = coordinator.page(&checklist).await.1;
    let questions = FRAMEWORK.matches("[[groups.questions]]").count();
    assert!(list.contains(&html_escape(&format!("1 av {questions} frågor är avklarade."))), "{list}");
    assert!(list.contains("Långa väntetider till arbete."));

    // Time passes: the owned question is overdue on the initiative page and on Sara's home page.
    assert_eq!(
        app.execute("UPDATE landscape_questions SET due_on = '2020-01-01' WHERE question_key = $1", "team").await,
        1
    );
    let initiative_page = coordinator.page(&format!("/initiatives/{initiative}")).await.1;
    let callout = &initiative_page[initiative_page.find("Försenade reflektionsfrågor").expect("overdue callout")..];
    assert!(callout.contains("Vem driver införandet") && callout.contains("Sara Samordnare"));
    let home = coordinator.page("/").await.1;
    let work = &home[home.find("id=\"work\"").expect("work list")..];
    assert!(work.contains("li class=\"overdue\"") && work.contains(&format!("{checklist}/team")), "{work}");
    // An overdue date may stay when the rest of the question changes.
    let kept = coordinator
        .post(&format!("{checklist}/team"), &[("status", "not_settled"), ("owner_id", &sara), ("due_on", "2020-01-01")])
        .await;
    assert_eq!(kept.status(), StatusCode::SEE_OTHER);

    // Viewers read and cannot change; another organisation sees nothing.
    let (status, page) = viewer.page(&base).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Strategisk ledning"));
    let (_, factor_page) = viewer.page(&factor("caseload")).await;
    assert!(!factor_page.contains("<form class=\"stacked\""));
    assert_eq!(viewer.post(&factor("caseload"), &[("state", "2")]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(viewer.post(&format!("{checklist}/need"), &[("status", "open")]).await.status(), StatusCode::FORBIDDEN);
    for path in
        [base.clone(), checklist.clone(), factor("caseload"), format!("{checklist}/need"), format!("{base}/changes")]
    {
        assert_eq!(outsider.page(&path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(outsider.post(&factor("caseload"), &[("state", "2")]).await.status(), StatusCode::NOT_FOUND);

    // The API reads what the pages wrote, in the issue's shape.
    let token = coordinator.api_token("landskap").await;
    let (status, landscape) = coordinator.api_get(&token, &format!("/api/v1{base}")).await;
    assert_eq!(status, StatusCode::OK);
    let levels = landscape["levels"].as_array().expect("levels");
    assert_eq!(levels.len(), FRAMEWORK.matches("\n[[levels]]").count());
    let strategic = &levels[2]["factors"][0];
    assert_eq!(
        (strategic["key"].as_str(), strategic["in_focus"].as_bool(), strategic["state"].as_i64()),
        (Some("leadership_strategic"), Some(true), Some(-2))
    );
    assert_eq!(strategic["note"], "Nämnden har inte fattat beslut.");
    assert_eq!(levels[0]["factors"][0]["state"], Value::Null, "not assessed");
    let questions_out = landscape["questions"].as_array().expect("questions");
    assert_eq!(questions_out.len(), questions);
    let team = questions_out.iter().find(|q| q["key"] == "team").expect("team");
    assert_eq!((team["group"].as_str(), team["status"].as_str()), (Some("process"), Some("not_settled")));
    assert_eq!((team["owner"].as_str(), team["due"].as_str()), (Some("Sara Samordnare"), Some("2020-01-01")));
    let (_, danish) = coordinator.api_get(&token, &format!("/api/v1{base}?lang=da")).await;
    assert_eq!(danish["levels"][1]["name"], "Kultur");
    assert_eq!(danish["levels"][3]["name"], "Konteksten");

    // And writes: a factor, a question; bad values named by field.
    let api_factor = format!("/api/v1{base}/factors/caseload");
    let (status, written) =
        api_put(&coordinator, &token, &api_factor, json!({"in_focus": true, "state": 1, "note": "Ny bemanning."}))
            .await;
    assert_eq!(status, StatusCode::OK, "{written}");
    assert_eq!((written["state"].as_i64(), written["in_focus"].as_bool()), (Some(1), Some(true)));
    let (status, refused) = api_put(&coordinator, &token, &api_factor, json!({"state": 3})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused["error"]["fields"][0]["field"], "state");
    let (status, _) = api_put(&coordinator, &token, &format!("/api/v1{base}/factors/nope"), json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, question) = api_put(
        &coordinator,
        &token,
        &format!("/api/v1{base}/questions/network"),
        json!({"status": "not_relevant", "owner": "Nätverket i Sjuhärad"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{question}");
    assert_eq!(
        (question["status"].as_str(), question["owner"].as_str()),
        (Some("not_relevant"), Some("Nätverket i Sjuhärad"))
    );
    let (status, refused) =
        api_put(&coordinator, &token, &format!("/api/v1{base}/questions/plan"), json!({"due": "2020-01-01"})).await;
    assert_eq!(
        (status, refused["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("due"))
    );
    let viewer_token = viewer.api_token("läsare").await;
    let (status, _) = api_put(&viewer, &viewer_token, &api_factor, json!({"state": -1})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let outsider_token = outsider.api_token("lerum").await;
    assert_eq!(outsider.api_get(&outsider_token, &format!("/api/v1{base}")).await.0, StatusCode::NOT_FOUND);

    // Every change is in the audit log with its before and after.
    let admin = app.browser();
    admin.login("root@test.parat.se", common::PASSWORD).await;
    admin.post("/organisations/switch", &[("org_id", &org.to_string())]).await;
    let audit = admin.page("/audit?record=landscape_factor").await.1;
    assert!(audit.contains("faktor i implementeringslandskapet") && audit.contains("Sara Samordnare"), "{audit}");
    app.stop().await;
}

/// Moves the latest kept change back to `date` at noon (Scandinavian time is ahead of UTC by at
/// most two hours, so noon UTC is the same day there).
async fn back_date(app: &TestApp, date: &str) {
    let at = time::Date::parse(date, time::macros::format_description!("[year]-[month]-[day]"))
        .expect("date")
        .with_hms(12, 0, 0)
        .expect("noon")
        .assume_utc()
        .unix_timestamp();
    let sql = format!(
        "UPDATE landscape_changes SET changed_at = {at} WHERE id = (SELECT MAX(id) FROM landscape_changes) AND $1 <> ''"
    );
    assert_eq!(app.execute(&sql, date).await, 1);
}

#[tokio::test]
async fn two_dates_compared_over_a_scripted_history() {
    let app = TestApp::spawn().await;
    let (coordinator, _, initiative) = setup(&app).await;
    let base = format!("/initiatives/{initiative}/landscape");
    let checklist = format!("/initiatives/{initiative}/checklist");
    let steps: [(&str, &str, &str); 10] = [
        ("2026-03-02", "factor:leadership_strategic", "-2"),
        ("2026-03-02", "factor:caseload", "-1"),
        ("2026-03-02", "factor:geography", "1"),
        ("2026-03-02", "question:need", "not_settled"),
        ("2026-05-04", "factor:leadership_strategic", "1"),
        ("2026-05-04", "factor:caseload", "-2"),
        ("2026-05-04", "factor:size", "0"),
        ("2026-05-04", "question:need", "settled"),
        ("2026-05-04", "question:team", "not_relevant"),
        ("2026-09-07", "factor:geography", ""),
    ];
    for (date, what, value) in steps {
        let response = match what.split_once(':') {
            Some(("factor", key)) => coordinator.post(&format!("{base}/factors/{key}"), &[("state", value)]).await,
            Some((_, key)) => coordinator.post(&format!("{checklist}/{key}"), &[("status", value)]).await,
            None => unreachable!(),
        };
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{what}");
        back_date(&app, date).await;
    }
    let token = coordinator.api_token("jämförelse").await;
    let changes = |from: &str, to: &str| format!("/api/v1{base}/changes?from={from}&to={to}");

    // The tertial May–August against the state at the end of April, worked out by hand, in the
    // framework's order (competences, culture, the organisation, the context).
    let (status, tertial) = coordinator.api_get(&token, &changes("2026-04-30", "2026-08-31")).await;
    assert_eq!(status, StatusCode::OK, "{tertial}");
    assert_eq!(
        tertial["factors"],
        json!([
            {"key": "caseload", "from": -1, "to": -2, "stopped_hindering": false},
            {"key": "leadership_strategic", "from": -2, "to": 1, "stopped_hindering": true},
            {"key": "size", "from": null, "to": 0, "stopped_hindering": false},
        ])
    );
    assert_eq!(
        tertial["questions"],
        json!([
            {"key": "need", "from": "not_settled", "to": "settled"},
            {"key": "team", "from": "open", "to": "not_relevant"},
        ])
    );
    // A day on which nothing changed; the last change (an assessment removed).
    let (_, quiet) = coordinator.api_get(&token, &changes("2026-06-01", "2026-08-31")).await;
    assert_eq!(
        (quiet["factors"].as_array().map(Vec::len), quiet["questions"].as_array().map(Vec::len)),
        (Some(0), Some(0))
    );
    let (_, autumn) = coordinator.api_get(&token, &changes("2026-09-01", "2026-09-07")).await;
    assert_eq!(autumn["factors"], json!([{"key": "geography", "from": 1, "to": null, "stopped_hindering": false}]));
    // Left out, the dates run from the first change to today.
    let (_, whole) = coordinator.api_get(&token, &format!("/api/v1{base}/changes")).await;
    assert_eq!(whole["from"], "2026-03-02");
    assert_eq!(whole["to"], parat_store::now_date().to_string());
    // Backwards is refused, on the page and in the API, and the page keeps the dates typed.
    assert_eq!(coordinator.api_get(&token, &changes("2026-09-01", "")).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, refused) = coordinator.api_get(&token, &changes("2026-09-01", "2026-08-31")).await;
    assert_eq!(
        (status, refused["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("to"))
    );
    let (status, page) = coordinator.page(&format!("{base}/changes?from=2026-09-01&to=2026-08-31")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("value=\"2026-09-01\"") && page.contains("value=\"2026-08-31\""));

    // The page says the same in words.
    let page = coordinator.page(&format!("{base}/changes?from=2026-04-30&to=2026-08-31")).await.1;
    assert!(page.contains("hindrar inte längre") && page.contains("mot hindrande") && page.contains("nyss bedömd"));
    // The framework is fixed once something is recorded.
    let refused = coordinator.post(&format!("{base}/framework"), &[("framework", "landscape")]).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    app.stop().await;
}

/// A CFIR-style framework of the organisation's own, in the shipped format: one level, one
/// factor, one question.
const OWN_FRAMEWORK: &str = r#"
id = "cfir-lite"
name = { sv = "CFIR i korthet", da = "CFIR kort", en = "CFIR in brief" }
description = { sv = "Egen modell.", da = "Egen model.", en = "Own model." }

[[levels]]
key = "inner_setting"
name = { sv = "Inre sammanhang", da = "Indre kontekst", en = "Inner setting" }
description = { sv = "Organisationen.", da = "Organisationen.", en = "The organisation." }

[[levels.factors]]
key = "tension_for_change"
name = { sv = "Förändringstryck", da = "Forandringspres", en = "Tension for change" }
description = { sv = "Hur starkt behovet känns.", da = "Hvor stærkt behovet føles.", en = "How strongly the need is felt." }

[[groups]]
key = "start"
name = { sv = "Inför start", da = "Før start", en = "Before starting" }

[[groups.questions]]
key = "sponsor"
text = { sv = "Vem är beställare?", da = "Hvem er bestiller?", en = "Who is the sponsor?" }
"#;

#[tokio::test]
async fn an_organisation_loads_its_own_framework_and_an_initiative_follows_it() {
    let app = TestApp::spawn().await;
    let (coordinator, org, initiative) = setup(&app).await;
    let admin = app.logged_in(org, "ada@boras.se", "Ada Admin", Role::Admin).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;

    // A broken definition is refused with the reason, and what was pasted stays.
    let broken = OWN_FRAMEWORK.replace("key = \"start\"\n", "key = \"start\"\nlevel = \"outer\"\n");
    let refused = admin.post("/frameworks", &[("framework", &broken)]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("body");
    assert!(body.contains("outer") && body.contains(&html_escape("Vem är beställare?")), "{body}");
    assert_eq!(coordinator.post("/frameworks", &[("framework", OWN_FRAMEWORK)]).await.status(), StatusCode::FORBIDDEN);
    let loaded = admin.post("/frameworks", &[("framework", OWN_FRAMEWORK)]).await;
    assert_eq!(loaded.status(), StatusCode::SEE_OTHER);
    let list = admin.page("/instruments").await.1;
    let key = list.split("/frameworks/org-").nth(1).and_then(|r| r.split(".toml").next()).expect("listed");
    let file = format!("/frameworks/org-{key}.toml");
    assert_eq!(admin.page(&file).await.1, OWN_FRAMEWORK);
    assert_eq!(outsider.page(&file).await.0, StatusCode::NOT_FOUND);
    assert!(admin.page("/frameworks/landscape.toml").await.1.contains("[[levels.factors]]"));

    // The initiative follows it; its pages and the API then show its levels and questions.
    let base = format!("/initiatives/{initiative}/landscape");
    assert!(coordinator.page(&base).await.1.contains("CFIR i korthet"), "offered before anything is recorded");
    let chosen = coordinator.post(&format!("{base}/framework"), &[("framework", &format!("org-{key}"))]).await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        outsider.post(&format!("{base}/framework"), &[("framework", "landscape")]).await.status(),
        StatusCode::NOT_FOUND
    );
    let page = coordinator.page(&base).await.1;
    assert!(page.contains("Inre sammanhang") && !page.contains("Strategisk ledning"));
    let saved = coordinator.post(&format!("{base}/factors/tension_for_change"), &[("state", "-1")]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        coordinator.post(&format!("{base}/factors/caseload"), &[("state", "1")]).await.status(),
        StatusCode::NOT_FOUND
    );
    let token = coordinator.api_token("cfir").await;
    let (_, landscape) = coordinator.api_get(&token, &format!("/api/v1{base}?lang=en")).await;
    assert_eq!(landscape["framework"], format!("org-{key}"));
    assert_eq!(landscape["levels"][0]["factors"][0]["name"], "Tension for change");
    assert_eq!(landscape["levels"][0]["factors"][0]["state"], -1);
    assert_eq!(landscape["questions"][0]["text"], "Who is the sponsor?");
    // Once something is recorded, the framework stays.
    let again = coordinator.post(&format!("{base}/framework"), &[("framework", "landscape")]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    app.stop().await;
}

#[tokio::test]
async fn a_county_board_sees_its_members_landscapes_as_counts_only() {
    let app = TestApp::spawn().await;
    let county = app.organisation("Länsstyrelsen Västra Götaland", OrgKind::CountyBoard, None).await;
    let boras = app.organisation("Borås stad", OrgKind::Municipality, Some(county)).await;
    let lerum = app.organisation("Lerums kommun", OrgKind::Municipality, Some(county)).await;
    let elsewhere = app.organisation("Region Skåne", OrgKind::Region, None).await;
    let board = app.logged_in(county, "lena@lansstyrelsen.se", "Lena Län", Role::Admin).await;
    let sara = app.logged_in(boras, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let ida = app.logged_in(lerum, "ida@lerum.se", "Ida", Role::Coordinator).await;
    let skane = app.logged_in(elsewhere, "per@skane.se", "Per", Role::Coordinator).await;
    let created = sara.post("/initiatives", &[("name", "IPS"), ("topic", "integration")]).await;
    let ips = id_from_location(&location(&created));
    ida.post("/initiatives", &[("name", "Barnahus"), ("topic", "violence_close_relationships")]).await;
    skane.post("/initiatives", &[("name", "Utanför länet"), ("topic", "integration")]).await;

    // Borås: three factors assessed, two hindering (one competence, one organisation level).
    let at = |tail: &str| format!("/initiatives/{ips}/{tail}");
    for (factor, state) in [("caseload", "-1"), ("leadership_strategic", "-2"), ("competences", "1")] {
        let note = ("note", "Nämnden har inte fattat beslut");
        let saved = sara.post(&at(&format!("landscape/factors/{factor}")), &[("state", state), note]).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    }
    // Two of the 21 questions done (settled, not relevant), one still open.
    for (question, status) in [("need", "settled"), ("gains", "not_relevant"), ("team", "open")] {
        let saved =
            sara.post(&at(&format!("checklist/{question}")), &[("answer", "Hemligt svar"), ("status", status)]).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    }
    // Two milestones, one of them late.
    for (name, planned) in [("Behovet beskrivet", "2026-01-15"), ("Uppföljning", "2031-06-01")] {
        let saved = sara.post(&at("milestones"), &[("name", name), ("planned_on", planned)]).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    }

    let (status, page) = board.page("/portfolio/landscape").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("2 insatser i 2 organisationer; 1 försenad milstolpe."), "{page}");
    let boras_row = &page[page.find(">Borås stad</th>").expect("Borås")..];
    let boras_row = &boras_row[..boras_row.find("</tr>").expect("row end")];
    let factors = FRAMEWORK.matches("[[levels.factors]]").count();
    let questions = FRAMEWORK.matches("[[groups.questions]]").count();
    assert!(boras_row.contains(&format!("3 / {factors}")), "{boras_row}");
    assert!(
        boras_row.contains("Kompetenser: <strong>1</strong>")
            && boras_row.contains("Organisationen: <strong>1</strong>")
    );
    assert!(boras_row.contains("Kultur: 0"));
    // 2 of 21 settled is 9 % (rounded down).
    assert!(
        boras_row.contains(&format!("2 / {questions}")) && boras_row.contains(&format!("{} %", 2 * 100 / questions))
    );
    assert!(boras_row.contains("<span class=\"badge disagree\">1</span>") && boras_row.contains("av 2"));
    assert!(page.contains(">Lerums kommun</th>") && !page.contains("Utanför länet"), "members only");
    assert!(!page.contains("Nämnden har inte") && !page.contains("Hemligt svar"), "counts, never notes or answers");

    let (_, filtered) = board.page("/portfolio/landscape?topic=violence_close_relationships").await;
    assert!(filtered.contains(">Lerums kommun</th>") && !filtered.contains(">Borås stad</th>"));
    let (_, own) = sara.page("/portfolio/landscape").await;
    assert!(own.contains("Medlemsorganisationerna har inga insatser ännu."), "a member sees no one else's");
    app.stop().await;
}
