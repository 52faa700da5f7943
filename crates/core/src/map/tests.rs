//! Small networks worked out by hand, every refusal, and properties that hold for any network.

use proptest::prelude::*;

use super::network::{NetworkActor, NetworkAttendance, NetworkMeeting, NetworkNeed, NetworkRating, RawId};
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
