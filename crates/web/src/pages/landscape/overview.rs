//! The landscape page: the four levels as a picture coloured by how each factor stands, the
//! factors that hinder most, and every factor with its note and who follows it up.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use crate::views::charts::{self, Tile, TileColumn};
use parat_core::landscape::analysis::most_hindering;

pub async fn overview(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    let framework = landscape.framework();
    let recorded = by_key(landscape::factors(&state.db, &landscape).await?, |f| &f.key);
    let readings = landscape::readings(&state.db, &member.scope, &landscape).await?;
    let own = if landscape.can_edit && recorded.is_empty() {
        landscape::own_frameworks(&state.db, &member.scope).await?
    } else {
        Vec::new()
    };
    let rows: Vec<(&Level, &Factor, Option<&FactorEntry>)> =
        framework.factors().map(|(l, f)| (l, f, recorded.get(&f.key))).collect();
    let state_of =
        |row: &(&Level, &Factor, Option<&FactorEntry>)| row.2.map_or((None, false), |e| (e.state, e.in_focus));
    let hindering = most_hindering(&rows, state_of);
    let columns: Vec<TileColumn> = framework
        .levels
        .iter()
        .map(|level| TileColumn {
            label: level.name.get(ctx.locale),
            tiles: rows
                .iter()
                .filter(|(l, _, _)| l.key == level.key)
                .map(|(_, f, e)| {
                    let (state, in_focus) = e.map_or((None, false), |e| (e.state, e.in_focus));
                    Tile {
                        label: f.name.get(ctx.locale),
                        class: state.map_or("none", FactorState::key),
                        mark: state_sign(state),
                        emphasised: in_focus,
                    }
                })
                .collect(),
        })
        .collect();
    let description = ctx.t("land-picture-desc");
    let body = html! {
        (notice(ctx, query.notice.as_deref()))
        (tabs(ctx, &landscape, "overview"))
        h1 { (ctx.t("land-title")) ": " (landscape.initiative_name) }
        p.lead { (framework.description.get(ctx.locale)) }
        (super::plan_downloads(ctx, id))
        @if !own.is_empty() {
            form.inline-form method="post" action=(format!("/initiatives/{id}/landscape/framework")) {
                (csrf(ctx))
                @let options: Vec<(String, String)> = std::iter::once((landscape::BUILTIN_KEY.to_owned(), parat_core::landscape::builtin_framework().name.get(ctx.locale).to_owned()))
                    .chain(own.iter().map(|f| (f.key(), f.name.clone()))).collect();
                (forms::select(ctx, Field::new(ctx, "framework", "land-framework", &FieldErrors::new()).hint(ctx.t("hint-land-framework")), &options, &landscape.framework_key, None))
                button type="submit" { (ctx.t("land-framework-choose")) }
            }
        }
        figure.landscape-picture {
            (charts::tile_columns(&ctx.t("land-picture-title"), &description, &columns))
            figcaption {
                ul.legend {
                    @for state in FactorState::ALL {
                        li { span class=(format!("swatch state-{}", state.key())) aria-hidden="true" { (state_sign(Some(state))) } " " (state_name(ctx, Some(state))) }
                    }
                    li { span.swatch.state-none aria-hidden="true" { "·" } " " (state_name(ctx, None)) }
                    li { span.swatch.focus aria-hidden="true" {} " " (ctx.t("land-in-focus")) }
                }
            }
        }
        h2 #hindering { (ctx.t("land-hindering-title")) }
        @if hindering.is_empty() { p { (ctx.t("land-hindering-none")) } } @else {
            ol { @for (level, factor, entry) in &hindering {
                li {
                    a href=(format!("/initiatives/{id}/landscape/factors/{}", factor.key)) { (factor.name.get(ctx.locale)) }
                    " (" (level.name.get(ctx.locale)) "): " (state_name(ctx, entry.and_then(|e| e.state)))
                    @if entry.is_some_and(|e| e.in_focus) { " " span.badge { (ctx.t("land-in-focus")) } }
                    @if let Some(e) = entry.filter(|e| !e.note.is_empty()) { br; span.hint { (e.note) } }
                }
            } }
        }
        @for level in &framework.levels {
            section aria-labelledby=(format!("level-{}", level.key)) {
                h2 id=(format!("level-{}", level.key)) { (level.name.get(ctx.locale)) }
                p { (level.description.get(ctx.locale)) }
                (super::readiness::level_readings(ctx, &landscape, &readings, level))
                div.table-wrap { table {
                    caption.visually-hidden { (level.name.get(ctx.locale)) }
                    thead { tr {
                        th scope="col" { (ctx.t("land-factor")) }
                        th scope="col" { (ctx.t("land-in-focus")) }
                        th scope="col" { (ctx.t("land-state")) }
                        th scope="col" { (ctx.t("land-note")) }
                        th scope="col" { (ctx.t("land-follow-up")) }
                    } }
                    tbody { @for (_, factor, entry) in rows.iter().filter(|(l, _, _)| l.key == level.key) {
                        tr {
                            th scope="row" {
                                a href=(format!("/initiatives/{id}/landscape/factors/{}", factor.key)) { (factor.name.get(ctx.locale)) }
                            }
                            td { @if entry.is_some_and(|e| e.in_focus) { (ctx.t("yes")) } @else { "–" } }
                            td { span class=(format!("state state-{}", entry.and_then(|e| e.state).map_or("none", FactorState::key))) {
                                (state_sign(entry.and_then(|e| e.state))) } " " (state_name(ctx, entry.and_then(|e| e.state))) }
                            td { (entry.map(|e| e.note.as_str()).filter(|n| !n.is_empty()).unwrap_or("–")) }
                            td { (entry.map(|e| e.follow_up.as_str()).filter(|n| !n.is_empty()).unwrap_or("–")) }
                        }
                    } }
                } }
            }
        }
    };
    Ok(page(ctx, &ctx.t("land-title"), Nav::Initiatives, body))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FrameworkForm {
    framework: String,
}

/// Lets the initiative follow one of the organisation's own frameworks, before anything is
/// recorded.
pub async fn choose_framework(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(form): Submitted<FrameworkForm>,
) -> Result<Response, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    match landscape::choose_framework(&state.db, &member.scope, &landscape, form.framework.trim()).await {
        Ok(()) => Ok(redirect_with_cookies(&format!("/initiatives/{id}/landscape?notice=saved"), &[])),
        Err(StoreError::Closed) => Err(AppError::NotNow(crate::error::NotNow::LandscapeBegun)),
        Err(other) => Err(other.into()),
    }
}
