//! One interview: the guide with answers saved as you go, and the transcript (typed or uploaded).

// The area's shared imports and helpers live in mod.rs.
use super::*;

/// The interview page: the guide's questions with the answers, and the transcript.
pub async fn interview(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    interview_view(&state, &member, id, query.notice.as_deref(), &FieldErrors::new()).await
}

async fn interview_view(
    state: &AppState,
    member: &Member,
    id: i64,
    notice_key: Option<&str>,
    upload_errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let (assessment, access, interview) = readiness::interview(&state.db, &member.scope, id).await?;
    let instrument = assessment.instrument();
    let ctx = &member.ctx;
    let editable = access.interview && access.open;
    let body = html! {
        (notice(ctx, notice_key))
        p.breadcrumb { a href=(format!("/assessments/{}", assessment.id)) { (ctx.t("assessment-title")) ": " (assessment.measured) } }
        h1 { (ctx.t("interview")) @if let Some(i) = &interview.informant { ": " (i.label) } }
        dl.details {
            @if let Some(i) = &interview.informant {
                dt { (ctx.t("informant-role")) } dd { (i.role) }
                dt { (ctx.t("informant-sector")) } dd { (i.sector) }
            }
            dt { (ctx.t("interviewer")) } dd { (interview.interviewer_name.as_deref().unwrap_or("–")) }
            dt { (ctx.t("interview-held-on")) } dd { (interview.held_on.as_deref().unwrap_or("–")) }
        }
        div.actions {
            @if access.score && access.open { a.button.primary href=(format!("/interviews/{}/score", interview.id)) { (ctx.t("score-action")) } }
            a.button href=(format!("/assessments/{}/guide.pdf", assessment.id)) { (ctx.t("guide-download-pdf")) }
        }
        h2 { (ctx.t("interview-guide")) }
        p.hint { (ctx.t("interview-guide-intro")) }
        // The guide has some 36 questions: an index to jump to each dimension's.
        nav.section-index aria-label=(ctx.t("interview-sections")) {
            ol {
                @for dimension in &instrument.dimensions {
                    @let count = instrument.questions.iter().filter(|q| q.dimension == dimension.key).count();
                    li { a href=(format!("#dimension-{}", dimension.key)) { (dimension.key) ". " (dimension.name.get(ctx.locale)) } " " span.hint { "(" (ctx.t_with("interview-question-count", &[("n", (count as f64).into())])) ")" } }
                }
                li { a href="#transcript" { (ctx.t("interview-transcript")) } }
            }
        }
        form.stacked.guide method="post" action=(format!("/interviews/{}/answers", interview.id))
            data-saving=(ctx.t("answer-saving")) data-unsaved=(ctx.t("answer-unsaved")) data-failed=(ctx.t("answer-failed")) data-leave=(ctx.t("answer-leave")) {
            (csrf(ctx))
            @for dimension in &instrument.dimensions {
                fieldset id=(format!("dimension-{}", dimension.key)) {
                    legend { (dimension.key) ". " (dimension.name.get(ctx.locale)) }
                    @for (q, question) in instrument.questions.iter().enumerate().filter(|(_, q)| q.dimension == dimension.key) {
                        @let (answer, rating) = interview.answers.get(&(q as i64)).cloned().unwrap_or_default();
                        div.field {
                            label for=(format!("q-{q}")) { (q + 1) ". " (question.text.with_issue(ctx.locale, &assessment.issue)) }
                            // Saved a moment after typing stops, and when the field is left; the
                            // state beside it says so (and a screen reader hears it).
                            textarea id=(format!("q-{q}")) name=(format!("answer_{q}")) rows="3" readonly[!editable]
                                aria-describedby=(format!("s-{q}"))
                                hx-post=(format!("/interviews/{}/answers/{q}", interview.id)) hx-trigger="input changed delay:800ms, change"
                                hx-target=(format!("#s-{q}")) hx-swap="innerHTML" hx-sync="closest .field:replace"
                                hx-include=(format!("#q-{q}, #r-{q}, [name=csrf]")) { (answer) }
                            span.save-state id=(format!("s-{q}")) role="status" aria-live="polite" {}
                            @if question.context_rating {
                                label for=(format!("r-{q}")) { (ctx.t("context-rating")) }
                                p.hint { (ctx.t("context-rating-hint")) }
                                select id=(format!("r-{q}")) name=(format!("rating_{q}")) disabled[!editable]
                                    hx-post=(format!("/interviews/{}/answers/{q}", interview.id)) hx-trigger="change"
                                    hx-target=(format!("#s-{q}")) hx-swap="innerHTML"
                                    hx-include=(format!("#q-{q}, #r-{q}, [name=csrf]")) {
                                    option value="" { "–" }
                                    @for r in 1..=10i64 { option value=(r) selected[rating == Some(r)] { (r) } }
                                }
                            }
                        }
                    }
                }
            }
            @if editable { button.primary type="submit" { (ctx.t("save")) } }
        }
        h2 #transcript { (ctx.t("interview-transcript")) }
        form.stacked method="post" action=(format!("/interviews/{}/transcript", interview.id)) {
            (csrf(ctx))
            div.field {
                label for="f-transcript" { (ctx.t("interview-transcript")) }
                p.hint #f-transcript-hint { (ctx.t("hint-transcript")) }
                textarea #f-transcript name="transcript" rows="14" aria-describedby="f-transcript-hint" readonly[!editable] { (interview.transcript) }
            }
            @if editable { button type="submit" { (ctx.t("save")) } }
        }
        @if editable {
            (error_summary(ctx, upload_errors, &[("file", ctx.t("transcript-upload"))]))
            form.stacked method="post" action=(format!("/interviews/{}/transcript/upload", interview.id)) enctype="multipart/form-data" {
                (csrf(ctx))
                (forms::input(ctx, Field::new(ctx, "file", "transcript-upload", upload_errors).hint(ctx.t("hint-transcript-upload")), "file", "", None))
                button type="submit" { (ctx.t("transcript-upload-submit")) }
            }
        }
    };
    Ok(page(ctx, &ctx.t("interview"), Nav::Initiatives, body))
}

/// A transcript uploaded as a text file or a Word document; its text replaces the transcript.
pub async fn upload_transcript(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let upload = Upload::read(&member.ctx, multipart).await?;
    // A change: the interview is looked up without reading its text (no read in the log).
    let (assessment, access, interview) = readiness::interview_for_change(&state.db, &member.scope, id).await?;
    if !access.interview {
        return Err(AppError::Forbidden);
    }
    let text = match upload.file {
        Some((name, bytes)) => transcript_text(&name, bytes).await,
        None => Err(Problem::FileMissing),
    };
    let text = text
        .and_then(|t| optional_text(&t, TRANSCRIPT_MAX, true).map_err(|_| Problem::TooLong { max: TRANSCRIPT_MAX }));
    match text {
        Ok(text) => {
            readiness::save_transcript(&state.db, &member.scope, &assessment, interview, &text).await?;
            Ok(redirect_with_cookies(&format!("/interviews/{}?notice=saved#transcript", interview.id()), &[]))
        }
        Err(problem) => {
            let mut errors = FieldErrors::new();
            errors.add("file", problem);
            Ok(rejected(interview_view(&state, &member, id, None, &errors).await?))
        }
    }
}

/// Text from an uploaded transcript: a text file (UTF-8, UTF-16 or Windows-1252) or a .docx.
/// Both readers are linear in the file and bounded, so they run on a blocking thread briefly.
async fn transcript_text(name: &str, bytes: Vec<u8>) -> Result<String, Problem> {
    use parat_reports::{docx, plain_text, UploadError};
    let reader: fn(&[u8]) -> Result<String, UploadError> = if name.ends_with(".docx") {
        docx::text
    } else if name.ends_with(".txt") {
        plain_text::decode
    } else {
        return Err(Problem::UnreadableFile);
    };
    let text = tokio::task::spawn_blocking(move || reader(&bytes)).await.map_err(|_| Problem::UnreadableFile)?;
    text.map_err(upload_problem)
}

/// Every answer of the guide as one form: `answer_<n>` and `rating_<n>`.
pub async fn save_answers(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
    Submitted(form): Submitted<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let (assessment, _, interview) = readiness::interview_for_change(&state.db, &member.scope, id).await?;
    let saved = readiness::answers(&state.db, interview).await?;
    let questions = assessment.instrument().questions.len();
    for q in 0..questions {
        let answer = form.get(&format!("answer_{q}")).map(String::as_str).unwrap_or("");
        let rating_raw = form.get(&format!("rating_{q}")).map(String::as_str).unwrap_or("");
        let answer = optional_text(answer, ANSWER_MAX, true)
            .map_err(|_| AppError::BadRequest(format!("answer {} is too long", q + 1)))?;
        let rating = parse_context_rating(rating_raw)
            .map_err(|_| AppError::BadRequest(format!("rating {} must be 1–10", q + 1)))?;
        let existing = saved.get(&(q as i64));
        let unchanged = existing.map(|(a, r)| (a.as_str(), *r)) == Some((answer.as_str(), rating.map(i64::from)))
            || (existing.is_none() && answer.is_empty() && rating.is_none());
        if !unchanged {
            readiness::save_answer(&state.db, &member.scope, &assessment, interview, q, &answer, rating).await?;
        }
    }
    Ok(redirect_with_cookies(&format!("/interviews/{}?notice=saved", interview.id()), &[]))
}

/// One answer, saved as the interviewer types (htmx, on change).
pub async fn save_answer(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    Path((id, question)): Path<(String, String)>,
    Submitted(form): Submitted<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let (assessment, _, interview) = readiness::interview_for_change(&state.db, &member.scope, parse_id(&id)?).await?;
    let q: usize = question.parse().map_err(|_| AppError::NotFound)?;
    let answer = optional_text(form.get(&format!("answer_{q}")).map(String::as_str).unwrap_or(""), ANSWER_MAX, true)
        .map_err(|_| AppError::BadRequest("the answer is too long".into()))?;
    let rating = parse_context_rating(form.get(&format!("rating_{q}")).map(String::as_str).unwrap_or(""))
        .map_err(|_| AppError::BadRequest("a rating is 1–10".into()))?;
    readiness::save_answer(&state.db, &member.scope, &assessment, interview, q, &answer, rating).await?;
    if member.ctx.is_htmx {
        // The state beside the field: saved, and when.
        let at = member.ctx.date_time(parat_store::now());
        let time = at.rsplit(' ').next().unwrap_or(&at).to_owned();
        return Ok(html! { (member.ctx.t_with("answer-saved", &[("time", time.into())])) }.into_response());
    }
    Ok(axum::http::StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TranscriptForm {
    transcript: String,
}

pub async fn save_transcript(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
    Submitted(form): Submitted<TranscriptForm>,
) -> Result<Response, AppError> {
    let (assessment, _, interview) = readiness::interview_for_change(&state.db, &member.scope, id).await?;
    let transcript = optional_text(&form.transcript, TRANSCRIPT_MAX, true)
        .map_err(|_| AppError::BadRequest("the transcript is too long".into()))?;
    readiness::save_transcript(&state.db, &member.scope, &assessment, interview, &transcript).await?;
    Ok(redirect_with_cookies(&format!("/interviews/{}?notice=saved#transcript", interview.id()), &[]))
}

/// The interview as scorers read it: answers by question, then the transcript.
pub(super) fn interview_text(
    ctx: &Ctx,
    instrument: &Instrument,
    assessment: &Assessment,
    interview: &readiness::Interview,
) -> Markup {
    html! {
        div.interview-text {
            h2 { (ctx.t("interview")) }
            @for (q, question) in instrument.questions.iter().enumerate() {
                @if let Some((answer, rating)) = interview.answers.get(&(q as i64)) {
                    p.question { (q + 1) ". " (question.text.with_issue(ctx.locale, &assessment.issue)) }
                    p.answer { (answer) @if let Some(r) = rating { " " span.badge { (ctx.t("context-rating")) ": " (r) } } }
                }
            }
            @if !interview.transcript.is_empty() {
                h3 { (ctx.t("interview-transcript")) }
                div.prose { @for paragraph in interview.transcript.split("\n\n") { p { (paragraph) } } }
            }
        }
    }
}
