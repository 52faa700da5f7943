//! The demo's cooperation maps: a municipality's map of the meetings around young adults
//! without their own income in two waves, with break points, entered through the store as a
//! process leader would, and for the
//! national demo a map of national scale (2 000 actors, 500 meetings, 20 000 attendance rows in
//! 20 counties joined by national meetings), written in one transaction as benchmarks need it.

use parat_core::map::break_points::BreakPointInput;
use parat_core::map::inventory::{ActorInput, AttendanceInput, MapInput, MeetingInput, NeedInput, RatingInput, Source};

use super::Lcg;
use crate::db::on_writer;
use crate::{now, Db, OrgScope, StoreError, StoreResult};

/// (organisation, unit, function, agency)
const ACTORS: &[(&str, &str, &str, &str)] = &[
    ("Borås stad", "Socialtjänsten", "Försörjningsstöd", "municipality"),
    ("Borås stad", "Arbetslivsförvaltningen", "Arbetsmarknadsenheten", "municipality"),
    ("Borås stad", "Gymnasieskolan", "Studie- och yrkesvägledare", "municipality"),
    ("Borås stad", "Socialtjänsten", "Missbruk och beroende", "municipality"),
    ("Arbetsförmedlingen", "Marknadsområde Sjuhärad", "Arbetsförmedlare", "employment_service"),
    ("Arbetsförmedlingen", "Marknadsområde Sjuhärad", "Specialistteam", "employment_service"),
    ("Försäkringskassan", "Lokalkontor Borås", "Handläggare aktivitetsersättning", "social_insurance"),
    ("Försäkringskassan", "Lokalkontor Borås", "Samordnare", "social_insurance"),
    ("Västra Götalandsregionen", "Vårdcentralen Norrby", "Rehabkoordinator", "region"),
    ("Västra Götalandsregionen", "Psykiatrin Södra Älvsborg", "Öppenvård", "region"),
    ("Samordningsförbundet Sjuhärad", "", "Förbundschef", "other"),
    ("Studieförbundet Vuxenskolan", "", "Projektledare", "other"),
];

/// A demo meeting: name, level, times a year, hours, and its attendees by position in [`ACTORS`]
/// with their roles.
type DemoMeeting = (&'static str, &'static str, &'static str, &'static str, &'static [(usize, &'static str)]);

const MEETINGS: &[DemoMeeting] = &[
    (
        "Beredningsgrupp för samordningsförbundet",
        "strategic",
        "4",
        "2",
        &[(10, "chair"), (0, "member"), (4, "member"), (7, "member"), (9, "member")],
    ),
    (
        "Lokal samverkansgrupp unga vuxna",
        "tactical",
        "6",
        "2",
        &[(1, "chair"), (0, "member"), (4, "member"), (6, "member"), (8, "invited")],
    ),
    (
        "Samverkansteam Unga till arbete",
        "operational",
        "22",
        "1,5",
        &[(1, "chair"), (0, "member"), (4, "member"), (5, "invited")],
    ),
    ("Avstämningsmöten sjukskrivna", "operational", "24", "1", &[(7, "chair"), (8, "member"), (4, "member")]),
    ("Gemensam kartläggning", "operational", "24", "1,5", &[(0, "chair"), (1, "member"), (4, "member")]),
    ("Skola–arbetsliv-rådet", "tactical", "4", "2", &[(2, "chair"), (1, "member"), (4, "invited")]),
    ("Psykiatri och beroende i samverkan", "tactical", "4", "2", &[(9, "chair"), (3, "member")]),
    ("Studiecirkel arbetsträning", "operational", "10", "2", &[(11, "chair"), (1, "member")]),
];

/// (from, to, about)
const NEEDS: &[(usize, usize, &str)] = &[
    (6, 1, "Unga med aktivitetsersättning som vill pröva arbete"),
    (9, 4, "Unga i psykiatrisk öppenvård som står nära arbete"),
    (2, 6, "Elever som lämnar gymnasiet utan examen och har en funktionsnedsättning"),
    (3, 4, "Unga i behandling som vill börja arbeta"),
];

/// The break points of the demo's target group: (axis, where, what happens, covering meetings by
/// position in [`MEETINGS`]). The last is covered by no meeting.
const BREAK_POINTS: &[(&str, &str, &str, &[usize])] = &[
    ("age", "25", "Arbetsförmedlingens insatser för unga upphör", &[2, 4]),
    ("age", "30", "Aktivitetsersättningen upphör", &[]),
    ("months", "12", "Försörjningsstödet prövas om efter ett år", &[4]),
];

/// A municipality's map in two waves, entered as its process leader would: last year's with
/// six meetings and the target group's break points, and this year's, made from it, where one
/// meeting has ended and two have started, with ratings and needs.
pub(super) async fn municipal_map(db: &Db, coordinator: &OrgScope, random: &mut Lcg) -> StoreResult<()> {
    let map_input = |year: &str| MapInput {
        name: format!("Unga vuxna utan egen försörjning {year}"),
        target_group: "Unga vuxna 18–29 år utan egen försörjning".into(),
        starts_on: format!("{year}-01-01"),
        ends_on: format!("{year}-12-31"),
    };
    let earlier = crate::map::create(db, coordinator, &map_input("2025").parse().map_err(StoreError::Invalid)?).await?;
    let mut actors = Vec::new();
    for (organisation, unit, function, agency) in ACTORS {
        let input = ActorInput {
            organisation: (*organisation).into(),
            unit: (*unit).into(),
            function: (*function).into(),
            agency: (*agency).into(),
        };
        actors.push(
            crate::map::create_actor(db, coordinator, &earlier, &input.parse().map_err(StoreError::Invalid)?).await?,
        );
    }
    let mut meetings = Vec::new();
    for (position, demo) in MEETINGS.iter().enumerate().take(6) {
        meetings.push((position, add_meeting(db, coordinator, &earlier, &actors, demo).await?));
    }
    for (axis, at, label, covered) in BREAK_POINTS {
        let input = BreakPointInput {
            axis: (*axis).into(),
            at_value: (*at).into(),
            label: (*label).into(),
            meeting_ids: covered
                .iter()
                .filter_map(|c| meetings.iter().find(|(p, _)| p == c).map(|(_, id)| id.to_string()))
                .collect(),
        };
        crate::map::add_break_point(db, coordinator, &earlier, &input.parse().map_err(StoreError::Invalid)?).await?;
    }

    // This year: a new wave. The joint assessment has ended; two meetings have started.
    let map = crate::map::new_wave(db, coordinator, &earlier, &map_input("2026").parse().map_err(StoreError::Invalid)?)
        .await?;
    let ended = crate::map::meetings(db, &map).await?.into_iter().find(|m| m.name == MEETINGS[4].0);
    if let Some(ended) = ended {
        crate::map::remove_meeting(db, coordinator, &map, ended.id).await?;
    }
    for demo in &MEETINGS[6..] {
        add_meeting(db, coordinator, &map, &actors, demo).await?;
    }
    for meeting in crate::map::meetings(db, &map).await? {
        for attendance in &meeting.attendance {
            let rating = RatingInput {
                actor_id: attendance.actor_id.to_string(),
                useful_own: (1 + random.below(4)).to_string(),
                useful_group: (1 + random.below(4)).to_string(),
                ..Default::default()
            };
            let draft = rating.parse().map_err(StoreError::Invalid)?;
            crate::map::rate(db, coordinator, &map, meeting.id, &draft, Source::Entry).await?;
        }
    }
    for (from, to, about) in NEEDS {
        let need = NeedInput {
            from_actor_id: actors[*from].to_string(),
            to_actor_id: actors[*to].to_string(),
            about: (*about).into(),
        };
        crate::map::add_need(db, coordinator, &map, &need.parse().map_err(StoreError::Invalid)?, Source::Entry).await?;
    }
    Ok(())
}

/// One demo meeting with its attendance.
async fn add_meeting(
    db: &Db,
    coordinator: &OrgScope,
    map: &crate::map::Map,
    actors: &[i64],
    (name, level, per_year, hours, attendees): &DemoMeeting,
) -> StoreResult<i64> {
    let input = MeetingInput {
        name: (*name).into(),
        level: (*level).into(),
        per_year: (*per_year).into(),
        hours: (*hours).into(),
        convener_id: actors[attendees[0].0].to_string(),
        ..Default::default()
    };
    let draft = input.parse().map_err(StoreError::Invalid)?;
    let meeting = crate::map::create_meeting(db, coordinator, map, &draft, Source::Entry).await?;
    for (position, role) in *attendees {
        let attends = AttendanceInput { actor_id: actors[*position].to_string(), role: (*role).into() };
        let draft = attends.parse().map_err(StoreError::Invalid)?;
        crate::map::set_attendance(db, coordinator, map, meeting, &draft, Source::Entry).await?;
    }
    Ok(meeting)
}

/// A national-scale map for benchmarks, in one transaction: 2 000 actors in 20 counties of 100,
/// 500 meetings (20 national, the others drawing on one county's actors; smaller ones likelier),
/// 20 000 attendance rows, a rating for every third and a need per actor.
pub(super) async fn national_map(db: &Db, org_id: i64, random: &mut Lcg) -> StoreResult<()> {
    const AGENCIES: [&str; 5] = ["municipality", "employment_service", "social_insurance", "region", "other"];
    const LEVELS: [&str; 3] = ["strategic", "tactical", "operational"];
    let (actors, meetings, rows, counties) = (2_000usize, 500usize, 20_000usize, 20usize);
    let national = meetings / 25;
    let mut pairs = std::collections::BTreeSet::new();
    while pairs.len() < rows {
        let meeting = (random.below(meetings as u64).min(random.below(meetings as u64))) as usize;
        let actor = if meeting < national {
            random.below(actors as u64) as usize
        } else {
            (meeting % counties) * (actors / counties) + random.below((actors / counties) as u64) as usize
        };
        pairs.insert((actor, meeting));
    }
    let at = now();
    let map = on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let (map,): (i64,) = sqlx::query_as(
            "INSERT INTO maps (org_id, name, target_group, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id",
        )
        .bind(org_id)
        .bind("Samverkan i hela landet")
        .bind("Unga vuxna utan egen försörjning")
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        let mut actor_ids = Vec::with_capacity(actors);
        for a in 0..actors {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO map_actors (org_id, organisation, unit, function, agency, created_at, updated_at) \
                 VALUES ($1, $2, $3, '', $4, $5, $5) RETURNING id",
            )
            .bind(org_id)
            .bind(format!("Aktör {}", a + 1))
            .bind(format!("Län {}", a / (actors / counties) + 1))
            .bind(AGENCIES[a % AGENCIES.len()])
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("INSERT INTO map_members (map_id, actor_id) VALUES ($1, $2)")
                .bind(map)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            actor_ids.push(id);
        }
        let mut meeting_ids = Vec::with_capacity(meetings);
        for m in 0..meetings {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO map_meetings (map_id, name, level, per_year, hours, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
            )
            .bind(map)
            .bind(format!("Möte {}", m + 1))
            .bind(LEVELS[m % LEVELS.len()])
            .bind([12.0, 4.0, 52.0, 26.0][m % 4])
            .bind([1.5, 2.0, 3.0][m % 3])
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            meeting_ids.push(id);
        }
        for (k, &(a, m)) in pairs.iter().enumerate() {
            sqlx::query("INSERT INTO map_attendance (meeting_id, actor_id, role) VALUES ($1, $2, 'member')")
                .bind(meeting_ids[m])
                .bind(actor_ids[a])
                .execute(&mut *tx)
                .await?;
            if k % 3 == 0 {
                sqlx::query(
                    "INSERT INTO map_ratings (meeting_id, actor_id, useful_own, created_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(meeting_ids[m])
                .bind(actor_ids[a])
                .bind(1 + (k / 3 % 4) as i64)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
        }
        for a in 0..actors {
            let to = (a * 7 + 1) % actors;
            if to != a {
                sqlx::query(
                    "INSERT INTO map_needs (map_id, from_actor_id, to_actor_id, created_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(map)
                .bind(actor_ids[a])
                .bind(actor_ids[to])
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        map
    });
    // As a change through the pages would, so that the first view finds the figures ready.
    crate::map::make_ready(db, org_id, map).await
}
