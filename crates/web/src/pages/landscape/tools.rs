//! What the planning tools' pages share. Each tool is a list of records on a page of its own —
//! its picture, its table, a form to add one — and a page to change one; adding, changing and
//! removing work the same way for all. A tool says what differs ([`PlanTool`]); the handlers
//! are written once, here, and [`tool_routes!`] mounts them.

use serde::de::DeserializeOwned;

// The area's shared imports and helpers live in mod.rs.
use super::*;
use crate::context::PathIds;
use crate::views::forms::action_button;
use parat_store::landscape::PlanItem;

/// A planning tool's page: what its records look like in forms and on the page.
pub trait PlanTool: PlanItem + 'static {
    /// The form as sent, kept as typed when it is refused.
    type Input: DeserializeOwned + Default + Send + Sync + 'static;
    /// The path segment and the stem of the page's messages (`risks`: `land-risks-title`,
    /// `land-risks-intro`, `land-risks-none`), and the stem for one record (`risk`:
    /// `land-risk-add`, `land-risk-edit`).
    const MANY: &'static str;
    const ONE: &'static str;

    fn parse(input: &Self::Input, landscape: &Landscape) -> Result<Self::Draft, FieldErrors>;
    /// A saved record as the form to change it.
    fn input_of(&self) -> Self::Input;
    fn id(&self) -> i64;
    /// What the record is called on its buttons ("Change …", "Remove …").
    fn name(&self) -> &str;
    /// The fields' labels by name, for the error summary.
    fn labels(ctx: &Ctx) -> Vec<(&'static str, String)>;
    fn fields(ctx: &Ctx, form: &ToolForm<'_, Self>) -> Markup;
    /// The picture and the table of the records (there is at least one).
    fn overview(ctx: &Ctx, landscape: &Landscape, items: &[Self]) -> Markup;
}

/// What a tool's form is drawn from.
pub struct ToolForm<'a, T: PlanTool> {
    pub landscape: &'a Landscape,
    /// The initiative's records (a goal's parent is chosen among them).
    pub items: &'a [T],
    pub input: &'a T::Input,
    pub errors: &'a FieldErrors,
    pub people: &'a [(String, String)],
    /// The record being changed, if not a new one.
    pub editing: Option<i64>,
}

/// The table cell with a record's change and remove buttons, for those who may edit.
pub fn row_actions<T: PlanTool>(ctx: &Ctx, landscape: &Landscape, item: &T) -> Markup {
    let (id, record, name) = (landscape.initiative_id, item.id(), short(item.name()));
    html! {
        @if landscape.can_edit { td.row-actions {
            a.button.small.secondary href=(format!("/initiatives/{id}/{}/{record}/edit", T::MANY)) { (ctx.t_with("plan-edit", &[("name", name.clone().into())])) }
            (action_button(ctx, &format!("/initiatives/{id}/{}/{record}/delete", T::MANY), &ctx.t_with("plan-remove", &[("name", name.into())]), "small secondary"))
        } }
    }
}

/// The header cell over [`row_actions`].
pub fn actions_header(ctx: &Ctx, landscape: &Landscape) -> Markup {
    html! { @if landscape.can_edit { th scope="col" { span.visually-hidden { (ctx.t("actions")) } } } }
}

fn list_view<T: PlanTool>(ctx: &Ctx, form: &ToolForm<'_, T>, notice_key: Option<&str>) -> Markup {
    let (landscape, many, one) = (form.landscape, T::MANY, T::ONE);
    html! {
        (notice(ctx, notice_key))
        (tabs(ctx, landscape, many))
        h1 { (ctx.t(&format!("land-{many}-title"))) ": " (landscape.initiative_name) }
        p.lead { (ctx.t(&format!("land-{many}-intro"))) }
        @if form.items.is_empty() { p { (ctx.t(&format!("land-{many}-none"))) } } @else {
            (T::overview(ctx, landscape, form.items))
        }
        @if landscape.can_edit {
            h2 #add { (ctx.t(&format!("land-{one}-add"))) }
            (error_summary(ctx, form.errors, &T::labels(ctx)))
            form.stacked method="post" action=(format!("/initiatives/{}/{many}", landscape.initiative_id)) novalidate {
                (csrf(ctx))
                (T::fields(ctx, form))
                button.primary type="submit" { (ctx.t(&format!("land-{one}-add"))) }
            }
        }
    }
}

fn list_page_of<T: PlanTool>(ctx: &Ctx, form: &ToolForm<'_, T>, notice_key: Option<&str>) -> Markup {
    page(ctx, &ctx.t(&format!("land-{}-title", T::MANY)), Nav::Initiatives, list_view(ctx, form, notice_key))
}

fn edit_view<T: PlanTool>(ctx: &Ctx, form: &ToolForm<'_, T>) -> Markup {
    let (id, many) = (form.landscape.initiative_id, T::MANY);
    let title = ctx.t(&format!("land-{}-edit", T::ONE));
    let record = form.editing.unwrap_or_default();
    let body = html! {
        (tabs(ctx, form.landscape, many))
        h1 { (title) }
        (error_summary(ctx, form.errors, &T::labels(ctx)))
        form.stacked method="post" action=(format!("/initiatives/{id}/{many}/{record}")) novalidate {
            (csrf(ctx))
            (T::fields(ctx, form))
            div.actions {
                button.primary type="submit" { (ctx.t("save")) }
                a.button href=(format!("/initiatives/{id}/{many}")) { (ctx.t("cancel")) }
            }
        }
    };
    page(ctx, &title, Nav::Initiatives, body)
}

/// The organisation's people to choose an owner among, for a tool whose records have one.
async fn form_people<T: PlanTool>(
    state: &AppState,
    member: &Member,
    landscape: &Landscape,
) -> Result<Vec<(String, String)>, AppError> {
    if landscape.can_edit && T::OWNED {
        people(state, member).await
    } else {
        Ok(Vec::new())
    }
}

pub async fn list_page<T: PlanTool>(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    let items = landscape::items::<T>(&state.db, &landscape).await?;
    let people = form_people::<T>(&state, &member, &landscape).await?;
    let (input, errors) = (T::Input::default(), FieldErrors::new());
    let form = ToolForm {
        landscape: &landscape,
        items: &items,
        input: &input,
        errors: &errors,
        people: &people,
        editing: None,
    };
    Ok(list_page_of(&member.ctx, &form, query.notice.as_deref()))
}

/// Parses and writes a submitted record: a new one, or `editing` replaced.
async fn save<T: PlanTool>(
    state: &AppState,
    member: &Member,
    landscape: &Landscape,
    input: &T::Input,
    editing: Option<i64>,
) -> Result<(), StoreError> {
    let draft = T::parse(input, landscape).map_err(StoreError::Invalid)?;
    match editing {
        None => landscape::add::<T>(&state.db, &member.scope, landscape, &draft, "").await.map(|_| ()),
        Some(record) => landscape::update::<T>(&state.db, &member.scope, landscape, record, &draft).await,
    }
}

/// Back to the list when saved; the form again, as typed and with its problems, when refused.
async fn saved_or_refused<T: PlanTool>(
    state: &AppState,
    member: &Member,
    landscape: &Landscape,
    input: &T::Input,
    editing: Option<i64>,
) -> Result<Response, AppError> {
    match save::<T>(state, member, landscape, input, editing).await {
        Ok(()) => Ok(redirect_with_cookies(
            &format!("/initiatives/{}/{}?notice=saved", landscape.initiative_id, T::MANY),
            &[],
        )),
        Err(StoreError::Invalid(errors)) => {
            let items = landscape::items::<T>(&state.db, landscape).await?;
            let people = form_people::<T>(state, member, landscape).await?;
            let form = ToolForm { landscape, items: &items, input, errors: &errors, people: &people, editing };
            let ctx = &member.ctx;
            Ok(rejected(match editing {
                None => list_page_of(ctx, &form, None),
                Some(_) => edit_view(ctx, &form),
            }))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn add<T: PlanTool>(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<T::Input>,
) -> Result<Response, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    saved_or_refused::<T>(&state, &member, &landscape, &input, None).await
}

pub async fn edit_page<T: PlanTool>(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, record): PathIds,
) -> Result<Markup, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    let items = landscape::items::<T>(&state.db, &landscape).await?;
    let input = items.iter().find(|item| item.id() == record).ok_or(AppError::NotFound)?.input_of();
    let people = form_people::<T>(&state, &member, &landscape).await?;
    let errors = FieldErrors::new();
    let form = ToolForm {
        landscape: &landscape,
        items: &items,
        input: &input,
        errors: &errors,
        people: &people,
        editing: Some(record),
    };
    Ok(edit_view(&member.ctx, &form))
}

pub async fn update<T: PlanTool>(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, record): PathIds,
    Submitted(input): Submitted<T::Input>,
) -> Result<Response, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    landscape::item::<T>(&state.db, &landscape, record).await?;
    saved_or_refused::<T>(&state, &member, &landscape, &input, Some(record)).await
}

pub async fn remove<T: PlanTool>(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, record): PathIds,
    Submitted(_): Submitted<super::super::EmptyForm>,
) -> Result<Response, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    match landscape::remove::<T>(&state.db, &member.scope, &landscape, record).await {
        Ok(()) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/{}", T::MANY), &[])),
        Err(StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::HasDependents)),
        Err(other) => Err(other.into()),
    }
}

/// Mounts a tool's pages: `tool_routes!(routes, Risk, "risks", "{risk}")`.
macro_rules! tool_routes {
    ($routes:expr, $tool:ty, $many:literal, $record:literal) => {{
        use axum::routing::{get, post};
        use $crate::pages::landscape::tools;
        $routes
            .route(
                concat!("/initiatives/{id}/", $many),
                "GET POST",
                get(tools::list_page::<$tool>).post(tools::add::<$tool>),
            )
            .route(concat!("/initiatives/{id}/", $many, "/", $record), "POST", post(tools::update::<$tool>))
            .route(concat!("/initiatives/{id}/", $many, "/", $record, "/edit"), "GET", get(tools::edit_page::<$tool>))
            .route(concat!("/initiatives/{id}/", $many, "/", $record, "/delete"), "POST", post(tools::remove::<$tool>))
    }};
}

pub(crate) use tool_routes;
