//! A map read as the network the measures are computed on: its members as actors (ids are the
//! stored ids), its meetings with their attendance, its needs, and one usefulness rating per
//! actor and meeting — for the actor's own work, the process leader's entry before an
//! interview's before a survey's.

use parat_core::map::inventory::Source;
use parat_core::map::network::{NetworkActor, NetworkAttendance, NetworkMeeting, NetworkNeed, NetworkRating, RawId};
use parat_core::map::NetworkInput;

use super::*;

/// The map's network, ready for [`parat_core::map::measures`].
pub async fn network(db: &Db, map: &Map) -> StoreResult<NetworkInput> {
    let members = super::members(db, map).await?;
    let meetings = super::meetings(db, map).await?;
    let needs = super::needs(db, map).await?;
    let mut ratings = super::ratings(db, map).await?;
    let rank = |source: Source| Source::ALL.iter().position(|s| *s == source).unwrap_or(usize::MAX);
    ratings.sort_by_key(|r| (r.meeting_id, r.actor_id, rank(r.source)));
    ratings.dedup_by_key(|r| (r.meeting_id, r.actor_id));
    Ok(NetworkInput {
        actors: members
            .iter()
            .map(|a| NetworkActor { id: RawId::Integer(a.id), name: a.label(), agency: a.agency })
            .collect(),
        attendance: meetings
            .iter()
            .flat_map(|m| {
                m.attendance
                    .iter()
                    .map(|a| NetworkAttendance { actor: RawId::Integer(a.actor_id), meeting: RawId::Integer(m.id) })
            })
            .collect(),
        meetings: meetings
            .iter()
            .map(|m| NetworkMeeting {
                id: RawId::Integer(m.id),
                name: m.name.clone(),
                level: m.level,
                per_year: m.per_year,
                hours: m.hours,
            })
            .collect(),
        needs: needs
            .iter()
            .map(|n| NetworkNeed { from: RawId::Integer(n.from_actor_id), to: RawId::Integer(n.to_actor_id) })
            .collect(),
        ratings: ratings
            .iter()
            .filter_map(|r| {
                r.useful_own.map(|useful| NetworkRating {
                    actor: RawId::Integer(r.actor_id),
                    meeting: RawId::Integer(r.meeting_id),
                    useful: f64::from(useful),
                })
            })
            .collect(),
    })
}
