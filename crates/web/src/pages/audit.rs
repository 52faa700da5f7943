//! The audit log of the current organisation, for its administrators.

use axum::extract::{Query, State};
use maud::{html, Markup};
use parat_store::audit;
use serde::Deserialize;

use crate::context::Member;
use crate::views::layout::{page, Nav};
use crate::{AppError, AppState};

#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    before: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<AuditQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let before = query.before.as_deref().and_then(|b| b.parse::<i64>().ok());
    let entries = audit::list(&state.db, &member.scope, before).await?;
    let oldest = entries.last().map(|e| e.id);
    let body = html! {
        h1 { (ctx.t("nav-audit")) }
        p { (ctx.t("audit-intro")) }
        @if entries.is_empty() { p { (ctx.t("audit-empty")) } } @else {
            div.table-wrap { table.audit {
                caption.visually-hidden { (ctx.t("nav-audit")) }
                thead { tr {
                    th scope="col" { (ctx.t("audit-when")) }
                    th scope="col" { (ctx.t("audit-who")) }
                    th scope="col" { (ctx.t("audit-what")) }
                    th scope="col" { (ctx.t("audit-before")) }
                    th scope="col" { (ctx.t("audit-after")) }
                } }
                tbody {
                    @for e in &entries {
                        tr {
                            td.date { (ctx.date_time(e.at)) }
                            td { (e.actor_label) }
                            td { (ctx.t(&format!("audit-action-{}", e.action))) " · " (ctx.t(&format!("audit-entity-{}", e.entity)))
                                @if let Some(id) = e.entity_id { " #" (id) } }
                            td { @if let Some(b) = &e.before { code.json { (b) } } }
                            td { @if let Some(a) = &e.after { code.json { (a) } } }
                        }
                    }
                }
            } }
            @if entries.len() as i64 == audit::PAGE_SIZE {
                @if let Some(oldest) = oldest { p { a href=(format!("/audit?before={oldest}")) { (ctx.t("audit-older")) } } }
            }
        }
    };
    Ok(page(ctx, &ctx.t("nav-audit"), Nav::Audit, body))
}
