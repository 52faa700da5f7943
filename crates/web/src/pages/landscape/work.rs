//! The landscape's entries in the home page's "to do" list: reflection questions the person
//! owns and has not settled.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use crate::views::work::WorkEntry;

pub async fn work_entries(
    state: &AppState,
    ctx: &Ctx,
    scope: &parat_store::OrgScope,
) -> Result<Vec<WorkEntry>, AppError> {
    let today = today();
    let owned = landscape::my_open_questions(&state.db, scope).await?;
    let mut entries = Vec::with_capacity(owned.len());
    for question in owned {
        let framework = landscape::framework_by_key(&state.db, scope, &question.framework_key).await?;
        let Some((_, text)) = framework.question(&question.entry.key) else { continue };
        entries.push(WorkEntry {
            due_on: question.entry.due_on,
            overdue: question.entry.is_overdue(today),
            body: html! {
                a href=(format!("/initiatives/{}/checklist/{}", question.initiative_id, question.entry.key)) { (text.text.get(ctx.locale)) }
                br; span.hint { (ctx.t("land-checklist-title")) ": " (question.initiative_name) }
            },
        });
    }
    Ok(entries)
}
