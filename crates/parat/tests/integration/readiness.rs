//! A Community Readiness assessment over HTTP, start to finish: assessment, informants,
//! interviews, blind independent scoring, consensus, results — and who may see what.

use crate::common;

use common::{html_escape, location, Browser, TestApp};
use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;

const DIMENSIONS: [&str; 6] = ["A", "B", "C", "D", "E", "F"];

async fn user_id(app: &TestApp, email: &str) -> String {
    parat_store::accounts::authenticate(&app.db, email, common::PASSWORD)
        .await
        .expect("query")
        .expect("user")
        .to_string()
}

/// Posts a scoring sheet: one level per dimension.
async fn score(browser: &Browser, interview: &str, levels: [&str; 6], action: &str) -> reqwest::Response {
    let mut fields: Vec<(String, String)> = DIMENSIONS
        .iter()
        .zip(levels)
        .flat_map(|(d, l)| [(format!("level_{d}"), l.to_owned()), (format!("evidence_{d}"), format!("Belägg för {d}"))])
        .collect();
    fields.push(("action".into(), action.into()));
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    browser.post(&format!("/interviews/{interview}/score"), &borrowed).await
}

async fn agree(browser: &Browser, interview: &str, levels: [&str; 6]) -> reqwest::Response {
    let fields: Vec<(String, String)> = DIMENSIONS
        .iter()
        .zip(levels)
        .flat_map(|(d, l)| {
            [(format!("level_{d}"), l.to_owned()), (format!("rationale_{d}"), "Enades efter samtal".to_owned())]
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    browser.post(&format!("/interviews/{interview}/consensus"), &borrowed).await
}

fn id_after(location: &str, prefix: &str) -> String {
    location.trim_start_matches(prefix).split(['?', '/', '#']).next().unwrap_or("").to_owned()
}

#[tokio::test]
async fn a_readiness_assessment_from_interviews_to_results_with_blind_scoring() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let other_org = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let first = app.logged_in(org, "bo@boras.se", "Bo Bedömare", Role::Scorer).await;
    let second = app.logged_in(org, "bea@boras.se", "Bea Bedömare", Role::Scorer).await;
    let viewer = app.logged_in(org, "sven@boras.se", "Sven Styrgrupp", Role::Viewer).await;
    let outsider = app.logged_in(other_org, "ida@lerum.se", "Ida", Role::Admin).await;
    let (bo, bea, sara) =
        (user_id(&app, "bo@boras.se").await, user_id(&app, "bea@boras.se").await, user_id(&app, "sara@boras.se").await);

    let response = coordinator
        .post("/initiatives", &[("name", "Våld i nära relationer"), ("topic", "violence_close_relationships")])
        .await;
    let initiative = common::id_from_location(&location(&response));

    // A form with a mistake comes back with what was typed.
    let new = format!("/initiatives/{initiative}/assessments");
    let response = coordinator
        .post(
            &new,
            &[
                ("instrument", "crm-2006"),
                ("measured", "Borås stad"),
                ("issue", "våld i nära relationer"),
                ("scorers", &bo),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "one scorer is not enough");
    let body = response.text().await.expect("body");
    assert!(body.contains("value=\"Borås stad\"") && body.contains("value=\"våld i nära relationer\""));
    // The message is about scorers (it was the password mismatch message).
    assert!(body.contains("Välj exakt två bedömare") && !body.contains("Lösenorden"), "{body}");

    let response = coordinator
        .post(
            &new,
            &[
                ("instrument", "crm-2006"),
                ("measured", "Borås stad"),
                ("issue", "våld i nära relationer"),
                ("interviewers", &sara),
                ("scorers", &bo),
                ("scorers", &bea),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let assessment = id_after(&location(&response), "/assessments/");
    let overview = format!("/assessments/{assessment}");
    assert!(coordinator.page(&format!("/initiatives/{initiative}")).await.1.contains("Planerad"), "status on the list");
    assert_eq!(coordinator.post(&format!("{overview}/advance"), &[]).await.status(), StatusCode::SEE_OTHER);
    // Scoring cannot start without an interview.
    assert_eq!(coordinator.post(&format!("{overview}/advance"), &[]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Four informants and four interviews, with answers to the guide.
    let mut interviews = Vec::new();
    for n in 1..=4 {
        let label = format!("Nyckelperson {n}");
        let response = coordinator
            .post(
                &format!("{overview}/informants"),
                &[("label", &label), ("role", "Enhetschef"), ("sector", "Kommun"), ("contact", "070-123 45 67")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = coordinator.page(&overview).await.1;
        let informant = page
            .rsplit("<option value=\"")
            .find(|s| s.contains(&format!("{label} (Enhetschef)")))
            .and_then(|s| s.split('"').next())
            .expect("informant option")
            .to_owned();
        let response = coordinator
            .post(
                &format!("{overview}/interviews"),
                &[("informant_id", &informant), ("held_on", "2026-11-20"), ("interviewer_id", &sara)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let interview = id_after(&location(&response), "/interviews/");
        let response = coordinator
            .post(
                &format!("/interviews/{interview}/answers"),
                &[("answer_0", "Vi har en rutin sedan 2024."), ("rating_0", "6")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        interviews.push(interview);
    }
    let page = coordinator.page(&format!("/interviews/{}", interviews[0])).await.1;
    assert!(
        page.contains("Vi har en rutin sedan 2024.") && page.contains("våld i nära relationer"),
        "answers and the issue in the questions"
    );
    // htmx saves one answer at a time.
    let response = coordinator
        .post(&format!("/interviews/{}/answers/1", interviews[0]), &[("answer_1", "Få känner till den.")])
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let response = coordinator
        .post(
            &format!("/interviews/{}/transcript", interviews[0]),
            &[("transcript", "I: Hur arbetar ni?\n\nN: Vi har en rutin.")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(coordinator.page(&format!("/interviews/{}", interviews[0])).await.1.contains("Få känner till den."));

    // Scoring opens at the scoring step.
    // Refusals say why, in the reader's language (they said "Some details are not valid").
    let early = score(&first, &interviews[0], ["4"; 6], "save").await;
    assert_eq!(early.status(), StatusCode::CONFLICT);
    assert!(early.text().await.expect("body").contains("Poängsättningen har inte börjat"));
    assert_eq!(coordinator.post(&format!("{overview}/advance"), &[]).await.status(), StatusCode::SEE_OTHER);

    // Bad scores come back with what was typed.
    let response = score(&first, &interviews[0], ["4", "3", "10", "4", "4.5", ""], "submit").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.expect("body");
    assert!(body.contains("id=\"f-level_C-error\"") && body.contains("id=\"f-level_E-error\""));
    assert!(body.contains("value=\"3\" checked"), "the valid choices stay selected");
    // A level not chosen asks to choose one, not to "fill in the field".
    let response = score(&first, &interviews[0], [""; 6], "submit").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.expect("body");
    assert!(body.contains("Välj ett av alternativen.") && !body.contains("Fyll i det här fältet."), "{body}");
    // A coordinator is not a scorer here.
    assert_eq!(score(&coordinator, &interviews[0], ["4"; 6], "save").await.status(), StatusCode::FORBIDDEN);

    // The first scorer submits interview 1 with distinctive evidence.
    let fields: Vec<(String, String)> = DIMENSIONS
        .iter()
        .flat_map(|d| {
            [(format!("level_{d}"), "7".to_owned()), (format!("evidence_{d}"), "HEMLIGT-BELÄGG-BO".to_owned())]
        })
        .collect();
    let mut fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    fields.push(("action", "submit"));
    assert_eq!(
        first.post(&format!("/interviews/{}/score", interviews[0]), &fields).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        score(&first, &interviews[0], ["3"; 6], "save").await.status(),
        StatusCode::CONFLICT,
        "submitted scores are final"
    );
    let again = score(&first, &interviews[0], ["3"; 6], "save").await.text().await.expect("body");
    assert!(again.contains("Poängen är inlämnade") && again.contains("ändras inte efteråt"), "{again}");

    // Home pages say who is to do what: the second scorer has interview 1 to score, the first
    // only the others; the coordinator sees the assessment, named by what it measures.
    let first_interview_to_score = format!("href=\"/interviews/{}/score\"", interviews[0]);
    let home = second.page("/").await.1;
    assert!(home.contains(&first_interview_to_score) && home.contains("Poängsätt intervju 1"), "{home}");
    let home = first.page("/").await.1;
    assert!(!home.contains(&first_interview_to_score) && home.contains("Poängsätt intervju 2"), "{home}");
    let home = coordinator.page("/").await.1;
    assert!(
        home.contains("Borås stad: våld i nära relationer (från ") && home.contains("badge assessment-scoring"),
        "{home}"
    );
    assert!(viewer.page("/").await.1.contains("Inget väntar på dig just nu."));

    // Blind over the API too: the assessment reads with no scores and no results yet.
    let api_path = format!("/api/v1{overview}");
    let (second_token, coordinator_token, viewer_token) =
        (second.api_token("bea").await, coordinator.api_token("sara").await, viewer.api_token("sven").await);
    for token in [&second_token, &coordinator_token] {
        let (status, body) = second.api_get(token, &api_path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(body["results"].is_null() && body["interviews_without_consensus"] == 4, "{body}");
        assert!(!body.to_string().contains("HEMLIGT"));
    }
    assert_eq!(viewer.api_get(&viewer_token, &api_path).await.0, StatusCode::NOT_FOUND, "not reported yet");
    let (_, listed) = viewer.api_get(&viewer_token, &format!("/api/v1/initiatives/{initiative}/assessments")).await;
    assert_eq!(listed, serde_json::json!([]), "viewers list reported assessments only");

    // Blind: nothing the second scorer (or the coordinator) can open shows the first scorer's scores.
    for browser in [&second, &coordinator] {
        for path in [
            format!("/interviews/{}/score", interviews[0]),
            format!("/interviews/{}", interviews[0]),
            overview.clone(),
            format!("{overview}/results"),
            format!("{overview}/scores.csv"),
        ] {
            let (_, body) = browser.page(&path).await;
            assert!(
                !body.contains("HEMLIGT-BELÄGG-BO") && !body.contains(";7;"),
                "{path} reveals the first scorer's scores"
            );
        }
        // The consensus page says whom it waits for, not that "some details are not valid".
        let (status, waiting) = browser.page(&format!("/interviews/{}/consensus", interviews[0])).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(waiting.contains("Inte inlämnat än") && waiting.contains("Bea Bedömare"), "{waiting}");
        assert!(!waiting.contains("Bo Bedömare") && !waiting.contains("inte giltiga"), "{waiting}");
    }
    let second_sheet = second.page(&format!("/interviews/{}/score", interviews[0])).await.1;
    assert!(!second_sheet.contains("checked"), "the second scorer starts from a blank sheet");

    // The second scorer submits; disagreements show on the consensus page.
    assert_eq!(
        score(&second, &interviews[0], ["7", "7", "6", "7", "7", "7"], "submit").await.status(),
        StatusCode::SEE_OTHER
    );
    let (status, consensus) = coordinator.page(&format!("/interviews/{}/consensus", interviews[0])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        consensus.contains("HEMLIGT-BELÄGG-BO")
            && consensus.contains("Bea Bedömare")
            && consensus.contains("Olika poäng")
    );
    let csv = coordinator.page(&format!("{overview}/scores.csv")).await.1;
    assert!(csv.starts_with('\u{feff}') && csv.contains(";7;6;"), "both scores once both submitted: {csv}");
    let agree_first = format!("href=\"/interviews/{}/consensus\"", interviews[0]);
    assert!(coordinator.page("/").await.1.contains(&agree_first), "consensus due shows on the home page");
    assert!(second.page("/").await.1.contains("Enas om poängen för intervju 1"));

    // Consensus for interview 1, then the other three scored and agreed.
    let agreed = ["4", "3", "5", "4", "4", "2"];
    assert_eq!(agree(&coordinator, &interviews[0], agreed).await.status(), StatusCode::SEE_OTHER);
    for (n, interview) in interviews.iter().enumerate().skip(1) {
        assert_eq!(
            score(&first, interview, ["4", "3", "5", "4", "4", "2"], "submit").await.status(),
            StatusCode::SEE_OTHER
        );
        // Half-scored interviews stay out of the agreement: six pairs per agreed interview.
        let (_, body) = second.api_get(&second_token, &api_path).await;
        assert_eq!(body["results"]["agreement"]["pairs"], 6 * n, "{body}");
        assert_eq!(
            score(&second, interview, ["4", "3", "5", "4", "5", "2"], "submit").await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(agree(&first, interview, agreed).await.status(), StatusCode::SEE_OTHER);
    }
    // An incomplete consensus is refused with the typed values kept.
    let response = agree(&coordinator, &interviews[1], ["4", "", "5", "4", "4", "2"]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The viewer sees nothing until the report.
    assert_eq!(viewer.page(&overview).await.0, StatusCode::NOT_FOUND);
    assert_eq!(viewer.page(&format!("{overview}/results")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        coordinator.post(&format!("{overview}/advance"), &[]).await.status(),
        StatusCode::SEE_OTHER,
        "to consensus"
    );
    assert_eq!(
        coordinator.post(&format!("{overview}/advance"), &[]).await.status(),
        StatusCode::SEE_OTHER,
        "to reported"
    );

    // The API gives the viewer the reported results, worked out by hand: every interview agreed
    // 4, 3, 5, 4, 4, 2, so the overall score is 22/6 (stage 3, truncated) and F is lowest. Of 24
    // pairs of scores, 20 were equal (interview 1 differs in C: 7 and 6; the others in E: 4
    // and 5) and all 24 within one level.
    let (status, body) = viewer.api_get(&viewer_token, &api_path).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!((body["status"].as_str(), body["edition"].as_str()), (Some("reported"), Some("2006")));
    let results = &body["results"];
    let overall = results["overall"]["score"].as_f64().expect("overall");
    assert!((overall - 22.0 / 6.0).abs() < 1e-12, "{overall}");
    assert_eq!(results["overall"]["stage"], 3);
    let scores = common::dimension_results(results);
    let expected = [("A", 4.0), ("B", 3.0), ("C", 5.0), ("D", 4.0), ("E", 4.0), ("F", 2.0)];
    assert_eq!(scores, expected.map(|(k, v)| (k.to_owned(), v, v as u64)).to_vec());
    assert_eq!(results["lowest"][0], "F");
    assert_eq!(results["agreement"]["pairs"], 24);
    assert!((results["agreement"]["exact"].as_f64().expect("exact") - 20.0 / 24.0).abs() < 1e-12);
    assert_eq!(results["agreement"]["within_one"].as_f64(), Some(1.0));
    let (_, listed) = viewer.api_get(&viewer_token, &format!("/api/v1/initiatives/{initiative}/assessments")).await;
    assert_eq!(listed[0]["id"].to_string(), overview.trim_start_matches("/assessments/"));
    assert_eq!(listed[0]["status"], "reported");
    let outsider_token = outsider.api_token("ida").await;
    assert_eq!(outsider.api_get(&outsider_token, &api_path).await.0, StatusCode::NOT_FOUND);

    // Results: every interview agreed 4, 3, 5, 4, 4, 2 → overall 22/6 = 3.67, stage 3 (truncated).
    let (status, results) = viewer.page(&format!("{overview}/results")).await;
    assert_eq!(status, StatusCode::OK, "reported results are open to viewers");
    assert!(results.contains("<strong>3,67</strong>"), "overall score");
    assert!(results.contains("Steg 3"), "overall stage");
    assert!(results.contains("<svg") && results.contains("role=\"img\""), "charts");
    assert!(results.contains("Börja här"), "the lowest dimensions are highlighted");
    assert!(results.contains("Viktad kappa"));
    assert!(!results.contains("{issue}"), "the issue's name is put into every text");
    let sheet = first.page(&format!("/interviews/{}/score", interviews[1])).await.1;
    assert!(!sheet.contains("{issue}") && sheet.contains("våld i nära relationer"));
    assert!(!results.contains("färre än fyra intervjuer"), "four interviews is enough");
    assert_eq!(
        viewer.page(&format!("/interviews/{}", interviews[0])).await.0,
        StatusCode::NOT_FOUND,
        "transcripts stay with the team"
    );
    // Viewers get the report, never per-interview material: no scores export, and no link to one.
    assert!(!results.contains("scores.csv") && !results.contains("scores.xlsx"), "no export links for viewers");
    for export in ["scores.csv", "scores.xlsx"] {
        let (status, body) = viewer.page(&format!("{overview}/{export}")).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{export}");
        assert!(!body.contains("Nyckelperson") && !body.contains("HEMLIGT"), "{export}");
    }

    // Reported means closed: no new informants, interviews, answers or consensus changes, and
    // the page says so (a new interview used to be taken, and the results then said an
    // interview lacked a consensus under "Rapporterad").
    let page = coordinator.page(&overview).await.1;
    assert!(page.contains("Mätningen är rapporterad och därmed stängd") && page.contains("/reopen"));
    assert!(!page.contains(&format!("action=\"{overview}/interviews\"")), "no form for a new interview");
    for (path, fields) in [
        (format!("{overview}/informants"), vec![("label", "Sen"), ("role", "Rektor"), ("sector", "Skola")]),
        (format!("{overview}/interviews"), vec![("held_on", "2026-11-27")]),
        (format!("/interviews/{}/answers/1", interviews[0]), vec![("answer_1", "Ändrat i efterhand")]),
    ] {
        let response = coordinator.post(&path, &fields).await;
        assert_eq!(response.status(), StatusCode::CONFLICT, "{path}");
        assert!(response.text().await.expect("body").contains("Mätningen är stängd"), "{path}");
    }
    let response = agree(&coordinator, &interviews[0], ["5", "3", "5", "4", "4", "2"]).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert!(coordinator.page(&format!("{overview}/results")).await.1.contains("<strong>3,67</strong>"), "unchanged");

    // Reopening asks first, is for coordinators, and is in the audit log; then changes are
    // possible again, and are logged as changes after the report.
    let (status, question) = coordinator.page(&format!("{overview}/reopen")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(question.contains("<h1>Öppna mätningen av Borås stad igen?</h1>"), "{question}");
    assert_eq!(first.post(&format!("{overview}/reopen"), &[]).await.status(), StatusCode::FORBIDDEN);
    let response = coordinator.post(&format!("{overview}/reopen"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(coordinator.page(&location(&response)).await.1.contains("Mätningen är öppnad igen"));
    assert_eq!(viewer.page(&format!("{overview}/results")).await.0, StatusCode::NOT_FOUND, "not reported now");
    assert_eq!(
        agree(&coordinator, &interviews[0], ["5", "3", "5", "4", "4", "2"]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(coordinator.post(&format!("{overview}/advance"), &[]).await.status(), StatusCode::SEE_OTHER);
    let admin = app.logged_in(org, "alva@boras.se", "Alva Admin", Role::Admin).await;
    let audit = admin.page("/audit").await.1;
    assert!(audit.contains("Öppnade igen"), "the reopening is logged");
    assert!(audit.contains("Ändrade efter rapport") && audit.contains("samstämning"));
    // Contact details are shown one informant at a time, and only that is a read in the log:
    // looking at the assessment's page reads nobody's details.
    let reads = |audit: &str| audit.matches("Läste · nyckelperson #").count();
    let before = reads(&audit);
    let page = coordinator.page(&overview).await.1;
    assert!(!page.contains("070-123 45 67"), "the overview shows no contact details");
    assert_eq!(reads(&admin.page("/audit").await.1), before, "viewing the overview reads no one's details");
    let contact =
        page.split("href=\"").filter_map(|s| s.split('"').next()).find(|h| h.ends_with("/contact")).expect("a link");
    let shown = coordinator.page(contact).await.1;
    assert!(shown.contains("070-123 45 67"));
    let audit = admin.page("/audit").await.1;
    assert_eq!(reads(&audit), before + 1, "showing one informant's details is one read");
    assert!(!audit.contains("070-123 45 67"), "no contact details in the audit log");

    // Erasing an informant asks first, then keeps the scores.
    let page = coordinator.page(&overview).await.1;
    let erase = page.split("/informants/").nth(1).and_then(|s| s.split('/').next()).expect("an informant").to_owned();
    let erase_path = format!("{overview}/informants/{erase}/erase");
    assert!(page.contains(&format!("href=\"{erase_path}\"")), "the list links to the question, it does not erase");
    let (status, question) = coordinator.page(&erase_path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(question.contains("<h1>Radera uppgifterna om Nyckelperson 1?</h1>"), "{question}");
    assert!(
        question.contains(&format!("action=\"{erase_path}\"")) && question.contains(&format!("href=\"{overview}\""))
    );
    assert!(coordinator.page(&overview).await.1.contains("Nyckelperson 1"), "asking erased nothing");
    let response = coordinator.post(&erase_path, &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let after = coordinator.page(&location(&response)).await.1;
    assert!(after.contains("Uppgifterna om nyckelpersonen är raderade."), "{after}");
    assert!(!after.contains("<td>Nyckelperson 1</td>"));
    assert_eq!(coordinator.page(&erase_path).await.0, StatusCode::NOT_FOUND, "already erased");
    assert!(coordinator.page(&format!("{overview}/results")).await.1.contains("Steg 3"));

    // Another organisation finds nothing.
    for path in [
        overview.clone(),
        format!("{overview}/results"),
        format!("{overview}/scores.csv"),
        format!("/interviews/{}", interviews[0]),
        format!("/interviews/{}/score", interviews[0]),
        format!("/interviews/{}/consensus", interviews[0]),
        format!("/initiatives/{initiative}/assessments/new"),
        format!("{overview}/informants/{erase}/erase"),
        format!("{overview}/reopen"),
    ] {
        let (status, body) = outsider.page(&path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(!body.contains(&html_escape("Nyckelperson")));
    }
    for path in [
        format!("{overview}/advance"),
        format!("{overview}/reopen"),
        format!("{overview}/informants"),
        format!("{overview}/interviews"),
        format!("/interviews/{}/answers", interviews[0]),
        format!("/interviews/{}/consensus", interviews[0]),
    ] {
        assert_eq!(
            outsider.post(&path, &[("label", "x"), ("role", "x"), ("sector", "x")]).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    app.stop().await;
}

/// The first numeric id linked under `prefix` (e.g. `/initiatives/`) on a page.
fn first_link_id(page: &str, prefix: &str) -> String {
    page.split(&format!("href=\"{prefix}"))
        .filter_map(|s| s.split('"').next())
        .find(|id| id.parse::<i64>().is_ok())
        .unwrap_or_else(|| panic!("no link to {prefix}<id>"))
        .to_owned()
}

/// Links to assessments on an initiative's page, newest first.
fn assessment_links(page: &str) -> Vec<String> {
    page.split("href=\"/assessments/").skip(1).filter_map(|s| s.split('"').next()).map(str::to_owned).collect()
}

#[tokio::test]
async fn reports_exports_action_plan_change_over_time_and_the_county_portfolio() {
    use parat_store::demo::{self, DemoSize, DEMO_PASSWORD};
    let app = TestApp::spawn().await;
    demo::generate(&app.db, DemoSize::Small).await.expect("demo data");
    let admin = app.browser();
    admin.login("admin@demo.parat.se", DEMO_PASSWORD).await;

    // Borås's first initiative carries two assessments: one reported, a newer one mid-scoring.
    let list = admin.page("/initiatives?q=Hedersrelaterat").await.1;
    let initiative = first_link_id(&list, "/initiatives/");
    let links = assessment_links(&admin.page(&format!("/initiatives/{initiative}")).await.1);
    assert_eq!(links.len(), 2, "{links:?}");
    let (newer, older) = (&links[0], &links[1]);
    // The demo's assessments ask about their initiative's own topic.
    let overview = admin.page(&format!("/assessments/{older}")).await.1;
    assert!(overview.contains("hedersrelaterat våld och förtryck") && !overview.contains("våld i nära relationer"));
    // And its completed initiatives have ended.
    let token = admin.api_token("demo").await;
    let (_, completed) = admin.api_get(&token, "/api/v1/initiatives?status=completed").await;
    let today = parat_store::now_date().to_string();
    let items = completed["items"].as_array().expect("items");
    assert!(!items.is_empty());
    for item in items {
        assert!(item["end_date"].as_str().is_some_and(|end| end < today.as_str()), "{item}");
    }
    let results = admin.page(&format!("/assessments/{newer}/results")).await.1;
    assert!(results.contains("Förändring sedan"), "change per dimension since the last assessment");
    assert!(results.contains(&format!("/assessments/{older}/results")));
    assert!(
        results.contains("En intervju saknar ännu samstämda poäng"),
        "the unscored interview is left out, and said so"
    );

    // Documents.
    let pdf = admin.get(&format!("/assessments/{older}/report.pdf")).await;
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.expect("bytes").starts_with(b"%PDF"));
    let guide = admin.get(&format!("/assessments/{older}/guide.pdf")).await;
    assert!(guide.bytes().await.expect("bytes").starts_with(b"%PDF"));
    let xlsx = admin.get(&format!("/assessments/{older}/scores.xlsx")).await;
    assert!(xlsx.headers()["content-type"].to_str().expect("type").contains("spreadsheetml"));
    // The export numbers interviews as the pages do (1, 2, …), not by database id (the demo's
    // newer assessment is its second, so its interviews' ids do not start at 1).
    let csv = admin.page(&format!("/assessments/{newer}/scores.csv")).await.1;
    let numbers: std::collections::BTreeSet<i64> =
        csv.lines().skip(1).filter_map(|line| line.split(';').next()?.parse().ok()).collect();
    let count = numbers.len() as i64;
    assert!(count >= 4 && numbers.into_iter().eq(1..=count), "{csv}");
    // Reports and exports hold personal data: no browser or proxy keeps a copy.
    for path in ["report.pdf", "guide.pdf", "scores.xlsx", "scores.csv", "results"] {
        let response = admin.get(&format!("/assessments/{older}/{path}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
        // Files are named in the reader's language after what was measured.
        if let Some(disposition) = response.headers().get("content-disposition").and_then(|v| v.to_str().ok()) {
            assert!(
                disposition.contains("filename*=UTF-8''Beredskap%20")
                    || disposition.contains("filename*=UTF-8''Intervjuguide%20"),
                "{path}: {disposition}"
            );
            assert!(!disposition.contains("parat-assessment"), "{disposition}");
        }
    }
    let workbook = xlsx.bytes().await.expect("bytes");
    assert!(workbook.starts_with(b"PK"));
    // Three sheets: a summary of the results, every score, the action plan.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(workbook.to_vec())).expect("an XLSX is a zip");
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).expect(name), &mut text).expect("utf-8");
        text
    };
    let sheets = read("xl/workbook.xml");
    assert!(sheets.contains("name=\"Sammanfattning\"") && sheets.contains("name=\"Poäng\""), "{sheets}");
    assert!(sheets.contains("name=\"Handlingsplan\""), "{sheets}");
    let strings = read("xl/sharedStrings.xml");
    assert!(strings.contains("A. Insatser") && strings.contains("Sammanvägd poäng"), "the summary names dimensions");

    // The action plan: a proposed strategy with who and when; a missing "who" keeps what was typed.
    let path = format!("/assessments/{older}/actions");
    let response = admin
        .post(
            &path,
            &[("strategy", "0"), ("what", "Eget förslag som ska finnas kvar"), ("who", ""), ("due_on", "2027-03-01")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.expect("body");
    assert!(body.contains("Eget förslag som ska finnas kvar") && body.contains("value=\"2027-03-01\""));
    assert_eq!(
        admin.post(&path, &[("strategy", "0"), ("who", "Styrgruppen"), ("due_on", "2027-03-01")]).await.status(),
        StatusCode::SEE_OTHER
    );
    let results = admin.page(&format!("/assessments/{older}/results")).await.1;
    assert!(results.contains("Styrgruppen") && results.contains("2027-03-01"));

    // Tasks: a due date that has passed is refused for a new task; an owner is one of the
    // organisation's people; a task is changed, marked done (with the date) and exported.
    let past = admin.post(&path, &[("what", "För sent"), ("who", "Någon"), ("due_on", "2020-01-01")]).await;
    assert_eq!(past.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(past.text().await.expect("body").contains("Datumet har redan passerat."));
    let owner = results
        .split("id=\"f-owner_id\"")
        .nth(1)
        .and_then(|s| s.split("<option value=\"").nth(2))
        .and_then(|s| s.split('"').next())
        .expect("a person to choose")
        .to_owned();
    let added = admin
        .post(&path, &[("what", "Ordna en träff med rektorerna"), ("owner_id", &owner), ("due_on", "2027-01-15")])
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let results = admin.page(&format!("/assessments/{older}/results")).await.1;
    let edit = results
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|href| href.ends_with("/edit") && href.contains("/actions/"))
        .expect("an edit link")
        .to_owned();
    let task = edit.trim_end_matches("/edit").to_owned();
    let (status, form) = admin.page(&edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("value=\"Ordna en träff med rektorerna\""), "{form}");
    let changed = admin
        .post(
            &task,
            &[
                ("what", "Ordna en träff med rektorerna"),
                ("owner_id", &owner),
                ("due_on", "2027-01-20"),
                ("status", "in_progress"),
            ],
        )
        .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    assert!(admin.page(&format!("/assessments/{older}/results")).await.1.contains("Pågår"));
    assert_eq!(admin.post(&format!("{task}/done"), &[]).await.status(), StatusCode::SEE_OTHER);
    let results = admin.page(&format!("/assessments/{older}/results")).await.1;
    assert!(results.contains("Klar"), "marked done");
    // An owner's open tasks are on their home page, overdue ones first.
    let added = admin
        .post(&path, &[("what", "Boka lokal för uppstarten"), ("owner_id", &owner), ("due_on", "2027-02-01")])
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    overdue_in_database(&app, "Boka lokal för uppstarten").await;
    let owner_browser = app.browser();
    let owner_email = admin.page("/members").await.1;
    let owner_email = owner_email
        .split(&format!("/members/{owner}"))
        .next()
        .and_then(|before| before.rsplit("<td>").find(|cell| cell.contains('@')))
        .and_then(|cell| cell.split('<').next())
        .expect("the owner's e-mail")
        .to_owned();
    owner_browser.login(&owner_email, DEMO_PASSWORD).await;
    let home = owner_browser.page("/").await.1;
    let late = home.find("Boka lokal för uppstarten").expect("the overdue task is listed");
    assert!(home[late..].contains("Försenad"), "marked overdue");
    if let Some(other) = home.find("Styrgruppen") {
        assert!(late < other, "overdue first");
    }
    let csv = admin.page(&format!("/assessments/{older}/actions.csv")).await.1;
    assert!(
        csv.starts_with('\u{feff}') && csv.contains("Ordna en träff med rektorerna") && csv.contains(";Klar;"),
        "{csv}"
    );

    // A viewer reads the reported assessment's results, not the one still being scored.
    let viewer = app.browser();
    viewer.login("styrgrupp@demo.parat.se", DEMO_PASSWORD).await;
    assert_eq!(viewer.page(&format!("/assessments/{older}/results")).await.0, StatusCode::OK);
    assert_eq!(viewer.page(&format!("/assessments/{newer}/results")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(viewer.post(&path, &[("who", "Jag")]).await.status(), StatusCode::FORBIDDEN);

    // A municipality has no portfolio in its menu, and reads its own results on its own pages.
    assert!(!admin.page("/").await.1.contains("href=\"/portfolio\""));
    assert_eq!(admin.page(&format!("/portfolio/{older}")).await.0, StatusCode::NOT_FOUND);

    // The county board's portfolio: its municipalities, not Stockholm's district.
    let orgs = admin.page("/organisations").await.1;
    let county = orgs
        .split("name=\"org_id\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the other organisation")
        .to_owned();
    admin.post("/organisations/switch", &[("org_id", &county)]).await;
    assert!(admin.page("/organisations").await.1.contains("href=\"/portfolio\""));
    let (status, portfolio) = admin.page("/portfolio").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        portfolio.contains("Borås stad")
            && portfolio.contains("Alingsås kommun")
            && portfolio.contains("Lerums kommun")
    );
    assert!(!portfolio.contains("Skärholmen"), "another county's district is not in the portfolio");
    assert!(portfolio.contains("class=\"stage stage-"), "stages per dimension, coloured");
    // In the menu; dimensions named; the overall score is a score and the stage a stage; the
    // legend shows its colours; each reported row links to its results.
    assert!(admin.page("/").await.1.contains("href=\"/portfolio\""), "in the county board's menu");
    assert!(portfolio.contains("A. Insatser") && portfolio.contains("F. Resurser"), "dimensions named");
    assert!(portfolio.contains("Poäng totalt") && portfolio.contains("Steg totalt"));
    assert!(portfolio.contains("<td class=\"number\">") && portfolio.contains("class=\"swatch stage-1\""));
    assert!(portfolio.contains(&format!("href=\"/portfolio/{older}\"")), "rows link to their results");
    assert!(!portfolio.contains(&format!("href=\"/portfolio/{newer}\"")), "not before it is reported");
    let (status, report) = admin.page(&format!("/portfolio/{older}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(report.contains("Resultatet av den rapporterade mätningen i Borås stad") && report.contains("<svg"));
    assert!(!report.contains("Nyckelperson") && !report.contains("/interviews/"), "no interviews");
    assert_eq!(admin.page(&format!("/portfolio/{newer}")).await.0, StatusCode::NOT_FOUND, "not reported yet");
    let filtered = admin.page("/portfolio?status=scoring").await.1;
    assert!(filtered.contains("Borås stad") && !filtered.contains("Alingsås kommun"));
    let csv = admin.page("/portfolio.csv").await.1;
    assert!(csv.starts_with('\u{feff}') && csv.contains("Alingsås kommun;"));
    // The county board reads stages, not its municipalities' interviews.
    assert_eq!(admin.page(&format!("/assessments/{older}")).await.0, StatusCode::NOT_FOUND);
    app.stop().await;
}

fn docx_with(text: &str) -> Vec<u8> {
    docx_of_body(&format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"))
}

fn docx_of_body(body: &str) -> Vec<u8> {
    use std::io::Write;
    let mut buffer = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buffer);
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).expect("entry");
    let xml = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    zip.write_all(xml.as_bytes()).expect("write");
    zip.finish().expect("finish");
    buffer.into_inner()
}

#[tokio::test]
async fn transcripts_upload_as_text_or_word_documents() {
    use parat_store::demo::{self, DemoSize, DEMO_PASSWORD};
    let app = TestApp::spawn().await;
    demo::generate(&app.db, DemoSize::Small).await.expect("demo data");
    let coordinator = app.browser();
    coordinator.login("samordnare@demo.parat.se", DEMO_PASSWORD).await;
    let list = coordinator.page("/initiatives?q=Hedersrelaterat").await.1;
    let initiative = first_link_id(&list, "/initiatives/");
    let assessment = assessment_links(&coordinator.page(&format!("/initiatives/{initiative}")).await.1)[0].clone();
    let overview = coordinator.page(&format!("/assessments/{assessment}")).await.1;
    let interview = first_link_id(&overview, "/interviews/");
    let path = format!("/interviews/{interview}/transcript/upload");
    let upload = |name: &'static str, bytes: Vec<u8>| coordinator.upload(&path, &[], name, bytes);

    let response = upload("intervju.txt", "Utskrift i UTF-8: åäö.".as_bytes().to_vec()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(coordinator.page(&format!("/interviews/{interview}")).await.1.contains("Utskrift i UTF-8: åäö."));
    // UTF-16 as Windows' Notepad saves "Unicode": it was read as Latin-1 ("ÿþhej åäö").
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("UTF-16-utskrift: hej åäö".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(upload("unicode.txt", utf16).await.status(), StatusCode::SEE_OTHER);
    let page = coordinator.page(&format!("/interviews/{interview}")).await.1;
    assert!(page.contains("UTF-16-utskrift: hej åäö") && !page.contains("ÿþ"), "decoded by its byte-order mark");
    let latin1: Vec<u8> = "Gammal fil: åäö".chars().map(|c| c as u8).collect();
    assert_eq!(upload("gammal.TXT", latin1).await.status(), StatusCode::SEE_OTHER);
    assert!(coordinator.page(&format!("/interviews/{interview}")).await.1.contains("Gammal fil: åäö"));
    assert_eq!(upload("intervju.docx", docx_with("Från Word: æøå")).await.status(), StatusCode::SEE_OTHER);
    assert!(coordinator.page(&format!("/interviews/{interview}")).await.1.contains("Från Word: æøå"));

    let response = upload("bild.pdf", b"%PDF-1.7".to_vec()).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.expect("body").contains("Filen kunde inte läsas"));
    assert_eq!(upload("trasig.docx", b"PK but not really".to_vec()).await.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A hostile document: paragraphs nested 200 000 deep, a few kilobytes. It cost 24 s of CPU
    // before the reader became linear and bounded; now it is refused at once, with the reason.
    let nested = docx_of_body(&format!("{}x{}", "<w:p>".repeat(200_000), "</w:p>".repeat(200_000)));
    let started = std::time::Instant::now();
    let response = upload("djup.docx", nested).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    assert!(response.text().await.expect("body").contains("Filens uppbyggnad är för djup"));
    // Text that is no known encoding is refused rather than shown garbled.
    let response = upload("binar.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.expect("body").contains("Texten i filen kunde inte tolkas"));
    assert!(
        coordinator.page(&format!("/interviews/{interview}")).await.1.contains("Från Word: æøå"),
        "a refused upload changes nothing"
    );

    // Without the form's token the upload is refused.
    let form =
        reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(b"x".to_vec()).file_name("a.txt"));
    let refused = coordinator
        .client
        .post(coordinator.url(&format!("/interviews/{interview}/transcript/upload")))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    // Large files are accepted up to the limit, which is above the general form limit.
    let big = "Lång utskrift. ".repeat(20_000);
    assert_eq!(upload("lang.txt", big.into_bytes()).await.status(), StatusCode::SEE_OTHER);
    app.stop().await;
}

#[tokio::test]
async fn an_organisation_loads_its_own_licensed_texts_as_an_instrument() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let admin = app.logged_in(org, "alva@boras.se", "Alva Admin", Role::Admin).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara", Role::Coordinator).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;

    // Parat's own definition is the starting point.
    let (status, shipped) = admin.page("/instruments/crm-2014.toml").await;
    assert_eq!(status, StatusCode::OK);
    let licensed = shipped.replacen("id = \"crm-2014\"", "id = \"crm-2014-licens\"", 1).replacen(
        "anchors = [\n",
        "anchors = [\n  { sv = \"LICENSIERAD NIVÅ ETT\", da = \"LICENSERET\", en = \"LICENSED\" },\n",
        1,
    );
    // One anchor too many is refused with the reason, and the text stays in the form.
    let response = admin.post("/instruments", &[("definition", &licensed)]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.expect("body");
    assert!(body.contains("10 anchored statements") && body.contains("LICENSIERAD NIVÅ ETT"));
    let fixed = licensed.replacen(
        "anchors = [\n  { sv = \"LICENSIERAD NIVÅ ETT\", da = \"LICENSERET\", en = \"LICENSED\" },\n",
        "anchors = [\n",
        1,
    );
    let fixed = {
        // Replace the first anchor of dimension A with the licensed wording.
        let start = fixed.find("anchors = [\n").expect("anchors") + "anchors = [\n".len();
        let end = start + fixed[start..].find('\n').expect("line");
        format!(
            "{}  {{ sv = \"LICENSIERAD NIVÅ ETT\", da = \"LICENSERET\", en = \"LICENSED\" }},{}",
            &fixed[..start],
            &fixed[end..]
        )
    };
    assert_eq!(
        coordinator.post("/instruments", &[("definition", &fixed)]).await.status(),
        StatusCode::FORBIDDEN,
        "administrators load instruments"
    );
    assert_eq!(admin.post("/instruments", &[("definition", &fixed)]).await.status(), StatusCode::SEE_OTHER);
    let page = admin.page("/instruments").await.1;
    let key = page
        .split("href=\"/instruments/org-")
        .nth(1)
        .and_then(|s| s.split(".toml").next())
        .map(|id| format!("org-{id}"))
        .expect("own instrument listed");
    assert_eq!(
        outsider.page(&format!("/instruments/{key}.toml")).await.0,
        StatusCode::NOT_FOUND,
        "another organisation's texts stay theirs"
    );

    // An assessment by the own instrument shows its texts to the scorers.
    let response = coordinator.post("/initiatives", &[("name", "ANDT"), ("topic", "andt_prevention")]).await;
    let initiative = common::id_from_location(&location(&response));
    assert!(coordinator
        .page(&format!("/initiatives/{initiative}/assessments/new"))
        .await
        .1
        .contains(&format!("value=\"{key}\"")));
    let (bo, bea) = {
        app.user("bo@boras.se", "Bo").await;
        app.member(org, "bo@boras.se", Role::Scorer).await;
        app.user("bea@boras.se", "Bea").await;
        app.member(org, "bea@boras.se", Role::Scorer).await;
        (user_id(&app, "bo@boras.se").await, user_id(&app, "bea@boras.se").await)
    };
    let response = coordinator
        .post(
            &format!("/initiatives/{initiative}/assessments"),
            &[
                ("instrument", &key),
                ("measured", "Borås"),
                ("issue", "alkohol och droger"),
                ("scorers", &bo),
                ("scorers", &bea),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let assessment = id_after(&location(&response), "/assessments/");
    coordinator.post(&format!("/assessments/{assessment}/advance"), &[]).await;
    let response = coordinator.post(&format!("/assessments/{assessment}/interviews"), &[("held_on", "")]).await;
    let interview = id_after(&location(&response), "/interviews/");
    coordinator.post(&format!("/assessments/{assessment}/advance"), &[]).await;
    let scorer = Browser::new(app.url(""));
    scorer.login("bo@boras.se", common::PASSWORD).await;
    let sheet = scorer.page(&format!("/interviews/{interview}/score")).await.1;
    assert!(sheet.contains("LICENSIERAD NIVÅ ETT"), "the licensed anchor is on the scoring sheet");
    assert!(
        sheet.contains("name=\"level_E\"") && !sheet.contains("name=\"level_F\""),
        "five dimensions: the 2014 edition"
    );
    app.stop().await;
}

/// Going on to scoring with fewer than four interviews asks first and says why; with the
/// answer "go on anyway" it moves on.
#[tokio::test]
async fn scoring_with_fewer_than_four_interviews_asks_first() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let coordinator = app.logged_in(org, "lo@lerum.se", "Lo Samordnare", Role::Coordinator).await;
    app.logged_in(org, "bo@lerum.se", "Bo", Role::Scorer).await;
    app.logged_in(org, "bea@lerum.se", "Bea", Role::Scorer).await;
    let (bo, bea) = (user_id(&app, "bo@lerum.se").await, user_id(&app, "bea@lerum.se").await);
    let response = coordinator.post("/initiatives", &[("name", "ANDT i skolan"), ("topic", "andt_prevention")]).await;
    let initiative = common::id_from_location(&location(&response));
    let response = coordinator
        .post(
            &format!("/initiatives/{initiative}/assessments"),
            &[
                ("instrument", "crm-2006"),
                ("measured", "Lerum"),
                ("issue", "ANDT"),
                ("scorers", &bo),
                ("scorers", &bea),
            ],
        )
        .await;
    let overview = format!("/assessments/{}", id_after(&location(&response), "/assessments/"));
    assert_eq!(coordinator.post(&format!("{overview}/advance"), &[]).await.status(), StatusCode::SEE_OTHER);
    let response = coordinator.post(&format!("{overview}/interviews"), &[("held_on", "2026-11-20")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // Saving answers as one types is no read of the interview in the audit log; opening it is.
    let interview = id_after(&location(&response), "/interviews/");
    let admin = app.logged_in(org, "alva@lerum.se", "Alva Admin", Role::Admin).await;
    let reads = |audit: String| audit.matches("Läste · intervju").count();
    let before = reads(admin.page("/audit").await.1);
    for text in ["Vi", "Vi har", "Vi har en plan."] {
        let saved = coordinator.post(&format!("/interviews/{interview}/answers/0"), &[("answer_0", text)]).await;
        assert_eq!(saved.status(), StatusCode::NO_CONTENT);
    }
    assert_eq!(reads(admin.page("/audit").await.1), before, "saving is not reading");
    assert!(coordinator.page(&format!("/interviews/{interview}")).await.1.contains("Vi har en plan."));
    assert_eq!(reads(admin.page("/audit").await.1), before + 1, "opening the interview is one read");

    let response = coordinator.post(&format!("{overview}/advance"), &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let question = response.text().await.expect("body");
    assert!(
        question.contains("färre än fyra intervjuer") && question.contains("Mätningen har 1 intervju."),
        "{question}"
    );
    assert!(question.contains("name=\"confirm\" value=\"yes\""), "{question}");
    assert!(coordinator.page(&overview).await.1.contains("badge assessment-interviewing"), "still interviewing");
    let response = coordinator.post(&format!("{overview}/advance"), &[("confirm", "yes")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(coordinator.page(&overview).await.1.contains("badge assessment-scoring"), "scoring now");
    app.stop().await;
}

/// Moves a task's due date into the past, as time passing would (the pages refuse past dates).
async fn overdue_in_database(app: &TestApp, what: &str) {
    let sql = "UPDATE action_items SET due_on = '2020-01-01' WHERE what = $1";
    assert_eq!(app.execute(sql, what).await, 1);
}

/// An ORIC response through a round's open link: five commitment and seven efficacy answers.
async fn oric_answer(app: &TestApp, link: &str, commitment: [u8; 5], efficacy: [u8; 7]) {
    let mut fields: Vec<(String, String)> =
        commitment.iter().enumerate().map(|(i, v)| (format!("a-c{}", i + 1), v.to_string())).collect();
    fields.extend(efficacy.iter().enumerate().map(|(i, v)| (format!("a-e{}", i + 1), v.to_string())));
    fields.push(("action".into(), "submit".into()));
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let respondent = app.browser();
    respondent.get(link).await;
    assert_eq!(respondent.post(link, &borrowed).await.status(), StatusCode::OK);
}

/// The open link on a page that has just made a round.
fn open_link_in(page: &str) -> String {
    let start = page.find("/q/").expect("an open link");
    format!("/q/{}", &page[start + 3..start + 67])
}

#[tokio::test]
async fn an_initiatives_readiness_over_time_and_its_surveys_in_the_county_portfolio() {
    use parat_store::readiness::AssessmentBuilder;
    let app = TestApp::spawn().await;
    let county = app.organisation("Länsstyrelsen Västra Götaland", OrgKind::CountyBoard, None).await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, Some(county)).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let board = app.logged_in(county, "lena@lansstyrelsen.se", "Lena Län", Role::Admin).await;
    let response = coordinator.post("/initiatives", &[("name", "IPS"), ("topic", "integration")]).await;
    let initiative = common::id_from_location(&location(&response));
    let (_, page) = coordinator.page(&format!("/initiatives/{initiative}/readiness")).await;
    assert!(page.contains("Insatsen har ännu ingen rapporterad mätning"), "{page}");

    // A reported CRM assessment: A 4, B 3, C 5, D 4, E 4, F 2 in every interview; overall 22/6.
    let admin = app.admin_scope(org).await;
    let first = app.scope_of(org, "bo@boras.se", Role::Scorer).await;
    let second = app.scope_of(org, "bea@boras.se", Role::Scorer).await;
    AssessmentBuilder::new(&admin, [&first, &second], initiative)
        .interview([4, 3, 5, 4, 4, 2])
        .interview([4, 3, 5, 4, 4, 2])
        .interview([4, 3, 5, 4, 4, 2])
        .reported()
        .build(&app.db)
        .await
        .expect("assessment");

    // Two ORIC rounds with a threshold of 3: three answers in the first, two in the second.
    let make = |title: &'static str| {
        let coordinator = &coordinator;
        async move {
            let fields = [
                ("questionnaire", "oric"),
                ("title", title),
                ("issue", "IPS"),
                ("anonymous", "on"),
                ("open_link", "on"),
                ("threshold", "3"),
            ];
            let made = coordinator.post(&format!("/initiatives/{initiative}/rounds"), &fields).await;
            assert_eq!(made.status(), StatusCode::CREATED);
            open_link_in(&made.text().await.expect("body"))
        }
    };
    let spring = make("Våren").await;
    let answers: [([u8; 5], [u8; 7]); 3] = [
        ([4, 4, 4, 4, 4], [2, 3, 3, 3, 3, 3, 3]),
        ([5, 4, 4, 4, 4], [1, 3, 3, 3, 3, 4, 3]),
        ([3, 4, 4, 4, 4], [3, 3, 3, 3, 3, 4, 3]),
    ];
    for (commitment, efficacy) in answers {
        oric_answer(&app, &spring, commitment, efficacy).await;
    }
    let autumn = make("Hösten").await;
    for (commitment, efficacy) in &answers[..2] {
        oric_answer(&app, &autumn, *commitment, *efficacy).await;
    }

    let (status, page) = coordinator.page(&format!("/initiatives/{initiative}/readiness")).await;
    assert_eq!(status, StatusCode::OK);
    // The CRM: overall 22/6 = 3,67; F (2) and B (3) are the two lowest.
    assert!(page.contains("3,67"), "{page}");
    for key in ["B", "F"] {
        assert!(
            page.contains(&format!("<tr class=\"lowest\"><th scope=\"row\">{key} ")),
            "{key} marked lowest: {page}"
        );
    }
    assert!(!page.contains("<tr class=\"lowest\"><th scope=\"row\">A "));
    // ORIC by hand: commitment (4 + 4.2 + 3.8) / 3 = 4; efficacy (20/7 + 20/7 + 22/7) / 3 = 62/21.
    assert!(page.contains("<td>4,00</td>") && page.contains(&format!("<td>{}</td>", swedish(62.0 / 21.0))), "{page}");
    // The autumn round has two answers, under the threshold: dashes, and no lowest areas.
    assert!(page.contains("n = 2") && page.contains("<td>–</td>"), "{page}");
    assert!(!page.contains("Lägst i den senaste omgången"), "the latest round is under the threshold");

    // The county board sees the spring round's means in its portfolio, the autumn's as dashes.
    let (status, portfolio) = board.page("/portfolio").await;
    assert_eq!(status, StatusCode::OK);
    assert!(portfolio.contains("Enkäter om beredskap") && portfolio.contains("Borås stad"), "{portfolio}");
    assert!(portfolio.contains("<td class=\"number\">4,00</td>"), "{portfolio}");
    assert!(!coordinator.page("/portfolio").await.1.contains("Enkäter om beredskap"), "a municipality has no members");

    // A third autumn answer: statement by statement, e1 (2 + 1 + 3) / 3 = 2 is lowest; e2–e5 and
    // e7 tie second at 3; e6 is 11/3 and the commitment statements 4.
    oric_answer(&app, &autumn, answers[2].0, answers[2].1).await;
    let (_, page) = coordinator.page(&format!("/initiatives/{initiative}/readiness")).await;
    let oric = parat_core::questionnaire::builtin_by_id("oric").expect("oric");
    let text =
        |id: &str| html_escape(&oric.item(id).expect("item").text.with_issue(parat_core::locale::Locale::Sv, "IPS"));
    let lowest = page.split("Lägst i den senaste omgången").nth(1).expect("lowest areas listed");
    let lowest = lowest.split("</ol>").next().unwrap_or_default();
    assert!(
        lowest.starts_with(&format!("</h3><ol><li>{} <span class=\"count\">(2,00)</span>", text("e1"))),
        "{lowest}"
    );
    for id in ["e2", "e3", "e4", "e5", "e7"] {
        assert!(lowest.contains(&text(id)), "{id} ties second: {lowest}");
    }
    assert!(!lowest.contains(&text("e6")) && !lowest.contains(&text("c1")));
    app.stop().await;
}

/// A number as Swedish pages write it: two decimals and a decimal comma.
fn swedish(value: f64) -> String {
    format!("{value:.2}").replace('.', ",")
}
