//! The projects an organisation funds, side by side: its own initiatives with project records
//! and those of the organisations below it (a coordination association's or a county board's
//! members) — spend against budget, indicators off track, reports due. Read in a fixed number
//! of queries however many projects there are.

use std::collections::HashMap;

use parat_core::periods::{Period, PeriodKind};
use parat_core::project::activity::PlannedAndDone;
use parat_core::project::frame::ReportDue;
use parat_core::project::money::Amount;
use parat_core::project::{reporting_calendar, ByGender, EventFacts, IndicatorStatus, Records, Reporting};
use time::Date;

use super::indicators::{indicator_rows_where, Indicator};
use crate::db::on_reader;
use crate::{Db, OrgScope, StoreResult};

/// The scope's organisation and every one below it.
const FUNDED: &str = "WITH RECURSIVE funded (id) AS ( \
     SELECT id FROM organisations WHERE id = $1 \
     UNION SELECT o.id FROM organisations o JOIN funded f ON o.parent_id = f.id) ";

/// One project's line in the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectSummary {
    pub initiative_id: i64,
    pub org_name: String,
    /// The scope's own (linked to its pages) rather than a member organisation's.
    pub own: bool,
    pub name: String,
    pub budget: Amount,
    pub spent: Amount,
    pub indicators: u32,
    /// Indicators whose last finished period is off track.
    pub off_track: u32,
    /// The next report due from today, if the calendar has one.
    pub next_report: Option<ReportDue>,
    /// Reports due before today with no narrative written.
    pub overdue: u32,
}

type InitiativeRow = (i64, i64, String, String, Option<String>, Option<String>);

pub async fn overview(db: &Db, scope: &OrgScope, today: Date) -> StoreResult<Vec<ProjectSummary>> {
    let org = scope.org_id();
    let projects: Vec<InitiativeRow> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{FUNDED} SELECT i.id, i.org_id, o.name, i.name, i.start_date, i.end_date FROM initiatives i \
         JOIN funded f ON f.id = i.org_id JOIN organisations o ON o.id = i.org_id \
         WHERE i.archived = FALSE AND (EXISTS (SELECT 1 FROM project_budget_lines l WHERE l.initiative_id = i.id) \
           OR EXISTS (SELECT 1 FROM project_indicators x WHERE x.initiative_id = i.id) \
           OR EXISTS (SELECT 1 FROM project_events e WHERE e.initiative_id = i.id) \
           OR EXISTS (SELECT 1 FROM project_reporting r WHERE r.initiative_id = i.id)) \
         ORDER BY o.name_key, i.name_key, i.id"
    ))
    .bind(org)
    .fetch_all(pool)
    .await?);
    let sums = |table: &str| {
        format!("{FUNDED} SELECT t.initiative_id, CAST(SUM(t.amount) AS BIGINT) FROM {table} t JOIN funded f ON f.id = t.org_id GROUP BY t.initiative_id")
    };
    let budgets: Vec<(i64, i64)> =
        on_reader!(db, |pool| sqlx::query_as(&sums("project_budget_lines")).bind(org).fetch_all(pool).await?);
    let spent: Vec<(i64, i64)> =
        on_reader!(db, |pool| sqlx::query_as(&sums("project_costs")).bind(org).fetch_all(pool).await?);
    let reporting: Vec<(i64, String, i32)> = on_reader!(db, |pool| {
        sqlx::query_as(&format!(
        "{FUNDED} SELECT r.initiative_id, r.every, r.days_after FROM project_reporting r JOIN funded f ON f.id = r.org_id"
    ))
    .bind(org)
    .fetch_all(pool)
    .await?
    });
    let written: Vec<(i64, String)> = on_reader!(db, |pool| sqlx::query_as(&format!(
        "{FUNDED} SELECT r.initiative_id, r.period FROM project_reports r JOIN funded f ON f.id = r.org_id"
    ))
    .bind(org)
    .fetch_all(pool)
    .await?);
    let indicators = indicator_rows_where(db, FUNDED, "i.org_id IN (SELECT id FROM funded)", &[org]).await?;
    // Computed indicators count events and people; per event, how many came is all they need.
    let events: Vec<(i64, i64, i64, i64)> = on_reader!(db, |pool| {
        sqlx::query_as(&format!(
        "{FUNDED} SELECT e.initiative_id, e.starts_at, e.head_count, \
         e.attendees_woman + e.attendees_man + e.attendees_other + e.attendees_unknown FROM project_events e \
         JOIN funded f ON f.id = e.org_id \
         WHERE EXISTS (SELECT 1 FROM project_indicators x WHERE x.initiative_id = e.initiative_id AND x.source <> 'manual')"
    ))
    .bind(org)
    .fetch_all(pool)
    .await?
    });
    let activities: Vec<(i64, Option<String>, Option<String>)> = on_reader!(db, |pool| {
        sqlx::query_as(&format!(
        "{FUNDED} SELECT a.initiative_id, a.planned_on, a.done_on FROM project_activities a JOIN funded f ON f.id = a.org_id \
         WHERE EXISTS (SELECT 1 FROM project_indicators x WHERE x.initiative_id = a.initiative_id AND x.source = 'activities_done')"
    ))
    .bind(org)
    .fetch_all(pool)
    .await?
    });

    let by_id = |rows: Vec<(i64, i64)>| rows.into_iter().collect::<HashMap<i64, i64>>();
    let (budgets, spent) = (by_id(budgets), by_id(spent));
    let mut facts: HashMap<i64, Vec<EventFacts>> = HashMap::new();
    for (initiative, starts_at, head_count, came) in events {
        // Computed indicators count people, not genders: all of them under one.
        let attendees = ByGender { unknown: u32::try_from(came).unwrap_or(0), ..ByGender::default() };
        let head_count = u32::try_from(head_count).unwrap_or(0);
        facts.entry(initiative).or_default().push(EventFacts { starts_at, attendees, head_count });
    }
    let date = |raw: Option<String>| raw.and_then(|r| parat_core::initiative::parse_date(&r).ok().flatten());
    let mut dates: HashMap<i64, Vec<PlannedAndDone>> = HashMap::new();
    for (initiative, planned, done) in activities {
        dates.entry(initiative).or_default().push((date(planned), date(done)));
    }
    let participations = super::participations::facts_for_indicators(db, FUNDED, org).await?;
    let grades = super::evaluations::grades_for_indicators(db, FUNDED, org).await?;
    let outcomes = crate::outcomes::initiative_outcomes(
        db,
        &format!(
            "e.initiative_id IN ({FUNDED} SELECT x.initiative_id FROM project_indicators x \
             JOIN initiatives i ON i.id = x.initiative_id JOIN funded f ON f.id = i.org_id \
             WHERE x.source IN ('outcomes_improved', 'outcomes_improved_share'))"
        ),
        org,
    )
    .await?;
    let mut per_initiative: HashMap<i64, Vec<Indicator>> = HashMap::new();
    for indicator in indicators {
        per_initiative.entry(indicator.initiative_id).or_default().push(indicator);
    }
    Ok(projects
        .into_iter()
        .map(|(id, org_id, org_name, name, start, end)| {
            let indicators = per_initiative.remove(&id).unwrap_or_default();
            let records = Records {
                events: facts.get(&id).map(Vec::as_slice).unwrap_or(&[]),
                activities: dates.get(&id).map(Vec::as_slice).unwrap_or(&[]),
                participations: participations.get(&id).map(Vec::as_slice).unwrap_or(&[]),
                evaluations: grades.get(&id).map(Vec::as_slice).unwrap_or(&[]),
                outcomes: outcomes.get(&id).map(Vec::as_slice).unwrap_or(&[]),
            };
            let off_track = indicators
                .iter()
                .filter(|i| {
                    let last = Period::containing(i.definition.every, today).previous();
                    i.definition.reading(&last, &i.entries, records, today).status == Some(IndicatorStatus::OffTrack)
                })
                .count() as u32;
            let every = reporting.iter().find(|r| r.0 == id);
            let plan = every
                .and_then(|(_, every, days)| {
                    Some(Reporting { every: PeriodKind::parse(every)?, days_after: u8::try_from(*days).ok()? })
                })
                .unwrap_or_default();
            let (start, end) = (date(start), date(end));
            let calendar = match start {
                Some(start) => reporting_calendar(plan, start, end.unwrap_or(today).max(start)),
                None => Vec::new(),
            };
            let is_written = |due: &ReportDue| written.iter().any(|(i, p)| *i == id && *p == due.period.key());
            ProjectSummary {
                initiative_id: id,
                own: org_id == org,
                org_name,
                name,
                budget: Amount::from_ore(budgets.get(&id).copied().unwrap_or(0)),
                spent: Amount::from_ore(spent.get(&id).copied().unwrap_or(0)),
                indicators: indicators.len() as u32,
                off_track,
                next_report: calendar.iter().find(|r| r.due >= today).copied(),
                overdue: calendar.iter().filter(|r| r.due < today && !is_written(r)).count() as u32,
            }
        })
        .collect())
}
