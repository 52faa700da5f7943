//! Follow-up with participants in the demo: Borås's adult unit with its practitioner (Pia
//! Praktiker) and the administrator as its manager, twenty-four participants under codes with
//! weekly sessions over the past months — most improving, some not, a few alerts to see — and
//! half of the episodes closed, so that the unit's report has months and a tertial to show. Three
//! episodes in four belong to the municipality's project, whose indicator counts them.

use parat_core::outcomes::{AgeGroup, EndReason, Marks, Ratings, Tenths};
use parat_core::participant::ParticipantDraft;
use time::Duration;

use super::Lcg;
use crate::outcomes::{self, EpisodeDraft, SessionDraft, SessionSource};
use crate::{participants, Db, OrgScope, StoreError, StoreResult};

/// Four marks adding up to about `total`, each on the line.
fn marks(total: i64, random: &mut Lcg) -> Marks {
    let total = total.clamp(0, 400);
    let mut items = [total / 4; 4];
    items[3] += total - items.iter().sum::<i64>();
    // Some spread between the items, keeping the sum.
    let shift = (random.below(21) as i64 - 10).min(items[0]).min(100 - items[1]);
    items[0] -= shift;
    items[1] += shift;
    let items = items.map(|t| Tenths::from_tenths(t.clamp(0, 100)));
    Marks::items(&items).unwrap_or(Marks::TotalOnly(Tenths::whole(20)))
}

pub(super) async fn follow_up(
    db: &Db,
    (admin, practitioner): (&OrgScope, &OrgScope),
    project: i64,
    random: &mut Lcg,
) -> StoreResult<()> {
    let today = crate::now_date();
    let unit = outcomes::create_unit(db, admin, "Vuxenenheten").await?;
    outcomes::create_unit(db, admin, "Ungdomsenheten").await?;
    outcomes::set_unit_member(db, admin, unit, practitioner.user_id(), false).await?;
    outcomes::set_unit_member(db, admin, unit, admin.user_id(), true).await?;
    for n in 0..24i64 {
        let draft = ParticipantDraft {
            code: format!("V-{:03}", 101 + n),
            age_group: if n % 5 == 4 { AgeGroup::Adolescent } else { AgeGroup::Adult },
            consent: Some((today - Duration::days(300 - n * 11), "Uppföljning med skattningar".into())),
            identity: None,
        };
        let participant = participants::create(db, practitioner, &draft).await?;
        let starts_on = today - Duration::days(290 - n * 11);
        let episode = EpisodeDraft {
            participant_id: participant,
            unit_id: unit,
            practitioner_id: practitioner.user_id(),
            initiative_id: (n % 4 != 3).then_some(project),
            starts_on,
        };
        let episode = outcomes::open_episode(db, practitioner, &episode, today).await?;
        // Intake 12–30 points; most rise by 0.5–2 points a week, every fifth falls.
        let intake = 120 + random.below(180) as i64;
        let weekly = if n % 5 == 2 { -8 } else { 5 + random.below(15) as i64 };
        let sessions = 3 + random.below(10) as i64;
        let mut held_on = starts_on;
        for week in 0..sessions {
            if held_on > today {
                break;
            }
            let outcome = marks(intake + weekly * week + random.below(20) as i64 - 10, random);
            // The alliance mostly high; now and then a session rated lower.
            let alliance =
                if random.below(7) == 0 { 300 + random.below(50) as i64 } else { 360 + random.below(40) as i64 };
            let Ok(ratings) = Ratings::new(Some(outcome), Some(marks(alliance, random))) else { continue };
            let session = SessionDraft {
                held_on,
                group_session: false,
                ratings,
                source: SessionSource::Tablet,
                submission: None,
            };
            outcomes::record_session(db, practitioner, episode, &session, today).await?;
            held_on += Duration::weeks(1);
        }
        // Half the episodes ended, most as planned.
        if n % 2 == 0 && held_on <= today {
            let reason = if n % 6 == 0 { EndReason::StoppedComing } else { EndReason::Planned };
            outcomes::close_episode(db, practitioner, episode, held_on - Duration::weeks(1), reason, today).await?;
        }
    }
    Ok(())
}

/// Participants per organisation in the national demo, and sessions per episode: a hundred
/// municipalities make 100 000 participants and 1 000 000 sessions, for the benchmarks.
pub(super) const NATIONAL_PARTICIPANTS_PER_ORG: usize = 1_000;
const NATIONAL_SESSIONS_PER_EPISODE: usize = 10;
const NATIONAL_PRACTITIONERS_PER_ORG: usize = 10;
/// Rows per INSERT: far below both backends' limits on bound values (15 a row).
const ROWS_PER_INSERT: usize = 1_000;

/// One session row as bulk-inserted: episode, date, the four marks and total of each scale.
type SessionRow = (i64, String, [i64; 4], i64, [i64; 4], i64);

fn columns(marks: &Marks) -> ([i64; 4], i64) {
    let items = marks.item_marks().map_or([0; 4], |items| items.map(|t| t.tenths()));
    (items, marks.total().tenths())
}

/// The national demo's follow-up: in each given organisation two units of five practitioners
/// each, a thousand participants with one episode of ten weekly sessions over the past two years,
/// two in three of those that ended more than two weeks ago closed. Written with multi-row
/// inserts, not the store's functions (which audit and commit each session: a million of those
/// take far longer than the minute the demo has), with ids assigned here so that the rows can
/// refer to one another. Each organisation's expected progress is computed when its first
/// participant's page asks for it.
pub(super) async fn national(db: &Db, org_ids: &[i64], password_hash: &str, random: &mut Lcg) -> StoreResult<()> {
    use crate::db::on_writer;
    let today = crate::now_date();
    let at = crate::now();
    on_writer!(db, |pool| {
        let next_id = |table: &'static str| {
            let pool = pool.clone();
            async move {
                let (max,): (i64,) =
                    sqlx::query_as(&format!("SELECT COALESCE(MAX(id), 0) FROM {table}")).fetch_one(&pool).await?;
                Ok::<i64, StoreError>(max + 1)
            }
        };
        let (mut unit_id, mut user_id) = (next_id("units").await?, next_id("users").await?);
        let (mut participant_id, mut episode_id) = (next_id("participants").await?, next_id("outcome_episodes").await?);
        for (k, org_id) in org_ids.iter().enumerate() {
            let mut tx = pool.begin().await?;
            let units = [unit_id, unit_id + 1];
            unit_id += 2;
            for (unit, name) in units.iter().zip(["Arbetslivsenheten", "Familjeenheten"]) {
                sqlx::query("INSERT INTO units (id, org_id, name, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(unit)
                    .bind(org_id)
                    .bind(name)
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
            }
            let practitioners: Vec<i64> = (0..NATIONAL_PRACTITIONERS_PER_ORG as i64).map(|p| user_id + p).collect();
            user_id += practitioners.len() as i64;
            for (p, practitioner) in practitioners.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO users (id, email, display_name, password_hash, locale, is_instance_admin, created_at) \
                     VALUES ($1, $2, $3, $4, 'sv', FALSE, $5)",
                )
                .bind(practitioner)
                .bind(format!("behandlare{}-{}@demo.parat.se", k + 1, p + 1))
                .bind(format!("Behandlare {} {}", k + 1, p + 1))
                .bind(password_hash)
                .bind(at)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "INSERT INTO memberships (user_id, org_id, role, created_at) VALUES ($1, $2, 'practitioner', $3)",
                )
                .bind(practitioner)
                .bind(org_id)
                .bind(at)
                .execute(&mut *tx)
                .await?;
                // The first of each unit's five manages it.
                sqlx::query("INSERT INTO unit_members (unit_id, user_id, manages) VALUES ($1, $2, $3)")
                    .bind(units[p * 2 / NATIONAL_PRACTITIONERS_PER_ORG])
                    .bind(practitioner)
                    .bind(p % (NATIONAL_PRACTITIONERS_PER_ORG / 2) == 0)
                    .execute(&mut *tx)
                    .await?;
            }
            let mut participants = Vec::with_capacity(NATIONAL_PARTICIPANTS_PER_ORG);
            let mut episodes = Vec::with_capacity(NATIONAL_PARTICIPANTS_PER_ORG);
            let mut sessions: Vec<SessionRow> =
                Vec::with_capacity(NATIONAL_PARTICIPANTS_PER_ORG * NATIONAL_SESSIONS_PER_EPISODE);
            for i in 0..NATIONAL_PARTICIPANTS_PER_ORG {
                let age_group = match i % 10 {
                    4 | 9 => AgeGroup::Adolescent,
                    7 => AgeGroup::Child,
                    _ => AgeGroup::Adult,
                };
                participants.push((participant_id, format!("N{}-{:04}", k + 1, i + 1), age_group.key()));
                // Starts spread over the two years before the last ten weeks.
                let starts_on = today - Duration::days(70 + random.below(660) as i64);
                let practitioner = practitioners[i % practitioners.len()];
                let unit = units[(i % practitioners.len()) * 2 / NATIONAL_PRACTITIONERS_PER_ORG];
                let last = starts_on + Duration::weeks(NATIONAL_SESSIONS_PER_EPISODE as i64 - 1);
                let closed = (last + Duration::weeks(2) < today && i % 3 != 0)
                    .then_some((last, if i % 7 == 0 { EndReason::StoppedComing } else { EndReason::Planned }));
                episodes.push((episode_id, participant_id, unit, practitioner, starts_on, closed));
                let intake = 120 + random.below(200) as i64;
                let weekly = if i % 5 == 2 { -6 } else { 4 + random.below(16) as i64 };
                for week in 0..NATIONAL_SESSIONS_PER_EPISODE as i64 {
                    let outcome = marks(intake + weekly * week + random.below(30) as i64 - 15, random);
                    let alliance = 330 + random.below(70) as i64;
                    let (ors, ors_total) = columns(&outcome);
                    let (srs, srs_total) = columns(&marks(alliance, random));
                    let held_on = (starts_on + Duration::weeks(week)).to_string();
                    sessions.push((episode_id, held_on, ors, ors_total, srs, srs_total));
                }
                participant_id += 1;
                episode_id += 1;
            }
            for chunk in participants.chunks(ROWS_PER_INSERT) {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO participants (id, org_id, code, age_group, consent_on, consent_scope, created_at) ",
                );
                insert.push_values(chunk, |mut row, (id, code, age_group)| {
                    row.push_bind(id)
                        .push_bind(org_id)
                        .push_bind(code)
                        .push_bind(*age_group)
                        .push_bind(today.to_string())
                        .push_bind("Uppföljning med skattningar")
                        .push_bind(at);
                });
                insert.build().execute(&mut *tx).await?;
            }
            for chunk in episodes.chunks(ROWS_PER_INSERT) {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO outcome_episodes (id, org_id, participant_id, unit_id, practitioner_id, starts_on, \
                     ends_on, end_reason, created_at) ",
                );
                insert.push_values(chunk, |mut row, (id, participant, unit, practitioner, starts_on, closed)| {
                    row.push_bind(id)
                        .push_bind(org_id)
                        .push_bind(participant)
                        .push_bind(unit)
                        .push_bind(practitioner)
                        .push_bind(starts_on.to_string())
                        .push_bind(closed.map(|(end, _)| end.to_string()))
                        .push_bind(closed.map(|(_, reason)| reason.key()))
                        .push_bind(at);
                });
                insert.build().execute(&mut *tx).await?;
            }
            for chunk in sessions.chunks(ROWS_PER_INSERT) {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO outcome_sessions (episode_id, held_on, ors_1, ors_2, ors_3, ors_4, ors_total, \
                     srs_1, srs_2, srs_3, srs_4, srs_total, source, created_at) ",
                );
                insert.push_values(chunk, |mut row, (episode, held_on, ors, ors_total, srs, srs_total)| {
                    row.push_bind(episode).push_bind(held_on);
                    for mark in ors {
                        row.push_bind(mark);
                    }
                    row.push_bind(ors_total);
                    for mark in srs {
                        row.push_bind(mark);
                    }
                    row.push_bind(srs_total).push_bind("tablet").push_bind(at);
                });
                insert.build().execute(&mut *tx).await?;
            }
            tx.commit().await?;
        }
        Ok::<(), StoreError>(())
    })?;
    // PostgreSQL's identity columns did not see the ids given above.
    if let Db::Postgres(pool) = db {
        for table in ["units", "users", "participants", "outcome_episodes"] {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .execute(pool)
            .await?;
        }
    }
    Ok(())
}
