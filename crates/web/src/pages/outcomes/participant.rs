//! A participant's page: who (by code), their episodes, and for the current one the course with
//! its alerts and chart, the sessions, and the forms to record a session, open or close an
//! episode; export and erasure.

use axum::http::header;
use axum::response::IntoResponse;
use parat_core::outcomes::entry::{Asked, SessionInput};
use parat_core::outcomes::trajectories::{band_of, Band, DEFAULT_MIN_EPISODES};
use parat_core::outcomes::{progress, EndReason};
use parat_store::outcomes::{Episode, EpisodeDraft, PendingLink, Session, SessionDraft, SessionSource};
use parat_store::participants::Participant;
use serde::Deserialize;

use super::*;
use crate::context::{PathId, PathIds};
use crate::pages::EmptyForm;

/// What the page shows besides the records: a shown form with what was sent and why, or a
/// phone link just made (shown once: only its hash is kept).
#[derive(Default)]
pub struct Shown {
    session: (SessionInput, FieldErrors),
    episode: (EpisodeInput, FieldErrors),
    close: (CloseInput, FieldErrors),
    fresh_link: Option<FreshLink>,
}

struct FreshLink {
    url: String,
    asked: Asked,
    /// Unix seconds.
    expires_at: i64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct LinkInput {
    scales: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct WatchQuery {
    sessions: usize,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EpisodeInput {
    unit_id: String,
    starts_on: String,
    /// Optional: the initiative (project) the episode belongs to, for its counted indicators.
    initiative_id: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CloseInput {
    ends_on: String,
    end_reason: String,
}

pub async fn participant_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    participant_view(&state, &member, id, query.notice.as_deref(), &Shown::default()).await
}

async fn participant_view(
    state: &AppState,
    member: &Member,
    id: i64,
    shown_notice: Option<&str>,
    shown: &Shown,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let participant = participants::open(&state.db, &member.scope, id).await?;
    let settings = outcomes::settings(&state.db, member.scope.org_id()).await?;
    let episodes = outcomes::episodes_of(&state.db, &member.scope, id).await?;
    let current = episodes.iter().find(|e| e.ended.is_none()).or(episodes.first());
    let sessions = match current {
        Some(episode) => outcomes::sessions_of_opened(&state.db, episode).await?,
        None => Vec::new(),
    };
    let expected = outcomes::expected(&state.db, member.scope.org_id()).await?;
    let links = match current {
        Some(episode) if episode.ended.is_none() => outcomes::pending_links(&state.db, episode).await?,
        _ => Vec::new(),
    };
    // The units and initiatives to open an episode in, only when the form is shown.
    let (units, initiatives) = if current.is_none_or(|e| e.ended.is_some()) {
        (
            outcomes::units(&state.db, &member.scope).await?,
            parat_store::initiatives::choices(&state.db, &member.scope).await?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let course = current.map(|_| progress(&settings, participant.age_group, sessions.iter().map(|s| &s.ratings)));
    let body = html! {
        (notice(ctx, shown_notice))
        p.breadcrumb { a href="/outcomes" { (ctx.t("outcomes-title")) } }
        h1 { (ctx.t("outcomes-participant")) " " (participant.code) }
        dl.details {
            dt { (ctx.t("outcomes-age-group")) } dd { (ctx.t(&format!("outcomes-age-group-{}", participant.age_group.key()))) }
            @if let Some(name) = &participant.name { dt { (ctx.t("outcomes-name")) } dd { (name) } }
            dt { (ctx.t("outcomes-consent-on")) }
            dd { (participant.consent_on.map(|d| ctx.locale.format_date(d)).unwrap_or_else(|| ctx.t("outcomes-consent-none"))) }
        }
        @if let (Some(episode), Some(course)) = (current, &course) {
            section aria-labelledby="course" {
                h2 #course { (ctx.t("outcomes-course")) }
                p { (ctx.t("outcomes-episode-in")) " " (episode.unit_name) ", " (ctx.locale.format_date(episode.starts_on))
                    @if let Some((end, reason)) = episode.ended { " – " (ctx.locale.format_date(end)) " (" (ctx.t(&format!("outcomes-end-reason-{}", reason.key().replace('_', "-")))) ")" } }
                @if course.alerts.is_empty() {
                    p { (ctx.t("outcomes-alerts-none")) }
                } @else {
                    div.notice.warning role="status" {
                        h3 { (ctx.t("outcomes-alerts")) }
                        ul { @for reason in alert_reasons(ctx, &settings, course) { li { (reason) } } }
                    }
                }
                dl.details {
                    dt { (ctx.t("outcomes-intake")) } dd { (course.intake.map(|v| decimal(ctx, v)).unwrap_or_else(|| "–".into())) }
                    dt { (ctx.t("outcomes-latest")) } dd { (course.latest.map(|v| decimal(ctx, v)).unwrap_or_else(|| "–".into())) }
                    dt { (ctx.t("outcomes-change")) } dd { (course.change.map(|v| decimal(ctx, v)).unwrap_or_else(|| "–".into())) }
                    dt { (ctx.t("outcomes-reliable")) } dd { (ctx.t(&format!("outcomes-reliable-{}", course.reliable.key()))) }
                    dt { (ctx.t("outcomes-cutoff")) } dd { (decimal(ctx, course.cutoff)) }
                }
                @if !sessions.is_empty() {
                    @let band = course.intake.and_then(|intake| band_of(&expected.bands, intake));
                    (chart(ctx, &participant, &sessions, course.cutoff, band.filter(|b| b.shown)))
                    (expected_caveat(ctx, band, expected.computed_at))
                }
                (sessions_table(ctx, &sessions))
                @if episode.ended.is_none() {
                    (session_form(ctx, episode, participant.age_group, &shown.session.0, &shown.session.1))
                    (phone_links(ctx, episode, &links, sessions.len(), shown.fresh_link.as_ref()))
                    (close_form(ctx, episode, &shown.close.0, &shown.close.1))
                }
            }
        }
        @if current.is_none_or(|e| e.ended.is_some()) {
            (episode_form(ctx, &participant, (&units, &initiatives), &shown.episode.0, &shown.episode.1))
        }
        @if episodes.len() > 1 {
            section aria-labelledby="episodes" {
                h2 #episodes { (ctx.t("outcomes-episodes")) }
                ul { @for e in &episodes {
                    li { (e.unit_name) ", " (ctx.locale.format_date(e.starts_on))
                        @if let Some((end, _)) = e.ended { " – " (ctx.locale.format_date(end)) } }
                } }
            }
        }
        section aria-labelledby="data" {
            h2 #data { (ctx.t("outcomes-data")) }
            p {
                a href=(format!("/outcomes/participants/{}/export.json", participant.id)) download { (ctx.t("outcomes-export")) }
                " · "
                a href=(format!("/outcomes/participants/{}/export.pdf", participant.id)) download { (ctx.t("outcomes-export-pdf")) }
            }
            @if member.scope.role().can_administer() {
                p { a.button.danger href=(format!("/outcomes/participants/{}/erase", participant.id)) { (ctx.t("outcomes-erase")) } }
            }
        }
    };
    Ok(page(ctx, &format!("{} {}", ctx.t("outcomes-participant"), participant.code), Nav::Outcomes, body))
}

/// What the shaded band is and where it comes from, or why there is none yet.
fn expected_caveat(ctx: &Ctx, band: Option<&Band>, computed_at: i64) -> Markup {
    use fluent_templates::fluent_bundle::FluentValue;
    let Some(band) = band else { return html! {} };
    let at = time::OffsetDateTime::from_unix_timestamp(computed_at)
        .map_or_else(|_| String::new(), |t| ctx.locale.format_datetime(t));
    let args = [
        ("episodes", FluentValue::from(band.episodes)),
        ("low", decimal(ctx, band.low).into()),
        ("high", decimal(ctx, band.high).into()),
        ("needed", FluentValue::from(DEFAULT_MIN_EPISODES)),
        ("at", at.into()),
    ];
    let id = if band.shown { "outcomes-expected-shown" } else { "outcomes-expected-none" };
    html! { p.hint.expected-caveat { (ctx.t_with(id, &args)) } }
}

fn chart(ctx: &Ctx, participant: &Participant, sessions: &[Session], cutoff: Tenths, band: Option<&Band>) -> Markup {
    use crate::views::charts::{course, CourseLabels, SessionTotals};
    let totals: Vec<SessionTotals> = sessions
        .iter()
        .map(|s| SessionTotals {
            outcome: s.ratings.outcome().map(|m| m.total().as_f64()),
            session: s.ratings.session().map(|m| m.total().as_f64()),
        })
        .collect();
    let title = ctx.t("outcomes-chart-title");
    let description = ctx.t_with("outcomes-chart-description", &[("code", participant.code.clone().into())]);
    let labels = CourseLabels {
        title: &title,
        description: &description,
        outcome: &ctx.t("outcomes-ors"),
        session: &ctx.t("outcomes-srs"),
        cutoff: &ctx.t("outcomes-cutoff"),
        expected: &ctx.t("outcomes-expected"),
        session_axis: &ctx.t("outcomes-session-number"),
    };
    // The band's points are per outcome rating: the first is the intake.
    // A few sessions ahead of the participant's, not the band's whole length.
    let ahead = sessions.len().max(1) + 3;
    let expected: Vec<(f64, f64)> =
        band.map(|b| b.points.iter().take(ahead).map(|p| (p.q1, p.q3)).collect()).unwrap_or_default();
    course(&labels, &totals, cutoff.as_f64(), &expected)
}

fn sessions_table(ctx: &Ctx, sessions: &[Session]) -> Markup {
    let total =
        |m: Option<&parat_core::outcomes::Marks>| m.map(|m| decimal(ctx, m.total())).unwrap_or_else(|| "–".into());
    let items = |m: Option<&parat_core::outcomes::Marks>| {
        m.and_then(|m| m.item_marks())
            .map(|items| items.iter().map(|v| decimal(ctx, *v)).collect::<Vec<_>>().join(" · "))
            .unwrap_or_default()
    };
    html! {
        @if sessions.is_empty() { p { (ctx.t("outcomes-sessions-none")) } } @else {
            div.table-wrap { table {
                caption { (ctx.t("outcomes-sessions")) }
                thead { tr {
                    th scope="col" { (ctx.t("outcomes-session-number")) }
                    th scope="col" { (ctx.t("outcomes-held-on")) }
                    th scope="col" { (ctx.t("outcomes-ors")) }
                    th scope="col" { (ctx.t("outcomes-srs")) }
                } }
                tbody { @for (i, s) in sessions.iter().enumerate() {
                    tr {
                        th scope="row" { (i + 1) }
                        td { (ctx.locale.format_date(s.held_on)) }
                        td.number { (total(s.ratings.outcome())) @let marks = items(s.ratings.outcome()); @if !marks.is_empty() { br; small { (marks) } } }
                        td.number { (total(s.ratings.session())) @let marks = items(s.ratings.session()); @if !marks.is_empty() { br; small { (marks) } } }
                    }
                } }
            } }
        }
    }
}

/// The four lines of a scale as the participant's variant words them (the questionnaire
/// engine's line items: a number field, a slider with the page's script), and, for paper, its
/// total. The script shows the lines' sum as they are marked.
pub(super) fn scale_fields(
    ctx: &Ctx,
    scale: parat_core::outcomes::Scale,
    age_group: parat_core::outcomes::AgeGroup,
    values: [&str; 5],
    errors: &FieldErrors,
    paper_total: bool,
) -> Markup {
    use parat_core::outcomes::entry::{ORS_FIELDS, SRS_FIELDS};
    use parat_core::questionnaire::ItemKind;
    let (names, total_name) = match scale {
        parat_core::outcomes::Scale::Outcome => (ORS_FIELDS, "ors_total"),
        parat_core::outcomes::Scale::Session => (SRS_FIELDS, "srs_total"),
    };
    let definition = parat_core::outcomes::scales::definition(scale, age_group, false);
    let items: Vec<_> = definition.map(|d| d.items().collect()).unwrap_or_default();
    // The item's words, then what the line's ends mean.
    let hint = |i: usize| {
        items.get(i).map_or_else(String::new, |item| match &item.kind {
            ItemKind::Line { low, high, .. } => {
                format!("{} (0 = {}, 10 = {})", item.text.get(ctx.locale), low.get(ctx.locale), high.get(ctx.locale))
            }
            _ => item.text.get(ctx.locale).to_owned(),
        })
    };
    let legend = ctx.t(&format!("outcomes-{}", scale.key()));
    html! {
        fieldset.field.scale data-scale=(scale.key()) {
            legend { (legend) }
            p.hint { (ctx.t(if paper_total { "outcomes-scale-hint" } else { "outcomes-scale-hint-phone" })) }
            @for (i, name) in names.iter().enumerate() {
                @let field = Field::new(ctx, name, &format!("outcomes-{}-{}", scale.key(), i + 1), errors).hint(hint(i));
                (forms::line(ctx, field, values[i], (0.0, 10.0)))
            }
            p.scale-sum aria-live="polite" data-sum-label=(ctx.t("outcomes-sum")) {}
            @if paper_total {
                (forms::input(ctx, Field::new(ctx, total_name, &format!("outcomes-{}-total", scale.key()), errors).hint(ctx.t("hint-outcomes-total")), "text", values[4], Some("off")))
            }
        }
    }
}

/// The scales' fields with their labels (four marks and the total of each), for a form's list
/// of problems.
pub(super) fn mark_labels(ctx: &Ctx) -> Vec<(&'static str, String)> {
    [
        ("ors_1", "outcomes-ors-1"),
        ("ors_2", "outcomes-ors-2"),
        ("ors_3", "outcomes-ors-3"),
        ("ors_4", "outcomes-ors-4"),
        ("ors_total", "outcomes-ors-total"),
        ("srs_1", "outcomes-srs-1"),
        ("srs_2", "outcomes-srs-2"),
        ("srs_3", "outcomes-srs-3"),
        ("srs_4", "outcomes-srs-4"),
        ("srs_total", "outcomes-srs-total"),
    ]
    .into_iter()
    .map(|(field, id)| (field, ctx.t(id)))
    .collect()
}

fn session_form(
    ctx: &Ctx,
    episode: &Episode,
    age_group: parat_core::outcomes::AgeGroup,
    input: &SessionInput,
    errors: &FieldErrors,
) -> Markup {
    let today = parat_store::now_date().to_string();
    let held_on = if input.held_on.is_empty() { today.as_str() } else { input.held_on.as_str() };
    // A fresh key per form shown: the same form sent twice stores one session.
    let submission = if input.submission.is_empty() {
        parat_store::Secret::generate().expose().to_owned()
    } else {
        input.submission.clone()
    };
    let labels: Vec<(&str, String)> =
        [("held_on", ctx.t("outcomes-held-on"))].into_iter().chain(mark_labels(ctx)).collect();
    html! {
        section aria-labelledby="record" {
            h3 #record { (ctx.t("outcomes-record")) }
            p.hint { (ctx.t("outcomes-record-lead")) }
            (error_summary(ctx, errors, &labels))
            form.stacked method="post" action=(format!("/outcomes/episodes/{}/sessions", episode.id)) novalidate {
                (csrf(ctx))
                input type="hidden" name="submission" value=(submission);
                (forms::input(ctx, Field::new(ctx, "held_on", "outcomes-held-on", errors).required(), "date", held_on, None))
                div.field.checkbox {
                    input #f-group_session type="checkbox" name="group_session" value="on" checked[input.group_session == "on"];
                    label for="f-group_session" { (ctx.t("outcomes-group-session")) }
                }
                (scale_fields(ctx, parat_core::outcomes::Scale::Outcome, age_group, [&input.ors_1, &input.ors_2, &input.ors_3, &input.ors_4, &input.ors_total], errors, true))
                (scale_fields(ctx, parat_core::outcomes::Scale::Session, age_group, [&input.srs_1, &input.srs_2, &input.srs_3, &input.srs_4, &input.srs_total], errors, true))
                div.actions { button type="submit" { (ctx.t("outcomes-record-save")) } }
            }
        }
    }
}

/// Rating on the participant's own phone: a one-time link asking for one scale or both, shown
/// once when made; the links not used yet, each to withdraw. While one is out the page asks the
/// server every few seconds (htmx) whether a rating came in, and reloads when one did.
fn phone_links(
    ctx: &Ctx,
    episode: &Episode,
    links: &[PendingLink],
    sessions: usize,
    fresh: Option<&FreshLink>,
) -> Markup {
    let options: Vec<(String, String)> =
        Asked::ALL.iter().map(|a| (a.key().to_owned(), ctx.t(&format!("outcomes-link-asked-{}", a.key())))).collect();
    let until = |expires_at: i64| {
        time::OffsetDateTime::from_unix_timestamp(expires_at)
            .map_or_else(|_| String::new(), |t| ctx.locale.format_datetime(t))
    };
    let no_errors = FieldErrors::new();
    html! {
        section aria-labelledby="phone" {
            h3 #phone { (ctx.t("outcomes-link-title")) }
            p.hint { (ctx.t("outcomes-link-lead")) }
            @if let Some(fresh) = fresh {
                div.notice role="status" {
                    p { (ctx.t_with("outcomes-link-made", &[("asked", ctx.t(&format!("outcomes-link-asked-{}", fresh.asked.key())).into()), ("until", until(fresh.expires_at).into())])) }
                    p { a.link-url href=(fresh.url) { (fresh.url) } }
                }
            }
            @if !links.is_empty() {
                div hx-get=(format!("/outcomes/episodes/{}/watch?sessions={sessions}", episode.id)) hx-trigger="every 5s" hx-swap="none" {
                    ul.links { @for link in links {
                        li {
                            (ctx.t_with("outcomes-link-pending", &[("asked", ctx.t(&format!("outcomes-link-asked-{}", link.asked.key())).into()), ("until", until(link.expires_at).into())]))
                            " "
                            form.inline method="post" action=(format!("/outcomes/episodes/{}/links/{}/withdraw", episode.id, link.id)) {
                                (csrf(ctx))
                                button.secondary type="submit" { (ctx.t("outcomes-link-withdraw")) }
                            }
                        }
                    } }
                    p { a href=(format!("/outcomes/participants/{}#phone", episode.participant_id)) { (ctx.t("outcomes-link-refresh")) } }
                }
            }
            form.stacked method="post" action=(format!("/outcomes/episodes/{}/links", episode.id)) {
                (csrf(ctx))
                (forms::select(ctx, Field::new(ctx, "scales", "outcomes-link-scales", &no_errors), &options, "outcome", None))
                div.actions { button type="submit" { (ctx.t("outcomes-link-make")) } }
            }
        }
    }
}

fn episode_form(
    ctx: &Ctx,
    participant: &Participant,
    (units, initiatives): (&[outcomes::Unit], &[(i64, String)]),
    input: &EpisodeInput,
    errors: &FieldErrors,
) -> Markup {
    let options: Vec<(String, String)> = units.iter().map(|u| (u.id.to_string(), u.name.clone())).collect();
    let projects: Vec<(String, String)> = initiatives.iter().map(|(id, name)| (id.to_string(), name.clone())).collect();
    let starts_on =
        if input.starts_on.is_empty() { parat_store::now_date().to_string() } else { input.starts_on.clone() };
    html! {
        section aria-labelledby="open-episode" {
            h2 #open-episode { (ctx.t("outcomes-episode-open")) }
            (error_summary(ctx, errors, &[("unit_id", ctx.t("outcomes-unit")), ("starts_on", ctx.t("outcomes-starts-on")), ("initiative_id", ctx.t("outcomes-initiative"))]))
            form.stacked method="post" action=(format!("/outcomes/participants/{}/episodes", participant.id)) novalidate {
                (csrf(ctx))
                (forms::select(ctx, Field::new(ctx, "unit_id", "outcomes-unit", errors).required(), &options, &input.unit_id, Some(ctx.t("choose"))))
                (forms::input(ctx, Field::new(ctx, "starts_on", "outcomes-starts-on", errors).required(), "date", &starts_on, None))
                @if !projects.is_empty() {
                    (forms::select(ctx, Field::new(ctx, "initiative_id", "outcomes-initiative", errors).hint(ctx.t("outcomes-initiative-hint")), &projects, &input.initiative_id, Some(ctx.t("outcomes-initiative-none"))))
                }
                div.actions { button type="submit" { (ctx.t("outcomes-episode-open")) } }
            }
        }
    }
}

fn close_form(ctx: &Ctx, episode: &Episode, input: &CloseInput, errors: &FieldErrors) -> Markup {
    let reasons: Vec<(String, String)> = EndReason::ALL
        .iter()
        .map(|r| (r.key().to_owned(), ctx.t(&format!("outcomes-end-reason-{}", r.key().replace('_', "-")))))
        .collect();
    html! {
        details.close-episode open[!errors.is_empty()] {
            summary { (ctx.t("outcomes-episode-close")) }
            (error_summary(ctx, errors, &[("ends_on", ctx.t("outcomes-ends-on")), ("end_reason", ctx.t("outcomes-end-reason"))]))
            form.stacked method="post" action=(format!("/outcomes/episodes/{}/close", episode.id)) novalidate {
                (csrf(ctx))
                (forms::input(ctx, Field::new(ctx, "ends_on", "outcomes-ends-on", errors).required(), "date", &input.ends_on, None))
                (forms::select(ctx, Field::new(ctx, "end_reason", "outcomes-end-reason", errors).required(), &reasons, &input.end_reason, Some(ctx.t("choose"))))
                div.actions { button type="submit" { (ctx.t("outcomes-episode-close")) } }
            }
        }
    }
}

/// The participant whose episode this is, for a redirect back or a shown form.
async fn participant_of(state: &AppState, member: &Member, episode_id: i64) -> Result<i64, AppError> {
    Ok(outcomes::episode(&state.db, &member.scope, episode_id).await?.participant_id)
}

pub async fn record_session(
    State(state): State<AppState>,
    member: Member,
    PathId(episode_id): PathId,
    Submitted(input): Submitted<SessionInput>,
) -> Result<Response, AppError> {
    let participant_id = participant_of(&state, &member, episode_id).await?;
    let today = parat_store::now_date();
    let saved = match input.parse(today) {
        Ok(entry) => {
            let draft = SessionDraft {
                held_on: entry.held_on,
                group_session: entry.group_session,
                ratings: entry.ratings,
                source: SessionSource::Tablet,
                submission: entry.submission,
            };
            outcomes::record_session(&state.db, &member.scope, episode_id, &draft, today).await.map(|_| ())
        }
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => {
            Ok(redirect_with_cookies(&format!("/outcomes/participants/{participant_id}?notice=saved#course"), &[]))
        }
        Err(StoreError::Invalid(errors)) => {
            let shown = Shown { session: (input, errors), ..Shown::default() };
            Ok(rejected(participant_view(&state, &member, participant_id, None, &shown).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn open_episode(
    State(state): State<AppState>,
    member: Member,
    PathId(participant_id): PathId,
    Submitted(input): Submitted<EpisodeInput>,
) -> Result<Response, AppError> {
    let today = parat_store::now_date();
    let mut errors = FieldErrors::new();
    let unit_id =
        errors.check("unit_id", input.unit_id.trim().parse::<i64>().map_err(|_| parat_core::Problem::NotChosen));
    let starts_on = errors.check(
        "starts_on",
        parat_core::initiative::parse_date(&input.starts_on).and_then(|d| d.ok_or(parat_core::Problem::Required)),
    );
    let initiative_id = errors.check("initiative_id", parat_core::validation::optional_id(&input.initiative_id));
    let opened = match (unit_id, starts_on, initiative_id) {
        (Some(unit_id), Some(starts_on), Some(initiative_id)) if errors.is_empty() => {
            let draft = EpisodeDraft {
                participant_id,
                unit_id,
                practitioner_id: member.scope.user_id(),
                initiative_id,
                starts_on,
            };
            outcomes::open_episode(&state.db, &member.scope, &draft, today).await.map(|_| ())
        }
        _ => Err(StoreError::Invalid(errors)),
    };
    match opened {
        Ok(()) => {
            Ok(redirect_with_cookies(&format!("/outcomes/participants/{participant_id}?notice=saved#course"), &[]))
        }
        Err(StoreError::Invalid(errors)) => {
            let shown = Shown { episode: (input, errors), ..Shown::default() };
            Ok(rejected(participant_view(&state, &member, participant_id, None, &shown).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn close_episode(
    State(state): State<AppState>,
    member: Member,
    PathId(episode_id): PathId,
    Submitted(input): Submitted<CloseInput>,
) -> Result<Response, AppError> {
    let participant_id = participant_of(&state, &member, episode_id).await?;
    let mut errors = FieldErrors::new();
    let ends_on = errors.check(
        "ends_on",
        parat_core::initiative::parse_date(&input.ends_on).and_then(|d| d.ok_or(parat_core::Problem::Required)),
    );
    let reason = errors.check("end_reason", EndReason::parse(&input.end_reason));
    let closed = match (ends_on, reason) {
        (Some(ends_on), Some(reason)) => {
            outcomes::close_episode(&state.db, &member.scope, episode_id, ends_on, reason, parat_store::now_date())
                .await
        }
        _ => Err(StoreError::Invalid(errors)),
    };
    match closed {
        Ok(()) => Ok(redirect_with_cookies(&format!("/outcomes/participants/{participant_id}?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            let shown = Shown { close: (input, errors), ..Shown::default() };
            Ok(rejected(participant_view(&state, &member, participant_id, None, &shown).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn export_participant(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    let data = outcomes::export_participant(&state.db, &member.scope, id).await?;
    let body = serde_json::to_string_pretty(&data).map_err(|e| AppError::Internal(Box::new(e)))?;
    let filename = format!("attachment; filename=\"participant-{id}.json\"");
    Ok(([(header::CONTENT_TYPE, "application/json".to_owned()), (header::CONTENT_DISPOSITION, filename)], body)
        .into_response())
}

pub async fn confirm_erase(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    if !member.scope.role().can_administer() {
        return Err(AppError::Forbidden);
    }
    let ctx = &member.ctx;
    let participant = participants::open(&state.db, &member.scope, id).await?;
    let body = html! {
        h1 { (ctx.t("outcomes-erase")) " " (participant.code) }
        p { (ctx.t("outcomes-erase-lead")) }
        form method="post" action=(format!("/outcomes/participants/{id}/erase")) {
            (csrf(ctx))
            div.actions {
                button.danger type="submit" { (ctx.t("outcomes-erase-confirm")) }
                " " a href=(format!("/outcomes/participants/{id}")) { (ctx.t("cancel")) }
            }
        }
    };
    Ok(page(ctx, &ctx.t("outcomes-erase"), Nav::Outcomes, body))
}

pub async fn erase_participant(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    participants::erase(&state.db, &member.scope, id).await?;
    Ok(redirect_with_cookies("/outcomes?notice=erased", &[]))
}

/// Makes a one-time link for the participant's phone and shows it, once.
pub async fn make_link(
    State(state): State<AppState>,
    member: Member,
    PathId(episode_id): PathId,
    Submitted(input): Submitted<LinkInput>,
) -> Result<Response, AppError> {
    let participant_id = participant_of(&state, &member, episode_id).await?;
    let asked = Asked::from_key(&input.scales).unwrap_or(Asked::Outcome);
    let (token, expires_at) = outcomes::create_link(&state.db, &member.scope, episode_id, asked).await?;
    let url = format!("{}/r/{}", state.settings.public_url.trim_end_matches('/'), token.expose());
    let shown = Shown { fresh_link: Some(FreshLink { url, asked, expires_at }), ..Shown::default() };
    Ok(participant_view(&state, &member, participant_id, None, &shown).await?.into_response())
}

pub async fn withdraw_link(
    State(state): State<AppState>,
    member: Member,
    PathIds(episode_id, link_id): PathIds,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    let participant_id = participant_of(&state, &member, episode_id).await?;
    outcomes::withdraw_link(&state.db, &member.scope, episode_id, link_id).await?;
    Ok(redirect_with_cookies(&format!("/outcomes/participants/{participant_id}?notice=saved#phone"), &[]))
}

/// Whether a rating came in since the page was shown (htmx polls this while a link is out):
/// nothing to swap when not, a reload when one did. A count, not the ratings: no personal data.
pub async fn watch(
    State(state): State<AppState>,
    member: Member,
    PathId(episode_id): PathId,
    axum::extract::Query(query): axum::extract::Query<WatchQuery>,
) -> Result<Response, AppError> {
    let count = outcomes::session_count(&state.db, &member.scope, episode_id).await?;
    if count > query.sessions {
        Ok(([("HX-Refresh", "true")], "").into_response())
    } else {
        Ok(axum::http::StatusCode::NO_CONTENT.into_response())
    }
}

/// Everything about the participant as a PDF, for the person who asks for their data: who,
/// consent, and every episode with each session's marks.
pub async fn export_participant_pdf(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    use parat_reports::document::{Block, Document, Section};
    let ctx = &member.ctx;
    let t = |id: &str| ctx.t(id);
    let record = outcomes::participant_record(&state.db, &member.scope, id).await?;
    let participant = &record.participant;
    let marks = |m: Option<&parat_core::outcomes::Marks>| -> Vec<String> {
        match m {
            None => vec![String::new(); 5],
            Some(m) => {
                let items = m
                    .item_marks()
                    .map_or_else(|| vec![String::new(); 4], |i| i.iter().map(|v| decimal(ctx, *v)).collect());
                items.into_iter().chain([decimal(ctx, m.total())]).collect()
            }
        }
    };
    let headers: Vec<String> = [
        "outcomes-held-on",
        "outcomes-ors-1",
        "outcomes-ors-2",
        "outcomes-ors-3",
        "outcomes-ors-4",
        "outcomes-ors-total",
        "outcomes-srs-1",
        "outcomes-srs-2",
        "outcomes-srs-3",
        "outcomes-srs-4",
        "outcomes-srs-total",
    ]
    .iter()
    .map(|id| t(id))
    .collect();
    let sections = record
        .episodes
        .iter()
        .map(|(episode, sessions)| {
            let mut period = format!("{}, {}", episode.unit_name, ctx.locale.format_date(episode.starts_on));
            if let Some((end, reason)) = episode.ended {
                period.push_str(&format!(
                    " – {} ({})",
                    ctx.locale.format_date(end),
                    t(&format!("outcomes-end-reason-{}", reason.key().replace('_', "-")))
                ));
            }
            let rows: Vec<Vec<String>> = sessions
                .iter()
                .map(|s| {
                    [ctx.locale.format_date(s.held_on)]
                        .into_iter()
                        .chain(marks(s.ratings.outcome()))
                        .chain(marks(s.ratings.session()))
                        .collect()
                })
                .collect();
            Section::or_note(
                format!("{}: {period}", t("outcomes-episode")),
                Block::table_if_any(headers.clone(), rows, 0),
                || t("outcomes-sessions-none"),
            )
        })
        .collect();
    let mut facts = vec![
        [t("outcomes-code"), participant.code.clone()],
        [t("outcomes-age-group"), t(&format!("outcomes-age-group-{}", participant.age_group.key()))],
    ];
    if let Some(name) = &participant.name {
        facts.push([t("outcomes-name"), name.clone()]);
    }
    if let Some(number) = &participant.personal_number {
        facts.push([t("outcomes-personal-number"), number.clone()]);
    }
    facts.push([
        t("outcomes-consent-on"),
        participant.consent_on.map_or_else(|| t("outcomes-consent-none"), |d| ctx.locale.format_date(d)),
    ]);
    if !participant.consent_scope.is_empty() {
        facts.push([t("outcomes-consent-scope"), participant.consent_scope.clone()]);
    }
    let document = Document {
        lang: ctx.locale.key().to_owned(),
        title: format!("{} {}", t("outcomes-participant"), participant.code),
        subtitle: t("outcomes-export-subtitle"),
        facts,
        sections,
        generated: crate::pages::generated(ctx),
    };
    let bytes = crate::pages::blocking(move || document.pdf()).await?;
    Ok(crate::pages::download(bytes, "application/pdf", &format!("participant-{}.pdf", participant.code)))
}
