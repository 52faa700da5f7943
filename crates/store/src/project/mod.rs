//! Project follow-up in the store: an initiative's training events and their attendance
//! (`events`); the activity plan and what was carried out (`activities`); the budget and
//! the costs booked against it (`budget`). Everything is scoped
//! to the initiative's organisation: another organisation's records are `NotFound`. Viewers
//! read; those who edit initiatives record; administrators answer a person's request to see or
//! erase what the attendance lists hold about them.

mod activities;
mod budget;
mod events;

pub use activities::{
    activities_of, activity, activity_dates, create_activity, delete_activity, goal_choices, update_activity, Activity,
};
pub use budget::{add_budget_line, add_costs, budget_lines, costs, remove_budget_entry, BudgetEntry, BudgetLine, Cost};
pub use events::{
    add_attendees, attendees, create_event, delete_event, erase_person, event, event_facts, events_of,
    person_attendances, remove_attendee, set_head_count, update_event, Attendee, Event, PersonAttendance,
};
