//! The activity plan and what was carried out: the list with a form for a new activity, and each
//! activity's form to record when it was done, with how many, and how it departed from the plan.

use parat_core::project::ActivityInput;
use parat_store::project::Activity;

use super::*;

fn input_of(activity: &Activity) -> ActivityInput {
    let date = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    ActivityInput {
        title: activity.title.clone(),
        planned_on: date(activity.planned_on),
        responsible: activity.responsible.clone(),
        goal_id: activity.goal_id.map(|id| id.to_string()).unwrap_or_default(),
        planned_cost: activity.planned_cost.map(|a| a.to_string()).unwrap_or_default(),
        done_on: date(activity.done_on),
        participants: activity.participants.map(|n| n.to_string()).unwrap_or_default(),
        deviation: activity.deviation.clone(),
    }
}

fn labels(ctx: &Ctx) -> [(&'static str, String); 8] {
    [
        ("title", ctx.t("project-activity-title")),
        ("planned_on", ctx.t("project-activity-planned-on")),
        ("responsible", ctx.t("project-activity-responsible")),
        ("goal_id", ctx.t("project-activity-goal")),
        ("planned_cost", ctx.t("project-activity-planned-cost")),
        ("done_on", ctx.t("project-activity-done-on")),
        ("participants", ctx.t("project-activity-participants")),
        ("deviation", ctx.t("project-activity-deviation")),
    ]
}

fn activity_form(
    ctx: &Ctx,
    action: &str,
    button: &str,
    goals: &[(i64, String)],
    input: &ActivityInput,
    errors: &FieldErrors,
) -> Markup {
    let goals: Vec<(String, String)> = goals.iter().map(|(id, text)| (id.to_string(), text.clone())).collect();
    html! {
        (error_summary(ctx, errors, &labels(ctx)))
        form.stacked method="post" action=(action) novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "title", "project-activity-title", errors).required(), "text", &input.title, Some("off")))
            (forms::input(ctx, Field::new(ctx, "planned_on", "project-activity-planned-on", errors), "date", &input.planned_on, None))
            (forms::input(ctx, Field::new(ctx, "responsible", "project-activity-responsible", errors), "text", &input.responsible, None))
            (forms::select(ctx, Field::new(ctx, "goal_id", "project-activity-goal", errors), &goals, &input.goal_id, Some(ctx.t("project-activity-no-goal"))))
            (forms::input(ctx, Field::new(ctx, "planned_cost", "project-activity-planned-cost", errors).hint(ctx.t("hint-project-amount")), "text", &input.planned_cost, Some("off")))
            fieldset.group {
                legend { (ctx.t("project-activity-carried-out")) }
                (forms::input(ctx, Field::new(ctx, "done_on", "project-activity-done-on", errors), "date", &input.done_on, None))
                (forms::input(ctx, Field::new(ctx, "participants", "project-activity-participants", errors), "number", &input.participants, None))
                (forms::textarea(ctx, Field::new(ctx, "deviation", "project-activity-deviation", errors).hint(ctx.t("hint-project-deviation")), &input.deviation))
            }
            div.actions { button type="submit" { (button) } }
        }
    }
}

async fn activities_view(
    state: &AppState,
    member: &Member,
    initiative_id: i64,
    shown_notice: Option<&str>,
    input: &ActivityInput,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let initiative = parat_store::initiatives::get(&state.db, &member.scope, initiative_id).await?;
    let activities = store::activities_of(&state.db, &member.scope, initiative_id).await?;
    let goals = store::goal_choices(&state.db, &member.scope, initiative_id).await?;
    let date = |d: Option<time::Date>| d.map(|d| ctx.locale.format_date(d)).unwrap_or_else(|| "–".into());
    let planned: parat_core::project::money::Amount = activities.iter().filter_map(|a| a.planned_cost).sum();
    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{initiative_id}")) { (initiative.name) } }
        h1 { (ctx.t("project-activities")) }
        (notice(ctx, shown_notice))
        p.lead { (ctx.t("project-activities-lead")) }
        @if activities.is_empty() {
            p { (ctx.t("project-activities-none")) }
        } @else {
            div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-activities")) { table {
                caption { (ctx.t("project-activities")) }
                thead { tr {
                    th scope="col" { (ctx.t("project-activity-planned-on")) }
                    th scope="col" { (ctx.t("project-activity-title")) }
                    th scope="col" { (ctx.t("project-activity-responsible")) }
                    th scope="col" { (ctx.t("project-activity-goal")) }
                    th scope="col" { (ctx.t("project-activity-planned-cost")) }
                    th scope="col" { (ctx.t("project-activity-done-on")) }
                    th scope="col" { (ctx.t("project-activity-participants")) }
                    th scope="col" { (ctx.t("project-activity-deviation")) }
                } }
                tbody { @for a in &activities { tr {
                    td.date { (date(a.planned_on)) }
                    th scope="row" { a href=(format!("/activities/{}", a.id)) { (a.title) } }
                    td { (a.responsible) }
                    td { (a.goal.as_deref().unwrap_or("–")) }
                    td.number { (a.planned_cost.map(|c| c.format(ctx.locale)).unwrap_or_else(|| "–".into())) }
                    td.date { (date(a.done_on)) }
                    td.number { (a.participants.map(|n| n.to_string()).unwrap_or_else(|| "–".into())) }
                    td { (a.deviation) }
                } } }
                tfoot { tr {
                    th scope="row" colspan="4" { (ctx.t("project-activities-total")) }
                    td.number { (planned.format(ctx.locale)) }
                    td colspan="3" {}
                } }
            } }
        }
        @if member.scope.role().can_edit_initiatives() {
            h2 #new-activity { (ctx.t("project-activity-new")) }
            (activity_form(ctx, &format!("/initiatives/{initiative_id}/activities"), &ctx.t("project-activity-create"), &goals, input, errors))
        }
    };
    Ok(page(ctx, &ctx.t("project-activities"), Nav::Initiatives, body))
}

pub async fn activities_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    activities_view(&state, &member, id, query.notice.as_deref(), &ActivityInput::default(), &FieldErrors::new()).await
}

pub async fn create_activity(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<ActivityInput>,
) -> Result<Response, AppError> {
    let made = match input.parse(member.ctx.locale, parat_store::now_date()) {
        Ok(draft) => store::create_activity(&state.db, &member.scope, id, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match made {
        Ok(_) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/activities?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            Ok(rejected(activities_view(&state, &member, id, None, &input, &errors).await?))
        }
        Err(other) => Err(other.into()),
    }
}

async fn activity_view(
    state: &AppState,
    member: &Member,
    id: i64,
    shown: Option<(&ActivityInput, &FieldErrors)>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let activity = store::activity(&state.db, &member.scope, id).await?;
    let goals = store::goal_choices(&state.db, &member.scope, activity.initiative_id).await?;
    let stored = input_of(&activity);
    let none = FieldErrors::new();
    let (input, errors) = shown.unwrap_or((&stored, &none));
    let can_edit = member.scope.role().can_edit_initiatives();
    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{}/activities", activity.initiative_id)) { (ctx.t("project-activities")) } }
        h1 { (activity.title) }
        @if can_edit {
            (activity_form(ctx, &format!("/activities/{id}"), &ctx.t("save"), &goals, input, errors))
            form.inline method="post" action=(format!("/activities/{id}/delete")) {
                (csrf(ctx))
                button.secondary type="submit" { (ctx.t("project-activity-delete")) }
            }
        } @else {
            @let date = |d: Option<time::Date>| d.map(|d| ctx.locale.format_date(d)).unwrap_or_else(|| "–".into());
            dl.details {
                dt { (ctx.t("project-activity-planned-on")) } dd { (date(activity.planned_on)) }
                dt { (ctx.t("project-activity-responsible")) } dd { (activity.responsible) }
                dt { (ctx.t("project-activity-goal")) } dd { (activity.goal.as_deref().unwrap_or("–")) }
                dt { (ctx.t("project-activity-planned-cost")) }
                dd { (activity.planned_cost.map(|c| c.format(ctx.locale)).unwrap_or_else(|| "–".into())) }
                dt { (ctx.t("project-activity-done-on")) } dd { (date(activity.done_on)) }
                dt { (ctx.t("project-activity-participants")) }
                dd { (activity.participants.map(|n| n.to_string()).unwrap_or_else(|| "–".into())) }
                dt { (ctx.t("project-activity-deviation")) } dd { (activity.deviation) }
            }
        }
    };
    Ok(page(ctx, &activity.title, Nav::Initiatives, body))
}

pub async fn activity_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    activity_view(&state, &member, id, None).await
}

pub async fn update_activity(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<ActivityInput>,
) -> Result<Response, AppError> {
    let saved = match input.parse(member.ctx.locale, parat_store::now_date()) {
        Ok(draft) => store::update_activity(&state.db, &member.scope, id, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => {
            let activity = store::activity(&state.db, &member.scope, id).await?;
            Ok(redirect_with_cookies(&format!("/initiatives/{}/activities?notice=saved", activity.initiative_id), &[]))
        }
        Err(StoreError::Invalid(errors)) => {
            Ok(rejected(activity_view(&state, &member, id, Some((&input, &errors))).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn delete_activity(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    let activity = store::activity(&state.db, &member.scope, id).await?;
    store::delete_activity(&state.db, &member.scope, id).await?;
    Ok(redirect_with_cookies(&format!("/initiatives/{}/activities?notice=saved", activity.initiative_id), &[]))
}
