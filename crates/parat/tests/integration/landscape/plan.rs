//! The landscape's planning tools over HTTP: goals, the theory of change, stakeholders,
//! milestones and risks through the pages and the API, each figure worked out by hand.

use super::{api_put, setup};
use crate::common::{Browser, TestApp};
use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn api_post(browser: &Browser, token: &str, path: &str, body: Value) -> (StatusCode, Value) {
    let response =
        reqwest::Client::new().post(browser.url(path)).bearer_auth(token).json(&body).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

async fn api_delete(browser: &Browser, token: &str, path: &str) -> StatusCode {
    reqwest::Client::new().delete(browser.url(path)).bearer_auth(token).send().await.expect("request").status()
}

/// How many audit entries of `entity` with `action` the log holds.
async fn audited(app: &TestApp, entity: &str, action: &str) -> i64 {
    let sql = "SELECT COUNT(*) FROM audit_log WHERE entity = $1 AND action = $2";
    let (count,): (i64,) = match &app.db {
        parat_store::Db::Sqlite { read, .. } => sqlx::query_as(sql).bind(entity).bind(action).fetch_one(read).await,
        parat_store::Db::Postgres(pool) => sqlx::query_as(sql).bind(entity).bind(action).fetch_one(pool).await,
    }
    .expect("count");
    count
}

#[tokio::test]
async fn risks_and_milestones_with_their_matrix_and_timeline() {
    let app = TestApp::spawn().await;
    let (coordinator, org, initiative) = setup(&app).await;
    let viewer = app.logged_in(org, "sven@boras.se", "Sven Styrgrupp", Role::Viewer).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;
    let risks = format!("/initiatives/{initiative}/risks");

    // Risks through the form: bad steps named, the text kept; the matrix counts each cell.
    let bad =
        coordinator.post(&risks, &[("what", "Handledarna slutar"), ("likelihood", "6"), ("consequence", "")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = bad.text().await.expect("body");
    assert!(body.contains("value=\"Handledarna slutar\"") && body.contains("Skriv ett heltal från 1 till 5"), "{body}");
    for (what, l, c) in
        [("Handledarna slutar", "4", "5"), ("Lokalerna blir inte klara", "2", "3"), ("Budgeten dras in", "4", "5")]
    {
        let saved = coordinator
            .post(
                &risks,
                &[("what", what), ("likelihood", l), ("consequence", c), ("mitigation", "Två handledare per team.")],
            )
            .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{what}");
    }
    let page = coordinator.page(&risks).await.1;
    // 4 × 5 = 20 is very high, twice; 2 × 3 = 6 is medium (bands worked out by hand).
    assert_eq!(page.matches("20 · mycket hög").count(), 2, "{page}");
    assert!(page.contains("6 · måttlig"));
    assert!(page.contains("<text class=\"count\"") && page.contains(">2</text>"), "two risks in one cell");
    let first_row = page.find("Handledarna slutar").expect("listed");
    assert!(first_row < page.find("Lokalerna blir inte klara").expect("listed"), "highest score first");

    // Milestones: reached early is fine, reached in the future or without being reached is not.
    let milestones = format!("/initiatives/{initiative}/milestones");
    let today = parat_store::now_date();
    let in_a_month = (today + time::Duration::days(30)).to_string();
    let last_week = (today - time::Duration::days(7)).to_string();
    let tomorrow = (today + time::Duration::days(1)).to_string();
    let early = coordinator
        .post(
            &milestones,
            &[
                ("name", "Utbildning klar"),
                ("phase", "introduction"),
                ("planned_on", &in_a_month),
                ("status", "reached"),
                ("reached_on", &last_week),
            ],
        )
        .await;
    assert_eq!(early.status(), StatusCode::SEE_OTHER);
    let future = coordinator
        .post(
            &milestones,
            &[
                ("name", "Första uppföljning"),
                ("planned_on", &in_a_month),
                ("status", "reached"),
                ("reached_on", &tomorrow),
            ],
        )
        .await;
    assert_eq!(future.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(future.text().await.expect("body").contains("value=\"Första uppföljning\""));
    let unreached = coordinator
        .post(&milestones, &[("name", "Första uppföljning"), ("planned_on", &in_a_month), ("reached_on", &last_week)])
        .await;
    assert_eq!(unreached.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let late = coordinator
        .post(&milestones, &[("name", "Behovsinventering klar"), ("phase", "needs"), ("planned_on", "2026-01-15")])
        .await;
    assert_eq!(late.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&milestones).await.1;
    assert!(
        page.contains("<svg") && page.contains("Behovsinventering</text>") && page.contains("Införande</text>"),
        "phases as bands"
    );
    let late_row = &page[page.find("Behovsinventering klar</th>").expect("row")..];
    assert!(late_row[..late_row.find("</tr>").expect("end")].contains("Försenad"), "late and still planned");

    // The API reads and writes the same; viewers read; another organisation sees nothing.
    let token = coordinator.api_token("plan").await;
    let (status, listed) = coordinator.api_get(&token, &format!("/api/v1{risks}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed[0]["score"], 20);
    assert_eq!(listed[0]["level"], "very_high");
    let client = reqwest::Client::new();
    let created = client
        .post(coordinator.url(&format!("/api/v1{risks}")))
        .bearer_auth(&token)
        .json(&json!({"what": "Ny lag", "likelihood": 1, "consequence": 4, "owner": "Förvaltningschef"}))
        .send()
        .await
        .expect("request");
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Value = created.json().await.expect("json");
    assert_eq!((created["score"].as_i64(), created["level"].as_str()), (Some(4), Some("low")));
    let risk_path = format!("/api/v1{risks}/{}", created["id"]);
    let (status, changed) =
        api_put(&coordinator, &token, &risk_path, json!({"what": "Ny lag", "likelihood": 3, "consequence": 4})).await;
    assert_eq!((status, changed["level"].as_str()), (StatusCode::OK, Some("high")));
    let (status, refused) =
        api_put(&coordinator, &token, &risk_path, json!({"what": "Ny lag", "likelihood": 9, "consequence": 4})).await;
    assert_eq!(
        (status, refused["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("likelihood"))
    );
    let deleted = client.delete(coordinator.url(&risk_path)).bearer_auth(&token).send().await.expect("request");
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let (_, milestones_out) = coordinator.api_get(&token, &format!("/api/v1{milestones}")).await;
    let names: Vec<&str> = milestones_out.as_array().expect("list").iter().filter_map(|m| m["name"].as_str()).collect();
    assert_eq!(names, ["Behovsinventering klar", "Utbildning klar"], "by planned date");
    assert_eq!(milestones_out[0]["overdue"], true);
    let bad_phase = client
        .post(coordinator.url(&format!("/api/v1{milestones}")))
        .bearer_auth(&token)
        .json(&json!({"name": "Lansering", "planned_on": in_a_month, "phase": "launch"}))
        .send()
        .await
        .expect("request");
    assert_eq!(bad_phase.status(), StatusCode::UNPROCESSABLE_ENTITY);

    assert_eq!(viewer.page(&risks).await.0, StatusCode::OK);
    assert_eq!(
        viewer.post(&risks, &[("what", "x"), ("likelihood", "1"), ("consequence", "1")]).await.status(),
        StatusCode::FORBIDDEN
    );
    for path in [risks.clone(), milestones.clone()] {
        assert_eq!(outsider.page(&path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    let outsider_token = outsider.api_token("lerum").await;
    assert_eq!(outsider.api_get(&outsider_token, &format!("/api/v1{risks}")).await.0, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_goal_hierarchy_a_theory_of_change_and_a_stakeholder_map() {
    let app = TestApp::spawn().await;
    let (coordinator, org, initiative) = setup(&app).await;
    let viewer = app.logged_in(org, "sven@boras.se", "Sven Styrgrupp", Role::Viewer).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;
    let outsider_member = app.user("per@lerum.se", "Per Lerum").await;
    app.member(other, "per@lerum.se", Role::Coordinator).await;
    let token = coordinator.api_token("plan").await;
    let goals = format!("/initiatives/{initiative}/goals");
    let api_goals = format!("/api/v1{goals}");

    // Goals through the form: a purpose, a goal under it, a sub-goal under that goal.
    let posted =
        coordinator.post(&goals, &[("level", "purpose"), ("text", "Fler unga vuxna i egen försörjning")]).await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    let purpose = coordinator.api_get(&token, &api_goals).await.1[0]["id"].as_i64().expect("id");
    let posted = coordinator
        .post(
            &goals,
            &[
                ("level", "goal"),
                ("parent_id", &purpose.to_string()),
                ("text", "Kortare väg till arbete"),
                ("measure", "Hälften i arbete eller studier inom ett år"),
            ],
        )
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    let (_, listed) = coordinator.api_get(&token, &api_goals).await;
    let goal = listed[1]["id"].as_i64().expect("id");
    assert_eq!((listed[1]["parent_id"].as_i64(), listed[1]["level"].as_str()), (Some(purpose), Some("goal")));
    // A sub-goal under the purpose is on the wrong rung: refused, with what was typed kept.
    let wrong = coordinator
        .post(&goals, &[("level", "sub_goal"), ("parent_id", &purpose.to_string()), ("text", "Besked inom två veckor")])
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = wrong.text().await.expect("body");
    assert!(body.contains("Besked inom två veckor") && body.contains("Välj en post på nivån ovanför"), "{body}");
    let posted = coordinator
        .post(&goals, &[("level", "sub_goal"), ("parent_id", &goal.to_string()), ("text", "Besked inom två veckor")])
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    // A second goal added last still shows under the purpose, before nothing of the first's.
    let (status, second) = api_post(
        &coordinator,
        &token,
        &api_goals,
        json!({"level": "goal", "parent_id": purpose, "text": "Samordnat stöd", "owner": "Enhetschef"}),
    )
    .await;
    assert_eq!((status, second["owner"].as_str()), (StatusCode::CREATED, Some("Enhetschef")));
    let page = coordinator.page(&goals).await.1;
    assert!(page.contains("rung-purpose") && page.contains("rung-sub_goal"), "the tree is drawn");
    assert_eq!(page.matches("class=\"link\"").count(), 3, "three boxes hang under another");
    let at = |text: &str| page.find(&format!(">{text}</th>")).unwrap_or_else(|| panic!("{text} in the table"));
    // Depth first: each goal directly followed by its own sub-goals.
    assert!(at("Fler unga vuxna i egen försörjning") < at("Kortare väg till arbete"));
    assert!(at("Kortare väg till arbete") < at("Besked inom två veckor"));
    assert!(at("Besked inom två veckor") < at("Samordnat stöd"));
    // The API refuses the same rules; a goal with a sub-goal keeps its rung and cannot go.
    let (status, refused) =
        api_post(&coordinator, &token, &api_goals, json!({"level": "sub_goal", "text": "Utan mål"})).await;
    assert_eq!(
        (status, refused["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("parent_id"))
    );
    let (status, _) = api_put(
        &coordinator,
        &token,
        &format!("{api_goals}/{goal}"),
        json!({"level": "sub_goal", "parent_id": second["id"], "text": "Kortare väg till arbete"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a goal with a sub-goal cannot become one");
    assert_eq!(api_delete(&coordinator, &token, &format!("{api_goals}/{goal}")).await, StatusCode::CONFLICT);
    let refused = coordinator.post(&format!("{goals}/{goal}/delete"), &[]).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(refused.text().await.expect("body").contains("Andra poster hänger på den här"));
    assert_eq!(coordinator.api_get(&token, &api_goals).await.1.as_array().map(Vec::len), Some(4), "nothing removed");

    // The theory of change: steps come back column by column; the empty columns are named.
    let theory = format!("/initiatives/{initiative}/theory");
    for (stage, text) in [
        ("activity", "Arbetsspecialister i varje team"),
        ("need", "Unga vuxna fastnar i försörjningsstöd"),
        ("assumption", "Arbetsgivare tar emot praktikanter"),
    ] {
        let posted = coordinator.post(&theory, &[("stage", stage), ("text", text)]).await;
        assert_eq!(posted.status(), StatusCode::SEE_OTHER, "{stage}");
    }
    let bad = coordinator.post(&theory, &[("stage", "outcome"), ("text", "Fler i arbete")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.expect("body").contains("Fler i arbete"));
    let (_, steps) = coordinator.api_get(&token, &format!("/api/v1{theory}")).await;
    let stages: Vec<&str> = steps.as_array().expect("list").iter().filter_map(|s| s["stage"].as_str()).collect();
    assert_eq!(stages, ["need", "activity", "assumption"]);
    let page = coordinator.page(&theory).await.1;
    assert!(
        page.contains("Inget är skrivet under: Prestationer, Kortsiktiga resultat, Långsiktiga resultat."),
        "{page}"
    );
    assert_eq!(page.matches("step empty").count(), 3, "three empty columns drawn");

    // Stakeholders: the quarter of the grid follows interest and influence (3–4 high).
    let stakeholders = format!("/initiatives/{initiative}/stakeholders");
    for (name, interest, influence, attitude) in [
        ("Socialnämnden", "2", "4", "neutral"),
        ("Arbetsförmedlingen", "4", "4", "supportive"),
        ("Deltagarna", "4", "1", "driving"),
        ("Fackförbundet", "2", "2", "hesitant"),
    ] {
        let posted = coordinator
            .post(
                &stakeholders,
                &[("name", name), ("interest", interest), ("influence", influence), ("attitude", attitude)],
            )
            .await;
        assert_eq!(posted.status(), StatusCode::SEE_OTHER, "{name}");
    }
    let (_, listed) = coordinator.api_get(&token, &format!("/api/v1{stakeholders}")).await;
    let found: Vec<(&str, &str)> = listed
        .as_array()
        .expect("list")
        .iter()
        .map(|s| (s["name"].as_str().unwrap_or_default(), s["quadrant"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(
        found,
        [
            ("Arbetsförmedlingen", "involve_closely"),
            ("Socialnämnden", "keep_satisfied"),
            ("Fackförbundet", "monitor"),
            ("Deltagarna", "keep_informed"),
        ],
        "most influence first, then most interest"
    );
    let page = coordinator.page(&stakeholders).await.1;
    assert_eq!(page.matches("<circle").count(), 4);
    assert!(page.contains("Involvera nära") && page.contains("Håll informerade"));
    let (status, refused) = api_post(
        &coordinator,
        &token,
        &format!("/api/v1{stakeholders}"),
        json!({"name": "Regionen", "interest": 3, "influence": 5, "attitude": "neutral", "owner_id": outsider_member}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let (status, refused) = api_post(
        &coordinator,
        &token,
        &format!("/api/v1{stakeholders}"),
        json!({"name": "Regionen", "interest": 3, "influence": 3, "attitude": "neutral", "owner_id": outsider_member}),
    )
    .await;
    assert_eq!(
        (status, refused["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("owner_id")),
        "a member of another organisation is no owner here"
    );

    // Changing and removing through the pages; every change is in the audit log.
    let (_, listed) = coordinator.api_get(&token, &format!("/api/v1{stakeholders}")).await;
    let union = listed[3]["id"].as_i64().expect("id");
    let form = coordinator.page(&format!("{stakeholders}/{union}/edit")).await.1;
    assert!(form.contains("value=\"Deltagarna\""), "the form holds what was saved");
    let changed = coordinator
        .post(
            &format!("{stakeholders}/{union}"),
            &[("name", "Deltagarna"), ("interest", "4"), ("influence", "3"), ("attitude", "driving")],
        )
        .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    assert_eq!(coordinator.api_get(&token, &format!("/api/v1{stakeholders}/")).await.0, StatusCode::NOT_FOUND);
    let removed = coordinator.post(&format!("{stakeholders}/{union}/delete"), &[]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert_eq!(audited(&app, "landscape_goal", "create").await, 4);
    assert_eq!(audited(&app, "landscape_change_step", "create").await, 3);
    assert_eq!(audited(&app, "landscape_stakeholder", "update").await, 1);
    assert_eq!(audited(&app, "landscape_stakeholder", "delete").await, 1);

    // Viewers read and may not write; another organisation sees nothing.
    for path in [&goals, &theory, &stakeholders] {
        assert_eq!(viewer.page(path).await.0, StatusCode::OK, "{path}");
        assert_eq!(outsider.page(path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(viewer.post(&theory, &[("stage", "need"), ("text", "x")]).await.status(), StatusCode::FORBIDDEN);
    let outsider_token = outsider.api_token("lerum").await;
    assert_eq!(outsider.api_get(&outsider_token, &api_goals).await.0, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn readiness_results_beside_the_levels_become_milestones_and_risks_in_one_step() {
    use parat_store::readiness::AssessmentBuilder;
    let app = TestApp::spawn().await;
    let (coordinator, org, initiative) = setup(&app).await;
    let viewer = app.logged_in(org, "sven@boras.se", "Sven Styrgrupp", Role::Viewer).await;
    let base = format!("/initiatives/{initiative}/landscape");
    let page = coordinator.page(&base).await.1;
    assert!(!page.contains("class=\"readiness\""), "nothing measured, nothing shown");

    // A reported CRM 2006 assessment. By hand: A 5, B 4, C 3.5, D 2.5, E 6, F 7; the two lowest
    // are D (climate) and C (leadership).
    let admin = app.admin_scope(org).await;
    let first = app.scope_of(org, "bo@boras.se", Role::Scorer).await;
    let second = app.scope_of(org, "bea@boras.se", Role::Scorer).await;
    let assessment = AssessmentBuilder::new(&admin, [&first, &second], initiative)
        .interview([5, 4, 3, 2, 6, 7])
        .interview([5, 4, 4, 3, 6, 7])
        .reported()
        .build(&app.db)
        .await
        .expect("assessment")
        .id;
    let page = coordinator.page(&base).await.1;
    // The shipped framework shows 2006's E beside competences, D beside culture, C and F beside
    // the organisation, A and B beside the context.
    let section = |level: &str| {
        let start = page.find(&format!("id=\"level-{level}\"")).expect("level");
        let end = page[start..].find("<table").expect("its table") + start;
        page[start..end].to_owned()
    };
    assert!(section("individual").contains("Kunskap om frågan</a>: 6,00 (stadium 6)"), "{}", section("individual"));
    assert!(section("interpersonal").contains("Klimat</a>: 2,50 (stadium 2)"));
    assert!(section("interpersonal").contains("bland de lägsta"));
    let institutional = section("institutional");
    assert!(institutional.contains("Ledarskap</a>: 3,50 (stadium 3)") && institutional.contains("Resurser</a>: 7,00"));
    assert!(section("infrastructural").contains("Insatser</a>: 5,00") && section("infrastructural").contains("4,00"));
    assert_eq!(page.matches("bland de lägsta").count(), 2, "D and C");

    // One step: a risk from climate, a milestone from leadership, each opened for editing.
    let made = coordinator
        .post(&format!("{base}/from-readiness"), &[("source", &format!("assessment:{assessment}:D")), ("kind", "risk")])
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let edit = crate::common::location(&made);
    assert!(edit.starts_with(&format!("/initiatives/{initiative}/risks/")) && edit.ends_with("/edit"), "{edit}");
    assert!(coordinator.page(&edit).await.1.contains("value=\"Låg beredskap: Klimat\""));
    let made = coordinator
        .post(
            &format!("{base}/from-readiness"),
            &[("source", &format!("assessment:{assessment}:C")), ("kind", "milestone")],
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let token = coordinator.api_token("plan").await;
    let (_, risks) = coordinator.api_get(&token, &format!("/api/v1/initiatives/{initiative}/risks")).await;
    assert_eq!(risks[0]["source"], format!("assessment:{assessment}:D"));
    assert_eq!(risks[0]["score"], 9);
    let (_, milestones) = coordinator.api_get(&token, &format!("/api/v1/initiatives/{initiative}/milestones")).await;
    let in_ninety_days = (parat_store::now_date() + time::Duration::days(90)).to_string();
    assert_eq!(milestones[0]["name"], "Beredskapen höjd: Ledarskap");
    assert_eq!(
        (milestones[0]["planned_on"].as_str(), milestones[0]["phase"].as_str()),
        (Some(in_ninety_days.as_str()), Some("needs"))
    );
    // Each links back to the result.
    let page = coordinator.page(&format!("/initiatives/{initiative}/milestones")).await.1;
    assert!(page.contains(&format!("href=\"/assessments/{assessment}/results\">från beredskapsmätningen")));

    // Or an action in the assessment's own action plan, opened for editing there.
    let made = coordinator
        .post(
            &format!("{base}/from-readiness"),
            &[("source", &format!("assessment:{assessment}:C")), ("kind", "action")],
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let edit = crate::common::location(&made);
    assert!(edit.starts_with(&format!("/assessments/{assessment}/actions/")) && edit.ends_with("/edit"), "{edit}");
    assert!(coordinator.page(&edit).await.1.contains("Höj beredskapen inom Ledarskap"));

    // A strategy of the assessment's action plan goes on into the milestone plan as it stands.
    let due = (parat_store::now_date() + time::Duration::days(30)).to_string();
    let added = coordinator
        .post(
            &format!("/assessments/{assessment}/actions"),
            &[("what", "Utbildningsdag för cheferna"), ("who", "Enhetschef"), ("due_on", &due)],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&format!("/assessments/{assessment}/results")).await.1;
    let marker = format!("value=\"action:{assessment}:");
    // The button in the new action's row (rows are ordered by due date; each row holds its name first).
    let row = page.find(">Utbildningsdag för cheferna<").expect("the action's row");
    let at = row + page[row..].find(&marker).expect("the action's button") + "value=\"".len();
    let source = page[at..at + page[at..].find('"').expect("end")].to_owned();
    let refused = coordinator.post(&format!("{base}/from-readiness"), &[("source", &source), ("kind", "risk")]).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "a strategy is no risk");
    let made = coordinator.post(&format!("{base}/from-readiness"), &[("source", &source), ("kind", "milestone")]).await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let (_, milestones) = coordinator.api_get(&token, &format!("/api/v1/initiatives/{initiative}/milestones")).await;
    let from_action =
        milestones.as_array().expect("list").iter().find(|m| m["source"] == source.as_str()).expect("made");
    assert_eq!(
        (from_action["name"].as_str(), from_action["planned_on"].as_str()),
        (Some("Utbildningsdag för cheferna"), Some(due.as_str()))
    );

    // Only results the page offers; only those who may edit.
    let bogus =
        coordinator.post(&format!("{base}/from-readiness"), &[("source", "assessment:999:D"), ("kind", "risk")]).await;
    assert_eq!(bogus.status(), StatusCode::NOT_FOUND);
    let source = format!("assessment:{assessment}:D");
    let refused = viewer.post(&format!("{base}/from-readiness"), &[("source", &source), ("kind", "risk")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(!viewer.page(&base).await.1.contains("from-readiness"), "no buttons for a viewer");

    // Reopened, agreed anew and reported again: the page shows the new figures at once. (They
    // are kept between views under the assessment's revision, which every status change raises.)
    let reopened = coordinator.post(&format!("/assessments/{assessment}/reopen"), &[]).await;
    assert_eq!(reopened.status(), StatusCode::SEE_OTHER);
    assert!(!coordinator.page(&base).await.1.contains("Klimat</a>:"), "an assessment reopened is not a result");
    let interview = first_interview(&app, assessment).await;
    // The first interview's climate from 2 to 6: D becomes (6 + 3) / 2 = 4.5.
    let levels = [("A", "5"), ("B", "4"), ("C", "3"), ("D", "6"), ("E", "6"), ("F", "7")];
    let fields: Vec<(String, String)> = levels
        .iter()
        .flat_map(|(d, l)| [(format!("level_{d}"), (*l).to_owned()), (format!("rationale_{d}"), "Omprövat".to_owned())])
        .collect();
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let agreed = coordinator.post(&format!("/interviews/{interview}/consensus"), &fields).await;
    assert_eq!(agreed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        coordinator.post(&format!("/assessments/{assessment}/advance"), &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    let page = coordinator.page(&base).await.1;
    assert!(page.contains("Klimat</a>: 4,50 (stadium 4)"), "the new figure");
    // Now C (3.5) and B (4.0) are the lowest, and climate no longer is.
    let climate = page.find("Klimat</a>: 4,50").expect("climate");
    let row_end = climate + page[climate..].find("</li>").expect("its row");
    assert!(!page[climate..row_end].contains("bland de lägsta"), "{}", &page[climate..row_end]);
    assert_eq!(page.matches("bland de lägsta").count(), 2, "C and B");
    app.stop().await;
}

/// The id of an assessment's first interview.
async fn first_interview(app: &TestApp, assessment: i64) -> i64 {
    let sql = "SELECT MIN(id) FROM interviews WHERE assessment_id = $1";
    let found: Result<(i64,), _> = match &app.db {
        parat_store::Db::Sqlite { read, .. } => sqlx::query_as(sql).bind(assessment).fetch_one(read).await,
        parat_store::Db::Postgres(pool) => sqlx::query_as(sql).bind(assessment).fetch_one(pool).await,
    };
    found.expect("an interview").0
}

/// Two installations in one process, whose ids coincide: each page shows its own database's
/// figures, never the other's kept ones.
#[tokio::test]
async fn figures_kept_between_views_belong_to_their_own_database() {
    use parat_store::readiness::AssessmentBuilder;
    let mut climates = Vec::new();
    let apps = [TestApp::spawn().await, TestApp::spawn().await];
    for (app, climate) in apps.iter().zip([2u8, 8]) {
        let (coordinator, org, initiative) = setup(app).await;
        let admin = app.admin_scope(org).await;
        let first = app.scope_of(org, "bo@boras.se", Role::Scorer).await;
        let second = app.scope_of(org, "bea@boras.se", Role::Scorer).await;
        let assessment = AssessmentBuilder::new(&admin, [&first, &second], initiative)
            .interview([5, 4, 3, climate, 6, 7])
            .reported()
            .build(&app.db)
            .await
            .expect("assessment");
        climates.push((coordinator, initiative, assessment.id, climate));
    }
    let (first_ids, second_ids) = ((climates[0].1, climates[0].2), (climates[1].1, climates[1].2));
    assert_eq!(first_ids, second_ids, "the two databases use the same ids");
    for (coordinator, initiative, _, climate) in &climates {
        let page = coordinator.page(&format!("/initiatives/{initiative}/landscape")).await.1;
        assert!(page.contains(&format!("Klimat</a>: {climate},00 (stadium {climate})")), "climate {climate}");
    }
    for app in apps {
        app.stop().await;
    }
}

/// The paragraphs' text of a Word document, read with nothing of Parat's: the `w:t` runs of
/// `word/document.xml`, a paragraph per line.
fn word_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut xml = String::new();
    archive.by_name("word/document.xml").expect("the body").read_to_string(&mut xml).expect("text");
    let mut text = String::new();
    for paragraph in xml.split("</w:p>") {
        for run in paragraph.split("<w:t").skip(1) {
            let Some(start) = run.find('>') else { continue };
            let Some(end) = run.find("</w:t>") else { continue };
            text.push_str(&run[start + 1..end]);
        }
        text.push('\n');
    }
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

#[tokio::test]
async fn the_whole_plan_downloads_as_pdf_and_as_word() {
    let app = TestApp::spawn().await;
    let (coordinator, org, initiative) = setup(&app).await;
    let viewer = app.logged_in(org, "sven@boras.se", "Sven Styrgrupp", Role::Viewer).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;
    let at = |tail: &str| format!("/initiatives/{initiative}/{tail}");
    for (path, fields) in [
        ("landscape/factors/leadership_strategic", vec![("state", "-2"), ("note", "Inget beslut i nämnden")]),
        ("goals", vec![("level", "purpose"), ("text", "Fler i egen försörjning")]),
        ("theory", vec![("stage", "need"), ("text", "Långa tider i försörjningsstöd")]),
        (
            "risks",
            vec![("what", "Handledarna slutar"), ("likelihood", "4"), ("consequence", "5"), ("who", "Enhetschef")],
        ),
        (
            "stakeholders",
            vec![("name", "Socialnämnden"), ("interest", "2"), ("influence", "4"), ("attitude", "neutral")],
        ),
    ] {
        assert_eq!(coordinator.post(&at(path), &fields).await.status(), StatusCode::SEE_OTHER, "{path}");
    }

    let word = coordinator.get(&at("plan.docx")).await;
    assert_eq!(word.status(), StatusCode::OK);
    assert_eq!(
        word.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(word.headers()["content-disposition"].to_str().expect("ascii").contains(".docx"));
    let text = word_text(&word.bytes().await.expect("bytes"));
    for expected in [
        "Implementeringsplan: IPS",
        "Borås stad",
        "Långa tider i försörjningsstöd",
        "Strategisk ledning",
        "−2 Hindrar tydligt",
        "Inget beslut i nämnden",
        "Syfte: Fler i egen försörjning",
        // 4 × 5 = 20: very high (worked out by hand from the bands).
        "4 × 5 = 20 (mycket hög)",
        "Enhetschef",
        "Håll nöjda",
        "Inga milstolpar är registrerade än.",
        "Det finns ingen rapporterad beredskapsmätning med en handlingsplan.",
    ] {
        assert!(text.contains(expected), "{expected:?} in the Word document:\n{text}");
    }
    // Every open reflection question is listed: all of the framework's, none settled yet.
    let open = text.lines().skip_while(|l| *l != "Öppna reflektionsfrågor").skip(1).take_while(|l| l.starts_with("• "));
    assert_eq!(open.count(), super::FRAMEWORK.matches("[[groups.questions]]").count());

    let pdf = viewer.get(&at("plan.pdf")).await;
    assert_eq!((pdf.status(), pdf.headers()["content-type"].to_str().ok()), (StatusCode::OK, Some("application/pdf")));
    let pdf = pdf.bytes().await.expect("bytes");
    assert!(pdf.starts_with(b"%PDF"), "viewers read the plan too");
    // The PDF's text, extracted by poppler's pdftotext (CI installs it and requires it).
    match crate::common::pdf_text(&pdf) {
        Some(text) => {
            for expected in [
                "Implementeringsplan: IPS",
                "Behov och förväntade vinster",
                "Långa tider i försörjningsstöd",
                "Syfte: Fler i egen försörjning",
                "Öppna reflektionsfrågor",
                "Intressentanalys",
                "Riskanalys",
            ] {
                assert!(text.contains(expected), "{expected:?} in the PDF:\n{text}");
            }
        }
        None if std::env::var_os("PARAT_REQUIRE_PDFTOTEXT").is_some() => {
            panic!("pdftotext is missing (apt-get install poppler-utils)")
        }
        None => eprintln!("pdftotext is missing: the PDF's text is not checked (apt-get install poppler-utils)"),
    }
    assert_eq!(outsider.get(&at("plan.pdf")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(outsider.get(&at("plan.docx")).await.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

/// Survey means beside the levels: an anonymous ORIC round's two scale means, worked out by
/// hand, beside the levels the framework names them for (efficacy beside competences,
/// commitment beside culture), hidden below the round's threshold, and following each new answer.
#[tokio::test]
async fn survey_means_beside_the_levels_follow_new_answers() {
    let app = TestApp::spawn().await;
    let (coordinator, _, initiative) = setup(&app).await;
    let made = coordinator
        .post(
            &format!("/initiatives/{initiative}/rounds"),
            &[
                ("questionnaire", "oric"),
                ("title", "Personalenkät"),
                ("issue", "IPS"),
                ("anonymous", "on"),
                ("open_link", "on"),
                ("threshold", "3"),
            ],
        )
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let body = made.text().await.expect("body");
    let at = body.find("/q/").expect("the open link") + 3;
    let link = format!("/q/{}", &body[at..at + 64]);
    let answer = |commitment: [u8; 5], efficacy: [u8; 7]| {
        let browser = app.browser();
        let link = link.clone();
        async move {
            let mut fields: Vec<(String, String)> =
                commitment.iter().enumerate().map(|(i, v)| (format!("a-c{}", i + 1), v.to_string())).collect();
            fields.extend(efficacy.iter().enumerate().map(|(i, v)| (format!("a-e{}", i + 1), v.to_string())));
            fields.push(("action".into(), "submit".into()));
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            assert_eq!(browser.post(&link, &fields).await.status(), StatusCode::OK);
        }
    };
    let base = format!("/initiatives/{initiative}/landscape");
    let level = |page: &str, key: &str| {
        let start = page.find(&format!("id=\"level-{key}\"")).expect("level");
        let end = page[start..].find("<table").expect("its table") + start;
        page[start..end].to_owned()
    };
    answer([5; 5], [4; 7]).await;
    answer([3; 5], [2; 7]).await;
    let page = coordinator.page(&base).await.1;
    assert!(level(&page, "interpersonal").contains("Förändringsvilja</a>: för få svar för att visas"), "2 of 3");

    // Commitment: 5, 3 and (4 + 4 + 4 + 4 + 1) / 5 = 3.4, mean 3.8; efficacy 4, 2, 3, mean 3.0.
    // On the 1–5 scale efficacy sits lower (0.50 of the range against 0.70): the lowest.
    answer([4, 4, 4, 4, 1], [3; 7]).await;
    let page = coordinator.page(&base).await.1;
    let culture = level(&page, "interpersonal");
    assert!(culture.contains("Förändringsvilja</a>: 3,80 / 5 (3 svar)"), "{culture}");
    assert!(!culture.contains("bland de lägsta"));
    let competences = level(&page, "individual");
    assert!(competences.contains("Förändringsförmåga</a>: 3,00 / 5 (3 svar)"), "{competences}");
    assert!(competences.contains("bland de lägsta"));

    // A fourth answer: commitment (5 + 3 + 3.4 + 1) / 4 = 3.1, efficacy (4 + 2 + 3 + 5) / 4 = 3.5;
    // now commitment is the lower (0.525 against 0.625).
    answer([1; 5], [5; 7]).await;
    let page = coordinator.page(&base).await.1;
    let culture = level(&page, "interpersonal");
    assert!(culture.contains("Förändringsvilja</a>: 3,10 / 5 (4 svar)"), "{culture}");
    assert!(culture.contains("bland de lägsta"));
    let competences = level(&page, "individual");
    assert!(competences.contains("Förändringsförmåga</a>: 3,50 / 5 (4 svar)"), "{competences}");
    assert!(!competences.contains("bland de lägsta"));

    // The lowest scale becomes a risk in one step, linked back to the round's results.
    let round = page.split("href=\"/rounds/").nth(1).and_then(|r| r.split('/').next()).expect("a link to the round");
    let source = format!("round:{round}:commitment");
    let made = coordinator.post(&format!("{base}/from-readiness"), &[("source", &source), ("kind", "risk")]).await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let token = coordinator.api_token("plan").await;
    let (_, risks) = coordinator.api_get(&token, &format!("/api/v1/initiatives/{initiative}/risks")).await;
    assert_eq!(risks[0]["source"], source.as_str());
    let page = coordinator.page(&format!("/initiatives/{initiative}/risks")).await.1;
    assert!(page.contains(&format!("href=\"/rounds/{round}/results\"")), "linked back to the result");
    app.stop().await;
}
