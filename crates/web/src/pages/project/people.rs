//! A person's request about the attendance lists: an administrator finds what the organisation's
//! lists hold under a name, gives it to them as JSON, or erases it.

use super::*;

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct NameQuery {
    name: String,
    notice: Option<String>,
}

pub async fn people_page(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Query(query): axum::extract::Query<NameQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    if !member.scope.role().can_administer() {
        return Err(AppError::Forbidden);
    }
    let name = query.name.trim();
    let found = match name {
        "" => None,
        name => Some(store::person_attendances(&state.db, &member.scope, name).await?),
    };
    let encoded = crate::error::encode_query_value(name);
    let body = html! {
        (notice(ctx, query.notice.as_deref()))
        h1 { (ctx.t("project-people")) }
        p.lead { (ctx.t("project-people-lead")) }
        form.stacked method="get" action="/project/people" {
            (forms::input(ctx, Field::new(ctx, "name", "project-attendee-name", &FieldErrors::new()), "text", name, Some("off")))
            div.actions { button type="submit" { (ctx.t("project-people-find")) } }
        }
        @if let Some(found) = &found {
            @if found.is_empty() {
                p role="status" { (ctx.t("project-people-none")) }
            } @else {
                div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-people-found")) { table {
                    caption { (ctx.t_with("project-people-found-count", &[("n", (found.len() as f64).into())])) }
                    thead { tr {
                        th scope="col" { (ctx.t("project-event-starts-at")) }
                        th scope="col" { (ctx.t("project-event-title")) }
                        th scope="col" { (ctx.t("project-attendee-name")) }
                        th scope="col" { (ctx.t("project-attendee-organisation")) }
                        th scope="col" { (ctx.t("project-attendee-unit")) }
                    } }
                    tbody { @for f in found { tr {
                        td.date { (ctx.date_time(f.starts_at)) }
                        th scope="row" { a href=(format!("/events/{}", f.event_id)) { (f.event_title) } }
                        td { (f.name) }
                        td { (f.organisation) }
                        td { (f.unit) }
                    } } }
                } }
                p { a href=(format!("/project/people/export.json?name={encoded}")) download { (ctx.t("project-people-export")) } }
                form.inline method="post" action="/project/people/erase" {
                    (csrf(ctx))
                    input type="hidden" name="name" value=(name);
                    button.danger type="submit" { (ctx.t_with("project-people-erase", &[("n", (found.len() as f64).into())])) }
                }
            }
        }
    };
    Ok(page(ctx, &ctx.t("project-people"), Nav::Initiatives, body))
}

/// What the attendance lists hold under a name, as JSON for the person who asked.
pub async fn people_export(
    State(state): State<AppState>,
    member: Member,
    axum::extract::Query(query): axum::extract::Query<NameQuery>,
) -> Result<Response, AppError> {
    let found = store::person_attendances(&state.db, &member.scope, query.name.trim()).await?;
    let body = serde_json::to_vec_pretty(&serde_json::json!({ "attendances": found }))
        .map_err(|e| AppError::Internal(Box::new(e)))?;
    Ok(crate::pages::download(body, "application/json", "attendance.json"))
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct EraseInput {
    name: String,
}

pub async fn people_erase(
    State(state): State<AppState>,
    member: Member,
    Submitted(input): Submitted<EraseInput>,
) -> Result<Response, AppError> {
    if input.name.trim().is_empty() {
        return Err(AppError::BadRequest("no name to erase".into()));
    }
    store::erase_person(&state.db, &member.scope, &input.name).await?;
    Ok(redirect_with_cookies("/project/people?notice=erased", &[]))
}
