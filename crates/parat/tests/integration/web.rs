//! The site over HTTP: setup, login, CSRF, initiatives, languages, roles, tenant isolation,
//! bad input. Runs on SQLite, and on PostgreSQL with `PARAT_TEST_BACKEND=postgres`.

use crate::common;

use common::{html_escape, id_from_location, location, Browser, TestApp, PASSWORD};
use parat::server;
use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;

#[tokio::test]
async fn first_start_offers_a_one_time_setup_link_that_creates_the_first_administrator() {
    let app = TestApp::spawn().await;
    let browser = app.browser();

    let (status, body) = browser.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Parat är inte igång än"), "{body}");

    let link = server::setup_link(&app.config, &app.db).await.expect("link").expect("needs setup");
    let path = link.trim_start_matches("http://127.0.0.1");
    let (status, body) = browser.page(path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Kom igång med Parat"));

    // A mistake: the form comes back with everything typed and the error beside its field.
    let typed = [
        ("display_name", "Greta <Gren>"),
        ("email", "greta@boras.se"),
        ("password", "ett långt lösenord"),
        ("password_confirmation", "ett annat lösenord"),
        ("org_name", "Borås stad"),
        ("org_kind", "municipality"),
    ];
    let response = browser.post(path, &typed).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.expect("body");
    assert!(body.contains(&html_escape("Greta <Gren>")), "name kept");
    assert!(body.contains("value=\"greta@boras.se\""), "email kept");
    assert!(body.contains("value=\"Borås stad\""), "organisation kept");
    assert!(body.contains("id=\"f-password_confirmation-error\""), "error tied to its field");
    assert!(body.contains("aria-describedby=\"f-password_confirmation-error\""));
    assert!(body.contains("Lösenorden är inte lika."));

    let mut fixed = typed;
    fixed[3] = ("password_confirmation", "ett långt lösenord");
    let response = browser.post(path, &fixed).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (status, body) = browser.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Mina insatser") && body.contains("Borås stad"));

    // The link works once.
    let other = app.browser();
    assert_eq!(other.page(path).await.0, StatusCode::NOT_FOUND);
    assert!(server::setup_link(&app.config, &app.db).await.expect("query").is_none());
    app.stop().await;
}

#[tokio::test]
async fn login_refuses_wrong_passwords_keeps_the_address_and_logout_ends_the_session() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Alingsås kommun", OrgKind::Municipality, None).await;
    app.user("anna@alingsas.se", "Anna Andersson").await;
    app.member(org, "anna@alingsas.se", Role::Coordinator).await;
    let browser = app.browser();

    assert_eq!(location(&browser.get("/initiatives").await), "/login?next=/initiatives");
    let response = browser.post("/login", &[("email", "anna@alingsas.se"), ("password", "wrong password")]).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body = response.text().await.expect("body");
    assert!(body.contains("value=\"anna@alingsas.se\"") && body.contains("stämmer inte"));

    let response = browser
        .post("/login", &[("email", "Anna@Alingsas.se "), ("password", PASSWORD), ("next", "/initiatives")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/initiatives");
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("parat_session="))
        .expect("session cookie")
        .to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"));
    assert_eq!(browser.page("/initiatives").await.0, StatusCode::OK);

    // An open redirect is not followed.
    let other = app.browser();
    let response = other
        .post("/login", &[("email", "anna@alingsas.se"), ("password", PASSWORD), ("next", "//evil.example/")])
        .await;
    assert_eq!(location(&response), "/");

    assert_eq!(browser.post("/logout", &[]).await.status(), StatusCode::SEE_OTHER);
    assert!(location(&browser.get("/initiatives").await).starts_with("/login"));
    app.stop().await;
}

#[tokio::test]
async fn logins_are_throttled_per_account_after_repeated_failures() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    app.user("lars@lerum.se", "Lars").await;
    app.member(org, "lars@lerum.se", Role::Viewer).await;
    let browser = app.browser();
    for _ in 0..parat_store::accounts::MAX_FAILURES_PER_ACCOUNT {
        let response = browser.post("/login", &[("email", "lars@lerum.se"), ("password", "not the password")]).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    // Now even the right password waits.
    let response = browser.post("/login", &[("email", "lars@lerum.se"), ("password", PASSWORD)]).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.text().await.expect("body").contains("För många misslyckade försök"));
    app.stop().await;
}

/// Parallel wrong passwords for one account: exactly the limit get through to the password
/// check, every other attempt is refused, however many arrive at once. (Before the check and the
/// record were one step, 77 of 100 parallel attempts got through.)
#[tokio::test]
async fn a_burst_of_parallel_logins_is_throttled_at_the_limit() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    for (burst, email) in [(20, "lars@lerum.se"), (100, "lisa@lerum.se")] {
        app.user(email, "Lars").await;
        app.member(org, email, Role::Viewer).await;
        let browser = app.browser();
        let token = browser.csrf().await;
        let mut attempts = tokio::task::JoinSet::new();
        for _ in 0..burst {
            let request = browser.client.post(browser.url("/login")).form(&[
                ("email", email),
                ("password", "not the password"),
                ("csrf", token.as_str()),
            ]);
            attempts.spawn(async move { request.send().await.expect("request").status() });
        }
        let statuses = attempts.join_all().await;
        let through = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
        let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
        let limit = parat_store::accounts::MAX_FAILURES_PER_ACCOUNT as usize;
        assert_eq!((through, refused), (limit, burst - limit), "burst of {burst}: {statuses:?}");
    }
    app.stop().await;
}

#[tokio::test]
async fn logins_are_throttled_per_address_across_accounts() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    app.user("lars@lerum.se", "Lars").await;
    app.member(org, "lars@lerum.se", Role::Viewer).await;
    let browser = app.browser();
    for i in 0..parat_store::accounts::MAX_FAILURES_PER_ADDRESS {
        let email = format!("guess{i}@lerum.se");
        let response = browser.post("/login", &[("email", &email), ("password", "not the password")]).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    // An account nobody guessed at is now refused too, from this address.
    let response = browser.post("/login", &[("email", "lars@lerum.se"), ("password", PASSWORD)]).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    app.stop().await;
}

#[tokio::test]
async fn state_changing_requests_without_the_csrf_token_are_refused() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let browser = app.logged_in(org, "sara@boras.se", "Sara", Role::Coordinator).await;
    let fields = [("name", "Utan token"), ("topic", "integration")];

    let response = browser.post_raw("/initiatives", &fields).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(response.text().await.expect("body").contains("Formuläret har gått ut"));

    let mut wrong = fields.to_vec();
    wrong.push(("csrf", "0000000000000000000000000000000000000000000000000000000000000000"));
    assert_eq!(browser.post_raw("/initiatives", &wrong).await.status(), StatusCode::FORBIDDEN);

    // A cross-site request is refused even with a valid token.
    let mut valid = fields.to_vec();
    let token = browser.csrf().await;
    valid.push(("csrf", &token));
    let cross_site = browser
        .client
        .post(browser.url("/initiatives"))
        .header("origin", "https://evil.example")
        .form(&valid)
        .send()
        .await
        .expect("request");
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);

    let list = browser.page("/initiatives").await.1;
    assert!(!list.contains("Utan token"), "nothing was written");
    assert_eq!(browser.post_raw("/initiatives", &valid).await.status(), StatusCode::SEE_OTHER);
    app.stop().await;
}

#[tokio::test]
async fn a_coordinator_creates_edits_archives_and_restores_an_initiative() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let partner = app.organisation("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None).await;
    let browser = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;

    let (status, form) = browser.page("/initiatives/new").await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Samordningsförbundet Sjuhärad"), "partners offered");

    // Invalid: every value comes back as typed, with an error beside each wrong field.
    let typed = [
        ("name", ""),
        ("description", "Rad ett\nRad två & <tre>"),
        ("topic", "custom"),
        ("custom_topic", ""),
        ("target_group", "Unga vuxna"),
        ("start_date", "2026-05-01"),
        ("end_date", "2026-04-01"),
        ("status", "active"),
    ];
    let response = browser.post("/initiatives", &typed).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.expect("body");
    for (field, message) in [
        ("name", "Fyll i det här fältet."),
        ("custom_topic", "Fyll i det här fältet."),
        ("end_date", "Slutdatumet kan inte ligga före startdatumet."),
    ] {
        assert!(body.contains(&format!("id=\"f-{field}-error\"")), "{field} has its error");
        assert!(body.contains(message));
    }
    assert!(body.contains(&html_escape("Rad ett\nRad två & <tre>")), "description kept");
    // A list left at its empty choice asks to choose, not to "fill in".
    let unchosen =
        browser.post("/initiatives", &[("name", "Utan ämne"), ("topic", "")]).await.text().await.expect("body");
    assert!(unchosen.contains("id=\"f-topic-error\"") && unchosen.contains("Välj ett av alternativen."), "{unchosen}");
    assert!(!unchosen.contains("Fyll i det här fältet."), "{unchosen}");
    assert!(
        body.contains("value=\"Unga vuxna\"")
            && body.contains("value=\"2026-05-01\"")
            && body.contains("value=\"2026-04-01\"")
    );
    assert!(body.contains("<option value=\"active\" selected>"), "status kept");
    assert!(body.contains("href=\"#f-name\""), "the summary links to the field");

    let partner_id = partner.to_string();
    let sara = app_user_id(&app, "sara@boras.se").await.to_string();
    assert!(form.contains(&format!("<option value=\"{sara}\" selected>")), "the new initiative is mine by default");
    let response = browser
        .post(
            "/initiatives",
            &[
                ("name", "Våld i nära relationer – gemensam rutin"),
                ("description", "Kartläggning och utbildning."),
                ("topic", "violence_close_relationships"),
                ("target_group", "Vuxna utsatta för våld"),
                ("start_date", "2026-01-15"),
                ("end_date", "2027-06-30"),
                ("status", "active"),
                ("partner_ids", &partner_id),
                ("owner_id", &sara),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let id = id_from_location(&location(&response));
    let (_, page) = browser.page(&format!("/initiatives/{id}")).await;
    for expected in [
        "Våld i nära relationer – gemensam rutin",
        "Vuxna utsatta för våld",
        "2026-01-15 – 2027-06-30",
        "Pågår",
        "Samordningsförbundet Sjuhärad",
    ] {
        assert!(page.contains(expected), "{expected}");
    }

    let response = browser
        .post(
            &format!("/initiatives/{id}"),
            &[
                ("name", "VIR – gemensam rutin"),
                ("topic", "custom"),
                ("custom_topic", "Våld och missbruk"),
                ("status", "paused"),
                ("owner_id", &sara),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = browser.page(&format!("/initiatives/{id}")).await;
    assert!(page.contains("VIR – gemensam rutin") && page.contains("Våld och missbruk") && page.contains("Pausad"));
    assert!(!page.contains("Samordningsförbundet Sjuhärad"), "partners replaced");

    assert_eq!(browser.post(&format!("/initiatives/{id}/archive"), &[]).await.status(), StatusCode::SEE_OTHER);
    let (_, list) = browser.page("/initiatives").await;
    assert!(!list.contains("VIR – gemensam rutin"), "archived initiatives leave the list");
    let (_, list) = browser.page("/initiatives?archived=1").await;
    assert!(list.contains("VIR – gemensam rutin"));
    assert_eq!(browser.post(&format!("/initiatives/{id}/restore"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert!(browser.page("/initiatives").await.1.contains("VIR – gemensam rutin"));

    // Search and filters, including non-ASCII case folding.
    assert!(browser.page("/initiatives?q=vir").await.1.contains("VIR – gemensam rutin"));
    assert!(browser.page("/initiatives?q=V%C3%85LD").await.1.contains("VIR – gemensam rutin"), "Å matches å");
    assert!(!browser.page("/initiatives?q=integration").await.1.contains("VIR – gemensam rutin"));
    assert!(browser.page("/initiatives?status=paused").await.1.contains("VIR – gemensam rutin"));
    assert!(!browser.page("/initiatives?status=active").await.1.contains("VIR – gemensam rutin"));

    // The home page lists it as mine.
    assert!(browser.page("/").await.1.contains("VIR – gemensam rutin"));

    // The audit log has every change with before and after, for the organisation's admins.
    let admin = app.logged_in(org, "admin@boras.se", "Adam Admin", Role::Admin).await;
    let (status, audit) = admin.page("/audit").await;
    assert_eq!(status, StatusCode::OK);
    for expected in ["Skapade", "Ändrade", "Arkiverade", "Återställde", "Sara Samordnare", "VIR – gemensam rutin"]
    {
        assert!(audit.contains(expected), "audit shows {expected}");
    }
    // Changes as labelled fields in the reader's language, before and after: no raw JSON.
    assert!(audit.contains("<dt>Status</dt><dd><del>Pågår</del> → <ins>Pausad</ins></dd>"), "{audit}");
    assert!(!audit.contains("&quot;status&quot;") && !audit.contains("\"status\":"), "no raw JSON");
    assert!(!audit.contains("argon2") && !audit.contains(PASSWORD), "no secrets in the audit log");
    // Filters: by kind of record, by person, by dates (a wrong date is said so, and kept).
    let memberships = admin.page("/audit?record=membership").await.1;
    assert!(memberships.contains("medlemskap") && !memberships.contains("Arkiverade"), "{memberships}");
    let sara = app_user_id(&app, "sara@boras.se").await;
    let by_sara = admin.page(&format!("/audit?person={sara}")).await.1;
    assert!(by_sara.contains("Arkiverade") && !by_sara.contains("<td>Adam Admin</td>"));
    // Tomorrow as the audit log counts days: in Scandinavian time, which runs ahead of UTC.
    let today = parat_store::now_date();
    let later = admin.page(&format!("/audit?from={}", today.next_day().expect("tomorrow"))).await.1;
    assert!(later.contains("Inga händelser"), "nothing from tomorrow on");
    let bad = admin.page("/audit?from=2026-02-30").await.1;
    assert!(bad.contains("id=\"f-from-error\"") && bad.contains("value=\"2026-02-30\""));
    app.stop().await;
}

#[tokio::test]
async fn the_language_can_be_switched_and_is_remembered_for_the_account() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Københavns Kommune", OrgKind::Municipality, None).await;
    let browser = app.logged_in(org, "mette@kk.dk", "Mette", Role::Coordinator).await;
    assert!(browser.page("/").await.1.contains("<html lang=\"sv\""));

    let response = browser.post("/language", &[("locale", "da"), ("return_to", "/initiatives")]).await;
    assert_eq!(location(&response), "/initiatives");
    let (_, page) = browser.page("/initiatives").await;
    assert!(page.contains("<html lang=\"da\"") && page.contains("Indsatser") && page.contains("Ny indsats"));

    browser.post("/language", &[("locale", "en"), ("return_to", "/")]).await;
    assert!(browser.page("/").await.1.contains("My initiatives"));

    // Remembered on the account: a new browser logging in gets English.
    let other = app.browser();
    other.login("mette@kk.dk", PASSWORD).await;
    assert!(other.page("/").await.1.contains("<html lang=\"en\""));

    // A visitor's browser language is used before login.
    let visitor = app.browser();
    let response = visitor
        .client
        .get(visitor.url("/login"))
        .header("accept-language", "da-DK,da;q=0.9")
        .send()
        .await
        .expect("get");
    assert!(response.text().await.expect("body").contains("Log ind"));
    let bad = browser.post("/language", &[("locale", "xx"), ("return_to", "/")]).await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    app.stop().await;
}

#[tokio::test]
async fn roles_decide_what_a_member_may_do() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let viewer = app.logged_in(org, "sven@boras.se", "Sven Styrgrupp", Role::Viewer).await;
    let (status, list) = viewer.page("/initiatives").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!list.contains("/initiatives/new"), "no create button for viewers");
    assert_eq!(viewer.page("/initiatives/new").await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        viewer.post("/initiatives", &[("name", "X"), ("topic", "integration")]).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(viewer.page("/members").await.0, StatusCode::FORBIDDEN);
    assert_eq!(viewer.page("/audit").await.0, StatusCode::FORBIDDEN);
    let scorer = app.logged_in(org, "bo@boras.se", "Bo", Role::Scorer).await;
    assert_eq!(scorer.page("/initiatives/new").await.0, StatusCode::FORBIDDEN);
    let nav = scorer.page("/").await.1;
    assert!(!nav.contains("href=\"/members\"") && !nav.contains("href=\"/audit\""));
    app.stop().await;
}

#[tokio::test]
async fn administrators_manage_members_and_keep_at_least_one_admin() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let admin = app.logged_in(org, "admin@lerum.se", "Alva Admin", Role::Admin).await;

    // A new account with a role.
    let response = admin
        .post(
            "/members",
            &[
                ("email", "ny@lerum.se"),
                ("role", "scorer"),
                ("display_name", "Nils Ny"),
                ("password", "nils första lösen"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let members = admin.page("/members").await.1;
    assert!(members.contains("Nils Ny") && members.contains("ny@lerum.se"));
    let nils = app.browser();
    nils.login("ny@lerum.se", "nils första lösen").await;

    // Invalid: the typed values come back.
    let response = admin.post("/members", &[("email", "inte-en-adress"), ("role", "boss")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.expect("body");
    assert!(body.contains("value=\"inte-en-adress\"") && body.contains("Det alternativet finns inte."));

    // Adding someone already there is a field error, not a crash.
    let response = admin.post("/members", &[("email", "ny@lerum.se"), ("role", "viewer")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The last administrator cannot demote themselves (the instance administrator who made
    // the organisation leaves first).
    let root_id = app.instance_admin().await;
    assert_eq!(admin.post(&format!("/members/{root_id}"), &[("role", "")]).await.status(), StatusCode::SEE_OTHER);
    let admin_id = app_user_id(&app, "admin@lerum.se").await;
    let response = admin.post(&format!("/members/{admin_id}"), &[("role", "viewer")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.expect("body").contains("minst en administratör"));

    let nils_id = app_user_id(&app, "ny@lerum.se").await;
    assert_eq!(
        admin.post(&format!("/members/{nils_id}"), &[("role", "coordinator")]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert!(nils.page("/initiatives/new").await.0 == StatusCode::OK, "the new role applies at once");
    // Removing asks first, on a page of its own; the list only links there.
    let remove_path = format!("/members/{nils_id}/remove");
    assert!(admin.page("/members").await.1.contains(&format!("href=\"{remove_path}\"")));
    let (status, question) = admin.page(&remove_path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(question.contains("<h1>Ta bort Nils Ny från organisationen?</h1>"), "{question}");
    assert!(
        question.contains(&format!("action=\"/members/{nils_id}\"")) && question.contains("name=\"role\" value=\"\"")
    );
    assert_eq!(nils.page("/initiatives/new").await.0, StatusCode::OK, "asking removed nothing");
    assert_eq!(nils.page(&remove_path).await.0, StatusCode::FORBIDDEN, "only administrators are asked");
    assert_eq!(admin.post(&format!("/members/{nils_id}"), &[("role", "")]).await.status(), StatusCode::SEE_OTHER);
    assert!(!admin.page("/members").await.1.contains("ny@lerum.se"));
    assert_eq!(admin.page(&remove_path).await.0, StatusCode::NOT_FOUND, "no longer a member");
    app.stop().await;
}

async fn app_user_id(app: &TestApp, email: &str) -> i64 {
    parat_store::accounts::authenticate(&app.db, email, PASSWORD)
        .await
        .expect("query")
        .or(match email {
            "ny@lerum.se" => {
                parat_store::accounts::authenticate(&app.db, email, "nils första lösen").await.expect("query")
            }
            _ => None,
        })
        .expect("user exists")
}

#[tokio::test]
async fn a_consultant_switches_between_organisations() {
    let app = TestApp::spawn().await;
    let first = app.organisation("Alingsås kommun", OrgKind::Municipality, None).await;
    let second = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let outsider = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let konsult = app.logged_in(first, "karin@konsult.se", "Karin Konsult", Role::Coordinator).await;
    app.member(second, "karin@konsult.se", Role::Scorer).await;

    let home = konsult.page("/").await.1;
    assert!(home.contains("Alingsås kommun") && home.contains("Byt organisation"));
    let response = konsult.post("/organisations/switch", &[("org_id", &second.to_string())]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let home = konsult.page("/").await.1;
    assert!(home.contains("Borås stad"));
    assert_eq!(konsult.page("/initiatives/new").await.0, StatusCode::FORBIDDEN, "scorer there");
    let response = konsult.post("/organisations/switch", &[("org_id", &outsider.to_string())]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

/// A person changes their own password (the current one first; other sessions end); someone
/// who forgot theirs gets a one-time link from an administrator of their only organisation;
/// a consultant in several organisations does not (the command line makes theirs).
#[tokio::test]
async fn passwords_are_changed_and_reset_with_one_time_links() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let other = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let admin = app.logged_in(org, "alva@lerum.se", "Alva Admin", Role::Admin).await;
    let lars = app.logged_in(org, "lars@lerum.se", "Lars Larsson", Role::Coordinator).await;
    let lars_id = app_user_id(&app, "lars@lerum.se").await;
    let elsewhere = app.browser();
    elsewhere.login("lars@lerum.se", PASSWORD).await;

    // Changing one's own password.
    let change = |current: &'static str, new: &'static str, again: &'static str| {
        let fields = [("current_password", current), ("password", new), ("password_confirmation", again)];
        let lars = &lars;
        async move { lars.post("/account/password", &fields).await }
    };
    let refused = change("fel lösenord", "ett nytt långt lösenord", "ett nytt långt lösenord").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("body");
    assert!(
        body.contains("Lösenordet stämmer inte.") && !body.contains("ett nytt långt lösenord"),
        "no password echoed"
    );
    let mismatch = change(PASSWORD, "ett nytt långt lösenord", "ett annat långt lösenord").await;
    assert_eq!(mismatch.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(mismatch.text().await.expect("body").contains("Lösenorden är inte lika."));
    let changed = change(PASSWORD, "ett nytt långt lösenord", "ett nytt långt lösenord").await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    assert!(lars.page(&location(&changed)).await.1.contains("Lösenordet är bytt."));
    assert!(location(&elsewhere.get("/initiatives").await).starts_with("/login"), "the other session ended");
    let fresh = app.browser();
    assert_eq!(
        fresh.post("/login", &[("email", "lars@lerum.se"), ("password", PASSWORD)]).await.status(),
        StatusCode::UNAUTHORIZED
    );
    fresh.login("lars@lerum.se", "ett nytt långt lösenord").await;

    // Forgotten: the login page says whom to ask; an administrator makes a one-time link.
    let login = app.browser().page("/login").await.1;
    assert!(login.contains("href=\"/password/forgot\""));
    assert!(app.browser().page("/password/forgot").await.1.contains("Be en administratör"));
    let members = admin.page("/members").await.1;
    assert!(members.contains(&format!("/members/{lars_id}/reset-link")));
    let response = admin.post(&format!("/members/{lars_id}/reset-link"), &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let page = response.text().await.expect("body");
    let link = page.split("<code class=\"token\">").nth(1).and_then(|s| s.split('<').next()).expect("the link");
    let path = link.trim_start_matches("http://127.0.0.1").to_owned();
    assert!(path.starts_with("/reset/"), "{link}");
    let visitor = app.browser();
    let (status, form) = visitor.page(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Lars Larsson"));
    let short = visitor.post(&path, &[("password", "kort"), ("password_confirmation", "kort")]).await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY, "the link survives a rejected form");
    let done = visitor
        .post(&path, &[("password", "tredje lösenordet här"), ("password_confirmation", "tredje lösenordet här")])
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert!(visitor.page(&location(&done)).await.1.contains("Lösenordet är bytt. Logga in med det nya."));
    assert_eq!(visitor.page(&path).await.0, StatusCode::NOT_FOUND, "the link works once");
    assert!(location(&fresh.get("/initiatives").await).starts_with("/login"), "every session ended");
    let lars = app.browser();
    lars.login("lars@lerum.se", "tredje lösenordet här").await;
    assert!(admin.page("/audit").await.1.contains("länk för nytt lösenord"), "the link is in the audit log");

    // Someone who belongs to another organisation too gets no link from this one's administrator.
    app.member(other, "lars@lerum.se", Role::Viewer).await;
    assert!(!admin.page("/members").await.1.contains(&format!("/members/{lars_id}/reset-link")));
    assert_eq!(admin.post(&format!("/members/{lars_id}/reset-link"), &[]).await.status(), StatusCode::FORBIDDEN);
    // Nor does a non-administrator give links.
    assert_eq!(lars.post(&format!("/members/{lars_id}/reset-link"), &[]).await.status(), StatusCode::FORBIDDEN);
    app.stop().await;
}

/// Walks every route with a member of another organisation: each answers exactly like a
/// missing record, and no page shows the other organisation's data.
#[tokio::test]
async fn another_organisations_records_are_not_found_on_every_route() {
    let app = TestApp::spawn().await;
    let boras = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let lerum = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let owner = app.logged_in(boras, "sara@boras.se", "Sara Borås", Role::Admin).await;
    let response = owner
        .post(
            "/initiatives",
            &[("name", "Hemlig insats i Borås"), ("topic", "integration"), ("target_group", "Känslig målgrupp")],
        )
        .await;
    let id = id_from_location(&location(&response));
    let token = owner.api_token("borås-nyckel").await;
    let sara_id = app_user_id(&app, "sara@boras.se").await;

    let intruder = app.logged_in(lerum, "ida@lerum.se", "Ida Lerum", Role::Admin).await;
    let intruder_token = intruder.api_token("lerum-nyckel").await;
    let missing = 999_999;

    for path in [format!("/initiatives/{id}"), format!("/initiatives/{id}/edit")] {
        let (status, body) = intruder.page(&path).await;
        let (missing_status, _) = intruder.page(&path.replace(&id.to_string(), &missing.to_string())).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(missing_status, StatusCode::NOT_FOUND);
        assert!(!body.contains("Hemlig"));
    }
    for path in
        [format!("/initiatives/{id}"), format!("/initiatives/{id}/archive"), format!("/initiatives/{id}/restore")]
    {
        let response = intruder.post(&path, &[("name", "Kapad"), ("topic", "integration")]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(
        intruder.post(&format!("/members/{sara_id}"), &[("role", "viewer")]).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(intruder.post(&format!("/members/{sara_id}"), &[("role", "")]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(intruder.page(&format!("/members/{sara_id}/remove")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        intruder.post("/organisations/switch", &[("org_id", &boras.to_string())]).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        intruder.post(&format!("/account/tokens/{}/revoke", 1), &[]).await.status(),
        StatusCode::NOT_FOUND,
        "another person's token"
    );

    for path in [
        "/",
        "/initiatives",
        "/initiatives?q=Hemlig",
        "/initiatives?archived=1",
        "/members",
        "/audit",
        "/organisations",
        "/account",
        "/organisation/edit",
    ] {
        let (status, body) = intruder.page(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            !body.contains("Hemlig insats") && !body.contains("Känslig") && !body.contains("sara@boras.se"),
            "{path} leaks"
        );
    }

    // The API answers the same way.
    let api = |path: String, token: String| {
        let client = reqwest::Client::new();
        let url = app.url(&path);
        async move { client.get(url).bearer_auth(token).send().await.expect("api") }
    };
    assert_eq!(api(format!("/api/v1/initiatives/{id}"), token.clone()).await.status(), StatusCode::OK);
    let response = api(format!("/api/v1/initiatives/{id}"), intruder_token.clone()).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.json::<serde_json::Value>().await.expect("json")["error"]["code"], "not_found");
    assert_eq!(
        api(format!("/api/v1/organisations/{boras}"), intruder_token.clone()).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        api(format!("/api/v1/initiatives/{id}/assessments"), intruder_token.clone()).await.status(),
        StatusCode::NOT_FOUND
    );
    let list: serde_json::Value =
        api("/api/v1/initiatives?archived=true".into(), intruder_token.clone()).await.json().await.expect("json");
    assert_eq!(list["total"], 0);
    let orgs: serde_json::Value =
        api("/api/v1/organisations".into(), intruder_token.clone()).await.json().await.expect("json");
    assert_eq!(orgs.as_array().map(Vec::len), Some(1));
    let client = reqwest::Client::new();
    for (method, path) in [
        ("PUT", format!("/api/v1/initiatives/{id}")),
        ("POST", format!("/api/v1/initiatives/{id}/archive")),
        ("POST", format!("/api/v1/initiatives/{id}/restore")),
    ] {
        let request = client.request(method.parse().expect("method"), app.url(&path)).bearer_auth(&intruder_token);
        let response =
            request.json(&serde_json::json!({"name": "Kapad", "topic": "integration"})).send().await.expect("api");
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{method} {path}");
    }
    let (_, page) = owner.page(&format!("/initiatives/{id}")).await;
    assert!(page.contains("Hemlig insats i Borås") && !page.contains("Kapad"), "nothing changed");
    app.stop().await;
}

#[tokio::test]
async fn the_api_lists_creates_and_validates_initiatives_with_tokens() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let browser = app.logged_in(org, "sara@boras.se", "Sara", Role::Coordinator).await;
    let token = browser.api_token("rapportverktyg").await;
    assert!(browser.page("/account").await.1.contains("rapportverktyg"));
    assert!(!browser.page("/account").await.1.contains(&token), "shown only once");
    let client = reqwest::Client::new();

    let unauthorised = client.get(app.url("/api/v1/initiatives")).send().await.expect("api");
    assert_eq!(unauthorised.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unauthorised.json::<serde_json::Value>().await.expect("json")["error"]["code"], "unauthorised");

    let created = client
        .post(app.url("/api/v1/initiatives"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"name": "IPS", "topic": "vocational_rehabilitation", "start_date": "2026-02-01", "status": "active"}))
        .send()
        .await
        .expect("api");
    assert_eq!(created.status(), StatusCode::CREATED);
    let location = created.headers().get("location").and_then(|v| v.to_str().ok()).expect("location").to_owned();
    let body: serde_json::Value = created.json().await.expect("json");
    assert_eq!(body["name"], "IPS");
    assert_eq!(body["start_date"], "2026-02-01");
    assert_eq!(location, format!("/api/v1/initiatives/{}", body["id"]));

    let invalid = client
        .post(app.url("/api/v1/initiatives"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"name": "", "topic": "nope", "end_date": "31/12/2026"}))
        .send()
        .await
        .expect("api");
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: serde_json::Value = invalid.json().await.expect("json");
    assert_eq!(error["error"]["code"], "invalid");
    let fields: Vec<(String, String)> = error["error"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| (f["field"].as_str().unwrap_or("").to_owned(), f["code"].as_str().unwrap_or("").to_owned()))
        .collect();
    assert!(fields.contains(&("name".into(), "required".into())));
    assert!(fields.contains(&("topic".into(), "unknown-choice".into())));
    assert!(fields.contains(&("end_date".into(), "invalid-date".into())));

    let malformed = client
        .post(app.url("/api/v1/initiatives"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"name\": ")
        .send()
        .await
        .expect("api");
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    assert_eq!(malformed.json::<serde_json::Value>().await.expect("json")["error"]["code"], "bad_request");
    let unknown_field = client
        .post(app.url("/api/v1/initiatives"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"name": "x", "topic": "integration", "colour": "red"}))
        .send()
        .await
        .expect("api");
    assert_eq!(unknown_field.status(), StatusCode::BAD_REQUEST);

    let list: serde_json::Value = client
        .get(app.url("/api/v1/initiatives?q=ips"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("api")
        .json()
        .await
        .expect("json");
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["name"], "IPS");
    let bad_filter =
        client.get(app.url("/api/v1/initiatives?status=sleeping")).bearer_auth(&token).send().await.expect("api");
    assert_eq!(bad_filter.status(), StatusCode::BAD_REQUEST);
    let missing = client.get(app.url("/api/v1/nothing-here")).bearer_auth(&token).send().await.expect("api");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(missing.json::<serde_json::Value>().await.expect("json")["error"]["code"], "not_found");

    let openapi: serde_json::Value =
        client.get(app.url("/api/v1/openapi.json")).send().await.expect("api").json().await.expect("json");
    assert!(openapi["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    for path in [
        "/api/v1/organisations",
        "/api/v1/organisations/{id}",
        "/api/v1/initiatives",
        "/api/v1/initiatives/{id}",
        "/api/v1/initiatives/{id}/archive",
    ] {
        assert!(openapi["paths"][path].is_object(), "{path} documented");
    }

    // A revoked token stops working.
    let account = browser.page("/account").await.1;
    let token_id =
        account.split("/account/tokens/").nth(1).and_then(|s| s.split('/').next()).expect("token row").to_owned();
    assert_eq!(browser.post(&format!("/account/tokens/{token_id}/revoke"), &[]).await.status(), StatusCode::SEE_OTHER);
    let revoked = client.get(app.url("/api/v1/initiatives")).bearer_auth(&token).send().await.expect("api");
    assert_eq!(revoked.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

#[tokio::test]
async fn bad_input_gets_a_clear_answer_and_never_a_server_error() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let browser = app.logged_in(org, "sara@boras.se", "Sara", Role::Coordinator).await;

    for path in [
        "/initiatives/abc",
        "/initiatives/-1",
        "/initiatives/0",
        "/initiatives/99999999999999999999999",
        "/initiatives/1%00",
        "/nothing",
        "/initiatives/1/edit/more",
    ] {
        let (status, body) = browser.page(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(body.contains("Sidan finns inte"), "{path} gets a page");
    }

    // An oversized body is refused whole.
    let huge = "x".repeat(300 * 1024);
    let response = browser.post("/initiatives", &[("name", &huge), ("topic", "integration")]).await;
    assert!(
        response.status() == StatusCode::PAYLOAD_TOO_LARGE || response.status() == StatusCode::BAD_REQUEST,
        "{}",
        response.status()
    );
    assert!(response.text().await.expect("body").contains("<html"));

    // Long, odd and hostile values are validation errors or stored safely.
    let long_name = "å".repeat(161);
    let hostile = [
        vec![("name", long_name.as_str()), ("topic", "integration")],
        vec![("name", "a\u{0}b"), ("topic", "integration")],
        vec![("name", "<script>alert(1)</script>"), ("topic", "integration"), ("owner_id", "999999")],
        vec![("name", "x"), ("topic", "integration"), ("partner_ids", "99999")],
        vec![("name", "x"), ("topic", "integration"), ("partner_ids", "abc")],
        vec![("name", "x"), ("topic", "integration"), ("start_date", "2026-02-30")],
        vec![("name", "x"), ("topic", "integration"), ("status", "🙂")],
        vec![("name", "x"), ("topic", "'; DROP TABLE initiatives; --")],
    ];
    for fields in hostile {
        let response = browser.post("/initiatives", &fields).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        let body = response.text().await.expect("body");
        assert!(!body.contains("<script>alert"), "input is escaped");
    }
    // Form bodies that are not form-encoded at all.
    let token = browser.csrf().await;
    let garbage = browser
        .client
        .post(browser.url("/initiatives"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={token}&name=%FF%FE&topic=integration"))
        .send()
        .await
        .expect("post");
    assert!(garbage.status().is_client_error() || garbage.status().is_redirection(), "{}", garbage.status());
    let list = browser.page("/initiatives").await.1;
    assert!(list.contains("0 insatser"), "no partial writes: {list}");

    // Unknown filters are ignored rather than refused; a wild page number is clamped.
    assert_eq!(browser.page("/initiatives?topic=nope&status=zzz&page=-5").await.0, StatusCode::OK);
    assert_eq!(browser.page("/initiatives?page=99999999999").await.0, StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn health_assets_and_security_headers() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let (status, body) = browser.page("/healthz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
    let page = browser.page("/login").await.1;
    for asset in page.split("=\"/assets/").skip(1).map(|s| s.split('"').next().unwrap_or("")) {
        let response = browser.get(&format!("/assets/{asset}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{asset}");
        assert!(response.headers()["cache-control"].to_str().expect("header").contains("immutable"));
    }
    // The address browsers ask for by themselves has an icon (it was a 404).
    let icon = browser.get("/favicon.ico").await;
    assert_eq!(icon.status(), StatusCode::OK);
    assert_eq!(icon.headers()["content-type"], "image/svg+xml");
    let response = browser.get("/login").await;
    assert!(response.headers()["content-security-policy"].to_str().expect("csp").contains("default-src 'self'"));
    assert_eq!(response.headers()["x-frame-options"], "DENY");
    assert_eq!(response.headers()["cache-control"], "no-store");
    app.stop().await;
}

/// Logged-in pages, the response that shows a new API token, and API answers are never stored
/// by a browser or proxy (exports: see the readiness suite); versioned assets keep their cache.
#[tokio::test]
async fn authenticated_responses_are_never_cached() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let browser = app.logged_in(org, "sara@boras.se", "Sara", Role::Coordinator).await;
    for path in ["/", "/account", "/initiatives", "/initiatives/new", "/audit", "/nothing"] {
        let response = browser.get(path).await;
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    }
    let response = browser.post("/account/tokens", &[("name", "rapportverktyg")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store", "the page that shows a new token");
    let token = browser.api_token("andra").await;
    for path in ["/api/v1/initiatives", "/api/v1/organisations", "/api/v1/initiatives/999"] {
        let response = reqwest::Client::new().get(browser.url(path)).bearer_auth(&token).send().await.expect("api");
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    }
    app.stop().await;
}

/// Every cookie Parat sets is `Secure` when Parat is reached over TLS, the pre-login one too.
#[tokio::test]
async fn every_cookie_is_secure_behind_an_https_public_url() {
    let database = common::TestDatabase::new(common::Backend::from_env()).await;
    let mut config = common::config(&database.url);
    config.public_url = "https://parat.example.se".into();
    let app = TestApp::spawn_with(database, config).await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    app.user("sara@boras.se", "Sara").await;
    app.member(org, "sara@boras.se", Role::Coordinator).await;
    let set_cookies = |response: &reqwest::Response| -> Vec<String> {
        response.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).map(str::to_owned).collect()
    };
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let first = client.get(app.url("/login")).send().await.expect("login page");
    let anonymous = set_cookies(&first);
    assert!(anonymous.iter().any(|c| c.starts_with("parat_anon=")), "{anonymous:?}");
    let anon_value = anonymous[0].split(';').next().unwrap_or("").to_owned();
    let token = common::csrf_in(&first.text().await.expect("body")).expect("csrf");
    let login = client
        .post(app.url("/login"))
        .header("cookie", anon_value)
        .form(&[("email", "sara@boras.se"), ("password", PASSWORD), ("csrf", &token)])
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), StatusCode::SEE_OTHER);
    let all: Vec<String> = anonymous.into_iter().chain(set_cookies(&login)).collect();
    assert!(all.len() >= 3, "anonymous, session and language cookies: {all:?}");
    for cookie in &all {
        assert!(
            cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
    }
    app.stop().await;
}

/// What the server acknowledged survives `kill -9` (SQLite, the real binary).
#[tokio::test]
async fn an_acknowledged_write_survives_kill_9() {
    if common::Backend::from_env() != common::Backend::Sqlite {
        return;
    }
    let dir = common::TempDir::new();
    let data = dir.path.to_str().expect("utf-8 path").to_owned();
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
        listener.local_addr().expect("addr").port()
    };
    let bind = format!("127.0.0.1:{port}");
    let start = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_parat"))
            .args(["--data-dir", &data, "serve", "--bind", &bind])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("parat starts")
    };
    let wait_until_up = || async {
        for _ in 0..100 {
            if reqwest::get(format!("http://{bind}/healthz")).await.is_ok_and(|r| r.status().is_success()) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("parat did not start");
    };
    let mut child = start();
    wait_until_up().await;
    let url = format!("sqlite://{data}/parat.db");
    let database = common::TestDatabase::existing(url);
    let app = TestApp::spawn_on(database).await;
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    app.user("sara@boras.se", "Sara").await;
    app.member(org, "sara@boras.se", Role::Coordinator).await;
    let browser = Browser::new(format!("http://{bind}"));
    browser.login("sara@boras.se", PASSWORD).await;
    let response = browser.post("/initiatives", &[("name", "Överlever kill -9"), ("topic", "integration")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    child.kill().expect("kill -9");
    let _ = child.wait();
    app.stop().await;

    let mut child = start();
    wait_until_up().await;
    let browser = Browser::new(format!("http://{bind}"));
    browser.login("sara@boras.se", PASSWORD).await;
    assert!(browser.page("/initiatives").await.1.contains("Överlever kill -9"));
    child.kill().expect("kill");
    let _ = child.wait();
}

/// Every page route from the site's own route list, with the ids of one organisation's records,
/// as an administrator of another: each answers 404 (like a missing record) and shows nothing of
/// the first organisation's. A new route is walked without anyone adding it here; a route whose
/// path names a kind of id this walk does not know fails the test until it is taught.
#[tokio::test]
async fn every_route_is_not_found_for_another_organisations_member() {
    use parat_store::demo::{self, DemoSize, DEMO_PASSWORD};
    let app = TestApp::spawn().await;
    demo::generate(&app.db, DemoSize::Small).await.expect("demo data");
    // Borås's records, found as Borås's coordinator finds them.
    let owner = app.browser();
    owner.login("samordnare@demo.parat.se", DEMO_PASSWORD).await;
    let first_id = |page: &str, prefix: &str| -> i64 {
        // A link or a form's action.
        page.split(&format!("=\"{prefix}"))
            .filter_map(|s| s.split(['"', '/', '?', '#']).next())
            .find_map(|id| id.parse().ok())
            .unwrap_or_else(|| panic!("no link to {prefix}<id>"))
    };
    let initiatives = owner.page("/initiatives?q=Hedersrelaterat").await.1;
    let initiative = first_id(&initiatives, "/initiatives/");
    let assessments = owner.page(&format!("/initiatives/{initiative}")).await.1;
    let assessment = first_id(&assessments.replace("/new", "/x"), "/assessments/");
    let overview = owner.page(&format!("/assessments/{assessment}")).await.1;
    let interview = first_id(&overview, "/interviews/");
    let informant = first_id(&overview, &format!("/assessments/{assessment}/informants/"));
    let task = owner
        .post(&format!("/assessments/{assessment}/actions"), &[("what", "Hemlig uppgift"), ("who", "Styrgruppen")])
        .await;
    let results = owner.page(&location(&task)).await.1;
    let action = first_id(&results, &format!("/assessments/{assessment}/actions/"));
    let made = owner
        .post(
            &format!("/initiatives/{initiative}/rounds"),
            &[("questionnaire", "oric"), ("title", "Hemlig enkät"), ("issue", "IPS"), ("anonymous", "on")],
        )
        .await;
    let round = first_id(&made.text().await.expect("body"), "/rounds/");
    let added = owner.post(&format!("/rounds/{round}/respondents"), &[("people", "Hemlig Person")]).await;
    let respondent = first_id(&added.text().await.expect("body"), &format!("/rounds/{round}/respondents/"));
    let built = owner.post("/questionnaires/new", &[("name", "Hemlig utvärdering")]).await;
    let questionnaire = id_from_location(&location(&built));
    owner.post(&format!("/questionnaires/{questionnaire}/items"), &[("kind", "date"), ("text", "När?")]).await;
    owner.api_token("borås").await;
    let account = owner.page("/account").await.1;
    let token_id = first_id(&account, "/account/tokens/");
    let made = owner.post("/maps", &[("name", "Hemlig karta"), ("target_group", "Unga vuxna")]).await;
    let map = id_from_location(&location(&made));
    let made = owner
        .post(
            &format!("/maps/{map}/meetings"),
            &[("name", "Hemligt möte"), ("level", "tactical"), ("per_year", "4"), ("hours", "2")],
        )
        .await;
    let map_meeting = id_from_location(&location(&made).replace(&format!("/maps/{map}"), ""));
    owner.post(&format!("/maps/{map}/actors"), &[("organisation", "Hemlig aktör"), ("agency", "other")]).await;
    let form = owner.page(&format!("/maps/{map}/meetings")).await.1;
    let map_actor = {
        let at = form.find(">Hemlig aktör</option>").expect("the actor");
        let start = form[..at].rfind("value=\"").expect("its value") + "value=\"".len();
        form[start..start + form[start..].find('"').expect("end")].to_owned()
    };
    let sent = owner.post(&format!("/maps/{map}/survey"), &[("title", "Hemlig mötesenkät")]).await;
    let map_survey = first_id(&sent.text().await.expect("body"), "/rounds/");
    let member = parat_store::accounts::authenticate(&app.db, "samordnare@demo.parat.se", DEMO_PASSWORD)
        .await
        .expect("query")
        .expect("the coordinator");
    // A participant of Borås's, followed by the coordinator as the manager of a unit.
    let boras: i64 = app
        .text("SELECT CAST(id AS TEXT) FROM organisations WHERE name = 'Borås stad'")
        .await
        .and_then(|id| id.parse().ok())
        .expect("Borås");
    let boras_admin = {
        use parat_store::sessions;
        let admin = parat_store::accounts::authenticate(&app.db, "admin@demo.parat.se", DEMO_PASSWORD)
            .await
            .expect("query")
            .expect("the administrator");
        let token = sessions::create(&app.db, admin).await.expect("session");
        sessions::switch_org(&app.db, &token, admin, boras).await.expect("Borås's administrator");
        sessions::lookup(&app.db, &token).await.expect("lookup").and_then(|u| u.scope()).expect("scope")
    };
    let unit = parat_store::outcomes::create_unit(&app.db, &boras_admin, "Hemlig enhet").await.expect("unit");
    parat_store::outcomes::set_unit_member(&app.db, &boras_admin, unit, member, true).await.expect("placed");
    let registered = owner.post("/outcomes/participants", &[("code", "Hemlig-kod"), ("age_group", "adult")]).await;
    let participant = id_from_location(&location(&registered).replace("/outcomes", ""));
    owner
        .post(
            &format!("/outcomes/participants/{participant}/episodes"),
            &[("unit_id", &unit.to_string()), ("starts_on", "2026-03-02")],
        )
        .await;
    let episode: i64 = app
        .text("SELECT CAST(MAX(id) AS TEXT) FROM outcome_episodes")
        .await
        .and_then(|id| id.parse().ok())
        .expect("episode");
    owner.post(&format!("/outcomes/episodes/{episode}/links"), &[("scales", "both")]).await;
    let link: i64 = app
        .text("SELECT CAST(MAX(id) AS TEXT) FROM outcome_links")
        .await
        .and_then(|id| id.parse().ok())
        .expect("a phone link");

    let made = owner
        .post(
            &format!("/initiatives/{initiative}/events"),
            &[("title", "Hemligt tillfälle"), ("starts_at", "2026-09-01T09:00")],
        )
        .await;
    let event = id_from_location(&location(&made));
    owner.post(&format!("/events/{event}/attendees"), &[("name", "Hemlig Deltagare"), ("gender", "woman")]).await;
    owner.post(&format!("/initiatives/{initiative}/activities"), &[("title", "Hemlig aktivitet")]).await;
    let activity: i64 = app
        .text("SELECT CAST(MAX(id) AS TEXT) FROM project_activities")
        .await
        .and_then(|id| id.parse().ok())
        .expect("an activity");
    owner
        .post(
            &format!("/initiatives/{initiative}/budget/lines"),
            &[("year", "2026"), ("category", "staff"), ("funder", "Hemlig finansiär"), ("amount", "100")],
        )
        .await;
    owner
        .post(
            &format!("/initiatives/{initiative}/budget/costs"),
            &[("booked_on", "2026-05-01"), ("category", "staff"), ("amount", "100"), ("text", "Hemlig faktura")],
        )
        .await;
    let frame = format!("/initiatives/{initiative}/frame");
    owner.post(&format!("{frame}/funders"), &[("name", "Hemlig finansiär"), ("share", "50")]).await;
    owner.post(&format!("{frame}/roles"), &[("role", "sponsor"), ("person", "Hemlig Chef")]).await;
    owner
        .post(
            &format!("{frame}/phases"),
            &[("name", "Hemlig fas"), ("starts_on", "2026-01-01"), ("ends_on", "2026-02-01")],
        )
        .await;
    let last = |table: &'static str| {
        let app = &app;
        async move {
            app.text(&format!("SELECT CAST(MAX(id) AS TEXT) FROM {table}"))
                .await
                .and_then(|id| id.parse::<i64>().ok())
                .expect(table)
        }
    };
    owner
        .post(
            &format!("/initiatives/{initiative}/indicators"),
            &[
                ("name", "Hemlig indikator"),
                ("target", "5"),
                ("every", "year"),
                ("source", "manual"),
                ("direction", "increase"),
            ],
        )
        .await;
    owner
        .post(
            &format!("/initiatives/{initiative}/participants"),
            &[
                ("code", "HEMLIG-1"),
                ("gender", "woman"),
                ("age_band", "30_39"),
                ("joined_on", "2026-01-05"),
                ("income_before", "none"),
                ("occupation_before", "none"),
            ],
        )
        .await;
    let (funder, role, phase) =
        (last("project_funders").await, last("project_roles").await, last("project_phases").await);
    let indicator = last("project_indicators").await;
    let participation = last("project_participations").await;
    let (line, cost): (i64, i64) = (
        app.text("SELECT CAST(MAX(id) AS TEXT) FROM project_budget_lines")
            .await
            .and_then(|id| id.parse().ok())
            .expect("a line"),
        app.text("SELECT CAST(MAX(id) AS TEXT) FROM project_costs")
            .await
            .and_then(|id| id.parse().ok())
            .expect("a cost"),
    );
    let attendee: i64 = app
        .text("SELECT CAST(MAX(id) AS TEXT) FROM project_attendees")
        .await
        .and_then(|id| id.parse().ok())
        .expect("an attendee");

    let campaign = app
        .text("SELECT CAST(MAX(id) AS TEXT) FROM campaigns")
        .await
        .and_then(|id| id.parse::<i64>().ok())
        .expect("a campaign");
    let offer = app
        .text("SELECT CAST(MAX(id) AS TEXT) FROM campaign_offers")
        .await
        .and_then(|id| id.parse::<i64>().ok())
        .expect("an offer");

    let other = app.organisation("Lerums kommun (test)", OrgKind::Municipality, None).await;
    let intruder = app.logged_in(other, "ida@lerum.se", "Ida Lerum", Role::Admin).await;
    let leaks = [
        "Hemlig uppgift",
        "Hedersrelaterat",
        "Nyckelperson",
        "samordnare@demo.parat.se",
        "Hemlig enkät",
        "Hemlig Person",
        "Hemlig utvärdering",
        "När?",
        "Hemlig karta",
        "Hemligt möte",
        "Hemlig-kod",
        "Hemlig enhet",
        "Hemligt tillfälle",
        "Hemlig Deltagare",
        "Hemlig aktivitet",
        "Hemlig finansiär",
        "Hemlig faktura",
        "Hemlig Chef",
        "Hemlig fas",
        "Hemlig indikator",
        "HEMLIG-1",
        "Dnr 851-12345-2026",
    ];
    let mut walked = 0;
    for (method, template) in parat_web::page_routes() {
        if !template.contains('{') {
            continue;
        }
        // One-time tokens, answering links and shipped files are not an organisation's records.
        if ["/setup/", "/reset/", "/instruments/", "/frameworks/", "/q/", "/r/"].iter().any(|p| template.starts_with(p))
        {
            continue;
        }
        let kind = template.trim_start_matches('/').split('/').next().unwrap_or("");
        let mut path = template.to_owned();
        if path.contains("{id}") {
            let id = match kind {
                "initiatives" => initiative,
                "assessments" | "portfolio" => assessment,
                "interviews" => interview,
                "account" => token_id,
                "rounds" => round,
                "questionnaires" => questionnaire,
                "maps" => map,
                "events" => event,
                "activities" => activity,
                "indicators" => indicator,
                "participations" => participation,
                "campaigns" => campaign,
                "offers" => offer,
                "outcomes" if template.starts_with("/outcomes/participants/") => participant,
                "outcomes" if template.starts_with("/outcomes/episodes/") => episode,
                "outcomes" if template.starts_with("/outcomes/units/") => unit,
                other => panic!("the walk does not know ids of {other} ({template})"),
            };
            path = path.replace("{id}", &id.to_string());
        }
        let path = path
            .replace("{user_id}", &member.to_string())
            .replace("{informant}", &informant.to_string())
            .replace("{action}", &action.to_string())
            .replace("{respondent}", &respondent.to_string())
            .replace("{meeting}", &map_meeting.to_string())
            .replace("{actor}", &map_actor)
            .replace("{round}", &map_survey.to_string())
            .replace("{link}", &link.to_string())
            .replace("{attendee}", &attendee.to_string())
            .replace("{line}", &line.to_string())
            .replace("{cost}", &cost.to_string())
            .replace("{funder}", &funder.to_string())
            .replace("{offer}", &offer.to_string())
            .replace("{period}", "2026-T1")
            .replace("{stage}", "start")
            .replace("{format}", "pdf")
            .replace("{role}", &role.to_string())
            .replace("{phase}", &phase.to_string())
            .replace("{risk}", "1")
            .replace("{point}", "1")
            .replace("{milestone}", "1")
            .replace("{goal}", "1")
            .replace("{step}", "1")
            .replace("{stakeholder}", "1")
            .replace("{question}", "0")
            .replace("{item}", "q1")
            .replace("{section}", "s1")
            // A real factor or question key, so that only the organisation can make it 404.
            .replace("factors/{key}", "factors/caseload")
            .replace("{key}", "need");
        assert!(!path.contains('{'), "the walk does not know every id in {template}");
        let response = match method {
            "GET" => intruder.get(&path).await,
            // Uploads carry a file both a transcript and a cost import would take.
            _ if path.ends_with("/upload") || path.ends_with("/import") => {
                let table = b"Datum;Belopp;Kostnadsslag\n2026-01-01;1;staff\n".to_vec();
                intruder.upload(&path, &[], "kapad.txt", table).await
            }
            _ => {
                intruder.post(&path, &[("name", "Kapad"), ("role", "viewer"), ("what", "Kapad"), ("label", "x")]).await
            }
        };
        let status = response.status();
        let body = response.text().await.expect("body");
        assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path}");
        assert!(!leaks.iter().any(|leak| body.contains(leak)), "{method} {path} shows another organisation's data");
        walked += 1;
    }
    assert!(walked > 40, "walked {walked} routes");
    // Nothing changed for Borås.
    let results = owner.page(&format!("/assessments/{assessment}/results")).await.1;
    assert!(results.contains("Hemlig uppgift") && !results.contains("Kapad"));
    app.stop().await;
}
