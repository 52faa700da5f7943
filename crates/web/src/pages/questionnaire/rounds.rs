//! Setting up a round and sending it out: the questionnaire, what it asks about, anonymity and
//! threshold, dates; an open link with its QR code; personal links for pasted people.

use parat_core::questionnaire::round::{parse_respondents, RoundInput};
use parat_store::initiatives;
use parat_store::questionnaire::Respondent;

use super::mailing;
use super::*;

/// What this request shows beside the round: links it made, shown once (only their hashes are
/// kept), and the add-people form as typed when it was refused.
#[derive(Default)]
pub(super) struct Shown {
    pub(super) open: Option<String>,
    pub(super) personal: Vec<(String, String)>,
    /// E-mail just sent: to how many, and how many failed (their links are in `personal`).
    pub(super) mailed: Option<(usize, usize)>,
    pub(super) people: String,
    /// The add-people form's "send by e-mail", as it was when refused.
    pub(super) send: bool,
    pub(super) errors: FieldErrors,
}

async fn new_view(
    state: &AppState,
    member: &Member,
    initiative_id: i64,
    input: &RoundInput,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let initiative = initiatives::get(&state.db, &member.scope, initiative_id).await?;
    let available = store::available(&state.db, &member.scope).await?;
    let options: Vec<(String, String)> =
        available.iter().map(|a| (a.reference.clone(), a.name.get(ctx.locale).to_owned())).collect();
    // The lists the organisation's questionnaires with rosters ask about, each given here.
    let mut lists: Vec<String> = available
        .iter()
        .flat_map(|a| {
            a.definition.items().filter_map(|i| match &i.kind {
                parat_core::questionnaire::ItemKind::Roster { list, .. } => Some(list.clone()),
                _ => None,
            })
        })
        .collect();
    lists.sort();
    lists.dedup();
    let list_problem = errors.get("lists");
    // Earlier rounds of the initiative a new one may follow up (the same questionnaire is checked
    // when it is made).
    let earlier: Vec<(String, String)> = store::list(&state.db, &member.scope, Some(initiative_id))
        .await?
        .into_iter()
        .map(|r| {
            let name =
                available.iter().find(|a| a.reference == r.questionnaire).map(|a| a.name.get(ctx.locale).to_owned());
            (r.id.to_string(), format!("{} ({})", r.title, name.unwrap_or(r.questionnaire)))
        })
        .collect();
    let labels = [
        ("questionnaire", ctx.t("qn-questionnaire")),
        ("title", ctx.t("qn-round-title")),
        ("issue", ctx.t("qn-round-issue")),
        ("threshold", ctx.t("qn-threshold")),
        ("opens_on", ctx.t("qn-opens-on")),
        ("closes_on", ctx.t("qn-closes-on")),
        ("previous_round", ctx.t("qn-previous-round")),
        ("lists", ctx.t("qn-lists")),
    ];
    // A new form starts anonymous with an open link: the common staff survey.
    let fresh = input == &RoundInput::default();
    let anonymous = fresh || !input.anonymous.is_empty();
    let open_link = fresh || !input.open_link.is_empty();
    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{}", initiative.id)) { (initiative.name) } }
        h1 { (ctx.t("qn-round-new")) }
        p { (ctx.t("qn-round-new-intro")) " " a href="/questionnaires" { (ctx.t("qn-questionnaires-link")) } }
        (error_summary(ctx, errors, &labels))
        form method="post" action=(format!("/initiatives/{}/rounds", initiative.id)) novalidate {
            (csrf(ctx))
            (forms::select(ctx, Field::new(ctx, "questionnaire", "qn-questionnaire", errors).required(), &options, &input.questionnaire, Some(ctx.t("choose"))))
            (forms::input(ctx, Field::new(ctx, "title", "qn-round-title", errors).required().hint(ctx.t("qn-round-title-hint")), "text", &input.title, None))
            (forms::input(ctx, Field::new(ctx, "issue", "qn-round-issue", errors).required().hint(ctx.t("qn-round-issue-hint")), "text", &input.issue, None))
            fieldset.field {
                legend { (ctx.t("qn-how")) }
                div.checkbox {
                    input #f-anonymous type="checkbox" name="anonymous" value="on" checked[anonymous] aria-describedby="f-anonymous-hint";
                    label for="f-anonymous" { (ctx.t("qn-anonymous")) }
                }
                p.hint #f-anonymous-hint { (ctx.t("qn-anonymous-hint")) }
                div.checkbox {
                    input #f-open_link type="checkbox" name="open_link" value="on" checked[open_link] aria-describedby="f-open_link-hint";
                    label for="f-open_link" { (ctx.t("qn-open-link")) }
                }
                p.hint #f-open_link-hint { (ctx.t("qn-open-link-hint")) }
            }
            (forms::input(ctx, Field::new(ctx, "threshold", "qn-threshold", errors).hint(ctx.t("qn-threshold-hint")), "number", &input.threshold, None))
            (forms::input(ctx, Field::new(ctx, "opens_on", "qn-opens-on", errors).hint(ctx.t("hint-date")), "date", &input.opens_on, None))
            (forms::input(ctx, Field::new(ctx, "closes_on", "qn-closes-on", errors).hint(ctx.t("hint-date")), "date", &input.closes_on, None))
            @if !lists.is_empty() {
                fieldset.field.has-error[list_problem.is_some()] #f-lists aria-describedby="f-lists-hint" {
                    legend { (ctx.t("qn-lists")) }
                    p.hint #f-lists-hint { (ctx.t("qn-lists-hint")) }
                    @if let Some(problem) = list_problem {
                        p.error-message { span.visually-hidden { (ctx.t("error-prefix")) ": " } (crate::views::forms::problem_text(ctx.locale, problem)) }
                    }
                    @for list in &lists {
                        @let field = format!("list-{list}");
                        div.field {
                            label for=(format!("f-{field}")) { (ctx.t_with("qn-list-label", &[("list", list.clone().into())])) }
                            textarea id=(format!("f-{field}")) name=(field) rows="5" { (input.lists.get(&field).map(String::as_str).unwrap_or_default()) }
                        }
                    }
                }
            }
            fieldset.field {
                legend { (ctx.t("qn-before-after")) }
                @if !earlier.is_empty() {
                    (forms::select(ctx, Field::new(ctx, "previous_round", "qn-previous-round", errors).hint(ctx.t("qn-previous-round-hint")), &earlier, &input.previous_round, Some(ctx.t("qn-previous-none"))))
                }
                div.checkbox {
                    input #f-pair_code type="checkbox" name="pair_code" value="on" checked[!input.pair_code.is_empty()] aria-describedby="f-pair_code-hint";
                    label for="f-pair_code" { (ctx.t("qn-pair-code")) }
                }
                p.hint #f-pair_code-hint { (ctx.t("qn-pair-code-hint")) }
            }
            button.primary type="submit" { (ctx.t("qn-round-create")) }
        }
    };
    Ok(page(ctx, &ctx.t("qn-round-new"), Nav::Initiatives, body))
}

pub async fn new_page(State(state): State<AppState>, member: Member, PathId(id): PathId) -> Result<Response, AppError> {
    if !member.scope.role().can_edit_initiatives() {
        return Err(AppError::Forbidden);
    }
    let view = new_view(&state, &member, id, &RoundInput::default(), &FieldErrors::new()).await?;
    Ok(view.into_response())
}

pub async fn create(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<RoundInput>,
) -> Result<Response, AppError> {
    let draft = match input.parse() {
        Ok(draft) => draft,
        Err(errors) => {
            let view = new_view(&state, &member, id, &input, &errors).await?;
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, view).into_response());
        }
    };
    let (round, open_link) = match store::create(&state.db, &member.scope, Some(id), &draft).await {
        Ok(made) => made,
        Err(parat_store::StoreError::Invalid(errors)) => {
            let view = new_view(&state, &member, id, &input, &errors).await?;
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, view).into_response());
        }
        Err(other) => return Err(other.into()),
    };
    let fresh = Shown { open: open_link.map(|l| answer_url(&state, l.expose())), ..Shown::default() };
    Ok((axum::http::StatusCode::CREATED, round_view(&state, &member, &round, Some("qn-round-created"), &fresh).await?)
        .into_response())
}

/// A round just made by another page (a project's evaluation), with its open link and QR code
/// shown this once.
pub(crate) async fn fresh_round_view(
    state: &AppState,
    member: &Member,
    round: &Round,
    open_link: Option<parat_store::Secret>,
) -> Result<Markup, AppError> {
    let fresh = Shown { open: open_link.map(|l| answer_url(state, l.expose())), ..Shown::default() };
    round_view(state, member, round, Some("qn-round-created"), &fresh).await
}

pub async fn show(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let round = store::get(&state.db, &member.scope, id).await?;
    round_view(&state, &member, &round, query.notice.as_deref(), &Shown::default()).await
}

/// A QR code of a link, as an SVG picture with the link as its text alternative.
fn qr_code(ctx: &Ctx, url: &str) -> Markup {
    let svg = qrcode::QrCode::new(url.as_bytes())
        .map(|code| code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).quiet_zone(true).build())
        .unwrap_or_default();
    // The renderer's SVG has no text alternative; the figure gives it one.
    html! {
        figure.qr-code role="img" aria-label=(ctx.t_with("qn-qr-label", &[("url", url.to_owned().into())])) {
            (maud::PreEscaped(svg))
        }
    }
}

pub(super) async fn round_view(
    state: &AppState,
    member: &Member,
    round: &Round,
    notice_key: Option<&str>,
    fresh: &Shown,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let manage = member.scope.role().can_edit_initiatives();
    let people: Vec<Respondent> =
        if manage { store::respondents(&state.db, &member.scope, round).await? } else { Vec::new() };
    let answered = people.iter().filter(|p| p.answered).count();
    let open = round.is_open(today());
    let date = |d: Option<time::Date>| d.map(|d| ctx.locale.format_date(d)).unwrap_or_else(|| "–".into());
    let body = html! {
        (notice(ctx, notice_key))
        @if let (Some(initiative), Some(name)) = (round.initiative_id, &round.initiative_name) {
            p.breadcrumb { a href=(format!("/initiatives/{initiative}")) { (name) } }
        }
        div.title-row {
            h1 { (round.title) }
            span.badge { (if open { ctx.t("qn-status-open") } else { ctx.t("qn-status-closed") }) }
        }
        div.actions {
            a.button.primary href=(format!("/rounds/{}/results", round.id)) { (ctx.t("qn-results")) }
            @if manage {
                a.button href=(format!("/rounds/{}/enter", round.id)) { (ctx.t("qn-on-behalf")) }
                @if round.closed {
                    (action_button(ctx, &format!("/rounds/{}/reopen", round.id), &ctx.t("qn-reopen"), "secondary"))
                } @else {
                    (action_button(ctx, &format!("/rounds/{}/close", round.id), &ctx.t("qn-close"), "secondary"))
                }
            }
        }
        dl.details {
            dt { (ctx.t("qn-questionnaire")) } dd { (round.definition.name.get(ctx.locale)) }
            dt { (ctx.t("qn-round-issue")) } dd { (round.issue) }
            dt { (ctx.t("qn-anonymity")) }
            dd { (if round.anonymous { ctx.t_with("qn-anonymous-yes", &[("n", f64::from(round.threshold.get()).into())]) } else { ctx.t("qn-anonymous-no") }) }
            @if let Some(previous) = round.previous_round_id {
                dt { (ctx.t("qn-follows-up")) } dd { a href=(format!("/rounds/{previous}")) { (ctx.t("qn-follows-up-link")) } }
            }
            @if round.pair_code { dt { (ctx.t("qn-pair-code-short")) } dd { (ctx.t("yes")) } }
            dt { (ctx.t("qn-period")) }
            @if round.period.start().is_none() && round.period.end().is_none() {
                dd { (ctx.t("qn-no-dates")) }
            } @else {
                dd.date { (date(round.period.start())) " – " (date(round.period.end())) }
            }
            @if manage {
                dt { (ctx.t("qn-respondents")) } dd { (ctx.t_with("qn-answered-of", &[("answered", (answered as f64).into()), ("total", (people.len() as f64).into())])) }
            }
        }
        @if let Some(url) = &fresh.open {
            section.fresh-links aria-labelledby="open-link-title" {
                h2 #open-link-title { (ctx.t("qn-open-link-title")) }
                p { (ctx.t("qn-link-shown-once")) }
                p { input.copy-field type="text" readonly value=(url) aria-label=(ctx.t("qn-open-link-title")); }
                (qr_code(ctx, url))
            }
        }
        @if let Some((sent, failed)) = fresh.mailed {
            div.notice role="status" {
                p { (ctx.t_with("qn-mail-sent", &[("n", (sent as f64).into())])) }
                @if failed > 0 { p { (ctx.t_with("qn-mail-failed", &[("n", (failed as f64).into())])) } }
            }
        }
        @if !fresh.personal.is_empty() {
            section.fresh-links aria-labelledby="personal-links-title" {
                h2 #personal-links-title { (ctx.t("qn-personal-links-title")) }
                p { (ctx.t("qn-link-shown-once")) }
                div.table-wrap { table {
                    thead { tr { th scope="col" { (ctx.t("qn-respondent")) } th scope="col" { (ctx.t("qn-link")) } } }
                    tbody { @for (label, url) in &fresh.personal { tr { td { (label) } td { code { (url) } } } } }
                } }
            }
        }
        @if manage {
            section aria-labelledby="links-title" {
                h2 #links-title { (ctx.t("qn-links-title")) }
                p { (if round.has_open_link { ctx.t("qn-open-link-exists") } else { ctx.t("qn-open-link-none") }) }
                (action_button(ctx, &format!("/rounds/{}/open-link", round.id), &ctx.t("qn-open-link-new"), "secondary"))
                h3 { (ctx.t("qn-respondents")) }
                @if people.is_empty() { p { (ctx.t("qn-respondents-none")) } } @else {
                    div.table-wrap { table {
                        caption.visually-hidden { (ctx.t("qn-respondents")) }
                        thead { tr {
                            th scope="col" { (ctx.t("qn-respondent")) }
                            th scope="col" { (ctx.t("field-email")) }
                            th scope="col" { (ctx.t("qn-group")) }
                            th scope="col" { (ctx.t("qn-has-answered")) }
                            th scope="col" { (ctx.t("qn-mailed")) }
                            th scope="col" { span.visually-hidden { (ctx.t("actions")) } }
                        } }
                        tbody { @for p in &people { tr {
                            td { (p.label) }
                            td { (p.email.as_deref().unwrap_or("–")) }
                            td { (p.group.as_deref().unwrap_or("–")) }
                            td { (if p.answered { ctx.t("yes") } else if p.started { ctx.t("qn-started") } else { ctx.t("no") }) }
                            td.date { (p.reminded_at.or(p.invited_at).map(|at| ctx.date(at)).unwrap_or_else(|| "–".into())) }
                            td { (action_button(ctx, &format!("/rounds/{}/respondents/{}/link", round.id, p.id), &ctx.t("qn-link-new"), "small secondary")) }
                        } } }
                    } }
                }
                @if state.settings.mailer.is_some() {
                    @let waiting = people.iter().filter(|p| !p.answered && p.email.is_some()).count();
                    @if waiting > 0 && open {
                        p { (ctx.t_with("qn-remind-hint", &[("n", (waiting as f64).into())])) }
                        (action_button(ctx, &format!("/rounds/{}/remind", round.id), &ctx.t_with("qn-remind", &[("n", (waiting as f64).into())]), "secondary"))
                    }
                } @else {
                    p.hint { (ctx.t("qn-mail-not-configured")) }
                }
                form method="post" action=(format!("/rounds/{}/respondents", round.id)) novalidate {
                    (csrf(ctx))
                    (forms::textarea(ctx, Field::new(ctx, "people", "qn-add-respondents", &fresh.errors).hint(ctx.t("qn-add-respondents-hint")), &fresh.people))
                    @if state.settings.mailer.is_some() {
                        div.checkbox {
                            input #f-send type="checkbox" name="send" value="on" checked[fresh.people.is_empty() || fresh.send];
                            label for="f-send" { (ctx.t("qn-send-by-mail")) }
                        }
                    }
                    button type="submit" { (ctx.t("qn-add-respondents-button")) }
                }
            }
        }
    };
    Ok(page(ctx, &round.title, Nav::Initiatives, body))
}

#[derive(Debug, Default, Deserialize)]
pub struct PeopleForm {
    #[serde(default)]
    people: String,
    /// "on": e-mail each person with an address their link.
    #[serde(default)]
    send: String,
}

pub async fn add_respondents(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(form): Submitted<PeopleForm>,
) -> Result<Response, AppError> {
    let round = store::get(&state.db, &member.scope, id).await?;
    let people = match parse_respondents(&form.people) {
        Ok(people) => people,
        Err(problem) => {
            // Refused: the page again, with what was pasted and why.
            let mut errors = FieldErrors::new();
            errors.add("people", problem);
            let shown = Shown { people: form.people, send: !form.send.is_empty(), errors, ..Shown::default() };
            let view = round_view(&state, &member, &round, None, &shown).await?;
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, view).into_response());
        }
    };
    let added = store::add_respondents(&state.db, &member.scope, &round, &people).await?;
    let fresh = mailing::deliver_new_links(&member, &state, &round, added, !form.send.is_empty()).await?;
    Ok(round_view(&state, &member, &round, Some("qn-respondents-added"), &fresh).await?.into_response())
}

pub async fn new_personal_link(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, respondent): PathIds,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Markup, AppError> {
    let round = store::get(&state.db, &member.scope, id).await?;
    let link = store::new_personal_link(&state.db, &member.scope, &round, respondent).await?;
    let people = store::respondents(&state.db, &member.scope, &round).await?;
    let label = people.into_iter().find(|p| p.id == respondent).map(|p| p.label).unwrap_or_default();
    let fresh = Shown { personal: vec![(label, answer_url(&state, link.expose()))], ..Shown::default() };
    round_view(&state, &member, &round, Some("qn-link-replaced"), &fresh).await
}

pub async fn new_open_link(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Markup, AppError> {
    let round = store::get(&state.db, &member.scope, id).await?;
    let link = store::new_open_link(&state.db, &member.scope, &round).await?;
    let round = store::get(&state.db, &member.scope, id).await?;
    let fresh = Shown { open: Some(answer_url(&state, link.expose())), ..Shown::default() };
    round_view(&state, &member, &round, Some("qn-link-replaced"), &fresh).await
}

async fn set_closed(state: &AppState, member: &Member, id: i64, closed: bool) -> Result<Response, AppError> {
    let round = store::get(&state.db, &member.scope, id).await?;
    store::set_closed(&state.db, &member.scope, &round, closed).await?;
    let notice = if closed { "qn-closed-notice" } else { "qn-reopened-notice" };
    Ok(axum::response::Redirect::to(&format!("/rounds/{id}?notice={notice}")).into_response())
}

pub async fn close(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    set_closed(&state, &member, id, true).await
}

pub async fn reopen(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    set_closed(&state, &member, id, false).await
}

/// The initiative page's list of its questionnaire rounds.
pub async fn section(state: &AppState, member: &Member, initiative_id: i64) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let list = store::list(&state.db, &member.scope, Some(initiative_id)).await?;
    Ok(html! {
        section aria-labelledby="rounds-title" {
            div.title-row {
                h2 #rounds-title { (ctx.t("qn-rounds-title")) }
                @if member.scope.role().can_edit_initiatives() {
                    a.button href=(format!("/initiatives/{initiative_id}/rounds/new")) { (ctx.t("qn-round-new")) }
                }
            }
            @if list.is_empty() { p { (ctx.t("qn-rounds-none")) } } @else {
                div.table-wrap { table {
                    caption.visually-hidden { (ctx.t("qn-rounds-title")) }
                    thead { tr {
                        th scope="col" { (ctx.t("qn-round-title")) }
                        th scope="col" { (ctx.t("qn-responses")) }
                        th scope="col" { (ctx.t("field-status")) }
                        th scope="col" { (ctx.t("token-created")) }
                    } }
                    tbody { @for r in &list { tr {
                        td { a href=(format!("/rounds/{}", r.id)) { (r.title) } }
                        td { (r.responses) }
                        td { (if r.closed { ctx.t("qn-status-closed") } else { ctx.t("qn-status-running") }) }
                        td.date { (ctx.date_time(r.created_at)) }
                    } } }
                } }
            }
        }
    })
}
