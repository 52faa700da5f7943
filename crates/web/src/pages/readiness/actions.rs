//! The action plan: tasks built from the results' strategies, each with an owner, a due date
//! and a status; editable, marked done, exported, and listed on the owner's home page.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use parat_core::readiness::action::{ActionDraft, ActionInput, ActionStatus, Owner};
use parat_store::readiness::ActionItem;

/// The add form as shown: what was typed and its problems, and the people who can own a task.
pub(super) struct PlanForm {
    input: ActionInput,
    errors: FieldErrors,
    people: Vec<(String, String)>,
}

impl PlanForm {
    pub(super) async fn new(state: &AppState, member: &Member) -> Result<PlanForm, AppError> {
        Ok(PlanForm { input: ActionInput::default(), errors: FieldErrors::new(), people: people(state, member).await? })
    }
}

use super::super::{people, short};

fn today() -> time::Date {
    parat_core::locale::scandinavian_date(parat_store::now())
}

fn status_name(ctx: &Ctx, status: ActionStatus) -> String {
    ctx.t(&format!("plan-status-{}", status.key()))
}

fn date_text(ctx: &Ctx, date: Option<time::Date>) -> String {
    date.map(|d| ctx.locale.format_date(d)).unwrap_or_else(|| "–".into())
}

/// The owner field pair: one of the organisation's people, or a name typed instead.
fn owner_fields(ctx: &Ctx, input: &ActionInput, errors: &FieldErrors, people: &[(String, String)]) -> Markup {
    html! {
        (forms::select(ctx, Field::new(ctx, "owner_id", "plan-owner", errors).hint(ctx.t("hint-plan-owner")), people, &input.owner_id, Some(ctx.t("plan-owner-other"))))
        (forms::input(ctx, Field::new(ctx, "who", "plan-who-name", errors).hint(ctx.t("hint-plan-who")), "text", &input.who, None))
    }
}

pub(super) fn action_plan(
    ctx: &Ctx,
    assessment: &Assessment,
    access: Access,
    instrument: &Instrument,
    r: &Results,
    plan: &[ActionItem],
    form: &PlanForm,
) -> Markup {
    let strategies: Vec<(String, String)> = instrument
        .strategies_up_to(r.overall.stage)
        .iter()
        .enumerate()
        .map(|(i, (_, s))| (i.to_string(), s.with_issue(ctx.locale, &assessment.issue)))
        .collect();
    let today = today();
    let (input, errors) = (&form.input, &form.errors);
    html! {
        h2 #action-plan { (ctx.t("plan-title")) }
        p { (ctx.t("plan-intro")) }
        @if plan.is_empty() { p { (ctx.t("plan-empty")) } } @else {
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("plan-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("plan-what")) }
                    th scope="col" { (ctx.t("plan-who")) }
                    th scope="col" { (ctx.t("plan-due")) }
                    th scope="col" { (ctx.t("plan-status")) }
                    @if access.manage { th scope="col" { span.visually-hidden { (ctx.t("actions")) } } }
                } }
                tbody { @for item in plan {
                    @let overdue = item.is_overdue(today);
                    tr.overdue[overdue] {
                        td { (item.what) }
                        td { (item.who) }
                        td.date { (date_text(ctx, item.due_on)) @if overdue { " " span.badge.disagree { (ctx.t("plan-overdue")) } } }
                        td { (status_name(ctx, item.status)) @if let Some(done) = item.done_on { br; span.hint.date { (date_text(ctx, Some(done))) } } }
                        @if access.manage { td.row-actions {
                            a.button.small.secondary href=(format!("/assessments/{}/actions/{}/edit", assessment.id, item.id)) { (ctx.t_with("plan-edit", &[("name", short(&item.what).into())])) }
                            @if item.status != ActionStatus::Done {
                                (action_button(ctx, &format!("/assessments/{}/actions/{}/done", assessment.id, item.id), &ctx.t_with("plan-mark-done", &[("name", short(&item.what).into())]), "small secondary"))
                            }
                            (action_button(ctx, &format!("/assessments/{}/actions/{}/delete", assessment.id, item.id), &ctx.t_with("plan-remove", &[("name", short(&item.what).into())]), "small secondary"))
                            // A strategy goes on into the initiative's milestone plan, linked back here.
                            form.inline method="post" action=(format!("/initiatives/{}/landscape/from-readiness", assessment.initiative_id)) {
                                (csrf(ctx))
                                input type="hidden" name="source" value=(format!("action:{}:{}", assessment.id, item.id));
                                input type="hidden" name="kind" value="milestone";
                                button.small.secondary type="submit" { (ctx.t_with("plan-to-milestone", &[("name", short(&item.what).into())])) }
                            }
                        } }
                    }
                } }
            } }
            p { a href=(format!("/assessments/{}/actions.csv", assessment.id)) { (ctx.t("plan-download-csv")) } }
        }
        @if access.manage {
            h3 { (ctx.t("plan-add")) }
            (error_summary(ctx, errors, &[("strategy", ctx.t("plan-strategy")), ("what", ctx.t("plan-what")), ("owner_id", ctx.t("plan-owner")), ("who", ctx.t("plan-who-name")), ("due_on", ctx.t("plan-due"))]))
            form.stacked method="post" action=(format!("/assessments/{}/actions", assessment.id)) novalidate {
                (csrf(ctx))
                (forms::select(ctx, Field::new(ctx, "strategy", "plan-strategy", errors).hint(ctx.t("hint-plan-strategy")), &strategies, &input.strategy, Some(ctx.t("plan-own"))))
                (forms::input(ctx, Field::new(ctx, "what", "plan-what", errors).hint(ctx.t("hint-plan-what")), "text", &input.what, None))
                (owner_fields(ctx, input, errors, &form.people))
                (forms::input(ctx, Field::new(ctx, "due_on", "plan-due", errors).hint(ctx.t("hint-date")), "date", &input.due_on, None))
                button type="submit" { (ctx.t("plan-add")) }
            }
        }
    }
}

pub async fn add_action(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
    Submitted(input): Submitted<ActionInput>,
) -> Result<Response, AppError> {
    let (assessment, access) = readiness::get(&state.db, &member.scope, id).await?;
    if !access.manage {
        return Err(AppError::Forbidden);
    }
    let instrument = assessment.instrument();
    let results = computed_results(&state, &member, &assessment).await?;
    let strategies = instrument.strategies_up_to(results.overall.stage);
    let mut errors = FieldErrors::new();
    let chosen = match input.strategy.trim() {
        "" => None,
        raw => match raw.parse::<usize>().ok().and_then(|i| strategies.get(i)) {
            Some((level, text)) => Some((*level, text.with_issue(member.ctx.locale, &assessment.issue))),
            None => {
                errors.add("strategy", Problem::UnknownChoice);
                None
            }
        },
    };
    let parsed = input.parse(chosen.as_ref().map(|(_, text)| text.as_str()), today(), None);
    let result = match parsed {
        Ok(draft) if errors.is_empty() => {
            readiness::add_action(&state.db, &member.scope, &assessment, chosen.map(|(level, _)| level), &draft).await
        }
        Ok(_) => Err(StoreError::Invalid(errors)),
        Err(found) => {
            errors.0.extend(found.0);
            Err(StoreError::Invalid(errors))
        }
    };
    match result {
        Ok(_) => Ok(redirect_with_cookies(
            &format!("/assessments/{}/results?notice=action-added#action-plan", assessment.id),
            &[],
        )),
        Err(StoreError::Invalid(errors)) => {
            let plan = readiness::actions(&state.db, &member.scope, &assessment).await?;
            let form = PlanForm { input, errors, people: people(&state, &member).await? };
            let ctx = &member.ctx;
            let body = html! {
                p.breadcrumb { a href=(format!("/assessments/{}/results", assessment.id)) { (ctx.t("results-title")) } }
                (action_plan(ctx, &assessment, access, instrument, &results, &plan, &form))
            };
            Ok(rejected(page(ctx, &ctx.t("plan-title"), Nav::Initiatives, body)))
        }
        Err(other) => Err(other.into()),
    }
}

/// The form for changing a task, filled with it or with what was typed.
fn edit_view(
    ctx: &Ctx,
    assessment: &Assessment,
    item: &ActionItem,
    input: &ActionInput,
    errors: &FieldErrors,
    people: &[(String, String)],
) -> Markup {
    let statuses: Vec<(String, String)> =
        ActionStatus::ALL.iter().map(|s| (s.key().to_owned(), status_name(ctx, *s))).collect();
    let body = html! {
        p.breadcrumb { a href=(format!("/assessments/{}/results#action-plan", assessment.id)) { (ctx.t("plan-title")) ": " (assessment.measured) } }
        h1 { (ctx.t("plan-edit-title")) }
        (error_summary(ctx, errors, &[("what", ctx.t("plan-what")), ("owner_id", ctx.t("plan-owner")), ("who", ctx.t("plan-who-name")), ("due_on", ctx.t("plan-due")), ("status", ctx.t("plan-status"))]))
        form.stacked method="post" action=(format!("/assessments/{}/actions/{}", assessment.id, item.id)) novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "what", "plan-what", errors).required(), "text", &input.what, None))
            (owner_fields(ctx, input, errors, people))
            (forms::input(ctx, Field::new(ctx, "due_on", "plan-due", errors).hint(ctx.t("hint-date")), "date", &input.due_on, None))
            (forms::select(ctx, Field::new(ctx, "status", "plan-status", errors).required(), &statuses, &input.status, None))
            div.actions {
                button.primary type="submit" { (ctx.t("save")) }
                a.button href=(format!("/assessments/{}/results#action-plan", assessment.id)) { (ctx.t("cancel")) }
            }
        }
    };
    page(ctx, &ctx.t("plan-edit-title"), Nav::Initiatives, body)
}

async fn managed_action(
    state: &AppState,
    member: &Member,
    id: i64,
    action: i64,
) -> Result<(Assessment, ActionItem), AppError> {
    let (assessment, access) = readiness::get(&state.db, &member.scope, id).await?;
    if !access.manage {
        return Err(AppError::Forbidden);
    }
    let item = readiness::action(&state.db, &member.scope, &assessment, action).await?;
    Ok((assessment, item))
}

pub async fn edit_action_page(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathIds(id, action): PathIds,
) -> Result<Markup, AppError> {
    let (assessment, item) = managed_action(&state, &member, id, action).await?;
    let input = ActionInput {
        strategy: String::new(),
        what: item.what.clone(),
        owner_id: item.owner_id.map(|id| id.to_string()).unwrap_or_default(),
        who: if item.owner_id.is_some() { String::new() } else { item.who.clone() },
        due_on: item.due_on.map(|d| d.to_string()).unwrap_or_default(),
        status: item.status.key().to_owned(),
    };
    let people = people(&state, &member).await?;
    Ok(edit_view(&member.ctx, &assessment, &item, &input, &FieldErrors::new(), &people))
}

pub async fn update_action(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathIds(id, action): PathIds,
    Submitted(input): Submitted<ActionInput>,
) -> Result<Response, AppError> {
    let (assessment, item) = managed_action(&state, &member, id, action).await?;
    let result = match input.parse(None, today(), item.due_on) {
        Ok(draft) => readiness::update_action(&state.db, &member.scope, &assessment, item.id, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match result {
        Ok(()) => {
            Ok(redirect_with_cookies(&format!("/assessments/{}/results?notice=saved#action-plan", assessment.id), &[]))
        }
        Err(StoreError::Invalid(errors)) => {
            let people = people(&state, &member).await?;
            Ok(rejected(edit_view(&member.ctx, &assessment, &item, &input, &errors, &people)))
        }
        Err(other) => Err(other.into()),
    }
}

/// Marks a task done (today), keeping everything else as it is.
pub async fn complete_action(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathIds(id, action): PathIds,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    let (assessment, item) = managed_action(&state, &member, id, action).await?;
    let draft = ActionDraft {
        what: item.what.clone(),
        owner: match item.owner_id {
            Some(user_id) => Owner::Member(user_id),
            None => Owner::Named(item.who.clone()),
        },
        due_on: item.due_on,
        status: ActionStatus::Done,
    };
    readiness::update_action(&state.db, &member.scope, &assessment, item.id, &draft).await?;
    Ok(redirect_with_cookies(&format!("/assessments/{}/results?notice=action-done#action-plan", assessment.id), &[]))
}

pub async fn delete_action(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathIds(id, action): PathIds,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    let (assessment, _) = readiness::get(&state.db, &member.scope, id).await?;
    readiness::delete_action(&state.db, &member.scope, &assessment, action).await?;
    Ok(redirect_with_cookies(&format!("/assessments/{}/results#action-plan", assessment.id), &[]))
}

/// The action plan as CSV, for everyone who may read the results.
pub async fn actions_csv(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let (assessment, _) = readiness::get(&state.db, &member.scope, id).await?;
    let plan = readiness::actions(&state.db, &member.scope, &assessment).await?;
    let ctx = &member.ctx;
    let today = today();
    let header = [
        ctx.t("plan-what"),
        ctx.t("plan-who"),
        ctx.t("plan-due"),
        ctx.t("plan-status"),
        ctx.t("plan-done-on"),
        ctx.t("plan-overdue"),
    ];
    let csv = csv_document(
        &header,
        plan.iter().map(|item| {
            vec![
                item.what.clone(),
                item.who.clone(),
                item.due_on.map(|d| d.to_string()).unwrap_or_default(),
                status_name(ctx, item.status),
                item.done_on.map(|d| d.to_string()).unwrap_or_default(),
                if item.is_overdue(today) { ctx.t("yes") } else { String::new() },
            ]
        }),
    );
    let name = ctx.t_with("file-plan", &[("measured", assessment.measured.clone().into())]);
    Ok(download(csv.into_bytes(), "text/csv; charset=utf-8", &format!("{name}.csv")))
}
