//! Answering a questionnaire through a link, without an account: one page, mobile first, plain
//! HTML that works without JavaScript. Answers are saved as the respondent goes (htmx, on every
//! change) or with the save button; a personal link resumes where its owner stopped.

use parat_core::questionnaire::pairing::{PairCode, PairInput};
use parat_core::questionnaire::round::ListEntry;
use parat_core::questionnaire::RawAnswer;
use parat_store::questionnaire::{Saved, Visit};
use parat_store::{Secret, StoreError};

use super::*;

/// What the respondent typed or chose, per item, as form text (for showing it back).
pub(super) type Values = BTreeMap<String, Vec<String>>;

/// A problem with one item, to show at it.
pub(super) struct ItemProblem {
    item: String,
    message: String,
    /// Unanswered (the summary then lists only the question).
    missing: bool,
}

fn link_of(token: &str) -> Option<Secret> {
    Secret::from_client(token)
}

/// A page of its own for a link that does not work, a closed round or a sent response.
pub(crate) fn message_page(ctx: &Ctx, status: axum::http::StatusCode, title_id: &str, text_id: &str) -> Response {
    let body = html! {
        h1 { (ctx.t(title_id)) }
        p { (ctx.t(text_id)) }
    };
    (status, page(ctx, &ctx.t(title_id), Nav::None, body)).into_response()
}

fn unknown_link(ctx: &Ctx) -> Response {
    message_page(ctx, axum::http::StatusCode::NOT_FOUND, "qn-link-unknown-title", "qn-link-unknown")
}

fn closed(ctx: &Ctx) -> Response {
    message_page(ctx, axum::http::StatusCode::GONE, "qn-round-closed-title", "qn-round-closed")
}

fn thanks(ctx: &Ctx, again: bool) -> Response {
    let text = if again { "qn-thanks-again" } else { "qn-thanks" };
    message_page(ctx, axum::http::StatusCode::OK, "qn-thanks-title", text)
}

/// Stored answers as the form shows them: each item under its id, a roster's answers under
/// `roster.entry.sub`, as its fields are named.
fn values_of(ctx: &Ctx, visit: &Visit) -> Values {
    let mut values = Values::new();
    for (item, answer) in visit.answers.iter() {
        match answer {
            Answer::Roster(rows) => {
                for (entry, row) in rows {
                    for (sub, answer) in row {
                        values.insert(format!("{item}.{entry}.{sub}"), texts_of(ctx, answer));
                    }
                }
            }
            _ => {
                values.insert(item.clone(), texts_of(ctx, answer));
            }
        }
    }
    values
}

/// An answer as form text.
fn texts_of(ctx: &Ctx, answer: &Answer) -> Vec<String> {
    match answer {
        Answer::Number(n) => vec![number_text(ctx, *n)],
        Answer::Choice(key) => vec![key.clone()],
        Answer::Choices(keys) => keys.clone(),
        Answer::Date(date) => vec![date.to_string()],
        Answer::Text(text) => vec![text.clone()],
        Answer::Roster(_) => Vec::new(),
    }
}

/// A number as the reader's language writes it, without needless decimals.
fn number_text(ctx: &Ctx, n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        ctx.locale.format_decimal(n, 1)
    }
}

pub async fn answer_page(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Path(token): axum::extract::Path<String>,
) -> Result<Response, AppError> {
    let Some(link) = link_of(&token) else { return Ok(unknown_link(&ctx)) };
    let opened = match store::open(&state.db, &link, ctx.browser_key().as_ref()).await {
        Err(StoreError::NotFound) => return Ok(unknown_link(&ctx)),
        other => other?,
    };
    let visit = store::visit(&state.db, opened).await?;
    if visit.submitted {
        return Ok(thanks(&ctx, true));
    }
    if !visit.round.is_open(today()) {
        return Ok(closed(&ctx));
    }
    let values = values_of(&ctx, &visit);
    Ok(form_page(&ctx, &visit.round, &token, &values, &[], None).into_response())
}

pub async fn save_answers(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Path(token): axum::extract::Path<String>,
    Submitted(fields): Submitted<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let Some(link) = link_of(&token) else { return Ok(unknown_link(&ctx)) };
    let browser_key = ctx.browser_key().ok_or(AppError::Csrf)?;
    let allowed = state.answer_limiter.allow(&ctx.client_address, std::time::Instant::now());
    // The link is found once; the form is read against its round, then saved.
    let opened = match store::open(&state.db, &link, Some(&browser_key)).await {
        Err(StoreError::NotFound) => return Ok(unknown_link(&ctx)),
        other => other?,
    };
    let round = &opened.round;
    let submit = fields.iter().any(|(k, v)| k == "action" && v == "submit");
    let (mut values, raw) = answers_from_form(&round.definition, &fields);
    if !allowed {
        // Too many from this address just now: nothing is saved, and nothing typed is lost.
        let message = ctx.t("qn-too-fast");
        let page = if ctx.is_htmx {
            save_status(&ctx, Some(&message))
        } else {
            form_page(&ctx, round, &token, &values, &[], Some("qn-too-fast"))
        };
        return Ok((axum::http::StatusCode::TOO_MANY_REQUESTS, page).into_response());
    }
    let pair = match pair_from_form(&ctx, round, &fields, &mut values) {
        Ok(pair) => pair,
        Err(problems) if ctx.is_htmx => {
            return Ok(save_status(&ctx, problems.first().map(|p| p.message.as_str())).into_response());
        }
        Err(problems) => {
            let page = form_page(&ctx, round, &token, &values, &problems, None);
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let saved = match store::save(&state.db, &opened, &raw, pair.as_ref(), submit, today()).await {
        Err(StoreError::Closed) => return Ok(closed(&ctx)),
        Err(StoreError::NotFound) => return Ok(unknown_link(&ctx)),
        other => other?,
    };
    let unprocessable = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    match saved {
        Err(error) => {
            let problem =
                ItemProblem { item: error.item.clone(), message: problem_text(&ctx, &error.problem), missing: false };
            // htmx swaps only successful answers in: the problem goes to the status line.
            if ctx.is_htmx {
                return Ok(save_status(&ctx, Some(&problem.message)).into_response());
            }
            Ok((unprocessable, form_page(&ctx, round, &token, &values, &[problem], None)).into_response())
        }
        Ok(Saved::Submitted) => Ok(thanks(&ctx, false)),
        Ok(Saved::AlreadySubmitted) => Ok(thanks(&ctx, true)),
        Ok(Saved::Incomplete(missing)) => {
            let problems: Vec<ItemProblem> = missing
                .into_iter()
                .map(|item| ItemProblem { item, message: ctx.t("qn-problem-required"), missing: true })
                .collect();
            Ok((unprocessable, form_page(&ctx, round, &token, &values, &problems, None)).into_response())
        }
        Ok(Saved::Draft) if ctx.is_htmx => Ok(save_status(&ctx, None).into_response()),
        Ok(Saved::Draft) => Ok(form_page(&ctx, round, &token, &values, &[], Some("qn-saved-notice")).into_response()),
    }
}

/// The pairing code a form carries, when the round asks for one: none when left empty, refused
/// (with a problem per wrong part, and what was typed kept in `values`) when not whole.
fn pair_from_form(
    ctx: &Ctx,
    round: &Round,
    fields: &[(String, String)],
    values: &mut Values,
) -> Result<Option<PairCode>, Vec<ItemProblem>> {
    if !round.pair_code {
        return Ok(None);
    }
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let input = PairInput { letters: field("pair-letters"), day: field("pair-day"), digits: field("pair-digits") };
    input.parse().map_err(|errors| {
        for (name, value) in
            [("pair-letters", &input.letters), ("pair-day", &input.day), ("pair-digits", &input.digits)]
        {
            values.insert(name.to_owned(), vec![value.clone()]);
        }
        errors
            .0
            .iter()
            .map(|e| ItemProblem {
                item: e.field.to_owned(),
                message: crate::views::forms::problem_text(ctx.locale, e.problem),
                missing: false,
            })
            .collect()
    })
}

/// A submitted form's answers: as typed (to show back) and as raw answers for every item of the
/// page — one not sent (no option chosen, every box unticked) is cleared.
pub(super) fn answers_from_form(
    definition: &Definition,
    fields: &[(String, String)],
) -> (Values, BTreeMap<String, RawAnswer>) {
    let mut values = Values::new();
    for (key, value) in fields {
        if let Some(item) = key.strip_prefix("a-") {
            values.entry(item.to_owned()).or_default().push(value.clone());
        }
    }
    let raw_of = |item: &Item, key: &str| match (&item.kind, values.get(key)) {
        (_, None) => RawAnswer::Missing,
        (ItemKind::Multiple { .. }, Some(list)) => RawAnswer::List(list.clone()),
        (_, Some(list)) => RawAnswer::Text(list.first().cloned().unwrap_or_default()),
    };
    let raw = definition
        .items()
        .map(|item| {
            let answer = match &item.kind {
                // A roster's fields are `roster.entry.sub`; the entries are those the form sent.
                ItemKind::Roster { items, .. } => {
                    let prefix = format!("{}.", item.id);
                    let mut rows: BTreeMap<String, BTreeMap<String, RawAnswer>> = BTreeMap::new();
                    for key in values.keys().filter_map(|k| k.strip_prefix(&prefix)) {
                        let Some((entry, sub)) = key.split_once('.') else { continue };
                        if let Some(sub_item) = items.iter().find(|i| i.id == sub) {
                            rows.entry(entry.to_owned())
                                .or_default()
                                .insert(sub.to_owned(), raw_of(sub_item, &format!("{prefix}{key}")));
                        }
                    }
                    // Every entry shown is sent: a row left empty is cleared.
                    for entry in values.get(&format!("{}~entries", item.id)).into_iter().flatten() {
                        rows.entry(entry.clone()).or_default();
                    }
                    RawAnswer::Entries(rows)
                }
                _ => raw_of(item, &item.id),
            };
            (item.id.clone(), answer)
        })
        .collect();
    (values, raw)
}

/// The save indicator's text: saved, or why not.
fn save_status(ctx: &Ctx, problem: Option<&str>) -> Markup {
    html! {
        @match problem {
            Some(message) => span.save-problem { (message) },
            None => span.saved { (ctx.t("qn-saved")) },
        }
    }
}

/// One problem with an answer, in the respondent's language.
pub(super) fn problem_text(ctx: &Ctx, problem: &AnswerProblem) -> String {
    let number = |n: f64| -> crate::i18n::FluentValue<'static> { n.into() };
    match problem {
        AnswerProblem::NotANumber => ctx.t("qn-problem-not-a-number"),
        AnswerProblem::OffScale { min, max } => {
            ctx.t_with("qn-problem-off-scale", &[("min", number(*min)), ("max", number(*max))])
        }
        AnswerProblem::TooPrecise { decimals } => {
            ctx.t_with("qn-problem-too-precise", &[("n", number(f64::from(*decimals)))])
        }
        AnswerProblem::UnknownOption(_) | AnswerProblem::WrongShape { .. } | AnswerProblem::UnknownEntry(_) => {
            ctx.t("qn-problem-unknown-option")
        }
        AnswerProblem::NotADate => ctx.t("problem-invalid-date"),
        AnswerProblem::TooLong { max } => ctx.t_with("problem-too-long", &[("n", number(*max as f64))]),
        AnswerProblem::ControlCharacters => ctx.t("problem-control-characters"),
        AnswerProblem::UnknownItem(_) => ctx.t("qn-problem-unknown-item"),
        AnswerProblem::InRoster { problem, .. } => problem_text(ctx, problem),
    }
}

/// What the answering form shows: a round's questionnaire, or one being previewed.
pub(super) struct Sheet<'a> {
    pub definition: &'a Definition,
    pub title: &'a str,
    pub issue: &'a str,
    pub anonymous: bool,
    /// Ask for a self-made code that pairs the answers with a follow-up round's.
    pub pair_code: bool,
    /// The entries of the lists the rosters ask about.
    pub entries: &'a BTreeMap<String, Vec<ListEntry>>,
    pub mode: Mode,
}

/// Who fills the form in, and where it goes.
pub(super) enum Mode {
    /// A respondent through a link: saved as they go.
    Answer(String),
    /// A look at the questionnaire: nothing is saved.
    Preview,
    /// A staff member entering a paper form or a phone interview, optionally for one of the
    /// round's people (`respondents`: id and label; `chosen`: the one picked).
    OnBehalf { action: String, respondents: Vec<(String, String)>, chosen: String },
}

impl<'a> Sheet<'a> {
    fn of(round: &'a Round, token: &str) -> Sheet<'a> {
        Sheet {
            definition: &round.definition,
            title: &round.title,
            issue: &round.issue,
            anonymous: round.anonymous,
            pair_code: round.pair_code,
            entries: &round.entries,
            mode: Mode::Answer(format!("/q/{token}")),
        }
    }

    fn text(&self, ctx: &Ctx, text: &parat_core::locale::Localized) -> String {
        text.with_issue(ctx.locale, self.issue)
    }
}

fn form_page(
    ctx: &Ctx,
    round: &Round,
    token: &str,
    values: &Values,
    problems: &[ItemProblem],
    notice_key: Option<&str>,
) -> Markup {
    sheet_page(ctx, &Sheet::of(round, token), values, problems, notice_key)
}

pub(super) fn sheet_page(
    ctx: &Ctx,
    sheet: &Sheet,
    values: &Values,
    problems: &[ItemProblem],
    notice_key: Option<&str>,
) -> Markup {
    let definition = sheet.definition;
    let (action, autosave) = match &sheet.mode {
        Mode::Answer(action) => (action.clone(), true),
        Mode::OnBehalf { action, .. } => (action.clone(), false),
        Mode::Preview => (String::new(), false),
    };
    let body = html! {
        (notice(ctx, notice_key))
        @if matches!(sheet.mode, Mode::Preview) { p.notice role="status" { (ctx.t("qn-preview-note")) } }
        @if matches!(sheet.mode, Mode::OnBehalf { .. }) { p.notice role="status" { (ctx.t("qn-on-behalf-note")) } }
        h1 { (sheet.title) }
        p.lead { (sheet.text(ctx, &definition.description)) }
        p { (if sheet.anonymous { ctx.t("qn-answer-anonymous") } else { ctx.t("qn-answer-identified") }) }
        p.hint { (ctx.t("qn-answer-optional-marked")) }
        @if !problems.is_empty() {
            div.error-summary #error-summary role="alert" tabindex="-1" aria-labelledby="error-summary-title" {
                h2 #error-summary-title { (ctx.t("error-summary-title")) }
                @if problems.iter().any(|p| p.missing) {
                    p { (ctx.t_with("qn-missing", &[("n", (problems.iter().filter(|p| p.missing).count() as f64).into())])) }
                }
                ul { @for p in problems {
                    @let label = match definition.item(&p.item) {
                        Some(item) => sheet.text(ctx, &item.text),
                        None => ctx.t(&format!("qn-{}", p.item)),
                    };
                    li { a href=(format!("#q-{}", p.item)) {
                        (label)
                        @if !p.missing { " – " (p.message) }
                    } }
                } }
            }
        }
        form.questionnaire method="post" action=(action) novalidate
            hx-post=[autosave.then_some(&action)] hx-trigger=[autosave.then_some("change delay:800ms, keyup changed delay:2s from:textarea")]
            hx-target=[autosave.then_some("#save-status")] hx-swap=[autosave.then_some("innerHTML")] {
            (csrf(ctx))
            @if let Mode::OnBehalf { respondents, chosen, .. } = &sheet.mode {
                @if !respondents.is_empty() {
                    (forms::select(ctx, Field::new(ctx, "respondent", "qn-on-behalf-respondent", &FieldErrors::new()).hint(ctx.t("qn-on-behalf-respondent-hint")), respondents, chosen, Some(ctx.t("qn-on-behalf-nobody"))))
                }
            }
            @for section in &definition.sections {
                section.q-section aria-labelledby=(format!("s-{}", section.id)) {
                    h2 id=(format!("s-{}", section.id)) { (sheet.text(ctx, &section.title)) }
                    @if let Some(intro) = &section.intro { p { (sheet.text(ctx, intro)) } }
                    @for item in &section.items {
                        (item_markup(ctx, sheet, item, values, problems.iter().find(|p| p.item == item.id)))
                    }
                }
            }
            @if sheet.pair_code && !matches!(sheet.mode, Mode::Preview) {
                (pair_fields(ctx, values, problems))
            }
            @match &sheet.mode {
                Mode::Answer(_) => {
                    p #save-status.save-status aria-live="polite" {}
                    div.actions {
                        button.primary type="submit" name="action" value="submit" { (ctx.t("qn-submit")) }
                        button.secondary type="submit" name="action" value="save" { (ctx.t("qn-save-later")) }
                    }
                }
                Mode::OnBehalf { .. } => {
                    div.actions { button.primary type="submit" name="action" value="submit" { (ctx.t("qn-on-behalf-submit")) } }
                }
                Mode::Preview => {}
            }
        }
    };
    page(ctx, sheet.title, Nav::None, body)
}

/// The fields of the self-made code that pairs a respondent's answers with a follow-up round's.
fn pair_fields(ctx: &Ctx, values: &Values, problems: &[ItemProblem]) -> Markup {
    let field = |name: &str, inputmode: &str, maxlength: u8| {
        let problem = problems.iter().find(|p| p.item == name);
        let value = values.get(name).and_then(|v| v.first()).map(String::as_str).unwrap_or_default();
        let id = format!("q-{name}");
        html! {
            div.field.has-error[problem.is_some()] {
                label for=(id) { (ctx.t(&format!("qn-{name}"))) }
                @if let Some(problem) = problem {
                    p.error-message id=(format!("{id}-error")) {
                        span.visually-hidden { (ctx.t("error-prefix")) ": " } (problem.message)
                    }
                }
                input id=(id) name=(name) type="text" inputmode=(inputmode) maxlength=(maxlength) autocomplete="off"
                    value=(value) aria-invalid=[problem.map(|_| "true")]
                    aria-describedby=[problem.map(|_| format!("{id}-error"))];
            }
        }
    };
    html! {
        fieldset.q-item.q-pair #q-pair aria-describedby="q-pair-hint" {
            legend { (ctx.t("qn-pair-title")) }
            p.hint #q-pair-hint { (ctx.t("qn-pair-hint")) }
            (field("pair-letters", "text", 2))
            (field("pair-day", "numeric", 2))
            (field("pair-digits", "numeric", 2))
        }
    }
}

/// The hint under an item that is asked only after a certain answer to an earlier one.
fn condition_hint(ctx: &Ctx, sheet: &Sheet, item: &Item) -> Option<String> {
    let condition = item.show_if.as_ref()?;
    let target = sheet.definition.item(&condition.item)?;
    let answers: Vec<String> = condition
        .any_of
        .iter()
        .map(|key| match &target.kind {
            ItemKind::Single { options } | ItemKind::Multiple { options } => options
                .iter()
                .find(|o| &o.key == key)
                .map(|o| o.label.get(ctx.locale).to_owned())
                .unwrap_or_else(|| key.clone()),
            _ => key.clone(),
        })
        .collect();
    Some(ctx.t_with(
        "qn-condition",
        &[("question", sheet.text(ctx, &target.text).into()), ("answers", answers.join(", ").into())],
    ))
}

fn item_markup(ctx: &Ctx, sheet: &Sheet, item: &Item, values: &Values, problem: Option<&ItemProblem>) -> Markup {
    keyed_item_markup(ctx, sheet, item, &item.id, "", values, problem)
}

/// An item's markup with its fields named `a-<key>`: an item's own id, or for a roster's
/// sub-item `roster.entry.sub`, whose condition then names a sibling in the same entry
/// (`scope` is `roster.entry.`).
fn keyed_item_markup(
    ctx: &Ctx,
    sheet: &Sheet,
    item: &Item,
    key: &str,
    scope: &str,
    all_values: &Values,
    problem: Option<&ItemProblem>,
) -> Markup {
    let values: &[String] = all_values.get(key).map(Vec::as_slice).unwrap_or_default();
    let id = format!("a-{key}");
    let text = sheet.text(ctx, &item.text);
    let help = item.help.as_ref().map(|h| sheet.text(ctx, h));
    let condition = condition_hint(ctx, sheet, item);
    let first = values.first().map(String::as_str).unwrap_or("");
    let described = [
        help.as_ref().map(|_| format!("{id}-help")),
        condition.as_ref().map(|_| format!("{id}-condition")),
        problem.map(|_| format!("{id}-error")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = problem.map(|_| "true");
    let (show_item, show_any) = match &item.show_if {
        Some(c) => (Some(format!("{scope}{}", c.item)), Some(c.any_of.join(","))),
        None => (None, None),
    };
    let heading = html! {
        (text)
        @if !item.required { " " span.optional { "(" (ctx.t("qn-optional")) ")" } }
    };
    let notes = html! {
        @if let Some(help) = &help { p.hint id=(format!("{id}-help")) { (help) } }
        @if let Some(condition) = &condition { p.hint.condition id=(format!("{id}-condition")) { (condition) } }
        @if let Some(problem) = problem {
            p.error-message id=(format!("{id}-error")) {
                span.visually-hidden { (ctx.t("error-prefix")) ": " }
                (problem.message)
            }
        }
    };
    let choices = |options: Vec<(String, String)>, multiple: bool| {
        html! {
            fieldset.q-choices aria-describedby=[described.clone()] {
                legend { (heading) }
                (notes)
                @for (i, (value, label)) in options.iter().enumerate() {
                    div.checkbox {
                        input type=(if multiple { "checkbox" } else { "radio" }) id=(format!("{id}-{i}")) name=(id) value=(value)
                            checked[values.contains(value)] aria-invalid=[invalid];
                        label for=(format!("{id}-{i}")) { (label) }
                    }
                }
            }
        }
    };
    let control = match &item.kind {
        ItemKind::Agreement(steps) | ItemKind::Rating(steps) => {
            let count = (steps.max - steps.min + 1) as usize;
            let label_of = |k: usize| -> Option<String> {
                match steps.labels.len() {
                    n if n == count => Some(steps.labels[k].get(ctx.locale).to_owned()),
                    2 if k == 0 => Some(steps.labels[0].get(ctx.locale).to_owned()),
                    2 if k + 1 == count => Some(steps.labels[1].get(ctx.locale).to_owned()),
                    _ => None,
                }
            };
            html! {
                fieldset.q-scale aria-describedby=[described.clone()] {
                    legend { (heading) }
                    (notes)
                    div.scale-options {
                        @for (k, value) in (steps.min..=steps.max).enumerate() {
                            @let value = value.to_string();
                            div.scale-option {
                                input type="radio" id=(format!("{id}-{k}")) name=(id) value=(value) checked[values.contains(&value)] aria-invalid=[invalid];
                                label for=(format!("{id}-{k}")) {
                                    span.scale-value { (value) }
                                    @if let Some(label) = label_of(k) { span.scale-label { (label) } }
                                }
                            }
                        }
                    }
                }
            }
        }
        ItemKind::Single { options } | ItemKind::Multiple { options } => choices(
            options.iter().map(|o| (o.key.clone(), o.label.get(ctx.locale).to_owned())).collect(),
            matches!(item.kind, ItemKind::Multiple { .. }),
        ),
        ItemKind::Line { min, max, decimals, low, high } => {
            let step = 10f64.powi(-i32::from(*decimals));
            html! {
                div.field.q-line {
                    label for=(id) { (heading) }
                    p.hint { (number_text(ctx, *min)) " = " (low.get(ctx.locale)) ", " (number_text(ctx, *max)) " = " (high.get(ctx.locale)) }
                    (notes)
                    input type="text" inputmode="decimal" id=(id) name=(id) value=(first) aria-invalid=[invalid] aria-describedby=[described.clone()]
                        data-line-min=(min) data-line-max=(max) data-line-step=(step) size="6";
                }
            }
        }
        ItemKind::Number { .. } | ItemKind::Date | ItemKind::ShortText { .. } => {
            let (kind, mode, max_length) = match &item.kind {
                ItemKind::Date => ("date", None, None),
                ItemKind::ShortText { max_length } => ("text", None, Some(*max_length)),
                _ => ("text", Some("decimal"), None),
            };
            html! {
                div.field {
                    label for=(id) { (heading) }
                    (notes)
                    input type=(kind) inputmode=[mode] id=(id) name=(id) value=(first) maxlength=[max_length] aria-invalid=[invalid] aria-describedby=[described.clone()];
                }
            }
        }
        ItemKind::LongText { max_length } => html! {
            div.field {
                label for=(id) { (heading) }
                (notes)
                textarea id=(id) name=(id) rows="4" maxlength=(max_length) aria-invalid=[invalid] aria-describedby=[described.clone()] { (first) }
            }
        },
        // For each entry of the round's list, the sub-items, in a group named by the entry.
        ItemKind::Roster { list, items } => {
            let entries = sheet.entries.get(list).map(Vec::as_slice).unwrap_or_default();
            html! {
                fieldset.q-roster aria-describedby=[described.clone()] {
                    legend { (heading) }
                    (notes)
                    @for entry in entries {
                        input type="hidden" name=(format!("a-{}~entries", item.id)) value=(entry.key);
                        fieldset.q-entry {
                            legend { (entry.label) }
                            @for sub in items {
                                (keyed_item_markup(ctx, sheet, sub, &format!("{key}.{}.{}", entry.key, sub.id), &format!("{key}.{}.", entry.key), all_values, None))
                            }
                        }
                    }
                }
            }
        }
    };
    html! {
        div.q-item.has-error[problem.is_some()] id=(format!("q-{key}")) data-show-if-item=[show_item] data-show-if-any=[show_any] {
            (control)
        }
    }
}

/// The round's people who have not answered yet, to enter a form for.
async fn unanswered(state: &AppState, member: &Member, round: &Round) -> Result<Vec<(String, String)>, AppError> {
    Ok(store::respondents(&state.db, &member.scope, round)
        .await?
        .into_iter()
        .filter(|p| !p.answered)
        .map(|p| (p.id.to_string(), p.label))
        .collect())
}

fn on_behalf_page(
    ctx: &Ctx,
    round: &Round,
    sheet_people: Vec<(String, String)>,
    chosen: String,
    values: &Values,
    problems: &[ItemProblem],
) -> Markup {
    let sheet = Sheet {
        definition: &round.definition,
        title: &round.title,
        issue: &round.issue,
        anonymous: round.anonymous,
        pair_code: round.pair_code,
        entries: &round.entries,
        mode: Mode::OnBehalf { action: format!("/rounds/{}/enter", round.id), respondents: sheet_people, chosen },
    };
    sheet_page(ctx, &sheet, values, problems, None)
}

/// A form to enter a response on a respondent's behalf: a paper form, a phone interview.
pub async fn enter_page(State(state): State<AppState>, member: Member, PathId(id): PathId) -> Result<Markup, AppError> {
    if !member.scope.role().can_edit_initiatives() {
        return Err(AppError::Forbidden);
    }
    let round = store::get(&state.db, &member.scope, id).await?;
    let people = unanswered(&state, &member, &round).await?;
    Ok(on_behalf_page(&member.ctx, &round, people, String::new(), &Values::new(), &[]))
}

pub async fn enter(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(fields): Submitted<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let ctx = &member.ctx;
    let round = store::get(&state.db, &member.scope, id).await?;
    let (mut values, raw) = answers_from_form(&round.definition, &fields);
    let chosen = fields.iter().find(|(k, _)| k == "respondent").map(|(_, v)| v.clone()).unwrap_or_default();
    let respondent = match chosen.trim() {
        "" => None,
        raw_id => Some(raw_id.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    let problems: Vec<ItemProblem> = match pair_from_form(ctx, &round, &fields, &mut values) {
        Err(problems) => problems,
        Ok(pair) => {
            match store::enter_on_behalf(&state.db, &member.scope, &round, respondent, &raw, pair.as_ref()).await? {
                Ok(Saved::Submitted) | Ok(Saved::AlreadySubmitted) | Ok(Saved::Draft) => {
                    let done = format!("/rounds/{}?notice=qn-entered", round.id);
                    return Ok(axum::response::Redirect::to(&done).into_response());
                }
                Ok(Saved::Incomplete(missing)) => missing
                    .into_iter()
                    .map(|item| ItemProblem { item, message: ctx.t("qn-problem-required"), missing: true })
                    .collect(),
                Err(error) => {
                    vec![ItemProblem {
                        item: error.item.clone(),
                        message: problem_text(ctx, &error.problem),
                        missing: false,
                    }]
                }
            }
        }
    };
    let people = unanswered(&state, &member, &round).await?;
    let page = on_behalf_page(ctx, &round, people, chosen, &values, &problems);
    Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
