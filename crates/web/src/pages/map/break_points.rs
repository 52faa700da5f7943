//! The map's break points: where the target group is handed from one set of rules to another,
//! on an age or time axis, with the meetings and agencies that cover each — and the points
//! nobody covers, highlighted.

use parat_core::map::break_points::{Axis, BreakPointInput};
use parat_store::map::{Actor, BreakPoint, Meeting};

use super::*;
use crate::views::charts::{break_points as axis_picture, PointMark};

fn axis_name(ctx: &Ctx, axis: Axis) -> String {
    ctx.t(&format!("map-break-axis-{}", axis.key()))
}

/// Who covers a point, in words.
fn cover_note(ctx: &Ctx, point: &BreakPoint, meetings: &[Meeting], actors: &[Actor]) -> String {
    if point.meeting_ids.is_empty() {
        return ctx.t("map-break-uncovered");
    }
    let agencies: Vec<String> = map::covering(point, meetings, actors)
        .into_iter()
        .map(|(agency, actors)| format!("{} ({actors})", agency_name(ctx, agency)))
        .collect();
    ctx.t_with(
        "map-break-covered",
        &[("meetings", (point.meeting_ids.len() as f64).into()), ("agencies", agencies.join(", ").into())],
    )
}

/// The point form: a new point, or `editing` one.
fn point_form(
    ctx: &Ctx,
    map: &Map,
    meetings: &[Meeting],
    (editing, input, errors): (Option<i64>, &BreakPointInput, &FieldErrors),
) -> Markup {
    let axes: Vec<(String, String)> = Axis::ALL.iter().map(|a| (a.key().to_owned(), axis_name(ctx, *a))).collect();
    let options: Vec<(String, String)> = meetings.iter().map(|m| (m.id.to_string(), m.name.clone())).collect();
    let action = match editing {
        Some(point) => format!("/maps/{}/break-points/{point}", map.id),
        None => format!("/maps/{}/break-points", map.id),
    };
    html! {
        (error_summary(ctx, errors, &[("axis", ctx.t("map-break-axis")), ("at_value", ctx.t("map-break-at")), ("label", ctx.t("map-break-label")), ("meeting_ids", ctx.t("map-break-meetings"))]))
        form.stacked method="post" action=(action) novalidate {
            (csrf(ctx))
            (forms::select(ctx, Field::new(ctx, "axis", "map-break-axis", errors).required(), &axes, &input.axis, Some(ctx.t("choose"))))
            (forms::input(ctx, Field::new(ctx, "at_value", "map-break-at", errors).required().hint(ctx.t("hint-map-break-at")), "text", &input.at_value, None))
            (forms::input(ctx, Field::new(ctx, "label", "map-break-label", errors).required().hint(ctx.t("hint-map-break-label")), "text", &input.label, None))
            @if !options.is_empty() {
                (forms::checkboxes(ctx, Field::new(ctx, "meeting_ids", "map-break-meetings", errors).hint(ctx.t("hint-map-break-meetings")), &options, &input.meeting_ids))
            }
            div.actions {
                button.primary type="submit" { (ctx.t(if editing.is_some() { "map-save" } else { "map-break-add" })) }
                @if editing.is_some() { a.button href=(format!("/maps/{}/break-points", map.id)) { (ctx.t("cancel")) } }
            }
        }
    }
}

async fn points_view(
    state: &AppState,
    member: &Member,
    map: &Map,
    form: (Option<i64>, &BreakPointInput, &FieldErrors),
    notice_key: Option<&str>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let points = map::break_points(&state.db, map).await?;
    let meetings = map::meetings(&state.db, map).await?;
    let actors = map::members(&state.db, map).await?;
    let meeting_name = |id: i64| meetings.iter().find(|m| m.id == id).map(|m| m.name.clone()).unwrap_or_default();
    let meeting_names = |point: &BreakPoint| point.meeting_ids.iter().map(|id| meeting_name(*id)).collect::<Vec<_>>();
    let editing = form.0;
    let body = html! {
        (notice(ctx, notice_key))
        p.breadcrumb { a href=(format!("/maps/{}", map.id)) { (map.name) } }
        h1 { (ctx.t("map-break-title")) }
        p.lead { (ctx.t("map-break-lead")) }
        @if points.is_empty() { p { (ctx.t("map-break-none")) } }
        @for axis in Axis::ALL {
            @let on_axis: Vec<&BreakPoint> = points.iter().filter(|p| p.axis == *axis).collect();
            @if !on_axis.is_empty() {
                @let uncovered = on_axis.iter().filter(|p| p.meeting_ids.is_empty()).count();
                @let marks: Vec<PointMark> = on_axis.iter().map(|p| PointMark {
                    at: p.at_value,
                    shown: ctx.locale.format_decimal(p.at_value, if p.at_value.fract() == 0.0 { 0 } else { 1 }),
                    label: &p.label,
                    note: cover_note(ctx, p, &meetings, &actors),
                    meetings: if p.meeting_ids.is_empty() { String::new() } else {
                        ctx.t_with("map-break-meetings-under", &[("meetings", meeting_names(p).join(", ").into())])
                    },
                    covered: !p.meeting_ids.is_empty(),
                }).collect();
                @let description = ctx.t_with("map-break-picture-desc", &[("points", (on_axis.len() as f64).into()), ("uncovered", (uncovered as f64).into())]);
                section aria-labelledby=(format!("axis-{}", axis.key())) {
                    h2 id=(format!("axis-{}", axis.key())) { (axis_name(ctx, *axis)) }
                    figure.map-picture {
                        (axis_picture(&format!("break-{}", axis.key()), (&axis_name(ctx, *axis), &description), &axis_name(ctx, *axis), &marks))
                        figcaption { (description) }
                    }
                    div.table-wrap { table {
                        caption.visually-hidden { (axis_name(ctx, *axis)) }
                        thead { tr {
                            th scope="col" { (ctx.t("map-break-at")) }
                            th scope="col" { (ctx.t("map-break-label")) }
                            th scope="col" { (ctx.t("map-break-meetings")) }
                            th scope="col" { (ctx.t("map-break-cover")) }
                            th scope="col" { (ctx.t("map-break-actors")) }
                            @if map.can_edit { th scope="col" { span.visually-hidden { (ctx.t("map-break-change")) } } }
                        } }
                        tbody { @for (point, mark) in on_axis.iter().zip(&marks) {
                            tr.uncovered[!mark.covered] {
                                th scope="row" { (mark.shown) }
                                td { (point.label) }
                                td { @if point.meeting_ids.is_empty() { "–" } @else { (meeting_names(point).join(", ")) } }
                                td { @if mark.covered { (mark.note) } @else { strong { (mark.note) } } }
                                td.actors {
                                    @let covering = map::covering_actors(point, &meetings, &actors);
                                    @if covering.is_empty() { "–" } @else {
                                        ul.plain { @for actor in covering { li { (actor.label()) } } }
                                    }
                                }
                                @if map.can_edit {
                                    td {
                                        a href=(format!("/maps/{}/break-points?edit={}#change", map.id, point.id)) { (ctx.t("map-break-change")) span.visually-hidden { " " (point.label) } }
                                        form.inline method="post" action=(format!("/maps/{}/break-points/{}/remove", map.id, point.id)) {
                                            (csrf(ctx))
                                            button type="submit" { (ctx.t("map-break-remove")) span.visually-hidden { " " (point.label) } }
                                        }
                                    }
                                }
                            }
                        } }
                    } }
                }
            }
        }
        @if map.can_edit {
            section aria-labelledby="change" {
                h2 #change { (ctx.t(if editing.is_some() { "map-break-edit" } else { "map-break-new" })) }
                (point_form(ctx, map, &meetings, form))
            }
        }
    };
    Ok(page(ctx, &ctx.t("map-break-title"), Nav::Maps, body))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct BreakPointQuery {
    pub edit: Option<String>,
    pub notice: Option<String>,
}

pub async fn break_points_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    axum::extract::Query(query): axum::extract::Query<BreakPointQuery>,
) -> Result<Markup, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    let editing = match query.edit.as_deref().filter(|e| !e.is_empty()) {
        Some(raw) if map.can_edit => {
            let wanted = raw.parse::<i64>().map_err(|_| AppError::NotFound)?;
            let points = map::break_points(&state.db, &map).await?;
            let point = points.into_iter().find(|p| p.id == wanted).ok_or(AppError::NotFound)?;
            let input = BreakPointInput {
                axis: point.axis.key().to_owned(),
                at_value: editable_decimal(&member.ctx, point.at_value),
                label: point.label,
                meeting_ids: point.meeting_ids.iter().map(i64::to_string).collect(),
            };
            Some((point.id, input))
        }
        _ => None,
    };
    let (point, input) = match &editing {
        Some((point, input)) => (Some(*point), input.clone()),
        None => (None, BreakPointInput::default()),
    };
    points_view(&state, &member, &map, (point, &input, &FieldErrors::new()), query.notice.as_deref()).await
}

async fn save_point(
    state: AppState,
    member: Member,
    id: i64,
    point: Option<i64>,
    input: BreakPointInput,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    if !map.can_edit {
        return Err(AppError::Forbidden);
    }
    let saved = match (input.parse(), point) {
        (Ok(draft), None) => map::add_break_point(&state.db, &member.scope, &map, &draft).await.map(|_| ()),
        (Ok(draft), Some(point)) => map::update_break_point(&state.db, &member.scope, &map, point, &draft).await,
        (Err(errors), _) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/maps/{id}/break-points?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            Ok(rejected(points_view(&state, &member, &map, (point, &input, &errors), None).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn add_break_point(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<BreakPointInput>,
) -> Result<Response, AppError> {
    save_point(state, member, id, None, input).await
}

pub async fn update_break_point(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, point): PathIds,
    Submitted(input): Submitted<BreakPointInput>,
) -> Result<Response, AppError> {
    save_point(state, member, id, Some(point), input).await
}

pub async fn remove_break_point(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, point): PathIds,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    map::remove_break_point(&state.db, &member.scope, &map, point).await?;
    Ok(redirect_with_cookies(&format!("/maps/{id}/break-points?notice=saved"), &[]))
}
