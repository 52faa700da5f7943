//! Project follow-up: the project's frame (funders' shares, roles, phases, when reports are
//! due) and what an initiative did and what came of it, reported by month, tertial,
//! quarter and year: training events with their attendance, the activity plan and what was
//! carried out, the budget against what was booked (typed, or imported from an accounting export), amounts of money exact to the öre; the figures of a period are
//! computed here, from the events' moments and their attendance, with no I/O.

pub mod activity;
pub mod budget;
pub mod cost_import;
pub mod evaluation;
pub mod event;
pub mod followup;
pub mod frame;
pub mod indicator;
pub use crate::money;
pub mod outcome;
pub mod participation;
pub mod report;

pub use activity::{activities_in, ActivityCounts, ActivityDraft, ActivityInput};
pub use budget::{budget_in, BudgetAndOutcome, BudgetLineDraft, BudgetLineInput, CostCategory, CostDraft, CostInput};
pub use cost_import::{CostColumn, CostImport, ImportError, RowProblem};
pub use evaluation::{
    compile as compile_evaluations, evaluation_draft, evaluation_mean, Compilation, CompiledItem, CompiledScale,
    CompiledTexts, EvaluationGrade, EvaluationStage, OVERALL_ITEM,
};
pub use event::{AttendeeDraft, AttendeeInput, EventDraft, EventInput, Gender};
pub use followup::{attendance_in, ByGender, EventFacts, PeriodAttendance};
pub use frame::{
    reporting_calendar, FunderDraft, FunderInput, PhaseDraft, PhaseInput, ProjectRole, ReportDue, Reporting,
    ReportingInput, RoleDraft, RoleInput, Share,
};
pub use indicator::{
    computed_value, derived_status, Direction, IndicatorDefinition, IndicatorInput, IndicatorSource, IndicatorStatus,
    PeriodEntry, PeriodEntryInput, Reading, Records,
};
pub use outcome::{improved_share, outcomes_improved, OutcomeEnd};
pub use participation::{
    before_and_after, participants_in, reached_work_or_studies, AgeBand, ExitReason, Income, JoinDraft, JoinInput,
    LeaveDraft, LeaveInput, Occupation, ParticipationFacts,
};
pub use report::{Narrative, NarrativeInput, ReportOf};

#[cfg(test)]
mod tests;
