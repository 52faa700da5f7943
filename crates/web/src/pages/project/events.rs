//! Training events: the list with a form for a new one, and each event's page with its
//! attendance taken at the door.

use super::*;

/// An event as its form shows it: the stored values in the fields' own format.
fn input_of(event: &Event) -> EventInput {
    EventInput {
        title: event.title.clone(),
        starts_at: local_field(event.starts_at),
        ends_at: event.ends_at.map(local_field).unwrap_or_default(),
        place: event.place.clone(),
        organiser: event.organiser.clone(),
        target_group: event.target_group.clone(),
        capacity: event.capacity.map(|n| n.to_string()).unwrap_or_default(),
    }
}

fn event_fields(ctx: &Ctx, input: &EventInput, errors: &FieldErrors) -> Markup {
    html! {
        (forms::input(ctx, Field::new(ctx, "title", "project-event-title", errors).required(), "text", &input.title, Some("off")))
        (forms::input(ctx, Field::new(ctx, "starts_at", "project-event-starts-at", errors).required().hint(ctx.t("hint-project-local-time")), "datetime-local", &input.starts_at, None))
        (forms::input(ctx, Field::new(ctx, "ends_at", "project-event-ends-at", errors), "datetime-local", &input.ends_at, None))
        (forms::input(ctx, Field::new(ctx, "place", "project-event-place", errors), "text", &input.place, None))
        (forms::input(ctx, Field::new(ctx, "organiser", "project-event-organiser", errors).hint(ctx.t("hint-project-organiser")), "text", &input.organiser, None))
        (forms::input(ctx, Field::new(ctx, "target_group", "project-event-target-group", errors), "text", &input.target_group, None))
        (forms::input(ctx, Field::new(ctx, "capacity", "project-event-capacity", errors), "number", &input.capacity, None))
    }
}

fn event_labels(ctx: &Ctx) -> [(&'static str, String); 7] {
    [
        ("title", ctx.t("project-event-title")),
        ("starts_at", ctx.t("project-event-starts-at")),
        ("ends_at", ctx.t("project-event-ends-at")),
        ("place", ctx.t("project-event-place")),
        ("organiser", ctx.t("project-event-organiser")),
        ("target_group", ctx.t("project-event-target-group")),
        ("capacity", ctx.t("project-event-capacity")),
    ]
}

async fn events_view(
    state: &AppState,
    member: &Member,
    initiative_id: i64,
    shown_notice: Option<&str>,
    input: &EventInput,
    errors: &FieldErrors,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let initiative = parat_store::initiatives::get(&state.db, &member.scope, initiative_id).await?;
    let events = store::events_of(&state.db, &member.scope, initiative_id).await?;
    let body = html! {
        p.breadcrumb { a href=(format!("/initiatives/{initiative_id}")) { (initiative.name) } }
        h1 { (ctx.t("project-events")) }
        (notice(ctx, shown_notice))
        p.lead { (ctx.t("project-events-lead")) }
        @if events.is_empty() {
            p { (ctx.t("project-events-none")) }
        } @else {
            div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-events")) { table {
                caption { (ctx.t("project-events")) }
                thead { tr {
                    th scope="col" { (ctx.t("project-event-starts-at")) }
                    th scope="col" { (ctx.t("project-event-title")) }
                    th scope="col" { (ctx.t("project-event-place")) }
                    th scope="col" { (ctx.t("project-attendees")) }
                    th scope="col" { (ctx.t("project-head-count")) }
                } }
                tbody { @for event in &events { tr {
                    td.date { (ctx.date_time(event.starts_at)) }
                    th scope="row" { a href=(format!("/events/{}", event.id)) { (event.title) } }
                    td { (event.place) }
                    td.number { (event.attendees) }
                    td.number { (event.head_count) }
                } } }
            } }
        }
        @if member.scope.role().can_administer() {
            p { a href="/project/people" { (ctx.t("project-people-link")) } }
        }
        @if member.scope.role().can_edit_initiatives() {
            h2 #new-event { (ctx.t("project-event-new")) }
            (error_summary(ctx, errors, &event_labels(ctx)))
            form.stacked method="post" action=(format!("/initiatives/{initiative_id}/events")) novalidate {
                (csrf(ctx))
                (event_fields(ctx, input, errors))
                div.actions { button type="submit" { (ctx.t("project-event-create")) } }
            }
        }
    };
    Ok(page(ctx, &ctx.t("project-events"), Nav::Initiatives, body))
}

pub async fn events_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    events_view(&state, &member, id, query.notice.as_deref(), &EventInput::default(), &FieldErrors::new()).await
}

pub async fn create_event(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<EventInput>,
) -> Result<Response, AppError> {
    let made = match input.parse() {
        Ok(draft) => store::create_event(&state.db, &member.scope, id, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match made {
        Ok(event) => Ok(redirect_with_cookies(&format!("/events/{event}?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            Ok(rejected(events_view(&state, &member, id, None, &input, &errors).await?))
        }
        Err(other) => Err(other.into()),
    }
}

/// What an event's page shows back after a refused form: the typed values and their problems.
#[derive(Default)]
struct Shown {
    event: (EventInput, FieldErrors),
    attendee: (AttendeeInput, FieldErrors),
    head_count: (String, FieldErrors),
}

fn gender_options(ctx: &Ctx) -> Vec<(String, String)> {
    Gender::ALL.iter().map(|g| (g.key().to_owned(), ctx.t(&format!("project-gender-{}", g.key())))).collect()
}

async fn event_view(
    state: &AppState,
    member: &Member,
    id: i64,
    shown_notice: Option<&str>,
    shown: Shown,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let event = store::event(&state.db, &member.scope, id).await?;
    let attendees = store::attendees(&state.db, &member.scope, id).await?;
    let evaluation = store::evaluations_of(&state.db, &member.scope, event.initiative_id)
        .await?
        .into_iter()
        .find(|e| e.event_id == Some(id));
    let can_edit = member.scope.role().can_edit_initiatives();
    let genders = gender_options(ctx);
    let gender_label = |g: Gender| ctx.t(&format!("project-gender-{}", g.key()));
    let event_input = if shown.event.1.is_empty() { input_of(&event) } else { shown.event.0.clone() };
    let head_count =
        if shown.head_count.1.is_empty() { event.head_count.to_string() } else { shown.head_count.0.clone() };
    let attendee = AttendeeInput { gender: Gender::Unknown.key().into(), ..AttendeeInput::default() };
    let attendee = if shown.attendee.1.is_empty() { &attendee } else { &shown.attendee.0 };
    let body = html! {
        (notice(ctx, shown_notice))
        p.breadcrumb { a href=(format!("/initiatives/{}/events", event.initiative_id)) { (ctx.t("project-events")) } }
        h1 { (event.title) }
        dl.details {
            dt { (ctx.t("project-event-starts-at")) } dd { (ctx.date_time(event.starts_at)) }
            @if let Some(end) = event.ends_at { dt { (ctx.t("project-event-ends-at")) } dd { (ctx.date_time(end)) } }
            @if !event.place.is_empty() { dt { (ctx.t("project-event-place")) } dd { (event.place) } }
            @if !event.organiser.is_empty() { dt { (ctx.t("project-event-organiser")) } dd { (event.organiser) } }
            @if !event.target_group.is_empty() { dt { (ctx.t("project-event-target-group")) } dd { (event.target_group) } }
            @if let Some(capacity) = event.capacity { dt { (ctx.t("project-event-capacity")) } dd { (capacity) } }
            dt { (ctx.t("project-came")) }
            dd { (ctx.t_with("project-came-text", &[("named", f64::from(event.attendees).into()), ("counted", f64::from(event.head_count).into())])) }
        }
        section aria-labelledby="attendance" {
            h2 #attendance { (ctx.t("project-attendance")) }
            p { a href=(format!("/events/{id}/attendance.pdf")) download { (ctx.t("project-attendance-pdf")) } }
            @if attendees.is_empty() {
                p { (ctx.t("project-attendees-none")) }
            } @else {
                div.table-wrap tabindex="0" role="region" aria-label=(ctx.t("project-attendance")) { table {
                    caption { (ctx.t("project-attendance")) }
                    thead { tr {
                        th scope="col" { (ctx.t("project-attendee-name")) }
                        th scope="col" { (ctx.t("project-attendee-organisation")) }
                        th scope="col" { (ctx.t("project-attendee-unit")) }
                        th scope="col" { (ctx.t("project-attendee-gender")) }
                        @if can_edit { th scope="col" { span.visually-hidden { (ctx.t("project-remove")) } } }
                    } }
                    tbody { @for person in &attendees { tr {
                        th scope="row" { (person.name) }
                        td { (person.organisation) }
                        td { (person.unit) }
                        td { (gender_label(person.gender.0)) }
                        @if can_edit { td { (remove_button(ctx, format!("/events/{id}/attendees/{}/remove", person.id), &person.name)) } }
                    } } }
                } }
            }
            @if can_edit {
                h3 #add-attendee { (ctx.t("project-attendee-add")) }
                (error_summary(ctx, &shown.attendee.1, &[
                    ("name", ctx.t("project-attendee-name")), ("organisation", ctx.t("project-attendee-organisation")),
                    ("unit", ctx.t("project-attendee-unit")), ("gender", ctx.t("project-attendee-gender")),
                ]))
                form.stacked.door method="post" action=(format!("/events/{id}/attendees#add-attendee")) novalidate {
                    (csrf(ctx))
                    (forms::input(ctx, Field::new(ctx, "name", "project-attendee-name", &shown.attendee.1).required(), "text", &attendee.name, Some("off")))
                    (forms::input(ctx, Field::new(ctx, "organisation", "project-attendee-organisation", &shown.attendee.1), "text", &attendee.organisation, Some("organization")))
                    (forms::input(ctx, Field::new(ctx, "unit", "project-attendee-unit", &shown.attendee.1), "text", &attendee.unit, None))
                    (forms::select(ctx, Field::new(ctx, "gender", "project-attendee-gender", &shown.attendee.1).required(), &genders, &attendee.gender, None))
                    div.actions { button type="submit" { (ctx.t("project-attendee-add-button")) } }
                }
                h3 #head-count { (ctx.t("project-head-count")) }
                p { (ctx.t("project-head-count-lead")) }
                form.stacked method="post" action=(format!("/events/{id}/head-count#head-count")) novalidate {
                    (csrf(ctx))
                    (forms::input(ctx, Field::new(ctx, "head_count", "project-head-count", &shown.head_count.1), "number", &head_count, None))
                    div.actions { button type="submit" { (ctx.t("project-head-count-save")) } }
                }
            }
        }
        section aria-labelledby="evaluation" {
            h2 #evaluation { (ctx.t("project-evaluation")) }
            @match &evaluation {
                Some(round) => p { (super::evaluations::round_summary(ctx, round)) },
                None => {
                    p { (ctx.t("project-evaluation-lead")) }
                    @if can_edit {
                        (crate::views::forms::action_button(ctx, &format!("/events/{id}/evaluation"), &ctx.t("project-evaluation-start"), "secondary"))
                    }
                }
            }
            p { a href=(format!("/initiatives/{}/evaluations", event.initiative_id)) { (ctx.t("project-evaluations-compiled-link")) } }
        }
        @if can_edit {
            section aria-labelledby="edit-event" {
                h2 #edit-event { (ctx.t("project-event-edit")) }
                (error_summary(ctx, &shown.event.1, &event_labels(ctx)))
                form.stacked method="post" action=(format!("/events/{id}")) novalidate {
                    (csrf(ctx))
                    (event_fields(ctx, &event_input, &shown.event.1))
                    div.actions { button type="submit" { (ctx.t("save")) } }
                }
                form.inline method="post" action=(format!("/events/{id}/delete")) {
                    (csrf(ctx))
                    button.secondary type="submit" { (ctx.t("project-event-delete")) }
                }
            }
        }
    };
    Ok(page(ctx, &event.title, Nav::Initiatives, body))
}

pub async fn event_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Query(query): Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    event_view(&state, &member, id, query.notice.as_deref(), Shown::default()).await
}

pub async fn update_event(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<EventInput>,
) -> Result<Response, AppError> {
    let saved = match input.parse() {
        Ok(draft) => store::update_event(&state.db, &member.scope, id, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/events/{id}?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            let shown = Shown { event: (input, errors), ..Shown::default() };
            Ok(rejected(event_view(&state, &member, id, None, shown).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn delete_event(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    let event = store::event(&state.db, &member.scope, id).await?;
    store::delete_event(&state.db, &member.scope, id).await?;
    Ok(redirect_with_cookies(&format!("/initiatives/{}/events?notice=saved", event.initiative_id), &[]))
}

pub async fn add_attendee(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<AttendeeInput>,
) -> Result<Response, AppError> {
    let added = match input.parse() {
        Ok(person) => store::add_attendees(&state.db, &member.scope, id, &[person]).await.map(|_| ()),
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match added {
        // Back to an empty form for the next person at the door.
        Ok(()) => Ok(redirect_with_cookies(&format!("/events/{id}?notice=saved#add-attendee"), &[])),
        Err(StoreError::Invalid(errors)) => {
            let shown = Shown { attendee: (input, errors), ..Shown::default() };
            Ok(rejected(event_view(&state, &member, id, None, shown).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn remove_attendee(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, attendee): PathIds,
    Submitted(_): Submitted<EmptyForm>,
) -> Result<Response, AppError> {
    store::remove_attendee(&state.db, &member.scope, id, attendee).await?;
    Ok(redirect_with_cookies(&format!("/events/{id}?notice=saved#attendance"), &[]))
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct HeadCountInput {
    head_count: String,
}

pub async fn set_head_count(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<HeadCountInput>,
) -> Result<Response, AppError> {
    let saved = match parat_core::project::event::people(&input.head_count) {
        Ok(count) => store::set_head_count(&state.db, &member.scope, id, count).await,
        Err(problem) => Err(StoreError::Invalid(FieldErrors::single("head_count", problem))),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/events/{id}?notice=saved#head-count"), &[])),
        Err(StoreError::Invalid(errors)) => {
            let shown = Shown { head_count: (input.head_count, errors), ..Shown::default() };
            Ok(rejected(event_view(&state, &member, id, None, shown).await?))
        }
        Err(other) => Err(other.into()),
    }
}

/// The attendance list to print and sign: everyone recorded, then empty rows for those who come
/// without registering; a column for each signature.
pub async fn attendance_pdf(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    use parat_reports::document::{Block, Document, Section};
    let ctx = &member.ctx;
    let event = store::event(&state.db, &member.scope, id).await?;
    let attendees = store::attendees(&state.db, &member.scope, id).await?;
    let blank = || vec![String::new(); 4];
    let rows: Vec<Vec<String>> = attendees
        .iter()
        .map(|p| vec![p.name.clone(), p.organisation.clone(), p.unit.clone(), String::new()])
        .chain(std::iter::repeat_with(blank).take(BLANK_ROWS))
        .collect();
    let mut facts = vec![[ctx.t("project-event-starts-at"), ctx.date_time(event.starts_at)]];
    if !event.place.is_empty() {
        facts.push([ctx.t("project-event-place"), event.place.clone()]);
    }
    if !event.organiser.is_empty() {
        facts.push([ctx.t("project-event-organiser"), event.organiser.clone()]);
    }
    let document = Document {
        lang: ctx.locale.key().to_owned(),
        title: format!("{}: {}", ctx.t("project-attendance"), event.title),
        subtitle: ctx.date_time(event.starts_at),
        facts,
        sections: vec![Section {
            heading: ctx.t("project-attendance"),
            blocks: vec![
                Block::paragraph(ctx.t("project-attendance-pdf-lead")),
                Block::SignatureTable {
                    headers: vec![
                        ctx.t("project-attendee-name"),
                        ctx.t("project-attendee-organisation"),
                        ctx.t("project-attendee-unit"),
                        ctx.t("project-signature"),
                    ],
                    rows,
                },
            ],
        }],
        generated: crate::pages::generated(ctx),
    };
    let bytes = crate::pages::blocking(move || document.pdf()).await?;
    let name = format!("{} {}.pdf", ctx.t("project-attendance"), event.title);
    Ok(crate::pages::download(bytes, "application/pdf", &name))
}

/// Empty rows at the end of a printed list, for people who come without registering.
const BLANK_ROWS: usize = 10;
