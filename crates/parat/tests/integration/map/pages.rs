//! The process leader's pages: a map entered form by form, details changed, and the filters.

use super::*;

/// The process leader enters a map through its pages: bad input comes back beside its field
/// with what was typed; the map page shows the measures worked out by hand; viewers read,
/// other organisations get 404.
#[tokio::test]
async fn a_map_entered_through_its_pages_shows_its_measures() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let leader = app.logged_in(org, "sara@sjuharad.se", "Sara Samordnare", Role::Coordinator).await;
    let viewer = app.logged_in(org, "sven@sjuharad.se", "Sven Styrgrupp", Role::Viewer).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;
    assert!(leader.page("/maps").await.1.contains("Det finns ingen samverkanskarta ännu."));

    let refused = leader
        .post(
            "/maps",
            &[("name", ""), ("target_group", "Unga vuxna"), ("starts_on", "2026-09-01"), ("ends_on", "2026-01-01")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.expect("body");
    assert!(page.contains("value=\"Unga vuxna\"") && page.contains("aria-invalid=\"true\""), "what was typed stays");
    let made = leader
        .post("/maps", &[("name", "Unga vuxna 2026"), ("target_group", "Unga vuxna utan egen försörjning")])
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let map = common::id_from_location(&common::location(&made));
    let base = format!("/maps/{map}");

    let refused = leader
        .post(
            &format!("{base}/actors"),
            &[("organisation", " "), ("unit", "Ungdomsenheten"), ("agency", "municipality")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains("value=\"Ungdomsenheten\""));
    for (organisation, agency) in [
        ("Borås stad", "municipality"),
        ("Arbetsförmedlingen", "employment_service"),
        ("Försäkringskassan", "social_insurance"),
    ] {
        let added = leader.post(&format!("{base}/actors"), &[("organisation", organisation), ("agency", agency)]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER, "{organisation}");
    }
    let (_, page) = leader.page(&format!("{base}/meetings")).await;
    let actor_id = |name: &str| -> String {
        let at = page.find(&format!(">{name}</option>")).expect("an option");
        let start = page[..at].rfind("value=\"").expect("its value") + "value=\"".len();
        page[start..start + page[start..].find('"').expect("end")].to_owned()
    };
    let (boras, af, fk) = (actor_id("Borås stad"), actor_id("Arbetsförmedlingen"), actor_id("Försäkringskassan"));

    let meeting = [("name", "Samverkansteam"), ("level", "operational"), ("per_year", "tusen"), ("hours", "1,5")];
    let refused = leader.post(&format!("{base}/meetings"), &meeting).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("body");
    assert!(body.contains("value=\"tusen\"") && body.contains("value=\"1,5\""), "the typed values stay");
    let made = leader
        .post(
            &format!("{base}/meetings"),
            &[
                ("name", "Samverkansteam"),
                ("level", "operational"),
                ("per_year", "10"),
                ("hours", "1,5"),
                ("convener_id", &boras),
            ],
        )
        .await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let meeting_page = common::location(&made);
    let meeting_path = meeting_page.split('?').next().expect("path").to_owned();
    for (actor, role) in [(&boras, "chair"), (&af, "member")] {
        let added = leader.post(&format!("{meeting_path}/attendance"), &[("actor_id", actor), ("role", role)]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }
    let refused = leader.post(&format!("{meeting_path}/attendance"), &[("actor_id", &fk), ("role", "")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    for (actor, useful) in [(&boras, "3"), (&af, "4")] {
        let rated = leader
            .post(
                &format!("{meeting_path}/ratings"),
                &[("actor_id", actor), ("useful_own", useful), ("works", "Snabba beslut")],
            )
            .await;
        assert_eq!(rated.status(), StatusCode::SEE_OTHER);
    }
    let refused = leader
        .post(&format!("{base}/needs"), &[("from_actor_id", &af), ("to_actor_id", &af), ("about", "Sjukskrivna")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "a need is between two actors");
    let body = refused.text().await.expect("body");
    assert!(body.contains("value=\"Sjukskrivna\"") && body.contains("Välj två olika."), "kept and explained");
    let need = leader
        .post(&format!("{base}/needs"), &[("from_actor_id", &af), ("to_actor_id", &fk), ("about", "Sjukskrivna")])
        .await;
    assert_eq!(need.status(), StatusCode::SEE_OTHER);
    let (_, meeting_html) = leader.page(&meeting_path).await;
    assert!(meeting_html.contains("Ordförande") && meeting_html.contains("Snabba beslut"));

    // By hand: three actors, one tie (Borås–AF): density 1/3, centralisation (0 + 0 + 1) / 2;
    // two groups; 10 × 1,5 × 2 = 30 person-hours; usefulness (3 + 4) / 2 = 3,50; AF → FK unmet.
    let (status, page) = leader.page(&base).await;
    assert_eq!(status, StatusCode::OK);
    let figure = |label: &str| {
        let at = page.find(&format!("<dt>{label}</dt>")).unwrap_or_else(|| panic!("{label}"));
        let start = at + page[at..].find("<dd>").expect("dd") + 4;
        page[start..start + page[start..].find("</dd>").expect("end")].to_owned()
    };
    assert_eq!(
        (figure("Täthet"), figure("Centralisering"), figure("Delar som inte möts")),
        ("0,33".into(), "0,50".into(), "2".into())
    );
    let row = &page[page.find(">Samverkansteam</a>").expect("the meeting's row")..];
    let row = &row[..row.find("</tr>").expect("end")];
    assert!(row.contains(">30<") && row.contains(">3,50<") && row.contains(">2<"), "{row}");
    assert!(page.contains("Arbetsförmedlingen → Försäkringskassan"));
    assert!(page.contains("Så räknas måtten"));
    // The pictures: three actors twice (both maps), one meeting, two attendances, one tie.
    assert_eq!(page.matches("<rect class=\"actor agency-").count(), 6);
    assert_eq!(page.matches("<circle class=\"meeting\"").count(), 1);
    assert!(page.contains("3 aktörer (rutor") && page.contains("vart och ett av 2 deltaganden"));
    assert!(page.contains("3 aktörer och en kontakt: ett streck"));
    // Usefulness by the raters' agencies, and the questions the map raises: AF and FK state a
    // need and share no meeting; Borås stad is the only tie between the municipality and AF.
    assert!(row.contains("Kommun 3,00 (1)") && row.contains("Arbetsförmedlingen 4,00 (1)"), "{row}");
    assert!(page.contains(
        "Saknas ett möte mellan Arbetsförmedlingen och Försäkringskassan? Ett behov av kontakt är uttalat men"
    ));
    assert!(page.contains("när Borås stad inte är med? All kontakt mellan dem går via Borås stad."));

    // The figures are kept between views; a change shows at once: Försäkringskassan joins the
    // team, and all three are tied (density 1).
    let joined = leader.post(&format!("{meeting_path}/attendance"), &[("actor_id", &fk), ("role", "invited")]).await;
    assert_eq!(joined.status(), StatusCode::SEE_OTHER);
    let page = leader.page(&base).await.1;
    assert!(page.contains("<dt>Täthet</dt><dd>1,00</dd>"), "the new density");
    assert!(!page.contains("Arbetsförmedlingen → Försäkringskassan"), "the need is met now");

    // The map's data to take elsewhere: XLSX in Kumu's layout with the measures, CSV, GraphML.
    let xlsx = leader.get(&format!("{base}/map.xlsx")).await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    let workbook = xlsx.bytes().await.expect("bytes");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(workbook.to_vec())).expect("an XLSX is a zip");
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).expect(name), &mut text).expect("utf-8");
        text
    };
    let sheets = read("xl/workbook.xml");
    assert!(sheets.contains("name=\"Elements\"") && sheets.contains("name=\"Connections\""), "{sheets}");
    assert!(sheets.contains("name=\"Aktörer\"") && sheets.contains("name=\"Möten\""), "{sheets}");
    let strings = read("xl/sharedStrings.xml");
    assert!(strings.contains("Samverkansteam") && strings.contains("Ordförande") && strings.contains("From"));
    let (status, csv) = leader.page(&format!("{base}/map.csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(csv.lines().count(), 4, "a header and three attendances: {csv}");
    assert!(csv.contains("Borås stad;Kommun;Samverkansteam;Operativ;Ordförande"), "{csv}");
    let (status, graphml) = leader.page(&format!("{base}/map.graphml")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((graphml.matches("<node ").count(), graphml.matches("<edge ").count()), (4, 3), "{graphml}");
    assert!(graphml.contains("<data key=\"agency\">employment_service</data>"));
    assert_eq!(outsider.page(&format!("{base}/map.graphml")).await.0, StatusCode::NOT_FOUND);

    // An attendee taken away again, and the meeting removed after a question.
    let removed = leader.post(&format!("{meeting_path}/attendance/remove"), &[("actor_id", &fk)]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert!(leader.page(&base).await.1.contains("<dt>Täthet</dt><dd>0,33</dd>"), "back to one tie");
    let (status, question) = leader.page(&format!("{meeting_path}/remove")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(question.contains("<h1>Ta bort mötet Samverkansteam?</h1>"), "{question}");
    assert!(leader.page(&base).await.1.contains(">Samverkansteam</a>"), "asking removed nothing");
    assert_eq!(viewer.post(&format!("{meeting_path}/remove"), &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(outsider.post(&format!("{meeting_path}/remove"), &[]).await.status(), StatusCode::NOT_FOUND);
    let removed = leader.post(&format!("{meeting_path}/remove"), &[]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert!(leader.page(&base).await.1.contains("Inga möten är inlagda ännu."));
    assert_eq!(leader.page(&meeting_path).await.0, StatusCode::NOT_FOUND);

    let (status, seen) = viewer.page(&base).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !seen.contains("Lägg till möte") && !seen.contains("method=\"post\" action=\"/maps/"),
        "no forms that change the map for a viewer"
    );
    assert!(seen.contains("name=\"level\""), "but the filters");
    assert_eq!(
        viewer.post(&format!("{base}/actors"), &[("organisation", "X"), ("agency", "other")]).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(outsider.page(&base).await.0, StatusCode::NOT_FOUND);
    assert_eq!(outsider.page(&meeting_path).await.0, StatusCode::NOT_FOUND);
    assert!(!outsider.page("/maps").await.1.contains("Unga vuxna 2026"));
    app.stop().await;
}

#[tokio::test]
async fn an_actors_and_a_meetings_details_are_changed_on_their_pages() {
    let app = TestApp::spawn().await;
    let Setup { leader, viewer, outsider, base, actors, meetings } = setup(&app).await;
    let meeting = format!("{base}/meetings/{}/edit", meetings[0]);
    let (status, form) = leader.page(&meeting).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("value=\"Samverkansteam\"") && form.contains("name=\"per_year\" type=\"text\" value=\"10\""));
    let changed = [("name", "Samverkansteam Unga"), ("level", "tactical"), ("per_year", "0,5"), ("hours", "3")];
    let refused = leader
        .post(&meeting, &[("name", "Samverkansteam Unga"), ("level", "tactical"), ("per_year", "-1"), ("hours", "3")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains("value=\"Samverkansteam Unga\""));
    assert_eq!(leader.post(&meeting, &changed).await.status(), StatusCode::SEE_OTHER);
    // By hand: 0,5 × 3 h × 2 attendees = 3 person-hours; the attendance stayed.
    let (_, page) = leader.page(&base).await;
    let row = &page[page.find(">Samverkansteam Unga</a>").expect("renamed")..];
    let row = &row[..row.find("</tr>").expect("end")];
    assert!(row.contains(">Taktisk<") && row.contains(">0,5<") && row.contains(">3<"), "{row}");

    let actor = format!("{base}/actors/{}/edit", actors[1]);
    let (status, form) = leader.page(&actor).await;
    assert_eq!((status, form.contains("value=\"Arbetsförmedlingen\"")), (StatusCode::OK, true));
    let fields =
        [("organisation", "Arbetsförmedlingen"), ("unit", "Marknadsområde Sjuhärad"), ("agency", "employment_service")];
    assert_eq!(leader.post(&actor, &fields).await.status(), StatusCode::SEE_OTHER);
    assert!(leader.page(&base).await.1.contains("Arbetsförmedlingen, Marknadsområde Sjuhärad"));
    assert_eq!(viewer.page(&actor).await.0, StatusCode::FORBIDDEN);
    assert_eq!(viewer.post(&meeting, &changed).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(outsider.page(&meeting).await.0, StatusCode::NOT_FOUND);
    assert_eq!(outsider.post(&actor, &fields).await.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn the_map_page_filters_by_level_agency_and_target_group() {
    let app = TestApp::spawn().await;
    let Setup { leader, base, actors, meetings, .. } = setup(&app).await;
    // The network meeting becomes strategic and for young parents, with Försäkringskassan.
    let fields = [
        ("name", "Nätverksmöte"),
        ("level", "strategic"),
        ("per_year", "4"),
        ("hours", "2"),
        ("target_group", "Unga föräldrar"),
    ];
    assert_eq!(
        leader.post(&format!("{base}/meetings/{}/edit", meetings[1]), &fields).await.status(),
        StatusCode::SEE_OTHER
    );
    let attend = format!("{base}/meetings/{}/attendance", meetings[1]);
    assert_eq!(
        leader.post(&attend, &[("actor_id", &actors[2]), ("role", "member")]).await.status(),
        StatusCode::SEE_OTHER
    );

    let (status, page) = leader.page(&format!("{base}?level=strategic")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Urval: 1 av 2 möten och 1 av 3 aktörer."), "{page}");
    let tables = &page[page.find("id=\"meetings\"").expect("meetings")..];
    assert!(tables.contains(">Nätverksmöte</a>") && !tables.contains(">Samverkansteam</a>"));
    assert!(page.contains("value=\"strategic\" selected"), "the choice stays");
    let (_, page) = leader.page(&format!("{base}?target_group=Unga+f%C3%B6r%C3%A4ldrar")).await;
    assert!(page.contains("Urval: 1 av 2 möten"));
    // By agency: the municipality alone — Borås, in both meetings' pictures but no tie.
    let (_, page) = leader.page(&format!("{base}?agency=municipality")).await;
    assert!(page.contains("Urval: 2 av 2 möten och 1 av 3 aktörer."), "{page}");
    let actors_table = &page[page.find("id=\"actors\"").expect("actors")..];
    assert!(actors_table.contains("Borås stad") && !actors_table.contains("Arbetsförmedlingen</a>"));
    // An unknown value filters nothing rather than failing.
    let (status, page) = leader.page(&format!("{base}?level=weekly")).await;
    assert!(status == StatusCode::OK && !page.contains("Urval:"));
    app.stop().await;
}

/// At national scale the figures take a second to compute after a change. Until they are ready
/// the map page shows those stored before the change, says so, and fetches the new ones by
/// itself (htmx) or by its button; then the notice is gone and the figures are current.
#[tokio::test]
async fn the_map_page_shows_the_earlier_figures_marked_while_a_change_is_computed() {
    // No wait, so that the page shows the earlier figures however fast the new ones are.
    let database = common::TestDatabase::new(common::Backend::from_env()).await;
    let mut config = common::config(&database.url);
    config.figures_wait = std::time::Duration::ZERO;
    let app = TestApp::spawn_with(database, config).await;
    let Setup { leader, base, .. } = setup(&app).await;
    const UPDATING: &str = "Måtten räknas om efter den senaste ändringen.";
    let density = |page: &str| {
        let at = page.find("<dt>Täthet</dt>").expect("density");
        let start = at + page[at..].find("<dd>").expect("dd") + 4;
        page[start..start + page[start..].find("</dd>").expect("end")].to_owned()
    };
    // The page polled until the figures computed after the setup's changes are in.
    let current = || async {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let (_, page) = leader.page(&base).await;
            if !page.contains(UPDATING) {
                return page;
            }
            assert!(std::time::Instant::now() < deadline, "the figures were never brought up to date");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    };
    // By hand: three actors, one tie (Borås–AF), density 1/3.
    assert_eq!(density(&current().await), "0,33");

    // The figures stored for this revision, altered so that the page can tell them apart, then a
    // change committed whose figures are not ready yet (as another app server's would be). A
    // refresh still queued from the changes above may compute the new revision first (seen on a
    // loaded machine); then the figures are rightly current, and the step is taken again.
    let map_id = base.trim_start_matches("/maps/");
    let mut attempts = 0;
    let page = loop {
        attempts += 1;
        let latest = format!("SELECT figures FROM map_figures WHERE map_id = {map_id} ORDER BY revision DESC");
        let stored = app.text(&latest).await.expect("stored");
        let mut earlier: serde_json::Value = serde_json::from_str(&stored).expect("JSON");
        earlier["measures"]["network"]["density"] = serde_json::json!(0.25);
        let sql = format!("UPDATE map_figures SET figures = $1 WHERE map_id = {map_id}");
        assert!(app.execute(&sql, &earlier.to_string()).await >= 1);
        let sql = format!("UPDATE maps SET revision = revision + 1 WHERE id = {map_id} AND name <> $1");
        assert_eq!(app.execute(&sql, "").await, 1);
        let (status, page) = leader.page(&format!("{base}?level=operational")).await;
        assert_eq!(status, StatusCode::OK);
        if page.contains(UPDATING) || attempts == 5 {
            break page;
        }
    };
    assert_eq!(density(&page), "0,25", "the earlier figures, at once");
    assert!(page.contains(UPDATING), "and said to be so");
    let notice = &page[page.find("id=\"map-figures-state\"").expect("the notice")..];
    let notice = &notice[..notice.find("</form>").expect("its form")];
    assert!(
        notice.contains("hx-trigger=\"load delay:2s\"")
            && notice.contains("hx-select-oob=\"#map-figures-state:innerHTML,#map-network-figures:innerHTML")
            && notice.contains("<input type=\"hidden\" name=\"level\" value=\"operational\">")
            && notice.contains("Visa de uppdaterade måtten"),
        "{notice}"
    );

    // The view started the computation; soon the page is current again.
    let page = current().await;
    assert_eq!(density(&page), "0,33");
    app.stop().await;
}
