//! Project follow-up in the store: the project's frame (`frame`); goals' indicators and their entries per period (`indicators`); participants in individual-oriented
//! activities, registered in and out (`participations`); the evaluations after events and of the project
//! (`evaluations`); an initiative's training events and their attendance
//! (`events`); the activity plan and what was carried out (`activities`); the budget and
//! the costs booked against it (`budget`). Everything is scoped
//! to the initiative's organisation: another organisation's records are `NotFound`. Viewers
//! read; those who edit initiatives record; administrators answer a person's request to see or
//! erase what the attendance lists hold about them.

mod activities;
mod budget;
mod evaluations;
mod events;
mod frame;
mod indicators;
mod overview;
mod participations;
mod reports;

pub use activities::{
    activities_of, activity, activity_dates, create_activity, delete_activity, goal_choices, update_activity, Activity,
};
pub use budget::{add_budget_line, add_costs, budget_lines, costs, remove_budget_entry, BudgetEntry, BudgetLine, Cost};
pub use evaluations::{answered, evaluations_of, start_evaluation, Answered, EvaluationRound};
pub use events::{
    add_attendees, attendees, create_event, delete_event, erase_person, event, event_facts, events_of,
    person_attendances, remove_attendee, set_head_count, update_event, Attendee, Event, PersonAttendance,
};
pub use frame::{
    add_funder, add_phase, add_role, frame, remove_frame_entry, set_reporting, Frame, FrameEntry, Funder, Phase,
    RoleHolder,
};
pub use indicators::{create_indicator, delete_indicator, indicator, indicators_of, record_indicator_entry, Indicator};
pub use overview::{overview, ProjectSummary};
pub use participations::{join, leave, participation, participations_of, Leaving, Participation};
pub use reports::{narrative, save_narrative, written_reports};

use crate::audit::{self, AuditEntry};
use crate::db::on_writer;
use crate::{Db, OrgScope, StoreError, StoreResult};

/// Removes one row of the initiative from `table`, auditing it as `entity`; `NotFound` when
/// the row is not the initiative's.
async fn remove_row(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
    (table, entity): (&'static str, &'static str),
    id: i64,
) -> StoreResult<()> {
    events::require_editor(scope)?;
    events::check_initiative(db, scope, initiative_id).await?;
    on_writer!(db, |pool| {
        let mut tx = pool.begin().await?;
        let removed = sqlx::query(&format!("DELETE FROM {table} WHERE id = $1 AND initiative_id = $2 AND org_id = $3"))
            .bind(id)
            .bind(initiative_id)
            .bind(scope.org_id())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if removed == 0 {
            return Err(StoreError::NotFound);
        }
        audit::record!(&mut *tx, &AuditEntry::scoped(scope, "delete", entity, id))?;
        tx.commit().await?;
        Ok(())
    })
}

/// Everything a period's figures are computed from, read with one check of the initiative: the
/// events with their attendance, the activities' dates, the budget, the costs and the indicators.
pub struct ProjectFacts {
    pub events: Vec<parat_core::project::EventFacts>,
    pub activities: Vec<parat_core::project::activity::PlannedAndDone>,
    pub budget_lines: Vec<BudgetLine>,
    pub costs: Vec<Cost>,
    pub indicators: Vec<Indicator>,
    pub participations: Vec<parat_core::project::ParticipationFacts>,
    /// The overall grades of the events' evaluations.
    pub evaluation_grades: Vec<parat_core::project::EvaluationGrade>,
    /// How the ended outcome-rating episodes that name the initiative came out; read only when
    /// an indicator counts them.
    pub outcomes: Vec<parat_core::project::OutcomeEnd>,
}

impl ProjectFacts {
    /// What counted indicators are computed from.
    pub fn records(&self) -> parat_core::project::Records<'_> {
        parat_core::project::Records {
            events: &self.events,
            activities: &self.activities,
            participations: &self.participations,
            evaluations: &self.evaluation_grades,
            outcomes: &self.outcomes,
        }
    }
}

pub async fn project_facts(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<ProjectFacts> {
    events::check_initiative(db, scope, initiative_id).await?;
    project_facts_unchecked(db, scope, initiative_id).await
}

async fn project_facts_unchecked(db: &Db, scope: &OrgScope, initiative_id: i64) -> StoreResult<ProjectFacts> {
    let events = events::events_of_unchecked(db, scope, initiative_id).await?;
    let activities = activities::activities_of_unchecked(db, scope, initiative_id).await?;
    let grades = evaluations::grades_unchecked(db, scope, initiative_id).await?;
    project_facts_of(db, scope, initiative_id, (&events, &activities, grades)).await
}

/// The facts, with the events, the activities and the evaluations' grades already read.
async fn project_facts_of(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
    (events, activities, evaluation_grades): (&[Event], &[Activity], Vec<parat_core::project::EvaluationGrade>),
) -> StoreResult<ProjectFacts> {
    let indicators = indicators::indicators_of_unchecked(db, scope, initiative_id).await?;
    let outcomes = match indicators.iter().any(|i| counts_outcomes(i.definition.source)) {
        true => crate::outcomes::initiative_outcomes(db, "e.initiative_id = $1", initiative_id)
            .await?
            .remove(&initiative_id)
            .unwrap_or_default(),
        false => Vec::new(),
    };
    Ok(ProjectFacts {
        events: events.iter().map(Event::facts).collect(),
        activities: activities.iter().map(|a| (a.planned_on, a.done_on)).collect(),
        budget_lines: budget::budget_lines_unchecked(db, scope, initiative_id).await?,
        costs: budget::costs_unchecked(db, scope, initiative_id).await?,
        indicators,
        participations: participations::participation_facts_unchecked(db, scope, initiative_id).await?,
        evaluation_grades,
        outcomes,
    })
}

/// Whether an indicator of this source is counted from outcome-rating episodes.
fn counts_outcomes(source: parat_core::project::IndicatorSource) -> bool {
    use parat_core::project::IndicatorSource::{OutcomesImproved, OutcomesImprovedShare};
    matches!(source, OutcomesImproved | OutcomesImprovedShare)
}

/// Everything a report is made from, read with one check of the initiative (reading it is the
/// check): the period's facts, the frame, the coordinator's words, the events and activities
/// as listed, and the evaluations with their answers.
pub struct ReportFacts {
    pub initiative: crate::initiatives::Initiative,
    pub facts: ProjectFacts,
    pub frame: Frame,
    pub narrative: parat_core::project::Narrative,
    pub events: Vec<Event>,
    pub activities: Vec<Activity>,
    pub evaluations: Vec<Answered>,
}

pub async fn report_facts(
    db: &Db,
    scope: &OrgScope,
    initiative_id: i64,
    report: &parat_core::project::ReportOf,
) -> StoreResult<ReportFacts> {
    let initiative = crate::initiatives::get(db, scope, initiative_id).await?;
    let events = events::events_of_unchecked(db, scope, initiative_id).await?;
    let activities = activities::activities_of_unchecked(db, scope, initiative_id).await?;
    // The grades come from the answers read for the report, not read a second time.
    let answered = evaluations::answered_unchecked(db, scope, initiative_id).await?;
    let grades = evaluations::grades_from(&answered, &events);
    Ok(ReportFacts {
        initiative,
        facts: project_facts_of(db, scope, initiative_id, (&events, &activities, grades)).await?,
        frame: frame::frame_unchecked(db, scope, initiative_id).await?,
        narrative: reports::narrative_unchecked(db, scope, initiative_id, report).await?,
        events,
        activities,
        evaluations: answered,
    })
}
