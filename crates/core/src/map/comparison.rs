//! Two waves of a map side by side: the meetings added and removed, and how the measures moved.
//! A meeting of the new wave is the same meeting as the earlier one it was copied from, or
//! failing that one of the same name; an actor is the same actor (actors are the
//! organisation's, shared by its maps).

use std::collections::{HashMap, HashSet};

use super::measures::{Measures, NetworkMeasures};

/// A meeting as the comparison needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct WaveMeeting {
    pub id: i64,
    pub name: String,
    /// The earlier wave's meeting this one was copied from.
    pub copied_from: Option<i64>,
}

/// A figure before and after.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub before: f64,
    pub after: f64,
}

impl Change {
    pub fn delta(&self) -> f64 {
        self.after - self.before
    }
}

/// A meeting in both waves, with its attendees and person-hours before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptMeeting {
    pub before_id: i64,
    pub after_id: i64,
    pub name: String,
    pub attendees: Change,
    pub person_hours: Change,
}

/// An actor in both waves.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorChange {
    pub id: String,
    pub degree: Change,
    pub betweenness: Change,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Meetings of the new wave without a match in the earlier one.
    pub added: Vec<WaveMeeting>,
    /// Meetings of the earlier wave without a match in the new one.
    pub removed: Vec<WaveMeeting>,
    pub kept: Vec<KeptMeeting>,
    /// Actors, meetings, density, centralisation and components.
    pub network: [(&'static str, Change); 5],
    /// Actors in both waves whose degree or betweenness changed.
    pub actors: Vec<ActorChange>,
}

fn network_figures(n: &NetworkMeasures) -> [(&'static str, f64); 5] {
    [
        ("actors", n.actors as f64),
        ("meetings", n.meetings as f64),
        ("density", n.density),
        ("centralization", n.centralization),
        ("components", n.components as f64),
    ]
}

/// Compares an earlier wave (`before`) with a later one (`after`), each with its meetings in
/// the order its measures were computed.
pub fn compare(
    (before_meetings, before): (&[WaveMeeting], &Measures),
    (after_meetings, after): (&[WaveMeeting], &Measures),
) -> Comparison {
    let by_id: HashMap<i64, &WaveMeeting> = before_meetings.iter().map(|m| (m.id, m)).collect();
    let mut matched: HashMap<i64, i64> = HashMap::new(); // after id → before id
    let mut used: HashSet<i64> = HashSet::new();
    for meeting in after_meetings {
        if let Some(from) = meeting.copied_from.filter(|id| by_id.contains_key(id) && !used.contains(id)) {
            matched.insert(meeting.id, from);
            used.insert(from);
        }
    }
    for meeting in after_meetings {
        if matched.contains_key(&meeting.id) {
            continue;
        }
        let same_name = before_meetings
            .iter()
            .find(|b| !used.contains(&b.id) && b.name.trim().eq_ignore_ascii_case(meeting.name.trim()));
        if let Some(found) = same_name {
            matched.insert(meeting.id, found.id);
            used.insert(found.id);
        }
    }
    let meeting_figures = |measures: &Measures, id: i64| {
        measures
            .meetings
            .iter()
            .find(|m| m.id == id.to_string())
            .map_or((0.0, 0.0), |m| (m.attendees as f64, m.person_hours_per_year))
    };
    let kept = after_meetings
        .iter()
        .filter_map(|m| {
            let before_id = *matched.get(&m.id)?;
            let (was_attendees, was_hours) = meeting_figures(before, before_id);
            let (attendees, hours) = meeting_figures(after, m.id);
            Some(KeptMeeting {
                before_id,
                after_id: m.id,
                name: m.name.clone(),
                attendees: Change { before: was_attendees, after: attendees },
                person_hours: Change { before: was_hours, after: hours },
            })
        })
        .collect();
    let was = network_figures(&before.network);
    let now = network_figures(&after.network);
    let network = std::array::from_fn(|i| (was[i].0, Change { before: was[i].1, after: now[i].1 }));
    let earlier: HashMap<&str, _> = before.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    let actors = after
        .actors
        .iter()
        .filter_map(|a| {
            let was = earlier.get(a.id.as_str())?;
            let change = ActorChange {
                id: a.id.clone(),
                degree: Change { before: was.degree as f64, after: a.degree as f64 },
                betweenness: Change { before: was.betweenness, after: a.betweenness },
            };
            (change.degree.delta() != 0.0 || change.betweenness.delta().abs() > 1e-12).then_some(change)
        })
        .collect();
    Comparison {
        added: after_meetings.iter().filter(|m| !matched.contains_key(&m.id)).cloned().collect(),
        removed: before_meetings.iter().filter(|m| !used.contains(&m.id)).cloned().collect(),
        kept,
        network,
        actors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::network::{NetworkActor, NetworkAttendance, NetworkInput, NetworkMeeting, RawId};
    use crate::map::{measures, Agency, Level};

    fn measured(meetings: &[(i64, f64, f64)], attendance: &[(i64, i64)], actors: &[i64]) -> Measures {
        let input = NetworkInput {
            actors: actors
                .iter()
                .map(|id| NetworkActor { id: RawId::Integer(*id), name: format!("a{id}"), agency: Agency::Other })
                .collect(),
            meetings: meetings
                .iter()
                .map(|(id, per_year, hours)| NetworkMeeting {
                    id: RawId::Integer(*id),
                    name: format!("m{id}"),
                    level: Level::Operational,
                    per_year: *per_year,
                    hours: *hours,
                })
                .collect(),
            attendance: attendance
                .iter()
                .map(|(actor, meeting)| NetworkAttendance {
                    actor: RawId::Integer(*actor),
                    meeting: RawId::Integer(*meeting),
                })
                .collect(),
            needs: vec![],
            ratings: vec![],
        };
        measures(&input.parse().expect("valid")).expect("measures")
    }

    fn meeting(id: i64, name: &str, copied_from: Option<i64>) -> WaveMeeting {
        WaveMeeting { id, name: name.into(), copied_from }
    }

    #[test]
    fn meetings_match_by_copy_then_by_name_and_the_measures_move() {
        // Before: team (1, 2, 3) 10 × 2 h; steering (1, 4) 4 × 1 h. Ties 1–2, 1–3, 2–3, 1–4:
        // density 4 · 2 / (4 · 3) = 2/3.
        let before_meetings = [meeting(10, "Team", None), meeting(11, "Styrgrupp", None)];
        let before =
            measured(&[(10, 10.0, 2.0), (11, 4.0, 1.0)], &[(1, 10), (2, 10), (3, 10), (1, 11), (4, 11)], &[1, 2, 3, 4]);
        // After: the team copied (renamed) with actor 3 gone; the steering group dropped; a
        // network meeting by the name "nätverk" added. Ties 1–2 and 2–4: density 2 · 2 / 12 = 1/3.
        let after_meetings = [meeting(20, "Team Unga", Some(10)), meeting(21, "Nätverk", None)];
        let after = measured(&[(20, 10.0, 2.0), (21, 2.0, 3.0)], &[(1, 20), (2, 20), (2, 21), (4, 21)], &[1, 2, 3, 4]);
        let compared = compare((&before_meetings, &before), (&after_meetings, &after));
        assert_eq!(compared.added, [meeting(21, "Nätverk", None)]);
        assert_eq!(compared.removed, [meeting(11, "Styrgrupp", None)]);
        let team = &compared.kept[0];
        assert_eq!((team.before_id, team.after_id, team.name.as_str()), (10, 20, "Team Unga"));
        assert_eq!(
            (team.attendees, team.person_hours),
            (Change { before: 3.0, after: 2.0 }, Change { before: 60.0, after: 40.0 })
        );
        let density = compared.network[2].1;
        assert!((density.before - 2.0 / 3.0).abs() < 1e-12 && (density.after - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(compared.network[4].1, Change { before: 1.0, after: 2.0 }, "actor 3 alone: two components");
        // Actor 1: degree 3 → 1; actor 3: 2 → 0; actor 4: 1 → 1 (unchanged, left out).
        let degrees: Vec<(&str, f64, f64)> =
            compared.actors.iter().map(|a| (a.id.as_str(), a.degree.before, a.degree.after)).collect();
        assert_eq!(degrees, [("1", 3.0, 1.0), ("2", 2.0, 2.0), ("3", 2.0, 0.0)]);
        // Betweenness, normalised by 2 / ((n − 1)(n − 2)) = 1/3: before, actor 1 lies on the only
        // paths 2–4 and 3–4 (2 · 1/3); after, actor 2 on the only path 1–4 (1/3).
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        let between: Vec<(f64, f64)> =
            compared.actors.iter().map(|a| (a.betweenness.before, a.betweenness.after)).collect();
        assert!(close(between[0].0, 2.0 / 3.0) && close(between[0].1, 0.0), "{between:?}");
        assert!(close(between[1].0, 0.0) && close(between[1].1, 1.0 / 3.0), "{between:?}");
        assert!(close(between[2].0, 0.0) && close(between[2].1, 0.0), "{between:?}");
        // Centralisation Σ(d_max − d_i) / ((n − 1)(n − 2)): before (0 + 1 + 1 + 2) / 6, after
        // (1 + 0 + 2 + 1) / 6: 2/3 both times. Actors 4 → 4, meetings 2 → 2.
        let centralization = compared.network[3].1;
        assert!(close(centralization.before, 2.0 / 3.0) && close(centralization.after, 2.0 / 3.0));
        assert_eq!((compared.network[0].1.delta(), compared.network[1].1.delta()), (0.0, 0.0));
    }

    #[test]
    fn a_same_named_meeting_matches_when_nothing_was_copied() {
        let before_meetings = [meeting(1, "Samverkansteam", None)];
        let after_meetings = [meeting(2, " samverkansteam ", None)];
        let empty = measured(&[(1, 1.0, 1.0)], &[], &[]);
        let later = measured(&[(2, 1.0, 1.0)], &[], &[]);
        let compared = compare((&before_meetings, &empty), (&after_meetings, &later));
        assert!(compared.added.is_empty() && compared.removed.is_empty() && compared.kept.len() == 1);
    }
}
