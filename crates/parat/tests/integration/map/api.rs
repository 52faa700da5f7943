//! The map written through the API, with its measures worked out by hand.

use super::*;

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
