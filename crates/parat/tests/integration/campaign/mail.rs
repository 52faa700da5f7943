//! The offer and reminders by e-mail, through a real SMTP conversation: each offered
//! organisation's administrators and coordinators get the offer in their own language when the
//! campaign is made; the board's reminder reaches only those that have not answered.

use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;

use crate::common::{self, location, TestApp};

#[tokio::test]
async fn the_offer_and_reminders_go_out_by_e_mail_to_those_who_answer_for_each_organisation() {
    let sink = common::SmtpSink::start().await;
    let database = common::TestDatabase::new(common::Backend::from_env()).await;
    let mut config = common::config(&database.url);
    config.mail =
        Some(parat::config::MailConfig { smtp_url: sink.url(), from: "Parat <parat@lansstyrelsen.se>".into() });
    let app = TestApp::spawn_with(database, config).await;
    let board = app.organisation("Länsstyrelsen Västra Götaland", OrgKind::CountyBoard, None).await;
    let boras = app.organisation("Borås stad", OrgKind::Municipality, Some(board)).await;
    let alingsas = app.organisation("Alingsås kommun", OrgKind::Municipality, Some(board)).await;
    let lena = app.logged_in(board, "lena@lansstyrelsen.se", "Lena Länsstyrelse", Role::Coordinator).await;
    let vera = app.logged_in(board, "vera@lansstyrelsen.se", "Vera Läsare", Role::Viewer).await;
    let _sara = app.logged_in(boras, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let _bo = app.logged_in(boras, "bo@boras.se", "Bo Läsare", Role::Viewer).await;
    let alma = app.logged_in(alingsas, "alma@alingsas.se", "Alma Alingsås", Role::Coordinator).await;
    // Alma reads Parat in Danish: her mail is in Danish too.
    app.execute("UPDATE users SET locale = 'da' WHERE email = $1", "alma@alingsas.se").await;

    let made = lena
        .post(
            "/campaigns",
            &[
                ("name", "Beredskap 2027"),
                ("topics", "violence_close_relationships"),
                ("instrument_id", "crm-2006"),
                ("starts_on", "2026-01-15"),
                ("ends_on", "2099-12-15"),
                ("answer_by", "2099-02-28"),
                ("offer_text", "Länsstyrelsen erbjuder en mätning med återkoppling."),
                ("price", "60 000"),
                ("board_share", "50"),
                ("audience", "all"),
            ],
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let board_page = location(&made);
    assert!(board_page.contains("mailed=2&failed=0"), "{board_page}");
    let offer_of = |org: i64| format!("SELECT CAST(id AS TEXT) FROM campaign_offers WHERE org_id = {org}");
    let boras_offer = app.text(&offer_of(boras)).await.expect("offer");
    let alingsas_offer = app.text(&offer_of(alingsas)).await.expect("offer");

    let mut offers = sink.take();
    offers.sort_by(|a, b| a.to.cmp(&b.to));
    let to: Vec<&str> = offers.iter().map(|m| m.to[0].as_str()).collect();
    // Administrators (the test's root is one in each organisation) and coordinators, not viewers.
    assert_eq!(to, ["alma@alingsas.se", "root@test.parat.se", "root@test.parat.se", "sara@boras.se"]);
    let (alma_mail, sara_mail) = (&offers[0].body, &offers[3].body);
    for expected in [
        "Länsstyrelsen Västra Götaland erbjuder Borås stad en mätning av beredskapen: Beredskap 2027.",
        "Länsstyrelsen erbjuder en mätning med återkoppling.",
        "Borås stad betalar 30",
        "Svara senast 2099-02-28.",
        &format!("/offers/{boras_offer}"),
    ] {
        assert!(sara_mail.contains(expected), "{expected} in {sara_mail}");
    }
    assert!(
        alma_mail.contains("tilbyder Alingsås kommun en måling")
            && alma_mail.contains(&format!("/offers/{alingsas_offer}")),
        "{alma_mail}"
    );
    let (_, shown) = lena.page(&board_page).await;
    assert!(shown.contains("E-post skickades till 2 organisationer."), "{shown}");
    assert!(shown.contains("Skicka påminnelse med e-post till de 2 som inte har svarat"), "{shown}");

    // Alingsås answers; the reminder goes to Borås only, as a reminder.
    let interest = [
        ("topic", "violence_close_relationships"),
        ("contact_name", "Alma Alingsås"),
        ("contact_email", "alma@alingsas.se"),
    ];
    assert_eq!(
        alma.post(&format!("/offers/{alingsas_offer}/interest"), &interest).await.status(),
        StatusCode::SEE_OTHER
    );
    let campaign = common::id_from_location(&board_page);
    assert_eq!(vera.post(&format!("/campaigns/{campaign}/remind"), &[]).await.status(), StatusCode::FORBIDDEN);
    let reminded = lena.post(&format!("/campaigns/{campaign}/remind"), &[]).await;
    assert_eq!(reminded.status(), StatusCode::SEE_OTHER);
    assert!(location(&reminded).contains("mailed=1&failed=0"));
    let mut reminders = sink.take();
    reminders.sort_by(|a, b| a.to.cmp(&b.to));
    let to: Vec<&str> = reminders.iter().map(|m| m.to[0].as_str()).collect();
    assert_eq!(to, ["root@test.parat.se", "sara@boras.se"]);
    assert!(reminders[1].body.contains("har ännu inte fått svar från Borås stad"), "{}", reminders[0].body);
    let (_, shown) = lena.page(&format!("/campaigns/{campaign}")).await;
    assert!(shown.contains("Påmind "), "the reminder on Borås's row");
    let logged = app
        .text(&format!(
            "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE org_id = {board} AND entity = 'campaign' AND action = 'mail'"
        ))
        .await;
    assert_eq!(logged.as_deref(), Some("2"), "the offer and the reminder in the board's log");
    app.stop().await;
}
