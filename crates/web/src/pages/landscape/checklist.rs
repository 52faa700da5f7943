//! The reflection checklist: every question answered in text and marked settled, not settled or
//! not relevant, with an owner and a date to settle it by; progress per group; overdue ones
//! highlighted.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use parat_core::landscape::framework::{Group, Question};
use parat_core::landscape::QuestionInput;

fn date_text(ctx: &Ctx, date: Option<time::Date>) -> String {
    date.map(|d| ctx.locale.format_date(d)).unwrap_or_else(|| "–".into())
}

pub async fn checklist(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    let framework = landscape.framework();
    let answered = by_key(landscape::questions(&state.db, &landscape).await?, |q| &q.key);
    let today = today();
    let all = Progress::of(framework.questions().map(|(_, q)| status_of(&answered, &q.key)));
    let body = html! {
        (notice(ctx, query.notice.as_deref()))
        (tabs(ctx, &landscape, "checklist"))
        h1 { (ctx.t("land-checklist-title")) ": " (landscape.initiative_name) }
        p.lead { (ctx.t("land-checklist-intro")) }
        p {
            progress.checklist max=(all.total) value=(all.done) aria-labelledby="progress-all" {}
            " " span #progress-all { (ctx.t_with("land-progress", &[("done", (all.done as f64).into()), ("total", (all.total as f64).into())])) }
        }
        @for group in &framework.groups {
            @let progress = Progress::of(group.questions.iter().map(|q| status_of(&answered, &q.key)));
            section aria-labelledby=(format!("group-{}", group.key)) {
                h2 id=(format!("group-{}", group.key)) { (group.name.get(ctx.locale)) }
                p.hint { (ctx.t_with("land-progress", &[("done", (progress.done as f64).into()), ("total", (progress.total as f64).into())])) }
                div.table-wrap { table {
                    caption.visually-hidden { (group.name.get(ctx.locale)) }
                    thead { tr {
                        th scope="col" { (ctx.t("land-question")) }
                        th scope="col" { (ctx.t("land-status")) }
                        th scope="col" { (ctx.t("land-owner")) }
                        th scope="col" { (ctx.t("land-due")) }
                    } }
                    tbody { @for question in &group.questions {
                        @let entry = answered.get(&question.key);
                        @let overdue = entry.is_some_and(|e| e.is_overdue(today));
                        tr.overdue[overdue] {
                            th scope="row" {
                                a href=(format!("/initiatives/{id}/checklist/{}", question.key)) { (question.text.get(ctx.locale)) }
                                @if let Some(e) = entry.filter(|e| !e.answer.is_empty()) { br; span.hint { (e.answer) } }
                            }
                            td { (status_name(ctx, entry.map_or(QuestionStatus::Open, |e| e.status))) }
                            td { (entry.map(|e| e.who.as_str()).filter(|w| !w.is_empty()).unwrap_or("–")) }
                            td.date {
                                (date_text(ctx, entry.and_then(|e| e.due_on)))
                                @if overdue { " " span.badge.disagree { (ctx.t("plan-overdue")) } }
                            }
                        }
                    } }
                } }
            }
        }
    };
    Ok(page(ctx, &ctx.t("land-checklist-title"), Nav::Initiatives, body))
}

/// What a saved answer puts back in its form.
fn input_from(entry: Option<&QuestionEntry>) -> QuestionInput {
    let Some(e) = entry else { return QuestionInput::default() };
    let (owner_id, who) = owner_fields(e.owner());
    QuestionInput {
        answer: e.answer.clone(),
        status: e.status.key().to_owned(),
        owner_id,
        who,
        due_on: e.due_on.map(|d| d.to_string()).unwrap_or_default(),
    }
}

fn question_view(
    ctx: &Ctx,
    landscape: &Landscape,
    (group, question): (&Group, &Question),
    input: &QuestionInput,
    errors: &FieldErrors,
    people: &[(String, String)],
) -> Markup {
    let id = landscape.initiative_id;
    let statuses: Vec<(String, String)> =
        QuestionStatus::ALL.iter().map(|s| (s.key().to_owned(), status_name(ctx, *s))).collect();
    let has_next = landscape.framework().question_after(&question.key).is_some();
    let body = html! {
        (tabs(ctx, landscape, "checklist"))
        p.hint { (group.name.get(ctx.locale)) }
        h1 { (question.text.get(ctx.locale)) }
        @if landscape.can_edit {
            (error_summary(ctx, errors, &[("answer", ctx.t("land-answer")), ("status", ctx.t("land-status")), ("owner_id", ctx.t("land-owner")), ("who", ctx.t("plan-who-name")), ("due_on", ctx.t("land-due"))]))
            form.stacked method="post" action=(format!("/initiatives/{id}/checklist/{}", question.key)) novalidate {
                (csrf(ctx))
                (forms::textarea(ctx, Field::new(ctx, "answer", "land-answer", errors).hint(ctx.t("hint-land-answer")), &input.answer))
                (forms::select(ctx, Field::new(ctx, "status", "land-status", errors).required(), &statuses, if input.status.is_empty() { "open" } else { &input.status }, None))
                (forms::select(ctx, Field::new(ctx, "owner_id", "land-owner", errors).hint(ctx.t("hint-land-owner")), people, &input.owner_id, Some(ctx.t("plan-owner-other"))))
                (forms::input(ctx, Field::new(ctx, "who", "plan-who-name", errors).hint(ctx.t("hint-plan-who")), "text", &input.who, None))
                (forms::input(ctx, Field::new(ctx, "due_on", "land-due", errors).hint(ctx.t("hint-land-due")), "date", &input.due_on, None))
                div.actions {
                    button.primary type="submit" { (ctx.t("save")) }
                    @if has_next { button type="submit" name="next" value="1" { (ctx.t("land-save-next")) } }
                    a.button href=(format!("/initiatives/{id}/checklist#group-{}", group.key)) { (ctx.t("cancel")) }
                }
            }
        } @else {
            dl.details {
                dt { (ctx.t("land-answer")) } dd { (if input.answer.is_empty() { "–" } else { &input.answer }) }
                dt { (ctx.t("land-status")) } dd { (status_name(ctx, QuestionStatus::parse(&input.status).unwrap_or(QuestionStatus::Open))) }
            }
        }
    };
    page(ctx, question.text.get(ctx.locale), Nav::Initiatives, body)
}

fn question_of<'f>(framework: &'f Framework, key: &str) -> Result<(&'f Group, &'f Question), AppError> {
    framework.question(key).ok_or(AppError::NotFound)
}

pub async fn question_page(
    State(state): State<AppState>,
    member: Member,
    PathIdAndKey(id, key): PathIdAndKey,
) -> Result<Markup, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    let found = question_of(landscape.framework(), &key)?;
    let entry = landscape::question(&state.db, &landscape, &key).await?;
    let people = if landscape.can_edit { people(&state, &member).await? } else { Vec::new() };
    Ok(question_view(&member.ctx, &landscape, found, &input_from(entry.as_ref()), &FieldErrors::new(), &people))
}

#[derive(Debug, Default, Deserialize)]
pub struct QuestionForm {
    #[serde(flatten)]
    input: QuestionInput,
    #[serde(flatten)]
    next: Next,
}

pub async fn save_question(
    State(state): State<AppState>,
    member: Member,
    PathIdAndKey(id, key): PathIdAndKey,
    Submitted(form): Submitted<QuestionForm>,
) -> Result<Response, AppError> {
    let landscape = landscape::open(&state.db, &member.scope, id).await?;
    require_edit(&landscape)?;
    let found = question_of(landscape.framework(), &key)?;
    let kept = landscape::question(&state.db, &landscape, &key).await?.and_then(|e| e.due_on);
    let saved = match form.input.parse(today(), kept) {
        Ok(draft) => landscape::save_question(&state.db, &member.scope, &landscape, &key, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => {
            let to = match landscape.framework().question_after(&key).filter(|_| form.next.wanted()) {
                Some(next) => format!("/initiatives/{id}/checklist/{}", next.key),
                None => format!("/initiatives/{id}/checklist?notice=saved#group-{}", found.0.key),
            };
            Ok(redirect_with_cookies(&to, &[]))
        }
        Err(StoreError::Invalid(errors)) => {
            let people = people(&state, &member).await?;
            Ok(rejected(question_view(&member.ctx, &landscape, found, &form.input, &errors, &people)))
        }
        Err(other) => Err(other.into()),
    }
}
