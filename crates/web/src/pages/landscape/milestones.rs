//! The milestone plan: milestones with planned and actual dates, status and owner, in the
//! phases of an introduction; a timeline with the phases as bands.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use crate::context::PathIds;
use crate::views::charts::{self, TimelineBand, TimelineMark};
use crate::views::forms::action_button;
use parat_core::landscape::plan::{MilestoneInput, MilestoneStatus};
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

fn milestone_fields(
    ctx: &Ctx,
    framework: &Framework,
    input: &MilestoneInput,
    errors: &FieldErrors,
    people: &[(String, String)],
) -> Markup {
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

fn labels(ctx: &Ctx) -> [(&'static str, String); 7] {
    [
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

fn milestones_view(
    ctx: &Ctx,
    landscape: &Landscape,
    milestones: &[Milestone],
    input: &MilestoneInput,
    errors: &FieldErrors,
    people: &[(String, String)],
    notice_key: Option<&str>,
) -> Markup {
    let id = landscape.initiative_id;
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
        (notice(ctx, notice_key))
        (tabs(ctx, landscape, "milestones"))
        h1 { (ctx.t("land-milestones-title")) ": " (landscape.initiative_name) }
        p.lead { (ctx.t("land-milestones-intro")) }
        @if milestones.is_empty() { p { (ctx.t("land-milestones-none")) } } @else {
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
                    @if landscape.can_edit { th scope="col" { span.visually-hidden { (ctx.t("actions")) } } }
                } }
                tbody { @for m in milestones {
                    @let overdue = m.is_overdue(today);
                    tr.overdue[overdue] {
                        th scope="row" { (m.name) }
                        td { (phase_name(ctx, framework, m.phase.as_deref())) }
                        td.date { (ctx.locale.format_date(m.planned_on)) @if overdue { " " span.badge.disagree { (ctx.t("plan-overdue")) } } }
                        td.date { (m.reached_on.map(|d| ctx.locale.format_date(d)).unwrap_or_else(|| "–".into())) }
                        td { (status_label(ctx, m.status)) }
                        td { (if m.who.is_empty() { "–" } else { &m.who }) }
                        @if landscape.can_edit { td.row-actions {
                            a.button.small.secondary href=(format!("/initiatives/{id}/milestones/{}/edit", m.id)) { (ctx.t_with("plan-edit", &[("name", short(&m.name).into())])) }
                            (action_button(ctx, &format!("/initiatives/{id}/milestones/{}/delete", m.id), &ctx.t_with("plan-remove", &[("name", short(&m.name).into())]), "small secondary"))
                        } }
                    }
                } }
            } }
        }
        @if landscape.can_edit {
            h2 #add { (ctx.t("land-milestone-add")) }
            (error_summary(ctx, errors, &labels(ctx)))
            form.stacked method="post" action=(format!("/initiatives/{id}/milestones")) novalidate {
                (csrf(ctx))
                (milestone_fields(ctx, framework, input, errors, people))
                button.primary type="submit" { (ctx.t("land-milestone-add")) }
            }
        }
    }
}

pub async fn milestones_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    let milestones = landscape::milestones(&state.db, &landscape).await?;
    let people = if landscape.can_edit { people(&state, &member).await? } else { Vec::new() };
    let body = milestones_view(
        ctx,
        &landscape,
        &milestones,
        &MilestoneInput::default(),
        &FieldErrors::new(),
        &people,
        query.notice.as_deref(),
    );
    Ok(page(ctx, &ctx.t("land-milestones-title"), Nav::Initiatives, body))
}

pub async fn add_milestone(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<MilestoneInput>,
) -> Result<Response, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    let saved = match input.parse(&landscape.framework().phase_keys(), today()) {
        Ok(draft) => landscape::add_milestone(&state.db, &member.scope, &landscape, &draft, "").await.map(|_| ()),
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/milestones?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            let ctx = &member.ctx;
            let milestones = landscape::milestones(&state.db, &landscape).await?;
            let people = people(&state, &member).await?;
            let body = milestones_view(ctx, &landscape, &milestones, &input, &errors, &people, None);
            Ok(rejected(page(ctx, &ctx.t("land-milestones-title"), Nav::Initiatives, body)))
        }
        Err(other) => Err(other.into()),
    }
}

fn edit_view(
    ctx: &Ctx,
    landscape: &Landscape,
    milestone: i64,
    input: &MilestoneInput,
    errors: &FieldErrors,
    people: &[(String, String)],
) -> Markup {
    let id = landscape.initiative_id;
    let body = html! {
        (tabs(ctx, landscape, "milestones"))
        h1 { (ctx.t("land-milestone-edit")) }
        (error_summary(ctx, errors, &labels(ctx)))
        form.stacked method="post" action=(format!("/initiatives/{id}/milestones/{milestone}")) novalidate {
            (csrf(ctx))
            (milestone_fields(ctx, landscape.framework(), input, errors, people))
            div.actions {
                button.primary type="submit" { (ctx.t("save")) }
                a.button href=(format!("/initiatives/{id}/milestones")) { (ctx.t("cancel")) }
            }
        }
    };
    page(ctx, &ctx.t("land-milestone-edit"), Nav::Initiatives, body)
}

pub async fn edit_milestone_page(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, milestone): PathIds,
) -> Result<Markup, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    let m = landscape::milestone(&state.db, &landscape, milestone).await?;
    let (owner_id, who) = owner_fields(m.owner());
    let input = MilestoneInput {
        name: m.name.clone(),
        phase: m.phase.clone().unwrap_or_default(),
        planned_on: m.planned_on.to_string(),
        reached_on: m.reached_on.map(|d| d.to_string()).unwrap_or_default(),
        status: m.status.key().to_owned(),
        owner_id,
        who,
    };
    let people = people(&state, &member).await?;
    Ok(edit_view(&member.ctx, &landscape, milestone, &input, &FieldErrors::new(), &people))
}

pub async fn update_milestone(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, milestone): PathIds,
    Submitted(input): Submitted<MilestoneInput>,
) -> Result<Response, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    let saved = match input.parse(&landscape.framework().phase_keys(), today()) {
        Ok(draft) => landscape::update_milestone(&state.db, &member.scope, &landscape, milestone, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/milestones?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            let people = people(&state, &member).await?;
            Ok(rejected(edit_view(&member.ctx, &landscape, milestone, &input, &errors, &people)))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn delete_milestone(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, milestone): PathIds,
    Submitted(_): Submitted<super::super::EmptyForm>,
) -> Result<Response, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    landscape::delete_milestone(&state.db, &member.scope, &landscape, milestone).await?;
    Ok(redirect_with_cookies(&format!("/initiatives/{id}/milestones"), &[]))
}
