//! The cooperation map's two other ways to collect, over HTTP: the guided interview (one
//! informant's walk through the meetings, saved whole or not at all) and the roster survey
//! (personal links to every actor, answers taken in only as the process leader chooses, never
//! over their own entries).

use crate::common;

use common::{Browser, TestApp};
use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;

/// The value of the `<option>` labelled `label` on a page.
fn option_value(page: &str, label: &str) -> String {
    let at = page.find(&format!(">{label}</option>")).unwrap_or_else(|| panic!("an option {label}"));
    let start = page[..at].rfind("value=\"").expect("its value") + "value=\"".len();
    page[start..start + page[start..].find('"').expect("end")].to_owned()
}

/// The id at the end of a meeting's link named `name` on the map page.
fn meeting_id(page: &str, name: &str) -> String {
    let at = page.find(&format!(">{name}</a>")).unwrap_or_else(|| panic!("a meeting {name}"));
    let href = page[..at].rfind("/meetings/").expect("its link") + "/meetings/".len();
    page[href..href + page[href..].find('"').expect("end")].to_owned()
}

/// The table row whose header cell holds `name`, on the meeting page.
fn row<'p>(page: &'p str, name: &str) -> &'p str {
    let at = page.find(&format!("<th scope=\"row\">{name}</th>")).unwrap_or_else(|| panic!("a row {name}"));
    &page[at..at + page[at..].find("</tr>").expect("end")]
}

struct Setup {
    leader: Browser,
    viewer: Browser,
    outsider: Browser,
    base: String,
    /// Borås stad, Arbetsförmedlingen, Försäkringskassan.
    actors: [String; 3],
    /// Samverkansteam, Nätverksmöte.
    meetings: [String; 2],
}

/// A map with three actors and two meetings; Borås chairs the team, AF is a member of it, and
/// Borås's own rating of the team is 2.
async fn setup(app: &TestApp) -> Setup {
    let org = app.organisation("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let leader = app.logged_in(org, "sara@sjuharad.se", "Sara Samordnare", Role::Coordinator).await;
    let viewer = app.logged_in(org, "sven@sjuharad.se", "Sven Styrgrupp", Role::Viewer).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;
    let made = leader.post("/maps", &[("name", "Unga vuxna 2026"), ("target_group", "Unga vuxna")]).await;
    let base = format!("/maps/{}", common::id_from_location(&common::location(&made)));
    for (organisation, agency) in [
        ("Borås stad", "municipality"),
        ("Arbetsförmedlingen", "employment_service"),
        ("Försäkringskassan", "social_insurance"),
    ] {
        let added = leader.post(&format!("{base}/actors"), &[("organisation", organisation), ("agency", agency)]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }
    let (_, form) = leader.page(&format!("{base}/meetings")).await;
    let actors = ["Borås stad", "Arbetsförmedlingen", "Försäkringskassan"].map(|name| option_value(&form, name));
    for (name, per_year) in [("Samverkansteam", "10"), ("Nätverksmöte", "4")] {
        let fields = [("name", name), ("level", "operational"), ("per_year", per_year), ("hours", "2")];
        assert_eq!(leader.post(&format!("{base}/meetings"), &fields).await.status(), StatusCode::SEE_OTHER);
    }
    let (_, page) = leader.page(&base).await;
    let meetings = ["Samverkansteam", "Nätverksmöte"].map(|name| meeting_id(&page, name));
    let team = format!("{base}/meetings/{}", meetings[0]);
    for (actor, role) in [(&actors[0], "chair"), (&actors[1], "member")] {
        let added = leader.post(&format!("{team}/attendance"), &[("actor_id", actor), ("role", role)]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }
    let rated = leader.post(&format!("{team}/ratings"), &[("actor_id", &actors[0]), ("useful_own", "2")]).await;
    assert_eq!(rated.status(), StatusCode::SEE_OTHER);
    Setup { leader, viewer, outsider, base, actors, meetings }
}

#[tokio::test]
async fn an_informant_walks_through_the_meetings_and_the_map_follows() {
    let app = TestApp::spawn().await;
    let Setup { leader, viewer, outsider, base, actors, meetings } = setup(&app).await;
    let [boras, af, fk] = &actors;
    let [team, network] = &meetings;

    let (status, choose) = leader.page(&format!("{base}/interview")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(choose.contains(">Försäkringskassan</option>"), "every actor of the organisation can be interviewed");
    let (status, form) = leader.page(&format!("{base}/interview?actor={boras}")).await;
    assert_eq!(status, StatusCode::OK);
    // Borås's answers as the map holds them: chairs the team, rated it 2.
    assert!(form.contains(&format!("name=\"m{team}.attend\" value=\"yes\" checked")), "{form}");
    assert!(form.contains(&format!("name=\"m{team}.useful_own\" value=\"2\" checked")));
    assert!(form.contains("value=\"chair\" selected"));

    // Försäkringskassan: one bad rating and a bad frequency refuse the whole interview, and
    // everything typed comes back.
    let path = format!("{base}/interview/{fk}");
    let attend = format!("m{team}.attend");
    let useful = format!("m{team}.useful_own");
    let works = format!("m{team}.works");
    let absent = format!("m{network}.attend");
    let bad = [
        (attend.as_str(), "yes"),
        (useful.as_str(), "7"),
        (works.as_str(), "Vi får träffa handläggarna"),
        (absent.as_str(), "no"),
        ("new_name", "Föräldragrupp"),
        ("new_level", "operational"),
        ("new_per_year", "tio"),
        ("new_hours", "1,5"),
        ("need_to", af.as_str()),
        ("need_about", "Sjukskrivna unga"),
    ];
    let refused = leader.post(&path, &bad).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("body");
    assert!(body.contains("value=\"tio\"") && body.contains("Vi får träffa handläggarna"), "typed values stay");
    assert!(body.contains(&format!("href=\"#f-m{team}.useful_own\"")) && body.contains("href=\"#f-new_per_year\""));
    let (_, team_page) = leader.page(&format!("{base}/meetings/{team}")).await;
    assert!(!team_page.contains("<th scope=\"row\">Försäkringskassan</th>"), "nothing was written");

    let mut good = bad;
    good[1] = (useful.as_str(), "4");
    good[6] = ("new_per_year", "10");
    let saved = leader.post(&path, &good).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert!(common::location(&saved).contains(&format!("interview?actor={fk}")));

    // The team now has three attendees; FK's rating is marked as from the interview.
    let (_, team_page) = leader.page(&format!("{base}/meetings/{team}")).await;
    let fk_rating = row(&team_page[team_page.find("id=\"ratings\"").expect("ratings")..], "Försäkringskassan");
    assert!(fk_rating.contains(">4<") && fk_rating.contains("från intervju"), "{fk_rating}");
    // By hand: the team meets 10 × 2 h with Borås, AF and FK: 60 person-hours, usefulness
    // (2 + 4) / 2 = 3,00; the new group meets 10 × 1,5 h with FK alone: 15 person-hours.
    let (_, page) = leader.page(&base).await;
    let team_row = &page[page.find(">Samverkansteam</a>").expect("team")..];
    let team_row = &team_row[..team_row.find("</tr>").expect("end")];
    assert!(team_row.contains(">60<") && team_row.contains(">3,00<") && team_row.contains(">3<"), "{team_row}");
    let group_row = &page[page.find(">Föräldragrupp</a>").expect("the added meeting")..];
    let group_row = &group_row[..group_row.find("</tr>").expect("end")];
    assert!(group_row.contains(">15<") && group_row.contains(">1<"), "{group_row}");
    // FK's need for contact with AF is met: they now share the team.
    assert!(page.contains("Varje uttalat behov av kontakt har ett gemensamt möte."), "{page}");

    // Saying no takes FK's attendance and interview rating away again.
    let no = [(attend.as_str(), "no")];
    assert_eq!(leader.post(&path, &no).await.status(), StatusCode::SEE_OTHER);
    let (_, team_page) = leader.page(&format!("{base}/meetings/{team}")).await;
    assert!(!team_page.contains("<th scope=\"row\">Försäkringskassan</th>"), "{team_page}");

    assert_eq!(viewer.page(&format!("{base}/interview")).await.0, StatusCode::FORBIDDEN);
    assert_eq!(viewer.post(&path, &good).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(outsider.page(&format!("{base}/interview?actor={fk}")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(outsider.post(&path, &good).await.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

/// Personal links on the page that shows them once.
fn links_in(body: &str) -> Vec<String> {
    body.match_indices("/q/")
        .filter_map(|(i, _)| body.get(i + 3..i + 67))
        .filter(|token| token.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|token| format!("/q/{token}"))
        .collect()
}

#[tokio::test]
async fn survey_answers_come_in_only_as_the_process_leader_chooses() {
    let app = TestApp::spawn().await;
    let Setup { leader, viewer, outsider, base, actors, meetings } = setup(&app).await;
    let [boras, af, _] = &actors;
    let [team, network] = &meetings;

    let refused = leader.post(&format!("{base}/survey"), &[("title", " "), ("closes_on", "2099-12-31")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains("value=\"2099-12-31\""), "the typed date stays");
    let sent = leader.post(&format!("{base}/survey"), &[("title", "Mötesenkät hösten"), ("closes_on", "")]).await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let body = sent.text().await.expect("body");
    let links = links_in(&body);
    assert_eq!(links.len(), 3, "one link per actor of the map");
    let link_of = |name: &str| {
        let at = body.find(&format!("<th scope=\"row\">{name}</th>")).expect("the actor's row");
        links_in(&body[at..]).into_iter().next().expect("its link")
    };

    // The survey lists the map's meetings and asks about each.
    let boras_browser = app.browser();
    let boras_link = link_of("Borås stad");
    let (_, sheet) = boras_browser.page(&boras_link).await;
    assert!(sheet.contains("<legend>Samverkansteam</legend>") && sheet.contains("<legend>Nätverksmöte</legend>"));
    let entries = |keys: &[&str]| -> Vec<(String, String)> {
        keys.iter().map(|k| ("a-meetings~entries".to_owned(), format!("m{k}"))).collect()
    };
    let submit = |mut fields: Vec<(String, String)>, pairs: &[(String, &str)]| {
        fields.extend(pairs.iter().map(|(k, v)| (k.clone(), (*v).to_owned())));
        fields.push(("action".into(), "submit".into()));
        fields
    };
    let field = |meeting: &str, item: &str| format!("a-meetings.m{meeting}.{item}");
    // Borås: attends the team, rates it 4 (the map says 2); attends the network meeting too
    // (not in the map); adds a meeting.
    let boras_answers = submit(
        entries(&[team, network]),
        &[
            (field(team, "attend"), "yes"),
            (field(team, "useful_own"), "4"),
            (field(network, "attend"), "yes"),
            (field(network, "per_year"), "6"),
            ("a-added_name".into(), "Föräldragrupp"),
            ("a-added_per_year".into(), "12"),
            ("a-added_hours".into(), "1,5"),
        ],
    );
    let borrowed: Vec<(&str, &str)> = boras_answers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(boras_browser.post(&boras_link, &borrowed).await.status(), StatusCode::OK);
    // AF: says it does not attend the team (the map says it does), and what is missing.
    let af_answers = submit(
        entries(&[team, network]),
        &[
            (field(team, "attend"), "no"),
            (field(network, "attend"), "no"),
            ("a-missing".into(), "Ett möte med vården om sjukskrivna unga"),
        ],
    );
    let borrowed: Vec<(&str, &str)> = af_answers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(app.browser().post(&link_of("Arbetsförmedlingen"), &borrowed).await.status(), StatusCode::OK);

    // Nothing has entered the map yet.
    let network_page = format!("{base}/meetings/{network}");
    assert!(!leader.page(&network_page).await.1.contains("<th scope=\"row\">Borås stad</th>"));
    let (status, page) = leader.page(&format!("{base}/survey")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("2 / 3"), "two of three answered");
    // Four proposals: Borås's rating (a conflict, kept unless chosen), Borås at the network
    // meeting, AF's absence from the team (a conflict), and the new meeting.
    let choice = |key: &str, value: &str| format!("name=\"choice-{key}\" value=\"{value}\" checked");
    let rating_key = format!("a{boras}.m{team}.rating");
    let joins_key = format!("a{boras}.m{network}.attend");
    let leaves_key = format!("a{af}.m{team}.attend");
    let new_key = format!("a{boras}.new");
    assert!(page.contains(&choice(&rating_key, "keep")), "a conflict keeps the map's by default: {page}");
    assert!(page.contains(&choice(&leaves_key, "keep")));
    assert!(page.contains(&choice(&joins_key, "take_in")) && page.contains(&choice(&new_key, "take_in")));
    assert!(page.contains("eget arbete 2, målgruppen –") && page.contains("eget arbete 4, målgruppen –"), "both shown");
    assert!(page.contains("Ett möte med vården om sjukskrivna unga"));
    // The frequency the respondents state beside the meeting's own.
    let frequency = &page[page.find("id=\"frequency\"").expect("frequency")..];
    assert!(row(frequency, "Nätverksmöte").contains(">6,0<"));

    let round = {
        let at = page.find("/rounds/").expect("the round's page") + "/rounds/".len();
        page[at..at + page[at..].find('"').expect("end")].to_owned()
    };
    let path = format!("{base}/survey/{round}");
    let choices = [
        (format!("choice-{rating_key}"), "take_in"),
        (format!("choice-{joins_key}"), "take_in"),
        (format!("choice-{leaves_key}"), "keep"),
        (format!("choice-{new_key}"), "take_in"),
    ];
    let borrowed: Vec<(&str, &str)> = choices.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(viewer.post(&path, &borrowed).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(outsider.post(&path, &borrowed).await.status(), StatusCode::NOT_FOUND);
    let forged = [(format!("choice-{joins_key}"), "overwrite")];
    let forged: Vec<(&str, &str)> = forged.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(leader.post(&path, &forged).await.status(), StatusCode::BAD_REQUEST);
    assert!(!leader.page(&network_page).await.1.contains("<th scope=\"row\">Borås stad</th>"), "nothing written");

    let saved = leader.post(&path, &borrowed).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    // Borås now attends the network meeting, marked as from the survey; AF still attends the
    // team; Borås's rating of the team is 4, by choice; the added meeting is on the map.
    let (_, network_html) = leader.page(&network_page).await;
    let joined = row(&network_html, "Borås stad");
    assert!(joined.contains("Ledamot") && joined.contains("från enkät"), "{joined}");
    let (_, team_html) = leader.page(&format!("{base}/meetings/{team}")).await;
    assert!(row(&team_html, "Arbetsförmedlingen").contains("inlagt av processledaren"), "kept");
    let ratings = &team_html[team_html.find("id=\"ratings\"").expect("ratings")..];
    assert!(row(ratings, "Borås stad").contains(">4<"), "{ratings}");
    assert!(!ratings.contains(">2<"), "the map's 2 was replaced by choice: {ratings}");
    // By hand: the added group meets 12 × 1,5 h with Borås: 18 person-hours.
    let (_, map_page) = leader.page(&base).await;
    let group = &map_page[map_page.find(">Föräldragrupp</a>").expect("added")..];
    assert!(group[..group.find("</tr>").expect("end")].contains(">18<"));

    // Every proposal is decided: none is asked again.
    let (_, page) = leader.page(&format!("{base}/survey")).await;
    assert!(page.contains("Det finns inget nytt att ta ställning till."), "{page}");
    assert_eq!(outsider.page(&format!("{base}/survey")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(viewer.post(&format!("{base}/survey"), &[("title", "x")]).await.status(), StatusCode::FORBIDDEN);
    app.stop().await;
}

/// An API call with a bearer token and a JSON body: status and JSON (null when there is none).
async fn api(
    browser: &Browser,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<serde_json::Value>,
) -> (StatusCode, serde_json::Value) {
    let mut request = reqwest::Client::new().request(method, browser.url(path)).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    let text = response.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(serde_json::Value::Null))
}

#[tokio::test]
async fn a_map_is_written_through_the_api_and_its_measures_follow() {
    use reqwest::Method;
    use serde_json::json;
    let app = TestApp::spawn().await;
    let org = app.organisation("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let leader = app.logged_in(org, "sara@sjuharad.se", "Sara Samordnare", Role::Coordinator).await;
    let viewer = app.logged_in(org, "sven@sjuharad.se", "Sven Styrgrupp", Role::Viewer).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;
    let (token, viewing, foreign) =
        (leader.api_token("karta").await, viewer.api_token("läsa").await, outsider.api_token("lerum").await);

    let bad = json!({"name": "Unga vuxna", "target_group": "Unga", "starts_on": "2026-09-01", "ends_on": "2026-01-01"});
    let (status, error) = api(&leader, &token, Method::POST, "/api/v1/maps", Some(bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error.to_string().contains("ends_on"), "the field is named: {error}");
    let body = json!({"name": "Unga vuxna", "target_group": "Unga vuxna utan egen försörjning"});
    assert_eq!(api(&viewer, &viewing, Method::POST, "/api/v1/maps", Some(body.clone())).await.0, StatusCode::FORBIDDEN);
    let (status, made) = api(&leader, &token, Method::POST, "/api/v1/maps", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED);
    let map = made["id"].as_i64().expect("an id");
    let base = format!("/api/v1/maps/{map}");

    let mut actors = Vec::new();
    for (organisation, agency) in [
        ("Borås stad", "municipality"),
        ("Arbetsförmedlingen", "employment_service"),
        ("Försäkringskassan", "social_insurance"),
        ("Västra Götalandsregionen", "region"),
    ] {
        let body = json!({"organisation": organisation, "agency": agency});
        let (status, actor) = api(&leader, &token, Method::POST, &format!("{base}/actors"), Some(body)).await;
        assert_eq!(status, StatusCode::CREATED, "{actor}");
        actors.push(actor["id"].as_i64().expect("id"));
    }
    let (status, renamed) = api(
        &leader,
        &token,
        Method::PUT,
        &format!("{base}/actors/{}", actors[1]),
        Some(json!({"organisation": "Arbetsförmedlingen", "unit": "Marknadsområde Sjuhärad", "agency": "employment_service"})),
    )
    .await;
    assert_eq!((status, renamed["unit"].as_str()), (StatusCode::OK, Some("Marknadsområde Sjuhärad")));

    let bad = json!({"name": "Team", "level": "operational", "per_year": 10, "hours": 2, "convener_id": 999999});
    let (status, error) = api(&leader, &token, Method::POST, &format!("{base}/meetings"), Some(bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a convener of another organisation: {error}");
    let mut meetings = Vec::new();
    for (name, per_year, hours) in [("Samverkansteam", 10.0, 2.0), ("Styrgrupp", 4.0, 1.5), ("Nätverk", 2.0, 3.0)] {
        let body = json!({"name": name, "level": "tactical", "per_year": per_year, "hours": hours});
        let (status, meeting) = api(&leader, &token, Method::POST, &format!("{base}/meetings"), Some(body)).await;
        assert_eq!(status, StatusCode::CREATED, "{meeting}");
        meetings.push(meeting["id"].as_i64().expect("id"));
    }
    // Team: Borås, AF, FK. Steering group: Borås, Region. Network: FK (then taken away again).
    let attend = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 3), (2, 2)];
    for (meeting, actor) in attend {
        let path = format!("{base}/meetings/{}/attendance/{}", meetings[meeting], actors[actor]);
        let (status, _) = api(&leader, &token, Method::PUT, &path, Some(json!({"role": "member"}))).await;
        assert_eq!(status, StatusCode::OK);
    }
    let gone = format!("{base}/meetings/{}/attendance/{}", meetings[2], actors[2]);
    assert_eq!(api(&leader, &token, Method::DELETE, &gone, None).await.0, StatusCode::NO_CONTENT);
    assert_eq!(api(&leader, &token, Method::DELETE, &gone, None).await.0, StatusCode::NOT_FOUND, "already gone");
    let wrong_role = format!("{base}/meetings/{}/attendance/{}", meetings[0], actors[3]);
    let (status, _) = api(&leader, &token, Method::PUT, &wrong_role, Some(json!({"role": "boss"}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for (actor, useful) in [(0, 3), (1, 4)] {
        let path = format!("{base}/meetings/{}/ratings/{}", meetings[0], actors[actor]);
        let (status, rating) = api(&leader, &token, Method::PUT, &path, Some(json!({"useful_own": useful}))).await;
        assert_eq!((status, rating["source"].as_str()), (StatusCode::OK, Some("entry")), "{rating}");
    }
    // A body must be an object: serde would otherwise read an array as the fields in order.
    let as_array = format!("{base}/meetings/{}/ratings/{}", meetings[0], actors[2]);
    let (status, _) = api(&leader, &token, Method::PUT, &as_array, Some(json!([null, null]))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let no_date = json!({"name": "x", "target_group": "y", "starts_on": ""});
    let (status, _) = api(&leader, &token, Method::POST, "/api/v1/maps", Some(no_date)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "an empty date is not a date");
    let off_scale = format!("{base}/meetings/{}/ratings/{}", meetings[0], actors[2]);
    let (status, _) = api(&leader, &token, Method::PUT, &off_scale, Some(json!({"useful_own": 5}))).await;
    assert!(status == StatusCode::UNPROCESSABLE_ENTITY || status == StatusCode::BAD_REQUEST, "{status}");
    let self_need = json!({"from_actor_id": actors[1], "to_actor_id": actors[1]});
    let (status, _) = api(&leader, &token, Method::POST, &format!("{base}/needs"), Some(self_need)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let need = json!({"from_actor_id": actors[1], "to_actor_id": actors[3], "about": "Psykisk ohälsa"});
    let (status, need) = api(&leader, &token, Method::POST, &format!("{base}/needs"), Some(need)).await;
    assert_eq!((status, need["about"].as_str()), (StatusCode::CREATED, Some("Psykisk ohälsa")));

    // By hand: four actors; ties Borås–AF, Borås–FK, AF–FK (team) and Borås–Region (steering):
    // E = 4, density 2·4 / (4·3) = 2/3; degrees 3, 2, 2, 1, so centralisation
    // ((3−2) + (3−2) + (3−1)) / (3·2) = 4/6; one component. Team: 3 attendees, 10 × 2 × 3 = 60
    // person-hours, usefulness (3 + 4) / 2 = 3.5. AF → Region share no meeting: unmet.
    let (status, read) = api(&leader, &token, Method::GET, &base, None).await;
    assert_eq!(status, StatusCode::OK);
    let network = &read["measures"]["network"];
    let close = |value: &serde_json::Value, expected: f64| (value.as_f64().expect("a number") - expected).abs() < 1e-12;
    assert!(close(&network["density"], 2.0 / 3.0) && close(&network["centralization"], 4.0 / 6.0), "{network}");
    assert_eq!(network["components"], 1);
    let team = read["measures"]["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .find(|m| m["id"].as_str() == Some(meetings[0].to_string().as_str()))
        .expect("the team");
    assert!(close(&team["person_hours_per_year"], 60.0) && close(&team["useful_mean"], 3.5), "{team}");
    assert_eq!(read["measures"]["unmet_needs"], json!([{"from": actors[1].to_string(), "to": actors[3].to_string()}]));

    // Replacing the map and a meeting; removing a meeting.
    let (status, replaced) = api(
        &leader,
        &token,
        Method::PUT,
        &base,
        Some(json!({"name": "Unga vuxna 2027", "target_group": "Unga vuxna", "starts_on": "2027-01-01"})),
    )
    .await;
    assert_eq!((status, replaced["name"].as_str()), (StatusCode::OK, Some("Unga vuxna 2027")));
    let path = format!("{base}/meetings/{}", meetings[1]);
    let body = json!({"name": "Styrgrupp", "level": "strategic", "per_year": 6, "hours": 1.5});
    let (status, meeting) = api(&leader, &token, Method::PUT, &path, Some(body.clone())).await;
    assert_eq!(
        (status, meeting["level"].as_str(), meeting["attendance"].as_array().map(Vec::len)),
        (StatusCode::OK, Some("strategic"), Some(2))
    );
    assert_eq!(api(&viewer, &viewing, Method::DELETE, &path, None).await.0, StatusCode::FORBIDDEN);
    assert_eq!(api(&outsider, &foreign, Method::PUT, &path, Some(body)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(api(&outsider, &foreign, Method::GET, &base, None).await.0, StatusCode::NOT_FOUND);
    assert_eq!(api(&leader, &token, Method::DELETE, &path, None).await.0, StatusCode::NO_CONTENT);
    let (_, read) = api(&leader, &token, Method::GET, &base, None).await;
    assert_eq!(read["meetings"].as_array().map(Vec::len), Some(2));
    // Without the steering group, Region is alone: two components.
    assert_eq!(read["measures"]["network"]["components"], 2);
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

#[tokio::test]
async fn break_points_show_who_covers_them_and_which_nobody_does() {
    let app = TestApp::spawn().await;
    let Setup { leader, viewer, outsider, base, meetings, .. } = setup(&app).await;
    let path = format!("{base}/break-points");
    let refused = leader.post(&path, &[("axis", "age"), ("at_value", "200"), ("label", "Pension")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("body");
    assert!(body.contains("value=\"200\"") && body.contains("value=\"Pension\""), "typed values stay");
    let forged = [("axis", "age"), ("at_value", "25"), ("label", "X"), ("meeting_ids", "999999")];
    assert_eq!(leader.post(&path, &forged).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "not the map's meeting");

    let team = meetings[0].as_str();
    let youth = [("axis", "age"), ("at_value", "25"), ("label", "Ungdomsgarantin upphör"), ("meeting_ids", team)];
    assert_eq!(leader.post(&path, &youth).await.status(), StatusCode::SEE_OTHER);
    let compensation = [("axis", "age"), ("at_value", "29,5"), ("label", "Aktivitetsersättningen upphör")];
    assert_eq!(leader.post(&path, &compensation).await.status(), StatusCode::SEE_OTHER);
    let months = [("axis", "months"), ("at_value", "12"), ("label", "Sjukpenningen prövas")];
    assert_eq!(leader.post(&path, &months).await.status(), StatusCode::SEE_OTHER);

    let (status, page) = leader.page(&path).await;
    assert_eq!(status, StatusCode::OK);
    // The team has Borås (municipality) and AF (employment service) attending.
    let youth_row = row(&page, "25");
    assert!(
        youth_row.contains("Samverkansteam") && youth_row.contains("ett möte: Kommun (1), Arbetsförmedlingen (1)"),
        "{youth_row}"
    );
    let uncovered = &page[..page.find("<th scope=\"row\">29,5</th>").expect("the uncovered point")];
    assert!(uncovered.ends_with("<tr class=\"uncovered\">"), "highlighted");
    assert!(row(&page, "29,5").contains("Täcks inte av något möte"));
    assert!(page.contains("2 brytpunkter, varav 1 inte täcks av något möte.") && page.contains("Tid (månader)"));
    assert!(page.contains("<g class=\"point uncovered\">"), "the picture marks it too");

    // The uncovered point gets the network meeting (nobody attends it yet): covered, by nobody.
    let id = {
        let uncovered = row(&page, "29,5");
        let start = uncovered.find("?edit=").expect("its edit link") + "?edit=".len();
        uncovered[start..start + uncovered[start..].find('#').expect("end")].to_owned()
    };
    let (_, editing) = leader.page(&format!("{path}?edit={id}")).await;
    assert!(editing.contains("value=\"29,5\"") && editing.contains("Ändra brytpunkten"), "the form holds the point");
    let change = [
        ("axis", "age"),
        ("at_value", "30"),
        ("label", "Aktivitetsersättningen upphör"),
        ("meeting_ids", meetings[1].as_str()),
    ];
    assert_eq!(viewer.post(&format!("{path}/{id}"), &change).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(outsider.post(&format!("{path}/{id}"), &change).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(leader.post(&format!("{path}/{id}"), &change).await.status(), StatusCode::SEE_OTHER);
    let (_, page) = leader.page(&path).await;
    assert!(
        row(&page, "30").contains("Nätverksmöte") && !page.contains("<tr class=\"uncovered\"><th scope=\"row\">30<")
    );
    assert_eq!(viewer.page(&path).await.0, StatusCode::OK, "a viewer reads them");
    assert!(!viewer.page(&path).await.1.contains("method=\"post\" action=\"/maps/"));
    assert_eq!(outsider.page(&path).await.0, StatusCode::NOT_FOUND);
    assert_eq!(leader.post(&format!("{path}/{id}/remove"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert!(!leader.page(&path).await.1.contains("Aktivitetsersättningen upphör</td>"));
    app.stop().await;
}

#[tokio::test]
async fn a_new_wave_starts_from_the_map_and_the_comparison_shows_what_changed() {
    let app = TestApp::spawn().await;
    let Setup { leader, viewer, outsider, base, actors, meetings } = setup(&app).await;
    let point = [
        ("axis", "age"),
        ("at_value", "25"),
        ("label", "Ungdomsgarantin upphör"),
        ("meeting_ids", meetings[0].as_str()),
    ];
    assert_eq!(leader.post(&format!("{base}/break-points"), &point).await.status(), StatusCode::SEE_OTHER);
    let (_, none) = leader.page(&format!("{base}/compare")).await;
    assert!(none.contains("Kartan har ingen tidigare omgång att jämföra med."));

    let (status, form) = leader.page(&format!("{base}/wave")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("value=\"Unga vuxna 2026, uppföljning\"") && form.contains("value=\"Unga vuxna\""));
    let refused = leader.post(&format!("{base}/wave"), &[("name", "Unga vuxna 2027"), ("target_group", " ")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains("value=\"Unga vuxna 2027\""));
    assert_eq!(
        viewer.post(&format!("{base}/wave"), &[("name", "x"), ("target_group", "y")]).await.status(),
        StatusCode::FORBIDDEN
    );
    let made =
        leader.post(&format!("{base}/wave"), &[("name", "Unga vuxna 2027"), ("target_group", "Unga vuxna")]).await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let wave = format!("/maps/{}", common::id_from_location(&common::location(&made)));

    // The wave holds the meetings and attendance, and the break point with its cover, but not
    // the ratings.
    let (_, page) = leader.page(&wave).await;
    let team = meeting_id(&page, "Samverkansteam");
    let network = meeting_id(&page, "Nätverksmöte");
    assert_ne!(team, meetings[0], "copies, not the same meetings");
    let (_, team_page) = leader.page(&format!("{wave}/meetings/{team}")).await;
    assert!(
        team_page.contains("<th scope=\"row\">Borås stad</th>")
            && team_page.contains("Ingen har bedömt mötets nytta ännu."),
        "{team_page}"
    );
    assert!(row(&leader.page(&format!("{wave}/break-points")).await.1, "25").contains("Samverkansteam"));

    // In the new wave: AF leaves the team, the network meeting is dropped, a new one starts.
    let remove = leader.post(&format!("{wave}/meetings/{team}/attendance/remove"), &[("actor_id", &actors[1])]).await;
    assert_eq!(remove.status(), StatusCode::SEE_OTHER);
    assert_eq!(leader.post(&format!("{wave}/meetings/{network}/remove"), &[]).await.status(), StatusCode::SEE_OTHER);
    let fields = [("name", "Föräldragrupp"), ("level", "operational"), ("per_year", "12"), ("hours", "1")];
    let made = leader.post(&format!("{wave}/meetings"), &fields).await;
    let group = common::location(&made).split('?').next().expect("path").to_owned();
    for actor in [&actors[1], &actors[2]] {
        let added = leader.post(&format!("{group}/attendance"), &[("actor_id", actor), ("role", "member")]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }

    // By hand. Before: team (Borås, AF): one tie among three actors, density 2·1/(3·2) = 0,33;
    // after: team (Borås) and the group (AF, FK): one tie, 0,33 again; components 2 → 2.
    // The team's person-hours 10 × 2 × 2 = 40 → 20. AF: degree 1 → 1 (Borås → FK); FK 0 → 1.
    let (status, compared) = leader.page(&format!("{wave}/compare")).await;
    assert_eq!(status, StatusCode::OK);
    let added =
        &compared[compared.find("Nya möten").expect("added")..compared.find("Möten som har upphört").expect("removed")];
    assert!(added.contains("Föräldragrupp") && !added.contains("Samverkansteam"));
    let removed = &compared[compared.find("Möten som har upphört").expect("removed")..];
    assert!(removed[..removed.find("</ul>").expect("list")].contains("Nätverksmöte"));
    let kept = row(&compared, "Samverkansteam");
    assert!(
        kept.contains(">2<")
            && kept.contains(">1<")
            && kept.contains(">40<")
            && kept.contains(">20<")
            && kept.contains("−20"),
        "{kept}"
    );
    assert!(row(&compared, "Täthet").contains(">0,33<") && row(&compared, "Täthet").contains("±0,00"));
    assert!(row(&compared, "Försäkringskassan").contains("+1"), "FK gained a tie");
    assert_eq!(outsider.page(&format!("{wave}/compare")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(viewer.page(&format!("{wave}/compare")).await.0, StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn the_map_report_is_a_pdf_for_the_steering_group() {
    let app = TestApp::spawn().await;
    let Setup { leader, viewer, outsider, base, meetings, .. } = setup(&app).await;
    let point = [("axis", "age"), ("at_value", "30"), ("label", "Aktivitetsersättningen upphör")];
    assert_eq!(leader.post(&format!("{base}/break-points"), &point).await.status(), StatusCode::SEE_OTHER);
    let made =
        leader.post(&format!("{base}/wave"), &[("name", "Unga vuxna 2027"), ("target_group", "Unga vuxna")]).await;
    let wave = format!("/maps/{}", common::id_from_location(&common::location(&made)));
    let (_, page) = leader.page(&wave).await;
    assert!(page.contains(&format!("href=\"{wave}/report.pdf\"")), "linked from the map");
    let network = meeting_id(&page, "Nätverksmöte");
    assert_eq!(leader.post(&format!("{wave}/meetings/{network}/remove"), &[]).await.status(), StatusCode::SEE_OTHER);
    let _ = meetings;

    let response = viewer.get(&format!("{wave}/report.pdf")).await;
    assert_eq!(response.status(), StatusCode::OK, "a viewer may read it");
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let bytes = response.bytes().await.expect("body");
    assert!(bytes.starts_with(b"%PDF"));
    match common::pdf_text(&bytes) {
        Some(text) => {
            for expected in [
                "Unga vuxna 2027",
                "rapport till styrgruppen",
                "Samverkansteam",
                "Borås stad",
                "Aktivitetsersättningen upphör",
                "Täcks inte av",
                "Jämförelse med förra omgången",
                "mellan Arbetsförmedlingen och kommunen",
                "Möten som har upphört: Nätverksmöte",
            ] {
                assert!(text.contains(expected), "{expected:?} in {text}");
            }
            // By hand: the team's 10 × 2 h × 2 attendees = 40 person-hours, rated 2 by Borås in
            // the first wave only (ratings are asked again): no mean in the wave.
            assert!(text.contains("Samverkansteam Operativ 10,0 2,0 2 40 –"), "{text}");
        }
        None if std::env::var_os("PARAT_REQUIRE_PDFTOTEXT").is_some() => panic!("pdftotext is required"),
        None => eprintln!("pdftotext is not installed: the report's text is not checked"),
    }
    assert_eq!(outsider.get(&format!("{wave}/report.pdf")).await.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}
