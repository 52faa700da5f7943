//! The two other ways to collect: the guided interview (one informant's walk through the
//! meetings, saved whole or not at all) and the roster survey (personal links to every actor,
//! answers taken in only as the process leader chooses, never over their own entries).

use super::*;

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
