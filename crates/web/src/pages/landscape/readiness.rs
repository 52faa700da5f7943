//! Readiness beside the levels: the results each level names, and the lowest (or a strategy of
//! the action plan) turned into a milestone or a risk in one step — the new record keeps a link back to the result and opens
//! for editing, since a made-up date or likelihood is only a starting point.

// The area's shared imports and helpers live in mod.rs.
use super::tools::PlanTool;
use super::*;
use parat_core::landscape::framework::Level;
use parat_core::landscape::plan::{MilestoneDraft, MilestoneStatus, RiskDraft};
use parat_core::owner::Owner;
use parat_core::readiness::action::{ActionDraft, ActionStatus};
use parat_store::landscape::{Figure, Milestone, Reading, Risk};
use parat_store::readiness::ActionItem;

/// A figure as the reader's language writes it: "4,2 (stadium 4)" or "3,1 av 5 (16 svar)".
pub(super) fn figure_text(ctx: &Ctx, figure: &Figure) -> String {
    match figure {
        Figure::Dimension { score, stage, .. } => format!(
            "{} ({})",
            ctx.locale.format_decimal(*score, 2),
            ctx.t_with("land-readiness-stage", &[("stage", f64::from(*stage).into())])
        ),
        Figure::Scale { mean: Some(mean), n, range, .. } => {
            let of = range.map(|(_, high)| format!(" / {}", ctx.locale.format_decimal(high, 0))).unwrap_or_default();
            let answers = ctx.t_with("land-readiness-answers", &[("n", (*n as f64).into())]);
            format!("{}{of} ({answers})", ctx.locale.format_decimal(*mean, 2))
        }
        Figure::Scale { mean: None, .. } => ctx.t("land-readiness-too-few"),
    }
}

/// The level's readiness results, if it names any that were measured.
pub(super) fn level_readings(ctx: &Ctx, landscape: &Landscape, readings: &[Reading], level: &Level) -> Markup {
    let shown: Vec<&Reading> = readings.iter().filter(|r| level.readiness.contains(&r.reference)).collect();
    let id = landscape.initiative_id;
    html! {
        @if !shown.is_empty() {
            div.readiness {
                h3 { (ctx.t("land-readiness-title")) }
                ul { @for reading in &shown {
                    li {
                        a href=(reading.href) { (reading.name.get(ctx.locale)) } ": " (figure_text(ctx, &reading.figure))
                        @if reading.figure.is_lowest() {
                            " " span.badge { (ctx.t("land-readiness-lowest")) }
                            @if landscape.can_edit {
                                @let dimension = matches!(reading.figure, Figure::Dimension { .. });
                                @for (kind, label) in [("milestone", "land-readiness-to-milestone"), ("risk", "land-readiness-to-risk"), ("action", "land-readiness-to-action")].into_iter().filter(|(kind, _)| dimension || *kind != "action") {
                                    form.inline method="post" action=(format!("/initiatives/{id}/landscape/from-readiness")) {
                                        (csrf(ctx))
                                        input type="hidden" name="source" value=(reading.source);
                                        input type="hidden" name="kind" value=(kind);
                                        button.small.secondary type="submit" { (ctx.t_with(label, &[("name", reading.name.get(ctx.locale).to_owned().into())])) }
                                    }
                                }
                            }
                        }
                    }
                } }
            }
        }
    }
}

/// What a plan record is made from: a result the landscape shows, or an action of the
/// initiative's readiness action plan. The source is looked up, never taken as sent.
enum Origin {
    Reading(Reading),
    Action(ActionItem),
}

impl Origin {
    async fn find(state: &AppState, member: &Member, landscape: &Landscape, source: &str) -> Result<Origin, AppError> {
        let (db, scope) = (&state.db, &member.scope);
        if let Some(rest) = source.strip_prefix("action:") {
            let mut ids = rest.split(':').map(|id| id.parse::<i64>().ok());
            let (Some(Some(assessment)), Some(Some(action)), None) = (ids.next(), ids.next(), ids.next()) else {
                return Err(AppError::NotFound);
            };
            let (assessment, _) = parat_store::readiness::get(db, scope, assessment).await?;
            if assessment.initiative_id != landscape.initiative_id {
                return Err(AppError::NotFound);
            }
            return Ok(Origin::Action(parat_store::readiness::action(db, scope, &assessment, action).await?));
        }
        let readings = landscape::readings(db, scope, landscape).await?;
        readings.into_iter().find(|r| r.source == source).map(Origin::Reading).ok_or(AppError::NotFound)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FromReadiness {
    source: String,
    kind: String,
}

/// Makes a milestone, a risk or an action from one of the initiative's readiness results (a
/// milestone from a strategy of its action plan) and opens it for editing.
pub async fn from_readiness(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(form): Submitted<FromReadiness>,
) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    let (db, scope) = (&state.db, &member.scope);
    let me = Some(Owner::Member(scope.user_id()));
    let edit = match (Origin::find(&state, &member, &landscape, &form.source).await?, form.kind.as_str()) {
        (Origin::Reading(reading), kind @ ("milestone" | "risk")) => {
            let name = reading.name.get(ctx.locale).to_owned();
            if kind == "risk" {
                let draft = RiskDraft {
                    what: ctx.t_with("land-readiness-risk", &[("name", name.into())]),
                    likelihood: 3,
                    consequence: 3,
                    mitigation: String::new(),
                    owner: me,
                };
                tool_edit::<Risk>(id, landscape::add::<Risk>(db, scope, &landscape, &draft, &reading.source).await?)
            } else {
                let draft = MilestoneDraft {
                    name: ctx.t_with("land-readiness-milestone", &[("name", name.into())]),
                    phase: landscape.framework().phases.first().map(|p| p.key.clone()),
                    planned_on: today() + time::Duration::days(90),
                    reached_on: None,
                    status: MilestoneStatus::Planned,
                    owner: me,
                };
                tool_edit::<Milestone>(
                    id,
                    landscape::add::<Milestone>(db, scope, &landscape, &draft, &reading.source).await?,
                )
            }
        }
        // A low dimension becomes an action in its assessment's action plan, at its stage.
        (Origin::Reading(reading), "action") => {
            let assessment = reading
                .source
                .strip_prefix("assessment:")
                .and_then(|rest| rest.split(':').next())
                .and_then(|id| id.parse::<i64>().ok())
                .ok_or_else(|| AppError::BadRequest("only an assessment's result has an action plan".into()))?;
            let (assessment, _) = parat_store::readiness::get(db, scope, assessment).await?;
            let stage = match reading.figure {
                Figure::Dimension { stage, .. } => Some(stage),
                Figure::Scale { .. } => None,
            };
            let draft = ActionDraft {
                what: ctx.t_with("land-readiness-action", &[("name", reading.name.get(ctx.locale).to_owned().into())]),
                owner: Owner::Member(scope.user_id()),
                due_on: Some(today() + time::Duration::days(60)),
                status: ActionStatus::Open,
            };
            let action = parat_store::readiness::add_action(db, scope, &assessment, stage, &draft).await?;
            format!("/assessments/{}/actions/{action}/edit", assessment.id)
        }
        // A strategy of the action plan is work with a date: a milestone, as it stands.
        (Origin::Action(item), "milestone") => {
            let done = item.status == ActionStatus::Done;
            let draft = MilestoneDraft {
                name: item.what.clone(),
                phase: landscape.framework().phases.first().map(|p| p.key.clone()),
                planned_on: item.due_on.or(item.done_on).unwrap_or_else(|| today() + time::Duration::days(90)),
                reached_on: if done { item.done_on } else { None },
                status: if done { MilestoneStatus::Reached } else { MilestoneStatus::Planned },
                owner: item.owner(),
            };
            tool_edit::<Milestone>(id, landscape::add::<Milestone>(db, scope, &landscape, &draft, &form.source).await?)
        }
        _ => {
            return Err(AppError::BadRequest(
                "kind must be milestone, risk or action for a result, milestone for an action".into(),
            ))
        }
    };
    Ok(redirect_with_cookies(&edit, &[]))
}

/// The page that edits a planning tool's new record.
fn tool_edit<T: PlanTool>(initiative: i64, record: i64) -> String {
    format!("/initiatives/{initiative}/{}/{record}/edit", T::MANY)
}

/// Where a plan record made from a readiness result links back to, with its label.
pub(super) fn source_link(ctx: &Ctx, source: &str) -> Markup {
    let mut parts = source.split(':');
    let href = match (parts.next(), parts.next().and_then(|id| id.parse::<i64>().ok())) {
        (Some("assessment"), Some(id)) => Some(format!("/assessments/{id}/results")),
        (Some("round"), Some(id)) => Some(format!("/rounds/{id}/results")),
        (Some("action"), Some(id)) => Some(format!("/assessments/{id}/results#action-plan")),
        _ => None,
    };
    html! {
        @if let Some(href) = href {
            " " a.hint href=(href) { (ctx.t("land-readiness-from")) }
        }
    }
}
