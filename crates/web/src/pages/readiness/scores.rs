//! Blind independent scoring beside the interview, and the consensus once both have submitted.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use parat_core::readiness::sheet::SheetInput;

fn scoring_view(
    ctx: &Ctx,
    assessment: &Assessment,
    interview: &readiness::Interview,
    sheet: &BTreeMap<String, (String, String)>,
    submitted: bool,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let instrument = assessment.instrument();
    let steps = scale_steps(assessment.half_points);
    let labels = dimension_labels(ctx, instrument);
    let body = html! {
        p.breadcrumb { a href=(format!("/interviews/{}", interview.id)) { (ctx.t("interview")) } }
        h1 { (ctx.t("score-title")) }
        p { (ctx.t("score-intro")) }
        @if submitted { div.notice role="status" { (ctx.t("score-submitted")) } }
        (error_summary(ctx, errors, &labels))
        div.scoring {
            (interview_text(ctx, instrument, assessment, interview))
            form.stacked.score-sheet method="post" action=(format!("/interviews/{}/score", interview.id)) novalidate {
                (csrf(ctx))
                @for dimension in &instrument.dimensions {
                    @let field = readiness::dimension_field(&dimension.key);
                    @let (level, evidence) = sheet.get(&dimension.key).cloned().unwrap_or_default();
                    @let error = errors.get(field);
                    fieldset.has-error[error.is_some()] id=(format!("f-{field}")) aria-describedby=[error.map(|_| format!("f-{field}-error"))] {
                        legend { (dimension.key) ". " (dimension.name.get(ctx.locale)) }
                        p.hint { (dimension.description.with_issue(ctx.locale, &assessment.issue)) }
                        @if let Some(problem) = error {
                            p.error-message id=(format!("f-{field}-error")) { span.visually-hidden { (ctx.t("error-prefix")) ": " } (crate::views::forms::problem_text(ctx.locale, problem)) }
                        }
                        div.anchors {
                            @for step in &steps {
                                @let value = level_text(*step);
                                @let id = format!("{field}-{}", step.half_points());
                                div.anchor {
                                    input type="radio" id=(id) name=(field) value=(value) checked[level == value] disabled[submitted];
                                    label for=(id) {
                                        strong { (value) }
                                        @if step.half_points().is_multiple_of(2) {
                                            " " (instrument.anchor(&dimension.key, step.half_points() / 2).map(|a| a.with_issue(ctx.locale, &assessment.issue)).unwrap_or_default())
                                        } @else { " " (ctx.t("score-half-step")) }
                                    }
                                }
                            }
                        }
                        label for=(format!("evidence-{}", dimension.key)) { (ctx.t("score-evidence")) }
                        textarea id=(format!("evidence-{}", dimension.key)) name=(format!("evidence_{}", dimension.key)) rows="2" readonly[submitted] { (evidence) }
                    }
                }
                @if !submitted {
                    div.actions {
                        button type="submit" name="action" value="save" { (ctx.t("score-save")) }
                        button.primary type="submit" name="action" value="submit" { (ctx.t("score-submit")) }
                    }
                    p.hint { (ctx.t("score-submit-hint")) }
                }
            }
        }
    };
    Ok(page(ctx, &ctx.t("score-title"), Nav::Initiatives, body))
}

fn sheet_as_form(sheet: &BTreeMap<String, Score>) -> BTreeMap<String, (String, String)> {
    sheet.iter().map(|(d, s)| (d.clone(), (s.level.map(level_text).unwrap_or_default(), s.evidence.clone()))).collect()
}

pub async fn score_page(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    let (assessment, access, interview) = readiness::interview(&state.db, &member.scope, id).await?;
    if !access.score {
        return Err(AppError::Forbidden);
    }
    let sheet = readiness::own_scores(&state.db, &member.scope, &assessment, interview.reference).await?;
    scoring_view(
        &member.ctx,
        &assessment,
        &interview,
        &sheet_as_form(&sheet.scores),
        sheet.submitted,
        &FieldErrors::new(),
    )
}

pub async fn save_score(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
    Submitted(form): Submitted<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let (assessment, access, interview) = readiness::interview_for_change(&state.db, &member.scope, id).await?;
    if !access.score {
        return Err(AppError::Forbidden);
    }
    if !matches!(assessment.status, AssessmentStatus::Scoring | AssessmentStatus::Consensus) {
        return Err(AppError::NotNow(NotNow::ScoringNotOpen));
    }
    let submit = form.get("action").map(String::as_str) == Some("submit");
    let input = SheetInput::from_form(&form, assessment.edition(), "evidence");
    let typed = input.dimensions.clone();
    let result = match input.parse_scores(assessment.half_points) {
        Ok(sheet) => {
            let scores = sheet.into_iter().map(|(key, (level, evidence))| (key, Score { level, evidence })).collect();
            readiness::save_scores(&state.db, &member.scope, &assessment, interview, &scores, submit).await
        }
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match result {
        Ok(()) => {
            let notice = if submit { "submitted" } else { "saved" };
            Ok(redirect_with_cookies(&format!("/assessments/{}?notice={notice}", assessment.id), &[]))
        }
        Err(StoreError::Invalid(errors)) => {
            // The sheet comes back beside the interview's text: that showing is a read.
            let (_, _, interview) = readiness::interview(&state.db, &member.scope, id).await?;
            Ok(rejected(scoring_view(&member.ctx, &assessment, &interview, &typed, false, &errors)?))
        }
        // Already submitted: the sheet is final.
        Err(StoreError::Forbidden) => Err(AppError::NotNow(NotNow::ScoresFinal)),
        Err(other) => Err(other.into()),
    }
}

fn consensus_view(
    ctx: &Ctx,
    assessment: &Assessment,
    interview: readiness::InterviewRef,
    sheet: &readiness::ConsensusSheet,
    typed: &BTreeMap<String, (String, String)>,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let instrument = assessment.instrument();
    let steps = scale_steps(assessment.half_points);
    let labels = dimension_labels(ctx, instrument);
    let body = html! {
        p.breadcrumb { a href=(format!("/assessments/{}", assessment.id)) { (ctx.t("assessment-title")) ": " (assessment.measured) } }
        h1 { (ctx.t("consensus-title")) }
        p { (ctx.t("consensus-intro")) }
        (error_summary(ctx, errors, &labels))
        form.stacked method="post" action=(format!("/interviews/{}/consensus", interview.id())) novalidate {
            (csrf(ctx))
            div.table-wrap { table.consensus {
                caption.visually-hidden { (ctx.t("consensus-title")) }
                thead { tr {
                    th scope="col" { (ctx.t("dimension")) }
                    @for (name, _) in &sheet.scorers { th scope="col" { (name) } }
                    th scope="col" { (ctx.t("consensus-agreed")) }
                    th scope="col" { (ctx.t("consensus-rationale")) }
                } }
                tbody {
                    @for dimension in &instrument.dimensions {
                        @let field = readiness::dimension_field(&dimension.key);
                        @let levels: Vec<Option<HalfPoints>> = sheet.scorers.iter().map(|(_, s)| s.get(&dimension.key).and_then(|x| x.level)).collect();
                        @let differ = levels.windows(2).any(|w| w[0] != w[1]);
                        @let (chosen, rationale) = typed.get(&dimension.key).cloned().unwrap_or_else(|| {
                            match sheet.consensus.get(&dimension.key) {
                                Some((level, rationale)) => (level_text(*level), rationale.clone()),
                                None if !differ => (levels.first().copied().flatten().map(level_text).unwrap_or_default(), String::new()),
                                None => (String::new(), String::new()),
                            }
                        });
                        tr.disagreement[differ] {
                            th scope="row" { (dimension.key) ". " (dimension.name.get(ctx.locale))
                                @if differ { br; span.badge.disagree { (ctx.t("consensus-disagreement")) } } }
                            @for (_, scores) in &sheet.scorers {
                                @let score = scores.get(&dimension.key);
                                td { strong { (score.and_then(|s| s.level).map(level_text).unwrap_or_else(|| "–".into())) }
                                    @if let Some(s) = score { @if !s.evidence.is_empty() { p.evidence { (s.evidence) } } } }
                            }
                            td.field.has-error[errors.get(field).is_some()] {
                                label.visually-hidden for=(format!("f-{field}")) { (ctx.t("consensus-agreed")) " " (dimension.key) }
                                @if let Some(problem) = errors.get(field) { p.error-message id=(format!("f-{field}-error")) { (crate::views::forms::problem_text(ctx.locale, problem)) } }
                                select id=(format!("f-{field}")) name=(field) aria-describedby=[errors.get(field).map(|_| format!("f-{field}-error"))] {
                                    option value="" { "–" }
                                    @for step in &steps { @let v = level_text(*step); option value=(v) selected[v == chosen] { (v) } }
                                }
                            }
                            td {
                                label.visually-hidden for=(format!("rationale-{}", dimension.key)) { (ctx.t("consensus-rationale")) " " (dimension.key) }
                                textarea id=(format!("rationale-{}", dimension.key)) name=(format!("rationale_{}", dimension.key)) rows="2" { (rationale) }
                            }
                        }
                    }
                }
            } }
            button.primary type="submit" { (ctx.t("consensus-save")) }
        }
    };
    Ok(page(ctx, &ctx.t("consensus-title"), Nav::Initiatives, body))
}

/// Before both scorers have submitted, the consensus page says whom it waits for (409: the
/// interview is not in a state for it yet) and links back to the assessment.
fn awaiting_scorers_view(ctx: &Ctx, assessment: &Assessment, waiting: &[String]) -> Response {
    let body = html! {
        p.breadcrumb { a href=(format!("/assessments/{}", assessment.id)) { (ctx.t("assessment-title")) ": " (assessment.measured) } }
        h1 { (ctx.t("consensus-title")) }
        div.notice role="status" {
            p { (ctx.t("consensus-awaiting")) }
            @if waiting.is_empty() {
                p { (ctx.t("consensus-awaiting-team")) }
            } @else {
                p { (ctx.t("consensus-awaiting-who")) }
                ul { @for name in waiting { li { (name) } } }
            }
        }
        p { a href=(format!("/assessments/{}", assessment.id)) { (ctx.t("consensus-back")) } }
    };
    (axum::http::StatusCode::CONFLICT, page(ctx, &ctx.t("consensus-title"), Nav::Initiatives, body)).into_response()
}

pub async fn consensus_page(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    // The consensus shows scores and rationales, not the interview's text: no read of it.
    let (assessment, _, interview) = readiness::interview_for_change(&state.db, &member.scope, id).await?;
    match readiness::consensus(&state.db, &member.scope, &assessment, interview).await? {
        readiness::ConsensusStage::Open(sheet) => {
            Ok(consensus_view(&member.ctx, &assessment, interview, &sheet, &BTreeMap::new(), &FieldErrors::new())?
                .into_response())
        }
        readiness::ConsensusStage::AwaitingScorers(waiting) => {
            Ok(awaiting_scorers_view(&member.ctx, &assessment, &waiting))
        }
    }
}

pub async fn save_consensus(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
    Submitted(form): Submitted<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let (assessment, _, interview) = readiness::interview_for_change(&state.db, &member.scope, id).await?;
    let sheet = match readiness::consensus(&state.db, &member.scope, &assessment, interview).await? {
        readiness::ConsensusStage::Open(sheet) => sheet,
        readiness::ConsensusStage::AwaitingScorers(waiting) => {
            return Ok(awaiting_scorers_view(&member.ctx, &assessment, &waiting));
        }
    };
    let input = SheetInput::from_form(&form, assessment.edition(), "rationale");
    let agreed = match input.parse_consensus(assessment.half_points) {
        Ok(agreed) => agreed,
        Err(errors) => {
            let typed = input.dimensions;
            return Ok(rejected(consensus_view(&member.ctx, &assessment, interview, &sheet, &typed, &errors)?));
        }
    };
    readiness::save_consensus(&state.db, &member.scope, &assessment, interview, &agreed).await?;
    Ok(redirect_with_cookies(&format!("/assessments/{}?notice=consensus-saved", assessment.id), &[]))
}
