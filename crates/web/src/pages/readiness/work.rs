//! Readiness's entries in the home page's "to do" list.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use crate::views::work::WorkEntry;
use parat_store::readiness::{AssessmentLabel, ReadinessWork};

/// An assessment named by what it measures, about what, and when it was started.
pub fn assessment_name(ctx: &Ctx, label: &AssessmentLabel) -> String {
    let started = ctx.date(label.created_at);
    ctx.t_with(
        "assessment-name",
        &[("measured", label.measured.clone().into()), ("issue", label.issue.clone().into()), ("date", started.into())],
    )
}

/// The person's readiness work as entries for the home page.
pub async fn work_entries(
    state: &AppState,
    ctx: &Ctx,
    scope: &parat_store::OrgScope,
) -> Result<Vec<WorkEntry>, AppError> {
    let today = parat_core::locale::scandinavian_date(parat_store::now());
    let work = readiness::work(&state.db, scope).await?;
    Ok(work
        .iter()
        .map(|item| {
            let due_on = item.due_on();
            let overdue = match item {
                ReadinessWork::Task { item, .. } => item.is_overdue(today),
                _ => false,
            };
            let body = match item {
                ReadinessWork::Score { assessment, interview_id, number } => html! {
                    a href=(format!("/interviews/{interview_id}/score")) { (ctx.t_with("work-score", &[("n", (*number as f64).into())])) }
                    br; span.hint { (assessment_name(ctx, assessment)) }
                },
                ReadinessWork::Consensus { assessment, interview_id, number } => html! {
                    a href=(format!("/interviews/{interview_id}/consensus")) { (ctx.t_with("work-consensus", &[("n", (*number as f64).into())])) }
                    br; span.hint { (assessment_name(ctx, assessment)) }
                },
                ReadinessWork::Assessment { assessment, status } => html! {
                    a href=(format!("/assessments/{}", assessment.id)) { (assessment_name(ctx, assessment)) }
                    " " span class=(format!("badge assessment-{}", status.key())) { (status_label(ctx, *status)) }
                },
                ReadinessWork::Task { assessment, item } => html! {
                    a href=(format!("/assessments/{}/results#action-plan", assessment.id)) { (item.what) }
                    br; span.hint { (ctx.t("plan-title")) ": " (assessment_name(ctx, assessment)) }
                },
            };
            WorkEntry { due_on, overdue, body }
        })
        .collect())
}
