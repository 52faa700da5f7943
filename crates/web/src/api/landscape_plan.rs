//! The landscape's planning tools in the API: goals, the theory of change, stakeholders,
//! milestones and risks, each listed, added, replaced and removed the same way. Each tool has its
//! own shapes (`…Out`, `…Body`); [`plan_operations!`] writes its four operations.

use super::*;
use crate::context::PathIds;
use parat_core::landscape::goals::{GoalInput, GoalLevel, GOAL_MAX, MEASURE_MAX};
use parat_core::landscape::plan::{MilestoneInput, MilestoneStatus, RiskInput, RiskLevel, MITIGATION_MAX, WHAT_MAX};
use parat_core::landscape::stakeholders::{Attitude, Quadrant, StakeholderInput, INVOLVEMENT_MAX, NAME_MAX};
use parat_core::landscape::theory::{ChangeStage, ChangeStepInput, STEP_MAX};
use parat_core::owner::WHO_MAX;
use parat_store::landscape::{self as store, ChangeStep, Goal, Landscape, Milestone, PlanItem, Risk, Stakeholder};

/// The planning tools' operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_goals, add_goal))
        .routes(routes!(update_goal, delete_goal))
        .routes(routes!(list_steps, add_step))
        .routes(routes!(update_step, delete_step))
        .routes(routes!(list_stakeholders, add_stakeholder))
        .routes(routes!(update_stakeholder, delete_stakeholder))
        .routes(routes!(list_milestones, add_milestone))
        .routes(routes!(update_milestone, delete_milestone))
        .routes(routes!(list_risks, add_risk))
        .routes(routes!(update_risk, delete_risk))
}

/// A tool's request body: checked against the initiative's landscape into the store's draft.
trait PlanBody {
    type Item: PlanItem;
    fn parse(self, landscape: &Landscape) -> Result<<Self::Item as PlanItem>::Draft, AppError>;
}

async fn list_items<T: PlanItem, O: From<T>>(
    state: &AppState,
    scope: &OrgScope,
    id: i64,
) -> Result<Json<Vec<O>>, AppError> {
    let landscape = store::open(&state.db, scope, id).await?;
    Ok(Json(store::items::<T>(&state.db, &landscape).await?.into_iter().map(O::from).collect()))
}

async fn add_item<B: PlanBody, O: From<B::Item> + Serialize>(
    state: &AppState,
    scope: &OrgScope,
    id: i64,
    body: B,
) -> Result<Response, AppError> {
    let landscape = store::open(&state.db, scope, id).await?;
    let draft = body.parse(&landscape)?;
    let record = store::add::<B::Item>(&state.db, scope, &landscape, &draft, "").await?;
    let created = store::item::<B::Item>(&state.db, &landscape, record).await?;
    Ok((StatusCode::CREATED, Json(O::from(created))).into_response())
}

async fn update_item<B: PlanBody, O: From<B::Item>>(
    state: &AppState,
    scope: &OrgScope,
    (id, record): (i64, i64),
    body: B,
) -> Result<Json<O>, AppError> {
    let landscape = store::open(&state.db, scope, id).await?;
    store::item::<B::Item>(&state.db, &landscape, record).await?;
    let draft = body.parse(&landscape)?;
    store::update::<B::Item>(&state.db, scope, &landscape, record, &draft).await?;
    Ok(Json(store::item::<B::Item>(&state.db, &landscape, record).await?.into()))
}

async fn delete_item<T: PlanItem>(
    state: &AppState,
    scope: &OrgScope,
    (id, record): (i64, i64),
) -> Result<StatusCode, AppError> {
    let landscape = store::open(&state.db, scope, id).await?;
    match store::remove::<T>(&state.db, scope, &landscape, record).await {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(parat_store::StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::HasDependents)),
        Err(other) => Err(other.into()),
    }
}

/// Writes one tool's four operations on `/initiatives/{id}/<tool>` and `…/<tool>/{<record>}`,
/// with the OpenAPI description of each.
macro_rules! plan_operations {
    (
        item: $item:ty, out: $out:ty, body: $body:ty,
        path: $path:tt, record_path: $record_path:tt, record: $record:tt,
        list: $list:ident $list_doc:tt,
        add: $add:ident $add_doc:tt,
        update: $update:ident $update_doc:tt,
        delete: $delete:ident $delete_doc:tt $(,)?
    ) => {
        #[doc = $list_doc]
        #[utoipa::path(get, path = $path, tag = "landscape", params(("id" = i64, Path, minimum = 1)),
            responses(
                (status = 200, body = Vec<$out>),
                (status = 401, description = "No valid token", body = ErrorBody),
                (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
            ))]
        async fn $list(
            State(state): State<AppState>,
            ApiScope(scope): ApiScope,
            PathId(id): PathId,
        ) -> Result<Json<Vec<$out>>, AppError> {
            list_items::<$item, $out>(&state, &scope, id).await
        }

        #[doc = $add_doc]
        #[utoipa::path(post, path = $path, tag = "landscape", params(("id" = i64, Path, minimum = 1)),
            request_body = $body,
            responses(
                (status = 201, body = $out),
                (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
                (status = 401, description = "No valid token", body = ErrorBody),
                (status = 403, description = "Your role may not edit initiatives", body = ErrorBody),
                (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
                (status = 422, description = "Invalid fields, each named", body = ErrorBody),
            ))]
        async fn $add(
            State(state): State<AppState>,
            ApiScope(scope): ApiScope,
            PathId(id): PathId,
            ApiJson(body): ApiJson<$body>,
        ) -> Result<Response, AppError> {
            add_item::<$body, $out>(&state, &scope, id, body).await
        }

        #[doc = $update_doc]
        #[utoipa::path(put, path = $record_path, tag = "landscape",
            params(("id" = i64, Path, minimum = 1), ($record = i64, Path, minimum = 1)),
            request_body = $body,
            responses(
                (status = 200, body = $out),
                (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
                (status = 401, description = "No valid token", body = ErrorBody),
                (status = 403, description = "Your role may not edit initiatives", body = ErrorBody),
                (status = 404, description = "No such initiative, or no such record in it", body = ErrorBody),
                (status = 422, description = "Invalid fields, each named", body = ErrorBody),
            ))]
        async fn $update(
            State(state): State<AppState>,
            ApiScope(scope): ApiScope,
            PathIds(id, record): PathIds,
            ApiJson(body): ApiJson<$body>,
        ) -> Result<Json<$out>, AppError> {
            update_item::<$body, $out>(&state, &scope, (id, record), body).await
        }

        #[doc = $delete_doc]
        #[utoipa::path(delete, path = $record_path, tag = "landscape",
            params(("id" = i64, Path, minimum = 1), ($record = i64, Path, minimum = 1)),
            responses(
                (status = 204, description = "Removed"),
                (status = 401, description = "No valid token", body = ErrorBody),
                (status = 403, description = "Your role may not edit initiatives", body = ErrorBody),
                (status = 404, description = "No such initiative, or no such record in it", body = ErrorBody),
                (status = 409, description = "Other records hang on it (`has_dependents`)", body = ErrorBody),
            ))]
        async fn $delete(
            State(state): State<AppState>,
            ApiScope(scope): ApiScope,
            PathIds(id, record): PathIds,
        ) -> Result<StatusCode, AppError> {
            delete_item::<$item>(&state, &scope, (id, record)).await
        }
    };
}

plan_operations! {
    item: Goal, out: GoalOut, body: GoalBody,
    path: "/initiatives/{id}/goals", record_path: "/initiatives/{id}/goals/{goal}", record: "goal",
    list: list_goals "The initiative's goals, in the order they were added; `parent_id` gives the hierarchy.",
    add: add_goal "Adds a purpose, goal or sub-goal. Coordinators and administrators only. Refused with 422 beyond \
        the schema: a purpose has no parent, a sub-goal needs one, and a parent must be one of the initiative's \
        goals on the rung above.",
    update: update_goal "Replaces a goal. Coordinators and administrators only; same rules as adding one, and a goal \
        with goals under it keeps its rung.",
    delete: delete_goal "Removes a goal. Coordinators and administrators only; 409 while goals hang under it.",
}

plan_operations! {
    item: ChangeStep, out: StepOut, body: StepBody,
    path: "/initiatives/{id}/theory", record_path: "/initiatives/{id}/theory/{step}", record: "step",
    list: list_steps "The theory of change: its steps column by column (need, activity, output, short_term, \
        long_term, then assumptions), each column as added.",
    add: add_step "Adds a step to the theory of change. Coordinators and administrators only.",
    update: update_step "Replaces a step of the theory of change. Coordinators and administrators only.",
    delete: delete_step "Removes a step of the theory of change. Coordinators and administrators only.",
}

plan_operations! {
    item: Stakeholder, out: StakeholderOut, body: StakeholderBody,
    path: "/initiatives/{id}/stakeholders", record_path: "/initiatives/{id}/stakeholders/{stakeholder}",
    record: "stakeholder",
    list: list_stakeholders "The initiative's stakeholders, most influence first, then most interest.",
    add: add_stakeholder "Adds a stakeholder. Coordinators and administrators only. Refused with 422 beyond the \
        schema: `owner_id` must be a member of the organisation.",
    update: update_stakeholder "Replaces a stakeholder. Coordinators and administrators only; same rules as adding one.",
    delete: delete_stakeholder "Removes a stakeholder. Coordinators and administrators only.",
}

plan_operations! {
    item: Milestone, out: MilestoneOut, body: MilestoneBody,
    path: "/initiatives/{id}/milestones", record_path: "/initiatives/{id}/milestones/{milestone}",
    record: "milestone",
    list: list_milestones "The initiative's milestones by planned date.",
    add: add_milestone "Adds a milestone. Coordinators and administrators only. Refused with 422 beyond the schema: \
        the phase must be one of the framework's, `reached_on` goes only with `reached` and not after today, and \
        `owner_id` must be a member of the organisation.",
    update: update_milestone "Replaces a milestone. Coordinators and administrators only; same rules as adding one.",
    delete: delete_milestone "Removes a milestone. Coordinators and administrators only.",
}

plan_operations! {
    item: Risk, out: RiskOut, body: RiskBody,
    path: "/initiatives/{id}/risks", record_path: "/initiatives/{id}/risks/{risk}", record: "risk",
    list: list_risks "The initiative's risks, highest score first.",
    add: add_risk "Adds a risk. Coordinators and administrators only. Refused with 422 beyond the schema: \
        `owner_id` must be a member of the organisation.",
    update: update_risk "Replaces a risk. Coordinators and administrators only; same rules as adding one.",
    delete: delete_risk "Removes a risk. Coordinators and administrators only.",
}

#[derive(Serialize, ToSchema)]
pub struct RiskOut {
    id: i64,
    what: String,
    #[schema(minimum = 1, maximum = 5)]
    likelihood: i64,
    #[schema(minimum = 1, maximum = 5)]
    consequence: i64,
    /// likelihood × consequence
    #[schema(minimum = 1, maximum = 25)]
    score: i64,
    /// 1–4 low, 5–9 medium, 10–16 high, 20–25 very high.
    level: RiskLevel,
    mitigation: String,
    /// The owner: a member's name or a name given instead; empty when nobody.
    owner: String,
    owner_id: Option<i64>,
    /// The readiness result it was made from (`assessment:<id>:<dimension>` or
    /// `round:<id>:<scale>`); empty when made by hand.
    source: String,
}

impl From<Risk> for RiskOut {
    fn from(r: Risk) -> Self {
        RiskOut {
            id: r.id,
            level: r.level(),
            score: r.score(),
            what: r.what,
            likelihood: r.likelihood,
            consequence: r.consequence,
            mitigation: r.mitigation,
            owner: r.who,
            owner_id: r.owner_id,
            source: r.source,
        }
    }
}

/// A risk to add, or to replace one with.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskBody {
    #[schema(
        min_length = 1,
        max_length = 500,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    what: String,
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 1, maximum = 5)]
    likelihood: i64,
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 1, maximum = 5)]
    consequence: i64,
    #[serde(default)]
    #[schema(max_length = 2000, pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$")]
    mitigation: Option<String>,
    /// A member of the organisation who owns the risk.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    owner_id: Option<i64>,
    /// A name instead of a member (used when `owner_id` is left out).
    #[serde(default)]
    #[schema(max_length = 160, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    owner: Option<String>,
}

impl PlanBody for RiskBody {
    type Item = Risk;

    fn parse(self, _: &Landscape) -> Result<parat_core::landscape::plan::RiskDraft, AppError> {
        let mut errors = FieldErrors::new();
        untrimmed(&mut errors, "what", Some(&self.what), WHAT_MAX);
        untrimmed(&mut errors, "mitigation", self.mitigation.as_deref(), MITIGATION_MAX);
        untrimmed(&mut errors, "owner", self.owner.as_deref(), WHO_MAX);
        let input = RiskInput {
            what: self.what,
            likelihood: self.likelihood.to_string(),
            consequence: self.consequence.to_string(),
            mitigation: self.mitigation.unwrap_or_default(),
            owner_id: self.owner_id.map(|id| id.to_string()).unwrap_or_default(),
            who: self.owner.unwrap_or_default(),
        };
        combined(errors, input.parse().map_err(|found| renamed(found, &[("who", "owner")])))
    }
}

#[derive(Serialize, ToSchema)]
pub struct MilestoneOut {
    id: i64,
    name: String,
    /// One of the framework's phases, e.g. `introduction`.
    phase: Option<String>,
    #[schema(format = Date)]
    planned_on: String,
    #[schema(format = Date)]
    reached_on: Option<String>,
    status: MilestoneStatus,
    /// Planned or in progress, and planned before today.
    overdue: bool,
    owner: String,
    owner_id: Option<i64>,
    /// The readiness result it was made from (`assessment:<id>:<dimension>` or
    /// `round:<id>:<scale>`); empty when made by hand.
    source: String,
}

impl From<Milestone> for MilestoneOut {
    fn from(m: Milestone) -> Self {
        MilestoneOut {
            id: m.id,
            overdue: m.is_overdue(parat_store::now_date()),
            name: m.name,
            phase: m.phase,
            planned_on: m.planned_on.to_string(),
            reached_on: m.reached_on.map(|d| d.to_string()),
            status: m.status,
            owner: m.who,
            owner_id: m.owner_id,
            source: m.source,
        }
    }
}

/// A milestone to add, or to replace one with.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneBody {
    #[schema(
        min_length = 1,
        max_length = 500,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    name: String,
    /// One of the initiative's framework's phases (`needs`, `introduction`, `use`,
    /// `sustainment` in Parat's).
    #[serde(default)]
    #[schema(max_length = 40, pattern = "^[a-z0-9_-]{1,40}$")]
    phase: Option<String>,
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    planned_on: String,
    /// When it was reached: only with `status` `reached`, never after today; it may be before
    /// the planned date.
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    reached_on: Option<String>,
    /// `planned` when left out.
    #[serde(default)]
    status: Option<MilestoneStatus>,
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    owner_id: Option<i64>,
    #[serde(default)]
    #[schema(max_length = 160, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    owner: Option<String>,
}

impl PlanBody for MilestoneBody {
    type Item = Milestone;

    fn parse(self, landscape: &Landscape) -> Result<parat_core::landscape::plan::MilestoneDraft, AppError> {
        let mut errors = FieldErrors::new();
        untrimmed(&mut errors, "name", Some(&self.name), WHAT_MAX);
        untrimmed(&mut errors, "owner", self.owner.as_deref(), WHO_MAX);
        for (field, date) in [("planned_on", Some(&self.planned_on)), ("reached_on", self.reached_on.as_ref())] {
            if date.is_some_and(|d| d.is_empty() || d.trim() != d) {
                errors.add(field, Problem::InvalidDate);
            }
        }
        if self.phase.as_deref().is_some_and(|p| p.trim() != p || p.is_empty()) {
            errors.add("phase", Problem::UnknownChoice);
        }
        let input = MilestoneInput {
            name: self.name,
            phase: self.phase.unwrap_or_default(),
            planned_on: self.planned_on,
            reached_on: self.reached_on.unwrap_or_default(),
            status: self.status.map(|s| s.key().to_owned()).unwrap_or_default(),
            owner_id: self.owner_id.map(|id| id.to_string()).unwrap_or_default(),
            who: self.owner.unwrap_or_default(),
        };
        let parsed = input.parse(&landscape.framework().phase_keys(), parat_store::now_date());
        combined(errors, parsed.map_err(|found| renamed(found, &[("who", "owner")])))
    }
}

#[derive(Serialize, ToSchema)]
pub struct GoalOut {
    id: i64,
    level: GoalLevel,
    /// The goal it hangs under: a purpose for a goal, a goal for a sub-goal.
    parent_id: Option<i64>,
    text: String,
    /// How the organisation will know it is reached.
    measure: String,
    owner: String,
    owner_id: Option<i64>,
}

impl From<Goal> for GoalOut {
    fn from(g: Goal) -> Self {
        GoalOut {
            id: g.id,
            level: g.level,
            parent_id: g.parent_id,
            text: g.text,
            measure: g.measure,
            owner: g.who,
            owner_id: g.owner_id,
        }
    }
}

/// A goal to add, or to replace one with.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalBody {
    level: GoalLevel,
    /// Left out for a purpose (and for a goal without one); required for a sub-goal.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    parent_id: Option<i64>,
    #[schema(
        min_length = 1,
        max_length = 500,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    text: String,
    #[serde(default)]
    #[schema(max_length = 2000, pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$")]
    measure: Option<String>,
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    owner_id: Option<i64>,
    #[serde(default)]
    #[schema(max_length = 160, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    owner: Option<String>,
}

impl PlanBody for GoalBody {
    type Item = Goal;

    fn parse(self, _: &Landscape) -> Result<parat_core::landscape::goals::GoalDraft, AppError> {
        let mut errors = FieldErrors::new();
        untrimmed(&mut errors, "text", Some(&self.text), GOAL_MAX);
        untrimmed(&mut errors, "measure", self.measure.as_deref(), MEASURE_MAX);
        untrimmed(&mut errors, "owner", self.owner.as_deref(), WHO_MAX);
        let input = GoalInput {
            level: self.level.key().to_owned(),
            parent_id: self.parent_id.map(|id| id.to_string()).unwrap_or_default(),
            text: self.text,
            measure: self.measure.unwrap_or_default(),
            owner_id: self.owner_id.map(|id| id.to_string()).unwrap_or_default(),
            who: self.owner.unwrap_or_default(),
        };
        combined(errors, input.parse().map_err(|found| renamed(found, &[("who", "owner")])))
    }
}

#[derive(Serialize, ToSchema)]
pub struct StepOut {
    id: i64,
    stage: ChangeStage,
    text: String,
}

impl From<ChangeStep> for StepOut {
    fn from(s: ChangeStep) -> Self {
        StepOut { id: s.id, stage: s.stage, text: s.text }
    }
}

/// A step of the theory of change to add, or to replace one with.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepBody {
    stage: ChangeStage,
    #[schema(
        min_length = 1,
        max_length = 500,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    text: String,
}

impl PlanBody for StepBody {
    type Item = ChangeStep;

    fn parse(self, _: &Landscape) -> Result<parat_core::landscape::theory::ChangeStepDraft, AppError> {
        let mut errors = FieldErrors::new();
        untrimmed(&mut errors, "text", Some(&self.text), STEP_MAX);
        let input = ChangeStepInput { stage: self.stage.key().to_owned(), text: self.text };
        combined(errors, input.parse())
    }
}

#[derive(Serialize, ToSchema)]
pub struct StakeholderOut {
    id: i64,
    name: String,
    #[schema(minimum = 1, maximum = 4)]
    interest: i64,
    #[schema(minimum = 1, maximum = 4)]
    influence: i64,
    /// The quarter of the interest/influence grid (3–4 high, 1–2 low).
    quadrant: Quadrant,
    attitude: Attitude,
    /// How to involve them.
    involvement: String,
    /// Who keeps in touch with them: a member's name or a name given instead.
    owner: String,
    owner_id: Option<i64>,
}

impl From<Stakeholder> for StakeholderOut {
    fn from(s: Stakeholder) -> Self {
        StakeholderOut {
            id: s.id,
            quadrant: s.quadrant(),
            name: s.name,
            interest: s.interest,
            influence: s.influence,
            attitude: s.attitude,
            involvement: s.involvement,
            owner: s.who,
            owner_id: s.owner_id,
        }
    }
}

/// A stakeholder to add, or to replace one with.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StakeholderBody {
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\s\\u0000-\\u001f\\u007f-\\u009f][^\\u0000-\\u001f\\u007f-\\u009f]*$"
    )]
    name: String,
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 1, maximum = 4)]
    interest: i64,
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 1, maximum = 4)]
    influence: i64,
    attitude: Attitude,
    #[serde(default)]
    #[schema(max_length = 2000, pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$")]
    involvement: Option<String>,
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    owner_id: Option<i64>,
    #[serde(default)]
    #[schema(max_length = 160, pattern = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$")]
    owner: Option<String>,
}

impl PlanBody for StakeholderBody {
    type Item = Stakeholder;

    fn parse(self, _: &Landscape) -> Result<parat_core::landscape::stakeholders::StakeholderDraft, AppError> {
        let mut errors = FieldErrors::new();
        untrimmed(&mut errors, "name", Some(&self.name), NAME_MAX);
        untrimmed(&mut errors, "involvement", self.involvement.as_deref(), INVOLVEMENT_MAX);
        untrimmed(&mut errors, "owner", self.owner.as_deref(), WHO_MAX);
        let input = StakeholderInput {
            name: self.name,
            interest: self.interest.to_string(),
            influence: self.influence.to_string(),
            attitude: self.attitude.key().to_owned(),
            involvement: self.involvement.unwrap_or_default(),
            owner_id: self.owner_id.map(|id| id.to_string()).unwrap_or_default(),
            who: self.owner.unwrap_or_default(),
        };
        combined(errors, input.parse().map_err(|found| renamed(found, &[("who", "owner")])))
    }
}
