//! The stakeholder analysis: interest and influence (1–4), attitude, how to involve each one and
//! who keeps in touch; the interest/influence grid says what kind of involvement each needs.

// The area's shared imports and helpers live in mod.rs.
use super::tools::{actions_header, row_actions, PlanTool, ToolForm};
use super::*;
use crate::views::charts::{self, GridPoint};
use parat_core::landscape::stakeholders::{Attitude, Quadrant, StakeholderDraft, StakeholderInput, SCALE_MAX};
use parat_store::landscape::Stakeholder;

fn steps(ctx: &Ctx, prefix: &str) -> Vec<(String, String)> {
    (1..=SCALE_MAX).map(|n| (n.to_string(), format!("{n} – {}", ctx.t(&format!("{prefix}-{n}"))))).collect()
}

fn attitude_name(ctx: &Ctx, attitude: Attitude) -> String {
    ctx.t(&format!("land-attitude-{}", attitude.key()))
}

fn quadrant_name(ctx: &Ctx, quadrant: Quadrant) -> String {
    ctx.t(&format!("land-quadrant-{}", quadrant.key()))
}

impl PlanTool for Stakeholder {
    type Input = StakeholderInput;
    const MANY: &'static str = "stakeholders";
    const ONE: &'static str = "stakeholder";

    fn parse(input: &StakeholderInput, _: &Landscape) -> Result<StakeholderDraft, FieldErrors> {
        input.parse()
    }

    fn input_of(&self) -> StakeholderInput {
        let (owner_id, who) = owner_fields(self.owner());
        StakeholderInput {
            name: self.name.clone(),
            interest: self.interest.to_string(),
            influence: self.influence.to_string(),
            attitude: self.attitude.key().to_owned(),
            involvement: self.involvement.clone(),
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
        vec![
            ("name", ctx.t("land-stakeholder-name")),
            ("interest", ctx.t("land-stakeholder-interest")),
            ("influence", ctx.t("land-stakeholder-influence")),
            ("attitude", ctx.t("land-stakeholder-attitude")),
            ("involvement", ctx.t("land-stakeholder-involvement")),
            ("owner_id", ctx.t("land-stakeholder-contact")),
            ("who", ctx.t("plan-who-name")),
        ]
    }

    fn fields(ctx: &Ctx, form: &ToolForm<'_, Stakeholder>) -> Markup {
        let (input, errors, people) = (form.input, form.errors, form.people);
        let attitudes: Vec<(String, String)> =
            Attitude::ALL.iter().map(|a| (a.key().to_owned(), attitude_name(ctx, *a))).collect();
        html! {
            (forms::input(ctx, Field::new(ctx, "name", "land-stakeholder-name", errors).required().hint(ctx.t("hint-land-stakeholder-name")), "text", &input.name, None))
            (forms::select(ctx, Field::new(ctx, "interest", "land-stakeholder-interest", errors).required().hint(ctx.t("hint-land-stakeholder-interest")), &steps(ctx, "land-stakeholder-interest"), &input.interest, Some(ctx.t("choose"))))
            (forms::select(ctx, Field::new(ctx, "influence", "land-stakeholder-influence", errors).required().hint(ctx.t("hint-land-stakeholder-influence")), &steps(ctx, "land-stakeholder-influence"), &input.influence, Some(ctx.t("choose"))))
            (forms::select(ctx, Field::new(ctx, "attitude", "land-stakeholder-attitude", errors).required(), &attitudes, &input.attitude, Some(ctx.t("choose"))))
            (forms::textarea(ctx, Field::new(ctx, "involvement", "land-stakeholder-involvement", errors).hint(ctx.t("hint-land-stakeholder-involvement")), &input.involvement))
            (forms::select(ctx, Field::new(ctx, "owner_id", "land-stakeholder-contact", errors), people, &input.owner_id, Some(ctx.t("plan-owner-other"))))
            (forms::input(ctx, Field::new(ctx, "who", "plan-who-name", errors).hint(ctx.t("hint-plan-who")), "text", &input.who, None))
        }
    }

    fn overview(ctx: &Ctx, landscape: &Landscape, stakeholders: &[Stakeholder]) -> Markup {
        let points: Vec<GridPoint> = stakeholders
            .iter()
            .enumerate()
            .map(|(i, s)| GridPoint {
                number: i + 1,
                interest: s.interest as u8,
                influence: s.influence as u8,
                class: s.attitude.key(),
            })
            .collect();
        let quadrants = [Quadrant::KeepSatisfied, Quadrant::InvolveClosely, Quadrant::Monitor, Quadrant::KeepInformed]
            .map(|q| quadrant_name(ctx, q));
        html! {
            figure {
                (charts::interest_grid(&ctx.t("land-stakeholders-grid"), &ctx.t("land-stakeholders-grid-desc"),
                    (&ctx.t("land-stakeholder-interest"), &ctx.t("land-stakeholder-influence")),
                    [&quadrants[0], &quadrants[1], &quadrants[2], &quadrants[3]], &points))
                figcaption { ul.legend {
                    @for attitude in Attitude::ALL {
                        li { span class=(format!("swatch attitude-{}", attitude.key())) aria-hidden="true" {} " " (attitude_name(ctx, *attitude)) }
                    }
                } }
            }
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("land-stakeholders-title")) }
                thead { tr {
                    th scope="col" { "#" }
                    th scope="col" { (ctx.t("land-stakeholder-name")) }
                    th scope="col" { (ctx.t("land-stakeholder-interest")) " / " (ctx.t("land-stakeholder-influence")) }
                    th scope="col" { (ctx.t("land-stakeholder-quadrant")) }
                    th scope="col" { (ctx.t("land-stakeholder-attitude")) }
                    th scope="col" { (ctx.t("land-stakeholder-involvement")) }
                    th scope="col" { (ctx.t("land-stakeholder-contact")) }
                    (actions_header(ctx, landscape))
                } }
                tbody { @for (i, s) in stakeholders.iter().enumerate() {
                    tr {
                        td.number { (i + 1) }
                        th scope="row" { (s.name) }
                        td.number { (s.interest) " / " (s.influence) }
                        td { (quadrant_name(ctx, s.quadrant())) }
                        td { (attitude_name(ctx, s.attitude)) }
                        td { (dash(&s.involvement)) }
                        td { (dash(&s.who)) }
                        (row_actions(ctx, landscape, s))
                    }
                } }
            } }
        }
    }
}
