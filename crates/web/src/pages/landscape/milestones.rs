//! The milestone plan: milestones with planned and actual dates, status and owner, in the
//! phases of an introduction; a timeline with the phases as bands.

// The area's shared imports and helpers live in mod.rs.
use super::tools::{actions_header, row_actions, PlanTool, ToolForm};
use super::*;
use crate::views::charts::{self, TimelineBand, TimelineMark};
use parat_core::landscape::plan::{MilestoneDraft, MilestoneInput, MilestoneStatus};
use parat_store::landscape::Milestone;

fn status_label(ctx: &Ctx, status: MilestoneStatus) -> String {
    ctx.t(&format!("land-milestone-status-{}", status.key()))
}

fn phase_options(ctx: &Ctx, framework: &Framework) -> Vec<(String, String)> {
    framework.phases.iter().map(|p| (p.key.clone(), p.name.get(ctx.locale).to_owned())).collect()
}

fn phase_name<'f>(ctx: &Ctx, framework: &'f Framework, key: Option<&str>) -> &'f str {
    key.and_then(|k| framework.phases.iter().find(|p| p.key == k)).map_or("–", |p| p.name.get(ctx.locale))
}

fn milestone_fields(ctx: &Ctx, form: &ToolForm<'_, Milestone>) -> Markup {
    let (framework, input, errors, people) = (form.landscape.framework(), form.input, form.errors, form.people);
    let statuses: Vec<(String, String)> =
        MilestoneStatus::ALL.iter().map(|s| (s.key().to_owned(), status_label(ctx, *s))).collect();
    html! {
        (forms::input(ctx, Field::new(ctx, "name", "land-milestone-name", errors).required(), "text", &input.name, None))
        (forms::select(ctx, Field::new(ctx, "phase", "land-milestone-phase", errors), &phase_options(ctx, framework), &input.phase, Some(ctx.t("land-milestone-no-phase"))))
        (forms::input(ctx, Field::new(ctx, "planned_on", "land-milestone-planned", errors).required().hint(ctx.t("hint-date")), "date", &input.planned_on, None))
        (forms::select(ctx, Field::new(ctx, "status", "land-milestone-status", errors).required(), &statuses, if input.status.is_empty() { "planned" } else { &input.status }, None))
        (forms::input(ctx, Field::new(ctx, "reached_on", "land-milestone-reached", errors).hint(ctx.t("hint-land-milestone-reached")), "date", &input.reached_on, None))
        (forms::select(ctx, Field::new(ctx, "owner_id", "land-owner", errors), people, &input.owner_id, Some(ctx.t("plan-owner-other"))))
        (forms::input(ctx, Field::new(ctx, "who", "plan-who-name", errors).hint(ctx.t("hint-plan-who")), "text", &input.who, None))
    }
}

fn labels(ctx: &Ctx) -> Vec<(&'static str, String)> {
    vec![
        ("name", ctx.t("land-milestone-name")),
        ("phase", ctx.t("land-milestone-phase")),
        ("planned_on", ctx.t("land-milestone-planned")),
        ("status", ctx.t("land-milestone-status")),
        ("reached_on", ctx.t("land-milestone-reached")),
        ("owner_id", ctx.t("land-owner")),
        ("who", ctx.t("plan-who-name")),
    ]
}

/// The phases as bands, in the framework's order: each from its first milestone to where the
/// next phase begins (or a month past its last milestone, for the last one).
fn phase_bands<'a>(ctx: &Ctx, framework: &'a Framework, milestones: &[Milestone]) -> Vec<TimelineBand<'a>> {
    let spans: Vec<(&'a str, time::Date, time::Date)> = framework
        .phases
        .iter()
        .filter_map(|phase| {
            let dates: Vec<time::Date> = milestones
                .iter()
                .filter(|m| m.phase.as_deref() == Some(phase.key.as_str()) && m.status != MilestoneStatus::Cancelled)
                .flat_map(|m| std::iter::once(m.planned_on).chain(m.reached_on))
                .collect();
            Some((phase.name.get(ctx.locale), *dates.iter().min()?, *dates.iter().max()?))
        })
        .collect();
    spans
        .iter()
        .enumerate()
        .map(|(i, (label, from, last))| {
            let to = match spans.get(i + 1) {
                Some((_, next, _)) => (*next).max(*last),
                None => *last + time::Duration::days(30),
            };
            TimelineBand { label, from: *from, to }
        })
        .collect()
}

impl PlanTool for Milestone {
    type Input = MilestoneInput;
    const MANY: &'static str = "milestones";
    const ONE: &'static str = "milestone";

    fn parse(input: &MilestoneInput, landscape: &Landscape) -> Result<MilestoneDraft, FieldErrors> {
        input.parse(&landscape.framework().phase_keys(), today())
    }

    fn input_of(&self) -> MilestoneInput {
        let (owner_id, who) = owner_fields(self.owner());
        MilestoneInput {
            name: self.name.clone(),
            phase: self.phase.clone().unwrap_or_default(),
            planned_on: self.planned_on.to_string(),
            reached_on: self.reached_on.map(|d| d.to_string()).unwrap_or_default(),
            status: self.status.key().to_owned(),
            owner_id,
            who,
        }
    }

    fn id(&self) -> i64 {
        self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn labels(ctx: &Ctx) -> Vec<(&'static str, String)> {
        labels(ctx)
    }

    fn fields(ctx: &Ctx, form: &ToolForm<'_, Milestone>) -> Markup {
        milestone_fields(ctx, form)
    }

    fn overview(ctx: &Ctx, landscape: &Landscape, milestones: &[Milestone]) -> Markup {
        let framework = landscape.framework();
        let today = today();
        let marks: Vec<TimelineMark> = milestones
            .iter()
            .filter(|m| m.status != MilestoneStatus::Cancelled)
            .map(|m| TimelineMark {
                label: &m.name,
                on: m.reached_on.unwrap_or(m.planned_on),
                done: m.status == MilestoneStatus::Reached,
                late: m.is_overdue(today),
            })
            .collect();
        html! {
            figure {
                (charts::timeline(&ctx.t("land-milestones-timeline"), &ctx.t("land-milestones-timeline-desc"), &phase_bands(ctx, framework, milestones), &marks))
            }
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("land-milestones-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("land-milestone-name")) }
                    th scope="col" { (ctx.t("land-milestone-phase")) }
                    th scope="col" { (ctx.t("land-milestone-planned")) }
                    th scope="col" { (ctx.t("land-milestone-reached")) }
                    th scope="col" { (ctx.t("land-milestone-status")) }
                    th scope="col" { (ctx.t("land-owner")) }
                    (actions_header(ctx, landscape))
                } }
                tbody { @for m in milestones {
                    @let overdue = m.is_overdue(today);
                    tr.overdue[overdue] {
                        th scope="row" { (m.name) (super::readiness::source_link(ctx, &m.source)) }
                        td { (phase_name(ctx, framework, m.phase.as_deref())) }
                        td.date { (ctx.locale.format_date(m.planned_on)) @if overdue { " " span.badge.disagree { (ctx.t("plan-overdue")) } } }
                        td.date { (m.reached_on.map(|d| ctx.locale.format_date(d)).unwrap_or_else(|| "–".into())) }
                        td { (status_label(ctx, m.status)) }
                        td { (dash(&m.who)) }
                        (row_actions(ctx, landscape, m))
                    }
                } }
            } }
        }
    }
}
