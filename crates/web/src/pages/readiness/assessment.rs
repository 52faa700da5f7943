//! Creating an assessment and its overview: team, status, key informants and interviews.

// The area's shared imports and helpers live in mod.rs.
use super::*;

/// The assessments section of an initiative's page.
pub async fn section(state: &AppState, member: &Member, initiative_id: i64) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let list = readiness::list_for_initiative(&state.db, &member.scope, initiative_id).await?;
    Ok(html! {
        section aria-labelledby="assessments-title" {
            div.title-row {
                h2 #assessments-title { (ctx.t("assessments-title")) }
                @if member.scope.role().can_edit_initiatives() {
                    a.button href=(format!("/initiatives/{initiative_id}/assessments/new")) { (ctx.t("assessment-new")) }
                }
            }
            @if list.is_empty() { p { (ctx.t("assessments-none")) } } @else {
                div.table-wrap { table {
                    caption.visually-hidden { (ctx.t("assessments-title")) }
                    thead { tr {
                        th scope="col" { (ctx.t("assessment-measured")) }
                        th scope="col" { (ctx.t("assessment-instrument")) }
                        th scope="col" { (ctx.t("field-status")) }
                        th scope="col" { (ctx.t("assessment-interviews")) }
                        th scope="col" { (ctx.t("token-created")) }
                    } }
                    tbody { @for a in &list { tr {
                        td { a href=(format!("/assessments/{}", a.id)) { (a.measured) } }
                        td { (instrument_name(ctx, &a.instrument_id)) }
                        td { span class=(format!("badge assessment-{}", a.status)) { (status_label(ctx, AssessmentStatus::parse(&a.status).unwrap_or(AssessmentStatus::Planned))) } }
                        td { (a.interviews) }
                        td.date { (ctx.date_time(a.created_at)) }
                    } } }
                } }
            }
        }
    })
}

async fn team_options(state: &AppState, member: &Member) -> Result<Vec<(String, String)>, AppError> {
    Ok(accounts::members(&state.db, &member.scope)
        .await?
        .into_iter()
        .filter(|m| readiness::can_join_team(m.role))
        .map(|m| (m.user_id.to_string(), m.display_name))
        .collect())
}

async fn new_view(
    state: &AppState,
    member: &Member,
    initiative_id: i64,
    input: &AssessmentInput,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let initiative = initiatives::get(&state.db, &member.scope, initiative_id).await?;
    let people = team_options(state, member).await?;
    let mut instruments: Vec<(String, String)> =
        builtin().iter().map(|i| (i.id.clone(), i.name.get(ctx.locale).to_owned())).collect();
    let own = parat_store::instruments::list(&state.db, &member.scope).await?;
    instruments.extend(own.into_iter().map(|i| (i.key(), i.name)));
    let labels = [
        ("instrument", ctx.t("assessment-instrument")),
        ("measured", ctx.t("assessment-measured")),
        ("issue", ctx.t("assessment-issue")),
        ("interviewers", ctx.t("assessment-interviewers")),
        ("scorers", ctx.t("assessment-scorers")),
    ];
    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{initiative_id}")) { (initiative.name) } }
        h1 { (ctx.t("assessment-new")) }
        p { (ctx.t("assessment-new-intro")) }
        (error_summary(ctx, errors, &labels))
        form.stacked method="post" action=(format!("/initiatives/{initiative_id}/assessments")) novalidate {
            (csrf(ctx))
            (forms::select(ctx, Field::new(ctx, "instrument", "assessment-instrument", errors).required().hint(ctx.t("hint-instrument")), &instruments, &input.instrument, Some(ctx.t("choose"))))
            (forms::input(ctx, Field::new(ctx, "measured", "assessment-measured", errors).required().hint(ctx.t("hint-measured")), "text", &input.measured, None))
            (forms::input(ctx, Field::new(ctx, "issue", "assessment-issue", errors).required().hint(ctx.t("hint-issue")), "text", &input.issue, None))
            div.checkbox {
                input #f-half_points type="checkbox" name="half_points" value="1" checked[!input.half_points.is_empty()];
                label for="f-half_points" { (ctx.t("assessment-half-points")) }
            }
            (forms::checkboxes(ctx, Field::new(ctx, "interviewers", "assessment-interviewers", errors), &people, &input.interviewers))
            (forms::checkboxes(ctx, Field::new(ctx, "scorers", "assessment-scorers", errors).hint(ctx.t("hint-scorers")), &people, &input.scorers))
            div.actions {
                button.primary type="submit" { (ctx.t("assessment-create")) }
                a.button href=(format!("/initiatives/{initiative_id}")) { (ctx.t("cancel")) }
            }
        }
    };
    Ok(page(ctx, &ctx.t("assessment-new"), Nav::Initiatives, body))
}

fn require_manager(member: &Member) -> Result<(), AppError> {
    if member.scope.role().can_edit_initiatives() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn new_page(State(state): State<AppState>, member: Member, PathId(id): PathId) -> Result<Markup, AppError> {
    initiatives::get(&state.db, &member.scope, id).await?;
    require_manager(&member)?;
    let input = AssessmentInput { instrument: "crm-2006".into(), ..Default::default() };
    new_view(&state, &member, id, &input, &FieldErrors::new()).await
}

pub async fn create(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<AssessmentInput>,
) -> Result<Response, AppError> {
    initiatives::get(&state.db, &member.scope, id).await?;
    require_manager(&member)?;
    let result = match input.parse() {
        Ok(draft) => readiness::create(&state.db, &member.scope, id, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match result {
        Ok(created) => {
            Ok(redirect_with_cookies(&format!("/assessments/{}?notice=assessment-created", created.id), &[]))
        }
        Err(StoreError::Invalid(errors)) => Ok(rejected(new_view(&state, &member, id, &input, &errors).await?)),
        Err(other) => Err(other.into()),
    }
}

/// Forms on the overview page that may come back with errors, with what was typed.
#[derive(Default)]
struct OverviewForms<'a> {
    informant: Option<(&'a InformantInput, &'a FieldErrors)>,
    interview: Option<(&'a InterviewInput, &'a FieldErrors)>,
    status_refused: bool,
}

async fn overview_view(
    state: &AppState,
    member: &Member,
    assessment: &Assessment,
    access: Access,
    forms_state: OverviewForms<'_>,
    notice_key: Option<&str>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let (informants, interviews) = if access.read_interviews {
        readiness::overview(&state.db, &member.scope, assessment).await?
    } else {
        (Vec::new(), Vec::new())
    };
    let dimensions = assessment.edition().dimension_keys().len() as i64;
    let no_errors = FieldErrors::new();
    let default_informant = InformantInput {
        label: format!("{} {}", ctx.t("informant-label-default"), informants.len() + 1),
        ..Default::default()
    };
    let (informant_input, informant_errors) = forms_state.informant.unwrap_or((&default_informant, &no_errors));
    let default_interview = InterviewInput::default();
    let (interview_input, interview_errors) = forms_state.interview.unwrap_or((&default_interview, &no_errors));
    let informant_options: Vec<(String, String)> =
        informants.iter().map(|i| (i.id.to_string(), format!("{} ({})", i.label, i.role))).collect();
    let interviewer_options: Vec<(String, String)> = assessment
        .team
        .iter()
        .filter(|m| m.task == Task::Interviewer)
        .map(|m| (m.user_id.to_string(), m.name.clone()))
        .collect();
    let body = html! {
        (notice(ctx, notice_key))
        p.breadcrumb { a href=(format!("/initiatives/{}", assessment.initiative_id)) { (assessment.initiative_name) } }
        div.title-row {
            h1 { (ctx.t("assessment-title")) ": " (assessment.measured) }
            span class=(format!("badge assessment-{}", assessment.status.key())) { (status_label(ctx, assessment.status)) }
        }
        ol.status-steps aria-label=(ctx.t("assessment-steps")) {
            @for status in AssessmentStatus::ALL {
                li aria-current=[(*status == assessment.status).then_some("step")] class=[(*status == assessment.status).then_some("current")] { (status_label(ctx, *status)) }
            }
        }
        @if forms_state.status_refused {
            div.error-summary #error-summary role="alert" tabindex="-1" { p { (ctx.t(&format!("assessment-advance-refused-{}", assessment.status.next().map(|s| s.key()).unwrap_or("reported")))) } }
        }
        @if !access.open {
            div.notice role="status" {
                p { (ctx.t("assessment-closed")) }
                @if access.manage { p { a href=(format!("/assessments/{}/reopen", assessment.id)) { (ctx.t("assessment-reopen")) } } }
            }
        }
        div.actions {
            @if access.read_results { a.button.primary href=(format!("/assessments/{}/results", assessment.id)) { (ctx.t("results-title")) } }
            @if access.manage {
                @if let Some(next) = assessment.status.next() {
                    form.inline method="post" action=(format!("/assessments/{}/advance", assessment.id)) {
                        (csrf(ctx))
                        button type="submit" { (ctx.t_with("assessment-advance", &[("status", status_label(ctx, next).into())])) }
                    }
                }
            }
        }
        dl.details {
            dt { (ctx.t("assessment-instrument")) } dd { (instrument_name(ctx, &assessment.instrument_id)) }
            dt { (ctx.t("assessment-issue")) } dd { (assessment.issue) }
            dt { (ctx.t("assessment-half-points")) } dd { (ctx.t(if assessment.half_points { "yes" } else { "no" })) }
            dt { (ctx.t("assessment-interviewers")) } dd { (assessment.team.iter().filter(|m| m.task == Task::Interviewer).map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ")) }
            dt { (ctx.t("assessment-scorers")) } dd { (assessment.scorers().iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ")) }
        }
        @if access.read_interviews {
            h2 { (ctx.t("interviews-title")) }
            @if interviews.len() < scoring::RECOMMENDED_INTERVIEWS { p.hint { (ctx.t_with("interviews-recommended", &[("n", (scoring::RECOMMENDED_INTERVIEWS as f64).into())])) } }
            @if interviews.is_empty() { p { (ctx.t("interviews-none")) } } @else {
                div.table-wrap { table {
                    caption.visually-hidden { (ctx.t("interviews-title")) }
                    thead { tr {
                        th scope="col" { (ctx.t("interview")) }
                        th scope="col" { (ctx.t("informant")) }
                        th scope="col" { (ctx.t("interview-held-on")) }
                        th scope="col" { (ctx.t("interview-answers")) }
                        th scope="col" { (ctx.t("interview-scoring")) }
                        th scope="col" { (ctx.t("interview-consensus")) }
                    } }
                    tbody { @for (n, v) in interviews.iter().enumerate() { tr {
                        td { a href=(format!("/interviews/{}", v.id)) { (ctx.t("interview")) " " (n + 1) } }
                        td { (v.informant_label.as_deref().unwrap_or("–")) }
                        td.date { (v.held_on.as_deref().unwrap_or("–")) }
                        td { (v.answers) @if v.has_transcript { " + " (ctx.t("interview-transcript")) } }
                        td {
                            (ctx.t_with("interview-submissions", &[("n", (v.submissions as f64).into())]))
                            @if access.score && access.open && !v.submitted_by_me { " · " a href=(format!("/interviews/{}/score", v.id)) { (ctx.t("score-action")) } }
                        }
                        td {
                            @if v.submissions >= 2 && (access.manage || access.score) {
                                a href=(format!("/interviews/{}/consensus", v.id)) { (format!("{}/{}", v.consensus_dimensions, dimensions)) }
                            } @else { (format!("{}/{}", v.consensus_dimensions, dimensions)) }
                        }
                    } } }
                } }
            }
            @if access.interview && access.open {
                h3 { (ctx.t("interview-new")) }
                (error_summary(ctx, interview_errors, &[("informant_id", ctx.t("informant")), ("held_on", ctx.t("interview-held-on")), ("interviewer_id", ctx.t("interviewer"))]))
                form.stacked method="post" action=(format!("/assessments/{}/interviews", assessment.id)) novalidate {
                    (csrf(ctx))
                    (forms::select(ctx, Field::new(ctx, "informant_id", "informant", interview_errors), &informant_options, &interview_input.informant_id, Some(ctx.t("informant-none"))))
                    (forms::input(ctx, Field::new(ctx, "held_on", "interview-held-on", interview_errors).hint(ctx.t("hint-date")), "date", &interview_input.held_on, None))
                    (forms::select(ctx, Field::new(ctx, "interviewer_id", "interviewer", interview_errors), &interviewer_options, &interview_input.interviewer_id, Some(ctx.t("no-owner"))))
                    button type="submit" { (ctx.t("interview-add")) }
                }
            }
            h2 { (ctx.t("informants-title")) }
            p.hint { (ctx.t("informants-intro")) }
            @if !informants.is_empty() {
                div.table-wrap { table {
                    caption.visually-hidden { (ctx.t("informants-title")) }
                    thead { tr {
                        th scope="col" { (ctx.t("informant-label")) }
                        th scope="col" { (ctx.t("informant-role")) }
                        th scope="col" { (ctx.t("informant-sector")) }
                        th scope="col" { (ctx.t("informant-contact")) }
                        th scope="col" { span.visually-hidden { (ctx.t("actions")) } }
                    } }
                    tbody { @for i in &informants { tr {
                        td { (i.label) } td { (i.role) } td { (i.sector) }
                        td { @if i.has_contact { a href=(format!("/assessments/{}/informants/{}/contact", assessment.id, i.id)) { (ctx.t_with("informant-contact-show", &[("name", i.label.clone().into())])) } } @else { "–" } }
                        td { @if access.manage {
                            a.button.small.secondary href=(format!("/assessments/{}/informants/{}/erase", assessment.id, i.id)) { (ctx.t_with("informant-erase", &[("name", i.label.clone().into())])) }
                        } }
                    } } }
                } }
            }
            @if access.interview && access.open {
                h3 { (ctx.t("informant-add")) }
                (error_summary(ctx, informant_errors, &[("label", ctx.t("informant-label")), ("role", ctx.t("informant-role")), ("sector", ctx.t("informant-sector")), ("contact", ctx.t("informant-contact"))]))
                form.stacked method="post" action=(format!("/assessments/{}/informants", assessment.id)) novalidate {
                    (csrf(ctx))
                    (forms::input(ctx, Field::new(ctx, "label", "informant-label", informant_errors).required().hint(ctx.t("hint-informant-label")), "text", &informant_input.label, Some("off")))
                    (forms::input(ctx, Field::new(ctx, "role", "informant-role", informant_errors).required().hint(ctx.t("hint-informant-role")), "text", &informant_input.role, Some("off")))
                    (forms::input(ctx, Field::new(ctx, "sector", "informant-sector", informant_errors).required().hint(ctx.t("hint-informant-sector")), "text", &informant_input.sector, Some("off")))
                    (forms::input(ctx, Field::new(ctx, "contact", "informant-contact", informant_errors).hint(ctx.t("hint-informant-contact")), "text", &informant_input.contact, Some("off")))
                    button type="submit" { (ctx.t("informant-add")) }
                }
            }
        }
    };
    Ok(page(ctx, &format!("{}: {}", ctx.t("assessment-title"), assessment.measured), Nav::Initiatives, body))
}

pub async fn show(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let (assessment, access) = readiness::get(&state.db, &member.scope, id).await?;
    overview_view(&state, &member, &assessment, access, OverviewForms::default(), query.notice.as_deref()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AdvanceForm {
    /// `yes` once the person has read why fewer than four interviews is too few, and goes on.
    confirm: String,
}

pub async fn advance(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
    Submitted(form): Submitted<AdvanceForm>,
) -> Result<Response, AppError> {
    // Scoring with fewer interviews than the method asks for is allowed, after a question
    // that says why it matters (with none at all, the store refuses).
    let (assessment, access) = readiness::get(&state.db, &member.scope, id).await?;
    if access.manage && assessment.status == AssessmentStatus::Interviewing && form.confirm != "yes" {
        let interviews = readiness::interview_count(&state.db, &member.scope, &assessment).await?;
        if interviews > 0 && interviews < scoring::RECOMMENDED_INTERVIEWS as i64 {
            let ctx = &member.ctx;
            let action = format!("/assessments/{id}/advance");
            let back = format!("/assessments/{id}");
            let counts =
                [("n", (interviews as f64).into()), ("recommended", (scoring::RECOMMENDED_INTERVIEWS as f64).into())];
            return Ok(confirm_page(
                ctx,
                Nav::Initiatives,
                Confirmation {
                    question: ctx.t("confirm-few-interviews"),
                    consequence: ctx.t_with("confirm-few-interviews-consequence", &counts),
                    action: &action,
                    fields: &[("confirm", "yes")],
                    confirm_label: ctx.t("confirm-few-interviews-go-on"),
                    back: &back,
                },
            )
            .into_response());
        }
    }
    match readiness::advance(&state.db, &member.scope, id).await {
        Ok(_) => Ok(redirect_with_cookies(&format!("/assessments/{id}?notice=status-advanced"), &[])),
        Err(StoreError::Invalid(_)) => {
            let (assessment, access) = readiness::get(&state.db, &member.scope, id).await?;
            let forms_state = OverviewForms { status_refused: true, ..Default::default() };
            Ok(rejected(overview_view(&state, &member, &assessment, access, forms_state, None).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn add_informant(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
    Submitted(input): Submitted<InformantInput>,
) -> Result<Response, AppError> {
    let (assessment, access) = readiness::get(&state.db, &member.scope, id).await?;
    let result = match input.parse() {
        Ok(draft) => readiness::add_informant(&state.db, &member.scope, &assessment, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match result {
        Ok(_) => Ok(redirect_with_cookies(&format!("/assessments/{}?notice=informant-added", assessment.id), &[])),
        Err(StoreError::Invalid(errors)) => {
            let forms_state = OverviewForms { informant: Some((&input, &errors)), ..Default::default() };
            Ok(rejected(overview_view(&state, &member, &assessment, access, forms_state, None).await?))
        }
        Err(other) => Err(other.into()),
    }
}

/// Asks before an informant's details are erased: it cannot be undone.
/// The question before a reported assessment is opened for changes again.
pub async fn confirm_reopen(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    let (assessment, access) = readiness::get(&state.db, &member.scope, id).await?;
    if !access.manage {
        return Err(AppError::Forbidden);
    }
    if access.open {
        return Err(AppError::NotFound);
    }
    let ctx = &member.ctx;
    let action = format!("/assessments/{}/reopen", assessment.id);
    let back = format!("/assessments/{}", assessment.id);
    Ok(confirm_page(
        ctx,
        Nav::Initiatives,
        Confirmation {
            question: ctx.t_with("confirm-reopen", &[("measured", assessment.measured.clone().into())]),
            consequence: ctx.t("confirm-reopen-consequence"),
            action: &action,
            fields: &[],
            confirm_label: ctx.t("assessment-reopen"),
            back: &back,
        },
    ))
}

pub async fn reopen(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    let assessment = readiness::reopen(&state.db, &member.scope, id).await?;
    Ok(redirect_with_cookies(&format!("/assessments/{}?notice=assessment-reopened", assessment.id), &[]))
}

/// One informant's contact details, on a page of their own: each showing is a read in the
/// audit log, so the overview only says that details exist.
pub async fn informant_contact(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathIds(id, informant): PathIds,
) -> Result<Markup, AppError> {
    let (assessment, _) = readiness::get(&state.db, &member.scope, id).await?;
    let (informant, contact) = readiness::informant_contact(&state.db, &member.scope, &assessment, informant).await?;
    let ctx = &member.ctx;
    let body = html! {
        p.breadcrumb { a href=(format!("/assessments/{}", assessment.id)) { (ctx.t("assessment-title")) ": " (assessment.measured) } }
        h1 { (informant.label) }
        dl.details {
            dt { (ctx.t("informant-role")) } dd { (informant.role) }
            dt { (ctx.t("informant-sector")) } dd { (informant.sector) }
            dt { (ctx.t("informant-contact")) } dd { (contact.as_deref().unwrap_or("–")) }
        }
        p.hint { (ctx.t("informant-contact-logged")) }
        p { a href=(format!("/assessments/{}", assessment.id)) { (ctx.t("informant-contact-back")) } }
    };
    Ok(page(ctx, &informant.label, Nav::Initiatives, body))
}

pub async fn confirm_erase_informant(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathIds(id, informant): PathIds,
) -> Result<Markup, AppError> {
    let (assessment, access) = readiness::get(&state.db, &member.scope, id).await?;
    if !access.manage {
        return Err(AppError::Forbidden);
    }
    let informant_id = informant;
    let (informants, _) = readiness::overview(&state.db, &member.scope, &assessment).await?;
    let informant = informants.into_iter().find(|i| i.id == informant_id).ok_or(AppError::NotFound)?;
    let ctx = &member.ctx;
    let name = || [("name", informant.label.clone().into())];
    let action = format!("/assessments/{}/informants/{informant_id}/erase", assessment.id);
    let back = format!("/assessments/{}", assessment.id);
    Ok(confirm_page(
        ctx,
        Nav::Initiatives,
        Confirmation {
            question: ctx.t_with("confirm-informant-erase", &name()),
            consequence: ctx.t("confirm-informant-erase-consequence"),
            action: &action,
            fields: &[],
            confirm_label: ctx.t_with("informant-erase", &name()),
            back: &back,
        },
    ))
}

pub async fn erase_informant(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathIds(id, informant): PathIds,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    let (assessment, _) = readiness::get(&state.db, &member.scope, id).await?;
    readiness::erase_informant(&state.db, &member.scope, &assessment, informant).await?;
    Ok(redirect_with_cookies(&format!("/assessments/{}?notice=informant-erased", assessment.id), &[]))
}

pub async fn add_interview(
    State(state): State<AppState>,
    AssessmentMember(member): AssessmentMember,
    PathId(id): PathId,
    Submitted(input): Submitted<InterviewInput>,
) -> Result<Response, AppError> {
    let (assessment, access) = readiness::get(&state.db, &member.scope, id).await?;
    let result = match input.parse() {
        Ok(draft) => readiness::add_interview(&state.db, &member.scope, &assessment, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match result {
        Ok(interview) => Ok(redirect_with_cookies(&format!("/interviews/{interview}?notice=interview-created"), &[])),
        Err(StoreError::Invalid(errors)) => {
            let forms_state = OverviewForms { interview: Some((&input, &errors)), ..Default::default() };
            Ok(rejected(overview_view(&state, &member, &assessment, access, forms_state, None).await?))
        }
        Err(other) => Err(other.into()),
    }
}
