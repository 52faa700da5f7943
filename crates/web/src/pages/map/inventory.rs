//! Entering a map's inventory: actors, meetings, who attends each in which role, how useful
//! they find it, and needs for contact. Bad input comes back beside its field with what was
//! typed.

// The area's shared imports and helpers live in mod.rs.
use super::*;
use parat_core::map::inventory::{
    ActorInput, AttendanceInput, AttendanceRole, MeetingInput, NeedInput, RatingInput, Source,
};
use parat_store::map::Actor;

fn require_edit(map: &Map) -> Result<(), AppError> {
    if map.can_edit {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn choices<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str, name: impl Fn(T) -> String) -> Vec<(String, String)> {
    all.iter().map(|c| (key(*c).to_owned(), name(*c))).collect()
}

/// The actor form: a new actor, or `editing` one (its details are the organisation's, shown in
/// every map it takes part in).
fn actor_form(ctx: &Ctx, map: &Map, editing: Option<i64>, input: &ActorInput, errors: &FieldErrors) -> Markup {
    let agencies = choices(Agency::ALL, Agency::key, |a| agency_name(ctx, a));
    let (title, action, button) = match editing {
        Some(actor) => (ctx.t("map-actor-edit"), format!("/maps/{}/actors/{actor}/edit", map.id), ctx.t("map-save")),
        None => (ctx.t("map-actor-new"), format!("/maps/{}/actors", map.id), ctx.t("map-actor-add")),
    };
    let body = html! {
        p.breadcrumb { a href=(format!("/maps/{}", map.id)) { (map.name) } }
        h1 { (title) }
        p.lead { (ctx.t("map-actor-lead")) }
        (error_summary(ctx, errors, &[("organisation", ctx.t("map-organisation")), ("unit", ctx.t("map-unit")), ("function", ctx.t("map-function")), ("agency", ctx.t("map-agency"))]))
        form.stacked method="post" action=(action) novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "organisation", "map-organisation", errors).required().hint(ctx.t("hint-map-organisation")), "text", &input.organisation, None))
            (forms::input(ctx, Field::new(ctx, "unit", "map-unit", errors).hint(ctx.t("hint-map-unit")), "text", &input.unit, None))
            (forms::input(ctx, Field::new(ctx, "function", "map-function", errors).hint(ctx.t("hint-map-function")), "text", &input.function, None))
            (forms::select(ctx, Field::new(ctx, "agency", "map-agency", errors).required(), &agencies, &input.agency, Some(ctx.t("choose"))))
            div.actions {
                button.primary type="submit" { (button) }
                a.button href=(format!("/maps/{}", map.id)) { (ctx.t("cancel")) }
            }
        }
    };
    page(ctx, &title, Nav::Maps, body)
}

pub async fn new_actor_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    require_edit(&map)?;
    Ok(actor_form(&member.ctx, &map, None, &ActorInput::default(), &FieldErrors::new()))
}

pub async fn create_actor(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<ActorInput>,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    require_edit(&map)?;
    let made = match input.parse() {
        Ok(draft) => map::create_actor(&state.db, &member.scope, &map, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match made {
        Ok(_) => Ok(redirect_with_cookies(&format!("/maps/{id}?notice=saved#actors"), &[])),
        Err(StoreError::Invalid(errors)) => Ok(rejected(actor_form(&member.ctx, &map, None, &input, &errors))),
        Err(other) => Err(other.into()),
    }
}

/// The meeting form: a new meeting, or `editing` one (its attendance and ratings stay).
fn meeting_form(
    ctx: &Ctx,
    map: &Map,
    (actors, editing): (&[Actor], Option<i64>),
    input: &MeetingInput,
    errors: &FieldErrors,
) -> Markup {
    let levels = choices(Level::ALL, Level::key, |l| level_name(ctx, l));
    let conveners: Vec<(String, String)> = actors.iter().map(|a| (a.id.to_string(), a.label())).collect();
    let (title, action, button, back) = match editing {
        Some(meeting) => (
            ctx.t("map-meeting-edit"),
            format!("/maps/{}/meetings/{meeting}/edit", map.id),
            ctx.t("map-save"),
            format!("/maps/{}/meetings/{meeting}", map.id),
        ),
        None => (
            ctx.t("map-meeting-new"),
            format!("/maps/{}/meetings", map.id),
            ctx.t("map-meeting-add"),
            format!("/maps/{}", map.id),
        ),
    };
    let body = html! {
        p.breadcrumb { a href=(format!("/maps/{}", map.id)) { (map.name) } }
        h1 { (title) }
        (error_summary(ctx, errors, &[("name", ctx.t("map-meeting-name")), ("purpose", ctx.t("map-purpose")), ("level", ctx.t("map-level")), ("per_year", ctx.t("map-per-year")), ("hours", ctx.t("map-hours")), ("convener_id", ctx.t("map-convener")), ("basis", ctx.t("map-basis")), ("target_group", ctx.t("map-target-group"))]))
        form.stacked method="post" action=(action) novalidate {
            (csrf(ctx))
            (forms::input(ctx, Field::new(ctx, "name", "map-meeting-name", errors).required(), "text", &input.name, None))
            (forms::textarea(ctx, Field::new(ctx, "purpose", "map-purpose", errors).hint(ctx.t("hint-map-purpose")), &input.purpose))
            (forms::select(ctx, Field::new(ctx, "level", "map-level", errors).required(), &levels, &input.level, Some(ctx.t("choose"))))
            (forms::input(ctx, Field::new(ctx, "per_year", "map-per-year", errors).required().hint(ctx.t("hint-map-per-year")), "text", &input.per_year, None))
            (forms::input(ctx, Field::new(ctx, "hours", "map-hours", errors).required().hint(ctx.t("hint-map-hours")), "text", &input.hours, None))
            (forms::select(ctx, Field::new(ctx, "convener_id", "map-convener", errors), &conveners, &input.convener_id, Some(ctx.t("map-convener-none"))))
            (forms::input(ctx, Field::new(ctx, "basis", "map-basis", errors).hint(ctx.t("hint-map-basis")), "text", &input.basis, None))
            (forms::input(ctx, Field::new(ctx, "target_group", "map-target-group", errors).hint(ctx.t("hint-map-meeting-target-group")), "text", &input.target_group, None))
            div.actions {
                button.primary type="submit" { (button) }
                a.button href=(back) { (ctx.t("cancel")) }
            }
        }
    };
    page(ctx, &title, Nav::Maps, body)
}

pub async fn new_meeting_page(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
) -> Result<Markup, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    require_edit(&map)?;
    let actors = map::actors(&state.db, &member.scope).await?;
    Ok(meeting_form(&member.ctx, &map, (&actors, None), &MeetingInput::default(), &FieldErrors::new()))
}

pub async fn create_meeting(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<MeetingInput>,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    require_edit(&map)?;
    let made = match input.parse() {
        Ok(draft) => map::create_meeting(&state.db, &member.scope, &map, &draft, Source::Entry).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match made {
        Ok(meeting) => Ok(redirect_with_cookies(&format!("/maps/{id}/meetings/{meeting}?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            let actors = map::actors(&state.db, &member.scope).await?;
            Ok(rejected(meeting_form(&member.ctx, &map, (&actors, None), &input, &errors)))
        }
        Err(other) => Err(other.into()),
    }
}

/// What the meeting page's two forms hold after a refused submission.
#[derive(Default)]
struct Entered {
    attendance: AttendanceInput,
    rating: RatingInput,
    errors: FieldErrors,
}

async fn meeting_view(
    state: &AppState,
    member: &Member,
    map: &Map,
    meeting_id: i64,
    entered: &Entered,
    notice_key: Option<&str>,
) -> Result<Markup, AppError> {
    let ctx = &member.ctx;
    let meeting = map::meeting(&state.db, map, meeting_id).await?;
    let actors = map::actors(&state.db, &member.scope).await?;
    let ratings: Vec<_> =
        map::ratings(&state.db, map).await?.into_iter().filter(|r| r.meeting_id == meeting_id).collect();
    let name_of = |id: i64| actors.iter().find(|a| a.id == id).map(Actor::label).unwrap_or_default();
    let options: Vec<(String, String)> = actors.iter().map(|a| (a.id.to_string(), a.label())).collect();
    let roles = choices(AttendanceRole::ALL, AttendanceRole::key, |r| ctx.t(&format!("map-role-{}", r.key())));
    let steps: Vec<(String, String)> =
        (1..=4).map(|s: u8| (s.to_string(), format!("{s} – {}", ctx.t(&format!("map-useful-{s}"))))).collect();
    let errors = &entered.errors;
    let id = map.id;
    let action = |what: &str| format!("/maps/{id}/meetings/{meeting_id}/{what}");
    let body = html! {
        (notice(ctx, notice_key))
        p.breadcrumb { a href=(format!("/maps/{id}")) { (map.name) } }
        h1 { (meeting.name) }
        dl.details {
            dt { (ctx.t("map-level")) } dd { (level_name(ctx, meeting.level)) }
            dt { (ctx.t("map-per-year")) } dd { (ctx.locale.format_decimal(meeting.per_year, 1)) }
            dt { (ctx.t("map-hours")) } dd { (ctx.locale.format_decimal(meeting.hours, 1)) }
            dt { (ctx.t("map-purpose")) } dd { (if meeting.purpose.is_empty() { "–" } else { &meeting.purpose }) }
            dt { (ctx.t("map-convener")) } dd { (meeting.convener_id.map(name_of).unwrap_or_else(|| "–".into())) }
            dt { (ctx.t("map-basis")) } dd { (if meeting.basis.is_empty() { "–" } else { &meeting.basis }) }
        }
        @if map.can_edit {
            p { a href=(action("edit")) { (ctx.t("map-meeting-edit")) } " · " a href=(action("remove")) { (ctx.t("map-meeting-remove")) } }
        }
        h2 #attendance { (ctx.t("map-attendance")) }
        @if meeting.attendance.is_empty() { p { (ctx.t("map-attendance-none")) } } @else {
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("map-attendance")) }
                thead { tr {
                    th scope="col" { (ctx.t("map-actor")) }
                    th scope="col" { (ctx.t("map-role")) }
                    th scope="col" { (ctx.t("map-source")) }
                    @if map.can_edit { th scope="col" { span.visually-hidden { (ctx.t("map-attendance-remove")) } } }
                } }
                tbody { @for a in &meeting.attendance {
                    tr {
                        th scope="row" { (name_of(a.actor_id)) }
                        td { (ctx.t(&format!("map-role-{}", a.role.key()))) }
                        td { (ctx.t(&format!("map-source-{}", a.source.key()))) }
                        @if map.can_edit {
                            td { form.inline method="post" action=(action("attendance/remove")) {
                                (csrf(ctx))
                                input type="hidden" name="actor_id" value=(a.actor_id);
                                button type="submit" { (ctx.t("map-attendance-remove")) span.visually-hidden { " " (name_of(a.actor_id)) } }
                            } }
                        }
                    }
                } }
            } }
        }
        @if map.can_edit {
            (error_summary(ctx, errors, &[("actor_id", ctx.t("map-actor")), ("role", ctx.t("map-role")), ("useful_own", ctx.t("map-useful-own")), ("useful_group", ctx.t("map-useful-group")), ("works", ctx.t("map-works")), ("change", ctx.t("map-change"))]))
            form.stacked method="post" action=(action("attendance")) novalidate {
                (csrf(ctx))
                h3 { (ctx.t("map-attendance-add")) }
                (forms::select(ctx, Field::new(ctx, "actor_id", "map-actor", errors).required(), &options, &entered.attendance.actor_id, Some(ctx.t("choose"))))
                (forms::select(ctx, Field::new(ctx, "role", "map-role", errors).required(), &roles, &entered.attendance.role, Some(ctx.t("choose"))))
                div.actions { button type="submit" { (ctx.t("map-attendance-save")) } }
            }
        }
        h2 #ratings { (ctx.t("map-ratings")) }
        @if ratings.is_empty() { p { (ctx.t("map-ratings-none")) } } @else {
            div.table-wrap { table {
                caption.visually-hidden { (ctx.t("map-ratings")) }
                thead { tr {
                    th scope="col" { (ctx.t("map-actor")) }
                    th scope="col" { (ctx.t("map-useful-own")) }
                    th scope="col" { (ctx.t("map-useful-group")) }
                    th scope="col" { (ctx.t("map-works")) }
                    th scope="col" { (ctx.t("map-change")) }
                    th scope="col" { (ctx.t("map-source")) }
                } }
                tbody { @for r in &ratings {
                    tr {
                        th scope="row" { (name_of(r.actor_id)) }
                        td.number { (r.useful_own.map_or("–".into(), |u| u.to_string())) }
                        td.number { (r.useful_group.map_or("–".into(), |u| u.to_string())) }
                        td { (if r.works.is_empty() { "–" } else { &r.works }) }
                        td { (if r.change.is_empty() { "–" } else { &r.change }) }
                        td { (ctx.t(&format!("map-source-{}", r.source.key()))) }
                    }
                } }
            } }
        }
        @if map.can_edit && !meeting.attendance.is_empty() {
            @let attending: Vec<(String, String)> = meeting.attendance.iter().map(|a| (a.actor_id.to_string(), name_of(a.actor_id))).collect();
            form.stacked method="post" action=(action("ratings")) novalidate {
                (csrf(ctx))
                h3 { (ctx.t("map-rating-add")) }
                (forms::select(ctx, Field::new(ctx, "actor_id", "map-actor", errors).required(), &attending, &entered.rating.actor_id, Some(ctx.t("choose"))))
                (forms::select(ctx, Field::new(ctx, "useful_own", "map-useful-own", errors), &steps, &entered.rating.useful_own, Some(ctx.t("map-useful-unsaid"))))
                (forms::select(ctx, Field::new(ctx, "useful_group", "map-useful-group", errors), &steps, &entered.rating.useful_group, Some(ctx.t("map-useful-unsaid"))))
                (forms::textarea(ctx, Field::new(ctx, "works", "map-works", errors), &entered.rating.works))
                (forms::textarea(ctx, Field::new(ctx, "change", "map-change", errors), &entered.rating.change))
                div.actions { button type="submit" { (ctx.t("map-rating-save")) } }
            }
        }
    };
    Ok(page(ctx, &meeting.name, Nav::Maps, body))
}

pub async fn meeting_page(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, meeting): PathIds,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> Result<Markup, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    meeting_view(&state, &member, &map, meeting, &Entered::default(), query.notice.as_deref()).await
}

/// What a form on the meeting page saves: its checked draft, handed to the store.
enum MeetingChange {
    Attendance(AttendanceInput),
    Rating(RatingInput),
}

impl MeetingChange {
    /// Where the page scrolls to after saving.
    fn anchor(&self) -> &'static str {
        match self {
            MeetingChange::Attendance(_) => "attendance",
            MeetingChange::Rating(_) => "ratings",
        }
    }

    async fn save(&self, state: &AppState, member: &Member, map: &Map, meeting: i64) -> Result<(), StoreError> {
        let (db, scope) = (&state.db, &member.scope);
        match self {
            MeetingChange::Attendance(input) => {
                map::set_attendance(
                    db,
                    scope,
                    map,
                    meeting,
                    &input.parse().map_err(StoreError::Invalid)?,
                    Source::Entry,
                )
                .await
            }
            MeetingChange::Rating(input) => {
                map::rate(db, scope, map, meeting, &input.parse().map_err(StoreError::Invalid)?, Source::Entry).await
            }
        }
    }

    /// The page again with what was typed in the refused form.
    fn entered(self, errors: FieldErrors) -> Entered {
        match self {
            MeetingChange::Attendance(attendance) => Entered { attendance, errors, ..Default::default() },
            MeetingChange::Rating(rating) => Entered { rating, errors, ..Default::default() },
        }
    }
}

async fn change_meeting(
    state: AppState,
    member: Member,
    (id, meeting): (i64, i64),
    change: MeetingChange,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    map::meeting(&state.db, &map, meeting).await?;
    require_edit(&map)?;
    match change.save(&state, &member, &map, meeting).await {
        Ok(()) => {
            let to = format!("/maps/{id}/meetings/{meeting}?notice=saved#{}", change.anchor());
            Ok(redirect_with_cookies(&to, &[]))
        }
        Err(StoreError::Invalid(errors)) => {
            let entered = change.entered(errors);
            Ok(rejected(meeting_view(&state, &member, &map, meeting, &entered, None).await?))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn add_attendance(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, meeting): PathIds,
    Submitted(input): Submitted<AttendanceInput>,
) -> Result<Response, AppError> {
    change_meeting(state, member, (id, meeting), MeetingChange::Attendance(input)).await
}

pub async fn add_rating(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, meeting): PathIds,
    Submitted(input): Submitted<RatingInput>,
) -> Result<Response, AppError> {
    change_meeting(state, member, (id, meeting), MeetingChange::Rating(input)).await
}

pub async fn add_need(
    State(state): State<AppState>,
    member: Member,
    PathId(id): PathId,
    Submitted(input): Submitted<NeedInput>,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    require_edit(&map)?;
    let saved = match input.parse() {
        Ok(draft) => map::add_need(&state.db, &member.scope, &map, &draft, Source::Entry).await.map(|_| ()),
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/maps/{id}?notice=saved#needs"), &[])),
        Err(StoreError::Invalid(errors)) => {
            Ok(rejected(map_view(&state, &member, (&map, &MapFilter::default()), (&input, &errors), None).await?))
        }
        Err(other) => Err(other.into()),
    }
}

/// The actor whose attendance the remove button takes away.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct RemoveAttendance {
    actor_id: String,
}

pub async fn remove_attendance(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, meeting): PathIds,
    Submitted(form): Submitted<RemoveAttendance>,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    map::meeting(&state.db, &map, meeting).await?;
    require_edit(&map)?;
    let actor = crate::pages::parse_id(form.actor_id.trim())?;
    map::remove_attendance(&state.db, &member.scope, &map, meeting, actor).await?;
    Ok(redirect_with_cookies(&format!("/maps/{id}/meetings/{meeting}?notice=saved#attendance"), &[]))
}

/// Asks before a meeting goes: its attendance and ratings go with it.
pub async fn confirm_remove_meeting(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, meeting): PathIds,
) -> Result<Markup, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    let found = map::meeting(&state.db, &map, meeting).await?;
    require_edit(&map)?;
    let ctx = &member.ctx;
    let name = || [("name", crate::i18n::FluentValue::from(found.name.clone()))];
    let action = format!("/maps/{id}/meetings/{meeting}/remove");
    let back = format!("/maps/{id}/meetings/{meeting}");
    Ok(crate::views::confirm::confirm_page(
        ctx,
        Nav::Maps,
        crate::views::confirm::Confirmation {
            question: ctx.t_with("map-meeting-remove-question", &name()),
            consequence: ctx.t("map-meeting-remove-consequence"),
            action: &action,
            fields: &[],
            confirm_label: ctx.t("map-meeting-remove"),
            back: &back,
        },
    ))
}

pub async fn remove_meeting(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, meeting): PathIds,
    Submitted(_): Submitted<crate::pages::EmptyForm>,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    require_edit(&map)?;
    map::remove_meeting(&state.db, &member.scope, &map, meeting).await?;
    Ok(redirect_with_cookies(&format!("/maps/{id}?notice=saved#meetings"), &[]))
}

pub async fn edit_actor_page(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, actor): PathIds,
) -> Result<Markup, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    require_edit(&map)?;
    let found = map::actor(&state.db, &map, actor).await?;
    let input = ActorInput {
        organisation: found.organisation,
        unit: found.unit,
        function: found.function,
        agency: found.agency.key().to_owned(),
    };
    Ok(actor_form(&member.ctx, &map, Some(actor), &input, &FieldErrors::new()))
}

pub async fn update_actor(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, actor): PathIds,
    Submitted(input): Submitted<ActorInput>,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    require_edit(&map)?;
    map::actor(&state.db, &map, actor).await?;
    let saved = match input.parse() {
        Ok(draft) => map::update_actor(&state.db, &member.scope, &map, actor, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/maps/{id}?notice=saved#actors"), &[])),
        Err(StoreError::Invalid(errors)) => Ok(rejected(actor_form(&member.ctx, &map, Some(actor), &input, &errors))),
        Err(other) => Err(other.into()),
    }
}

pub async fn edit_meeting_page(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, meeting): PathIds,
) -> Result<Markup, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    require_edit(&map)?;
    let found = map::meeting(&state.db, &map, meeting).await?;
    let actors = map::actors(&state.db, &member.scope).await?;
    let decimal = |value: f64| editable_decimal(&member.ctx, value);
    let input = MeetingInput {
        name: found.name,
        purpose: found.purpose,
        level: found.level.key().to_owned(),
        per_year: decimal(found.per_year),
        hours: decimal(found.hours),
        convener_id: found.convener_id.map(|c| c.to_string()).unwrap_or_default(),
        basis: found.basis,
        target_group: found.target_group,
    };
    Ok(meeting_form(&member.ctx, &map, (&actors, Some(meeting)), &input, &FieldErrors::new()))
}

pub async fn update_meeting(
    State(state): State<AppState>,
    member: Member,
    PathIds(id, meeting): PathIds,
    Submitted(input): Submitted<MeetingInput>,
) -> Result<Response, AppError> {
    let map = map::open(&state.db, &member.scope, id).await?;
    require_edit(&map)?;
    map::meeting(&state.db, &map, meeting).await?;
    let saved = match input.parse() {
        Ok(draft) => map::update_meeting(&state.db, &member.scope, &map, meeting, &draft).await,
        Err(errors) => Err(StoreError::Invalid(errors)),
    };
    match saved {
        Ok(()) => Ok(redirect_with_cookies(&format!("/maps/{id}/meetings/{meeting}?notice=saved"), &[])),
        Err(StoreError::Invalid(errors)) => {
            let actors = map::actors(&state.db, &member.scope).await?;
            Ok(rejected(meeting_form(&member.ctx, &map, (&actors, Some(meeting)), &input, &errors)))
        }
        Err(other) => Err(other.into()),
    }
}
