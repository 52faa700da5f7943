//! Break points, a new wave and its comparison, and the report for the steering group.

use super::*;

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

    // In the new wave: AF leaves the team, the network meeting is dropped, a new one starts
    // with all three.
    let remove = leader.post(&format!("{wave}/meetings/{team}/attendance/remove"), &[("actor_id", &actors[1])]).await;
    assert_eq!(remove.status(), StatusCode::SEE_OTHER);
    assert_eq!(leader.post(&format!("{wave}/meetings/{network}/remove"), &[]).await.status(), StatusCode::SEE_OTHER);
    let fields = [("name", "Föräldragrupp"), ("level", "operational"), ("per_year", "12"), ("hours", "1")];
    let made = leader.post(&format!("{wave}/meetings"), &fields).await;
    let group = common::location(&made).split('?').next().expect("path").to_owned();
    for actor in &actors {
        let added = leader.post(&format!("{group}/attendance"), &[("actor_id", actor), ("role", "member")]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }

    // By hand. Before: team (Borås, AF): one tie among three actors; after: team (Borås) and
    // the group (all three): three ties. Density 2E / (n(n − 1)). Components 2 → 1.
    // The team's person-hours 10 × 2 × 2 = 40 → 20. FK: degree 0 → 2.
    let density = |ties: f64| 2.0 * ties / (3.0 * (3.0 - 1.0));
    let swedish = |value: f64| format!("{value:.2}").replace('.', ",");
    let (before, after) = (density(1.0), density(3.0));
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
    let density_row = row(&compared, "Täthet");
    assert!(
        density_row.contains(&format!(">{}<", swedish(before)))
            && density_row.contains(&format!(">{}<", swedish(after)))
            && density_row.contains(&format!(">+{}<", swedish(after - before))),
        "{density_row}"
    );
    assert!(row(&compared, "Delar som inte möts").contains(">−1<"), "two groups became one");
    assert!(row(&compared, "Försäkringskassan").contains(">+2<"), "FK gained two ties");
    assert_eq!(outsider.page(&format!("{wave}/compare")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(viewer.page(&format!("{wave}/compare")).await.0, StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn the_map_report_is_a_pdf_for_the_steering_group() {
    let app = TestApp::spawn().await;
    let Setup { leader, viewer, outsider, base, .. } = setup(&app).await;
    let point = [("axis", "age"), ("at_value", "30"), ("label", "Aktivitetsersättningen upphör")];
    assert_eq!(leader.post(&format!("{base}/break-points"), &point).await.status(), StatusCode::SEE_OTHER);
    let made =
        leader.post(&format!("{base}/wave"), &[("name", "Unga vuxna 2027"), ("target_group", "Unga vuxna")]).await;
    let wave = format!("/maps/{}", common::id_from_location(&common::location(&made)));
    let (_, page) = leader.page(&wave).await;
    assert!(page.contains(&format!("href=\"{wave}/report.pdf\"")), "linked from the map");
    let network = meeting_id(&page, "Nätverksmöte");
    assert_eq!(leader.post(&format!("{wave}/meetings/{network}/remove"), &[]).await.status(), StatusCode::SEE_OTHER);

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

/// The actor names listed in a break point's "actors" cell.
fn covering_listed(row: &str) -> std::collections::BTreeSet<String> {
    let start = row.find("<td class=\"actors\">").expect("the actors cell");
    let cell = &row[start..start + row[start..].find("</td>").expect("end")];
    cell.split("<li>").skip(1).map(|item| item[..item.find("</li>").expect("end")].to_owned()).collect()
}

#[tokio::test]
async fn break_points_list_the_actors_who_cover_them_and_mark_the_uncovered_in_the_picture() {
    let app = TestApp::spawn().await;
    let Setup { leader, viewer, outsider, base, actors, meetings } = setup(&app).await;
    let path = format!("{base}/break-points");
    let (_, map_page) = leader.page(&base).await;
    assert!(map_page.contains(&format!("<a href=\"{path}\">Brytpunkter</a>")), "linked from the map");

    // The setup has Borås stad and Arbetsförmedlingen at the team; AF and FK join the network
    // meeting here. Who covers a point is worked out from this list, apart from the server.
    let names = ["Borås stad", "Arbetsförmedlingen", "Försäkringskassan"];
    let attendance = [(0, 0), (0, 1), (1, 1), (1, 2)];
    for (meeting, actor) in &attendance[2..] {
        let fields = [("actor_id", actors[*actor].as_str()), ("role", "member")];
        let added = leader.post(&format!("{base}/meetings/{}/attendance", meetings[*meeting]), &fields).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }
    let expected = |covering: &[usize]| -> std::collections::BTreeSet<String> {
        attendance.iter().filter(|(m, _)| covering.contains(m)).map(|(_, a)| names[*a].to_owned()).collect()
    };

    // A value that is no number keeps what was typed, the chosen meetings too.
    let refused = leader
        .post(
            &path,
            &[
                ("axis", "age"),
                ("at_value", "tjugofem"),
                ("label", "Ungdomsgarantin upphör"),
                ("meeting_ids", &meetings[1]),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("body");
    assert!(body.contains("value=\"tjugofem\"") && body.contains("value=\"Ungdomsgarantin upphör\""));
    let chosen = &body[body.find(&format!("name=\"meeting_ids\" value=\"{}\"", meetings[1])).expect("its box")..];
    assert!(chosen[..chosen.find('>').expect("end")].contains("checked"), "the chosen meeting stays chosen");
    assert!(body.contains("aria-invalid=\"true\""));

    let points: [(&str, &str, &str, &[usize]); 3] = [
        ("age", "25", "Ungdomsgarantin upphör", &[0]),
        ("age", "30", "Aktivitetsersättningen upphör", &[]),
        ("months", "12", "Försörjningsstödet prövas", &[0, 1]),
    ];
    for (axis, at, label, covering) in points {
        let mut fields = vec![("axis", axis), ("at_value", at), ("label", label)];
        fields.extend(covering.iter().map(|m| ("meeting_ids", meetings[*m].as_str())));
        assert_eq!(viewer.post(&path, &fields).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(outsider.post(&path, &fields).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(leader.post(&path, &fields).await.status(), StatusCode::SEE_OTHER);
    }

    let (_, page) = leader.page(&path).await;
    for (_, at, _, covering) in points {
        assert_eq!(covering_listed(row(&page, at)), expected(covering), "the point at {at}");
    }
    assert!(row(&page, "30").contains("Täcks inte av något möte"));
    assert!(page.contains("<tr class=\"uncovered\"><th scope=\"row\">30</th>"), "highlighted in the table");
    // In the picture: the uncovered point drawn apart, in words, with no meetings under it; the
    // covered ones with their meetings listed under the mark.
    let uncovered = &page[page.find("<g class=\"point uncovered\">").expect("marked in the picture")..];
    let uncovered = &uncovered[..uncovered.find("</g>").expect("end")];
    assert!(uncovered.contains("Aktivitetsersättningen upphör") && uncovered.contains("Täcks inte av något möte"));
    assert!(!uncovered.contains("Möten:"));
    assert_eq!(page.matches("<g class=\"point uncovered\">").count(), 1);
    assert!(page.contains("Möten: Samverkansteam, Nätverksmöte</text>"), "meetings under the mark");
    assert!(page.contains("<title id=\"break-age-title\">Ålder (år)</title>"));
    assert!(page.contains("<desc id=\"break-age-desc\">2 brytpunkter, varav 1 inte täcks av något möte.</desc>"));

    // The viewer reads, without forms, and cannot remove; another organisation sees nothing.
    let (status, read) = viewer.page(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(covering_listed(row(&read, "12")), expected(&[0, 1]));
    assert!(!read.contains("method=\"post\" action=\"/maps/"), "no forms for a viewer");
    let id = {
        let at = row(&page, "30");
        let start = at.find("?edit=").expect("its edit link") + "?edit=".len();
        at[start..start + at[start..].find('#').expect("end")].to_owned()
    };
    assert_eq!(viewer.post(&format!("{path}/{id}/remove"), &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(outsider.post(&format!("{path}/{id}/remove"), &[]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(outsider.page(&path).await.0, StatusCode::NOT_FOUND);

    // The network meeting takes up the point at 30: now covered by AF and FK, and nothing is
    // uncovered.
    let cover = [
        ("axis", "age"),
        ("at_value", "30"),
        ("label", "Aktivitetsersättningen upphör"),
        ("meeting_ids", meetings[1].as_str()),
    ];
    assert_eq!(leader.post(&format!("{path}/{id}"), &cover).await.status(), StatusCode::SEE_OTHER);
    let (_, page) = leader.page(&path).await;
    assert_eq!(covering_listed(row(&page, "30")), expected(&[1]));
    assert!(!page.contains("class=\"uncovered\"") && !page.contains("point uncovered"));
    app.stop().await;
}
