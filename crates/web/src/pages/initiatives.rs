//! Initiatives: "my initiatives" at home, the searchable list, one initiative, and its form.

use super::{EmptyForm, NoticeQuery};
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use parat_core::initiative::{InitiativeInput, InitiativeStatus, TopicArea};
use parat_core::FieldErrors;
use parat_store::initiatives::{self, Initiative, InitiativeSummary, ListFilter, ListPage};
use parat_store::{accounts, organisations, StoreError};
use serde::Deserialize;

use super::{redirect_with_cookies, rejected};
use crate::context::{Member, PathId, Submitted};
use crate::error::encode_query_value;
use crate::views::forms::{self, action_button, csrf, error_summary, Field};
use crate::views::layout::{notice, page, Nav};
use crate::{AppError, AppState, Ctx};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    topic: String,
    status: String,
    mine: String,
    archived: String,
    page: String,
    notice: Option<String>,
}

impl ListQuery {
    /// Filters from the query string; unknown values are ignored rather than refused, as a
    /// bookmarked list should keep working.
    fn filter(&self, user_id: i64) -> ListFilter {
        ListFilter {
            query: Some(self.q.trim().to_owned()).filter(|q| !q.is_empty()),
            topic: TopicArea::parse(&self.topic).ok(),
            status: InitiativeStatus::parse(&self.status).ok(),
            owner_id: (!self.mine.is_empty()).then_some(user_id),
            include_archived: !self.archived.is_empty(),
            page: self.page.parse::<u32>().unwrap_or(1).clamp(1, 100_000) - 1,
        }
    }

    fn with_page(&self, page: u32) -> String {
        let mut parts = Vec::new();
        for (key, value) in [
            ("q", &self.q),
            ("topic", &self.topic),
            ("status", &self.status),
            ("mine", &self.mine),
            ("archived", &self.archived),
        ] {
            if !value.is_empty() {
                parts.push(format!("{key}={}", encode_query_value(value)));
            }
        }
        parts.push(format!("page={page}"));
        format!("/initiatives?{}", parts.join("&"))
    }
}

pub fn topic_label(ctx: &Ctx, topic: TopicArea, custom: Option<&str>) -> String {
    match (topic, custom) {
        (TopicArea::Custom, Some(name)) if !name.is_empty() => name.to_owned(),
        _ => ctx.t(&format!("topic-{}", topic.key())),
    }
}

fn period_text(ctx: &Ctx, start: Option<time::Date>, end: Option<time::Date>) -> String {
    let date = |d: Option<time::Date>| d.map(|d| ctx.locale.format_date(d)).unwrap_or_default();
    match (start, end) {
        (None, None) => String::new(),
        _ => format!("{} – {}", date(start), date(end)),
    }
}

fn table(ctx: &Ctx, items: &[InitiativeSummary], caption: &str) -> Markup {
    html! {
        div.table-wrap {
            table {
                caption.visually-hidden { (caption) }
                thead { tr {
                    th scope="col" { (ctx.t("field-name")) }
                    th scope="col" { (ctx.t("field-topic")) }
                    th scope="col" { (ctx.t("field-status")) }
                    th scope="col" { (ctx.t("field-period")) }
                    th scope="col" { (ctx.t("field-owner")) }
                } }
                tbody {
                    @for item in items {
                        tr {
                            td {
                                a href=(format!("/initiatives/{}", item.id)) { (item.name) }
                                @if item.archived { " " span.badge.archived { (ctx.t("archived")) } }
                            }
                            td { (topic_label(ctx, item.topic, item.custom_topic.as_deref())) }
                            td { span class=(format!("badge status-{}", item.status.key())) { (ctx.t(&format!("status-{}", item.status.key()))) } }
                            td.date { (period_text(ctx, item.start_date, item.end_date)) }
                            td { (item.owner_name.as_deref().unwrap_or("–")) }
                        }
                    }
                }
            }
        }
    }
}

pub async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let Some(user) = &ctx.user else {
        if accounts::needs_setup(&state.db).await? {
            return Ok(super::auth::not_set_up(&ctx).into_response());
        }
        return Ok(redirect_with_cookies("/login", &[]));
    };
    let Some(scope) = user.scope() else {
        let body = html! { h1 { (ctx.t("no-organisation-title")) } p { (ctx.t("error-no-organisation")) } };
        return Ok(page(&ctx, &ctx.t("no-organisation-title"), Nav::Home, body).into_response());
    };
    let mine = initiatives::list(&state.db, &scope, &ListFilter { owner_id: Some(user.user_id), ..Default::default() })
        .await?;
    // Each module adds its kinds of work to the one list.
    let mut work = super::readiness::work_entries(&state, &ctx, &scope).await?;
    work.extend(super::landscape::work_entries(&state, &ctx, &scope).await?);
    work.extend(super::campaign::work_entries(&state, &ctx, &scope).await?);
    let body = html! {
        h1 { (ctx.t("home-title")) }
        p.lead { (ctx.t_with("home-greeting", &[("name", user.display_name.clone().into())])) }
        div.actions {
            @if scope.role().can_edit_initiatives() {
                a.button.primary href="/initiatives/new" { (ctx.t("initiative-new")) }
            }
            a.button href="/initiatives" { (ctx.t("initiatives-all")) }
        }
        (crate::views::work::work_list(&ctx, work))
        h2 { (ctx.t("home-mine")) }
        @if mine.items.is_empty() {
            p { (ctx.t("home-mine-empty")) }
        } @else {
            (table(&ctx, &mine.items, &ctx.t("home-mine")))
            @if mine.total > mine.items.len() as i64 {
                p { a href="/initiatives?mine=1" { (ctx.t("initiatives-all-mine")) } }
            }
        }
    };
    Ok(page(&ctx, &ctx.t("home-title"), Nav::Home, body).into_response())
}

fn choice_options<T: Copy>(
    ctx: &Ctx,
    all: &[T],
    key: impl Fn(T) -> &'static str,
    prefix: &str,
) -> Vec<(String, String)> {
    all.iter().map(|v| (key(*v).to_owned(), ctx.t(&format!("{prefix}-{}", key(*v))))).collect()
}

fn results(ctx: &Ctx, query: &ListQuery, list: &ListPage) -> Markup {
    let pages = ((list.total + list.page_size - 1) / list.page_size).max(1);
    let current = i64::from(list.page) + 1;
    html! {
        div #results aria-live="polite" {
            p.result-count { (ctx.t_with("initiatives-count", &[("n", (list.total as f64).into())])) }
            @if list.items.is_empty() {
                p { (ctx.t("initiatives-none")) }
            } @else {
                (table(ctx, &list.items, &ctx.t("nav-initiatives")))
            }
            @if pages > 1 {
                nav.pager aria-label=(ctx.t("pager-label")) {
                    @if current > 1 { a rel="prev" href=(query.with_page(list.page)) { (ctx.t("pager-previous")) } }
                    span { (ctx.t_with("pager-position", &[("page", (current as f64).into()), ("pages", (pages as f64).into())])) }
                    @if current < pages { a rel="next" href=(query.with_page(list.page + 2)) { (ctx.t("pager-next")) } }
                }
            }
        }
    }
}

pub async fn list(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    let list = initiatives::list(&state.db, &member.scope, &query.filter(member.user.user_id)).await?;
    if ctx.is_htmx {
        return Ok(results(ctx, &query, &list).into_response());
    }
    let no_errors = FieldErrors::new();
    let body = html! {
        (notice(ctx, query.notice.as_deref()))
        div.title-row {
            h1 { (ctx.t("nav-initiatives")) }
            @if member.scope.role().can_edit_initiatives() {
                a.button.primary href="/initiatives/new" { (ctx.t("initiative-new")) }
            }
        }
        p { a href="/projects" { (ctx.t("project-overview")) } }
        form.filters method="get" action="/initiatives" role="search"
            hx-get="/initiatives" hx-target="#results" hx-swap="outerHTML" hx-push-url="true"
            hx-trigger="input changed delay:300ms from:#f-q, change, submit" {
            (forms::input(ctx, Field::new(ctx, "q", "search", &no_errors), "search", &query.q, None))
            (forms::select(ctx, Field::new(ctx, "topic", "field-topic", &no_errors), &choice_options(ctx, TopicArea::ALL, TopicArea::key, "topic"), &query.topic, Some(ctx.t("all"))))
            (forms::select(ctx, Field::new(ctx, "status", "field-status", &no_errors), &choice_options(ctx, InitiativeStatus::ALL, InitiativeStatus::key, "status"), &query.status, Some(ctx.t("all"))))
            div.checkbox {
                input #f-mine type="checkbox" name="mine" value="1" checked[!query.mine.is_empty()];
                label for="f-mine" { (ctx.t("filter-mine")) }
            }
            div.checkbox {
                input #f-archived type="checkbox" name="archived" value="1" checked[!query.archived.is_empty()];
                label for="f-archived" { (ctx.t("filter-archived")) }
            }
            button type="submit" { (ctx.t("filter-submit")) }
        }
        (results(ctx, &query, &list))
    };
    Ok(page(ctx, &ctx.t("nav-initiatives"), Nav::Initiatives, body).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let initiative = initiatives::get(&state.db, &member.scope, id).await?;
    let i = &initiative;
    let can_edit = member.scope.role().can_edit_initiatives();
    let assessments = super::readiness::section(&state, &member, i.id).await?;
    let rounds = super::questionnaire::section(&state, &member, i.id).await?;
    let landscape = super::landscape::section(&state, &member, i.id).await?;
    let events = super::project::section(&state, &member, i.id).await?;
    let body = html! {
        (notice(ctx, query.notice.as_deref()))
        p.breadcrumb { a href="/initiatives" { (ctx.t("nav-initiatives")) } }
        div.title-row {
            h1 { (i.name) }
            @if i.archived { span.badge.archived { (ctx.t("archived")) } }
        }
        div.actions {
            a.button href=(format!("/initiatives/{}/readiness", i.id)) { (ctx.t("ready-title")) }
            @if can_edit {
                a.button href=(format!("/initiatives/{}/edit", i.id)) { (ctx.t("edit")) }
                @if i.archived {
                    (action_button(ctx, &format!("/initiatives/{}/restore", i.id), &ctx.t("restore"), ""))
                } @else {
                    (action_button(ctx, &format!("/initiatives/{}/archive", i.id), &ctx.t("archive"), "secondary"))
                }
            }
        }
        dl.details {
            dt { (ctx.t("field-topic")) } dd { (topic_label(ctx, i.topic, i.custom_topic.as_deref())) }
            dt { (ctx.t("field-status")) } dd { (ctx.t(&format!("status-{}", i.status.key()))) }
            dt { (ctx.t("field-target-group")) } dd { (if i.target_group.is_empty() { "–" } else { &i.target_group }) }
            dt { (ctx.t("field-period")) } dd { (period_text(ctx, i.start_date, i.end_date)) }
            dt { (ctx.t("field-owner")) } dd { (i.owner_name.as_deref().unwrap_or("–")) }
            dt { (ctx.t("field-partners")) }
            dd {
                @if i.partners.is_empty() { "–" } @else {
                    ul.plain { @for p in &i.partners { li { (p.name) } } }
                }
            }
        }
        @if !i.description.is_empty() {
            h2 { (ctx.t("field-description")) }
            div.prose { @for paragraph in i.description.split("\n\n") { p { (paragraph) } } }
        }
        (landscape)
        (assessments)
        (rounds)
        (events)
    };
    Ok(page(ctx, &i.name, Nav::Initiatives, body))
}

fn input_from(initiative: &Initiative) -> InitiativeInput {
    InitiativeInput {
        name: initiative.name.clone(),
        description: initiative.description.clone(),
        topic: initiative.topic.key().to_owned(),
        custom_topic: initiative.custom_topic.clone().unwrap_or_default(),
        target_group: initiative.target_group.clone(),
        start_date: initiative.start_date.map(|d| d.to_string()).unwrap_or_default(),
        end_date: initiative.end_date.map(|d| d.to_string()).unwrap_or_default(),
        status: initiative.status.key().to_owned(),
        owner_id: initiative.owner_id.map(|id| id.to_string()).unwrap_or_default(),
        partner_ids: initiative.partners.iter().map(|p| p.id.to_string()).collect(),
    }
}

/// The initiative form for a new one (`id` = None) or an existing one, filled with `input`.
async fn form_view(
    state: &AppState,
    member: &Member,
    id: Option<i64>,
    input: &InitiativeInput,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let owners: Vec<(String, String)> = accounts::members(&state.db, &member.scope)
        .await?
        .into_iter()
        .map(|m| (m.user_id.to_string(), m.display_name))
        .collect();
    let partners: Vec<(String, String)> = organisations::directory(&state.db)
        .await?
        .into_iter()
        .filter(|o| o.id != member.scope.org_id())
        .map(|o| (o.id.to_string(), o.name))
        .collect();
    let labels = [
        ("name", ctx.t("field-name")),
        ("description", ctx.t("field-description")),
        ("topic", ctx.t("field-topic")),
        ("custom_topic", ctx.t("field-custom-topic")),
        ("target_group", ctx.t("field-target-group")),
        ("start_date", ctx.t("field-start-date")),
        ("end_date", ctx.t("field-end-date")),
        ("status", ctx.t("field-status")),
        ("owner_id", ctx.t("field-owner")),
        ("partner_ids", ctx.t("field-partners")),
    ];
    let (title, action) = match id {
        Some(id) => (ctx.t("initiative-edit"), format!("/initiatives/{id}")),
        None => (ctx.t("initiative-new"), "/initiatives".to_owned()),
    };
    let body = html! {
        p.breadcrumb { a href="/initiatives" { (ctx.t("nav-initiatives")) } }
        h1 { (title) }
        (error_summary(ctx, errors, &labels))
        form.stacked method="post" action=(action) novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "name", "field-name", errors).required(), "text", &input.name, None))
            (forms::textarea(ctx, Field::new(ctx, "description", "field-description", errors), &input.description))
            (forms::select(ctx, Field::new(ctx, "topic", "field-topic", errors).required(),
                &choice_options(ctx, TopicArea::ALL, TopicArea::key, "topic"), &input.topic, Some(ctx.t("choose"))))
            (forms::input(ctx, Field::new(ctx, "custom_topic", "field-custom-topic", errors).hint(ctx.t("hint-custom-topic")), "text", &input.custom_topic, None))
            (forms::input(ctx, Field::new(ctx, "target_group", "field-target-group", errors).hint(ctx.t("hint-target-group")), "text", &input.target_group, None))
            div.field-row {
                (forms::input(ctx, Field::new(ctx, "start_date", "field-start-date", errors).hint(ctx.t("hint-date")), "date", &input.start_date, None))
                (forms::input(ctx, Field::new(ctx, "end_date", "field-end-date", errors).hint(ctx.t("hint-date")), "date", &input.end_date, None))
            }
            (forms::select(ctx, Field::new(ctx, "status", "field-status", errors).required(),
                &choice_options(ctx, InitiativeStatus::ALL, InitiativeStatus::key, "status"),
                if input.status.is_empty() { "planned" } else { &input.status }, None))
            (forms::select(ctx, Field::new(ctx, "owner_id", "field-owner", errors), &owners, &input.owner_id, Some(ctx.t("no-owner"))))
            (forms::checkboxes(ctx, Field::new(ctx, "partner_ids", "field-partners", errors).hint(ctx.t("hint-partners")), &partners, &input.partner_ids))
            div.actions {
                button.primary type="submit" { (ctx.t("save")) }
                a.button href=(id.map(|id| format!("/initiatives/{id}")).unwrap_or_else(|| "/initiatives".into())) { (ctx.t("cancel")) }
            }
        }
    };
    Ok(page(ctx, &title, Nav::Initiatives, body))
}

fn require_editor(member: &Member) -> Result<(), AppError> {
    if member.scope.role().can_edit_initiatives() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn new_page(State(state): State<AppState>, member: Member) -> Result<Markup, AppError> {
    require_editor(&member)?;
    let input = InitiativeInput { owner_id: member.user.user_id.to_string(), ..Default::default() };
    form_view(&state, &member, None, &input, &FieldErrors::new()).await
}

pub async fn edit_page(State(state): State<AppState>, member: Member, PathId(id): PathId) -> Result<Markup, AppError> {
    require_editor(&member)?;
    let initiative = initiatives::get(&state.db, &member.scope, id).await?;
    form_view(&state, &member, Some(initiative.id), &input_from(&initiative), &FieldErrors::new()).await
}

/// Saves the form, or shows it again with every value as typed and each problem beside its field.
async fn save(
    state: &AppState,
    member: &Member,
    id: Option<i64>,
    input: InitiativeInput,
) -> Result<Response, AppError> {
    require_editor(member)?;
    let draft = match input.parse() {
        Ok(draft) => draft,
        Err(errors) => return Ok(rejected(form_view(state, member, id, &input, &errors).await?)),
    };
    let result = match id {
        Some(id) => initiatives::update(&state.db, &member.scope, id, &draft).await,
        None => initiatives::create(&state.db, &member.scope, &draft).await,
    };
    match result {
        Ok(saved) => {
            let notice = if id.is_some() { "saved" } else { "initiative-created" };
            Ok(redirect_with_cookies(&format!("/initiatives/{}?notice={notice}", saved.id), &[]))
        }
        Err(StoreError::Invalid(errors)) => Ok(rejected(form_view(state, member, id, &input, &errors).await?)),
        Err(other) => Err(other.into()),
    }
}

pub async fn create(
    State(state): State<AppState>,
    member: Member,
    Submitted(input): Submitted<InitiativeInput>,
) -> Result<Response, AppError> {
    save(&state, &member, None, input).await
}

pub async fn update(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<InitiativeInput>,
) -> Result<Response, AppError> {
    // An unknown or foreign id is 404 before any validation message could reveal anything.
    initiatives::get(&state.db, &member.scope, id).await?;
    save(&state, &member, Some(id), input).await
}

async fn set_archived(state: &AppState, member: &Member, id: i64, archived: bool) -> Result<Response, AppError> {
    let initiative = initiatives::set_archived(&state.db, &member.scope, id, archived).await?;
    let notice = if archived { "archived" } else { "restored" };
    Ok(redirect_with_cookies(&format!("/initiatives/{}?notice={notice}", initiative.id), &[]))
}

pub async fn archive(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    set_archived(&state, &member, id, true).await
}

pub async fn restore(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    set_archived(&state, &member, id, false).await
}
