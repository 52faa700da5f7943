//! The map's measures, as the issue defines them and the page explains them: per meeting, per
//! actor on the actor–actor network, for the whole network, and the needs no meeting meets.

use fixedbitset::FixedBitSet;
use petgraph::unionfind::UnionFind;
use serde::{Deserialize, Serialize};

use super::adjacency::Adjacency;
use super::network::{Agency, Network, NetworkError, MAX_TIES};

/// Betweenness runs on rayon's threads from this many actors on; below it one thread is faster.
const PARALLEL_FROM: usize = 64;
/// Meetings whose attendee sets have a Jaccard index at least this large largely share their
/// attendees.
pub const OVERLAP_MIN: f64 = 0.5;

/// Every measure of a network; numbers unrounded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Measures {
    pub network: NetworkMeasures,
    /// In the order the actors were given.
    pub actors: Vec<ActorMeasures>,
    /// In the order the meetings were given.
    pub meetings: Vec<MeetingMeasures>,
    /// Pairs of actors, one stating a need for contact with the other, who share no meeting;
    /// each pair once, as first stated.
    pub unmet_needs: Vec<UnmetNeed>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NetworkMeasures {
    /// n, the number of actors.
    pub actors: usize,
    pub meetings: usize,
    /// Ties present out of those possible: 2E / (n(n − 1)); 0 below two actors.
    pub density: f64,
    /// Freeman degree centralisation: Σ(d_max − d_i) / ((n − 1)(n − 2)), 1 for a star and 0 when
    /// every actor has as many ties; 0 below three actors.
    pub centralization: f64,
    /// Groups of actors linked by shared meetings; an actor in no meeting is a group of its own.
    pub components: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActorMeasures {
    pub id: String,
    /// Other actors met in at least one meeting.
    pub degree: usize,
    /// Σ per_year × hours over the meetings attended.
    pub hours_per_year: f64,
    /// For every other actor, the per_year × hours of the meetings shared with it, summed.
    pub weighted_degree: f64,
    /// Share of the shortest paths between other actors that pass through this one, normalised
    /// by 2 / ((n − 1)(n − 2)): 1 for the centre of a star.
    pub betweenness: f64,
    pub brokerage: Brokerage,
}

/// Pairs {a, c} of an actor b's contacts who are not tied to each other, so that b stands
/// between them, classed by agency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Brokerage {
    /// a, b and c of one agency.
    pub coordinator: u64,
    /// a and c of one agency, b of another.
    pub consultant: u64,
    /// Exactly one of a and c of b's agency.
    pub boundary: u64,
    /// a, b and c of three different agencies.
    pub liaison: u64,
}

impl Brokerage {
    fn add(&mut self, (a, c, b): (usize, usize, usize), pairs: u64) {
        let role = match (a == c, a == b || c == b) {
            (true, true) => &mut self.coordinator,
            (true, false) => &mut self.consultant,
            (false, true) => &mut self.boundary,
            (false, false) => &mut self.liaison,
        };
        *role += pairs;
    }

    pub fn total(&self) -> u64 {
        self.coordinator + self.consultant + self.boundary + self.liaison
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingMeasures {
    pub id: String,
    pub attendees: usize,
    /// per_year × hours × attendees.
    pub person_hours_per_year: f64,
    /// The mean of its ratings (1–4); null without ratings.
    pub useful_mean: Option<f64>,
    /// Other meetings whose attendees largely are its attendees: Jaccard index of the two
    /// attendee sets (shared / either) at least 0.5, in the order the meetings were given.
    pub overlaps: Vec<Overlap>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Overlap {
    pub meeting: String,
    pub jaccard: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnmetNeed {
    pub from: String,
    pub to: String,
}

/// Who is tied to whom, and what each actor's meetings add up to.
pub(super) struct Ties {
    /// `tied[a]` holds every actor a shares a meeting with.
    pub(super) tied: Vec<FixedBitSet>,
    hours_per_year: Vec<f64>,
    weighted_degree: Vec<f64>,
    components: usize,
}

impl Ties {
    pub(super) fn of(network: &Network) -> Ties {
        let n = network.actors.len();
        let mut tied = vec![FixedBitSet::with_capacity(n); n];
        let mut hours_per_year = vec![0.0; n];
        let mut weighted_degree = vec![0.0; n];
        let mut groups = UnionFind::new(n);
        for meeting in &network.meetings {
            let hours = meeting.hours_per_year();
            let others = meeting.attendees.len().saturating_sub(1) as f64;
            for &a in &meeting.attendees {
                hours_per_year[a] += hours;
                weighted_degree[a] += hours * others;
                for &c in &meeting.attendees {
                    tied[a].insert(c);
                }
                tied[a].set(a, false);
            }
            for pair in meeting.attendees.windows(2) {
                groups.union(pair[0], pair[1]);
            }
        }
        let labels = groups.into_labeling();
        let components = labels.iter().enumerate().filter(|(i, label)| i == *label).count();
        Ties { tied, hours_per_year, weighted_degree, components }
    }
}

/// The measures of a network. Refused only when its actors have more ties than
/// [`MAX_TIES`].
pub fn measures(network: &Network) -> Result<Measures, NetworkError> {
    let n = network.actors.len();
    let ties = Ties::of(network);
    let degrees: Vec<usize> = ties.tied.iter().map(|set| set.count_ones(..)).collect();
    let edges = degrees.iter().sum::<usize>() / 2;
    if edges > MAX_TIES {
        return Err(NetworkError::TooManyTies { ties: edges });
    }
    let density = if n < 2 { 0.0 } else { 2.0 * edges as f64 / (n as f64 * (n as f64 - 1.0)) };
    let max_degree = degrees.iter().copied().max().unwrap_or(0);
    let centralization = if n < 3 {
        0.0
    } else {
        degrees.iter().map(|d| (max_degree - d) as f64).sum::<f64>() / ((n as f64 - 1.0) * (n as f64 - 2.0))
    };
    let neighbours: Vec<Vec<usize>> = ties.tied.iter().map(|set| set.ones().collect()).collect();
    let adjacency = Adjacency::from_neighbours(neighbours.iter().map(Vec::as_slice));
    let betweenness: Vec<f64> = if n < 3 {
        vec![0.0; n]
    } else {
        rustworkx_core::centrality::betweenness_centrality(&adjacency, false, true, PARALLEL_FROM)
            .into_iter()
            .map(|value| value.unwrap_or(0.0))
            .collect()
    };
    let brokerage = brokerage(network, &ties.tied, &adjacency);
    let actors = network
        .actors
        .iter()
        .enumerate()
        .map(|(a, actor)| ActorMeasures {
            id: actor.id.clone(),
            degree: degrees[a],
            hours_per_year: ties.hours_per_year[a],
            weighted_degree: ties.weighted_degree[a],
            betweenness: betweenness[a],
            brokerage: brokerage[a],
        })
        .collect();
    Ok(Measures {
        network: NetworkMeasures {
            actors: n,
            meetings: network.meetings.len(),
            density,
            centralization,
            components: ties.components,
        },
        actors,
        meetings: meeting_measures(network),
        unmet_needs: unmet_needs(network, &ties.tied),
    })
}

/// Each actor's brokerage, counted by agency without listing pairs: of b's contacts, the pairs
/// per pair of agencies, less those tied to each other (counted with one bit-set intersection
/// per contact and agency). Exact, and bounded by ties × actors / 64 word operations.
fn brokerage(network: &Network, tied: &[FixedBitSet], adjacency: &Adjacency) -> Vec<Brokerage> {
    let n = network.actors.len();
    let agency_of: Vec<usize> = network.actors.iter().map(|a| agency_index(a.agency)).collect();
    let mut members = vec![FixedBitSet::with_capacity(n); Agency::ALL.len()];
    for (a, &agency) in agency_of.iter().enumerate() {
        members[agency].insert(a);
    }
    (0..n)
        .map(|b| {
            let mut found = Brokerage::default();
            let contacts = adjacency.neighbours(b);
            if contacts.len() < 2 {
                return found;
            }
            let mut count = [0u64; 5];
            for &a in contacts {
                count[agency_of[a]] += 1;
            }
            let within: Vec<FixedBitSet> = members
                .iter()
                .map(|agency| {
                    let mut set = tied[b].clone();
                    set.intersect_with(agency);
                    set
                })
                .collect();
            // tied_pairs[x][y]: ordered pairs (a of agency x, c of agency y) of b's contacts
            // tied to each other.
            let mut tied_pairs = [[0u64; 5]; 5];
            for &a in contacts {
                for (y, set) in within.iter().enumerate().filter(|(y, _)| count[*y] > 0) {
                    tied_pairs[agency_of[a]][y] += tied[a].intersection_count(set) as u64;
                }
            }
            for x in 0..5 {
                for y in x..5 {
                    let (all, closed) = if x == y {
                        (count[x] * count[x].saturating_sub(1) / 2, tied_pairs[x][x] / 2)
                    } else {
                        (count[x] * count[y], tied_pairs[x][y])
                    };
                    found.add((x, y, agency_of[b]), all - closed);
                }
            }
            found
        })
        .collect()
}

pub(super) fn agency_index(agency: Agency) -> usize {
    Agency::ALL.iter().position(|a| *a == agency).unwrap_or(0)
}

fn meeting_measures(network: &Network) -> Vec<MeetingMeasures> {
    let mut ratings = vec![(0u32, 0u32); network.meetings.len()];
    for rating in &network.ratings {
        let (sum, count) = &mut ratings[rating.meeting];
        *sum += u32::from(rating.useful);
        *count += 1;
    }
    let mut overlaps: Vec<Vec<Overlap>> = vec![Vec::new(); network.meetings.len()];
    for (i, first) in network.meetings.iter().enumerate() {
        for (j, second) in network.meetings.iter().enumerate().skip(i + 1) {
            if let Some(jaccard) = large_overlap(&first.attendees, &second.attendees) {
                overlaps[i].push(Overlap { meeting: second.id.clone(), jaccard });
                overlaps[j].push(Overlap { meeting: first.id.clone(), jaccard });
            }
        }
    }
    // Each list was filled with earlier meetings first (from their turn), then later ones.
    network
        .meetings
        .iter()
        .zip(ratings)
        .zip(overlaps)
        .map(|((meeting, (sum, count)), overlaps)| MeetingMeasures {
            id: meeting.id.clone(),
            attendees: meeting.attendees.len(),
            person_hours_per_year: meeting.hours_per_year() * meeting.attendees.len() as f64,
            useful_mean: (count > 0).then(|| f64::from(sum) / f64::from(count)),
            overlaps,
        })
        .collect()
}

/// The Jaccard index of two ascending attendee lists when it is at least [`OVERLAP_MIN`].
pub(super) fn large_overlap(first: &[usize], second: &[usize]) -> Option<f64> {
    let (small, large) = if first.len() <= second.len() { (first, second) } else { (second, first) };
    // Shared ≤ the smaller and either ≥ the larger: too different in size to overlap by half.
    if small.is_empty() || 2 * small.len() < large.len() {
        return None;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < small.len() && j < large.len() {
        match small[i].cmp(&large[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let either = small.len() + large.len() - shared;
    (2 * shared >= either).then(|| shared as f64 / either as f64)
}

fn unmet_needs(network: &Network, tied: &[FixedBitSet]) -> Vec<UnmetNeed> {
    let mut seen = std::collections::HashSet::new();
    network
        .needs
        .iter()
        .filter(|(from, to)| seen.insert((*from.min(to), *from.max(to))))
        .filter(|(from, to)| !tied[*from].contains(*to))
        .map(|&(from, to)| UnmetNeed { from: network.actors[from].id.clone(), to: network.actors[to].id.clone() })
        .collect()
}

/// Two actors who share meetings, and the hours a year those meetings take (per year × hours,
/// summed): the weight of their tie.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightedTie {
    pub first: usize,
    pub second: usize,
    pub hours_per_year: f64,
}

/// The `limit` heaviest ties (by hours a year shared, then by position), for drawing: a
/// national map has hundreds of thousands, more than a picture can show.
pub fn heaviest_ties(network: &Network, limit: usize) -> Vec<WeightedTie> {
    let meetings = network.meetings.iter().map(|m| (m.hours_per_year(), m.attendees.as_slice()));
    heaviest_pairs(meetings, limit)
        .into_iter()
        .map(|(first, second, hours_per_year)| WeightedTie { first, second, hours_per_year })
        .collect()
}

/// For any ids of actors: each pair attending a meeting together, weighted by the hours a year
/// of the meetings they share, heaviest first (then by ids), at most `limit`. Each pair once,
/// the lower id first.
pub fn heaviest_pairs<'a, T: Copy + Ord + std::hash::Hash + 'a>(
    meetings: impl IntoIterator<Item = (f64, &'a [T])>,
    limit: usize,
) -> Vec<(T, T, f64)> {
    let mut weights: std::collections::HashMap<(T, T), f64> = std::collections::HashMap::new();
    for (hours, attendees) in meetings {
        for (i, &a) in attendees.iter().enumerate() {
            for &b in &attendees[i + 1..] {
                *weights.entry((a.min(b), a.max(b))).or_insert(0.0) += hours;
            }
        }
    }
    let mut ties: Vec<(T, T, f64)> = weights.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    ties.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    ties.truncate(limit);
    ties
}
