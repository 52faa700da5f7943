//! The "to do" list on each person's home page. Every module turns its own kinds of work into
//! entries; the list puts overdue work first, then what has a due date, then the rest.

use maud::{html, Markup};
use time::Date;

use crate::Ctx;

/// One thing to do, rendered by the module it belongs to.
pub struct WorkEntry {
    pub due_on: Option<Date>,
    pub overdue: bool,
    pub body: Markup,
}

/// The list, or a sentence saying there is nothing to do.
pub fn work_list(ctx: &Ctx, mut entries: Vec<WorkEntry>) -> Markup {
    // Stable: within each group the modules' own order stays.
    entries.sort_by_key(|e| (!e.overdue, e.due_on.is_none(), e.due_on));
    html! {
        h2 #work { (ctx.t("work-title")) }
        @if entries.is_empty() {
            p { (ctx.t("work-none")) }
        } @else {
            ul.work-list {
                @for entry in &entries {
                    li.overdue[entry.overdue] {
                        (entry.body)
                        @if let Some(due) = entry.due_on {
                            " " span.hint.date { (ctx.t("work-due")) " " (ctx.locale.format_date(due)) }
                        }
                        @if entry.overdue { " " span.badge.disagree { (ctx.t("plan-overdue")) } }
                    }
                }
            }
        }
    }
}
