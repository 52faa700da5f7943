//! Headless Chromium drives the real pages: log in, create an initiative (with a rejected
//! attempt first), use the htmx-enhanced search, and check every page with axe-core for
//! WCAG 2.1 A/AA violations, in all three languages.
//!
//! Needs Debian's `chromium` and `chromedriver`. Without them the test says so and passes,
//! unless `PARAT_REQUIRE_BROWSER=1` (as CI sets it), when it fails.

use crate::common;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{TestApp, PASSWORD};
use fantoccini::{Client, ClientBuilder, Locator};
use parat_core::organisation::{OrgKind, Role};

const AXE: &str = include_str!("vendor/axe-4.14.1.min.js");

struct Driver {
    process: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

/// Starts chromedriver, or explains why the test cannot run.
fn start_driver() -> Option<Driver> {
    let required = std::env::var("PARAT_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let port = free_port();
    match Command::new(&chromedriver).arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn()
    {
        Ok(process) => Some(Driver { process, port }),
        Err(error) => {
            assert!(!required, "PARAT_REQUIRE_BROWSER=1 but {chromedriver} cannot start: {error}");
            eprintln!("note: {chromedriver} not found ({error}); the browser test did not run");
            None
        }
    }
}

async fn connect(driver: &Driver) -> Client {
    let mut capabilities = serde_json::Map::new();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", "--disable-quic", "--window-size=1280,900", "--lang=sv"]
        }),
    );
    let url = format!("http://127.0.0.1:{}", driver.port);
    for _ in 0..100 {
        let builder = ClientBuilder::rustls().map(|mut b| {
            b.capabilities(capabilities.clone());
            b
        });
        if let Ok(builder) = builder {
            if let Ok(client) = builder.connect(&url).await {
                return client;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not start a Chromium session through chromedriver");
}

/// Runs axe-core on the current page; returns the WCAG 2.1 A/AA violations, described.
async fn accessibility_violations(client: &Client) -> Vec<String> {
    client.execute(AXE, vec![]).await.expect("axe injected");
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
           .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(' | '))))
           .catch(e => done(['axe failed: ' + e]));
    "#;
    let result = client.execute_async(script, vec![]).await.expect("axe ran");
    serde_json::from_value(result).unwrap_or_else(|_| vec!["axe returned something unexpected".into()])
}

fn screenshot_dir() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// Opens `path`, saves a screenshot, and collects any accessibility violations.
async fn check_page(client: &Client, base: &str, path: &str, name: &str, failures: &mut Vec<String>) {
    client.goto(&format!("{base}{path}")).await.expect("page opens");
    check_current(client, name, failures).await;
}

#[tokio::test]
async fn a_coordinator_logs_in_creates_an_initiative_and_every_page_is_accessible() {
    let Some(driver) = start_driver() else { return };
    let app = TestApp::spawn().await;
    let base = app.url("");
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let partner = app.organisation("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None).await;
    let sara = app.user("sara@boras.se", "Sara Samordnare").await;
    app.member(org, "sara@boras.se", Role::Admin).await;
    app.member(partner, "sara@boras.se", Role::Coordinator).await;
    let client = connect(&driver).await;
    let mut failures = Vec::new();

    // The check can fail: an unlabelled field added to a page is reported.
    client.goto(&format!("{base}/login")).await.expect("login page");
    client
        .execute("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')", vec![])
        .await
        .expect("inject");
    let violations = accessibility_violations(&client).await;
    assert!(violations.iter().any(|v| v.starts_with("label")), "axe must notice an unlabelled field: {violations:?}");

    // Before login: the login page, and a 404 page.
    check_page(&client, &base, "/login", "login", &mut failures).await;
    check_page(&client, &base, "/no-such-page", "not-found", &mut failures).await;

    // Log in through the form, as a person would.
    client.goto(&format!("{base}/login")).await.expect("login page");
    client.find(Locator::Id("f-email")).await.expect("email").send_keys("sara@boras.se").await.expect("type");
    client.find(Locator::Id("f-password")).await.expect("password").send_keys(PASSWORD).await.expect("type");
    client.find(Locator::Css("main button[type=submit]")).await.expect("button").click().await.expect("submit");
    client.wait().for_element(Locator::Css("nav.main-nav")).await.expect("logged in");
    check_page(&client, &base, "/", "home", &mut failures).await;

    // A rejected form first: the error summary takes focus and the typed text stays.
    client.goto(&format!("{base}/initiatives/new")).await.expect("form");
    client.find(Locator::Id("f-target_group")).await.expect("field").send_keys("Unga vuxna 18–29").await.expect("type");
    client.find(Locator::Css("form.stacked button.primary")).await.expect("save").click().await.expect("submit");
    let summary = client.wait().for_element(Locator::Id("error-summary")).await.expect("error summary shown");
    assert!(summary.text().await.expect("text").contains("Fyll i det här fältet."));
    let focused: serde_json::Value = client.execute("return document.activeElement.id", vec![]).await.expect("focus");
    assert_eq!(focused, "error-summary", "focus moves to the problems");
    let kept = client.find(Locator::Id("f-target_group")).await.expect("field").prop("value").await.expect("value");
    assert_eq!(kept.as_deref(), Some("Unga vuxna 18–29"));
    if let Ok(png) = client.screenshot().await {
        let _ = std::fs::write(screenshot_dir().join("initiative-form-errors.png"), png);
    }
    for violation in accessibility_violations(&client).await {
        failures.push(format!("/initiatives (rejected form): {violation}"));
    }

    // Then a valid one.
    client
        .find(Locator::Id("f-name"))
        .await
        .expect("name")
        .send_keys("Våld i nära relationer – gemensam rutin")
        .await
        .expect("type");
    client
        .find(Locator::Id("f-topic"))
        .await
        .expect("topic")
        .select_by_value("violence_close_relationships")
        .await
        .expect("select");
    client.find(Locator::Id("f-status")).await.expect("status").select_by_value("active").await.expect("select");
    client.find(Locator::Css("form.stacked button.primary")).await.expect("save").click().await.expect("submit");
    let mut id = String::new();
    for _ in 0..100 {
        let url = client.current_url().await.expect("url");
        let tail = url.path().trim_start_matches("/initiatives/");
        if tail.parse::<i64>().is_ok() {
            id = tail.to_owned();
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(!id.is_empty(), "the browser reaches the new initiative's page");
    let heading = client.find(Locator::Css("main h1")).await.expect("heading");
    assert_eq!(heading.text().await.expect("text"), "Våld i nära relationer – gemensam rutin");

    // The htmx search narrows the list without a page load.
    client.goto(&format!("{base}/initiatives")).await.expect("list");
    client.execute("window.parat_marker = 'same page'", vec![]).await.expect("marker");
    client.find(Locator::Id("f-q")).await.expect("search").send_keys("ingenting sådant").await.expect("type");
    client
        .wait()
        .for_element(Locator::XPath("//p[@class='result-count' and contains(., '0 insatser')]"))
        .await
        .expect("results updated");
    let marker: serde_json::Value = client.execute("return window.parat_marker || null", vec![]).await.expect("marker");
    assert_eq!(marker, "same page", "htmx swapped the results in place");

    for (path, name) in [
        ("/initiatives".to_owned(), "initiatives"),
        (format!("/initiatives/{id}"), "initiative"),
        (format!("/initiatives/{id}/edit"), "initiative-edit"),
        ("/initiatives/new".to_owned(), "initiative-new"),
        ("/organisations".to_owned(), "organisations"),
        ("/organisation/edit".to_owned(), "organisation-edit"),
        ("/members".to_owned(), "members"),
        (format!("/members/{sara}/remove"), "member-remove"),
        ("/audit".to_owned(), "audit"),
        ("/audit?record=initiative&from=2020-01-01".to_owned(), "audit-filtered"),
        ("/account".to_owned(), "account"),
        ("/password/forgot".to_owned(), "password-forgot"),
    ] {
        check_page(&client, &base, &path, name, &mut failures).await;
    }

    // The other languages, on a few pages each.
    for locale in ["da", "en"] {
        client.goto(&format!("{base}/account")).await.expect("account");
        client
            .find(Locator::Id("language-select"))
            .await
            .expect("picker")
            .select_by_value(locale)
            .await
            .expect("select");
        client.find(Locator::Css(".language-picker button")).await.expect("button").click().await.expect("submit");
        client.wait().for_element(Locator::Css(&format!("html[lang={locale}]"))).await.expect("language changed");
        for (path, name) in [
            ("/", "home"),
            ("/initiatives/new", "initiative-new"),
            (&format!("/initiatives/{id}") as &str, "initiative"),
            ("/members", "members"),
        ] {
            check_page(&client, &base, path, &format!("{name}-{locale}"), &mut failures).await;
        }
    }
    client.close().await.expect("close");
    app.stop().await;

    // The first-start pages of a new installation.
    let fresh = TestApp::spawn().await;
    let link = parat::server::setup_link(&fresh.config, &fresh.db).await.expect("link").expect("needs setup");
    let client = connect(&driver).await;
    let fresh_base = fresh.url("");
    check_page(&client, &fresh_base, "/", "not-set-up", &mut failures).await;
    check_page(&client, &fresh_base, link.trim_start_matches("http://127.0.0.1"), "setup", &mut failures).await;
    client.close().await.expect("close");
    fresh.stop().await;

    assert!(failures.is_empty(), "accessibility violations:\n{}", failures.join("\n"));
}

async fn log_in(client: &Client, base: &str, email: &str) {
    client.goto(&format!("{base}/login")).await.expect("login page");
    if client.find(Locator::Css("form.logout button")).await.is_ok() {
        client.find(Locator::Css("form.logout button")).await.expect("logout").click().await.expect("log out");
        client.wait().for_element(Locator::Id("f-email")).await.expect("logged out");
    }
    client.goto(&format!("{base}/login")).await.expect("login page");
    client.find(Locator::Id("f-email")).await.expect("email").send_keys(email).await.expect("type");
    client.find(Locator::Id("f-password")).await.expect("password").send_keys(PASSWORD).await.expect("type");
    client.find(Locator::Css("main button[type=submit]")).await.expect("button").click().await.expect("submit");
    client.wait().for_element(Locator::Css("nav.main-nav")).await.expect("logged in");
}

/// Clicks a submit button and waits until the browser has left `from`.
async fn submit_and_leave(client: &Client, button: Locator<'_>, from: &str) -> String {
    client.find(button).await.expect("button").click().await.expect("click");
    for _ in 0..200 {
        let url = client.current_url().await.expect("url");
        if url.as_str() != from {
            return url.to_string();
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("still on {from}");
}

async fn check_current(client: &Client, name: &str, failures: &mut Vec<String>) {
    if let Ok(png) = client.screenshot().await {
        let _ = std::fs::write(screenshot_dir().join(format!("{name}.png")), png);
    }
    for violation in accessibility_violations(client).await {
        failures.push(format!("[{name}]: {violation}"));
    }
}

#[tokio::test]
async fn a_readiness_assessment_runs_end_to_end_in_the_browser() {
    let Some(driver) = start_driver() else { return };
    let app = TestApp::spawn().await;
    let base = app.url("");
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    for (email, name, role) in [
        ("sara@boras.se", "Sara Samordnare", Role::Coordinator),
        ("bo@boras.se", "Bo Bedömare", Role::Scorer),
        ("bea@boras.se", "Bea Bedömare", Role::Scorer),
    ] {
        app.user(email, name).await;
        app.member(org, email, role).await;
    }
    let client = connect(&driver).await;
    let mut failures = Vec::new();
    log_in(&client, &base, "sara@boras.se").await;

    // An initiative, then an assessment of it.
    client.goto(&format!("{base}/initiatives/new")).await.expect("form");
    client.find(Locator::Id("f-name")).await.expect("name").send_keys("Våld i nära relationer").await.expect("type");
    client
        .find(Locator::Id("f-topic"))
        .await
        .expect("topic")
        .select_by_value("violence_close_relationships")
        .await
        .expect("select");
    let initiative_url =
        submit_and_leave(&client, Locator::Css("form.stacked button.primary"), &format!("{base}/initiatives/new"))
            .await;
    client
        .find(Locator::Css("a[href$='/assessments/new']"))
        .await
        .expect("new assessment")
        .click()
        .await
        .expect("click");
    client.wait().for_element(Locator::Id("f-measured")).await.expect("assessment form");
    check_current(&client, "assessment-new", &mut failures).await;
    client.find(Locator::Id("f-measured")).await.expect("measured").send_keys("Borås stad").await.expect("type");
    client.find(Locator::Id("f-issue")).await.expect("issue").send_keys("våld i nära relationer").await.expect("type");
    for label in ["Bo Bedömare", "Bea Bedömare"] {
        let xpath = format!("//fieldset[@id='f-scorers']//label[normalize-space()='{label}']");
        client.find(Locator::XPath(&xpath)).await.expect("scorer box").click().await.expect("check");
    }
    client
        .find(Locator::XPath("//fieldset[@id='f-interviewers']//label[normalize-space()='Sara Samordnare']"))
        .await
        .expect("interviewer")
        .click()
        .await
        .expect("check");
    let form_url = client.current_url().await.expect("url").to_string();
    let overview = submit_and_leave(&client, Locator::Css("form.stacked button.primary"), &form_url).await;
    let overview = overview.split('?').next().unwrap_or(&overview).to_owned();
    assert!(overview.contains("/assessments/"), "{overview} (from {initiative_url})");
    let advance = || async {
        client.goto(&overview).await.expect("overview");
        submit_and_leave(&client, Locator::Css("form[action$='/advance'] button"), &overview).await;
    };
    advance().await;

    // Five informants and five interviews, with an answer typed into the guide.
    let mut interviews = Vec::new();
    for n in 1..=5 {
        client.goto(&overview).await.expect("overview");
        client.find(Locator::Id("f-role")).await.expect("role").send_keys("Enhetschef").await.expect("type");
        client.find(Locator::Id("f-sector")).await.expect("sector").send_keys("Kommun").await.expect("type");
        submit_and_leave(&client, Locator::Css("form[action$='/informants'] button"), &overview).await;
        client.goto(&overview).await.expect("overview");
        client
            .find(Locator::Id("f-informant_id"))
            .await
            .expect("informant")
            .select_by_label(&format!("Nyckelperson {n} (Enhetschef)"))
            .await
            .expect("select");
        let interview = submit_and_leave(&client, Locator::Css("form[action$='/interviews'] button"), &overview).await;
        let interview = interview.split('?').next().unwrap_or(&interview).to_owned();
        let answer = client.find(Locator::Id("q-0")).await.expect("first question");
        answer.send_keys(&format!("Svar i intervju {n}: vi har en rutin.")).await.expect("type");
        if n == 1 {
            // Saved while typing, and said so beside the field: a reload keeps the answer.
            client
                .wait()
                .for_element(Locator::XPath("//span[@id='s-0'][starts-with(normalize-space(.), 'Sparat')]"))
                .await
                .expect("saved while typing");
            client.refresh().await.expect("reload");
            let kept =
                client.find(Locator::Id("q-0")).await.expect("first question").prop("value").await.expect("value");
            assert_eq!(kept.as_deref(), Some("Svar i intervju 1: vi har en rutin."), "nothing typed is lost on reload");
            assert!(client.find(Locator::Css("nav.section-index a[href='#dimension-F']")).await.is_ok(), "an index");
        }
        client.find(Locator::Css("form.guide button.primary")).await.expect("save").click().await.expect("save");
        client.wait().for_element(Locator::Css(".notice")).await.expect("saved");
        interviews.push(interview);
    }
    client.goto(&interviews[0]).await.expect("interview");
    check_current(&client, "interview", &mut failures).await;
    client.goto(&overview).await.expect("overview");
    check_current(&client, "assessment-overview", &mut failures).await;
    // Erasing an informant asks first; cancelling leaves everything as it was.
    client.find(Locator::Css("a[href$='/erase']")).await.expect("erase link").click().await.expect("open");
    client.wait().for_element(Locator::Css("button.danger")).await.expect("the question");
    check_current(&client, "informant-erase", &mut failures).await;
    client.find(Locator::Css("main .actions a.button")).await.expect("cancel").click().await.expect("cancel");
    client.wait().for_element(Locator::Css("form[action$='/advance']")).await.expect("back on the overview");
    advance().await;

    // Two scorers score every interview on its own; one dimension differs.
    for (email, f_level) in [("bo@boras.se", "5"), ("bea@boras.se", "6")] {
        log_in(&client, &base, email).await;
        for interview in &interviews {
            let page = format!("{interview}/score");
            client.goto(&page).await.expect("score page");
            for (dimension, level) in [("A", "4"), ("B", "3"), ("C", "5"), ("D", "4"), ("E", "4"), ("F", f_level)] {
                client
                    .find(Locator::Css(&format!("input[name=level_{dimension}][value='{level}']")))
                    .await
                    .expect("level")
                    .click()
                    .await
                    .expect("choose");
            }
            if interview == &interviews[0] && email == "bo@boras.se" {
                check_current(&client, "score", &mut failures).await;
            }
            submit_and_leave(&client, Locator::Css("button[value=submit]"), &page).await;
        }
    }

    // The coordinator agrees the consensus; where the scorers agreed, it is filled in already.
    log_in(&client, &base, "sara@boras.se").await;
    for interview in &interviews {
        let page = format!("{interview}/consensus");
        client.goto(&page).await.expect("consensus page");
        if interview == &interviews[0] {
            check_current(&client, "consensus", &mut failures).await;
        }
        client.find(Locator::Id("f-level_F")).await.expect("F").select_by_value("5").await.expect("choose");
        client
            .find(Locator::Id("rationale-F"))
            .await
            .expect("rationale")
            .send_keys("Belägg finns för 5 men inte helt för 6.")
            .await
            .expect("type");
        submit_and_leave(&client, Locator::Css("form button.primary"), &page).await;
    }
    client.goto(&overview).await.expect("overview");
    advance().await;
    advance().await;

    // The report: 4, 3, 5, 4, 4, 5 → overall 25/6 = 4.17, stage 4.
    client.goto(&format!("{overview}/results")).await.expect("results");
    let overall = client.find(Locator::Css(".overall .big strong")).await.expect("overall").text().await.expect("text");
    assert_eq!(overall, "4,17");
    check_current(&client, "results", &mut failures).await;
    let pdf: serde_json::Value = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(document.querySelector('a[href$=\"/report.pdf\"]').href)
               .then(r => r.arrayBuffer().then(b => done([r.headers.get('content-type'), String.fromCharCode(...new Uint8Array(b.slice(0, 4)))])))
               .catch(e => done(['error', String(e)]));",
            vec![],
        )
        .await
        .expect("download");
    assert_eq!(pdf, serde_json::json!(["application/pdf", "%PDF"]), "the report downloads as a PDF");

    // A task in the action plan, owned by the coordinator: its edit page, and the home page's
    // to-do list that now shows it.
    client
        .find(Locator::Id("f-what"))
        .await
        .expect("what")
        .send_keys("Presentera resultatet för styrgruppen")
        .await
        .expect("type");
    client
        .find(Locator::Id("f-owner_id"))
        .await
        .expect("owner")
        .select_by_label("Sara Samordnare")
        .await
        .expect("owner");
    submit_and_leave(&client, Locator::Css("form[action$='/actions'] button"), &format!("{overview}/results")).await;
    client.find(Locator::Css("a[href$='/edit']")).await.expect("edit link").click().await.expect("edit");
    client.wait().for_element(Locator::Id("f-status")).await.expect("the edit form");
    check_current(&client, "action-edit", &mut failures).await;
    client.goto(&format!("{base}/")).await.expect("home");
    let home = client.source().await.expect("source");
    assert!(home.contains("Presentera resultatet för styrgruppen"), "the task is on the owner's home page");
    check_current(&client, "home-work", &mut failures).await;
    client.close().await.expect("close");
    app.stop().await;
    assert!(failures.is_empty(), "accessibility violations:\n{}", failures.join("\n"));
}

/// The county board and the steering group on the demo data, as they would use Parat: the
/// board's portfolio (in its menu) and one municipality's results from it; a viewer reading a
/// reported assessment's results. axe-core on each page, screenshots for a person to look at.
#[tokio::test]
async fn a_county_board_and_a_viewer_read_readiness_in_the_browser() {
    use parat_store::demo::{self, DemoSize, DEMO_PASSWORD};
    let Some(driver) = start_driver() else { return };
    let app = TestApp::spawn().await;
    demo::generate(&app.db, DemoSize::Small).await.expect("demo data");
    let base = app.url("");
    let client = connect(&driver).await;
    let mut failures = Vec::new();
    let login = |email: &'static str| {
        let client = &client;
        let base = base.clone();
        async move {
            client.goto(&format!("{base}/login")).await.expect("login page");
            client.find(Locator::Id("f-email")).await.expect("email").send_keys(email).await.expect("type");
            client
                .find(Locator::Id("f-password"))
                .await
                .expect("password")
                .send_keys(DEMO_PASSWORD)
                .await
                .expect("type");
            client.find(Locator::Css("main button[type=submit]")).await.expect("button").click().await.expect("submit");
            client.wait().for_element(Locator::Css("nav.main-nav")).await.expect("logged in");
        }
    };

    // The county board's administrator (also Borås's): switching to the board brings the
    // portfolio into the menu.
    login("admin@demo.parat.se").await;
    client.goto(&format!("{base}/organisations")).await.expect("organisations");
    client
        .find(Locator::Css("form[action='/organisations/switch'] button"))
        .await
        .expect("switch to the board")
        .click()
        .await
        .expect("switch");
    client.wait().for_element(Locator::Css("nav.main-nav a[href='/portfolio']")).await.expect("in the menu");
    client.find(Locator::Css("nav.main-nav a[href='/portfolio']")).await.expect("menu").click().await.expect("open");
    client.wait().for_element(Locator::Css("table.portfolio")).await.expect("the portfolio");
    check_current(&client, "portfolio", &mut failures).await;
    client.find(Locator::Css("table.portfolio tbody th a")).await.expect("a reported row").click().await.expect("open");
    client.wait().for_element(Locator::Css("svg.chart")).await.expect("the results");
    check_current(&client, "portfolio-report", &mut failures).await;

    // A steering-group viewer reads the reported results.
    client.goto(&format!("{base}/")).await.expect("home");
    client.find(Locator::Css("form.logout button")).await.expect("logout").click().await.expect("log out");
    client.wait().for_element(Locator::Id("f-email")).await.expect("logged out");
    login("styrgrupp@demo.parat.se").await;
    check_current(&client, "home-viewer", &mut failures).await;
    client.goto(&format!("{base}/initiatives?q=Hedersrelaterat")).await.expect("initiatives");
    client
        .find(Locator::Css("table a[href^='/initiatives/']"))
        .await
        .expect("the initiative")
        .click()
        .await
        .expect("open");
    client.find(Locator::Css("a[href^='/assessments/']")).await.expect("an assessment").click().await.expect("open");
    client.wait().for_element(Locator::Css("h1")).await.expect("a page");
    if let Ok(link) = client.find(Locator::Css("a.button.primary[href$='/results']")).await {
        link.click().await.expect("results");
    }
    client.wait().for_element(Locator::Css("svg.chart")).await.expect("the viewer's results");
    check_current(&client, "results-viewer", &mut failures).await;
    let results = client.source().await.expect("source");
    assert!(!results.contains("scores.csv"), "no score export for a viewer");
    client.close().await.expect("close");
    app.stop().await;
    assert!(failures.is_empty(), "accessibility violations:\n{}", failures.join("\n"));
}

/// A staff survey answered on a phone-sized screen through a personal link: every answer saved
/// as it is given (htmx), the link resumed after a reload, the response submitted; the
/// answering pages and the round's pages have no accessibility violations.
#[tokio::test]
async fn a_questionnaire_is_answered_on_a_phone_and_its_pages_are_accessible() {
    let Some(driver) = start_driver() else { return };
    let app = TestApp::spawn().await;
    let base = app.url("");
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let made = coordinator.post("/initiatives", &[("name", "IPS"), ("topic", "integration")]).await;
    let initiative = common::id_from_location(&common::location(&made));
    let round_page = coordinator
        .post(
            &format!("/initiatives/{initiative}/rounds"),
            &[
                ("questionnaire", "oric"),
                ("title", "Personalenkät"),
                ("issue", "IPS"),
                ("anonymous", "on"),
                ("open_link", "on"),
                ("pair_code", "on"),
            ],
        )
        .await
        .text()
        .await
        .expect("body");
    // A questionnaire of the organisation's own, built item by item, for the builder's pages.
    let built = coordinator.post("/questionnaires/new", &[("name", "Utvärdering av dagen")]).await;
    let builder = common::location(&built);
    let (_, page) = coordinator.page(&builder).await;
    let version = page.split("name=\"version\" value=\"").nth(1).and_then(|r| r.split('"').next()).expect("version");
    let items = builder.replace("/edit", "/items");
    coordinator
        .post(&items, &[("kind", "single"), ("text", "Roll?"), ("options", "Chef\nHandläggare"), ("version", version)])
        .await;
    let round: i64 = round_page
        .split("/rounds/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|id| id.parse().ok())
        .expect("round id");
    let added =
        coordinator.post(&format!("/rounds/{round}/respondents"), &[("people", "Anna Ek; anna@boras.se")]).await;
    let body = added.text().await.expect("body");
    let start = body.find("/q/").expect("a personal link");
    let link = body[start..start + 67].to_owned();

    let client = connect(&driver).await;
    client.set_window_size(390, 844).await.expect("a phone-sized window");
    let mut failures = Vec::new();
    check_page(&client, &base, &link, "answer-phone", &mut failures).await;

    // One answer, saved without a page load: the status says so, and a reload keeps it.
    client.execute("window.parat_marker = 'same page'", vec![]).await.expect("marker");
    client.find(Locator::Id("a-c1-4")).await.expect("option").click().await.expect("choose 5");
    client
        .wait()
        .for_element(Locator::XPath("//p[@id='save-status']/span[@class='saved']"))
        .await
        .expect("saved as it was given");
    let marker: serde_json::Value = client.execute("return window.parat_marker || null", vec![]).await.expect("marker");
    assert_eq!(marker, "same page");
    client.goto(&format!("{base}{link}")).await.expect("reload");
    let checked: serde_json::Value =
        client.execute("return document.getElementById('a-c1-4').checked", vec![]).await.expect("checked");
    assert_eq!(checked, true, "the link resumes with the answer given");

    // Submitting with the rest unanswered lists what is missing, then every statement answered.
    client.find(Locator::Css("button[value='submit']")).await.expect("submit").click().await.expect("click");
    client.wait().for_element(Locator::Id("error-summary")).await.expect("what is missing");
    check_current(&client, "answer-missing", &mut failures).await;
    for item in ["c1", "c2", "c3", "c4", "c5", "e1", "e2", "e3", "e4", "e5", "e6", "e7"] {
        client.find(Locator::Id(&format!("a-{item}-3"))).await.expect("option").click().await.expect("choose");
    }
    client.find(Locator::Css("button[value='submit']")).await.expect("submit").click().await.expect("click");
    // A visitor without an account reads it in the browser's language (English here). The
    // form's own heading is there until the next page replaces it, so wait for the new one.
    client
        .wait()
        .for_element(Locator::XPath("//main/h1[. = 'Thank you for your answers']"))
        .await
        .expect("the thank-you page");
    check_current(&client, "answer-thanks", &mut failures).await;

    // The coordinator's pages for the round.
    client.set_window_size(1280, 900).await.expect("a desktop window");
    client.goto(&format!("{base}/login")).await.expect("login page");
    client.find(Locator::Id("f-email")).await.expect("email").send_keys("sara@boras.se").await.expect("type");
    client.find(Locator::Id("f-password")).await.expect("password").send_keys(PASSWORD).await.expect("type");
    client.find(Locator::Css("main button[type=submit]")).await.expect("button").click().await.expect("submit");
    client.wait().for_element(Locator::Css("nav.main-nav")).await.expect("logged in");
    for (path, name) in [
        (format!("/initiatives/{initiative}/rounds/new"), "round-new"),
        (format!("/rounds/{round}"), "round"),
        (format!("/rounds/{round}/results"), "round-results"),
        (format!("/initiatives/{initiative}/readiness"), "readiness-over-time"),
        ("/questionnaires".to_owned(), "questionnaires"),
        ("/questionnaires/new".to_owned(), "questionnaire-new"),
        (builder.clone(), "questionnaire-builder"),
        (builder.replace("/edit", "/items/q1"), "questionnaire-item"),
    ] {
        check_page(&client, &base, &path, name, &mut failures).await;
    }
    client.close().await.expect("close");
    assert!(failures.is_empty(), "accessibility violations:\n{}", failures.join("\n"));
    app.stop().await;
}

/// Part of a landscape and its checklist filled in through the browser's forms; axe-core on
/// the overview, a factor, the checklist, a question, a refused form and the comparison.
#[tokio::test]
async fn a_landscape_and_its_checklist_are_filled_in_in_the_browser() {
    let Some(driver) = start_driver() else { return };
    let app = TestApp::spawn().await;
    let base = app.url("");
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let made = coordinator.post("/initiatives", &[("name", "IPS"), ("topic", "integration")]).await;
    let initiative = common::id_from_location(&common::location(&made));
    let landscape = format!("/initiatives/{initiative}/landscape");

    let client = connect(&driver).await;
    let mut failures = Vec::new();
    log_in(&client, &base, "sara@boras.se").await;
    check_page(&client, &base, &landscape, "landscape-empty", &mut failures).await;

    // A factor: its state chosen, in focus, a note; "save and go on" opens the next one.
    let factor = format!("{base}{landscape}/factors/leadership_strategic");
    client.goto(&factor).await.expect("factor page");
    check_current(&client, "landscape-factor", &mut failures).await;
    client.find(Locator::Id("f-in_focus")).await.expect("focus").click().await.expect("tick");
    client.find(Locator::Css("#f-state option[value='-2']")).await.expect("option").click().await.expect("choose");
    client.find(Locator::Id("f-note")).await.expect("note").send_keys("Inget beslut i nämnden.").await.expect("type");
    let next = submit_and_leave(&client, Locator::Css("button[name='next']"), &factor).await;
    assert!(next.ends_with("/factors/leadership_tactical"), "{next}");

    // A bad date on a question comes back with the answer kept and the problem named.
    let question = format!("{base}/initiatives/{initiative}/checklist/need");
    client.goto(&question).await.expect("question page");
    client.find(Locator::Id("f-answer")).await.expect("answer").send_keys("Väntetiderna.").await.expect("type");
    client.find(Locator::Id("f-due_on")).await.expect("date").send_keys("01012020").await.expect("type");
    client.find(Locator::Css("form.stacked button.primary")).await.expect("save").click().await.expect("click");
    client.wait().for_element(Locator::Id("error-summary")).await.expect("the problem named");
    let kept: serde_json::Value =
        client.execute("return document.getElementById('f-answer').value", vec![]).await.expect("value");
    assert_eq!(kept, "Väntetiderna.");
    check_current(&client, "landscape-question-refused", &mut failures).await;
    client.execute("document.getElementById('f-due_on').value = ''", vec![]).await.expect("clear the date");
    client
        .find(Locator::Css("#f-status option[value='settled']"))
        .await
        .expect("option")
        .click()
        .await
        .expect("choose");
    let saved = submit_and_leave(&client, Locator::Css("form.stacked button.primary"), &question).await;
    assert!(saved.contains("/checklist?notice=saved"), "{saved}");
    check_current(&client, "landscape-checklist", &mut failures).await;
    let progress = client.find(Locator::Id("progress-all")).await.expect("progress").text().await.expect("text");
    assert!(progress.starts_with("1 av "), "{progress}");

    check_page(&client, &base, &landscape, "landscape-overview", &mut failures).await;
    let hindering = client.find(Locator::Id("hindering")).await.expect("heading");
    assert!(hindering.text().await.expect("text").contains("hindrar mest"));
    check_page(&client, &base, &format!("{landscape}/changes"), "landscape-changes", &mut failures).await;

    // A risk and a milestone through their forms; a milestone "reached" in the future is refused.
    let risks = format!("{base}/initiatives/{initiative}/risks");
    client.goto(&risks).await.expect("risks page");
    client.find(Locator::Id("f-what")).await.expect("what").send_keys("Handledarna slutar").await.expect("type");
    for (field, value) in [("likelihood", "4"), ("consequence", "5")] {
        let option = format!("#f-{field} option[value='{value}']");
        client.find(Locator::Css(&option)).await.expect("option").click().await.expect("choose");
    }
    submit_and_leave(&client, Locator::Css("form.stacked button.primary"), &risks).await;
    check_current(&client, "landscape-risks", &mut failures).await;
    let milestones = format!("{base}/initiatives/{initiative}/milestones");
    client.goto(&milestones).await.expect("milestones page");
    client.find(Locator::Id("f-name")).await.expect("name").send_keys("Utbildning klar").await.expect("type");
    client
        .execute("document.getElementById('f-planned_on').value = '2031-01-15'; document.getElementById('f-reached_on').value = '2031-01-10';", vec![])
        .await
        .expect("dates");
    client
        .find(Locator::Css("#f-status option[value='reached']"))
        .await
        .expect("option")
        .click()
        .await
        .expect("choose");
    client.find(Locator::Css("form.stacked button.primary")).await.expect("add").click().await.expect("click");
    client.wait().for_element(Locator::Id("error-summary")).await.expect("the future date named");
    check_current(&client, "landscape-milestone-refused", &mut failures).await;
    client.execute("document.getElementById('f-reached_on').value = ''", vec![]).await.expect("clear");
    client
        .find(Locator::Css("#f-status option[value='planned']"))
        .await
        .expect("option")
        .click()
        .await
        .expect("choose");
    let current = client.current_url().await.expect("url").to_string();
    submit_and_leave(&client, Locator::Css("form.stacked button.primary"), &current).await;
    check_current(&client, "landscape-milestones", &mut failures).await;

    // A purpose, a step of the theory of change and a stakeholder, each page with its picture.
    for (tool, text_field, text, choices) in [
        ("goals", "f-text", "Fler i egen försörjning", vec![("level", "purpose")]),
        ("theory", "f-text", "Långa väntetider", vec![("stage", "need")]),
        (
            "stakeholders",
            "f-name",
            "Enhetscheferna",
            vec![("interest", "4"), ("influence", "3"), ("attitude", "supportive")],
        ),
    ] {
        let page = format!("{base}/initiatives/{initiative}/{tool}");
        client.goto(&page).await.expect("tool page");
        client.find(Locator::Id(text_field)).await.expect("text").send_keys(text).await.expect("type");
        for (field, value) in choices {
            let option = format!("#f-{field} option[value='{value}']");
            client.find(Locator::Css(&option)).await.expect("option").click().await.expect("choose");
        }
        submit_and_leave(&client, Locator::Css("form.stacked button.primary"), &page).await;
        assert!(client.find(Locator::Css("figure svg")).await.is_ok(), "{tool} has its picture");
        check_current(&client, &format!("landscape-{tool}"), &mut failures).await;
    }
    assert!(failures.is_empty(), "axe-core found violations:\n{}", failures.join("\n"));
    client.close().await.expect("close");
    app.stop().await;
}

/// A cooperation map in the browser: a meeting through its form (a bad frequency refused with
/// what was typed kept), and axe-core on every map page.
#[tokio::test]
async fn a_cooperation_map_is_entered_in_the_browser_and_its_pages_are_accessible() {
    let Some(driver) = start_driver() else { return };
    let app = TestApp::spawn().await;
    let base = app.url("");
    let org = app.organisation("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None).await;
    let leader = app.logged_in(org, "sara@sjuharad.se", "Sara Samordnare", Role::Coordinator).await;
    let made =
        leader.post("/maps", &[("name", "Unga vuxna"), ("target_group", "Unga vuxna utan egen försörjning")]).await;
    let map = format!("/maps/{}", common::id_from_location(&common::location(&made)));
    for (organisation, agency) in [("Borås stad", "municipality"), ("Arbetsförmedlingen", "employment_service")] {
        leader.post(&format!("{map}/actors"), &[("organisation", organisation), ("agency", agency)]).await;
    }

    let client = connect(&driver).await;
    let mut failures = Vec::new();
    log_in(&client, &base, "sara@sjuharad.se").await;
    check_page(&client, &base, "/maps", "map-list", &mut failures).await;
    check_page(&client, &base, "/maps/new", "map-new", &mut failures).await;
    check_page(&client, &base, &format!("{map}/actors"), "map-actor-new", &mut failures).await;
    let form = format!("{base}{map}/meetings");
    client.goto(&form).await.expect("meeting form");
    client.find(Locator::Id("f-name")).await.expect("name").send_keys("Samverkansteam").await.expect("type");
    client
        .find(Locator::Css("#f-level option[value='operational']"))
        .await
        .expect("option")
        .click()
        .await
        .expect("choose");
    client.find(Locator::Id("f-per_year")).await.expect("per year").send_keys("varje månad").await.expect("type");
    client.find(Locator::Id("f-hours")).await.expect("hours").send_keys("1,5").await.expect("type");
    client.find(Locator::Css("form.stacked button.primary")).await.expect("add").click().await.expect("click");
    client.wait().for_element(Locator::Id("error-summary")).await.expect("the problem named");
    let kept: serde_json::Value =
        client.execute("return document.getElementById('f-name').value", vec![]).await.expect("value");
    assert_eq!(kept, "Samverkansteam");
    check_current(&client, "map-meeting-refused", &mut failures).await;
    client.execute("document.getElementById('f-per_year').value = '10'", vec![]).await.expect("fix");
    let meeting = submit_and_leave(&client, Locator::Css("form.stacked button.primary"), &form).await;
    assert!(meeting.contains("/meetings/"), "{meeting}");
    client
        .find(Locator::Css("#f-actor_id option:nth-child(2)"))
        .await
        .expect("an actor")
        .click()
        .await
        .expect("choose");
    client.find(Locator::Css("#f-role option[value='chair']")).await.expect("role").click().await.expect("choose");
    let after = submit_and_leave(&client, Locator::Css("form.stacked button[type=submit]"), &meeting).await;
    assert!(after.contains("notice=saved"), "{after}");
    check_current(&client, "map-meeting", &mut failures).await;
    check_page(&client, &base, &map, "map-page", &mut failures).await;
    let page = client.source().await.expect("source");
    assert!(page.contains("Så räknas måtten") && page.contains("Samverkansteam"));
    client.close().await.expect("close");
    app.stop().await;
    assert!(failures.is_empty(), "accessibility violations:\n{}", failures.join("\n"));
}

/// The guided interview in the browser: an informant chosen, a meeting answered by its radio
/// buttons, a bad frequency for an added meeting refused with everything kept, then saved; and
/// axe-core on the interview, the survey, the edit pages and a filtered map.
#[tokio::test]
async fn a_guided_interview_is_held_in_the_browser_and_its_pages_are_accessible() {
    let Some(driver) = start_driver() else { return };
    let app = TestApp::spawn().await;
    let base = app.url("");
    let org = app.organisation("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None).await;
    let leader = app.logged_in(org, "sara@sjuharad.se", "Sara Samordnare", Role::Coordinator).await;
    let made =
        leader.post("/maps", &[("name", "Unga vuxna"), ("target_group", "Unga vuxna utan egen försörjning")]).await;
    let map = format!("/maps/{}", common::id_from_location(&common::location(&made)));
    for (organisation, agency) in [("Borås stad", "municipality"), ("Arbetsförmedlingen", "employment_service")] {
        leader.post(&format!("{map}/actors"), &[("organisation", organisation), ("agency", agency)]).await;
    }
    let meeting = [("name", "Samverkansteam"), ("level", "operational"), ("per_year", "10"), ("hours", "2")];
    let made = leader.post(&format!("{map}/meetings"), &meeting).await;
    let meeting_path = common::location(&made).split('?').next().expect("path").to_owned();

    let client = connect(&driver).await;
    let mut failures = Vec::new();
    log_in(&client, &base, "sara@sjuharad.se").await;
    let choose = format!("{base}{map}/interview");
    client.goto(&choose).await.expect("interview");
    check_current(&client, "map-interview-choose", &mut failures).await;
    client
        .find(Locator::Css("#f-actor option:nth-child(2)"))
        .await
        .expect("the second actor")
        .click()
        .await
        .expect("choose");
    let walk = submit_and_leave(&client, Locator::Css("form.stacked button.primary"), &choose).await;
    assert!(walk.contains("actor="), "{walk}");
    check_current(&client, "map-interview", &mut failures).await;
    client
        .find(Locator::Css("fieldset.meeting-reply input[value='yes']"))
        .await
        .expect("yes")
        .click()
        .await
        .expect("tick");
    client
        .find(Locator::Css("fieldset.meeting-reply [name$='.useful_own'][value='4']"))
        .await
        .expect("useful 4")
        .click()
        .await
        .expect("tick");
    client.find(Locator::Id("f-new_name")).await.expect("name").send_keys("Föräldragrupp").await.expect("type");
    client
        .find(Locator::Css("#f-new_level option[value='operational']"))
        .await
        .expect("level")
        .click()
        .await
        .expect("choose");
    client.find(Locator::Id("f-new_per_year")).await.expect("per year").send_keys("varje vecka").await.expect("type");
    client.find(Locator::Id("f-new_hours")).await.expect("hours").send_keys("1,5").await.expect("type");
    client.find(Locator::Css("form.interview button.primary")).await.expect("save").click().await.expect("click");
    client.wait().for_element(Locator::Id("error-summary")).await.expect("the problem named");
    let kept: serde_json::Value = client
        .execute(
            "return [document.getElementById('f-new_per_year').value, \
             document.querySelector(\"fieldset.meeting-reply [name$='.useful_own'][value='4']\").checked]",
            vec![],
        )
        .await
        .expect("values");
    assert_eq!(kept, serde_json::json!(["varje vecka", true]), "what was typed and ticked stays");
    check_current(&client, "map-interview-refused", &mut failures).await;
    client.execute("document.getElementById('f-new_per_year').value = '40'", vec![]).await.expect("fix");
    let current = client.current_url().await.expect("url").to_string();
    let saved = submit_and_leave(&client, Locator::Css("form.interview button.primary"), &current).await;
    assert!(saved.contains("notice=saved"), "{saved}");

    check_page(&client, &base, &format!("{map}/survey"), "map-survey", &mut failures).await;
    let point = [("axis", "age"), ("at_value", "30"), ("label", "Aktivitetsersättningen upphör")];
    leader.post(&format!("{map}/break-points"), &point).await;
    check_page(&client, &base, &format!("{map}/break-points"), "map-break-points", &mut failures).await;
    check_page(&client, &base, &format!("{map}/wave"), "map-wave", &mut failures).await;
    check_page(&client, &base, &format!("{map}/compare"), "map-compare", &mut failures).await;
    check_page(&client, &base, &format!("{meeting_path}/edit"), "map-meeting-edit", &mut failures).await;
    check_page(
        &client,
        &base,
        &format!("{map}?level=operational&agency=employment_service"),
        "map-filtered",
        &mut failures,
    )
    .await;
    let page = client.source().await.expect("source");
    assert!(
        page.contains("Föräldragrupp") && page.contains("Arbetsförmedlingen"),
        "the interview's meeting is on the map"
    );
    client.close().await.expect("close");
    app.stop().await;
    assert!(failures.is_empty(), "accessibility violations:\n{}", failures.join("\n"));
}

/// Follow-up on a tablet: a session's ratings entered by touch-sized fields, a mark off the
/// line refused with everything typed kept, then saved and its alerts shown; axe-core on the
/// follow-up pages.
#[tokio::test]
async fn a_session_is_rated_on_a_tablet_and_the_follow_up_pages_are_accessible() {
    let Some(driver) = start_driver() else { return };
    let app = TestApp::spawn().await;
    let base = app.url("");
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let admin = app.logged_in(org, "anna@boras.se", "Anna Admin", Role::Admin).await;
    let practitioner = app.logged_in(org, "pia@boras.se", "Pia Behandlare", Role::Practitioner).await;
    admin.post("/outcomes/units", &[("name", "Vuxenenheten")]).await;
    let unit = app.text("SELECT CAST(id AS TEXT) FROM units").await.expect("unit");
    let pia = app.text("SELECT CAST(id AS TEXT) FROM users WHERE email = 'pia@boras.se'").await.expect("pia");
    admin.post(&format!("/outcomes/units/{unit}/members"), &[("user_id", &pia)]).await;
    let made = practitioner.post("/outcomes/participants", &[("code", "D-021"), ("age_group", "adolescent")]).await;
    let participant = common::location(&made).split('?').next().expect("path").to_owned();
    practitioner.post(&format!("{participant}/episodes"), &[("unit_id", &unit), ("starts_on", "2026-09-01")]).await;

    let client = connect(&driver).await;
    let mut failures = Vec::new();
    log_in(&client, &base, "pia@boras.se").await;
    client.set_window_size(820, 1180).await.expect("a tablet-sized window");
    check_page(&client, &base, "/outcomes", "outcomes-list", &mut failures).await;
    check_page(&client, &base, "/outcomes/participants/new", "outcomes-participant-new", &mut failures).await;
    let page = format!("{base}{participant}");
    client.goto(&page).await.expect("the participant's page");
    for (field, value) in [
        ("f-ors_1", "5,5"),
        ("f-ors_2", "11"),
        ("f-ors_3", "6"),
        ("f-ors_4", "6"),
        ("f-srs_1", "9"),
        ("f-srs_2", "9,5"),
        ("f-srs_3", "9"),
        ("f-srs_4", "9"),
    ] {
        client.find(Locator::Id(field)).await.expect(field).send_keys(value).await.expect("type");
    }
    // The scale's sum as it is marked (9 + 9.5 + 9 + 9), and a touch on a line's slider writes
    // its field.
    let sum: serde_json::Value = client
        .execute("return document.querySelector('fieldset[data-scale=srs] .scale-sum').textContent", vec![])
        .await
        .expect("sum");
    assert_eq!(sum, "Summa: 36,5");
    let touched: serde_json::Value = client
        .execute(
            "const s = document.querySelector('#f-ors_4 + input.line-slider'); s.value = '7.5'; \
             s.dispatchEvent(new Event('input', {bubbles: true})); return document.getElementById('f-ors_4').value",
            vec![],
        )
        .await
        .expect("slider");
    assert_eq!(touched, "7,5");
    client.find(Locator::Css("#record ~ form button[type=submit]")).await.expect("save").click().await.expect("click");
    client.wait().for_element(Locator::Id("error-summary")).await.expect("the mark off the line named");
    let kept: serde_json::Value = client
        .execute("return ['f-ors_1', 'f-ors_2', 'f-srs_2'].map(id => document.getElementById(id).value)", vec![])
        .await
        .expect("values");
    assert_eq!(kept, serde_json::json!(["5,5", "11", "9,5"]));
    check_current(&client, "outcomes-session-refused", &mut failures).await;
    client.execute("document.getElementById('f-ors_2').value = '1'", vec![]).await.expect("fix");
    let after = submit_and_leave(
        &client,
        Locator::Css("#record ~ form button[type=submit]"),
        client.current_url().await.expect("url").as_ref(),
    )
    .await;
    assert!(after.contains("notice=saved"), "{after}");
    // 5.5 + 1 + 6 + 7.5 = 20, under the adolescent cut-off of 28.
    let source = client.source().await.expect("source");
    assert!(source.contains("Senaste skattningen, 20, ligger under gränsen 28"), "the alert with its reason");
    check_current(&client, "outcomes-participant", &mut failures).await;
    // The participant's own phone: a link made on the page, its form on a phone-sized window.
    let episode = app.text("SELECT CAST(id AS TEXT) FROM outcome_episodes").await.expect("episode");
    let (_, linked) =
        practitioner.post_page(&format!("/outcomes/episodes/{episode}/links"), &[("scales", "both")]).await;
    let token = linked.split("/r/").nth(1).and_then(|rest| rest.get(..64)).expect("a link").to_owned();
    client.set_window_size(390, 844).await.expect("a phone-sized window");
    check_page(&client, &base, &format!("/r/{token}"), "outcomes-phone", &mut failures).await;
    client.set_window_size(820, 1180).await.expect("a tablet-sized window");
    check_page(&client, &base, &format!("/outcomes/units/{unit}/report"), "outcomes-report", &mut failures).await;
    log_in(&client, &base, "anna@boras.se").await;
    check_page(&client, &base, "/outcomes/units", "outcomes-units", &mut failures).await;
    check_page(&client, &base, "/outcomes/settings", "outcomes-settings", &mut failures).await;
    client.close().await.expect("close");
    app.stop().await;
    assert!(failures.is_empty(), "accessibility violations:\n{}", failures.join("\n"));
}

/// Attendance at the door on a tablet: a person without a name refused with what was typed
/// kept, then recorded and listed, the form empty for the next; axe-core on the events pages.
#[tokio::test]
async fn attendance_is_taken_on_a_tablet_and_the_event_pages_are_accessible() {
    let Some(driver) = start_driver() else { return };
    let app = TestApp::spawn().await;
    let base = app.url("");
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let coordinator = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let made = coordinator
        .post("/initiatives", &[("name", "Kompetenslyft"), ("topic", "integration"), ("status", "active")])
        .await;
    let initiative = common::id_from_location(&common::location(&made));
    let made = coordinator
        .post(
            &format!("/initiatives/{initiative}/events"),
            &[("title", "MI-utbildning"), ("starts_at", "2026-09-01T09:00")],
        )
        .await;
    let event = common::location(&made).split('?').next().expect("path").to_owned();

    let client = connect(&driver).await;
    let mut failures = Vec::new();
    log_in(&client, &base, "sara@boras.se").await;
    client.set_window_size(820, 1180).await.expect("a tablet-sized window");
    check_page(&client, &base, &format!("/initiatives/{initiative}/events"), "project-events", &mut failures).await;
    let page = format!("{base}{event}");
    client.goto(&page).await.expect("the event's page");
    client
        .find(Locator::Id("f-organisation"))
        .await
        .expect("organisation")
        .send_keys("Försäkringskassan")
        .await
        .expect("type");
    client
        .find(Locator::Css("#add-attendee ~ form button[type=submit]"))
        .await
        .expect("record")
        .click()
        .await
        .expect("click");
    client.wait().for_element(Locator::Id("error-summary")).await.expect("the missing name named");
    let kept: serde_json::Value =
        client.execute("return document.getElementById('f-organisation').value", vec![]).await.expect("value");
    assert_eq!(kept, "Försäkringskassan");
    check_current(&client, "project-attendee-refused", &mut failures).await;
    client.find(Locator::Id("f-name")).await.expect("name").send_keys("Sara Ek").await.expect("type");
    client.execute("document.getElementById('f-gender').value = 'woman'", vec![]).await.expect("gender");
    let after = submit_and_leave(
        &client,
        Locator::Css("#add-attendee ~ form button[type=submit]"),
        client.current_url().await.expect("url").as_ref(),
    )
    .await;
    assert!(after.contains("notice=saved"), "{after}");
    let state: serde_json::Value = client
        .execute(
            "return [document.querySelector('#attendance ~ .table-wrap tbody th').textContent, \
             document.getElementById('f-name').value]",
            vec![],
        )
        .await
        .expect("the list and the form");
    assert_eq!(state, serde_json::json!(["Sara Ek", ""]), "listed, and the form empty for the next person");
    check_current(&client, "project-event", &mut failures).await;
    client.close().await.expect("close");
    app.stop().await;
    assert!(failures.is_empty(), "accessibility violations:\n{}", failures.join("\n"));
}

/// The project's follow-up pages with something on each — frame, indicators, participants,
/// evaluations, budget, a tertial report, the final report and the view across projects —
/// checked with axe-core, screenshots kept for a person to look at.
#[tokio::test]
async fn the_project_follow_up_pages_and_reports_are_accessible() {
    use serde_json::json;
    let Some(driver) = start_driver() else { return };
    let app = TestApp::spawn().await;
    let base = app.url("");
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let sara = app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let token = sara.api_token("webb").await;
    let body = json!({"name": "Kompetenslyft", "topic": "integration", "status": "active",
        "start_date": "2026-01-01", "end_date": "2026-12-31"});
    let initiative = sara.api_post(&token, "/api/v1/initiatives", &body).await.1["id"].as_i64().expect("id");
    let api = |path: &str| format!("/api/v1/initiatives/{initiative}/{path}");
    let posts = [
        ("frame/funders", json!({"name": "Länsstyrelsen", "share": 5_000})),
        ("events", json!({"title": "MI-utbildning", "starts_at": "2026-05-04T09:00"})),
        (
            "indicators",
            json!({"name": "Nådda personer", "target": 10, "every": "tertial", "source": "people_reached", "direction": "increase"}),
        ),
        (
            "participants",
            json!({"code": "BO-1", "gender": "woman", "age_band": "30_39", "joined_on": "2026-02-01",
            "income_before": "financial_aid", "occupation_before": "job_seeking", "consent": true}),
        ),
        ("budget/lines", json!({"year": 2026, "category": "staff", "amount": 1_200_000})),
    ];
    let mut made = Vec::new();
    for (path, body) in &posts {
        let (status, out) = sara.api_post(&token, &api(path), body).await;
        assert!(status.is_success(), "{path}: {out}");
        made.push(out["id"].as_i64().unwrap_or_default());
    }
    let (event, indicator, participation) = (made[1], made[2], made[3]);
    assert_eq!(sara.post(&format!("/events/{event}/evaluation"), &[]).await.status(), reqwest::StatusCode::CREATED);

    let client = connect(&driver).await;
    let mut failures = Vec::new();
    log_in(&client, &base, "sara@boras.se").await;
    let pages = [
        (format!("/initiatives/{initiative}/frame"), "project-frame"),
        (format!("/initiatives/{initiative}/indicators"), "project-indicators"),
        (format!("/indicators/{indicator}"), "project-indicator"),
        (format!("/initiatives/{initiative}/participants"), "project-participants"),
        (format!("/participations/{participation}"), "project-participation"),
        (format!("/initiatives/{initiative}/evaluations"), "project-evaluations"),
        (format!("/initiatives/{initiative}/budget"), "project-budget"),
        (format!("/initiatives/{initiative}/reports"), "project-reports"),
        (format!("/initiatives/{initiative}/reports/2026-T2"), "project-report-tertial"),
        (format!("/initiatives/{initiative}/reports/final"), "project-report-final"),
        ("/projects".to_owned(), "project-overview"),
    ];
    for (path, name) in &pages {
        check_page(&client, &base, path, name, &mut failures).await;
    }
    client.close().await.expect("close");
    app.stop().await;
    assert!(failures.is_empty(), "accessibility violations:\n{}", failures.join("\n"));
}

/// A municipality registers interest in a county board's campaign through the form, as its
/// coordinator would (a refusal first, the typed text kept), and the board's pages pass axe-core.
#[tokio::test]
async fn interest_in_a_campaign_is_registered_through_the_form_and_the_pages_are_accessible() {
    let Some(driver) = start_driver() else { return };
    let app = TestApp::spawn().await;
    let base = app.url("");
    let board = app.organisation("Länsstyrelsen Västra Götaland", OrgKind::CountyBoard, None).await;
    let boras = app.organisation("Borås stad", OrgKind::Municipality, Some(board)).await;
    let lena = app.logged_in(board, "lena@lansstyrelsen.se", "Lena Länsstyrelse", Role::Coordinator).await;
    app.logged_in(boras, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await;
    let campaign = [
        ("name", "Beredskap mot våld"),
        ("topics", "violence_close_relationships"),
        ("topics", "honour_related_violence"),
        ("instrument_id", "crm-2014"),
        ("starts_on", "2026-01-15"),
        ("ends_on", "2099-12-15"),
        ("offer_text", "Länsstyrelsen erbjuder en mätning."),
        ("price", "60 000"),
        ("board_share", "50"),
        ("audience", "all"),
    ];
    assert_eq!(lena.post("/campaigns", &campaign).await.status(), reqwest::StatusCode::SEE_OTHER);
    let offer = app.text("SELECT CAST(id AS TEXT) FROM campaign_offers").await.expect("an offer");
    let campaign = app.text("SELECT CAST(id AS TEXT) FROM campaigns").await.expect("a campaign");

    let client = connect(&driver).await;
    let mut failures = Vec::new();
    log_in(&client, &base, "sara@boras.se").await;
    check_page(&client, &base, "/", "home-with-offer", &mut failures).await;
    client
        .find(Locator::Css(&format!("a[href='/offers/{offer}']")))
        .await
        .expect("the offer")
        .click()
        .await
        .expect("open");
    client.wait().for_element(Locator::Id("f-contact_name")).await.expect("the interest form");
    check_page(&client, &base, &format!("/offers/{offer}"), "campaign-offer", &mut failures).await;
    client.find(Locator::Id("f-contact_name")).await.expect("contact").send_keys("Kim Kontakt").await.expect("type");
    client.find(Locator::Id("f-contact_email")).await.expect("email").send_keys("kim@boras.se").await.expect("type");
    client.find(Locator::Css("form.stacked button.primary")).await.expect("send").click().await.expect("submit");
    let summary = client.wait().for_element(Locator::Id("error-summary")).await.expect("the topic is missing");
    assert!(summary.text().await.expect("text").contains("Område"));
    let kept = client.find(Locator::Id("f-contact_name")).await.expect("contact").prop("value").await.expect("value");
    assert_eq!(kept.as_deref(), Some("Kim Kontakt"), "what was typed stays");
    check_current(&client, "campaign-offer-refused", &mut failures).await;
    client
        .find(Locator::Id("f-topic"))
        .await
        .expect("topic")
        .select_by_value("honour_related_violence")
        .await
        .expect("select");
    let refused_at = client.current_url().await.expect("url").to_string();
    let saved = submit_and_leave(&client, Locator::Css("form.stacked button.primary"), &refused_at).await;
    assert!(saved.ends_with(&format!("/offers/{offer}?notice=saved")), "{saved}");
    let status = client.find(Locator::Css("main .badge")).await.expect("the status");
    assert_eq!(status.text().await.expect("text"), "Intresserad");
    let registered = app.text("SELECT topic || ' ' || contact_email FROM campaign_offers").await;
    assert_eq!(registered.as_deref(), Some("honour_related_violence kim@boras.se"));
    log_in(&client, &base, "lena@lansstyrelsen.se").await;
    for (path, name) in [
        ("/campaigns".to_owned(), "campaigns"),
        ("/campaigns/new".to_owned(), "campaign-new"),
        (format!("/campaigns/{campaign}"), "campaign-board"),
    ] {
        check_page(&client, &base, &path, name, &mut failures).await;
    }
    client.close().await.expect("close");
    app.stop().await;
    assert!(failures.is_empty(), "accessibility violations:\n{}", failures.join("\n"));
}
