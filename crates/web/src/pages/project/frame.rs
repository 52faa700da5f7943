//! The frame of a project: the owner and partners (the initiative's own), the funders and their
//! shares, the project model's roles, the phases with their decision points, and the reporting
//! calendar.

use parat_core::periods::PeriodKind;
use parat_core::project::frame::{format_percent, shares_total};
use parat_core::project::{
    reporting_calendar, FunderInput, PhaseInput, ProjectRole, Reporting, ReportingInput, RoleInput, Share,
};
use parat_store::project::{Frame, FrameEntry};

use super::*;

/// The forms' typed values and problems after a refusal, or the notice after a change.
#[derive(Default)]
struct Shown<'a> {
    notice: Option<&'a str>,
    reporting: Option<(ReportingInput, FieldErrors)>,
    funder: (FunderInput, FieldErrors),
    role: (RoleInput, FieldErrors),
    phase: (PhaseInput, FieldErrors),
}

/// The organisation that owns the project: the one the initiative belongs to.
pub fn owner_organisation(ctx: &Ctx) -> String {
    ctx.user.as_ref().and_then(|u| u.current.as_ref()).map(|c| c.name.clone()).unwrap_or_default()
}

pub fn role_label(ctx: &Ctx, role: ProjectRole) -> String {
    ctx.t(&format!("project-role-{}", role.key().replace('_', "-")))
}

fn every_label(ctx: &Ctx, every: PeriodKind) -> String {
    ctx.t(&format!("project-reporting-every-{}", every.key()))
}

async fn frame_view(
    state: &AppState,
    member: &Member,
    initiative_id: i64,
    shown: Shown<'_>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let initiative = parat_store::initiatives::get(&state.db, &member.scope, initiative_id).await?;
    let frame = store::frame(&state.db, &member.scope, initiative_id).await?;
    let can_edit = member.scope.role().can_edit_initiatives();
    let action = |what: &str| format!("/initiatives/{initiative_id}/frame/{what}");
    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{initiative_id}")) { (initiative.name) } }
        h1 { (ctx.t("project-frame")) }
        (notice(ctx, shown.notice))
        p.lead { (ctx.t("project-frame-lead")) }
        dl.details {
            dt { (ctx.t("project-frame-owner")) }
            dd { (owner_organisation(ctx)) }
            dt { (ctx.t("project-frame-responsible")) }
            dd { (initiative.owner_name.as_deref().unwrap_or("–")) }
            dt { (ctx.t("project-frame-partners")) }
            dd { @if initiative.partners.is_empty() { "–" } @else {
                (initiative.partners.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", "))
            } }
            dt { (ctx.t("project-frame-dates")) }
            dd { (match (initiative.start_date, initiative.end_date) {
                (Some(start), Some(end)) => format!("{} – {}", ctx.locale.format_date(start), ctx.locale.format_date(end)),
                (Some(start), None) => format!("{} –", ctx.locale.format_date(start)),
                _ => "–".to_owned(),
            }) }
        }
        @if can_edit { p { a href=(format!("/initiatives/{initiative_id}/edit")) { (ctx.t("project-frame-edit-initiative")) } } }

        h2 #funders { (ctx.t("project-funders")) }
        (funders_table(ctx, initiative_id, &frame, can_edit))
        @if can_edit {
            (error_summary(ctx, &shown.funder.1, &[("name", ctx.t("project-funder-name")), ("share", ctx.t("project-funder-share"))]))
            form.stacked method="post" action=(action("funders#funders")) novalidate {
                (csrf(ctx))
                (forms::input(ctx, Field::new(ctx, "name", "project-funder-name", &shown.funder.1).required().hint(ctx.t("hint-project-funder")), "text", &shown.funder.0.name, None))
                (forms::input(ctx, Field::new(ctx, "share", "project-funder-share", &shown.funder.1).required().hint(ctx.t("hint-project-funder-share")), "text", &shown.funder.0.share, Some("off")))
                div.actions { button type="submit" { (ctx.t("project-funder-add")) } }
            }
        }

        h2 #roles { (ctx.t("project-roles")) }
        (roles_table(ctx, initiative_id, &frame, can_edit))
        @if can_edit {
            @let roles: Vec<(String, String)> = ProjectRole::ALL.iter().map(|r| (r.key().to_owned(), role_label(ctx, *r))).collect();
            (error_summary(ctx, &shown.role.1, &[("role", ctx.t("project-role")), ("person", ctx.t("project-role-person")), ("organisation", ctx.t("project-role-organisation"))]))
            form.stacked method="post" action=(action("roles#roles")) novalidate {
                (csrf(ctx))
                (forms::select(ctx, Field::new(ctx, "role", "project-role", &shown.role.1).required(), &roles, &shown.role.0.role, Some(ctx.t("choose"))))
                (forms::input(ctx, Field::new(ctx, "person", "project-role-person", &shown.role.1).required(), "text", &shown.role.0.person, Some("off")))
                (forms::input(ctx, Field::new(ctx, "organisation", "project-role-organisation", &shown.role.1), "text", &shown.role.0.organisation, None))
                div.actions { button type="submit" { (ctx.t("project-role-add")) } }
            }
        }

        h2 #phases { (ctx.t("project-phases")) }
        (phases_table(ctx, initiative_id, &frame, can_edit))
        @if can_edit {
            @let typed = &shown.phase.0;
            (error_summary(ctx, &shown.phase.1, &[("name", ctx.t("project-phase-name")), ("starts_on", ctx.t("project-phase-starts")),
                ("ends_on", ctx.t("project-phase-ends")), ("decision", ctx.t("project-phase-decision")), ("decision_on", ctx.t("project-phase-decision-on"))]))
            form.stacked method="post" action=(action("phases#phases")) novalidate {
                (csrf(ctx))
                (forms::input(ctx, Field::new(ctx, "name", "project-phase-name", &shown.phase.1).required(), "text", &typed.name, None))
                (forms::input(ctx, Field::new(ctx, "starts_on", "project-phase-starts", &shown.phase.1).required(), "date", &typed.starts_on, None))
                (forms::input(ctx, Field::new(ctx, "ends_on", "project-phase-ends", &shown.phase.1).required(), "date", &typed.ends_on, None))
                (forms::textarea(ctx, Field::new(ctx, "decision", "project-phase-decision", &shown.phase.1).hint(ctx.t("hint-project-phase-decision")), &typed.decision))
                (forms::input(ctx, Field::new(ctx, "decision_on", "project-phase-decision-on", &shown.phase.1), "date", &typed.decision_on, None))
                div.actions { button type="submit" { (ctx.t("project-phase-add")) } }
            }
        }

        h2 #reporting { (ctx.t("project-reporting")) }
        (calendar(ctx, &frame.reporting, initiative.start_date, initiative.end_date))
        @if can_edit {
            @let (typed, errors) = shown.reporting.unwrap_or_else(|| (ReportingInput {
                every: frame.reporting.every.key().to_owned(),
                days_after: frame.reporting.days_after.to_string(),
            }, FieldErrors::new()));
            @let kinds: Vec<(String, String)> = PeriodKind::ALL.iter().map(|k| (k.key().to_owned(), every_label(ctx, *k))).collect();
            (error_summary(ctx, &errors, &[("every", ctx.t("project-reporting-every")), ("days_after", ctx.t("project-reporting-days"))]))
            form.stacked method="post" action=(action("reporting#reporting")) novalidate {
                (csrf(ctx))
                (forms::select(ctx, Field::new(ctx, "every", "project-reporting-every", &errors).required().hint(ctx.t("hint-project-reporting-every")), &kinds, &typed.every, None))
                (forms::input(ctx, Field::new(ctx, "days_after", "project-reporting-days", &errors).required().hint(ctx.t("hint-project-reporting-days")), "text", &typed.days_after, Some("off")))
                div.actions { button type="submit" { (ctx.t("project-reporting-save")) } }
            }
        }
    };
    Ok(page(ctx, &ctx.t("project-frame"), Nav::Initiatives, body))
}

fn funders_table(ctx: &Ctx, initiative_id: i64, frame: &Frame, can_edit: bool) -> Markup {
    let total = shares_total(&frame.funders.iter().map(|f| f.share).collect::<Vec<_>>());
    html! {
        @if frame.funders.is_empty() { p { (ctx.t("project-funders-none")) } } @else {
            div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-funders")) { table {
                thead { tr {
                    th scope="col" { (ctx.t("project-funder-name")) }
                    th scope="col" { (ctx.t("project-funder-share")) }
                    @if can_edit { th scope="col" { span.visually-hidden { (ctx.t("project-remove")) } } }
                } }
                tbody { @for funder in &frame.funders { tr {
                    th scope="row" { (funder.name) }
                    td.number { (funder.share.format(ctx.locale)) }
                    @if can_edit { td { (remove_button(ctx, format!("/initiatives/{initiative_id}/frame/funders/{}/remove", funder.id), &funder.name)) } }
                } } }
                tfoot { tr {
                    th scope="row" { (ctx.t("project-budget-total")) }
                    td.number { (format_percent(total, ctx.locale)) }
                    @if can_edit { td {} }
                } }
            } }
            @if total != u32::from(Share::WHOLE) {
                p.notice.warning role="note" { (ctx.t("project-funders-not-whole")) }
            }
        }
    }
}

fn roles_table(ctx: &Ctx, initiative_id: i64, frame: &Frame, can_edit: bool) -> Markup {
    html! {
        @if frame.roles.is_empty() { p { (ctx.t("project-roles-none")) } } @else {
            div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-roles")) { table {
                thead { tr {
                    th scope="col" { (ctx.t("project-role")) }
                    th scope="col" { (ctx.t("project-role-person")) }
                    th scope="col" { (ctx.t("project-role-organisation")) }
                    @if can_edit { th scope="col" { span.visually-hidden { (ctx.t("project-remove")) } } }
                } }
                tbody { @for holder in &frame.roles { tr {
                    td { (role_label(ctx, holder.role)) }
                    th scope="row" { (holder.person) }
                    td { (holder.organisation) }
                    @if can_edit { td { (remove_button(ctx, format!("/initiatives/{initiative_id}/frame/roles/{}/remove", holder.id), &holder.person)) } }
                } } }
            } }
        }
        @let missing: Vec<String> = ProjectRole::ALL.iter().filter(|r| !frame.roles.iter().any(|h| h.role == **r)).map(|r| role_label(ctx, *r)).collect();
        @if !missing.is_empty() {
            p.hint { (ctx.t_with("project-roles-missing", &[("roles", missing.join(", ").into())])) }
        }
    }
}

fn phases_table(ctx: &Ctx, initiative_id: i64, frame: &Frame, can_edit: bool) -> Markup {
    html! {
        @if frame.phases.is_empty() { p { (ctx.t("project-phases-none")) } } @else {
            div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-phases")) { table {
                thead { tr {
                    th scope="col" { (ctx.t("project-phase-name")) }
                    th scope="col" { (ctx.t("project-phase-dates")) }
                    th scope="col" { (ctx.t("project-phase-decision")) }
                    th scope="col" { (ctx.t("project-phase-decision-on")) }
                    @if can_edit { th scope="col" { span.visually-hidden { (ctx.t("project-remove")) } } }
                } }
                tbody { @for phase in &frame.phases { tr {
                    th scope="row" { (phase.name) }
                    td.date { (ctx.locale.format_date(phase.starts_on)) " – " (ctx.locale.format_date(phase.ends_on)) }
                    td { (phase.decision) }
                    td.date { (phase.decision_on.map(|d| ctx.locale.format_date(d)).unwrap_or_default()) }
                    @if can_edit { td { (remove_button(ctx, format!("/initiatives/{initiative_id}/frame/phases/{}/remove", phase.id), &phase.name)) } }
                } } }
            } }
        }
    }
}

/// The reports the project owes over its dates, each due date marked passed or coming.
fn calendar(ctx: &Ctx, reporting: &Reporting, start: Option<time::Date>, end: Option<time::Date>) -> Markup {
    let today = time::OffsetDateTime::now_utc().date();
    html! {
        p { (ctx.t_with("project-reporting-now", &[("every", every_label(ctx, reporting.every).into()), ("days", f64::from(reporting.days_after).into())])) }
        @match (start, end) {
            (Some(start), Some(end)) => {
                @let reports = reporting_calendar(*reporting, start, end);
                div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-reporting-calendar")) { table {
                    caption { (ctx.t("project-reporting-calendar")) }
                    thead { tr {
                        th scope="col" { (ctx.t("project-budget-period")) }
                        th scope="col" { (ctx.t("project-reporting-span")) }
                        th scope="col" { (ctx.t("project-reporting-due")) }
                    } }
                    tbody { @for report in &reports { tr {
                        th scope="row" { (report.period.key()) }
                        td.date { (ctx.locale.format_date(report.period.first_day())) " – " (ctx.locale.format_date(report.period.last_day())) }
                        td.date {
                            (ctx.locale.format_date(report.due))
                            @if report.due < today { " " span.badge { (ctx.t("project-reporting-passed")) } }
                        }
                    } } }
                } }
            }
            _ => { p.hint { (ctx.t("project-reporting-needs-dates")) } }
        }
    }
}

pub async fn frame_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    frame_view(&state, &member, id, Shown { notice: query.notice.as_deref(), ..Shown::default() }).await
}

/// After a change: back to its section with a notice; after a refusal: the page again with
/// what was typed and why, `shown` putting them in their form.
async fn answer<'a>(
    state: &AppState,
    member: &Member,
    id: i64,
    section: &str,
    saved: Result<(), StoreError>,
    shown: impl FnOnce(FieldErrors) -> Shown<'a>,
) -> Result<Response, AppError> {
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/frame?notice=saved#{section}"), &[])),
        Err(StoreError::Invalid(errors)) => Ok(rejected(frame_view(state, member, id, shown(errors)).await?)),
        Err(other) => Err(other.into()),
    }
}

pub async fn set_reporting(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<ReportingInput>,
) -> Result<Response, AppError> {
    let saved = match input.parse() {
        Ok(reporting) => store::set_reporting(&state.db, &member.scope, id, reporting).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    answer(&state, &member, id, "reporting", saved, |e| Shown { reporting: Some((input, e)), ..Shown::default() }).await
}

pub async fn add_funder(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<FunderInput>,
) -> Result<Response, AppError> {
    let saved = match input.parse(member.ctx.locale) {
        Ok(funder) => store::add_funder(&state.db, &member.scope, id, &funder).await.map(|_| ()),
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    answer(&state, &member, id, "funders", saved, |e| Shown { funder: (input, e), ..Shown::default() }).await
}

pub async fn add_role(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<RoleInput>,
) -> Result<Response, AppError> {
    let saved = match input.parse() {
        Ok(role) => store::add_role(&state.db, &member.scope, id, &role).await.map(|_| ()),
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    answer(&state, &member, id, "roles", saved, |e| Shown { role: (input, e), ..Shown::default() }).await
}

pub async fn add_phase(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<PhaseInput>,
) -> Result<Response, AppError> {
    let saved = match input.parse() {
        Ok(phase) => store::add_phase(&state.db, &member.scope, id, &phase).await.map(|_| ()),
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    answer(&state, &member, id, "phases", saved, |e| Shown { phase: (input, e), ..Shown::default() }).await
}

async fn remove(
    state: &AppState,
    member: &Member,
    id: i64,
    entry: FrameEntry,
    section: &str,
) -> Result<Response, AppError> {
    store::remove_frame_entry(&state.db, &member.scope, id, entry).await?;
    Ok(redirect_with_cookies(&format!("/initiatives/{id}/frame?notice=saved#{section}"), &[]))
}

pub async fn remove_funder(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, entry): PathIds,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    remove(&state, &member, id, FrameEntry::Funder(entry), "funders").await
}

pub async fn remove_role(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, entry): PathIds,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    remove(&state, &member, id, FrameEntry::Role(entry), "roles").await
}

pub async fn remove_phase(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, entry): PathIds,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    remove(&state, &member, id, FrameEntry::Phase(entry), "phases").await
}
