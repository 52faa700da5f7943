//! Readiness campaigns over HTTP: a county board offers measurements to chosen organisations
//! under it; each answers on its own offer (interest or no thanks), the board follows them on its
//! board, filters and exports it, and approves — which makes the planned assessment in the
//! organisation's name. Statuses, overdue marks and the price split are checked against what is
//! written out here; every other organisation finds nothing.

use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;
use serde_json::json;

use crate::common::TestApp;

mod county;
mod mail;
mod survey;

async fn number(app: &TestApp, sql: &str) -> i64 {
    app.text(&format!("SELECT CAST(({sql}) AS TEXT)")).await.and_then(|n| n.parse().ok()).expect(sql)
}

/// A number as the pages write it in Swedish: two decimals, a decimal comma, a true minus.
fn two_decimals(value: f64) -> String {
    format!("{value:.2}").replace('.', ",").replace('-', "\u{2212}")
}

/// The cells of the HTML table row whose header starts with `first`, tags stripped.
fn cells(page: &str, first: &str) -> Vec<String> {
    let start = page.find(&format!("<th scope=\"row\">{first}")).unwrap_or_else(|| panic!("{first} in {page}"));
    let row = &page[start..page[start..].find("</tr>").map_or(page.len(), |e| start + e)];
    row.split("</t")
        .filter_map(|part| part.rfind('>').map(|i| part[i + 1..].to_owned()))
        .filter(|c| !c.starts_with('h') && !c.starts_with('d'))
        .collect()
}

/// The board's row of one organisation: the table row's text from its name on.
fn row_of<'a>(page: &'a str, organisation: &str) -> &'a str {
    let start = page.find(&format!(">{organisation}</a></th>")).unwrap_or_else(|| panic!("{organisation}"));
    let end = page[start..].find("</tr>").map_or(page.len(), |e| start + e);
    &page[start..end]
}

#[tokio::test]
async fn a_board_offers_measurements_follows_the_answers_and_approves_with_an_assessment() {
    let app = TestApp::spawn().await;
    let board = app.organisation("Länsstyrelsen Västra Götaland", OrgKind::CountyBoard, None).await;
    let boras = app.organisation("Borås stad", OrgKind::Municipality, Some(board)).await;
    let alingsas = app.organisation("Alingsås kommun", OrgKind::Municipality, Some(board)).await;
    let stockholm = app.organisation("Stockholms stad", OrgKind::Municipality, Some(board)).await;
    let district = app.organisation("Skärholmens stadsdelsförvaltning", OrgKind::District, Some(stockholm)).await;
    let outside = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let contractor = app.organisation("Beredskapskonsult AB", OrgKind::Other, None).await;
    let lena = app.logged_in(board, "lena@lansstyrelsen.se", "Lena Länsstyrelse", Role::Coordinator).await;
    let vera = app.logged_in(board, "vera@lansstyrelsen.se", "Vera Läsare", Role::Viewer).await;
    let sara = app.logged_in(boras, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let bo = app.logged_in(boras, "bo@boras.se", "Bo Läsare", Role::Viewer).await;
    let alma = app.logged_in(alingsas, "alma@alingsas.se", "Alma Alingsås", Role::Coordinator).await;
    let sten = app.logged_in(district, "sten@skarholmen.se", "Sten Skärholmen", Role::Coordinator).await;
    let olle = app.logged_in(outside, "olle@lerum.se", "Olle Lerum", Role::Coordinator).await;
    let karin = app.logged_in(contractor, "karin@konsult.se", "Karin Konsult", Role::Scorer).await;
    let nils = app.logged_in(contractor, "nils@konsult.se", "Nils Konsult", Role::Scorer).await;

    // Only those who manage make a campaign; the form offers the organisations under the board.
    assert_eq!(vera.get("/campaigns/new").await.status(), StatusCode::FORBIDDEN);
    let (status, form) = lena.page("/campaigns/new").await;
    assert_eq!(status, StatusCode::OK);
    for name in ["Borås stad", "Alingsås kommun", "Skärholmens stadsdelsförvaltning (Stadsdel)", "Beredskapskonsult AB"]
    {
        assert!(form.contains(name), "{name} in the form");
    }
    assert_eq!(form.matches("Lerums kommun").count(), 1, "a contractor, never offered");

    let (board_text, boras_text, alingsas_text, district_text, contractor_text) =
        (board.to_string(), boras.to_string(), alingsas.to_string(), district.to_string(), contractor.to_string());
    let fields = vec![
        ("name", "Beredskap mot våld 2026"),
        ("topics", "violence_close_relationships"),
        ("topics", "honour_related_violence"),
        ("instrument_id", "crm-2014"),
        ("starts_on", "2026-01-15"),
        ("ends_on", "2099-12-15"),
        ("answer_by", "2026-02-28"),
        ("offer_text", "Länsstyrelsen erbjuder en mätning med återkoppling."),
        ("reference", "Dnr 851-1234-2026"),
        ("price", "60 000"),
        ("board_share", "50"),
        ("contractor_id", &contractor_text),
        ("audience", "chosen"),
        ("offered", &boras_text),
        ("offered", &alingsas_text),
        ("offered", &district_text),
    ];
    // Refused, nothing lost: an organisation outside the board, a price that is no amount.
    let outside_text = outside.to_string();
    let mut refused = fields.clone();
    refused.retain(|(k, _)| *k != "price");
    refused.extend([("price", "sextio tusen"), ("offered", outside_text.as_str())]);
    let (status, shown) = lena.post_page("/campaigns", &refused).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains("href=\"#f-price\"") && shown.contains("Länsstyrelsen erbjuder en mätning"), "{shown}");
    refused.retain(|(k, _)| *k != "price");
    refused.push(("price", "60 000"));
    let (status, shown) = lena.post_page("/campaigns", &refused).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "Lerum is not under the board");
    assert!(shown.contains("href=\"#f-offered\""), "{shown}");
    let own: Vec<(&str, &str)> =
        fields.iter().map(|(k, v)| if *k == "contractor_id" { (*k, board_text.as_str()) } else { (*k, *v) }).collect();
    let (status, _) = lena.post_page("/campaigns", &own).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "the board is not its own contractor");
    assert_eq!(number(&app, "SELECT COUNT(*) FROM campaigns").await, 0, "nothing written");
    let made = lena.post("/campaigns", &fields).await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let campaign = number(&app, "SELECT id FROM campaigns").await;
    let offer_of = |org: i64| format!("SELECT id FROM campaign_offers WHERE org_id = {org}");
    let (boras_offer, alingsas_offer) = (number(&app, &offer_of(boras)).await, number(&app, &offer_of(alingsas)).await);
    let board_page = format!("/campaigns/{campaign}");

    // The answer date has passed: every organisation still to answer is overdue.
    let (_, shown) = lena.page(&board_page).await;
    for name in ["Borås stad", "Alingsås kommun", "Skärholmens stadsdelsförvaltning"] {
        let row = row_of(&shown, name);
        assert!(row.contains("Erbjuden") && row.contains("Försenad"), "{row}");
    }
    assert!(!shown.contains("Stockholms stad"), "not chosen");
    // No SMTP server here: no reminder button, and a reminder is refused with the reason.
    assert!(shown.contains("E-post är inte inställt i Parat") && !shown.contains("/remind"), "{shown}");
    let refused = lena.post(&format!("{board_page}/remind"), &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The offer on Borås's home page and its own page, with what Borås pays: half of 60 000 kr.
    let (_, home) = sara.page("/").await;
    assert!(home.contains(&format!("href=\"/offers/{boras_offer}\"")) && home.contains("Beredskap mot våld 2026"));
    let offer_page = format!("/offers/{boras_offer}");
    let (status, offer) = sara.page(&offer_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(offer.contains("<dd>30\u{a0}000 kr</dd>") && offer.contains("Dnr 851-1234-2026"), "{offer}");
    for (who, expected) in
        [(&olle, StatusCode::NOT_FOUND), (&alma, StatusCode::NOT_FOUND), (&lena, StatusCode::NOT_FOUND)]
    {
        assert_eq!(who.get(&offer_page).await.status(), expected, "another organisation's offer");
    }

    // Interest: a topic the campaign does not offer is refused by name, the contact kept.
    let interest = |topic: &'static str| {
        vec![
            ("topic", topic),
            ("contact_name", "Kim Kontakt"),
            ("contact_email", "kim@boras.se"),
            ("informant_roles", "Socialchef\nRektor"),
            ("preferred_weeks", "Vecka 10–12"),
        ]
    };
    assert_eq!(
        bo.post(&format!("{offer_page}/interest"), &interest("violence_close_relationships")).await.status(),
        StatusCode::FORBIDDEN
    );
    let (status, shown) = sara.post_page(&format!("{offer_page}/interest"), &interest("integration")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains("href=\"#f-topic\"") && shown.contains("Kim Kontakt"));
    let saved = sara.post(&format!("{offer_page}/interest"), &interest("violence_close_relationships")).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(alma.post(&format!("/offers/{alingsas_offer}/decline"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(olle.post(&format!("/offers/{alingsas_offer}/decline"), &[]).await.status(), StatusCode::NOT_FOUND);

    // The board: statuses, contact, overdue only where no answer came; filters and exports.
    let (_, shown) = lena.page(&board_page).await;
    let boras_row = row_of(&shown, "Borås stad");
    assert!(boras_row.contains("Intresserad") && !boras_row.contains("Försenad") && boras_row.contains("Kim Kontakt"));
    assert!(row_of(&shown, "Alingsås kommun").contains("Avböjt"));
    assert!(row_of(&shown, "Skärholmens stadsdelsförvaltning").contains("Försenad"));
    let (_, interested) = lena.page(&format!("{board_page}?status=interested")).await;
    assert!(interested.contains("Borås stad") && !interested.contains(">Alingsås kommun<"));
    let (_, late) = lena.page(&format!("{board_page}?overdue=1")).await;
    assert!(late.contains(">Skärholmens stadsdelsförvaltning<") && !late.contains(">Borås stad<"));
    let csv = lena.get(&format!("{board_page}/board.csv")).await.text().await.expect("csv");
    assert!(csv.contains("Borås stad;Intresserad;;Våld i nära relationer;Kim Kontakt <kim@boras.se>"), "{csv}");
    assert!(csv.contains("Skärholmens stadsdelsförvaltning;Erbjuden;Ja"), "{csv}");
    assert_eq!(lena.get(&format!("{board_page}/board.xlsx")).await.status(), StatusCode::OK);
    assert_eq!(olle.get(&board_page).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        sara.get(&board_page).await.status(),
        StatusCode::NOT_FOUND,
        "an offered organisation sees its own row only"
    );

    // Approval: only an interested organisation, once; the assessment is Borås's own.
    let approve = |offer: i64| format!("{board_page}/offers/{offer}/approve");
    assert_eq!(vera.post(&approve(boras_offer), &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(lena.post(&approve(alingsas_offer), &[]).await.status(), StatusCode::CONFLICT, "declined");
    let assessments_before = number(&app, &format!("SELECT COUNT(*) FROM assessments WHERE org_id = {boras}")).await;
    assert_eq!(lena.post(&approve(boras_offer), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(lena.post(&approve(boras_offer), &[]).await.status(), StatusCode::CONFLICT, "approved already");
    assert_eq!(
        number(&app, &format!("SELECT COUNT(*) FROM assessments WHERE org_id = {boras}")).await,
        assessments_before + 1
    );
    let assessment = number(&app, &format!("SELECT assessment_id FROM campaign_offers WHERE id = {boras_offer}")).await;
    assert_eq!(
        app.text(&format!("SELECT instrument_id || '|' || issue || '|' || measured || '|' || status FROM assessments WHERE id = {assessment}")).await,
        Some("crm-2014|Våld i nära relationer|Borås stad|planned".into())
    );
    let partner = format!(
        "SELECT p.org_id FROM initiative_partners p JOIN assessments a ON a.initiative_id = p.initiative_id WHERE a.id = {assessment}"
    );
    assert_eq!(number(&app, &partner).await, board, "the board is the initiative's partner");
    assert_eq!(
        number(
            &app,
            &format!(
                "SELECT COUNT(*) FROM audit_log WHERE org_id = {boras} AND entity = 'assessment' AND action = 'create'"
            )
        )
        .await,
        1,
        "Borås's own log shows what was made in its name"
    );
    let (_, offer) = sara.page(&offer_page).await;
    assert!(offer.contains("Godkänd") && offer.contains(&format!("href=\"/assessments/{assessment}\"")));
    assert_eq!(sara.get(&format!("/assessments/{assessment}")).await.status(), StatusCode::OK);
    assert_eq!(lena.get(&format!("/assessments/{assessment}")).await.status(), StatusCode::NOT_FOUND);
    let again = sara.post(&format!("{offer_page}/interest"), &interest("honour_related_violence")).await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "approved: the answer no longer changes");

    // Borås books its interviews: a key informant registered moves it on the board.
    let informant = [("label", "IP1"), ("role", "Socialchef"), ("sector", "Socialtjänst"), ("contact", "")];
    assert_eq!(
        sara.post(&format!("/assessments/{assessment}/informants"), &informant).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, shown) = lena.page(&board_page).await;
    assert!(row_of(&shown, "Borås stad").contains("Intervjuer bokas"), "{shown}");

    // The contractor's person: assigned by the board, let in by Borås to this assessment only,
    // and out again the moment Borås withdraws.
    let follow = format!("{board_page}/offers/{boras_offer}");
    let karin_id = number(&app, "SELECT id FROM users WHERE email = 'karin@konsult.se'").await.to_string();
    let vera_id = number(&app, "SELECT id FROM users WHERE email = 'vera@lansstyrelsen.se'").await.to_string();
    let (status, _) =
        lena.post_page(&format!("{follow}/contractor"), &[("contractor_user_id", vera_id.as_str())]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not the contractor's person");
    let nils_id = number(&app, "SELECT id FROM users WHERE email = 'nils@konsult.se'").await.to_string();
    let twice = [("contractor_user_id", karin_id.as_str()), ("second_user_id", karin_id.as_str())];
    let (status, _) = lena.post_page(&format!("{follow}/contractor"), &twice).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "two scorers, not one twice");
    let karin_fields = [("contractor_user_id", karin_id.as_str()), ("second_user_id", "")];
    assert_eq!(lena.post(&format!("{follow}/contractor"), &karin_fields).await.status(), StatusCode::SEE_OTHER);
    let (_, followed) = lena.page(&follow).await;
    assert!(followed.contains("Metoden kräver två oberoende bedömare"), "a second scorer is asked for");
    let both = [("contractor_user_id", karin_id.as_str()), ("second_user_id", nils_id.as_str())];
    assert_eq!(lena.post(&format!("{follow}/contractor"), &both).await.status(), StatusCode::SEE_OTHER);
    let assessment_page = format!("/assessments/{assessment}");
    assert_eq!(karin.get(&assessment_page).await.status(), StatusCode::NOT_FOUND, "no consent yet");
    let (_, offer) = sara.page(&offer_page).await;
    assert!(offer.contains("Karin Konsult, Nils Konsult på Beredskapskonsult AB ska intervjua och bedöma"), "{offer}");
    assert_eq!(bo.post(&format!("{offer_page}/access"), &[("grant", "1")]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(sara.post(&format!("{offer_page}/access"), &[("grant", "1")]).await.status(), StatusCode::SEE_OTHER);
    let (status, shown) = karin.page(&assessment_page).await;
    assert_eq!(status, StatusCode::OK, "let in");
    assert!(shown.contains("Borås stad"));
    assert_eq!(nils.get(&assessment_page).await.status(), StatusCode::OK, "the second scorer let in too");
    let team = number(
        &app,
        &format!("SELECT COUNT(*) FROM assessment_team WHERE assessment_id = {assessment} AND task = 'scorer'"),
    )
    .await;
    assert_eq!(team, 2, "both score");
    let (_, home) = karin.page("/").await;
    assert!(home.contains(&format!("href=\"{assessment_page}\"")), "the assignment on Karin's home page");
    let key_informant = [("label", "IP2"), ("role", "Rektor"), ("sector", "Skola"), ("contact", "")];
    assert_eq!(
        karin.post(&format!("{assessment_page}/informants"), &key_informant).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        number(
            &app,
            &format!(
                "SELECT COUNT(*) FROM audit_log WHERE org_id = {boras} AND entity = 'informant' AND action = 'create'"
            )
        )
        .await,
        2,
        "what Karin did is in Borås's log"
    );
    let boras_initiative =
        number(&app, &format!("SELECT initiative_id FROM assessments WHERE id = {assessment}")).await;
    assert_eq!(
        karin.get(&format!("/initiatives/{boras_initiative}")).await.status(),
        StatusCode::NOT_FOUND,
        "nothing else of Borås"
    );
    assert_eq!(
        karin.post(&format!("{assessment_page}/advance"), &[]).await.status(),
        StatusCode::FORBIDDEN,
        "not running it"
    );
    assert_eq!(sara.post(&format!("{offer_page}/access"), &[("grant", "")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(karin.get(&assessment_page).await.status(), StatusCode::NOT_FOUND, "withdrawn: out at once");
    assert_eq!(nils.get(&assessment_page).await.status(), StatusCode::NOT_FOUND, "both out");
    assert_eq!(
        karin.post(&format!("{assessment_page}/informants"), &key_informant).await.status(),
        StatusCode::NOT_FOUND
    );

    // The API: the board sees every line, an offered organisation its own, others nothing.
    let (lena_token, sara_token, sten_token, olle_token) = (
        lena.api_token("tavla").await,
        sara.api_token("svar").await,
        sten.api_token("svar").await,
        olle.api_token("x").await,
    );
    let (status, all) = lena.api_get(&lena_token, "/api/v1/campaigns").await;
    assert_eq!(status, StatusCode::OK);
    let offered = &all[0]["offered"];
    let lines: Vec<(i64, &str, Option<i64>)> = offered
        .as_array()
        .expect("offered")
        .iter()
        .map(|o| {
            (
                o["organisation_id"].as_i64().expect("id"),
                o["status"].as_str().expect("status"),
                o["assessment_id"].as_i64(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [(alingsas, "declined", None), (boras, "interviews_booked", Some(assessment)), (district, "offered", None)]
    );
    assert_eq!(
        (all[0]["board_pays"].as_i64(), all[0]["organisation_pays"].as_i64()),
        (Some(3_000_000), Some(3_000_000))
    );
    let (status, own) = sara.api_get(&sara_token, &format!("/api/v1/campaigns/{campaign}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(own["offered"].as_array().map(Vec::len), Some(1));
    assert_eq!(own["offered"][0]["organisation_id"].as_i64(), Some(boras));
    assert_eq!(olle.api_get(&olle_token, &format!("/api/v1/campaigns/{campaign}")).await.0, StatusCode::NOT_FOUND);

    let interest_path = format!("/api/v1/campaigns/{campaign}/interest");
    let body = |topic: &str| json!({"topic": topic, "contact_name": "Sten", "contact_email": "sten@skarholmen.se"});
    let (status, error) = sten.api_post(&sten_token, &interest_path, &body("integration")).await;
    assert_eq!(
        (status, error["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("topic"))
    );
    let (status, line) = sten.api_post(&sten_token, &interest_path, &body("honour_related_violence")).await;
    assert_eq!(
        (status, line["status"].as_str(), line["topic"].as_str()),
        (StatusCode::OK, Some("interested"), Some("honour_related_violence"))
    );
    assert_eq!(
        olle.api_post(&olle_token, &interest_path, &body("honour_related_violence")).await.0,
        StatusCode::NOT_FOUND
    );
    let approve_path = |org: i64| format!("/api/v1/campaigns/{campaign}/offers/{org}/approve");
    assert_eq!(sara.api_post(&sara_token, &approve_path(district), &json!({})).await.0, StatusCode::NOT_FOUND);
    assert_eq!(lena.api_post(&lena_token, &approve_path(outside), &json!({})).await.0, StatusCode::NOT_FOUND);
    let (status, approved) = lena.api_post(&lena_token, &approve_path(district), &json!({})).await;
    assert_eq!((status, approved["status"].as_str()), (StatusCode::CREATED, Some("approved")), "{approved}");
    let district_assessment = approved["assessment_id"].as_i64().expect("assessment");
    assert_eq!(
        number(&app, &format!("SELECT org_id FROM assessments WHERE id = {district_assessment}")).await,
        district
    );
    assert_eq!(lena.api_post(&lena_token, &approve_path(district), &json!({})).await.0, StatusCode::CONFLICT);
    let (status, _) = sten.api_post(&sten_token, &format!("/api/v1/campaigns/{campaign}/decline"), &json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "approved: no longer declined");

    // The feedback meeting: refused in the future, then recorded once; its actions become tasks
    // of Borås's action plan, and Borås reads the record on its offer.
    let tomorrow = (time::OffsetDateTime::now_utc().date() + time::Duration::days(1)).to_string();
    let feedback = |held_on: &str| {
        vec![
            ("held_on", held_on.to_owned()),
            ("attended", "Socialchef, rektor, kommunpolis".to_owned()),
            ("strengths", "Engagerade medarbetare".to_owned()),
            ("concerns", "Ingen gemensam rutin".to_owned()),
            ("resources", String::new()),
            ("actions", "Ta fram en gemensam rutin\n\nUtbilda förskolans personal\n".to_owned()),
        ]
    };
    let as_fields = |f: &[(&'static str, String)]| -> Vec<(&'static str, String)> { f.to_vec() };
    let post = |fields: Vec<(&'static str, String)>| {
        let path = format!("{follow}/feedback");
        let lena = &lena;
        async move {
            let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            lena.post_page(&path, &borrowed).await
        }
    };
    let (status, shown) = post(as_fields(&feedback(&tomorrow))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains("href=\"#f-held_on\"") && shown.contains("Ingen gemensam rutin"));
    assert_eq!(number(&app, "SELECT COUNT(*) FROM campaign_feedback").await, 0);
    let tasks = format!("SELECT COUNT(*) FROM action_items WHERE assessment_id = {assessment}");
    let tasks_before = number(&app, &tasks).await;
    assert_eq!(post(as_fields(&feedback("2026-11-30"))).await.0, StatusCode::SEE_OTHER, "saved");
    assert_eq!(number(&app, &tasks).await, tasks_before + 2, "one task per line");
    assert_eq!(post(as_fields(&feedback("2026-11-30"))).await.0, StatusCode::CONFLICT, "recorded once");
    let (_, shown) = lena.page(&board_page).await;
    assert!(row_of(&shown, "Borås stad").contains("Återkoppling hållen"));
    let (_, offer) = sara.page(&offer_page).await;
    assert!(offer.contains("Engagerade medarbetare") && offer.contains("Utbilda förskolans personal"));
    let plan = sara.get(&format!("/assessments/{assessment}/actions.csv")).await.text().await.expect("csv");
    assert!(plan.contains("Ta fram en gemensam rutin") && plan.contains("Utbilda förskolans personal"), "{plan}");

    // Money: two approved measurements of 60 000 kr, half each; Borås's half invoiced.
    assert_eq!(vera.post(&format!("{follow}/invoiced"), &[("invoiced", "1")]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        lena.post(&format!("{board_page}/offers/{alingsas_offer}/invoiced"), &[("invoiced", "1")]).await.status(),
        StatusCode::CONFLICT,
        "declined: nothing to invoice"
    );
    assert_eq!(lena.post(&format!("{follow}/invoiced"), &[("invoiced", "1")]).await.status(), StatusCode::SEE_OTHER);
    let (_, shown) = lena.page(&board_page).await;
    let money = &shown[shown.find("id=\"money\"").expect("money")..];
    for figure in
        ["<dd>2</dd>", "<dd>120\u{a0}000 kr</dd>", "<dd>60\u{a0}000 kr</dd>", "<dd>30\u{a0}000 kr (1 / 2)</dd>"]
    {
        assert!(money.contains(figure), "{figure} in {money}");
    }
    let finance = lena.get(&format!("{board_page}/finance.xlsx")).await;
    assert_eq!(finance.status(), StatusCode::OK);
    assert_eq!(sara.get(&format!("{board_page}/finance.xlsx")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(sara.get(&follow).await.status(), StatusCode::NOT_FOUND, "the board's page of the row");

    // The offer as a letter to Borås, with the reference number and what Borås pays.
    let pdf = lena.get(&format!("{follow}/letter/pdf")).await.bytes().await.expect("pdf");
    let text = crate::common::pdf_text(&pdf).expect("text");
    for expected in
        ["Till Borås stad", "Dnr 851-1234-2026", "Länsstyrelsen erbjuder en mätning", "30 000 kr", "2026-02-28"]
    {
        assert!(text.replace('\u{a0}', " ").contains(expected), "{expected} in {text}");
    }
    let word = lena.get(&format!("{follow}/letter/docx")).await;
    assert_eq!(word.status(), StatusCode::OK);
    assert_eq!(sara.get(&format!("{follow}/letter/pdf")).await.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}
