//! The guided interview written into the map: one informant's answers about the meetings, a
//! meeting they added and a need they stated, all or nothing, marked as from an interview.

use parat_core::map::interview::InterviewDraft;
use parat_core::map::inventory::{AttendanceRole, Source};

use super::*;

/// Writes one informant's interview. Meetings not answered stay as they were; a meeting they
/// say they no longer attend loses their attendance and the rating the interview gave.
pub async fn save_interview(
    db: &Db,
    scope: &OrgScope,
    map: &Map,
    informant: i64,
    draft: &InterviewDraft,
) -> StoreResult<()> {
    map.require_edit()?;
    super::actor(db, map, informant).await?;
    let meetings: std::collections::HashSet<i64> = super::meetings(db, map).await?.iter().map(|m| m.id).collect();
    if draft.replies.iter().any(|reply| !meetings.contains(&reply.meeting_id)) {
        // A meeting removed while the form was open: say so rather than write half.
        return Err(StoreError::Refused("a meeting in the interview is no longer on the map".into()));
    }
    if let Some(need) = &draft.need {
        super::actor(db, map, need.to_actor_id)
            .await
            .map_err(|_| StoreError::field("need_to", parat_core::Problem::UnknownChoice))?;
    }
    let source = Source::Interview.key();
    let at = now();
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        for reply in &draft.replies {
            match reply.attends {
                Some(role) => {
                    // An attendance entered before keeps its source; the role is the informant's.
                    sqlx::query(
                        "INSERT INTO map_attendance (meeting_id, actor_id, role, source) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (meeting_id, actor_id) DO UPDATE SET role = excluded.role",
                    )
                    .bind(reply.meeting_id)
                    .bind(informant)
                    .bind(role.key())
                    .bind(source)
                    .execute(&mut *tx)
                    .await?;
                }
                None => {
                    sqlx::query("DELETE FROM map_attendance WHERE meeting_id = $1 AND actor_id = $2")
                        .bind(reply.meeting_id)
                        .bind(informant)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("DELETE FROM map_ratings WHERE meeting_id = $1 AND actor_id = $2 AND source = $3")
                        .bind(reply.meeting_id)
                        .bind(informant)
                        .bind(source)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            if let Some(rating) = &reply.rating {
                rate!(&mut *tx, reply.meeting_id, rating, source, at);
            }
        }
        let mut added_id = None;
        if let Some(meeting) = &draft.added {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO map_meetings (map_id, name, purpose, level, per_year, hours, convener_id, basis, \
                 target_group, source, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, NULL, '', '', $7, $8, $8) RETURNING id",
            )
            .bind(map.id)
            .bind(&meeting.name)
            .bind(&meeting.purpose)
            .bind(meeting.level.key())
            .bind(meeting.per_year)
            .bind(meeting.hours)
            .bind(source)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("INSERT INTO map_attendance (meeting_id, actor_id, role, source) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(informant)
                .bind(AttendanceRole::Member.key())
                .bind(source)
                .execute(&mut *tx)
                .await?;
            added_id = Some(id);
        }
        if let Some(need) = &draft.need {
            sqlx::query(
                "INSERT INTO map_needs (map_id, from_actor_id, to_actor_id, about, source, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(map.id)
            .bind(need.from_actor_id)
            .bind(need.to_actor_id)
            .bind(&need.about)
            .bind(source)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            join!(&mut *tx, map.id, need.to_actor_id);
        }
        join!(&mut *tx, map.id, informant);
        touch!(&mut *tx, map.id);
        // The log keeps what changed in outline; the ratings' texts stay in the map.
        let after = serde_json::json!({
            "map": map.id,
            "attends": draft.replies.iter().filter(|r| r.attends.is_some()).map(|r| r.meeting_id).collect::<Vec<_>>(),
            "not_attending": draft.replies.iter().filter(|r| r.attends.is_none()).map(|r| r.meeting_id).collect::<Vec<_>>(),
            "rated": draft.replies.iter().filter(|r| r.rating.is_some()).count(),
            "added_meeting": added_id,
            "need_to": draft.need.as_ref().map(|n| n.to_actor_id),
        });
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "update", "map_interview", informant).after(&after))?;
        tx.commit().await?;
    });
    refresh(db, map.org_id, map.id);
    Ok(())
}
