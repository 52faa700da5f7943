//! The cooperation map's measures from the command line and over the API, checked against an
//! independent computation: `tests/independent/map_measures.py` computes every measure with
//! networkx straight from the definitions, on pseudo-random networks of several sizes,
//! and small networks are worked out by hand here. Without Python and networkx the comparison
//! is skipped, unless `PARAT_REQUIRE_NETWORKX=1` (as CI sets it), when it fails.

use crate::common;

use std::process::{Command, Stdio};

use common::{TempDir, TestApp};
use parat_core::organisation::{OrgKind, Role};
use reqwest::StatusCode;
use serde_json::{json, Value};

const AGENCIES: [&str; 5] = ["municipality", "employment_service", "social_insurance", "region", "other"];
const LEVELS: [&str; 3] = ["strategic", "tactical", "operational"];

/// A small deterministic generator (xorshift), so that every run checks the same networks.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A network of `actors` and `meetings` with about `rows` attendance rows, some actors in no
/// meeting, ids both as numbers and as text, fractional frequencies and hours, needs (some met,
/// some stated both ways) and ratings (some meetings unrated).
fn network(seed: u64, actors: usize, meetings: usize, rows: usize) -> Value {
    let mut random = Random(seed);
    let actor_id = |i: usize| if i.is_multiple_of(3) { json!(i + 1) } else { json!(format!("a{}", i + 1)) };
    let actor_list: Vec<Value> = (0..actors)
        .map(|i| json!({"id": actor_id(i), "name": format!("Aktör {}", i + 1), "agency": AGENCIES[(i * 7 + seed as usize) % 5]}))
        .collect();
    let meeting_list: Vec<Value> = (0..meetings)
        .map(|m| {
            let per_year = [12.0, 4.0, 52.0, 0.5, 26.0, 0.0][m % 6];
            let hours = [1.5, 2.0, 0.75, 3.0][m % 4];
            json!({"id": format!("m{}", m + 1), "name": format!("Möte {}", m + 1), "level": LEVELS[m % 3],
                   "per_year": per_year, "hours": hours})
        })
        .collect();
    // The last tenth of the actors attend nothing, so that there are several components.
    let attending = (actors * 9 / 10).max(2);
    let mut pairs = std::collections::BTreeSet::new();
    for _ in 0..rows {
        // Smaller meetings are likelier: the first meetings get most rows, as in a real map.
        let meeting = random.below(meetings).min(random.below(meetings));
        pairs.insert((random.below(attending), meeting));
    }
    let attendance: Vec<Value> =
        pairs.iter().map(|(a, m)| json!({"actor": actor_id(*a), "meeting": format!("m{}", m + 1)})).collect();
    let needs: Vec<Value> = (0..actors / 2)
        .map(|_| {
            let from = random.below(actors);
            let to = (from + 1 + random.below(actors - 1)) % actors;
            json!({"from": actor_id(from), "to": actor_id(to)})
        })
        .chain(std::iter::once(json!({"from": actor_id(1), "to": actor_id(0)})))
        .chain(std::iter::once(json!({"from": actor_id(0), "to": actor_id(1)})))
        .collect();
    let ratings: Vec<Value> = pairs
        .iter()
        .filter(|(_, m)| m % 5 != 4)
        .filter_map(|(a, m)| {
            let useful = random.below(6);
            (useful < 4).then(|| json!({"actor": actor_id(*a), "meeting": format!("m{}", m + 1), "useful": 1 + useful}))
        })
        .collect();
    json!({"actors": actor_list, "meetings": meeting_list, "attendance": attendance, "needs": needs, "ratings": ratings})
}

/// `parat map measures FILE`: success, standard output, standard error.
fn cli_measures(input: &Value) -> (bool, String, String) {
    let dir = TempDir::new();
    let file = dir.path.join("map.json");
    std::fs::write(&file, input.to_string()).expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_parat"))
        .args(["map", "measures", file.to_str().expect("utf-8")])
        .stdin(Stdio::null())
        .output()
        .expect("parat runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into(),
        String::from_utf8_lossy(&output.stderr).into(),
    )
}

fn measured(input: &Value) -> Value {
    let (ok, stdout, stderr) = cli_measures(input);
    assert!(ok, "{stderr}");
    serde_json::from_str(&stdout).expect("JSON out")
}

/// The independent computation, or `None` when Python or networkx is missing (and not required).
fn independent(input: &Value) -> Option<Value> {
    common::independent("map_measures.py", input, Some("networkx"), "PARAT_REQUIRE_NETWORKX")
}

/// Two numbers equal up to floating-point summation order.
fn close(ours: &Value, theirs: &Value, what: &str) {
    match (ours.as_f64(), theirs.as_f64()) {
        (Some(a), Some(b)) => assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{what}: {a} ≠ {b}"),
        _ => assert_eq!(ours, theirs, "{what}"),
    }
}

/// Every field of the two outputs, numbers up to rounding, everything else exactly.
fn same_measures(ours: &Value, theirs: &Value) {
    for field in ["actors", "meetings", "density", "centralization", "components"] {
        close(&ours["network"][field], &theirs["network"][field], &format!("network.{field}"));
    }
    let (our_actors, their_actors) =
        (ours["actors"].as_array().expect("actors"), theirs["actors"].as_array().expect("actors"));
    assert_eq!(our_actors.len(), their_actors.len());
    for (a, b) in our_actors.iter().zip(their_actors) {
        assert_eq!(a["id"], b["id"]);
        for field in ["degree", "hours_per_year", "weighted_degree", "betweenness"] {
            close(&a[field], &b[field], &format!("actor {}: {field}", a["id"]));
        }
        assert_eq!(a["brokerage"], b["brokerage"], "actor {}: brokerage", a["id"]);
    }
    let (our_meetings, their_meetings) =
        (ours["meetings"].as_array().expect("meetings"), theirs["meetings"].as_array().expect("meetings"));
    assert_eq!(our_meetings.len(), their_meetings.len());
    for (a, b) in our_meetings.iter().zip(their_meetings) {
        assert_eq!(a["id"], b["id"]);
        for field in ["attendees", "person_hours_per_year", "useful_mean"] {
            close(&a[field], &b[field], &format!("meeting {}: {field}", a["id"]));
        }
        let (x, y) = (a["overlaps"].as_array().expect("overlaps"), b["overlaps"].as_array().expect("overlaps"));
        assert_eq!(x.len(), y.len(), "meeting {}: overlaps {x:?} ≠ {y:?}", a["id"]);
        for (p, q) in x.iter().zip(y) {
            assert_eq!(p["meeting"], q["meeting"]);
            close(&p["jaccard"], &q["jaccard"], &format!("meeting {}: jaccard", a["id"]));
        }
    }
    assert_eq!(ours["unmet_needs"], theirs["unmet_needs"]);
}

#[test]
fn measures_agree_with_networkx_on_networks_of_several_sizes() {
    for (seed, actors, meetings, rows) in
        [(7, 8, 4, 12), (11, 20, 8, 45), (23, 40, 15, 120), (42, 80, 30, 300), (99, 120, 40, 500)]
    {
        let input = network(seed, actors, meetings, rows);
        let ours = measured(&input);
        let Some(theirs) = independent(&input) else { return };
        same_measures(&ours, &theirs);
        // Not a comparison of two empty lists: these networks have ties, brokers and overlaps.
        let brokered: u64 = ours["actors"]
            .as_array()
            .expect("actors")
            .iter()
            .map(|a| a["brokerage"].as_object().expect("roles").values().filter_map(Value::as_u64).sum::<u64>())
            .sum();
        assert!(brokered > 0 && ours["network"]["density"].as_f64() > Some(0.0), "seed {seed}");
    }
}

/// A star: one actor meets each of four others in a meeting of its own (one a year, two hours),
/// and two of the others also share a meeting. Worked out by hand.
fn star() -> Value {
    json!({
        "actors": [
            {"id": "hub", "name": "Samordnare", "agency": "municipality"},
            {"id": "af", "name": "Arbetsförmedlingen", "agency": "employment_service"},
            {"id": "fk", "name": "Försäkringskassan", "agency": "social_insurance"},
            {"id": "vc", "name": "Vårdcentralen", "agency": "region"},
            {"id": "soc", "name": "Socialtjänsten", "agency": "municipality"},
            {"id": 6, "name": "Ensam", "agency": "other"}
        ],
        "meetings": [
            {"id": "m1", "name": "Hub–AF", "level": "operational", "per_year": 1, "hours": 2},
            {"id": "m2", "name": "Hub–FK", "level": "operational", "per_year": 1, "hours": 2},
            {"id": "m3", "name": "Hub–VC", "level": "tactical", "per_year": 1, "hours": 2},
            {"id": "m4", "name": "Hub–Soc", "level": "strategic", "per_year": 1, "hours": 2}
        ],
        "attendance": [
            {"actor": "hub", "meeting": "m1"}, {"actor": "af", "meeting": "m1"},
            {"actor": "hub", "meeting": "m2"}, {"actor": "fk", "meeting": "m2"},
            {"actor": "hub", "meeting": "m3"}, {"actor": "vc", "meeting": "m3"},
            {"actor": "hub", "meeting": "m4"}, {"actor": "soc", "meeting": "m4"}
        ],
        "needs": [{"from": "af", "to": "fk"}, {"from": "fk", "to": "af"}, {"from": "af", "to": "hub"}],
        "ratings": [{"actor": "af", "meeting": "m1", "useful": 4}, {"actor": "hub", "meeting": "m1", "useful": 1}]
    })
}

#[test]
fn a_star_with_an_isolated_actor_worked_out_by_hand() {
    let output = measured(&star());
    // n = 6, E = 4: density 8 / 30; degrees 4,1,1,1,1,0 so centralisation
    // ((4-1)·4 + 4) / (5·4) = 16 / 20; two components (the star and the lone actor).
    assert_eq!(output["network"]["actors"], 6);
    assert_eq!(output["network"]["meetings"], 4);
    close(&output["network"]["density"], &json!(8.0 / 30.0), "density");
    close(&output["network"]["centralization"], &json!(0.8), "centralisation");
    assert_eq!(output["network"]["components"], 2);
    let hub = &output["actors"][0];
    assert_eq!((hub["id"].as_str(), hub["degree"].as_u64()), (Some("hub"), Some(4)));
    // The hub is on all C(4,2) = 6 shortest paths between the leaves: 6 · 2 / (5 · 4) = 0.6.
    close(&hub["betweenness"], &json!(0.6), "hub betweenness");
    close(&hub["hours_per_year"], &json!(8.0), "hub hours");
    close(&hub["weighted_degree"], &json!(8.0), "hub weighted degree");
    // Its six unconnected pairs: soc (municipality, like the hub) with each of af, fk, vc is a
    // boundary pair (three); af–fk, af–vc, fk–vc are all of other agencies than each other and
    // the hub: liaison (three).
    assert_eq!(hub["brokerage"], json!({"coordinator": 0, "consultant": 0, "boundary": 3, "liaison": 3}));
    let lone = &output["actors"][5];
    assert_eq!((lone["id"].as_str(), lone["degree"].as_u64()), (Some("6"), Some(0)), "a number id is echoed as text");
    assert_eq!(lone["betweenness"], 0.0);
    let m1 = &output["meetings"][0];
    assert_eq!(m1["attendees"], 2);
    close(&m1["person_hours_per_year"], &json!(4.0), "m1 person-hours");
    close(&m1["useful_mean"], &json!(2.5), "m1 usefulness");
    assert_eq!(output["meetings"][1]["useful_mean"], Value::Null, "no ratings, no mean");
    // The four meetings share only the hub: Jaccard 1/3, below 0.5.
    assert_eq!(m1["overlaps"], json!([]));
    // af and fk share no meeting (stated twice, reported once); af and the hub do.
    assert_eq!(output["unmet_needs"], json!([{"from": "af", "to": "fk"}]));
    if let Some(theirs) = independent(&star()) {
        same_measures(&output, &theirs);
    }
}

#[test]
fn bad_input_names_the_record_and_exits_non_zero() {
    type Breakage = Box<dyn Fn(&mut Value)>;
    let cases: [(&str, Breakage, &str); 6] = [
        ("an unknown actor", Box::new(|v| v["attendance"][2]["actor"] = json!("x")), "attendance[2]"),
        ("an unknown meeting", Box::new(|v| v["ratings"][0]["meeting"] = json!("m9")), "ratings[0]"),
        ("a duplicate id", Box::new(|v| v["actors"][3]["id"] = json!("af")), "actors[3]"),
        ("a negative frequency", Box::new(|v| v["meetings"][1]["per_year"] = json!(-2)), "meetings[1]"),
        ("a rating off the scale", Box::new(|v| v["ratings"][1]["useful"] = json!(5)), "ratings[1]"),
        ("a need for an unknown actor", Box::new(|v| v["needs"][2]["to"] = json!("nobody")), "needs[2]"),
    ];
    for (what, break_it, named) in cases {
        let mut input = star();
        break_it(&mut input);
        let (ok, stdout, stderr) = cli_measures(&input);
        assert!(!ok, "{what} is refused");
        assert!(stdout.is_empty(), "{what}: nothing on standard output");
        assert!(stderr.contains(named), "{what}: {stderr}");
    }
    let (ok, _, stderr) = cli_measures(&json!({"actors": "none"}));
    assert!(!ok && !stderr.is_empty());
}

#[tokio::test]
async fn the_api_gives_the_command_lines_answer_and_refuses_bad_networks() {
    let app = TestApp::spawn().await;
    let org = app.organisation("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None).await;
    let coordinator = app.logged_in(org, "sara@sjuharad.se", "Sara Samordnare", Role::Coordinator).await;
    let token = coordinator.api_token("map").await;
    let url = app.url("/api/v1/maps/measures");
    let client = reqwest::Client::new();
    for input in [star(), network(5, 60, 20, 200)] {
        let response = client.post(&url).bearer_auth(&token).json(&input).send().await.expect("request");
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(body, measured(&input), "the API and the command line give the same answer");
    }
    let mut bad = star();
    bad["attendance"][2]["actor"] = json!("x");
    let response = client.post(&url).bearer_auth(&token).json(&bad).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.expect("body").contains("attendance[2]"));
    let response = client.post(&url).json(&star()).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    // A national map is larger than other API bodies may be (256 KiB): this route takes it.
    let large = network(3, 1500, 400, 12_000);
    assert!(large.to_string().len() > 256 * 1024, "{} bytes", large.to_string().len());
    let response = client.post(&url).bearer_auth(&token).json(&large).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    app.stop().await;
}

/// A map kept in Parat, read through the API: its actors, meetings with attendance and needs
/// as stored, and measures equal to the command line's for the same network; another
/// organisation's map is not found.
#[tokio::test]
async fn a_stored_map_reads_through_the_api_with_its_measures() {
    use parat_core::map::inventory::{ActorInput, AttendanceInput, MapInput, MeetingInput, NeedInput, Source};
    use parat_store::map;
    let app = TestApp::spawn().await;
    let org = app.organisation("Samordningsförbundet Sjuhärad", OrgKind::CoordinationAssociation, None).await;
    let other = app.organisation("Lerums kommun", OrgKind::Municipality, None).await;
    let viewer = app.logged_in(org, "sven@sjuharad.se", "Sven Styrgrupp", Role::Viewer).await;
    let outsider = app.logged_in(other, "ida@lerum.se", "Ida", Role::Admin).await;
    let scope = app.admin_scope(org).await;
    let draft = MapInput {
        name: "Unga vuxna".into(),
        target_group: "Unga vuxna utan egen försörjning".into(),
        ..Default::default()
    };
    let made = map::create(&app.db, &scope, &draft.parse().expect("valid")).await.expect("map");
    let mut actors = Vec::new();
    for (organisation, agency) in [
        ("Borås stad", "municipality"),
        ("Arbetsförmedlingen", "employment_service"),
        ("Försäkringskassan", "social_insurance"),
    ] {
        let actor = ActorInput { organisation: organisation.into(), agency: agency.into(), ..Default::default() };
        actors.push(map::create_actor(&app.db, &scope, &made, &actor.parse().expect("valid")).await.expect("actor"));
    }
    let meeting = MeetingInput {
        name: "Samverkansteam".into(),
        level: "operational".into(),
        per_year: "10".into(),
        hours: "2".into(),
        ..Default::default()
    };
    let team = map::create_meeting(&app.db, &scope, &made, &meeting.parse().expect("valid"), Source::Entry)
        .await
        .expect("meeting");
    for (actor, role) in [(actors[0], "chair"), (actors[1], "member")] {
        let attends = AttendanceInput { actor_id: actor.to_string(), role: role.into() };
        map::set_attendance(&app.db, &scope, &made, team, &attends.parse().expect("valid"), Source::Entry)
            .await
            .expect("attends");
    }
    let need = NeedInput {
        from_actor_id: actors[1].to_string(),
        to_actor_id: actors[2].to_string(),
        about: "Sjukskrivna".into(),
    };
    map::add_need(&app.db, &scope, &made, &need.parse().expect("valid"), Source::Entry).await.expect("need");

    let token = viewer.api_token("map").await;
    let (status, list) = viewer.api_get(&token, "/api/v1/maps").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (list[0]["id"].as_i64(), list[0]["actors"].as_i64(), list[0]["meetings"].as_i64()),
        (Some(made.id), Some(3), Some(1))
    );
    let (status, body) = viewer.api_get(&token, &format!("/api/v1/maps/{}", made.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["actors"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        body["meetings"][0]["attendance"],
        json!([
            {"actor_id": actors[0], "role": "chair", "source": "entry"},
            {"actor_id": actors[1], "role": "member", "source": "entry"}
        ])
    );
    assert_eq!(body["needs"][0]["about"], "Sjukskrivna");
    // The same network through the command line gives the same measures (actors in the map's
    // order: by name).
    let network = json!({
        "actors": body["actors"].as_array().expect("actors").iter()
            .map(|a| json!({"id": a["id"], "name": "x", "agency": a["agency"]})).collect::<Vec<_>>(),
        "meetings": [{"id": team, "name": "Samverkansteam", "level": "operational", "per_year": 10, "hours": 2}],
        "attendance": [{"actor": actors[0], "meeting": team}, {"actor": actors[1], "meeting": team}],
        "needs": [{"from": actors[1], "to": actors[2]}],
    });
    assert_eq!(body["measures"], measured(&network));
    assert_eq!(body["measures"]["network"]["components"], 2, "the social insurance office meets nobody");
    assert_eq!(body["measures"]["unmet_needs"][0]["to"], actors[2].to_string());

    let outsiders_token = outsider.api_token("map").await;
    let (status, _) = outsider.api_get(&outsiders_token, &format!("/api/v1/maps/{}", made.id)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, theirs) = outsider.api_get(&outsiders_token, "/api/v1/maps").await;
    assert_eq!(theirs, json!([]));
    app.stop().await;
}
