//! Small networks worked out by hand, every refusal, and properties that hold for any network.

use proptest::prelude::*;

use super::network::{NetworkActor, NetworkAttendance, NetworkMeeting, NetworkNeed, NetworkRating, RawId};
use super::suggestions::{AgencyUsefulness, MeetingUsefulness};
use super::*;

fn actor(id: &str, agency: Agency) -> NetworkActor {
    NetworkActor { id: id.into(), name: format!("Aktör {id}"), agency }
}

fn meeting(id: &str, per_year: f64, hours: f64) -> NetworkMeeting {
    NetworkMeeting { id: id.into(), name: format!("Möte {id}"), level: Level::Operational, per_year, hours }
}

fn attends(actor: &str, meeting: &str) -> NetworkAttendance {
    NetworkAttendance { actor: actor.into(), meeting: meeting.into() }
}

fn measured(input: &NetworkInput) -> Measures {
    measures(&input.parse().expect("a valid network")).expect("measures")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

/// a – b – c in two meetings: b is on the only path between a and c.
#[test]
fn a_path_of_three() {
    use Agency::*;
    let input = NetworkInput {
        actors: vec![actor("a", Municipality), actor("b", Region), actor("c", Municipality)],
        meetings: vec![meeting("ab", 12.0, 1.5), meeting("bc", 4.0, 2.0)],
        attendance: vec![attends("a", "ab"), attends("b", "ab"), attends("b", "bc"), attends("c", "bc")],
        ..Default::default()
    };
    let out = measured(&input);
    // E = 2 of 3 possible; degrees 1, 2, 1: (1 + 0 + 1) / (2 · 1) = 1.
    assert!(close(out.network.density, 2.0 / 3.0) && close(out.network.centralization, 1.0));
    assert_eq!(out.network.components, 1);
    let b = &out.actors[1];
    assert_eq!(b.degree, 2);
    // One pair (a, c), through b: 1 · 2 / (2 · 1) = 1.
    assert!(close(b.betweenness, 1.0) && close(out.actors[0].betweenness, 0.0));
    assert!(close(b.hours_per_year, 18.0 + 8.0) && close(b.weighted_degree, 18.0 + 8.0));
    assert!(close(out.actors[0].hours_per_year, 18.0));
    // a and c are both municipal, b regional: a consultant pair.
    assert_eq!(b.brokerage, Brokerage { consultant: 1, ..Default::default() });
    assert!(close(out.meetings[0].person_hours_per_year, 36.0));
}

/// One actor of each role around a broker b, worked out pair by pair.
#[test]
fn every_brokerage_role() {
    use Agency::*;
    // b (municipality) meets a1, a2 (municipality), e1, e2 (employment service) and r (region),
    // each in a meeting of its own; a1 and a2 also meet each other.
    let input = NetworkInput {
        actors: vec![
            actor("b", Municipality),
            actor("a1", Municipality),
            actor("a2", Municipality),
            actor("a3", Municipality),
            actor("e1", EmploymentService),
            actor("e2", EmploymentService),
            actor("r", Region),
        ],
        meetings: ["a1", "a2", "a3", "e1", "e2", "r", "tied"].iter().map(|m| meeting(m, 1.0, 1.0)).collect(),
        attendance: ["a1", "a2", "a3", "e1", "e2", "r"]
            .iter()
            .flat_map(|other| [attends("b", other), attends(other, other)])
            .chain([attends("a1", "tied"), attends("a2", "tied")])
            .collect(),
        ..Default::default()
    };
    let out = measured(&input);
    // Of b's 6 contacts, 15 pairs, one tied (a1–a2). Municipal pairs open: a1–a3, a2–a3 →
    // coordinator 2. e1–e2 → consultant 1. A municipal with a non-municipal: 3 × 3 = 9 boundary.
    // e–r pairs: 2 → liaison 2. 2 + 1 + 9 + 2 = 14 = 15 − 1.
    let expected = Brokerage { coordinator: 2, consultant: 1, boundary: 9, liaison: 2 };
    assert_eq!(out.actors[0].brokerage, expected);
    assert_eq!(expected.total(), 14);
    // a1's contacts are b and a2, tied to each other: no brokerage.
    assert_eq!(out.actors[1].brokerage, Brokerage::default());
}

#[test]
fn a_disconnected_network_with_an_empty_meeting_and_overlaps() {
    use Agency::*;
    let input = NetworkInput {
        actors: ["a", "b", "c", "d", "e", "f"].iter().map(|id| actor(id, Other)).collect(),
        meetings: vec![
            meeting("m1", 10.0, 1.0),
            meeting("m2", 2.0, 3.0),
            meeting("m3", 1.0, 1.0),
            meeting("empty", 1.0, 1.0),
        ],
        // m1 {a, b, c} and m2 {a, b}: Jaccard 2/3; m3 {d, e}: a second group; f: alone.
        attendance: vec![
            attends("a", "m1"),
            attends("b", "m1"),
            attends("c", "m1"),
            attends("a", "m2"),
            attends("b", "m2"),
            attends("d", "m3"),
            attends("e", "m3"),
        ],
        needs: vec![
            NetworkNeed { from: "a".into(), to: "d".into() },
            NetworkNeed { from: "d".into(), to: "a".into() },
            NetworkNeed { from: "a".into(), to: "c".into() },
            NetworkNeed { from: "f".into(), to: "e".into() },
        ],
        ratings: vec![
            NetworkRating { actor: "a".into(), meeting: "m1".into(), useful: 4.0 },
            NetworkRating { actor: "f".into(), meeting: "m1".into(), useful: 1.0 },
            NetworkRating { actor: "b".into(), meeting: "m1".into(), useful: 2.0 },
        ],
    };
    let out = measured(&input);
    assert_eq!(out.network.components, 3, "{{a, b, c}}, {{d, e}}, {{f}}");
    // Ties ab, ac, bc, de: 4 of 15.
    assert!(close(out.network.density, 4.0 / 15.0));
    assert_eq!(out.meetings[0].overlaps.len(), 1);
    assert_eq!(out.meetings[0].overlaps[0].meeting, "m2");
    assert!(close(out.meetings[0].overlaps[0].jaccard, 2.0 / 3.0));
    assert_eq!(out.meetings[1].overlaps[0].meeting, "m1");
    assert!(out.meetings[2].overlaps.is_empty() && out.meetings[3].overlaps.is_empty());
    assert_eq!(out.meetings[3].attendees, 0);
    assert_eq!(out.meetings[0].useful_mean, Some(7.0 / 3.0));
    assert_eq!(out.meetings[1].useful_mean, None);
    // a weighted: m1 with 2 others (10 h each) + m2 with 1 other (6 h) = 26.
    assert!(close(out.actors[0].weighted_degree, 26.0) && close(out.actors[0].hours_per_year, 16.0));
    let unmet: Vec<(&str, &str)> = out.unmet_needs.iter().map(|n| (n.from.as_str(), n.to.as_str())).collect();
    assert_eq!(unmet, [("a", "d"), ("f", "e")], "a–d once, as first stated; a–c is met");
}

#[test]
fn the_heaviest_ties_first() {
    use super::measures::heaviest_ties;
    use Agency::*;
    // a–b share two meetings (12 × 1.5 + 4 × 2 = 26 h), b–c one (8 h), a–c one (8 h).
    let input = NetworkInput {
        actors: vec![actor("a", Municipality), actor("b", Region), actor("c", Other)],
        meetings: vec![meeting("ab", 12.0, 1.5), meeting("abc", 4.0, 2.0)],
        attendance: vec![
            attends("a", "ab"),
            attends("b", "ab"),
            attends("a", "abc"),
            attends("b", "abc"),
            attends("c", "abc"),
        ],
        ..Default::default()
    };
    let ties = heaviest_ties(&input.parse().expect("valid"), 2);
    let found: Vec<(usize, usize, f64)> = ties.iter().map(|t| (t.first, t.second, t.hours_per_year)).collect();
    assert_eq!(found, [(0, 1, 26.0), (0, 2, 8.0)], "the heaviest, then by position, two of three");
}

#[test]
fn an_empty_network_and_a_single_actor() {
    let out = measured(&NetworkInput::default());
    assert_eq!((out.network.actors, out.network.components), (0, 0));
    assert!(close(out.network.density, 0.0));
    let one = NetworkInput { actors: vec![actor("x", Agency::Other)], ..Default::default() };
    let out = measured(&one);
    assert_eq!(out.network.components, 1);
    assert!(close(out.actors[0].betweenness, 0.0));
}

fn refusal(change: impl FnOnce(&mut NetworkInput)) -> String {
    let mut input = NetworkInput {
        actors: vec![actor("a", Agency::Region), actor("b", Agency::Other)],
        meetings: vec![meeting("m", 1.0, 1.0)],
        attendance: vec![attends("a", "m"), attends("b", "m")],
        needs: vec![NetworkNeed { from: "a".into(), to: "b".into() }],
        ratings: vec![NetworkRating { actor: "a".into(), meeting: "m".into(), useful: 3.0 }],
    };
    input.parse().expect("valid before the change");
    change(&mut input);
    input.parse().expect_err("refused").to_string()
}

#[test]
fn every_bad_record_is_named() {
    assert_eq!(refusal(|n| n.attendance[1].actor = "x".into()), "attendance[1]: there is no actor with the id \"x\"");
    assert_eq!(refusal(|n| n.ratings[0].meeting = "q".into()), "ratings[0]: there is no meeting with the id \"q\"");
    assert_eq!(refusal(|n| n.actors[1].id = "a".into()), "actors[1]: the id \"a\" is used twice");
    assert_eq!(refusal(|n| n.meetings[0].per_year = -1.0), "meetings[0]: per_year must be between 0 and 1000");
    assert_eq!(refusal(|n| n.meetings[0].hours = 25.0), "meetings[0]: hours must be between 0 and 24");
    assert_eq!(refusal(|n| n.ratings[0].useful = 5.0), "ratings[0]: useful must be a whole number from 1 to 4");
    assert_eq!(refusal(|n| n.ratings[0].useful = 2.5), "ratings[0]: useful must be a whole number from 1 to 4");
    assert_eq!(
        refusal(|n| n.ratings.push(NetworkRating { actor: "a".into(), meeting: "m".into(), useful: 1.0 })),
        "ratings[1]: actor \"a\" rates meeting \"m\" twice"
    );
    assert_eq!(
        refusal(|n| n.attendance.push(attends("a", "m"))),
        "attendance[2]: actor \"a\" attends meeting \"m\" twice"
    );
    assert_eq!(
        refusal(|n| n.needs[0].to = "a".into()),
        "needs[0]: a need for contact is between two actors, not from \"a\" to itself"
    );
    assert_eq!(refusal(|n| n.actors[0].name = "  ".into()), "actors[0]: the name is empty");
    assert_eq!(refusal(|n| n.meetings[0].id = RawId::Number(1.5)), "meetings[0]: an id must be text or a whole number");
    assert_eq!(refusal(|n| n.actors[0].id = RawId::Text(" ".into())), "actors[0]: the id is empty");
    assert_eq!(
        refusal(|n| n.meetings = (0..5_001).map(|i| meeting(&i.to_string(), 1.0, 1.0)).collect()),
        "meetings: at most 5000 records, not 5001"
    );
}

#[test]
fn number_ids_are_text_ids() {
    let input = NetworkInput {
        actors: vec![NetworkActor { id: RawId::Integer(7), name: "Sju".into(), agency: Agency::Region }],
        meetings: vec![meeting("m", 1.0, 1.0)],
        attendance: vec![NetworkAttendance { actor: RawId::Number(7.0), meeting: "m".into() }],
        ..Default::default()
    };
    assert_eq!(measured(&input).actors[0].id, "7");
}

/// A random network: `actors` actors of random agencies, meetings with random attendees.
fn any_network() -> impl Strategy<Value = NetworkInput> {
    (2usize..30, 1usize..8).prop_flat_map(|(actors, meetings)| {
        (
            proptest::collection::vec(0usize..5, actors),
            proptest::collection::vec(proptest::collection::btree_set(0..actors, 0..actors.min(8)), meetings),
        )
            .prop_map(move |(agencies, attendees)| NetworkInput {
                actors: agencies.iter().enumerate().map(|(i, a)| actor(&i.to_string(), Agency::ALL[*a])).collect(),
                meetings: (0..attendees.len()).map(|m| meeting(&format!("m{m}"), 2.0, 1.5)).collect(),
                attendance: attendees
                    .iter()
                    .enumerate()
                    .flat_map(|(m, set)| set.iter().map(move |a| attends(&a.to_string(), &format!("m{m}"))))
                    .collect(),
                ..Default::default()
            })
    })
}

proptest! {
    /// The store keeps computed figures as JSON: they must read back exactly, every float too.
    #[test]
    fn measures_and_suggestions_read_back_from_json_exactly(input in any_network()) {
        let network = input.parse().expect("valid");
        let out = measures(&network).expect("measures");
        let json = serde_json::to_string(&out).expect("JSON");
        prop_assert_eq!(serde_json::from_str::<Measures>(&json).expect("read back"), out);
        let questions = suggestions(&network);
        let json = serde_json::to_string(&questions).expect("JSON");
        prop_assert_eq!(serde_json::from_str::<Vec<Suggestion>>(&json).expect("read back"), questions);
    }

    #[test]
    fn measures_stay_within_their_ranges(input in any_network()) {
        let out = measured(&input);
        let n = out.network.actors;
        prop_assert!((0.0..=1.0).contains(&out.network.density));
        prop_assert!((0.0..=1.0 + 1e-12).contains(&out.network.centralization));
        prop_assert!(out.network.components >= 1 && out.network.components <= n);
        for actor in &out.actors {
            prop_assert!((0.0..=1.0 + 1e-12).contains(&actor.betweenness));
            // Every pair of b's contacts is either tied or brokered, never both.
            let d = actor.degree as u64;
            prop_assert!(actor.brokerage.total() <= d * d.saturating_sub(1) / 2);
            prop_assert!(actor.weighted_degree >= 0.0);
        }
        for meeting in &out.meetings {
            for overlap in &meeting.overlaps {
                prop_assert!(overlap.jaccard >= 0.5 && overlap.jaccard <= 1.0);
                prop_assert!(overlap.meeting != meeting.id);
            }
        }
    }
}

/// Ties worked out naively from the meetings, as sets: the reference for the properties below.
fn naive_ties(network: &Network) -> Vec<std::collections::BTreeSet<usize>> {
    let mut ties = vec![std::collections::BTreeSet::new(); network.actors.len()];
    for meeting in &network.meetings {
        for &a in &meeting.attendees {
            ties[a].extend(meeting.attendees.iter().copied().filter(|c| *c != a));
        }
    }
    ties
}

/// A centre meeting four others, each in a meeting of its own with it.
#[test]
fn a_star() {
    let input = NetworkInput {
        actors: ["hub", "p", "q", "r", "s"].iter().map(|id| actor(id, Agency::Other)).collect(),
        meetings: ["p", "q", "r", "s"].iter().map(|m| meeting(m, 1.0, 2.0)).collect(),
        attendance: ["p", "q", "r", "s"].iter().flat_map(|leaf| [attends("hub", leaf), attends(leaf, leaf)]).collect(),
        ..Default::default()
    };
    let out = measured(&input);
    // Every one of the 6 pairs of leaves has its one shortest path through the centre: 6 · 2 / (4 · 3).
    assert!(close(out.actors[0].betweenness, 1.0));
    assert!(out.actors[1..].iter().all(|leaf| close(leaf.betweenness, 0.0) && leaf.degree == 1));
    // Degrees 4, 1, 1, 1, 1: 4 · 3 / (4 · 3).
    assert!(close(out.network.centralization, 1.0));
    assert!(close(out.network.density, 4.0 / 10.0));
    assert_eq!((out.actors[0].degree, out.network.components), (4, 1));
    assert!(close(out.actors[0].hours_per_year, 8.0) && close(out.actors[0].weighted_degree, 8.0));
    // All of one agency: the 6 pairs of leaves are coordinator pairs.
    assert_eq!(out.actors[0].brokerage, Brokerage { coordinator: 6, ..Default::default() });
}

/// A complete network has nothing to centralise or broker.
#[test]
fn everyone_in_one_meeting() {
    let input = NetworkInput {
        actors: ["a", "b", "c", "d"].iter().map(|id| actor(id, Agency::Region)).collect(),
        meetings: vec![meeting("all", 10.0, 2.0)],
        attendance: ["a", "b", "c", "d"].iter().map(|a| attends(a, "all")).collect(),
        ..Default::default()
    };
    let out = measured(&input);
    assert!(close(out.network.density, 1.0) && close(out.network.centralization, 0.0));
    assert!(out.actors.iter().all(|a| close(a.betweenness, 0.0) && a.brokerage.total() == 0));
    // 20 hours a year with each of the 3 others.
    assert!(close(out.actors[0].weighted_degree, 60.0) && close(out.meetings[0].person_hours_per_year, 80.0));
}

/// The issue's JSON shapes, key by key: users script against them.
#[test]
fn the_json_shapes() {
    let input: NetworkInput = serde_json::from_value(serde_json::json!({
        "actors": [
            {"id": 7, "name": "Borås stad", "agency": "municipality"},
            {"id": "af", "name": "Arbetsförmedlingen", "agency": "employment_service"},
            {"id": 9.0, "name": "Försäkringskassan", "agency": "social_insurance"}
        ],
        "meetings": [{"id": 1, "name": "Samverkansteam", "level": "operational", "per_year": 12, "hours": 1.5}],
        "attendance": [{"actor": 7, "meeting": 1.0}, {"actor": "af", "meeting": "1"}],
        "needs": [{"from": "9", "to": 7}],
        "ratings": []
    }))
    .expect("the issue's input");
    let out = serde_json::to_value(measured(&input)).expect("JSON");
    assert_eq!(
        out,
        serde_json::json!({
            "network": {"actors": 3, "meetings": 1, "density": 1.0 / 3.0, "centralization": 0.5, "components": 2},
            "actors": [
                {"id": "7", "degree": 1, "hours_per_year": 18.0, "weighted_degree": 18.0, "betweenness": 0.0,
                 "brokerage": {"coordinator": 0, "consultant": 0, "boundary": 0, "liaison": 0}},
                {"id": "af", "degree": 1, "hours_per_year": 18.0, "weighted_degree": 18.0, "betweenness": 0.0,
                 "brokerage": {"coordinator": 0, "consultant": 0, "boundary": 0, "liaison": 0}},
                {"id": "9", "degree": 0, "hours_per_year": 0.0, "weighted_degree": 0.0, "betweenness": 0.0,
                 "brokerage": {"coordinator": 0, "consultant": 0, "boundary": 0, "liaison": 0}}
            ],
            "meetings": [{"id": "1", "attendees": 2, "person_hours_per_year": 36.0, "useful_mean": null, "overlaps": []}],
            "unmet_needs": [{"from": "9", "to": "7"}]
        })
    );
}

#[test]
fn input_outside_the_shape_is_refused_when_read() {
    let read =
        |value: serde_json::Value| serde_json::from_value::<NetworkInput>(value).map(|_| ()).map_err(|e| e.to_string());
    let one_actor = |actor: serde_json::Value| serde_json::json!({"actors": [actor]});
    assert!(read(one_actor(serde_json::json!({"id": "a", "name": "A", "agency": "region"}))).is_ok());
    let unknown_agency = read(one_actor(serde_json::json!({"id": "a", "name": "A", "agency": "county"})));
    assert!(unknown_agency.expect_err("refused").contains("unknown variant `county`"));
    let extra = read(one_actor(serde_json::json!({"id": "a", "name": "A", "agency": "region", "email": "x"})));
    assert!(extra.expect_err("refused").contains("unknown field `email`"));
    let no_level = read(serde_json::json!({"meetings": [{"id": "m", "name": "M", "per_year": 1, "hours": 1}]}));
    assert!(no_level.expect_err("refused").contains("missing field `level`"));
    let no_name = read(one_actor(serde_json::json!({"id": "a", "agency": "region"})));
    assert!(no_name.expect_err("refused").contains("missing field `name`"));
    assert!(read(serde_json::json!({"actors": [], "groups": []})).is_err());
}

#[test]
fn more_actors_than_a_map_takes() {
    let input = NetworkInput {
        actors: (0..10_001).map(|i| actor(&i.to_string(), Agency::Other)).collect(),
        ..Default::default()
    };
    assert_eq!(input.parse().expect_err("refused").to_string(), "actors: at most 10000 records, not 10001");
}

#[test]
fn usefulness_per_agency_of_the_rating_actor() {
    use Agency::*;
    let input = NetworkInput {
        actors: vec![actor("k1", Municipality), actor("k2", Municipality), actor("af", EmploymentService)],
        meetings: vec![meeting("m", 12.0, 2.0), meeting("unrated", 1.0, 1.0)],
        attendance: vec![attends("k1", "m"), attends("af", "m")],
        ratings: vec![
            NetworkRating { actor: "af".into(), meeting: "m".into(), useful: 1.0 },
            NetworkRating { actor: "k1".into(), meeting: "m".into(), useful: 4.0 },
            // k2 does not attend, and its rating still counts for the municipality.
            NetworkRating { actor: "k2".into(), meeting: "m".into(), useful: 3.0 },
        ],
        ..Default::default()
    };
    let usefulness = usefulness_by_agency(&input.parse().expect("valid"));
    assert_eq!(
        usefulness,
        [
            MeetingUsefulness {
                id: "m".into(),
                by_agency: vec![
                    AgencyUsefulness { agency: Municipality, ratings: 2, mean: 3.5 },
                    AgencyUsefulness { agency: EmploymentService, ratings: 1, mean: 1.0 },
                ],
            },
            MeetingUsefulness { id: "unrated".into(), by_agency: Vec::new() },
        ]
    );
}

fn suggested(input: &NetworkInput) -> Vec<Suggestion> {
    suggestions(&input.parse().expect("a valid network"))
}

fn rating(actor: &str, meeting: &str, useful: f64) -> NetworkRating {
    NetworkRating { actor: actor.into(), meeting: meeting.into(), useful }
}

#[test]
fn overlapping_meetings_with_a_low_rating_are_merge_candidates() {
    let input = NetworkInput {
        actors: ["a", "b", "c", "d"].iter().map(|id| actor(id, Agency::Other)).collect(),
        meetings: ["m1", "m2", "m3", "m4"].iter().map(|m| meeting(m, 1.0, 1.0)).collect(),
        // m1 {a, b, c}, m2 {a, b}: 2/3. m3 {a, b, c} too, m4 {d}: alone.
        attendance: vec![
            attends("a", "m1"),
            attends("b", "m1"),
            attends("c", "m1"),
            attends("a", "m2"),
            attends("b", "m2"),
            attends("a", "m3"),
            attends("b", "m3"),
            attends("c", "m3"),
            attends("d", "m4"),
        ],
        // m2 low (2.0); m1 at 2.5 is not below; m3 unrated; m4 low but overlaps nothing.
        ratings: vec![rating("a", "m1", 2.0), rating("b", "m1", 3.0), rating("a", "m2", 2.0), rating("d", "m4", 1.0)],
        ..Default::default()
    };
    let found = suggested(&input);
    let merges: Vec<&Suggestion> = found.iter().filter(|s| s.key() == "merge_meetings").collect();
    // m1–m3 overlap fully, but neither is low: no question.
    assert_eq!(
        merges,
        [
            &Suggestion::MergeMeetings {
                first: "m1".into(),
                second: "m2".into(),
                jaccard: 2.0 / 3.0,
                first_useful_mean: Some(2.5),
                second_useful_mean: Some(2.0),
            },
            &Suggestion::MergeMeetings {
                first: "m2".into(),
                second: "m3".into(),
                jaccard: 2.0 / 3.0,
                first_useful_mean: Some(2.0),
                second_useful_mean: None,
            },
        ]
    );
    assert_eq!(found.len(), 2, "one agency: no bridges, no missing meetings");
}

#[test]
fn the_only_bridge_between_two_agencies() {
    use Agency::*;
    let input = NetworkInput {
        actors: vec![
            actor("k1", Municipality),
            actor("k2", Municipality),
            actor("af1", EmploymentService),
            actor("af2", EmploymentService),
            actor("r", Region),
        ],
        meetings: vec![meeting("kommun", 1.0, 1.0), meeting("af", 1.0, 1.0), meeting("region", 1.0, 1.0)],
        // k1 alone meets the employment service (af1, af2); af2 alone meets the region (r).
        attendance: vec![
            attends("k1", "kommun"),
            attends("k2", "kommun"),
            attends("k1", "af"),
            attends("af1", "af"),
            attends("af2", "af"),
            attends("af2", "region"),
            attends("r", "region"),
        ],
        ..Default::default()
    };
    let bridges: Vec<(String, Agency, Agency)> = suggested(&input)
        .into_iter()
        .filter_map(|s| match s {
            Suggestion::OnlyBridge { actor, agency, other } => Some((actor, agency, other)),
            _ => None,
        })
        .collect();
    // k1 carries both municipality–employment service ties; af1 and af2 are not alone on their
    // side. The one employment service–region tie has af2 and r at its ends.
    assert_eq!(
        bridges,
        [
            ("k1".to_owned(), Municipality, EmploymentService),
            ("af2".to_owned(), EmploymentService, Region),
            ("r".to_owned(), Region, EmploymentService),
        ]
    );
}

#[test]
fn agencies_with_a_need_and_no_meeting_miss_one() {
    use Agency::*;
    let input = NetworkInput {
        actors: vec![
            actor("k1", Municipality),
            actor("k2", Municipality),
            actor("fk", SocialInsurance),
            actor("af", EmploymentService),
            actor("r", Region),
        ],
        meetings: vec![meeting("m", 1.0, 1.0)],
        // The municipality and the employment service meet; nobody meets the others.
        attendance: vec![attends("k2", "m"), attends("af", "m")],
        needs: vec![
            NetworkNeed { from: "fk".into(), to: "k1".into() },
            NetworkNeed { from: "k1".into(), to: "af".into() },
            NetworkNeed { from: "k1".into(), to: "fk".into() },
            NetworkNeed { from: "k2".into(), to: "fk".into() },
            NetworkNeed { from: "k1".into(), to: "k2".into() },
            NetworkNeed { from: "r".into(), to: "af".into() },
        ],
        ..Default::default()
    };
    // fk–k1 stated both ways is one pair, k2–fk a second; k1–af: the agencies do meet (k2 and af),
    // though k1 and af do not; k1–k2: one agency.
    let missing: Vec<Suggestion> = suggested(&input).into_iter().filter(|s| s.key() == "missing_meeting").collect();
    assert_eq!(
        missing,
        [
            Suggestion::MissingMeeting { first: SocialInsurance, second: Municipality, needs: 2 },
            Suggestion::MissingMeeting { first: Region, second: EmploymentService, needs: 1 },
        ]
    );
    let json = serde_json::to_value(&missing[1]).expect("JSON");
    assert_eq!(
        json,
        serde_json::json!({"kind": "missing_meeting", "first": "region", "second": "employment_service", "needs": 1})
    );
}

proptest! {
    /// The fast counts against the naive sets: degrees, ties, every pair of an actor's contacts
    /// either tied or brokered, and each only bridge really the only one.
    #[test]
    fn measures_agree_with_naive_counts(input in any_network()) {
        let network = input.parse().expect("valid");
        let out = measures(&network).expect("measures");
        let ties = naive_ties(&network);
        let n = ties.len() as f64;
        let edges = ties.iter().map(|t| t.len()).sum::<usize>() as f64 / 2.0;
        prop_assert!((out.network.density - 2.0 * edges / (n * (n - 1.0))).abs() < 1e-12);
        for (b, actor) in out.actors.iter().enumerate() {
            prop_assert_eq!(actor.degree, ties[b].len());
            let contacts: Vec<usize> = ties[b].iter().copied().collect();
            let mut open = 0u64;
            for (i, a) in contacts.iter().enumerate() {
                open += contacts[i + 1..].iter().filter(|c| !ties[*a].contains(c)).count() as u64;
            }
            prop_assert_eq!(actor.brokerage.total(), open);
        }
        // Naively: b of x is the only bridge to y when it is tied to y and no other actor of x is.
        let agency = |a: usize| network.actors[a].agency;
        let tied_to = |a: usize, y: Agency| ties[a].iter().any(|c| agency(*c) == y);
        let mut expected = Vec::new();
        for b in 0..ties.len() {
            for &y in Agency::ALL.iter().filter(|y| **y != agency(b) && tied_to(b, **y)) {
                if !(0..ties.len()).any(|a| a != b && agency(a) == agency(b) && tied_to(a, y)) {
                    expected.push((network.actors[b].id.clone(), agency(b), y));
                }
            }
        }
        let reported: Vec<(String, Agency, Agency)> = suggestions(&network)
            .into_iter()
            .filter_map(|s| match s {
                Suggestion::OnlyBridge { actor, agency, other } => Some((actor, agency, other)),
                _ => None,
            })
            .collect();
        prop_assert_eq!(reported, expected);
    }
}
