//! What the map's pages show beside the measures: how useful each meeting is to each agency, and
//! questions worth raising in the group — never verdicts, since the map cannot know why a
//! meeting exists or why contact goes through one person. Typed values only; the web layer words
//! them in each language (each [`Suggestion`] has a stable [`key`](Suggestion::key)).

use fixedbitset::FixedBitSet;
use serde::{Deserialize, Serialize};

use super::measures::{agency_index, large_overlap, Ties};
use super::network::{Agency, Network};

/// A meeting rated below this on average (on the 1–4 scale, so below its midpoint) is one its
/// attendees find of little use.
pub const LOW_USEFULNESS: f64 = 2.5;

/// One meeting's ratings, split by the agency of the actor who rated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingUsefulness {
    pub id: String,
    /// Only agencies whose actors rated the meeting, in the order of [`Agency::ALL`]; empty
    /// without ratings.
    pub by_agency: Vec<AgencyUsefulness>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgencyUsefulness {
    pub agency: Agency,
    /// How many of the agency's actors rated it, so that a mean of one rating reads as such.
    pub ratings: usize,
    /// The mean of those ratings (1–4), unrounded.
    pub mean: f64,
}

/// Per meeting, in the order given: the mean rating per agency of the rating actors. A meeting
/// may serve one agency well and another poorly, which the overall mean hides.
pub fn usefulness_by_agency(network: &Network) -> Vec<MeetingUsefulness> {
    let mut sums = vec![[(0u32, 0usize); AGENCIES]; network.meetings.len()];
    for rating in &network.ratings {
        let (sum, count) = &mut sums[rating.meeting][agency_index(network.actors[rating.actor].agency)];
        *sum += u32::from(rating.useful);
        *count += 1;
    }
    network
        .meetings
        .iter()
        .zip(sums)
        .map(|(meeting, per_agency)| MeetingUsefulness {
            id: meeting.id.clone(),
            by_agency: Agency::ALL
                .iter()
                .zip(per_agency)
                .filter(|(_, (_, count))| *count > 0)
                .map(|(&agency, (sum, count))| AgencyUsefulness {
                    agency,
                    ratings: count,
                    mean: f64::from(sum) / count as f64,
                })
                .collect(),
        })
        .collect()
}

/// A question for the group, with the facts behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Suggestion {
    /// Could these two meetings be one? They largely share their attendees (Jaccard index of
    /// the attendee sets at least 0.5, as in the measures' overlaps) and at least one of them
    /// is rated below [`LOW_USEFULNESS`] on average. A meeting without ratings is not low.
    /// `first` comes before `second` in the order the meetings were given.
    MergeMeetings {
        first: String,
        second: String,
        jaccard: f64,
        first_useful_mean: Option<f64>,
        second_useful_mean: Option<f64>,
    },
    /// Who else keeps contact between these agencies when this actor is away? `actor`, of
    /// `agency`, is tied to actors of `other`, and every tie between the two agencies has it at
    /// one end: without it, no actor of `agency` would share a meeting with one of `other`.
    /// When the agencies are tied once only, both ends of that tie are such an actor and both
    /// are reported, each with the other's agency.
    OnlyBridge { actor: String, agency: Agency, other: Agency },
    /// Is a meeting missing? Actors of two different agencies state a need for contact, and no
    /// meeting is attended by both agencies. `needs` counts the pairs of actors with a stated
    /// need between the two agencies (a need stated both ways is one pair); `first` is the
    /// agency of the actor who stated the first of them.
    MissingMeeting { first: Agency, second: Agency, needs: usize },
}

impl Suggestion {
    /// Stable key, as in the JSON's `kind` and the suffix of the Fluent message that words it.
    pub fn key(&self) -> &'static str {
        match self {
            Suggestion::MergeMeetings { .. } => "merge_meetings",
            Suggestion::OnlyBridge { .. } => "only_bridge",
            Suggestion::MissingMeeting { .. } => "missing_meeting",
        }
    }
}

const AGENCIES: usize = Agency::ALL.len();

/// Every suggestion for a network: meetings to merge (by the first meeting's position, then
/// the second's), then only bridges (by actor, then the other agency in the order of
/// [`Agency::ALL`]), then missing meetings (in the order of their first stated need).
pub fn suggestions(network: &Network) -> Vec<Suggestion> {
    let mut found = merge_candidates(network);
    found.extend(only_bridges(network));
    found.extend(missing_meetings(network));
    found
}

fn merge_candidates(network: &Network) -> Vec<Suggestion> {
    let mut sums = vec![(0u32, 0u32); network.meetings.len()];
    for rating in &network.ratings {
        let (sum, count) = &mut sums[rating.meeting];
        *sum += u32::from(rating.useful);
        *count += 1;
    }
    let means: Vec<Option<f64>> =
        sums.into_iter().map(|(sum, count)| (count > 0).then(|| f64::from(sum) / f64::from(count))).collect();
    let low = |mean: Option<f64>| mean.is_some_and(|mean| mean < LOW_USEFULNESS);
    let mut found = Vec::new();
    for (i, first) in network.meetings.iter().enumerate() {
        for (j, second) in network.meetings.iter().enumerate().skip(i + 1) {
            if !(low(means[i]) || low(means[j])) {
                continue;
            }
            if let Some(jaccard) = large_overlap(&first.attendees, &second.attendees) {
                found.push(Suggestion::MergeMeetings {
                    first: first.id.clone(),
                    second: second.id.clone(),
                    jaccard,
                    first_useful_mean: means[i],
                    second_useful_mean: means[j],
                });
            }
        }
    }
    found
}

/// With ties[b][y], b's ties to actors of agency y, the ties between agencies x and y are
/// Σ ties[b][y] over the actors b of x; b is the only bridge when its own are all of them.
fn only_bridges(network: &Network) -> Vec<Suggestion> {
    let n = network.actors.len();
    let tied = Ties::of(network).tied;
    let agency_of: Vec<usize> = network.actors.iter().map(|a| agency_index(a.agency)).collect();
    let mut members = vec![FixedBitSet::with_capacity(n); AGENCIES];
    for (a, &agency) in agency_of.iter().enumerate() {
        members[agency].insert(a);
    }
    let ties: Vec<[usize; AGENCIES]> =
        tied.iter().map(|set| std::array::from_fn(|agency| set.intersection_count(&members[agency]))).collect();
    let mut between = [[0usize; AGENCIES]; AGENCIES];
    for (b, counts) in ties.iter().enumerate() {
        for (y, count) in counts.iter().enumerate() {
            between[agency_of[b]][y] += count;
        }
    }
    let mut found = Vec::new();
    for (b, counts) in ties.iter().enumerate() {
        let x = agency_of[b];
        for (y, &count) in counts.iter().enumerate() {
            if y != x && count > 0 && count == between[x][y] {
                found.push(Suggestion::OnlyBridge {
                    actor: network.actors[b].id.clone(),
                    agency: Agency::ALL[x],
                    other: Agency::ALL[y],
                });
            }
        }
    }
    found
}

fn missing_meetings(network: &Network) -> Vec<Suggestion> {
    let mut met = [[false; AGENCIES]; AGENCIES];
    for meeting in &network.meetings {
        let mut present = [false; AGENCIES];
        for &a in &meeting.attendees {
            present[agency_index(network.actors[a].agency)] = true;
        }
        for x in (0..AGENCIES).filter(|x| present[*x]) {
            for y in (0..AGENCIES).filter(|y| present[*y]) {
                met[x][y] = true;
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    // (first, second, pairs), in the order of the first need between the two agencies.
    let mut missing: Vec<(usize, usize, usize)> = Vec::new();
    for &(from, to) in &network.needs {
        let (x, y) = (agency_index(network.actors[from].agency), agency_index(network.actors[to].agency));
        if x == y || met[x][y] || !seen.insert((from.min(to), from.max(to))) {
            continue;
        }
        match missing.iter_mut().find(|(f, s, _)| (*f, *s) == (x, y) || (*f, *s) == (y, x)) {
            Some((_, _, pairs)) => *pairs += 1,
            None => missing.push((x, y, 1)),
        }
    }
    missing
        .into_iter()
        .map(|(x, y, needs)| Suggestion::MissingMeeting { first: Agency::ALL[x], second: Agency::ALL[y], needs })
        .collect()
}
