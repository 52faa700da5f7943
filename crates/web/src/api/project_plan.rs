//! The project's plan and money in the API: the activity plan with what was carried out, the
//! budget lines and the costs booked against them (amounts in öre).

use super::project::{CreatedOut, ATTENDEES_MAX, LIST_BODY_MAX};
use super::*;
use parat_core::project::money::Amount;
use parat_core::project::{ActivityInput, BudgetLineInput, CostCategory, CostInput};
use parat_store::project::{self as store, Activity};

/// The operations, merged into the API in one place ([`super::operations`]).
pub(super) fn operations() -> OpenApiRouter<AppState> {
    let (schemas, paths, costs) = routes!(list_costs, book_costs);
    OpenApiRouter::new()
        .routes(routes!(list_activities, create_activity))
        .routes(routes!(get_activity, update_activity))
        .routes(routes!(list_budget_lines, create_budget_line))
        .routes((schemas, paths, costs.layer(DefaultBodyLimit::max(LIST_BODY_MAX))))
}

/// An activity, planned or carried out. Amounts in öre (hundredths of a krona or krone).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityBody {
    #[schema(min_length = 1, max_length = 200)]
    title: String,
    /// `YYYY-MM-DD`; left out for an activity done without a plan.
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    planned_on: Option<String>,
    #[serde(default)]
    #[schema(max_length = 200)]
    responsible: Option<String>,
    /// One of the initiative's goals (`/initiatives/{id}/goals`).
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 1)]
    goal_id: Option<i64>,
    /// In öre.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 0, maximum = 100000000000i64)]
    planned_cost: Option<i64>,
    /// `YYYY-MM-DD`, not in the future; left out while not carried out.
    #[serde(default)]
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    done_on: Option<String>,
    /// How many took part; only with `done_on`.
    #[serde(default, deserialize_with = "whole_number")]
    #[schema(minimum = 0, maximum = 100000)]
    participants: Option<i64>,
    /// How it departed from the plan, and why.
    #[serde(default)]
    #[schema(max_length = 4000)]
    deviation: Option<String>,
}

impl ActivityBody {
    /// The body as the page's form would send it, parsed by the same code.
    fn input(&self) -> Result<ActivityInput, AppError> {
        refuse_blank(&[
            ("planned_on", self.planned_on.as_deref(), Problem::InvalidDate),
            ("done_on", self.done_on.as_deref(), Problem::InvalidDate),
        ])?;
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let number = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        Ok(ActivityInput {
            title: self.title.clone(),
            planned_on: text(&self.planned_on),
            responsible: text(&self.responsible),
            goal_id: number(self.goal_id),
            planned_cost: self.planned_cost.map(|ore| Amount::from_ore(ore).to_string()).unwrap_or_default(),
            done_on: text(&self.done_on),
            participants: number(self.participants),
            deviation: text(&self.deviation),
        })
    }
}

#[derive(Serialize, ToSchema)]
pub struct ActivityOut {
    id: i64,
    title: String,
    planned_on: Option<String>,
    responsible: String,
    goal_id: Option<i64>,
    /// In öre.
    planned_cost: Option<i64>,
    done_on: Option<String>,
    participants: Option<u32>,
    deviation: String,
}

impl From<Activity> for ActivityOut {
    fn from(a: Activity) -> Self {
        ActivityOut {
            id: a.id,
            title: a.title,
            planned_on: a.planned_on.map(|d| d.to_string()),
            responsible: a.responsible,
            goal_id: a.goal_id,
            planned_cost: a.planned_cost.map(Amount::ore),
            done_on: a.done_on.map(|d| d.to_string()),
            participants: a.participants,
            deviation: a.deviation,
        }
    }
}

/// An initiative's activities: planned ones by date, with what was carried out.
#[utoipa::path(get, path = "/initiatives/{id}/activities", tag = "project", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = Vec<ActivityOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn list_activities(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<Vec<ActivityOut>>, AppError> {
    let activities = store::activities_of(&state.db, &scope, id).await?;
    Ok(Json(activities.into_iter().map(ActivityOut::from).collect()))
}

/// Adds an activity to an initiative's plan (or one carried out without a plan); answers 201
/// with it. Refused with 422 beyond the schema: a date that does not exist, `done_on` in the
/// future, `participants` without `done_on`, a goal not the initiative's. For coordinators and
/// administrators.
#[utoipa::path(post, path = "/initiatives/{id}/activities", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = ActivityBody,
    responses(
        (status = 201, body = ActivityOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn create_activity(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<ActivityBody>,
) -> Result<Response, AppError> {
    let draft =
        body.input()?.parse(parat_core::locale::Locale::Sv, parat_store::now_date()).map_err(AppError::Invalid)?;
    let made = store::create_activity(&state.db, &scope, id, &draft).await?;
    let activity = store::activity(&state.db, &scope, made).await?;
    Ok((StatusCode::CREATED, Json(ActivityOut::from(activity))).into_response())
}

#[utoipa::path(get, path = "/activities/{id}", tag = "project", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = ActivityOut),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such activity in the token's organisation", body = ErrorBody),
    ))]
async fn get_activity(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<ActivityOut>, AppError> {
    Ok(Json(store::activity(&state.db, &scope, id).await?.into()))
}

/// Replaces an activity's fields, e.g. to record that it was carried out; the same rules as
/// creating one.
#[utoipa::path(put, path = "/activities/{id}", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = ActivityBody,
    responses(
        (status = 200, body = ActivityOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such activity in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn update_activity(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<ActivityBody>,
) -> Result<Json<ActivityOut>, AppError> {
    let draft =
        body.input()?.parse(parat_core::locale::Locale::Sv, parat_store::now_date()).map_err(AppError::Invalid)?;
    store::update_activity(&state.db, &scope, id, &draft).await?;
    Ok(Json(store::activity(&state.db, &scope, id).await?.into()))
}

/// A budget line: what a funder gives for a category in a year, in öre.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetLineBody {
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 2000, maximum = 2100)]
    year: i64,
    category: CostCategory,
    #[serde(default)]
    #[schema(max_length = 200)]
    funder: Option<String>,
    /// In öre.
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = 0, maximum = 100000000000i64)]
    amount: i64,
    #[serde(default)]
    #[schema(max_length = 200)]
    note: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct BudgetLineOut {
    id: i64,
    year: i32,
    category: CostCategory,
    funder: String,
    /// In öre.
    amount: i64,
    note: String,
}

/// An initiative's budget lines by year, category and funder.
#[utoipa::path(get, path = "/initiatives/{id}/budget/lines", tag = "project", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = Vec<BudgetLineOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn list_budget_lines(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<Vec<BudgetLineOut>>, AppError> {
    let lines = store::budget_lines(&state.db, &scope, id).await?;
    Ok(Json(
        lines
            .into_iter()
            .map(|l| BudgetLineOut {
                id: l.id,
                year: l.year,
                category: l.category,
                funder: l.funder,
                amount: l.amount.ore(),
                note: l.note,
            })
            .collect(),
    ))
}

/// Adds a budget line; answers 201 with its id. For coordinators and administrators.
#[utoipa::path(post, path = "/initiatives/{id}/budget/lines", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = BudgetLineBody,
    responses(
        (status = 201, body = CreatedOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
    ))]
async fn create_budget_line(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<BudgetLineBody>,
) -> Result<Response, AppError> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let input = BudgetLineInput {
        year: body.year.to_string(),
        category: body.category.key().to_owned(),
        funder: text(&body.funder),
        amount: Amount::from_ore(body.amount).to_string(),
        note: text(&body.note),
    };
    let line = input.parse(parat_core::locale::Locale::Sv).map_err(AppError::Invalid)?;
    let id = store::add_budget_line(&state.db, &scope, id, &line).await?;
    Ok((StatusCode::CREATED, Json(CreatedOut { id })).into_response())
}

/// A cost booked, in öre; a correction may be negative.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CostBody {
    /// `YYYY-MM-DD`.
    #[schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    booked_on: String,
    category: CostCategory,
    /// In öre.
    #[serde(deserialize_with = "required_whole_number")]
    #[schema(minimum = -100000000000i64, maximum = 100000000000i64)]
    amount: i64,
    #[serde(default)]
    #[schema(max_length = 200)]
    text: Option<String>,
}

/// Costs to book, all or none: an export from the accounting system, say.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CostsBody {
    #[schema(min_items = 1, max_items = 1000)]
    costs: Vec<CostBody>,
}

#[derive(Serialize, ToSchema)]
pub struct CostOut {
    id: i64,
    booked_on: String,
    category: CostCategory,
    /// In öre.
    amount: i64,
    text: String,
}

#[derive(Serialize, ToSchema)]
pub struct BookedOut {
    added: usize,
}

/// The costs booked on an initiative, by date.
#[utoipa::path(get, path = "/initiatives/{id}/budget/costs", tag = "project", params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, body = Vec<CostOut>),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
    ))]
async fn list_costs(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
) -> Result<Json<Vec<CostOut>>, AppError> {
    let costs = store::costs(&state.db, &scope, id).await?;
    Ok(Json(
        costs
            .into_iter()
            .map(|c| CostOut {
                id: c.id,
                booked_on: c.booked_on.to_string(),
                category: c.category,
                amount: c.amount.ore(),
                text: c.text,
            })
            .collect(),
    ))
}

/// Books costs, all or none; answers 201 with how many. Refused with 422 naming the first wrong
/// cost by position (`costs[3].booked_on: invalid-date`): a date that does not exist. For
/// coordinators and administrators.
#[utoipa::path(post, path = "/initiatives/{id}/budget/costs", tag = "project", params(("id" = i64, Path, minimum = 1)),
    request_body = CostsBody,
    responses(
        (status = 201, body = BookedOut),
        (status = 400, description = "Not JSON, not `application/json`, or too large", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token's person does not edit initiatives", body = ErrorBody),
        (status = 404, description = "No such initiative in the token's organisation", body = ErrorBody),
        (status = 422, description = "A cost's field wrong, named by position", body = ErrorBody),
    ))]
async fn book_costs(
    State(state): State<AppState>,
    ApiScope(scope): ApiScope,
    PathId(id): PathId,
    ApiJson(body): ApiJson<CostsBody>,
) -> Result<Response, AppError> {
    if body.costs.is_empty() || body.costs.len() > ATTENDEES_MAX {
        return Err(AppError::Refused(format!("costs: from 1 to {ATTENDEES_MAX} a request")));
    }
    let mut drafts = Vec::with_capacity(body.costs.len());
    for (index, cost) in body.costs.iter().enumerate() {
        let input = CostInput {
            booked_on: cost.booked_on.clone(),
            category: cost.category.key().to_owned(),
            amount: Amount::from_ore(cost.amount).to_string(),
            text: cost.text.clone().unwrap_or_default(),
        };
        let draft = input.parse(parat_core::locale::Locale::Sv).map_err(|errors| {
            let problems: Vec<String> =
                errors.0.iter().map(|e| format!("costs[{index}].{}: {}", e.field, e.problem.code())).collect();
            AppError::Refused(problems.join(", "))
        })?;
        drafts.push(draft);
    }
    let added = store::add_costs(&state.db, &scope, id, &drafts).await?;
    Ok((StatusCode::CREATED, Json(BookedOut { added })).into_response())
}
