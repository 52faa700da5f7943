//! What changed in the landscape and the checklist between two dates: factors that moved
//! towards supporting or hindering, and questions settled — what a steering group asks each
//! tertial.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use axum::response::IntoResponse;
use parat_core::landscape::history::{compare, compared_dates, Direction};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangesQuery {
    from: String,
    to: String,
}

pub async fn changes_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<ChangesQuery>,
) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    let framework = landscape.framework();
    let changes = landscape::changes(&state.db, &landscape).await?;
    let dates = compared_dates(&query.from, &query.to, changes.first_at, today());
    let errors = dates.as_ref().err().cloned().unwrap_or_default();
    let comparison = dates
        .as_ref()
        .ok()
        .map(|(from, to)| (from, to, compare(framework, &changes.factors, &changes.questions, *from, *to)));
    let factor_name = |key: &str| framework.factor(key).map(|(_, f)| f.name.get(ctx.locale)).unwrap_or(key).to_owned();
    let question_text =
        |key: &str| framework.question(key).map(|(_, q)| q.text.get(ctx.locale)).unwrap_or(key).to_owned();
    let (from_value, to_value) = match &dates {
        Ok((from, to)) => (from.to_string(), to.to_string()),
        Err(_) => (query.from.clone(), query.to.clone()),
    };
    let body = html! {
        (tabs(ctx, &landscape, "changes"))
        h1 { (ctx.t("land-changes-title")) ": " (landscape.initiative_name) }
        p.lead { (ctx.t("land-changes-intro")) }
        (error_summary(ctx, &errors, &[("from", ctx.t("land-changes-from")), ("to", ctx.t("land-changes-to"))]))
        form.filters method="get" action=(format!("/initiatives/{id}/landscape/changes")) novalidate {
            (forms::input(ctx, Field::new(ctx, "from", "land-changes-from", &errors).hint(ctx.t("hint-date")), "date", &from_value, None))
            (forms::input(ctx, Field::new(ctx, "to", "land-changes-to", &errors).hint(ctx.t("hint-date")), "date", &to_value, None))
            button type="submit" { (ctx.t("land-changes-compare")) }
        }
        @if let Some((from, to, c)) = &comparison {
            p { (ctx.t_with("land-changes-between", &[("from", ctx.locale.format_date(**from).into()), ("to", ctx.locale.format_date(**to).into())])) }
            h2 { (ctx.t("land-changes-factors")) }
            @if c.factors.is_empty() { p { (ctx.t("land-changes-none")) } } @else {
                div.table-wrap { table {
                    caption.visually-hidden { (ctx.t("land-changes-factors")) }
                    thead { tr {
                        th scope="col" { (ctx.t("land-factor")) }
                        th scope="col" { (ctx.locale.format_date(**from)) }
                        th scope="col" { (ctx.locale.format_date(**to)) }
                        th scope="col" { (ctx.t("land-changes-direction")) }
                    } }
                    tbody { @for m in &c.factors {
                        tr {
                            th scope="row" { (factor_name(&m.key)) }
                            td { (state_sign(m.from)) " " (state_name(ctx, m.from)) }
                            td { (state_sign(m.to)) " " (state_name(ctx, m.to)) }
                            td {
                                @match m.direction() {
                                    Direction::TowardsSupporting => span.move-up { "↑ " (ctx.t("land-move-up")) },
                                    Direction::TowardsHindering => span.move-down { "↓ " (ctx.t("land-move-down")) },
                                    Direction::Assessed => span { (ctx.t("land-move-assessed")) },
                                    Direction::Unassessed => span { (ctx.t("land-move-unassessed")) },
                                }
                                @if m.stopped_hindering() { " " span.badge.current { (ctx.t("land-move-stopped-hindering")) } }
                            }
                        }
                    } }
                } }
            }
            h2 { (ctx.t("land-changes-questions")) }
            @if c.questions.is_empty() { p { (ctx.t("land-changes-none")) } } @else {
                div.table-wrap { table {
                    caption.visually-hidden { (ctx.t("land-changes-questions")) }
                    thead { tr {
                        th scope="col" { (ctx.t("land-question")) }
                        th scope="col" { (ctx.locale.format_date(**from)) }
                        th scope="col" { (ctx.locale.format_date(**to)) }
                    } }
                    tbody { @for m in &c.questions {
                        tr {
                            th scope="row" { (question_text(m.key)) @if m.settled() { " " span.badge.current { (ctx.t("land-status-settled")) } } }
                            td { (status_name(ctx, m.from)) }
                            td { (status_name(ctx, m.to)) }
                        }
                    } }
                } }
            }
        }
    };
    let markup = page(ctx, &ctx.t("land-changes-title"), Nav::Initiatives, body);
    Ok(if errors.is_empty() { markup.into_response() } else { rejected(markup) })
}
