//! Waves: a map repeated (the same actors, meetings and attendance to start from) and compared
//! with the wave before — the meetings added and removed and how the measures moved.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use parat_core::map::comparison::{compare, Change, WaveMeeting};
use parat_core::map::inventory::MapInput;

use super::*;

fn wave_form(ctx: &Ctx, map: &Map, input: &MapInput, errors: &FieldErrors) -> Markup {
    let body = html! {
        p.breadcrumb { a href=(format!("/maps/{}", map.id)) { (map.name) } }
        h1 { (ctx.t("map-wave-new")) }
        p.lead { (ctx.t("map-wave-lead")) }
        (error_summary(ctx, errors, &[("name", ctx.t("map-name")), ("target_group", ctx.t("map-target-group")), ("starts_on", ctx.t("map-starts-on")), ("ends_on", ctx.t("map-ends-on"))]))
        form.stacked method="post" action=(format!("/maps/{}/wave", map.id)) novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "name", "map-name", errors).required(), "text", &input.name, None))
            (forms::input(ctx, Field::new(ctx, "target_group", "map-target-group", errors).required(), "text", &input.target_group, None))
            (forms::input(ctx, Field::new(ctx, "starts_on", "map-starts-on", errors).hint(ctx.t("hint-date")), "date", &input.starts_on, None))
            (forms::input(ctx, Field::new(ctx, "ends_on", "map-ends-on", errors).hint(ctx.t("hint-date")), "date", &input.ends_on, None))
            div.actions {
                button.primary type="submit" { (ctx.t("map-wave-create")) }
                a.button href=(format!("/maps/{}", map.id)) { (ctx.t("cancel")) }
            }
        }
    };
    page(ctx, &ctx.t("map-wave-new"), Nav::Maps, body)
}

pub async fn new_wave_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    if !map.can_edit {
        return Err(AppError::Forbidden);
    }
    let input = MapInput {
        name: member.ctx.t_with("map-wave-default-name", &[("map", map.name.clone().into())]),
        target_group: map.target_group.clone(),
        ..MapInput::default()
    };
    Ok(wave_form(&member.ctx, &map, &input, &FieldErrors::new()))
}

pub async fn create_wave(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<MapInput>,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    if !map.can_edit {
        return Err(AppError::Forbidden);
    }
    let made = match input.parse() {
        Ok(draft) => map::new_wave(&state.db, &member.scope, &map, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match made {
        Ok(wave) => Ok(redirect_with_cookies(&format!("/maps/{}?notice=saved", wave.id), &[])),
        Err(StoreError::Invalid(errors)) => Ok(rejected(wave_form(&member.ctx, &map, &input, &errors))),
        Err(other) => Err(other.into()),
    }
}

/// The meetings as the comparison reads them (also the report's).
pub(super) fn wave_meetings(meetings: &[map::Meeting]) -> Vec<WaveMeeting> {
    meetings.iter().map(|m| WaveMeeting { id: m.id, name: m.name.clone(), copied_from: m.copied_from_id }).collect()
}

/// A change as the reader's language writes it: before, after, and the difference with its sign.
fn change_cells(ctx: &Ctx, change: Change, places: usize) -> Markup {
    let delta = change.delta();
    let sign = if delta > 0.0 {
        "+"
    } else if delta < 0.0 {
        "−"
    } else {
        "±"
    };
    html! {
        td.number { (ctx.locale.format_decimal(change.before, places)) }
        td.number { (ctx.locale.format_decimal(change.after, places)) }
        td.number { (sign) (ctx.locale.format_decimal(delta.abs(), places)) }
    }
}

pub async fn compare_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    let map = map::open(&state.db, &member.scope, id).await?;
    let Some(earlier) = map::previous(&state.db, &member.scope, &map).await? else {
        let body = html! {
            p.breadcrumb { a href=(format!("/maps/{id}")) { (map.name) } }
            h1 { (ctx.t("map-compare-title")) }
            p { (ctx.t("map-compare-none")) }
            @if map.can_edit { p { a.button href=(format!("/maps/{id}/wave")) { (ctx.t("map-wave-new")) } } }
        };
        return Ok((StatusCode::OK, page(ctx, &ctx.t("map-compare-title"), Nav::Maps, body)).into_response());
    };
    let (before_meetings, after_meetings) =
        (map::meetings(&state.db, &earlier).await?, map::meetings(&state.db, &map).await?);
    let (before, after) = (map::figures(&state.db, &earlier).await?, map::figures(&state.db, &map).await?);
    let compared = compare(
        (&wave_meetings(&before_meetings), &before.measures),
        (&wave_meetings(&after_meetings), &after.measures),
    );
    let actors = map::actors(&state.db, &member.scope).await?;
    let actor_name =
        |id: &str| actors.iter().find(|a| a.id.to_string() == id).map(|a| a.label()).unwrap_or_else(|| id.to_owned());
    let headings = html! {
        th scope="col" { (ctx.t("map-compare-before")) }
        th scope="col" { (ctx.t("map-compare-after")) }
        th scope="col" { (ctx.t("map-compare-change")) }
    };
    let body = html! {
        p.breadcrumb { a href=(format!("/maps/{id}")) { (map.name) } }
        h1 { (ctx.t("map-compare-title")) }
        p.lead { (ctx.t_with("map-compare-lead", &[("before", earlier.name.clone().into()), ("after", map.name.clone().into())])) }
        section aria-labelledby="compare-network" {
            h2 #compare-network { (ctx.t("map-network")) }
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("map-network")) }
                thead { tr { th scope="col" { (ctx.t("map-compare-measure")) } (headings) } }
                tbody { @for (key, change) in &compared.network {
                    @let places = if matches!(*key, "density" | "centralization") { 2 } else { 0 };
                    tr { th scope="row" { (ctx.t(&format!("map-{key}"))) } (change_cells(ctx, *change, places)) }
                } }
            } }
        }
        section aria-labelledby="compare-meetings" {
            h2 #compare-meetings { (ctx.t("map-meetings")) }
            h3 { (ctx.t("map-compare-added")) }
            @if compared.added.is_empty() { p { (ctx.t("map-compare-nothing")) } } @else {
                ul { @for m in &compared.added { li { a href=(format!("/maps/{id}/meetings/{}", m.id)) { (m.name) } } } }
            }
            h3 { (ctx.t("map-compare-removed")) }
            @if compared.removed.is_empty() { p { (ctx.t("map-compare-nothing")) } } @else {
                ul { @for m in &compared.removed { li { (m.name) } } }
            }
            @if !compared.kept.is_empty() {
                h3 { (ctx.t("map-compare-kept")) }
                div.table-wrap { table {
                    caption.visually-hidden { (ctx.t("map-compare-kept")) }
                    thead {
                        tr { th scope="col" rowspan="2" { (ctx.t("map-meeting-name")) } th scope="colgroup" colspan="3" { (ctx.t("map-attendees")) } th scope="colgroup" colspan="3" { (ctx.t("map-person-hours")) } }
                        tr { (headings) (headings) }
                    }
                    tbody { @for kept in &compared.kept {
                        tr { th scope="row" { (kept.name) } (change_cells(ctx, kept.attendees, 0)) (change_cells(ctx, kept.person_hours, 0)) }
                    } }
                } }
            }
        }
        section aria-labelledby="compare-actors" {
            h2 #compare-actors { (ctx.t("map-compare-actors")) }
            @if compared.actors.is_empty() { p { (ctx.t("map-compare-nothing")) } } @else {
                div.table-wrap { table {
                    caption.visually-hidden { (ctx.t("map-compare-actors")) }
                    thead {
                        tr { th scope="col" rowspan="2" { (ctx.t("map-actor")) } th scope="colgroup" colspan="3" { (ctx.t("map-degree")) } th scope="colgroup" colspan="3" { (ctx.t("map-betweenness")) } }
                        tr { (headings) (headings) }
                    }
                    tbody { @for actor in &compared.actors {
                        tr { th scope="row" { (actor_name(&actor.id)) } (change_cells(ctx, actor.degree, 0)) (change_cells(ctx, actor.betweenness, 2)) }
                    } }
                } }
            }
        }
    };
    Ok(page(ctx, &ctx.t("map-compare-title"), Nav::Maps, body).into_response())
}
