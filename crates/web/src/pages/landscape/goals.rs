//! The goal hierarchy: the purpose, goals under it and sub-goals under each goal, each with how
//! the organisation will know it is reached; drawn as a tree.

// The area's shared imports and helpers live in mod.rs.
use super::tools::{actions_header, row_actions, PlanTool, ToolForm};
use super::*;
use crate::views::charts::{self, TreeNode};
use parat_core::landscape::goals::{GoalDraft, GoalInput, GoalLevel};
use parat_store::landscape::Goal;

fn level_name(ctx: &Ctx, level: GoalLevel) -> String {
    ctx.t(&format!("land-goal-level-{}", level.key()))
}

fn goal_fields(ctx: &Ctx, form: &ToolForm<'_, Goal>) -> Markup {
    let (input, errors, people) = (form.input, form.errors, form.people);
    let levels: Vec<(String, String)> =
        GoalLevel::ALL.iter().map(|l| (l.key().to_owned(), level_name(ctx, *l))).collect();
    // Any purpose or goal may be chosen; the store refuses one on the wrong rung with a reason.
    let parents: Vec<(String, String)> = Goal::in_tree_order(form.items)
        .into_iter()
        .filter(|(g, _)| g.level != GoalLevel::SubGoal && Some(g.id) != form.editing)
        .map(|(g, _)| (g.id.to_string(), format!("{}: {}", level_name(ctx, g.level), short(&g.text))))
        .collect();
    html! {
        (forms::select(ctx, Field::new(ctx, "level", "land-goal-level", errors).required(), &levels, &input.level, Some(ctx.t("choose"))))
        (forms::select(ctx, Field::new(ctx, "parent_id", "land-goal-parent", errors).hint(ctx.t("hint-land-goal-parent")), &parents, &input.parent_id, Some(ctx.t("land-goal-no-parent"))))
        (forms::textarea(ctx, Field::new(ctx, "text", "land-goal-text", errors).required(), &input.text))
        (forms::textarea(ctx, Field::new(ctx, "measure", "land-goal-measure", errors).hint(ctx.t("hint-land-goal-measure")), &input.measure))
        (forms::select(ctx, Field::new(ctx, "owner_id", "land-owner", errors), people, &input.owner_id, Some(ctx.t("plan-owner-other"))))
        (forms::input(ctx, Field::new(ctx, "who", "plan-who-name", errors).hint(ctx.t("hint-plan-who")), "text", &input.who, None))
    }
}

impl PlanTool for Goal {
    type Input = GoalInput;
    const MANY: &'static str = "goals";
    const ONE: &'static str = "goal";

    fn parse(input: &GoalInput, _: &Landscape) -> Result<GoalDraft, FieldErrors> {
        input.parse()
    }

    fn input_of(&self) -> GoalInput {
        let (owner_id, who) = owner_fields(self.owner());
        GoalInput {
            level: self.level.key().to_owned(),
            parent_id: self.parent_id.map(|id| id.to_string()).unwrap_or_default(),
            text: self.text.clone(),
            measure: self.measure.clone(),
            owner_id,
            who,
        }
    }

    fn id(&self) -> i64 {
        self.id
    }

    fn name(&self) -> &str {
        &self.text
    }

    fn labels(ctx: &Ctx) -> Vec<(&'static str, String)> {
        vec![
            ("level", ctx.t("land-goal-level")),
            ("parent_id", ctx.t("land-goal-parent")),
            ("text", ctx.t("land-goal-text")),
            ("measure", ctx.t("land-goal-measure")),
            ("owner_id", ctx.t("land-owner")),
            ("who", ctx.t("plan-who-name")),
        ]
    }

    fn fields(ctx: &Ctx, form: &ToolForm<'_, Goal>) -> Markup {
        goal_fields(ctx, form)
    }

    fn overview(ctx: &Ctx, landscape: &Landscape, goals: &[Goal]) -> Markup {
        let ordered = Goal::in_tree_order(goals);
        let nodes: Vec<TreeNode> =
            ordered.iter().map(|(g, depth)| TreeNode { label: &g.text, depth: *depth, class: g.level.key() }).collect();
        html! {
            figure {
                (charts::goal_tree(&ctx.t("land-goals-tree"), &ctx.t("land-goals-tree-desc"), &nodes))
            }
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("land-goals-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("land-goal-text")) }
                    th scope="col" { (ctx.t("land-goal-level")) }
                    th scope="col" { (ctx.t("land-goal-measure")) }
                    th scope="col" { (ctx.t("land-owner")) }
                    (actions_header(ctx, landscape))
                } }
                tbody { @for (g, depth) in &ordered {
                    tr {
                        th scope="row" class=(format!("depth-{}", depth.min(&2))) { (g.text) }
                        td { (level_name(ctx, g.level)) }
                        td { (dash(&g.measure)) }
                        td { (dash(&g.who)) }
                        (row_actions(ctx, landscape, *g))
                    }
                } }
            } }
        }
    }
}
