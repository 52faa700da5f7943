//! A campaign by questionnaire over HTTP: the board offers ORIC, approves three organisations —
//! each gets an anonymous round in its own name — their staff answer through open links, and
//! the organisations close them. Statuses, the contractor's consented reading of one round's
//! results (and nothing else), the feedback's milestones and the county report are checked; every
//! figure in the report against means worked out here from the answers as sent, with integer
//! sums that know nothing of Parat's scoring.

use parat_core::organisation::{OrgKind, Role};
use parat_core::table::Cell;
use parat_reports::table::{read, TableFile};
use reqwest::StatusCode;

use super::{cells, number, row_of, two_decimals};
use crate::common::{Browser, TestApp};
use crate::questionnaire::{answer, links_in, oric_fields};

/// One organisation's staff: each answer's commitment (c1–c5) and efficacy (e1–e7).
struct Staff {
    name: &'static str,
    answers: Vec<([u8; 5], [u8; 7])>,
}

impl Staff {
    fn n(&self) -> usize {
        self.answers.len()
    }

    /// Each item's sum over the respondents: c1–c5, then e1–e7.
    fn item_sums(&self) -> Vec<(String, u32)> {
        let mut sums: Vec<(String, u32)> =
            (1..=5).map(|i| format!("c{i}")).chain((1..=7).map(|i| format!("e{i}"))).map(|id| (id, 0)).collect();
        for (c, e) in &self.answers {
            for (sum, value) in sums.iter_mut().zip(c.iter().chain(e.iter())) {
                sum.1 += u32::from(*value);
            }
        }
        sums
    }

    /// The organisation's mean of its respondents' scale means: commitment, then efficacy.
    fn means(&self) -> [f64; 2] {
        let per_person = |values: &[u8]| values.iter().map(|v| f64::from(*v)).sum::<f64>() / values.len() as f64;
        let n = self.n() as f64;
        [
            self.answers.iter().map(|(c, _)| per_person(c)).sum::<f64>() / n,
            self.answers.iter().map(|(_, e)| per_person(e)).sum::<f64>() / n,
        ]
    }

    /// The two lowest items and any tied with the second (all answered by everyone on the same
    /// 1–5 range, so sums rank as means do), in the questionnaire's order among ties.
    fn lowest(&self) -> Vec<String> {
        let mut ranked = self.item_sums();
        ranked.sort_by_key(|(_, sum)| *sum);
        let second = ranked[1].1;
        self.item_sums().into_iter().filter(|(_, sum)| *sum <= second).map(|(id, _)| id).collect()
    }
}

/// The organisation registers interest and the board approves it; gives the offer and the round.
async fn approved(app: &TestApp, board: &Browser, campaign: i64, org: i64, coordinator: &Browser) -> (i64, i64) {
    let offer =
        number(app, &format!("SELECT id FROM campaign_offers WHERE campaign_id = {campaign} AND org_id = {org}")).await;
    // A questionnaire goes to the staff: no key informants to suggest.
    let (_, form) = coordinator.page(&format!("/offers/{offer}")).await;
    assert!(form.contains("Önskade veckor för enkäten") && !form.contains("name=\"informant_roles\""), "{form}");
    let interest = coordinator
        .post(
            &format!("/offers/{offer}/interest"),
            &[
                ("topic", "violence_close_relationships"),
                ("contact_name", "Kim Kontakt"),
                ("contact_email", "kim@example.se"),
            ],
        )
        .await;
    assert_eq!(interest.status(), StatusCode::SEE_OTHER);
    let approval = board.post(&format!("/campaigns/{campaign}/offers/{offer}/approve"), &[]).await;
    assert_eq!(approval.status(), StatusCode::SEE_OTHER);
    let round = number(app, &format!("SELECT round_id FROM campaign_offers WHERE id = {offer}")).await;
    (offer, round)
}

/// The organisation sends its round out with an open link and its staff answer.
async fn answered(app: &TestApp, coordinator: &Browser, round: i64, staff: &Staff) {
    let made = coordinator.post(&format!("/rounds/{round}/open-link"), &[]).await;
    let body = made.text().await.expect("body");
    let link = links_in(&body).into_iter().next().unwrap_or_else(|| panic!("the open link in {body}"));
    for (n, (commitment, efficacy)) in staff.answers.iter().enumerate() {
        let mut fields = oric_fields(*commitment, *efficacy, "submit");
        if n == 0 {
            fields.push(("a-easier".into(), format!("En egen kommentar från {}", staff.name)));
        }
        let (status, page) = answer(&app.browser(), &link, &fields).await;
        assert!(status.is_success(), "{status}: {page}");
    }
}

async fn closed(coordinator: &Browser, round: i64) {
    assert_eq!(coordinator.post(&format!("/rounds/{round}/close"), &[]).await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_campaign_by_questionnaire_sends_rounds_follows_them_and_compares_them_across_the_county() {
    let app = TestApp::spawn().await;
    let board = app.organisation("Länsstyrelsen Västra Götaland", OrgKind::CountyBoard, None).await;
    let alingsas = app.organisation("Alingsås kommun", OrgKind::Municipality, Some(board)).await;
    let boras = app.organisation("Borås stad", OrgKind::Municipality, Some(board)).await;
    let lerum = app.organisation("Lerums kommun", OrgKind::Municipality, Some(board)).await;
    let molndal = app.organisation("Mölndals stad", OrgKind::Municipality, Some(board)).await;
    let contractor = app.organisation("Beredskapskonsult AB", OrgKind::Other, None).await;
    let lena = app.logged_in(board, "lena@lansstyrelsen.se", "Lena Länsstyrelse", Role::Coordinator).await;
    let alma = app.logged_in(alingsas, "alma@alingsas.se", "Alma Alingsås", Role::Coordinator).await;
    let sara = app.logged_in(boras, "sara@boras.se", "Sara Borås", Role::Coordinator).await;
    let lars = app.logged_in(lerum, "lars@lerum.se", "Lars Lerum", Role::Coordinator).await;
    let maja = app.logged_in(molndal, "maja@molndal.se", "Maja Mölndal", Role::Coordinator).await;
    let kalle = app.logged_in(contractor, "kalle@konsult.se", "Kalle Konsult", Role::Coordinator).await;
    let kalle_id = number(&app, "SELECT id FROM users WHERE email = 'kalle@konsult.se'").await.to_string();

    let campaign_of = |name: &'static str, starts_on: &'static str, instrument: &'static str| {
        let contractor = contractor.to_string();
        let lena = &lena;
        async move {
            let made = lena
                .post(
                    "/campaigns",
                    &[
                        ("name", name),
                        ("topics", "violence_close_relationships"),
                        ("instrument_id", instrument),
                        ("starts_on", starts_on),
                        ("ends_on", "2099-12-31"),
                        ("offer_text", "Länsstyrelsen erbjuder en enkät om beredskap."),
                        ("price", "20 000"),
                        ("board_share", "50"),
                        ("contractor_id", &contractor),
                        ("audience", "all"),
                    ],
                )
                .await;
            assert_eq!(made.status(), StatusCode::SEE_OTHER, "{name}");
            crate::common::id_from_location(&crate::common::location(&made))
        }
    };
    // The form offers the questionnaires beside the model's editions; an evaluation is no choice.
    let (_, form) = lena.page("/campaigns/new").await;
    assert!(form.contains("value=\"oric\"") && form.contains("value=\"crm-2014\""), "{form}");
    let refused = lena.post("/campaigns", &[("name", "Fel"), ("instrument_id", "event_evaluation")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The previous campaign: Alingsås answered and closed.
    let before = Staff { name: "Alingsås kommun", answers: vec![([2, 2, 3, 2, 2], [3, 3, 3, 2, 2, 3, 3]); 5] };
    let earlier = campaign_of("Enkät 2025", "2025-01-15", "oric").await;
    // A campaign by interviews in between measures other things: the change skips it.
    campaign_of("Intervjuer 2025", "2025-06-01", "crm-2006").await;
    let (_, round) = approved(&app, &lena, earlier, alingsas, &alma).await;
    answered(&app, &alma, round, &before).await;
    closed(&alma, round).await;

    let id = campaign_of("Enkät 2026", "2026-01-15", "oric").await;
    let now = [
        Staff {
            name: "Alingsås kommun",
            answers: vec![
                ([4, 4, 5, 3, 4], [3, 4, 2, 3, 4, 3, 3]),
                ([5, 4, 4, 4, 4], [4, 4, 3, 3, 4, 2, 4]),
                ([3, 4, 4, 3, 5], [3, 3, 2, 4, 4, 3, 3]),
                ([4, 5, 5, 4, 4], [4, 4, 3, 3, 5, 3, 4]),
                ([4, 3, 4, 3, 4], [3, 4, 2, 3, 4, 2, 3]),
            ],
        },
        Staff {
            name: "Borås stad",
            answers: vec![
                ([5, 5, 5, 4, 5], [4, 5, 4, 4, 5, 4, 5]),
                ([4, 5, 4, 5, 5], [5, 4, 4, 3, 5, 4, 4]),
                ([5, 4, 5, 5, 4], [4, 4, 5, 4, 4, 3, 5]),
                ([4, 4, 5, 4, 5], [5, 5, 4, 4, 4, 4, 4]),
                ([5, 5, 4, 4, 5], [4, 4, 4, 3, 5, 4, 4]),
                ([4, 5, 5, 5, 4], [5, 4, 5, 4, 4, 3, 5]),
            ],
        },
    ];
    let too_few = Staff { name: "Lerums kommun", answers: vec![([1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1]); 2] };
    let (alingsas_offer, alingsas_round) = approved(&app, &lena, id, alingsas, &alma).await;
    let (_, boras_round) = approved(&app, &lena, id, boras, &sara).await;
    let (_, lerum_round) = approved(&app, &lena, id, lerum, &lars).await;
    let (_, molndal_round) = approved(&app, &lena, id, molndal, &maja).await;

    // Each round is the organisation's own, anonymous, asking about the work in its area.
    let (status, round_page) = alma.page(&format!("/rounds/{alingsas_round}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(round_page.contains("Enkät 2026"), "{round_page}");
    let kept = app
        .text(&format!(
            "SELECT org_id || ' ' || questionnaire || ' ' || CAST(anonymous AS INTEGER) || ' ' || issue \
             FROM questionnaire_rounds WHERE id = {alingsas_round}"
        ))
        .await;
    assert_eq!(kept.as_deref(), Some(format!("{alingsas} oric 1 arbetet med våld i nära relationer").as_str()));
    assert_eq!(lena.get(&format!("/rounds/{alingsas_round}")).await.status(), StatusCode::NOT_FOUND);
    let (_, offer_page) = alma.page(&format!("/offers/{alingsas_offer}")).await;
    assert!(offer_page.contains(&format!("href=\"/rounds/{alingsas_round}\"")), "{offer_page}");

    for (staff, coordinator, round) in [(&now[0], &alma, alingsas_round), (&now[1], &sara, boras_round)] {
        answered(&app, coordinator, round, staff).await;
    }
    answered(&app, &lars, lerum_round, &too_few).await;
    let one = Staff { name: "Mölndals stad", answers: vec![([3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3])] };
    answered(&app, &maja, molndal_round, &one).await;
    let (_, board_page) = lena.page(&format!("/campaigns/{id}")).await;
    assert!(row_of(&board_page, "Alingsås kommun").contains("campaign-answering"), "answers are coming in");
    let token = lena.api_token("tavla").await;
    let (status, api) = lena.api_get(&token, &format!("/api/v1/campaigns/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    let row = api["offered"].as_array().and_then(|rows| rows.iter().find(|r| r["organisation_id"] == alingsas));
    let row = row.unwrap_or_else(|| panic!("Alingsås in {api}"));
    assert_eq!(
        (&row["status"], &row["round_id"], &row["assessment_id"]),
        (&"answering".into(), &alingsas_round.into(), &serde_json::Value::Null)
    );
    assert_eq!(api["instrument"], "oric");
    for (coordinator, round) in [(&alma, alingsas_round), (&sara, boras_round), (&lars, lerum_round)] {
        closed(coordinator, round).await;
    }
    let (_, board_page) = lena.page(&format!("/campaigns/{id}")).await;
    for name in ["Alingsås kommun", "Borås stad", "Lerums kommun"] {
        assert!(row_of(&board_page, name).contains("campaign-reported"), "{name} closed");
    }
    assert!(row_of(&board_page, "Mölndals stad").contains("campaign-answering"));

    // The contractor's person reads Alingsås's results once let in — figures only — and nothing
    // else; withdrawn, at once nothing.
    let results = format!("/rounds/{alingsas_round}/results");
    assert_eq!(kalle.get(&results).await.status(), StatusCode::NOT_FOUND, "not yet assigned");
    let assign = format!("/campaigns/{id}/offers/{alingsas_offer}/contractor");
    assert_eq!(lena.post(&assign, &[("contractor_user_id", &kalle_id)]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(kalle.get(&results).await.status(), StatusCode::NOT_FOUND, "not yet consented");
    let (_, asked) = alma.page(&format!("/offers/{alingsas_offer}")).await;
    assert!(asked.contains("Kalle Konsult på Beredskapskonsult AB ska analysera enkätens resultat"), "{asked}");
    let access = format!("/offers/{alingsas_offer}/access");
    assert_eq!(alma.post(&access, &[("grant", "1")]).await.status(), StatusCode::SEE_OTHER);
    let (status, seen) = kalle.page(&results).await;
    assert_eq!(status, StatusCode::OK);
    assert!(seen.contains(&two_decimals(now[0].means()[0])), "commitment's mean in {seen}");
    assert!(!seen.contains("answers.csv"), "the answers stay with the organisation");
    assert!(!seen.contains("En egen kommentar"), "so do their own words");
    assert!(seen.contains("Alingsås kommun"), "the rounds share a title: the organisation is named");
    let (_, own) = alma.page(&results).await;
    assert!(own.contains("En egen kommentar från Alingsås kommun"), "which the organisation reads");
    let summary = kalle.get(&format!("/rounds/{alingsas_round}/summary.pdf")).await;
    assert_eq!(summary.status(), StatusCode::OK);
    let summary = crate::common::pdf_text(&summary.bytes().await.expect("pdf")).expect("text");
    assert!(summary.contains("Förändringsvilja") && !summary.contains("kommentar"), "{summary}");
    assert!(summary.contains("Alingsås kommun"), "{summary}");
    for path in [
        format!("/rounds/{alingsas_round}/answers.csv"),
        format!("/rounds/{alingsas_round}"),
        format!("/rounds/{boras_round}/results"),
    ] {
        assert_eq!(kalle.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let (_, home) = kalle.page("/").await;
    assert!(home.contains(&format!("href=\"{results}\"")), "the assignment on the home page");
    assert_eq!(alma.post(&access, &[("grant", "")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(kalle.get(&results).await.status(), StatusCode::NOT_FOUND, "withdrawn at once");

    // The feedback meeting's actions become milestones of Alingsås's plan, a quarter later.
    let feedback = lena
        .post(
            &format!("/campaigns/{id}/offers/{alingsas_offer}/feedback"),
            &[
                ("held_on", "2026-11-02"),
                ("attended", "Socialchef, enhetschefer"),
                ("strengths", "Stark vilja"),
                ("concerns", "Tiden räcker inte"),
                ("resources", "Utbildning"),
                ("actions", "Utbilda cheferna\nTa fram en rutin"),
            ],
        )
        .await;
    assert_eq!(feedback.status(), StatusCode::SEE_OTHER);
    let milestones = app
        .text(&format!(
            "SELECT string_agg(name || ' ' || planned_on, '; ' ORDER BY id) FROM landscape_milestones \
             WHERE source = 'round:{alingsas_round}'"
        ))
        .await;
    assert_eq!(milestones.as_deref(), Some("Utbilda cheferna 2027-02-01; Ta fram en rutin 2027-02-01"));
    let (_, board_page) = lena.page(&format!("/campaigns/{id}")).await;
    assert!(row_of(&board_page, "Alingsås kommun").contains("campaign-feedback_held"));

    // The county report: closed rounds only, each organisation's means, Lerum's under its
    // threshold shown as nothing, the county's mean of the organisations' means.
    let report = format!("/campaigns/{id}/county");
    let (status, page) = lena.page(&report).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("Mölndals stad"), "an open round is not reported");
    let workbook = lena.get(&format!("{report}/xlsx")).await.bytes().await.expect("xlsx");
    let rows = read(TableFile::Spreadsheet, &workbook).expect("rows");
    assert_eq!(rows.len(), 4, "a header and three organisations: {rows:?}");
    for (row, staff) in rows[1..3].iter().zip(&now) {
        assert_eq!(row[0], Cell::Text(staff.name.into()));
        assert_eq!(row[1], Cell::Number(staff.n() as f64));
        for (cell, mean) in row[2..4].iter().zip(staff.means()) {
            assert!(matches!(cell, Cell::Number(n) if (n - mean).abs() < 0.006), "{cell:?} against {mean}");
        }
    }
    assert_eq!(rows[3][0], Cell::Text("Lerums kommun".into()));
    assert_eq!(rows[3][1], Cell::Number(2.0));
    assert_eq!(rows[3][2..4], [Cell::Text("–".into()), Cell::Text("–".into())], "under the threshold");
    let county: Vec<f64> = (0..2).map(|k| now.iter().map(|s| s.means()[k]).sum::<f64>() / 2.0).collect();
    for (k, scale) in ["Förändringsvilja", "Förändringsförmåga"].iter().enumerate() {
        let row = cells(&page, scale);
        assert_eq!(row[1..3], ["2".to_owned(), two_decimals(county[k])], "{scale}: {row:?}");
        // The change since 2025, against Alingsås's means then.
        let change_rows: Vec<&str> =
            page.match_indices(&format!("<th scope=\"row\">{scale}")).map(|(s, _)| &page[s..]).collect();
        let change = cells(change_rows.last().expect("the change table"), scale);
        let then = before.means()[k];
        let delta = ((county[k] - then) * 100.0).round() / 100.0;
        let sign = if delta > 0.0 { "+" } else { "" };
        assert_eq!(
            change[1..4],
            [two_decimals(then), two_decimals(county[k]), format!("{sign}{}", two_decimals(delta))]
        );
    }
    assert!(page.contains("Jämfört med Enkät 2025"), "{page}");
    // The items most often lowest, counted here, in the questionnaire's order among ties.
    let oric = parat_core::questionnaire::builtin_by_id("oric").expect("ORIC");
    let mut lowest: Vec<(String, usize)> = oric
        .scales
        .iter()
        .flat_map(|s| s.items.clone())
        .map(|id| {
            let count = now.iter().filter(|s| s.lowest().contains(&id)).count();
            (id, count)
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    lowest.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    assert!(!lowest.is_empty());
    let pdf = lena.get(&format!("{report}/pdf")).await.bytes().await.expect("pdf");
    let text = crate::common::pdf_text(&pdf).expect("text").replace('\u{a0}', " ");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut at = 0;
    for (id, count) in &lowest {
        let statement =
            oric.item(id).expect("the item").text.get(parat_core::locale::Locale::Sv).replace("{issue}", "arbetet");
        let statement = statement.trim_end_matches('.');
        let line = format!("{statement}: {count} av 3 organisationer");
        at += flat[at..].find(&line).unwrap_or_else(|| panic!("{line} in order in {flat}"));
    }

    // Anonymised: numbered by result, Lerum (nothing shown) last; shared, each reads its own.
    let (_, anonymous) = lena.page(&format!("{report}?names=anonymised")).await;
    for staff in &now {
        assert!(!anonymous.contains(staff.name), "{} named", staff.name);
    }
    assert_eq!(cells(&anonymous, "Organisation 1")[1], now[1].n().to_string(), "Borås highest");
    assert_eq!(cells(&anonymous, "Organisation 3")[1], "2", "Lerum last");
    assert_eq!(sara.get(&report).await.status(), StatusCode::NOT_FOUND, "not shared yet");
    assert_eq!(
        lena.post(&format!("{report}/sharing"), &[("sharing", "anonymised")]).await.status(),
        StatusCode::SEE_OTHER
    );
    let (status, shared) = sara.page(&report).await;
    assert_eq!(status, StatusCode::OK);
    assert!(shared.contains("Borås stad (er organisation)") && !shared.contains("Alingsås kommun"), "{shared}");
    assert_eq!(maja.get(&report).await.status(), StatusCode::NOT_FOUND, "Mölndal's round is still open");
    assert_eq!(kalle.get(&report).await.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}
