//! The theory of change: need, activities, outputs, short- and long-term outcomes, and the
//! assumptions beneath them; drawn as a chain of columns, with the empty ones named.

// The area's shared imports and helpers live in mod.rs.
use super::tools::{actions_header, row_actions, PlanTool, ToolForm};
use super::*;
use crate::views::charts::{self, ChainColumn};
use parat_core::landscape::theory::{gaps, ChangeStage, ChangeStepDraft, ChangeStepInput};
use parat_store::landscape::ChangeStep;

fn stage_name(ctx: &Ctx, stage: ChangeStage) -> String {
    ctx.t(&format!("land-stage-{}", stage.key()))
}

impl PlanTool for ChangeStep {
    type Input = ChangeStepInput;
    const MANY: &'static str = "theory";
    const ONE: &'static str = "step";

    fn parse(input: &ChangeStepInput, _: &Landscape) -> Result<ChangeStepDraft, FieldErrors> {
        input.parse()
    }

    fn input_of(&self) -> ChangeStepInput {
        ChangeStepInput { stage: self.stage.key().to_owned(), text: self.text.clone() }
    }

    fn id(&self) -> i64 {
        self.id
    }

    fn name(&self) -> &str {
        &self.text
    }

    fn labels(ctx: &Ctx) -> Vec<(&'static str, String)> {
        vec![("stage", ctx.t("land-step-stage")), ("text", ctx.t("land-step-text"))]
    }

    fn fields(ctx: &Ctx, form: &ToolForm<'_, ChangeStep>) -> Markup {
        let (input, errors) = (form.input, form.errors);
        let stages: Vec<(String, String)> =
            ChangeStage::ALL.iter().map(|s| (s.key().to_owned(), stage_name(ctx, *s))).collect();
        html! {
            (forms::select(ctx, Field::new(ctx, "stage", "land-step-stage", errors).required().hint(ctx.t("hint-land-step-stage")), &stages, &input.stage, Some(ctx.t("choose"))))
            (forms::textarea(ctx, Field::new(ctx, "text", "land-step-text", errors).required(), &input.text))
        }
    }

    fn overview(ctx: &Ctx, landscape: &Landscape, steps: &[ChangeStep]) -> Markup {
        let names: Vec<(ChangeStage, String)> = ChangeStage::ALL.iter().map(|s| (*s, stage_name(ctx, *s))).collect();
        let column = |stage: ChangeStage| ChainColumn {
            label: names.iter().find(|(s, _)| *s == stage).map_or("", |(_, n)| n.as_str()),
            steps: steps.iter().filter(|s| s.stage == stage).map(|s| s.text.as_str()).collect(),
        };
        let chain: Vec<ChainColumn> = ChangeStage::CHAIN.iter().map(|s| column(*s)).collect();
        let missing = gaps(steps.iter().map(|s| s.stage));
        html! {
            figure {
                (charts::change_chain(&ctx.t("land-theory-chain"), &ctx.t("land-theory-chain-desc"), &chain, &column(ChangeStage::Assumption)))
            }
            @if !missing.is_empty() {
                p.callout { (ctx.t("land-theory-gaps")) " "
                    (missing.iter().map(|s| stage_name(ctx, *s)).collect::<Vec<_>>().join(", ")) "." }
            }
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("land-theory-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("land-step-text")) }
                    th scope="col" { (ctx.t("land-step-stage")) }
                    (actions_header(ctx, landscape))
                } }
                tbody { @for s in steps {
                    tr {
                        th scope="row" { (s.text) }
                        td { (stage_name(ctx, s.stage)) }
                        (row_actions(ctx, landscape, s))
                    }
                } }
            } }
        }
    }
}
