//! The risk analysis: risks with likelihood and consequence (1–5), their score and band, a
//! mitigation and an owner; the risk matrix as a picture.

// The area's shared imports and helpers live in mod.rs.
use super::tools::{actions_header, row_actions, PlanTool, ToolForm};
use super::*;
use crate::views::charts;
use parat_core::landscape::plan::{RiskDraft, RiskInput, RiskLevel};
use parat_store::landscape::Risk;

fn steps(ctx: &Ctx, prefix: &str) -> Vec<(String, String)> {
    (1..=5).map(|n| (n.to_string(), format!("{n} – {}", ctx.t(&format!("{prefix}-{n}"))))).collect()
}

fn band_name(ctx: &Ctx, level: RiskLevel) -> String {
    ctx.t(&format!("land-risk-level-{}", level.key()))
}

/// The form's fields, for adding and for changing a risk.
fn risk_fields(ctx: &Ctx, form: &ToolForm<'_, Risk>) -> Markup {
    let (input, errors, people) = (form.input, form.errors, form.people);
    html! {
        (forms::input(ctx, Field::new(ctx, "what", "land-risk-what", errors).required(), "text", &input.what, None))
        (forms::select(ctx, Field::new(ctx, "likelihood", "land-risk-likelihood", errors).required(), &steps(ctx, "land-risk-likelihood"), &input.likelihood, Some(ctx.t("choose"))))
        (forms::select(ctx, Field::new(ctx, "consequence", "land-risk-consequence", errors).required(), &steps(ctx, "land-risk-consequence"), &input.consequence, Some(ctx.t("choose"))))
        (forms::textarea(ctx, Field::new(ctx, "mitigation", "land-risk-mitigation", errors).hint(ctx.t("hint-land-risk-mitigation")), &input.mitigation))
        (forms::select(ctx, Field::new(ctx, "owner_id", "land-owner", errors), people, &input.owner_id, Some(ctx.t("plan-owner-other"))))
        (forms::input(ctx, Field::new(ctx, "who", "plan-who-name", errors).hint(ctx.t("hint-plan-who")), "text", &input.who, None))
    }
}

fn labels(ctx: &Ctx) -> Vec<(&'static str, String)> {
    vec![
        ("what", ctx.t("land-risk-what")),
        ("likelihood", ctx.t("land-risk-likelihood")),
        ("consequence", ctx.t("land-risk-consequence")),
        ("mitigation", ctx.t("land-risk-mitigation")),
        ("owner_id", ctx.t("land-owner")),
        ("who", ctx.t("plan-who-name")),
    ]
}

impl PlanTool for Risk {
    type Input = RiskInput;
    const MANY: &'static str = "risks";
    const ONE: &'static str = "risk";

    fn parse(input: &RiskInput, _: &Landscape) -> Result<RiskDraft, FieldErrors> {
        input.parse()
    }

    fn input_of(&self) -> RiskInput {
        let (owner_id, who) = owner_fields(self.owner());
        RiskInput {
            what: self.what.clone(),
            likelihood: self.likelihood.to_string(),
            consequence: self.consequence.to_string(),
            mitigation: self.mitigation.clone(),
            owner_id,
            who,
        }
    }

    fn id(&self) -> i64 {
        self.id
    }

    fn name(&self) -> &str {
        &self.what
    }

    fn labels(ctx: &Ctx) -> Vec<(&'static str, String)> {
        labels(ctx)
    }

    fn fields(ctx: &Ctx, form: &ToolForm<'_, Risk>) -> Markup {
        risk_fields(ctx, form)
    }

    fn overview(ctx: &Ctx, landscape: &Landscape, risks: &[Risk]) -> Markup {
        let mut counts = [[0usize; 5]; 5];
        for r in risks {
            let cell = usize::try_from(r.likelihood - 1)
                .ok()
                .zip(usize::try_from(r.consequence - 1).ok())
                .and_then(|(l, c)| counts.get_mut(l).and_then(|row| row.get_mut(c)));
            if let Some(cell) = cell {
                *cell += 1;
            }
        }
        html! {
            figure {
                (charts::risk_matrix(&ctx.t("land-risks-matrix"), &ctx.t("land-risks-matrix-desc"), (&ctx.t("land-risk-likelihood"), &ctx.t("land-risk-consequence")), &counts, |l, c| RiskLevel::of(l, c).key()))
                figcaption { ul.legend {
                    @for level in RiskLevel::ALL {
                        li { span class=(format!("swatch risk-{}", level.key())) aria-hidden="true" {} " " (band_name(ctx, *level)) }
                    }
                } }
            }
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("land-risks-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("land-risk-what")) }
                    th scope="col" { (ctx.t("land-risk-likelihood")) }
                    th scope="col" { (ctx.t("land-risk-consequence")) }
                    th scope="col" { (ctx.t("land-risk-score")) }
                    th scope="col" { (ctx.t("land-risk-mitigation")) }
                    th scope="col" { (ctx.t("land-owner")) }
                    (actions_header(ctx, landscape))
                } }
                tbody { @for r in risks {
                    tr {
                        th scope="row" { (r.what) (super::readiness::source_link(ctx, &r.source)) }
                        td.number { (r.likelihood) }
                        td.number { (r.consequence) }
                        td { span class=(format!("risk risk-{}", r.level().key())) { (r.score()) " · " (band_name(ctx, r.level())) } }
                        td { (dash(&r.mitigation)) }
                        td { (dash(&r.who)) }
                        (row_actions(ctx, landscape, r))
                    }
                } }
            } }
        }
    }
}
