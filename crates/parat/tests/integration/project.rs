//! Project follow-up over HTTP: training events and attendance through the API and the pages,
//! and a period's figures checked against counts made here from the events' local dates.

use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{self, Browser, TestApp};

async fn number(app: &TestApp, sql: &str) -> i64 {
    app.text(&format!("SELECT CAST(({sql}) AS TEXT)")).await.and_then(|n| n.parse().ok()).expect(sql)
}

/// Events either side of period boundaries and both changes of summer time, as local times,
/// with who came: named attendees' genders and a head count.
const EVENTS: [(&str, &[&str], i64); 7] = [
    ("2026-09-01T00:30", &["woman", "woman", "man"], 0),
    ("2026-08-31T23:30", &["other"], 4),
    ("2026-11-01T00:30", &["unknown", "woman"], 0),
    // The night summer time begins, before the clocks jump.
    ("2026-03-29T01:30", &["man"], 10),
    // The hour lived twice when summer time ends.
    ("2026-10-25T02:30", &[], 7),
    ("2026-04-30T23:59", &["woman"], 0),
    ("2026-05-01T00:00", &["man", "man"], 0),
];

/// An activity's planned and done dates.
type Dates = (Option<&'static str>, Option<&'static str>);

/// Activities as planned and carried out.
const ACTIVITIES: [Dates; 5] = [
    (Some("2026-04-30"), Some("2026-05-01")),
    (Some("2026-05-10"), None),
    (None, Some("2026-08-31")),
    (Some("2026-09-01"), Some("2026-09-01")),
    (Some("2026-12-31"), None),
];

/// Whether a local date (or date and time) written as text lies in a period: a month by its
/// prefix, a tertial or quarter by the month's number, a year by the year.
fn holds(period: &str, local: &str) -> bool {
    let month_of = |local: &str| local[5..7].parse::<u32>().expect("month");
    match period.split_once('-') {
        None => local.starts_with(period),
        Some((year, part)) if local.starts_with(year) => match part.strip_prefix('T') {
            Some(t) => (month_of(local) - 1) / 4 + 1 == t.parse::<u32>().expect("tertial"),
            None => match part.strip_prefix('Q') {
                Some(q) => (month_of(local) - 1) / 3 + 1 == q.parse::<u32>().expect("quarter"),
                None => local.starts_with(period),
            },
        },
        Some(_) => false,
    }
}

/// The figures a period should have, counted from the local dates' text.
fn expected(period: &str) -> serde_json::Value {
    let holds = |local: &str| holds(period, local);
    let within: Vec<_> = EVENTS.iter().filter(|(local, _, _)| holds(local)).collect();
    let activities = |pick: fn(&Dates) -> Option<&'static str>| {
        ACTIVITIES.iter().filter_map(pick).filter(|date| holds(date)).count()
    };
    let count = |gender: &str| {
        within.iter().map(|(_, people, _)| people.iter().filter(|g| **g == gender).count()).sum::<usize>()
    };
    json!({
        "events": within.len(),
        "attendances": within.iter().map(|(_, people, _)| people.len()).sum::<usize>(),
        "attendances_by_gender": {"woman": count("woman"), "man": count("man"), "other": count("other"), "unknown": count("unknown")},
        "head_counts": within.iter().map(|(_, _, n)| n).sum::<i64>(),
        "activities": {"planned": activities(|a| a.0), "done": activities(|a| a.1)},
    })
}

/// Records [`EVENTS`] through the API, with their attendees and head counts (each head count
/// set twice: the second replaces the first).
async fn record_events(sara: &Browser, token: &str, events_path: &str) {
    for (i, (starts_at, people, head_count)) in EVENTS.iter().enumerate() {
        let body = json!({"title": format!("Tillfälle {i}"), "starts_at": starts_at, "place": "Stadshuset"});
        let (status, made) = sara.api_post(token, events_path, &body).await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
        let attendance = format!("/api/v1/events/{}/attendance", made["id"]);
        if !people.is_empty() {
            let attendees: Vec<_> = people
                .iter()
                .enumerate()
                .map(|(k, g)| json!({"name": format!("Person {i}-{k}"), "organisation": "Borås stad", "gender": g}))
                .collect();
            let (status, out) = sara.api_post(token, &attendance, &json!({ "attendees": attendees })).await;
            assert_eq!((status, out["attendees"].as_i64()), (StatusCode::CREATED, Some(people.len() as i64)), "{out}");
        }
        if *head_count > 0 {
            // Set twice: the count replaces the last one.
            sara.api_post(token, &attendance, &json!({"head_count": 99})).await;
            let (status, out) = sara.api_post(token, &attendance, &json!({ "head_count": head_count })).await;
            assert_eq!((status, out["head_count"].as_i64()), (StatusCode::OK, Some(*head_count)));
        }
    }
}

/// Borås's coordinator and viewer, and a coordinator of another municipality.
async fn people(app: &TestApp) -> [Browser; 3] {
    let org = app.organisation("Borås stad", OrgKind::Municipality, None).await;
    let other = app.organisation("Alingsås kommun", OrgKind::Municipality, None).await;
    [
        app.logged_in(org, "sara@boras.se", "Sara Samordnare", Role::Coordinator).await,
        app.logged_in(org, "vera@boras.se", "Vera Läsare", Role::Viewer).await,
        app.logged_in(other, "olle@alingsas.se", "Olle Annan", Role::Coordinator).await,
    ]
}

#[tokio::test]
async fn events_and_attendance_through_the_api_give_each_periods_figures_by_local_date() {
    let app = TestApp::spawn().await;
    let [sara, vera, olle] = people(&app).await;
    let (token, viewing, outside) =
        (sara.api_token("register").await, vera.api_token("läsa").await, olle.api_token("annan").await);
    let (status, initiative) = sara
        .api_post(
            &token,
            "/api/v1/initiatives",
            &json!({"name": "Kompetenslyft", "topic": "integration", "status": "active"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{initiative}");
    let initiative = initiative["id"].as_i64().expect("id");
    let events_path = format!("/api/v1/initiatives/{initiative}/events");

    // Refused: a time that does not exist, an end before the start; each named.
    let (status, error) =
        sara.api_post(&token, &events_path, &json!({"title": "Natt", "starts_at": "2026-03-29T02:30"})).await;
    assert_eq!(
        (status, error["error"]["fields"][0]["field"].as_str(), error["error"]["fields"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("starts_at"), Some("no-such-local-time")),
        "{error}"
    );
    let backwards = json!({"title": "Bakåt", "starts_at": "2026-05-04T13:00", "ends_at": "2026-05-04T12:00"});
    let (status, error) = sara.api_post(&token, &events_path, &backwards).await;
    assert_eq!(
        (status, error["error"]["fields"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("end-before-start"))
    );
    // An empty end is not a time (left out, it is none).
    let blank = json!({"title": "Tom", "starts_at": "2026-05-04T13:00", "ends_at": ""});
    let (status, error) = sara.api_post(&token, &events_path, &blank).await;
    assert_eq!(
        (status, error["error"]["fields"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid-date-time"))
    );
    let fine = json!({"title": "Läsare", "starts_at": "2026-05-04T13:00"});
    assert_eq!(vera.api_post(&viewing, &events_path, &fine).await.0, StatusCode::FORBIDDEN, "viewers read");
    assert_eq!(olle.api_post(&outside, &events_path, &fine).await.0, StatusCode::NOT_FOUND, "another organisation's");
    assert_eq!(number(&app, "SELECT COUNT(*) FROM project_events").await, 0);

    record_events(&sara, &token, &events_path).await;
    let (status, listed) = vera.api_get(&viewing, &events_path).await;
    assert_eq!(status, StatusCode::OK);
    let starts: Vec<&str> = listed.as_array().expect("events").iter().filter_map(|e| e["starts_at"].as_str()).collect();
    let mut local: Vec<&str> = EVENTS.iter().map(|(at, _, _)| *at).collect();
    local.sort();
    assert_eq!(starts, local, "in time order, in local time as sent");

    // Attendance refused: both, neither, an empty list, a person without a name — nothing written.
    let first = listed[0]["id"].as_i64().expect("id");
    let attendance = format!("/api/v1/events/{first}/attendance");
    let before = number(&app, "SELECT COUNT(*) FROM project_attendees").await;
    for body in [
        json!({"attendees": [{"name": "A", "gender": "man"}], "head_count": 3}),
        json!({}),
        json!({"attendees": []}),
        json!({"attendees": [{"name": "Bo", "gender": "man"}, {"name": " ", "gender": "woman"}]}),
    ] {
        let (status, error) = sara.api_post(&token, &attendance, &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {error}");
    }
    let (_, error) = sara
        .api_post(
            &token,
            &attendance,
            &json!({"attendees": [{"name": "Bo", "gender": "man"}, {"name": " ", "gender": "woman"}]}),
        )
        .await;
    assert!(error["error"]["message"].as_str().is_some_and(|m| m.contains("attendees[1].name")), "{error}");
    assert_eq!(number(&app, "SELECT COUNT(*) FROM project_attendees").await, before, "all or none");

    // Activities: planned, then (through PUT) carried out; refusals named.
    let activities_path = format!("/api/v1/initiatives/{initiative}/activities");
    for (i, (planned_on, done_on)) in ACTIVITIES.iter().enumerate() {
        let body = json!({"title": format!("Aktivitet {i}"), "planned_on": planned_on, "planned_cost": 1_250_050});
        let (status, made) = sara.api_post(&token, &activities_path, &body).await;
        assert_eq!((status, made["planned_cost"].as_i64()), (StatusCode::CREATED, Some(1_250_050)), "{made}");
        if let Some(done_on) = done_on {
            let done = json!({"title": format!("Aktivitet {i}"), "planned_on": planned_on, "done_on": done_on, "participants": 12,
                "deviation": "Flyttad en dag."});
            let response = reqwest::Client::new()
                .put(sara.url(&format!("/api/v1/activities/{}", made["id"])))
                .bearer_auth(&token)
                .json(&done)
                .send()
                .await
                .expect("PUT");
            assert_eq!(response.status(), StatusCode::OK);
        }
    }
    for (body, field, code) in [
        (json!({"title": "Snart", "done_on": "2099-01-01"}), "done_on", "date-in-future"),
        (json!({"title": "Räknad", "participants": 4}), "done_on", "required"),
        (json!({"title": "Felmål", "goal_id": 999_999}), "goal_id", "unknown-choice"),
        (json!({"title": "Datum", "planned_on": "2026-02-30"}), "planned_on", "invalid-date"),
        (json!({"title": "Tomt", "done_on": ""}), "done_on", "invalid-date"),
    ] {
        let (status, error) = sara.api_post(&token, &activities_path, &body).await;
        assert_eq!(
            (status, error["error"]["fields"][0]["field"].as_str(), error["error"]["fields"][0]["code"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field), Some(code)),
            "{body}: {error}"
        );
    }
    assert_eq!(number(&app, "SELECT COUNT(*) FROM project_activities").await, ACTIVITIES.len() as i64);
    let (_, listed) = vera.api_get(&viewing, &activities_path).await;
    let participants: i64 =
        listed.as_array().expect("activities").iter().filter_map(|a| a["participants"].as_i64()).sum();
    assert_eq!(participants, 36, "three carried out with twelve each");

    // Every month, tertial, quarter and the year, against the counts made here.
    let periods = ["2026-03", "2026-04", "2026-05", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]
        .into_iter()
        .map(String::from)
        .chain(["T1", "T2", "T3", "Q1", "Q2", "Q3", "Q4"].iter().map(|p| format!("2026-{p}")))
        .chain(["2026".to_owned(), "2025".to_owned()]);
    for period in periods {
        let (status, figures) =
            vera.api_get(&viewing, &format!("/api/v1/initiatives/{initiative}/followup?period={period}")).await;
        assert_eq!(status, StatusCode::OK, "{period}: {figures}");
        let want = expected(&period);
        for key in ["events", "attendances", "attendances_by_gender", "head_counts", "activities"] {
            assert_eq!(figures[key], want[key], "{period} {key}: {figures}");
        }
    }
    let (_, t2) = vera.api_get(&viewing, &format!("/api/v1/initiatives/{initiative}/followup?period=2026-T2")).await;
    assert_eq!(t2["period"], json!({"start": "2026-05-01", "end": "2026-08-31"}));
    let (_, q3) = vera.api_get(&viewing, &format!("/api/v1/initiatives/{initiative}/followup?period=2026-Q3")).await;
    assert_eq!((q3["period"]["end"].as_str(), q3["events"].as_i64()), (Some("2026-09-30"), Some(2)));
    for bad in ["2026-T4", "2026-13", "maj", ""] {
        let (status, error) =
            vera.api_get(&viewing, &format!("/api/v1/initiatives/{initiative}/followup?period={bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(error["error"]["message"].as_str().is_some_and(|m| m.contains("2026-T2")), "{error}");
    }
    let (status, _) = vera.api_get(&viewing, &format!("/api/v1/initiatives/{initiative}/followup")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = olle.api_get(&outside, &format!("/api/v1/initiatives/{initiative}/followup?period=2026")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn attendance_is_taken_at_the_door_kept_when_refused_printed_for_signatures_and_audited() {
    let app = TestApp::spawn().await;
    let [sara, vera, olle] = people(&app).await;
    let made =
        sara.post("/initiatives", &[("name", "Kompetenslyft"), ("topic", "integration"), ("status", "active")]).await;
    let initiative = common::id_from_location(&common::location(&made));
    let events = format!("/initiatives/{initiative}/events");

    // A time in the skipped hour and no title: both named beside their fields, all kept.
    let typed = [("title", ""), ("starts_at", "2026-03-29T02:30"), ("place", "Stadshuset, sal 3")];
    let (status, page) = sara.post_page(&events, &typed).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("id=\"f-title-error\"") && page.contains("id=\"f-starts_at-error\""),
        "errors beside the fields"
    );
    assert!(
        page.contains("value=\"2026-03-29T02:30\"") && page.contains("value=\"Stadshuset, sal 3\""),
        "nothing lost"
    );
    assert!(page.contains("klockan från 02:00 till 03:00"), "the reason, in Swedish");
    let typed = [
        ("title", "MI-utbildning"),
        ("starts_at", "2026-09-01T00:30"),
        ("place", "Stadshuset, sal 3"),
        ("capacity", "30"),
    ];
    let made = sara.post(&events, &typed).await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let event = common::location(&made).split('?').next().expect("path").to_owned();
    let (_, page) = sara.page(&event).await;
    assert!(page.contains("<dd>2026-09-01 00:30</dd>"), "shown in local time");

    // At the door: a person without a name is refused with what was typed kept.
    let (status, page) = sara
        .post_page(
            &format!("{event}/attendees"),
            &[("name", " "), ("organisation", "Försäkringskassan"), ("gender", "woman")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"f-name-error\"") && page.contains("value=\"Försäkringskassan\""));
    for (name, gender) in [("Sara Ek", "woman"), ("Bo Lind", "man")] {
        let added = sara
            .post(
                &format!("{event}/attendees"),
                &[("name", name), ("organisation", "Borås stad"), ("unit", "Socialtjänsten"), ("gender", gender)],
            )
            .await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }
    let (status, page) = sara.post_page(&format!("{event}/head-count"), &[("head_count", "-2")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"f-head_count-error\"") && page.contains("value=\"-2\""));
    assert_eq!(
        sara.post(&format!("{event}/head-count"), &[("head_count", "12")]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(number(&app, "SELECT head_count FROM project_events").await, 12);

    // The viewer reads the list (the read logged) but has no forms and may not record.
    let (status, page) = vera.page(&event).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Sara Ek") && !page.contains("/attendees\""), "a list without forms");
    assert!(
        number(&app, "SELECT COUNT(*) FROM audit_log WHERE entity = 'project_attendance' AND action = 'read'").await
            >= 1
    );
    let refused = vera.post(&format!("{event}/attendees"), &[("name", "X"), ("gender", "man")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(olle.page(&event).await.0, StatusCode::NOT_FOUND, "another organisation's event");
    assert_eq!(olle.page(&events).await.0, StatusCode::NOT_FOUND);
    // The log keeps who was added by id, never by name.
    assert_eq!(
        number(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE COALESCE(after, '') || COALESCE(before, '') LIKE '%Sara Ek%'"
        )
        .await,
        0
    );

    // The list to sign: both names, the columns, the event.
    let pdf = sara.get(&format!("{event}/attendance.pdf")).await;
    assert_eq!(pdf.status(), StatusCode::OK);
    let text = common::pdf_text(&pdf.bytes().await.expect("bytes")).expect("PDF text");
    for expected in ["MI-utbildning", "Sara Ek", "Bo Lind", "Underskrift", "Stadshuset, sal 3"] {
        assert!(text.contains(expected), "{expected} in {text}");
    }

    // The initiative's page sums it up; an attendee removed; the event deleted with its list.
    let (_, page) = sara.page(&format!("/initiatives/{initiative}")).await;
    assert!(page.contains("Ett tillfälle, 14 deltagare räknade."), "{page}");
    let bo = number(&app, "SELECT id FROM project_attendees WHERE name = 'Bo Lind'").await;
    assert_eq!(sara.post(&format!("{event}/attendees/{bo}/remove"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(number(&app, "SELECT COUNT(*) FROM project_attendees").await, 1);
    assert_eq!(sara.post(&format!("{event}/delete"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(number(&app, "SELECT COUNT(*) FROM project_attendees").await, 0);
    assert_eq!(number(&app, "SELECT COUNT(*) FROM project_events").await, 0);
    app.stop().await;
}

#[tokio::test]
async fn an_activity_is_planned_and_carried_out_on_the_pages_with_amounts_exact() {
    let app = TestApp::spawn().await;
    let [sara, vera, olle] = people(&app).await;
    let made =
        sara.post("/initiatives", &[("name", "Kompetenslyft"), ("topic", "integration"), ("status", "active")]).await;
    let initiative = common::id_from_location(&common::location(&made));
    let activities = format!("/initiatives/{initiative}/activities");
    let typed = [
        ("title", "Handledning"),
        ("planned_on", "2026-09-15"),
        ("planned_cost", "12 500,505"),
        ("done_on", "2099-01-01"),
        ("deviation", "Rad ett\nRad två"),
    ];
    let (status, page) = sara.post_page(&activities, &typed).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"f-planned_cost-error\"") && page.contains("id=\"f-done_on-error\""));
    assert!(page.contains("value=\"12 500,505\"") && page.contains("Rad ett\nRad två"), "nothing lost");
    assert_eq!(number(&app, "SELECT COUNT(*) FROM project_activities").await, 0);
    for (title, cost) in [("Handledning", "12 500,50"), ("Studiebesök", "7500")] {
        let fields =
            [("title", title), ("planned_on", "2026-09-15"), ("planned_cost", cost), ("responsible", "Processledaren")];
        assert_eq!(sara.post(&activities, &fields).await.status(), StatusCode::SEE_OTHER);
    }
    // Exact: 1 250 050 + 750 000 öre, shown as 20 000,50.
    assert_eq!(number(&app, "SELECT SUM(planned_cost) FROM project_activities").await, 2_000_050);
    let (_, page) = vera.page(&activities).await;
    assert!(page.contains("20\u{a0}000,50") && page.contains("12\u{a0}500,50"), "amounts in Swedish");
    assert!(!page.contains("id=\"new-activity\""), "viewers read");
    assert_eq!(olle.page(&activities).await.0, StatusCode::NOT_FOUND);

    // Carried out a week late with fourteen; the form shows the stored cost as typed back.
    let id = number(&app, "SELECT MIN(id) FROM project_activities").await;
    let (_, form) = sara.page(&format!("/activities/{id}")).await;
    assert!(form.contains("value=\"12500,50\""), "the amount as a field holds it");
    let done = [
        ("title", "Handledning"),
        ("planned_on", "2026-09-15"),
        ("planned_cost", "12500,50"),
        ("done_on", "2026-09-22"),
        ("participants", "14"),
        ("deviation", "En vecka senare: lokalen var dubbelbokad."),
    ];
    assert_eq!(sara.post(&format!("/activities/{id}"), &done).await.status(), StatusCode::SEE_OTHER);
    let (_, page) = sara.page(&activities).await;
    assert!(
        page.contains("lokalen var dubbelbokad") && page.contains("<td class=\"date\">2026-09-22</td>"),
        "the deviation listed"
    );
    assert_eq!(vera.post(&format!("/activities/{id}"), &done).await.status(), StatusCode::FORBIDDEN);
    let (_, read) = vera.page(&format!("/activities/{id}")).await;
    assert!(read.contains("<dd>12\u{a0}500,50</dd>") && !read.contains("<form class=\"stacked\""), "read, not edited");
    assert_eq!(sara.post(&format!("/activities/{id}/delete"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(number(&app, "SELECT COUNT(*) FROM project_activities").await, 1);
    app.stop().await;
}

/// A person asks what the attendance lists hold about them, and then to be erased.
#[tokio::test]
async fn a_person_on_the_attendance_lists_is_found_exported_and_erased_by_name() {
    let app = TestApp::spawn().await;
    let [sara, _vera, olle] = people(&app).await;
    let org = number(&app, "SELECT id FROM organisations WHERE name = 'Borås stad'").await;
    let anna = app.logged_in(org, "anna@boras.se", "Anna Admin", Role::Admin).await;
    let made =
        sara.post("/initiatives", &[("name", "Kompetenslyft"), ("topic", "integration"), ("status", "active")]).await;
    let initiative = common::id_from_location(&common::location(&made));
    for (day, typed) in [("2026-09-01T09:00", "Sara Ek"), ("2026-10-01T09:00", "  sara  EK ")] {
        let made =
            sara.post(&format!("/initiatives/{initiative}/events"), &[("title", "Träff"), ("starts_at", day)]).await;
        let event = common::location(&made).split('?').next().expect("path").to_owned();
        for name in [typed, "Bo Lind"] {
            sara.post(&format!("{event}/attendees"), &[("name", name), ("gender", "woman")]).await;
        }
    }
    assert_eq!(sara.page("/project/people?name=Sara+Ek").await.0, StatusCode::FORBIDDEN, "administrators only");
    let (status, page) = anna.page("/project/people?name=SARA+EK").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("2 tillfällen") && page.contains("sara  EK"), "both spellings found: {page}");
    let export = anna.get("/project/people/export.json?name=Sara%20Ek").await;
    let data: serde_json::Value = export.json().await.expect("JSON");
    assert_eq!(data["attendances"].as_array().map(Vec::len), Some(2), "{data}");
    assert_eq!(data["attendances"][0]["event_title"], "Träff");
    // Another organisation's administrator finds nothing of Borås's.
    let alingsas = number(&app, "SELECT id FROM organisations WHERE name = 'Alingsås kommun'").await;
    let other_admin = app.logged_in(alingsas, "ali@alingsas.se", "Ali Admin", Role::Admin).await;
    assert!(other_admin.page("/project/people?name=Sara+Ek").await.1.contains("Inga närvarolistor har det namnet"));
    drop(olle);

    assert_eq!(anna.post("/project/people/erase", &[("name", "sara ek")]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(number(&app, "SELECT COUNT(*) FROM project_attendees WHERE LOWER(name) LIKE '%sara%'").await, 0);
    assert_eq!(number(&app, "SELECT COUNT(*) FROM project_attendees").await, 2, "Bo stays");
    // Each event's counts on its row follow the list: one woman left at each.
    let counted = "SELECT COUNT(*) FROM project_events WHERE attendees_woman = 1 AND attendees_man = 0 \
                   AND attendees_other = 0 AND attendees_unknown = 0";
    assert_eq!(number(&app, counted).await, 2, "the events' counts drop with the erased");
    assert_eq!(
        number(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'erase' AND entity = 'project_person'").await,
        1
    );
    let named = "SELECT COUNT(*) FROM audit_log WHERE COALESCE(before, '') || COALESCE(after, '') LIKE '%sara ek%' \
                 OR COALESCE(before, '') || COALESCE(after, '') LIKE '%sara  ek%'";
    assert_eq!(number(&app, named).await, 0, "the log keeps no name");
    app.stop().await;
}

/// Budget lines (year, category, funder, öre) and costs (date, category, öre) for the budget test.
const LINES: [(i64, &str, &str, i64); 3] = [
    (2026, "staff", "Borås stad", 6_000_000),
    (2026, "external_suppliers", "Länsstyrelsen", 4_000_001),
    (2027, "other", "Borås stad", 99_900),
];
const COSTS: [(&str, &str, i64); 4] = [
    ("2026-04-30", "staff", 125_050),
    ("2026-05-01", "travel", 200_000),
    ("2026-05-31", "travel", -50_000),
    ("2026-09-01", "material", 10),
];

#[tokio::test]
async fn the_budget_and_the_costs_booked_give_each_periods_figures_to_the_ore() {
    let app = TestApp::spawn().await;
    let [sara, vera, olle] = people(&app).await;
    let (token, viewing, outside) =
        (sara.api_token("ekonomi").await, vera.api_token("läsa").await, olle.api_token("annan").await);
    let made =
        sara.post("/initiatives", &[("name", "Kompetenslyft"), ("topic", "integration"), ("status", "active")]).await;
    let initiative = common::id_from_location(&common::location(&made));
    let lines_path = format!("/api/v1/initiatives/{initiative}/budget/lines");
    let costs_path = format!("/api/v1/initiatives/{initiative}/budget/costs");
    for (year, category, funder, amount) in LINES {
        let body = json!({"year": year, "category": category, "funder": funder, "amount": amount});
        assert_eq!(sara.api_post(&token, &lines_path, &body).await.0, StatusCode::CREATED);
    }
    let line = json!({"year": 2026, "category": "staff", "amount": 5});
    assert_eq!(vera.api_post(&viewing, &lines_path, &line).await.0, StatusCode::FORBIDDEN);
    assert_eq!(olle.api_post(&outside, &lines_path, &line).await.0, StatusCode::NOT_FOUND);
    // A batch with a date that does not exist: named by position, nothing booked.
    let bad = json!({"costs": [
        {"booked_on": "2026-02-01", "category": "staff", "amount": 100},
        {"booked_on": "2026-02-30", "category": "staff", "amount": 100},
    ]});
    let (status, error) = sara.api_post(&token, &costs_path, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error["error"]["message"].as_str().is_some_and(|m| m.contains("costs[1].booked_on")), "{error}");
    assert_eq!(number(&app, "SELECT COUNT(*) FROM project_costs").await, 0, "all or none");
    let costs: Vec<_> = COSTS.iter().map(|(date, category, amount)| json!({"booked_on": date, "category": category, "amount": amount, "text": "Faktura"})).collect();
    let (status, booked) = sara.api_post(&token, &costs_path, &json!({ "costs": costs })).await;
    assert_eq!((status, booked["added"].as_i64()), (StatusCode::CREATED, Some(4)));

    // Each period's budget is its months' share of its year's budget, rounded to the öre (here
    // with floating point, which is exact enough for these sums); its outcome what was booked.
    for period in
        ["2026-04", "2026-05", "2026-09", "2026-T1", "2026-T2", "2026-T3", "2026-Q2", "2026", "2027-01", "2027"]
    {
        let year: i64 = period[..4].parse().expect("year");
        let months = match period.get(5..6) {
            None => 12.0,
            Some("T") => 4.0,
            Some("Q") => 3.0,
            Some(_) => 1.0,
        };
        let year_budget: i64 = LINES.iter().filter(|l| l.0 == year).map(|l| l.3).sum();
        let budget = (year_budget as f64 * months / 12.0).round() as i64;
        let outcome: i64 = COSTS.iter().filter(|c| holds(period, c.0)).map(|c| c.2).sum();
        let (status, figures) =
            vera.api_get(&viewing, &format!("/api/v1/initiatives/{initiative}/followup?period={period}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(figures["budget"], json!({"budget": budget, "outcome": outcome}), "{period}");
    }

    // The page: by category, the funders' shares, per tertial; a refused line keeps what was typed.
    let page = format!("/initiatives/{initiative}/budget");
    let (_, shown) = vera.page(&page).await;
    for text in ["100\u{a0}999,01", "2\u{a0}750,60", "Borås stad", "60,4 %", "39,6 %", "33\u{a0}333,34", "−500"] {
        assert!(shown.contains(text), "{text} on the page");
    }
    assert!(!shown.contains("id=\"add-line\""), "viewers read");
    let typed = [("year", "2026"), ("category", "premises"), ("funder", "ESF"), ("amount", "12,505")];
    let (status, refused) = sara.post_page(&format!("{page}/lines"), &typed).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.contains("id=\"f-amount-error\"")
            && refused.contains("value=\"ESF\"")
            && refused.contains("value=\"12,505\"")
    );
    let cost = [("booked_on", "2026-10-01"), ("category", "premises"), ("amount", "1 000"), ("text", "Lokalhyra")];
    assert_eq!(sara.post(&format!("{page}/costs"), &cost).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(number(&app, "SELECT SUM(amount) FROM project_costs").await, 275_060 + 100_000);
    let id = number(&app, "SELECT MAX(id) FROM project_costs").await;
    assert_eq!(vera.post(&format!("{page}/costs/{id}/remove"), &[]).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(sara.post(&format!("{page}/costs/{id}/remove"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(number(&app, "SELECT SUM(amount) FROM project_costs").await, 275_060);
    app.stop().await;
}

/// An accounting export as a Swedish Windows program saves it: Windows-1252, semicolons, the
/// accounting system's own column names and an account column Parat does not need.
fn accounting_csv(rows: &[&str]) -> Vec<u8> {
    let text = format!("Verifikationsdatum;Konto;Kostnadsslag;Belopp;Verifikationstext\r\n{}\r\n", rows.join("\r\n"));
    text.chars().map(|c| u8::try_from(u32::from(c)).expect("Latin-1 text")).collect()
}

#[tokio::test]
async fn costs_are_imported_from_an_accounting_export_whole_or_not_at_all() {
    let app = TestApp::spawn().await;
    let [sara, vera, olle] = people(&app).await;
    let made =
        sara.post("/initiatives", &[("name", "Kompetenslyft"), ("topic", "integration"), ("status", "active")]).await;
    let initiative = common::id_from_location(&common::location(&made));
    let page = format!("/initiatives/{initiative}/budget");
    let import = format!("{page}/costs/import");
    let booked = || number(&app, "SELECT COUNT(*) FROM project_costs");

    // Two wrong rows (a date that does not exist, a category Parat does not know): both named
    // by the row number the spreadsheet shows, nothing booked, the chosen category kept.
    let wrong = accounting_csv(&[
        "2026-04-30;7010;Personal;12 500,50;Lön april",
        "2026-02-30;5800;Resor;312,40;Tåg",
        "2026-05-02;6550;Konsulter;1 000;Handledning",
    ]);
    let response = sara.upload(&import, &[("default_category", "other")], "export.csv", wrong).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = response.text().await.expect("body");
    assert!(refused.contains("Inget importerades"), "{refused}");
    assert!(refused.contains("Rad 3, Datum:") && refused.contains("Rad 4, Kostnadsslag:"), "{refused}");
    assert!(refused.contains("<option value=\"other\" selected"), "the chosen category is kept");
    assert_eq!(booked().await, 0);

    // Corrected: every row booked, sums to the öre.
    let rows = [
        ("2026-04-30", "Personal", "12 500,50", 1_250_050),
        ("2026-05-01", "Resor", "312,40", 31_240),
        ("2026-05-02", "Externa leverantörer", "1 000", 100_000),
        ("2026-09-01", "travel", "-312,40", -31_240),
    ];
    let lines: Vec<String> = rows.iter().map(|(d, c, a, _)| format!("{d};5800;{c};{a};Kurs i MI")).collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let response = sara.upload(&import, &[("default_category", "")], "export.csv", accounting_csv(&lines)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(booked().await, 4);
    assert_eq!(number(&app, "SELECT SUM(amount) FROM project_costs").await, rows.iter().map(|r| r.3).sum::<i64>());
    let token = vera.api_token("läsa").await;
    let (_, t2) = vera.api_get(&token, &format!("/api/v1/initiatives/{initiative}/followup?period=2026-T2")).await;
    assert_eq!(t2["budget"]["outcome"], json!(31_240 + 100_000));
    assert!(sara.page(&common::location(&response)).await.1.contains("Kostnaderna är importerade"));

    // A spreadsheet with date cells and numbers, no category column: the chosen one for all.
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (col, name) in ["Bokföringsdatum", "Belopp", "Text"].iter().enumerate() {
        sheet.write_string(0, col as u16, *name).expect("header");
    }
    for (row, (day, amount)) in [(3u8, 2_500.0), (4, 99.99)].iter().enumerate() {
        let at = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 10, *day).expect("date");
        sheet.write_datetime_with_format(row as u32 + 1, 0, &at, &date_format).expect("date");
        sheet.write_number(row as u32 + 1, 1, *amount).expect("amount");
        sheet.write_string(row as u32 + 1, 2, "Lokalhyra").expect("text");
    }
    let xlsx = workbook.save_to_buffer().expect("workbook");
    assert_eq!(
        vera.upload(&import, &[("default_category", "premises")], "k.xlsx", xlsx.clone()).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        olle.upload(&import, &[("default_category", "premises")], "k.xlsx", xlsx.clone()).await.status(),
        StatusCode::NOT_FOUND
    );
    let response = sara.upload(&import, &[("default_category", "premises")], "Kostnader.XLSX", xlsx).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let premises = number(
        &app,
        "SELECT SUM(amount) FROM project_costs WHERE category = 'premises' AND booked_on LIKE '2026-10-0%'",
    )
    .await;
    assert_eq!(premises, 250_000 + 9_999);

    // No file, or a file that is no table: the reason beside the field.
    let (status, body) = {
        let response = sara.upload(&import, &[], "rapport.pdf", b"%PDF-1.7".to_vec()).await;
        (response.status(), response.text().await.expect("body"))
    };
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("id=\"f-file-error\""), "{body}");
    assert_eq!(booked().await, 6);

    // The template's columns are the ones the import reads.
    let template = sara.get(&format!("{page}/costs/template.xlsx")).await;
    assert_eq!(template.status(), StatusCode::OK);
    let template = template.bytes().await.expect("template").to_vec();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(template)).expect("an XLSX is a zip archive");
    let mut strings = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/sharedStrings.xml").expect("strings"), &mut strings)
        .expect("read");
    for column in ["Datum", "Kostnadsslag", "Belopp", "Text"] {
        assert!(strings.contains(&format!(">{column}<")), "{column} in {strings}");
    }
    assert_eq!(olle.get(&format!("{page}/costs/template.xlsx")).await.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn the_frame_names_funders_roles_and_phases_and_lays_out_the_reports_due() {
    let app = TestApp::spawn().await;
    let [sara, vera, olle] = people(&app).await;
    let (token, viewing, outside) =
        (sara.api_token("ram").await, vera.api_token("läsa").await, olle.api_token("annan").await);
    let fields = [
        ("name", "Kompetenslyft"),
        ("topic", "integration"),
        ("status", "active"),
        ("start_date", "2026-03-15"),
        ("end_date", "2027-01-10"),
    ];
    let initiative = common::id_from_location(&common::location(&sara.post("/initiatives", &fields).await));
    let api = format!("/api/v1/initiatives/{initiative}/frame");
    let page = format!("/initiatives/{initiative}/frame");

    // Tertials by default, due fourteen days after each; the calendar runs over the project's dates.
    let (status, frame) = vera.api_get(&viewing, &api).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(frame["reporting"], json!({"every": "tertial", "days_after": 14}));
    let periods: Vec<&str> =
        frame["calendar"].as_array().expect("calendar").iter().filter_map(|r| r["period"].as_str()).collect();
    assert_eq!(periods, ["2026-T1", "2026-T2", "2026-T3", "2027-T1"]);
    // Quarters as Danish projects report, due ten days after: counted here from the quarters' last days.
    let quarterly = json!({"every": "quarter", "days_after": 10});
    assert_eq!(
        vera.api_send(reqwest::Method::PUT, &viewing, &format!("{api}/reporting"), Some(&quarterly)).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        sara.api_send(reqwest::Method::PUT, &token, &format!("{api}/reporting"), Some(&quarterly)).await,
        StatusCode::NO_CONTENT
    );
    let (_, frame) = vera.api_get(&viewing, &api).await;
    let due: Vec<(&str, &str)> = frame["calendar"]
        .as_array()
        .expect("calendar")
        .iter()
        .filter_map(|r| Some((r["period"].as_str()?, r["due"].as_str()?)))
        .collect();
    assert_eq!(
        due,
        [
            ("2026-Q1", "2026-04-10"),
            ("2026-Q2", "2026-07-10"),
            ("2026-Q3", "2026-10-10"),
            ("2026-Q4", "2027-01-10"),
            ("2027-Q1", "2027-04-10")
        ]
    );

    // Funders: half the county board, a third the municipality; short of the whole until the rest.
    for (name, share) in [("Länsstyrelsen", 5_000), ("Borås stad", 3_333)] {
        let (status, _) =
            sara.api_post(&token, &format!("{api}/funders"), &json!({"name": name, "share": share})).await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (status, _) =
        sara.api_post(&token, &format!("{api}/funders"), &json!({"name": "För mycket", "share": 10_001})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(olle.api_get(&outside, &api).await.0, StatusCode::NOT_FOUND);
    let (_, shown) = vera.page(&page).await;
    assert!(shown.contains("50 %") && shown.contains("33,33 %") && shown.contains("83,33 %"), "{shown}");
    assert!(shown.contains("blir inte 100 procent"));
    assert!(!shown.contains(&format!("action=\"{page}/funders")), "viewers read");
    let typed = [("name", "Samordningsförbundet"), ("share", "16,67")];
    assert_eq!(sara.post(&format!("{page}/funders"), &typed).await.status(), StatusCode::SEE_OTHER);
    let (_, frame) = vera.api_get(&viewing, &api).await;
    assert_eq!(frame["shares_total"], json!(10_000));
    assert!(!sara.page(&page).await.1.contains("blir inte 100 procent"));

    // Roles and phases on the page: a refusal keeps what was typed and says why.
    let role = [("role", "process_leader"), ("person", "Sara Samordnare"), ("organisation", "Borås stad")];
    assert_eq!(sara.post(&format!("{page}/roles"), &role).await.status(), StatusCode::SEE_OTHER);
    let (status, _) =
        sara.api_post(&token, &format!("{api}/roles"), &json!({"role": "sponsor", "person": "Kim Chef"})).await;
    assert_eq!(status, StatusCode::CREATED);
    let phase = [
        ("name", "Förstudie"),
        ("starts_on", "2026-03-15"),
        ("ends_on", "2026-03-01"),
        ("decision", "Styrgruppen beslutar om genomförande"),
    ];
    let (status, refused) = sara.post_page(&format!("{page}/phases"), &phase).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.contains("id=\"f-ends_on-error\"")
            && refused.contains("value=\"Förstudie\"")
            && refused.contains("Styrgruppen beslutar om genomförande")
    );
    let phase = [
        ("name", "Förstudie"),
        ("starts_on", "2026-03-15"),
        ("ends_on", "2026-04-30"),
        ("decision", "Styrgruppen beslutar om genomförande"),
        ("decision_on", "2026-04-28"),
    ];
    assert_eq!(sara.post(&format!("{page}/phases"), &phase).await.status(), StatusCode::SEE_OTHER);
    let (_, frame) = vera.api_get(&viewing, &api).await;
    assert_eq!(
        frame["roles"].as_array().map(|r| r.iter().map(|h| h["role"].clone()).collect::<Vec<_>>()),
        Some(vec![json!("sponsor"), json!("process_leader")]),
        "in the model's order"
    );
    assert_eq!(frame["phases"][0]["decision_on"], json!("2026-04-28"));
    let (_, shown) = vera.page(&page).await;
    assert!(
        shown.contains("Processledare")
            && shown.contains("Kim Chef")
            && shown.contains("Ännu utan namn: Styrgrupp, Processägare, Referensgrupp.")
    );

    // Removal: the API's DELETE, then nothing left to remove; another organisation's is not found.
    let funder = frame["funders"][0]["id"].as_i64().expect("id");
    let delete = format!("{api}/funders/{funder}");
    assert_eq!(olle.api_send(reqwest::Method::DELETE, &outside, &delete, None).await, StatusCode::NOT_FOUND);
    assert_eq!(sara.api_send(reqwest::Method::DELETE, &token, &delete, None).await, StatusCode::NO_CONTENT);
    assert_eq!(sara.api_send(reqwest::Method::DELETE, &token, &delete, None).await, StatusCode::NOT_FOUND);
    assert_eq!(
        number(&app, "SELECT COUNT(*) FROM audit_log WHERE entity = 'project_funder'").await,
        4,
        "three added, one removed"
    );
    app.stop().await;
}

/// The status the rule gives, written out here: reached is on track, four fifths of the
/// way from the baseline at risk, less off track (for an indicator that should rise).
fn status_for(value: f64, baseline: f64, target: f64) -> &'static str {
    if value >= target {
        "on_track"
    } else if (value - baseline) >= 0.8 * (target - baseline) {
        "at_risk"
    } else {
        "off_track"
    }
}

#[tokio::test]
async fn indicators_are_counted_or_typed_per_period_with_their_status_in_the_periods_figures() {
    let app = TestApp::spawn().await;
    let [sara, vera, olle] = people(&app).await;
    let (token, viewing, outside) =
        (sara.api_token("mål").await, vera.api_token("läsa").await, olle.api_token("annan").await);
    let body = json!({"name": "Kompetenslyft", "topic": "integration", "status": "active",
        "start_date": "2026-01-01", "end_date": "2026-12-31"});
    let initiative = sara.api_post(&token, "/api/v1/initiatives", &body).await.1["id"].as_i64().expect("id");
    let other = sara
        .api_post(&token, "/api/v1/initiatives", &json!({"name": "Annat", "topic": "integration", "status": "active"}))
        .await
        .1["id"]
        .as_i64()
        .expect("id");
    record_events(&sara, &token, &format!("/api/v1/initiatives/{initiative}/events")).await;
    let goal = |initiative: i64| {
        let (sara, token) = (&sara, &token);
        async move {
            let (status, made) = sara
                .api_post(
                    token,
                    &format!("/api/v1/initiatives/{initiative}/goals"),
                    &json!({"level": "goal", "text": "Fler når ut"}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "{made}");
            made["id"].as_i64().expect("goal")
        }
    };
    let (own_goal, other_goal) = (goal(initiative).await, goal(other).await);
    let indicators = format!("/api/v1/initiatives/{initiative}/indicators");

    // Counted by Parat: people reached (named attendances and head counts) per tertial, target 20.
    let reached = json!({"name": "Nådda", "unit": "personer", "target": 20, "every": "tertial",
        "source": "people_reached", "direction": "increase", "goal_id": own_goal});
    let (status, made) = sara.api_post(&token, &indicators, &reached).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let reached = made["id"].as_i64().expect("id");
    let stolen = json!({"name": "Fel mål", "target": 1, "every": "year", "source": "manual", "direction": "increase", "goal_id": other_goal});
    let (status, error) = sara.api_post(&token, &indicators, &stolen).await;
    assert_eq!(
        (status, error["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("goal_id"))
    );
    assert_eq!(vera.api_post(&viewing, &indicators, &stolen).await.0, StatusCode::FORBIDDEN);
    assert_eq!(olle.api_get(&outside, &indicators).await.0, StatusCode::NOT_FOUND);

    // Typed by hand on the page, as Swedish is written: from 10 % towards 40 % in work or studies.
    let page = format!("/initiatives/{initiative}/indicators");
    let typed = [
        ("name", "I arbete eller studier"),
        ("unit", "%"),
        ("baseline", "10"),
        ("target", "40,0"),
        ("every", "tertial"),
        ("source", "manual"),
        ("direction", "increase"),
        ("goal_id", ""),
    ];
    let refused = [("target", "fyrtio"), ("name", "I arbete eller studier")];
    let (status, shown) = sara.post_page(&page, &refused).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains("id=\"f-target-error\"") && shown.contains("value=\"fyrtio\""));
    let made = sara.post(&page, &typed).await;
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let manual = common::id_from_location(&common::location(&made));
    let entry = [("period", "2026-T1"), ("value", "36,5"), ("status", ""), ("comment", "Två började studera")];
    assert_eq!(sara.post(&format!("/indicators/{manual}/entries"), &entry).await.status(), StatusCode::SEE_OTHER);
    let put = |id: i64, period: &str, body: serde_json::Value| {
        let (sara, token) = (&sara, &token);
        let path = format!("/api/v1/indicators/{id}/entries/{period}");
        async move { sara.api_send(reqwest::Method::PUT, token, &path, Some(&body)).await }
    };
    assert_eq!(put(manual, "2026-T2", json!({"value": 45})).await, StatusCode::NO_CONTENT);
    assert_eq!(
        put(manual, "2026-T3", json!({"status": "off_track", "comment": "Arbetsgivaren drog sig ur"})).await,
        StatusCode::NO_CONTENT
    );
    // Refused: a month for a tertial indicator, a typed value for a counted one, nothing at all.
    assert_eq!(put(manual, "2026-05", json!({"value": 1})).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(put(reached, "2026-T2", json!({"value": 1})).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(put(manual, "2026-T1", json!({})).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(put(reached, "2026-T3", json!({"status": "at_risk"})).await, StatusCode::NO_CONTENT);

    // Each period's figures against counts made here from the events' local dates.
    let manual_expected = |period: &str| match period {
        "2026-T1" => (json!(36.5), json!(status_for(36.5, 10.0, 40.0))),
        "2026-T2" => (json!(45.0), json!(status_for(45.0, 10.0, 40.0))),
        "2026-T3" => (json!(null), json!("off_track")),
        _ => (json!(null), json!(null)),
    };
    for period in ["2026-T1", "2026-T2", "2026-T3", "2026", "2026-03"] {
        let reached_count: i64 = EVENTS
            .iter()
            .filter(|(at, _, _)| holds(period, at))
            .map(|(_, people, head)| people.len() as i64 + head)
            .sum();
        let reached_status = match period {
            "2026-T3" => json!("at_risk"),
            p if p.contains('T') => json!(status_for(reached_count as f64, 0.0, 20.0)),
            _ => json!(null),
        };
        let (status, figures) =
            vera.api_get(&viewing, &format!("/api/v1/initiatives/{initiative}/followup?period={period}")).await;
        assert_eq!(status, StatusCode::OK);
        let (value, manual_status) = manual_expected(period);
        assert_eq!(
            figures["indicators"],
            json!([
                {"id": reached, "value": reached_count as f64, "target": 20.0, "status": reached_status},
                {"id": manual, "value": value, "target": 40.0, "status": manual_status},
            ]),
            "{period}"
        );
    }

    // The indicator's page: the chart, the table and the comments; the viewer reads only.
    let (status, shown) = vera.page(&format!("/indicators/{manual}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        shown.contains("<svg class=\"chart indicator\"") && shown.contains(">36,5 !<") && shown.contains(">45 ✓<"),
        "{shown}"
    );
    assert!(shown.contains("Arbetsgivaren drog sig ur") && shown.contains("(beräknad)"));
    assert!(!shown.contains("id=\"record\""), "viewers read");
    assert_eq!(olle.get(&format!("/indicators/{manual}")).await.status(), StatusCode::NOT_FOUND);
    let (_, listed) = vera.api_get(&viewing, &indicators).await;
    assert_eq!(
        listed[1]["entries"][0],
        json!({"period": "2026-T1", "value": 36.5, "status": null, "comment": "Två började studera"})
    );
    assert_eq!(
        sara.api_send(reqwest::Method::DELETE, &token, &format!("/api/v1/indicators/{reached}"), None).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(vera.api_get(&viewing, &indicators).await.1.as_array().map(Vec::len), Some(1));
    app.stop().await;
}

/// Participants: code, gender, in, out, income before and after (Finsam's categories).
type Joined = (&'static str, &'static str, &'static str, Option<&'static str>, &'static str, Option<&'static str>);
const PARTICIPANTS: [Joined; 5] = [
    ("BO-1", "woman", "2026-01-12", Some("2026-04-30"), "financial_aid", Some("salary")),
    ("BO-2", "man", "2026-04-30", Some("2026-05-01"), "financial_aid", Some("salary")),
    ("BO-3", "woman", "2026-05-01", None, "sickness_benefit", None),
    ("BO-4", "other", "2026-08-31", Some("2026-09-01"), "sickness_benefit", Some("student_aid")),
    ("BO-5", "unknown", "2026-09-01", None, "none", None),
];

/// A period's first and last day, written out here.
fn bounds(period: &str) -> (&'static str, &'static str) {
    match period {
        "2026-T1" => ("2026-01-01", "2026-04-30"),
        "2026-T2" => ("2026-05-01", "2026-08-31"),
        "2026-T3" => ("2026-09-01", "2026-12-31"),
        "2026-04" => ("2026-04-01", "2026-04-30"),
        "2026-05" => ("2026-05-01", "2026-05-31"),
        "2026" => ("2026-01-01", "2026-12-31"),
        other => panic!("no bounds for {other}"),
    }
}

/// What a participant went on to, by their income after: a salary is work, student aid studies.
fn occupation_after(income_after: &str) -> &'static str {
    match income_after {
        "salary" => "work",
        "student_aid" => "studies",
        _ => "job_seeking",
    }
}

#[tokio::test]
async fn participants_are_registered_in_and_out_and_counted_by_gender_per_period() {
    let app = TestApp::spawn().await;
    let [sara, vera, olle] = people(&app).await;
    let (token, viewing, outside) =
        (sara.api_token("deltagare").await, vera.api_token("läsa").await, olle.api_token("annan").await);
    let body = json!({"name": "Steget vidare", "topic": "integration", "status": "active"});
    let initiative = sara.api_post(&token, "/api/v1/initiatives", &body).await.1["id"].as_i64().expect("id");
    let api = format!("/api/v1/initiatives/{initiative}/participants");
    let page = format!("/initiatives/{initiative}/participants");

    // The first on the page (anonymous), the rest through the API (with consent).
    let (code, gender, joined, _, income, _) = PARTICIPANTS[0];
    let typed = [
        ("code", code),
        ("gender", gender),
        ("age_band", "25_29"),
        ("joined_on", joined),
        ("income_before", income),
        ("occupation_before", ""),
    ];
    let (status, refused) = sara.post_page(&page, &typed).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.contains("id=\"f-occupation_before-error\"") && refused.contains("value=\"BO-1\""));
    let mut typed = typed.to_vec();
    typed[5] = ("occupation_before", "job_seeking");
    assert_eq!(sara.post(&page, &typed).await.status(), StatusCode::SEE_OTHER);
    for (code, gender, joined, _, income, _) in &PARTICIPANTS[1..] {
        let body = json!({"code": code, "gender": gender, "age_band": "30_39", "joined_on": joined, "consent": true,
            "income_before": income, "occupation_before": "job_seeking"});
        let (status, made) = sara.api_post(&token, &api, &body).await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
    }
    // Once in, not in again until out; viewers read; another organisation sees nothing.
    let again = json!({"code": "BO-3", "gender": "woman", "age_band": "30_39", "joined_on": "2026-06-01",
        "income_before": "none", "occupation_before": "none"});
    let (status, error) = sara.api_post(&token, &api, &again).await;
    assert_eq!(
        (status, error["error"]["fields"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("taken"))
    );
    assert_eq!(vera.api_post(&viewing, &api, &again).await.0, StatusCode::FORBIDDEN);
    assert_eq!(olle.api_get(&outside, &api).await.0, StatusCode::NOT_FOUND);

    // Out: through the API, and the first on the page; an end before the start is refused.
    let (_, listed) = vera.api_get(&viewing, &api).await;
    let id_of = |code: &str| {
        listed.as_array().expect("list").iter().find(|p| p["code"] == code).and_then(|p| p["id"].as_i64()).expect(code)
    };
    let (status, _) = sara
        .post_page(
            &format!("/participations/{}/leave", id_of("BO-1")),
            &[("left_on", "2026-01-11"), ("reason", "work"), ("income_after", "salary"), ("occupation_after", "work")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for (code, _, _, left, _, after) in PARTICIPANTS {
        let (Some(left), Some(after)) = (left, after) else { continue };
        let body = json!({"left_on": left, "reason": "work", "income_after": after, "occupation_after": occupation_after(after)});
        let path = format!("/api/v1/participations/{}/leave", id_of(code));
        assert_eq!(sara.api_post_status(&token, &path, &body).await, StatusCode::NO_CONTENT, "{code}");
    }
    let indicator = json!({"name": "Till arbete eller studier", "target": 1, "every": "tertial",
        "source": "reached_work_or_studies", "direction": "increase"});
    let (status, made) =
        sara.api_post(&token, &format!("/api/v1/initiatives/{initiative}/indicators"), &indicator).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let reached_id = made["id"].as_i64().expect("id");

    // Each period's count by gender, against one made here from the dates as text.
    for period in ["2026-T1", "2026-T2", "2026-T3", "2026-04", "2026-05", "2026"] {
        let (first, last) = bounds(period);
        let count = |gender: &str| {
            PARTICIPANTS.iter().filter(|p| p.1 == gender && p.2 <= last && p.3.is_none_or(|left| left >= first)).count()
        };
        let (_, figures) =
            vera.api_get(&viewing, &format!("/api/v1/initiatives/{initiative}/followup?period={period}")).await;
        assert_eq!(
            figures["participants_by_gender"],
            json!({"woman": count("woman"), "man": count("man"), "other": count("other"), "unknown": count("unknown")}),
            "{period}"
        );
        // Registered out in the period to work or studies, counted here from the dates and incomes.
        let reached = PARTICIPANTS
            .iter()
            .filter(|p| p.3.is_some_and(|left| left >= first && left <= last))
            .filter(|p| p.5.is_some_and(|after| matches!(occupation_after(after), "work" | "studies")))
            .count();
        let value = figures["indicators"]
            .as_array()
            .expect("indicators")
            .iter()
            .find(|i| i["id"] == reached_id)
            .expect("the indicator")["value"]
            .as_f64();
        assert_eq!(value, Some(reached as f64), "{period}");
    }

    // The page: the before-and-after table (two from financial aid to salary), consent shown.
    let (_, shown) = vera.page(&page).await;
    assert!(shown.contains("Ekonomiskt bistånd") && shown.contains("Försörjning före"), "{shown}");
    assert!(!shown.contains("id=\"join\""), "viewers read");
    let (_, one) = vera.page(&format!("/participations/{}", id_of("BO-1"))).await;
    assert!(one.contains("Nej, anonym") && one.contains("Fick arbete"));
    // Who took part is audited when read, as a list and one by one.
    for entity in ["project_participations", "project_participation"] {
        let reads = format!("SELECT COUNT(*) FROM audit_log WHERE entity = '{entity}' AND action = 'read'");
        assert!(number(&app, &reads).await >= 1, "{entity}");
    }
    assert_eq!(
        number(&app, "SELECT COUNT(*) FROM participants WHERE consent_on IS NOT NULL").await,
        4,
        "the anonymous one without"
    );

    // Erased with the participant, by an administrator, from the registry.
    let org = number(&app, "SELECT org_id FROM initiatives WHERE id = (SELECT MAX(id) FROM initiatives)").await;
    let admin = app.logged_in(org, "alva@boras.se", "Alva Admin", Role::Admin).await;
    let participant = number(&app, "SELECT id FROM participants WHERE code = 'BO-1'").await;
    assert_eq!(
        admin.post(&format!("/outcomes/participants/{participant}/erase"), &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(number(&app, "SELECT COUNT(*) FROM project_participations").await, 4);
    app.stop().await;
}

/// A file of a zip archive (a Word document's or a workbook's part) as text.
fn part_of(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(name).expect(name), &mut text).expect("read");
    text
}

#[tokio::test]
async fn a_tertials_report_holds_the_periods_figures_and_the_coordinators_words_on_the_page_and_in_its_documents() {
    let app = TestApp::spawn().await;
    let [sara, vera, olle] = people(&app).await;
    let token = sara.api_token("rapport").await;
    let body = json!({"name": "Kompetenslyft", "topic": "integration", "status": "active",
        "start_date": "2026-01-01", "end_date": "2026-12-31"});
    let initiative = sara.api_post(&token, "/api/v1/initiatives", &body).await.1["id"].as_i64().expect("id");
    record_events(&sara, &token, &format!("/api/v1/initiatives/{initiative}/events")).await;
    let lines = format!("/api/v1/initiatives/{initiative}/budget/lines");
    sara.api_post(&token, &lines, &json!({"year": 2026, "category": "staff", "amount": 1_200_000})).await;
    let costs = json!({"costs": [{"booked_on": "2026-05-02", "category": "staff", "amount": 123_456}]});
    sara.api_post(&token, &format!("/api/v1/initiatives/{initiative}/budget/costs"), &costs).await;
    for (code, gender, joined, ..) in PARTICIPANTS {
        let body = json!({"code": code, "gender": gender, "age_band": "30_39", "joined_on": joined,
            "income_before": "financial_aid", "occupation_before": "job_seeking"});
        assert_eq!(
            sara.api_post(&token, &format!("/api/v1/initiatives/{initiative}/participants"), &body).await.0,
            StatusCode::CREATED
        );
    }
    let indicator = json!({"name": "Nådda personer", "target": 10, "every": "tertial", "source": "people_reached", "direction": "increase"});
    sara.api_post(&token, &format!("/api/v1/initiatives/{initiative}/indicators"), &indicator).await;

    // The coordinator's words: a control character is refused with the rest kept; then saved.
    let page = format!("/initiatives/{initiative}/reports/2026-T2");
    let words = [
        ("summary", "Tertialet gick enligt plan."),
        ("went_well", "Nätverksträffarna\u{7}"),
        ("difficulties", "Sommaren gav färre deltagare."),
        ("next_period", "Slutkonferensen."),
    ];
    let (status, refused) = sara.post_page(&page, &words).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.contains("id=\"f-went_well-error\"") && refused.contains("Sommaren gav färre deltagare."));
    let mut words = words.to_vec();
    words[1] = ("went_well", "Nätverksträffarna blev fler.");
    assert_eq!(sara.post(&page, &words).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(vera.post(&page, &words).await.status(), StatusCode::FORBIDDEN, "viewers read");

    // The period's figures, counted here: T2 is May to August.
    let t2 = |local: &str| holds("2026-T2", local);
    let named: usize = EVENTS.iter().filter(|e| t2(e.0)).map(|e| e.1.len()).sum();
    let counted: i64 = EVENTS.iter().filter(|e| t2(e.0)).map(|e| e.2).sum();
    let women: usize = EVENTS.iter().filter(|e| t2(e.0)).map(|e| e.1.iter().filter(|g| **g == "woman").count()).sum();
    let (first, last) = bounds("2026-T2");
    let taking_part = PARTICIPANTS.iter().filter(|p| p.2 <= last).count();
    let joined = PARTICIPANTS.iter().filter(|p| p.2 >= first && p.2 <= last).count();
    let (status, shown) = vera.page(&page).await;
    assert_eq!(status, StatusCode::OK);
    let row = format!("<th scope=\"row\">Deltaganden</th><td>{women}</td>");
    assert!(shown.contains(&row) && shown.contains(&format!("<td>{named}</td><td>{counted}</td>")), "{shown}");
    assert!(shown.contains(&format!("Under perioden skrevs {joined} in och 0 ut.")));
    assert!(
        shown.contains("<th scope=\"row\">Deltagare</th>") && shown.contains(&format!("<td>{taking_part}</td></tr>"))
    );
    assert!(shown.contains("Tertialet gick enligt plan.") && shown.contains("Nådda personer"));
    // A year's budget of 12 000 kr is 4 000 a tertial; 1 234,56 booked, 2 765,44 left.
    assert!(shown.contains("<td>4\u{a0}000</td><td>1\u{a0}234,56</td><td>2\u{a0}765,44</td>"), "{shown}");

    // The same content as PDF, Word and XLSX.
    let file = |format: &str| {
        let (vera, path) = (&vera, format!("{page}/{format}"));
        async move {
            let response = vera.get(&path).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            response.bytes().await.expect("bytes").to_vec()
        }
    };
    let pdf = common::pdf_text(&file("pdf").await).expect("PDF text");
    // (Narrow columns hyphenate: the indicator is found by its first word.)
    for text in ["Rapport 2026-T2", "Tertialet gick enligt plan.", "Nätverksträffarna blev fler.", "Nådda", "1 234,56"]
    {
        assert!(pdf.contains(text), "{text} in {pdf}");
    }
    let word = part_of(&file("docx").await, "word/document.xml");
    assert!(word.contains("Sommaren gav färre deltagare.") && word.contains("Slutkonferensen."), "{word}");
    let workbook = file("xlsx").await;
    let strings = part_of(&workbook, "xl/sharedStrings.xml");
    assert!(
        strings.contains("Budget och utfall") || part_of(&workbook, "xl/workbook.xml").contains("Budget och utfall")
    );
    let budget_sheet = (1..=8)
        .map(|n| format!("xl/worksheets/sheet{n}.xml"))
        .filter_map(|name| {
            zip::ZipArchive::new(std::io::Cursor::new(&workbook)).ok()?.by_name(&name).ok().map(|_| name)
        })
        .map(|name| part_of(&workbook, &name))
        .find(|xml| xml.contains("<v>1234.56</v>"));
    assert!(budget_sheet.is_some(), "amounts are numbers in the workbook");

    // Another organisation sees none of it; a period that is not one is not found.
    assert_eq!(olle.get(&page).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(olle.get(&format!("{page}/pdf")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(vera.get(&format!("/initiatives/{initiative}/reports/2026-T4")).await.status(), StatusCode::NOT_FOUND);
    let (_, list) = vera.page(&format!("/initiatives/{initiative}/reports")).await;
    assert!(list.contains("2026-T1") && list.contains("2026-T3") && list.contains("Skriven"));
    let opened = vera.get(&format!("/initiatives/{initiative}/reports/open?period=2026-05")).await;
    assert_eq!(common::location(&opened), format!("/initiatives/{initiative}/reports/2026-05"));
    app.stop().await;
}

/// An initiative for 2026 with a year's budget (öre) and what was spent, through the API: its id
/// and the token used.
async fn funded_project(who: &Browser, name: &str, budget: i64, spent: i64) -> (i64, String) {
    let token = who.api_token(name).await;
    let body = json!({"name": name, "topic": "integration", "status": "active",
        "start_date": "2026-01-01", "end_date": "2026-12-31"});
    let id = who.api_post(&token, "/api/v1/initiatives", &body).await.1["id"].as_i64().expect("id");
    let line = json!({"year": 2026, "category": "staff", "amount": budget});
    who.api_post(&token, &format!("/api/v1/initiatives/{id}/budget/lines"), &line).await;
    if spent != 0 {
        let costs = json!({"costs": [{"booked_on": "2026-03-01", "category": "staff", "amount": spent}]});
        who.api_post(&token, &format!("/api/v1/initiatives/{id}/budget/costs"), &costs).await;
    }
    (id, token)
}

#[tokio::test]
async fn a_coordination_association_sees_the_projects_of_its_members_with_spend_indicators_and_reports_due() {
    let app = TestApp::spawn().await;
    let association = app.organisation("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None).await;
    let boras = app.organisation("Borås stad", OrgKind::Municipality, Some(association)).await;
    let mark = app.organisation("Marks kommun", OrgKind::Municipality, Some(association)).await;
    let outside = app.organisation("Alingsås kommun", OrgKind::Municipality, None).await;
    let funder = app.logged_in(association, "ida@sjuharad.se", "Ida Förbund", Role::Viewer).await;
    let sara = app.logged_in(boras, "sara@boras.se", "Sara", Role::Coordinator).await;
    let maja = app.logged_in(mark, "maja@mark.se", "Maja", Role::Coordinator).await;
    let olle = app.logged_in(outside, "olle@alingsas.se", "Olle", Role::Coordinator).await;
    let (steget, token) = funded_project(&sara, "Steget vidare", 10_000_000, 2_500_050).await;
    funded_project(&maja, "Unga i Mark", 5_000_000, 0).await;
    funded_project(&olle, "Annat förbunds projekt", 7_000_000, 0).await;
    // One indicator judged off track in every tertial, one on track: one of two is off track in
    // whichever tertial last finished.
    for (name, status) in [("Nådda", "off_track"), ("I arbete", "on_track")] {
        let body = json!({"name": name, "target": 10, "every": "tertial", "source": "manual", "direction": "increase"});
        let id = sara.api_post(&token, &format!("/api/v1/initiatives/{steget}/indicators"), &body).await.1["id"]
            .as_i64()
            .expect("id");
        for year in 2026..=2030 {
            for tertial in 1..=3 {
                let path = format!("/api/v1/indicators/{id}/entries/{year}-T{tertial}");
                assert_eq!(
                    sara.api_send(reqwest::Method::PUT, &token, &path, Some(&json!({"status": status}))).await,
                    StatusCode::NO_CONTENT
                );
            }
        }
    }
    sara.post(&format!("/initiatives/{steget}/reports/2026-T1"), &[("summary", "Klart.")]).await;

    // Reports due a fortnight after each tertial of 2026; those passed without text are overdue.
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let dues = [("2026-T1", "2026-05-14"), ("2026-T2", "2026-09-14"), ("2026-T3", "2027-01-14")];
    let overdue = dues.iter().filter(|(period, due)| *due < today.as_str() && *period != "2026-T1").count();
    let next = dues.iter().find(|(_, due)| *due >= today.as_str());

    let (status, shown) = funder.page("/projects").await;
    assert_eq!(status, StatusCode::OK);
    assert!(shown.contains("Steget vidare") && shown.contains("Unga i Mark"), "{shown}");
    assert!(!shown.contains("Annat förbunds projekt"), "not a member's");
    assert!(shown.contains("<td class=\"number\">100\u{a0}000</td><td class=\"number\">25\u{a0}000,50</td><td class=\"number\">25 %</td><td class=\"number\">1 / 2</td>"), "{shown}");
    if let Some((period, _)) = next {
        assert!(shown.contains(period), "next report {period}");
    }
    let badge = format!("<span class=\"badge\">{overdue}</span>");
    assert_eq!(shown.contains(&badge), overdue > 0, "{overdue} overdue");
    assert!(
        !shown.contains(&format!("href=\"/initiatives/{steget}\"")),
        "a member's project is not the association's to open"
    );
    // A member sees its own only, linked.
    let (_, own) = sara.page("/projects").await;
    assert!(own.contains(&format!("href=\"/initiatives/{steget}\"")) && !own.contains("Unga i Mark"));
    // The export: amounts in kronor as numbers.
    let workbook = funder.get("/projects.xlsx").await;
    assert_eq!(workbook.status(), StatusCode::OK);
    let bytes = workbook.bytes().await.expect("bytes").to_vec();
    assert!(part_of(&bytes, "xl/worksheets/sheet1.xml").contains("<v>25000.5</v>"));
    app.stop().await;
}

/// The open link a page shows once (`/q/` and 64 hex digits).
fn open_link_in(body: &str) -> String {
    body.match_indices("/q/")
        .filter_map(|(i, _)| body.get(i + 3..i + 67))
        .find(|token| token.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|token| format!("/q/{token}"))
        .expect("the open link, shown once")
}

/// Answers a questionnaire through its open link as a new, anonymous respondent.
async fn answer_anonymously(app: &TestApp, link: &str, answers: &[(String, String)]) {
    let mut fields: Vec<(&str, &str)> = answers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    fields.push(("action", "submit"));
    let response = app.browser().post(link, &fields).await;
    assert!(response.status().is_success() || response.status().is_redirection(), "{}", response.status());
}

/// A mean as Parat writes it in Swedish: two decimals, a decimal comma.
fn swedish_mean(values: &[f64]) -> String {
    format!("{:.2}", values.iter().sum::<f64>() / values.len() as f64).replace('.', ",")
}

#[tokio::test]
async fn events_are_evaluated_by_qr_code_the_project_before_and_after_and_all_of_it_goes_into_the_final_report() {
    let app = TestApp::spawn().await;
    let [sara, vera, olle] = people(&app).await;
    let token = sara.api_token("slut").await;
    let body = json!({"name": "Kompetenslyft", "topic": "integration", "status": "active",
        "start_date": "2026-01-01", "end_date": "2026-12-31"});
    let initiative = sara.api_post(&token, "/api/v1/initiatives", &body).await.1["id"].as_i64().expect("id");
    let events_path = format!("/api/v1/initiatives/{initiative}/events");
    let mut events = Vec::new();
    for (title, at) in [("Kursdag ett", "2026-05-04T09:00"), ("Kursdag två", "2026-09-14T09:00")] {
        let (status, made) = sara.api_post(&token, &events_path, &json!({"title": title, "starts_at": at})).await;
        assert_eq!(status, StatusCode::CREATED);
        events.push(made["id"].as_i64().expect("id"));
    }
    let attendees = json!({"attendees": [{"name": "Greta Gran", "organisation": "Borås stad", "gender": "woman"}]});
    sara.api_post(&token, &format!("/api/v1/events/{}/attendance", events[0]), &attendees).await;

    // An event's evaluation: its round, with the open link and a QR code shown once.
    let start = format!("/events/{}/evaluation", events[0]);
    assert_eq!(vera.post(&start, &[]).await.status(), StatusCode::FORBIDDEN, "viewers read");
    assert_eq!(olle.post(&start, &[]).await.status(), StatusCode::NOT_FOUND);
    let (status, made) = sara.post_page(&start, &[]).await;
    assert_eq!(status, StatusCode::CREATED);
    assert!(made.contains("qr-code") && made.contains("Utvärdering: Kursdag ett"), "{made}");
    let first_link = open_link_in(&made);
    assert_eq!(sara.post(&start, &[]).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "one evaluation per event");
    let (_, made) = sara.post_page(&format!("/events/{}/evaluation", events[1]), &[]).await;
    let second_link = open_link_in(&made);

    // Five answer after the first day, two after the second (under the threshold of five).
    let first: [[f64; 6]; 5] = [
        [5., 4., 4., 3., 5., 4.],
        [4., 4., 3., 4., 4., 4.],
        [3., 2., 3., 4., 5., 3.],
        [5., 5., 5., 4., 4., 5.],
        [4., 3., 4., 5., 3., 4.],
    ];
    let second: [[f64; 6]; 2] = [[2., 2., 2., 2., 2., 2.], [1., 3., 2., 2., 1., 1.]];
    let items = ["relevant", "learned", "apply", "format", "practical", "overall"];
    for (link, responses, text) in
        [(&first_link, &first[..], "Fallen i grupp"), (&second_link, &second[..], "För lite tid")]
    {
        for values in responses {
            let mut answers: Vec<(String, String)> =
                items.iter().zip(values).map(|(item, v)| (format!("a-{item}"), v.to_string())).collect();
            answers.push(("a-best".into(), text.into()));
            answer_anonymously(&app, link, &answers).await;
        }
    }

    // The compilation, computed here: benefit is the mean of the first three statements.
    let benefit = |rows: &[[f64; 6]]| -> Vec<f64> { rows.iter().map(|r| (r[0] + r[1] + r[2]) / 3.0).collect() };
    let all: Vec<[f64; 6]> = first.iter().chain(second.iter()).copied().collect();
    let (status, page) = vera.page(&format!("/initiatives/{initiative}/evaluations")).await;
    assert_eq!(status, StatusCode::OK);
    let first_row = format!("<td>5</td><td>{}</td>", swedish_mean(&benefit(&first)));
    let total_row = format!("<td>7</td><td>{}</td>", swedish_mean(&benefit(&all)));
    assert!(page.contains(&first_row) && page.contains(&total_row), "{page}");
    assert!(page.contains("<td>2</td><td>–</td>"), "two answers show no mean");
    let overall: Vec<f64> = all.iter().map(|r| r[5]).collect();
    assert!(page.contains(&format!("<td>{}</td><td>7</td>", swedish_mean(&overall))));
    assert!(page.contains("Fallen i grupp") && !page.contains("För lite tid"), "texts only from groups of five");
    assert_eq!(olle.get(&format!("/initiatives/{initiative}/evaluations")).await.status(), StatusCode::NOT_FOUND);

    // An indicator following the mean overall grade: the first day's five answers in the second
    // tertial, the second day's two (under the threshold) give the third none.
    let indicator =
        json!({"name": "Betyg", "target": 4, "every": "tertial", "source": "evaluation_mean", "direction": "increase"});
    let (status, made) =
        sara.api_post(&token, &format!("/api/v1/initiatives/{initiative}/indicators"), &indicator).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    for (period, expected) in [("2026-T2", Some(first.iter().map(|r| r[5]).sum::<f64>() / 5.0)), ("2026-T3", None)] {
        let (_, figures) =
            sara.api_get(&token, &format!("/api/v1/initiatives/{initiative}/followup?period={period}")).await;
        let value =
            figures["indicators"].as_array().expect("indicators").iter().find(|i| i["id"] == made["id"]).expect("it")
                ["value"]
                .as_f64();
        assert_eq!(value.map(|v| (v * 1000.0).round()), expected.map(|v| (v * 1000.0).round()), "{period}");
    }

    // The project evaluation at start and at end, compared.
    let stage = |s: &str| format!("/initiatives/{initiative}/evaluations/{s}");
    assert_eq!(sara.post(&stage("middle"), &[]).await.status(), StatusCode::NOT_FOUND);
    let before: [[f64; 2]; 5] = [[2., 3.], [3., 3.], [2., 2.], [4., 3.], [3., 2.]];
    let after: [[f64; 2]; 5] = [[4., 4.], [4., 3.], [5., 4.], [4., 5.], [3., 4.]];
    for (s, rows) in [("start", &before), ("end", &after)] {
        let (status, made) = sara.post_page(&stage(s), &[]).await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
        let link = open_link_in(&made);
        for [clear, shared] in rows {
            let mut answers =
                vec![("a-clear".to_owned(), clear.to_string()), ("a-shared".to_owned(), shared.to_string())];
            answers.extend(
                ["a-link", "a-knowledge", "a-support", "a-cooperation", "a-contact"]
                    .map(|i| (i.to_owned(), "3".to_owned())),
            );
            answer_anonymously(&app, &link, &answers).await;
        }
    }
    let mission = |rows: &[[f64; 2]]| -> Vec<f64> { rows.iter().map(|[a, b]| (a + b) / 2.0).collect() };
    let (was, now) = (mission(&before), mission(&after));
    let change = now.iter().sum::<f64>() / 5.0 - was.iter().sum::<f64>() / 5.0;
    let expected = format!(
        "<td>{} (n = 5)</td><td>{} (n = 5)</td><td>+{}</td>",
        swedish_mean(&was),
        swedish_mean(&now),
        format!("{change:.2}").replace('.', ",")
    );
    let (_, page) = vera.page(&format!("/initiatives/{initiative}/evaluations")).await;
    assert!(page.contains("Gemensam bild av uppdraget") && page.contains(&expected), "{expected} in {page}");

    // The final report: seven appendices with the same figures, on the page and in its documents.
    let words = [
        ("summary", "Projektet nådde alla kommuner."),
        ("went_well", ""),
        ("difficulties", ""),
        ("next_period", "Arbetssättet ingår nu i ordinarie verksamhet."),
    ];
    let final_page = format!("/initiatives/{initiative}/reports/final");
    assert_eq!(sara.post(&final_page, &words).await.status(), StatusCode::SEE_OTHER);
    let (status, report) = vera.page(&final_page).await;
    assert_eq!(status, StatusCode::OK);
    for n in 1..=7 {
        assert!(report.contains(&format!("Bilaga {n}. ")), "appendix {n}");
    }
    // The grade indicator in the report, from the answers the report read: (4 + 4 + 3 + 5 + 4) / 5.
    let grade_row = "<th scope=\"row\">Betyg</th><td>2026-T2</td><td>4</td>";
    assert!(report.contains(grade_row), "{grade_row} in the final report");
    let (_, tertial) = vera.page(&format!("/initiatives/{initiative}/reports/2026-T2")).await;
    assert!(tertial.contains("<th scope=\"row\">Betyg</th><td></td><td>4</td>"), "{tertial}");
    for text in ["Projektet nådde alla kommuner.", "Efter projektet", "Greta Gran", &first_row, &expected] {
        assert!(report.contains(text), "{text} in the final report");
    }
    let (_, list) = vera.page(&format!("/initiatives/{initiative}/reports")).await;
    assert!(list.contains(&format!("href=\"{final_page}\"")));
    let pdf =
        common::pdf_text(&vera.get(&format!("{final_page}/pdf")).await.bytes().await.expect("pdf")).expect("text");
    for text in ["Slutrapport", "Bilaga 7", "Greta Gran", "Arbetssättet ingår nu"] {
        assert!(pdf.contains(text), "{text} in {pdf}");
    }
    let word =
        part_of(&vera.get(&format!("{final_page}/docx")).await.bytes().await.expect("docx"), "word/document.xml");
    assert!(word.contains("Bilaga 4. Sammanställning av individuella utvärderingar") && word.contains("Greta Gran"));
    assert_eq!(olle.get(&final_page).await.status(), StatusCode::NOT_FOUND);

    // The same through the API: the rounds listed with their kinds and answers, one made for a
    // third event with its open link, a second refused; the narratives read and written.
    let (status, listed) = sara.api_get(&token, &format!("/api/v1/initiatives/{initiative}/evaluations")).await;
    assert_eq!(status, StatusCode::OK);
    let kinds: Vec<(&str, i64)> = listed
        .as_array()
        .expect("rounds")
        .iter()
        .filter_map(|r| Some((r["kind"].as_str()?, r["responses"].as_i64()?)))
        .collect();
    assert_eq!(kinds, [("event", 5), ("event", 2), ("start", 5), ("end", 5)]);
    let (_, third) =
        sara.api_post(&token, &events_path, &json!({"title": "Kursdag tre", "starts_at": "2026-10-05T09:00"})).await;
    let evaluation = format!("/api/v1/events/{}/evaluation", third["id"]);
    let (status, made) = sara.api_post(&token, &evaluation, &json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert!(made["open_link"].as_str().is_some_and(|l| l.contains("/q/")) && made["round_id"].is_i64(), "{made}");
    let (status, again) = sara.api_post(&token, &evaluation, &json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{again}");
    let viewing = vera.api_token("läsa").await;
    let end = format!("/api/v1/initiatives/{initiative}/evaluations/end");
    assert_eq!(vera.api_post(&viewing, &end, &json!({})).await.0, StatusCode::FORBIDDEN);
    assert_eq!(sara.api_post(&token, &end, &json!({})).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let narrative = format!("/api/v1/initiatives/{initiative}/reports/final");
    let (status, words) = vera.api_get(&viewing, &narrative).await;
    assert_eq!((status, words["summary"].as_str()), (StatusCode::OK, Some("Projektet nådde alla kommuner.")));
    let tertial = format!("/api/v1/initiatives/{initiative}/reports/2026-T3");
    let body = json!({"summary": "Hösten gick bra.", "next_period": "Slutrapporten."});
    assert_eq!(sara.api_send(reqwest::Method::PUT, &token, &tertial, Some(&body)).await, StatusCode::NO_CONTENT);
    assert_eq!(vera.api_get(&viewing, &tertial).await.1["summary"], "Hösten gick bra.");
    let (_, page) = vera.page(&format!("/initiatives/{initiative}/reports/2026-T3")).await;
    assert!(page.contains("Hösten gick bra."));
    let bad = json!({"summary": "Klocka\u{7}"});
    assert_eq!(
        sara.api_send(reqwest::Method::PUT, &token, &tertial, Some(&bad)).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let not_a_report = format!("/api/v1/initiatives/{initiative}/reports/2026-T4");
    assert_eq!(vera.api_get(&viewing, &not_a_report).await.0, StatusCode::BAD_REQUEST);
    app.stop().await;
}

/// Outcome-rating episodes of a project: when each ended (none for one still open), its outcome
/// totals in date order, and whether it names the project.
const EPISODES: [(Option<&str>, &[i64], bool); 9] = [
    (Some("2026-04-30"), &[10, 20], true),
    // Exactly the reliable change of five, on the tertial's first day.
    (Some("2026-05-01"), &[10, 15], true),
    (Some("2026-06-15"), &[10, 14], true),
    (Some("2026-07-01"), &[20, 30], true),
    (Some("2026-08-31"), &[30, 22], true),
    // One rating: no change to count.
    (Some("2026-08-20"), &[12], true),
    (Some("2026-08-10"), &[10, 25], true),
    // Improved, but not the project's.
    (Some("2026-08-11"), &[10, 30], false),
    // The project's and improved, but still open.
    (None, &[10, 30], true),
];

#[tokio::test]
async fn episodes_that_name_the_project_give_its_outcome_indicators() {
    let app = TestApp::spawn().await;
    let [sara, _vera, olle] = people(&app).await;
    let boras = number(&app, "SELECT id FROM organisations WHERE name = 'Borås stad'").await;
    let anna = app.logged_in(boras, "anna@boras.se", "Anna Admin", Role::Admin).await;
    let pia = app.logged_in(boras, "pia@boras.se", "Pia Behandlare", Role::Practitioner).await;
    anna.post("/outcomes/units", &[("name", "Vuxenenheten")]).await;
    let unit = number(&app, "SELECT id FROM units").await;
    let pia_id = number(&app, "SELECT id FROM users WHERE email = 'pia@boras.se'").await.to_string();
    anna.post(&format!("/outcomes/units/{unit}/members"), &[("user_id", &pia_id)]).await;
    let (project, coordinating) = funded_project(&sara, "Steget vidare", 1_000_000, 0).await;
    let (foreign, _) = funded_project(&olle, "Annans projekt", 1_000_000, 0).await;
    let token = pia.api_token("journal").await;

    // An episode names one of the organisation's initiatives or none; another's is refused by name.
    let (_, person) =
        pia.api_post(&token, "/api/v1/outcomes/participants", &json!({"code": "X-0", "age_group": "adult"})).await;
    let episodes_of = |id: &serde_json::Value| format!("/api/v1/outcomes/participants/{id}/episodes");
    let refused = json!({"unit_id": unit, "starts_on": "2026-03-02", "initiative_id": foreign});
    let (status, error) = pia.api_post(&token, &episodes_of(&person["id"]), &refused).await;
    assert_eq!(
        (status, error["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("initiative_id")),
        "{error}"
    );
    let page = format!("/outcomes/participants/{}", person["id"]);
    let (_, shown) = pia.page(&page).await;
    assert!(shown.contains("name=\"initiative_id\"") && shown.contains("Steget vidare"), "{shown}");
    assert!(!shown.contains("Annans projekt"));
    let (unit_text, project_text, foreign_text) = (unit.to_string(), project.to_string(), foreign.to_string());
    let form = [("unit_id", unit_text.as_str()), ("starts_on", "2026-03-02"), ("initiative_id", &foreign_text)];
    let (status, shown) = pia.post_page(&format!("{page}/episodes"), &form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains("href=\"#f-initiative_id\""), "the error names the field: {shown}");
    assert_eq!(number(&app, "SELECT COUNT(*) FROM outcome_episodes").await, 0, "nothing written");
    let form = [("unit_id", unit_text.as_str()), ("starts_on", "2026-03-02"), ("initiative_id", &project_text)];
    assert_eq!(pia.post(&format!("{page}/episodes"), &form).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(number(&app, "SELECT initiative_id FROM outcome_episodes").await, project);

    for (n, (ended, totals, named)) in EPISODES.iter().enumerate() {
        let code = json!({"code": format!("X-{}", n + 1), "age_group": "adult"});
        let (_, person) = pia.api_post(&token, "/api/v1/outcomes/participants", &code).await;
        let mut body = json!({"unit_id": unit, "starts_on": "2026-03-02"});
        if *named {
            body["initiative_id"] = json!(project);
        }
        let (status, episode) = pia.api_post(&token, &episodes_of(&person["id"]), &body).await;
        assert_eq!((status, episode["initiative_id"].as_i64()), (StatusCode::CREATED, named.then_some(project)));
        let id = &episode["id"];
        for (total, date) in totals.iter().zip(["2026-03-02", "2026-04-20"]) {
            let session = json!({"date": date, "ors_total": total});
            let (status, _) = pia.api_post(&token, &format!("/api/v1/outcomes/episodes/{id}/sessions"), &session).await;
            assert_eq!(status, StatusCode::CREATED);
        }
        if let Some(ends_on) = ended {
            let closed = pia
                .post(&format!("/outcomes/episodes/{id}/close"), &[("ends_on", ends_on), ("end_reason", "planned")])
                .await;
            assert_eq!(closed.status(), StatusCode::SEE_OTHER);
        }
    }

    // Counted here: an ended episode of the project with two ratings or more counts; it improved
    // when its last total is five or more above its first.
    let ended_in = |period: &str| -> Vec<&[i64]> {
        EPISODES
            .iter()
            .filter(|(ended, totals, named)| *named && totals.len() >= 2 && ended.is_some_and(|d| holds(period, d)))
            .map(|(_, totals, _)| *totals)
            .collect()
    };
    let improved = |period: &str| ended_in(period).iter().filter(|t| t[t.len() - 1] - t[0] >= 5).count() as f64;
    let share = |period: &str| {
        let counted = ended_in(period).len() as f64;
        (counted >= 5.0).then(|| (improved(period) / counted * 1000.0).round() / 10.0)
    };
    let indicator = |name: &str, source: &str, target: f64| json!({"name": name, "target": target, "every": "tertial", "source": source, "direction": "increase"});
    let indicators = format!("/api/v1/initiatives/{project}/indicators");
    let (_, count_id) =
        sara.api_post(&coordinating, &indicators, &indicator("Förbättrade", "outcomes_improved", 3.0)).await;
    let (status, share_id) = sara
        .api_post(&coordinating, &indicators, &indicator("Andel förbättrade", "outcomes_improved_share", 80.0))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{share_id}");
    for period in ["2026-T1", "2026-T2", "2026-T3", "2026"] {
        let (status, figures) =
            sara.api_get(&coordinating, &format!("/api/v1/initiatives/{project}/followup?period={period}")).await;
        assert_eq!(status, StatusCode::OK);
        let value_of = |id: &serde_json::Value| {
            figures["indicators"].as_array().expect("indicators").iter().find(|i| i["id"] == id["id"]).expect("it")
                ["value"]
                .as_f64()
        };
        assert_eq!(value_of(&count_id), Some(improved(period)), "improved in {period}");
        assert_eq!(value_of(&share_id), share(period), "share in {period}");
    }
    assert_eq!(share("2026-T2"), Some(60.0), "the data reach the threshold in the second tertial");

    // The overview judges the tertial last finished: the second's share is off track against 80 %.
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let last_finished = match today.as_str() {
        d if d >= "2027-01-01" => "2026-T3",
        d if d >= "2026-09-01" => "2026-T2",
        _ => "2026-T1",
    };
    let off_track = [(improved(last_finished), 3.0), (share(last_finished).unwrap_or(f64::NAN), 80.0)]
        .iter()
        .filter(|(value, target)| !value.is_nan() && status_for(*value, 0.0, *target) == "off_track")
        .count();
    let (_, overview) = sara.page("/projects").await;
    let cell = format!("<td class=\"number\">{off_track} / 2</td>");
    assert!(overview.contains(&cell), "{cell} in {overview}");
    app.stop().await;
}
