//! The county report over HTTP: three organisations' measurements reported through the campaign
//! (the contractor's two scorers let in and scoring), one approved but not reported, and a
//! previous campaign with two of them. Every figure is checked against a count made here from
//! the agreed levels, with integer arithmetic that knows nothing of Parat's scoring; who may read
//! the report, named or anonymised, is walked for each organisation.

use parat_core::campaign::{Audience, CampaignDraft, InterestDraft};
use parat_core::initiative::TopicArea;
use parat_core::money::{Amount, Share};
use parat_core::organisation::{OrgKind, Role};
use parat_core::table::Cell;
use parat_reports::table::{read, TableFile};
use parat_store::campaign;
use parat_store::readiness::AssessmentBuilder;
use parat_store::OrgScope;
use reqwest::StatusCode;
use time::macros::date;

use super::{cells, two_decimals};
use crate::common::TestApp;

/// What one organisation's interviews agreed, dimension by dimension (A–F of the 2006 edition).
struct Agreed {
    name: &'static str,
    interviews: Vec<[u8; 6]>,
}

impl Agreed {
    fn sums(&self) -> [u32; 6] {
        let mut sums = [0; 6];
        for levels in &self.interviews {
            for (sum, level) in sums.iter_mut().zip(levels) {
                *sum += u32::from(*level);
            }
        }
        sums
    }

    fn n(&self) -> u32 {
        self.interviews.len() as u32
    }

    /// A dimension's stage: the mean of its levels, rounded down.
    fn stages(&self) -> Vec<u32> {
        self.sums().iter().map(|s| s / self.n()).collect()
    }

    /// The overall mean is the mean of the six means: the sum of all levels over 6 × interviews.
    fn overall(&self) -> (f64, u32) {
        let total: u32 = self.sums().iter().sum();
        (f64::from(total) / f64::from(6 * self.n()), total / (6 * self.n()))
    }

    /// The two lowest dimensions and any tied with the second, the lowest first (one
    /// organisation: same n, so sums compare as means do).
    fn lowest(&self) -> Vec<&'static str> {
        let mut ranked: Vec<(u32, &'static str)> =
            self.sums().into_iter().zip(["A", "B", "C", "D", "E", "F"]).collect();
        ranked.sort_unstable();
        let second = ranked[1].0;
        ranked.into_iter().filter(|(sum, _)| *sum <= second).map(|(_, key)| key).collect()
    }

    fn mean(&self, dimension: usize) -> f64 {
        f64::from(self.sums()[dimension]) / f64::from(self.n())
    }
}

async fn interested_and_approved(app: &TestApp, board: &OrgScope, campaign_id: i64, org: &OrgScope) -> i64 {
    let (_, offer) = campaign::offer_in(&app.db, org, campaign_id, org.org_id()).await.expect("offer");
    let interest = InterestDraft {
        topic: TopicArea::ViolenceInCloseRelationships,
        contact_name: "Kim Kontakt".into(),
        contact_email: "kim@example.se".into(),
        informant_roles: String::new(),
        preferred_weeks: String::new(),
    };
    campaign::register_interest(&app.db, org, offer.id, &interest).await.expect("interest");
    match campaign::approve(&app.db, board, offer.id, "våld i nära relationer").await.expect("approved") {
        campaign::MeasurementRef::Assessment(assessment) => assessment,
        other => panic!("a campaign by interviews makes an assessment, not {other:?}"),
    }
}

/// The organisation's measurement in the campaign, interviewed and scored by the contractor's
/// two people through their guest access, agreed and reported by the organisation.
#[allow(clippy::too_many_arguments)]
async fn measured(
    app: &TestApp,
    board: &OrgScope,
    campaign_id: i64,
    org: &OrgScope,
    scorers: (&OrgScope, &OrgScope),
    agreed: &Agreed,
) {
    let assessment = interested_and_approved(app, board, campaign_id, org).await;
    let (_, offer) = campaign::offer_in(&app.db, org, campaign_id, org.org_id()).await.expect("offer");
    campaign::assign_contractor(&app.db, board, offer.id, scorers.0.user_id(), Some(scorers.1.user_id()))
        .await
        .expect("assigned");
    campaign::grant_access(&app.db, org, offer.id).await.expect("let in");
    let first = campaign::guest_scope(&app.db, scorers.0, assessment).await.expect("guest");
    let second = campaign::guest_scope(&app.db, scorers.1, assessment).await.expect("guest");
    let (first, second) = (first.expect("the first scorer let in"), second.expect("the second scorer let in"));
    let mut builder = AssessmentBuilder::new(org, [&first, &second], 0).continuing(assessment);
    for levels in &agreed.interviews {
        builder = builder.interview(*levels);
    }
    builder.reported().build(&app.db).await.expect("reported");
}

fn draft(name: &str, starts_on: time::Date, contractor: i64) -> CampaignDraft {
    CampaignDraft {
        name: name.into(),
        topics: vec![TopicArea::ViolenceInCloseRelationships],
        instrument_id: "crm-2006".into(),
        starts_on,
        ends_on: date!(2099 - 12 - 31),
        answer_by: None,
        offer_text: "Länsstyrelsen erbjuder en mätning.".into(),
        reference: String::new(),
        price: Amount::from_ore(6_000_000),
        board_share: Share::from_hundredths(5_000),
        contractor_id: Some(contractor),
        audience: Audience::All,
        offered: Vec::new(),
    }
}

#[tokio::test]
async fn the_county_report_compares_the_reported_measurements_against_a_count_made_here() {
    let app = TestApp::spawn().await;
    let board = app.organisation("Länsstyrelsen Västra Götaland", OrgKind::CountyBoard, None).await;
    let alingsas = app.organisation("Alingsås kommun", OrgKind::Municipality, Some(board)).await;
    let boras = app.organisation("Borås stad", OrgKind::Municipality, Some(board)).await;
    let lerum = app.organisation("Lerums kommun", OrgKind::Municipality, Some(board)).await;
    let molndal = app.organisation("Mölndals stad", OrgKind::Municipality, Some(board)).await;
    let contractor = app.organisation("Beredskapskonsult AB", OrgKind::Other, None).await;
    let lena = app.logged_in(board, "lena@lansstyrelsen.se", "Lena Länsstyrelse", Role::Coordinator).await;
    let vera = app.logged_in(board, "vera@lansstyrelsen.se", "Vera Läsare", Role::Viewer).await;
    let lars = app.logged_in(lerum, "lars@lerum.se", "Lars Lerum", Role::Coordinator).await;
    let maja = app.logged_in(molndal, "maja@molndal.se", "Maja Mölndal", Role::Coordinator).await;
    let kalle = app.logged_in(contractor, "kalle@konsult.se", "Kalle Konsult", Role::Coordinator).await;
    let board_scope = app.scope_of(board, "lene@lansstyrelsen.se", Role::Coordinator).await;
    let org = |id: i64, email: &'static str| app.scope_of(id, email, Role::Coordinator);
    let (a, b, c, d) = (
        org(alingsas, "a@alingsas.se").await,
        org(boras, "b@boras.se").await,
        org(lerum, "c@lerum.se").await,
        org(molndal, "d@molndal.se").await,
    );
    let scorers = (
        app.scope_of(contractor, "karin@konsult.se", Role::Scorer).await,
        app.scope_of(contractor, "nils@konsult.se", Role::Scorer).await,
    );

    let before = [
        Agreed { name: "Alingsås kommun", interviews: vec![[3, 2, 4, 3, 3, 2]] },
        Agreed { name: "Borås stad", interviews: vec![[5, 4, 5, 6, 4, 3]] },
    ];
    let now = [
        Agreed { name: "Alingsås kommun", interviews: vec![[4, 3, 5, 4, 4, 2], [5, 3, 5, 4, 3, 2]] },
        Agreed { name: "Borås stad", interviews: vec![[6, 5, 6, 7, 5, 4]] },
        Agreed { name: "Lerums kommun", interviews: vec![[2, 3, 3, 4, 2, 3], [3, 3, 4, 4, 2, 3], [2, 4, 3, 5, 3, 3]] },
    ];
    let earlier =
        campaign::create_campaign(&app.db, &board_scope, &draft("Beredskap 2025", date!(2025 - 01 - 15), contractor))
            .await
            .expect("previous campaign");
    for (scope, agreed) in [(&a, &before[0]), (&b, &before[1])] {
        measured(&app, &board_scope, earlier, scope, (&scorers.0, &scorers.1), agreed).await;
    }
    let id =
        campaign::create_campaign(&app.db, &board_scope, &draft("Beredskap 2027", date!(2027 - 01 - 15), contractor))
            .await
            .expect("campaign");
    for (scope, agreed) in [(&a, &now[0]), (&b, &now[1]), (&c, &now[2])] {
        measured(&app, &board_scope, id, scope, (&scorers.0, &scorers.1), agreed).await;
    }
    interested_and_approved(&app, &board_scope, id, &d).await;

    // Named, for the board: each organisation's stages and overall mean as counted here.
    let report = format!("/campaigns/{id}/county");
    let (status, page) = lena.page(&report).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Beredskap 2025") && !page.contains("Mölndals stad"), "reported ones only");
    let workbook = lena.get(&format!("{report}/xlsx")).await;
    assert_eq!(workbook.status(), StatusCode::OK);
    let rows = read(TableFile::Spreadsheet, &workbook.bytes().await.expect("xlsx")).expect("rows");
    assert_eq!(rows.len(), 1 + now.len(), "a header and one row each: {rows:?}");
    let previous_stage = |name: &str| before.iter().find(|p| p.name == name).map(|p| p.overall().1);
    for (row, agreed) in rows[1..].iter().zip(&now) {
        assert_eq!(row[0], Cell::Text(agreed.name.into()));
        let stages: Vec<Cell> = agreed.stages().iter().map(|s| Cell::Number(f64::from(*s))).collect();
        assert_eq!(row[1..7], stages[..], "{}", agreed.name);
        let (mean, stage) = agreed.overall();
        assert!(matches!(row[7], Cell::Number(n) if (n - mean).abs() < 0.006), "{:?} against {mean}", row[7]);
        assert_eq!(row[8], Cell::Number(f64::from(stage)));
        assert_eq!(row[9], Cell::Text(agreed.lowest().join(", ")));
        match previous_stage(agreed.name) {
            Some(then) => assert_eq!(row[10], Cell::Number(f64::from(then)), "{}", agreed.name),
            None => assert!(matches!(&row.get(10), None | Some(Cell::Empty)), "{:?}", row.get(10)),
        }
    }

    // The county's distribution per dimension, its means and the change since 2025.
    let names = ["A", "B", "C", "D", "E", "F"];
    for (i, key) in names.iter().enumerate() {
        let row = cells(&page, &format!("{key} "));
        let mut counts = [0u32; 9];
        for agreed in &now {
            counts[agreed.stages()[i] as usize - 1] += 1;
        }
        let expected: Vec<String> = counts.iter().map(u32::to_string).collect();
        assert_eq!(row[1..10], expected[..], "dimension {key}: {row:?}");
        let county = now.iter().map(|o| o.mean(i)).sum::<f64>() / now.len() as f64;
        assert_eq!(row[10], two_decimals(county), "dimension {key}");
        assert_eq!(row[11], (county.floor() as u32).to_string());
    }
    // The lowest, counted here: Alingsås F and B; Borås F, then B and E tied; Lerum A and E tied.
    let mut lowest: Vec<(&str, usize)> = names
        .iter()
        .map(|k| (*k, now.iter().filter(|o| o.lowest().contains(k)).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    lowest.sort_by_key(|l| std::cmp::Reverse(l.1));
    let pdf = lena.get(&format!("{report}/pdf")).await.bytes().await.expect("pdf");
    let text = crate::common::pdf_text(&pdf).expect("text").replace('\u{a0}', " ");
    let mut at = 0;
    for (key, count) in &lowest {
        let line = format!(": {count} av {} organisationer", now.len());
        let found = text[at..].find(&format!("{key} ")).and_then(|k| text[at + k..].find(&line).map(|l| at + k + l));
        at = found.unwrap_or_else(|| panic!("{key}{line} in order in {text}"));
    }
    assert!(text.contains("Länsrapport") && text.contains("Lerums kommun"), "{text}");
    for (i, key) in names.iter().enumerate() {
        let then = before.iter().map(|o| o.mean(i)).sum::<f64>() / before.len() as f64;
        let now_mean = now.iter().map(|o| o.mean(i)).sum::<f64>() / now.len() as f64;
        let change_rows: Vec<&str> =
            page.match_indices(&format!("<th scope=\"row\">{key} ")).map(|(s, _)| &page[s..]).collect();
        let change = cells(change_rows.last().expect("the change table"), &format!("{key} "));
        let delta = ((now_mean * 100.0).round() - (then * 100.0).round()) / 100.0;
        let sign = if delta > 0.0 { "+" } else { "" };
        assert_eq!(
            change[1..4],
            [two_decimals(then), two_decimals(now_mean), format!("{sign}{}", two_decimals(delta))],
            "{key}"
        );
    }
    assert!(lena.get(&format!("{report}/docx")).await.status().is_success());

    // The board opens each reported measurement's report from its row, for the feedback meeting.
    let boras_offer = app
        .text(&format!("SELECT CAST(id AS TEXT) FROM campaign_offers WHERE campaign_id = {id} AND org_id = {boras}"))
        .await
        .expect("offer");
    let boras_assessment = app
        .text(&format!("SELECT CAST(assessment_id AS TEXT) FROM campaign_offers WHERE id = {boras_offer}"))
        .await
        .expect("assessment");
    let (_, row) = lena.page(&format!("/campaigns/{id}/offers/{boras_offer}")).await;
    let report_link = format!("href=\"/portfolio/{boras_assessment}\"");
    assert!(row.contains(&report_link), "{row}");
    let molndal_offer = app
        .text(&format!("SELECT CAST(id AS TEXT) FROM campaign_offers WHERE campaign_id = {id} AND org_id = {molndal}"))
        .await
        .expect("offer");
    let (_, approved_only) = lena.page(&format!("/campaigns/{id}/offers/{molndal_offer}")).await;
    assert!(!approved_only.contains("href=\"/portfolio/"), "no report before it is reported");
    let (status, measurement) = lena.page(&format!("/portfolio/{boras_assessment}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(measurement.contains("Borås stad"));

    // Anonymised: numbered by overall result, no name left; Borås (highest) is organisation 1.
    let (_, anonymous) = lena.page(&format!("{report}?names=anonymised")).await;
    for agreed in &now {
        assert!(!anonymous.contains(agreed.name), "{} named", agreed.name);
    }
    let mut order: Vec<&Agreed> = now.iter().collect();
    order.sort_by(|x, y| y.overall().0.total_cmp(&x.overall().0));
    let first = cells(&anonymous, "Organisation 1");
    assert_eq!(first[1..7], order[0].stages().iter().map(u32::to_string).collect::<Vec<_>>()[..]);

    // Who reads it: the board's members; an organisation that took part once shared; never
    // one not reported, the contractor or anyone else.
    assert_eq!(vera.get(&report).await.status(), StatusCode::OK);
    for (who, why) in [(&lars, "not shared yet"), (&maja, "not reported"), (&kalle, "the contractor")] {
        assert_eq!(who.get(&report).await.status(), StatusCode::NOT_FOUND, "{why}");
        assert_eq!(who.get(&format!("{report}/pdf")).await.status(), StatusCode::NOT_FOUND, "{why}");
    }
    let share = format!("{report}/sharing");
    assert_eq!(vera.post(&share, &[("sharing", "named")]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(lars.post(&share, &[("sharing", "named")]).await.status(), StatusCode::NOT_FOUND);
    let (status, _) = lena.post_page(&share, &[("sharing", "everyone")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(lena.post(&share, &[("sharing", "anonymised")]).await.status(), StatusCode::SEE_OTHER);
    let (status, shared) = lars.page(&report).await;
    assert_eq!(status, StatusCode::OK);
    assert!(shared.contains("Lerums kommun (er organisation)"), "{shared}");
    assert!(!shared.contains("Borås stad") && !shared.contains("Alingsås kommun"), "the others numbered");
    assert_eq!(maja.get(&report).await.status(), StatusCode::NOT_FOUND, "shared with those who took part");
    assert_eq!(lena.post(&share, &[("sharing", "named")]).await.status(), StatusCode::SEE_OTHER);
    let (_, named) = lars.page(&report).await;
    assert!(named.contains("Borås stad") && named.contains("Alingsås kommun"));
    let sharing_logged = app
        .text(&format!(
            "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE org_id = {board} AND entity = 'campaign' AND action = 'share'"
        ))
        .await;
    assert_eq!(sharing_logged.as_deref(), Some("2"));
    app.stop().await;
}
