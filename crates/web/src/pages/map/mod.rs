//! The cooperation map's pages: the organisation's maps, a map with its meetings, actors and
//! measures (with their definitions), and the forms the process leader enters them through.

use axum::extract::State;
use axum::response::Response;
use maud::{html, Markup};
use parat_core::map::inventory::{MapInput, NeedInput};
use parat_core::map::{Agency, Level, Suggestion};
use parat_core::FieldErrors;
use parat_store::map::{self, Map};
use parat_store::StoreError;

use super::{redirect_with_cookies, rejected, NoticeQuery};
use crate::context::{Member, PathId, PathIds, Submitted};
use crate::views::forms::{self, csrf, error_summary, Field};
use crate::views::layout::{notice, page, Nav};
use crate::{AppError, AppState, Ctx};

mod break_points;
mod export;
mod filter;
mod interview;
mod inventory;
mod report;
mod survey;
mod waves;

pub use break_points::*;
pub use export::*;
pub use filter::*;
pub use interview::*;
pub use inventory::*;
pub use report::*;
pub use survey::*;
pub use waves::*;

/// The map's pages, merged into the site's routes in one place (`pages::routes`).
pub fn routes() -> super::Routes {
    use axum::routing::{get, post};
    super::Routes::new()
        .route("/maps", "GET POST", get(list).post(create))
        .route("/maps/new", "GET", get(new_page))
        .route("/maps/{id}", "GET", get(show))
        .route("/maps/{id}/actors", "GET POST", get(new_actor_page).post(create_actor))
        .route("/maps/{id}/meetings", "GET POST", get(new_meeting_page).post(create_meeting))
        .route("/maps/{id}/meetings/{meeting}", "GET", get(meeting_page))
        .route("/maps/{id}/meetings/{meeting}/edit", "GET POST", get(edit_meeting_page).post(update_meeting))
        .route("/maps/{id}/actors/{actor}/edit", "GET POST", get(edit_actor_page).post(update_actor))
        .route("/maps/{id}/meetings/{meeting}/attendance", "POST", post(add_attendance))
        .route("/maps/{id}/meetings/{meeting}/ratings", "POST", post(add_rating))
        .route("/maps/{id}/meetings/{meeting}/attendance/remove", "POST", post(remove_attendance))
        .route("/maps/{id}/meetings/{meeting}/remove", "GET POST", get(confirm_remove_meeting).post(remove_meeting))
        .route("/maps/{id}/needs", "POST", post(add_need))
        .route("/maps/{id}/interview", "GET", get(interview_page))
        .route("/maps/{id}/interview/{actor}", "POST", post(save_interview))
        .route("/maps/{id}/survey", "GET POST", get(survey).post(start_survey))
        .route("/maps/{id}/wave", "GET POST", get(new_wave_page).post(create_wave))
        .route("/maps/{id}/compare", "GET", get(compare_page))
        .route("/maps/{id}/break-points", "GET POST", get(break_points_page).post(add_break_point))
        .route("/maps/{id}/break-points/{point}", "POST", post(update_break_point))
        .route("/maps/{id}/break-points/{point}/remove", "POST", post(remove_break_point))
        .route("/maps/{id}/survey/{round}", "POST", post(take_in))
        .route("/maps/{id}/map.xlsx", "GET", get(export_xlsx))
        .route("/maps/{id}/map.csv", "GET", get(export_csv))
        .route("/maps/{id}/map.graphml", "GET", get(export_graphml))
        .route("/maps/{id}/report.pdf", "GET", get(report_pdf))
}

pub fn agency_name(ctx: &Ctx, agency: Agency) -> String {
    ctx.t(&format!("map-agency-{}", agency.key()))
}

/// An agency as a sentence names it (the suggestions): "kommunen", not "Kommun".
fn agency_in_text(ctx: &Ctx, agency: Agency) -> String {
    ctx.t(&format!("map-agency-in-text-{}", agency.key()))
}

/// A number as an edit form is filled with it: unrounded, with the decimal comma Swedish and
/// Danish write (the forms take either), so that saving unchanged changes nothing.
fn editable_decimal(ctx: &Ctx, value: f64) -> String {
    match ctx.locale {
        parat_core::locale::Locale::En => value.to_string(),
        _ => value.to_string().replace('.', ","),
    }
}

pub fn level_name(ctx: &Ctx, level: Level) -> String {
    ctx.t(&format!("map-level-{}", level.key()))
}

fn period(ctx: &Ctx, map: &Map) -> String {
    match (map.starts_on, map.ends_on) {
        (None, None) => "–".into(),
        (start, end) => format!(
            "{} – {}",
            start.map(|d| ctx.locale.format_date(d)).unwrap_or_default(),
            end.map(|d| ctx.locale.format_date(d)).unwrap_or_default()
        ),
    }
}

pub async fn list(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let maps = map::list(&state.db, &member.scope).await?;
    let can_edit = member.scope.role().can_edit_initiatives();
    let body = html! {
        (notice(ctx, query.notice.as_deref()))
        h1 { (ctx.t("map-title")) }
        p.lead { (ctx.t("map-lead")) }
        @if can_edit { p { a.button.primary href="/maps/new" { (ctx.t("map-new")) } } }
        @if maps.is_empty() { p { (ctx.t("map-none")) } } @else {
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("map-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("map-name")) }
                    th scope="col" { (ctx.t("map-target-group")) }
                    th scope="col" { (ctx.t("map-period")) }
                    th scope="col" { (ctx.t("map-actors")) }
                    th scope="col" { (ctx.t("map-meetings")) }
                } }
                tbody { @for m in &maps {
                    tr {
                        th scope="row" { a href=(format!("/maps/{}", m.id)) { (m.name) } }
                        td { (m.target_group) }
                        td { (m.starts_on.as_deref().unwrap_or("–")) " – " (m.ends_on.as_deref().unwrap_or("")) }
                        td.number { (m.actors) }
                        td.number { (m.meetings) }
                    }
                } }
            } }
        }
    };
    Ok(page(ctx, &ctx.t("map-title"), Nav::Maps, body))
}

fn map_form(ctx: &Ctx, input: &MapInput, errors: &FieldErrors) -> Markup {
    let body = html! {
        p.breadcrumb { a href="/maps" { (ctx.t("map-title")) } }
        h1 { (ctx.t("map-new")) }
        (error_summary(ctx, errors, &[("name", ctx.t("map-name")), ("target_group", ctx.t("map-target-group")), ("starts_on", ctx.t("map-starts-on")), ("ends_on", ctx.t("map-ends-on"))]))
        form.stacked method="post" action="/maps" novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "name", "map-name", errors).required().hint(ctx.t("hint-map-name")), "text", &input.name, None))
            (forms::input(ctx, Field::new(ctx, "target_group", "map-target-group", errors).required().hint(ctx.t("hint-map-target-group")), "text", &input.target_group, None))
            (forms::input(ctx, Field::new(ctx, "starts_on", "map-starts-on", errors).hint(ctx.t("hint-date")), "date", &input.starts_on, None))
            (forms::input(ctx, Field::new(ctx, "ends_on", "map-ends-on", errors).hint(ctx.t("hint-date")), "date", &input.ends_on, None))
            div.actions {
                button.primary type="submit" { (ctx.t("map-create")) }
                a.button href="/maps" { (ctx.t("cancel")) }
            }
        }
    };
    page(ctx, &ctx.t("map-new"), Nav::Maps, body)
}

pub async fn new_page(member: Member) -> Result<Markup, AppError> {
    if !member.scope.role().can_edit_initiatives() {
        return Err(AppError::Forbidden);
    }
    Ok(map_form(&member.ctx, &MapInput::default(), &FieldErrors::new()))
}

pub async fn create(
    State(state): State<AppState>,
    member: Member,
    Submitted(input): Submitted<MapInput>,
) -> Result<Response, AppError> {
    if !member.scope.role().can_edit_initiatives() {
        return Err(AppError::Forbidden);
    }
    let made = match input.parse() {
        Ok(draft) => map::create(&state.db, &member.scope, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match made {
        Ok(made) => Ok(redirect_with_cookies(&format!("/maps/{}?notice=saved", made.id), &[])),
        Err(StoreError::Invalid(errors)) => Ok(rejected(map_form(&member.ctx, &input, &errors))),
        Err(other) => Err(other.into()),
    }
}

/// The two-mode map and the actor–actor map, with a legend; the tables below hold the same
/// figures. Actors sit grouped by agency, then by name; meetings as listed (by level, then name).
fn pictures(
    ctx: &Ctx,
    actors: &[&map::Actor],
    meetings: &[&map::Meeting],
    figures: &map::Figures,
    ties: &[(i64, i64, f64)],
) -> Markup {
    use crate::views::charts::{actor_network, two_mode, ActorNode, MeetingNode};
    let mut order: Vec<usize> = (0..actors.len()).collect();
    order.sort_by_key(|&i| (Agency::ALL.iter().position(|a| *a == actors[i].agency), actors[i].label()));
    let position: std::collections::HashMap<i64, usize> =
        order.iter().enumerate().map(|(p, &i)| (actors[i].id, p)).collect();
    let labels: Vec<String> = order.iter().map(|&i| actors[i].label()).collect();
    let nodes: Vec<ActorNode> =
        order.iter().zip(&labels).map(|(&i, label)| ActorNode { label, agency: actors[i].agency.key() }).collect();
    let meeting_nodes: Vec<MeetingNode> = meetings
        .iter()
        .zip(measures_by_id(&figures.measures.meetings, |m| &m.id, meetings, |m| m.id))
        .map(|(m, figures)| MeetingNode {
            label: &m.name,
            person_hours: figures.map_or(0.0, |f| f.person_hours_per_year),
        })
        .collect();
    let position = &position;
    let attendance: Vec<(usize, usize)> = meetings
        .iter()
        .enumerate()
        .flat_map(|(m, meeting)| {
            meeting.attendance.iter().filter_map(move |a| position.get(&a.actor_id).map(|p| (*p, m)))
        })
        .collect();
    let ties: Vec<(usize, usize)> =
        ties.iter().filter_map(|(a, b, _)| Some((*position.get(a)?, *position.get(b)?))).collect();
    let all_ties = if ties.len() < map::TIES_DRAWN {
        ties.len()
    } else {
        figures.measures.actors.iter().map(|a| a.degree).sum::<usize>() / 2
    };
    let count = |n: usize| -> crate::i18n::FluentValue<'static> { (n as f64).into() };
    let two_mode_desc = ctx.t_with(
        "map-picture-two-mode-desc",
        &[("actors", count(actors.len())), ("meetings", count(meetings.len())), ("rows", count(attendance.len()))],
    );
    let mut actors_desc =
        ctx.t_with("map-picture-actors-desc", &[("actors", count(actors.len())), ("ties", count(all_ties))]);
    if ties.len() < all_ties {
        actors_desc.push(' ');
        actors_desc.push_str(&ctx.t_with("map-picture-heaviest", &[("shown", count(ties.len()))]));
    }
    html! {
        figure.map-picture {
            (two_mode((&ctx.t("map-picture-two-mode"), &two_mode_desc), &nodes, &meeting_nodes, &attendance))
            figcaption { (ctx.t("map-picture-two-mode")) ": " (two_mode_desc) }
        }
        figure.map-picture {
            (actor_network((&ctx.t("map-picture-actors"), &actors_desc), &nodes, &ties))
            figcaption { (ctx.t("map-picture-actors")) ": " (actors_desc) }
        }
        ul.legend {
            @for agency in Agency::ALL {
                li { span class=(format!("swatch agency-{}", agency.key())) aria-hidden="true" {} " " (agency_name(ctx, *agency)) }
            }
            li { span.swatch.meeting aria-hidden="true" {} " " (ctx.t("map-legend-meeting")) }
        }
    }
}

/// A suggestion worded as a question for the group, with the facts behind it.
pub(super) fn suggestion_text(
    ctx: &Ctx,
    suggestion: &Suggestion,
    name_of_actor: &dyn Fn(&str) -> String,
    name_of_meeting: &dyn Fn(&str) -> String,
) -> String {
    let text = |value: String| -> crate::i18n::FluentValue<'static> { value.into() };
    match suggestion {
        Suggestion::MergeMeetings { first, second, jaccard, .. } => ctx.t_with(
            "map-suggest-merge_meetings",
            &[
                ("first", text(name_of_meeting(first))),
                ("second", text(name_of_meeting(second))),
                ("jaccard", text(ctx.locale.format_decimal(*jaccard, 2))),
            ],
        ),
        Suggestion::OnlyBridge { actor, agency, other } => ctx.t_with(
            "map-suggest-only_bridge",
            &[
                ("actor", text(name_of_actor(actor))),
                ("agency", text(agency_in_text(ctx, *agency))),
                ("other", text(agency_in_text(ctx, *other))),
            ],
        ),
        Suggestion::MissingMeeting { first, second, needs } => ctx.t_with(
            "map-suggest-missing_meeting",
            &[
                ("first", text(agency_in_text(ctx, *first))),
                ("second", text(agency_in_text(ctx, *second))),
                ("needs", (*needs as f64).into()),
            ],
        ),
    }
}

pub async fn show(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    axum::extract::Query(query): axum::extract::Query<MapQuery>,
) -> Result<Markup, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    let filter = MapFilter::from_query(&query);
    let need = (&NeedInput::default(), &FieldErrors::new());
    map_view(&state, &member, (&map, &filter), need, query.notice.as_deref()).await
}

/// The map page, with the need form holding `need` and its problems after a refused one.
async fn map_view(
    state: &AppState,
    member: &Member,
    (map, filter): (&Map, &MapFilter),
    (need, errors): (&NeedInput, &FieldErrors),
    notice_key: Option<&str>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let id = map.id;
    let actors = map::members(&state.db, map).await?;
    let meetings = map::meetings(&state.db, map).await?;
    let (figures, freshness) = map::figures_for_view(&state.db, map, state.settings.figures_wait).await?;
    let (measures, usefulness, suggestions) = (&figures.measures, &figures.usefulness, &figures.suggestions);
    // The measures name records by their ids as text; a lookup each, built once (a national map
    // lists thousands of needs and overlaps).
    let actor_labels: std::collections::HashMap<String, String> =
        actors.iter().map(|a| (a.id.to_string(), a.label())).collect();
    let meeting_names: std::collections::HashMap<String, &str> =
        meetings.iter().map(|m| (m.id.to_string(), m.name.as_str())).collect();
    let actor_label = |id: &str| actor_labels.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let meeting_name = |id: &str| meeting_names.get(id).map(|n| (*n).to_owned()).unwrap_or_default();
    let decimal = |value: f64, places: usize| ctx.locale.format_decimal(value, places);
    let network = &measures.network;
    let shown_meetings = filter.meetings(&meetings);
    let shown_actors = filter.actors(&actors, &shown_meetings);
    let ties = if filter.is_active() {
        std::borrow::Cow::Owned(ties_within(&shown_meetings, &shown_actors, map::TIES_DRAWN))
    } else {
        std::borrow::Cow::Borrowed(figures.ties.as_slice())
    };
    let count = |n: usize| -> crate::i18n::FluentValue<'static> { (n as f64).into() };
    let body = html! {
        (notice(ctx, notice_key))
        p.breadcrumb { a href="/maps" { (ctx.t("map-title")) } }
        h1 { (map.name) }
        dl.details {
            dt { (ctx.t("map-target-group")) } dd { (map.target_group) }
            dt { (ctx.t("map-period")) } dd { (period(ctx, map)) }
        }
        @if map.can_edit {
            div.actions {
                a.button href=(format!("/maps/{id}/meetings")) { (ctx.t("map-meeting-new")) }
                a.button href=(format!("/maps/{id}/actors")) { (ctx.t("map-actor-new")) }
                a.button href=(format!("/maps/{id}/interview")) { (ctx.t("map-interview-title")) }
                a.button href=(format!("/maps/{id}/survey")) { (ctx.t("map-survey-title")) }
            }
        }
        p.related {
            a href=(format!("/maps/{id}/break-points")) { (ctx.t("map-break-title")) }
            @if map.previous_id.is_some() { " · " a href=(format!("/maps/{id}/compare")) { (ctx.t("map-compare-title")) } }
            @if map.can_edit { " · " a href=(format!("/maps/{id}/wave")) { (ctx.t("map-wave-new")) } }
        }
        p.downloads {
            (ctx.t("map-download")) ": "
            a href=(format!("/maps/{id}/map.xlsx")) { "XLSX" } " · "
            a href=(format!("/maps/{id}/map.csv")) { "CSV" } " · "
            a href=(format!("/maps/{id}/map.graphml")) { "GraphML" } " · "
            a href=(format!("/maps/{id}/report.pdf")) { (ctx.t("map-report-link")) }
        }
        section aria-labelledby="network" {
            h2 #network { (ctx.t("map-network")) }
            div #map-figures-state role="status" { @if freshness == map::Freshness::Updating { (updating(ctx, map, filter)) } }
            dl #map-network-figures .details {
                dt { (ctx.t("map-actors")) } dd { (network.actors) }
                dt { (ctx.t("map-meetings")) } dd { (network.meetings) }
                dt { (ctx.t("map-density")) } dd { (decimal(network.density, 2)) }
                dt { (ctx.t("map-centralization")) } dd { (decimal(network.centralization, 2)) }
                dt { (ctx.t("map-components")) } dd { (network.components) }
            }
        }
        section aria-labelledby="pictures" {
            h2 #pictures { (ctx.t("map-pictures")) }
            (filter_form(ctx, map, &meetings, filter))
            @if filter.is_active() {
                p.notice role="status" { (ctx.t_with("map-filter-showing", &[
                    ("meetings", count(shown_meetings.len())), ("all_meetings", count(meetings.len())),
                    ("actors", count(shown_actors.len())), ("all_actors", count(actors.len())),
                ])) }
            }
            div #map-pictures-figures { (pictures(ctx, &shown_actors, &shown_meetings, &figures, &ties)) }
        }
        section aria-labelledby="meetings" {
            h2 #meetings { (ctx.t("map-meetings")) }
            div #map-meetings-figures { @if shown_meetings.is_empty() { p { (ctx.t("map-meetings-none")) } } @else {
                div.table-wrap { table {
                    caption.visually-hidden { (ctx.t("map-meetings")) }
                    thead { tr {
                        th scope="col" { (ctx.t("map-meeting-name")) }
                        th scope="col" { (ctx.t("map-level")) }
                        th scope="col" { (ctx.t("map-per-year")) }
                        th scope="col" { (ctx.t("map-hours")) }
                        th scope="col" { (ctx.t("map-attendees")) }
                        th scope="col" { (ctx.t("map-person-hours")) }
                        th scope="col" { (ctx.t("map-useful")) }
                        th scope="col" { (ctx.t("map-useful-by-agency")) }
                        th scope="col" { (ctx.t("map-overlaps")) }
                    } }
                    tbody { @for ((meeting, figures), by_agency) in shown_meetings.iter().zip(measures_by_id(&measures.meetings, |m| &m.id, &shown_meetings, |m| m.id)).zip(measures_by_id(usefulness, |u| &u.id, &shown_meetings, |m| m.id)) {
                        tr {
                            th scope="row" { a href=(format!("/maps/{id}/meetings/{}", meeting.id)) { (meeting.name) } }
                            td { (level_name(ctx, meeting.level)) }
                            td.number { (decimal(meeting.per_year, 1)) }
                            td.number { (decimal(meeting.hours, 1)) }
                            td.number { (figures.map_or(0, |f| f.attendees)) }
                            td.number { (decimal(figures.map_or(0.0, |f| f.person_hours_per_year), 0)) }
                            td.number { (figures.and_then(|f| f.useful_mean).map_or("–".into(), |u| decimal(u, 2))) }
                            td { @for agency in by_agency.map(|u| u.by_agency.as_slice()).unwrap_or_default() {
                                (agency_name(ctx, agency.agency)) " " (decimal(agency.mean, 2)) " (" (agency.ratings) ") "
                            } }
                            td { @for overlap in figures.map(|f| f.overlaps.as_slice()).unwrap_or_default() {
                                (meeting_name(&overlap.meeting)) " (" (decimal(overlap.jaccard, 2)) ") "
                            } }
                        }
                    } }
                } }
            } }
        }
        section aria-labelledby="actors" {
            h2 #actors { (ctx.t("map-actors")) }
            div #map-actors-figures { @if shown_actors.is_empty() { p { (ctx.t("map-actors-none")) } } @else {
                div.table-wrap { table {
                    caption.visually-hidden { (ctx.t("map-actors")) }
                    thead { tr {
                        th scope="col" { (ctx.t("map-actor")) }
                        th scope="col" { (ctx.t("map-agency")) }
                        th scope="col" { (ctx.t("map-degree")) }
                        th scope="col" { (ctx.t("map-hours-per-year")) }
                        th scope="col" { (ctx.t("map-weighted-degree")) }
                        th scope="col" { (ctx.t("map-betweenness")) }
                        th scope="col" { (ctx.t("map-brokerage")) }
                    } }
                    tbody { @for (actor, figures) in shown_actors.iter().zip(measures_by_id(&measures.actors, |a| &a.id, &shown_actors, |a| a.id)) {
                        tr {
                            th scope="row" {
                                @if map.can_edit { a href=(format!("/maps/{id}/actors/{}/edit", actor.id)) { (actor.label()) } } @else { (actor.label()) }
                            }
                            td { (agency_name(ctx, actor.agency)) }
                            td.number { (figures.map_or(0, |f| f.degree)) }
                            td.number { (decimal(figures.map_or(0.0, |f| f.hours_per_year), 0)) }
                            td.number { (decimal(figures.map_or(0.0, |f| f.weighted_degree), 0)) }
                            td.number { (decimal(figures.map_or(0.0, |f| f.betweenness), 2)) }
                            td { @if let Some(b) = figures.map(|f| f.brokerage) {
                                (ctx.t_with("map-brokerage-counts", &[
                                    ("coordinator", (b.coordinator as f64).into()),
                                    ("consultant", (b.consultant as f64).into()),
                                    ("boundary", (b.boundary as f64).into()),
                                    ("liaison", (b.liaison as f64).into()),
                                ]))
                            } }
                        }
                    } }
                } }
            } }
        }
        section aria-labelledby="needs" {
            h2 #needs { (ctx.t("map-unmet-needs")) }
            div #map-needs-figures { @if measures.unmet_needs.is_empty() { p { (ctx.t("map-unmet-needs-none")) } } @else {
                ul { @for need in &measures.unmet_needs {
                    li { (actor_label(&need.from)) " → " (actor_label(&need.to)) }
                } }
            } }
            @if map.can_edit && actors.len() >= 2 {
                @let options: Vec<(String, String)> = actors.iter().map(|a| (a.id.to_string(), a.label())).collect();
                (error_summary(ctx, errors, &[("from_actor_id", ctx.t("map-need-from")), ("to_actor_id", ctx.t("map-need-to")), ("about", ctx.t("map-need-about"))]))
                form.stacked method="post" action=(format!("/maps/{id}/needs")) novalidate {
                    (csrf(ctx))
                    h3 { (ctx.t("map-need-new")) }
                    (forms::select(ctx, Field::new(ctx, "from_actor_id", "map-need-from", errors).required(), &options, &need.from_actor_id, Some(ctx.t("choose"))))
                    (forms::select(ctx, Field::new(ctx, "to_actor_id", "map-need-to", errors).required(), &options, &need.to_actor_id, Some(ctx.t("choose"))))
                    (forms::input(ctx, Field::new(ctx, "about", "map-need-about", errors), "text", &need.about, None))
                    div.actions { button type="submit" { (ctx.t("map-need-add")) } }
                }
            }
        }
        section aria-labelledby="suggestions" {
            h2 #suggestions { (ctx.t("map-suggestions")) }
            p.hint { (ctx.t("map-suggestions-lead")) }
            div #map-suggestions-figures { @if suggestions.is_empty() { p { (ctx.t("map-suggestions-none")) } } @else {
                ul { @for suggestion in suggestions {
                    li { (suggestion_text(ctx, suggestion, &actor_label, &meeting_name)) }
                } }
            } }
        }
        section aria-labelledby="definitions" {
            h2 #definitions { (ctx.t("map-definitions")) }
            dl.definitions {
                @for key in ["person-hours", "useful", "overlaps", "degree", "hours-per-year", "weighted-degree", "betweenness", "brokerage", "density", "centralization", "components", "unmet-needs"] {
                    dt { (ctx.t(&format!("map-{key}"))) }
                    dd { (ctx.t(&format!("map-define-{key}"))) }
                }
            }
        }
    };
    Ok(page(ctx, &map.name, Nav::Maps, body))
}

/// The parts of the map page drawn from its figures, replaced in place once they are current.
const FIGURE_PARTS: &str = "#map-figures-state:innerHTML,#map-network-figures:innerHTML,#map-pictures-figures:innerHTML,\
    #map-meetings-figures:innerHTML,#map-actors-figures:innerHTML,#map-needs-figures:innerHTML,#map-suggestions-figures:innerHTML";

/// Says that the figures shown are those from before the latest change. Without JavaScript its
/// button shows the page again, with the same filters; with htmx it asks for the page itself a
/// moment later and replaces only the figures, so nothing typed into the page's forms is lost.
fn updating(ctx: &Ctx, map: &Map, filter: &MapFilter) -> Markup {
    html! {
        form.notice method="get" action=(format!("/maps/{}#network", map.id))
            hx-get=(format!("/maps/{}", map.id)) hx-trigger="load delay:2s" hx-swap="none" hx-select-oob=(FIGURE_PARTS) {
            @for (name, value) in filter.query_pairs() { input type="hidden" name=(name) value=(value); }
            p { (ctx.t("map-figures-updating")) }
            button type="submit" { (ctx.t("map-figures-show-updated")) }
        }
    }
}

/// Each record's measures, found by its stored id (the measures name records by id as text).
fn measures_by_id<'m, M, R>(
    measures: &'m [M],
    id_of_measure: impl Fn(&M) -> &String,
    records: &[R],
    id_of_record: impl Fn(&R) -> i64,
) -> Vec<Option<&'m M>> {
    let by_id: std::collections::HashMap<&str, &M> = measures.iter().map(|m| (id_of_measure(m).as_str(), m)).collect();
    records.iter().map(|r| by_id.get(id_of_record(r).to_string().as_str()).copied()).collect()
}
